//! The expensive part, on every core: each article file read, analysed
//! (entities included), and its own files written: the record
//! (`articles/<id>.<hash>.bin`), its index fragment and, when publishing,
//! its page. Workers take the next file from a shared counter and send what
//! the index needs back to the calling thread, which reports progress.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use article_analysis::record::{ArticleRecord, CatalogEntry};
use article_analysis::static_index::{doc_file, DocFragment, IndexFile, IndexedDoc};
use article_analysis::Analysis;

use crate::progress::Progress;
use crate::seeds::{self, Input};
use crate::{boot, page, INDEX_DIR};

/// One file to analyse.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its position in the folder's list.
    pub position: usize,
    /// The file.
    pub input: Input,
    /// Its document number in the index.
    pub doc: u32,
    /// Whether to keep its record in memory (for the boot data).
    pub keep_record: bool,
}

/// Which of an article's files to write, and where.
#[derive(Debug, Clone, Copy)]
pub struct Outputs<'a> {
    /// The site folder.
    pub out: &'a Path,
    /// The index fragment (named by this epoch), when the index is built.
    pub fragment: Option<u32>,
    /// The page, for this base URL.
    pub page: Option<&'a str>,
}

/// An analysed article.
#[derive(Debug)]
pub struct Analysed {
    /// What the index needs (and the catalog entry).
    pub indexed: IndexedDoc,
    /// Its record, if the job asked to keep it.
    pub record: Option<ArticleRecord>,
    /// Characters that could not be decoded, in words.
    pub notice: Option<String>,
}

/// Writes `bytes` to `out/rel` unless the file already holds them (through
/// a temporary file and a rename, so a reader never sees half a file).
pub fn write_if_changed(out: &Path, rel: &str, bytes: &[u8]) -> io::Result<bool> {
    let path = out.join(rel);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(&path).is_ok_and(|old| old == bytes)
    {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.clone().into_os_string();
    tmp.push(".tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, &path)?;
    Ok(true)
}

/// Analyses one file and writes its files.
fn one(job: &Job, outputs: Outputs) -> Result<Analysed, String> {
    let (article, notice) = seeds::read(&job.input)?;
    let analysis = Analysis::new(article);
    let record = ArticleRecord::of(&analysis);
    let bytes = record.to_bytes();
    let file = boot::record_file(&record.article.id, &bytes);
    let failed = |e: io::Error| format!("\u{201c}{}\u{201d}: cannot write its files: {e}.", job.input.name);
    write_if_changed(outputs.out, &file, &bytes).map_err(failed)?;
    let entry = CatalogEntry::of(&record, file);
    if let Some(epoch) = outputs.fragment {
        let fragment = DocFragment::of(job.doc, &analysis, entry.clone());
        let rel = format!("{INDEX_DIR}/{}", doc_file(epoch, job.doc));
        write_if_changed(outputs.out, &rel, &fragment.to_bytes()).map_err(failed)?;
    }
    if let Some(base) = outputs.page {
        write_if_changed(
            outputs.out,
            &page::path(&record.article.id),
            page::html(&record, base).as_bytes(),
        )
        .map_err(failed)?;
    }
    Ok(Analysed {
        indexed: IndexedDoc::of(job.doc, &analysis, entry),
        record: job.keep_record.then_some(record),
        notice,
    })
}

/// Runs every job on all cores; the results in job order (an error is a
/// sentence naming the file).
pub fn run(jobs: &[Job], outputs: Outputs, progress: &mut Progress) -> Vec<Result<Analysed, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Result<Analysed, String>>> = (0..jobs.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else {
                    break;
                };
                let result = one(job, outputs);
                let bytes = std::fs::metadata(&job.input.path).map_or(0, |m| m.len());
                if tx.send((i, result, bytes)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result, bytes) in rx {
            progress.step(bytes);
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
        }
    });
    slots
        .into_iter()
        .zip(jobs)
        .map(|(r, job)| {
            r.unwrap_or_else(|| Err(format!("\u{201c}{}\u{201d} was not analysed.", job.input.name)))
        })
        .collect()
}
