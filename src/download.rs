//! Files made in the browser (Blob downloads), the clipboard and the
//! system's share sheet (Web Share API).

use wasm_bindgen::JsCast;

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_parts(name, mime, &js_sys::Array::of1(&contents.into()))
}

/// Offers the strings of `parts`, one after the other, as a file download
/// named `name` (a large part can stay a JavaScript string).
pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = || "The browser did not allow the download.".to_string();
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &opts).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(fail)?;
    let a = doc
        .create_element("a")
        .map_err(|_| fail())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file-name-safe version of a title.
pub fn file_stem(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "article".to_string()
    } else {
        s
    }
}

/// Copies text to the clipboard (asynchronously; errors are ignored).
pub fn copy_to_clipboard(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Whether the browser can hand a link to the system's share sheet
/// (`navigator.share`, phones and some desktops).
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &wasm_bindgen::JsValue::from_str("share")).unwrap_or(false)
    })
}

/// Offers a link to the system's share sheet; when the browser refuses
/// (other than the reader cancelling), the link goes to the clipboard and
/// `on_copied` is called. Call only when [`can_share`] is true.
pub fn share_link(title: &str, url: &str, on_copied: impl FnOnce() + 'static) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = web_sys::window().map(|w| w.navigator().share_with_data(&data));
    let url = url.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(promise) = promise else {
            return;
        };
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let cancelled = e
                .dyn_ref::<js_sys::Error>()
                .is_some_and(|e| e.name() == "AbortError");
            if !cancelled && copy_to_clipboard(&url) {
                on_copied();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_stems() {
        assert_eq!(
            super::file_stem("U.S. President: Joe Biden's *big* day"),
            "u-s-president-joe-biden-s-big-day"
        );
        assert_eq!(super::file_stem("???"), "article");
    }
}
