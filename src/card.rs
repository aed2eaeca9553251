//! Showing and hiding the entity card: on hover or focus of a mention, a
//! panel entry or a network node. The card stays while the pointer is on it
//! (so it can be read and its text selected) and Escape hides it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{AppState, CardAnchor};

/// Milliseconds the card waits before hiding, so the pointer can move onto it.
const HIDE_DELAY_MS: i32 = 300;

/// Shows the card of `entity`, anchored to `el`.
pub fn show(state: &AppState, entity: usize, el: &web_sys::Element) {
    let r = el.get_bounding_client_rect();
    state.card_hovered.set(false);
    state.card.set(Some(CardAnchor {
        entity,
        rect: (r.left(), r.top(), r.right(), r.bottom()),
    }));
}

/// Shows the card for the element an event happened on, when it (or an
/// ancestor) carries `data-entity-id`.
pub fn show_for_event(state: &AppState, ev: &web_sys::Event) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-entity-id]").ok().flatten())
    else {
        return;
    };
    let Some(id) = el.get_attribute("data-entity-id") else {
        return;
    };
    let Some(entity) = state.analysis.with_untracked(|a| a.entity_by_id(&id)) else {
        return;
    };
    if state.card.with_untracked(|c| c.as_ref().map(|c| c.entity)) != Some(entity) {
        show(state, entity, &el);
    }
}

/// Hides the card now.
pub fn hide(state: &AppState) {
    state.card.set(None);
}

/// Hides the card after a short delay unless the pointer moved onto it (or
/// another card was shown meanwhile).
pub fn hide_soon(state: &AppState) {
    let state = *state;
    let shown = state.card.get_untracked();
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !state.card_hovered.get_untracked() && state.card.get_untracked() == shown {
            state.card.set(None);
        }
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), HIDE_DELAY_MS);
}
