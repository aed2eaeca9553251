//! Where a tap or click fell: inside which element (the entity it is on,
//! inside a sheet or the card or not), and how far across or down the
//! element that listens for it, for the thin strips and plots (position map,
//! dispersion plots) that a finger cannot hit mark by mark.

use wasm_bindgen::JsCast;

/// The element the event happened on, or its nearest ancestor, that
/// matches `selectors`.
pub fn closest(ev: &web_sys::Event, selectors: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selectors)
        .ok()
        .flatten()
}

/// The listening element's box.
fn current_box(ev: &web_sys::MouseEvent) -> Option<web_sys::DomRect> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    Some(el.get_bounding_client_rect())
}

/// How far across the listening element (left 0, right 1) the event was.
pub fn fraction_across(ev: &web_sys::MouseEvent) -> Option<f64> {
    let r = current_box(ev)?;
    (r.width() > 0.0).then(|| ((f64::from(ev.client_x()) - r.left()) / r.width()).clamp(0.0, 1.0))
}

/// How far down the listening element (top 0, bottom 1) the event was, and
/// the element's height in CSS pixels.
pub fn fraction_down(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    let r = current_box(ev)?;
    (r.height() > 0.0).then(|| {
        (
            ((f64::from(ev.client_y()) - r.top()) / r.height()).clamp(0.0, 1.0),
            r.height(),
        )
    })
}
