//! What a publish run keeps for the next one (in the state folder, beside
//! the site, never served): each article's input hash (with its file's size
//! and modification time, so an unchanged file is not read again), document
//! number and index contribution, the archive's epoch, where the index was cut, and
//! which files each of the last two runs wrote. With it a re-run analyses
//! only new or changed files, gives unchanged articles their old document
//! numbers (so their fragments keep their names), cuts the index where it
//! was cut before, and removes the files no recent run needs.
//!
//! Bytes: the magic `AEs`, a format byte, postcard. A state of another
//! format is ignored (the run starts afresh).

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use article_analysis::static_index::{Boundaries, IndexedDoc};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 3] = b"AEs";
/// Bumped whenever the state or an index format changes shape.
const FORMAT: u8 = 3;
/// The state's file in the state folder.
const FILE: &str = "state.bin";

/// The state after a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Names the fragments (see `static_index::doc_file`).
    pub epoch: u32,
    /// The next free document number.
    pub next_doc: u32,
    /// The base URL the pages were written for.
    pub base_url: Option<String>,
    /// The published articles, in file-name order.
    pub articles: Vec<Kept>,
    /// Where the index was cut.
    pub boundaries: Boundaries,
    /// Every file the run wrote or kept, relative to the site.
    pub files: Vec<String>,
    /// The same for the run before (its files stay one more run, for
    /// visitors holding the previous manifest).
    pub previous_files: Vec<String>,
}

/// One published article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// FNV-1a of its id and input bytes.
    pub input: u64,
    /// Its file's size and modification time when `input` was computed, if
    /// they can be trusted to tell a change (see [`Stamp::trusted`]).
    pub stamp: Option<Stamp>,
    /// Its index contribution (document number, catalog entry…).
    pub indexed: IndexedDoc,
}

/// A file's size, modification time and (on Unix) inode and status change
/// time: when they are all the same as at the last run, the file is taken
/// as unchanged without reading it (as `git status` does). The status change
/// time catches a file put back with an old modification time (`cp -p`,
/// `mv`, an unpacked archive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modified (since 1970).
    pub modified: Time,
    /// Status changed (Unix `ctime`; elsewhere the modification time).
    pub changed: Time,
    /// Inode number (0 where there is none).
    pub inode: u64,
}

/// A time as seconds and nanoseconds since 1970.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Time {
    /// Seconds.
    pub secs: i64,
    /// Nanoseconds.
    pub nanos: u32,
}

impl Time {
    fn of(t: SystemTime) -> Option<Time> {
        let since = t.duration_since(UNIX_EPOCH).ok()?;
        Some(Time {
            secs: i64::try_from(since.as_secs()).ok()?,
            nanos: since.subsec_nanos(),
        })
    }
}

/// How long before a run a file must have been modified for its stamp to be
/// kept: a file changed again within the same tick of a coarse clock (2 s on
/// FAT) after the run read it would otherwise keep its stamp.
const SETTLED: Duration = Duration::from_secs(3);

impl Stamp {
    /// The stamp of the file at `path`, if it has one.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = Time::of(meta.modified().ok()?)?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = Time {
                secs: meta.ctime(),
                nanos: u32::try_from(meta.ctime_nsec()).unwrap_or(0),
            };
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(Stamp {
            size: meta.len(),
            modified,
            changed,
            inode,
        })
    }

    /// The stamp if the file was modified (and its status changed) well
    /// before `started`, the time the run began reading: only then does an
    /// equal stamp next time mean equal bytes.
    pub fn trusted(self, started: SystemTime) -> Option<Stamp> {
        let before = Time::of(started.checked_sub(SETTLED)?)?;
        (self.modified < before && self.changed < before).then_some(self)
    }
}

impl State {
    /// The state in `dir`, if there is a readable one of this format.
    pub fn load(dir: &Path) -> Option<State> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&format, rest) = rest.split_first()?;
        if format != FORMAT {
            return None;
        }
        postcard::from_bytes(rest).ok()
    }

    /// Writes the state into `dir` (created if need be).
    pub fn save(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut bytes = MAGIC.to_vec();
        bytes.push(FORMAT);
        let bytes = postcard::to_extend(self, bytes).map_err(|e| io::Error::other(e.to_string()))?;
        let tmp = dir.join(format!("{FILE}.tmp"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, dir.join(FILE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_stamp_older_than_the_run_is_trusted() {
        let time = |secs| Time { secs, nanos: 5 };
        let stamp = Stamp {
            size: 10,
            modified: time(1_000_000),
            changed: time(1_000_000),
            inode: 7,
        };
        let at = |secs| UNIX_EPOCH + Duration::from_secs(secs);
        assert_eq!(stamp.trusted(at(1_000_010)), Some(stamp));
        assert_eq!(stamp.trusted(at(1_000_001)), None, "modified just before the run");
        assert_eq!(stamp.trusted(at(999_999)), None, "modified after it began");
        let moved = Stamp {
            changed: time(1_000_008),
            ..stamp
        };
        assert_eq!(moved.trusted(at(1_000_010)), None, "put back just before the run");
    }

    #[test]
    #[cfg(unix)]
    fn a_file_put_back_with_its_old_time_has_another_stamp() {
        let dir = std::env::temp_dir().join(format!("ae-stamp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        std::fs::write(&a, "first").expect("write");
        let first = Stamp::of(&a).expect("stamp");
        assert_eq!(Stamp::of(&a), Some(first), "nothing changed");
        // Same size, same modification time, other bytes, moved in place.
        std::fs::write(&b, "other").expect("write");
        let file = std::fs::File::options().write(true).open(&b).expect("open");
        file.set_modified(
            SystemTime::UNIX_EPOCH
                + Duration::new(
                    u64::try_from(first.modified.secs).unwrap_or(0),
                    first.modified.nanos,
                ),
        )
        .expect("set time");
        drop(file);
        std::fs::rename(&b, &a).expect("move");
        let put_back = Stamp::of(&a).expect("stamp");
        assert_eq!((put_back.size, put_back.modified), (first.size, first.modified));
        assert_ne!(put_back, first);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_state_reads_back_and_a_damaged_one_is_ignored() {
        let dir = std::env::temp_dir().join(format!("ae-state-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(State::load(&dir), None);
        let s = State {
            epoch: 7,
            next_doc: 3,
            files: vec!["articles/a.html".into()],
            ..State::default()
        };
        s.save(&dir).expect("save");
        assert_eq!(State::load(&dir), Some(s));
        std::fs::write(dir.join(FILE), b"AEs\x09junk").expect("write");
        assert_eq!(State::load(&dir), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
