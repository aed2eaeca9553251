//! The records of the published articles and the boot data that points to
//! them: for the served app (records fetched from `articles/` when opened)
//! and for the app in one file (records inside the boot data).

use std::io;
use std::path::Path;

use article_analysis::record::{ArticleRecord, Boot, CatalogEntry, BOOT_CATALOG};
use article_analysis::Analysis;
use sha2::{Digest, Sha256};

use crate::seeds::Seeds;

/// The folder of the records, relative to the app.
pub const ARTICLES_DIR: &str = "articles";

/// The analyser worker's loader script unless the build names another.
pub const ANALYSER_LOADER: &str = "analyzer_loader.js";

/// The boot data of both forms of the app.
pub struct Boots {
    /// For `index.html`: the catalog names each record's file.
    pub served: Boot,
    /// For `article-explorer.html`: every catalog entry's record inside
    /// (the first in `first`, the others in `records`); no analyser URL,
    /// the page makes the worker from its own inlined parts.
    pub one_file: Boot,
}

/// Analyses every article, writes its record as
/// `articles/<id>.<first 10 hex digits of its SHA-256>.bin` and returns the
/// boot data. Both catalogs list the first [`BOOT_CATALOG`] articles.
pub fn write_records(seeds: Seeds, out_dir: &Path, loader: &str) -> io::Result<Boots> {
    let dir = out_dir.join(ARTICLES_DIR);
    std::fs::create_dir_all(&dir)?;
    let total = seeds.articles.len() as u64;
    let mut served = Boot {
        total,
        notice: seeds.notice,
        analyser: loader.to_string(),
        ..Boot::default()
    };
    let mut one_file = Boot {
        analyser: String::new(),
        ..served.clone()
    };
    for article in seeds.articles {
        let record = ArticleRecord::of(&Analysis::new(article));
        let bytes = record.to_bytes();
        let hash = Sha256::digest(&bytes);
        let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
        let name = format!("{}.{hex}.bin", record.article.id);
        std::fs::write(dir.join(&name), &bytes)?;
        if served.catalog.len() >= BOOT_CATALOG {
            continue;
        }
        served
            .catalog
            .push(CatalogEntry::of(&record, format!("{ARTICLES_DIR}/{name}")));
        one_file.catalog.push(CatalogEntry::of(&record, String::new()));
        if served.first.is_none() {
            served.first = Some(record.clone());
            one_file.first = Some(record);
        } else {
            one_file.records.push(record);
        }
    }
    Ok(Boots { served, one_file })
}
