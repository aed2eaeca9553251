//! The `localStorage` library of earlier versions, read once to move it
//! into IndexedDB ([`super`]): an index key `article-explorer.index` with
//! one line per article (`id TAB added-ms TAB entity-count TAB title`) and
//! one key per article holding its text with front matter. The index is
//! parsed by a plain function tested natively; a malformed line is skipped
//! and counted, never fatal.

/// The storage key of the old index.
pub const INDEX_KEY: &str = "article-explorer.index";
const ARTICLE_PREFIX: &str = "article-explorer.article.";

/// One article of the old library.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyArticle {
    /// Its id (`local-…`), kept so old links still open it.
    pub id: String,
    /// When it was added.
    pub added_ms: f64,
    /// Its text with front matter.
    pub text: String,
}

/// Titles are kept on one line without tabs.
pub fn clean_title(t: &str) -> String {
    let t: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.chars().take(300).collect()
}

/// One line of the stored index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// Article id (`local-…`).
    pub id: String,
    /// When it was added.
    pub added_ms: f64,
    /// Entity count at save time.
    pub entities: usize,
    /// Title.
    pub title: String,
}

/// Parses the index; malformed lines are skipped and counted.
pub fn parse_index(s: &str) -> (Vec<IndexEntry>, usize) {
    let mut out = Vec::new();
    let mut bad = 0;
    for line in s.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(4, '\t');
        let parsed = (|| {
            let id = parts.next()?.to_string();
            let added_ms = decimal(parts.next()?)?;
            let entities = parts.next()?.parse::<usize>().ok()?;
            let title = clean_title(parts.next()?);
            let valid = id.starts_with("local-")
                && id.len() <= 64
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            valid.then_some(IndexEntry {
                id,
                added_ms,
                entities,
                title,
            })
        })();
        match parsed {
            Some(e) if !out.iter().any(|x: &IndexEntry| x.id == e.id) => out.push(e),
            Some(_) => {}
            None => bad += 1,
        }
    }
    (out, bad)
}

/// A non-negative decimal number as the old index wrote it ("1732000000000",
/// "1.5"); by hand, so the page's wasm carries no float parser (10 KB of
/// tables) for one field.
fn decimal(s: &str) -> Option<f64> {
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !frac.is_none_or(digits) || whole.len() > 15 || frac.is_some_and(|f| f.len() > 9) {
        return None;
    }
    let w = whole.parse::<u64>().ok()? as f64;
    let f = match frac {
        Some(f) => f.parse::<u64>().ok()? as f64 / 10_f64.powi(f.len() as i32),
        None => 0.0,
    };
    Some(w + f)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The old library's articles (those whose text is still there) and how
/// many entries could not be read.
pub fn read() -> (Vec<LegacyArticle>, usize) {
    let Some(st) = local_storage() else {
        return (Vec::new(), 0);
    };
    let raw = st.get_item(INDEX_KEY).ok().flatten().unwrap_or_default();
    let (entries, mut bad) = parse_index(&raw);
    let mut out = Vec::new();
    for e in entries {
        match st.get_item(&format!("{ARTICLE_PREFIX}{}", e.id)).ok().flatten() {
            Some(text) => out.push(LegacyArticle {
                id: e.id,
                added_ms: e.added_ms,
                text,
            }),
            None => bad += 1,
        }
    }
    (out, bad)
}

/// Removes one moved article from the old library (its key and its index
/// line); the index key goes with the last one.
pub fn forget(id: &str) {
    let Some(st) = local_storage() else {
        return;
    };
    let _ = st.remove_item(&format!("{ARTICLE_PREFIX}{id}"));
    let raw = st.get_item(INDEX_KEY).ok().flatten().unwrap_or_default();
    let kept: String = raw
        .lines()
        .filter(|l| l.split('\t').next() != Some(id) && !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let _ = if kept.is_empty() {
        st.remove_item(INDEX_KEY)
    } else {
        st.set_item(INDEX_KEY, &kept)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupted_lines_are_skipped_not_fatal() {
        let raw = "local-1\t5\t2\tGood\ngarbage\nlocal-2\tNaN\t1\tBad time\n../x\t1\t1\tBad id\nlocal-1\t6\t2\tDuplicate\n";
        let (entries, bad) = parse_index(raw);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].title, "Good");
        assert_eq!(bad, 3);
    }

    #[test]
    fn added_times_are_plain_decimals() {
        assert_eq!(decimal("1732000000000"), Some(1_732_000_000_000.0));
        assert_eq!(decimal("1.5"), Some(1.5));
        for bad in ["", "NaN", "inf", "-1", "1e5", "1.", ".5", "1.2.3"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn titles_are_cleaned() {
        let (entries, _) = parse_index("local-00ff\t1.5\t7\tA title  with\u{7}breaks\n");
        assert_eq!(entries[0].title, "A title with breaks");
        assert_eq!(entries[0].added_ms, 1.5);
    }
}
