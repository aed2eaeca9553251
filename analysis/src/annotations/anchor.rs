//! Anchors: where a highlight sits in an article body, recorded the way the
//! W3C Web Annotation Data Model records it, and found again after the text
//! changed.
//!
//! A [`Target`] holds the two selectors the model defines for plain text
//! (<https://www.w3.org/TR/annotation-model/#text-quote-selector> and
//! `#text-position-selector`): a [`TextQuoteSelector`] (the selected text
//! with up to [`CONTEXT_CHARS`] characters before and after it) and a
//! [`TextPositionSelector`] (where the selection started and ended).
//! [`anchor`] finds the target in a text that may have changed since:
//!
//! 1. at its recorded position, when the quote is still there
//!    ([`Anchor::Exact`]);
//! 2. else at the occurrence of the quote whose surroundings match the
//!    recorded prefix and suffix best, the one nearest the recorded position
//!    among equals ([`Anchor::Moved`]);
//! 3. else at the passage closest to the quote, a few edits away (a typo
//!    fixed, a word changed: [`Anchor::Approximate`], see `approx.rs`);
//! 4. else [`Anchor::Orphaned`].
//!
//! Each step is linear in the text's length: the position is one walk over
//! the text, the occurrences one Knuth–Morris–Pratt pass (each scored on a
//! bounded context), the approximate match a rolling-hash pass for pieces of
//! the quote and a bounded alignment around the best few candidates.
//!
//! **Positions count Unicode scalar values** (Rust `char`s). The model says
//! so ("in terms of unicode code points (the 'character number'), not in
//! terms of code units"), the crate's CSV/JSON exports and command-line tool
//! already count that way, and the app reads the body from Rust, so nothing
//! on our side needs UTF-16. A tool that counts UTF-16 code units (as
//! JavaScript strings do) disagrees only after a character outside the
//! Basic Multilingual Plane (an emoji); the quote selector still finds the
//! passage then. Byte offsets are the crate's own unit: [`Target::new`]
//! takes a byte range of the body and [`anchor`] returns one.
//!
//! The model says a quote that matches several places "SHOULD be treated as
//! matching all of the matches"; a reader's highlight is one passage, so
//! [`anchor`] picks one (by context, then the recorded position).
//!
//! ```
//! use article_analysis::annotations::anchor::{anchor, Anchor, Target};
//! let text = "Kyiv was quiet. The missiles struck Kharkiv at dawn.";
//! let start = text.find("missiles").unwrap();
//! let target = Target::new(text, start..start + "missiles".len()).unwrap();
//! assert_eq!(target.position.start, 20);
//! // A sentence inserted before the passage: found where it moved.
//! let edited = format!("Breaking news. {text}");
//! let found = anchor(&edited, &target);
//! assert!(matches!(found, Anchor::Moved(_)));
//! assert_eq!(&edited[found.span().unwrap()], "missiles");
//! // The passage deleted: orphaned.
//! assert_eq!(anchor("Kyiv was quiet.", &target), Anchor::Orphaned);
//! ```

use std::cmp::Reverse;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::approx;

/// Characters of context recorded on each side of a quote (and compared,
/// at most, when a quote is found again).
pub const CONTEXT_CHARS: usize = 32;

/// The W3C `TextQuoteSelector`: the selected text and a little of what
/// surrounds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The selected text, exactly.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before it.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after it.
    #[serde(default)]
    pub suffix: String,
}

/// The W3C `TextPositionSelector`: start (included) and end (excluded) in
/// Unicode scalar values from the beginning of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// Characters before the selection.
    pub start: usize,
    /// Characters before the end of the selection.
    pub end: usize,
}

/// Both selectors of one highlighted passage (the model treats them as
/// alternatives describing the same passage).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    /// The quote with its context.
    pub quote: TextQuoteSelector,
    /// Where it was when recorded.
    pub position: TextPositionSelector,
}

impl Target {
    /// The selectors of the byte range `span` of `text`; `None` when the
    /// span is empty, reversed, past the end or off `char` boundaries.
    ///
    /// ```
    /// use article_analysis::annotations::anchor::Target;
    /// let t = Target::new("Zoë met Joe Biden in Kyiv.", 9..18).unwrap();
    /// assert_eq!(t.quote.exact, "Joe Biden");
    /// assert_eq!(t.quote.prefix, "Zoë met ");
    /// assert_eq!(t.quote.suffix, " in Kyiv.");
    /// assert_eq!((t.position.start, t.position.end), (8, 17));
    /// ```
    pub fn new(text: &str, span: Range<usize>) -> Option<Target> {
        let exact = text.get(span.clone()).filter(|s| !s.is_empty())?;
        let before = text.get(..span.start)?;
        let after = text.get(span.end..)?;
        let prefix_start = before
            .char_indices()
            .rev()
            .take(CONTEXT_CHARS)
            .last()
            .map_or(before.len(), |(i, _)| i);
        let suffix_end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        let start = before.chars().count();
        Some(Target {
            quote: TextQuoteSelector {
                exact: exact.to_string(),
                prefix: before.get(prefix_start..).unwrap_or("").to_string(),
                suffix: after.get(..suffix_end).unwrap_or("").to_string(),
            },
            position: TextPositionSelector {
                start,
                end: start + exact.chars().count(),
            },
        })
    }
}

/// Where a [`Target`] was found in a text, as a byte range of that text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Anchor {
    /// The quote is still at its recorded position.
    Exact(Range<usize>),
    /// The quote was found elsewhere (text was inserted or deleted before
    /// it, or its paragraph moved).
    Moved(Range<usize>),
    /// The quote is nowhere as recorded; this passage is a few edits away
    /// from it (at most a quarter of its characters, at most 64).
    Approximate(Range<usize>),
    /// Not found: the passage was deleted or rewritten.
    Orphaned,
}

impl Anchor {
    /// The byte range found, if any.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Exact(s) | Anchor::Moved(s) | Anchor::Approximate(s) => Some(s.clone()),
            Anchor::Orphaned => None,
        }
    }
}

/// Finds `target` in `text` (see the module documentation for the order of
/// the attempts). Linear in the length of `text`; never panics.
pub fn anchor(text: &str, target: &Target) -> Anchor {
    let quote = &target.quote;
    let exact = quote.exact.as_str();
    if exact.is_empty() {
        return Anchor::Orphaned;
    }
    let recorded = byte_of_char(text, target.position.start);
    if let Some(start) = recorded {
        let end = start + exact.len();
        if text.get(start..end) == Some(exact) {
            return Anchor::Exact(start..end);
        }
    }
    // A recorded position past the end of a shortened text: its end.
    let near = recorded.unwrap_or(text.len());
    let context = |span: &Range<usize>| context_score(text, span, quote);
    let best = occurrences(text.as_bytes(), exact.as_bytes())
        .into_iter()
        .map(|start| start..start + exact.len())
        .min_by_key(|s| (Reverse(context(s)), s.start.abs_diff(near), s.start));
    if let Some(span) = best {
        return Anchor::Moved(span);
    }
    match approx::find(text, exact, near, &context) {
        Some(span) => Anchor::Approximate(span),
        None => Anchor::Orphaned,
    }
}

/// The byte offset of character number `n` of `text` (`text.len()` for the
/// character count itself), or `None` past the end.
fn byte_of_char(text: &str, n: usize) -> Option<usize> {
    let mut count = 0;
    for (i, _) in text.char_indices() {
        if count == n {
            return Some(i);
        }
        count += 1;
    }
    (count == n).then_some(text.len())
}

/// How well the surroundings of `span` agree with the recorded context:
/// the characters of the prefix that end right before it plus those of the
/// suffix that start right after it (each at most [`CONTEXT_CHARS`], so a
/// long imported context costs no more).
pub(super) fn context_score(text: &str, span: &Range<usize>, quote: &TextQuoteSelector) -> usize {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let prefix = before
        .chars()
        .rev()
        .zip(quote.prefix.chars().rev())
        .take(CONTEXT_CHARS)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = after
        .chars()
        .zip(quote.suffix.chars())
        .take(CONTEXT_CHARS)
        .take_while(|(a, b)| a == b)
        .count();
    prefix + suffix
}

/// Every start of `needle` in `hay`, overlapping ones included
/// (Knuth–Morris–Pratt: time linear in both lengths). On UTF-8 text every
/// start is a `char` boundary (the needle starts with a leading byte).
fn occurrences(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    // fail[i]: length of the longest proper border of needle[..=i].
    let mut fail = vec![0usize; needle.len()];
    let mut k = 0;
    for (i, &b) in needle.iter().enumerate().skip(1) {
        while k > 0 && needle.get(k) != Some(&b) {
            k = fail[k - 1];
        }
        if needle.get(k) == Some(&b) {
            k += 1;
        }
        fail[i] = k;
    }
    let mut k = 0;
    for (i, &b) in hay.iter().enumerate() {
        while k > 0 && needle.get(k) != Some(&b) {
            k = fail[k - 1];
        }
        if needle.get(k) == Some(&b) {
            k += 1;
        }
        if k == needle.len() {
            out.push(i + 1 - k);
            k = fail[k - 1];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Russian forces struck Kharkiv overnight.\n\
        The governor said the missiles hit a power plant near the river.\n\
        Repairs began on Monday, the ministry said.\n\
        Officials said the missiles were fired from Belgorod.";

    fn target_of(text: &str, quote: &str, nth: usize) -> Target {
        let start = text.match_indices(quote).nth(nth).map(|(i, _)| i).unwrap();
        Target::new(text, start..start + quote.len()).unwrap()
    }

    fn found<'a>(text: &'a str, target: &Target) -> (&'a str, Anchor) {
        let a = anchor(text, target);
        let s = a.span().map_or("", |s| &text[s]);
        (s, a)
    }

    #[test]
    fn an_unchanged_text_anchors_exactly() {
        let t = target_of(ARTICLE, "the missiles", 1);
        let (s, a) = found(ARTICLE, &t);
        assert_eq!(s, "the missiles");
        let second = ARTICLE.match_indices("the missiles").nth(1).unwrap().0;
        assert_eq!(a, Anchor::Exact(second..second + 12));
    }

    #[test]
    fn text_inserted_before_moves_the_anchor_to_the_same_occurrence() {
        // "the missiles" occurs twice: the context picks the second one.
        let t = target_of(ARTICLE, "the missiles", 1);
        let edited = format!("UPDATED at 10:00 with new details.\n{ARTICLE}");
        let (s, a) = found(&edited, &t);
        assert_eq!(s, "the missiles");
        let second = edited.match_indices("the missiles").nth(1).unwrap().0;
        assert_eq!(a, Anchor::Moved(second..second + 12));
    }

    #[test]
    fn a_moved_paragraph_is_followed_by_its_context() {
        let t = target_of(ARTICLE, "a power plant", 0);
        let lines: Vec<&str> = ARTICLE.lines().collect();
        // Second paragraph moved to the end.
        let edited = [lines[0], lines[2], lines[3], lines[1]].join("\n");
        let (s, a) = found(&edited, &t);
        assert_eq!(s, "a power plant");
        assert!(matches!(a, Anchor::Moved(_)));
        assert!(a.span().unwrap().start > edited.find("Belgorod").unwrap());
    }

    #[test]
    fn context_beats_distance_and_distance_breaks_ties() {
        // Three copies of the quote; only the last has the recorded context.
        let text = "alpha x beta. gamma x delta. epsilon x zeta.";
        let t = target_of(text, " x ", 2);
        let edited = text.replace("alpha", "alpha alpha alpha");
        let (_, a) = found(&edited, &t);
        let last = edited.rfind(" x ").unwrap();
        assert_eq!(a, Anchor::Moved(last..last + 3));
        // No context matches anywhere: the occurrence nearest the recorded
        // position wins.
        let t = Target {
            quote: TextQuoteSelector {
                exact: "x".into(),
                prefix: "#".into(),
                suffix: "#".into(),
            },
            position: TextPositionSelector { start: 21, end: 22 },
        };
        let (_, a) = found(text, &t);
        assert_eq!(a, Anchor::Moved(20..21));
    }

    #[test]
    fn a_word_changed_inside_the_quote_anchors_approximately() {
        let t = target_of(ARTICLE, "the missiles hit a power plant near the river", 0);
        let edited = ARTICLE.replace("a power plant", "a power station");
        let (s, a) = found(&edited, &t);
        assert!(matches!(a, Anchor::Approximate(_)), "{a:?}");
        assert_eq!(s, "the missiles hit a power station near the river");
    }

    #[test]
    fn a_typo_fixed_inside_the_quote_anchors_approximately() {
        let text = "The commitee will meet again on Friday to vote.";
        let t = target_of(text, "commitee will meet again", 0);
        let edited = format!("Earlier: {}", text.replace("commitee", "committee"));
        let (s, a) = found(&edited, &t);
        assert!(matches!(a, Anchor::Approximate(_)));
        assert_eq!(s, "committee will meet again");
    }

    #[test]
    fn scattered_edits_inside_a_long_quote_anchor_approximately() {
        let quote = "governor said the missiles hit a power plant near the river";
        let t = target_of(ARTICLE, quote, 0);
        // Three edits far apart, and the passage moved.
        let edited = format!(
            "New intro.\n{}",
            ARTICLE
                .replace("governor", "Governor")
                .replace("missiles hit", "missile hit")
                .replace("near the", "nearby the")
        );
        let (s, a) = found(&edited, &t);
        assert!(matches!(a, Anchor::Approximate(_)));
        assert_eq!(s, "Governor said the missile hit a power plant nearby the river");
    }

    #[test]
    fn a_deleted_passage_is_orphaned() {
        let t = target_of(ARTICLE, "the missiles hit a power plant", 0);
        let edited: String = ARTICLE
            .lines()
            .filter(|l| !l.contains("power plant"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(anchor(&edited, &t), Anchor::Orphaned);
        assert_eq!(anchor("", &t), Anchor::Orphaned);
    }

    #[test]
    fn a_short_quote_is_never_matched_approximately() {
        // Two characters allow no error: "ox" is not "ix".
        let t = target_of("an ox ran", "ox", 0);
        assert_eq!(anchor("an ix ran", &t), Anchor::Orphaned);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "Zoë 😀 met Łódź officials.";
        let t = target_of(text, "Łódź", 0);
        assert_eq!((t.position.start, t.position.end), (10, 14));
        let chars: String = text.chars().skip(10).take(4).collect();
        assert_eq!(chars, "Łódź");
        assert_eq!(found(text, &t).0, "Łódź");
    }

    #[test]
    fn context_is_cut_at_32_characters() {
        let text = format!("{}quote{}", "a".repeat(40), "b".repeat(40));
        let t = target_of(&text, "quote", 0);
        assert_eq!(t.quote.prefix, "a".repeat(32));
        assert_eq!(t.quote.suffix, "b".repeat(32));
    }

    #[test]
    fn invalid_spans_make_no_target() {
        let text = "Zoë";
        assert_eq!(Target::new(text, 0..0), None);
        assert_eq!(Target::new(text, 2..3), None, "inside ë");
        assert_eq!(Target::new(text, 0..9), None);
    }

    #[test]
    fn a_position_past_the_end_or_a_foreign_target_does_not_panic() {
        let t = Target {
            quote: TextQuoteSelector {
                exact: "ë".into(),
                prefix: "x".repeat(1000),
                suffix: String::new(),
            },
            position: TextPositionSelector {
                start: usize::MAX,
                end: 3,
            },
        };
        assert_eq!(found("Zoë", &t).0, "ë");
        assert_eq!(anchor("", &t), Anchor::Orphaned);
    }

    #[test]
    fn occurrences_include_overlapping_ones() {
        assert_eq!(occurrences(b"aaaa", b"aa"), vec![0, 1, 2]);
        assert_eq!(occurrences(b"abcabcab", b"abcab"), vec![0, 3]);
        assert!(occurrences(b"ab", b"abc").is_empty());
    }
}
