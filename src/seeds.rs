//! The articles embedded at build time from `seeds/` (see `build.rs`).

use article_analysis::Article;

use crate::library::{Item, Origin};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// Parses every embedded article, in file-name order. Bytes that are not
/// UTF-8 become U+FFFD rather than failing; ids are made unique.
pub fn load() -> Vec<Article> {
    let mut out: Vec<Article> = Vec::with_capacity(SEEDS.len());
    for (name, bytes) in SEEDS {
        let mut article = Article::parse(name, &String::from_utf8_lossy(bytes));
        let base = article.id.clone();
        let mut n = 2;
        while out.iter().any(|a| a.id == article.id) {
            article.id = format!("{base}-{n}");
            n += 1;
        }
        out.push(article);
    }
    out
}

/// The seeds as library items (read-only).
pub fn items() -> Vec<Item> {
    load()
        .into_iter()
        .map(|article| Item {
            article,
            origin: Origin::Seed,
            entity_count: None,
        })
        .collect()
}
