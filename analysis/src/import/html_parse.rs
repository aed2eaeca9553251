//! HTML parsed in Rust (feature `html-parse`): html5ever (through scraper)
//! builds the document the way a browser would, and it is converted to the
//! plain tree that [`super::html::readable`] reads: elements and text only
//! (comments, doctype and processing instructions dropped), iteratively,
//! nothing deeper than `MAX_DEPTH`. The site build reads published `.html`
//! articles with it, and the analyser worker a reader's `.html` files (off
//! the page's thread: the browser's `DOMParser` on the page took 174 ms for
//! 3 MB); a page pasted as text is parsed by the page's `DOMParser`.

use super::html::{convert, Node, Visit};
use scraper::Html;

/// The document tree of `html`.
pub fn tree(html: &str) -> Node {
    let doc = Html::parse_document(html);
    let root = *doc.root_element();
    convert(root, |n| match n.value() {
        scraper::Node::Text(t) => Visit::Text(t.to_string()),
        scraper::Node::Element(e) => Visit::Element(e.name().to_string(), n.children().collect()),
        _ => Visit::Skip,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::html::readable;

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
        // Twenty times MAX_DEPTH: deep enough to overflow a recursive walk.
        // (html5ever's own tree building takes time quadratic in the depth
        // of unclosed elements: 100,000 took minutes in a debug build. The
        // browser caps the depth of its tree; a publisher's file this deep
        // is slow to publish, not unsafe. See RELIABILITY.md.)
        let depth = 20 * crate::import::html::MAX_DEPTH;
        let page = format!(
            "<body>{}deep{}<p>after</p></body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let r = readable(&tree(&page));
        assert!(r.body.contains("after"), "{}", r.body.len());
        assert!(!r.body.contains("deep"));
    }
}
