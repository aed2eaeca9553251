//! Offline use: registers the service worker (`sw.js`, written into `dist/`
//! by `scripts/post-build.py`) that keeps the app's files in the browser's
//! cache after the first visit.
//!
//! Registration is best effort: without service worker support, from
//! `file://`, or when the browser refuses, the app works as before and at
//! most a console warning says why.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The worker script, next to `index.html`. Relative, so it resolves against
/// the page and its default scope is the folder the app is served from.
const WORKER: &str = "sw.js";

/// Registers the service worker when the page is served over http(s) and the
/// browser supports it. Never fails the page.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    let navigator = window.navigator();
    // Absent outside secure contexts (plain http other than localhost) and in
    // some privacy modes; the binding would throw, so ask first.
    let supported = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    let promise = navigator.service_worker().register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(err) = JsFuture::from(promise).await {
            web_sys::console::warn_2(
                &JsValue::from_str(
                    "Article Explorer will not work offline: the service worker was not registered.",
                ),
                &err,
            );
        }
    });
}
