//! Running a [`Query`] against an [`Index`].
//!
//! 1. Each query word resolves to a sorted set of term ids: the term with the
//!    same folded form, the terms with the same stem, and for a prefix word
//!    the range of terms starting with it.
//! 2. Each clause yields its *occurrences* (token position ranges): the
//!    union of the postings of a single word, or for a phrase the positions
//!    where its words follow each other inside one passage (see
//!    [`super::phrase`]). A clause whose words resolve to the same sets as
//!    an earlier clause's is not run again.
//! 3. Passages: the intersection of the positive clauses' passages (all
//!    passages when there is none), minus the passages of negated clauses.
//! 4. Highlights: the occurrences of positive clauses inside matching
//!    passages, as byte spans, sorted and merged.
//! 5. Query words found nowhere are reported in `missing`; the first five
//!    get "did you mean" suggestions.
//!
//! Cost: about the size of the postings involved (at most the index's size
//! per distinct clause), never a pass over all passages unless the answer
//! is all passages.

use std::ops::Range;

use super::index::{FxSet, Index};
use super::query::{Clause, Query, QueryWord};
use super::suggest::suggest;
use super::Hits;
use crate::segment::Span;

/// Suggestions per missing word.
const SUGGESTIONS_PER_WORD: usize = 3;
/// Missing words that get suggestions (the first ones typed): each costs a
/// pass over the vocabulary, and a reader takes in a few at most.
const SUGGESTED_WORDS: usize = 5;

impl Index {
    /// Runs `query`: the matching passages, the spans to highlight in them,
    /// and suggestions for words the article does not contain. Reads only
    /// the index.
    ///
    /// ```
    /// use article_analysis::search::{Index, Query};
    /// let text = "Biden authorized ATACMS.\nKyiv welcomed the missiles.\nMoscow did not.";
    /// let passages = article_analysis::segment::paragraphs(text);
    /// let index = Index::build(text, &passages);
    /// let hits = index.search(&Query::parse("missile -moscow"));
    /// assert_eq!(hits.passages, vec![1]);
    /// assert_eq!(&text[hits.matches[0].clone()], "missiles");
    /// let hits = index.search(&Query::parse("bidn"));
    /// assert!(hits.passages.is_empty());
    /// assert_eq!(hits.suggestions, vec!["Biden"]);
    /// assert_eq!(hits.missing, vec!["bidn"]);
    /// ```
    pub fn search(&self, query: &Query) -> Hits {
        let n = self.passage_count();
        if query.is_empty() {
            return Hits {
                passages: (0..n).collect(),
                ..Hits::default()
            };
        }
        let mut hits = Hits::default();
        let mut missing: FxSet<&str> = FxSet::default();

        // Positive clauses: occurrences, and passages that have all of them.
        // A clause whose words resolve like an earlier one's adds nothing.
        let mut seen: FxSet<Vec<Vec<usize>>> = FxSet::default();
        let mut positive: Vec<Vec<Range<usize>>> = Vec::new();
        let mut selected: Option<Vec<usize>> = None;
        for clause in query.positive() {
            let sets = self.clause_sets(clause);
            for (word, set) in clause.words.iter().zip(&sets) {
                if set.is_empty() && missing.insert(&word.typed) {
                    hits.missing.push(word.typed.clone());
                    if hits.missing.len() <= SUGGESTED_WORDS {
                        for s in suggest(self, &word.folded, SUGGESTIONS_PER_WORD) {
                            if !hits.suggestions.contains(&s) {
                                hits.suggestions.push(s);
                            }
                        }
                    }
                }
            }
            if !seen.insert(sets.clone()) {
                continue;
            }
            let occ = self.occurrences(&sets);
            let passages = self.passages_of(&occ);
            selected = Some(match selected {
                None => passages,
                Some(prev) => intersect(&prev, &passages),
            });
            positive.push(occ);
        }
        // Negative clauses: the passages they exclude.
        let mut excluded: Vec<usize> = Vec::new();
        seen.clear();
        for clause in query.negative() {
            let sets = self.clause_sets(clause);
            if !seen.insert(sets.clone()) {
                continue;
            }
            excluded.extend(self.passages_of(&self.occurrences(&sets)));
        }
        excluded.sort_unstable();
        excluded.dedup();
        hits.passages = match selected {
            Some(list) => difference(list, &excluded),
            None => difference((0..n).collect(), &excluded),
        };

        let mut matches: Vec<Span> = Vec::new();
        for r in positive.iter().flatten() {
            let inside = self
                .token_passage
                .get(r.start)
                .is_some_and(|p| hits.passages.binary_search(p).is_ok());
            if !inside {
                continue;
            }
            let first = self.spans.get(r.start);
            let last = r.end.checked_sub(1).and_then(|e| self.spans.get(e));
            if let (Some(first), Some(last)) = (first, last) {
                matches.push(first.start..last.end);
            }
        }
        hits.matches = merge_spans(matches);
        hits
    }

    /// Sorted, distinct term ids that `word` matches.
    pub(crate) fn word_terms(&self, word: &QueryWord) -> Vec<usize> {
        let mut ids: Vec<usize> = self.stem_terms(&word.stem).to_vec();
        ids.extend(self.folded_term(&word.folded));
        if word.prefix {
            ids.extend(self.prefix_terms(&word.folded));
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The term sets of a clause's words.
    fn clause_sets(&self, clause: &Clause) -> Vec<Vec<usize>> {
        clause.words.iter().map(|w| self.word_terms(w)).collect()
    }

    /// Token position ranges where the words of these sets occur one after
    /// the other inside a passage, ascending.
    fn occurrences(&self, sets: &[Vec<usize>]) -> Vec<Range<usize>> {
        match sets {
            [one] => self.union_postings(one).into_iter().map(|p| p..p + 1).collect(),
            _ => self.phrase_occurrences(sets),
        }
    }

    /// Sorted distinct passages of ascending occurrences.
    fn passages_of(&self, occ: &[Range<usize>]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for r in occ {
            if let Some(&p) = self.token_passage.get(r.start) {
                if out.last() != Some(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// The elements of sorted `a` that are not in sorted `b`.
fn difference(a: Vec<usize>, b: &[usize]) -> Vec<usize> {
    if b.is_empty() {
        return a;
    }
    let mut j = 0;
    a.into_iter()
        .filter(|&x| {
            while b.get(j).is_some_and(|&y| y < x) {
                j += 1;
            }
            b.get(j) != Some(&x)
        })
        .collect()
}

/// Elements in both sorted lists.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Sorts spans and merges those that overlap or touch.
///
/// ```
/// use article_analysis::search::merge_spans;
/// assert_eq!(merge_spans(vec![5..9, 0..3, 2..4, 9..10]), vec![0..4, 5..10]);
/// ```
pub fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn seed() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../seeds/000_8c592e3cf3c6a0f6.txt"
        ))
        .unwrap_or_default()
    }

    struct Fixture {
        text: String,
        passages: Vec<Span>,
        index: Index,
    }

    impl Fixture {
        fn new(text: &str) -> Fixture {
            let passages = paragraphs(text);
            let index = Index::build(text, &passages);
            Fixture {
                text: text.to_string(),
                passages,
                index,
            }
        }

        fn hits(&self, q: &str) -> Hits {
            let hits = self.index.search(&Query::parse(q));
            // Every match lies inside a matching passage.
            for m in &hits.matches {
                assert!(self.text.get(m.clone()).is_some());
                assert!(hits
                    .passages
                    .iter()
                    .any(|&p| self.passages[p].start <= m.start && m.end <= self.passages[p].end));
            }
            hits
        }

        fn found(&self, q: &str) -> Vec<&str> {
            self.hits(q)
                .matches
                .iter()
                .map(|m| &self.text[m.clone()])
                .collect()
        }
    }

    const NEWS: &str = "Officials in KYIV said Kyiv needs air defence.\n\
        The café near the Café Central closed.\n\
        Biden's decision on ATACMS missiles was authorized.\n\
        The New York Times reported that Biden authorizes a missile strike.\n\
        North Korean troops joined Russia, said a U.S. official.\n\
        Nothing else happened here.";

    #[test]
    fn case_folding() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.found("kyiv"), ["KYIV", "Kyiv"]);
        assert_eq!(f.found("KYIV"), ["KYIV", "Kyiv"]);
        assert_eq!(f.hits("KYIV ").passages, vec![0]);
    }

    #[test]
    fn accents() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.found("cafe "), ["café", "Café"]);
        assert_eq!(f.found("CAFÉ "), ["café", "Café"]);
        assert_eq!(f.found("cafe\u{301} "), ["café", "Café"]);
    }

    #[test]
    fn prefix_while_typing() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.found("atac"), ["ATACMS"]);
        assert!(f.hits("atac ").passages.is_empty());
        assert_eq!(f.hits("atac ").missing, vec!["atac"]);
        // Only the last bare word is a prefix.
        assert!(f.hits("atac missile").passages.is_empty());
        assert_eq!(f.hits("missile atac").passages, vec![2]);
        // Negated words are never prefixes.
        assert_eq!(f.hits("missile -atac").passages, vec![2, 3]);
    }

    #[test]
    fn stemming() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.found("missile "), ["missiles", "missile"]);
        assert_eq!(f.found("authorize "), ["authorized", "authorizes"]);
        assert_eq!(f.found("Biden "), ["Biden's", "Biden"]);
    }

    #[test]
    fn phrases() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.found("\"new york times\""), ["New York Times"]);
        assert_eq!(f.found("\"york new\"").len(), 0);
        assert_eq!(f.found("north-korean"), ["North Korean"]);
        assert_eq!(
            f.found("\"north korean troops\" russia"),
            ["North Korean troops", "Russia"]
        );
        // Stems inside phrases.
        assert_eq!(f.found("\"missile strikes\""), ["missile strike"]);
        // Unterminated phrase: to the end, last word a prefix.
        assert_eq!(f.found("\"new yo"), ["New York"]);
        assert!(f.found("\"new yo\"").is_empty());
        // Phrases do not cross passages.
        assert!(f.found("\"closed biden\"").is_empty());
    }

    #[test]
    fn and_of_terms() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.hits("biden missile ").passages, vec![2, 3]);
        assert_eq!(f.hits("biden times ").passages, vec![3]);
        assert_eq!(f.found("biden times "), ["Times", "Biden"]);
        assert!(f.hits("kyiv biden ").passages.is_empty());
    }

    #[test]
    fn negation() {
        let f = Fixture::new(NEWS);
        assert_eq!(f.hits("biden -times").passages, vec![2]);
        assert_eq!(f.hits("biden -\"new york\"").passages, vec![2]);
        assert_eq!(f.hits("biden -\"york new\"").passages, vec![2, 3]);
        // Excluded words are not highlighted.
        assert_eq!(f.found("biden -missile"), Vec::<&str>::new());
    }

    #[test]
    fn only_negative() {
        let f = Fixture::new(NEWS);
        let hits = f.hits("-biden -kyiv");
        assert_eq!(hits.passages, vec![1, 4, 5]);
        assert!(hits.matches.is_empty());
        assert!(hits.missing.is_empty());
    }

    #[test]
    fn empty_query_matches_everything() {
        let f = Fixture::new(NEWS);
        for q in ["", "  ", "-", "\"\"", "..."] {
            let hits = f.hits(q);
            assert_eq!(hits.passages, (0..6).collect::<Vec<_>>(), "{q:?}");
            assert!(hits.matches.is_empty());
        }
    }

    #[test]
    fn no_match_and_suggestions() {
        let f = Fixture::new(NEWS);
        let hits = f.hits("bidn ");
        assert!(hits.passages.is_empty() && hits.matches.is_empty());
        assert_eq!(hits.missing, vec!["bidn"]);
        assert_eq!(hits.suggestions, vec!["Biden"]);
        let hits = f.hits("Kyyv missiles ");
        assert_eq!(hits.missing, vec!["Kyyv"]);
        assert_eq!(hits.suggestions, vec!["KYIV"]);
        // Words that exist but never together: no suggestion.
        let hits = f.hits("kyiv biden ");
        assert!(hits.suggestions.is_empty() && hits.missing.is_empty());
        // Nothing close.
        let hits = f.hits("zzzzzz ");
        assert_eq!(hits.missing, vec!["zzzzzz"]);
        assert!(hits.suggestions.is_empty());
    }

    #[test]
    fn only_the_first_five_missing_words_get_suggestions() {
        let f = Fixture::new(NEWS);
        let hits = f.hits("zzzzzz yyyyyy xxxxxx wwwwww vvvvvv bidn zzzzzz ");
        assert_eq!(hits.missing.len(), 6);
        assert!(hits.suggestions.is_empty());
        assert_eq!(f.hits("bidn zzzzzz ").suggestions, vec!["Biden"]);
    }

    #[test]
    fn repeated_clauses_give_the_same_hits() {
        let f = Fixture::new(NEWS);
        let once = f.hits("biden -times");
        assert_eq!(f.hits("biden Biden's biden -times -times"), once);
        assert_eq!(
            f.hits("\"new york\" \"new york\"").matches,
            f.hits("\"new york\"").matches
        );
    }

    #[test]
    fn overlapping_highlights_merge() {
        let f = Fixture::new(NEWS);
        // The phrase and the word overlap: one highlight.
        assert_eq!(f.found("\"new york\" york"), ["New York"]);
        assert_eq!(f.found("\"new york\" \"york times\""), ["New York Times"]);
    }

    #[test]
    fn passage_filtering_and_matches_only_in_matching_passages() {
        let f = Fixture::new(NEWS);
        let hits = f.hits("the closed");
        assert_eq!(hits.passages, vec![1]);
        assert_eq!(f.found("the closed"), ["The", "the", "closed"]);
    }

    #[test]
    fn seed_article() {
        let text = seed();
        if text.is_empty() {
            return;
        }
        let f = Fixture::new(&text);
        assert_eq!(f.index.passage_count(), 11);
        let hits = f.hits("atacms");
        assert!(!hits.passages.is_empty());
        assert!(f.found("ATACMS").iter().all(|w| w.eq_ignore_ascii_case("atacms")));
        let found = f.found("U.S.");
        // "U.S." ends in punctuation: the word is complete, not a prefix of "use".
        assert!(found.iter().all(|w| *w == "U.S"), "{found:?}");
        assert!(f.found("biden ").contains(&"Biden's"));
        assert!(f
            .found("\"long-range missiles\"")
            .contains(&"long-range missiles"));
        assert!(f.found("missile ").contains(&"missiles"));
        assert!(f.hits("authorize ").passages.contains(&0));
        let hits = f.hits("Bidn ");
        assert_eq!(hits.suggestions, vec!["Biden"]);
        let hits = f.hits("biden -trump");
        assert!(!hits.passages.is_empty());
        let all = f.hits("biden ");
        assert!(hits.passages.len() < all.passages.len());
    }

    #[test]
    fn odd_texts_never_panic() {
        for text in [
            "",
            "😀",
            "\u{301}",
            "مرحبا بالعالم\nשלום עולם",
            "a\u{301}\u{302}b c",
            "'s 's",
        ] {
            let f = Fixture::new(text);
            for q in ["", "a", "-a", "\"a", "😀", "مرحبا", "\u{301}", "'s", "-\"", "b c"] {
                let _ = f.hits(q);
            }
        }
    }

    #[test]
    fn merge() {
        assert_eq!(merge_spans(vec![]), Vec::<Span>::new());
        assert_eq!(merge_spans(vec![3..5, 0..1, 0..2, 4..8]), vec![0..2, 3..8]);
    }
}
