use article_analysis::export;
use leptos::prelude::*;

use crate::download::{copy_to_clipboard, download, file_stem};
use crate::state::{Articles, ImportJob, NetworkSettings, Notices, Reading, Status};
use crate::url_state::UrlState;
use crate::{messages, onefile};

/// Export buttons: the entity list as CSV or JSON, the visible passages as
/// Markdown, a link to this exact view (shared through the system's share
/// sheet where the browser has one, copied to the clipboard otherwise), and
/// the explorer of this article as one HTML file that opens from disk on
/// this view. Each button's name is its visible text (WCAG 2.5.3).
#[component]
pub fn ExportBar() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let network = expect_context::<NetworkSettings>();
    let import = expect_context::<ImportJob>();
    let notices = expect_context::<Notices>();
    let report = move |r: Result<(), String>| {
        if let Err(e) = r {
            notices.say(e);
        }
    };
    let csv = move |_| {
        let a = articles.analysis.get_untracked();
        let name = format!("{}-entities.csv", file_stem(&a.article.meta.title));
        report(download(
            &name,
            "text/csv;charset=utf-8",
            &export::entities_csv(&a),
        ));
    };
    let json = move |_| {
        let a = articles.analysis.get_untracked();
        let name = format!("{}-entities.json", file_stem(&a.article.meta.title));
        report(download(&name, "application/json", &export::entities_json(&a)));
    };
    let markdown = move |_| {
        let a = articles.analysis.get_untracked();
        let v = reading.view.get_untracked();
        let mut filters: Vec<String> = Vec::new();
        let q = reading.query();
        if !q.trim().is_empty() {
            filters.push(format!("search \u{201c}{}\u{201d}", q.trim()));
        }
        for i in reading.selected_indices.get_untracked() {
            if let Some(e) = a.entities.entities.get(i) {
                filters.push(e.name.clone());
            }
        }
        let name = format!("{}-passages.md", file_stem(&a.article.meta.title));
        let md = export::passages_markdown(&a, &v, &filters.join(" · "));
        report(download(&name, "text/markdown;charset=utf-8", &md));
    };
    // Phones share the link through the system's share sheet; elsewhere
    // it goes to the clipboard.
    let can_share = crate::download::can_share();
    let done = RwSignal::new(false);
    let share = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        if can_share {
            let title = articles.analysis.with_untracked(|a| a.article.meta.title.clone());
            crate::download::share_link(&title, &href, move || {
                notices.say("The link to this view was copied to the clipboard.")
            });
        } else {
            done.set(copy_to_clipboard(&href));
        }
    };
    let share_text = move || match (can_share, done.get()) {
        (true, _) => "Share this view",
        (false, true) => "Link copied",
        (false, false) => "Copy link to this view",
    };
    let saving = RwSignal::new(false);
    let save = move |_| {
        if articles.status.get_untracked() != Status::Ready || saving.get_untracked() {
            return;
        }
        let id = articles.open_id.get_untracked();
        let finding = articles.item(&id).is_some_and(|i| i.entities.is_none());
        if finding && import.progress.with_untracked(Option::is_some) {
            notices.say(messages::SAVE_WHEN_ANALYSED);
            return;
        }
        let a = articles.analysis.get_untracked();
        let mut view = UrlState::default();
        untrack(|| {
            reading.to_url(&mut view);
            network.to_url(&mut view);
        });
        saving.set(true);
        leptos::task::spawn_local(async move {
            notices.say(onefile::save(&a, &view).await);
            saving.set(false);
        });
    };
    view! {
        <div class="export-bar" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">
                "Export"
            </span>
            <button type="button" class="small-button" on:click=csv>
                "Entities as CSV"
            </button>
            <button type="button" class="small-button" on:click=json>
                "Entities as JSON"
            </button>
            <button type="button" class="small-button" on:click=markdown>
                "Passages as Markdown"
            </button>
            <button type="button" class="small-button share-button" on:click=share>
                {share_text}
            </button>
            <button type="button" class="small-button" on:click=save>
                "Save as one file"
            </button>
        </div>
    }
}
