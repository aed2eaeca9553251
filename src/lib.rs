//! Article Explorer: read, search and filter an article by the entities it
//! mentions, entirely in the browser.
//!
//! The app only renders and wires signals; all text work happens in the
//! `article-analysis` crate. See ARCHITECTURE.md for the data flow.

pub mod card;
pub mod components;
pub mod download;
pub mod library;
pub mod offline;
pub mod open;
pub mod panic;
pub mod render_window;
pub mod scroll;
pub mod seeds;
pub mod state;
pub mod url_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{
    AnalysisProgress, ArticleHeader, ArticleView, DispersionPlots, EntityCard, EntityPanel, ExportBar,
    FilterBar, LibraryPanel, LibraryResults, NetworkView, PositionMap, SearchBar,
};
use crate::state::AppState;
use crate::url_state::Scope;

/// The whole app: state at the root, shared by context.
#[component]
pub fn App() -> impl IntoView {
    let (mut items, seed_problem) = seeds::items();
    let (local, library_problem) = library::load();
    items.extend(local);
    let load_problem = match (seed_problem, library_problem) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    };
    let state = AppState::new(items, url_state::read_location(), load_problem);
    provide_context(state);

    // Files dropped anywhere on the page open as articles.
    let dragover = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                match open::read_file(file).await {
                    Ok(imported) => state.add_imported(imported),
                    Err(message) => state.notice.set(Some(message)),
                }
            });
        }
    });
    // Another tab changed the library: take its version (this tab's unsaved
    // articles stay).
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(library::INDEX_KEY) {
            return;
        }
        let (stored, problem) = library::load();
        state.library.update(|all| {
            let keep: Vec<_> = all
                .iter()
                .filter(|i| !i.is_local() || matches!(i.origin, library::Origin::Local { stored: false, .. }))
                .cloned()
                .collect();
            *all = keep;
            for item in stored {
                if !all.iter().any(|i| i.article.id == item.article.id) {
                    all.push(state::Shared::new(item));
                }
            }
        });
        if problem.is_some() {
            state.notice.set(problem);
        }
    });
    on_cleanup(move || {
        dragover.remove();
        drop.remove();
        storage.remove();
    });

    // Keep the URL in step with the view (replaceState: no history spam).
    Effect::new(move |_| url_state::write_location(&state.url_state()));

    // A new search or filter starts at the first match.
    Effect::new(move |_| {
        state.view.track();
        state.current.set(0);
    });

    // Bring the current match into view after the DOM has been updated.
    Effect::new(move |_| {
        let searching = state.view.with(|v| v.searching && !v.matches.is_empty());
        state.current.track();
        if searching {
            request_animation_frame(scroll::to_current_match);
        }
    });

    // "/" focuses the search box unless the reader is typing somewhere.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if !typing {
            if let Some(input) = state.search_input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());

    // The article is analysed and rendered: tell tests and tools.
    Effect::new(move |_| {
        state.analysis.track();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-ready", "true");
        }
    });

    view! {
        <div class="app">
            <header class="topbar">
                <span class="brand">"Article Explorer"</span>
                <SearchBar />
            </header>
            {move || {
                state
                    .notice
                    .get()
                    .map(|text| {
                        view! {
                            <div class="notice" role="note">
                                <span>{text}</span>
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| state.notice.set(None)
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            <div class="layout">
                <LibraryPanel />
                <main class="reading">
                    <AnalysisProgress />
                    <Show
                        when=move || state.scope.get() == Scope::Library
                        fallback=move || {
                            view! {
                                <ArticleHeader />
                                <ExportBar />
                                <NetworkView />
                                <FilterBar />
                                <DispersionPlots />
                                <div class="article-area">
                                    <ArticleView />
                                    <PositionMap />
                                </div>
                            }
                        }
                    >
                        <LibraryResults />
                    </Show>
                </main>
                <EntityPanel />
            </div>
            <EntityCard />
            <p class="visually-hidden announcer" aria-live="polite" aria-atomic="true">
                {move || announcement(&state)}
            </p>
            <footer class="credits">
                "Entities are found by the program and may be wrong. Place and name lists: GeoNames (CC BY 4.0), US Census 1990 names (public domain), i18n-nationality and cleanco (MIT). Everything runs in your browser; nothing is sent anywhere."
            </footer>
        </div>
    }
}

/// What a screen reader hears when the entity filters change.
fn announcement(state: &AppState) -> String {
    let a = state.analysis.get();
    let selected = state.selected_indices.get();
    if selected.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = selected
        .iter()
        .filter_map(|&i| a.entities.entities.get(i).map(|e| e.name.as_str()))
        .collect();
    let shown = state.view.with(|v| v.passages.len());
    format!(
        "Filtered by {}: {} of {} passages shown.",
        names.join(" and "),
        shown,
        a.article.paragraphs.len()
    )
}
