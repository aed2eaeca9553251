//! Date forms the entity extractor leaves out, found here without touching
//! it: ISO dates ("2024-11-17"), "mid-2023" / "early 2023", and a month
//! named alone after a word that makes it a date ("in March", "since May",
//! "last December"). Also widens an expression over a preceding "early",
//! "mid" or "late".

use super::resolve::{is_month_abbreviation, month_number};
use crate::document::Paragraph;
use crate::segment::{self, Span};

/// Words after which a capitalized month name alone is a date.
const MONTH_TRIGGERS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "from", "through", "last", "next", "this", "early",
    "mid", "late", "of", "before", "after", "to", "between", "and",
];

/// Spans of the extra forms in `body`, outside every span of `found`
/// (sorted by start, not overlapping), in text order.
pub(crate) fn extra(body: &str, paragraphs: &[Paragraph], found: &[Span]) -> Vec<Span> {
    let overlaps = |s: &Span| {
        let i = found.partition_point(|f| f.end <= s.start);
        found.get(i).is_some_and(|f| f.start < s.end)
    };
    let mut out = Vec::new();
    for para in paragraphs {
        let Some(text) = body.get(para.span.clone()) else {
            continue;
        };
        let mut prev: &str = "";
        for (offset, word) in segment::words(text) {
            let start = para.span.start + offset;
            let end = start + word.len();
            let candidate = if let Some(iso) = iso_date_at(body, start, word) {
                Some(iso)
            } else if is_year(word) && is_part_of_year(prev, body, start) {
                Some(start..end)
            } else if is_month_name(word) && MONTH_TRIGGERS.contains(&prev.to_lowercase().as_str()) {
                let dot = body.get(end..).is_some_and(|r| r.starts_with('.'));
                // An abbreviation needs its period: "by Jan." but not "by Jan Smith".
                let short = is_month_abbreviation(&word.to_lowercase());
                (!short || dot).then(|| start..end + usize::from(dot && short))
            } else {
                None
            };
            if let Some(c) = candidate.filter(|c| !overlaps(c)) {
                out.push(c);
            }
            prev = word;
        }
    }
    out
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// "mid-2023", "early 2023": a year after early/mid/late.
fn is_part_of_year(prev: &str, body: &str, start: usize) -> bool {
    matches!(prev.to_lowercase().as_str(), "early" | "mid" | "late")
        && body
            .get(..start)
            .is_some_and(|b| b.ends_with('-') || b.ends_with(' '))
}

/// A capitalized month name, full or abbreviated ("March", "Nov").
fn is_month_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && month_number(&word.to_lowercase()).is_some()
}

/// "2024-11-17" starting at the 4-digit `word` at `start`.
fn iso_date_at(body: &str, start: usize, word: &str) -> Option<Span> {
    if !is_year(word) {
        return None;
    }
    let end = start + 10;
    let text = body.get(start..end)?;
    let b = text.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    let followed = body.get(end..).and_then(|r| r.chars().next());
    (shape && !followed.is_some_and(|c| c.is_alphanumeric())).then_some(start..end)
}

/// `span` widened over a preceding "early ", "mid-", "mid " or "late ".
pub(crate) fn widen(body: &str, span: Span) -> Span {
    let Some(before) = body.get(..span.start) else {
        return span;
    };
    for q in [
        "early ", "mid-", "mid ", "late ", "Early ", "Mid-", "Mid ", "Late ",
    ] {
        if let Some(rest) = before.strip_suffix(q) {
            let at_word_start = !rest.chars().next_back().is_some_and(char::is_alphanumeric);
            if at_word_start {
                return span.start - q.len()..span.end;
            }
        }
    }
    span
}
