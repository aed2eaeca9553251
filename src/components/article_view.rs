use leptos::prelude::*;

use crate::components::Passage;
use crate::state::AppState;

/// The article body (`role="article"`): the visible passages, in order.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Keyed by article and paragraph, so switching articles rebuilds.
    let visible = move || {
        let id = state.article_id.get();
        state
            .view
            .get()
            .passages
            .iter()
            .map(|&p| (id.clone(), p))
            .collect::<Vec<_>>()
    };
    let empty = move || state.view.with(|v| v.passages.is_empty());
    view! {
        <article class="article-body" role="article" aria-label="Article text">
            <For each=visible key=|k| k.clone() let:item>
                <Passage index=item.1 />
            </For>
            <Show when=empty>
                <p class="empty">
                    {move || {
                        if state.analysis.with(|a| a.article.paragraphs.is_empty()) {
                            "This article has no text."
                        } else {
                            "No passage matches. Remove a filter or change the search."
                        }
                    }}
                </p>
            </Show>
        </article>
    }
}
