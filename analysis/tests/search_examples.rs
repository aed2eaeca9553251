//! End-to-end search examples on real text: the seed article and (when
//! present) War and Peace.

use article_analysis::search::{Index, Query};
use article_analysis::{Analysis, Article};

fn seed() -> Option<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds/000_8c592e3cf3c6a0f6.txt");
    let raw = std::fs::read_to_string(path).ok()?;
    Some(Article::parse("000_8c592e3cf3c6a0f6.txt", &raw))
}

fn found<'a>(a: &'a Analysis, q: &str) -> Vec<&'a str> {
    a.index
        .search(&Query::parse(q))
        .matches
        .iter()
        .filter_map(|m| a.article.body.get(m.clone()))
        .collect()
}

#[test]
fn seed_article_queries() {
    let Some(article) = seed() else { return };
    let a = Analysis::new(article);
    let n = a.index.passage_count();
    assert_eq!(n, a.article.paragraphs.len());

    // Empty query: everything.
    let all = a.index.search(&Query::parse("  "));
    assert_eq!(all.passages, (0..n).collect::<Vec<_>>());

    // Prefix while typing.
    let atac = a.index.search(&Query::parse("atac"));
    assert!(atac.passages.contains(&0));
    assert!(found(&a, "atac")
        .iter()
        .all(|w| w.to_lowercase().starts_with("atac")));

    // Stemming and possessives.
    assert!(found(&a, "missile ").contains(&"missiles"));
    assert!(found(&a, "biden ").contains(&"Biden's"));
    assert!(found(&a, "authorize ").contains(&"authorized"));

    // Phrase and negation.
    let times = a.index.search(&Query::parse("\"new york times\""));
    assert_eq!(times.passages, vec![1]);
    assert_eq!(found(&a, "\"new york times\""), ["New York Times"]);
    let no_times = a.index.search(&Query::parse("-\"new york times\""));
    assert_eq!(no_times.passages.len(), n - 1);
    assert!(no_times.matches.is_empty());

    // Did you mean.
    let typo = a.index.search(&Query::parse("Ukriane "));
    assert!(typo.passages.is_empty());
    assert_eq!(typo.missing, vec!["Ukriane"]);
    assert_eq!(typo.suggestions.first().map(String::as_str), Some("Ukraine"));
}

#[test]
fn war_and_peace_is_fast_enough() {
    let Ok(raw) = std::fs::read_to_string("/work/shared/data/texts/war-and-peace.txt") else {
        return;
    };
    let article = Article::parse("war-and-peace.txt", &raw);
    let passages = article.passages();
    let index = Index::build(&article.body, &passages);
    assert!(passages.len() > 10_000);
    let hits = index.search(&Query::parse("\"prince andrew\" natas"));
    assert!(!hits.passages.is_empty());
    assert!(found_all(&article.body, &hits.matches, "natas", "prince andrew"));
    let hits = index.search(&Query::parse("Napoleon -Moscow"));
    assert!(hits.passages.len() > 50);
    let typo = index.search(&Query::parse("Napolen "));
    assert_eq!(typo.suggestions.first().map(String::as_str), Some("Napoleon"));
}

fn found_all(body: &str, matches: &[std::ops::Range<usize>], prefix: &str, phrase: &str) -> bool {
    matches.iter().all(|m| {
        let s = body.get(m.clone()).unwrap_or("").to_lowercase();
        // The phrase may end in a possessive ("Prince Andrew's").
        s.starts_with(prefix)
            || s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .starts_with(phrase)
    })
}
