//! The records of the published articles and the boot data that points to
//! them.

use std::io;
use std::path::Path;

use article_analysis::record::{ArticleRecord, Boot, CatalogEntry, BOOT_CATALOG};
use article_analysis::Analysis;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::seeds::Seeds;

/// The folder of the records, relative to the app.
pub const ARTICLES_DIR: &str = "articles";

/// The analyser worker's loader script unless the build names another.
pub const ANALYSER_LOADER: &str = "analyzer_loader.js";

/// The element id the app reads the boot data from.
pub const BOOT_ID: &str = "boot";

/// Analyses every article, writes its record as
/// `articles/<id>.<first 10 hex digits of its SHA-256>.bin` and returns the
/// boot data.
pub fn write_records(seeds: Seeds, out_dir: &Path) -> io::Result<Boot> {
    let dir = out_dir.join(ARTICLES_DIR);
    std::fs::create_dir_all(&dir)?;
    let total = seeds.articles.len() as u64;
    let mut boot = Boot {
        total,
        notice: seeds.notice,
        ..Boot::default()
    };
    for article in seeds.articles {
        let record = ArticleRecord::of(&Analysis::new(article));
        let bytes = record.to_bytes();
        let hash = Sha256::digest(&bytes);
        let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
        let name = format!("{}.{hex}.bin", record.article.id);
        std::fs::write(dir.join(&name), &bytes)?;
        if boot.catalog.len() < BOOT_CATALOG {
            boot.catalog
                .push(CatalogEntry::of(&record, format!("{ARTICLES_DIR}/{name}")));
        }
        if boot.first.is_none() {
            boot.first = Some(record);
        }
    }
    Ok(boot)
}

/// The boot data as an inert data block (a script element of a type the
/// browser never runs), base64 inside.
pub fn script(boot: &Boot) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(boot.to_bytes());
    format!("<script type=\"application/octet-stream\" id=\"{BOOT_ID}\">{b64}</script>")
}
