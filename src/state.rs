//! The app's state: a few signals near the root and the memos derived from
//! them, shared with every component by context (`expect_context::<AppState>()`).
//!
//! Signals hold only what the reader chose (article, query, selected
//! entities, toggles); everything shown is derived by memos from the
//! `article-analysis` library, never stored twice.

use std::ops::Deref;
use std::sync::Arc;

use article_analysis::entities::EntityKind;
use article_analysis::search::Query;
use article_analysis::view::View;
use article_analysis::{Analysis, Article};
use leptos::html;
use leptos::prelude::*;

use crate::url_state::{SortOrder, UrlState};

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

/// All the state of the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every article the app can show (the embedded seeds).
    pub articles: StoredValue<Vec<Article>>,
    /// The open article's id.
    pub article_id: RwSignal<String>,
    /// The search box's text.
    pub query: RwSignal<String>,
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
    /// A short message for the reader (e.g. a link named a missing article).
    pub notice: RwSignal<Option<String>>,
    /// The search input, focused by `/`.
    pub search_input: NodeRef<html::Input>,
    /// The open article, analysed.
    pub analysis: Memo<Shared<Analysis>>,
    /// Selected entities as indices into the analysis (unknown ids dropped).
    pub selected_indices: Memo<Vec<usize>>,
    /// What is shown: visible passages and highlighted matches.
    pub view: Memo<Shared<View>>,
}

impl AppState {
    /// Creates the state from the embedded articles and the URL.
    pub fn new(articles: Vec<Article>, url: UrlState) -> AppState {
        let first_id = articles.first().map(|a| a.id.clone()).unwrap_or_default();
        let mut notice = None;
        let article_id = match &url.article {
            Some(id) if articles.iter().any(|a| &a.id == id) => id.clone(),
            Some(id) => {
                notice = Some(format!(
                    "The link names an article \u{201c}{id}\u{201d} that is not here; showing the first article instead."
                ));
                first_id
            }
            None => first_id,
        };
        let articles = StoredValue::new(articles);
        let article_id = RwSignal::new(article_id);
        let query = RwSignal::new(url.query);
        let selected = RwSignal::new(url.entities);
        let only_matching = RwSignal::new(url.only_matching);

        let analysis = Memo::new(move |_| {
            let id = article_id.get();
            let article = articles.with_value(|all| {
                all.iter()
                    .find(|a| a.id == id)
                    .or_else(|| all.first())
                    .cloned()
                    .unwrap_or_else(|| Article::parse("empty.txt", ""))
            });
            Shared::new(Analysis::new(article))
        });
        let selected_indices = Memo::new(move |_| {
            let a = analysis.get();
            selected.with(|ids| ids.iter().filter_map(|id| a.entity_by_id(id)).collect::<Vec<_>>())
        });
        let parsed_query = Memo::new(move |_| query.get());
        let view = Memo::new(move |_| {
            let a = analysis.get();
            let q = Query::parse(&parsed_query.get());
            Shared::new(a.view(&q, &selected_indices.get(), only_matching.get()))
        });

        AppState {
            articles,
            article_id,
            query,
            selected,
            only_matching,
            hidden: RwSignal::new(url.hidden),
            sort: RwSignal::new(url.sort),
            entity_filter: RwSignal::new(String::new()),
            current: RwSignal::new(0),
            notice: RwSignal::new(notice),
            search_input: NodeRef::new(),
            analysis,
            selected_indices,
            view,
        }
    }

    /// What the URL should say now.
    pub fn url_state(&self) -> UrlState {
        let a = self.analysis.get();
        let first = self.articles.with_value(|all| all.first().map(|a| a.id.clone()));
        let article = self.article_id.get();
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
        }
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
            self.notice.set(None);
            self.article_id.set(id);
        }
    }
}
