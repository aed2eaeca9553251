//! Other tabs of this app (same deployment): when one changes the kept
//! library, it says so on a `BroadcastChannel`, and the others list the
//! library again. (IndexedDB, unlike `localStorage`, has no change events.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The page's one channel. A message reaches every *other*
    /// `BroadcastChannel` object of the same name, those of this page
    /// included: with one object for sending and listening, the page does
    /// not hear its own announcements.
    static CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(&crate::storage::database_name()).ok();
}

/// Tells the other tabs that the library changed.
pub fn announce() {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str("library"));
        }
    });
}

/// Calls `on_change` whenever another tab changes the library, for the
/// life of the page.
pub fn listen(on_change: impl Fn() + 'static) {
    CHANNEL.with(|c| {
        let Some(c) = c else {
            return;
        };
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_change());
        c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        handler.forget();
    });
}
