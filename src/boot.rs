//! The boot data `index.html` carries (written by the site build, see
//! `site/src/boot.rs`): the default article's record, the first catalog
//! entries and the analyser's file name, as base64 in an inert data block.
//! Read once at start; the block is removed afterwards.
//!
//! In one file (`article-explorer.html`, `src/onefile.rs`) the boot data
//! also carries the other records and the view to open, and the page's
//! start script puts the analyser worker's blob: URL on the block
//! (`data-analyser`, see `assets/onefile.js`).

use article_analysis::record::{Boot, RecordError, BOOT_ID};

/// Reads (and removes) the boot data. A page without it (a development
/// server) boots empty; damaged data is an error for the reader.
pub fn take() -> Result<Boot, RecordError> {
    let Some(el) = leptos::prelude::document().get_element_by_id(BOOT_ID) else {
        return Ok(Boot::default());
    };
    let text = el.text_content().unwrap_or_default();
    let analyser = el.get_attribute("data-analyser");
    el.remove();
    // `atob` gives one character per byte; decoding base64 in the browser
    // keeps a base64 crate out of the wasm.
    let binary = web_sys::window()
        .and_then(|w| w.atob(text.trim()).ok())
        .ok_or(RecordError::NotARecord)?;
    let bytes: Vec<u8> = binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(0))
        .collect();
    let mut boot = Boot::from_bytes(&bytes)?;
    if let Some(url) = analyser {
        boot.analyser = url;
    }
    Ok(boot)
}

/// Standard base64 of `bytes` by the browser's `btoa` (the inverse of
/// [`take`]'s decoding), for the boot data of a saved file.
pub fn base64(bytes: &[u8]) -> String {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    web_sys::window()
        .and_then(|w| w.btoa(&binary).ok())
        .unwrap_or_default()
}
