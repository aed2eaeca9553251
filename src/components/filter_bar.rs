use leptos::prelude::*;

use crate::state::AppState;

/// The active entity filters as removable chips, how many passages are
/// shown, and one control to clear every filter.
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chips = move || {
        let a = state.analysis.get();
        state
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
                        on:click=move |_| state.toggle_entity(&id)
                    >
                        <span class="swatch" aria-hidden="true"></span>
                        {e.name.clone()}
                        <span aria-hidden="true">" ×"</span>
                    </button>
                }
            })
            .collect_view()
    };
    let filtering = move || !state.selected_indices.with(Vec::is_empty) || state.only_matching.get();
    let summary = move || {
        let total = state.analysis.with(|a| a.article.paragraphs.len());
        let shown = state.view.with(|v| v.passages.len());
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
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        state.selected.set(Vec::new());
                        state.only_matching.set(false);
                    }
                >
                    "Clear filters"
                </button>
            </div>
        </Show>
    }
}
