//! Finding a phrase: the token positions where consecutive words of one
//! passage match the phrase's words, each word given as the sorted set of
//! term ids it accepts.
//!
//! Two strategies, and the cheaper one is taken, so a phrase costs at most
//! about the size of the index whatever its length and the text:
//!
//! - **from the rarest word**: each position of the phrase's rarest word is
//!   a candidate, checked word by word; about `P × L` for `P` positions of
//!   the rarest word and `L` words (fast for the usual phrase, where one
//!   word is rare);
//! - **one pass over the tokens** (Knuth–Morris–Pratt over word classes):
//!   about `N + L` for `N` tokens, used when every word is common, as in a
//!   long phrase over a repetitive text. A word's set is its stem's class
//!   (the sets of two query words are equal or disjoint) except for a last
//!   prefix word, which is checked at each match of the words before it.

use std::ops::Range;

use super::index::{FxMap, Index};

impl Index {
    /// Token position ranges (`start..start + sets.len()`, ascending) where
    /// the words match consecutively inside one passage.
    pub(crate) fn phrase_occurrences(&self, sets: &[Vec<usize>]) -> Vec<Range<usize>> {
        let len = sets.len();
        if len == 0 || sets.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let rarest = sets.iter().map(|set| self.postings_len(set)).min().unwrap_or(0);
        let starts = if rarest.saturating_mul(len - 1) <= self.token_count() + len {
            self.starts_from_rarest(sets)
        } else {
            self.starts_in_one_pass(sets)
                .unwrap_or_else(|| self.starts_from_rarest(sets))
        };
        starts.into_iter().map(|s| s..s + len).collect()
    }

    /// The positions of all these terms, ascending.
    pub(crate) fn union_postings(&self, terms: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(self.postings_len(terms));
        for t in terms.iter().filter_map(|&t| self.terms.get(t)) {
            out.extend_from_slice(&t.postings);
        }
        if terms.len() > 1 {
            out.sort_unstable();
        }
        out
    }

    /// How many tokens these terms have together.
    pub(crate) fn postings_len(&self, terms: &[usize]) -> usize {
        terms
            .iter()
            .filter_map(|&t| self.terms.get(t))
            .map(|t| t.postings.len())
            .sum()
    }

    /// Whether the phrase starts at `start`, checking words `from..` only.
    fn matches_at(&self, sets: &[Vec<usize>], start: usize, from: usize) -> bool {
        let Some(range) = self
            .token_passage
            .get(start)
            .and_then(|&p| self.passage_tokens.get(p))
        else {
            return false;
        };
        if start + sets.len() > range.end {
            return false;
        }
        sets.iter().enumerate().skip(from).all(|(j, set)| {
            self.token_term
                .get(start + j)
                .is_some_and(|t| set.binary_search(t).is_ok())
        })
    }

    /// Candidates from the positions of the rarest word.
    fn starts_from_rarest(&self, sets: &[Vec<usize>]) -> Vec<usize> {
        let Some((k, rarest)) = sets
            .iter()
            .enumerate()
            .min_by_key(|(_, set)| self.postings_len(set))
        else {
            return Vec::new();
        };
        self.union_postings(rarest)
            .into_iter()
            .filter_map(|p| p.checked_sub(k))
            .filter(|&start| self.matches_at(sets, start, 0))
            .collect()
    }

    /// One Knuth–Morris–Pratt pass over each passage's tokens, the words
    /// mapped to classes (equal sets, one class). `None` when two different
    /// sets share a term (not a query of [`crate::search::Query::parse`]),
    /// so that classes cannot be drawn.
    fn starts_in_one_pass(&self, sets: &[Vec<usize>]) -> Option<Vec<usize>> {
        // A last word whose set overlaps another's (a prefix word) is
        // checked at each match of the words before it.
        let last_set = sets.last()?;
        let last = sets.len() - 1;
        let overlaps_last = sets
            .iter()
            .take(last)
            .any(|s| s != last_set && shares_a_term(s, last_set));
        let classed = if overlaps_last && last > 0 {
            last
        } else {
            sets.len()
        };
        // Class of each distinct set (1, 2, …) and of each term (0: none).
        let mut class_of_set: FxMap<&[usize], u32> = FxMap::default();
        let mut class_of_term = vec![0u32; self.terms.len()];
        let mut pattern: Vec<u32> = Vec::with_capacity(classed);
        for set in sets.iter().take(classed) {
            let next = u32::try_from(class_of_set.len() + 1).ok()?;
            let class = *class_of_set.entry(set.as_slice()).or_insert(next);
            if class == next {
                for &t in set {
                    let slot = class_of_term.get_mut(t)?;
                    if *slot != 0 {
                        return None;
                    }
                    *slot = class;
                }
            }
            pattern.push(class);
        }
        let fail = failure_table(&pattern);
        let mut out = Vec::new();
        for range in &self.passage_tokens {
            let mut matched = 0;
            for pos in range.clone() {
                let class = self
                    .token_term
                    .get(pos)
                    .and_then(|&t| class_of_term.get(t))
                    .copied()
                    .unwrap_or(0);
                while matched > 0 && pattern.get(matched) != Some(&class) {
                    matched = fail.get(matched - 1).copied().unwrap_or(0);
                }
                if pattern.get(matched) == Some(&class) {
                    matched += 1;
                }
                if matched == pattern.len() {
                    let start = pos + 1 - matched;
                    if self.matches_at(sets, start, classed) {
                        out.push(start);
                    }
                    matched = fail.get(matched - 1).copied().unwrap_or(0);
                }
            }
        }
        Some(out)
    }
}

/// Whether two sorted sets have an element in common (one merge pass).
fn shares_a_term(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The Knuth–Morris–Pratt failure table: `fail[i]` is the length of the
/// longest proper prefix of `pattern[..=i]` that is also its suffix.
fn failure_table(pattern: &[u32]) -> Vec<usize> {
    let mut fail = vec![0usize; pattern.len()];
    let mut k = 0;
    for i in 1..pattern.len() {
        while k > 0 && pattern.get(k) != pattern.get(i) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if pattern.get(k) == pattern.get(i) {
            k += 1;
        }
        if let Some(f) = fail.get_mut(i) {
            *f = k;
        }
    }
    fail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;
    use crate::segment::paragraphs;

    /// Both strategies, on the sets of each clause of `query`.
    fn both(index: &Index, query: &str) -> Vec<(Vec<usize>, Option<Vec<usize>>)> {
        Query::parse(query)
            .clauses()
            .iter()
            .map(|c| {
                let sets: Vec<Vec<usize>> = c.words.iter().map(|w| index.word_terms(w)).collect();
                (index.starts_from_rarest(&sets), index.starts_in_one_pass(&sets))
            })
            .collect()
    }

    #[test]
    fn one_pass_agrees_with_the_rarest_word_scan() {
        let text = "a b a b a b a\nb a b a b\na a a b\nmissile missiles Missile's strike\nnew york yo york";
        let index = Index::build(text, &paragraphs(text));
        for q in [
            "\"a b a\"",
            "\"a b a b\"",
            "\"a a\"",
            "\"b a b a b a\"",
            "\"a\"",
            "\"missile missile\"",
            "\"missiles strike\"",
            "\"york yo",
            "\"new yo",
            "\"a b",
        ] {
            for (rarest, pass) in both(&index, q) {
                assert_eq!(Some(rarest), pass, "{q}");
            }
        }
    }

    #[test]
    fn phrases_over_a_repetitive_text_take_one_pass() {
        let text = "a b ".repeat(200);
        let index = Index::build(&text, &paragraphs(&text));
        let query = Query::parse(&format!("\"{}\"", "a b ".repeat(50)));
        let sets: Vec<Vec<usize>> = query.clauses()[0]
            .words
            .iter()
            .map(|w| index.word_terms(w))
            .collect();
        let found = index.phrase_occurrences(&sets);
        // Every even position that leaves room for 100 words.
        assert_eq!(found.len(), 151);
        assert_eq!(found.first(), Some(&(0..100)));
        assert_eq!(found.last(), Some(&(300..400)));
    }

    #[test]
    fn failure_table_of_a_periodic_pattern() {
        assert_eq!(failure_table(&[1, 2, 1, 2, 1, 3]), vec![0, 0, 1, 2, 3, 0]);
        assert_eq!(failure_table(&[]), Vec::<usize>::new());
    }
}
