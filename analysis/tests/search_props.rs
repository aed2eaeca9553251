//! Property tests for search: no panics on any input, well-formed hits, and
//! agreement with a naive reference implementation that rescans the text.

use article_analysis::normalize::{tokens, Token};
use article_analysis::search::{merge_spans, Clause, Hits, Index, Query, QueryWord};
use article_analysis::segment::{paragraphs, Span};
use proptest::prelude::*;

/// Does the text token match the query word (same rules as the index)?
fn word_matches(w: &QueryWord, t: &Token) -> bool {
    t.folded == w.folded || t.stem == w.stem || (w.prefix && t.folded.starts_with(&w.folded))
}

/// Occurrences (byte spans) of `clause` among `toks`.
fn occurrences(clause: &Clause, toks: &[Token]) -> Vec<Span> {
    let n = clause.words.len();
    if n == 0 || toks.len() < n {
        return Vec::new();
    }
    (0..=toks.len() - n)
        .filter(|&i| {
            clause
                .words
                .iter()
                .zip(&toks[i..i + n])
                .all(|(w, t)| word_matches(w, t))
        })
        .map(|i| toks[i].span.start..toks[i + n - 1].span.end)
        .collect()
}

/// The straightforward implementation: tokenize every passage per query.
fn naive(text: &str, passages: &[Span], query: &Query) -> Hits {
    let toks: Vec<Vec<Token>> = passages
        .iter()
        .map(|p| {
            text.get(p.clone())
                .map(|s| tokens(s, p.start))
                .unwrap_or_default()
        })
        .collect();
    let mut hits = Hits::default();
    if query.is_empty() {
        hits.passages = (0..passages.len()).collect();
        return hits;
    }
    let mut matches = Vec::new();
    for (p, t) in toks.iter().enumerate() {
        let pos: Vec<Vec<Span>> = query.positive().map(|c| occurrences(c, t)).collect();
        let ok = pos.iter().all(|o| !o.is_empty()) && query.negative().all(|c| occurrences(c, t).is_empty());
        if ok {
            hits.passages.push(p);
            matches.extend(pos.into_iter().flatten());
        }
    }
    hits.matches = merge_spans(matches);
    for clause in query.positive() {
        for w in &clause.words {
            let found = toks.iter().flatten().any(|t| word_matches(w, t));
            if !found && !hits.missing.contains(&w.typed) {
                hits.missing.push(w.typed.clone());
            }
        }
    }
    hits
}

fn check_well_formed(text: &str, passages: &[Span], hits: &Hits) {
    for w in hits.passages.windows(2) {
        assert!(w[0] < w[1], "passages ascending");
    }
    for w in hits.matches.windows(2) {
        assert!(
            w[0].end < w[1].start,
            "matches sorted, disjoint: {:?}",
            hits.matches
        );
    }
    for m in &hits.matches {
        assert!(m.start < m.end);
        assert!(text.get(m.clone()).is_some(), "char boundaries");
        assert!(
            hits.passages
                .iter()
                .any(|&p| passages[p].start <= m.start && m.end <= passages[p].end),
            "match inside a matching passage"
        );
    }
    if hits.missing.is_empty() {
        assert!(hits.suggestions.is_empty());
    }
    assert!(hits.suggestions.len() <= 3 * hits.missing.len());
}

const WORDS: &[&str] = &[
    "a",
    "ab",
    "abc",
    "b",
    "ba",
    "Ab",
    "ÁB",
    "café",
    "cafe",
    "CAFE\u{301}",
    "missile",
    "missiles",
    "x's",
    "U.S",
    "us",
    "use",
    "the",
    "😀",
    "ß",
    "ss",
];
const TEXT_SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ", ", "-", ". ", "'"];
const QUERY_SEPS: &[&str] = &[" ", " ", " -", " \"", "\"", "-", ".", ""];

fn joined(
    words: &'static [&'static str],
    seps: &'static [&'static str],
    max: usize,
) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(words), prop::sample::select(seps)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn query_strategy() -> impl Strategy<Value = String> {
    (joined(WORDS, QUERY_SEPS, 5), prop::bool::ANY).prop_map(|(mut q, trim)| {
        if trim {
            q = q.trim_end().to_string();
        }
        q
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>(), q in any::<String>()) {
        let passages = paragraphs(&text);
        let index = Index::build(&text, &passages);
        let hits = index.search(&Query::parse(&q));
        check_well_formed(&text, &passages, &hits);
    }

    #[test]
    fn never_panics_on_arbitrary_passage_spans(
        text in any::<String>(),
        spans in prop::collection::vec((0usize..64, 0usize..64), 0..6),
        q in query_strategy(),
    ) {
        let passages: Vec<Span> = spans.into_iter().map(|(a, b)| a..b).collect();
        let index = Index::build(&text, &passages);
        let hits = index.search(&Query::parse(&q));
        prop_assert_eq!(index.passage_count(), passages.len());
        for m in &hits.matches {
            prop_assert!(text.get(m.clone()).is_some());
        }
    }

    #[test]
    fn agrees_with_naive_reference(text in joined(WORDS, TEXT_SEPS, 40), q in query_strategy()) {
        let passages = paragraphs(&text);
        let index = Index::build(&text, &passages);
        let query = Query::parse(&q);
        let hits = index.search(&query);
        check_well_formed(&text, &passages, &hits);
        let expected = naive(&text, &passages, &query);
        prop_assert_eq!(&hits.passages, &expected.passages, "query {:?}", q);
        prop_assert_eq!(&hits.matches, &expected.matches, "query {:?}", q);
        prop_assert_eq!(&hits.missing, &expected.missing, "query {:?}", q);
    }

    #[test]
    fn arbitrary_queries_on_real_words(text in joined(WORDS, TEXT_SEPS, 30), q in any::<String>()) {
        let passages = paragraphs(&text);
        let index = Index::build(&text, &passages);
        let query = Query::parse(&q);
        let hits = index.search(&query);
        check_well_formed(&text, &passages, &hits);
        prop_assert_eq!(hits, naive(&text, &passages, &query).with_suggestions_of(&index, &query));
    }
}

/// Lets the arbitrary-query property compare everything but suggestions.
trait WithSuggestions {
    fn with_suggestions_of(self, index: &Index, query: &Query) -> Hits;
}

impl WithSuggestions for Hits {
    fn with_suggestions_of(mut self, index: &Index, query: &Query) -> Hits {
        self.suggestions = index.search(query).suggestions;
        self
    }
}
