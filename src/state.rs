//! The app's state: a few signals near the root and the memos derived from
//! them, shared with every component by context (`expect_context::<AppState>()`).
//!
//! Signals hold only what the reader chose (article, query, selected
//! entities, toggles) and the library itself; everything shown is derived by
//! memos from the `article-analysis` library, never stored twice.

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::Arc;

use article_analysis::analysis::Analyzer;
use article_analysis::cooccurrence::{self, Network, Unit};
use article_analysis::entities::EntityKind;
use article_analysis::import::{content_id, Imported};
use article_analysis::layout::{self, Frame, Point};
use article_analysis::search::Query;
use article_analysis::view::View;
use article_analysis::{Analysis, Article};
use leptos::html;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use crate::library::{self, Item, Origin};
use crate::url_state::{Scope, SortOrder, UrlState};

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

/// A long text being analysed a slice at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Its title.
    pub title: String,
    /// From 0 to 1.
    pub progress: f64,
}

/// Texts at least this long (bytes) are analysed in the background with a
/// progress bar; shorter ones at once.
pub const BACKGROUND_BYTES: usize = 200_000;
/// Paragraphs analysed between two breaks for the browser.
const STEP_PARAGRAPHS: usize = 40;

/// Lets the browser handle input and paint before going on.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// All the state of the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every article: the embedded seeds, then the reader's own.
    pub library: RwSignal<Vec<Shared<Item>>>,
    /// The open article's id.
    pub article_id: RwSignal<String>,
    /// The search box's text.
    pub query: RwSignal<String>,
    /// Search the open article or the whole library.
    pub scope: RwSignal<Scope>,
    /// Selected entity ids (a passage must mention all of them).
    pub selected: RwSignal<Vec<String>>,
    /// Show only passages that match the query.
    pub only_matching: RwSignal<bool>,
    /// Entity kinds hidden from the panel and the text.
    pub hidden: RwSignal<Vec<EntityKind>>,
    /// Entity panel order.
    pub sort: RwSignal<SortOrder>,
    /// The entity panel's own filter box.
    pub entity_filter: RwSignal<String>,
    /// Index of the current match (into `view().matches`).
    pub current: RwSignal<usize>,
    /// A short message for the reader.
    pub notice: RwSignal<Option<String>>,
    /// The last deleted article and where it was, for "Undo".
    pub undo: RwSignal<Option<(Shared<Item>, usize)>>,
    /// The long text being analysed in the background, if any.
    pub job: RwSignal<Option<Job>>,
    /// Set by "Cancel" to stop the background analysis.
    pub cancel_job: RwSignal<bool>,
    /// The search input, focused by `/`.
    pub search_input: NodeRef<html::Input>,
    /// The co-occurrence network is open.
    pub network_open: RwSignal<bool>,
    /// What "together" means in the network.
    pub unit: RwSignal<Unit>,
    /// How many entities the network shows.
    pub top: RwSignal<usize>,
    /// How often two entities must appear together to be linked.
    pub min_links: RwSignal<usize>,
    /// The entity card being shown: entity index and the element it belongs to.
    pub card: RwSignal<Option<CardAnchor>>,
    /// The pointer is on the entity card (it stays while it is).
    pub card_hovered: RwSignal<bool>,
    /// A place in the text (byte offset) the reader asked to go to, from the
    /// position map or a dispersion plot.
    pub jump_to: RwSignal<Option<usize>>,
    cache: StoredValue<HashMap<String, Shared<Analysis>>>,
    /// The open article, analysed.
    pub analysis: Memo<Shared<Analysis>>,
    /// Every article of the library, analysed (computed only when read).
    pub all_analyses: Memo<Shared<Vec<Shared<Analysis>>>>,
    /// Selected entities as indices into the analysis (unknown ids dropped).
    pub selected_indices: Memo<Vec<usize>>,
    /// What is shown: visible passages and highlighted matches.
    pub view: Memo<Shared<View>>,
    /// Which match is current, as a selector: a change notifies only the two
    /// marks concerned, not every mark.
    pub current_match: StoredValue<Selector<usize>>,
    /// The co-occurrence network and its layout (empty while closed).
    pub network: Memo<Shared<Drawn>>,
}

/// Where the entity card is anchored.
#[derive(Debug, Clone, PartialEq)]
pub struct CardAnchor {
    /// Index into `entities.entities`.
    pub entity: usize,
    /// The anchor element's box in the viewport: left, top, right, bottom.
    pub rect: (f64, f64, f64, f64),
}

/// A network with positions for drawing it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// The network.
    pub network: Network,
    /// One position per node.
    pub points: Vec<Point>,
}

/// The network's drawing area (SVG user units; the SVG scales).
pub const NETWORK_FRAME: Frame = Frame {
    width: 720.0,
    height: 460.0,
    margin: 46.0,
};

fn analyse(cache: StoredValue<HashMap<String, Shared<Analysis>>>, article: &Article) -> Shared<Analysis> {
    if let Some(a) = cache.with_value(|c| c.get(&article.id).cloned()) {
        return a;
    }
    // A User Timing measure ("analysis") for the browser benchmark.
    let perf = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &perf {
        let _ = p.mark("analysis-start");
    }
    let a = Shared::new(Analysis::new(article.clone()));
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark("analysis", "analysis-start");
    }
    cache.update_value(|c| {
        c.insert(article.id.clone(), a.clone());
    });
    a
}

/// A notice after an earlier one (a load problem), both kept.
fn with_earlier(earlier: Option<String>, text: String) -> String {
    match earlier {
        Some(e) => format!("{text} {e}"),
        None => text,
    }
}

impl AppState {
    /// Creates the state from the library and the URL.
    pub fn new(items: Vec<Item>, url: UrlState, load_problem: Option<String>) -> AppState {
        let first_id = items.first().map(|a| a.article.id.clone()).unwrap_or_default();
        let mut notice = load_problem;
        let article_id = match &url.article {
            Some(id) if items.iter().any(|a| &a.article.id == id) => id.clone(),
            Some(id) if id.starts_with("local-") => {
                notice = Some(with_earlier(
                    notice.take(),
                    "This link points to an article that was opened in another browser; it is not in this browser's library, so the first article is shown."
                        .to_string(),
                ));
                first_id
            }
            Some(id) => {
                notice = Some(with_earlier(
                    notice.take(),
                    format!(
                        "The link names an article \u{201c}{id}\u{201d} that is not here; showing the first article instead."
                    ),
                ));
                first_id
            }
            None => first_id,
        };
        let library = RwSignal::new(items.into_iter().map(Shared::new).collect::<Vec<_>>());
        let article_id = RwSignal::new(article_id);
        let query = RwSignal::new(url.query);
        let selected = RwSignal::new(url.entities);
        let only_matching = RwSignal::new(url.only_matching);
        let cache = StoredValue::new(HashMap::new());

        let analysis = Memo::new(move |_| {
            let id = article_id.get();
            let item = library.with(|all| {
                all.iter()
                    .find(|a| a.article.id == id)
                    .or_else(|| all.first())
                    .cloned()
            });
            match item {
                Some(item) => analyse(cache, &item.article),
                None => Shared::new(Analysis::new(Article::parse("empty.txt", ""))),
            }
        });
        let all_analyses = Memo::new(move |_| {
            Shared::new(
                library.with(|all| all.iter().map(|i| analyse(cache, &i.article)).collect::<Vec<_>>()),
            )
        });
        let selected_indices = Memo::new(move |_| {
            let a = analysis.get();
            selected.with(|ids| ids.iter().filter_map(|id| a.entity_by_id(id)).collect::<Vec<_>>())
        });
        let view = Memo::new(move |_| {
            let a = analysis.get();
            let q = Query::parse(&query.get());
            Shared::new(a.view(&q, &selected_indices.get(), only_matching.get()))
        });

        let current = RwSignal::new(0);
        let current_match = StoredValue::new(Selector::new(move || current.get()));
        let network_open = RwSignal::new(url.network);
        let unit = RwSignal::new(url.unit);
        let top = RwSignal::new(url.top);
        let min_links = RwSignal::new(url.min_links);
        // Which entities each sentence (or paragraph) mentions: the costly
        // part on a long text, computed once per article and unit.
        let units = Memo::new(move |_| {
            if !network_open.get() {
                return Shared::new(Vec::new());
            }
            Shared::new(cooccurrence::units(&analysis.get(), unit.get()))
        });
        let network = Memo::new(move |_| {
            if !network_open.get() {
                return Shared::new(Drawn::default());
            }
            let a = analysis.get();
            let network = cooccurrence::network_of_units(&a, &units.get(), top.get(), min_links.get());
            let edges: Vec<(usize, usize, f64)> =
                network.edges.iter().map(|e| (e.a, e.b, e.count as f64)).collect();
            let points = layout::layout(network.nodes.len(), &edges, NETWORK_FRAME);
            Shared::new(Drawn { network, points })
        });
        AppState {
            library,
            article_id,
            query,
            scope: RwSignal::new(url.scope),
            selected,
            only_matching,
            hidden: RwSignal::new(url.hidden),
            sort: RwSignal::new(url.sort),
            entity_filter: RwSignal::new(String::new()),
            current,
            notice: RwSignal::new(notice),
            undo: RwSignal::new(None),
            job: RwSignal::new(None),
            cancel_job: RwSignal::new(false),
            search_input: NodeRef::new(),
            network_open,
            unit,
            top,
            min_links,
            card: RwSignal::new(None),
            card_hovered: RwSignal::new(false),
            jump_to: RwSignal::new(None),
            cache,
            analysis,
            all_analyses,
            selected_indices,
            view,
            current_match,
            network,
        }
    }

    /// What the URL should say now.
    pub fn url_state(&self) -> UrlState {
        let a = self.analysis.get();
        let first = self.library.with(|all| all.first().map(|a| a.article.id.clone()));
        let article = a.article.id.clone();
        UrlState {
            article: (Some(&article) != first.as_ref()).then_some(article),
            query: self.query.get(),
            entities: self
                .selected_indices
                .get()
                .iter()
                .filter_map(|&i| a.entities.entities.get(i).map(|e| e.id.clone()))
                .collect(),
            only_matching: self.only_matching.get(),
            hidden: self.hidden.get(),
            sort: self.sort.get(),
            scope: self.scope.get(),
            network: self.network_open.get(),
            unit: self.unit.get(),
            top: self.top.get(),
            min_links: self.min_links.get(),
        }
    }

    /// The analysis of any article of the library (cached).
    pub fn analysis_of(&self, article: &Article) -> Shared<Analysis> {
        analyse(self.cache, article)
    }

    /// Toggles an entity filter.
    pub fn toggle_entity(&self, id: &str) {
        self.selected.update(|ids| {
            if let Some(pos) = ids.iter().position(|x| x == id) {
                ids.remove(pos);
            } else {
                ids.push(id.to_string());
            }
        });
    }

    /// Moves the current match by `delta`, wrapping around.
    pub fn step_match(&self, delta: isize) {
        let n = self.view.with(|v| v.matches.len());
        if n == 0 {
            return;
        }
        self.current.update(|c| {
            let k = (*c as isize + delta).rem_euclid(n as isize);
            *c = k as usize;
        });
    }

    /// Switches to another article; entity filters belong to the old one.
    pub fn open_article(&self, id: String) {
        if self.article_id.get_untracked() != id {
            self.selected.set(Vec::new());
            self.current.set(0);
            self.card.set(None);
            self.jump_to.set(None);
            self.article_id.set(id);
        }
    }

    /// Adds an opened text to the library (kept in storage when the browser
    /// allows) and opens it. The same text opened twice is one article. A
    /// long text is analysed in the background first, with progress and a
    /// way to cancel.
    pub fn add_imported(&self, imported: Imported) {
        let id = content_id(&imported.body);
        if self
            .library
            .with_untracked(|all| all.iter().any(|i| i.article.id == id))
        {
            self.open_article(id);
            self.scope.set(Scope::Article);
            self.notice.set(Some(
                "This text is already in your library; it is open now.".to_string(),
            ));
            return;
        }
        if self.job.get_untracked().is_some() {
            self.notice.set(Some(
                "Another text is still being analysed; wait for it or cancel it first.".to_string(),
            ));
            return;
        }
        let notices = imported.notices.clone();
        let article = imported.into_article(&id);
        if article.body.len() < BACKGROUND_BYTES {
            let analysis = self.analysis_of(&article);
            self.add_analysed(analysis, notices);
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let title = article.meta.title.clone();
            state.cancel_job.set(false);
            state.job.set(Some(Job {
                title: title.clone(),
                progress: 0.0,
            }));
            let mut analyzer = Analyzer::new(article);
            loop {
                yield_to_browser().await;
                if state.cancel_job.get_untracked() {
                    state.job.set(None);
                    state.notice.set(Some(format!(
                        "Stopped analysing \u{201c}{title}\u{201d}; it was not added to your library."
                    )));
                    return;
                }
                let done = analyzer.step(STEP_PARAGRAPHS);
                let progress = analyzer.progress();
                state.job.update(|j| {
                    if let Some(j) = j {
                        j.progress = progress;
                    }
                });
                if done {
                    break;
                }
            }
            yield_to_browser().await;
            let analysis = Shared::new(analyzer.finish());
            state.job.set(None);
            state.cache.update_value(|c| {
                c.insert(analysis.article.id.clone(), analysis.clone());
            });
            state.add_analysed(analysis, notices);
        });
    }

    fn add_analysed(&self, analysis: Shared<Analysis>, notices: Vec<String>) {
        let id = analysis.article.id.clone();
        let entities = analysis.entities.entities.len();
        let mut item = Item {
            article: analysis.article.clone(),
            origin: Origin::Local {
                added_ms: js_sys::Date::now(),
                stored: false,
            },
            entity_count: Some(entities),
        };
        let mut messages = notices;
        match library::save(&item, entities) {
            Ok(()) => {
                if let Origin::Local { stored, .. } = &mut item.origin {
                    *stored = true;
                }
            }
            Err(e) => messages.push(e),
        }
        self.library.update(|all| all.push(Shared::new(item)));
        self.open_article(id);
        self.scope.set(Scope::Article);
        self.notice
            .set((!messages.is_empty()).then(|| messages.join(" ")));
    }

    /// Deletes one of the reader's articles (seeds are read-only); "Undo"
    /// puts it back.
    pub fn delete(&self, id: &str) {
        let Some(pos) = self
            .library
            .with_untracked(|all| all.iter().position(|i| i.article.id == id))
        else {
            return;
        };
        let Some(item) = self.library.with_untracked(|all| all.get(pos).cloned()) else {
            return;
        };
        if !item.is_local() {
            return;
        }
        let _ = library::remove(id);
        self.library.update(|all| {
            all.remove(pos);
        });
        self.cache.update_value(|c| {
            c.remove(id);
        });
        if self.article_id.get_untracked() == id {
            let first = self
                .library
                .with_untracked(|all| all.first().map(|i| i.article.id.clone()));
            self.open_article(first.unwrap_or_default());
        }
        self.undo.set(Some((item, pos)));
    }

    /// Puts the last deleted article back.
    pub fn undo_delete(&self) {
        let Some((item, pos)) = self.undo.get_untracked() else {
            return;
        };
        let entities = item.entity_count.unwrap_or(0);
        if let Err(e) = library::save(&item, entities) {
            self.notice.set(Some(e));
        }
        self.library.update(|all| {
            let pos = pos.min(all.len());
            all.insert(pos, item.clone());
        });
        self.undo.set(None);
    }

    /// Renames one of the reader's articles.
    pub fn rename(&self, id: &str, title: &str) {
        let title = library::clean_title(title);
        if title.is_empty() {
            return;
        }
        let mut renamed = None;
        self.library.update(|all| {
            if let Some(slot) = all.iter_mut().find(|i| i.article.id == id && i.is_local()) {
                let mut item = Item::clone(slot);
                item.article.meta.title = title.clone();
                *slot = Shared::new(item.clone());
                renamed = Some(item);
            }
        });
        if let Some(item) = renamed {
            self.cache.update_value(|c| {
                c.remove(id);
            });
            if let Err(e) = library::rename(&item) {
                self.notice.set(Some(e));
            }
        }
    }
}
