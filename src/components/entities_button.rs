use leptos::prelude::*;

use crate::components::SheetButton;
use crate::state::{Articles, Reading, Sheet};

/// The Entities button of a small screen: how many entities the article
/// has and which of them filter it ("Entities 42 · Joe Biden +1"); it opens
/// the entity panel as a sheet.
#[component]
pub fn EntitiesButton() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    // One text: "Entities 42", then the first filter and how many more.
    let text = move || {
        let selected = reading.selected_indices.get();
        articles.analysis.with(|a| {
            let total = a.entities.entities.len();
            let first = selected.first().and_then(|&i| a.entities.entities.get(i));
            match (first, selected.len()) {
                (Some(e), 1) => format!("Entities {total} · {}", e.name),
                (Some(e), n) => format!("Entities {total} · {} +{}", e.name, n - 1),
                (None, _) => format!("Entities {total}"),
            }
        })
    };
    view! {
        <SheetButton sheet=Sheet::Entities class="entities-button">
            {text}
        </SheetButton>
    }
}
