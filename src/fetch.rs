//! Fetching the app's own files (published article records, the one-file
//! build for "Save as one file") by relative URL, so they resolve against
//! the app's folder wherever it is hosted.
//!
//! Plain `window.fetch` through `web_sys`: `gloo-net` would add the `http`
//! crate and its error types for one GET.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The response for `url` when its status is 200.
async fn ok(url: &str) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    response.ok().then_some(response)
}

/// The bytes at `url`, or `None` when it cannot be fetched (offline and not
/// cached, or any status other than 200).
pub async fn bytes(url: &str) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(ok(url).await?.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text at `url`, left in JavaScript (a large file is not copied into
/// the wasm), or `None` as for [`bytes`].
pub async fn text(url: &str) -> Option<js_sys::JsString> {
    let text = JsFuture::from(ok(url).await?.text().ok()?).await.ok()?;
    text.dyn_into().ok()
}
