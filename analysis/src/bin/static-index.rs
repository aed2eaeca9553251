//! Builds and queries a static, sharded index (see
//! `article_analysis::static_index`), and measures it.
//!
//! ```text
//! static-index generate OUT.jsonl --articles N [--seed S] INPUT.jsonl...
//! static-index build OUT_DIR INPUT.jsonl... [--no-entities] [--limit N]
//!                    [--shard-bytes B] [--meta-chunk N]
//!                    [--size-sample N]
//! static-index query OUT_DIR "words" [-k K]
//! static-index entity OUT_DIR "name"
//! static-index report OUT_DIR [--reps N] [--rtt MS] [--mbps M]
//! ```
//!
//! Input lines are JSON objects with a `"text"` field (and optionally
//! `"title"` and `"url"`). `generate` recombines the texts of its inputs into
//! N article-sized texts (2–5 KB, pieces of at most 1,200 bytes cut at
//! whitespace, drawn with a seeded generator: see `static_index::recombine`).
//! `build` writes the files into OUT_DIR (old `*.bin` files there are removed
//! first) and prints sizes; `report` runs a fixed set of representative
//! queries against the files held in memory and prints a Markdown table of
//! files, bytes (raw, gzip, brotli) and latency.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use article_analysis::static_index::{
    recombine, write_files, AnalysedDocument, BuildOptions, Builder, Document, Fetched, Files, MemoryFiles,
    Reader, MANIFEST,
};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  static-index generate OUT.jsonl --articles N [--seed S] INPUT.jsonl...
  static-index build OUT_DIR INPUT.jsonl... [--no-entities] [--limit N] [--shard-bytes B] [--meta-chunk N] [--size-sample N]
  static-index query OUT_DIR \"words\" [-k K]
  static-index entity OUT_DIR \"name\"
  static-index report OUT_DIR [--reps N] [--rtt MS] [--mbps M]";

/// The representative queries of `report`: (what it shows, query). A query
/// starting with `@` is an entity lookup.
const QUERIES: &[(&str, &str)] = &[
    ("common word", "the "),
    ("common word", "said "),
    ("common word", "government "),
    ("mid word", "election "),
    ("mid word", "music "),
    ("rare word", "mosul "),
    ("rare word", "eurosceptic "),
    ("absent word", "zzyzx "),
    ("two words", "prime minister "),
    ("two words", "iraq war "),
    ("two words, rare", "nobel physics "),
    ("three words", "united states president "),
    ("name", "obama "),
    ("name", "london "),
    ("name", "Biden's "),
    ("prefix", "elec"),
    ("prefix", "prime min"),
    ("prefix, 1 letter", "s"),
    ("entity", "@United States"),
    ("entity", "@Barack Obama"),
    ("entity", "@London"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(&args[1..]),
        Some("build") => build(&args[1..]),
        Some("query") => query(&args[1..]),
        Some("entity") => entity(&args[1..]),
        Some("report") => report(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("static-index: {e}");
            ExitCode::from(2)
        }
    }
}

/// Splits `args` into positional arguments and `--flag value` options
/// (`flags` lists the options without a value).
fn parse<'a>(
    args: &'a [String],
    flags: &[&str],
) -> Result<(Vec<&'a str>, HashMap<&'a str, &'a str>), String> {
    let mut pos = Vec::new();
    let mut opts = HashMap::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a.starts_with('-') && a.len() > 1 {
            if flags.contains(&a) {
                opts.insert(a, "");
            } else {
                let v = args.get(i + 1).ok_or(format!("{a} needs a value"))?;
                opts.insert(a, v.as_str());
                i += 1;
            }
        } else {
            pos.push(a);
        }
        i += 1;
    }
    Ok((pos, opts))
}

fn num<T: std::str::FromStr>(opts: &HashMap<&str, &str>, key: &str, default: T) -> Result<T, String> {
    match opts.get(key) {
        Some(v) => v.parse().map_err(|_| format!("{key}: not a number: {v}")),
        None => Ok(default),
    }
}

/// Every line of the JSON lines files as (title, url, text); the URL
/// defaults to `file#line`.
fn read_docs(paths: &[&str], limit: usize, mut each: impl FnMut(Document)) -> Result<(), String> {
    let mut n = 0;
    for path in paths {
        if path.contains("ner-dev") {
            return Err(format!("{path}: the dev set is never used here"));
        }
        let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        for (i, line) in BufReader::new(f).lines().enumerate() {
            if n >= limit {
                return Ok(());
            }
            let line = line.map_err(|e| format!("{path}: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
            let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let mut url = field("url");
            if url.is_empty() {
                url = format!("{path}#{}", i + 1);
            }
            each(Document::new(field("title"), url, field("text")));
            n += 1;
        }
    }
    Ok(())
}

fn generate(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &[])?;
    let (out, inputs) = pos.split_first().ok_or(USAGE)?;
    let count: usize = num(&opts, "--articles", 10_000)?;
    let seed: u64 = num(&opts, "--seed", 1)?;
    let mut sources = Vec::new();
    read_docs(inputs, usize::MAX, |d| sources.push(d.text))?;
    let docs = recombine(&sources, count, 2_000, 5_000, 1_200, seed);
    let f = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut w = BufWriter::new(f);
    let mut bytes = 0;
    for d in &docs {
        bytes += d.text.len();
        let line = json!({"url": d.url, "text": d.text});
        writeln!(w, "{line}").map_err(|e| format!("{out}: {e}"))?;
    }
    w.flush().map_err(|e| format!("{out}: {e}"))?;
    let src: usize = sources.iter().map(String::len).sum();
    eprintln!(
        "generated {} articles, {:.1} MB of text, from {} source texts ({:.1} MB) -> {out}",
        docs.len(),
        mb(bytes),
        sources.len(),
        mb(src)
    );
    Ok(())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1e3)
}

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = e.write_all(bytes);
    e.finish().map_or(0, |v| v.len())
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out.len()
}

/// Analyses documents on every core, in order, in batches.
fn analyse_all(docs: Vec<Document>, entities: bool) -> Vec<AnalysedDocument> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut slots: Vec<Option<AnalysedDocument>> = vec![None; docs.len()];
    let docs: Vec<(usize, Document)> = docs.into_iter().enumerate().collect();
    let per = docs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(i, d)| (*i, d.clone().analyse(entities)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            if let Ok(done) = h.join() {
                for (i, a) in done {
                    slots[i] = Some(a);
                }
            }
        }
    });
    slots.into_iter().flatten().collect()
}

fn build(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &["--no-entities"])?;
    let (out, inputs) = pos.split_first().ok_or(USAGE)?;
    let entities = !opts.contains_key("--no-entities");
    let defaults = BuildOptions::default();
    let options = BuildOptions {
        shard_bytes: num(&opts, "--shard-bytes", defaults.shard_bytes)?,
        docs_per_meta_chunk: num(&opts, "--meta-chunk", defaults.docs_per_meta_chunk)?,
        ..defaults
    };
    let limit: usize = num(&opts, "--limit", usize::MAX)?;
    let started = Instant::now();
    let mut builder = Builder::new(options);
    let mut batch = Vec::new();
    let mut text_bytes = 0;
    let mut analyse_time = Duration::ZERO;
    let mut flush = |batch: &mut Vec<Document>, builder: &mut Builder| {
        let t = Instant::now();
        for a in analyse_all(std::mem::take(batch), entities) {
            builder.add(a);
        }
        analyse_time += t.elapsed();
    };
    read_docs(inputs, limit, |d| {
        text_bytes += d.text.len();
        batch.push(d);
        if batch.len() == 2_000 {
            flush(&mut batch, &mut builder);
        }
    })?;
    flush(&mut batch, &mut builder);
    let articles = builder.len();
    let t = Instant::now();
    let files = builder.finish();
    let cut_time = t.elapsed();
    let dir = PathBuf::from(out);
    if dir.is_dir() {
        for e in std::fs::read_dir(&dir)
            .map_err(|e| format!("{out}: {e}"))?
            .flatten()
        {
            if e.file_name().to_string_lossy().ends_with(".bin") {
                std::fs::remove_file(e.path()).map_err(|e| format!("{out}: {e}"))?;
            }
        }
    }
    write_files(&files, &dir).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "built {articles} articles ({:.1} MB of text, entities {}) in {:.1} s: analysis {:.1} s ({:.1} MB/s), cutting and encoding {:.1} s",
        mb(text_bytes),
        if entities { "on" } else { "off" },
        started.elapsed().as_secs_f64(),
        analyse_time.as_secs_f64(),
        mb(text_bytes) / analyse_time.as_secs_f64().max(1e-9),
        cut_time.as_secs_f64()
    );
    print_stats(&files, num(&opts, "--size-sample", 1)?);
    Ok(())
}

/// Sizes: totals raw / gzip / brotli and the distribution per kind of file.
fn print_stats(files: &Files, sample: usize) {
    let t = Instant::now();
    // Per kind of file: (raw, gzip, brotli) of each file.
    type Sizes = Vec<(usize, usize, usize)>;
    let mut rows: Vec<(&str, Sizes)> = vec![
        ("manifest", Vec::new()),
        ("term shards (t-)", Vec::new()),
        ("entity shards (e-)", Vec::new()),
        ("metadata chunks (m-)", Vec::new()),
    ];
    // Compress on every core.
    let all: Vec<(&String, &Vec<u8>)> = files.iter().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = all.len().div_ceil(threads).max(1);
    type Sized<'a> = (&'a String, usize, Option<(usize, usize)>);
    let sized: Vec<Sized> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(n, b)| (*n, b.len(), sample_hit(n, sample).then(|| (gzip(b), brotli(b)))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let (mut raw_sampled, mut gz_sampled, mut br_sampled, mut raw_all) = (0, 0, 0, 0);
    for (name, raw, compressed) in sized {
        raw_all += raw;
        let Some((g, b)) = compressed else {
            continue;
        };
        raw_sampled += raw;
        gz_sampled += g;
        br_sampled += b;
        let size = (raw, g, b);
        let row = match name.as_bytes().first() {
            _ if name == MANIFEST => 0,
            Some(b't') => 1,
            Some(b'e') => 2,
            _ => 3,
        };
        rows[row].1.push(size);
    }
    let scale = raw_all as f64 / raw_sampled.max(1) as f64;
    println!(
        "\n{} files, {:.2} MB raw, {:.2} MB gzip, {:.2} MB brotli (compressed in {:.0} s{})\n",
        files.len(),
        mb(raw_all),
        mb(gz_sampled) * scale,
        mb(br_sampled) * scale,
        t.elapsed().as_secs_f64(),
        if sample > 1 {
            format!("; 1 file in {sample} compressed, totals scaled, the table lists only those")
        } else {
            String::new()
        }
    );
    println!("| files | count | total raw | total brotli | min | median | p90 | max (raw) | median brotli |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (label, mut sizes) in rows {
        if sizes.is_empty() {
            continue;
        }
        sizes.sort_unstable();
        let q = |p: f64| sizes[((sizes.len() - 1) as f64 * p).round() as usize].0;
        let mut br: Vec<usize> = sizes.iter().map(|x| x.2).collect();
        br.sort_unstable();
        println!(
            "| {label} | {} | {} | {} | {} | {} | {} | {} | {} |",
            sizes.len(),
            kb(sizes.iter().map(|x| x.0).sum()),
            kb(br.iter().sum()),
            kb(q(0.0)),
            kb(q(0.5)),
            kb(q(0.9)),
            kb(q(1.0)),
            kb(br[br.len() / 2])
        );
    }
}

/// Whether this file is in the compressed sample (the manifest always is).
fn sample_hit(name: &str, sample: usize) -> bool {
    name == MANIFEST
        || sample <= 1
        || name
            .bytes()
            .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(usize::from(b)))
            % sample
            == 0
}

fn open_dir(dir: &str) -> Result<MemoryFiles, String> {
    MemoryFiles::read_dir(Path::new(dir)).map_err(|e| format!("{dir}: {e}"))
}

fn query(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &[])?;
    let [dir, q] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let k: usize = num(&opts, "-k", 10)?;
    let files = open_dir(dir)?;
    let mut r = Reader::open(files.fetcher()).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let found = r.search(q, k).map_err(|e| e.to_string())?;
    let took = t.elapsed();
    println!(
        "{} matching articles{}",
        found.total,
        truncated_note(found.prefix_truncated)
    );
    for h in &found.hits {
        println!("{:8.3}  #{:<6} {}  {}", h.score, h.id, h.url, h.title);
    }
    print_fetched(&files, r.manifest_bytes(), &found.fetched);
    println!("query time (files in memory): {:.3} ms", took.as_secs_f64() * 1e3);
    Ok(())
}

fn truncated_note(t: bool) -> &'static str {
    if t {
        " (prefix spans too many shards: only the first were read)"
    } else {
        ""
    }
}

fn print_fetched(files: &MemoryFiles, manifest: usize, fetched: &[Fetched]) {
    println!("\nfetched (besides {MANIFEST}, {manifest} bytes, once per visit):");
    let mut sum = (0, 0, 0);
    for f in fetched {
        let bytes = files.0.get(&f.name).map_or(&[][..], Vec::as_slice);
        let (g, b) = (gzip(bytes), brotli(bytes));
        println!("  {:24} {:>9} raw {:>9} gzip {:>9} brotli", f.name, f.bytes, g, b);
        sum = (sum.0 + f.bytes, sum.1 + g, sum.2 + b);
    }
    println!(
        "  {:24} {:>9} raw {:>9} gzip {:>9} brotli",
        format!("total ({} files)", fetched.len()),
        sum.0,
        sum.1,
        sum.2
    );
}

fn entity(args: &[String]) -> Result<(), String> {
    let (pos, _) = parse(args, &[])?;
    let [dir, name] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let files = open_dir(dir)?;
    let mut r = Reader::open(files.fetcher()).map_err(|e| e.to_string())?;
    let (hits, fetched) = r.entity(name).map_err(|e| e.to_string())?;
    for h in &hits {
        let mentions: u32 = h.articles.iter().map(|a| a.1).sum();
        println!(
            "{} ({}): {} articles, {mentions} mentions",
            h.name,
            h.kind.as_str(),
            h.articles.len()
        );
    }
    if hits.is_empty() {
        println!("no entity named {name:?}");
    }
    print_fetched(&files, r.manifest_bytes(), &fetched);
    Ok(())
}

fn report(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &[])?;
    let [dir] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let reps: usize = num(&opts, "--reps", 50)?;
    let rtt: f64 = num(&opts, "--rtt", 50.0)?;
    let mbps: f64 = num(&opts, "--mbps", 10.0)?;
    let files = open_dir(dir)?;
    let mut compressed: HashMap<String, (usize, usize)> = HashMap::new();
    let mut sizes = |name: &str| -> (usize, usize) {
        *compressed.entry(name.to_string()).or_insert_with(|| {
            let b = files.0.get(name).map_or(&[][..], Vec::as_slice);
            (gzip(b), brotli(b))
        })
    };
    let reader = Reader::open(files.fetcher()).map_err(|e| e.to_string())?;
    let m = reader.manifest().clone();
    let (mg, mbr) = sizes(MANIFEST);
    println!(
        "{} articles; {} term shards, {} entity shards, {} metadata chunks; manifest {} raw, {} gzip, {} brotli\n",
        m.docs,
        m.terms.len(),
        m.entities.len(),
        m.meta.len(),
        kb(reader.manifest_bytes()),
        kb(mg),
        kb(mbr)
    );
    println!("Latency: median of {reps} runs, files in memory (decode + rank + metadata of the top 10). Browser estimate: 2 round trips of {rtt:.0} ms (shards in parallel, then metadata chunks in parallel) + brotli bytes at {mbps:.0} Mbit/s + the native time; the manifest (once per visit) not included.\n");
    println!("| kind | query | results | files | fetched raw | gzip | brotli | native latency | browser estimate |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut r = reader;
    for (kind, q) in QUERIES {
        let mut times = Vec::with_capacity(reps);
        let (results, fetched, truncated) = if let Some(name) = q.strip_prefix('@') {
            let mut last = None;
            for _ in 0..reps {
                let t = Instant::now();
                let got = r.entity(name).map_err(|e| e.to_string())?;
                times.push(t.elapsed());
                last = Some(got);
            }
            let (hits, fetched) = last.unwrap_or_default();
            let n = hits.iter().map(|h| h.articles.len()).max().unwrap_or(0);
            (n, fetched, false)
        } else {
            let mut last = None;
            for _ in 0..reps {
                let t = Instant::now();
                let got = r.search(q, 10).map_err(|e| e.to_string())?;
                times.push(t.elapsed());
                last = Some(got);
            }
            let got = last.ok_or("no run")?;
            (got.total, got.fetched, got.prefix_truncated)
        };
        times.sort_unstable();
        let median = times[times.len() / 2].as_secs_f64() * 1e3;
        let raw: usize = fetched.iter().map(|f| f.bytes).sum();
        let (mut g, mut b) = (0, 0);
        for f in &fetched {
            let (x, y) = sizes(&f.name);
            g += x;
            b += y;
        }
        let rounds = if q.starts_with('@') || fetched.iter().all(|f| !f.name.starts_with("m-")) {
            1.0
        } else {
            2.0
        };
        let rounds = if fetched.is_empty() { 0.0 } else { rounds };
        let browser = rounds * rtt + b as f64 * 8.0 / (mbps * 1e3) + median;
        let shown = if q.ends_with(' ') {
            format!("`{}`", q.trim_end())
        } else {
            format!("`{q}…`")
        };
        println!(
            "| {kind} | {shown}{} | {results} | {} | {} | {} | {} | {median:.2} ms | {browser:.0} ms |",
            if truncated { " (capped)" } else { "" },
            fetched.len(),
            kb(raw),
            kb(g),
            kb(b)
        );
    }
    Ok(())
}
