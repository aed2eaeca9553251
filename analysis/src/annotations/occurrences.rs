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
    let needle = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return Vec::new();
    };
    // The paragraphs with each whitespace run as one space, separated by
    // newlines (which the needle never contains); `orig[i]` is the byte of
    // `text` that byte `i` of `flat` came from.
    let mut flat = String::with_capacity(text.len());
    let mut orig: Vec<usize> = Vec::with_capacity(text.len());
    for p in segment::paragraphs(text) {
        let Some(para) = text.get(p.clone()) else {
            continue;
        };
        if !flat.is_empty() {
            flat.push('\n');
            orig.push(p.start);
        }
        let mut in_space = false;
        for (i, c) in para.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    flat.push(' ');
                    orig.push(p.start + i);
                }
                in_space = true;
            } else {
                in_space = false;
                flat.push(c);
                orig.extend((0..c.len_utf8()).map(|k| p.start + i + k));
            }
        }
    }
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
            let start = *orig.get(s)?;
            // The needle ends with a non-space character, copied byte for byte.
            let end = *orig.get(s + m.len() - 1)? + 1;
            Some(start..end)
        })
        .collect()
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
