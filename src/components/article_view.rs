use leptos::prelude::*;

use crate::components::Passage;
use crate::state::{Articles, CardState, Reading, Status};

/// How close (pixels) the reader must scroll to an end of the rendered
/// passages for more to be added there.
const NEAR: f64 = 2500.0;

/// The article body (`role="article"`): the visible passages, in order.
///
/// Long articles are rendered through a window (`Reading::window`): the
/// first passages at once, more as the reader scrolls near either end (or
/// presses "Show more" / "Show earlier passages"), and the window moves to
/// the current search match or a jump target without rendering everything
/// before it. Highlights and counts still cover the whole text.
#[component]
pub fn ArticleView() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let body = reading.body;
    // Bring the current match into view once the DOM has it.
    Effect::new(move |_| {
        let searching = reading.view.with(|v| v.searching && !v.matches.is_empty());
        reading.current();
        if searching {
            request_animation_frame(move || {
                if let Some(el) = body.get_untracked() {
                    crate::scroll::to_current_match(&el);
                }
            });
        }
    });
    let len = move || reading.view.with(|v| v.passages.len());
    let remaining = move || len().saturating_sub(reading.window.get().range(len()).end);
    let earlier = move || reading.window.get().range(len()).start;
    let grow = window_event_listener(leptos::ev::scroll, move |_| {
        let near = (|| {
            let el = body.get_untracked()?;
            let rect = el.get_bounding_client_rect();
            let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
            Some((rect.top() > -NEAR, rect.bottom() < height + NEAR))
        })();
        let Some((near_top, near_bottom)) = near else {
            return;
        };
        let n = reading.view.with_untracked(|v| v.passages.len());
        let w = reading.window.get_untracked();
        if near_bottom && w.range(n).end < n {
            reading.grow_down();
        } else if near_top && w.start > 0 {
            reading.grow_up();
        }
    });
    on_cleanup(move || grow.remove());
    // Keyed by article and paragraph, so switching articles rebuilds.
    let visible = move || {
        let id = articles.analysis.with(|a| a.article.id.clone());
        let range = reading.window.get().range(len());
        reading.view.with(|v| {
            v.passages
                .get(range)
                .unwrap_or(&[])
                .iter()
                .map(|&p| (id.clone(), p))
                .collect::<Vec<_>>()
        })
    };
    let empty = move || reading.view.with(|v| v.passages.is_empty());
    let status = move || match articles.status.get() {
        Status::Ready => None,
        Status::Loading => Some(
            view! {
                <p class="loading" role="status">
                    "Loading the article…"
                </p>
            }
            .into_any(),
        ),
        Status::Failed(why) => Some(
            view! {
                <p class="notice" role="alert">
                    {why}
                </p>
            }
            .into_any(),
        ),
    };
    // A mention shows its card on hover, and on a tap (touch has no hover).
    let show_card = move |ev: &web_sys::Event| {
        let Some(el) = entity_element(ev) else {
            return;
        };
        let entity = el
            .get_attribute("data-entity-id")
            .and_then(|id| articles.analysis.with_untracked(|a| a.entity_by_id(&id)));
        if let Some(entity) = entity {
            if card.shown() != Some(entity) {
                card.show(entity, &el);
            }
        }
    };
    view! {
        {status}
        <article
            class="article-body"
            role="article"
            aria-label="Article text"
            node_ref=body
            on:mouseover=move |ev| show_card(&ev)
            on:click=move |ev| show_card(&ev)
            on:mouseout=move |_| {
                if card.shown().is_some() {
                    card.hide_soon();
                }
            }
        >
            <Show when=move || { earlier() > 0 }>
                <button type="button" class="small-button show-more" on:click=move |_| reading.grow_up()>
                    {move || format!("Show earlier passages ({} before)", earlier())}
                </button>
            </Show>
            <For each=visible key=|k| k.clone() let:item>
                <Passage article=item.0 index=item.1 />
            </For>
            <Show when=move || { remaining() > 0 }>
                <button type="button" class="small-button show-more" on:click=move |_| reading.grow_down()>
                    {move || format!("Show more ({} passages left)", remaining())}
                </button>
            </Show>
            <Show when=empty>
                <p class="empty">
                    {move || {
                        if articles.analysis.with(|a| a.article.paragraphs.is_empty()) {
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

/// The element with `data-entity-id` (a mention) that an event happened on
/// or inside.
fn entity_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    crate::pointer::closest(ev, "[data-entity-id]")
}
