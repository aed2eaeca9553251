//! The analysis of one article as a file: what the site build writes for
//! every published article, and what the analyser worker sends back for a
//! reader's own text. One format for both, so the browser never needs the
//! entity model for a published article.
//!
//! A record holds what is costly to compute or needs the model and word
//! lists (the entities and their mentions, each place's country); what is
//! cheap and needs neither (the search index, which passages mention whom)
//! is rebuilt from it by [`Analysis::from_record`].
//!
//! Bytes: the magic `AEr` (`AEb` for the [`Boot`] data in `index.html`),
//! a format byte ([`FORMAT`]), then the record in
//! [postcard](https://docs.rs/postcard). A file of another format is refused
//! with [`RecordError::Format`], never misread.
//!
//! ```
//! use article_analysis::record::ArticleRecord;
//! use article_analysis::{Analysis, Article};
//! let a = Analysis::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv. Biden left."));
//! let bytes = ArticleRecord::of(&a).to_bytes();
//! let back = Analysis::from_record(ArticleRecord::from_bytes(&bytes).unwrap());
//! assert_eq!(back.entities, a.entities);
//! assert_eq!(back.article, a.article);
//! ```

use serde::{Deserialize, Serialize};

mod pieces;
pub use pieces::Steps;

use crate::annotations::corrections::{Correction, EntityKey, Entry, Scope};
use crate::annotations::highlight::Highlight;
use crate::document::{Article, Paragraph};
use crate::entities::places::PlaceFacts;
use crate::entities::{Entities, EntityKind, Mention};
use crate::import::open::{ImportError, Source};
use crate::quotes::Quote;
use crate::timeline::Timeline;

/// The format of the bytes; bumped whenever a record type changes shape.
pub const FORMAT: u8 = 1;
/// The first bytes of an article record.
const ARTICLE_MAGIC: &[u8; 3] = b"AEr";
/// The first bytes of the boot data.
const BOOT_MAGIC: &[u8; 3] = b"AEb";
/// The first bytes of a request to the analyser worker.
const REQUEST_MAGIC: &[u8; 3] = b"AEq";
/// The first bytes of a reply of the analyser worker.
const REPLY_MAGIC: &[u8; 3] = b"AEa";
/// The first bytes of an article's highlights and notes.
const NOTES_MAGIC: &[u8; 3] = b"AEn";
/// The first bytes of a list of corrections.
const CORRECTIONS_MAGIC: &[u8; 3] = b"AEc";
/// Most catalog entries the boot data carries, whatever the archive's size:
/// the first load of an archive of 100,000 articles weighs about what it
/// does with 4 (each entry is some 100 bytes of `index.html`); the others
/// are found through the archive's index (`static_index`).
pub const BOOT_CATALOG: usize = 24;
/// The id of the page element that holds the boot data
/// ([`crate::prerender::boot_block`]).
pub const BOOT_ID: &str = "boot";

/// One article, analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article: id, metadata, body, paragraphs and sentences.
    pub article: Article,
    /// Its entities and their mentions (byte spans into the body).
    pub entities: Entities,
    /// For each entity (same order), what the card says about its country.
    pub places: Vec<PlaceFacts>,
    /// Who said what.
    pub quotes: Vec<Quote>,
    /// The dates and times mentioned, normalized.
    pub timeline: Timeline,
}

/// One published article as the library list and the article selector show
/// it, without loading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// The article id (file name without extension).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its source, when given.
    pub source: Option<String>,
    /// Its date as written, when given.
    pub date: Option<String>,
    /// Its record file, relative to the app (`articles/<id>.<hash>.bin`);
    /// empty when the record is in the boot data ([`Boot::records`]).
    pub file: String,
    /// Length of its text in bytes.
    pub bytes: u64,
    /// How many entities it has.
    pub entities: u32,
}

/// What `index.html` carries for the first view: the first articles of the
/// catalog and the default article's record, so the first view needs no
/// further request. An app in one HTML file (`article-explorer.html`, or a
/// file saved with "Save as one file") also carries every other record and
/// the view to open.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Boot {
    /// The first [`BOOT_CATALOG`] published articles, in file-name order.
    pub catalog: Vec<CatalogEntry>,
    /// How many articles are published in all.
    pub total: u64,
    /// The first article, analysed.
    pub first: Option<ArticleRecord>,
    /// Files the build left out (empty, binary) and characters it could not
    /// decode, in words for the reader.
    pub notice: Option<String>,
    /// The analyser worker's loader script, relative to the app (empty in
    /// one file: the page makes the worker from its own inlined parts).
    pub analyser: String,
    /// The catalog's other records, when the app is one file and cannot
    /// fetch them; empty in the served build.
    pub records: Vec<ArticleRecord>,
    /// The view to open when the page's address names none: a URL query
    /// string (`q=…&e=…`), so a saved file opens as it was saved.
    pub view: Option<String>,
}

impl Boot {
    /// The boot data as bytes: magic, format, postcard.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(BOOT_MAGIC, self)
    }

    /// Reads [`Boot::to_bytes`]; every record in it is checked like any
    /// record.
    pub fn from_bytes(bytes: &[u8]) -> Result<Boot, RecordError> {
        let boot: Boot = decode(BOOT_MAGIC, bytes)?;
        if boot
            .first
            .iter()
            .chain(&boot.records)
            .all(ArticleRecord::is_sound)
        {
            Ok(boot)
        } else {
            Err(RecordError::Corrupt)
        }
    }
}

/// What the page asks of the analyser worker (a Web Worker running this
/// crate with the entity model, so the page never blocks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyserRequest {
    /// Chosen by the page; every reply carries it.
    pub job: u32,
    /// What the reader opened.
    pub source: Source,
    /// The id to give the article; by default its content id (a text kept
    /// by an earlier version keeps the id its links use).
    pub id: Option<String>,
}

/// What the analyser worker sends back, in order: `Ready` once, then per
/// job some `Progress` and one `Done` or `Refused`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AnalyserReply {
    /// The worker is listening.
    Ready,
    /// How far the job is, from 0 to 1.
    Progress {
        /// The job.
        job: u32,
        /// From 0 to 1.
        done: f32,
    },
    /// The analysed text (its id is its content id). Its record,
    /// [`ArticleRecord::to_pieces`], comes beside this reply, not inside it,
    /// as a `Blob`: the page passes it to storage as it is (no copy of 60 MB
    /// on the page's thread for a 50 MB text) and reads it a few pieces at
    /// a time ([`Steps`]).
    Done {
        /// The job.
        job: u32,
        /// What the reader should know (replaced characters…).
        notices: Vec<String>,
    },
    /// The text cannot be opened.
    Refused {
        /// The job.
        job: u32,
        /// Why.
        error: ImportError,
    },
}

impl AnalyserRequest {
    /// As bytes for `postMessage`.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(REQUEST_MAGIC, self)
    }
    /// Reads [`AnalyserRequest::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<AnalyserRequest, RecordError> {
        decode(REQUEST_MAGIC, bytes)
    }
}

impl AnalyserReply {
    /// As bytes for `postMessage`.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(REPLY_MAGIC, self)
    }
    /// Reads [`AnalyserReply::to_bytes`]; a finished record is read (and
    /// checked) with [`ArticleRecord::from_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<AnalyserReply, RecordError> {
        decode(REPLY_MAGIC, bytes)
    }
}

/// The reader's highlights and notes of one article, as the app stores
/// them (published and own articles alike, by article id).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NotesRecord {
    /// The highlights, in the order they were made.
    pub highlights: Vec<Highlight>,
}

impl NotesRecord {
    /// As bytes: magic, format, postcard.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(NOTES_MAGIC, self)
    }
    /// Reads [`NotesRecord::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NotesRecord, RecordError> {
        decode(NOTES_MAGIC, bytes)
    }
}

/// A list of entity corrections as the app stores it: one article's, or
/// the personal dictionary (entries for all articles).
///
/// ```
/// use article_analysis::annotations::corrections::{Correction, Entry, Scope};
/// use article_analysis::entities::EntityKind;
/// use article_analysis::record::CorrectionsRecord;
/// let add = Correction::AddEntity { name: "Acme Corp".into(), kind: EntityKind::Organization };
/// let r = CorrectionsRecord { entries: vec![Entry { correction: add, scope: Scope::AllArticles, created: 1 }] };
/// assert_eq!(CorrectionsRecord::from_bytes(&r.to_bytes()), Ok(r));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorrectionsRecord {
    /// The corrections, in the order they were made.
    pub entries: Vec<Entry>,
}

impl CorrectionsRecord {
    /// As bytes: magic, format, postcard.
    pub fn to_bytes(&self) -> Vec<u8> {
        let stored: Vec<StoredEntry> = self.entries.iter().map(StoredEntry::from).collect();
        encode(CORRECTIONS_MAGIC, &stored)
    }
    /// Reads [`CorrectionsRecord::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CorrectionsRecord, RecordError> {
        let stored: Vec<StoredEntry> = decode(CORRECTIONS_MAGIC, bytes)?;
        Ok(CorrectionsRecord {
            entries: stored.into_iter().map(Entry::from).collect(),
        })
    }
}

/// [`Entry`] in postcard: [`Correction`] is internally tagged for its JSON
/// (`"op": "merge"`), which postcard (not self-describing) cannot read
/// back, so the stored form is externally tagged.
#[derive(Serialize, Deserialize)]
struct StoredEntry {
    correction: StoredCorrection,
    scope: Scope,
    created: u64,
}

/// [`Correction`], variant for variant.
#[derive(Serialize, Deserialize)]
enum StoredCorrection {
    Rename { key: EntityKey, name: String },
    ChangeType { key: EntityKey, kind: EntityKind },
    Merge { from: EntityKey, into: EntityKey },
    NotAnEntity { key: EntityKey },
    AddEntity { name: String, kind: EntityKind },
}

impl From<&Entry> for StoredEntry {
    fn from(e: &Entry) -> StoredEntry {
        let correction = match e.correction.clone() {
            Correction::Rename { key, name } => StoredCorrection::Rename { key, name },
            Correction::ChangeType { key, kind } => StoredCorrection::ChangeType { key, kind },
            Correction::Merge { from, into } => StoredCorrection::Merge { from, into },
            Correction::NotAnEntity { key } => StoredCorrection::NotAnEntity { key },
            Correction::AddEntity { name, kind } => StoredCorrection::AddEntity { name, kind },
        };
        StoredEntry {
            correction,
            scope: e.scope,
            created: e.created,
        }
    }
}

impl From<StoredEntry> for Entry {
    fn from(e: StoredEntry) -> Entry {
        let correction = match e.correction {
            StoredCorrection::Rename { key, name } => Correction::Rename { key, name },
            StoredCorrection::ChangeType { key, kind } => Correction::ChangeType { key, kind },
            StoredCorrection::Merge { from, into } => Correction::Merge { from, into },
            StoredCorrection::NotAnEntity { key } => Correction::NotAnEntity { key },
            StoredCorrection::AddEntity { name, kind } => Correction::AddEntity { name, kind },
        };
        Entry {
            correction,
            scope: e.scope,
            created: e.created,
        }
    }
}

/// Magic, format byte, postcard.
fn encode<T: Serialize>(magic: &[u8; 3], value: &T) -> Vec<u8> {
    encode_as(magic, FORMAT, value)
}

/// The inverse of [`encode`].
fn decode<'a, T: Deserialize<'a>>(magic: &[u8; 3], bytes: &'a [u8]) -> Result<T, RecordError> {
    decode_as(magic, FORMAT, bytes)
}

/// Magic, the given format byte, postcard: the framing of every file this
/// crate writes (the static index has its own magics and format).
pub(crate) fn encode_as<T: Serialize>(magic: &[u8; 3], format: u8, value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(magic);
    out.push(format);
    // Serializing plain data into a Vec cannot fail.
    postcard::to_extend(value, out).unwrap_or_default()
}

/// The inverse of [`encode_as`].
pub(crate) fn decode_as<'a, T: Deserialize<'a>>(
    magic: &[u8; 3],
    format: u8,
    bytes: &'a [u8],
) -> Result<T, RecordError> {
    let rest = bytes.strip_prefix(magic).ok_or(RecordError::NotARecord)?;
    let (&found, rest) = rest.split_first().ok_or(RecordError::NotARecord)?;
    if found != format {
        return Err(RecordError::Format(found));
    }
    postcard::from_bytes(rest).map_err(|_| RecordError::Corrupt)
}

/// Why bytes are not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not a record file at all (no magic), or cut short.
    NotARecord,
    /// A record of another format (an older or newer build).
    Format(u8),
    /// The right format, but the content does not decode or breaks the
    /// record's invariants (spans outside the body, unknown entities).
    Corrupt,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::NotARecord => write!(f, "not an article file"),
            RecordError::Format(v) => write!(f, "article file of format {v}, this app reads {FORMAT}"),
            RecordError::Corrupt => write!(f, "damaged article file"),
        }
    }
}

impl ArticleRecord {
    /// A text with no entities found yet (shown while they are found).
    pub fn without_entities(article: Article) -> ArticleRecord {
        ArticleRecord {
            article,
            entities: Entities::default(),
            places: Vec::new(),
            quotes: Vec::new(),
            timeline: Timeline::default(),
        }
    }

    /// No article at all.
    pub fn empty() -> ArticleRecord {
        ArticleRecord::without_entities(Article::parse("empty.txt", ""))
    }

    /// The record as bytes: magic, format, postcard.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(ARTICLE_MAGIC, self)
    }

    /// Reads bytes written by [`ArticleRecord::to_bytes`], checking that
    /// every span lies on character boundaries of the body and every
    /// mention names an entity, so a damaged file cannot mislead the app.
    /// Reads the form in pieces ([`ArticleRecord::to_pieces`]) too, at once.
    pub fn from_bytes(bytes: &[u8]) -> Result<ArticleRecord, RecordError> {
        if bytes.starts_with(pieces::PIECES_MAGIC) {
            return pieces::read_all(bytes);
        }
        let record: ArticleRecord = decode(ARTICLE_MAGIC, bytes)?;
        if record.is_sound() {
            Ok(record)
        } else {
            Err(RecordError::Corrupt)
        }
    }

    /// Spans on character boundaries, in order, inside the body; mentions
    /// naming existing entities; one place fact per entity.
    fn is_sound(&self) -> bool {
        let body = &self.article.body;
        let n = self.entities.entities.len();
        let paragraphs = &self.article.paragraphs;
        paragraphs_sound(body, paragraphs, &mut 0)
            && mentions_sound(body, &self.entities.mentions, n, &mut 0)
            && quotes_sound(body, &self.quotes, paragraphs.len(), n)
            && self.rest_sound()
    }

    /// The checks of [`ArticleRecord::is_sound`] on what is not a long
    /// list (entities, places, timeline).
    fn rest_sound(&self) -> bool {
        let body = &self.article.body;
        let n = self.entities.entities.len();
        let paragraphs = self.article.paragraphs.len();
        let related_ok = self
            .entities
            .entities
            .iter()
            .all(|e| e.related.is_none_or(|r| r < n));
        let t = &self.timeline;
        let times_ok = t
            .points
            .iter()
            .chain(&t.durations)
            .chain(&t.unplaced)
            .all(|x| span_ok(body, &x.span) && span_ok(body, &x.sentence) && x.paragraph < paragraphs)
            && t.anchor
                .as_ref()
                .and_then(|a| a.span.as_ref())
                .is_none_or(|s| span_ok(body, s));
        related_ok && self.places.len() == n && times_ok
    }
}

/// A span on character boundaries of `body`, inside it. Checked against a
/// body still being read, it refuses more, never less (a boundary of the
/// part read is one of the whole).
fn span_ok(body: &str, s: &std::ops::Range<usize>) -> bool {
    s.start <= s.end && body.is_char_boundary(s.start) && body.is_char_boundary(s.end)
}

/// Paragraphs (with their sentences) sound and in order after `last`
/// (the end of the previous paragraph, updated).
fn paragraphs_sound(body: &str, paragraphs: &[Paragraph], last: &mut usize) -> bool {
    paragraphs.iter().all(|p| {
        let ok =
            span_ok(body, &p.span) && p.span.start >= *last && p.sentences.iter().all(|s| span_ok(body, s));
        *last = p.span.end;
        ok
    })
}

/// Mentions sound, in order after `end` (updated), naming one of
/// `entities`.
fn mentions_sound(body: &str, mentions: &[Mention], entities: usize, end: &mut usize) -> bool {
    mentions.iter().all(|m| {
        let ok = span_ok(body, &m.span) && m.span.start >= *end && m.entity < entities;
        *end = m.span.end;
        ok
    })
}

/// Quotes sound, in one of `paragraphs`, their speakers among `entities`.
fn quotes_sound(body: &str, quotes: &[Quote], paragraphs: usize, entities: usize) -> bool {
    quotes.iter().all(|q| {
        span_ok(body, &q.span)
            && q.paragraph < paragraphs
            && q.speaker.is_none_or(|s| s < entities)
            && q.cue.as_ref().is_none_or(|s| span_ok(body, s))
            && q.speaker_span.as_ref().is_none_or(|s| span_ok(body, s))
    })
}

impl CatalogEntry {
    /// The catalog entry of a record stored as `file`.
    pub fn of(record: &ArticleRecord, file: String) -> CatalogEntry {
        let a = &record.article;
        CatalogEntry {
            id: a.id.clone(),
            title: a.meta.title.clone(),
            source: a.meta.source.clone(),
            date: a.meta.date.clone(),
            file,
            bytes: a.body.len() as u64,
            entities: u32::try_from(record.entities.entities.len()).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;

    fn record(text: &str) -> ArticleRecord {
        ArticleRecord::of(&Analysis::new(Article::parse("t.txt", text)))
    }

    #[test]
    fn a_record_read_back_gives_the_same_analysis() {
        let text = "---\ntitle: T\ndate: 2024-11-17\n---\nUkrainian forces struck near Kharkiv.\n\nJoe Biden said Russia lost. Biden left.";
        let a = Analysis::new(Article::parse("t.txt", text));
        let bytes = ArticleRecord::of(&a).to_bytes();
        let r = ArticleRecord::from_bytes(&bytes).expect("reads back");
        assert_eq!(r.places, crate::entities::places::place_facts(&a.entities));
        let b = Analysis::from_record(r);
        assert_eq!(b.article, a.article);
        assert_eq!(b.entities, a.entities);
        assert_eq!(b.passage_entities, a.passage_entities);
        assert_eq!(b.passage_mentions, a.passage_mentions);
        assert_eq!(b.index.token_count(), a.index.token_count());
        let kharkiv = b.entities.entities.iter().position(|e| e.name == "Kharkiv");
        let card = kharkiv.and_then(|i| crate::card::card(&b, i));
        assert_eq!(card.and_then(|c| c.country).as_deref(), Some("Ukraine"));
    }

    #[test]
    fn other_formats_and_garbage_are_refused_not_misread() {
        let mut bytes = record("Kyiv.").to_bytes();
        assert_eq!(ArticleRecord::from_bytes(b""), Err(RecordError::NotARecord));
        assert_eq!(ArticleRecord::from_bytes(b"hello"), Err(RecordError::NotARecord));
        bytes[3] = FORMAT + 1;
        assert_eq!(
            ArticleRecord::from_bytes(&bytes),
            Err(RecordError::Format(FORMAT + 1))
        );
        let mut cut = record("Joe Biden spoke in Kyiv.").to_bytes();
        cut.truncate(cut.len() - 3);
        assert_eq!(ArticleRecord::from_bytes(&cut), Err(RecordError::Corrupt));
    }

    #[test]
    fn a_record_in_pieces_reads_back_piece_by_piece() {
        // Long enough for several pieces of each list: 5,000 paragraphs,
        // mentions in each, quotes, and a body of more than 1 MB with
        // characters of several bytes at the cuts.
        let para = "Joe Biden said in Kyiv: \u{201c}Ukraine will win.\u{201d} Zelensky met Biden in Kharkiv. \u{00e9}t\u{00e9} \u{1f600}\n\n";
        let r = record(&para.repeat(14_000));
        assert!(r.article.paragraphs.len() > 8_192 && r.entities.mentions.len() > 16_384);
        assert!(r.article.body.len() > 1 << 20 && !r.quotes.is_empty());
        let bytes = r.to_pieces();
        let mut steps = Steps::new(&bytes).expect("the head reads");
        let mut n = 0;
        while !steps.step().expect("each piece reads") {
            n += 1;
        }
        assert!(n > 8, "{n} steps");
        assert_eq!(steps.finish().as_ref(), Ok(&r));
        assert_eq!(ArticleRecord::from_bytes(&bytes).as_ref(), Ok(&r));
    }

    #[test]
    fn a_record_in_pieces_that_is_cut_or_damaged_is_refused() {
        let bytes = record("Joe Biden spoke in Kyiv. Biden left.").to_pieces();
        for cut in [3, 4, 10, bytes.len() - 1] {
            assert!(ArticleRecord::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut other = bytes.clone();
        other[3] = FORMAT + 1;
        assert_eq!(
            ArticleRecord::from_bytes(&other),
            Err(RecordError::Format(FORMAT + 1))
        );
        // A second head, or a mention past the body, is refused.
        let mut twice = bytes.clone();
        twice.extend_from_slice(&bytes[4..]);
        assert_eq!(ArticleRecord::from_bytes(&twice), Err(RecordError::Corrupt));
        let mut r = record("Joe Biden spoke in Kyiv.");
        r.entities.mentions[0].span = 100..110;
        assert_eq!(
            ArticleRecord::from_bytes(&r.to_pieces()),
            Err(RecordError::Corrupt)
        );
    }

    #[test]
    fn boot_data_reads_back_and_checks_its_record() {
        let r = record("Joe Biden spoke in Kyiv.");
        let entry = CatalogEntry::of(&r, "articles/t.0.bin".to_string());
        assert_eq!(entry.entities, 2);
        let boot = Boot {
            catalog: vec![entry],
            total: 1,
            first: Some(r.clone()),
            notice: None,
            analyser: "analyzer_loader.js".to_string(),
            records: vec![record("Kyiv is in Ukraine.")],
            view: Some("q=kyiv".to_string()),
        };
        assert_eq!(Boot::from_bytes(&boot.to_bytes()), Ok(boot.clone()));
        assert_eq!(Boot::from_bytes(&r.to_bytes()), Err(RecordError::NotARecord));
        let mut bad = r;
        bad.article.body.clear();
        let boot = Boot {
            first: Some(bad),
            ..Boot::default()
        };
        assert_eq!(Boot::from_bytes(&boot.to_bytes()), Err(RecordError::Corrupt));
        let mut bad = record("Joe Biden spoke in Kyiv.");
        bad.places.clear();
        let boot = Boot {
            records: vec![record("Joe Biden."), bad],
            ..Boot::default()
        };
        assert_eq!(
            Boot::from_bytes(&boot.to_bytes()),
            Err(RecordError::Corrupt),
            "an inline record is checked too"
        );
    }

    #[test]
    fn notes_and_corrections_read_back_and_refuse_each_other() {
        use crate::annotations::highlight::Color;
        let text = "Kyiv was quiet. The missiles struck Kharkiv.";
        let notes = NotesRecord {
            highlights: vec![
                Highlight::new("h1", text, 20..35, Color::Pink, "Which type?", 7).unwrap(),
                Highlight::new("h2", text, 0..4, Color::Yellow, "", 8).unwrap(),
            ],
        };
        assert_eq!(NotesRecord::from_bytes(&notes.to_bytes()), Ok(notes.clone()));
        let key = |name: &str, kind| EntityKey::new(name, kind);
        let every = vec![
            Correction::Rename {
                key: key("Kiev", EntityKind::Place),
                name: "Kyiv".into(),
            },
            Correction::ChangeType {
                key: key("Acme", EntityKind::Person),
                kind: EntityKind::Organization,
            },
            Correction::Merge {
                from: key("Biden", EntityKind::Person),
                into: key("Joe Biden", EntityKind::Person),
            },
            Correction::NotAnEntity {
                key: key("Monday", EntityKind::Date),
            },
            Correction::AddEntity {
                name: "Task Force 50".into(),
                kind: EntityKind::Other,
            },
        ];
        let fixes = CorrectionsRecord {
            entries: every
                .into_iter()
                .enumerate()
                .map(|(i, correction)| Entry {
                    correction,
                    scope: if i % 2 == 0 {
                        Scope::Article
                    } else {
                        Scope::AllArticles
                    },
                    created: i as u64,
                })
                .collect(),
        };
        assert_eq!(
            CorrectionsRecord::from_bytes(&fixes.to_bytes()),
            Ok(fixes.clone())
        );
        assert_eq!(
            CorrectionsRecord::from_bytes(&notes.to_bytes()),
            Err(RecordError::NotARecord)
        );
        assert_eq!(
            NotesRecord::from_bytes(&fixes.to_bytes()),
            Err(RecordError::NotARecord)
        );
        let mut cut = fixes.to_bytes();
        cut.truncate(cut.len() - 2);
        assert_eq!(CorrectionsRecord::from_bytes(&cut), Err(RecordError::Corrupt));
    }

    #[test]
    fn spans_outside_the_body_are_refused() {
        let mut r = record("Joe Biden spoke in Kyiv.");
        r.article.body = "Joe".to_string();
        assert_eq!(
            ArticleRecord::from_bytes(&r.to_bytes()),
            Err(RecordError::Corrupt)
        );
        let mut r = record("Joe Biden spoke in Kyiv.");
        if let Some(m) = r.entities.mentions.first_mut() {
            m.entity = 99;
        }
        assert_eq!(
            ArticleRecord::from_bytes(&r.to_bytes()),
            Err(RecordError::Corrupt)
        );
    }
}
