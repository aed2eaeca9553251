//! Reads an article record on the page without a long task: a record in
//! pieces (`ArticleRecord::to_pieces`, how the analyser sends a reader's
//! text and how the library keeps it) is read a few pieces per task, so a
//! record of a 50 MB text never blocks the page (read whole, it took
//! 100–270 ms); a record written whole (published articles, texts kept by
//! an earlier version) is read at once.

use article_analysis::record::{ArticleRecord, RecordError, Steps};

/// Longest the page reads pieces before it lets the browser do other work.
const SLICE_MS: f64 = 8.0;

/// The record in `bytes`, checked as `ArticleRecord::from_bytes` checks it.
pub async fn read(bytes: &[u8]) -> Result<ArticleRecord, RecordError> {
    let mut steps = match Steps::new(bytes) {
        Ok(s) => s,
        Err(RecordError::NotARecord) => return ArticleRecord::from_bytes(bytes),
        Err(e) => return Err(e),
    };
    let mut since = js_sys::Date::now();
    while !steps.step()? {
        if js_sys::Date::now() - since >= SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            since = js_sys::Date::now();
        }
    }
    steps.finish()
}
