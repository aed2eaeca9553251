//! Makes test archives and measures the static index of a published
//! archive (see `article_analysis::static_index`; `site build` writes it).
//!
//! ```text
//! static-index generate OUT_DIR --articles N [--seed S] INPUT.jsonl...
//! static-index export SITE_DIR OUT.jsonl
//! static-index query SITE_DIR "words" [-k K]
//! static-index entity SITE_DIR "name"
//! static-index report SITE_DIR [--reps N] [--size-sample N]
//! ```
//!
//! `generate` recombines the `"text"` of JSON lines files (or whole text
//! files) into N article
//! files `a000000.txt`… (2–5 KB, pieces of at most 1,200 bytes cut at
//! whitespace, drawn with a seeded generator: `static_index::recombine`),
//! each with a source and a date in its front matter. `export` writes every
//! published article (title, text, entities by kind) as JSON lines, for
//! indexing the same archive with another engine. `query`, `entity` and
//! `report` read `SITE_DIR/index/` and print the results, the files a
//! visitor would fetch and their sizes (raw, gzip, brotli); `report` runs
//! the representative queries of BENCHMARKS.md.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use article_analysis::record::ArticleRecord;
use article_analysis::search::Query;
use article_analysis::static_index::{
    block_on, recombine, FileKind, FolderFiles, IdShard, IndexFile, Page, Reader, MANIFEST,
};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  static-index generate OUT_DIR --articles N [--seed S] INPUT.jsonl...
  static-index export SITE_DIR OUT.jsonl
  static-index query SITE_DIR \"words\" [-k K]
  static-index entity SITE_DIR \"name\"
  static-index report SITE_DIR [--reps N] [--size-sample N]";

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

/// Results shown at once (their fragments are fetched).
const SHOWN: usize = 10;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(rest),
        Some("export") => export(rest),
        Some("query") => query(rest),
        Some("entity") => entity(rest),
        Some("report") => report(rest),
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

/// Splits `args` into positional arguments and `--flag value` options.
fn parse(args: &[String]) -> Result<(Vec<&str>, HashMap<&str, &str>), String> {
    let mut pos = Vec::new();
    let mut opts = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a.starts_with('-') && a.len() > 1 {
            let v = it.next().ok_or(format!("{a} needs a value"))?;
            opts.insert(a.as_str(), v.as_str());
        } else {
            pos.push(a.as_str());
        }
    }
    Ok((pos, opts))
}

fn num<T: std::str::FromStr>(opts: &HashMap<&str, &str>, key: &str, default: T) -> Result<T, String> {
    match opts.get(key) {
        Some(v) => v.parse().map_err(|_| format!("{key}: not a number: {v}")),
        None => Ok(default),
    }
}

/// The `"text"` of every line of JSON lines files (never the dev set);
/// any other file is one text.
fn read_texts(paths: &[&str]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.contains("ner-dev") {
            return Err(format!("{path}: the dev set is never used here"));
        }
        if !path.ends_with(".jsonl") {
            out.push(std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?);
            continue;
        }
        let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        for (i, line) in BufReader::new(f).lines().enumerate() {
            let line = line.map_err(|e| format!("{path}: {e}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
            out.push(v.get("text").and_then(Value::as_str).unwrap_or("").to_string());
        }
    }
    Ok(out)
}

fn generate(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args)?;
    let (out, inputs) = pos.split_first().ok_or(USAGE)?;
    let count: usize = num(&opts, "--articles", 10_000)?;
    let seed: u64 = num(&opts, "--seed", 1)?;
    let sources = read_texts(inputs)?;
    let texts = recombine(&sources, count, 2_000, 5_000, 1_200, seed);
    let dir = PathBuf::from(out);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{out}: {e}"))?;
    let mut bytes = 0;
    for (i, text) in texts.iter().enumerate() {
        let (month, day) = (1 + i / 28 % 12, 1 + i % 28);
        let year = 2000 + i / (28 * 12) % 25;
        let file = format!("---\nsource: Recombined corpus\ndate: {year}-{month:02}-{day:02}\n---\n{text}\n");
        bytes += file.len();
        std::fs::write(dir.join(format!("a{i:06}.txt")), file).map_err(|e| format!("{out}: {e}"))?;
    }
    let src: usize = sources.iter().map(String::len).sum();
    eprintln!(
        "generated {} articles, {:.1} MB, from {} source texts ({:.1} MB) -> {out}",
        texts.len(),
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

fn index_dir(site: &str) -> PathBuf {
    Path::new(site).join("index")
}

fn open(site: &str) -> Result<Reader<FolderFiles>, String> {
    block_on(Reader::open(FolderFiles::new(&index_dir(site)))).map_err(|e| format!("{site}: {e}"))
}

/// Every id shard of the index, in id order.
fn id_shards(site: &str) -> Result<Vec<IdShard>, String> {
    let dir = index_dir(site);
    let read = |name: String| std::fs::read(dir.join(&name)).map_err(|e| format!("{name}: {e}"));
    let reader = open(site)?;
    let mut out = Vec::new();
    for p in &reader.manifest().ids {
        let page = Page::from_bytes(&read(p.file.name(FileKind::Page))?).map_err(|e| e.to_string())?;
        for s in page.shards {
            out.push(IdShard::from_bytes(&read(s.file.name(FileKind::Ids))?).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

fn export(args: &[String]) -> Result<(), String> {
    let (pos, _) = parse(args)?;
    let [site, out] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let f = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut w = BufWriter::new(f);
    let mut n = 0;
    for shard in id_shards(site)? {
        for e in shard.ids {
            let path = Path::new(site).join(&e.entry.file);
            let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
            let r = ArticleRecord::from_bytes(&bytes).map_err(|err| format!("{}: {err}", path.display()))?;
            let mut filters: HashMap<&str, Vec<&str>> = HashMap::new();
            for ent in &r.entities.entities {
                if !matches!(
                    ent.kind,
                    article_analysis::entities::EntityKind::Date
                        | article_analysis::entities::EntityKind::Quantity
                ) {
                    filters.entry(ent.kind.as_str()).or_default().push(&ent.name);
                }
            }
            let text: Vec<&str> = (0..r.article.paragraphs.len())
                .map(|i| r.article.paragraph_text(i))
                .collect();
            let line = json!({
                "id": e.entry.id,
                "url": format!("/articles/{}.html", e.entry.id),
                "title": e.entry.title,
                "text": text.join("\n\n"),
                "filters": filters,
            });
            writeln!(w, "{line}").map_err(|err| format!("{out}: {err}"))?;
            n += 1;
        }
    }
    w.flush().map_err(|e| format!("{out}: {e}"))?;
    eprintln!("exported {n} articles -> {out}");
    Ok(())
}

/// Prints the files fetched since the last call, with their sizes, and
/// returns (files, raw, gzip, brotli).
fn fetched(site: &str, reader: &Reader<FolderFiles>, print: bool) -> (usize, usize, usize, usize) {
    let dir = index_dir(site);
    let mut sum = (0, 0, 0, 0);
    for f in reader.take_fetched() {
        let bytes = std::fs::read(dir.join(&f.name)).unwrap_or_default();
        let (g, b) = (gzip(&bytes), brotli(&bytes));
        if print {
            println!("  {:28} {:>8} raw {:>8} gzip {:>8} brotli", f.name, f.bytes, g, b);
        }
        sum = (sum.0 + 1, sum.1 + f.bytes, sum.2 + g, sum.3 + b);
    }
    sum
}

fn query(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args)?;
    let [site, q] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let k: usize = num(&opts, "-k", SHOWN)?;
    let reader = open(site)?;
    fetched(site, &reader, true);
    let t = Instant::now();
    let ranking = block_on(reader.rank(q)).map_err(|e| e.to_string())?;
    let top: Vec<u32> = ranking.results.iter().take(k).map(|s| s.doc).collect();
    let frags = block_on(reader.fragments(&top)).map_err(|e| e.to_string())?;
    let took = t.elapsed();
    println!(
        "{} matching articles{}{}",
        ranking.total,
        if ranking.approximate {
            " (approximate: a word being typed)"
        } else {
            ""
        },
        if ranking.ignored.is_empty() {
            String::new()
        } else {
            format!(" (left out as too common: {})", ranking.ignored.join(", "))
        }
    );
    let parsed = Query::parse(q);
    for (s, f) in ranking.results.iter().zip(&frags) {
        let snippet = f.snippet(&parsed, 60).map(|s| s.text).unwrap_or_default();
        println!(
            "{:8.3}  {:<12} {}\n          {snippet}",
            s.score, f.entry.id, f.entry.title
        );
    }
    println!("\nfetched:");
    let (n, raw, g, b) = fetched(site, &reader, true);
    println!(
        "  {:28} {raw:>8} raw {g:>8} gzip {b:>8} brotli",
        format!("total ({n} files)")
    );
    println!("time (files read from disk): {:.2} ms", took.as_secs_f64() * 1e3);
    Ok(())
}

fn entity(args: &[String]) -> Result<(), String> {
    let (pos, _) = parse(args)?;
    let [site, name] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let reader = open(site)?;
    fetched(site, &reader, true);
    let found = block_on(reader.entity(name)).map_err(|e| e.to_string())?;
    if found.is_empty() {
        println!("no entity named {name:?}");
    }
    for m in &found {
        println!(
            "{} ({}): {} articles, {} mentions",
            m.name,
            m.kind.as_str(),
            m.articles,
            m.mentions
        );
        let top: Vec<u32> = m.top.iter().take(SHOWN).map(|d| d.doc).collect();
        let frags = block_on(reader.fragments(&top)).map_err(|e| e.to_string())?;
        for (d, f) in m.top.iter().zip(&frags) {
            println!("  {:>4} mentions  {:<12} {}", d.count, f.entry.id, f.entry.title);
        }
    }
    println!("\nfetched:");
    let (n, raw, g, b) = fetched(site, &reader, true);
    println!(
        "  {:28} {raw:>8} raw {g:>8} gzip {b:>8} brotli",
        format!("total ({n} files)")
    );
    Ok(())
}

/// Runs a query or an entity lookup (`@name`) and fetches the fragments of
/// the results shown; returns the number of results.
fn run(reader: &Reader<FolderFiles>, q: &str) -> Result<u64, String> {
    if let Some(name) = q.strip_prefix('@') {
        let found = block_on(reader.entity(name)).map_err(|e| e.to_string())?;
        let Some(m) = found.first() else {
            return Ok(0);
        };
        let top: Vec<u32> = m.top.iter().take(SHOWN).map(|d| d.doc).collect();
        block_on(reader.fragments(&top)).map_err(|e| e.to_string())?;
        Ok(u64::from(m.articles))
    } else {
        let ranking = block_on(reader.rank(q)).map_err(|e| e.to_string())?;
        let top: Vec<u32> = ranking.results.iter().take(SHOWN).map(|s| s.doc).collect();
        block_on(reader.fragments(&top)).map_err(|e| e.to_string())?;
        Ok(u64::from(ranking.total))
    }
}

fn report(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args)?;
    let [site] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let reps: usize = num(&opts, "--reps", 20)?;
    let sample: usize = num(&opts, "--size-sample", 1)?;
    sizes(site, sample)?;
    let reader = open(site)?;
    let (_, m_raw, m_gz, m_br) = fetched(site, &reader, false);
    let m = reader.manifest();
    println!(
        "\n{} articles; manifest {} raw, {} gzip, {} brotli; {} + {} + {} directory pages (terms, entities, ids)\n",
        m.docs,
        kb(m_raw),
        kb(m_gz),
        kb(m_br),
        m.terms.len(),
        m.entities.len(),
        m.ids.len()
    );
    println!(
        "Per query, the top {SHOWN} results with their fragments. Cold: nothing decoded yet (the manifest not counted: \
         once per visit). Warm: the same query again, files decoded in memory (median of {reps} runs, native release \
         build; the browser's wasm is slower by a small factor).\n"
    );
    println!("| kind | query | results | files | raw | gzip | brotli | cold | warm |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (kind, q) in QUERIES {
        reader.forget();
        reader.take_fetched();
        let t = Instant::now();
        let results = run(&reader, q)?;
        let cold = t.elapsed().as_secs_f64() * 1e3;
        let (n, raw, g, b) = fetched(site, &reader, false);
        let mut times = Vec::with_capacity(reps);
        for _ in 0..reps.max(1) {
            let t = Instant::now();
            run(&reader, q)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let warm = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let shown = if q.starts_with('@') || q.ends_with(' ') {
            format!("`{}`", q.trim_end())
        } else {
            format!("`{q}…`")
        };
        println!(
            "| {kind} | {shown} | {results} | {n} | {} | {} | {} | {cold:.1} ms | {warm:.2} ms |",
            kb(raw),
            kb(g),
            kb(b)
        );
    }
    Ok(())
}

/// Sizes of the index files by kind (1 file in `sample` compressed, the
/// totals scaled).
fn sizes(site: &str, sample: usize) -> Result<(), String> {
    let dir = index_dir(site);
    let mut rows: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    all.sort();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = all.len().div_ceil(threads).max(1);
    let sized: Vec<(String, usize, Option<usize>)> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let name = p
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            let bytes = std::fs::read(p).unwrap_or_default();
                            let scale = if name == MANIFEST { 1 } else { sample.max(1) };
                            let br = (sample <= 1 || i % sample == 0 || name == MANIFEST)
                                .then(|| brotli(&bytes) * scale);
                            (name, bytes.len(), br)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (name, raw, br) in sized {
        let kind = match name.split('-').next() {
            Some("g") => "directory pages (g-)",
            Some("t") => "term shards (t-)",
            Some("p") => "term tails (p-)",
            Some("e") => "entity shards (e-)",
            Some("n") => "entity tails (n-)",
            Some("i") => "id shards (i-)",
            Some("o") => "top entities (o-)",
            Some("d") => "fragments (d-)",
            _ => "manifest",
        };
        let row = match rows.iter_mut().find(|r| r.0 == kind) {
            Some(r) => r,
            None => {
                rows.push((kind.to_string(), 0, 0, 0));
                rows.last_mut().ok_or("no row")?
            }
        };
        row.1 += 1;
        row.2 += raw;
        row.3 += br.unwrap_or(0);
    }
    rows.sort();
    println!(
        "| files | count | raw | brotli{} |",
        if sample > 1 { " (sampled)" } else { "" }
    );
    println!("|---|---:|---:|---:|");
    let (mut n, mut raw, mut br) = (0, 0, 0);
    for (kind, count, r, b) in &rows {
        println!("| {kind} | {count} | {:.2} MB | {:.2} MB |", mb(*r), mb(*b));
        n += count;
        raw += r;
        br += b;
    }
    println!("| all | {n} | {:.2} MB | {:.2} MB |", mb(raw), mb(br));
    Ok(())
}
