use article_analysis::entities::EntityKind;
use leptos::prelude::*;

use crate::components::EntityGroup;
use crate::state::{Articles, Reading};
use crate::url_state::SortOrder;

/// The entity panel (a region named "Entities"): a box to filter the list,
/// the sort order, and one group per entity kind, which doubles as the
/// color legend.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let total = move || articles.analysis.with(|a| a.entities.entities.len());
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
                        prop:value=move || reading.entity_filter.get()
                        on:input=move |ev| reading.entity_filter.set(event_target_value(&ev))
                    />
                    <select
                        aria-label="Sort entities"
                        on:change=move |ev| {
                            reading
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
                        <option value="count" selected=move || reading.sort.get() == SortOrder::Count>
                            "Most mentioned"
                        </option>
                        <option value="name" selected=move || reading.sort.get() == SortOrder::Name>
                            "A to Z"
                        </option>
                    </select>
                </div>
                <Show when=move || reading.has_selection()>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| reading.select_only(Vec::new())
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
