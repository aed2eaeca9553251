//! Finding things through the manifest: which directory page, then which
//! shard, holds a key (each list is sorted by first key, so a binary
//! search), which ones may hold keys starting with a prefix, and where the
//! previous build cut each section.

use std::ops::Range;

use super::builder::{Boundaries, SectionBoundaries};
use super::format::{KeyedRef, Manifest, Page};

/// The position of the file whose key range holds `key`: the last one whose
/// first key is at most `key` (`None` when `key` sorts before them all).
///
/// ```
/// use article_analysis::static_index::{slot, FileRef, KeyedRef};
/// let f = FileRef { hash: 0, size: 0 };
/// let list: Vec<KeyedRef> = ["b", "m"].iter().map(|k| KeyedRef { first: k.to_string(), file: f }).collect();
/// assert_eq!(slot(&list, "a"), None);
/// assert_eq!(slot(&list, "kyiv"), Some(0));
/// assert_eq!(slot(&list, "m"), Some(1));
/// ```
pub fn slot(list: &[KeyedRef], key: &str) -> Option<usize> {
    list.partition_point(|s| s.first.as_str() <= key).checked_sub(1)
}

/// The positions of the files that may hold keys starting with `prefix`:
/// the one whose range holds `prefix` and every following one whose first
/// key starts with it.
pub fn prefix_slots(list: &[KeyedRef], prefix: &str) -> Range<usize> {
    if list.is_empty() {
        return 0..0;
    }
    let start = slot(list, prefix).unwrap_or(0);
    let more = list
        .iter()
        .skip(start + 1)
        .take_while(|s| s.first.starts_with(prefix))
        .count();
    start..start + 1 + more
}

impl Boundaries {
    /// Where `manifest`'s build cut each section; `page` reads a directory
    /// page (a page that cannot be read loses only its shards' boundaries).
    pub fn of(manifest: &Manifest, mut page: impl FnMut(&KeyedRef) -> Option<Page>) -> Boundaries {
        let mut section = |pages: &[KeyedRef]| SectionBoundaries {
            pages: pages.iter().map(|p| p.first.clone()).collect(),
            shards: pages
                .iter()
                .filter_map(&mut page)
                .flat_map(|p| p.shards.into_iter().map(|s| s.first))
                .collect(),
        };
        Boundaries {
            terms: section(&manifest.terms),
            entities: section(&manifest.entities),
            ids: section(&manifest.ids),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::static_index::FileRef;

    fn list(keys: &[&str]) -> Vec<KeyedRef> {
        keys.iter()
            .map(|k| KeyedRef {
                first: k.to_string(),
                file: FileRef { hash: 0, size: 0 },
            })
            .collect()
    }

    #[test]
    fn prefixes_reach_every_file_that_may_hold_them() {
        let l = list(&["a", "ele", "elf", "em", "emu", "f"]);
        assert_eq!(prefix_slots(&l, "el"), 0..3, "'el…' may be in 'a…' too");
        assert_eq!(prefix_slots(&l, "em"), 3..5);
        assert_eq!(prefix_slots(&l, "zz"), 5..6);
        assert_eq!(prefix_slots(&l, ""), 0..6);
        assert_eq!(prefix_slots(&[], "a"), 0..0);
    }
}
