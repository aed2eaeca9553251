//! Article Explorer: read, search and filter an article by the entities it
//! mentions, entirely in the browser.
//!
//! The app renders and wires signals; the text work happens in the
//! `article-analysis` crate: published articles arrive analysed by the site
//! build (`site/`), a reader's own texts are analysed by the worker
//! (`analyzer/`). See ARCHITECTURE.md for the map.

pub mod analyser;
pub mod boot;
pub mod components;
pub mod download;
pub mod fetch;
pub mod json;
pub mod messages;
pub mod offline;
pub mod onefile;
pub mod open;
pub mod pan_zoom;
pub mod panic;
pub mod pointer;
pub mod record_reader;
pub mod render_window;
pub mod scroll;
pub mod selection;
pub mod state;
pub mod storage;
pub mod tabs;
pub mod units;
pub mod url_state;

use leptos::prelude::*;

use crate::components::{
    AnalysisProgress, ArticleHeader, ArticleView, ConcordancePanel, CorrectionsPanel, DispersionPlots,
    EntitiesButton, EntityCard, EntityPanel, ExportBar, FilterBar, LibraryPanel, LibraryResults, NetworkView,
    NotesPanel, PositionMap, QuotesPanel, SearchBar, SelectionToolbar, SheetButton, TimelinePanel,
};
use crate::state::{
    Archive, Articles, CardState, Corrections, ImportJob, NetworkSettings, Notes, Notices, Reading, Sheet,
    Sheets,
};
use crate::url_state::{Scope, UrlState};

/// The whole app: one small context per concern (see [`state`]).
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new(None);
    let mut boot = match boot::take() {
        Ok(b) => b,
        Err(e) => {
            notices.add(messages::boot_damaged(&e));
            Default::default()
        }
    };
    // A saved file opens on the view it was saved with.
    let url = url_state::read_location(boot.view.as_deref());
    if let Some(n) = boot.notice.take() {
        notices.add(n);
    }
    let corrections = Corrections::new(url.safe, notices);
    let archive = Archive::new();
    let articles = Articles::new(&mut boot, &url, notices, archive, corrections.book);
    let notes = Notes::new(articles, notices, url.safe);
    let reading = Reading::new(&url, articles.analysis);
    let network = NetworkSettings::new(&url, articles.analysis);
    let card = CardState::default();
    let sheets = Sheets::install();
    let import = ImportJob::new(boot.analyser.clone(), articles, reading, card, notices);
    provide_context(archive);
    provide_context(articles);
    provide_context(reading);
    provide_context(network);
    provide_context(card);
    provide_context(notices);
    provide_context(import);
    provide_context(notes);
    provide_context(corrections);
    corrections.load();
    provide_context(sheets);

    // The reader's kept articles, then a library from an earlier version
    // (not with `safe=1`, the way out when a saved article breaks the page).
    if url.safe {
        notices.add(messages::SAFE_MODE);
    } else {
        articles.list_kept(move || {
            import.migrate_legacy();
            import.resume_unfinished();
        });
        tabs::listen(move || articles.list_kept(|| {}));
    }

    // Files dropped anywhere on the page open as articles.
    let dragover = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            open::open_file(import, notices, file);
        }
    });
    on_cleanup(move || {
        dragover.remove();
        drop.remove();
    });

    // The URL mirrors the view (replaceState: no history spam); each
    // context writes its own keys.
    Effect::new(move |_| {
        let mut u = UrlState::default();
        articles.to_url(&mut u);
        reading.to_url(&mut u);
        network.to_url(&mut u);
        url_state::write_location(&u);
    });

    // The first article is shown: tell tests and tools.
    Effect::new(move |_| {
        if articles.status.get() == state::Status::Ready {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-ready", "true");
            }
        }
    });

    let notice = move || {
        notices.text().map(|text| {
            view! {
                <div class="notice" role="note">
                    <span>{text}</span>
                    <button type="button" class="link-button" on:click=move |_| notices.dismiss()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="app">
            <header class="topbar">
                <span class="brand">"Article Explorer"</span>
                // The menu button of a small screen: the library as a sheet.
                <SheetButton sheet=Sheet::Library class="library-button">
                    <span class="long-label">"Library"</span>
                </SheetButton>
                <SearchBar />
                <EntitiesButton />
            </header>
            {notice}
            <div class="layout">
                <LibraryPanel />
                <main class="reading">
                    <AnalysisProgress />
                    <Show
                        when=move || reading.scope.get() == Scope::Library
                        fallback=move || {
                            let tools = move || {
                                // On a small screen the text comes right after its
                                // title; the tools follow it.
                                view! {
                                    <ExportBar />
                                    <NetworkView />
                                    <QuotesPanel />
                                    <TimelinePanel />
                                    <ConcordancePanel />
                                    <NotesPanel />
                                    <CorrectionsPanel />
                                }
                            };
                            view! {
                                <ArticleHeader />
                                <Show when=move || !sheets.small()>{tools}</Show>
                                <FilterBar />
                                <DispersionPlots />
                                <div class="article-area">
                                    <ArticleView />
                                    <SelectionToolbar />
                                    <PositionMap />
                                </div>
                                <Show when=move || sheets.small()>{tools}</Show>
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
                {move || announcement(articles, reading)}
            </p>
            <footer class="credits">
                "Entities are found by the program and may be wrong. Place and name lists: GeoNames (CC BY 4.0), US Census 1990 names (public domain), i18n-nationality and cleanco (MIT). Everything runs in your browser; nothing is sent anywhere."
            </footer>
        </div>
    }
}

/// What a screen reader hears when the entity filters change.
fn announcement(articles: Articles, reading: Reading) -> String {
    let a = articles.analysis.get();
    let selected = reading.selected_indices.get();
    if selected.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = selected
        .iter()
        .filter_map(|&i| a.entities.entities.get(i).map(|e| e.name.as_str()))
        .collect();
    let shown = reading.view.with(|v| v.passages.len());
    format!(
        "Filtered by {}: {} of {} passages shown.",
        names.join(" and "),
        shown,
        a.article.paragraphs.len()
    )
}
