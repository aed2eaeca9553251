//! Moving the reader to a place in the article: smooth unless the reader
//! asked the system for reduced motion.

use wasm_bindgen::JsCast;

/// Whether the reader prefers reduced motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Scrolls `el` to the middle of the window.
pub fn into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(if reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls to the current search match inside the article text `body`, if
/// it is rendered.
pub fn to_current_match(body: &web_sys::Element) {
    if let Ok(Some(mark)) = body.query_selector("mark[aria-current=\"true\"]") {
        into_view(&mark);
    }
}

/// Moves the keyboard focus to passage `p` (a paragraph index) of the
/// article text `body` without scrolling, so the next Tab continues from
/// it (after an action of the selection toolbar, which then goes away).
pub fn focus_passage(body: &web_sys::Element, p: usize) {
    let Ok(Some(el)) = body.query_selector(&format!("[data-passage=\"{p}\"]")) else {
        return;
    };
    let _ = el.set_attribute("tabindex", "-1");
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = html.focus_with_options(&opts);
    }
}

/// Scrolls to passage `p` (a paragraph index) of the article text `body`,
/// outlines it briefly and moves the keyboard focus there, so the next Tab
/// continues from it.
pub fn to_passage(body: &web_sys::Element, p: usize) {
    if let Ok(Some(old)) = body.query_selector(".passage.jumped") {
        let _ = old.class_list().remove_1("jumped");
    }
    let Ok(Some(el)) = body.query_selector(&format!("[data-passage=\"{p}\"]")) else {
        return;
    };
    into_view(&el);
    let _ = el.class_list().add_1("jumped");
    focus_passage(body, p);
}
