//! The app's state, in small contexts by concern (as in Leptos' todomvc):
//! a component asks only for the context it needs, and takes what its
//! parent already has as props.
//!
//! - [`Articles`]: the library (published and own articles), which one is
//!   open, and their analyses (fetched or received from the analyser).
//! - [`Archive`]: the published archive's index, queried on demand.
//! - [`Reading`]: what the reader does with the open article: query,
//!   selected entities, current match, which passages are rendered.
//! - [`NetworkSettings`]: the co-occurrence network's settings and drawing.
//! - [`CardState`]: the entity card being shown.
//! - [`Notices`]: messages for the reader.
//! - [`ImportJob`]: a text of the reader's being analysed in the worker.
//! - [`Notes`]: the reader's highlights and notes on the open article.
//! - [`Corrections`]: the reader's entity corrections, per article and for
//!   all articles (applied by `Articles` to every analysis).
//! - [`Sheets`]: which panel is open as a sheet on a small screen.
//!
//! Signals hold only what the reader chose; everything shown is derived by
//! memos. Setters do the resetting (a new query starts at its first
//! match); effects only touch the outside world (URL, scroll, storage).

mod archive;
mod articles;
mod card;
mod corrections;
mod import;
mod item;
mod network;
mod notes;
mod notices;
pub mod reading;
mod sheets;

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

pub use archive::{Archive, ArchiveEntity, ArchiveHit, ArchiveResults, IndexFiles, SNIPPET_RADIUS};
pub use articles::{Articles, Removed, Status};
pub use card::{CardAnchor, CardState};
pub use corrections::{scope_label, CorrectionBook, Corrections, Undone};
pub use import::{ImportJob, JobProgress};
pub use item::{Item, Kept, Origin};
pub use network::{Drawn, NetworkSettings, NETWORK_FRAME};
pub use notes::{HighlightLayer, Notes};
pub use notices::Notices;
pub use reading::Reading;
pub use sheets::{Sheet, Sheets};

/// A shared, immutable value whose equality is identity, so a memo holding
/// it notifies only when it was recomputed.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Opens another article: the reading state (filters, current match, card)
/// belongs to the old one and is cleared first.
pub fn open_article(articles: Articles, reading: Reading, card: CardState, id: String) {
    if articles.open_id.get_untracked() != id {
        reading.clear_for_new_article();
        card.hide();
        articles.open(id);
    }
    reading.show_article();
}
