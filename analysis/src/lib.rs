//! # article-analysis
//!
//! All the text work of Article Explorer, in plain Rust with no web
//! dependencies: it compiles natively (tests, benchmarks, command-line tools)
//! and to wasm (the app).
//!
//! - [`segment`]: paragraphs, sentences and words as byte spans.
//! - [`document`]: article files (front matter, body, paragraphs).
//! - [`normalize`]: composable token filters: lowercase, accent folding, stemming.
//! - [`search`]: the per-article index, the query language and matching.
//! - [`entities`]: entity extraction, types and alias merging.
//! - [`import`]: opened files to plain text: encodings, Markdown, HTML.
//! - [`library`]: across articles: BM25-ranked search and the entity index.
//! - [`static_index`]: the same search and entity index for a large library,
//!   cut into content-addressed shards that a visitor fetches on demand.
//! - [`hash`]: FNV-1a, the stable hash that names content.
//! - [`export`]: entity list as CSV / JSON, visible passages as Markdown,
//!   the concordance as CSV.
//! - [`view`]: search and filters combined into what is shown, and paragraphs
//!   cut into segments for rendering.
//! - [`analysis`]: one article analysed once: index + entities + which
//!   passages mention which entity.
//! - [`position`]: where matches and mentions fall, for the position map and
//!   dispersion plots.
//! - [`cooccurrence`]: the network of entities mentioned together.
//! - [`layout`]: deterministic positions for drawing that network.
//! - [`card`]: what the entity card says about one entity.
//! - [`record`]: one analysed article as bytes, written by the site build
//!   and the analyser worker, read by the app.
//! - [`prerender`]: the page before the app runs: the article as static
//!   HTML and the boot data block (site build and "Save as one file").
//! - [`annotations`]: the reader's highlights and notes (W3C Web Annotation
//!   selectors, re-anchoring, Markdown and JSON exports) and entity
//!   corrections.
//! - [`concordance`]: keyword in context for matches or mentions, sortable
//!   by the words before or after.
//! - [`quotes`]: who said what: direct quotations and reported speech
//!   attributed to speaker entities.
//! - [`timeline`]: date and time expressions normalized against the
//!   article's date, in chronological order; durations apart.
//!
//! Every span in this crate is a byte range on `char` boundaries of the text
//! it refers to.
#![warn(missing_docs)]

pub mod analysis;
pub mod annotations;
pub mod card;
pub mod concordance;
pub mod cooccurrence;
pub mod document;
pub mod entities;
pub mod export;
pub mod hash;
pub mod import;
pub mod layout;
pub mod library;
pub mod normalize;
pub mod position;
pub mod prerender;
pub mod quotes;
pub mod record;
pub mod search;
pub mod segment;
pub mod static_index;
pub mod timeline;
pub mod view;

pub use analysis::Analysis;
pub use document::Article;
