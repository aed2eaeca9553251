//! Reading an index natively: its files in memory ([`MemoryFiles`]) or in a
//! folder ([`FolderFiles`]), and [`block_on`] to run the reader's futures,
//! which never wait with these sources.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::builder::Files;
use super::reader::Fetch;

/// The files of an index held in memory (tests, benchmarks).
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles(pub Files);

impl Fetch for MemoryFiles {
    fn fetch(&self, name: &str) -> impl Future<Output = Option<Vec<u8>>> {
        std::future::ready(self.0.get(name).cloned())
    }
}

impl<T: Fetch> Fetch for &T {
    fn fetch(&self, name: &str) -> impl Future<Output = Option<Vec<u8>>> {
        (*self).fetch(name)
    }
}

/// The files of an index in a folder, read synchronously.
#[derive(Debug, Clone)]
pub struct FolderFiles(pub PathBuf);

impl FolderFiles {
    /// The index in `dir`.
    pub fn new(dir: &Path) -> FolderFiles {
        FolderFiles(dir.to_path_buf())
    }
}

impl Fetch for FolderFiles {
    fn fetch(&self, name: &str) -> impl Future<Output = Option<Vec<u8>>> {
        // Names come from the index itself; never leave the folder.
        let safe = !name.contains(['/', '\\']) && !name.starts_with('.');
        std::future::ready(safe.then(|| std::fs::read(self.0.join(name)).ok()).flatten())
    }
}

/// Runs a future whose fetches never wait (memory, a local folder) to the
/// end. A future that does wait is polled again after a yield, so this is
/// not for network fetches.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::yield_now();
    }
}
