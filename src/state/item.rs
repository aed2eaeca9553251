//! One article of the library as the list shows it: where it comes from
//! and whether it is kept.

use article_analysis::record::CatalogEntry;

use crate::storage::KeptMeta;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Published with the app; read-only.
    Published {
        /// Its record file, relative to the app (empty when the record came
        /// inside the boot data).
        file: String,
    },
    /// Opened by the reader.
    Own {
        /// When it was added (ms since the epoch).
        added_ms: f64,
        /// Whether it is kept in this browser's storage.
        kept: Kept,
    },
}

/// Whether an own article is in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Not yet: its entities are being found, or it is being written.
    Pending,
    /// Stored; it will be here after a reload.
    Yes,
    /// The browser refused to store it.
    No,
}

/// One article of the library, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The article id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Length of its text in bytes.
    pub bytes: u64,
    /// How many entities it has (`None` while they are being found).
    pub entities: Option<u32>,
    /// Where it comes from.
    pub origin: Origin,
}

impl Item {
    /// Whether the reader may rename or delete it.
    pub fn is_own(&self) -> bool {
        matches!(self.origin, Origin::Own { .. })
    }

    /// A published article of the catalog.
    pub(super) fn published(e: &CatalogEntry) -> Item {
        Item {
            id: e.id.clone(),
            title: e.title.clone(),
            bytes: e.bytes,
            entities: Some(e.entities),
            origin: Origin::Published { file: e.file.clone() },
        }
    }

    /// A kept article as storage lists it.
    pub(super) fn kept(m: &KeptMeta) -> Item {
        Item {
            id: m.id.clone(),
            title: m.title.clone(),
            bytes: m.bytes,
            entities: m.entities,
            origin: Origin::Own {
                added_ms: m.added_ms,
                kept: Kept::Yes,
            },
        }
    }

    /// The storage entry of an own article.
    pub fn meta(&self) -> Option<KeptMeta> {
        match self.origin {
            Origin::Own { added_ms, .. } => Some(KeptMeta {
                id: self.id.clone(),
                title: self.title.clone(),
                added_ms,
                bytes: self.bytes,
                entities: self.entities,
            }),
            Origin::Published { .. } => None,
        }
    }
}
