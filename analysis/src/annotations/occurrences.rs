//! Every occurrence of a name in an article, for "Add entity".
//!
//! The rule: the name as written (surrounding whitespace dropped, inner
//! whitespace runs read as one space), **case-sensitive** — a name is
//! written with its capitals, and "Apple" the company is not "apple" the
//! fruit — as **whole words** (no letter, digit or combining mark right
//! before or after a name that starts or ends with one, so "Ford" is not
//! found in "Stanford" or "Fordham", but is in "Ford's" and "Ford-made"),
//! inside one paragraph but across line breaks within it (a hard-wrapped
//! "Prince\nAndrew" is "Prince Andrew", as the extractor reads it).
//! Occurrences never overlap: they are taken left to right.
//!
//! ```
//! use article_analysis::annotations::occurrences::occurrences;
//! let text = "Ford met Stanford staff.\nFord's plan: Ford\nMotor.";
//! let found: Vec<&str> = occurrences(text, "Ford").iter().map(|s| &text[s.clone()]).collect();
//! assert_eq!(found, ["Ford", "Ford", "Ford"]);
//! let two = occurrences("He saw Prince\nAndrew twice.\n\nNot prince andrew.", "Prince  Andrew");
//! assert_eq!(two, vec![7..20]);
//! ```

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::segment;

/// A character that continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The byte ranges of `text` where `name` occurs (see the module
/// documentation), in text order. Linear in the text's length.
pub fn occurrences(text: &str, name: &str) -> Vec<Range<usize>> {
    Flat::new(text).occurrences(name)
}

/// A text prepared for finding names: its paragraphs with each whitespace
/// run as one space, separated by newlines (which a name never contains),
/// and where each stretch of it came from. Made once for several names.
pub(super) struct Flat {
    flat: String,
    /// `(f, o)`: from byte `f` of `flat` on (to the next entry), byte `f + i`
    /// came from byte `o + i` of the text. An entry is added only where the
    /// two drift apart (a longer whitespace run, a paragraph break), so this
    /// stays short for ordinary text.
    shifts: Vec<(usize, usize)>,
}

impl Flat {
    /// Prepares `text` (one pass).
    pub(super) fn new(text: &str) -> Flat {
        let mut f = Flat {
            flat: String::with_capacity(text.len()),
            shifts: Vec::new(),
        };
        for p in segment::paragraphs(text) {
            let Some(para) = text.get(p.clone()) else {
                continue;
            };
            if !f.flat.is_empty() {
                f.flat.push('\n');
            }
            let mut run = 0; // start of the current run of non-space
            let mut in_space = false;
            for (i, c) in para.char_indices() {
                if c.is_whitespace() == in_space {
                    continue;
                }
                if in_space {
                    f.flat.push(' ');
                    run = i;
                } else {
                    f.push(para.get(run..i).unwrap_or(""), p.start + run);
                }
                in_space = !in_space;
            }
            if !in_space {
                f.push(para.get(run..).unwrap_or(""), p.start + run);
            }
        }
        f
    }

    /// Appends `s`, which starts at byte `orig` of the text.
    fn push(&mut self, s: &str, orig: usize) {
        let at = self.flat.len();
        let drift = self.shifts.last().is_none_or(|&(f, o)| o + (at - f) != orig);
        if drift {
            self.shifts.push((at, orig));
        }
        self.flat.push_str(s);
    }

    /// The byte of the text that byte `pos` of `flat` (not a space) came from.
    fn orig(&self, pos: usize) -> Option<usize> {
        let i = self.shifts.partition_point(|&(f, _)| f <= pos).checked_sub(1)?;
        let (f, o) = *self.shifts.get(i)?;
        Some(o + (pos - f))
    }

    /// The byte ranges of the text where `name` occurs.
    pub(super) fn occurrences(&self, name: &str) -> Vec<Range<usize>> {
        let needle = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
            return Vec::new();
        };
        let flat = self.flat.as_str();
        let before_ok = |s: usize| {
            !is_word_char(first)
                || !flat
                    .get(..s)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(is_word_char)
        };
        let after_ok = |e: usize| {
            !is_word_char(last)
                || !flat
                    .get(e..)
                    .and_then(|a| a.chars().next())
                    .is_some_and(is_word_char)
        };
        flat.match_indices(needle.as_str())
            .filter(|&(s, m)| before_ok(s) && after_ok(s + m.len()))
            .filter_map(|(s, m)| {
                // The needle starts and ends with non-space characters,
                // copied byte for byte.
                Some(self.orig(s)?..self.orig(s + m.len() - 1)? + 1)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
        occurrences(text, name).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn names_are_case_sensitive_whole_words() {
        let text = "Apple sells apples; apple pie. APPLE. Apple's shares, Apple-made.";
        assert_eq!(found(text, "Apple"), ["Apple", "Apple", "Apple"]);
        assert_eq!(
            found("Zoë and Zoëy, Zoe\u{301}", "Zoë"),
            ["Zoë"],
            "a following letter or mark"
        );
    }

    #[test]
    fn names_cross_line_breaks_but_not_paragraphs() {
        let text = "Prince\nAndrew came.\n\nPrince\n\nAndrew left.";
        assert_eq!(found(text, "Prince Andrew"), ["Prince\nAndrew"]);
        // Without a blank line every line is a paragraph.
        assert!(found("Prince\nAndrew", "Prince Andrew").is_empty());
        assert_eq!(
            found("Prince \t Andrew", " Prince   Andrew "),
            ["Prince \t Andrew"]
        );
    }

    #[test]
    fn nothing_to_find() {
        assert!(occurrences("text", "").is_empty());
        assert!(occurrences("text", "   ").is_empty());
        assert!(occurrences("", "x").is_empty());
        assert_eq!(
            found("😀x 😀", "😀"),
            ["😀", "😀"],
            "no letter at its ends: no word check"
        );
    }
}
