//! What the reader does with the open article: the query and its scope,
//! the selected entities, "only matching passages", hidden kinds, the
//! entity panel's order and filter, the current match, and which passages
//! are rendered. The setters do the resetting: a new query or filter starts
//! at its first match with the window over it.

use article_analysis::entities::EntityKind;
use article_analysis::quotes::paragraphs_quoting;
use article_analysis::search::Query;
use article_analysis::view::{quoted_spans, View};
use article_analysis::Analysis;
use leptos::html;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use super::Shared;
use crate::render_window::RenderWindow;
use crate::url_state::{KwicOrder, Scope, Section, SortOrder, UrlState};

/// The speaker "id" of the quotes attributed to nobody known.
pub const UNATTRIBUTED: &str = "unattributed";

/// The window the reader moved by scrolling or jumping, for one view and
/// one current match; when either changes, the window follows the match.
#[derive(Debug, Clone, PartialEq)]
struct Moved {
    view: Shared<View>,
    current: usize,
    window: RenderWindow,
}

/// The reading context.
#[derive(Clone, Copy)]
pub struct Reading {
    query: RwSignal<String>,
    /// Search the open article or every article.
    pub scope: RwSignal<Scope>,
    selected: RwSignal<Vec<String>>,
    only_matching: RwSignal<bool>,
    /// Entity kinds hidden from the panel and the text.
    pub hidden: RwSignal<Vec<EntityKind>>,
    /// Entity panel order.
    pub sort: RwSignal<SortOrder>,
    /// The entity panel's own filter box.
    pub entity_filter: RwSignal<String>,
    current: RwSignal<usize>,
    moved: RwSignal<Option<Moved>>,
    /// An entity to select once its article is shown: (article id, kind,
    /// canonical name), as a link from across the archive names it.
    pending: RwSignal<Option<(String, EntityKind, String)>>,
    speaker: RwSignal<Option<String>>,
    /// The sections open (quotes, timeline, concordance).
    pub sections: RwSignal<Vec<Section>>,
    /// The concordance's order.
    pub kwic: RwSignal<KwicOrder>,
    /// The open article's quotations as spans to mark (sorted, joined).
    pub quoted: Memo<Shared<Vec<article_analysis::segment::Span>>>,
    /// Selected entities as indices into the open article's entities
    /// (ids it does not have are left out).
    pub selected_indices: Memo<Vec<usize>>,
    /// What is shown: visible passages and highlighted matches.
    pub view: Memo<Shared<View>>,
    /// Which positions of `view.passages` are rendered.
    pub window: Memo<RenderWindow>,
    /// Which match is current, as a selector: a change notifies only the
    /// two marks concerned, not every mark.
    pub current_match: StoredValue<Selector<usize>>,
    /// The article text element (for scrolling to a passage or a match).
    pub body: NodeRef<html::Article>,
    analysis: Memo<Shared<Analysis>>,
}

/// Position (into the visible passages) of the passage holding `offset`,
/// or of the next visible one.
fn position_of(a: &Analysis, view: &View, offset: usize) -> usize {
    view.passages
        .partition_point(|&p| a.article.paragraphs.get(p).is_some_and(|x| x.span.end <= offset))
}

impl Reading {
    /// The reading state from the URL, over `analysis`.
    pub fn new(url: &UrlState, analysis: Memo<Shared<Analysis>>) -> Reading {
        let query = RwSignal::new(url.query.clone());
        let selected = RwSignal::new(url.entities.clone());
        let only_matching = RwSignal::new(url.only_matching);
        let current = RwSignal::new(0);
        let moved = RwSignal::new(None::<Moved>);
        let selected_indices = Memo::new(move |_| {
            let a = analysis.get();
            selected.with(|ids| ids.iter().filter_map(|id| a.entity_by_id(id)).collect::<Vec<_>>())
        });
        let speaker = RwSignal::new(url.speaker.clone());
        let view = Memo::new(move |_| {
            let a = analysis.get();
            let q = Query::parse(&query.get());
            let v = a.view(&q, &selected_indices.get(), only_matching.get());
            // Only the passages quoting the chosen speaker, if one is.
            let v = match speaker.get() {
                Some(id) => {
                    let who = (id != UNATTRIBUTED).then(|| a.entity_by_id(&id));
                    match who {
                        // A speaker this article does not have: no filter.
                        Some(None) => v,
                        Some(Some(e)) => v.restricted_to(&a, &paragraphs_quoting(&a.quotes, Some(e))),
                        None => v.restricted_to(&a, &paragraphs_quoting(&a.quotes, None)),
                    }
                }
                None => v,
            };
            Shared::new(v)
        });
        let quoted = Memo::new(move |_| Shared::new(quoted_spans(&analysis.get().quotes)));
        let window = Memo::new(move |_| {
            let v = view.get();
            let c = current.get();
            match moved.get() {
                Some(m) if m.view == v && m.current == c => m.window,
                _ => {
                    let w = analysis.with(|a| {
                        RenderWindow::for_text(
                            a.article.body.len(),
                            a.article.paragraphs.len(),
                            a.entities.mentions.len(),
                        )
                    });
                    match v.matches.get(c) {
                        Some(m) => w.show(analysis.with(|a| position_of(a, &v, m.start))),
                        None => w,
                    }
                }
            }
        });
        let pending = RwSignal::new(None::<(String, EntityKind, String)>);
        Effect::new(move |_| {
            let a = analysis.get();
            let Some((id, kind, name)) = pending.get() else {
                return;
            };
            if a.article.id != id {
                return;
            }
            if let Some(e) = a
                .entities
                .entities
                .iter()
                .find(|e| e.kind == kind && e.name == name)
            {
                selected.set(vec![e.id.clone()]);
                current.set(0);
            }
            pending.set(None);
        });
        Reading {
            query,
            scope: RwSignal::new(url.scope),
            selected,
            only_matching,
            hidden: RwSignal::new(url.hidden.clone()),
            sort: RwSignal::new(url.sort),
            entity_filter: RwSignal::new(String::new()),
            current,
            moved,
            pending,
            speaker,
            sections: RwSignal::new(url.sections.clone()),
            kwic: RwSignal::new(url.kwic),
            quoted,
            selected_indices,
            view,
            window,
            current_match: StoredValue::new(Selector::new(move || current.get())),
            body: NodeRef::new(),
            analysis,
        }
    }

    /// The search box's text.
    pub fn query(&self) -> String {
        self.query.get()
    }

    /// Searches for `q`, starting at its first match.
    pub fn set_query(&self, q: String) {
        self.query.set(q);
        self.current.set(0);
    }

    /// Whether only matching passages are shown.
    pub fn only_matching(&self) -> bool {
        self.only_matching.get()
    }

    /// Shows only matching passages, or all.
    pub fn set_only_matching(&self, on: bool) {
        self.only_matching.set(on);
        self.current.set(0);
    }

    /// Whether any entity is selected.
    pub fn has_selection(&self) -> bool {
        self.selected.with(|s| !s.is_empty())
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
        self.current.set(0);
    }

    /// Filters by exactly these entities.
    pub fn select_only(&self, ids: Vec<String>) {
        self.selected.set(ids);
        self.current.set(0);
    }

    /// Filters by the entity of this kind and name once `article` is shown
    /// (its analysis may still be on its way).
    pub fn select_named(&self, article: String, kind: EntityKind, name: String) {
        self.pending.set(Some((article, kind, name)));
    }

    /// Removes every entity filter and "only matching".
    pub fn clear_filters(&self) {
        self.speaker.set(None);
        self.selected.set(Vec::new());
        self.only_matching.set(false);
        self.current.set(0);
    }

    /// The speaker whose quotes alone are shown (entity id, or
    /// [`UNATTRIBUTED`]), if any.
    pub fn speaker(&self) -> Option<String> {
        self.speaker.get()
    }

    /// Shows only the passages quoting `speaker` (or all again with `None`).
    pub fn set_speaker(&self, speaker: Option<String>) {
        self.speaker.set(speaker);
        self.current.set(0);
    }

    /// Opens or closes a section.
    pub fn toggle_section(&self, section: Section) {
        self.sections
            .update(|s| match s.iter().position(|x| *x == section) {
                Some(i) => {
                    s.remove(i);
                }
                None => s.push(section),
            });
    }

    /// Another article is opened: its entities are others.
    pub fn clear_for_new_article(&self) {
        self.speaker.set(None);
        self.selected.set(Vec::new());
        self.current.set(0);
        self.moved.set(None);
    }

    /// Shows the article (not the library results).
    pub fn show_article(&self) {
        self.scope.set(Scope::Article);
    }

    /// The current match (clamped to the matches there are), tracked.
    pub fn current(&self) -> usize {
        self.current.get()
    }

    /// Makes match `k` current.
    pub fn go_to_match(&self, k: usize) {
        self.current.set(k);
    }

    /// Moves the current match by `delta`, wrapping around.
    pub fn step_match(&self, delta: isize) {
        let n = self.view.with_untracked(|v| v.matches.len());
        if n == 0 {
            return;
        }
        self.current.update(|c| {
            let k = (*c as isize + delta).rem_euclid(n as isize);
            *c = k as usize;
        });
    }

    fn move_window(&self, window: RenderWindow) {
        self.moved.set(Some(Moved {
            view: self.view.get_untracked(),
            current: self.current.get_untracked(),
            window,
        }));
    }

    /// More passages after the rendered ones.
    pub fn grow_down(&self) {
        let len = self.view.with_untracked(|v| v.passages.len());
        self.move_window(self.window.get_untracked().grow_down(len));
    }

    /// More passages before the rendered ones.
    pub fn grow_up(&self) {
        self.move_window(self.window.get_untracked().grow_up());
    }

    /// Goes to a place in the text (byte offset): renders the passage
    /// holding it (or the next visible one), scrolls there and moves the
    /// keyboard focus to it.
    pub fn jump(&self, offset: usize) {
        let a = self.analysis.get_untracked();
        let v = self.view.get_untracked();
        let pos = position_of(&a, &v, offset);
        let target = v.passages.get(pos).or(v.passages.last()).copied();
        self.move_window(self.window.get_untracked().show(pos));
        if let Some(p) = target {
            let body = self.body;
            request_animation_frame(move || {
                if let Some(el) = body.get_untracked() {
                    crate::scroll::to_passage(&el, p);
                }
            });
        }
    }

    /// Writes its part of the URL.
    pub fn to_url(&self, url: &mut UrlState) {
        url.query = self.query.get();
        url.entities = self.selected.get();
        url.only_matching = self.only_matching.get();
        url.hidden = self.hidden.get();
        url.sort = self.sort.get();
        url.scope = self.scope.get();
        url.speaker = self.speaker.get();
        url.sections = self.sections.get();
        url.kwic = self.kwic.get();
    }
}
