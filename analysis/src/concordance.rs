//! The concordance (keyword in context): one line per occurrence of a
//! search match or an entity mention, with the words before and after it
//! inside its paragraph, cut at word boundaries to a width in characters;
//! sortable by the words after the match or by the words before it
//! (nearest first), as AntConc and Voyant sort them. Export with
//! [`crate::export::concordance_csv`].
//!
//! ```
//! use article_analysis::{Analysis, Article, search::Query};
//! use article_analysis::concordance::{sort, Order};
//! let a = Analysis::new(Article::parse("a.txt", "Old missiles were sent.\nThe new missiles came later."));
//! let mut lines = a.concordance(&a.view(&Query::parse("missiles"), &[], false), 12);
//! sort(&mut lines, &a.article.body, Order::Left);
//! let left: Vec<String> = lines.iter().map(|l| l.text(&a.article.body).left).collect();
//! // Sorted by the word right before the match: "new" before "Old".
//! assert_eq!(left, ["The new", "Old"]);
//! ```

use std::cmp::Ordering;

use crate::analysis::Analysis;
use crate::document::Paragraph;
use crate::normalize::fold_into;
use crate::segment::{self, Span};
use crate::view::View;

/// One occurrence in context. Every span is a byte span into the body,
/// inside the paragraph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Line {
    /// The paragraph (index into `Article::paragraphs`).
    pub paragraph: usize,
    /// The context before the match, starting at a word.
    pub left: Span,
    /// The match.
    pub hit: Span,
    /// The context after the match, ending at a word.
    pub right: Span,
    /// Whether the paragraph goes on before `left` (show "…").
    pub left_cut: bool,
    /// Whether the paragraph goes on after `right` (show "…").
    pub right_cut: bool,
}

/// A line's text, whitespace (line breaks of hard-wrapped text included)
/// collapsed to single spaces, ready to show or export.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineText {
    /// The words before the match.
    pub left: String,
    /// The match.
    pub hit: String,
    /// The words after the match.
    pub right: String,
}

/// How to order the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Order {
    /// In text order.
    Text,
    /// By the words before the match, the nearest first (so "the new
    /// missiles" sorts under "new").
    Left,
    /// By the match and the words after it.
    Right,
}

/// How many words on each side make a sort key.
const KEY_WORDS: usize = 3;

impl Line {
    /// The line's text.
    pub fn text(&self, body: &str) -> LineText {
        let collapse = |s: &Span| {
            body.get(s.clone())
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        LineText {
            left: collapse(&self.left),
            hit: collapse(&self.hit),
            right: collapse(&self.right),
        }
    }
}

impl Analysis {
    /// The concordance of the view's matches (the current query), with
    /// `width` characters of context on each side.
    pub fn concordance(&self, view: &View, width: usize) -> Vec<Line> {
        lines(&self.article.body, &self.article.paragraphs, &view.matches, width)
    }

    /// The concordance of the mentions of entity `entity` (index into
    /// `entities.entities`).
    pub fn entity_concordance(&self, entity: usize, width: usize) -> Vec<Line> {
        let spans: Vec<Span> = self
            .entities
            .mentions_of(entity)
            .map(|m| m.span.clone())
            .collect();
        lines(&self.article.body, &self.article.paragraphs, &spans, width)
    }
}

/// One line per span of `hits` (byte spans into `body`) that lies inside a
/// paragraph, in the order given, with up to `width` characters of context
/// on each side (fewer, to end at a word boundary; never past the
/// paragraph). Each line costs about `width`, whatever the paragraph's
/// length.
pub fn lines(body: &str, paragraphs: &[Paragraph], hits: &[Span], width: usize) -> Vec<Line> {
    let mut out = Vec::with_capacity(hits.len());
    for hit in hits {
        let p = paragraphs.partition_point(|x| x.span.end <= hit.start);
        let Some(para) = paragraphs.get(p).map(|x| &x.span) else {
            continue;
        };
        let inside = para.start <= hit.start && hit.end <= para.end && hit.start < hit.end;
        let (Some(before), Some(after)) = (body.get(para.start..hit.start), body.get(hit.end..para.end))
        else {
            continue;
        };
        if !inside {
            continue;
        }
        let left_start = hit.start - keep_end(before, width);
        let right_end = hit.end + keep_start(after, width);
        out.push(Line {
            paragraph: p,
            left: left_start..hit.start,
            hit: hit.clone(),
            right: hit.end..right_end,
            left_cut: left_start > para.start,
            right_cut: right_end < para.end,
        });
    }
    out
}

/// How many bytes at the end of `s` hold its last `width` characters,
/// starting at a word (a word cut by the width is left out) and without
/// leading whitespace.
fn keep_end(s: &str, width: usize) -> usize {
    let from = s
        .char_indices()
        .rev()
        .nth(width.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let from = if width == 0 { s.len() } else { from };
    let mut kept = s.get(from..).unwrap_or("");
    let cut_word = from > 0
        && kept.starts_with(|c: char| !c.is_whitespace())
        && s.get(..from)
            .is_some_and(|b| b.ends_with(|c: char| !c.is_whitespace()));
    if cut_word {
        kept = kept
            .find(char::is_whitespace)
            .map_or("", |i| kept.get(i..).unwrap_or(""));
    }
    kept.trim_start().len()
}

/// How many bytes at the start of `s` hold its first `width` characters,
/// ending at a word and without trailing whitespace.
fn keep_start(s: &str, width: usize) -> usize {
    let to = s.char_indices().nth(width).map_or(s.len(), |(i, _)| i);
    let mut kept = s.get(..to).unwrap_or("");
    let cut_word = to < s.len()
        && kept.ends_with(|c: char| !c.is_whitespace())
        && s.get(to..)
            .is_some_and(|a| a.starts_with(|c: char| !c.is_whitespace()));
    if cut_word {
        kept = kept
            .rfind(char::is_whitespace)
            .map_or("", |i| kept.get(..i).unwrap_or(""));
    }
    kept.trim_end().len()
}

/// Sorts `lines` (of `body`) in place by `order`; lines with the same key
/// stay in text order.
pub fn sort(lines: &mut [Line], body: &str, order: Order) {
    let mut buf = String::new();
    // The key: the folded words, each followed by U+0000 (below every
    // letter, so "a" sorts before "ab" as a list of words would).
    let mut key = |l: &Line| -> String {
        let mut k = String::new();
        let mut push = |s: &Span, nearest_first: bool, take: usize| {
            let text = body.get(s.clone()).unwrap_or("");
            let words: Vec<&str> = segment::words(text).map(|(_, w)| w).collect();
            let mut add = |w: &str| {
                fold_into(w, &mut buf);
                k.push_str(&buf);
                k.push('\0');
            };
            if nearest_first {
                words.iter().rev().take(take).for_each(|w| add(w));
            } else {
                words.iter().take(take).for_each(|w| add(w));
            }
        };
        match order {
            Order::Text => {}
            Order::Left => push(&l.left, true, KEY_WORDS),
            Order::Right => {
                push(&l.hit, false, usize::MAX);
                push(&l.right, false, KEY_WORDS);
            }
        }
        k
    };
    let mut keyed: Vec<(String, Line)> = lines.iter().map(|l| (key(l), l.clone())).collect();
    keyed.sort_by(|a, b| match a.0.cmp(&b.0) {
        Ordering::Equal => a.1.hit.start.cmp(&b.1.hit.start),
        other => other,
    });
    for (slot, (_, line)) in lines.iter_mut().zip(keyed) {
        *slot = line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;
    use crate::search::Query;

    fn analysed(text: &str) -> Analysis {
        Analysis::new(Article::parse("t.txt", text))
    }

    fn texts(a: &Analysis, lines: &[Line]) -> Vec<(String, String, String)> {
        lines
            .iter()
            .map(|l| {
                let t = l.text(&a.article.body);
                (t.left, t.hit, t.right)
            })
            .collect()
    }

    #[test]
    fn one_line_per_match_with_context_cut_at_words() {
        let a = analysed(
            "The long-range missiles will likely be used first.\nNo match here.\nThey sent missiles to Kyiv.",
        );
        let v = a.view(&Query::parse("missiles"), &[], false);
        let lines = a.concordance(&v, 12);
        assert_eq!(
            texts(&a, &lines),
            [
                ("long-range".into(), "missiles".into(), "will likely".into()),
                ("They sent".into(), "missiles".into(), "to Kyiv.".into()),
            ]
        );
        assert_eq!(lines.iter().map(|l| l.paragraph).collect::<Vec<_>>(), [0, 2]);
        assert!(lines[0].left_cut && lines[0].right_cut);
        assert!(!lines[1].left_cut && !lines[1].right_cut);
    }

    #[test]
    fn context_never_crosses_the_paragraph_and_collapses_line_breaks() {
        let a = analysed("Prince Andrew\nspoke.\n\nAndrew left the\nroom at once.");
        let v = a.view(&Query::parse("andrew"), &[], false);
        let lines = a.concordance(&v, 40);
        assert_eq!(
            texts(&a, &lines),
            [
                ("Prince".into(), "Andrew".into(), "spoke.".into()),
                ("".into(), "Andrew".into(), "left the room at once.".into()),
            ]
        );
    }

    #[test]
    fn entity_mentions_in_context() {
        let a = analysed("Joe Biden spoke in Kyiv. Later Biden left.");
        let e = a.entities.entities.iter().position(|e| e.name == "Joe Biden");
        let lines = e.map(|e| a.entity_concordance(e, 10)).unwrap_or_default();
        assert_eq!(
            texts(&a, &lines),
            [
                ("".into(), "Joe Biden".into(), "spoke in".into()),
                // "Kyiv. Later " is 12 characters: "Kyiv." does not fit.
                ("Later".into(), "Biden".into(), "left.".into()),
            ]
        );
    }

    #[test]
    fn sorted_by_the_words_before_nearest_first_or_after() {
        let a = analysed(
            "An old missile fell.\nA new missile flew.\nThe old missile rusted.\nNo missile ever came.",
        );
        let v = a.view(&Query::parse("missile"), &[], false);
        let mut lines = a.concordance(&v, 20);
        sort(&mut lines, &a.article.body, Order::Left);
        let left: Vec<String> = lines.iter().map(|l| l.text(&a.article.body).left).collect();
        assert_eq!(left, ["A new", "No", "An old", "The old"]);
        sort(&mut lines, &a.article.body, Order::Right);
        let right: Vec<String> = lines.iter().map(|l| l.text(&a.article.body).right).collect();
        assert_eq!(right, ["ever came.", "fell.", "flew.", "rusted."]);
        sort(&mut lines, &a.article.body, Order::Text);
        assert!(lines.windows(2).all(|w| w[0].hit.start < w[1].hit.start));
    }

    #[test]
    fn a_zero_width_gives_the_match_alone_and_bad_spans_are_skipped() {
        let text = "Kyiv is far.";
        let a = analysed(text);
        let paras = &a.article.paragraphs;
        let lines = lines(text, paras, &[0..4, 3..99, 5..5], 0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].left, 0..0);
        assert_eq!(lines[0].right, 4..4);
        assert!(lines[0].right_cut);
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = "Ça été un café très célèbre à Kyiv, café noir.";
        let a = analysed(text);
        let v = a.view(&Query::parse("cafe"), &[], false);
        for width in 0..30 {
            for l in a.concordance(&v, width) {
                let t = l.text(text);
                assert!(
                    t.left.chars().count() <= width && t.right.chars().count() <= width,
                    "{width} {t:?}"
                );
            }
        }
    }
}
