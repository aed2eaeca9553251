//! Full-text search inside one article.
//!
//! - [`query`]: the query language ([`Query::parse`]).
//! - [`index`]: the inverted index built once per article ([`Index::build`]).
//! - [`matcher`]: running a query ([`Index::search`]) into [`Hits`].
//! - [`phrase`]: finding consecutive words (a phrase) in the index.
//! - [`suggest`]: "did you mean" suggestions by edit distance.
//!
//! Matching is case- and accent-insensitive. A query word matches a word of
//! the text when their folded forms are equal ([`crate::normalize::fold`]),
//! when their English stems are equal ([`crate::normalize::stem`]), or — for
//! the word being typed, see the prefix rule in [`query`] — when the text
//! word starts with it.
//!
//! ```
//! use article_analysis::search::{Index, Query};
//! use article_analysis::segment::paragraphs;
//! let text = "President Biden authorized ATACMS.\n\nThe café in KYIV was closed.";
//! let passages = paragraphs(text);
//! let index = Index::build(text, &passages);
//!
//! let hits = index.search(&Query::parse("kyiv cafe"));
//! assert_eq!(hits.passages, vec![1]);
//! let found: Vec<&str> = hits.matches.iter().map(|m| &text[m.clone()]).collect();
//! assert_eq!(found, ["café", "KYIV"]);
//!
//! // Typing: the last word is a prefix.
//! assert_eq!(index.search(&Query::parse("atac")).passages, vec![0]);
//! // Empty query: every passage, nothing highlighted.
//! assert_eq!(index.search(&Query::parse("")).passages, vec![0, 1]);
//! ```

pub mod index;
pub mod matcher;
pub mod phrase;
pub mod query;
pub mod suggest;

pub use index::{Index, IndexBuilder, Term};
pub use matcher::merge_spans;
pub use query::{Clause, Query, QueryWord};
pub use suggest::edit_distance;

use crate::segment::Span;

/// The result of [`Index::search`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    /// Byte spans into the text to highlight, sorted and non-overlapping:
    /// every occurrence of every positive term or phrase, only inside
    /// matching passages. A phrase is one span from its first word's start
    /// to its last word's end.
    pub matches: Vec<Span>,
    /// Indices (into the passages given to [`Index::build`]) of the passages
    /// that match, ascending.
    pub passages: Vec<usize>,
    /// "Did you mean": up to 3 close article words (as spelled in the text)
    /// for each of the first five positive query words that occur nowhere
    /// in the article.
    pub suggestions: Vec<String>,
    /// The positive query words (as typed) that occur nowhere in the article.
    pub missing: Vec<String>,
}
