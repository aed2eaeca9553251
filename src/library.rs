//! The reader's library: the embedded seeds plus the texts they opened,
//! kept in `localStorage` so nothing is lost on reload.
//!
//! Layout in storage (one key per article, so a bad record loses nothing
//! else):
//! - `article-explorer.index`: one line per kept article,
//!   `id TAB added-ms TAB entity-count TAB title`;
//! - `article-explorer.article.<id>`: the article as text with front matter.
//!
//! Parsing and formatting of the index are plain functions tested natively;
//! the browser calls are at the bottom.

use article_analysis::Article;

/// The storage key of the library index.
pub const INDEX_KEY: &str = "article-explorer.index";
const ARTICLE_PREFIX: &str = "article-explorer.article.";

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Embedded at build time; read-only.
    Seed,
    /// Opened by the reader.
    Local {
        /// When it was added (ms since the epoch).
        added_ms: f64,
        /// Whether it is kept in the browser's storage.
        stored: bool,
    },
}

/// One article of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The article.
    pub article: Article,
    /// Where it comes from.
    pub origin: Origin,
    /// Number of entities, when known without analysing (from the index).
    pub entity_count: Option<usize>,
}

impl Item {
    /// Whether the reader may rename or delete it.
    pub fn is_local(&self) -> bool {
        matches!(self.origin, Origin::Local { .. })
    }
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

/// Titles are kept on one line without tabs.
pub fn clean_title(t: &str) -> String {
    let t: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.chars().take(300).collect()
}

/// Parses the index; malformed lines are skipped and counted.
pub fn parse_index(s: &str) -> (Vec<IndexEntry>, usize) {
    let mut out = Vec::new();
    let mut bad = 0;
    for line in s.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(4, '\t');
        let parsed = (|| {
            let id = parts.next()?.to_string();
            let added_ms = parts.next()?.parse::<f64>().ok().filter(|x| x.is_finite())?;
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

/// Formats the index.
pub fn format_index(entries: &[IndexEntry]) -> String {
    entries
        .iter()
        .map(|e| {
            format!(
                "{}\t{}\t{}\t{}\n",
                e.id,
                e.added_ms,
                e.entities,
                clean_title(&e.title)
            )
        })
        .collect()
}

/// The stored form of an article: front matter with its metadata, then the
/// body.
pub fn article_to_text(a: &Article) -> String {
    let mut s = format!("---\ntitle: {}\n", clean_title(&a.meta.title));
    for (k, v) in [
        ("source", &a.meta.source),
        ("date", &a.meta.date),
        ("url", &a.meta.url),
    ] {
        if let Some(v) = v {
            s.push_str(&format!("{k}: {}\n", clean_title(v)));
        }
    }
    s.push_str("---\n");
    s.push_str(&a.body);
    s
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_index() -> Result<Vec<IndexEntry>, String> {
    let st = storage().ok_or_else(|| "This browser does not allow saving articles here.".to_string())?;
    let raw = st
        .get_item(INDEX_KEY)
        .map_err(|_| "The saved library could not be read.".to_string())?;
    Ok(parse_index(&raw.unwrap_or_default()).0)
}

fn write_index(entries: &[IndexEntry]) -> Result<(), String> {
    let st = storage().ok_or_else(|| "This browser does not allow saving articles here.".to_string())?;
    st.set_item(INDEX_KEY, &format_index(entries))
        .map_err(|_| "The browser refused to save the library (storage full or disabled).".to_string())
}

/// Loads the kept articles. Returns them and a message when something could
/// not be read (nothing is deleted because of it).
pub fn load() -> (Vec<Item>, Option<String>) {
    let Some(st) = storage() else {
        return (Vec::new(), None);
    };
    let raw = st.get_item(INDEX_KEY).ok().flatten().unwrap_or_default();
    let (entries, mut bad) = parse_index(&raw);
    let mut items = Vec::new();
    for e in entries {
        match st.get_item(&format!("{ARTICLE_PREFIX}{}", e.id)).ok().flatten() {
            Some(text) => {
                let mut article = Article::parse(&e.id, &text);
                article.id = e.id.clone();
                items.push(Item {
                    article,
                    origin: Origin::Local {
                        added_ms: e.added_ms,
                        stored: true,
                    },
                    entity_count: Some(e.entities),
                });
            }
            None => bad += 1,
        }
    }
    let msg = (bad > 0).then(|| {
        format!(
            "{bad} saved article{} could not be read and {} skipped; the rest of your library is here.",
            if bad == 1 { "" } else { "s" },
            if bad == 1 { "was" } else { "were" }
        )
    });
    (items, msg)
}

/// Keeps an article. On failure the article stays open for this visit and
/// the message says it will not be kept.
pub fn save(item: &Item, entities: usize) -> Result<(), String> {
    let Origin::Local { added_ms, .. } = item.origin else {
        return Ok(());
    };
    let fail = || {
        "The browser refused to keep this article (storage is full or disabled), so it will not be here after a reload."
            .to_string()
    };
    let st = storage().ok_or_else(fail)?;
    let mut entries = read_index().map_err(|_| fail())?;
    let key = format!("{ARTICLE_PREFIX}{}", item.article.id);
    st.set_item(&key, &article_to_text(&item.article))
        .map_err(|_| fail())?;
    entries.retain(|e| e.id != item.article.id);
    entries.push(IndexEntry {
        id: item.article.id.clone(),
        added_ms,
        entities,
        title: item.article.meta.title.clone(),
    });
    write_index(&entries).map_err(|_| {
        let _ = st.remove_item(&key);
        fail()
    })
}

/// Forgets an article.
pub fn remove(id: &str) -> Result<(), String> {
    let mut entries = read_index()?;
    entries.retain(|e| e.id != id);
    write_index(&entries)?;
    if let Some(st) = storage() {
        let _ = st.remove_item(&format!("{ARTICLE_PREFIX}{id}"));
    }
    Ok(())
}

/// Renames a kept article.
pub fn rename(item: &Item) -> Result<(), String> {
    let mut entries = read_index()?;
    let Some(e) = entries.iter_mut().find(|e| e.id == item.article.id) else {
        return Ok(());
    };
    e.title = item.article.meta.title.clone();
    write_index(&entries)?;
    if let Some(st) = storage() {
        st.set_item(
            &format!("{ARTICLE_PREFIX}{}", item.article.id),
            &article_to_text(&item.article),
        )
        .map_err(|_| "The new name could not be saved.".to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trip_and_cleaning() {
        let entries = vec![
            IndexEntry {
                id: "local-00ff".into(),
                added_ms: 1732000000000.0,
                entities: 7,
                title: "A\ttitle\nwith breaks".into(),
            },
            IndexEntry {
                id: "local-0100".into(),
                added_ms: 1.5,
                entities: 0,
                title: String::new(),
            },
        ];
        let (back, bad) = parse_index(&format_index(&entries));
        assert_eq!(bad, 0);
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].title, "A title with breaks");
        assert_eq!(back[1].added_ms, 1.5);
    }

    #[test]
    fn corrupted_lines_are_skipped_not_fatal() {
        let raw = "local-1\t5\t2\tGood\ngarbage\nlocal-2\tNaN\t1\tBad time\n../x\t1\t1\tBad id\nlocal-1\t6\t2\tDuplicate\n";
        let (entries, bad) = parse_index(raw);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].title, "Good");
        assert_eq!(bad, 3);
    }

    #[test]
    fn stored_text_restores_the_article() {
        let mut a = Article::parse("x", "First paragraph.\nSecond one.");
        a.meta.title = "My: title".into();
        a.meta.url = Some("https://example.org".into());
        let back = Article::parse("x", &article_to_text(&a));
        assert_eq!(back.meta.title, "My: title");
        assert_eq!(back.meta.url.as_deref(), Some("https://example.org"));
        assert_eq!(back.body, a.body);
    }
}
