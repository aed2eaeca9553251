//! The reader's corrections of the entities: each article's list and the
//! personal dictionary (entries for all articles), loaded from storage at
//! start and saved on every change. [`super::Articles`] replays them on
//! every analysis it hands out, so every view shows the corrected entities.

use std::collections::{HashMap, HashSet};

use article_analysis::annotations::corrections::{in_order, Correction, Entry, Scope};
use leptos::prelude::*;

use super::Notices;
use crate::messages;
use crate::storage::{self, StorageError, DICTIONARY};

/// Every correction the reader made, by where it applies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorrectionBook {
    /// Each article's own corrections, by article id.
    pub articles: HashMap<String, Vec<Entry>>,
    /// The personal dictionary: corrections for all articles.
    pub dictionary: Vec<Entry>,
}

impl CorrectionBook {
    /// The corrections to replay on an article, in the order made.
    pub fn for_article(&self, id: &str) -> Vec<Correction> {
        in_order(self.of(id), &self.dictionary)
    }

    /// An article's own corrections.
    pub fn of(&self, id: &str) -> &[Entry] {
        self.articles.get(id).map_or(&[], Vec::as_slice)
    }

    /// What the Corrections list shows for an article: its own entries and
    /// the dictionary's, in the order made.
    pub fn listed(&self, id: &str) -> Vec<Entry> {
        let mut all: Vec<Entry> = self.dictionary.iter().chain(self.of(id)).cloned().collect();
        all.sort_by_key(|e| e.created);
        all
    }

    /// The list an entry of `scope` belongs to, for article `id`.
    fn list_mut(&mut self, id: &str, scope: Scope) -> &mut Vec<Entry> {
        match scope {
            Scope::AllArticles => &mut self.dictionary,
            Scope::Article => self.articles.entry(id.to_string()).or_default(),
        }
    }

    /// The latest time stamp in the book.
    fn latest(&self) -> u64 {
        self.articles
            .values()
            .flatten()
            .chain(&self.dictionary)
            .map(|e| e.created)
            .max()
            .unwrap_or(0)
    }
}

/// A correction undone a moment ago, for "Undo" of the undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The article it was listed with.
    pub article: String,
    /// The entry.
    pub entry: Entry,
}

/// The corrections context.
#[derive(Clone, Copy)]
pub struct Corrections {
    /// Every correction (read by `Articles` to correct the analyses).
    pub book: RwSignal<CorrectionBook>,
    /// The entity whose correction form is open (its id), if any.
    pub correcting: RwSignal<Option<String>>,
    /// The last correction undone.
    pub undone: RwSignal<Option<Undone>>,
    /// What screen readers are told after a correction.
    pub said: RwSignal<String>,
    /// Storage keys whose value did not read back: never written over.
    unreadable: StoredValue<HashSet<String>>,
    safe: bool,
    notices: Notices,
}

impl Corrections {
    /// No corrections yet; `safe` (the `safe=1` way out) leaves storage
    /// alone.
    pub fn new(safe: bool, notices: Notices) -> Corrections {
        Corrections {
            book: RwSignal::new(CorrectionBook::default()),
            correcting: RwSignal::new(None),
            undone: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            unreadable: StoredValue::new(HashSet::new()),
            safe,
            notices,
        }
    }

    /// Reads every stored correction (at start).
    pub fn load(&self) {
        if self.safe {
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            match storage::all_corrections().await {
                Ok((lists, bad)) => {
                    if !bad.is_empty() {
                        this.notices.add(messages::corrections_unreadable(bad.len()));
                    }
                    this.unreadable.set_value(bad.into_iter().collect());
                    this.book.update(|b| {
                        for (key, entries) in lists {
                            if key == DICTIONARY {
                                b.dictionary = entries;
                            } else {
                                b.articles.insert(key, entries);
                            }
                        }
                    });
                }
                Err(StorageError::Unavailable) => {}
                Err(e) => this.notices.add(messages::storage(e, "your corrections")),
            }
        });
    }

    /// Adds a correction made on article `id`.
    pub fn add(&self, id: &str, correction: Correction, scope: Scope) {
        let said = messages::corrected(&correction.describe(), scope_label(scope));
        self.book.update(|b| {
            let created = (js_sys::Date::now() as u64).max(b.latest() + 1);
            b.list_mut(id, scope).push(Entry {
                correction,
                scope,
                created,
            });
        });
        self.correcting.set(None);
        self.said.set(said);
        self.save(id, scope);
    }

    /// Undoes one correction listed with article `id`.
    pub fn undo(&self, id: &str, entry: &Entry) {
        let mut found = false;
        self.book.update(|b| {
            let list = b.list_mut(id, entry.scope);
            if let Some(i) = list.iter().position(|e| e == entry) {
                list.remove(i);
                found = true;
            }
        });
        if found {
            self.undone.set(Some(Undone {
                article: id.to_string(),
                entry: entry.clone(),
            }));
            self.said
                .set(messages::correction_undone(&entry.correction.describe()));
            self.save(id, entry.scope);
        }
    }

    /// Puts the last undone correction back.
    pub fn redo(&self) {
        let Some(u) = self.undone.get_untracked() else {
            return;
        };
        self.undone.set(None);
        self.book.update(|b| {
            let list = b.list_mut(&u.article, u.entry.scope);
            list.push(u.entry.clone());
            list.sort_by_key(|e| e.created);
        });
        self.said
            .set(messages::correction_restored(&u.entry.correction.describe()));
        self.save(&u.article, u.entry.scope);
    }

    /// Adds imported entries to article `id` (its own) and to the
    /// dictionary, leaving out those already there; how many were new.
    pub fn import(&self, id: &str, entries: Vec<Entry>) -> usize {
        let mut added = 0;
        let mut scopes = Vec::new();
        self.book.update(|b| {
            for e in entries {
                let list = b.list_mut(id, e.scope);
                if !list
                    .iter()
                    .any(|x| x.correction == e.correction && x.created == e.created)
                {
                    if !scopes.contains(&e.scope) {
                        scopes.push(e.scope);
                    }
                    list.push(e);
                    list.sort_by_key(|e| e.created);
                    added += 1;
                }
            }
        });
        for scope in scopes {
            self.save(id, scope);
        }
        added
    }

    /// Writes the list a change of `scope` on article `id` touched.
    fn save(&self, id: &str, scope: Scope) {
        let key = match scope {
            Scope::AllArticles => DICTIONARY.to_string(),
            Scope::Article => id.to_string(),
        };
        let what = match scope {
            Scope::AllArticles => "Your personal dictionary",
            Scope::Article => "This article's corrections",
        };
        if self.safe || self.unreadable.with_value(|u| u.contains(&key)) {
            self.notices.say(messages::not_kept(what, self.safe));
            return;
        }
        let entries = self.book.with_untracked(|b| match scope {
            Scope::AllArticles => b.dictionary.clone(),
            Scope::Article => b.of(id).to_vec(),
        });
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            if let Err(e) = storage::save_corrections(&key, &entries).await {
                notices.say(messages::storage(e, "your corrections"));
            }
        });
    }
}

/// "this article" or "all articles".
pub fn scope_label(scope: Scope) -> &'static str {
    match scope {
        Scope::Article => "this article",
        Scope::AllArticles => "all articles",
    }
}
