//! Where each article's record goes, and the boot data of both forms of the
//! app: for the served app (`index.html`: the first article's record and
//! the first catalog entries, the other records fetched from `articles/`
//! when opened) and for the app in one file (every listed record inside).

use std::io;
use std::path::Path;

use article_analysis::record::{ArticleRecord, Boot, CatalogEntry};
use sha2::{Digest, Sha256};

/// The folder of the records, relative to the app.
pub const ARTICLES_DIR: &str = "articles";

/// The analyser worker's loader script unless the build names another.
pub const ANALYSER_LOADER: &str = "analyzer_loader.js";

/// A record's file, relative to the app:
/// `articles/<id>.<first 10 hex digits of the SHA-256 of its bytes>.bin`
/// (named by content, so a host may cache it for ever).
pub fn record_file(id: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("{ARTICLES_DIR}/{id}.{hex}.bin")
}

/// A record a run wrote under `out`.
pub fn read_record(out: &Path, entry: &CatalogEntry) -> io::Result<ArticleRecord> {
    let bytes = std::fs::read(out.join(&entry.file))?;
    ArticleRecord::from_bytes(&bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", entry.file)))
}

/// The boot data of `article-explorer.html` from the served app's: every
/// catalog entry's record inside (the first in `first`, the others in
/// `records`, read back from `out`), no file names and no analyser URL (the
/// page makes the worker from its own inlined parts).
pub fn one_file(served: &Boot, out: &Path) -> io::Result<Boot> {
    let mut boot = Boot {
        analyser: String::new(),
        catalog: Vec::with_capacity(served.catalog.len()),
        first: None,
        records: Vec::new(),
        ..served.clone()
    };
    for (i, entry) in served.catalog.iter().enumerate() {
        let record = match (i, &served.first) {
            (0, Some(first)) => first.clone(),
            _ => read_record(out, entry)?,
        };
        boot.catalog.push(CatalogEntry {
            file: String::new(),
            ..entry.clone()
        });
        if boot.first.is_none() {
            boot.first = Some(record);
        } else {
            boot.records.push(record);
        }
    }
    Ok(boot)
}
