//! Across articles: ranked search over a library and an entity index
//! ("Joe Biden: 3 articles, 11 mentions").
//!
//! Articles are ranked with BM25 (k1 = 1.2, b = 0.75) over the article's
//! words: each positive clause of the query is a term whose frequency is the
//! number of its matches in the article's matching passages. An article is a
//! result only if at least one of its passages matches the whole query.
//!
//! ```
//! use article_analysis::{library, search::Query, Analysis, Article};
//! let a = Analysis::new(Article::parse("a.txt", "Missiles, missiles and more missiles."));
//! let b = Analysis::new(Article::parse("b.txt", "One missile.\nNothing else here at all."));
//! let results = library::search(&[&a, &b], &Query::parse("missile"));
//! assert_eq!(results.iter().map(|r| r.article).collect::<Vec<_>>(), vec![0, 1]);
//! ```

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::normalize::fold;
use crate::search::Query;
use crate::segment::Span;

/// BM25 term-frequency saturation.
pub(crate) const K1: f64 = 1.2;
/// BM25 length normalization.
pub(crate) const B: f64 = 0.75;
/// Most passages listed per article in the results.
pub const MAX_PASSAGES_PER_ARTICLE: usize = 5;

/// One article in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHit {
    /// Index of the article in the slice given to [`search`].
    pub article: usize,
    /// BM25 score (higher is better).
    pub score: f64,
    /// Number of highlighted matches in the article.
    pub matches: usize,
    /// Matching passages (paragraph indices), ascending.
    pub passages: Vec<usize>,
    /// The first matching passages with their matches, for snippets:
    /// (paragraph index, match spans inside it).
    pub snippets: Vec<(usize, Vec<Span>)>,
}

/// Searches every article; results sorted by score, best first (ties keep
/// library order).
pub fn search(articles: &[&Analysis], query: &Query) -> Vec<ArticleHit> {
    if query.is_empty() || articles.is_empty() {
        return Vec::new();
    }
    let positive: Vec<Query> = query
        .positive()
        .map(|c| Query::from_clauses(vec![c.clone()]))
        .collect();
    let lengths: Vec<f64> = articles.iter().map(|a| a.index.token_count() as f64).collect();
    let avg_len = (lengths.iter().sum::<f64>() / lengths.len() as f64).max(1.0);
    // Term frequencies per article and clause, and document frequencies.
    let tf: Vec<Vec<usize>> = articles
        .iter()
        .map(|a| positive.iter().map(|q| a.index.search(q).matches.len()).collect())
        .collect();
    let n = articles.len() as f64;
    let idf: Vec<f64> = (0..positive.len())
        .map(|c| {
            let df = tf.iter().filter(|t| t[c] > 0).count() as f64;
            ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
        })
        .collect();
    let mut hits: Vec<ArticleHit> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let h = a.index.search(query);
        if h.passages.is_empty() {
            continue;
        }
        let norm = K1 * (1.0 - B + B * lengths[i] / avg_len);
        let score = if positive.is_empty() {
            0.0
        } else {
            (0..positive.len())
                .map(|c| {
                    let f = tf[i][c] as f64;
                    idf[c] * f * (K1 + 1.0) / (f + norm)
                })
                .sum()
        };
        let snippets = h
            .passages
            .iter()
            .take(MAX_PASSAGES_PER_ARTICLE)
            .filter_map(|&p| {
                let span = a.article.paragraphs.get(p)?.span.clone();
                let inside: Vec<Span> = h
                    .matches
                    .iter()
                    .filter(|m| m.start >= span.start && m.end <= span.end)
                    .cloned()
                    .collect();
                Some((p, inside))
            })
            .collect();
        hits.push(ArticleHit {
            article: i,
            score,
            matches: h.matches.len(),
            passages: h.passages,
            snippets,
        });
    }
    hits.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.article.cmp(&y.article)));
    hits
}

/// A short snippet of `text` around `span` (at most `radius` characters on
/// each side, cut at spaces), with the span's position inside the snippet.
pub fn snippet(text: &str, span: Span, radius: usize) -> (String, Span) {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return (String::new(), 0..0);
    }
    let before: Vec<(usize, char)> = text[..start].char_indices().rev().take(radius).collect();
    let mut from = before.last().map_or(start, |&(b, _)| b);
    if from > 0 {
        if let Some(sp) = text[from..start].find(' ') {
            from += sp + 1;
        }
    }
    let mut to = text[end..]
        .char_indices()
        .nth(radius)
        .map_or(text.len(), |(b, _)| end + b);
    if to < text.len() {
        if let Some(sp) = text[end..to].rfind(' ') {
            to = end + sp;
        }
    }
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < text.len() { "…" } else { "" };
    let s = format!("{prefix}{}{suffix}", &text[from..to]);
    let off = prefix.len() + (start - from);
    (s, off..off + (end - start))
}

/// One entity across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntity {
    /// Canonical name (the longest name seen).
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Total mentions across articles.
    pub mentions: usize,
    /// (article index, entity index in that article's analysis, mentions).
    pub articles: Vec<(usize, usize, usize)>,
}

/// Groups the entities of all articles by kind and name (an entity matches
/// another when its folded name or one of its aliases equals the other's
/// folded name), sorted by number of articles, then mentions, then name.
pub fn entity_index(articles: &[&Analysis]) -> Vec<LibraryEntity> {
    let mut out: Vec<LibraryEntity> = Vec::new();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for (ei, e) in a.entities.entities.iter().enumerate() {
            let keys: Vec<String> = std::iter::once(fold(&e.name))
                .chain(e.aliases.iter().map(|x| fold(x)))
                .collect();
            let found = keys
                .iter()
                .find_map(|k| by_key.get(&(e.kind, k.clone())).copied());
            let slot = match found {
                Some(s) => s,
                None => {
                    out.push(LibraryEntity {
                        name: e.name.clone(),
                        kind: e.kind,
                        mentions: 0,
                        articles: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            for k in keys {
                by_key.entry((e.kind, k)).or_insert(slot);
            }
            let entry = &mut out[slot];
            if e.name.chars().count() > entry.name.chars().count() {
                entry.name = e.name.clone();
            }
            entry.mentions += e.mentions;
            entry.articles.push((ai, ei, e.mentions));
        }
    }
    out.sort_by(|x, y| {
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then(y.mentions.cmp(&x.mentions))
            .then_with(|| fold(&x.name).cmp(&fold(&y.name)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;

    fn analysed(name: &str, text: &str) -> Analysis {
        Analysis::new(Article::parse(name, text))
    }

    #[test]
    fn ranks_by_frequency_and_skips_articles_without_a_match() {
        let a = analysed("a.txt", "Kyiv is far.\nNothing about it.");
        let b = analysed("b.txt", "Kyiv and Kyiv and KYIV again.");
        let c = analysed("c.txt", "Paris only.");
        let hits = search(&[&a, &b, &c], &Query::parse("kyiv "));
        assert_eq!(hits.iter().map(|h| h.article).collect::<Vec<_>>(), vec![1, 0]);
        assert_eq!(hits[0].matches, 3);
        assert_eq!(hits[1].passages, vec![0]);
        let expected: Vec<(usize, Vec<Span>)> = vec![(0, std::iter::once(0..4).collect())];
        assert_eq!(hits[1].snippets, expected);
    }

    #[test]
    fn rare_terms_weigh_more() {
        // "alpha" is everywhere, "omega" only in the second article.
        let a = analysed("a.txt", "alpha alpha alpha beta.");
        let b = analysed("b.txt", "alpha omega.");
        let c = analysed("c.txt", "alpha gamma.");
        let hits = search(&[&a, &b, &c], &Query::parse("alpha omega "));
        assert_eq!(hits.len(), 1);
        let hits = search(&[&a, &b, &c], &Query::parse("alpha "));
        assert_eq!(hits[0].article, 0);
    }

    #[test]
    fn empty_query_finds_nothing() {
        let a = analysed("a.txt", "text");
        assert!(search(&[&a], &Query::parse("  ")).is_empty());
        assert!(search(&[], &Query::parse("text")).is_empty());
    }

    #[test]
    fn snippets_are_cut_at_spaces_and_keep_the_match() {
        let text = "The quick brown fox jumps over the lazy dog near the river bank.";
        let start = text.find("lazy").unwrap_or(0);
        let (s, span) = snippet(text, start..start + 4, 12);
        assert_eq!(&s[span.clone()], "lazy");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        let text = "né à Kyiv";
        let k = text.find("Kyiv").unwrap_or(0);
        let (s, span) = snippet(text, k..k + 4, 100);
        assert_eq!(&s[span], "Kyiv");
        // Out-of-range spans are clamped to the text, never a panic.
        assert!(snippet("abc", 5..9, 3).1.is_empty());
        assert_eq!(snippet("é", 1..2, 3), (String::new(), 0..0));
    }

    #[test]
    fn entity_index_merges_across_articles() {
        let seed = include_str!("../../seeds/000_8c592e3cf3c6a0f6.txt");
        let a = analysed("a.txt", seed);
        let b = analysed(
            "b.txt",
            "President Joe Biden spoke in Kyiv on Monday. Biden then left Ukraine.",
        );
        let idx = entity_index(&[&a, &b]);
        let biden = idx
            .iter()
            .find(|e| e.kind == EntityKind::Person && e.name.contains("Biden"));
        let biden = biden.expect("Biden in the index");
        assert_eq!(biden.articles.len(), 2);
        assert_eq!(biden.mentions, biden.articles.iter().map(|x| x.2).sum::<usize>());
        let ukraine = idx
            .iter()
            .find(|e| e.kind == EntityKind::Place && e.name == "Ukraine");
        assert_eq!(ukraine.map(|e| e.articles.len()), Some(2));
    }
}
