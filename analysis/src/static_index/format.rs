//! The files of the static index, as named record types, and their bytes.
//!
//! Every file is framed like an article record (see [`crate::record`]): a
//! three-byte magic naming what it holds, the index [`FORMAT`] byte, then
//! the value in postcard. A file of another kind or format is refused, never
//! misread. Every file but the manifest and the per-article fragments is
//! named by the FNV-1a hash of its bytes ([`FileRef::name`]), so a host can
//! cache it for ever; fragments are named by the archive's epoch and the
//! article's document number, which is never reused for other content
//! ([`doc_file`]).
//!
//! Lists of documents are stored as gaps between increasing document numbers
//! (small numbers, one or two varint bytes each), in columns (all gaps, then
//! all counts), which compresses better than rows.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::entities::EntityKind;
use crate::hash::fnv1a;
use crate::record::{decode_as, encode_as, CatalogEntry, RecordError};

/// The format of every index file; bumped whenever a type here changes shape.
pub const FORMAT: u8 = 1;

/// The one file with a fixed name: the entry point of a query.
pub const MANIFEST: &str = "manifest.bin";

/// What an index file holds. Each kind has its own magic and name prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// [`Manifest`].
    Manifest,
    /// [`Page`]: part of a section's directory.
    Page,
    /// [`TermShard`].
    Terms,
    /// [`PostingsFile`]: the rest of a common term's postings.
    Postings,
    /// [`EntityShard`].
    Entities,
    /// [`MentionsFile`]: the rest of a common entity's articles.
    Mentions,
    /// [`IdShard`].
    Ids,
    /// [`TopEntities`].
    Top,
    /// [`DocFragment`].
    Doc,
}

impl FileKind {
    fn magic(self) -> &'static [u8; 3] {
        match self {
            FileKind::Manifest => b"AXm",
            FileKind::Page => b"AXg",
            FileKind::Terms => b"AXt",
            FileKind::Postings => b"AXp",
            FileKind::Entities => b"AXe",
            FileKind::Mentions => b"AXn",
            FileKind::Ids => b"AXi",
            FileKind::Top => b"AXo",
            FileKind::Doc => b"AXd",
        }
    }

    /// The first letter of the file names of this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            FileKind::Manifest => "manifest",
            FileKind::Page => "g",
            FileKind::Terms => "t",
            FileKind::Postings => "p",
            FileKind::Entities => "e",
            FileKind::Mentions => "n",
            FileKind::Ids => "i",
            FileKind::Top => "o",
            FileKind::Doc => "d",
        }
    }
}

/// A value stored as one index file.
pub trait IndexFile: Serialize + DeserializeOwned + 'static {
    /// What the file holds.
    const KIND: FileKind;

    /// The file's bytes: magic, [`FORMAT`], postcard.
    fn to_bytes(&self) -> Vec<u8> {
        encode_as(Self::KIND.magic(), FORMAT, self)
    }

    /// Reads [`IndexFile::to_bytes`].
    fn from_bytes(bytes: &[u8]) -> Result<Self, RecordError> {
        decode_as(Self::KIND.magic(), FORMAT, bytes)
    }
}

/// A content-addressed file: the hash of its bytes and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FileRef {
    /// FNV-1a of the bytes.
    pub hash: u64,
    /// Size in bytes.
    pub size: u32,
}

impl FileRef {
    /// The reference of these bytes.
    pub fn of(bytes: &[u8]) -> FileRef {
        FileRef {
            hash: fnv1a(bytes),
            size: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        }
    }

    /// The file's name for a file of this kind: `t-0123456789abcdef.bin`.
    pub fn name(&self, kind: FileKind) -> String {
        format!("{}-{:016x}.bin", kind.prefix(), self.hash)
    }
}

/// The name of an article's fragment: `d-<epoch>-<doc>.bin`. A document
/// number is never given to other content within an epoch (a changed
/// article gets a new number), so the name is as immutable as a hash.
pub fn doc_file(epoch: u32, doc: u32) -> String {
    format!("{}-{epoch:08x}-{doc}.bin", FileKind::Doc.prefix())
}

/// A file covering the keys from `first` up to the next entry's first key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyedRef {
    /// Its first key.
    pub first: String,
    /// The file.
    pub file: FileRef,
}

/// The entry point: counts for BM25, the directory pages of the three
/// sorted sections, and the top entities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Names the fragments (see [`doc_file`]); chosen when the archive is
    /// first built.
    pub epoch: u32,
    /// Number of articles.
    pub docs: u32,
    /// Every document number is below this.
    pub next_doc: u32,
    /// Words in all articles (BM25's average length is this over `docs`).
    pub total_words: u64,
    /// Postings kept in a term's head (the rest are in its tail file).
    pub head: u32,
    /// Term shards' directory pages (keys: stems).
    pub terms: Vec<KeyedRef>,
    /// Entity shards' directory pages (keys: folded names and aliases).
    pub entities: Vec<KeyedRef>,
    /// Id shards' directory pages (keys: article ids).
    pub ids: Vec<KeyedRef>,
    /// The most widespread entities of the archive.
    pub top: Option<FileRef>,
}

impl IndexFile for Manifest {
    const KIND: FileKind = FileKind::Manifest;
}

impl Manifest {
    /// Average article length in words, as BM25 uses it (at least 1).
    pub fn avg_words(&self) -> f64 {
        if self.docs == 0 {
            1.0
        } else {
            (self.total_words as f64 / f64::from(self.docs)).max(1.0)
        }
    }
}

/// Part of a section's directory: the shards of a key range.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Page {
    /// Shards in key order.
    pub shards: Vec<KeyedRef>,
}

impl IndexFile for Page {
    const KIND: FileKind = FileKind::Page;
}

/// One article's use of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document number.
    pub doc: u32,
    /// How often the term's words occur in it.
    pub tf: u32,
    /// Its length in words (BM25).
    pub words: u32,
}

/// Postings in document order, stored as columns.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Postings {
    /// Document numbers as gaps (the first from 0).
    pub gaps: Vec<u32>,
    /// Term frequencies.
    pub tf: Vec<u32>,
    /// Document lengths.
    pub words: Vec<u32>,
}

impl Postings {
    /// Encodes postings sorted by document number.
    pub fn of(list: &[Posting]) -> Postings {
        Postings {
            gaps: gaps(list.iter().map(|p| p.doc)),
            tf: list.iter().map(|p| p.tf).collect(),
            words: list.iter().map(|p| p.words).collect(),
        }
    }

    /// The postings, or `None` when the columns disagree or the numbers
    /// overflow (a damaged file).
    pub fn decode(&self) -> Option<Vec<Posting>> {
        let docs = ungap(&self.gaps)?;
        if self.tf.len() != docs.len() || self.words.len() != docs.len() {
            return None;
        }
        Some(
            docs.iter()
                .zip(&self.tf)
                .zip(&self.words)
                .map(|((&doc, &tf), &words)| Posting { doc, tf, words })
                .collect(),
        )
    }
}

/// A shard of the term section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TermShard {
    /// Terms in stem order.
    pub terms: Vec<TermEntry>,
}

impl IndexFile for TermShard {
    const KIND: FileKind = FileKind::Terms;
}

/// One stem: how many articles use it and its best postings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEntry {
    /// The stem (the key).
    pub stem: String,
    /// Articles that use it.
    pub df: u32,
    /// Every posting when `tail` is `None`; else the [`Manifest::head`]
    /// postings with the highest BM25 contribution (ties: lower document
    /// number), in document order.
    pub head: Postings,
    /// The other postings, in document order.
    pub tail: Option<FileRef>,
}

/// The postings a term's head leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostingsFile {
    /// In document order.
    pub postings: Postings,
}

impl IndexFile for PostingsFile {
    const KIND: FileKind = FileKind::Postings;
}

/// An article and a count (mentions of an entity in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocCount {
    /// Document number.
    pub doc: u32,
    /// The count.
    pub count: u32,
}

/// Document counts in document order, stored as columns.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocCounts {
    /// Document numbers as gaps.
    pub gaps: Vec<u32>,
    /// Counts.
    pub counts: Vec<u32>,
}

impl DocCounts {
    /// Encodes counts sorted by document number.
    pub fn of(list: &[DocCount]) -> DocCounts {
        DocCounts {
            gaps: gaps(list.iter().map(|d| d.doc)),
            counts: list.iter().map(|d| d.count).collect(),
        }
    }

    /// The counts, or `None` for a damaged file.
    pub fn decode(&self) -> Option<Vec<DocCount>> {
        let docs = ungap(&self.gaps)?;
        if self.counts.len() != docs.len() {
            return None;
        }
        Some(
            docs.iter()
                .zip(&self.counts)
                .map(|(&doc, &count)| DocCount { doc, count })
                .collect(),
        )
    }
}

/// A shard of the entity section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EntityShard {
    /// Keys in order.
    pub keys: Vec<EntityKey>,
}

impl IndexFile for EntityShard {
    const KIND: FileKind = FileKind::Entities;
}

/// A folded name or alias and the entities it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityKey {
    /// The key ([`crate::static_index::entity_key`]).
    pub key: String,
    /// One group per kind and canonical name, most articles first.
    pub groups: Vec<EntityGroup>,
}

/// The articles where an entity of one kind and canonical name is found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityGroup {
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name in those articles.
    pub name: String,
    /// Number of articles.
    pub articles: u32,
    /// Mentions in all of them.
    pub mentions: u64,
    /// Every article when `tail` is `None`; else the ones with the most
    /// mentions (ties: lower document number), in document order.
    pub head: DocCounts,
    /// The other articles.
    pub tail: Option<FileRef>,
}

/// The articles an entity group's head leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MentionsFile {
    /// In document order.
    pub mentions: DocCounts,
}

impl IndexFile for MentionsFile {
    const KIND: FileKind = FileKind::Mentions;
}

/// A shard of the id section: where each article is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IdShard {
    /// In id order.
    pub ids: Vec<IdEntry>,
}

impl IndexFile for IdShard {
    const KIND: FileKind = FileKind::Ids;
}

/// An article by id: its document number and catalog entry (title, record
/// file…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdEntry {
    /// Document number.
    pub doc: u32,
    /// What the library lists.
    pub entry: CatalogEntry,
}

/// The entities found in the most articles.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TopEntities {
    /// Most articles first (then most mentions, then name).
    pub entities: Vec<TopEntity>,
}

impl IndexFile for TopEntities {
    const KIND: FileKind = FileKind::Top;
}

/// One entity of [`TopEntities`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopEntity {
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Articles.
    pub articles: u32,
    /// Mentions.
    pub mentions: u64,
}

/// What a result list shows of an article: its catalog entry and its text
/// (for snippets), at most [`FRAGMENT_TEXT`] bytes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocFragment {
    /// Document number.
    pub doc: u32,
    /// Title, record file…
    pub entry: CatalogEntry,
    /// The first paragraphs.
    pub paragraphs: Vec<String>,
}

impl IndexFile for DocFragment {
    const KIND: FileKind = FileKind::Doc;
}

/// Most bytes of text a fragment keeps (whole paragraphs; at least one).
pub const FRAGMENT_TEXT: usize = 12 * 1024;

fn gaps(docs: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut prev = 0;
    docs.map(|d| {
        let g = d.wrapping_sub(prev);
        prev = d;
        g
    })
    .collect()
}

fn ungap(gaps: &[u32]) -> Option<Vec<u32>> {
    let mut doc = 0u32;
    let mut out = Vec::with_capacity(gaps.len());
    for (i, &g) in gaps.iter().enumerate() {
        if i > 0 && g == 0 {
            return None;
        }
        doc = doc.checked_add(g)?;
        out.push(doc);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_and_damage_is_refused() {
        let list = vec![
            Posting {
                doc: 3,
                tf: 2,
                words: 100,
            },
            Posting {
                doc: 4,
                tf: 1,
                words: 50,
            },
            Posting {
                doc: 900,
                tf: 7,
                words: 1200,
            },
        ];
        let file = PostingsFile {
            postings: Postings::of(&list),
        };
        let back = PostingsFile::from_bytes(&file.to_bytes()).expect("reads back");
        assert_eq!(back.postings.decode(), Some(list));
        let mut bad = back.postings.clone();
        bad.tf.pop();
        assert_eq!(bad.decode(), None);
        bad = back.postings;
        bad.gaps[1] = 0;
        assert_eq!(bad.decode(), None, "documents must increase");
        bad.gaps[1] = u32::MAX;
        assert_eq!(bad.decode(), None, "overflow");
    }

    #[test]
    fn a_file_of_another_kind_is_refused() {
        let bytes = Page::default().to_bytes();
        assert!(Page::from_bytes(&bytes).is_ok());
        assert_eq!(TermShard::from_bytes(&bytes), Err(RecordError::NotARecord));
        let mut other = bytes.clone();
        other[3] = FORMAT + 1;
        assert_eq!(Page::from_bytes(&other), Err(RecordError::Format(FORMAT + 1)));
    }

    #[test]
    fn names_are_content_hashes() {
        let bytes = TermShard::default().to_bytes();
        let r = FileRef::of(&bytes);
        assert_eq!(r.name(FileKind::Terms), format!("t-{:016x}.bin", fnv1a(&bytes)));
        assert_eq!(r.size as usize, bytes.len());
        assert_eq!(doc_file(0xab, 12), "d-000000ab-12.bin");
    }
}
