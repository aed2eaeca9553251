//! Published `.html` articles parsed natively: html5ever (through scraper)
//! builds the document the way a browser would, and it is converted to the
//! plain tree that `article_analysis::import::html::readable` reads, as the
//! app does with the browser's `DOMParser` (`src/open.rs`): elements and
//! text only (comments, doctype and processing instructions dropped),
//! iteratively, nothing deeper than `MAX_DEPTH`.

use article_analysis::import::html::{Node, MAX_DEPTH};
use scraper::Html;

/// The document tree of `html`.
pub fn tree(html: &str) -> Node {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    // Each frame: an element's name, its converted children, the children
    // still to convert (reversed).
    struct Frame<'a> {
        name: String,
        children: Vec<Node>,
        pending: Vec<ego_tree::NodeRef<'a, scraper::Node>>,
    }
    fn pending<'a>(n: ego_tree::NodeRef<'a, scraper::Node>) -> Vec<ego_tree::NodeRef<'a, scraper::Node>> {
        let mut v: Vec<_> = n.children().collect();
        v.reverse();
        v
    }
    let mut stack = vec![Frame {
        name: root.value().name().to_ascii_lowercase(),
        children: Vec::new(),
        pending: pending(*root),
    }];
    loop {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            return Node::el("html", Vec::new());
        };
        match top.pending.pop() {
            Some(child) => match child.value() {
                scraper::Node::Text(t) => top.children.push(Node::Text(t.to_string())),
                scraper::Node::Element(e) if depth < MAX_DEPTH => {
                    let frame = Frame {
                        name: e.name().to_ascii_lowercase(),
                        children: Vec::new(),
                        pending: pending(child),
                    };
                    stack.push(frame);
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use article_analysis::import::html::readable;

    #[test]
    fn a_page_reads_like_in_the_browser() {
        let page = "<!doctype html><title>Story &amp; more</title><nav>Home</nav>\
            <article><h1>Head</h1><p>First <b>para</b>.<!-- hidden --><p>Second &lt;b&gt;.</article>\
            <script>alert(1)</script>";
        let r = readable(&tree(page));
        assert_eq!(r.title.as_deref(), Some("Story & more"));
        assert_eq!(r.body, "Head\nFirst para.\nSecond <b>.\n");
    }

    #[test]
    fn deep_nesting_is_cut_not_recursed() {
        let page = format!(
            "<body>{}deep{}<p>after</p></body>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let r = readable(&tree(&page));
        assert!(r.body.contains("after"), "{}", r.body.len());
        assert!(!r.body.contains("deep"));
    }
}
