use leptos::prelude::*;

use crate::state::{Articles, Reading};

/// The active entity filters as removable chips, how many passages are
/// shown, and one control to clear every filter.
#[component]
pub fn FilterBar() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let chips = move || {
        let a = articles.analysis.get();
        reading
            .selected_indices
            .get()
            .into_iter()
            .filter_map(|i| a.entities.entities.get(i))
            .map(|e| {
                let id = e.id.clone();
                view! {
                    <button
                        type="button"
                        class="chip"
                        data-entity-type=e.kind.as_str()
                        title="Remove this filter"
                        on:click=move |_| reading.toggle_entity(&id)
                    >
                        <span class="swatch" aria-hidden="true"></span>
                        {e.name.clone()}
                        <span aria-hidden="true">" ×"</span>
                    </button>
                }
            })
            .collect_view()
    };
    // Only the passages quoting one speaker.
    let speaker_chip = move || {
        let id = reading.speaker()?;
        let name = articles
            .analysis
            .with(|a| {
                a.entity_by_id(&id)
                    .and_then(|i| a.entities.entities.get(i))
                    .map(|e| e.name.clone())
            })
            .unwrap_or_else(|| "nobody known".to_string());
        Some(view! {
            <button
                type="button"
                class="chip"
                title="Remove this filter"
                on:click=move |_| reading.set_speaker(None)
            >
                {format!("Quotes by {name}")}
                <span aria-hidden="true">" ×"</span>
            </button>
        })
    };
    let filtering = move || {
        !reading.selected_indices.with(Vec::is_empty)
            || reading.only_matching()
            || reading.speaker().is_some()
    };
    let summary = move || {
        let total = articles.analysis.with(|a| a.article.paragraphs.len());
        let shown = reading.view.with(|v| v.passages.len());
        if shown == 0 {
            "No passage matches all of these filters.".to_string()
        } else {
            format!("Showing {shown} of {total} passages")
        }
    };
    view! {
        <Show when=filtering>
            <div class="filter-bar" aria-label="Active filters">
                <span class="filter-summary">{summary}</span>
                {chips}
                {speaker_chip}
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        reading.clear_filters();
                    }
                >
                    "Clear filters"
                </button>
            </div>
        </Show>
    }
}
