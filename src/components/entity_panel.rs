use article_analysis::entities::EntityKind;
use leptos::prelude::*;

use crate::components::EntityGroup;
use crate::state::{Articles, Reading, Sheet, Sheets};
use crate::url_state::SortOrder;

/// The entity panel (a region named "Entities"): a box to filter the list,
/// the sort order, and one group per entity kind, which doubles as the
/// color legend. On a small screen it is a sheet (a modal dialog opened by
/// the Entities button) with a close button and, at its foot, a button that
/// shows the passages the chosen filters leave.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let sheets = expect_context::<Sheets>();
    let total = move || articles.analysis.with(|a| a.entities.entities.len());
    let groups = EntityKind::ALL
        .into_iter()
        .map(|kind| view! { <EntityGroup kind=kind /> })
        .collect_view();
    let done = move || {
        if !reading.has_selection() && !reading.only_matching() {
            return "Show the article".to_string();
        }
        let n = reading.view.with(|v| v.passages.len());
        format!("Show {n} passage{}", if n == 1 { "" } else { "s" })
    };
    view! {
        <section id=Sheet::Entities.id() class="entity-panel sheet" aria-label="Entities">
            <div class="panel-head">
                <h2>"Entities " <span class="count">{total}</span></h2>
                <button type="button" class="sheet-close" on:click=move |_| sheets.close()>
                    "Close"
                </button>
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
            <div class="panel-body">
                <Show when=move || total() == 0>
                    <p class="empty">"No entities found in this article."</p>
                </Show>
                {groups}
            </div>
            <div class="sheet-foot">
                <button type="button" class="sheet-done" on:click=move |_| sheets.close()>
                    {done}
                </button>
            </div>
        </section>
    }
}
