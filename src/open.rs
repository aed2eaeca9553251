//! Opening the reader's own texts: a picked or dropped file, or pasted text.
//! Reading, decoding, Markdown, HTML and analysis happen in the analyser
//! worker (a file goes to it as the `File`, unread); this module only does
//! what needs the page: parsing a pasted HTML page with the browser's inert
//! `DOMParser` (a document made this way never runs scripts or loads
//! anything) into the plain tree that `article_analysis::import::html`
//! reads.

use article_analysis::import::html::{convert, readable, Node, Visit};
use article_analysis::import::{decode, Imported, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

use crate::messages;
use crate::state::{ImportJob, Notices};

/// Opens a picked or dropped file: it goes to the analyser worker as it
/// is, which reads, decodes and converts it (an HTML file is reduced to its
/// readable text there, with html5ever). Files over the size limit are
/// refused with a message.
pub fn open_file(import: ImportJob, notices: Notices, file: web_sys::File) {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        notices.say(messages::too_large(&file.name(), size, MAX_FILE_BYTES));
        return;
    }
    import.open_file(file);
}

/// Opens pasted text; a pasted HTML document is reduced to its readable
/// text first.
pub fn open_paste(import: ImportJob, notices: Notices, text: &str) {
    let trimmed = text.trim_start();
    if trimmed.starts_with("<!DOCTYPE") || trimmed.starts_with("<html") {
        match parse_html(&decode::clean_controls(text)) {
            Ok(imported) => import.open_readable("pasted page".to_string(), imported),
            Err(message) => notices.say(message),
        }
    } else {
        import.open_paste(text);
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

/// Converts a DOM subtree into the plain tree the importer reads
/// (`convert`: without recursion, stopping at its depth limit).
fn to_tree(root: &web_sys::Element) -> Node {
    let root: web_sys::Node = root.clone().into();
    convert(root, |n| match n.node_type() {
        web_sys::Node::TEXT_NODE => Visit::Text(n.node_value().unwrap_or_default()),
        web_sys::Node::ELEMENT_NODE => {
            let name = n
                .dyn_ref::<web_sys::Element>()
                .map(|e| e.tag_name())
                .unwrap_or_default();
            let list = n.child_nodes();
            Visit::Element(name, (0..list.length()).filter_map(|i| list.item(i)).collect())
        }
        // Comments, CDATA, processing instructions.
        _ => Visit::Skip,
    })
}
