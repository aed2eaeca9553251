//! Entity extraction throughput on the seed article and on War and Peace.

use std::time::Duration;

use article_analysis::entities::extract;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SEED: &str = include_str!("../../seeds/000_8c592e3cf3c6a0f6.txt");
const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/texts/war-and-peace.txt"
);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    // Parse the embedded lists and model once, outside the measurement.
    let _ = extract("Warm up in Kyiv.");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_with_input(BenchmarkId::new("extract", "seed"), SEED, |b, t| {
        b.iter(|| extract(t))
    });
    match std::fs::read_to_string(BOOK) {
        Ok(book) => {
            // The first 500 KB keep the run short.
            let end = (0..=book.len().min(500_000))
                .rev()
                .find(|&i| book.is_char_boundary(i))
                .unwrap_or(0);
            let part = &book[..end];
            group.throughput(Throughput::Bytes(part.len() as u64));
            group.bench_with_input(BenchmarkId::new("extract", "war-and-peace-500k"), part, |b, t| {
                b.iter(|| extract(t))
            });
        }
        Err(e) => eprintln!("skipping War and Peace ({BOOK}): {e}"),
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
