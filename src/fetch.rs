//! Fetching the app's own files (published article records) by relative
//! URL, so they resolve against the app's folder wherever it is hosted.
//!
//! Plain `window.fetch` through `web_sys`: `gloo-net` would add the `http`
//! crate and its error types for one GET of bytes.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes at `url`, or `None` when it cannot be fetched (offline and not
/// cached, or any status other than 200).
pub async fn bytes(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
