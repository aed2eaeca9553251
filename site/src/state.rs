//! What a publish run keeps for the next one (in the state folder, beside
//! the site, never served): each article's input hash, document number and
//! index contribution, the archive's epoch, where the index was cut, and
//! which files each of the last two runs wrote. With it a re-run analyses
//! only new or changed files, gives unchanged articles their old document
//! numbers (so their fragments keep their names), cuts the index where it
//! was cut before, and removes the files no recent run needs.
//!
//! Bytes: the magic `AEs`, a format byte, postcard. A state of another
//! format is ignored (the run starts afresh).

use std::io;
use std::path::Path;

use article_analysis::static_index::{Boundaries, IndexedDoc};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 3] = b"AEs";
/// Bumped whenever the state or an index format changes shape.
const FORMAT: u8 = 1;
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
    /// Its index contribution (document number, catalog entry…).
    pub indexed: IndexedDoc,
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
