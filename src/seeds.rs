//! The articles embedded at build time from the seeds folder (see
//! `build.rs`: `seeds/`, or the folder named by `ARTICLE_EXPLORER_SEEDS`).

use article_analysis::import::open_seed;
use article_analysis::Article;

use crate::library::{Item, Origin};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// Reads every embedded article, in file-name order, as an opened file is
/// read (`import::open_seed`: decoded, control characters dropped). Empty,
/// blank and binary files are left out; they and undecodable characters are
/// reported in one sentence for the reader. Ids are made unique.
pub fn load() -> (Vec<Article>, Option<String>) {
    let mut out: Vec<Article> = Vec::with_capacity(SEEDS.len());
    let mut notices: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    for (name, bytes) in SEEDS {
        let mut article = match open_seed(name, bytes) {
            Ok((article, notice)) => {
                notices.extend(notice);
                article
            }
            Err(problem) => {
                left_out.push(problem);
                continue;
            }
        };
        let base = article.id.clone();
        let mut n = 2;
        while out.iter().any(|a| a.id == article.id) {
            article.id = format!("{base}-{n}");
            n += 1;
        }
        out.push(article);
    }
    if !left_out.is_empty() {
        notices.insert(
            0,
            format!(
                "{} embedded article{} left out: {}",
                left_out.len(),
                if left_out.len() == 1 { " was" } else { "s were" },
                left_out.join(" ")
            ),
        );
    }
    let notice = (!notices.is_empty()).then(|| notices.join(" "));
    (out, notice)
}

/// The seeds as library items (read-only), and what the reader should know
/// about files that could not be read.
pub fn items() -> (Vec<Item>, Option<String>) {
    let (articles, notice) = load();
    let items = articles
        .into_iter()
        .map(|article| Item {
            article,
            origin: Origin::Seed,
            entity_count: None,
        })
        .collect();
    (items, notice)
}
