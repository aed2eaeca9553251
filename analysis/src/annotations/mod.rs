//! What the reader adds to an article: highlights with notes, anchored so
//! they survive changes of the text, and corrections of the entities the
//! extractor found. Plain data (serde) and pure functions; the app stores the
//! values and calls these functions.
//!
//! - [`anchor`]: W3C text-quote and text-position selectors of a passage,
//!   and finding the passage again in a changed text.
//! - [`highlight`]: highlights and notes as data, in text order.
//! - [`markdown`]: "Export notes as Markdown".
//! - [`web`]: W3C Web Annotation JSON export and import.
//! - [`timestamp`]: milliseconds ⇄ `xsd:dateTime`.
//! - [`corrections`]: rename, change type, merge, "not an entity", add an
//!   entity; applied in order to the extractor's entities, per article or
//!   for all articles.
//! - [`occurrences`]: where a name occurs (whole words, case-sensitive), for
//!   "Add entity".
pub mod anchor;
mod approx;
pub mod corrections;
pub mod highlight;
pub mod markdown;
pub mod occurrences;
pub mod timestamp;
pub mod web;
