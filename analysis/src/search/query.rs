//! The query language: parsing what the user typed into [`Query`] clauses.
//!
//! - Terms are separated by whitespace; every positive clause must match a
//!   passage (AND).
//! - `-word` or `-"a phrase"` excludes the passages that contain it; a lone
//!   `-` is ignored.
//! - `"quoted words"` form a phrase (consecutive words); a quote left open
//!   runs to the end of the input; empty quotes are ignored. A `"` also ends a
//!   bare term (`foo"bar baz"` is `foo` and the phrase `"bar baz"`).
//! - Words are split as in the text ([`crate::segment::words`]): "U.S." is the
//!   word "us"; a bare term with several words ("north-korean") is a phrase.
//! - **Prefix rule** (search while typing): when the input does not end in
//!   whitespace and its last clause is positive and either a bare term or an
//!   unterminated phrase, and the input ends right after that clause's last
//!   word (no trailing punctuation: "U.S." is complete), that word is a
//!   *prefix* word: it also matches any word that starts with it ("atac"
//!   finds "ATACMS").
//!
//! ```
//! use article_analysis::search::Query;
//! let q = Query::parse("biden -\"New York\" atac");
//! assert_eq!(q.clauses().len(), 3);
//! assert!(q.clauses()[1].negated);
//! assert!(q.clauses()[2].words[0].prefix);
//! assert!(Query::parse("  - \"\" ").is_empty());
//! ```

use crate::normalize::{fold, stem};
use crate::segment::words;

/// One word of a query, normalized like the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// The word as typed ("U.S", "Biden's").
    pub typed: String,
    /// Its folded form ([`crate::normalize::fold`]).
    pub folded: String,
    /// Its stem ([`crate::normalize::stem`]).
    pub stem: String,
    /// Whether it also matches words that start with it (see the prefix rule).
    pub prefix: bool,
}

/// A term or a phrase, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The consecutive words to find (one word for a plain term); never empty.
    pub words: Vec<QueryWord>,
    /// `-term`: passages containing it are excluded.
    pub negated: bool,
    /// Written in quotes.
    pub quoted: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
}

impl Query {
    /// Parses what the user typed. Never fails; anything without words is
    /// ignored.
    pub fn parse(input: &str) -> Query {
        let mut clauses = Vec::new();
        let mut rest = input;
        // Whether the last clause pushed reached the end of the input and may
        // take the prefix rule.
        let mut last_open = false;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let negated = rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            let quoted = rest.starts_with('"');
            let (body, terminated);
            if quoted {
                let after = &rest[1..];
                match after.find('"') {
                    Some(end) => {
                        body = &after[..end];
                        rest = &after[end + 1..];
                        terminated = true;
                    }
                    None => {
                        body = after;
                        rest = "";
                        terminated = false;
                    }
                }
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '"')
                    .unwrap_or(rest.len());
                body = &rest[..end];
                rest = &rest[end..];
                terminated = false;
            }
            let mut word_end = 0;
            let qwords: Vec<QueryWord> = words(body)
                .filter_map(|(off, w)| {
                    let folded = fold(w);
                    if folded.is_empty() {
                        // Not a word for search (it folds to nothing): like
                        // trailing punctuation, it completes the word before.
                        return None;
                    }
                    word_end = off + w.len();
                    Some(QueryWord {
                        typed: w.to_string(),
                        stem: stem(&folded),
                        folded,
                        prefix: false,
                    })
                })
                .collect();
            last_open = false;
            if qwords.is_empty() {
                continue;
            }
            // Still typing the last word: the input ends right after it.
            last_open = rest.is_empty() && !terminated && !negated && word_end == body.len();
            clauses.push(Clause {
                words: qwords,
                negated,
                quoted,
            });
        }
        let ends_in_space = input.chars().next_back().is_some_and(char::is_whitespace);
        if last_open && !ends_in_space {
            if let Some(word) = clauses.last_mut().and_then(|c| c.words.last_mut()) {
                word.prefix = true;
            }
        }
        Query { clauses }
    }

    /// True when the query has no words at all (empty, whitespace, a lone
    /// `-`, empty quotes, punctuation): it matches every passage.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// A query made of the given clauses (used to score one clause alone).
    pub fn from_clauses(clauses: Vec<Clause>) -> Query {
        Query {
            clauses: clauses.into_iter().filter(|c| !c.words.is_empty()).collect(),
        }
    }

    /// The clauses, in the order typed.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The positive (not negated) clauses.
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }

    /// The negated clauses.
    pub fn negative(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.negated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(q: &Query) -> Vec<(Vec<&str>, bool, bool, Vec<bool>)> {
        q.clauses()
            .iter()
            .map(|c| {
                (
                    c.words.iter().map(|w| w.folded.as_str()).collect(),
                    c.negated,
                    c.quoted,
                    c.words.iter().map(|w| w.prefix).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn empty_queries() {
        for s in ["", "   ", "-", " - ", "\"\"", "-\"\"", "\"", "!!! ...", "\" \" -"] {
            assert!(Query::parse(s).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn terms_and_prefix() {
        let q = Query::parse("Biden atac");
        assert_eq!(
            shape(&q),
            [
                (vec!["biden"], false, false, vec![false]),
                (vec!["atac"], false, false, vec![true])
            ]
        );
        // Trailing whitespace or punctuation: the last word is complete.
        let q = Query::parse("Biden atac ");
        assert!(!q.clauses()[1].words[0].prefix);
        let q = Query::parse("U.S.");
        assert!(!q.clauses()[0].words[0].prefix);
        let q = Query::parse("U.S");
        assert!(q.clauses()[0].words[0].prefix);
    }

    #[test]
    fn negation() {
        let q = Query::parse("kyiv -russia");
        assert_eq!(
            shape(&q),
            [
                (vec!["kyiv"], false, false, vec![false]),
                (vec!["russia"], true, false, vec![false])
            ]
        );
        let q = Query::parse("-\"new york\" times");
        assert_eq!(
            shape(&q)[0],
            (vec!["new", "york"], true, true, vec![false, false])
        );
        assert!(q.clauses()[1].words[0].prefix);
    }

    #[test]
    fn phrases() {
        let q = Query::parse("\"New York\" times");
        assert_eq!(
            shape(&q)[0],
            (vec!["new", "york"], false, true, vec![false, false])
        );
        // Unterminated: phrase to the end, last word is a prefix.
        let q = Query::parse("biden \"new yo");
        assert_eq!(shape(&q)[1], (vec!["new", "yo"], false, true, vec![false, true]));
        let q = Query::parse("\"new york\"");
        assert_eq!(shape(&q)[0].3, vec![false, false]);
    }

    #[test]
    fn punctuation_splits_like_text() {
        let q = Query::parse("U.S. north-korean");
        assert_eq!(
            shape(&q),
            [
                (vec!["us"], false, false, vec![false]),
                (vec!["north", "korean"], false, false, vec![false, true])
            ]
        );
        assert_eq!(q.clauses()[0].words[0].typed, "U.S");
    }

    #[test]
    fn quote_ends_bare_term() {
        let q = Query::parse("foo\"bar baz\"");
        assert_eq!(shape(&q).len(), 2);
        assert_eq!(shape(&q)[1].0, vec!["bar", "baz"]);
    }

    #[test]
    fn a_trailing_word_that_folds_to_nothing_completes_the_last_word() {
        // Found by property testing: after "𑥐" comes a word (a Khmer vowel
        // sign) that folds to "", so "𑥐" does not end the input and is not
        // a prefix word (the prefix flag used to go to it anyway).
        let q = Query::parse("\u{11950}.\u{17b6}");
        assert_eq!(q.clauses().len(), 1);
        assert!(!q.clauses()[0].words[0].prefix);
        assert!(Query::parse("\u{11950}").clauses()[0].words[0].prefix);
    }

    #[test]
    fn negated_last_term_is_not_prefix() {
        let q = Query::parse("kyiv -rus");
        assert!(q.clauses().iter().all(|c| c.words.iter().all(|w| !w.prefix)));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "-\"",
            "--",
            "\"-\"",
            "😀 -😀 \"😀",
            "é\u{301}-",
            "-é\"x",
            "\u{200f}שלום -עולם",
        ] {
            let _ = Query::parse(s);
        }
    }
}
