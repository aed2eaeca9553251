use leptos::prelude::*;

use crate::components::Passage;
use crate::state::AppState;

/// Passages rendered at first, and added each time the reader nears the end.
const CHUNK: usize = 150;
/// Passages kept rendered after the one holding the current match.
const AHEAD: usize = 20;

/// The article body (`role="article"`): the visible passages, in order.
///
/// Long articles are rendered incrementally: the first passages at once,
/// more as the reader scrolls near the end (or presses "Show more"), and
/// always enough to include the current search match. Highlights and counts
/// still cover the whole text.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rendered = RwSignal::new(CHUNK);
    // A new view starts from the top again.
    Effect::new(move |_| {
        state.view.track();
        rendered.set(CHUNK);
    });
    // Passages needed so that the current match is in the DOM.
    let needed = Memo::new(move |_| {
        let v = state.view.get();
        let Some(m) = v.matches.get(state.current.get()) else {
            return 0;
        };
        let a = state.analysis.get();
        let pos = v
            .passages
            .partition_point(|&p| a.article.paragraphs.get(p).is_some_and(|x| x.span.end <= m.start));
        pos + AHEAD
    });
    let limit = move || rendered.get().max(needed.get());
    // A jump from the position map or a dispersion plot: render up to the
    // passage holding that place (or the next visible one), then scroll to it.
    Effect::new(move |_| {
        let Some(offset) = state.jump_to.get() else {
            return;
        };
        let a = state.analysis.get_untracked();
        let (pos, target) = state.view.with_untracked(|v| {
            let pos = v
                .passages
                .partition_point(|&p| a.article.paragraphs.get(p).is_some_and(|x| x.span.end <= offset));
            let target = v.passages.get(pos).or(v.passages.last()).copied();
            (pos, target)
        });
        rendered.update(|r| *r = (*r).max(pos + AHEAD));
        if let Some(p) = target {
            request_animation_frame(move || crate::scroll::to_passage(p));
        }
        state.jump_to.set(None);
    });
    let remaining = move || state.view.with(|v| v.passages.len().saturating_sub(limit()));
    let more = window_event_listener(leptos::ev::scroll, move |_| {
        if remaining() == 0 {
            return;
        }
        let near_end = (|| {
            let w = web_sys::window()?;
            let body = w.document()?.body()?;
            let bottom = w.scroll_y().ok()? + w.inner_height().ok()?.as_f64()?;
            Some(bottom + 2500.0 >= f64::from(body.scroll_height()))
        })();
        if near_end == Some(true) {
            rendered.update(|r| *r = (*r).max(limit()) + CHUNK);
        }
    });
    on_cleanup(move || more.remove());
    // Keyed by article and paragraph, so switching articles rebuilds.
    let visible = move || {
        let id = state.article_id.get();
        let n = limit();
        state
            .view
            .get()
            .passages
            .iter()
            .take(n)
            .map(|&p| (id.clone(), p))
            .collect::<Vec<_>>()
    };
    let empty = move || state.view.with(|v| v.passages.is_empty());
    view! {
        <article
            class="article-body"
            role="article"
            aria-label="Article text"
            on:mouseover=move |ev| crate::card::show_for_event(&state, &ev)
            on:mouseout=move |_| {
                if state.card.with_untracked(Option::is_some) {
                    crate::card::hide_soon(&state);
                }
            }
        >
            <For each=visible key=|k| k.clone() let:item>
                <Passage index=item.1 />
            </For>
            <Show when=move || { remaining() > 0 }>
                <button
                    type="button"
                    class="small-button show-more"
                    on:click=move |_| rendered.update(|r| *r = (*r).max(limit()) + CHUNK)
                >
                    {move || format!("Show more ({} passages left)", remaining())}
                </button>
            </Show>
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
