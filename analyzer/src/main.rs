//! The analyser worker: runs in a Web Worker (Trunk builds it with
//! `data-type="worker"`), so the page never blocks while a reader's text is
//! decoded, converted and analysed, whatever its size. It is the only part
//! of the app that carries the entity model and word lists, and the page
//! loads it only when a reader opens a text of their own (published
//! articles come analysed by the site build).
//!
//! Protocol (`article_analysis::record`): the worker posts `Ready`; each
//! `AnalyserRequest` (postcard bytes) gets `Progress` replies and one `Done`
//! with the record, or `Refused`. The page cancels a job by terminating
//! the worker.
//!
//! The message plumbing is written by hand, not with `gloo-worker`: that
//! crate stops a busy worker only after its current message is handled
//! (a `Destroy` message), while Cancel must stop an analysis at once
//! (`Worker.terminate()` on the page's side), and its bincode codec would
//! be a second serialization format beside postcard.

use article_analysis::analysis::Analyzer;
use article_analysis::import::content_id;
use article_analysis::import::open::{open, ImportError, Source};
use article_analysis::record::{AnalyserReply, AnalyserRequest, ArticleRecord};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Paragraphs analysed between two progress reports.
const STEP_PARAGRAPHS: usize = 64;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        // `[request, file]`: the request in postcard, and the `File` of a
        // file's request (its bytes are read here, not on the page).
        // A message that is not a request (another page's format) is ignored.
        let Ok(message) = ev.data().dyn_into::<js_sys::Array>() else {
            return;
        };
        let Ok(bytes) = message.get(0).dyn_into::<js_sys::Uint8Array>() else {
            return;
        };
        if let Ok(request) = AnalyserRequest::from_bytes(&bytes.to_vec()) {
            let file = message.get(1).dyn_into::<web_sys::File>().ok();
            let job = request.job;
            match with_file(request, file) {
                Ok(request) => handle(request, &|reply, record| post(&reply_to, &reply, record)),
                Err(error) => post(&reply_to, &AnalyserReply::Refused { job, error }, None),
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &AnalyserReply::Ready, None);
}

/// Sends `[reply, record]`: the reply in postcard (its buffer
/// transferred) and a finished record as a `Blob` (or undefined), which the
/// page stores without copying it.
fn post(scope: &DedicatedWorkerGlobalScope, reply: &AnalyserReply, record: Option<&[u8]>) {
    let array = js_sys::Uint8Array::from(reply.to_bytes().as_slice());
    let transfer = js_sys::Array::of1(&array.buffer());
    let record = record
        .and_then(|bytes| {
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
            web_sys::Blob::new_with_u8_array_sequence(&parts).ok()
        })
        .map_or(JsValue::UNDEFINED, JsValue::from);
    let message = js_sys::Array::of2(&array, &record);
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

/// The request with the bytes of its file, read here; a file that cannot
/// be read (removed or changed since it was picked) is refused.
fn with_file(
    mut request: AnalyserRequest,
    file: Option<web_sys::File>,
) -> Result<AnalyserRequest, ImportError> {
    if let (Source::File { name, bytes }, Some(file)) = (&mut request.source, file) {
        let read = web_sys::FileReaderSync::new().and_then(|r| r.read_as_array_buffer(&file));
        match read {
            Ok(buffer) => *bytes = js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => return Err(ImportError::Unreadable(name.clone())),
        }
    }
    Ok(request)
}

/// Opens and analyses one text, reporting progress.
fn handle(request: AnalyserRequest, send: &dyn Fn(AnalyserReply, Option<&[u8]>)) {
    let AnalyserRequest { job, source, id } = request;
    let imported = match open(source) {
        Ok(i) => i,
        Err(error) => return send(AnalyserReply::Refused { job, error }, None),
    };
    let notices = imported.notices.clone();
    let id = id.unwrap_or_else(|| content_id(&imported.body));
    let mut analyzer = Analyzer::new(imported.into_article(&id));
    let mut reported = 0.0_f32;
    while !analyzer.step(STEP_PARAGRAPHS) {
        let done = analyzer.progress() as f32;
        if done - reported >= 0.01 {
            reported = done;
            send(AnalyserReply::Progress { job, done }, None);
        }
    }
    // In pieces: the page reads them a few at a time, never blocking.
    let record = ArticleRecord::of(&analyzer.finish()).to_pieces();
    send(AnalyserReply::Done { job, notices }, Some(&record));
}
