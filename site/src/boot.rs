//! Where each article's record goes, and the boot data that `index.html`
//! carries: the first article's record and the first catalog entries.

use article_analysis::record::Boot;
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The folder of the records, relative to the app.
pub const ARTICLES_DIR: &str = "articles";

/// The analyser worker's loader script unless the build names another.
pub const ANALYSER_LOADER: &str = "analyzer_loader.js";

/// The element id the app reads the boot data from.
pub const BOOT_ID: &str = "boot";

/// A record's file, relative to the app:
/// `articles/<id>.<first 10 hex digits of the SHA-256 of its bytes>.bin`
/// (named by content, so a host may cache it for ever).
pub fn record_file(id: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("{ARTICLES_DIR}/{id}.{hex}.bin")
}

/// The boot data as an inert data block (a script element of a type the
/// browser never runs), base64 inside.
pub fn script(boot: &Boot) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(boot.to_bytes());
    format!("<script type=\"application/octet-stream\" id=\"{BOOT_ID}\">{b64}</script>")
}
