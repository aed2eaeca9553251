//! Reads an article record on the page without a long task: a record in
//! pieces (`ArticleRecord::to_pieces`, how the analyser sends a reader's
//! text and how the library keeps it) is read a few pieces per task, so a
//! record of a 50 MB text never blocks the page (read whole, it took
//! 100–270 ms); a record written whole (published articles, texts kept by
//! an earlier version) is read at once.

use article_analysis::record::{ArticleRecord, RecordError, Steps};
use wasm_bindgen::JsCast;

/// Longest the page reads pieces before it lets the browser do other work.
const SLICE_MS: f64 = 8.0;

/// Bytes copied into the page's memory per step from a `Blob`'s buffer.
const COPY_BYTES: u32 = 4 << 20;

/// The record kept in a `Blob` (as the analyser sends it and the library
/// keeps it).
pub async fn read_blob(blob: &web_sys::Blob) -> Result<ArticleRecord, RecordError> {
    let bytes = blob_bytes(blob).await.ok_or(RecordError::NotARecord)?;
    read(&bytes).await
}

/// A `Blob`'s bytes, read off the page's thread and copied into the page's
/// memory in steps; `None` if the browser cannot read it.
pub async fn blob_bytes(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .ok()?;
    let array = js_sys::Uint8Array::new(buffer.dyn_ref::<js_sys::ArrayBuffer>()?);
    let len = array.length();
    // Not zeroed first: zeroing 60 MB of fresh memory took 126 ms in one
    // task; each step writes (and so first touches) only its own part.
    // Reserved once: grown by doubling, the last growth copies it all (a
    // refusal only leaves it to grow).
    let mut out: Vec<u8> = Vec::new();
    let _ = out.try_reserve_exact(len as usize);
    let mut start = 0;
    let mut slices = Slices::start();
    while start < len {
        let end = len.min(start.saturating_add(COPY_BYTES));
        // Through a small buffer (reused by the allocator), not into
        // spare capacity: no `unsafe` for a copy of a few milliseconds.
        out.extend_from_slice(&array.subarray(start, end).to_vec());
        start = end;
        slices.pause_when_due().await;
    }
    Some(out)
}

/// The record in `bytes`, checked as `ArticleRecord::from_bytes` checks it.
pub async fn read(bytes: &[u8]) -> Result<ArticleRecord, RecordError> {
    let mut steps = match Steps::new(bytes) {
        Ok(s) => s,
        Err(RecordError::NotARecord) => return ArticleRecord::from_bytes(bytes),
        Err(e) => return Err(e),
    };
    let mut slices = Slices::start();
    while !steps.step()? {
        slices.pause_when_due().await;
    }
    steps.finish()
}

/// Work in slices of [`SLICE_MS`]: between two, the browser gets a turn.
struct Slices {
    since: f64,
}

impl Slices {
    fn start() -> Slices {
        Slices {
            since: js_sys::Date::now(),
        }
    }

    /// Lets the browser do other work if this slice has run its time.
    async fn pause_when_due(&mut self) {
        if js_sys::Date::now() - self.since >= SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.since = js_sys::Date::now();
        }
    }
}
