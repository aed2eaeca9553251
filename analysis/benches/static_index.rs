//! Query latency of the static, sharded index (`static_index`): rank with
//! BM25 and read the fragments of the top 10, cold (files decoded again:
//! read, decode, rank) and warm (decoded files kept by the reader, as in the
//! app after the first query).
//!
//! The index is read from `$STATIC_INDEX_DIR` when set (the `index/` folder
//! of a published archive, for example `scripts/bench-archive.sh`'s);
//! otherwise 2,000 articles are recombined from
//! `../shared/data/ner-train/*.jsonl` beside the checkout and indexed
//! without entities, in memory (skipped when the corpora are missing).
//!
//! `cargo bench -p article-analysis --bench static_index`

use std::hint::black_box;
use std::time::Duration;

use article_analysis::record::{ArticleRecord, CatalogEntry};
use article_analysis::static_index::{
    block_on, doc_file, recombine, Boundaries, BuildOptions, Builder, DocFragment, Fetch, FolderFiles,
    IndexFile, IndexedDoc, MemoryFiles, Reader,
};
use article_analysis::{Analysis, Article};
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

/// The index files of 2,000 recombined articles (no entities), with their
/// fragments.
fn generated() -> Option<MemoryFiles> {
    let sources = corpus_texts();
    if sources.is_empty() {
        eprintln!("{CORPORA} not found: skipping the static index benchmarks");
        return None;
    }
    let mut b = Builder::new(BuildOptions::default(), 1, 0);
    let mut fragments = Vec::new();
    for (i, text) in recombine(&sources, 2_000, 2_000, 5_000, 1_200, 1)
        .into_iter()
        .enumerate()
    {
        let article = Article::parse(&format!("a{i:06}.txt"), &text);
        let a = Analysis::from_record(ArticleRecord::without_entities(article));
        let entry = CatalogEntry::of(&ArticleRecord::of(&a), String::new());
        fragments.push(DocFragment::of(i as u32, &a, entry.clone()));
        b.add(&IndexedDoc::of(i as u32, &a, entry));
    }
    let (m, mut files) = b.finish(&Boundaries::default());
    for f in fragments {
        files.insert(doc_file(m.epoch, f.doc), f.to_bytes());
    }
    Some(MemoryFiles(files))
}

fn bench_reader<F: Fetch>(c: &mut Criterion, label: &str, reader: Reader<F>) {
    eprintln!("static index: {label}, {} articles", reader.manifest().docs);
    let run = |q: &str| {
        let ranking = block_on(reader.rank(q)).ok()?;
        let top: Vec<u32> = ranking.results.iter().take(10).map(|s| s.doc).collect();
        block_on(reader.fragments(&top)).ok().map(|f| f.len())
    };
    for (group, forget) in [("static_index_cold", true), ("static_index_warm", false)] {
        let mut g = c.benchmark_group(group);
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        for q in QUERIES {
            g.bench_with_input(BenchmarkId::from_parameter(q.trim_end()), q, |b, q| {
                b.iter(|| {
                    if forget {
                        reader.forget();
                    }
                    black_box(run(q))
                })
            });
        }
        g.bench_function("entity: United States", |b| {
            b.iter(|| {
                if forget {
                    reader.forget();
                }
                black_box(block_on(reader.entity("United States")).map(|r| r.len()))
            })
        });
        g.finish();
    }
}

fn benches(c: &mut Criterion) {
    if let Ok(dir) = std::env::var("STATIC_INDEX_DIR") {
        match block_on(Reader::open(FolderFiles::new(std::path::Path::new(&dir)))) {
            Ok(r) => bench_reader(c, &dir, r),
            Err(e) => eprintln!("STATIC_INDEX_DIR={dir}: {e}"),
        }
        return;
    }
    let Some(files) = generated() else {
        return;
    };
    match block_on(Reader::open(files)) {
        Ok(r) => bench_reader(c, "2000 generated articles", r),
        Err(e) => eprintln!("generated index: {e}"),
    }
}

criterion_group!(static_index, benches);
criterion_main!(static_index);
