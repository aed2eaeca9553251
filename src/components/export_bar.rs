use article_analysis::export;
use leptos::prelude::*;

use crate::download::{copy_to_clipboard, download, file_stem};
use crate::state::{Articles, ImportJob, NetworkSettings, Notices, Reading, Status};
use crate::url_state::UrlState;
use crate::{messages, onefile};

/// Export buttons: the entity list as CSV or JSON, the visible passages as
/// Markdown, a link to this exact view, and the explorer of this article
/// as one HTML file that opens from disk on this view.
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
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        copied.set(copy_to_clipboard(&href));
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
        <div class="export-bar" role="group" aria-label="Export">
            <button type="button" class="small-button" aria-label="Export entities as CSV" on:click=csv>
                "Entities CSV"
            </button>
            <button type="button" class="small-button" aria-label="Export entities as JSON" on:click=json>
                "Entities JSON"
            </button>
            <button
                type="button"
                class="small-button"
                aria-label="Export passages as Markdown"
                on:click=markdown
            >
                "Passages Markdown"
            </button>
            <button type="button" class="small-button" on:click=copy>
                {move || if copied.get() { "Link copied" } else { "Copy link to this view" }}
            </button>
            <button type="button" class="small-button" on:click=save>
                "Save as one file"
            </button>
        </div>
    }
}
