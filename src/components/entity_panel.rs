use article_analysis::entities::EntityKind;
use leptos::prelude::*;

use crate::components::EntityGroup;
use crate::state::AppState;
use crate::url_state::SortOrder;

/// The entity panel (a region named "Entities"): a box to filter the list,
/// the sort order, and one group per entity kind, which doubles as the
/// color legend.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let total = move || state.analysis.with(|a| a.entities.entities.len());
    let groups = EntityKind::ALL
        .into_iter()
        .map(|kind| view! { <EntityGroup kind=kind /> })
        .collect_view();
    view! {
        <section class="entity-panel" aria-label="Entities">
            <div class="panel-head">
                <h2>"Entities " <span class="count">{total}</span></h2>
                <div class="panel-controls">
                    <input
                        type="search"
                        class="entity-filter"
                        aria-label="Filter entities"
                        placeholder="Filter entities"
                        prop:value=move || state.entity_filter.get()
                        on:input=move |ev| state.entity_filter.set(event_target_value(&ev))
                    />
                    <select
                        aria-label="Sort entities"
                        on:change=move |ev| {
                            state
                                .sort
                                .set(
                                    if event_target_value(&ev) == "name" {
                                        SortOrder::Name
                                    } else {
                                        SortOrder::Count
                                    },
                                )
                        }
                    >
                        <option value="count" selected=move || state.sort.get() == SortOrder::Count>
                            "Most mentioned"
                        </option>
                        <option value="name" selected=move || state.sort.get() == SortOrder::Name>
                            "A to Z"
                        </option>
                    </select>
                </div>
                <Show when=move || !state.selected.with(Vec::is_empty)>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| state.selected.set(Vec::new())
                    >
                        "Clear entity filters"
                    </button>
                </Show>
            </div>
            <Show when=move || total() == 0>
                <p class="empty">"No entities found in this article."</p>
            </Show>
            {groups}
        </section>
    }
}
