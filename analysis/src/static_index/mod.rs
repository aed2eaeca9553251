//! The search and entity index of a whole archive, cut for static hosting:
//! a visitor's browser fetches a small manifest, then only the files a
//! query needs, never the archive. Every file but the manifest is immutable
//! (named by its content's hash, or for an article's fragment by a number
//! never reused), so any static host or CDN can cache it for ever.
//!
//! ## Files (all in one folder; see [`format`] for the record types)
//!
//! - `manifest.bin` ([`Manifest`]): article count and total words (BM25),
//!   the directory pages of each section, the top entities file.
//! - `g-<hash>.bin` ([`Page`]): a directory page: first key and file of up to
//!   about 128 shards of one section.
//! - `t-<hash>.bin` ([`TermShard`]): stems (folded, stemmed words: the forms
//!   the in-article search compares) in sorted ranges of about 8 KB, each
//!   with its document frequency and its *head*: every posting (article,
//!   term frequency, article length) of a rare stem, the 256 with the highest
//!   BM25 contribution of a common one.
//! - `p-<hash>.bin` ([`PostingsFile`]): a common stem's other postings.
//! - `e-<hash>.bin` ([`EntityShard`]) and `n-<hash>.bin` ([`MentionsFile`]):
//!   the same for entities: folded names and aliases → (kind, canonical name)
//!   → articles and mentions, the 64 articles with the most mentions in the
//!   shard, the rest in a tail.
//! - `i-<hash>.bin` ([`IdShard`]): article id → document number and catalog
//!   entry (the record file to open it by `?article=<id>`).
//! - `o-<hash>.bin` ([`TopEntities`]): the entities in the most articles.
//! - `d-<epoch>-<doc>.bin` ([`DocFragment`]): per article, what a result
//!   shows: title, record file, and the text for snippets.
//!
//! ## Queries
//!
//! [`Reader::rank`]: the query language of [`crate::search::Query`], every
//! positive word in the article (AND), `-word` excludes; a word matches the
//! articles with a word of the same stem; the word being typed also matches
//! stems starting with it. One word reads one shard: its head ranks the best
//! articles exactly. Several words read the whole lists (heads and tails) of
//! each, except words in more than half of the articles, which are left out
//! when a rarer word is there ([`rank`]). Ranking is BM25 as in
//! [`crate::library::search`]. Then [`Reader::fragments`] of the results
//! shown. [`Reader::entity`] reads one entity shard, [`Reader::article`] one
//! id shard.
//!
//! ## Building
//!
//! The site build analyses every article ([`IndexedDoc::of`], on many
//! threads), adds them to a [`Builder`] and writes the files it returns,
//! plus one fragment per article. Given the previous build's
//! [`Boundaries`], unchanged shards keep their names (the `cut` module).
//!
//! ```
//! use article_analysis::record::{ArticleRecord, CatalogEntry};
//! use article_analysis::static_index::{block_on, Boundaries, BuildOptions, Builder, IndexedDoc, MemoryFiles, Reader};
//! use article_analysis::{Analysis, Article};
//! let mut b = Builder::new(BuildOptions::default(), 1, 0);
//! for (i, text) in ["Missiles hit Kyiv.", "Kyiv again: one missile."].iter().enumerate() {
//!     let a = Analysis::new(Article::parse(&format!("a{i}.txt"), text));
//!     let entry = CatalogEntry::of(&ArticleRecord::of(&a), format!("articles/a{i}.bin"));
//!     b.add(&IndexedDoc::of(i as u32, &a, entry));
//! }
//! let (_, files) = b.finish(&Boundaries::default());
//! let reader = block_on(Reader::open(MemoryFiles(files))).unwrap();
//! let ranking = block_on(reader.rank("missile")).unwrap();
//! assert_eq!(ranking.total, 2);
//! assert_eq!(ranking.results[0].doc, 0, "two words of three");
//! let kyiv = block_on(reader.entity("kyiv")).unwrap();
//! assert_eq!(kyiv[0].articles, 2);
//! ```

mod builder;
mod cut;
mod doc;
pub mod format;
mod fragment;
mod manifest;
mod memory;
pub mod rank;
mod reader;
mod recombine;
#[cfg(test)]
mod tests;

pub use builder::{Boundaries, BuildOptions, Builder, Files, SectionBoundaries};
pub use doc::{entity_key, EntityNames, IndexedDoc, TermCount};
pub use format::{
    doc_file, DocCount, DocCounts, DocFragment, EntityGroup, EntityKey, EntityShard, FileKind, FileRef,
    IdEntry, IdShard, IndexFile, KeyedRef, Manifest, MentionsFile, Page, Posting, Postings, PostingsFile,
    TermEntry, TermShard, TopEntities, TopEntity, FORMAT, FRAGMENT_TEXT, MANIFEST,
};
pub use fragment::Snippet;
pub use manifest::{prefix_slots, slot};
pub use memory::{block_on, FolderFiles, MemoryFiles};
pub use rank::{Ranking, Scored};
pub use reader::{EntityMatch, Error, Fetch, Fetched, Reader, PREFIX_BUDGET};
pub use recombine::recombine;
