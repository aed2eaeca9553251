//! Property tests for search parsing and the index (the agreement of
//! results with a naive rescan is `search_props.rs`): any query parses into
//! well-formed clauses, the index agrees with `normalize::tokens`, hits are
//! well formed, suggestions are close words of the article, and the edit
//! distance and span merging agree with plain reference implementations.

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::normalize::fold;
use article_analysis::search::{edit_distance, merge_spans, suggest::max_distance, Index, Query};
use article_analysis::segment::{paragraphs, Span};
use checks::*;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "biden",
    "Biden's",
    "BIDEN",
    "kyiv",
    "Kyiv",
    "KYIV",
    "café",
    "cafe",
    "CAFE\u{301}",
    "missile",
    "missiles",
    "U.S",
    "U.S.",
    "us",
    "ab",
    "a",
    "3.14",
    "ß",
    "ss",
    "😀",
    "north-korean",
    "new",
    "york",
];
const QUERY_SEPS: &[&str] = &[" ", " ", " -", " \"", "\"", "-", "", "  ", "\t", " - ", "\"\""];
const TEXT_SEPS: &[&str] = &[" ", " ", "\n", "\n\n", ". ", ", ", "-"];

fn joined(seps: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(seps)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        joined(QUERY_SEPS, 6),
        joined(QUERY_SEPS, 6).prop_map(|q| q.trim_end().to_string())
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), joined(TEXT_SEPS, 40)]
}

/// Full optimal-string-alignment distance, no cut-off.
fn osa(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn any_query_parses_well_formed(q in query()) {
        let parsed = Query::parse(&q);
        check_query(&q, &parsed);
        // Parsing is a function of the input.
        prop_assert_eq!(parsed, Query::parse(&q));
    }

    #[test]
    fn index_and_hits_are_well_formed(t in text(), q in query()) {
        check_search(&t, &q);
    }

    #[test]
    fn index_over_arbitrary_spans(t in text(), spans in prop::collection::vec((0usize..80, 0usize..80), 0..6), q in query()) {
        // Passages out of range or off char boundaries are empty passages.
        let passages: Vec<Span> = spans.into_iter().map(|(a, b)| a..b).collect();
        let index = Index::build(&t, &passages);
        check_index(&t, &passages, &index);
        let hits = index.search(&Query::parse(&q));
        prop_assert!(hits.passages.iter().all(|&p| p < passages.len()));
        for m in &hits.matches {
            prop_assert!(t.get(m.clone()).is_some());
        }
    }

    #[test]
    fn suggestions_are_close_article_words(t in joined(TEXT_SEPS, 30), q in joined(&[" "], 4)) {
        let passages = paragraphs(&t);
        let index = Index::build(&t, &passages);
        let query = Query::parse(&format!("{q} "));
        let hits = index.search(&query);
        for s in &hits.suggestions {
            let folded = fold(s);
            prop_assert!(index.term(&folded).is_some(), "suggestion {:?} is not an article word", s);
            let sc: Vec<char> = folded.chars().collect();
            prop_assert!(
                hits.missing.iter().any(|m| {
                    let mc: Vec<char> = fold(m).chars().collect();
                    let d = osa(&mc, &sc);
                    d > 0 && d <= max_distance(mc.len())
                }),
                "suggestion {:?} is not close to a missing word {:?}", s, hits.missing
            );
        }
    }

    #[test]
    fn edit_distance_agrees_with_full_table(a in "[abc😀é]{0,7}", b in "[abc😀é]{0,7}", max in 0usize..4) {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let full = osa(&a, &b);
        prop_assert_eq!(edit_distance(&a, &b, max), Some(full).filter(|&d| d <= max));
        prop_assert_eq!(edit_distance(&a, &b, max), edit_distance(&b, &a, max));
    }

    #[test]
    fn merge_spans_is_the_union(spans in prop::collection::vec((0usize..60, 1usize..8), 0..12)) {
        let spans: Vec<Span> = spans.into_iter().map(|(s, l)| s..s + l).collect();
        let merged = merge_spans(spans.clone());
        for w in merged.windows(2) {
            prop_assert!(w[0].end < w[1].start, "{:?}", merged);
        }
        for x in 0..70 {
            let in_input = spans.iter().any(|s| s.contains(&x));
            let in_merged = merged.iter().any(|s| s.contains(&x));
            prop_assert_eq!(in_input, in_merged, "point {}", x);
        }
    }
}
