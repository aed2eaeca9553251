use article_analysis::card::card as card_of;
use leptos::prelude::*;

use crate::units::fixed;

use crate::state::{Articles, CardState};

/// Width the card is laid out for (CSS keeps it at most this wide).
const CARD_WIDTH: f64 = 340.0;
/// Height kept free below an anchor before the card goes above it instead.
const CARD_ROOM: f64 = 230.0;

/// The entity card (`role="tooltip"`, id `entity-card`): canonical name,
/// type, aliases found, mention count, the first mention in context, and for
/// places and groups the country they belong to. Shown next to the mention,
/// panel entry or network node it belongs to.
#[component]
pub fn EntityCard() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let card = expect_context::<CardState>();
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && card.anchor.with_untracked(Option::is_some) {
            card.hide();
        }
    });
    // Scrolling moves the anchor away: the card goes.
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if card.anchor.with_untracked(Option::is_some) && !card.hovered.get_untracked() {
            card.hide();
        }
    });
    // A tap or click anywhere but on the card or on another entity (which
    // shows its own card) closes it: touch screens have no "pointer left".
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if card.anchor.with_untracked(Option::is_none) {
            return;
        }
        if crate::pointer::closest(&ev, "#entity-card, [data-entity-id]").is_none() {
            card.hide();
        }
    });
    on_cleanup(move || {
        esc.remove();
        scroll.remove();
        outside.remove();
    });
    let content = move || {
        let anchor = card.anchor.get()?;
        let a = articles.analysis.get();
        let c = card_of(&a, anchor.entity)?;
        let (left, top, _right, bottom) = anchor.rect;
        let (vw, vh) = web_sys::window()
            .map(|w| {
                (
                    w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0),
                    w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0),
                )
            })
            .unwrap_or((1024.0, 768.0));
        let x = left.min(vw - CARD_WIDTH - 8.0).max(8.0);
        let below = bottom + CARD_ROOM < vh || top < CARD_ROOM;
        let kind = c.kind;
        let mentions = format!("{} mention{}", c.mentions, if c.mentions == 1 { "" } else { "s" });
        let country = match (c.country, c.is_country) {
            (_, true) => Some("A country".to_string()),
            (Some(country), false) => Some(format!("In {country}")),
            (None, false) => None,
        };
        let aliases = (!c.aliases.is_empty()).then(|| c.aliases.join(", "));
        let context = c.context;
        Some(view! {
            <div
                id="entity-card"
                class="entity-card no-print"
                role="tooltip"
                data-entity-type=kind.as_str()
                style:left=format!("{}px", fixed(x, 0))
                style:top=below.then(|| format!("{}px", fixed(bottom + 6.0, 0)))
                style:bottom=(!below).then(|| format!("{}px", fixed(vh - top + 6.0, 0)))
                on:mouseenter=move |_| card.hovered.set(true)
                on:mouseleave=move |_| {
                    card.hovered.set(false);
                    card.hide_soon();
                }
            >
                <p class="card-name">
                    <span class="swatch" aria-hidden="true"></span>
                    {c.name}
                </p>
                <p class="card-facts">
                    <span class="card-kind">{kind.singular_label()}</span>
                    " · "
                    <span class="card-mentions">{mentions}</span>
                    {country
                        .map(|t| {
                            view! {
                                " · "
                                <span class="card-country">{t}</span>
                            }
                        })}
                </p>
                {aliases
                    .map(|t| {
                        view! { <p class="card-aliases">"Also: " <span>{t}</span></p> }
                    })}
                <p class="card-context">
                    <span class="card-label">"First mention: "</span>
                    {context.before}
                    <strong>{context.mention}</strong>
                    {context.after}
                </p>
            </div>
        })
    };
    view! { {content} }
}
