//! "Save as one file": the explorer of the open article as one HTML file
//! that opens from disk (`file://`) in any browser, with no server and no
//! request, on the same view.
//!
//! The file is the app's one-file build (`article-explorer.html`, written
//! by `scripts/onefile.py`) with another body. Everything up to and
//! including its one `<body>` (styles, the page's glue and wasm, the
//! analyser worker, the Content-Security-Policy) is the shell and is kept;
//! the body is written anew by `article_analysis::prerender::body` from
//! boot data that holds this article's record and the view. The shell
//! comes from
//! - the page itself when it is such a file: its `<head>` holds every part
//!   (inert blocks that stay in the page), so a saved file saves again
//!   without any request;
//! - otherwise `article-explorer.html`, fetched from the app's own folder
//!   (the service worker does not precache it: it would double what every
//!   visitor downloads; saving offline says so).

use article_analysis::prerender;
use article_analysis::record::{ArticleRecord, Boot, CatalogEntry};
use article_analysis::Analysis;
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};

use crate::download::{download_parts, file_stem};
use crate::url_state::{self, UrlState};
use crate::{boot, fetch, messages};

/// The one-file build, next to `index.html`.
pub const FILE: &str = "article-explorer.html";

/// The block holding the page's wasm in the one-file build (see
/// `assets/onefile.js`): its presence means the page is such a file.
const APP_WASM_ID: &str = "app-wasm";

/// Whether this page is the app in one file (the build's, or a saved one).
pub fn is_one_file() -> bool {
    leptos::prelude::document()
        .get_element_by_id(APP_WASM_ID)
        .is_some()
}

/// Whether the page was opened from disk (`file://`).
pub fn opened_from_disk() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The record the file embeds: the article as the reader sees it.
///
/// Hook for notes and corrections (issue 20), which the app does not have
/// yet: when it does, the corrected entities belong in this record
/// (`Analysis::with_entities` gives them) and the notes in a field of
/// [`Boot`] beside `view`, so the saved file shows them.
fn saved_record(a: &Analysis) -> ArticleRecord {
    ArticleRecord::of(a)
}

/// The body of a file that opens `a` on `view`: the article pre-rendered
/// and boot data with its record and the view (its article is the file's
/// only one, so the view names none).
fn body(a: &Analysis, view: &UrlState) -> String {
    let record = saved_record(a);
    let view = url_state::query_string(&UrlState {
        article: None,
        ..view.clone()
    });
    let file = Boot {
        catalog: vec![CatalogEntry::of(&record, String::new())],
        total: 1,
        first: Some(record),
        view: (!view.is_empty()).then_some(view),
        ..Boot::default()
    };
    format!("\n{}\n</body>\n</html>\n", prerender::body(&file, boot::base64))
}

/// Everything up to and including `<body>`: from this page's own `<head>`
/// when it is one file, else from the build's one file.
async fn shell() -> Option<JsString> {
    if is_one_file() {
        let doc = leptos::prelude::document();
        let head = doc.query_selector("head").ok()??;
        let head: JsString = js_sys::Reflect::get(&head, &JsValue::from_str("outerHTML"))
            .ok()?
            .dyn_into()
            .ok()?;
        let lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| "en".to_string());
        let open = format!("<!DOCTYPE html>\n<html lang=\"{}\">\n", prerender::escape(&lang));
        Some(JsString::from(open).concat(&head).concat(&"\n<body>".into()))
    } else {
        let text = fetch::text(FILE).await?;
        let at = u32::try_from(text.index_of("<body>", 0)).ok()?;
        Some(text.slice(0, at + "<body>".len() as u32))
    }
}

/// Downloads the explorer of `a` on `view` as one HTML file named after
/// its title; the sentence for the reader (saved, or why not).
pub async fn save(a: &Analysis, view: &UrlState) -> String {
    let Some(shell) = shell().await else {
        return messages::one_file_unavailable(FILE);
    };
    let name = format!("{}.html", file_stem(&a.article.meta.title));
    let parts = js_sys::Array::of2(&shell, &JsValue::from_str(&body(a, view)));
    match download_parts(&name, "text/html;charset=utf-8", &parts) {
        Ok(()) => messages::saved_as_one_file(&name),
        Err(why) => why,
    }
}
