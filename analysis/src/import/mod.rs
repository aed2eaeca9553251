//! Opening the reader's own texts: bytes to text ([`decode`]), Markdown to
//! plain paragraphs ([`markdown`]), an HTML document tree to its readable
//! article text ([`html`]), and [`open_seed`] / [`open_text`], which pick by file name or format.
//!
//! Nothing here executes or keeps markup: the result is plain text, one
//! paragraph per line, which [`crate::document::Article::parse`] then reads.

pub mod decode;
pub mod html;
#[cfg(feature = "html-parse")]
pub mod html_parse;
pub mod markdown;
pub mod open;

use crate::document::Article;

/// Largest file the app opens, in bytes.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The kind of text, from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt` or anything unknown).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`, `.xhtml`): parsed by the caller into a tree.
    Html,
}

impl Format {
    /// Guesses the format from a file name.
    pub fn from_file_name(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// An opened text, ready to become an [`Article`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Imported {
    /// The title found in the document (Markdown or HTML heading, `<title>`).
    pub title: Option<String>,
    /// Plain text, one paragraph per line.
    pub body: String,
    /// Things the reader should know (replaced characters, …).
    pub notices: Vec<String>,
    /// The body is the file as written, whose front matter (if any) is read;
    /// false for text derived from Markdown or HTML, which has none.
    pub front_matter: bool,
}

impl Imported {
    /// Builds the article; the id is given by the caller (the library
    /// derives it from the content).
    pub fn into_article(self, id: &str) -> Article {
        let mut article = if self.front_matter {
            Article::parse(id, &self.body)
        } else {
            Article::from_body(id, &self.body)
        };
        article.id = id.to_string();
        if let Some(t) = self.title.filter(|t| !t.trim().is_empty()) {
            article.meta.title = t;
        }
        article
    }
}

/// Opens plain text or Markdown (HTML needs a parsed tree: see [`html`]).
pub fn open_text(text: &str, format: Format) -> Imported {
    match format {
        Format::Markdown => {
            let (title, body) = markdown::to_text(text);
            Imported {
                title,
                body,
                notices: Vec::new(),
                front_matter: false,
            }
        }
        Format::Text | Format::Html => Imported {
            title: None,
            body: text.to_string(),
            notices: Vec::new(),
            front_matter: true,
        },
    }
}

/// Reads one published article (a file of the seeds folder or of a
/// publisher's archive, see the site build) the way an opened file is read:
/// decoded by [`decode::decode`] (BOM, UTF-16, invalid UTF-8 counted in a
/// notice, control characters dropped); a plain text keeps its front
/// matter, Markdown is converted ([`markdown`]), HTML is reduced to its
/// readable text ([`html::readable`]) from the tree `parse_html` builds (the
/// site build parses with html5ever; without a parser an HTML file is read
/// as text). Markdown, like text, may start with front matter. An empty, binary or blank file is refused with a sentence
/// naming it; a file with undecodable bytes is kept with a notice. The id
/// is the file name's ([`crate::document::id_from_file_name`]).
pub fn open_seed(
    file_name: &str,
    bytes: &[u8],
    parse_html: Option<&dyn Fn(&str) -> html::Node>,
) -> Result<(Article, Option<String>), String> {
    if bytes.is_empty() {
        return Err(format!("\u{201c}{file_name}\u{201d} is empty."));
    }
    let decoded = decode::decode(bytes);
    if decoded.binary {
        return Err(format!(
            "\u{201c}{file_name}\u{201d} does not look like a text file (it contains binary data)."
        ));
    }
    let article = match (Format::from_file_name(file_name), parse_html) {
        (Format::Markdown, _) => {
            // A published Markdown file may carry front matter, as a text does.
            let (mut meta, rest) = crate::document::split_front_matter(&decoded.text);
            let (title, body) = markdown::to_text(rest);
            if meta.title.trim().is_empty() {
                meta.title = title.unwrap_or_default();
            }
            Article::with_meta(file_name, meta, &body)
        }
        (Format::Html, Some(parse)) => {
            html::readable(&parse(&decoded.text)).into_article(&crate::document::id_from_file_name(file_name))
        }
        _ => Article::parse(file_name, &decoded.text),
    };
    if article.paragraphs.is_empty() {
        return Err(format!("\u{201c}{file_name}\u{201d} has no readable text."));
    }
    let notice = decoded
        .notice()
        .map(|n| format!("\u{201c}{file_name}\u{201d}: {n}"));
    Ok((article, notice))
}

/// True when the pasted text is only a web address: the app cannot fetch
/// it and says that the page's text is needed.
pub fn is_only_a_url(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    !t.is_empty()
        && !t.chars().any(char::is_whitespace)
        && (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
}

/// A stable id for a text: `local-` and the FNV-1a 64-bit hash of its bytes
/// in hex. The same text opened twice gets the same id.
pub fn content_id(text: &str) -> String {
    format!("local-{:016x}", crate::hash::fnv1a(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_text_that_looks_like_front_matter_stays_body() {
        // Two headings "---" become the lines "---", "---": text, not an
        // empty front matter block (found by the `import` fuzz target).
        let imported = open_text("# ---\n\n# ---\n\nA line.\n", Format::Markdown);
        let a = imported.clone().into_article("x");
        assert_eq!(a.body, imported.body);
        assert_eq!(a.paragraphs.len(), 3);
        // A plain text file's front matter is still read.
        let t = open_text("---\ntitle: Hello\n---\nBody.\n", Format::Text).into_article("y");
        assert_eq!(t.meta.title, "Hello");
        assert_eq!(t.body, "Body.\n");
    }

    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_file_name("a.MD"), Format::Markdown);
        assert_eq!(Format::from_file_name("page.htm"), Format::Html);
        assert_eq!(Format::from_file_name("notes"), Format::Text);
    }

    #[test]
    fn url_only_pastes_are_recognised() {
        assert!(is_only_a_url("  https://example.org/story?id=1 \n"));
        assert!(is_only_a_url("www.example.org"));
        assert!(!is_only_a_url("See https://example.org for more"));
        assert!(!is_only_a_url(""));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(content_id("abc"), content_id("abc"));
        assert_ne!(content_id("abc"), content_id("abd"));
        assert!(content_id("").starts_with("local-"));
    }

    #[test]
    fn seeds_are_decoded_and_bad_ones_refused() {
        let (a, notice) = open_seed("a.txt", b"\xEF\xBB\xBFKyiv <b>x</b>\x07 ok.", None).expect("text");
        assert_eq!(a.paragraph_text(0), "Kyiv <b>x</b> ok.");
        assert_eq!(notice, None);
        let (a, notice) = open_seed("bad.txt", b"ok \xFF done.", None).expect("text");
        assert_eq!(a.paragraph_text(0), "ok \u{fffd} done.");
        assert!(notice.is_some_and(|n| n.starts_with("\u{201c}bad.txt\u{201d}: 1 character")));
        let mut le = vec![0xFF, 0xFE];
        for u in "Odesa.".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            open_seed("le.txt", &le, None)
                .expect("utf-16")
                .0
                .paragraph_text(0),
            "Odesa."
        );
        assert!(open_seed("e.txt", b"", None).is_err_and(|e| e.contains("is empty")));
        assert!(open_seed("b.txt", b" \n\t\n", None).is_err_and(|e| e.contains("no readable text")));
        assert!(
            open_seed("p.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).is_err_and(|e| e.contains("binary"))
        );
        assert!(open_seed("f.md", b"---\ntitle: T\n---\n", None).is_err());
    }

    #[test]
    fn published_markdown_and_html_are_read_like_opened_files() {
        let md = b"---\nsource: Wire\ndate: 2024-01-02\n---\n# Big *news*\n\nKyiv <b>said</b> [this](x).\n\n<script>x()</script>\n";
        let (a, _) = open_seed("story.md", md, None).expect("markdown");
        assert_eq!(a.meta.title, "Big news");
        assert_eq!(
            (a.meta.source.as_deref(), a.meta.date.as_deref()),
            (Some("Wire"), Some("2024-01-02"))
        );
        assert_eq!(a.paragraph_text(1), "Kyiv said this.");
        assert!(!a.body.contains("<script>") && !a.body.contains("x()"));
        let page = |_: &str| {
            html::Node::el(
                "html",
                vec![html::Node::el(
                    "body",
                    vec![html::Node::el("p", vec![html::Node::text("From HTML.")])],
                )],
            )
        };
        let (a, _) =
            open_seed("page.html", b"<p>ignored: the parser is given</p>", Some(&page)).expect("html");
        assert_eq!((a.id.as_str(), a.paragraph_text(0)), ("page", "From HTML."));
        let (a, _) = open_seed("page.html", b"<p>Kept as text</p>", None).expect("text");
        assert_eq!(a.paragraph_text(0), "<p>Kept as text</p>");
    }

    #[test]
    fn markdown_title_becomes_the_article_title() {
        let a = open_text("# Big news\n\nSome *text* here.", Format::Markdown).into_article("local-1");
        assert_eq!(a.meta.title, "Big news");
        assert_eq!(a.id, "local-1");
        assert_eq!(a.paragraph_text(1), "Some text here.");
    }
}
