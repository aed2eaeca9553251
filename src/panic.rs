//! A panic in wasm stops the app. This hook keeps the console message and
//! also shows the reader a visible, dismissible error with three ways out:
//! "Reload", "Reload without this view" (the bare address) and "Open
//! without saved articles" (`?safe=1`, which leaves storage closed), built
//! with plain DOM calls (the reactive runtime may be gone) and text only
//! (never markup).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
}

/// Shows the fatal error banner (once).
pub fn show_fatal_error(details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("fatal-error").is_some() {
        return;
    }
    let (Some(body), Ok(banner)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    banner.set_id("fatal-error");
    banner.set_class_name("fatal-error");
    let _ = banner.set_attribute("role", "alert");
    let add = |tag: &str, text: &str| {
        doc.create_element(tag).ok().inspect(|el| {
            el.set_text_content(Some(text));
            let _ = banner.append_child(el);
        })
    };
    add(
        "strong",
        "Something went wrong and Article Explorer stopped working.",
    );
    add(
        "p",
        "Reloading brings it back with the same article, search and filters. If the same view fails again, open the bare address, or open without your saved articles (they stay stored).",
    );
    if let Some(pre) = add("pre", details) {
        pre.set_class_name("fatal-details");
    }
    if let Some(reload) = add("button", "Reload") {
        on_click(&reload, || {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
    }
    // The app's address without the view's query string, and with the flag
    // that leaves the reader's saved articles closed.
    for (label, query) in [
        ("Reload without this view", ""),
        ("Open without saved articles", crate::url_state::SAFE_QUERY),
    ] {
        if let Some(button) = add("button", label) {
            on_click(&button, move || {
                if let Some(w) = web_sys::window() {
                    let path = w.location().pathname().unwrap_or_default();
                    let _ = w.location().assign(&format!("{path}{query}"));
                }
            });
        }
    }
    if let Some(dismiss) = add("button", "Dismiss") {
        let banner = banner.clone();
        on_click(&dismiss, move || banner.remove());
    }
    let _ = body.prepend_with_node_1(&banner);
}

fn on_click(el: &web_sys::Element, f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    let _ = el.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Panics on purpose, so the end-to-end tests (or anyone in the browser's
/// console, via `wasmBindings.panic_selftest()`) can check that a panic
/// shows the banner. Only JavaScript already running in the page can call it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_selftest() {
    panic!("panic_selftest: this error was caused on purpose to test the error banner");
}
