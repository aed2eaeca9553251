//! Query latency of the static, sharded index (`static_index`) with its files
//! held in memory: fetch (a copy), decode the shards, rank with BM25, and
//! decode the metadata chunks of the top 10.
//!
//! The index is read from `$STATIC_INDEX_DIR` when set (for example the 10,000
//! article build of `scripts/bench-static-index.sh`); otherwise 2,000 articles
//! are recombined from `../shared/data/ner-train/*.jsonl` beside the checkout and indexed
//! without entities (skipped when the corpora are missing).
//!
//! `cargo bench -p article-analysis --bench static_index`

use std::hint::black_box;
use std::time::Duration;

use article_analysis::static_index::{recombine, BuildOptions, Builder, MemoryFiles, Reader};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/ner-train");

const QUERIES: &[&str] = &[
    "the ",
    "government ",
    "mosul ",
    "prime minister ",
    "united states president ",
    "obama ",
    "elec",
    "zzyzx ",
];

/// The `"text"` fields of the training corpora (not a full JSON parser: the
/// field is found and its string unescaped for the common escapes).
fn corpus_texts() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(CORPORA) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        for line in text.lines() {
            if let Some(t) = text_field(line) {
                out.push(t);
            }
        }
    }
    out
}

fn text_field(line: &str) -> Option<String> {
    let start = line.find("\"text\": \"")? + 9;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or(' '),
                    );
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

fn files() -> Option<(String, MemoryFiles)> {
    if let Ok(dir) = std::env::var("STATIC_INDEX_DIR") {
        match MemoryFiles::read_dir(std::path::Path::new(&dir)) {
            Ok(f) => return Some((dir, f)),
            Err(e) => eprintln!("STATIC_INDEX_DIR={dir}: {e}"),
        }
    }
    let sources = corpus_texts();
    if sources.is_empty() {
        eprintln!("{CORPORA} not found: skipping the static index benchmarks");
        return None;
    }
    let mut b = Builder::new(BuildOptions::default());
    for d in recombine(&sources, 2_000, 2_000, 5_000, 1_200, 1) {
        b.add(d.analyse(false));
    }
    Some(("2000 articles".to_string(), MemoryFiles::from(b.finish())))
}

fn benches(c: &mut Criterion) {
    let Some((label, files)) = files() else {
        return;
    };
    let mut g = c.benchmark_group("static_index_query");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let Ok(mut reader) = Reader::open(files.fetcher()) else {
        eprintln!("{label}: no valid manifest");
        return;
    };
    eprintln!("static index: {label}, {} articles", reader.manifest().docs);
    for q in QUERIES {
        g.bench_with_input(BenchmarkId::from_parameter(q.trim_end()), q, |b, q| {
            b.iter(|| black_box(reader.search(q, 10).map(|r| r.total)))
        });
    }
    g.bench_function("entity: United States", |b| {
        b.iter(|| black_box(reader.entity("United States").map(|r| r.0.len())))
    });
    g.finish();
}

criterion_group!(static_index, benches);
criterion_main!(static_index);
