//! One build or publish run, from a folder of article files to the site's
//! article files: which files need analysing (all of them, or with a state
//! only the new and changed ones), the analysis on every core, the boot
//! data, the index, the pages and the sitemap, then the files no recent run
//! needs removed and the state saved.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;
use std::time::{Instant, SystemTime};

use article_analysis::hash::fnv1a;
use article_analysis::record::{ArticleRecord, Boot, BOOT_CATALOG};
use article_analysis::static_index::{doc_file, Boundaries, IndexedDoc};

use crate::analyse::{self, write_if_changed, Job, Outputs};
use crate::progress::{thousands, Phases, Progress};
use crate::seeds::{self, Input};
use crate::state::{Kept, Stamp, State};
use crate::{archive, boot, page, sitemap, INDEX_DIR};

/// What to build.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The folder of article files.
    pub inputs: &'a Path,
    /// The site folder.
    pub out: &'a Path,
    /// Only the first [`BOOT_CATALOG`] readable articles, for the boot data
    /// (no index, no pages).
    pub boot_only: bool,
    /// Pages and sitemap under this URL.
    pub base_url: Option<&'a str>,
    /// Where the state of the previous run is kept.
    pub state: Option<&'a Path>,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The boot data (first article, first catalog entries, notice).
    pub boot: Boot,
    /// Article files found.
    pub inputs: usize,
    /// Articles analysed in this run.
    pub analysed: usize,
    /// Articles taken from the state as they were.
    pub reused: usize,
    /// Files left out (each a sentence naming it).
    pub left_out: Vec<String>,
    /// Index files written (new content) and in all.
    pub index_written: usize,
    /// Index files in all.
    pub index_files: usize,
    /// Old files removed.
    pub removed: usize,
    /// Seconds spent analysing.
    pub analysis_secs: f64,
}

/// The hash that tells whether an input changed: its id and its bytes
/// (`None` if it cannot be read: it is analysed, and reported then).
fn input_hash(input: &Input) -> Option<u64> {
    let mut bytes = input.id.clone().into_bytes();
    bytes.push(0);
    bytes.extend(std::fs::read(&input.path).ok()?);
    Some(fnv1a(&bytes))
}

/// Runs a build.
pub fn run(opts: Options) -> io::Result<Outcome> {
    let mut phases = Phases::start();
    let inputs = seeds::list(opts.inputs)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", opts.inputs.display())))?;
    let mut outcome = Outcome {
        inputs: inputs.len(),
        ..Outcome::default()
    };
    if opts.boot_only {
        return boot_only(&inputs, opts, outcome);
    }
    phases.mark("list");
    let old = opts.state.and_then(State::load).unwrap_or_default();
    phases.mark("state");
    let fresh = old.articles.is_empty();
    let by_id: HashMap<&str, usize> = old
        .articles
        .iter()
        .enumerate()
        .map(|(i, k)| (k.indexed.entry.id.as_str(), i))
        .collect();
    // A file whose size and modification time are those of the last run
    // keeps its hash unread.
    let run_started = SystemTime::now();
    let stamps: Vec<Option<Stamp>> = inputs.iter().map(|i| Stamp::of(&i.path)).collect();
    let hashes: Vec<Option<u64>> = inputs
        .iter()
        .zip(&stamps)
        .map(|(input, stamp)| {
            let old = by_id.get(input.id.as_str()).and_then(|&i| old.articles.get(i));
            match old {
                Some(k) if k.stamp.is_some() && k.stamp == *stamp => Some(k.input),
                _ => input_hash(input),
            }
        })
        .collect();
    phases.mark("hash");
    let epoch = if fresh {
        // Named by what the archive first held: a new archive published at
        // the same place gets new fragment names.
        let mut all = Vec::new();
        for (i, h) in inputs.iter().zip(&hashes) {
            all.extend_from_slice(i.id.as_bytes());
            all.extend_from_slice(&h.unwrap_or(0).to_le_bytes());
        }
        (fnv1a(&all) >> 32) as u32
    } else {
        old.epoch
    };
    let same_pages = old.base_url.as_deref() == opts.base_url;
    let exists = |rel: &str| opts.out.join(rel).is_file();
    // Unchanged articles whose files are all there keep everything; the
    // others are analysed (a changed one under a new document number).
    let mut next_doc = old.next_doc;
    let mut reuse: Vec<Option<usize>> = Vec::with_capacity(inputs.len());
    let mut jobs = Vec::new();
    for (position, (input, hash)) in inputs.iter().zip(&hashes).enumerate() {
        let kept = by_id
            .get(input.id.as_str())
            .and_then(|&i| Some((i, old.articles.get(i)?)))
            .filter(|(_, k)| Some(k.input) == *hash);
        let complete = kept.is_some_and(|(_, k)| {
            exists(&k.indexed.entry.file)
                && exists(&format!("{INDEX_DIR}/{}", doc_file(epoch, k.indexed.doc)))
                && (opts.base_url.is_none() || exists(&page::path(&input.id)))
        });
        reuse.push(kept.filter(|_| complete).map(|(i, _)| i));
        if !complete {
            let doc = match kept {
                Some((_, k)) => k.indexed.doc,
                None => {
                    next_doc += 1;
                    next_doc - 1
                }
            };
            jobs.push(Job {
                position,
                input: input.clone(),
                doc,
                keep_record: position < BOOT_CATALOG,
            });
        }
    }
    phases.mark("plan");
    let mut progress = Progress::new("articles analysed:", jobs.len());
    let started = Instant::now();
    let outputs = Outputs {
        out: opts.out,
        fragment: Some(epoch),
        page: opts.base_url,
    };
    let mut results: HashMap<usize, Result<analyse::Analysed, String>> =
        analyse::run(&jobs, outputs, &mut progress)
            .into_iter()
            .zip(&jobs)
            .map(|(r, j)| (j.position, r))
            .collect();
    outcome.analysis_secs = started.elapsed().as_secs_f64();
    if !jobs.is_empty() {
        eprintln!("site: {}", progress.finish());
    }
    outcome.analysed = jobs.len();
    phases.mark("analyse");

    drop(by_id);
    let State {
        articles: old_articles,
        boundaries: old_boundaries,
        files: old_files,
        previous_files: old_previous_files,
        ..
    } = old;
    // Taken (not copied) from the old state as they are reused.
    let mut old_articles: Vec<Option<Kept>> = old_articles.into_iter().map(Some).collect();
    let mut state = State {
        epoch,
        base_url: opts.base_url.map(str::to_string),
        previous_files: old_files.clone(),
        ..State::default()
    };
    state.articles.reserve(inputs.len());
    let mut notices = Vec::new();
    let mut first: Option<ArticleRecord> = None;
    for (position, (input, hash)) in inputs.iter().zip(&hashes).enumerate() {
        let kept = reuse
            .get(position)
            .copied()
            .flatten()
            .and_then(|i| old_articles.get_mut(i)?.take());
        let indexed = if let Some(kept) = kept {
            outcome.reused += 1;
            if first.is_none() || (opts.base_url.is_some() && !same_pages) {
                let record = boot::read_record(opts.out, &kept.indexed.entry)?;
                if let Some(base) = opts.base_url.filter(|_| !same_pages) {
                    write_if_changed(
                        opts.out,
                        &page::path(&input.id),
                        page::html(&record, base).as_bytes(),
                    )?;
                }
                first.get_or_insert(record);
            }
            kept.indexed
        } else {
            match results.remove(&position) {
                Some(Ok(a)) => {
                    notices.extend(a.notice);
                    if first.is_none() {
                        first = a.record;
                    }
                    a.indexed
                }
                Some(Err(problem)) => {
                    eprintln!("site: left out: {problem}");
                    outcome.left_out.push(problem);
                    continue;
                }
                None => continue,
            }
        };
        let stamp = stamps.get(position).copied().flatten();
        state.articles.push(Kept {
            input: hash.unwrap_or(0),
            stamp: stamp.and_then(|s| s.trusted(run_started)),
            indexed,
        });
    }
    drop(old_articles);
    let docs = || state.articles.iter().map(|k| &k.indexed);
    state.next_doc = next_doc.max(docs().map(|d| d.doc + 1).max().unwrap_or(0));
    outcome.boot = boot(first, docs(), &outcome.left_out, notices);

    let mut files: Vec<String> = Vec::new();
    for d in docs() {
        files.push(d.entry.file.clone());
        files.push(format!("{INDEX_DIR}/{}", doc_file(epoch, d.doc)));
        if opts.base_url.is_some() {
            files.push(page::path(&d.entry.id));
        }
    }
    let previous = if fresh {
        Boundaries::default()
    } else {
        old_boundaries
    };
    phases.mark("assemble");
    let written = archive::write(docs(), epoch, state.next_doc, &previous, opts.out, &mut phases)?;
    phases.mark("index write");
    outcome.index_written = written.written;
    outcome.index_files = written.files.len();
    state.boundaries = written.boundaries;
    files.extend(written.files);
    if let Some(base) = opts.base_url {
        let ids: Vec<&str> = state
            .articles
            .iter()
            .map(|k| k.indexed.entry.id.as_str())
            .collect();
        for (rel, xml) in sitemap::files(base, &ids) {
            write_if_changed(opts.out, &rel, xml.as_bytes())?;
            files.push(rel);
        }
        let css = format!("{}/{}", page::PAGES_DIR, page::STYLESHEET);
        write_if_changed(opts.out, &css, page::STYLESHEET_CSS.as_bytes())?;
        files.push(css);
        phases.mark("sitemap");
    }
    if let Some(dir) = opts.state {
        // Files of the run before last that neither of the last two runs
        // wrote are no longer named by any recent manifest or page.
        let keep: HashSet<&String> = files.iter().chain(&old_files).collect();
        for rel in old_previous_files.iter().filter(|f| !keep.contains(f)) {
            if std::fs::remove_file(opts.out.join(rel)).is_ok() {
                outcome.removed += 1;
            }
        }
        state.files = files;
        state.save(dir)?;
        phases.mark("save");
    }
    eprintln!("site: {}", phases.line());
    Ok(outcome)
}

/// The boot data: the first article, the first catalog entries, the notice.
fn boot<'a>(
    first: Option<ArticleRecord>,
    docs: impl ExactSizeIterator<Item = &'a IndexedDoc>,
    left_out: &[String],
    notices: Vec<String>,
) -> Boot {
    let mut all: Vec<String> = seeds::left_out_notice(left_out, 10).into_iter().collect();
    all.extend(notices.into_iter().take(10));
    let total = docs.len() as u64;
    Boot {
        catalog: docs.take(BOOT_CATALOG).map(|d| d.entry.clone()).collect(),
        total,
        first,
        notice: (!all.is_empty()).then(|| all.join(" ")),
        ..Boot::default()
    }
}

/// The boot data alone: the first [`BOOT_CATALOG`] readable articles
/// analysed (in batches, skipping unreadable files), their records written.
fn boot_only(inputs: &[Input], opts: Options, mut outcome: Outcome) -> io::Result<Outcome> {
    let outputs = Outputs {
        out: opts.out,
        fragment: None,
        page: None,
    };
    let mut docs = Vec::new();
    let mut first = None;
    let mut notices = Vec::new();
    let mut start = 0;
    while docs.len() < BOOT_CATALOG && start < inputs.len() {
        let end = (start + BOOT_CATALOG - docs.len()).min(inputs.len());
        let jobs: Vec<Job> = (start..end)
            .filter_map(|p| {
                Some(Job {
                    position: p,
                    input: inputs.get(p)?.clone(),
                    doc: p as u32,
                    keep_record: true,
                })
            })
            .collect();
        let mut progress = Progress::new("articles analysed:", jobs.len());
        for r in analyse::run(&jobs, outputs, &mut progress) {
            match r {
                Ok(a) => {
                    notices.extend(a.notice);
                    if first.is_none() {
                        first = a.record;
                    }
                    docs.push(a.indexed);
                }
                Err(problem) => {
                    eprintln!("site: left out: {problem}");
                    outcome.left_out.push(problem);
                }
            }
        }
        outcome.analysed += jobs.len();
        start = end;
    }
    outcome.boot = boot(first, docs.iter(), &outcome.left_out, notices);
    outcome.boot.total = outcome.inputs as u64;
    Ok(outcome)
}

/// A one-line summary of a run.
pub fn summary(o: &Outcome) -> String {
    format!(
        "{} article files: {} analysed, {} unchanged, {} left out; index: {} of {} files written; {} old files removed",
        thousands(o.inputs),
        thousands(o.analysed),
        thousands(o.reused),
        thousands(o.left_out.len()),
        thousands(o.index_written),
        thousands(o.index_files),
        thousands(o.removed)
    )
}
