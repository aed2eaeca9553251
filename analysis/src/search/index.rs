//! The per-article inverted index, built once from the text and its passages.
//!
//! - Every word inside a passage is a *token* at a *position* (0, 1, 2, …
//!   in text order, passage after passage); `spans[pos]` is its byte span and
//!   `token_term[pos]` its term id.
//! - A *term* is a distinct folded form; `postings[term]` lists its
//!   positions (ascending).
//! - `by_folded` maps folded form → term; `by_stem` maps stem → terms;
//!   `sorted` holds the term ids in folded order for prefix ranges (binary
//!   search).
//! - `passage_tokens[p]` is the range of positions of passage `p`, and
//!   `token_passage[pos]` the passage of a position.
//!
//! A query only reads these tables; it never looks at the text again.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::normalize::{fold_into, stem};
use crate::segment::{words, Span};

/// A small, fast non-cryptographic hasher (FxHash) for the vocabulary maps:
/// the keys are the article's own words, so hash flooding is not a concern.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// One distinct folded word of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded form ("biden's", "us", "cafe").
    pub folded: String,
    /// Its stem.
    pub stem: String,
    /// Its most common spelling in the text ("Biden's", "U.S", "café").
    pub surface: String,
    /// Positions of its tokens, ascending.
    pub postings: Vec<usize>,
}

/// One spelling of a term while the index is built.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    term: usize,
    count: usize,
    order: usize,
}

/// The search index of one article. Build it once with [`Index::build`],
/// then run any number of queries with [`Index::search`].
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub(crate) terms: Vec<Term>,
    pub(crate) by_folded: FxMap<String, usize>,
    pub(crate) by_stem: FxMap<String, Vec<usize>>,
    pub(crate) sorted: Vec<usize>,
    pub(crate) spans: Vec<Span>,
    pub(crate) token_term: Vec<usize>,
    pub(crate) token_passage: Vec<usize>,
    pub(crate) passage_tokens: Vec<Range<usize>>,
}

impl Index {
    /// Indexes the words of `text` inside each of `passages` (byte spans into
    /// `text`, usually its paragraphs). A passage span that is out of range
    /// or not on `char` boundaries is kept as an empty passage. Never panics.
    pub fn build(text: &str, passages: &[Span]) -> Index {
        let mut builder = IndexBuilder::for_text(text, passages.len());
        while !builder.step(text, passages, usize::MAX) {}
        builder.finish()
    }
    /// How many passages were given to [`Index::build`].
    pub fn passage_count(&self) -> usize {
        self.passage_tokens.len()
    }

    /// How many tokens (words inside passages) were indexed.
    pub fn token_count(&self) -> usize {
        self.spans.len()
    }

    /// The vocabulary: one [`Term`] per distinct folded word, in order of
    /// first appearance.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The term with this folded form, if the article has it.
    pub fn term(&self, folded: &str) -> Option<&Term> {
        self.by_folded.get(folded).and_then(|&t| self.terms.get(t))
    }

    /// The byte spans of the tokens of passage `p` (empty if out of range).
    pub fn passage_token_spans(&self, p: usize) -> &[Span] {
        self.passage_tokens
            .get(p)
            .and_then(|r| self.spans.get(r.clone()))
            .unwrap_or(&[])
    }

    /// The term ids of the tokens of passage `p`, in the order of
    /// [`Index::passage_token_spans`] (empty if out of range).
    pub(crate) fn passage_token_terms(&self, p: usize) -> &[usize] {
        self.passage_tokens
            .get(p)
            .and_then(|r| self.token_term.get(r.clone()))
            .unwrap_or(&[])
    }

    pub(crate) fn folded(&self, term: usize) -> &str {
        self.terms.get(term).map_or("", |t| t.folded.as_str())
    }

    /// Term ids whose folded form starts with `prefix`, via binary search
    /// over the sorted vocabulary.
    pub(crate) fn prefix_terms<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = usize> + 'a {
        let from = self.sorted.partition_point(|&t| self.folded(t) < prefix);
        self.sorted
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .copied()
            .take_while(move |&t| self.folded(t).starts_with(prefix))
    }

    /// Term ids with this stem.
    pub(crate) fn stem_terms(&self, stem: &str) -> &[usize] {
        self.by_stem.get(stem).map_or(&[], Vec::as_slice)
    }

    /// Term ids with this folded form (zero or one).
    pub(crate) fn folded_term(&self, folded: &str) -> Option<usize> {
        self.by_folded.get(folded).copied()
    }
}

/// [`Index::build`] in steps, so a long text can be indexed a slice at a
/// time with the page answering between slices.
///
/// ```
/// use article_analysis::search::{Index, IndexBuilder};
/// let text = "Kyiv said. Then Lviv.";
/// let passages = vec![0..10, 11..21];
/// let mut b = IndexBuilder::default();
/// while !b.step(text, &passages, 1) {}
/// assert_eq!(b.finish().token_count(), Index::build(text, &passages).token_count());
/// ```
#[derive(Debug, Default)]
pub struct IndexBuilder {
    index: Index,
    /// Each spelling seen: its term, how often, and when first seen (a map,
    /// so a word written in thousands of ways costs no more than one written
    /// in one way).
    spellings: FxMap<String, Spelling>,
    next: usize,
    buf: String,
}

/// Bytes of text per word, a little under what English prose has (about
/// 5.5 with the spaces), to size the per-word lists once.
const BYTES_PER_WORD: usize = 4;

impl IndexBuilder {
    /// A builder for `text` cut into `passages` passages, its per-word lists
    /// sized for the words the text likely has: grown by doubling instead,
    /// the last growth copies the whole list in one step (for a 50 MB text,
    /// about 100 ms in a browser), while memory reserved and not yet written
    /// costs nothing.
    pub fn for_text(text: &str, passages: usize) -> IndexBuilder {
        let words = text.len() / BYTES_PER_WORD;
        let mut b = IndexBuilder::default();
        // A refusal (a browser short of memory) leaves them to grow.
        let _ = b.index.spans.try_reserve_exact(words);
        let _ = b.index.token_term.try_reserve_exact(words);
        let _ = b.index.token_passage.try_reserve_exact(words);
        let _ = b.index.passage_tokens.try_reserve_exact(passages);
        b
    }

    /// Indexes passages from where the last step stopped until about
    /// `budget` words are done (whole passages); true when every passage
    /// is. Give the same `text` and `passages` to every step.
    pub fn step(&mut self, text: &str, passages: &[Span], budget: usize) -> bool {
        let start_tokens = self.index.spans.len();
        while let Some(span) = passages.get(self.next) {
            if self.index.spans.len() - start_tokens >= budget {
                return false;
            }
            self.passage(text, self.next, span);
            self.next += 1;
        }
        true
    }

    /// Where it is, from 0 to 1, over `total` passages.
    pub fn progress(&self, total: usize) -> f64 {
        if total == 0 {
            1.0
        } else {
            self.next as f64 / total as f64
        }
    }

    fn passage(&mut self, text: &str, p: usize, span: &Span) {
        let index = &mut self.index;
        let first = index.spans.len();
        if let Some(passage) = text.get(span.clone()) {
            for (off, word) in words(passage) {
                fold_into(word, &mut self.buf);
                if self.buf.is_empty() {
                    continue;
                }
                let term = match index.by_folded.get(self.buf.as_str()) {
                    Some(&t) => t,
                    None => {
                        let t = index.terms.len();
                        let term_stem = stem(&self.buf);
                        index.by_stem.entry(term_stem.clone()).or_default().push(t);
                        index.terms.push(Term {
                            folded: self.buf.clone(),
                            stem: term_stem,
                            surface: String::new(),
                            postings: Vec::new(),
                        });
                        index.by_folded.insert(self.buf.clone(), t);
                        t
                    }
                };
                let pos = index.spans.len();
                let start = span.start + off;
                index.spans.push(start..start + word.len());
                index.token_term.push(term);
                index.token_passage.push(p);
                if let Some(info) = index.terms.get_mut(term) {
                    info.postings.push(pos);
                }
                let order = self.spellings.len();
                match self.spellings.get_mut(word) {
                    Some(sp) => sp.count += 1,
                    None => {
                        self.spellings.insert(
                            word.to_string(),
                            Spelling {
                                term,
                                count: 1,
                                order,
                            },
                        );
                    }
                }
            }
        }
        index.passage_tokens.push(first..index.spans.len());
    }

    /// The index (whatever passages are left are not indexed).
    pub fn finish(self) -> Index {
        let IndexBuilder {
            mut index, spellings, ..
        } = self;
        // Each term's most common spelling; the first seen wins ties.
        let mut best: Vec<Option<(&str, Spelling)>> = vec![None; index.terms.len()];
        for (word, &sp) in &spellings {
            if let Some(slot) = best.get_mut(sp.term) {
                if slot.is_none_or(|(_, b)| {
                    (sp.count, std::cmp::Reverse(sp.order)) > (b.count, std::cmp::Reverse(b.order))
                }) {
                    *slot = Some((word.as_str(), sp));
                }
            }
        }
        for (term, best) in index.terms.iter_mut().zip(best) {
            term.surface = best.map_or_else(|| term.folded.clone(), |(s, _)| s.to_string());
        }
        let mut sorted: Vec<usize> = (0..index.terms.len()).collect();
        sorted.sort_unstable_by(|&a, &b| index.folded(a).cmp(index.folded(b)));
        index.sorted = sorted;
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of `text` as a single passage.
    fn whole(text: &str) -> Index {
        Index::build(text, &[text.len()].map(|end| 0..end))
    }
    use crate::segment::paragraphs;

    #[test]
    fn builds_vocabulary_postings_and_passages() {
        let text = "Biden met Biden's aides.\n\nKYIV and Kyiv and kyiv.";
        let passages = paragraphs(text);
        let index = Index::build(text, &passages);
        assert_eq!(index.passage_count(), 2);
        assert_eq!(index.token_count(), 9);
        let kyiv = index.term("kyiv").expect("kyiv");
        assert_eq!(kyiv.postings, vec![4, 6, 8]);
        assert_eq!(kyiv.surface, "KYIV");
        assert_eq!(index.term("biden's").map(|t| t.stem.as_str()), Some("biden"));
        assert_eq!(index.stem_terms("biden").len(), 2);
        assert_eq!(index.passage_token_spans(0).len(), 4);
        assert_eq!(index.passage_token_spans(9), &[] as &[Span]);
        assert_eq!(index.token_passage, vec![0, 0, 0, 0, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn surface_is_most_common_spelling() {
        let text = "nato NATO NATO Nato";
        let index = whole(text);
        assert_eq!(index.term("nato").map(|t| t.surface.as_str()), Some("NATO"));
    }

    #[test]
    fn surface_ties_go_to_the_first_spelling_even_among_thousands() {
        assert_eq!(
            whole("nato NATO Nato").term("nato").map(|t| t.surface.as_str()),
            Some("nato")
        );
        // 1,024 spellings of one word, once each, then one of them twice more.
        let mut text = String::new();
        for i in 0..1024u32 {
            for (j, c) in "abcdefghij".chars().enumerate() {
                text.push(if i >> j & 1 == 1 {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
            }
            text.push(' ');
        }
        text.push_str("aBcDeFgHiJ aBcDeFgHiJ");
        let index = whole(&text);
        assert_eq!(index.terms().len(), 1);
        assert_eq!(
            index.term("abcdefghij").map(|t| t.surface.as_str()),
            Some("aBcDeFgHiJ")
        );
    }

    #[test]
    fn prefix_ranges() {
        let text = "atacms atom attack zebra at a";
        let index = whole(text);
        let mut found: Vec<&str> = index.prefix_terms("at").map(|t| index.folded(t)).collect();
        found.sort_unstable();
        assert_eq!(found, ["at", "atacms", "atom", "attack"]);
        assert_eq!(index.prefix_terms("zz").count(), 0);
        assert_eq!(index.prefix_terms("").count(), 6);
    }

    #[test]
    fn bad_passage_spans_are_empty_passages() {
        let text = "héllo world";
        #[allow(clippy::reversed_empty_ranges)]
        let passages = [0..2, 5..3, 0..100, 0..text.len()];
        let index = Index::build(text, &passages);
        assert_eq!(index.passage_count(), 4);
        assert_eq!(index.passage_token_spans(0).len(), 0);
        assert_eq!(index.passage_token_spans(1).len(), 0);
        assert_eq!(index.passage_token_spans(2).len(), 0);
        assert_eq!(index.passage_token_spans(3).len(), 2);
    }

    #[test]
    fn empty_text() {
        let index = Index::build("", &[]);
        assert_eq!(index.passage_count(), 0);
        assert_eq!(index.prefix_terms("a").count(), 0);
    }
}
