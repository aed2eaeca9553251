//! Finding the entity an event happened on: the element (or ancestor) that
//! carries `data-entity-id` (a mention, a panel entry, a network node).

use wasm_bindgen::JsCast;

/// The element with `data-entity-id` that an event happened on or inside.
pub fn entity_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-entity-id]").ok().flatten())
}
