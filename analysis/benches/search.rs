//! Search benchmarks: segmentation, normalization, index build and queries on
//! 10 KB (the seed article repeated), 1 MB and 3.2 MB (War and Peace; skipped
//! when the file is missing).
//!
//! `cargo bench -p article-analysis --bench search`

use std::hint::black_box;
use std::time::Duration;

use article_analysis::normalize::{fold, stem};
use article_analysis::search::{Index, Query};
use article_analysis::segment::{paragraphs, words};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds/000_8c592e3cf3c6a0f6.txt");
const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/texts/war-and-peace.txt"
);

const QUERIES: &[&str] = &[
    "the",
    "prince andrew",
    "\"prince andrew\"",
    "natas",
    "napoleon -moscow",
    "missile ukraine",
    "zzyzx",
];

/// The longest prefix of `s` of at most `max` bytes, cut on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn corpora() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Ok(seed) = std::fs::read_to_string(SEED) {
        let mut text = String::new();
        while text.len() < 10_000 && !seed.is_empty() {
            text.push_str(&seed);
            text.push('\n');
        }
        out.push(("10KB", cut(&text, 10_000).to_string()));
    }
    match std::fs::read_to_string(BOOK) {
        Ok(book) => {
            out.push(("1MB", cut(&book, 1_000_000).to_string()));
            out.push(("3.2MB", book));
        }
        Err(_) => eprintln!("{BOOK} not found: skipping the 1 MB and 3.2 MB benchmarks"),
    }
    out
}

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(800));
    g
}

fn benches(c: &mut Criterion) {
    let corpora = corpora();

    let mut g = configure(c, "segmentation");
    for (name, text) in &corpora {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("paragraphs+words", name), text, |b, t| {
            b.iter(|| {
                let paras = paragraphs(t);
                let n: usize = paras
                    .iter()
                    .map(|p| t.get(p.clone()).map_or(0, |s| words(s).count()))
                    .sum();
                black_box(n)
            })
        });
    }
    g.finish();

    let mut g = configure(c, "normalization");
    for (name, text) in corpora.iter().take(2) {
        let ws: Vec<&str> = words(text).map(|(_, w)| w).collect();
        g.throughput(Throughput::Elements(ws.len() as u64));
        g.bench_with_input(BenchmarkId::new("fold", name), &ws, |b, ws| {
            b.iter(|| ws.iter().map(|w| fold(w).len()).sum::<usize>())
        });
        g.bench_with_input(BenchmarkId::new("fold+stem", name), &ws, |b, ws| {
            b.iter(|| ws.iter().map(|w| stem(&fold(w)).len()).sum::<usize>())
        });
    }
    g.finish();

    let mut g = configure(c, "index_build");
    for (name, text) in &corpora {
        let passages = paragraphs(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(Index::build(t, &passages)))
        });
    }
    g.finish();

    let mut g = configure(c, "query");
    for (name, text) in &corpora {
        let passages = paragraphs(text);
        let index = Index::build(text, &passages);
        for q in QUERIES {
            g.bench_with_input(BenchmarkId::new(*name, q), q, |b, q| {
                b.iter(|| black_box(index.search(&Query::parse(q))))
            });
        }
    }
    g.finish();
}

criterion_group!(search, benches);
criterion_main!(search);
