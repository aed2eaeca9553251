//! Entity extraction over JSON lines.
//!
//! ```text
//! entities [--labels conll] [--model FILE] [--skip PASS,...] [--explain] < docs.jsonl > predictions.jsonl
//! ```
//!
//! `--model FILE` uses a model written by the `train` binary instead of the
//! embedded one (`scripts/eval-heldout.sh`). `--skip` leaves out passes of
//! `entities::passes::PASSES` by name (for the ablation table);
//! `--explain` adds an `"explain"` array to each output line: what the
//! tagger and each pass did, in order (`{"pass", "start", "end", "text",
//! "kind", "was"}`, `kind` null when the pass dropped the span).
//!
//! Each input line is `{"id": ..., "text": ...}`; each output line is
//! `{"id": ..., "entities": [{"start", "end", "label", ...}]}` with offsets in
//! Unicode code points, end exclusive. With `--labels conll`, labels are
//! PER/ORG/LOC/MISC and dates/quantities are left out; otherwise labels are
//! the full kinds ("person", ...) with the canonical entity id and name.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use article_analysis::entities::{Extractor, Options};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut conll = false;
    let mut options = Options::default();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--labels" => match args.get(i + 1).map(String::as_str) {
                Some("conll") => {
                    conll = true;
                    i += 1;
                }
                Some("full") => i += 1,
                other => {
                    eprintln!("entities: --labels takes `conll` or `full`, got {other:?}");
                    return ExitCode::from(2);
                }
            },
            "--model" => {
                let Some(path) = args.get(i + 1) else {
                    eprintln!("entities: --model takes a file");
                    return ExitCode::from(2);
                };
                let loaded = std::fs::read(path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| article_analysis::entities::tagger::use_model(&b).map_err(str::to_string));
                if let Err(e) = loaded {
                    eprintln!("entities: --model {path}: {e}");
                    return ExitCode::from(2);
                }
                i += 1;
            }
            "--skip" => {
                let Some(list) = args.get(i + 1) else {
                    eprintln!("entities: --skip takes pass names separated by commas");
                    return ExitCode::from(2);
                };
                for name in list.split(',').filter(|n| !n.is_empty()) {
                    if !article_analysis::entities::passes::PASSES
                        .iter()
                        .any(|p| p.name == name)
                    {
                        eprintln!("entities: --skip: no pass named {name:?}");
                        return ExitCode::from(2);
                    }
                    options.skip.push(name.to_string());
                }
                i += 1;
            }
            "--explain" => options.explain = true,
            "-h" | "--help" => {
                println!(
                    "usage: entities [--labels conll|full] [--model FILE] [--skip PASS,...] [--explain] < in.jsonl > out.jsonl"
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("entities: unknown argument {other:?} (usage: entities [--labels conll])");
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let lineno = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("entities: line {lineno}: cannot read input: {e}");
                return ExitCode::FAILURE;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("entities: line {lineno}: malformed JSON: {e}");
                return ExitCode::FAILURE;
            }
        };
        let (Some(id), Some(text)) = (rec.get("id"), rec.get("text").and_then(Value::as_str)) else {
            eprintln!("entities: line {lineno}: expected an object with \"id\" and a string \"text\"");
            return ExitCode::FAILURE;
        };
        let (result, trace) = Extractor::with_options(text, options.clone()).finish_explained(text);
        // Byte offset → code-point offset, in one pass over sorted mentions.
        let mut ents = Vec::with_capacity(result.mentions.len());
        let mut byte = 0;
        let mut cp = 0;
        let mut to_cp = |b: usize| {
            if b >= byte {
                cp += text.get(byte..b).map_or(0, |s| s.chars().count());
            } else {
                cp = text.get(..b).map_or(0, |s| s.chars().count());
            }
            byte = b;
            cp
        };
        for m in &result.mentions {
            let start = to_cp(m.span.start);
            let end = to_cp(m.span.end);
            if conll {
                if let Some(label) = m.kind.conll() {
                    ents.push(json!({"start": start, "end": end, "label": label}));
                }
            } else {
                let e = result.entities.get(m.entity);
                ents.push(json!({
                    "start": start,
                    "end": end,
                    "label": m.kind.as_str(),
                    "entity": e.map_or("", |e| e.id.as_str()),
                    "name": e.map_or("", |e| e.name.as_str()),
                }));
            }
        }
        let mut rec = json!({"id": id, "entities": ents});
        if options.explain {
            // Code-point offsets, as for the entities: a table of the code
            // point at each byte (the trace is not in text order).
            let mut at = vec![0usize; text.len() + 1];
            for (n, (b, c)) in text.char_indices().enumerate() {
                for slot in at.iter_mut().skip(b).take(c.len_utf8()) {
                    *slot = n;
                }
            }
            if let Some(end) = at.last_mut() {
                *end = text.chars().count();
            }
            let cp = |b: usize| at.get(b).copied().unwrap_or(0);
            let steps: Vec<Value> = trace
                .iter()
                .map(|t| {
                    json!({
                        "pass": t.pass,
                        "start": cp(t.span.start),
                        "end": cp(t.span.end),
                        "text": text.get(t.span.clone()).unwrap_or(""),
                        "kind": t.kind.map(|k| k.as_str()),
                        "was": t.was.map(|k| k.as_str()),
                    })
                })
                .collect();
            rec["explain"] = Value::Array(steps);
        }
        if writeln!(out, "{rec}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
