//! The tense around a date expression, as far as the nearby words tell: it
//! decides whether "on Tuesday" or "Nov. 20" is the one before the article's
//! date or the one after it.
//!
//! The nearest marker wins, looking back from the expression first ("began
//! on August 10 and … will continue": the past), then forward ("On Friday,
//! fishermen rescued …": the past). Future markers: "will", "shall", "'ll",
//! "is to", "set to", "due to", "scheduled", "upcoming". Past markers:
//! "was", "had", "said", common irregular pasts, and words in "-ed" that
//! are not passive participles ("is to be deployed" reads as the future).

use crate::segment::{self, Span};

/// The tense of a stretch of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "was", "had", "joined": no date after the article's.
    Past,
    /// No marker: the nearest date, leaning to the past.
    #[default]
    Unknown,
    /// "will", "'ll", "scheduled": the next such date.
    Future,
}

impl Tense {
    /// Is this the future?
    pub(crate) fn future(self) -> bool {
        self == Tense::Future
    }
}

/// How many words on each side of an expression are read.
const REACH_WORDS: usize = 12;
/// How many bytes on each side hold those words (at most).
const REACH_BYTES: usize = 120;

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "won't",
    "won’t",
    "upcoming",
    "scheduled",
    "tomorrow",
];
/// Words that make a following "to" the future: "is to", "set to".
const FUTURE_BEFORE_TO: &[&str] = &[
    "is",
    "are",
    "set",
    "due",
    "expected",
    "going",
    "plans",
    "planned",
    "scheduled",
];
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "began",
    "struck",
    "went",
    "came",
    "took",
    "made",
    "left",
    "gave",
    "fought",
    "won",
    "lost",
    "sent",
    "spoke",
    "saw",
    "found",
    "flew",
    "fell",
    "ran",
    "became",
    "wrote",
    "ago",
    "yesterday",
];
/// Auxiliaries before a passive participle, which has no tense of its own.
const BE: &[&str] = &["be", "been", "being", "is", "are", "am"];

/// The tense of the words around `span` inside `sentence` of `body`.
pub(crate) fn tense_around(body: &str, sentence: &Span, span: &Span) -> Tense {
    let from = floor_boundary(body, sentence.start.max(span.start.saturating_sub(REACH_BYTES)));
    let before: Vec<String> = segment::words(body.get(from..span.start).unwrap_or(""))
        .map(|(_, w)| lowercase_word(w))
        .collect();
    let first_back = before.len().saturating_sub(REACH_WORDS);
    for i in (first_back..before.len()).rev() {
        if let Some(t) = marker(&before, i) {
            return t;
        }
    }
    let to = floor_boundary(body, sentence.end.min(span.end + REACH_BYTES));
    let after: Vec<String> = segment::words(body.get(span.end..to).unwrap_or(""))
        .take(REACH_WORDS)
        .map(|(_, w)| lowercase_word(w))
        .collect();
    (0..after.len())
        .find_map(|i| marker(&after, i))
        .unwrap_or_default()
}

/// A word in lowercase, or empty for a capitalized word other than a
/// sentence's usual openers ("Mohamed" is a name, not a verb in "-ed").
fn lowercase_word(w: &str) -> String {
    let capitalized = w.chars().next().is_some_and(char::is_uppercase);
    let lower = w.to_lowercase();
    if capitalized
        && !FUTURE.contains(&lower.as_str())
        && !PAST.contains(&lower.as_str())
        && !BE.contains(&lower.as_str())
    {
        String::new()
    } else {
        lower
    }
}

/// The tense word `i` of `words` marks, if any.
fn marker(words: &[String], i: usize) -> Option<Tense> {
    let w = words.get(i)?.as_str();
    let previous = i
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or("", String::as_str);
    if FUTURE.contains(&w)
        || w.ends_with("'ll")
        || w.ends_with("’ll")
        || (w == "to" && FUTURE_BEFORE_TO.contains(&previous))
    {
        return Some(Tense::Future);
    }
    let participle = w.len() > 4 && w.ends_with("ed") && !matches!(w, "scheduled" | "planned" | "expected");
    if PAST.contains(&w) || (participle && !BE.contains(&previous)) {
        return Some(Tense::Past);
    }
    None
}

/// The largest `char` boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    (0..=i.min(s.len()))
        .rev()
        .find(|&b| s.is_char_boundary(b))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(text: &str, expression: &str) -> Tense {
        let start = text.find(expression).unwrap_or(0);
        tense_around(text, &(0..text.len()), &(start..start + expression.len()))
    }

    #[test]
    fn the_nearest_marker_decides() {
        assert_eq!(
            tense(
                "The broadcasts began on August 10 and will continue.",
                "August 10"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("The vote is to be held from November 20.", "November 20"),
            Tense::Future
        );
        assert_eq!(
            tense("The meeting is set to take place on May 16.", "May 16"),
            Tense::Future
        );
        assert_eq!(
            tense("On Friday, fishermen rescued 700 people.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense("They will meet again on Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            tense("The troops are to be deployed on May 5.", "May 5"),
            Tense::Future
        );
        assert_eq!(
            tense("The summit on Dec. 5 in Brussels.", "Dec. 5"),
            Tense::Unknown
        );
    }
}
