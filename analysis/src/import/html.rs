//! The readable text of an HTML document.
//!
//! The app parses the file with the browser's inert `DOMParser` (nothing in
//! it runs; entities are decoded; comments and CDATA become comment nodes,
//! which are skipped) and hands this module a plain [`Node`] tree. This
//! module decides what is article text:
//!
//! - the title is the `<title>`, or else the first `<h1>`;
//! - the content is the first `<article>`, else `<main>`, else `<body>`;
//! - scripts, styles, navigation, forms, asides, footers, embedded objects,
//!   SVG/MathML and hidden templates are dropped;
//! - block elements (`p`, headings, `li`, `blockquote`, `pre`, table cells,
//!   `div`, …) end paragraphs; whitespace is collapsed.
//!
//! ```
//! use article_analysis::import::html::{readable, Node};
//! let doc = Node::el("html", vec![
//!     Node::el("head", vec![Node::el("title", vec![Node::text("Story")])]),
//!     Node::el("body", vec![
//!         Node::el("nav", vec![Node::text("Home | About")]),
//!         Node::el("p", vec![Node::text("First "), Node::el("b", vec![Node::text("para")]), Node::text(".")]),
//!         Node::el("script", vec![Node::text("alert(1)")]),
//!         Node::el("p", vec![Node::text("Second.")]),
//!     ]),
//! ]);
//! let r = readable(&doc);
//! assert_eq!(r.title.as_deref(), Some("Story"));
//! assert_eq!(r.body, "First para.\nSecond.\n");
//! ```

use super::Imported;

/// A node of a parsed HTML document: an element (lowercase tag name) or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element and its children.
    Element {
        /// Lowercase tag name.
        name: String,
        /// Child nodes in order.
        children: Vec<Node>,
    },
    /// A text node (entities already decoded).
    Text(String),
}

impl Node {
    /// An element.
    pub fn el(name: &str, children: Vec<Node>) -> Node {
        Node::Element {
            name: name.to_ascii_lowercase(),
            children,
        }
    }

    /// A text node.
    pub fn text(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { name, .. } => Some(name),
            Node::Text(_) => None,
        }
    }

    fn children(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea", "input",
    "label", "aside", "footer", "iframe", "object", "embed", "svg", "math", "canvas", "dialog", "menu",
    "head", "audio", "video", "picture", "map", "frameset", "frame", "applet",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "header",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "br",
    "body",
    "html",
    "center",
    "details",
    "summary",
];

/// Deepest nesting walked; deeper content is ignored (hostile documents).
pub const MAX_DEPTH: usize = 512;

/// What a node of another library's document tree is, for [`convert`].
#[derive(Debug)]
pub enum Visit<T> {
    /// Text (entities decoded).
    Text(String),
    /// An element: its tag name and its children in document order.
    Element(String, Vec<T>),
    /// Anything else (comments, doctype, processing instructions): dropped.
    Skip,
}

/// Converts a document tree of another library (the browser's DOM,
/// html5ever's) into a [`Node`] tree, iteratively (hostile documents nest
/// deeply), leaving out what is deeper than [`MAX_DEPTH`]; `visit` says
/// what each node is. A root that is no element gives an empty `<html>`.
///
/// ```
/// use article_analysis::import::html::{convert, Node, Visit};
/// // A foreign tree: (tag, children) pairs, text where the tag is empty.
/// struct T(&'static str, Vec<T>);
/// let doc = T("HTML", vec![T("p", vec![T("", vec![])])]);
/// let tree = convert(&doc, |t: &&T| match t.0 {
///     "" => Visit::Text("hi".into()),
///     name => Visit::Element(name.into(), t.1.iter().collect()),
/// });
/// assert_eq!(tree, Node::el("html", vec![Node::el("p", vec![Node::text("hi")])]));
/// ```
pub fn convert<T>(root: T, mut visit: impl FnMut(&T) -> Visit<T>) -> Node {
    // Each frame: an element's name, its converted children, the children
    // still to convert (reversed, so the next is last).
    struct Frame<T> {
        name: String,
        children: Vec<Node>,
        pending: Vec<T>,
    }
    let frame = |name: String, mut pending: Vec<T>| {
        pending.reverse();
        Frame {
            name: name.to_ascii_lowercase(),
            children: Vec::new(),
            pending,
        }
    };
    let mut stack = match visit(&root) {
        Visit::Element(name, children) => vec![frame(name, children)],
        _ => return Node::el("html", Vec::new()),
    };
    loop {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            return Node::el("html", Vec::new());
        };
        match top.pending.pop() {
            Some(child) => match visit(&child) {
                Visit::Text(t) => top.children.push(Node::Text(t)),
                Visit::Element(name, children) if depth < MAX_DEPTH => stack.push(frame(name, children)),
                _ => {}
            },
            None => {
                let Some(done) = stack.pop() else {
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

/// Finds the first element named `name` (depth-first, iterative).
fn find<'a>(root: &'a Node, name: &str) -> Option<&'a Node> {
    let mut stack: Vec<(&Node, usize)> = vec![(root, 0)];
    while let Some((n, depth)) = stack.pop() {
        if n.name() == Some(name) {
            return Some(n);
        }
        if depth < MAX_DEPTH && n.name().is_none_or(|x| x != "template") {
            for c in n.children().iter().rev() {
                stack.push((c, depth + 1));
            }
        }
    }
    None
}

/// Text content of a node with whitespace collapsed.
fn text_of(node: &Node) -> String {
    let mut out = String::new();
    let mut stack: Vec<(&Node, usize)> = vec![(node, 0)];
    while let Some((n, depth)) = stack.pop() {
        match n {
            Node::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Node::Element { name, children } => {
                if depth < MAX_DEPTH && !DROPPED.contains(&name.as_str()) {
                    for c in children.iter().rev() {
                        stack.push((c, depth + 1));
                    }
                }
            }
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Extracts the readable article text of a document.
pub fn readable(doc: &Node) -> Imported {
    let title = find(doc, "title")
        .map(text_of)
        .filter(|t| !t.is_empty())
        .or_else(|| find(doc, "h1").map(text_of).filter(|t| !t.is_empty()));
    let content = find(doc, "article")
        .or_else(|| find(doc, "main"))
        .or_else(|| find(doc, "body"))
        .unwrap_or(doc);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // (node, depth, leaving): `leaving` marks the end of a block element.
    let mut stack: Vec<(&Node, usize, bool)> = vec![(content, 0, false)];
    while let Some((n, depth, leaving)) = stack.pop() {
        match n {
            Node::Text(t) => current.push_str(t),
            Node::Element { name, children } => {
                let block = BLOCKS.contains(&name.as_str());
                if block {
                    flush(&mut current, &mut paragraphs);
                }
                if leaving || depth >= MAX_DEPTH || DROPPED.contains(&name.as_str()) {
                    continue;
                }
                if block {
                    stack.push((n, depth, true));
                }
                for c in children.iter().rev() {
                    stack.push((c, depth + 1, false));
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    let mut body = paragraphs.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    Imported {
        title,
        body,
        notices: Vec::new(),
        front_matter: false,
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = collapse(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Node {
        Node::text(s)
    }

    #[test]
    fn article_element_wins_and_chrome_is_dropped() {
        let doc = Node::el(
            "html",
            vec![Node::el(
                "body",
                vec![
                    Node::el("header", vec![Node::el("nav", vec![t("Menu")]), t("Site name")]),
                    Node::el(
                        "article",
                        vec![
                            Node::el("h1", vec![t("Headline")]),
                            Node::el(
                                "p",
                                vec![t("Body  one\n"), Node::el("a", vec![t("link")]), t(".")],
                            ),
                            Node::el("form", vec![t("Subscribe")]),
                            Node::el(
                                "ul",
                                vec![Node::el("li", vec![t("a")]), Node::el("li", vec![t("b")])],
                            ),
                        ],
                    ),
                    Node::el("footer", vec![t("© 2024")]),
                ],
            )],
        );
        let r = readable(&doc);
        assert_eq!(r.title.as_deref(), Some("Headline"));
        assert_eq!(r.body, "Headline\nBody one link.\na\nb\n");
    }

    #[test]
    fn br_and_divs_split_paragraphs_and_inline_elements_do_not() {
        let doc = Node::el(
            "body",
            vec![Node::el(
                "div",
                vec![
                    t("one"),
                    Node::el("br", vec![]),
                    t("two "),
                    Node::el("em", vec![t("three")]),
                ],
            )],
        );
        assert_eq!(readable(&doc).body, "one\ntwo three\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut n = t("deep");
        // Deeper than MAX_DEPTH (the app's DOM conversion stops there too).
        for _ in 0..2_000 {
            n = Node::el("div", vec![n]);
        }
        let r = readable(&Node::el("body", vec![Node::el("p", vec![t("top")]), n]));
        assert_eq!(r.body, "top\n");
    }

    #[test]
    fn empty_documents() {
        let r = readable(&Node::el("html", vec![]));
        assert_eq!((r.title, r.body.as_str()), (None, ""));
    }
}
