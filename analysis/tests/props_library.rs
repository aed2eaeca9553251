//! Property tests for the library-wide features: search across articles
//! (BM25) with snippets, the entity index across articles, and the exports
//! (CSV, JSON, Markdown): no panic on any input, indices valid, spans on
//! `char` boundaries, and the JSON export is valid JSON.

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::export::{entities_csv, entities_json, json_string, passages_markdown};
use article_analysis::library::{entity_index, search, snippet, MAX_PASSAGES_PER_ARTICLE};
use article_analysis::search::Query;
use article_analysis::segment::Span;
use article_analysis::{Analysis, Article};
use checks::*;
use proptest::prelude::*;

const PIECES: &[&str] = NEWS_PIECES;
const SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ". ", ", ", ""];

fn article_text() -> impl Strategy<Value = String> {
    let gen = prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPS)), 0..40)
        .prop_map(|v| {
            v.into_iter().fold(String::new(), |mut s, (w, sep)| {
                s.push_str(w);
                s.push_str(sep);
                s
            })
        });
    prop_oneof![1 => any::<String>(), 3 => gen]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "biden",
            "kyiv missile",
            "\"joe biden\"",
            "-nato",
            "caf",
            "1",
            "mis"
        ])
        .prop_map(String::from)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn library_search_is_well_formed(texts in prop::collection::vec(article_text(), 0..4), q in query()) {
        let analyses: Vec<Analysis> = texts.iter().map(|t| Analysis::new(Article::parse("a.txt", t))).collect();
        let refs: Vec<&Analysis> = analyses.iter().collect();
        let query = Query::parse(&q);
        let hits = search(&refs, &query);
        let mut seen = Vec::new();
        for h in &hits {
            prop_assert!(h.article < refs.len());
            prop_assert!(!seen.contains(&h.article), "article listed twice");
            seen.push(h.article);
            prop_assert!(h.score.is_finite());
            let a = refs[h.article];
            let paras = &a.article.paragraphs;
            prop_assert!(h.passages.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(h.passages.iter().all(|&p| p < paras.len()));
            prop_assert!(h.snippets.len() <= MAX_PASSAGES_PER_ARTICLE);
            for (p, spans) in &h.snippets {
                prop_assert!(h.passages.contains(p));
                let para = &paras[*p].span;
                check_sorted_disjoint(&a.article.body, spans, "snippet matches");
                for s in spans {
                    prop_assert!(para.start <= s.start && s.end <= para.end);
                }
            }
        }
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "sorted by score");
    }

    #[test]
    fn snippets_keep_the_span(text in article_text(), a in 0usize..300, len in 0usize..20, radius in 0usize..50) {
        let span: Span = a..a + len;
        let (s, at) = snippet(&text, span.clone(), radius);
        if let Some(inner) = text.get(span) {
            prop_assert_eq!(s.get(at.clone()), Some(inner), "snippet {:?} at {:?}", s, at);
        } else {
            prop_assert!(s.get(at).is_some());
        }
    }

    #[test]
    fn entity_index_lists_every_entity_once(texts in prop::collection::vec(article_text(), 0..4)) {
        let analyses: Vec<Analysis> = texts.iter().map(|t| Analysis::new(Article::parse("a.txt", t))).collect();
        let refs: Vec<&Analysis> = analyses.iter().collect();
        let index = entity_index(&refs);
        let mut listed: Vec<(usize, usize)> = Vec::new();
        for le in &index {
            prop_assert!(!le.articles.is_empty());
            prop_assert_eq!(le.mentions, le.articles.iter().map(|x| x.2).sum::<usize>());
            for &(ai, ei, n) in &le.articles {
                let e = &refs[ai].entities.entities[ei];
                prop_assert_eq!(e.kind, le.kind);
                prop_assert_eq!(e.mentions, n);
                listed.push((ai, ei));
            }
        }
        listed.sort_unstable();
        let expected: Vec<(usize, usize)> = refs
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| (0..a.entities.entities.len()).map(move |ei| (ai, ei)))
            .collect();
        prop_assert_eq!(listed, expected);
    }

    #[test]
    fn exports_are_well_formed(text in article_text(), q in query(), s in any::<String>()) {
        let a = Analysis::new(Article::parse("a.txt", &text));
        let csv = entities_csv(&a);
        prop_assert_eq!(csv.lines().next(), Some("name,type,aliases,mentions,first_position"));
        let json: serde_json::Value = serde_json::from_str(&entities_json(&a)).expect("entities_json is JSON");
        prop_assert!(json.is_object() || json.is_array());
        prop_assert_eq!(serde_json::from_str::<String>(&json_string(&s)).ok(), Some(s.clone()));
        let view = a.view(&Query::parse(&q), &[], true);
        let md = passages_markdown(&a, &view, &s);
        prop_assert!(md.starts_with("# "));
    }
}
