//! The reader's own articles, kept in this browser's IndexedDB (hundreds of
//! megabytes, where `localStorage` held about five), as analysis records:
//! reopening a kept text needs neither the analyser nor the entity model.
//!
//! One database per deployment (`article-explorer:` plus the app's folder),
//! so two explorers on one origin never share or overwrite a library. Object
//! stores keyed by article id: `meta` (`{ id, title, added, bytes,
//! entities }`, what the library list shows) and `records` (the record,
//! `article_analysis::record`: a `Blob` as the analyser sends it, or bytes
//! made on the page; read in pieces when the article is opened) for
//! the reader's own articles; `notes` (highlights and notes) and
//! `corrections` (entity corrections, plus the personal dictionary under
//! [`DICTIONARY`]) for any article, published or own, as
//! `article_analysis::record` bytes too. A value that does not read back is
//! reported and left in place, never deleted. A library from the `localStorage` version is moved over once
//! (see [`legacy`]): its texts go through the analyser, and each old key is
//! removed only after its record is stored.

pub mod legacy;

use article_analysis::annotations::corrections::Entry;
use article_analysis::annotations::highlight::Highlight;
use article_analysis::record::{ArticleRecord, CorrectionsRecord, NotesRecord};
use idb::{Database, DatabaseEvent as _, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

/// The object store of the list entries.
const META: &str = "meta";
/// The object store of the records.
const RECORDS: &str = "records";
/// The object store of the highlights and notes.
const NOTES: &str = "notes";
/// The object store of the entity corrections.
const CORRECTIONS: &str = "corrections";
/// The key of the personal dictionary in [`CORRECTIONS`] (never an article
/// id: those are letters, digits, `-` and `_`).
pub const DICTIONARY: &str = "*dictionary";
/// The database's schema version (2 added `notes` and `corrections`).
const VERSION: u32 = 2;

/// Why storage did not do what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The browser has no IndexedDB here (private mode in some browsers,
    /// disabled storage, a `file://` page in some browsers).
    Unavailable,
    /// The browser refused to write (quota full, or the disk).
    Refused,
    /// Reading failed.
    Unreadable,
}

/// What the library list shows of a kept article, stored apart from its
/// record so listing the library reads no texts.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptMeta {
    /// The article id (`local-…`).
    pub id: String,
    /// Its title (renaming changes only this).
    pub title: String,
    /// When it was added (ms since the epoch).
    pub added_ms: f64,
    /// Length of its text in bytes.
    pub bytes: u64,
    /// How many entities it has; `None` for a pasted text kept before its
    /// entities were found (the page was closed meanwhile: they are looked
    /// for again at the next start).
    pub entities: Option<u32>,
}

/// The database name for this deployment: the app's folder in the URL.
pub fn database_name() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let folder = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("article-explorer:{folder}/")
}

async fn open() -> Result<Database, StorageError> {
    let factory = Factory::new().map_err(|_| StorageError::Unavailable)?;
    let mut request = factory
        .open(&database_name(), Some(VERSION))
        .map_err(|_| StorageError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            for store in [META, RECORDS, NOTES, CORRECTIONS] {
                if !db.store_names().iter().any(|s| s == store) {
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        }
    });
    request.await.map_err(|_| StorageError::Unavailable)
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(value: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).ok()
}

fn meta_to_value(m: &KeptMeta) -> JsValue {
    let obj = js_sys::Object::new();
    set(&obj, "id", &m.id.as_str().into());
    set(&obj, "title", &m.title.as_str().into());
    set(&obj, "added", &m.added_ms.into());
    set(&obj, "bytes", &(m.bytes as f64).into());
    if let Some(n) = m.entities {
        set(&obj, "entities", &n.into());
    }
    obj.into()
}

fn meta_from_value(v: &JsValue) -> Option<KeptMeta> {
    let number = |k: &str| {
        get(v, k)
            .and_then(|x| x.as_f64())
            .filter(|x| x.is_finite() && *x >= 0.0)
    };
    Some(KeptMeta {
        id: get(v, "id")?.as_string()?,
        title: get(v, "title")?.as_string()?,
        added_ms: number("added")?,
        bytes: number("bytes")? as u64,
        entities: number("entities").map(|n| n as u32),
    })
}

async fn transaction(mode: TransactionMode) -> Result<(Database, idb::Transaction), StorageError> {
    transaction_of(&[META, RECORDS], mode).await
}

async fn transaction_of(
    stores: &[&str],
    mode: TransactionMode,
) -> Result<(Database, idb::Transaction), StorageError> {
    let failed = match mode {
        TransactionMode::ReadOnly => StorageError::Unreadable,
        _ => StorageError::Refused,
    };
    let db = open().await?;
    let tx = db.transaction(stores, mode).map_err(|_| failed)?;
    // The connection closes once its one transaction is done, so it never
    // blocks a later version's upgrade in another tab.
    db.close();
    Ok((db, tx))
}

/// Every kept article's list entry (oldest first) and how many entries did
/// not read back (they are left in place).
pub async fn list() -> Result<(Vec<KeptMeta>, usize), StorageError> {
    let (_db, tx) = transaction(TransactionMode::ReadOnly).await?;
    let store = tx.object_store(META).map_err(|_| StorageError::Unreadable)?;
    let values = store
        .get_all(None, None)
        .map_err(|_| StorageError::Unreadable)?
        .await
        .map_err(|_| StorageError::Unreadable)?;
    let mut kept = Vec::with_capacity(values.len());
    let mut bad = 0;
    for v in &values {
        match meta_from_value(v) {
            Some(k) => kept.push(k),
            None => bad += 1,
        }
    }
    kept.sort_by(|a, b| a.added_ms.total_cmp(&b.added_ms));
    Ok((kept, bad))
}

/// A kept article's record; `Ok(None)` when it is missing or does not read
/// back (it is left in place).
pub async fn record(id: &str) -> Result<Option<ArticleRecord>, StorageError> {
    Ok(match record_bytes(id).await? {
        Some(bytes) => crate::record_reader::read(&bytes).await.ok(),
        None => None,
    })
}

/// A kept article's record as bytes, not read yet; `Ok(None)` when it is
/// missing or not a record's bytes.
pub async fn record_bytes(id: &str) -> Result<Option<Vec<u8>>, StorageError> {
    let (_db, tx) = transaction(TransactionMode::ReadOnly).await?;
    let store = tx.object_store(RECORDS).map_err(|_| StorageError::Unreadable)?;
    let value = store
        .get(JsValue::from_str(id))
        .map_err(|_| StorageError::Unreadable)?
        .await
        .map_err(|_| StorageError::Unreadable)?;
    // A `Blob` (as the analyser sends a record) or bytes (a record made
    // on the page, or kept by an earlier version).
    let Some(value) = value else {
        return Ok(None);
    };
    if let Some(blob) = value.dyn_ref::<web_sys::Blob>() {
        return Ok(crate::record_reader::blob_bytes(blob).await);
    }
    Ok(value.dyn_into::<js_sys::Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Keeps (or replaces) an article: its list entry and its record (a
/// `Uint8Array` or a `Blob`), in one transaction (both or neither).
pub async fn save(meta: &KeptMeta, record: &JsValue) -> Result<(), StorageError> {
    let (_db, tx) = transaction(TransactionMode::ReadWrite).await?;
    let key = JsValue::from_str(&meta.id);
    for (store, value) in [(META, meta_to_value(meta)), (RECORDS, record.clone())] {
        let store = tx.object_store(store).map_err(|_| StorageError::Refused)?;
        store
            .put(&value, Some(&key))
            .map_err(|_| StorageError::Refused)?
            .await
            .map_err(|_| StorageError::Refused)?;
    }
    tx.await.map_err(|_| StorageError::Refused).map(|_| ())
}

/// Renames a kept article (its list entry).
pub async fn rename(meta: &KeptMeta) -> Result<(), StorageError> {
    let (_db, tx) = transaction(TransactionMode::ReadWrite).await?;
    let store = tx.object_store(META).map_err(|_| StorageError::Refused)?;
    store
        .put(&meta_to_value(meta), Some(&JsValue::from_str(&meta.id)))
        .map_err(|_| StorageError::Refused)?
        .await
        .map_err(|_| StorageError::Refused)?;
    tx.await.map_err(|_| StorageError::Refused).map(|_| ())
}

/// Forgets an article.
pub async fn remove(id: &str) -> Result<(), StorageError> {
    let (_db, tx) = transaction(TransactionMode::ReadWrite).await?;
    for store in [META, RECORDS] {
        let store = tx.object_store(store).map_err(|_| StorageError::Refused)?;
        store
            .delete(JsValue::from_str(id))
            .map_err(|_| StorageError::Refused)?
            .await
            .map_err(|_| StorageError::Refused)?;
    }
    tx.await.map_err(|_| StorageError::Refused).map(|_| ())
}

/// The bytes stored under `key` in `store`, if any.
async fn read_bytes(store: &str, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
    let (_db, tx) = transaction_of(&[store], TransactionMode::ReadOnly).await?;
    let store = tx.object_store(store).map_err(|_| StorageError::Unreadable)?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(|_| StorageError::Unreadable)?
        .await
        .map_err(|_| StorageError::Unreadable)?;
    Ok(value
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|a| a.to_vec()))
}

/// Stores `bytes` under `key` in `store`, or deletes the key when `None`.
async fn write_bytes(store: &str, key: &str, bytes: Option<Vec<u8>>) -> Result<(), StorageError> {
    let (_db, tx) = transaction_of(&[store], TransactionMode::ReadWrite).await?;
    let store = tx.object_store(store).map_err(|_| StorageError::Refused)?;
    let key = JsValue::from_str(key);
    match bytes {
        Some(b) => {
            let value: JsValue = js_sys::Uint8Array::from(b.as_slice()).into();
            store
                .put(&value, Some(&key))
                .map_err(|_| StorageError::Refused)?
                .await
                .map_err(|_| StorageError::Refused)?;
        }
        None => {
            store
                .delete(key)
                .map_err(|_| StorageError::Refused)?
                .await
                .map_err(|_| StorageError::Refused)?;
        }
    }
    tx.await.map_err(|_| StorageError::Refused).map(|_| ())
}

/// An article's highlights: `Ok(None)` when it has none stored,
/// `Err(Unreadable)` when the stored value does not read back (it is left
/// in place: nothing is written over it until the reader changes the notes).
pub async fn notes(id: &str) -> Result<Option<Vec<Highlight>>, StorageError> {
    match read_bytes(NOTES, id).await? {
        None => Ok(None),
        Some(b) => NotesRecord::from_bytes(&b)
            .map(|r| Some(r.highlights))
            .map_err(|_| StorageError::Unreadable),
    }
}

/// Keeps an article's highlights (none: the key is removed).
pub async fn save_notes(id: &str, highlights: &[Highlight]) -> Result<(), StorageError> {
    let bytes = (!highlights.is_empty()).then(|| {
        NotesRecord {
            highlights: highlights.to_vec(),
        }
        .to_bytes()
    });
    write_bytes(NOTES, id, bytes).await
}

/// Every stored list of corrections by key (article id, or [`DICTIONARY`]),
/// and the keys whose value did not read back (left in place).
pub async fn all_corrections() -> Result<(Vec<(String, Vec<Entry>)>, Vec<String>), StorageError> {
    let (_db, tx) = transaction_of(&[CORRECTIONS], TransactionMode::ReadOnly).await?;
    let store = tx
        .object_store(CORRECTIONS)
        .map_err(|_| StorageError::Unreadable)?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(|_| StorageError::Unreadable)?
        .await
        .map_err(|_| StorageError::Unreadable)?;
    let values = store
        .get_all(None, None)
        .map_err(|_| StorageError::Unreadable)?
        .await
        .map_err(|_| StorageError::Unreadable)?;
    let mut lists = Vec::with_capacity(keys.len());
    let mut bad = Vec::new();
    for (key, value) in keys.iter().zip(&values) {
        let Some(key) = key.as_string() else {
            continue;
        };
        let record = value
            .dyn_ref::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .and_then(|b| CorrectionsRecord::from_bytes(&b).ok());
        match record {
            Some(r) => lists.push((key, r.entries)),
            None => bad.push(key),
        }
    }
    Ok((lists, bad))
}

/// Keeps the corrections of an article (or of the dictionary, key
/// [`DICTIONARY`]); none: the key is removed.
pub async fn save_corrections(key: &str, entries: &[Entry]) -> Result<(), StorageError> {
    let bytes = (!entries.is_empty()).then(|| {
        CorrectionsRecord {
            entries: entries.to_vec(),
        }
        .to_bytes()
    });
    write_bytes(CORRECTIONS, key, bytes).await
}

/// The own article being opened, noted before its record is read and
/// cleared once it is shown: if the page dies while opening it, the next
/// start finds the note and does not open it again by itself.
pub fn note_opening(id: Option<&str>) {
    let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let key = format!("{}opening", database_name());
    let _ = match id {
        Some(id) => st.set_item(&key, id),
        None => st.remove_item(&key),
    };
}

/// The own article whose opening did not finish last time, if any.
pub fn unfinished_opening() -> Option<String> {
    let st = web_sys::window()?.local_storage().ok()??;
    st.get_item(&format!("{}opening", database_name())).ok()?
}

/// How much the origin stores and may store, in bytes, when the browser
/// says; and asks the browser to keep the library (not evict it under
/// pressure). Both are best effort.
pub async fn estimate_and_persist() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    if let Ok(p) = storage.persist() {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let usage = js_sys::Reflect::get(&estimate, &"usage".into()).ok()?.as_f64()?;
    let quota = js_sys::Reflect::get(&estimate, &"quota".into()).ok()?.as_f64()?;
    Some((usage, quota))
}
