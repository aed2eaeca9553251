//! The reader's highlights and notes on the open article: loaded from
//! storage when an article opens, saved on every change, anchored in its
//! text (W3C text-quote and text-position selectors, found again after the
//! text changed), drawn as a layer of the text and listed in the Notes
//! region. A deleted highlight can be put back.

use std::collections::HashSet;
use std::ops::Range;

use article_analysis::annotations::anchor::Anchor;
use article_analysis::annotations::highlight::{refreshed, Color, Highlight};
use article_analysis::annotations::web::{highlights_from, WebAnnotations};
use article_analysis::segment::Span;
use article_analysis::view::highlight_pieces;
use leptos::prelude::*;

use super::{Articles, Notices, Shared};
use crate::messages;
use crate::storage::{self, StorageError};

/// The highlights as the text draws them: sorted, disjoint pieces, and for
/// each the highlight it shows (id and color).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HighlightLayer {
    /// The pieces (byte spans of the body).
    pub pieces: Vec<Span>,
    /// For each piece, its highlight's id and color.
    pub owners: Vec<(String, Color)>,
}

/// The notes context.
#[derive(Clone, Copy)]
pub struct Notes {
    /// The article whose highlights `highlights` holds (empty while they
    /// are read).
    of: RwSignal<String>,
    /// The open article's highlights, in the order made.
    highlights: RwSignal<Vec<Highlight>>,
    /// The highlights anchored in the open article's text, in the Notes
    /// order (text order, orphans last).
    pub placed: Memo<Shared<Vec<(Highlight, Anchor)>>>,
    /// What the text draws.
    pub layer: Memo<Shared<HighlightLayer>>,
    /// The last highlight deleted, for "Undo" (and the article it was on).
    pub removed: RwSignal<Option<(String, Highlight)>>,
    /// The highlight whose note is being written or edited, if any.
    pub editing: RwSignal<Option<String>>,
    /// What screen readers are told after a change.
    pub said: RwSignal<String>,
    /// Articles whose stored notes did not read back: never written over.
    unreadable: StoredValue<HashSet<String>>,
    articles: Articles,
    notices: Notices,
    safe: bool,
}

impl Notes {
    /// The notes of whichever article is open, read from storage as each
    /// opens (`safe`, the `safe=1` way out, leaves storage alone).
    pub fn new(articles: Articles, notices: Notices, safe: bool) -> Notes {
        let of = RwSignal::new(String::new());
        let highlights = RwSignal::new(Vec::<Highlight>::new());
        let placed = Memo::new(move |_| {
            let a = articles.analysis.get();
            let placed = of.with(|of| {
                if *of == a.article.id {
                    highlights.with(|h| refreshed(&a.article.body, h))
                } else {
                    Vec::new()
                }
            });
            Shared::new(placed)
        });
        // The same layer as before (most often: none) is not a change, so
        // the passages are not drawn again when an article's notes are read
        // after it is shown (that drew a long text's first screen twice).
        let layer = Memo::new(move |previous: Option<&Shared<HighlightLayer>>| {
            let placed = placed.get();
            let found: Vec<(&Highlight, Span)> =
                placed.iter().filter_map(|(h, a)| Some((h, a.span()?))).collect();
            let spans: Vec<Span> = found.iter().map(|(_, s)| s.clone()).collect();
            let (pieces, owners) = highlight_pieces(&spans);
            let owners = owners
                .into_iter()
                .filter_map(|i| found.get(i).map(|(h, _)| (h.id.clone(), h.color)))
                .collect();
            let layer = HighlightLayer { pieces, owners };
            match previous {
                Some(p) if **p == layer => p.clone(),
                _ => Shared::new(layer),
            }
        });
        let notes = Notes {
            of,
            highlights,
            placed,
            layer,
            removed: RwSignal::new(None),
            editing: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            unreadable: StoredValue::new(HashSet::new()),
            articles,
            notices,
            safe,
        };
        Effect::new(move |_| {
            let id = articles.open_id.get();
            notes.load(id);
        });
        notes
    }

    /// Reads the highlights of article `id` (it has just been opened).
    fn load(&self, id: String) {
        self.of.set(String::new());
        self.highlights.set(Vec::new());
        self.editing.set(None);
        if self.safe || id.is_empty() {
            self.of.set(id);
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let result = storage::notes(&id).await;
            if this.articles.open_id.get_untracked() != id {
                return;
            }
            match result {
                Ok(found) => this.highlights.set(found.unwrap_or_default()),
                Err(StorageError::Unavailable) => {}
                Err(StorageError::Unreadable) => {
                    this.unreadable.update_value(|u| {
                        u.insert(id.clone());
                    });
                    let title = this.articles.item(&id).map_or(id.clone(), |i| i.title.clone());
                    this.notices.add(messages::notes_unreadable(&title));
                }
                Err(e) => this.notices.add(messages::storage(e, "your notes")),
            }
            this.of.set(id);
        });
    }

    /// The highlights are those of the open article.
    pub fn ready(&self) -> bool {
        let of = self.of.get();
        !of.is_empty() && of == self.articles.open_id.get()
    }

    /// Highlights the byte range `span` of the open article's text in
    /// `color`, with `note`; returns the new highlight's id.
    pub fn add(&self, span: Range<usize>, color: Color, note: &str) -> Option<String> {
        if !self.ready_untracked() {
            return None;
        }
        let a = self.articles.analysis.get_untracked();
        let now = js_sys::Date::now() as u64;
        let created = self
            .highlights
            .with_untracked(|hs| hs.iter().map(|h| h.created + 1).max().unwrap_or(0))
            .max(now);
        let id = format!("h{created}");
        let h = Highlight::new(&id, &a.article.body, span, color, note.trim(), created)?;
        self.highlights.update(|hs| hs.push(h));
        self.said
            .set(messages::highlighted(!note.trim().is_empty()).to_string());
        self.save();
        Some(id)
    }

    /// Changes a highlight's note and color.
    pub fn edit(&self, id: &str, note: &str, color: Color) {
        self.highlights.update(|hs| {
            if let Some(h) = hs.iter_mut().find(|h| h.id == id) {
                h.note = note.trim().to_string();
                h.color = color;
            }
        });
        self.editing.set(None);
        self.said.set(messages::NOTE_SAVED.to_string());
        self.save();
    }

    /// Deletes a highlight ("Undo" puts it back).
    pub fn delete(&self, id: &str) {
        let mut gone = None;
        self.highlights.update(|hs| {
            if let Some(i) = hs.iter().position(|h| h.id == id) {
                gone = Some(hs.remove(i));
            }
        });
        if let Some(h) = gone {
            let of = self.of.get_untracked();
            self.removed.set(Some((of, h)));
            self.said.set(messages::HIGHLIGHT_DELETED.to_string());
            self.save();
        }
    }

    /// Puts the last deleted highlight back (if its article is open).
    pub fn undo_delete(&self) {
        let Some((of, h)) = self.removed.get_untracked() else {
            return;
        };
        if of != self.of.get_untracked() {
            return;
        }
        self.removed.set(None);
        self.highlights.update(|hs| {
            if !hs.iter().any(|x| x.id == h.id) {
                hs.push(h);
            }
        });
        self.said.set(messages::HIGHLIGHT_RESTORED.to_string());
        self.save();
    }

    /// Adds the highlights of a Web Annotation document to the open
    /// article (ids already there are renamed); (added, skipped).
    pub fn import(&self, doc: &WebAnnotations) -> (usize, usize) {
        if !self.ready_untracked() {
            return (0, 0);
        }
        let a = self.articles.analysis.get_untracked();
        let imported = highlights_from(doc, &a.article.body);
        let mut added = 0;
        self.highlights.update(|hs| {
            for mut h in imported.highlights {
                if hs.iter().any(|x| x.target == h.target && x.note == h.note) {
                    continue;
                }
                let base = h.id.clone();
                let mut n = 1;
                while hs.iter().any(|x| x.id == h.id) {
                    n += 1;
                    h.id = format!("{base}-{n}");
                }
                hs.push(h);
                added += 1;
            }
        });
        if added > 0 {
            self.save();
        }
        (added, imported.skipped)
    }

    fn ready_untracked(&self) -> bool {
        let of = self.of.get_untracked();
        !of.is_empty() && of == self.articles.open_id.get_untracked()
    }

    /// Writes the open article's highlights.
    fn save(&self) {
        let id = self.of.get_untracked();
        if id.is_empty() {
            return;
        }
        if self.safe || self.unreadable.with_value(|u| u.contains(&id)) {
            self.notices.say(messages::not_kept("Your notes", self.safe));
            return;
        }
        let highlights = self.highlights.get_untracked();
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            if let Err(e) = storage::save_notes(&id, &highlights).await {
                notices.say(messages::storage(e, "your notes"));
            }
        });
    }
}
