//! The static index against brute force over the analysed articles.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::library::{B, K1};
use crate::record::{ArticleRecord, CatalogEntry};
use crate::search::{Query, QueryWord};
use crate::{Analysis, Article};

const SEEDS: [&str; 3] = [
    include_str!("../../../seeds/000_8c592e3cf3c6a0f6.txt"),
    include_str!("../../../seeds/001_carter-abadi-mosul.txt"),
    include_str!("../../../seeds/002_us-iraq-loan-guarantee.txt"),
];

fn library(n: usize) -> Vec<Analysis> {
    let sources: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    recombine(&sources, n, 300, 900, 200, 7)
        .into_iter()
        .enumerate()
        .map(|(i, t)| Analysis::new(Article::parse(&format!("a{i:03}.txt"), &t)))
        .collect()
}

fn entry(a: &Analysis) -> CatalogEntry {
    CatalogEntry::of(&ArticleRecord::of(a), format!("articles/{}.bin", a.article.id))
}

/// Builds the index of `docs` (document numbers: positions) with its
/// fragments.
fn build(docs: &[Analysis], opts: BuildOptions, previous: &Boundaries) -> (Manifest, Files) {
    let mut b = Builder::new(opts, 0xe, 0);
    let mut fragments = Vec::new();
    for (i, a) in docs.iter().enumerate() {
        b.add(&IndexedDoc::of(i as u32, a, entry(a)));
        fragments.push(DocFragment::of(i as u32, a, entry(a)));
    }
    let (m, mut files) = b.finish(previous);
    for f in fragments {
        files.insert(doc_file(m.epoch, f.doc), f.to_bytes());
    }
    (m, files)
}

fn tiny(head: usize) -> BuildOptions {
    BuildOptions {
        shard_bytes: 256,
        page_entries: 4,
        head,
        entity_head: head,
        top_entities: 10,
    }
}

fn open(files: &Files) -> Reader<MemoryFiles> {
    block_on(Reader::open(MemoryFiles(files.clone()))).expect("manifest")
}

/// BM25 over the articles themselves with the rules of [`rank`]: the
/// matches, best first, and the words left out.
fn brute_force(docs: &[Analysis], query: &str) -> (Vec<(u32, f64)>, Vec<String>) {
    let q = Query::parse(query);
    let words: Vec<QueryWord> = q.positive().flat_map(|c| c.words.iter().cloned()).collect();
    let neg: Vec<QueryWord> = q
        .negative()
        .filter(|c| c.words.len() == 1)
        .flat_map(|c| c.words.iter().cloned())
        .collect();
    let tf = |a: &Analysis, w: &QueryWord| -> u32 {
        a.index
            .terms()
            .iter()
            .filter(|t| t.stem == w.stem || (w.prefix && t.stem.starts_with(&w.folded)))
            .map(|t| t.postings.len() as u32)
            .sum()
    };
    let n = docs.len() as u32;
    let dfs: Vec<u32> = words
        .iter()
        .map(|w| docs.iter().filter(|a| tf(a, w) > 0).count() as u32)
        .collect();
    if words.is_empty() || dfs.contains(&0) {
        return (Vec::new(), Vec::new());
    }
    let common = |df: u32| df * 2 > n;
    let rarest = (0..words.len()).min_by_key(|&i| dfs[i]);
    let keep: Vec<usize> = (0..words.len())
        .filter(|&i| {
            if dfs.iter().any(|&d| !common(d)) {
                !common(dfs[i])
            } else {
                Some(i) == rarest
            }
        })
        .collect();
    let ignored = (0..words.len())
        .filter(|i| !keep.contains(i))
        .map(|i| words[i].typed.clone())
        .collect();
    let avg = (docs.iter().map(|a| a.index.token_count() as f64).sum::<f64>() / f64::from(n)).max(1.0);
    let mut out = Vec::new();
    for (d, a) in docs.iter().enumerate() {
        if neg.iter().any(|w| tf(a, w) > 0) || keep.iter().any(|&i| tf(a, &words[i]) == 0) {
            continue;
        }
        let norm = K1 * (1.0 - B + B * a.index.token_count() as f64 / avg);
        let score: f64 = keep
            .iter()
            .map(|&i| {
                let df = f64::from(dfs[i]);
                let idf = ((f64::from(n) - df + 0.5) / (df + 0.5) + 1.0).ln();
                let f = f64::from(tf(a, &words[i]));
                idf * f * (K1 + 1.0) / (f + norm)
            })
            .sum();
        out.push((d as u32, score));
    }
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    (out, ignored)
}

fn same(got: &[Scored], want: &[(u32, f64)]) -> bool {
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|(g, w)| g.doc == w.0 && (g.score - w.1).abs() < 1e-9)
}

const QUERIES: &[&str] = &[
    "missile ",
    "missiles ",
    "iraq ",
    "the ",
    "iraq loan ",
    "mosul iraq the ",
    "iraq -loan ",
    "Biden's ",
    "zzyzx ",
    "gua",
    "iraq guar",
    "\"task force\" ",
    "the of ",
    "",
];

#[test]
fn rankings_equal_brute_force_bm25() {
    let docs = library(60);
    let (m, files) = build(&docs, tiny(1000), &Boundaries::default());
    assert!(m.terms.len() > 3, "several directory pages: {}", m.terms.len());
    let r = open(&files);
    for q in QUERIES {
        let got = block_on(r.rank(q)).expect("rank");
        let (want, ignored) = brute_force(&docs, q);
        assert!(same(&got.results, &want), "{q:?}: {:?} vs {want:?}", got.results);
        assert_eq!(got.total as usize, want.len(), "{q:?}");
        assert_eq!(got.ignored, ignored, "{q:?}");
        assert!(!got.approximate, "{q:?}");
    }
    assert_eq!(
        block_on(r.rank("mosul the ")).expect("rank").ignored,
        vec!["the".to_string()]
    );
}

#[test]
fn a_common_word_reads_its_head_only_and_ranks_its_best_exactly() {
    let docs = library(60);
    let (_, files) = build(&docs, tiny(5), &Boundaries::default());
    let r = open(&files);
    r.take_fetched();
    for q in ["iraq ", "the ", "said "] {
        let got = block_on(r.rank(q)).expect("rank");
        let (want, _) = brute_force(&docs, q);
        assert!(want.len() > 5, "{q}: a common word");
        assert_eq!(got.total as usize, want.len(), "{q}");
        assert!(
            same(&got.results, &want[..5]),
            "{q}: {:?} vs {:?}",
            got.results,
            &want[..5]
        );
        let fetched = r.take_fetched();
        assert!(
            fetched.iter().all(|f| !f.name.starts_with("p-")),
            "{q}: no tail: {fetched:?}"
        );
    }
    // Two words need every article of each: tails are read, and the
    // ranking is exact again.
    let df = |w: &str| brute_force(&docs, &format!("{w} ")).0.len();
    let mid: Vec<&str> = [
        "loan", "mosul", "carter", "guarante", "forc", "task", "militari", "kurdish", "islam",
    ]
    .into_iter()
    .filter(|w| df(w) > 5 && df(w) * 2 <= docs.len())
    .collect();
    assert!(mid.len() >= 2, "{mid:?}");
    for q in [
        format!("{} {} ", mid[0], mid[1]),
        format!("{} -{} ", mid[0], mid[1]),
    ] {
        r.forget();
        let got = block_on(r.rank(&q)).expect("rank");
        let (want, _) = brute_force(&docs, &q);
        assert!(same(&got.results, &want), "{q}: {:?} vs {want:?}", got.results);
        assert!(
            r.take_fetched().iter().any(|f| f.name.starts_with("p-")),
            "{q}: tails read"
        );
    }
    // A word being typed ranks its completions' heads: fewer, flagged.
    let got = block_on(r.rank("i")).expect("rank");
    let (want, _) = brute_force(&docs, "i");
    assert!(got.approximate);
    assert!(!got.results.is_empty() && got.results.len() <= want.len());
    let all: BTreeSet<u32> = want.iter().map(|w| w.0).collect();
    assert!(got.results.iter().all(|s| all.contains(&s.doc)));
}

#[test]
fn a_rare_word_fetches_one_page_and_one_shard() {
    let docs = library(60);
    let (m, files) = build(&docs, tiny(1000), &Boundaries::default());
    let r = open(&files);
    assert_eq!(r.take_fetched().len(), 1, "the manifest");
    let got = block_on(r.rank("mosul ")).expect("rank");
    assert!(got.total > 0);
    let fetched = r.take_fetched();
    let kinds: Vec<&str> = fetched.iter().map(|f| &f.name[..2]).collect();
    assert_eq!(kinds, vec!["g-", "t-"], "{fetched:?}");
    let page = slot(&m.terms, "mosul").expect("page");
    assert_eq!(fetched[0].name, m.terms[page].file.name(FileKind::Page));
    // The same query again: nothing fetched. Fragments: one file each.
    block_on(r.rank("mosul ")).expect("rank");
    assert!(r.take_fetched().is_empty());
    let top: Vec<u32> = got.results.iter().take(3).map(|s| s.doc).collect();
    let frags = block_on(r.fragments(&top)).expect("fragments");
    assert_eq!(frags.iter().map(|f| f.doc).collect::<Vec<_>>(), top);
    assert_eq!(frags[0].entry.id, docs[top[0] as usize].article.id);
    assert_eq!(r.take_fetched().len(), top.len());
    // A word in no article: nothing ranked; a key below every key: only
    // pages.
    assert_eq!(block_on(r.rank("zzyzx ")).expect("rank").total, 0);
    assert_eq!(block_on(r.rank("\u{1} ")).expect("rank").total, 0);
}

#[test]
fn entity_lookups_equal_extraction() {
    let docs = library(40);
    let (_, files) = build(&docs, tiny(3), &Boundaries::default());
    let r = open(&files);
    let mut checked = 0;
    for name in [
        "Iraq",
        "Mosul",
        "Ash Carter",
        "carter",
        "United States",
        "Nobody Atall",
        "",
    ] {
        let key = entity_key(name);
        // Brute force: every (kind, name) with the key as name or alias.
        let mut want: BTreeMap<(crate::entities::EntityKind, String), Vec<(u32, u32)>> = BTreeMap::new();
        for (d, a) in docs.iter().enumerate() {
            for e in &a.entities.entities {
                if matches!(
                    e.kind,
                    crate::entities::EntityKind::Date | crate::entities::EntityKind::Quantity
                ) {
                    continue;
                }
                if !key.is_empty()
                    && (entity_key(&e.name) == key || e.aliases.iter().any(|x| entity_key(x) == key))
                {
                    let list = want.entry((e.kind, e.name.clone())).or_default();
                    match list.last_mut() {
                        Some(last) if last.0 == d as u32 => last.1 += e.mentions as u32,
                        _ => list.push((d as u32, e.mentions as u32)),
                    }
                }
            }
        }
        let found = block_on(r.entity(name)).expect("entity");
        let mut got = BTreeMap::new();
        for m in &found {
            assert!(m.top.len() <= 3);
            assert!(
                m.top.windows(2).all(|w| w[0].count >= w[1].count),
                "most mentions first"
            );
            let all = block_on(r.entity_articles(m)).expect("all");
            assert_eq!(all.len() as u32, m.articles);
            assert_eq!(all.iter().map(|d| u64::from(d.count)).sum::<u64>(), m.mentions);
            let mut list: Vec<(u32, u32)> = all.iter().map(|d| (d.doc, d.count)).collect();
            list.sort_unstable();
            got.insert((m.kind, m.name.clone()), list);
        }
        assert_eq!(got, want, "{name}");
        checked += usize::from(!want.is_empty());
    }
    assert!(checked >= 3, "{checked}");
    let top = block_on(r.top_entities()).expect("top");
    assert!(!top.entities.is_empty());
    assert!(top.entities.windows(2).all(|w| w[0].articles >= w[1].articles));
}

#[test]
fn articles_added_out_of_number_order_answer_as_in_order() {
    // A publisher adds articles in file order; a changed one has a new,
    // higher number. Renumbered in reverse, every answer is the same up to
    // the numbers.
    let docs = library(30);
    let n = docs.len() as u32;
    let (_, in_order) = build(&docs, tiny(4), &Boundaries::default());
    let mut b = Builder::new(tiny(4), 0xe, 0);
    for (i, a) in docs.iter().enumerate() {
        b.add(&IndexedDoc::of(n - 1 - i as u32, a, entry(a)));
    }
    let reversed = b.finish(&Boundaries::default()).1;
    let (r1, r2) = (open(&in_order), open(&reversed));
    let back = |doc: u32| n - 1 - doc;
    let top = block_on(r1.top_entities()).expect("top");
    assert!(top.entities.len() >= 5);
    for e in &top.entities {
        let (m1, m2) = (
            block_on(r1.entity(&e.name)).expect("entity"),
            block_on(r2.entity(&e.name)).expect("entity, reversed"),
        );
        assert_eq!(m1.len(), m2.len(), "{}", e.name);
        for (a, b) in m1.iter().zip(&m2) {
            let mut want: Vec<(u32, u32)> = block_on(r1.entity_articles(a))
                .expect("articles")
                .iter()
                .map(|d| (d.doc, d.count))
                .collect();
            let mut got: Vec<(u32, u32)> = block_on(r2.entity_articles(b))
                .expect("articles, reversed")
                .iter()
                .map(|d| (back(d.doc), d.count))
                .collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!((&a.name, want), (&b.name, got));
        }
    }
    for q in ["mosul", "iraq", "carter said", "loan -mosul"] {
        let (a, b) = (
            block_on(r1.rank(q)).expect("rank"),
            block_on(r2.rank(q)).expect("rank, reversed"),
        );
        assert!(a.total > 0, "{q}");
        let mut want: Vec<(u32, u64)> = a.results.iter().map(|s| (s.doc, s.score.to_bits())).collect();
        let mut got: Vec<(u32, u64)> = b
            .results
            .iter()
            .map(|s| (back(s.doc), s.score.to_bits()))
            .collect();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!((a.total, want), (b.total, got), "{q}");
    }
}

#[test]
fn every_article_is_found_by_id() {
    let docs = library(50);
    let (_, files) = build(&docs, tiny(10), &Boundaries::default());
    let r = open(&files);
    for (i, a) in docs.iter().enumerate() {
        let e = block_on(r.article(&a.article.id))
            .expect("lookup")
            .expect("found");
        assert_eq!((e.doc, e.entry.id.as_str()), (i as u32, a.article.id.as_str()));
        assert_eq!(e.entry.file, format!("articles/{}.bin", a.article.id));
    }
    assert_eq!(block_on(r.article("nope")).expect("lookup"), None);
    assert_eq!(block_on(r.article("")).expect("lookup"), None);
}

#[test]
fn adding_an_article_rewrites_only_the_shards_it_touches() {
    let mut docs = library(80);
    let last = docs.pop().expect("80");
    let opts = BuildOptions {
        shard_bytes: 256,
        ..tiny(1000)
    };
    let (m1, f1) = build(&docs, opts, &Boundaries::default());
    // The same input builds the same files.
    assert_eq!(build(&docs, opts, &Boundaries::default()).1, f1);
    let previous = Boundaries::of(&m1, |p| {
        f1.get(&p.file.name(FileKind::Page))
            .and_then(|b| Page::from_bytes(b).ok())
    });
    assert_eq!(previous.terms.pages.len(), m1.terms.len());
    let stems: BTreeSet<String> = last.index.terms().iter().map(|t| t.stem.clone()).collect();
    docs.push(last);
    let (_, f2) = build(&docs, opts, &previous);
    let shards =
        |f: &Files| -> BTreeSet<String> { f.keys().filter(|k| k.starts_with("t-")).cloned().collect() };
    let (s1, s2) = (shards(&f1), shards(&f2));
    let touched = s2
        .iter()
        .filter(|name| {
            TermShard::from_bytes(&f2[*name]).is_ok_and(|s| s.terms.iter().any(|t| stems.contains(&t.stem)))
        })
        .count();
    let changed = s2.difference(&s1).count();
    assert!(
        changed <= touched + 2,
        "{changed} rewritten, {touched} hold the new article's stems"
    );
    assert!(changed < s2.len(), "{changed} of {}: some kept", s2.len());
    let other =
        |f: &Files| -> BTreeSet<String> { f.keys().filter(|k| k.starts_with("d-")).cloned().collect() };
    assert_eq!(other(&f2).difference(&other(&f1)).count(), 1, "one new fragment");
}

#[test]
fn damaged_or_missing_files_are_errors_not_panics() {
    let docs = library(30);
    let (_, mut files) = build(&docs, tiny(4), &Boundaries::default());
    let r = open(&files);
    assert!(block_on(r.rank("iraq loan ")).is_ok());
    for (name, bytes) in files.iter_mut() {
        if name.starts_with("t-") || name.starts_with("p-") {
            bytes.truncate(bytes.len() / 2);
        }
    }
    let r = open(&files);
    assert!(matches!(block_on(r.rank("iraq loan ")), Err(Error::Corrupt(_))));
    files.retain(|name, _| !name.starts_with("g-"));
    let r = open(&files);
    assert!(matches!(block_on(r.rank("iraq ")), Err(Error::Unavailable(_))));
    files.clear();
    assert!(matches!(
        block_on(Reader::open(MemoryFiles(files))),
        Err(Error::Unavailable(_))
    ));
}
