//! The page's side of the analyser worker (`analyzer/`): starts it when a
//! reader's text first needs it, sends requests, hands replies to a
//! callback, and terminates it on Cancel (the next request starts a new
//! one). Requests sent before the worker says `Ready` wait in a queue.
//! The page never prefetches it: the service worker caches its files when
//! it installs, after the first view, so it works offline too.
//!
//! Hand-written over `web_sys::Worker` rather than `gloo-worker`, for the
//! reasons given in `analyzer/src/main.rs` (terminate on Cancel; postcard,
//! not a second codec).

use std::cell::RefCell;
use std::rc::Rc;

use article_analysis::record::{AnalyserReply, AnalyserRequest};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<(Vec<u8>, Option<web_sys::File>)>,
    // Kept alive while the worker lives.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// A handle on the analyser worker (cheap to clone).
#[derive(Clone)]
pub struct Analyser {
    /// The worker's loader script (named in the boot data).
    loader: Rc<str>,
    running: Rc<RefCell<Option<Running>>>,
    on_reply: Rc<dyn Fn(AnalyserReply, Option<web_sys::Blob>)>,
    on_failure: Rc<dyn Fn()>,
}

impl Analyser {
    /// An analyser that calls `on_reply` for every reply (with the record,
    /// a `Blob`, beside a finished one), and `on_failure`
    /// when the worker cannot start or dies (its script or wasm could not be
    /// loaded, offline on a first visit).
    pub fn new(
        loader: &str,
        on_reply: impl Fn(AnalyserReply, Option<web_sys::Blob>) + 'static,
        on_failure: impl Fn() + 'static,
    ) -> Analyser {
        Analyser {
            loader: Rc::from(loader),
            running: Rc::new(RefCell::new(None)),
            on_reply: Rc::new(on_reply),
            on_failure: Rc::new(on_failure),
        }
    }

    /// Sends a request, starting the worker if needed. A request for a
    /// file goes with the `File` itself, which the worker reads: the page
    /// never holds or copies its bytes (50 MB read and copied on the page
    /// took 220 ms).
    pub fn send(&self, request: &AnalyserRequest, file: Option<web_sys::File>) {
        let bytes = request.to_bytes();
        if self.running.borrow().is_none() && !self.start() {
            (self.on_failure)();
            return;
        }
        let mut guard = self.running.borrow_mut();
        let Some(running) = guard.as_mut() else {
            return;
        };
        if running.ready {
            post(&running.worker, &bytes, file.as_ref());
        } else {
            running.queue.push((bytes, file));
        }
    }

    /// Stops whatever the worker is doing, at once.
    pub fn terminate(&self) {
        if let Some(running) = self.running.borrow_mut().take() {
            running.worker.terminate();
        }
    }

    fn start(&self) -> bool {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Classic);
        let Ok(worker) = web_sys::Worker::new_with_options(&self.loader, &options) else {
            return false;
        };
        let running = Rc::downgrade(&self.running);
        let on_reply = self.on_reply.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                // `[reply, record]` (see `analyzer/src/main.rs`); anything
                // else is not from this build's worker and is ignored.
                let Ok(message) = ev.data().dyn_into::<js_sys::Array>() else {
                    return;
                };
                let Ok(bytes) = message.get(0).dyn_into::<js_sys::Uint8Array>() else {
                    return;
                };
                let bytes = bytes.to_vec();
                let record = message.get(1).dyn_into::<web_sys::Blob>().ok();
                match AnalyserReply::from_bytes(&bytes) {
                    Ok(AnalyserReply::Ready) => {
                        if let Some(cell) = running.upgrade() {
                            if let Some(r) = cell.borrow_mut().as_mut() {
                                r.ready = true;
                                for (q, file) in r.queue.drain(..) {
                                    post(&r.worker, &q, file.as_ref());
                                }
                            }
                        }
                    }
                    Ok(reply) => on_reply(reply, record),
                    // A reply that does not read back is a broken build.
                    Err(_) => {}
                }
            });
        let failed = self.on_failure.clone();
        let running_for_error = Rc::downgrade(&self.running);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_ev: web_sys::Event| {
            if let Some(cell) = running_for_error.upgrade() {
                if let Some(r) = cell.borrow_mut().take() {
                    r.worker.terminate();
                }
            }
            failed();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.running.borrow_mut() = Some(Running {
            worker,
            ready: false,
            queue: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        });
        true
    }
}

/// Posts `[request, file]` (the file, or undefined), transferring the
/// request's buffer; a `File` is passed by reference, not copied.
fn post(worker: &web_sys::Worker, bytes: &[u8], file: Option<&web_sys::File>) {
    let array = js_sys::Uint8Array::from(bytes);
    let transfer = js_sys::Array::of1(&array.buffer());
    let file = file.map_or(wasm_bindgen::JsValue::UNDEFINED, |f| f.into());
    let message = js_sys::Array::of2(&array, &file);
    let _ = worker.post_message_with_transfer(&message, &transfer);
}
