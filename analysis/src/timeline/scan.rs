//! Date forms the entity extractor leaves out, found here without touching
//! it: ISO dates ("2024-11-17"), "mid-2023" / "early 2023", and a month
//! named alone after a word that makes it a date ("in March", "since May",
//! "last December"). Also widens an expression over a preceding "early",
//! "mid" or "late".

use super::resolve::{is_month_abbreviation, month_number};
use crate::document::Paragraph;
use crate::entities::temporal::number_word;
use crate::search::Index;
use crate::segment::{self, Span};

/// Words after which a capitalized month name alone is a date.
const MONTH_TRIGGERS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "from", "through", "last", "next", "this", "early",
    "mid", "late", "of", "before", "after", "to", "between", "and",
];

/// Spans of the extra forms in `body`, outside every span of `found`
/// (sorted by start, not overlapping), in text order.
/// The words come from `index` when it was built over these paragraphs
/// (the same segmentation, done once).
pub(crate) fn extra(
    body: &str,
    paragraphs: &[Paragraph],
    found: &[Span],
    index: Option<&Index>,
) -> Vec<Span> {
    let index = index.filter(|ix| ix.passage_count() == paragraphs.len());
    let overlaps = |s: &Span| {
        let i = found.partition_point(|f| f.end <= s.start);
        found.get(i).is_some_and(|f| f.start < s.end)
    };
    let mut out = Vec::new();
    let mut words: Vec<(usize, &str)> = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let Some(text) = body.get(para.span.clone()) else {
            continue;
        };
        words.clear();
        match index {
            Some(ix) => words.extend(
                ix.passage_token_spans(p)
                    .iter()
                    .filter_map(|s| Some((s.start, body.get(s.clone())?))),
            ),
            None => words.extend(segment::words(text).map(|(i, w)| (para.span.start + i, w))),
        }
        let words = &words;
        let word = |i: usize| words.get(i).map_or("", |w| w.1);
        let end_of = |i: usize| words.get(i).map_or(0, |w| w.0 + w.1.len());
        for (i, &(start, w)) in words.iter().enumerate() {
            let prev = i.checked_sub(1).map_or("", word);
            let end = start + w.len();
            let candidate = if let Some(iso) = iso_date_at(body, start, w) {
                Some(iso)
            } else if is_year(w) && is_part_of_year(prev, body, start) {
                Some(start..end)
            } else if is_month_name(w) && MONTH_TRIGGERS.iter().any(|t| t.eq_ignore_ascii_case(prev)) {
                let dot = body.get(end..).is_some_and(|r| r.starts_with('.'));
                // An abbreviation needs its period: "by Jan." but not "by Jan Smith".
                let short = is_month_abbreviation(w);
                (!short || dot).then(|| start..end + usize::from(dot && short))
            } else if matches!(w, "a" | "an" | "one" | "A" | "An" | "One")
                && is_unit(word(i + 1))
                && OFFSET_WORDS.contains(&word(i + 2))
            {
                // "an hour later", "a year ago".
                Some(start..end_of(i + 2))
            } else if is_unit(word(i + 1)) && joined_by_hyphen(body, end, word(i + 1)) && is_count(w) {
                // "an 11-year lull", "a two-day visit" (not "18-year-old").
                let next_end = end_of(i + 1);
                let age = body.get(next_end..).is_some_and(|r| r.starts_with("-old"));
                (!age).then_some(start..next_end)
            } else {
                None
            };
            if let Some(c) = candidate.filter(|c| !overlaps(c)) {
                out.push(c);
            }
        }
    }
    out
}

/// Words after a count and a unit that make an offset ("an hour later").
const OFFSET_WORDS: &[&str] = &["ago", "later", "earlier", "before", "after"];

/// A singular unit of time.
fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century"
    )
}

/// Digits or a number word ("11", "two").
fn is_count(w: &str) -> bool {
    (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())) || number_word(w).is_some()
}

/// Is the word ending at `end` joined to the next word `next` by one hyphen?
fn joined_by_hyphen(body: &str, end: usize, next: &str) -> bool {
    body.get(end..)
        .is_some_and(|r| r.strip_prefix('-').is_some_and(|r| r.starts_with(next)))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// "mid-2023", "early 2023": a year after early/mid/late.
fn is_part_of_year(prev: &str, body: &str, start: usize) -> bool {
    ["early", "mid", "late"]
        .iter()
        .any(|q| q.eq_ignore_ascii_case(prev))
        && body
            .get(..start)
            .is_some_and(|b| b.ends_with('-') || b.ends_with(' '))
}

/// A capitalized month name, full or abbreviated ("March", "Nov").
fn is_month_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && month_number(word).is_some()
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

/// `span` widened over a preceding "early ", "mid-", "mid " or "late ",
/// and over the end of a range and its year after a day ("October 25" in
/// "October 25-26, 2016").
pub(crate) fn widen(body: &str, span: Span) -> Span {
    let mut span = span;
    if let Some(before) = body.get(..span.start) {
        for q in [
            "early ", "mid-", "mid ", "late ", "Early ", "Mid-", "Mid ", "Late ",
        ] {
            if let Some(rest) = before.strip_suffix(q) {
                let at_word_start = !rest.chars().next_back().is_some_and(char::is_alphanumeric);
                if at_word_start {
                    span = span.start - q.len()..span.end;
                    break;
                }
            }
        }
    }
    // "October" + " 25" (the extractor took the range "25-26" for a number).
    let month = body
        .get(span.clone())
        .is_some_and(|t| month_number(t.trim_end_matches('.')).is_some());
    let mut grew = false;
    if month {
        let n = digits_after(body, span.end, " ");
        if (2..=3).contains(&n) {
            span.end += n;
            grew = true;
        }
    }
    if body
        .get(..span.end)
        .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()))
    {
        let n = digits_after(body, span.end, "-").max(digits_after(body, span.end, "–"));
        if (2..=4).contains(&n) {
            span.end += n;
            grew = true;
        }
    }
    if grew && digits_after(body, span.end, ", ") == 6 {
        span.end += 6;
    }
    span
}

/// The length of `sep` and the one to four digits after byte `at` (0 when
/// they are not there, or a letter or digit follows them).
fn digits_after(body: &str, at: usize, sep: &str) -> usize {
    let Some(rest) = body.get(at..).and_then(|r| r.strip_prefix(sep)) else {
        return 0;
    };
    let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let next_alnum = rest
        .get(n..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric);
    if (1..=4).contains(&n) && !next_alnum {
        sep.len() + n
    } else {
        0
    }
}
