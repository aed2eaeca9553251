//! An article as a result list shows it ([`DocFragment`]): made by the build
//! from the analysis, read by the app for a result's title and a snippet of
//! the passage that matches the query.

use std::ops::Range;

use super::format::{DocFragment, FRAGMENT_TEXT};
use crate::analysis::Analysis;
use crate::library::snippet;
use crate::record::CatalogEntry;
use crate::search::{Index, Query};
use crate::segment::Span;

/// A piece of a fragment's text around a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Which paragraph of the fragment.
    pub paragraph: usize,
    /// The text, cut at words, with "…" where it was cut.
    pub text: String,
    /// The match inside `text` (empty when the query matched no word of the
    /// fragment: the snippet is then the article's beginning).
    pub hit: Range<usize>,
}

impl DocFragment {
    /// The fragment of an analysed article: its entry and its first
    /// paragraphs, up to [`FRAGMENT_TEXT`] bytes (always the first one).
    pub fn of(doc: u32, analysis: &Analysis, entry: CatalogEntry) -> DocFragment {
        let mut paragraphs = Vec::new();
        let mut bytes = 0;
        for i in 0..analysis.article.paragraphs.len() {
            let p = analysis.article.paragraph_text(i);
            if !paragraphs.is_empty() && bytes + p.len() > FRAGMENT_TEXT {
                break;
            }
            bytes += p.len();
            paragraphs.push(p.to_string());
        }
        DocFragment {
            doc,
            entry,
            paragraphs,
        }
    }

    /// The first passage that matches the whole query, else the first that
    /// matches one of its terms (the archive matches over the whole article,
    /// a passage may hold only some of the words), cut to about `radius`
    /// characters on each side of its first match; else the beginning.
    pub fn snippet(&self, query: &Query, radius: usize) -> Option<Snippet> {
        let mut body = String::new();
        let mut spans: Vec<Span> = Vec::with_capacity(self.paragraphs.len());
        for p in &self.paragraphs {
            if !body.is_empty() {
                body.push('\n');
            }
            spans.push(body.len()..body.len() + p.len());
            body.push_str(p);
        }
        let index = Index::build(&body, &spans);
        let whole = std::iter::once(query.clone());
        let parts = query.positive().map(|c| Query::from_clauses(vec![c.clone()]));
        for q in whole.chain(parts) {
            let hits = index.search(&q);
            let (Some(&p), Some(m)) = (hits.passages.first(), hits.matches.first()) else {
                continue;
            };
            let span = spans.get(p)?;
            let text = body.get(span.clone())?;
            let (cut, hit) = snippet(
                text,
                m.start.saturating_sub(span.start)..m.end.saturating_sub(span.start),
                radius,
            );
            return Some(Snippet {
                paragraph: p,
                text: cut,
                hit,
            });
        }
        let text = self.paragraphs.first()?;
        let (cut, _) = snippet(text, 0..0, 2 * radius);
        Some(Snippet {
            paragraph: 0,
            text: cut,
            hit: 0..0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ArticleRecord;
    use crate::Article;

    fn fragment(text: &str) -> DocFragment {
        let a = Analysis::new(Article::parse("f.txt", text));
        let entry = CatalogEntry::of(&ArticleRecord::of(&a), "articles/f.0.bin".into());
        DocFragment::of(0, &a, entry)
    }

    #[test]
    fn a_fragment_keeps_whole_paragraphs_up_to_its_limit() {
        // Paragraphs of 2,999 bytes (under the article's passage limit):
        // as many whole ones as fit after the first, none cut.
        let par = "word ".repeat(600).trim_end().to_string();
        let text = format!("First paragraph.\n\n{}", [par.as_str(); 8].join("\n\n"));
        let f = fragment(&text);
        let fit = (FRAGMENT_TEXT - "First paragraph.".len()) / par.len();
        assert_eq!(f.paragraphs.len(), 1 + fit);
        assert_eq!(f.paragraphs.first().map(String::as_str), Some("First paragraph."));
        assert!(f.paragraphs.iter().skip(1).all(|p| *p == par));
        // A first paragraph longer than the limit (a record from elsewhere
        // may hold one) is kept alone: a fragment is never empty.
        let long = "word ".repeat(FRAGMENT_TEXT / 4);
        let mut a = Analysis::new(Article::parse("c.txt", &format!("{long}\n\nLast.")));
        let first = a.article.paragraphs.len() - 1;
        let sentences = a
            .article
            .paragraphs
            .drain(..first)
            .flat_map(|p| p.sentences)
            .collect();
        a.article.paragraphs.insert(
            0,
            crate::document::Paragraph {
                span: 0..long.trim_end().len(),
                sentences,
            },
        );
        let entry = CatalogEntry::of(&ArticleRecord::of(&a), "articles/c.0.bin".into());
        let f = DocFragment::of(1, &a, entry);
        assert_eq!(f.paragraphs, vec![long.trim_end().to_string()]);
    }

    #[test]
    fn the_snippet_shows_the_passage_that_matches() {
        let f =
            fragment("Kyiv at night.\n\nMissiles hit a power plant near Lviv.\n\nThe plant was repaired.");
        let s = f.snippet(&Query::parse("missile plant"), 20).expect("snippet");
        assert_eq!(s.paragraph, 1);
        assert_eq!(&s.text[s.hit.clone()], "Missiles");
        // Words in different passages: the first passage with one of them.
        let s = f.snippet(&Query::parse("kyiv repaired"), 20).expect("snippet");
        assert_eq!((s.paragraph, &s.text[s.hit.clone()]), (0, "Kyiv"));
        // No match in the fragment: its beginning.
        let s = f.snippet(&Query::parse("zzyzx"), 5).expect("snippet");
        assert_eq!((s.paragraph, s.hit.clone()), (0, 0..0));
        assert!(s.text.starts_with("Kyiv"));
    }
}
