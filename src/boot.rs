//! The boot data `index.html` carries (written by the site build, see
//! `site/src/boot.rs`): the default article's record, the first catalog
//! entries and the analyser's file name, as base64 in an inert data block.
//! Read once at start; the block is removed afterwards.

use article_analysis::record::{Boot, RecordError};

/// The element that holds the boot data.
const BOOT_ID: &str = "boot";

/// Reads (and removes) the boot data. A page without it (a development
/// server) boots empty; damaged data is an error for the reader.
pub fn take() -> Result<Boot, RecordError> {
    let Some(el) = leptos::prelude::document().get_element_by_id(BOOT_ID) else {
        return Ok(Boot::default());
    };
    let text = el.text_content().unwrap_or_default();
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
    Boot::from_bytes(&bytes)
}
