//! What the reader adds to an article: highlights with notes, anchored so
//! they survive changes of the text, and corrections of the entities the
//! extractor found. Plain data (serde) and pure functions; the app stores the
//! values and calls these functions.
//!
//! - [`anchor`]: W3C text-quote and text-position selectors of a passage,
//!   and finding the passage again in a changed text.
pub mod anchor;
mod approx;
