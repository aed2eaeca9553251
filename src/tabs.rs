//! Other tabs of this app (same deployment): when one changes the kept
//! library, it says so on a `BroadcastChannel`, and the others list the
//! library again. (IndexedDB, unlike `localStorage`, has no change events.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn channel() -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(&crate::storage::database_name()).ok()
}

/// Tells the other tabs that the library changed.
pub fn announce() {
    if let Some(c) = channel() {
        let _ = c.post_message(&JsValue::from_str("library"));
        c.close();
    }
}

/// Calls `on_change` whenever another tab changes the library, for the
/// life of the page.
pub fn listen(on_change: impl Fn() + 'static) {
    let Some(c) = channel() else {
        return;
    };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_change());
    c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The listener and its channel live as long as the page.
    handler.forget();
    std::mem::forget(c);
}
