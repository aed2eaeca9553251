//! JSON text for the reader's exports and imports (notes as W3C Web
//! Annotation JSON, corrections): the values are the text library's serde
//! types, turned into JavaScript values by `serde-wasm-bindgen` and into
//! text by the browser's own `JSON`, so the page carries no JSON library.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as indented JSON text; `None` if it cannot be represented (a
/// number beyond JavaScript's safe integers).
pub fn to_json<T: Serialize>(value: &T) -> Option<String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&js, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()?
        .as_string()
}

/// Why a file could not be read as JSON of the expected shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all.
    Syntax,
    /// JSON, but not of the expected shape; the reason, from serde.
    Shape(String),
}

/// Reads JSON `text` as a `T`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let js = js_sys::JSON::parse(text).map_err(|_| JsonError::Syntax)?;
    serde_wasm_bindgen::from_value(js).map_err(|e| JsonError::Shape(e.to_string()))
}

/// The file picked in a file input (`ev` is its `change` event), read as
/// text, with its name; the input is cleared so the same file can be
/// picked again. `None` when nothing was picked or it could not be read.
pub async fn picked_text(ev: web_sys::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    let name = file.name();
    let text = gloo_file::futures::read_as_text(&gloo_file::Blob::from(file))
        .await
        .ok()?;
    Some((name, text))
}
