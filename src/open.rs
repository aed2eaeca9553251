//! Opening the reader's own texts: a picked or dropped file, or pasted text.
//! Decoding, Markdown and the choice of readable HTML text happen in
//! `article_analysis::import`; this module only does what needs the browser:
//! reading the file and parsing HTML with the inert `DOMParser` (a document
//! made this way never runs scripts or loads anything).

use article_analysis::import::html::{readable, Node, MAX_DEPTH};
use article_analysis::import::{self, decode, Format, Imported, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads and imports a file.
pub async fn read_file(file: web_sys::File) -> Result<Imported, String> {
    let name = file.name();
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(format!(
            "“{name}” is {:.0} MB; Article Explorer opens files up to {} MB. Split it into smaller files.",
            size / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    import_bytes(&name, &bytes)
}

/// Imports bytes named `name`.
pub fn import_bytes(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    if bytes.is_empty() {
        return Err(format!("“{name}” is empty."));
    }
    let decoded = decode::decode(bytes);
    if decoded.binary {
        return Err(format!(
            "“{name}” does not look like a text file (it contains binary data). Open a .txt, .md or .html file."
        ));
    }
    let notice = decoded.notice();
    let mut imported = match Format::from_file_name(name) {
        Format::Html => parse_html(&decoded.text)?,
        f => import::open_text(&decoded.text, f),
    };
    imported.notices.extend(notice);
    if imported.body.trim().is_empty() {
        return Err(format!("“{name}” has no readable text."));
    }
    Ok(imported)
}

/// Imports pasted text.
pub fn import_paste(text: &str) -> Result<Imported, String> {
    if text.trim().is_empty() {
        return Err("Paste some text first.".to_string());
    }
    if import::is_only_a_url(text) {
        return Err(
            "That is a web address. Article Explorer does not fetch pages: open the page, copy its text and paste the text here."
                .to_string(),
        );
    }
    let clean = decode::clean_controls(text);
    let trimmed = clean.trim_start();
    let format = if trimmed.starts_with("<!DOCTYPE") || trimmed.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    };
    match format {
        Format::Html => parse_html(&clean),
        f => Ok(import::open_text(&clean, f)),
    }
}

fn parse_html(html: &str) -> Result<Imported, String> {
    let parser = web_sys::DomParser::new().map_err(|_| "This browser cannot read HTML files.".to_string())?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(|_| "The HTML file could not be read.".to_string())?;
    let root = doc
        .document_element()
        .ok_or_else(|| "The HTML file is empty.".to_string())?;
    Ok(readable(&to_tree(&root)))
}

/// Converts a DOM subtree into the plain tree the importer reads, without
/// recursion (hostile documents nest deeply) and stopping at MAX_DEPTH.
fn to_tree(root: &web_sys::Element) -> Node {
    // Each frame: the DOM node, its converted children so far.
    struct Frame {
        name: String,
        children: Vec<Node>,
        pending: Vec<web_sys::Node>,
    }
    let pending_children = |n: &web_sys::Node| {
        let list = n.child_nodes();
        let mut v: Vec<web_sys::Node> = (0..list.length()).filter_map(|i| list.item(i)).collect();
        v.reverse();
        v
    };
    let root_node: &web_sys::Node = root.as_ref();
    let mut stack = vec![Frame {
        name: root.tag_name().to_ascii_lowercase(),
        children: Vec::new(),
        pending: pending_children(root_node),
    }];
    loop {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            return Node::el("html", Vec::new());
        };
        match top.pending.pop() {
            Some(child) => match child.node_type() {
                web_sys::Node::TEXT_NODE => {
                    top.children
                        .push(Node::Text(child.node_value().unwrap_or_default()));
                }
                web_sys::Node::ELEMENT_NODE if depth < MAX_DEPTH => {
                    let name = child
                        .dyn_ref::<web_sys::Element>()
                        .map(|e| e.tag_name().to_ascii_lowercase())
                        .unwrap_or_default();
                    let pending = pending_children(&child);
                    stack.push(Frame {
                        name,
                        children: Vec::new(),
                        pending,
                    });
                }
                // Comments, CDATA, processing instructions, and anything too deep.
                _ => {}
            },
            None => {
                let done = stack.pop();
                let Some(done) = done else {
                    return Node::el("html", Vec::new());
                };
                let node = Node::Element {
                    name: done.name,
                    children: done.children,
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return node,
                }
            }
        }
    }
}
