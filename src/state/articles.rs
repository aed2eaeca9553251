//! The library: the published articles (the boot data's catalog, plus any
//! found in the archive's index by search or by a link; each record fetched
//! when first opened, or taken from the boot data when the app is one file)
//! and the reader's own (listed from storage; each record read when first
//! opened), which one is open, and the analyses loaded so far. Every
//! analysis handed out has the reader's entity corrections applied
//! ([`super::Corrections`]); the analyses as loaded are kept to apply them
//! again when they change.

use std::collections::{HashMap, HashSet};

use article_analysis::analysis::Loader;
use article_analysis::annotations::corrections::{apply, Correction};
use article_analysis::record::{ArticleRecord, Boot, CatalogEntry};
use article_analysis::Analysis;
use leptos::prelude::*;

use super::corrections::CorrectionBook;
use super::item::{Item, Kept, Origin};
use super::{Archive, Notices, Shared};
use crate::messages;
use crate::storage;
use crate::url_state::UrlState;

/// Whether the open article's analysis is here.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Shown.
    Ready,
    /// Being fetched or read.
    Loading,
    /// It could not be loaded; the sentence says why.
    Failed(String),
}

/// An own article deleted a moment ago, for "Undo".
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// Its list entry.
    pub item: Shared<Item>,
    /// Where it was in the list.
    pub position: usize,
    record: Option<Shared<ArticleRecord>>,
}

/// One loaded article with the corrections that apply to it.
#[derive(Debug, Clone)]
struct Corrected {
    /// As loaded.
    original: Shared<Analysis>,
    /// The corrections applied, in order.
    applied: Vec<Correction>,
    /// With them applied (the original itself when they change nothing).
    analysis: Shared<Analysis>,
}

impl Corrected {
    fn new(original: &Shared<Analysis>, applied: Vec<Correction>) -> Corrected {
        let analysis = if applied.is_empty() {
            original.clone()
        } else {
            let fixed = apply(&original.article.body, &original.entities, &applied);
            if fixed == original.entities {
                original.clone()
            } else {
                Shared::new(Analysis::clone(original).with_entities(fixed))
            }
        };
        Corrected {
            original: original.clone(),
            applied,
            analysis,
        }
    }
}

/// Every loaded article, corrected.
type CorrectedAll = Shared<HashMap<String, Corrected>>;

/// The articles context.
#[derive(Clone, Copy)]
pub struct Articles {
    /// Every article: published first, then the reader's own.
    pub items: RwSignal<Vec<Shared<Item>>>,
    /// The open article's id.
    pub open_id: RwSignal<String>,
    /// The analyses as loaded (without corrections).
    loaded: RwSignal<HashMap<String, Shared<Analysis>>>,
    /// The analyses with the reader's corrections.
    corrected: Memo<CorrectedAll>,
    /// Records that came inside the boot data (the app in one file), until
    /// opened.
    inline: StoredValue<HashMap<String, ArticleRecord>>,
    failed: RwSignal<HashMap<String, String>>,
    asked: StoredValue<HashSet<String>>,
    /// The own articles have been listed from storage.
    pub listed: RwSignal<bool>,
    /// The open article, analysed and corrected (the last one shown while
    /// another loads): what every view shows.
    pub analysis: Memo<Shared<Analysis>>,
    /// Whether the open article is shown, loading or failed.
    pub status: Memo<Status>,
    /// The last deleted article, for "Undo".
    pub removed: RwSignal<Option<Removed>>,
    /// Opened with `safe=1`: the reader's saved articles stay closed.
    pub safe: bool,
    notices: Notices,
    archive: Archive,
}

impl Articles {
    /// The library from the boot data; the URL's article is opened (an own
    /// article once storage has been listed, a published one not in the
    /// catalog once the archive's index has found it). `corrections` are
    /// applied to every analysis handed out.
    pub fn new(
        boot: &mut Boot,
        url: &UrlState,
        notices: Notices,
        archive: Archive,
        corrections: RwSignal<CorrectionBook>,
    ) -> Articles {
        let items: Vec<Shared<Item>> = boot
            .catalog
            .iter()
            .map(|e| Shared::new(Item::published(e)))
            .collect();
        let first_id = items.first().map(|i| i.id.clone()).unwrap_or_default();
        let loaded = HashMap::<String, Shared<Analysis>>::new();
        // More published articles than the catalog lists: the others are
        // found in the archive's index.
        let archived = boot.total > items.len() as u64;
        let open_id = match &url.article {
            Some(id)
                if items.iter().any(|i| &i.id == id)
                    || (id.starts_with("local-") && !url.safe)
                    || (archived && !id.starts_with("local-")) =>
            {
                id.clone()
            }
            Some(id) => {
                notices.add(messages::missing_article(id));
                first_id
            }
            None => first_id,
        };
        let open_id = RwSignal::new(open_id);
        let loaded = RwSignal::new(loaded);
        let failed = RwSignal::new(HashMap::<String, String>::new());
        // Corrections are applied again only where they or the analysis
        // changed.
        let corrected = Memo::new(move |previous: Option<&CorrectedAll>| {
            corrections.with(|book| {
                loaded.with(|m| {
                    let all = m
                        .iter()
                        .map(|(id, original)| {
                            let applied = book.for_article(id);
                            let kept = previous
                                .and_then(|p| p.get(id))
                                .filter(|c| c.original == *original && c.applied == applied);
                            let c = match kept {
                                Some(c) => c.clone(),
                                None => Corrected::new(original, applied),
                            };
                            (id.clone(), c)
                        })
                        .collect();
                    Shared::new(all)
                })
            })
        });
        let analysis = Memo::new(move |previous: Option<&Shared<Analysis>>| {
            let id = open_id.get();
            corrected
                .with(|m| m.get(&id).map(|c| c.analysis.clone()))
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| Shared::new(Analysis::from_record(ArticleRecord::empty())))
        });
        let status = Memo::new(move |_| {
            let id = open_id.get();
            if loaded.with(|m| m.contains_key(&id)) {
                Status::Ready
            } else if let Some(why) = failed.with(|f| f.get(&id).cloned()) {
                Status::Failed(why)
            } else {
                Status::Loading
            }
        });
        let articles = Articles {
            items: RwSignal::new(items),
            open_id,
            loaded,
            corrected,
            inline: StoredValue::new(
                std::mem::take(&mut boot.records)
                    .into_iter()
                    .map(|r| (r.article.id.clone(), r))
                    .collect(),
            ),
            failed,
            asked: StoredValue::new(HashSet::new()),
            listed: RwSignal::new(false),
            analysis,
            status,
            removed: RwSignal::new(None),
            safe: url.safe,
            notices,
            archive,
        };
        if let Some(record) = boot.first.take() {
            articles.asked.update_value(|a| {
                a.insert(record.article.id.clone());
            });
            articles.insert(record);
        }
        articles.ensure_loaded(&articles.open_id.get_untracked());
        articles
    }

    /// Opens an article (its analysis is loaded if need be).
    pub fn open(&self, id: String) {
        self.ensure_loaded(&id);
        self.open_id.set(id);
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<Shared<Item>> {
        self.items
            .with_untracked(|all| all.iter().find(|i| i.id == id).cloned())
    }

    /// The analysis of any article, corrected, if loaded (tracked).
    pub fn analysis_of(&self, id: &str) -> Option<Shared<Analysis>> {
        self.corrected.with(|m| m.get(id).map(|c| c.analysis.clone()))
    }

    /// The analysis of any article as loaded, without the reader's
    /// corrections (what is stored), if loaded (untracked).
    pub fn original_of_untracked(&self, id: &str) -> Option<Shared<Analysis>> {
        self.loaded.with_untracked(|m| m.get(id).cloned())
    }

    /// Loads the analysis of every article of the reader's own (for search
    /// across them; published ones are searched through the archive's
    /// index).
    pub fn load_own(&self) {
        let ids: Vec<String> = self
            .items
            .with_untracked(|all| all.iter().filter(|i| i.is_own()).map(|i| i.id.clone()).collect());
        for id in ids {
            self.ensure_loaded(&id);
        }
    }

    /// Lists a published article found in the archive (by search or by a
    /// link) unless it is listed already.
    pub fn add_published(&self, entry: &CatalogEntry) {
        if self.item(&entry.id).is_none() {
            self.items.update(|all| {
                let at = all.iter().take_while(|i| !i.is_own()).count();
                all.insert(at, Shared::new(Item::published(entry)));
            });
        }
    }

    /// Starts loading an article's analysis unless it is here or on its way.
    fn ensure_loaded(&self, id: &str) {
        if id.is_empty() || self.loaded.with_untracked(|m| m.contains_key(id)) {
            return;
        }
        if !self
            .asked
            .try_update_value(|a| a.insert(id.to_string()))
            .unwrap_or(false)
        {
            return;
        }
        if let Some(record) = self.inline.try_update_value(|m| m.remove(id)).flatten() {
            self.insert(record);
            return;
        }
        let this = *self;
        let id = id.to_string();
        let item = self.item(&id);
        leptos::task::spawn_local(async move {
            // A published article not in the catalog: the archive's index
            // knows its record file.
            let item = match item {
                None if !id.starts_with("local-") => match this.archive.article(id.clone()).await {
                    Ok(Some(entry)) => {
                        this.add_published(&entry);
                        this.item(&id)
                    }
                    _ => {
                        this.asked.update_value(|a| {
                            a.remove(&id);
                        });
                        this.notices.add(messages::missing_article(&id));
                        let first = this.items.with_untracked(|all| all.first().map(|i| i.id.clone()));
                        this.open(first.unwrap_or_default());
                        return;
                    }
                },
                item => item,
            };
            let result = match item.as_ref().map(|i| i.origin.clone()) {
                // Inside the boot data, and not there: never fetch the page.
                Some(Origin::Published { file }) if file.is_empty() => Err(None),
                Some(Origin::Published { file }) => match crate::fetch::bytes(&file).await {
                    Some(bytes) => crate::record_reader::read(&bytes).await.map_err(Some),
                    None => Err(None),
                },
                // Own articles are read from storage (listed first); the
                // note is cleared once the article is shown.
                // The note is written once the bytes are here: reading
                // them cannot crash the page, and a reload while they are
                // read (a large one is read off the page's thread) is not
                // a failed opening.
                _ => match storage::record_bytes(&id).await {
                    Ok(Some(bytes)) => {
                        storage::note_opening(Some(&id));
                        crate::record_reader::read(&bytes).await.map_err(|_| None)
                    }
                    _ => Err(None),
                },
            };
            let title = item
                .as_ref()
                .map_or(id.as_str(), |i| i.title.as_str())
                .to_string();
            match result {
                Ok(mut record) => {
                    if let Some(i) = &item {
                        record.article.meta.title = i.title.clone();
                    }
                    this.insert(record);
                }
                Err(why) => {
                    this.asked.update_value(|a| {
                        a.remove(&id);
                    });
                    let msg = messages::article_unavailable(&title, why.as_ref());
                    this.failed.update(|f| {
                        f.insert(id, msg);
                    });
                }
            }
        });
    }

    /// Puts an analysed record in the library's memory (not storage).
    /// A long text is indexed in slices of this many words, the page
    /// answering in between (no long task on the main thread: a slice
    /// takes some 15–30 ms in Chromium on this project's 2-core machine).
    const INDEX_SLICE: usize = 8_000;
    /// Texts up to this many bytes are taken in at once (the first view
    /// shows them without waiting for a tick).
    const AT_ONCE: usize = 64 * 1024;

    fn insert(&self, record: ArticleRecord) {
        let id = record.article.id.clone();
        // On its way: opening it meanwhile must not read it again from
        // storage (for a long text, a second copy decoded and indexed).
        self.asked.update_value(|a| {
            a.insert(id.clone());
        });
        let this = *self;
        let done = move |analysis: Analysis| {
            if id.starts_with("local-") {
                storage::note_opening(None);
            }
            this.failed.update(|f| {
                f.remove(&id);
            });
            this.loaded.update(|m| {
                m.insert(id, Shared::new(analysis));
            });
        };
        if record.article.body.len() <= Self::AT_ONCE {
            done(Loader::new(record).finish());
            return;
        }
        // Each stage in its own task: whatever decoded the record, each
        // slice of the index, the analysis put together, its first view.
        let tick = || gloo_timers::future::TimeoutFuture::new(0);
        leptos::task::spawn_local(async move {
            let mut loader = Loader::new(record);
            tick().await;
            while !loader.step(Self::INDEX_SLICE) {
                tick().await;
            }
            let analysis = loader.finish();
            tick().await;
            done(analysis);
        });
    }

    /// Lists the reader's kept articles from storage (at start, and when
    /// another tab changed them). Opens the first article instead of a
    /// linked own article that is not here.
    pub fn list_kept(&self, then: impl FnOnce() + 'static) {
        let this = *self;
        leptos::task::spawn_local(async move {
            match storage::list().await {
                Ok((kept, bad)) => {
                    this.items.update(|all| {
                        all.retain(|i| !matches!(i.origin, Origin::Own { kept: Kept::Yes, .. }));
                        for m in &kept {
                            if !all.iter().any(|i| i.id == m.id) {
                                all.push(Shared::new(Item::kept(m)));
                            }
                        }
                    });
                    if bad > 0 {
                        this.notices.add(messages::unreadable_saved(bad));
                    }
                }
                Err(crate::storage::StorageError::Unavailable) => {}
                Err(e) => this.notices.add(messages::storage(e, "your articles")),
            }
            // Only the start-up listing looks for an opening that did not
            // finish: later ones (another tab changed the library) may come
            // while an article is being opened.
            let at_start = !this.listed.get_untracked();
            this.listed.set(true);
            let open = this.open_id.get_untracked();
            let first = this.items.with_untracked(|all| all.first().map(|i| i.id.clone()));
            if open.starts_with("local-") && this.item(&open).is_none() {
                this.notices.add(messages::missing_article(&open));
                this.open(first.unwrap_or_default());
            } else if at_start && storage::unfinished_opening().as_deref() == Some(open.as_str()) {
                // It did not open last time: not again by itself.
                storage::note_opening(None);
                let title = this.item(&open).map_or(open.clone(), |i| i.title.clone());
                this.notices.add(messages::failed_last_time(&title));
                this.open(first.unwrap_or_default());
            } else {
                this.ensure_loaded(&open);
            }
            then();
        });
    }

    /// Adds the reader's text: shown at once, and kept in storage at once
    /// (with a message when the browser refuses), so a text whose entities
    /// are still being found survives a reload. Replaces an earlier version
    /// of the same text (the entities found, after a first showing without).
    pub fn add_own(&self, record: ArticleRecord, entities_known: bool, added_ms: f64) {
        let bytes = js_sys::Uint8Array::from(record.to_pieces().as_slice()).into();
        self.add_own_as(record, bytes, entities_known, added_ms);
    }

    /// [`Articles::add_own`] for a text with its entities whose record is
    /// already encoded (as the analyser sends it, a `Blob`): stored as it
    /// is.
    pub fn add_own_encoded(&self, record: ArticleRecord, blob: web_sys::Blob, added_ms: f64) {
        self.add_own_as(record, blob.into(), true, added_ms);
    }

    fn add_own_as(
        &self,
        record: ArticleRecord,
        stored: wasm_bindgen::JsValue,
        entities_known: bool,
        added_ms: f64,
    ) {
        let item = Item {
            id: record.article.id.clone(),
            title: record.article.meta.title.clone(),
            bytes: record.article.body.len() as u64,
            entities: entities_known
                .then(|| u32::try_from(record.entities.entities.len()).unwrap_or(u32::MAX)),
            origin: Origin::Own {
                added_ms,
                kept: Kept::Pending,
            },
        };
        let id = item.id.clone();
        let title = match self.item(&id) {
            // The reader may have renamed it meanwhile.
            Some(old) => old.title.clone(),
            None => item.title.clone(),
        };
        let item = Item { title, ..item };
        self.replace_item(item.clone());
        self.insert(record);
        self.keep(item, stored);
    }

    /// The reader's kept texts whose entities were never found (the page
    /// was closed while they were being found), with when they were added.
    pub fn kept_without_entities(&self) -> Vec<(String, f64)> {
        self.items.with_untracked(|all| {
            all.iter()
                .filter(|i| i.entities.is_none())
                .filter_map(|i| match i.origin {
                    Origin::Own {
                        added_ms,
                        kept: Kept::Yes,
                    } => Some((i.id.clone(), added_ms)),
                    _ => None,
                })
                .collect()
        })
    }

    fn replace_item(&self, item: Item) {
        self.items
            .update(|all| match all.iter_mut().find(|i| i.id == item.id) {
                Some(slot) => *slot = Shared::new(item),
                None => all.push(Shared::new(item)),
            });
    }

    /// Writes an own article (its record: bytes or a `Blob`) to storage and
    /// marks it kept; the write starts at once (a reload right after
    /// opening must find it).
    fn keep(&self, item: Item, record: wasm_bindgen::JsValue) {
        let Some(meta) = item.meta() else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            let saved = storage::save(&meta, &record).await;
            let kept = if saved.is_ok() { Kept::Yes } else { Kept::No };
            this.replace_item(Item {
                origin: Origin::Own {
                    added_ms: meta.added_ms,
                    kept,
                },
                ..item
            });
            match saved {
                Ok(()) => crate::tabs::announce(),
                Err(e) => this.notices.add(messages::storage(e, "this article")),
            }
        });
    }

    /// Deletes one of the reader's articles (published ones are read-only);
    /// "Undo" puts it back.
    pub fn delete(&self, id: &str) -> Option<String> {
        let position = self
            .items
            .with_untracked(|all| all.iter().position(|i| i.id == id))?;
        let item = self.items.with_untracked(|all| all.get(position).cloned())?;
        if !item.is_own() {
            return None;
        }
        let record = self
            .loaded
            .with_untracked(|m| m.get(id).map(|a| Shared::new(ArticleRecord::of(a))));
        self.items.update(|all| {
            all.remove(position);
        });
        let id = id.to_string();
        let this = *self;
        leptos::task::spawn_local(async move {
            if let Err(e) = storage::remove(&id).await {
                this.notices.add(messages::storage(e, "the deletion"));
            }
            crate::tabs::announce();
        });
        self.removed.set(Some(Removed {
            item,
            position,
            record,
        }));
        let next = self.items.with_untracked(|all| all.first().map(|i| i.id.clone()));
        Some(next.unwrap_or_default())
    }

    /// Puts the last deleted article back.
    pub fn undo_delete(&self) {
        let Some(removed) = self.removed.get_untracked() else {
            return;
        };
        self.removed.set(None);
        self.items.update(|all| {
            let at = removed.position.min(all.len());
            all.insert(at, removed.item.clone());
        });
        if let Some(record) = removed.record {
            let bytes = js_sys::Uint8Array::from(record.to_pieces().as_slice());
            self.keep(Item::clone(&removed.item), bytes.into());
        }
    }

    /// Renames one of the reader's articles.
    pub fn rename(&self, id: &str, title: &str) {
        let title = crate::storage::legacy::clean_title(title);
        let Some(item) = self.item(id).filter(|i| i.is_own()) else {
            return;
        };
        if title.is_empty() || title == item.title {
            return;
        }
        let renamed = Item {
            title: title.clone(),
            ..Item::clone(&item)
        };
        self.replace_item(renamed.clone());
        self.loaded.update(|m| {
            if let Some(a) = m.get(id) {
                let mut a = Analysis::clone(a);
                a.article.meta.title = title.clone();
                m.insert(id.to_string(), Shared::new(a));
            }
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            if let Some(meta) = renamed.meta() {
                if let Err(e) = storage::rename(&meta).await {
                    this.notices.add(messages::storage(e, "the new name"));
                }
                crate::tabs::announce();
            }
        });
    }

    /// Writes its part of the URL (the article, unless it is the first).
    pub fn to_url(&self, url: &mut UrlState) {
        let id = self.open_id.get();
        let first = self.items.with(|all| all.first().map(|i| i.id.clone()));
        url.article = (Some(&id) != first.as_ref() && !id.is_empty()).then_some(id);
        url.safe = self.safe;
    }
}
