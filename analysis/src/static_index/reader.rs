//! The query side: a [`Reader`] fetches the manifest once, then for each
//! query only the directory pages, shards and tails it needs (each step's
//! files requested together, so a query is a few round trips whatever the
//! archive's size), and keeps what it decoded for the next query.
//!
//! The files come from a [`Fetch`]: the browser's `fetch()` in the app, a
//! directory or memory natively ([`super::MemoryFiles`]).

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::rc::Rc;

use futures_util::future::join_all;

use super::format::{
    doc_file, DocCount, DocFragment, EntityShard, FileKind, FileRef, IdEntry, IdShard, IndexFile, KeyedRef,
    Manifest, MentionsFile, Page, Posting, PostingsFile, TermEntry, TermShard, TopEntities, MANIFEST,
};
use super::manifest::{prefix_slots, slot};
use super::rank::{estimated_total, keep_rare, merge, score, Ranking, WordPostings};
use crate::entities::EntityKind;
use crate::search::{Query, QueryWord};

/// Most bytes of shards a word being typed reads for its completions
/// (besides the first shard of its range).
pub const PREFIX_BUDGET: usize = 64 * 1024;
/// Decoded files kept for the next queries; past this the memory is
/// cleared (the HTTP cache still has the bytes).
const CACHE_FILES: usize = 4096;

/// Where the index files come from.
pub trait Fetch {
    /// The bytes of the file `name` (relative to the index folder), or
    /// `None` when it cannot be had (offline and not cached, not found).
    fn fetch(&self, name: &str) -> impl Future<Output = Option<Vec<u8>>>;
}

/// What can go wrong when reading the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A file could not be fetched.
    Unavailable(String),
    /// A file is not what the index says it is.
    Corrupt(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unavailable(name) => write!(f, "cannot fetch the index file {name}"),
            Error::Corrupt(name) => write!(f, "the index file {name} is damaged"),
        }
    }
}

impl std::error::Error for Error {}

/// A file fetched (not found in the reader's memory), with its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// File name.
    pub name: String,
    /// Bytes.
    pub bytes: usize,
}

/// One kind and canonical name found under an entity key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Articles that mention it.
    pub articles: u32,
    /// Mentions in all of them.
    pub mentions: u64,
    /// The articles with the most mentions (most first; ties: lower
    /// document number): all of them unless `rest` is set.
    pub top: Vec<DocCount>,
    /// The file with the other articles.
    pub rest: Option<FileRef>,
}

/// Reads an archive's index.
pub struct Reader<F> {
    fetch: F,
    manifest: Manifest,
    cache: RefCell<HashMap<String, Rc<dyn Any>>>,
    fetched: RefCell<Vec<Fetched>>,
    prefix_budget: usize,
}

impl<F> fmt::Debug for Reader<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader")
            .field("manifest", &self.manifest)
            .finish_non_exhaustive()
    }
}

impl<F: Fetch> Reader<F> {
    /// Fetches the manifest.
    pub async fn open(fetch: F) -> Result<Reader<F>, Error> {
        let bytes = fetch
            .fetch(MANIFEST)
            .await
            .ok_or_else(|| Error::Unavailable(MANIFEST.to_string()))?;
        let manifest = Manifest::from_bytes(&bytes).map_err(|_| Error::Corrupt(MANIFEST.to_string()))?;
        let fetched = RefCell::new(vec![Fetched {
            name: MANIFEST.to_string(),
            bytes: bytes.len(),
        }]);
        Ok(Reader {
            fetch,
            manifest,
            cache: RefCell::new(HashMap::new()),
            fetched,
            prefix_budget: PREFIX_BUDGET,
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Sets how many bytes of shards a word being typed may read.
    pub fn set_prefix_budget(&mut self, bytes: usize) {
        self.prefix_budget = bytes;
    }

    /// The files fetched since the last call (the manifest first).
    pub fn take_fetched(&self) -> Vec<Fetched> {
        std::mem::take(&mut *self.fetched.borrow_mut())
    }

    /// Forgets every decoded file (the next queries fetch again).
    pub fn forget(&self) {
        self.cache.borrow_mut().clear();
    }

    /// The files not decoded yet among `names`, fetched together (not
    /// generic in the file type, so this code exists once in the wasm).
    async fn fetch_missing(&self, names: &[String]) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let missing: Vec<&String> = {
            let cache = self.cache.borrow();
            names.iter().filter(|n| !cache.contains_key(*n)).collect()
        };
        let got = join_all(missing.iter().map(|n| self.fetch.fetch(n))).await;
        let mut out = Vec::with_capacity(got.len());
        for (name, bytes) in missing.into_iter().zip(got) {
            let bytes = bytes.ok_or_else(|| Error::Unavailable(name.clone()))?;
            self.fetched.borrow_mut().push(Fetched {
                name: name.clone(),
                bytes: bytes.len(),
            });
            out.push((name.clone(), bytes));
        }
        Ok(out)
    }

    /// Several files, decoded, from memory or fetched together.
    async fn load_all<T: IndexFile>(&self, names: Vec<String>) -> Result<Vec<Rc<T>>, Error> {
        let fetched = self.fetch_missing(&names).await?;
        let mut cache = self.cache.borrow_mut();
        if cache.len() + fetched.len() > CACHE_FILES {
            cache.clear();
        }
        for (name, bytes) in fetched {
            let value = T::from_bytes(&bytes).map_err(|_| Error::Corrupt(name.clone()))?;
            cache.insert(name, Rc::new(value));
        }
        names
            .into_iter()
            .map(|n| match cache.get(&n).cloned() {
                Some(any) => any.downcast::<T>().map_err(|_| Error::Corrupt(n)),
                // Cleared above to make room: fetched again next time.
                None => Err(Error::Unavailable(n)),
            })
            .collect()
    }

    /// One file, decoded.
    async fn load<T: IndexFile>(&self, name: String) -> Result<Rc<T>, Error> {
        let mut all = self.load_all::<T>(vec![name.clone()]).await?;
        all.pop().ok_or(Error::Unavailable(name))
    }

    /// For each key (a prefix when its flag is set) of a section, the shards
    /// that may hold it, read in two steps: the directory pages of all keys
    /// together, then the shards of all keys together.
    async fn shards<T: IndexFile>(
        &self,
        section: &[KeyedRef],
        kind: FileKind,
        keys: &[(String, bool)],
    ) -> Result<Vec<Vec<Rc<T>>>, Error> {
        let page_ranges: Vec<std::ops::Range<usize>> = keys
            .iter()
            .map(|(k, prefix)| match (prefix, slot(section, k)) {
                (true, _) => prefix_slots(section, k),
                (false, Some(i)) => i..i + 1,
                (false, None) => 0..0,
            })
            .collect();
        let mut wanted: Vec<usize> = page_ranges.iter().flat_map(Clone::clone).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let names: Vec<String> = wanted
            .iter()
            .filter_map(|&i| section.get(i))
            .map(|p| p.file.name(FileKind::Page))
            .collect();
        let loaded = self.load_all::<Page>(names).await?;
        let page = |i: usize| wanted.binary_search(&i).ok().and_then(|k| loaded.get(k));
        let mut per_key: Vec<Vec<FileRef>> = Vec::new();
        for ((k, prefix), range) in keys.iter().zip(page_ranges) {
            let list: Vec<KeyedRef> = range
                .filter_map(page)
                .flat_map(|p| p.shards.iter().cloned())
                .collect();
            let mut refs = Vec::new();
            if *prefix {
                let mut spent = 0;
                for (n, s) in list.get(prefix_slots(&list, k)).unwrap_or(&[]).iter().enumerate() {
                    spent += s.file.size as usize;
                    if n > 0 && spent > self.prefix_budget {
                        break;
                    }
                    refs.push(s.file);
                }
            } else if let Some(s) = slot(&list, k).and_then(|i| list.get(i)) {
                refs.push(s.file);
            }
            per_key.push(refs);
        }
        let mut unique: Vec<FileRef> = per_key.iter().flatten().copied().collect();
        unique.sort_unstable();
        unique.dedup();
        let names: Vec<String> = unique.iter().map(|f| f.name(kind)).collect();
        let loaded = self.load_all::<T>(names).await?;
        Ok(per_key
            .into_iter()
            .map(|refs| {
                refs.iter()
                    .filter_map(|f| unique.binary_search(f).ok().and_then(|k| loaded.get(k)).cloned())
                    .collect()
            })
            .collect())
    }

    /// Ranks every article that matches `query` (see [`super::rank`]; the
    /// query language is [`Query::parse`]'s; phrases count as their words).
    pub async fn rank(&self, query: &str) -> Result<Ranking, Error> {
        let q = Query::parse(query);
        let positive: Vec<QueryWord> = q.positive().flat_map(|c| c.words.iter().cloned()).collect();
        let negative: Vec<QueryWord> = q
            .negative()
            .filter(|c| c.words.len() == 1)
            .flat_map(|c| c.words.iter().cloned())
            .collect();
        if positive.is_empty() {
            return Ok(Ranking::default());
        }
        // Each word: its stem, and while typed the stems starting with it.
        let mut keys: Vec<(String, bool)> = Vec::new();
        for w in positive.iter().chain(&negative) {
            keys.push((w.stem.clone(), false));
            if w.prefix {
                keys.push((w.folded.clone(), true));
            }
        }
        let shards = self
            .shards::<TermShard>(&self.manifest.terms, FileKind::Terms, &keys)
            .await?;
        let mut shards = shards.into_iter();
        let mut entries: Vec<Vec<TermEntry>> = Vec::new();
        for w in positive.iter().chain(&negative) {
            let mut found: Vec<TermEntry> = Vec::new();
            let mut take = |list: Vec<Rc<TermShard>>, hit: &dyn Fn(&str) -> bool| {
                for s in list {
                    for t in s.terms.iter().filter(|t| hit(&t.stem)) {
                        if !found.iter().any(|f| f.stem == t.stem) {
                            found.push(t.clone());
                        }
                    }
                }
            };
            take(shards.next().unwrap_or_default(), &|s| s == w.stem);
            if w.prefix {
                take(shards.next().unwrap_or_default(), &|s| s.starts_with(&w.folded));
            }
            entries.push(found);
        }
        let neg_entries = entries.split_off(positive.len());
        if entries.iter().any(Vec::is_empty) {
            return Ok(Ranking::default());
        }
        let docs = self.manifest.docs;
        let dfs: Vec<u32> = entries
            .iter()
            .map(|e| e.iter().map(|t| t.df).fold(0u32, u32::saturating_add).min(docs))
            .collect();
        let (kept, left_out) = keep_rare(&dfs, docs);
        let ignored = left_out
            .iter()
            .filter_map(|&i| positive.get(i))
            .map(|w| w.typed.clone())
            .collect();
        let single = kept.len() == 1 && negative.is_empty();
        // Whole lists are needed for AND and NOT, not for one word alone;
        // a word being typed makes do with its completions' heads.
        let mut tails: Vec<FileRef> = Vec::new();
        if !single {
            for &i in &kept {
                if positive.get(i).is_some_and(|w| !w.prefix) {
                    tails.extend(entries.get(i).into_iter().flatten().filter_map(|t| t.tail));
                }
            }
            tails.extend(neg_entries.iter().flatten().filter_map(|t| t.tail));
        }
        tails.sort_unstable();
        tails.dedup();
        let names: Vec<String> = tails.iter().map(|f| f.name(FileKind::Postings)).collect();
        let loaded = self.load_all::<PostingsFile>(names).await?;
        let tail = |f: &FileRef| tails.binary_search(f).ok().and_then(|k| loaded.get(k));
        let mut approximate = false;
        let postings = |list: &[TermEntry], approximate: &mut bool| -> Result<WordPostings, Error> {
            let mut lists = Vec::new();
            let mut complete = true;
            for t in list {
                lists.push(t.head.decode().ok_or_else(|| Error::Corrupt(t.stem.clone()))?);
                match t.tail.map(|f| tail(&f)) {
                    None => {}
                    Some(Some(file)) => lists.push(
                        file.postings
                            .decode()
                            .ok_or_else(|| Error::Corrupt(t.stem.clone()))?,
                    ),
                    Some(None) => complete = false,
                }
            }
            let merged: Vec<Posting> = merge(lists);
            if !complete {
                *approximate = true;
            }
            let df = match list {
                [one] => one.df,
                _ if complete => u32::try_from(merged.len()).unwrap_or(u32::MAX),
                _ => list
                    .iter()
                    .map(|t| t.df)
                    .fold(0u32, u32::saturating_add)
                    .min(docs),
            };
            Ok(WordPostings {
                postings: merged,
                df,
                complete,
            })
        };
        let mut pos = Vec::new();
        for &i in &kept {
            pos.push(postings(
                entries.get(i).map_or(&[][..], Vec::as_slice),
                &mut approximate,
            )?);
        }
        let mut neg = Vec::new();
        for e in &neg_entries {
            neg.push(postings(e, &mut approximate)?);
        }
        let results = score(&pos, &neg, docs, self.manifest.avg_words());
        let total = match (single, pos.first()) {
            (true, Some(w)) => w.df.max(u32::try_from(results.len()).unwrap_or(u32::MAX)),
            _ => estimated_total(results.len(), &pos),
        };
        Ok(Ranking {
            results,
            total,
            approximate,
            ignored,
        })
    }

    /// The fragments (title, text for snippets…) of some articles, fetched
    /// together.
    pub async fn fragments(&self, docs: &[u32]) -> Result<Vec<Rc<DocFragment>>, Error> {
        let names = docs.iter().map(|&d| doc_file(self.manifest.epoch, d)).collect();
        self.load_all::<DocFragment>(names).await
    }

    /// The entities named `name` (a canonical name or an alias, compared as
    /// [`super::entity_key`]), most articles first.
    pub async fn entity(&self, name: &str) -> Result<Vec<EntityMatch>, Error> {
        let key = super::entity_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let shards = self
            .shards::<EntityShard>(
                &self.manifest.entities,
                FileKind::Entities,
                &[(key.clone(), false)],
            )
            .await?;
        let Some(entry) = shards
            .iter()
            .flatten()
            .flat_map(|s| s.keys.iter())
            .find(|k| k.key == key)
        else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for g in &entry.groups {
            let mut top = g.head.decode().ok_or_else(|| Error::Corrupt(key.clone()))?;
            top.sort_unstable_by(|a, b| b.count.cmp(&a.count).then(a.doc.cmp(&b.doc)));
            out.push(EntityMatch {
                kind: g.kind,
                name: g.name.clone(),
                articles: g.articles,
                mentions: g.mentions,
                top,
                rest: g.tail,
            });
        }
        Ok(out)
    }

    /// Every article of an entity, most mentions first.
    pub async fn entity_articles(&self, m: &EntityMatch) -> Result<Vec<DocCount>, Error> {
        let mut all = m.top.clone();
        if let Some(f) = m.rest {
            let file = self.load::<MentionsFile>(f.name(FileKind::Mentions)).await?;
            all.extend(
                file.mentions
                    .decode()
                    .ok_or_else(|| Error::Corrupt(m.name.clone()))?,
            );
        }
        all.sort_unstable_by(|a, b| b.count.cmp(&a.count).then(a.doc.cmp(&b.doc)));
        Ok(all)
    }

    /// An article by id: its document number and catalog entry.
    pub async fn article(&self, id: &str) -> Result<Option<IdEntry>, Error> {
        let shards = self
            .shards::<IdShard>(&self.manifest.ids, FileKind::Ids, &[(id.to_string(), false)])
            .await?;
        Ok(shards
            .iter()
            .flatten()
            .flat_map(|s| s.ids.iter())
            .find(|e| e.entry.id == id)
            .cloned())
    }

    /// The entities found in the most articles.
    pub async fn top_entities(&self) -> Result<Rc<TopEntities>, Error> {
        match self.manifest.top {
            Some(f) => self.load::<TopEntities>(f.name(FileKind::Top)).await,
            None => Ok(Rc::new(TopEntities::default())),
        }
    }
}
