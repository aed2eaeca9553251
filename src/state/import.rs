//! A reader's own text on its way into the library: sent to the analyser
//! worker (which loads the entity model only now), with progress and
//! Cancel; a pasted text is shown, searchable and kept at once, its entities
//! added when the worker has found them (or at the next start, if the page
//! was closed meanwhile). Also moves a library kept by an earlier version
//! (`localStorage`) into storage, through the same worker.

use std::collections::HashMap;

use article_analysis::import::open::{ImportError, Source};
use article_analysis::import::{content_id, decode, Format, Imported};
use article_analysis::record::{AnalyserReply, AnalyserRequest, ArticleRecord};
use article_analysis::Article;
use leptos::prelude::*;

use super::{open_article, Articles, CardState, Notices, Reading};
use crate::analyser::Analyser;
use crate::messages::{self, quoted};
use crate::storage::{self, legacy};

/// The job the progress bar shows.
#[derive(Debug, Clone, PartialEq)]
pub struct JobProgress {
    /// What is being analysed.
    pub title: String,
    /// From 0 to 1.
    pub done: f32,
}

#[derive(Debug, Clone)]
enum Purpose {
    /// The reader opened it: show it when done (as plain text, from
    /// `fallback`, if the analyser fails).
    Open {
        title: String,
        added_ms: f64,
        fallback: Option<Fallback>,
    },
    /// A text kept by an earlier version, moved into storage.
    Migrate { added_ms: f64 },
    /// A kept text whose entities were not found before the page closed:
    /// its record gets them (the article's metadata kept, and the text
    /// kept as plain text if the analyser fails).
    Resume { added_ms: f64, article: Article },
}

/// What is needed to show a text without the analyser.
#[derive(Debug, Clone)]
enum Fallback {
    /// A file's name and the file (read and decoded here, as plain text).
    File(String, web_sys::File),
    /// Text already shown (a paste): keep it as it is.
    Shown(String),
}

/// The import context.
#[derive(Clone, Copy)]
pub struct ImportJob {
    /// The reader's text being analysed, if any.
    pub progress: RwSignal<Option<JobProgress>>,
    analyser: StoredValue<Option<Analyser>, LocalStorage>,
    loader: StoredValue<String>,
    jobs: StoredValue<HashMap<u32, Purpose>, LocalStorage>,
    next: StoredValue<u32>,
    articles: Articles,
    reading: Reading,
    card: CardState,
    notices: Notices,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl ImportJob {
    /// No job yet; the worker starts with the first text. `loader` is the
    /// worker's loader script.
    pub fn new(
        loader: String,
        articles: Articles,
        reading: Reading,
        card: CardState,
        notices: Notices,
    ) -> ImportJob {
        ImportJob {
            progress: RwSignal::new(None),
            analyser: StoredValue::new_local(None),
            loader: StoredValue::new(loader),
            jobs: StoredValue::new_local(HashMap::new()),
            next: StoredValue::new(1),
            articles,
            reading,
            card,
            notices,
        }
    }

    /// Opens pasted text: shown at once (searchable), entities to follow.
    pub fn open_paste(&self, text: &str) {
        let body = decode::clean_controls(text);
        let refused = if body.trim().is_empty() {
            Some(ImportError::EmptyPaste)
        } else if article_analysis::import::is_only_a_url(&body) {
            Some(ImportError::OnlyAUrl)
        } else {
            None
        };
        if let Some(error) = refused {
            self.notices.say(messages::import(&error));
            return;
        }
        let id = content_id(&body);
        if self.already_here(&id) {
            return;
        }
        let mut article = Article::parse(&id, &body);
        article.id = id.clone();
        let title = article.meta.title.clone();
        let added_ms = now_ms();
        self.articles
            .add_own(ArticleRecord::without_entities(article), false, added_ms);
        open_article(self.articles, self.reading, self.card, id.clone());
        self.send(
            Source::Paste(body),
            None,
            Some(id.clone()),
            Purpose::Open {
                title,
                added_ms,
                fallback: Some(Fallback::Shown(id)),
            },
        );
    }

    /// Opens a picked or dropped file (`.txt`, `.md` or `.html`): the
    /// worker reads it.
    pub fn open_file(&self, file: web_sys::File) {
        let name = file.name();
        let title = name.clone();
        // Without the analyser a text file is kept as plain text; an HTML
        // file is not (its markup would show as text).
        let fallback = (Format::from_file_name(&name) != Format::Html)
            .then(|| Fallback::File(name.clone(), file.clone()));
        self.send(
            Source::File {
                name,
                bytes: Vec::new(),
            },
            Some(file),
            None,
            Purpose::Open {
                title,
                added_ms: now_ms(),
                fallback,
            },
        );
    }

    /// Opens the readable text of an HTML document (found by the page).
    pub fn open_readable(&self, name: String, imported: Imported) {
        self.send(
            Source::Readable(imported),
            None,
            None,
            Purpose::Open {
                title: name,
                added_ms: now_ms(),
                fallback: None,
            },
        );
    }

    /// Stops the analysis at once; the text is not added.
    pub fn cancel(&self) {
        if let Some(a) = self.analyser.get_value() {
            a.terminate();
        }
        let dropped: Vec<Purpose> = self
            .jobs
            .try_update_value(|j| j.drain().map(|(_, p)| p).collect())
            .unwrap_or_default();
        self.progress.set(None);
        for p in dropped {
            if let Purpose::Open { title, .. } = p {
                self.notices.say(format!(
                    "Stopped analysing {}; it was not added to your library.",
                    quoted(&title)
                ));
            }
        }
    }

    /// Moves the articles an earlier version kept in `localStorage` into
    /// storage (each old key is removed only once its record is stored).
    pub fn migrate_legacy(&self) {
        let (old, bad) = legacy::read();
        if bad > 0 {
            self.notices.add(messages::unreadable_saved(bad));
        }
        for a in old {
            if self.articles.item(&a.id).is_some() {
                legacy::forget(&a.id);
                continue;
            }
            self.send(
                Source::File {
                    name: format!("{}.txt", a.id),
                    bytes: a.text.into_bytes(),
                },
                None,
                Some(a.id),
                Purpose::Migrate { added_ms: a.added_ms },
            );
        }
    }

    /// Sends the kept texts whose entities were never found to the analyser
    /// again (after the library is listed at start), except one whose
    /// opening failed last time: that one stays plain text.
    pub fn resume_unfinished(&self) {
        let failed = storage::unfinished_opening();
        let this = *self;
        for (id, added_ms) in self.articles.kept_without_entities() {
            if failed.as_deref() == Some(id.as_str()) {
                continue;
            }
            leptos::task::spawn_local(async move {
                if let Ok(Some(record)) = storage::record(&id).await {
                    let article = record.article;
                    this.send(
                        Source::Paste(article.body.clone()),
                        None,
                        Some(id),
                        Purpose::Resume { added_ms, article },
                    );
                }
            });
        }
    }

    /// The text is in the library already (with its entities): open it.
    fn already_here(&self, id: &str) -> bool {
        let here = self.articles.item(id).is_some_and(|i| i.entities.is_some());
        if here {
            open_article(self.articles, self.reading, self.card, id.to_string());
            self.notices
                .say("This text is already in your library; it is open now.");
        }
        here
    }

    fn analyser(&self) -> Analyser {
        if let Some(a) = self.analyser.get_value() {
            return a;
        }
        let this = *self;
        let a = Analyser::new(
            &self.loader.get_value(),
            move |reply, record| this.on_reply(reply, record),
            move || this.on_failure(),
        );
        self.analyser.set_value(Some(a.clone()));
        a
    }

    fn send(&self, source: Source, file: Option<web_sys::File>, id: Option<String>, purpose: Purpose) {
        let job = self.next.get_value();
        self.next.set_value(job.wrapping_add(1));
        if let Purpose::Open { title, .. } = &purpose {
            self.progress.set(Some(JobProgress {
                title: title.clone(),
                done: 0.0,
            }));
        }
        self.jobs.update_value(|j| {
            j.insert(job, purpose);
        });
        self.analyser().send(&AnalyserRequest { job, source, id }, file);
    }

    /// The worker could not start or stopped (its files missing offline,
    /// or the analysis failed): the texts it had are kept as plain text,
    /// without entities, and the reader is told.
    fn on_failure(&self) {
        self.analyser.set_value(None);
        let dropped: Vec<Purpose> = self
            .jobs
            .try_update_value(|j| j.drain().map(|(_, p)| p).collect())
            .unwrap_or_default();
        self.keep_without_entities(dropped);
    }

    /// Keeps texts the analyser did not analyse as they would be without
    /// it: as plain text, and tells the reader.
    fn keep_without_entities(&self, dropped: Vec<Purpose>) {
        self.progress.set(None);
        let mut any = false;
        for p in dropped {
            let (added_ms, fallback) = match p {
                Purpose::Open {
                    added_ms, fallback, ..
                } => (added_ms, fallback),
                // Kept as plain text, so it is not sent again at every start.
                Purpose::Resume { added_ms, article } => {
                    self.articles
                        .add_own(ArticleRecord::without_entities(article), true, added_ms);
                    continue;
                }
                Purpose::Migrate { .. } => continue,
            };
            any = true;
            match fallback {
                Some(Fallback::File(name, file)) => self.keep_file_as_text(name, file, added_ms),
                Some(Fallback::Shown(id)) => {
                    if let Some(a) = self.articles.original_of_untracked(&id) {
                        self.articles.add_own(ArticleRecord::of(&a), true, added_ms);
                        open_article(self.articles, self.reading, self.card, id);
                    }
                }
                None => {}
            }
        }
        if any {
            self.notices
                .say(messages::analyser_unavailable(crate::onefile::opened_from_disk()));
        }
    }

    /// Keeps a file the analyser did not analyse as plain text (read here).
    fn keep_file_as_text(&self, name: String, file: web_sys::File, added_ms: f64) {
        let this = *self;
        leptos::task::spawn_local(async move {
            let Ok(bytes) = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file)).await else {
                return;
            };
            let decoded = decode::decode(&bytes);
            if decoded.binary || decoded.text.trim().is_empty() {
                return;
            }
            let id = content_id(&decoded.text);
            let mut article = Article::parse(&name, &decoded.text);
            article.id = id.clone();
            this.articles
                .add_own(ArticleRecord::without_entities(article), true, added_ms);
            open_article(this.articles, this.reading, this.card, id);
        });
    }

    fn on_reply(&self, reply: AnalyserReply, record: Option<web_sys::Blob>) {
        match reply {
            AnalyserReply::Ready => {}
            AnalyserReply::Progress { job, done } => {
                let shown = self
                    .jobs
                    .with_value(|j| matches!(j.get(&job), Some(Purpose::Open { .. })));
                if shown {
                    self.progress.update(|p| {
                        if let Some(p) = p {
                            p.done = done;
                        }
                    });
                }
            }
            AnalyserReply::Done { job, notices } => {
                let purpose = self.jobs.try_update_value(|j| j.remove(&job)).flatten();
                let this = *self;
                // Read a few pieces per task: a record of a long text read
                // at once would block the page.
                leptos::task::spawn_local(async move {
                    let read = match &record {
                        Some(blob) => crate::record_reader::read_blob(blob).await.ok(),
                        None => None,
                    };
                    match (read, record) {
                        (Some(read), Some(blob)) => this.on_record(purpose, read, blob, notices),
                        // A record that does not read back is a broken
                        // build: the text is kept as it would be without
                        // the analyser.
                        _ => this.keep_without_entities(purpose.into_iter().collect()),
                    }
                });
            }
            AnalyserReply::Refused { job, error } => {
                let purpose = self.jobs.try_update_value(|j| j.remove(&job)).flatten();
                match purpose {
                    Some(Purpose::Open { .. }) => {
                        self.progress.set(None);
                        self.notices.say(messages::import(&error));
                    }
                    Some(Purpose::Resume { added_ms, article }) => {
                        self.articles
                            .add_own(ArticleRecord::without_entities(article), true, added_ms);
                    }
                    _ => {}
                }
            }
        }
    }

    /// A text analysed: shown, kept or moved as its purpose says.
    fn on_record(
        &self,
        purpose: Option<Purpose>,
        record: ArticleRecord,
        blob: web_sys::Blob,
        notices: Vec<String>,
    ) {
        match purpose {
            Some(Purpose::Open { added_ms, .. }) => {
                self.progress.set(None);
                let id = record.article.id.clone();
                let known = self.articles.item(&id).is_some_and(|i| i.entities.is_some());
                if known {
                    self.already_here(&id);
                    return;
                }
                self.articles.add_own_encoded(record, blob, added_ms);
                open_article(self.articles, self.reading, self.card, id);
                if !notices.is_empty() {
                    self.notices.say(notices.join(" "));
                }
            }
            Some(Purpose::Resume { added_ms, article }) => {
                let mut record = record;
                // The text was sent without its front matter: the
                // metadata is the one kept (same body, same spans).
                if record.article.body == article.body {
                    record.article.meta = article.meta;
                }
                self.articles.add_own(record, true, added_ms);
            }
            Some(Purpose::Migrate { added_ms }) => {
                let articles = self.articles;
                let notices_ctx = self.notices;
                leptos::task::spawn_local(async move {
                    let id = record.article.id.clone();
                    let meta = storage::KeptMeta {
                        id: id.clone(),
                        title: record.article.meta.title.clone(),
                        added_ms,
                        bytes: record.article.body.len() as u64,
                        entities: Some(u32::try_from(record.entities.entities.len()).unwrap_or(u32::MAX)),
                    };
                    match storage::save(&meta, &blob.into()).await {
                        Ok(()) => {
                            legacy::forget(&id);
                            articles.list_kept(|| {});
                        }
                        Err(e) => notices_ctx.add(messages::storage(e, "your saved articles")),
                    }
                });
            }
            None => {}
        }
    }
}
