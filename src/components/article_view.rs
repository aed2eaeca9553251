use leptos::prelude::*;

use crate::components::Passage;
use crate::render_window::RenderWindow;
use crate::state::{AppState, Shared};

/// How close (pixels) the reader must scroll to an end of the rendered
/// passages for more to be added there.
const NEAR: f64 = 2500.0;

/// The article body (`role="article"`): the visible passages, in order.
///
/// Long articles are rendered through a window ([`RenderWindow`]): the
/// first passages at once, more as the reader scrolls near either end (or
/// presses "Show more" / "Show earlier passages"), and the window moves to
/// the current search match or a jump target without rendering everything
/// before it. Highlights and counts still cover the whole text.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let window = RwSignal::new(RenderWindow::default());
    // Position (into the visible passages) of the passage holding `offset`.
    let position_of = move |offset: usize| {
        let a = state.analysis.get_untracked();
        state.view.with_untracked(|v| {
            v.passages
                .partition_point(|&p| a.article.paragraphs.get(p).is_some_and(|x| x.span.end <= offset))
        })
    };
    // A new view starts from the top; the current match is always rendered.
    Effect::new(move |previous: Option<Shared<article_analysis::view::View>>| {
        let view = state.view.get();
        let current = state.current.get();
        let mut w = if previous.as_ref() == Some(&view) {
            window.get_untracked()
        } else {
            RenderWindow::default()
        };
        if let Some(m) = view.matches.get(current) {
            w = w.show(position_of(m.start));
        }
        if w != window.get_untracked() {
            window.set(w);
        }
        view
    });
    // A jump from the position map or a dispersion plot: render the passage
    // holding that place (or the next visible one), then scroll to it.
    Effect::new(move |_| {
        let Some(offset) = state.jump_to.get() else {
            return;
        };
        let pos = position_of(offset);
        let target = state
            .view
            .with_untracked(|v| v.passages.get(pos).or(v.passages.last()).copied());
        window.update(|w| *w = w.show(pos));
        if let Some(p) = target {
            request_animation_frame(move || crate::scroll::to_passage(p));
        }
        state.jump_to.set(None);
    });
    let len = move || state.view.with(|v| v.passages.len());
    let remaining = move || len().saturating_sub(window.get().range(len()).end);
    let earlier = move || window.get().range(len()).start;
    let grow = window_event_listener(leptos::ev::scroll, move |_| {
        let near = (|| {
            let w = web_sys::window()?;
            let doc = w.document()?;
            let article = doc.query_selector(".article-body").ok()??;
            let rect = article.get_bounding_client_rect();
            let height = w.inner_height().ok()?.as_f64()?;
            Some((rect.top() > -NEAR, rect.bottom() < height + NEAR))
        })();
        let Some((near_top, near_bottom)) = near else {
            return;
        };
        let n = len();
        let w = window.get_untracked();
        if near_bottom && w.range(n).end < n {
            window.set(w.grow_down(n));
        } else if near_top && w.start > 0 {
            window.set(w.grow_up());
        }
    });
    on_cleanup(move || grow.remove());
    // Keyed by article and paragraph, so switching articles rebuilds.
    let visible = move || {
        let id = state.article_id.get();
        let range = window.get().range(len());
        state.view.with(|v| {
            v.passages
                .get(range)
                .unwrap_or(&[])
                .iter()
                .map(|&p| (id.clone(), p))
                .collect::<Vec<_>>()
        })
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
            <Show when=move || { earlier() > 0 }>
                <button
                    type="button"
                    class="small-button show-more"
                    on:click=move |_| window.update(|w| *w = w.grow_up())
                >
                    {move || format!("Show earlier passages ({} before)", earlier())}
                </button>
            </Show>
            <For each=visible key=|k| k.clone() let:item>
                <Passage index=item.1 />
            </For>
            <Show when=move || { remaining() > 0 }>
                <button
                    type="button"
                    class="small-button show-more"
                    on:click=move |_| window.update(|w| *w = w.grow_down(len()))
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
