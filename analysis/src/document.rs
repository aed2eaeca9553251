//! Articles: optional front matter, body, paragraphs and sentences.
//!
//! An article file is plain text. It may start with front matter:
//!
//! ```text
//! ---
//! title: Biden allows Ukraine to strike Russia with ATACMS
//! source: The Kyiv Independent
//! date: 2024-11-17
//! url: https://example.org/story
//! ---
//! The body starts here.
//! ```
//!
//! Without a title, a short one is derived from the first sentence.
//!
//! ```
//! use article_analysis::document::Article;
//! let a = Article::parse("001_story.txt", "Officials met in Kyiv on Monday. They talked.");
//! assert_eq!(a.meta.title, "Officials met in Kyiv on Monday");
//! assert_eq!(a.paragraphs.len(), 1);
//! assert_eq!(a.paragraphs[0].sentences.len(), 2);
//! ```

use crate::segment::{paragraphs, sentences, Span};

/// What the front matter says about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The title: from the front matter, or derived from the first sentence.
    pub title: String,
    /// Publication or author, when given.
    pub source: Option<String>,
    /// Publication date as written, when given.
    pub date: Option<String>,
    /// Where the article was published, when given.
    pub url: Option<String>,
}

/// One paragraph of the body and its sentences (byte spans into the body).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// The paragraph, trimmed.
    pub span: Span,
    /// Its sentences, in order, inside `span`.
    pub sentences: Vec<Span>,
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// A stable id for URLs, from the file name ("000_8c59.txt" → "000_8c59").
    pub id: String,
    /// Title and metadata.
    pub meta: Meta,
    /// The text without front matter or byte-order mark.
    pub body: String,
    /// Paragraphs of `body`, in order; a paragraph is the unit that search
    /// and entity filters show or hide (a "passage").
    pub paragraphs: Vec<Paragraph>,
}

/// Longest paragraph shown and searched as one passage, in bytes. A text
/// with no paragraph breaks (a transcript on one line, a converted PDF) is
/// cut at sentence ends into passages of about this size, so no passage is
/// too long to read, render or filter by.
pub const MAX_PARAGRAPH_BYTES: usize = 4 * 1024;

/// Paragraph `span` with its `sentences`, or, when it is longer than
/// [`MAX_PARAGRAPH_BYTES`], consecutive runs of its sentences of about that
/// size (a longer sentence is cut at a space). Linear in the paragraph.
fn cut_long(body: &str, span: Span, sentences: Vec<Span>) -> Vec<Paragraph> {
    if span.end - span.start <= MAX_PARAGRAPH_BYTES {
        return vec![Paragraph { span, sentences }];
    }
    let mut pieces: Vec<Span> = Vec::new();
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_PARAGRAPH_BYTES {
            // The last space before the limit, else the first after it.
            let limit = floor_char_boundary(body, start + MAX_PARAGRAPH_BYTES);
            let cut = body
                .get(start..limit)
                .and_then(|t| t.rfind(' '))
                .map(|i| start + i)
                .filter(|&c| c > start)
                .or_else(|| {
                    body.get(limit..s.end)
                        .and_then(|t| t.find(' '))
                        .map(|i| limit + i)
                });
            let Some(cut) = cut else { break };
            pieces.push(start..cut);
            start = cut + 1;
        }
        if start < s.end {
            pieces.push(start..s.end);
        }
    }
    if pieces.is_empty() {
        return vec![Paragraph {
            span,
            sentences: Vec::new(),
        }];
    }
    let mut out: Vec<Paragraph> = Vec::new();
    for piece in pieces {
        match out.last_mut() {
            Some(p) if piece.end - p.span.start <= MAX_PARAGRAPH_BYTES => {
                p.span.end = piece.end;
                p.sentences.push(piece);
            }
            _ => out.push(Paragraph {
                span: piece.clone(),
                sentences: vec![piece],
            }),
        }
    }
    out
}

/// The largest `char` boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Longest derived title, in characters, before it is cut at a word boundary.
const MAX_TITLE_CHARS: usize = 90;

impl Article {
    /// Parses an article file. Never fails: a text without front matter is
    /// all body, a malformed front matter block is kept as body text.
    pub fn parse(file_name: &str, raw: &str) -> Article {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let (meta, body) = split_front_matter(raw);
        Article::with_meta(file_name, meta, body)
    }

    /// An article from text that has no front matter (text derived from
    /// Markdown or HTML): a leading "---" line is body text, never metadata.
    pub fn from_body(file_name: &str, body: &str) -> Article {
        let body = body.strip_prefix('\u{feff}').unwrap_or(body);
        Article::with_meta(file_name, Meta::default(), body)
    }

    /// An article from metadata and a body read separately (a Markdown
    /// file's front matter and its converted text); an empty title is
    /// derived from the first sentence.
    pub fn with_meta(file_name: &str, mut meta: Meta, body: &str) -> Article {
        let body = body.to_string();
        let paragraphs: Vec<Paragraph> = paragraphs(&body)
            .into_iter()
            .flat_map(|span| {
                let s = sentences(&body, span.clone());
                cut_long(&body, span, s)
            })
            .collect();
        if meta.title.trim().is_empty() {
            meta.title = derive_title(&body, &paragraphs);
        }
        Article {
            id: id_from_file_name(file_name),
            meta,
            body,
            paragraphs,
        }
    }

    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .and_then(|p| self.body.get(p.span.clone()))
            .unwrap_or("")
    }

    /// The paragraph spans, the passages that search and filters work on.
    pub fn passages(&self) -> Vec<Span> {
        self.paragraphs.iter().map(|p| p.span.clone()).collect()
    }
}

/// "seeds/000_8c59.txt" → "000_8c59"; characters outside `[A-Za-z0-9_-]`
/// become `-` so the id is safe in a URL.
pub fn id_from_file_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rfind('.') {
        Some(dot) if dot > 0 => &base[..dot],
        _ => base,
    };
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() {
        "article".to_string()
    } else {
        id
    }
}

/// The front matter block at the start of a file (see the module docs) and
/// the rest; no block (or a malformed one): empty metadata and all of `raw`.
pub fn split_front_matter(raw: &str) -> (Meta, &str) {
    let mut meta = Meta::default();
    let Some(rest) = raw
        .strip_prefix("---")
        .filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    else {
        return (meta, raw);
    };
    let mut offset = raw.len() - rest.len();
    for line in rest.split_inclusive('\n').skip(1) {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" {
            let body = &raw[offset + first_line_len(rest)..];
            return (meta, body);
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            if trimmed.is_empty() {
                continue;
            }
            // Not front matter after all: keep everything as body.
            return (Meta::default(), raw);
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = value,
            "source" | "publisher" | "author" => meta.source = Some(value).filter(|v| !v.is_empty()),
            "date" => meta.date = Some(value).filter(|v| !v.is_empty()),
            "url" | "link" => meta.url = Some(value).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    // No closing line: not front matter.
    (Meta::default(), raw)
}

fn first_line_len(rest: &str) -> usize {
    rest.find('\n').map_or(rest.len(), |i| i + 1)
}

fn derive_title(body: &str, paragraphs: &[Paragraph]) -> String {
    let Some(first) = paragraphs.first() else {
        return "Untitled article".to_string();
    };
    let sentence = first
        .sentences
        .first()
        .and_then(|s| body.get(s.clone()))
        .unwrap_or("");
    let sentence = sentence.trim().trim_end_matches(['.', '!', '?', '…']);
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().count() <= MAX_TITLE_CHARS {
        return if sentence.is_empty() {
            "Untitled article".to_string()
        } else {
            sentence
        };
    }
    let mut title = String::new();
    for word in sentence.split(' ') {
        if title.chars().count() + word.chars().count() + 1 > MAX_TITLE_CHARS {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        title = sentence.chars().take(MAX_TITLE_CHARS).collect();
    }
    let title = title.trim_end_matches([',', ';', ':', '-', '—']).to_string();
    title + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every non-space byte of `a`'s body is in exactly one paragraph, and
    /// the paragraphs are in order and within the limit.
    fn check_cut(a: &Article) {
        let mut covered = vec![false; a.body.len()];
        let mut last_end = 0;
        for p in &a.paragraphs {
            assert!(p.span.start >= last_end, "paragraphs in order");
            assert!(
                p.span.end - p.span.start <= MAX_PARAGRAPH_BYTES,
                "{:?} too long",
                p.span
            );
            covered[p.span.clone()].iter_mut().for_each(|c| *c = true);
            last_end = p.span.end;
        }
        for (i, b) in a.body.bytes().enumerate() {
            assert!(covered[i] || b.is_ascii_whitespace(), "byte {i} left out");
        }
    }

    #[test]
    fn a_text_on_one_line_is_cut_into_readable_passages_at_sentence_ends() {
        let body = "John Smith met Smith. ".repeat(5_000);
        let a = Article::from_body("t.txt", &body);
        assert!(a.paragraphs.len() >= 6, "{} passages", a.paragraphs.len());
        check_cut(&a);
        for p in &a.paragraphs {
            assert!(
                a.body[p.span.clone()].ends_with("Smith."),
                "cut at a sentence end"
            );
        }
    }

    #[test]
    fn one_endless_sentence_is_cut_at_spaces_and_short_paragraphs_are_kept() {
        let body = "Kyiv, Paris, Lviv and Rome ".repeat(3_000);
        let a = Article::from_body("t.txt", &body);
        assert!(a.paragraphs.len() >= 4);
        check_cut(&a);
        let short = Article::from_body("t.txt", "One. Two.\n\nThree.");
        assert_eq!(short.paragraphs.len(), 2);
    }

    #[test]
    fn front_matter_is_read_and_removed() {
        let raw = "---\ntitle: A title\nsource: Example News\ndate: 2024-11-17\nurl: https://example.org/a\n---\nBody text here.\n";
        let a = Article::parse("x.txt", raw);
        assert_eq!(a.meta.title, "A title");
        assert_eq!(a.meta.source.as_deref(), Some("Example News"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-11-17"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.body, "Body text here.\n");
        assert_eq!(a.paragraph_text(0), "Body text here.");
    }

    #[test]
    fn unterminated_front_matter_stays_body() {
        let raw = "---\ntitle: oops\nBody";
        let a = Article::parse("x.txt", raw);
        assert_eq!(a.body, raw);
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn title_derived_from_first_sentence_and_shortened() {
        let raw = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../seeds/000_8c592e3cf3c6a0f6.txt"
        ))
        .expect("seed article");
        let a = Article::parse("000_8c592e3cf3c6a0f6.txt", &raw);
        assert_eq!(a.id, "000_8c592e3cf3c6a0f6");
        assert!(a
            .meta
            .title
            .starts_with("U.S. President Joe Biden has authorized Ukraine"));
        assert!(a.meta.title.ends_with('…'));
        assert!(a.meta.title.chars().count() <= MAX_TITLE_CHARS + 1);
        assert_eq!(a.paragraphs.len(), 11);
    }

    #[test]
    fn bom_and_empty_input() {
        let a = Article::parse("empty.txt", "\u{feff}");
        assert_eq!(a.meta.title, "Untitled article");
        assert!(a.paragraphs.is_empty());
        assert_eq!(a.paragraph_text(3), "");
    }

    #[test]
    fn ids_are_url_safe() {
        assert_eq!(id_from_file_name("seeds/01 My story?.txt"), "01-My-story-");
        assert_eq!(id_from_file_name(".txt"), "-txt");
        assert_eq!(id_from_file_name(""), "article");
    }
}
