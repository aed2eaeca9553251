//! A reader's text as the analyser receives it: a file's bytes, a paste, or
//! an HTML document already reduced to its readable text by the page (which
//! has the browser's inert HTML parser). [`open`] turns any of them into an
//! [`Imported`] text or a typed [`ImportError`] that the app words for the
//! reader.
//!
//! ```
//! use article_analysis::import::open::{open, ImportError, Source};
//! let text = open(Source::Paste("Joe Biden spoke in Kyiv.".into())).unwrap();
//! assert_eq!(text.body, "Joe Biden spoke in Kyiv.");
//! assert_eq!(open(Source::Paste("https://example.org/a".into())), Err(ImportError::OnlyAUrl));
//! ```

use serde::{Deserialize, Serialize};

use super::{decode, is_only_a_url, open_text, Format, Imported};

/// What the reader opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A picked or dropped file (`.txt`, `.md`; HTML is [`Source::Readable`]).
    File {
        /// Its name, for the format and for messages.
        name: String,
        /// Its bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Pasted text.
    Paste(String),
    /// An HTML document's readable text, found by the page.
    Readable(Imported),
}

/// Why a text cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportError {
    /// The file has no bytes.
    Empty(String),
    /// The file holds binary data, not text.
    Binary(String),
    /// Nothing readable is left (only white space or markup).
    NoText(String),
    /// The file could not be read (removed or changed since it was picked).
    Unreadable(String),
    /// The paste is empty.
    EmptyPaste,
    /// The paste is only a web address; the app fetches nothing.
    OnlyAUrl,
}

/// Reads what the reader opened: decodes a file (BOM, UTF-16, invalid UTF-8
/// counted in a notice, control characters dropped), converts Markdown,
/// keeps a plain text's front matter.
pub fn open(source: Source) -> Result<Imported, ImportError> {
    match source {
        Source::File { name, bytes } => {
            if bytes.is_empty() {
                return Err(ImportError::Empty(name));
            }
            let decoded = decode::decode(&bytes);
            if decoded.binary {
                return Err(ImportError::Binary(name));
            }
            let notice = decoded.notice();
            let mut imported = match Format::from_file_name(&name) {
                // Reduced to its readable text (without a parser, an HTML
                // file reads as text).
                #[cfg(feature = "html-parse")]
                Format::Html => super::html::readable(&super::html_parse::tree(&decoded.text)),
                format => open_text(&decoded.text, format),
            };
            imported.notices.extend(notice);
            if imported.body.trim().is_empty() {
                return Err(ImportError::NoText(name));
            }
            Ok(imported)
        }
        Source::Paste(text) => {
            if text.trim().is_empty() {
                return Err(ImportError::EmptyPaste);
            }
            if is_only_a_url(&text) {
                return Err(ImportError::OnlyAUrl);
            }
            Ok(open_text(&decode::clean_controls(&text), Format::Text))
        }
        Source::Readable(imported) => {
            if imported.body.trim().is_empty() {
                return Err(ImportError::NoText(imported.title.unwrap_or_default()));
            }
            Ok(imported)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
        open(Source::File {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        })
    }

    #[test]
    fn files_are_decoded_by_name() {
        let md = file("a.md", b"# Title\n\nSome *text*.").expect("markdown");
        assert_eq!(md.title.as_deref(), Some("Title"));
        assert!(md.body.contains("Some text."));
        let txt = file("a.txt", b"---\ntitle: T\n---\nBody \xFF.").expect("text");
        assert!(txt.front_matter);
        assert_eq!(txt.notices.len(), 1);
    }

    #[test]
    fn bad_files_and_pastes_are_refused_by_kind() {
        assert_eq!(file("e.txt", b""), Err(ImportError::Empty("e.txt".into())));
        assert_eq!(
            file("p.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ImportError::Binary("p.txt".into()))
        );
        assert_eq!(file("b.md", b"  \n\n"), Err(ImportError::NoText("b.md".into())));
        assert_eq!(open(Source::Paste(" \n".into())), Err(ImportError::EmptyPaste));
        assert_eq!(
            open(Source::Paste("www.example.org".into())),
            Err(ImportError::OnlyAUrl)
        );
    }

    #[test]
    fn pasted_control_characters_are_dropped() {
        let t = open(Source::Paste("Kyiv\u{7} said.".into())).expect("paste");
        assert_eq!(t.body, "Kyiv said.");
    }

    #[cfg(feature = "html-parse")]
    #[test]
    fn an_html_file_reads_as_its_readable_text() {
        let page = b"<!doctype html><title>Story</title><nav>Home</nav><article><p>Joe Biden spoke.<script>x()</script></p></article>";
        let r = file("page.html", page).expect("readable");
        assert_eq!(r.title.as_deref(), Some("Story"));
        assert_eq!(r.body.trim(), "Joe Biden spoke.");
        assert_eq!(
            file("blank.html", b"<p> </p>"),
            Err(ImportError::NoText("blank.html".into()))
        );
    }
}
