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

/// A piece of a paragraph with one look: plain, inside a search match,
/// inside an entity mention, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte span into the body.
    pub span: Span,
    /// Index of the search match (into [`View::matches`]) covering it.
    pub mark: Option<usize>,
    /// Index of the entity mention (into `entities.mentions`) covering it.
    pub mention: Option<usize>,
    /// Index of the quoted span (into the `quoted` list given) covering it.
    pub quote: Option<usize>,
}

/// Cuts the paragraph `para` into segments.
///
/// `matches` are all the view's matches (sorted), `mentions` all the
/// article's mentions (sorted) and `mention_range` the ones that start in
/// this paragraph; mentions of a kind in `hidden` are left out. `quoted`
/// are spans to mark as quotations (sorted, not overlapping; see
/// [`quoted_spans`]). Segment boundaries fall on match, mention and quote
/// boundaries; the segments cover the paragraph exactly, in order.
pub fn segments(
    para: Span,
    matches: &[Span],
    mentions: &[Mention],
    mention_range: Range<usize>,
    hidden: &[EntityKind],
    quoted: &[Span],
) -> Vec<Segment> {
    let local_matches: Vec<(usize, Span)> = local_spans(matches, &para);
    let local_quotes: Vec<(usize, Span)> = local_spans(quoted, &para);
    let local_mentions: Vec<(usize, Span)> = mentions
        .get(mention_range.clone())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(_, m)| !hidden.contains(&m.kind))
        .map(|(i, m)| {
            (
                mention_range.start + i,
                m.span.start.max(para.start)..m.span.end.min(para.end),
            )
        })
        .filter(|(_, s)| s.start < s.end)
        .collect();

    let mut cuts: Vec<usize> =
        Vec::with_capacity(2 + 2 * (local_matches.len() + local_mentions.len() + local_quotes.len()));
    cuts.push(para.start);
    cuts.push(para.end);
    for (_, s) in local_matches.iter().chain(&local_mentions).chain(&local_quotes) {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len());
    let (mut mi, mut ei, mut qi) = (0, 0, 0);
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
        });
    }
    out
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
        let segs = segments(para, &matches, &mentions, 0..1, &[], &[]);
        assert_eq!(
            segs,
            vec![
                Segment {
                    span: 0..4,
                    mark: None,
                    mention: Some(0),
                    quote: None
                },
                Segment {
                    span: 4..9,
                    mark: Some(0),
                    mention: Some(0),
                    quote: None
                },
                Segment {
                    span: 9..15,
                    mark: Some(0),
                    mention: None,
                    quote: None
                },
            ]
        );
    }

    #[test]
    fn hidden_kinds_are_plain_text_and_global_match_indices_are_kept() {
        let para = 10..30;
        let matches = vec![0..3, 12..14, 20..22];
        let mentions = vec![mention(15..18, EntityKind::Date)];
        let segs = segments(para, &matches, &mentions, 0..1, &[EntityKind::Date], &[]);
        let marks: Vec<Option<usize>> = segs.iter().map(|s| s.mark).collect();
        assert_eq!(marks, vec![None, Some(1), None, Some(2), None]);
        assert!(segs.iter().all(|s| s.mention.is_none()));
        assert_eq!(segs.first().map(|s| s.span.start), Some(10));
        assert_eq!(segs.last().map(|s| s.span.end), Some(30));
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
