//! Markdown to plain paragraphs, read with [`pulldown_cmark`] (CommonMark
//! with tables, strikethrough and task lists: linear time, no recursion
//! whose depth the input controls, fuzzed upstream).
//!
//! Headings, paragraphs, list items, block quotes and table rows become one
//! line each; markup is removed: emphasis, inline code (its text kept),
//! links (their text), images (their alt text), list markers, rules,
//! reference definitions, front matter (a YAML block at the very start) and
//! HTML tags. The text of a code block or an HTML block is kept, one
//! paragraph per run of non-blank lines; an HTML block holding a script or a
//! style sheet is dropped. Table cells are joined with ` · `. Nothing of
//! the Markdown is passed on as markup: the result is plain text.
//!
//! ```
//! let (title, body) = article_analysis::import::markdown::to_text(
//!     "# Title\n\nA **bold** [link](https://x.org) and `code`.\n\n- one\n- two",
//! );
//! assert_eq!(title.as_deref(), Some("Title"));
//! assert_eq!(body, "Title\nA bold link and code.\none\ntwo\n");
//! ```

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Converts Markdown; returns the first heading (as a title) and the body,
/// one paragraph per line.
pub fn to_text(md: &str) -> (Option<String>, String) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    // `[text][ref]` and `[text][]` without a definition keep their text, as
    // a link would; a lone `[text]` stays as written.
    let reference_as_link = |link: BrokenLink<'_>| {
        matches!(link.link_type, LinkType::Reference | LinkType::Collapsed)
            .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
    };
    let mut out = Converter::default();
    for event in Parser::new_with_broken_link_callback(md, options, Some(reference_as_link)) {
        out.event(event);
    }
    out.finish()
}

/// Where the text of the current block goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Block {
    /// Prose: whitespace collapses, the block is one paragraph.
    #[default]
    Prose,
    /// Code or raw HTML: kept raw until the block ends, then cut at blank
    /// lines.
    Raw,
    /// Front matter: dropped.
    Skipped,
}

/// The conversion state: paragraphs so far, the text of the block being
/// read, and the cells of the table row being read.
#[derive(Debug, Default)]
struct Converter {
    body: String,
    title: Option<String>,
    current: String,
    block: Block,
    html: bool,
    cells: Vec<String>,
}

impl Converter {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if self.block != Block::Skipped {
                    self.current.push_str(&t);
                }
            }
            // Raw HTML in a block is read when the block ends; an inline tag
            // is dropped (the text between tags comes as text).
            Event::Html(t) => {
                if self.block == Block::Raw {
                    self.current.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.current.push(' '),
            Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.block = Block::Raw;
                self.html = matches!(tag, Tag::HtmlBlock);
            }
            Tag::MetadataBlock(_) => {
                self.flush();
                self.block = Block::Skipped;
            }
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow => self.flush(),
            Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let heading = one_line(&self.current);
                self.current.clear();
                if !heading.is_empty() && self.title.is_none() {
                    self.title = Some(heading.clone());
                }
                self.push(&heading);
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                let raw = std::mem::take(&mut self.current);
                let text = if self.html { html_text(&raw) } else { raw };
                // One paragraph per run of non-blank lines.
                for line in text.lines() {
                    if line.trim().is_empty() {
                        self.flush();
                    } else {
                        self.current.push_str(line);
                        self.current.push(' ');
                    }
                }
                self.flush();
                self.block = Block::Prose;
                self.html = false;
            }
            TagEnd::MetadataBlock(_) => {
                self.current.clear();
                self.block = Block::Prose;
            }
            TagEnd::TableCell => {
                let cell = one_line(&self.current);
                self.current.clear();
                if !cell.is_empty() {
                    self.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let row = self.cells.join(" · ");
                self.cells.clear();
                self.push(&row);
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table => self.flush(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => {}
        }
    }

    /// Ends the current prose paragraph.
    fn flush(&mut self) {
        let p = one_line(&self.current);
        self.current.clear();
        self.push(&p);
    }

    /// Adds one paragraph (already on one line) unless it is empty.
    fn push(&mut self, paragraph: &str) {
        if !paragraph.is_empty() {
            self.body.push_str(paragraph);
            self.body.push('\n');
        }
    }

    fn finish(mut self) -> (Option<String>, String) {
        self.flush();
        (self.title, self.body)
    }
}

/// Whitespace collapsed to single spaces (a BOM counts as whitespace).
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The text of a raw HTML block: tags and comments removed (a `<` that
/// starts no tag stays), line breaks kept; nothing for a block that is a
/// script or a style sheet. One pass: each search for the end of a tag
/// starts where the previous one ended, and a tag left open ends the
/// search.
fn html_text(html: &str) -> String {
    let start = html.trim_start().get(..6).unwrap_or("").to_ascii_lowercase();
    if start.starts_with("<scrip") || start.starts_with("<style") {
        return String::new();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(rest.get(..lt).unwrap_or(""));
        let tag = rest.get(lt..).unwrap_or("");
        let opens_tag = tag
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !opens_tag {
            out.push('<');
            rest = tag.get(1..).unwrap_or("");
            continue;
        }
        let end = if tag.starts_with("<!--") {
            tag.find("-->").map(|e| e + 3)
        } else {
            tag.find('>').map(|e| e + 1)
        };
        match end {
            Some(e) => {
                out.push(' ');
                rest = tag.get(e..).unwrap_or("");
            }
            None => {
                out.push_str(tag);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(md: &str) -> String {
        to_text(md).1
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let md = "Intro line one\nline two\n\n## Second *heading* ##\n\n1. first\n2) second\n\n> quoted **text**\n\n---\n\nSetext\n======\n";
        let (title, body) = to_text(md);
        assert_eq!(title.as_deref(), Some("Second heading"));
        assert_eq!(
            body,
            "Intro line one line two\nSecond heading\nfirst\nsecond\nquoted text\nSetext\n"
        );
    }

    #[test]
    fn nested_lists_and_quotes_are_one_line_per_item() {
        assert_eq!(
            body("- a\n  - b\n    - c\n- d\n\n> > deep\n> back"),
            "a\nb\nc\nd\ndeep back\n"
        );
        assert_eq!(body("- [x] done\n- [ ] to do"), "done\nto do\n");
    }

    #[test]
    fn links_images_code_and_html() {
        assert_eq!(
            body("See [the *report*](http://x.org/a_(b)) now"),
            "See the report now\n"
        );
        assert_eq!(body("![a map](m.png) and [ref][1]"), "a map and ref\n");
        assert_eq!(body("A [note] stays."), "A [note] stays.\n");
        assert_eq!(
            body("use `a*b` and snake_case_name"),
            "use a*b and snake_case_name\n"
        );
        assert_eq!(
            body("a <b>bold</b> <https://x.org> 2 < 3"),
            "a bold https://x.org 2 < 3\n"
        );
        assert_eq!(body(r"\*not emphasis\*"), "*not emphasis*\n");
        assert_eq!(body("~~gone~~ 5 * 3 &amp; more"), "gone 5 * 3 & more\n");
    }

    #[test]
    fn raw_html_becomes_text_and_scripts_are_dropped() {
        let md = "<script>window.x=1</script>\n\nA [js](javascript:alert(1)) link.\n\n<img src=x onerror=alert(1)> after the image.\n\n<!-- note -->\n\n<div>\nOne <b>two</b>\n\n</div>";
        assert_eq!(body(md), "A js link.\nafter the image.\nOne two\n");
        // A `<` that starts no tag, and a tag left open, stay as text.
        assert_eq!(html_text("<p>2 < 3 <a href"), " 2 < 3 <a href");
    }

    #[test]
    fn fences_tables_definitions_and_front_matter() {
        let md = "---\ntitle: T\n---\n```rust\nlet x = 1;\n\nlet y = 2;\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |\n\n[1]: https://example.org\n";
        let (title, body) = to_text(md);
        assert_eq!(title, None);
        assert_eq!(body, "let x = 1;\nlet y = 2;\na · b\n1 · 2\n3\n");
    }

    #[test]
    fn markup_only_headings_leave_no_empty_line() {
        for md in ["<b>\n---\n-  ", "# \t``` ``` ", "#\n\n# *  *"] {
            let (_, body) = to_text(md);
            assert!(
                body.lines().all(|l| !l.trim().is_empty()),
                "{md:?} gives {body:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_needs_no_deep_stack() {
        // 100,000 levels of links, images, quotes and lists, converted on a
        // thread with a 256 KB stack (a wasm stack is 1 MB): nothing
        // recurses once per level.
        const K: usize = 100_000;
        let deep = std::thread::Builder::new().stack_size(256 * 1024).spawn(|| {
            let links = format!("{}x{}", "[".repeat(K), "](a)".repeat(K));
            let images = format!("{}x{}", "![".repeat(K), "](a)".repeat(K));
            let quotes = format!("{} x", ">".repeat(K));
            let lists = format!("{}x", "- ".repeat(K));
            [links, images, quotes, lists].map(|md| body(&md))
        });
        let bodies = deep.map(|t| t.join());
        assert!(matches!(bodies, Ok(Ok(_))), "{bodies:?}");
        if let Ok(Ok([links, images, quotes, lists])) = bodies {
            // A link cannot hold a link: the innermost is one, the brackets
            // around it stay as text.
            let k = K - 1;
            assert_eq!(links, format!("{}x{}\n", "[".repeat(k), "](a)".repeat(k)));
            assert!(images.ends_with("x\n"));
            assert_eq!((quotes.as_str(), lists.as_str()), ("x\n", "x\n"));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "[",
            "[a](",
            "![",
            "`",
            "``a`",
            "#",
            "######## x",
            "* ",
            "\u{202e}*x*",
            "<",
            "<a",
            "_é_",
            "\u{feff}# \u{feff}",
            "|",
            "| a |\n|-",
        ] {
            let _ = to_text(s);
        }
    }
}
