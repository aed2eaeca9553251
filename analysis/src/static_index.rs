//! A static, sharded search and entity index for a whole library, built once
//! and fetched piece by piece (the way Pagefind does it): a visitor downloads
//! a small manifest, then only the shards a query needs, then the metadata of
//! the top results. Every file but the manifest is content-addressed (its
//! hash is in its name), so any CDN or static host can cache it forever.
//!
//! ## Files
//!
//! - `manifest.bin`: document count, average length, and for each shard its
//!   first key, content hash and size. The only file whose name is fixed.
//! - `t-<hash>.bin`: **term shards**. Keys are the English stems of the folded
//!   words ([`crate::normalize::fold`] → [`crate::normalize::stem`], the forms
//!   the in-article search compares), sorted in byte order and cut into
//!   consecutive ranges of about [`BuildOptions::shard_bytes`]. Each key has
//!   its postings: (article id, term frequency, article length) with ids
//!   delta-encoded as varints.
//! - `e-<hash>.bin`: **entity shards**, split the same way. Keys are the
//!   folded canonical names and aliases of named entities (not dates or
//!   quantities); each key lists (kind, name) groups with (article id,
//!   mentions).
//! - `m-<hash>.bin`: **metadata chunks**: title, URL, excerpt and length of
//!   [`BuildOptions::docs_per_meta_chunk`] consecutive articles.
//!
//! ## Queries
//!
//! A query is parsed with [`Query::parse`]. Every positive word must appear in
//! the article (AND over the article, not over one passage as in
//! [`crate::library::search`]; phrases are taken as their words); a negated
//! single word excludes the articles that contain it. A word matches the
//! articles that contain a word with the same stem, exactly as the in-article
//! search does for complete words. The last word, while typed (the prefix
//! rule of [`Query::parse`]), also matches every stem that starts with it
//! (Pagefind's rule: prefixes of stems, not of words; so "runni" does not find
//! "running", whose stem is "run"). A prefix whose range of shards is larger
//! than [`PREFIX_BUDGET`] bytes reads only the first shards of it (so a short
//! prefix finds fewer articles) and says so in [`Ranking::prefix_truncated`]. Articles are ranked with BM25, the same
//! formula and constants as [`crate::library::search`].
//!
//! ```
//! use article_analysis::static_index::{BuildOptions, Builder, Document, MemoryFiles, Reader};
//! let mut b = Builder::new(BuildOptions::default());
//! for (i, text) in ["Missiles hit Kyiv.", "Kyiv again: one missile."].iter().enumerate() {
//!     b.add(Document::new(format!("Article {i}"), format!("/a/{i}"), text.to_string()).analyse(true));
//! }
//! let files = MemoryFiles::from(b.finish());
//! let mut reader = Reader::open(files.fetcher()).unwrap();
//! let found = reader.search("missile", 10).unwrap();
//! assert_eq!(found.hits.len(), 2);
//! assert_eq!(found.hits[0].title, "Article 0");
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;
use std::path::Path;

use crate::document::Article;
use crate::entities::{self, EntityKind};
use crate::library::{B, K1};
use crate::normalize::fold;
use crate::search::{Index, Query};

/// The name of the manifest, the one file that is not content-addressed.
pub const MANIFEST: &str = "manifest.bin";
/// How many bytes of shards a prefix word reads at most, by default (besides
/// the shard of its own stem; the first shard of its range is always read).
pub const PREFIX_BUDGET: usize = 256 * 1024;
const MAGIC: &[u8; 4] = b"AXSI";
const VERSION: u8 = 1;

/// How the index is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// A shard is closed once it holds at least this many (uncompressed)
    /// bytes; one very long postings list makes a larger shard on its own.
    pub shard_bytes: usize,
    /// Articles per metadata chunk.
    pub docs_per_meta_chunk: usize,
    /// Characters of the article's beginning kept as its excerpt (at most 400).
    pub excerpt_chars: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            shard_bytes: 32 * 1024,
            docs_per_meta_chunk: 16,
            excerpt_chars: 160,
        }
    }
}

/// One article to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its title (empty: derived from the first sentence, as in the app).
    pub title: String,
    /// Where it is published.
    pub url: String,
    /// The text (front matter allowed, as in an article file).
    pub text: String,
}

impl Document {
    /// A document from its parts.
    pub fn new(title: String, url: String, text: String) -> Document {
        Document { title, url, text }
    }

    /// The expensive, independent part of indexing one article (run it on
    /// several threads): its words counted by stem, and with `entities` its
    /// named entities.
    pub fn analyse(self, entities: bool) -> AnalysedDocument {
        let article = Article::parse("article.txt", &self.text);
        let index = Index::build(&article.body, &article.passages());
        let mut by_stem: HashMap<&str, u32> = HashMap::new();
        for t in index.terms() {
            *by_stem.entry(t.stem.as_str()).or_default() += t.postings.len() as u32;
        }
        let mut terms: Vec<(String, u32)> = by_stem.into_iter().map(|(s, n)| (s.to_string(), n)).collect();
        terms.sort_unstable();
        let mut names = Vec::new();
        if entities {
            for e in entities::extract(&article.body).entities {
                if matches!(e.kind, EntityKind::Date | EntityKind::Quantity) {
                    continue;
                }
                let mut keys: Vec<String> = std::iter::once(fold(&e.name))
                    .chain(e.aliases.iter().map(|a| fold(a)))
                    .filter(|k| !k.is_empty())
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                for key in keys {
                    names.push(NameEntry {
                        key,
                        kind: e.kind,
                        name: e.name.clone(),
                        mentions: e.mentions as u32,
                    });
                }
            }
        }
        let title = if self.title.trim().is_empty() {
            article.meta.title.clone()
        } else {
            self.title
        };
        let excerpt: String = article
            .body
            .split_whitespace()
            .flat_map(|w| std::iter::once(' ').chain(w.chars()))
            .skip(1)
            .take(400)
            .collect();
        AnalysedDocument {
            title,
            url: self.url,
            excerpt,
            length: index.token_count() as u32,
            terms,
            names,
        }
    }
}

/// One entity name of an analysed article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameEntry {
    key: String,
    kind: EntityKind,
    name: String,
    mentions: u32,
}

/// An article reduced to what the index stores (see [`Document::analyse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysedDocument {
    title: String,
    url: String,
    excerpt: String,
    length: u32,
    terms: Vec<(String, u32)>,
    names: Vec<NameEntry>,
}

impl AnalysedDocument {
    /// Number of words (tokens inside passages), the BM25 length.
    pub fn length(&self) -> u32 {
        self.length
    }
}

/// Collects analysed articles (ids 0, 1, 2, … in the order added) and writes
/// the files.
#[derive(Debug, Default)]
pub struct Builder {
    opts: BuildOptions,
    meta: Vec<(String, String, String, u32)>,
    postings: HashMap<String, Vec<(u32, u32, u32)>>,
    names: HashMap<String, NameGroups>,
}

/// Under one entity key: (kind, canonical name) → (article id, mentions).
type NameGroups = BTreeMap<(EntityKind, String), Vec<(u32, u32)>>;

/// The files of a built index: name → bytes, [`MANIFEST`] included.
pub type Files = BTreeMap<String, Vec<u8>>;

impl Builder {
    /// An empty builder.
    pub fn new(opts: BuildOptions) -> Builder {
        Builder {
            opts,
            ..Builder::default()
        }
    }

    /// Adds the next article; returns its id.
    pub fn add(&mut self, doc: AnalysedDocument) -> u32 {
        let id = self.meta.len() as u32;
        let excerpt: String = doc.excerpt.chars().take(self.opts.excerpt_chars).collect();
        for (stem, tf) in doc.terms {
            self.postings.entry(stem).or_default().push((id, tf, doc.length));
        }
        for n in doc.names {
            let groups = self.names.entry(n.key).or_default();
            let list = groups.entry((n.kind, n.name)).or_default();
            match list.last_mut() {
                Some((d, m)) if *d == id => *m += n.mentions,
                _ => list.push((id, n.mentions)),
            }
        }
        self.meta.push((doc.title, doc.url, excerpt, doc.length));
        id
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.meta.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// Cuts and encodes everything: shards, metadata chunks, manifest.
    pub fn finish(self) -> Files {
        let mut files = Files::new();
        let n = self.meta.len();
        let total: f64 = self.meta.iter().map(|m| f64::from(m.3)).sum();
        let avg_len = if n == 0 { 1.0 } else { (total / n as f64).max(1.0) };

        let mut keys: Vec<&String> = self.postings.keys().collect();
        keys.sort_unstable();
        let term_shards = cut(&keys, self.opts.shard_bytes, "t", &mut files, |out, k| {
            let list = &self.postings[*k];
            put_str(out, k);
            put_var(out, list.len() as u64);
            let mut prev = 0;
            for &(d, tf, len) in list {
                put_var(out, u64::from(d - prev));
                put_var(out, u64::from(tf));
                put_var(out, u64::from(len));
                prev = d;
            }
        });

        let mut keys: Vec<&String> = self.names.keys().collect();
        keys.sort_unstable();
        let entity_shards = cut(&keys, self.opts.shard_bytes, "e", &mut files, |out, k| {
            let groups = &self.names[*k];
            put_str(out, k);
            put_var(out, groups.len() as u64);
            for ((kind, name), list) in groups {
                out.push(kind_code(*kind));
                put_str(out, name);
                put_var(out, list.len() as u64);
                let mut prev = 0;
                for &(d, m) in list {
                    put_var(out, u64::from(d - prev));
                    put_var(out, u64::from(m));
                    prev = d;
                }
            }
        });

        let per = self.opts.docs_per_meta_chunk.max(1);
        let mut meta_chunks = Vec::new();
        for chunk in self.meta.chunks(per) {
            let mut out = Vec::new();
            put_var(&mut out, chunk.len() as u64);
            for (title, url, excerpt, len) in chunk {
                put_str(&mut out, title);
                put_str(&mut out, url);
                put_str(&mut out, excerpt);
                put_var(&mut out, u64::from(*len));
            }
            meta_chunks.push(store(&mut files, "m", out));
        }

        let mut m = Vec::new();
        m.extend_from_slice(MAGIC);
        m.push(VERSION);
        put_var(&mut m, n as u64);
        m.extend_from_slice(&avg_len.to_le_bytes());
        put_var(&mut m, per as u64);
        for shards in [&term_shards, &entity_shards] {
            put_var(&mut m, shards.len() as u64);
            for s in shards.iter() {
                put_str(&mut m, &s.first);
                m.extend_from_slice(&s.hash.to_le_bytes());
                put_var(&mut m, s.size as u64);
            }
        }
        put_var(&mut m, meta_chunks.len() as u64);
        for s in &meta_chunks {
            m.extend_from_slice(&s.hash.to_le_bytes());
            put_var(&mut m, s.size as u64);
        }
        files.insert(MANIFEST.to_string(), m);
        files
    }
}

/// Encodes the sorted `keys` with `entry`, closing a shard whenever it
/// reaches `target` bytes; stores each shard and returns their descriptions.
fn cut<K: AsRef<str>>(
    keys: &[K],
    target: usize,
    prefix: &str,
    files: &mut Files,
    mut entry: impl FnMut(&mut Vec<u8>, &K),
) -> Vec<ShardInfo> {
    let mut shards = Vec::new();
    let mut body = Vec::new();
    let mut count = 0u64;
    let mut first = String::new();
    let mut close = |body: &mut Vec<u8>, count: &mut u64, first: &str, files: &mut Files| {
        let mut out = Vec::with_capacity(body.len() + 4);
        put_var(&mut out, *count);
        out.append(body);
        let mut info = store(files, prefix, out);
        info.first = first.to_string();
        shards.push(info);
        *count = 0;
    };
    for k in keys {
        if count == 0 {
            first = k.as_ref().to_string();
        }
        entry(&mut body, k);
        count += 1;
        if body.len() >= target {
            close(&mut body, &mut count, &first, files);
        }
    }
    if count > 0 {
        close(&mut body, &mut count, &first, files);
    }
    shards
}

fn store(files: &mut Files, prefix: &str, bytes: Vec<u8>) -> ShardInfo {
    let hash = fnv1a(&bytes);
    let size = bytes.len();
    files.insert(file_name(prefix, hash), bytes);
    ShardInfo {
        first: String::new(),
        hash,
        size,
    }
}

fn file_name(prefix: &str, hash: u64) -> String {
    format!("{prefix}-{hash:016x}.bin")
}

/// FNV-1a, 64 bits: the content hash in file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn kind_code(kind: EntityKind) -> u8 {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

fn put_var(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_var(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over an encoded file; every read fails cleanly on bad input.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, at: 0 }
    }

    fn var(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.var()?).ok()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.var()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn u64_le(&mut self) -> Option<u64> {
        let b: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(u64::from_le_bytes(b))
    }
}

/// One shard or chunk as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardInfo {
    /// Its first key (empty for metadata chunks).
    pub first: String,
    /// Content hash (in the file name).
    pub hash: u64,
    /// Size in bytes.
    pub size: usize,
}

/// The decoded manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    /// Number of articles.
    pub docs: u32,
    /// Average article length in words (BM25).
    pub avg_len: f64,
    /// Articles per metadata chunk.
    pub docs_per_meta_chunk: u32,
    /// Term shards in key order.
    pub terms: Vec<ShardInfo>,
    /// Entity shards in key order.
    pub entities: Vec<ShardInfo>,
    /// Metadata chunks in article order.
    pub meta: Vec<ShardInfo>,
}

impl Manifest {
    /// Decodes `manifest.bin`.
    pub fn decode(bytes: &[u8]) -> Option<Manifest> {
        let mut c = Cursor::new(bytes);
        if c.take(4)? != MAGIC || c.take(1)? != [VERSION] {
            return None;
        }
        let docs = c.u32()?;
        let avg_len = f64::from_bits(c.u64_le()?);
        let docs_per_meta_chunk = c.u32()?.max(1);
        let mut lists = Vec::new();
        for _ in 0..2 {
            let n = c.var()?;
            let mut list = Vec::new();
            for _ in 0..n {
                let first = c.str()?.to_string();
                let hash = c.u64_le()?;
                let size = usize::try_from(c.var()?).ok()?;
                list.push(ShardInfo { first, hash, size });
            }
            lists.push(list);
        }
        let n = c.var()?;
        let mut meta = Vec::new();
        for _ in 0..n {
            let hash = c.u64_le()?;
            let size = usize::try_from(c.var()?).ok()?;
            meta.push(ShardInfo {
                first: String::new(),
                hash,
                size,
            });
        }
        let entities = lists.pop()?;
        let terms = lists.pop()?;
        Some(Manifest {
            docs,
            avg_len,
            docs_per_meta_chunk,
            terms,
            entities,
            meta,
        })
    }

    /// The term shard that would hold `key`, if any.
    fn shard_of(list: &[ShardInfo], key: &str) -> Option<usize> {
        list.partition_point(|s| s.first.as_str() <= key).checked_sub(1)
    }

    /// The term shards that may hold keys starting with `prefix`, in order.
    fn prefix_shards(list: &[ShardInfo], prefix: &str) -> Vec<usize> {
        let start = Manifest::shard_of(list, prefix).unwrap_or(0);
        let mut out = Vec::new();
        for (i, s) in list.iter().enumerate().skip(start) {
            if i == start || s.first.starts_with(prefix) {
                out.push(i);
            } else {
                break;
            }
        }
        if list.is_empty() {
            out.clear();
        }
        out
    }
}

/// Where the files come from: a directory natively, `fetch()` in a browser
/// (each step's files are independent and can be requested in parallel).
pub trait Fetch {
    /// The bytes of the file `name`.
    fn fetch(&mut self, name: &str) -> io::Result<Vec<u8>>;
}

impl<F: FnMut(&str) -> io::Result<Vec<u8>>> Fetch for F {
    fn fetch(&mut self, name: &str) -> io::Result<Vec<u8>> {
        self(name)
    }
}

/// The files of an index held in memory (tests, benchmarks).
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles(pub Files);

impl From<Files> for MemoryFiles {
    fn from(files: Files) -> Self {
        MemoryFiles(files)
    }
}

impl MemoryFiles {
    /// Reads every file of a directory.
    pub fn read_dir(dir: &Path) -> io::Result<MemoryFiles> {
        let mut files = Files::new();
        for e in std::fs::read_dir(dir)? {
            let e = e?;
            if e.file_type()?.is_file() {
                files.insert(
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path())?,
                );
            }
        }
        Ok(MemoryFiles(files))
    }

    /// A [`Fetch`] over these files.
    pub fn fetcher(&self) -> impl Fetch + '_ {
        move |name: &str| {
            self.0
                .get(name)
                .cloned()
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, name.to_string()))
        }
    }
}

/// Writes the files into `dir` (created if needed).
pub fn write_files(files: &Files, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes)?;
    }
    Ok(())
}

/// What can go wrong when reading an index.
#[derive(Debug)]
pub enum Error {
    /// A file could not be fetched.
    Fetch(String, io::Error),
    /// A file is not a valid index file.
    Corrupt(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Fetch(name, e) => write!(f, "cannot fetch {name}: {e}"),
            Error::Corrupt(name) => write!(f, "{name} is not a valid index file"),
        }
    }
}

impl std::error::Error for Error {}

/// A file a query read, with its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// File name.
    pub name: String,
    /// Bytes (uncompressed).
    pub bytes: usize,
}

/// The ranked articles of a query, before any metadata is fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// (article id, BM25 score), best first; ties by id.
    pub results: Vec<(u32, f64)>,
    /// The shards read.
    pub fetched: Vec<Fetched>,
    /// Whether a prefix word's shards exceeded the prefix budget (then only
    /// stems in the first ones were matched).
    pub prefix_truncated: bool,
}

/// One result with its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Article id (order in the build input).
    pub id: u32,
    /// BM25 score.
    pub score: f64,
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// The beginning of the text.
    pub excerpt: String,
    /// Length in words.
    pub length: u32,
}

/// The top results of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// Number of matching articles.
    pub total: usize,
    /// The first `k`, with metadata.
    pub hits: Vec<Hit>,
    /// Every file read: shards, then metadata chunks.
    pub fetched: Vec<Fetched>,
    /// See [`Ranking::prefix_truncated`].
    pub prefix_truncated: bool,
}

/// One (kind, canonical name) group under an entity key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityHit {
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name in those articles.
    pub name: String,
    /// (article id, mentions), by id.
    pub articles: Vec<(u32, u32)>,
}

/// The query side: the manifest plus a [`Fetch`].
#[derive(Debug)]
pub struct Reader<F> {
    fetch: F,
    manifest: Manifest,
    manifest_bytes: usize,
    prefix_budget: usize,
}

type Postings = Vec<(String, Vec<(u32, u32, u32)>)>;

impl<F: Fetch> Reader<F> {
    /// Fetches and decodes the manifest.
    pub fn open(mut fetch: F) -> Result<Reader<F>, Error> {
        let bytes = fetch
            .fetch(MANIFEST)
            .map_err(|e| Error::Fetch(MANIFEST.to_string(), e))?;
        let manifest = Manifest::decode(&bytes).ok_or_else(|| Error::Corrupt(MANIFEST.into()))?;
        Ok(Reader {
            fetch,
            manifest,
            manifest_bytes: bytes.len(),
            prefix_budget: PREFIX_BUDGET,
        })
    }

    /// Sets how many bytes of shards a prefix word may read (default
    /// [`PREFIX_BUDGET`]).
    pub fn set_prefix_budget(&mut self, bytes: usize) {
        self.prefix_budget = bytes;
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Size of the manifest in bytes.
    pub fn manifest_bytes(&self) -> usize {
        self.manifest_bytes
    }

    fn get(&mut self, name: String, log: &mut Vec<Fetched>) -> Result<(String, Vec<u8>), Error> {
        let bytes = self
            .fetch
            .fetch(&name)
            .map_err(|e| Error::Fetch(name.clone(), e))?;
        log.push(Fetched {
            name: name.clone(),
            bytes: bytes.len(),
        });
        Ok((name, bytes))
    }

    fn term_shard(&mut self, i: usize, log: &mut Vec<Fetched>) -> Result<Postings, Error> {
        let Some(info) = self.manifest.terms.get(i) else {
            return Ok(Vec::new());
        };
        let (name, bytes) = self.get(file_name("t", info.hash), log)?;
        decode_terms(&bytes).ok_or(Error::Corrupt(name))
    }

    /// Ranks every article that matches `query` (see the module docs).
    pub fn rank(&mut self, query: &str) -> Result<Ranking, Error> {
        let q = Query::parse(query);
        let mut positive = Vec::new();
        for c in q.positive() {
            positive.extend(c.words.iter().cloned());
        }
        let negative: Vec<_> = q
            .negative()
            .filter(|c| c.words.len() == 1)
            .flat_map(|c| c.words.iter().cloned())
            .collect();
        let mut fetched = Vec::new();
        if positive.is_empty() {
            return Ok(Ranking {
                results: Vec::new(),
                fetched,
                prefix_truncated: false,
            });
        }
        // Which shards each word needs; each shard is fetched once.
        let mut truncated = false;
        let mut needs: Vec<Vec<usize>> = Vec::new();
        for w in positive.iter().chain(&negative) {
            let mut shards: Vec<usize> = Manifest::shard_of(&self.manifest.terms, &w.stem)
                .into_iter()
                .collect();
            if w.prefix {
                let range = Manifest::prefix_shards(&self.manifest.terms, &w.folded);
                let mut spent = 0;
                for (n, i) in range.iter().enumerate() {
                    spent += self.manifest.terms[*i].size;
                    if n > 0 && spent > self.prefix_budget {
                        truncated = true;
                        break;
                    }
                    shards.push(*i);
                }
            }
            shards.sort_unstable();
            shards.dedup();
            needs.push(shards);
        }
        let mut all: Vec<usize> = needs.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        let mut shards: HashMap<usize, Postings> = HashMap::new();
        for i in all {
            let p = self.term_shard(i, &mut fetched)?;
            shards.insert(i, p);
        }
        // Per word: article → (tf, length).
        let mut per_word: Vec<HashMap<u32, (u32, u32)>> = Vec::new();
        for (w, need) in positive.iter().chain(&negative).zip(&needs) {
            let mut docs: HashMap<u32, (u32, u32)> = HashMap::new();
            for i in need {
                for (key, list) in shards.get(i).map_or(&[][..], Vec::as_slice) {
                    let hit = *key == w.stem || (w.prefix && key.starts_with(&w.folded));
                    if hit {
                        for &(d, tf, len) in list {
                            docs.entry(d).or_insert((0, len)).0 += tf;
                        }
                    }
                }
            }
            per_word.push(docs);
        }
        let neg = per_word.split_off(positive.len());
        let n = f64::from(self.manifest.docs);
        let idf: Vec<f64> = per_word
            .iter()
            .map(|d| {
                let df = d.len() as f64;
                ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        let Some((rarest, _)) = per_word.iter().enumerate().min_by_key(|(_, d)| d.len()) else {
            return Ok(Ranking {
                results: Vec::new(),
                fetched,
                prefix_truncated: truncated,
            });
        };
        let mut results = Vec::new();
        'doc: for (&d, &(_, len)) in &per_word[rarest] {
            if neg.iter().any(|m| m.contains_key(&d)) {
                continue;
            }
            let norm = K1 * (1.0 - B + B * f64::from(len) / self.manifest.avg_len);
            let mut score = 0.0;
            for (c, docs) in per_word.iter().enumerate() {
                let Some(&(tf, _)) = docs.get(&d) else {
                    continue 'doc;
                };
                let f = f64::from(tf);
                score += idf[c] * f * (K1 + 1.0) / (f + norm);
            }
            results.push((d, score));
        }
        results.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        Ok(Ranking {
            results,
            fetched,
            prefix_truncated: truncated,
        })
    }

    /// The top `k` results of `query` with their metadata: the shards, then
    /// only the metadata chunks of those `k`.
    pub fn search(&mut self, query: &str, k: usize) -> Result<SearchResults, Error> {
        let ranking = self.rank(query)?;
        let mut fetched = ranking.fetched;
        let top: Vec<(u32, f64)> = ranking.results.iter().take(k).copied().collect();
        let per = self.manifest.docs_per_meta_chunk;
        let mut chunks: Vec<u32> = top.iter().map(|&(d, _)| d / per).collect();
        chunks.sort_unstable();
        chunks.dedup();
        let mut meta: HashMap<u32, Vec<(String, String, String, u32)>> = HashMap::new();
        for c in chunks {
            let Some(info) = self.manifest.meta.get(c as usize) else {
                return Err(Error::Corrupt(MANIFEST.into()));
            };
            let (name, bytes) = self.get(file_name("m", info.hash), &mut fetched)?;
            meta.insert(c, decode_meta(&bytes).ok_or(Error::Corrupt(name))?);
        }
        let mut hits = Vec::new();
        for (id, score) in top {
            let m = meta
                .get(&(id / per))
                .and_then(|list| list.get((id % per) as usize))
                .ok_or_else(|| Error::Corrupt(MANIFEST.into()))?;
            hits.push(Hit {
                id,
                score,
                title: m.0.clone(),
                url: m.1.clone(),
                excerpt: m.2.clone(),
                length: m.3,
            });
        }
        Ok(SearchResults {
            total: ranking.results.len(),
            hits,
            fetched,
            prefix_truncated: ranking.prefix_truncated,
        })
    }

    /// The articles that mention an entity named `name` (its canonical name
    /// or an alias, folded), grouped by kind and canonical name, with the
    /// shard read.
    pub fn entity(&mut self, name: &str) -> Result<(Vec<EntityHit>, Vec<Fetched>), Error> {
        let key = fold(name.trim());
        let mut fetched = Vec::new();
        let Some(i) = Manifest::shard_of(&self.manifest.entities, &key) else {
            return Ok((Vec::new(), fetched));
        };
        let hash = self.manifest.entities[i].hash;
        let (file, bytes) = self.get(file_name("e", hash), &mut fetched)?;
        let hits = decode_entities(&bytes, &key).ok_or(Error::Corrupt(file))?;
        Ok((hits, fetched))
    }
}

fn decode_terms(bytes: &[u8]) -> Option<Postings> {
    let mut c = Cursor::new(bytes);
    let n = c.var()?;
    let mut out = Vec::new();
    for _ in 0..n {
        let key = c.str()?.to_string();
        let len = c.var()?;
        let mut list = Vec::new();
        let mut d = 0u32;
        for _ in 0..len {
            d = d.checked_add(c.u32()?)?;
            list.push((d, c.u32()?, c.u32()?));
        }
        out.push((key, list));
    }
    Some(out)
}

fn decode_entities(bytes: &[u8], wanted: &str) -> Option<Vec<EntityHit>> {
    let mut c = Cursor::new(bytes);
    let n = c.var()?;
    for _ in 0..n {
        let key = c.str()?;
        let groups = c.var()?;
        let mut out = Vec::new();
        for _ in 0..groups {
            let kind = *EntityKind::ALL.get(usize::from(*c.take(1)?.first()?))?;
            let name = c.str()?.to_string();
            let len = c.var()?;
            let mut articles = Vec::new();
            let mut d = 0u32;
            for _ in 0..len {
                d = d.checked_add(c.u32()?)?;
                articles.push((d, c.u32()?));
            }
            out.push(EntityHit { kind, name, articles });
        }
        if key == wanted {
            return Some(out);
        }
    }
    Some(Vec::new())
}

fn decode_meta(bytes: &[u8]) -> Option<Vec<(String, String, String, u32)>> {
    let mut c = Cursor::new(bytes);
    let n = c.var()?;
    let mut out = Vec::new();
    for _ in 0..n {
        let title = c.str()?.to_string();
        let url = c.str()?.to_string();
        let excerpt = c.str()?.to_string();
        out.push((title, url, excerpt, c.u32()?));
    }
    Some(out)
}

/// A library of article-sized texts recombined from a pool of source texts
/// (for tests and benchmarks): the sources are cut into pieces of at most
/// `piece` bytes at whitespace, and article `i` takes random pieces
/// (a seeded xorshift generator, so the same input gives the same library)
/// until it reaches a length drawn between `min_len` and `max_len` bytes.
/// Pieces become paragraphs (blank lines between them).
pub fn recombine(
    sources: &[String],
    count: usize,
    min_len: usize,
    max_len: usize,
    piece: usize,
    seed: u64,
) -> Vec<Document> {
    let mut pieces: Vec<&str> = Vec::new();
    for s in sources {
        let mut rest = s.trim();
        while !rest.is_empty() {
            let mut end = rest.len().min(piece.max(1));
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            if end < rest.len() {
                if let Some(sp) = rest[..end].rfind(char::is_whitespace) {
                    if sp > 0 {
                        end = sp;
                    }
                }
            }
            if end == 0 {
                end = rest.char_indices().nth(1).map_or(rest.len(), |(b, _)| b);
            }
            let p = rest[..end].trim();
            if !p.is_empty() {
                pieces.push(p);
            }
            rest = rest[end..].trim_start();
        }
    }
    let mut out = Vec::with_capacity(count);
    if pieces.is_empty() {
        return out;
    }
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..count {
        let span = (max_len.saturating_sub(min_len) + 1) as u64;
        let target = min_len + (next() % span) as usize;
        let mut text = String::new();
        while text.len() < target {
            let p = pieces[(next() % pieces.len() as u64) as usize];
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        out.push(Document::new(String::new(), format!("/articles/{i:06}"), text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library;
    use crate::Analysis;

    const SEEDS: [&str; 3] = [
        include_str!("../../seeds/000_8c592e3cf3c6a0f6.txt"),
        include_str!("../../seeds/001_carter-abadi-mosul.txt"),
        include_str!("../../seeds/002_us-iraq-loan-guarantee.txt"),
    ];

    fn small_library() -> Vec<Document> {
        let sources: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
        recombine(&sources, 60, 300, 900, 200, 7)
    }

    fn build(docs: &[Document], opts: BuildOptions, entities: bool) -> Files {
        let mut b = Builder::new(opts);
        for d in docs {
            b.add(d.clone().analyse(entities));
        }
        b.finish()
    }

    fn tiny() -> BuildOptions {
        BuildOptions {
            shard_bytes: 512,
            docs_per_meta_chunk: 4,
            excerpt_chars: 40,
        }
    }

    /// BM25 over the articles themselves, with the rules of the module docs
    /// and no shards at all.
    fn brute_force(docs: &[Document], query: &str) -> Vec<(u32, f64)> {
        let indexes: Vec<Index> = docs
            .iter()
            .map(|d| {
                let a = Article::parse("a.txt", &d.text);
                Index::build(&a.body, &a.passages())
            })
            .collect();
        let q = Query::parse(query);
        let words: Vec<_> = q.positive().flat_map(|c| c.words.iter().cloned()).collect();
        let neg: Vec<_> = q
            .negative()
            .filter(|c| c.words.len() == 1)
            .flat_map(|c| c.words.iter().cloned())
            .collect();
        let tf = |ix: &Index, w: &crate::search::QueryWord| -> u32 {
            ix.terms()
                .iter()
                .filter(|t| t.stem == w.stem || (w.prefix && t.stem.starts_with(&w.folded)))
                .map(|t| t.postings.len() as u32)
                .sum()
        };
        let n = docs.len() as f64;
        let avg = (indexes.iter().map(|i| i.token_count() as f64).sum::<f64>() / n).max(1.0);
        let idf: Vec<f64> = words
            .iter()
            .map(|w| {
                let df = indexes.iter().filter(|ix| tf(ix, w) > 0).count() as f64;
                ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        let mut out = Vec::new();
        for (d, ix) in indexes.iter().enumerate() {
            let tfs: Vec<u32> = words.iter().map(|w| tf(ix, w)).collect();
            if words.is_empty() || tfs.contains(&0) || neg.iter().any(|w| tf(ix, w) > 0) {
                continue;
            }
            let norm = K1 * (1.0 - B + B * ix.token_count() as f64 / avg);
            let score: f64 = tfs
                .iter()
                .zip(&idf)
                .map(|(&f, idf)| idf * f64::from(f) * (K1 + 1.0) / (f64::from(f) + norm))
                .sum();
            out.push((d as u32, score));
        }
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }

    fn same(a: &[(u32, f64)], b: &[(u32, f64)]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.0 == y.0 && (x.1 - y.1).abs() < 1e-9)
    }

    #[test]
    fn rankings_equal_brute_force_bm25() {
        let docs = small_library();
        let files = MemoryFiles::from(build(&docs, tiny(), false));
        let mut r = Reader::open(files.fetcher()).expect("manifest");
        assert!(r.manifest().terms.len() > 20, "{}", r.manifest().terms.len());
        for q in [
            "missile ",
            "missiles ",
            "iraq ",
            "the ",
            "iraq loan ",
            "mosul iraq the ",
            "iraq -loan ",
            "Biden's ",
            "zzyzx ",
            "gua",
            "iraq guar",
            "\"task force\" ",
            "",
        ] {
            let got = r.rank(q).expect("rank");
            let want = brute_force(&docs, q);
            assert!(
                same(&got.results, &want),
                "{q:?}: {:?} vs {:?}",
                got.results,
                want
            );
            assert!(!got.prefix_truncated, "{q:?}");
        }
        assert!(!r.rank("iraq ").expect("rank").results.is_empty());
        assert!(!r.rank("gua").expect("rank").results.is_empty());
    }

    #[test]
    fn single_words_rank_like_the_library_search() {
        let docs = small_library();
        let files = MemoryFiles::from(build(&docs, BuildOptions::default(), false));
        let mut r = Reader::open(files.fetcher()).expect("manifest");
        let analyses: Vec<Analysis> = docs
            .iter()
            .map(|d| Analysis::new(Article::parse("a.txt", &d.text)))
            .collect();
        let refs: Vec<&Analysis> = analyses.iter().collect();
        for q in ["iraq ", "loan ", "missiles ", "said "] {
            let want: Vec<(u32, f64)> = library::search(&refs, &Query::parse(q))
                .iter()
                .map(|h| (h.article as u32, h.score))
                .collect();
            let got = r.rank(q).expect("rank").results;
            assert!(!want.is_empty(), "{q}");
            assert!(same(&got, &want), "{q:?}: {got:?} vs {want:?}");
        }
    }

    #[test]
    fn fetches_only_the_needed_shards_and_chunks() {
        let docs = small_library();
        let files = MemoryFiles::from(build(&docs, tiny(), false));
        let mut r = Reader::open(files.fetcher()).expect("manifest");
        let terms = r.manifest().terms.clone();
        let found = r.search("iraq ", 3).expect("search");
        let shards: Vec<&Fetched> = found
            .fetched
            .iter()
            .filter(|f| f.name.starts_with("t-"))
            .collect();
        assert_eq!(shards.len(), 1);
        let i = Manifest::shard_of(&terms, "iraq").expect("shard");
        assert_eq!(shards[0].name, file_name("t", terms[i].hash));
        assert_eq!(shards[0].bytes, terms[i].size);
        let chunks: Vec<u32> = {
            let mut c: Vec<u32> = found.hits.iter().map(|h| h.id / 4).collect();
            c.sort_unstable();
            c.dedup();
            c
        };
        let metas = found.fetched.iter().filter(|f| f.name.starts_with("m-")).count();
        assert_eq!(metas, chunks.len());
        assert_eq!(found.fetched.len(), 1 + chunks.len());
        assert_eq!(found.hits.len(), 3);
        assert!(found.total >= 3);
        // Two words in different shards: two shards; an unknown word below
        // every key: nothing at all.
        let two = r.rank("iraq the ").expect("rank");
        assert_eq!(two.fetched.len(), 2);
        assert!(r.rank("\u{1}").expect("rank").fetched.is_empty());
        // Titles and URLs come back with the hits.
        let top = &found.hits[0];
        assert_eq!(top.url, docs[top.id as usize].url);
        assert!(!top.title.is_empty());
        assert!(top.excerpt.chars().count() <= 40);
    }

    #[test]
    fn files_are_content_addressed() {
        let docs = small_library();
        let files = build(&docs, tiny(), false);
        for (name, bytes) in &files {
            if name != MANIFEST {
                let hash = &name[2..name.len() - 4];
                assert_eq!(hash, format!("{:016x}", fnv1a(bytes)), "{name}");
            }
        }
        // The same input builds the same files.
        assert_eq!(files, build(&docs, tiny(), false));
    }

    #[test]
    fn entity_lookup_matches_extraction() {
        let docs: Vec<Document> = small_library().into_iter().take(12).collect();
        let files = MemoryFiles::from(build(&docs, tiny(), true));
        let mut r = Reader::open(files.fetcher()).expect("manifest");
        assert!(!r.manifest().entities.is_empty());
        let extracted: Vec<_> = docs
            .iter()
            .map(|d| entities::extract(&Article::parse("a.txt", &d.text).body))
            .collect();
        let mut checked = 0;
        for name in ["Iraq", "Mosul", "Ash Carter", "United States", "Nobody Atall"] {
            let key = fold(name);
            let (hits, fetched) = r.entity(name).expect("entity");
            assert!(fetched.len() <= 1);
            // Brute force: every (kind, name) whose name or alias folds to key.
            let mut want = NameGroups::new();
            for (d, ents) in extracted.iter().enumerate() {
                for e in &ents.entities {
                    if matches!(e.kind, EntityKind::Date | EntityKind::Quantity) {
                        continue;
                    }
                    let hit = fold(&e.name) == key || e.aliases.iter().any(|a| fold(a) == key);
                    if hit {
                        let list = want.entry((e.kind, e.name.clone())).or_default();
                        match list.last_mut() {
                            Some((x, m)) if *x == d as u32 => *m += e.mentions as u32,
                            _ => list.push((d as u32, e.mentions as u32)),
                        }
                    }
                }
            }
            let got: BTreeMap<(EntityKind, String), Vec<(u32, u32)>> =
                hits.into_iter().map(|h| ((h.kind, h.name), h.articles)).collect();
            assert_eq!(got, want, "{name}");
            checked += usize::from(!want.is_empty());
        }
        assert!(checked >= 2, "{checked}");
    }

    #[test]
    fn corrupt_or_missing_files_are_errors() {
        let docs = small_library();
        let mut files = build(&docs, tiny(), false);
        let mf = MemoryFiles::from(files.clone());
        let mut r = Reader::open(mf.fetcher()).expect("manifest");
        assert!(r.search("iraq", 5).is_ok());
        for (name, bytes) in files.iter_mut() {
            if name.starts_with("t-") {
                bytes.truncate(bytes.len() / 2);
            }
        }
        let broken = MemoryFiles::from(files.clone());
        let mut r = Reader::open(broken.fetcher()).expect("manifest");
        assert!(matches!(r.rank("iraq "), Err(Error::Corrupt(_))));
        files.clear();
        let empty = MemoryFiles::from(files);
        assert!(matches!(Reader::open(empty.fetcher()), Err(Error::Fetch(..))));
        assert!(Manifest::decode(b"nope").is_none());
    }

    #[test]
    fn prefix_over_many_shards_is_capped() {
        let docs = small_library();
        let opts = BuildOptions {
            shard_bytes: 64,
            ..tiny()
        };
        let files = MemoryFiles::from(build(&docs, opts, false));
        let mut r = Reader::open(files.fetcher()).expect("manifest");
        let all = r.rank("s").expect("rank");
        assert!(!all.prefix_truncated);
        r.set_prefix_budget(300);
        let got = r.rank("s").expect("rank");
        assert!(got.prefix_truncated);
        assert!(got.fetched.len() < all.fetched.len());
        assert!(got.results.len() <= all.results.len());
        let read: usize = got.fetched.iter().map(|f| f.bytes).sum();
        let first = got.fetched.iter().map(|f| f.bytes).max().unwrap_or(0);
        assert!(read <= 300 + 2 * first, "{read}");
    }

    #[test]
    fn recombine_is_deterministic_and_sized() {
        let sources: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
        let a = recombine(&sources, 20, 500, 800, 150, 1);
        assert_eq!(a, recombine(&sources, 20, 500, 800, 150, 1));
        assert_ne!(a, recombine(&sources, 20, 500, 800, 150, 2));
        for d in &a {
            assert!(
                d.text.len() >= 500 && d.text.len() < 800 + 160,
                "{}",
                d.text.len()
            );
        }
        assert!(recombine(&[], 3, 1, 2, 10, 1).is_empty());
    }
}
