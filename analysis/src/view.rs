//! What the reader sees: search and entity filters combined into the list of
//! visible passages and highlighted matches, and each paragraph cut into
//! segments (plain text, search match, entity mention) for rendering.
//!
//! The app only turns these values into DOM nodes; every decision about what
//! is shown is made (and tested) here.
//!
//! ```
//! use article_analysis::{Analysis, Article, search::Query};
//! let a = Analysis::new(Article::parse("a.txt", "Missiles were sent.\nNothing here.\nOne missile left."));
//! let v = a.view(&Query::parse("missile"), &[], true);
//! assert_eq!(v.passages, vec![0, 2]);
//! assert_eq!(v.matches.len(), 2);
//! ```

use std::ops::Range;

use crate::analysis::Analysis;
use crate::entities::{EntityKind, Mention};
use crate::search::Query;
use crate::segment::Span;

/// The visible state of an article for one query and set of filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// Visible passages (paragraph indices), ascending.
    pub passages: Vec<usize>,
    /// Highlighted matches (byte spans into the body) inside visible passages,
    /// sorted and not overlapping. "k of n" counts these.
    pub matches: Vec<Span>,
    /// Whether a (non-empty) query is active.
    pub searching: bool,
    /// Number of passages that match the query, among those the entity
    /// filters leave (what "only matching passages" would show).
    pub matching_passages: usize,
    /// "Did you mean" words for query words that occur nowhere.
    pub suggestions: Vec<String>,
    /// Query words that occur nowhere in the article.
    pub missing: Vec<String>,
}

impl Analysis {
    /// Combines the query, the selected entities (indices into
    /// `entities.entities`; a passage must mention all of them) and the
    /// "only matching passages" toggle into what is shown.
    pub fn view(&self, query: &Query, selected: &[usize], only_matching: bool) -> View {
        let by_entities = self.passages_with_all(selected);
        if query.is_empty() {
            return View {
                passages: by_entities,
                ..View::default()
            };
        }
        let hits = self.index.search(query);
        let matched: Vec<usize> = intersect(&by_entities, &hits.passages);
        let passages = if only_matching {
            matched.clone()
        } else {
            by_entities
        };
        let matches = hits
            .matches
            .iter()
            .filter(|m| {
                let paras = &self.article.paragraphs;
                let p = paras.partition_point(|x| x.span.end <= m.start);
                paras.get(p).is_some_and(|x| x.span.start <= m.start) && passages.binary_search(&p).is_ok()
            })
            .cloned()
            .collect();
        View {
            passages,
            matches,
            searching: true,
            matching_passages: matched.len(),
            suggestions: hits.suggestions,
            missing: hits.missing,
        }
    }
}

fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    a.iter().copied().filter(|x| b.binary_search(x).is_ok()).collect()
}

/// A piece of a paragraph with one look: plain, or inside any of a search
/// match, an entity mention, a quotation and a reader's highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte span into the body.
    pub span: Span,
    /// Index of the search match (into [`Layers::matches`]) covering it.
    pub mark: Option<usize>,
    /// Index of the entity mention (into [`Layers::mentions`]) covering it.
    pub mention: Option<usize>,
    /// Index of the quoted span (into [`Layers::quoted`]) covering it.
    pub quote: Option<usize>,
    /// Index of the highlight piece (into [`Layers::highlights`]) covering it.
    pub highlight: Option<usize>,
}

/// What [`segments`] cuts a paragraph on. Every list is of the whole
/// article, sorted by start and not overlapping; an empty list (the
/// default) marks nothing.
#[derive(Debug, Clone, Default)]
pub struct Layers<'a> {
    /// The view's search matches ([`View::matches`]).
    pub matches: &'a [Span],
    /// The article's entity mentions.
    pub mentions: &'a [Mention],
    /// The mentions that start in the paragraph (a range of `mentions`,
    /// `Analysis::passage_mentions`).
    pub mention_range: Range<usize>,
    /// Mentions of these kinds are left out.
    pub hidden: &'a [EntityKind],
    /// Quotations ([`quoted_spans`]).
    pub quoted: &'a [Span],
    /// The reader's highlights, flattened ([`highlight_pieces`]).
    pub highlights: &'a [Span],
}

/// Cuts the paragraph `para` into segments on the boundaries of every
/// layer (see [`Layers`]); the segments cover the paragraph exactly, in
/// order, and each names the match, mention, quotation and highlight piece
/// covering it.
///
/// ```
/// use article_analysis::view::{segments, Layers};
/// let segs = segments(0..20, &Layers { matches: &[4..9], highlights: &[6..12], ..Layers::default() });
/// let cuts: Vec<_> = segs.iter().map(|s| (s.span.clone(), s.mark, s.highlight)).collect();
/// assert_eq!(cuts, vec![(0..4, None, None), (4..6, Some(0), None), (6..9, Some(0), Some(0)), (9..12, None, Some(0)), (12..20, None, None)]);
/// ```
pub fn segments(para: Span, layers: &Layers) -> Vec<Segment> {
    let local_matches: Vec<(usize, Span)> = local_spans(layers.matches, &para);
    let local_quotes: Vec<(usize, Span)> = local_spans(layers.quoted, &para);
    let local_highlights: Vec<(usize, Span)> = local_spans(layers.highlights, &para);
    let range = layers.mention_range.clone();
    let local_mentions: Vec<(usize, Span)> = layers
        .mentions
        .get(range.clone())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(_, m)| !layers.hidden.contains(&m.kind))
        .map(|(i, m)| {
            (
                range.start + i,
                m.span.start.max(para.start)..m.span.end.min(para.end),
            )
        })
        .filter(|(_, s)| s.start < s.end)
        .collect();

    let all = [&local_matches, &local_mentions, &local_quotes, &local_highlights];
    let mut cuts: Vec<usize> = Vec::with_capacity(2 + 2 * all.iter().map(|l| l.len()).sum::<usize>());
    cuts.push(para.start);
    cuts.push(para.end);
    for (_, s) in all.into_iter().flatten() {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len());
    let (mut mi, mut ei, mut qi, mut hi) = (0, 0, 0, 0);
    // The layer entry covering `start`, moving `at` past those ending before.
    let covering = |layer: &[(usize, Span)], at: &mut usize, start: usize| {
        while layer.get(*at).is_some_and(|(_, s)| s.end <= start) {
            *at += 1;
        }
        layer.get(*at).filter(|(_, s)| s.start <= start).map(|(i, _)| *i)
    };
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        out.push(Segment {
            span: start..end,
            mark: covering(&local_matches, &mut mi, start),
            mention: covering(&local_mentions, &mut ei, start),
            quote: covering(&local_quotes, &mut qi, start),
            highlight: covering(&local_highlights, &mut hi, start),
        });
    }
    out
}

/// Highlights that may overlap (`spans`, in any order) flattened into
/// sorted, disjoint pieces for [`Layers::highlights`], each with the index
/// (into `spans`) of the highlight it shows. Where highlights overlap the
/// innermost shows: the one that starts last, then the one that ends
/// first, then the later in `spans`. Empty spans are left out; adjacent
/// pieces of one highlight are joined. O(n log n).
///
/// ```
/// use article_analysis::view::highlight_pieces;
/// // A long highlight with a short one inside it.
/// let (pieces, owners) = highlight_pieces(&[0..10, 3..5]);
/// assert_eq!(pieces, vec![0..3, 3..5, 5..10]);
/// assert_eq!(owners, vec![0, 1, 0]);
/// ```
pub fn highlight_pieces(spans: &[Span]) -> (Vec<Span>, Vec<usize>) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut order: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].start < spans[i].end)
        .collect();
    order.sort_by_key(|&i| spans[i].start);
    let mut cuts: Vec<usize> = order
        .iter()
        .flat_map(|&i| [spans[i].start, spans[i].end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let (mut pieces, mut owners): (Vec<Span>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut active = BinaryHeap::new();
    let mut next = order.iter().peekable();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        while let Some(&&i) = next.peek().filter(|&&&i| spans[i].start <= start) {
            active.push((spans[i].start, Reverse(spans[i].end), i));
            next.next();
        }
        while active.peek().is_some_and(|&(_, Reverse(e), _)| e <= start) {
            active.pop();
        }
        let Some(&(_, _, owner)) = active.peek() else {
            continue;
        };
        match (pieces.last_mut(), owners.last()) {
            (Some(last), Some(&o)) if o == owner && last.end == start => last.end = end,
            _ => {
                pieces.push(start..end);
                owners.push(owner);
            }
        }
    }
    (pieces, owners)
}

/// The entries of `spans` (sorted, not overlapping) that reach into `para`,
/// cut to it, with their index in `spans`; empty pieces left out.
fn local_spans(spans: &[Span], para: &Span) -> Vec<(usize, Span)> {
    let first = spans.partition_point(|m| m.end <= para.start);
    spans
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.start < para.end)
        .map(|(i, m)| (first + i, m.start.max(para.start)..m.end.min(para.end)))
        .filter(|(_, s)| s.start < s.end)
        .collect()
}

/// The quotations of an article as spans to mark in the text: sorted by
/// start, overlapping ones joined (a direct quotation inside reported
/// speech is marked once).
pub fn quoted_spans(quotes: &[crate::quotes::Quote]) -> Vec<Span> {
    crate::search::merge_spans(
        quotes
            .iter()
            .map(|q| q.span.clone())
            .filter(|s| s.start < s.end)
            .collect(),
    )
}

impl View {
    /// The view with only the passages in `keep` (sorted paragraph
    /// indices), and only the matches inside them: a speaker's quotes, for
    /// example.
    pub fn restricted_to(self, a: &Analysis, keep: &[usize]) -> View {
        let passages: Vec<usize> = intersect(&self.passages, keep);
        let paras = &a.article.paragraphs;
        let matches = self
            .matches
            .into_iter()
            .filter(|m| {
                let p = paras.partition_point(|x| x.span.end <= m.start);
                passages.binary_search(&p).is_ok()
            })
            .collect();
        View {
            matching_passages: self.matching_passages.min(passages.len()),
            passages,
            matches,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;

    fn mention(span: Span, kind: EntityKind) -> Mention {
        Mention {
            span,
            kind,
            entity: 0,
        }
    }

    #[test]
    fn segments_cover_the_paragraph_with_overlaps() {
        // "Joe Biden spoke" with a mention on 0..9 and a match on 4..15.
        let para = 0..15;
        let matches: Vec<Span> = std::iter::once(4..15).collect();
        let mentions = vec![mention(0..9, EntityKind::Person)];
        let segs = segments(
            para,
            &Layers {
                matches: &matches,
                mentions: &mentions,
                mention_range: 0..1,
                ..Layers::default()
            },
        );
        assert_eq!(
            segs,
            vec![
                Segment {
                    span: 0..4,
                    mark: None,
                    mention: Some(0),
                    quote: None,
                    highlight: None
                },
                Segment {
                    span: 4..9,
                    mark: Some(0),
                    mention: Some(0),
                    quote: None,
                    highlight: None
                },
                Segment {
                    span: 9..15,
                    mark: Some(0),
                    mention: None,
                    quote: None,
                    highlight: None
                },
            ]
        );
    }

    #[test]
    fn hidden_kinds_are_plain_text_and_global_match_indices_are_kept() {
        let para = 10..30;
        let matches = vec![0..3, 12..14, 20..22];
        let mentions = vec![mention(15..18, EntityKind::Date)];
        let segs = segments(
            para,
            &Layers {
                matches: &matches,
                mentions: &mentions,
                mention_range: 0..1,
                hidden: &[EntityKind::Date],
                ..Layers::default()
            },
        );
        let marks: Vec<Option<usize>> = segs.iter().map(|s| s.mark).collect();
        assert_eq!(marks, vec![None, Some(1), None, Some(2), None]);
        assert!(segs.iter().all(|s| s.mention.is_none()));
        assert_eq!(segs.first().map(|s| s.span.start), Some(10));
        assert_eq!(segs.last().map(|s| s.span.end), Some(30));
    }

    #[test]
    fn highlights_are_a_layer_of_their_own() {
        // "Kyiv was quiet": a mention of Kyiv, a highlight over "Kyiv was".
        let mentions = vec![mention(0..4, EntityKind::Place)];
        let segs = segments(
            0..14,
            &Layers {
                mentions: &mentions,
                mention_range: 0..1,
                highlights: std::slice::from_ref(&(0..8)),
                ..Layers::default()
            },
        );
        let got: Vec<(Span, Option<usize>, Option<usize>)> = segs
            .iter()
            .map(|s| (s.span.clone(), s.mention, s.highlight))
            .collect();
        assert_eq!(
            got,
            vec![
                (0..4, Some(0), Some(0)),
                (4..8, None, Some(0)),
                (8..14, None, None)
            ]
        );
    }

    #[test]
    fn overlapping_highlights_show_the_innermost() {
        // Two highlights crossing, one nested, one empty, one apart.
        let spans = vec![0..10, 5..15, 7..8, 3..3, 20..25];
        let (pieces, owners) = highlight_pieces(&spans);
        assert_eq!(pieces, vec![0..5, 5..7, 7..8, 8..15, 20..25]);
        assert_eq!(owners, vec![0, 1, 2, 1, 4]);
        // Equal starts: the shorter one shows, then the longer goes on.
        let (pieces, owners) = highlight_pieces(&[2..9, 2..4]);
        assert_eq!((pieces, owners), (vec![2..4, 4..9], vec![1, 0]));
        // The same passage twice: the later one.
        let (pieces, owners) = highlight_pieces(&[1..3, 1..3]);
        assert_eq!(
            (pieces.as_slice(), owners),
            (std::slice::from_ref(&(1..3)), vec![1])
        );
        assert_eq!(highlight_pieces(&[]), (vec![], vec![]));
    }

    #[test]
    fn view_without_query_shows_entity_filtered_passages() {
        let a = Analysis::new(Article::parse("a.txt", "Alpha beta.\nGamma delta.\nAlpha again."));
        let v = a.view(&Query::parse(""), &[], false);
        assert_eq!(v.passages, vec![0, 1, 2]);
        assert!(v.matches.is_empty());
        assert!(!v.searching);
    }

    #[test]
    fn only_matching_toggle_hides_other_passages_but_counts_stay() {
        let a = Analysis::new(Article::parse("a.txt", "Alpha beta.\nGamma delta.\nAlpha again."));
        let all = a.view(&Query::parse("alpha"), &[], false);
        let only = a.view(&Query::parse("alpha"), &[], true);
        assert_eq!(all.passages, vec![0, 1, 2]);
        assert_eq!(only.passages, vec![0, 2]);
        assert_eq!(all.matches, only.matches);
        assert_eq!(all.matches.len(), 2);
        assert_eq!(only.matching_passages, 2);
    }
}
