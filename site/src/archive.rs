//! The archive's index (`index/`): every article's contribution given to a
//! `static_index::Builder`, the files it returns written where they are
//! missing (a content-addressed file that exists already holds the same
//! bytes), the manifest replaced last so a visitor never sees a manifest
//! naming files not yet written.

use std::io;
use std::path::Path;

use article_analysis::static_index::{
    Boundaries, BuildOptions, Builder, FileKind, IndexFile, IndexedDoc, Page, MANIFEST,
};

use crate::analyse::write_if_changed;
use crate::progress::Phases;
use crate::INDEX_DIR;

/// What writing the index did.
#[derive(Debug)]
pub struct Written {
    /// Where it cut each section (for the next run).
    pub boundaries: Boundaries,
    /// Every file of the index, relative to the site (fragments not
    /// included).
    pub files: Vec<String>,
    /// How many were written (new content).
    pub written: usize,
}

/// Builds the index of `docs` into `out/index/`.
pub fn write<'a>(
    docs: impl Iterator<Item = &'a IndexedDoc>,
    epoch: u32,
    next_doc: u32,
    previous: &Boundaries,
    out: &Path,
    phases: &mut Phases,
) -> io::Result<Written> {
    let mut builder = Builder::new(BuildOptions::default(), epoch, next_doc);
    for d in docs {
        builder.add(d);
    }
    phases.mark("index add");
    let (manifest, mut files) = builder.finish(previous);
    phases.mark("index cut");
    let page = |p: &article_analysis::static_index::KeyedRef| {
        files
            .get(&p.file.name(FileKind::Page))
            .and_then(|b| Page::from_bytes(b).ok())
    };
    let boundaries = Boundaries::of(&manifest, page);
    let manifest_bytes = files.remove(MANIFEST).unwrap_or_default();
    let dir = out.join(INDEX_DIR);
    std::fs::create_dir_all(&dir)?;
    let mut written = 0;
    let mut names = Vec::with_capacity(files.len() + 1);
    for (name, bytes) in &files {
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(&path, bytes)?;
            written += 1;
        }
        names.push(format!("{INDEX_DIR}/{name}"));
    }
    let rel = format!("{INDEX_DIR}/{MANIFEST}");
    written += usize::from(write_if_changed(out, &rel, &manifest_bytes)?);
    names.push(rel);
    Ok(Written {
        boundaries,
        files: names,
        written,
    })
}
