//! Building the index files from the articles' contributions
//! ([`IndexedDoc`]): postings per stem, articles per entity key, catalog
//! entries per id, each section cut into shards (see [`super::cut`]) and
//! listed in directory pages, plus the top entities and the manifest.
//!
//! A long list is split: the [`BuildOptions::head`] postings that matter most
//! for ranking stay in the shard (so a one-word query reads one small shard
//! whatever the archive's size), the rest go to a tail file that only a query
//! needing every article of the term reads.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::cut::cut;
use super::doc::IndexedDoc;
use super::format::{
    DocCount, DocCounts, EntityGroup, EntityKey, EntityShard, FileKind, FileRef, IdEntry, IdShard, IndexFile,
    KeyedRef, Manifest, MentionsFile, Page, Posting, Postings, PostingsFile, TermEntry, TermShard,
    TopEntities, TopEntity, MANIFEST,
};
use crate::entities::EntityKind;
use crate::library::{B, K1};

/// How the index is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// Target size of a shard in bytes (before compression).
    pub shard_bytes: usize,
    /// Target number of shards listed in a directory page.
    pub page_entries: usize,
    /// Postings of a term kept in its shard; a longer list keeps the ones
    /// with the highest BM25 contribution there and the rest in a tail file.
    pub head: usize,
    /// Articles of an entity group kept in its shard (the most mentions).
    pub entity_head: usize,
    /// Entities listed in the top entities file.
    pub top_entities: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            shard_bytes: 8 * 1024,
            page_entries: 128,
            head: 256,
            entity_head: 64,
            top_entities: 100,
        }
    }
}

/// The files of a built index: name → bytes, [`MANIFEST`] included
/// (fragments are written by the caller, one per article).
pub type Files = BTreeMap<String, Vec<u8>>;

/// Where the previous build cut each section (first keys of its shards and
/// pages), so that unchanged files keep their names.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Boundaries {
    /// Term shards, then term pages.
    pub terms: SectionBoundaries,
    /// Entity shards and pages.
    pub entities: SectionBoundaries,
    /// Id shards and pages.
    pub ids: SectionBoundaries,
}

/// The first keys of one section's shards and pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SectionBoundaries {
    /// First key of each shard.
    pub shards: Vec<String>,
    /// First key of each directory page.
    pub pages: Vec<String>,
}

/// Under one entity key: (kind, canonical name) → its articles.
type Groups = BTreeMap<(EntityKind, String), Vec<DocCount>>;

/// Collects the articles and writes the files.
#[derive(Debug)]
pub struct Builder {
    opts: BuildOptions,
    epoch: u32,
    next_doc: u32,
    docs: u32,
    total_words: u64,
    postings: HashMap<String, Vec<Posting>>,
    names: HashMap<String, Groups>,
    top: HashMap<(EntityKind, String), (u32, u64)>,
    ids: Vec<IdEntry>,
}

impl Builder {
    /// An empty index of the archive `epoch`; document numbers from
    /// `next_doc` up stay free.
    pub fn new(opts: BuildOptions, epoch: u32, next_doc: u32) -> Builder {
        Builder {
            opts,
            epoch,
            next_doc,
            docs: 0,
            total_words: 0,
            postings: HashMap::default(),
            names: HashMap::default(),
            top: HashMap::default(),
            ids: Vec::new(),
        }
    }

    /// Adds an article (each document number once). Borrowed: a publisher
    /// keeps its articles' contributions for the next run, and only a stem
    /// or entity key the index has not seen yet is copied.
    pub fn add(&mut self, d: &IndexedDoc) {
        self.docs += 1;
        self.next_doc = self.next_doc.max(d.doc.saturating_add(1));
        self.total_words += u64::from(d.words);
        for t in &d.terms {
            let posting = Posting {
                doc: d.doc,
                tf: t.tf,
                words: d.words,
            };
            match self.postings.get_mut(t.stem.as_str()) {
                Some(list) => list.push(posting),
                None => {
                    self.postings.insert(t.stem.clone(), vec![posting]);
                }
            }
        }
        for e in &d.entities {
            let seen = self.top.entry((e.kind, e.name.clone())).or_default();
            seen.0 += 1;
            seen.1 += u64::from(e.mentions);
            for key in &e.keys {
                if !self.names.contains_key(key.as_str()) {
                    self.names.insert(key.clone(), Groups::new());
                }
                let Some(groups) = self.names.get_mut(key.as_str()) else {
                    continue;
                };
                let list = groups.entry((e.kind, e.name.clone())).or_default();
                match list.last_mut() {
                    Some(last) if last.doc == d.doc => last.count = last.count.saturating_add(e.mentions),
                    _ => list.push(DocCount {
                        doc: d.doc,
                        count: e.mentions,
                    }),
                }
            }
        }
        self.ids.push(IdEntry {
            doc: d.doc,
            entry: d.entry.clone(),
        });
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.docs as usize
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Cuts and encodes everything; `previous` keeps unchanged files'
    /// boundaries (use `Boundaries::default()` for a first build).
    pub fn finish(self, previous: &Boundaries) -> (Manifest, Files) {
        let mut files = Files::new();
        let mut manifest = Manifest {
            epoch: self.epoch,
            docs: self.docs,
            next_doc: self.next_doc,
            total_words: self.total_words,
            head: u32::try_from(self.opts.head).unwrap_or(u32::MAX),
            ..Manifest::default()
        };
        let avg = manifest.avg_words();
        let opts = self.opts;

        let mut stems: Vec<(String, Vec<Posting>)> = self.postings.into_iter().collect();
        stems.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let terms: Vec<TermEntry> = stems
            .into_iter()
            .map(|(stem, mut list)| {
                list.sort_unstable_by_key(|p| p.doc);
                term_entry(stem, list, opts.head, avg, &mut files)
            })
            .collect();
        let keys: Vec<&str> = terms.iter().map(|t| t.stem.as_str()).collect();
        let cut_terms = shards(
            &keys,
            &terms,
            &previous.terms,
            opts,
            FileKind::Terms,
            &mut files,
            |terms| TermShard { terms }.to_bytes(),
        );
        manifest.terms = pages(cut_terms, &previous.terms, opts, &mut files);

        let mut names: Vec<(String, Groups)> = self.names.into_iter().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let entities: Vec<EntityKey> = names
            .into_iter()
            .map(|(key, groups)| entity_entry(key, groups, opts.entity_head, &mut files))
            .collect();
        let keys: Vec<&str> = entities.iter().map(|e| e.key.as_str()).collect();
        let cut_entities = shards(
            &keys,
            &entities,
            &previous.entities,
            opts,
            FileKind::Entities,
            &mut files,
            |keys| EntityShard { keys }.to_bytes(),
        );
        manifest.entities = pages(cut_entities, &previous.entities, opts, &mut files);

        let mut ids = self.ids;
        ids.sort_unstable_by(|a, b| a.entry.id.cmp(&b.entry.id));
        let keys: Vec<String> = ids.iter().map(|e| e.entry.id.clone()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let cut_ids = shards(
            &keys,
            &ids,
            &previous.ids,
            opts,
            FileKind::Ids,
            &mut files,
            |ids| IdShard { ids }.to_bytes(),
        );
        manifest.ids = pages(cut_ids, &previous.ids, opts, &mut files);

        let mut top: Vec<TopEntity> = self
            .top
            .into_iter()
            .map(|((kind, name), (articles, mentions))| TopEntity {
                kind,
                name,
                articles,
                mentions,
            })
            .collect();
        top.sort_unstable_by(|a, b| {
            (b.articles, b.mentions)
                .cmp(&(a.articles, a.mentions))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        top.truncate(opts.top_entities);
        manifest.top = Some(store(
            &mut files,
            FileKind::Top,
            TopEntities { entities: top }.to_bytes(),
        ));

        files.insert(MANIFEST.to_string(), manifest.to_bytes());
        (manifest, files)
    }
}

/// Stores a file under its content name.
fn store(files: &mut Files, kind: FileKind, bytes: Vec<u8>) -> FileRef {
    let r = FileRef::of(&bytes);
    files.insert(r.name(kind), bytes);
    r
}

/// BM25's term-frequency part for one posting (what orders a term's head).
pub(crate) fn impact(tf: u32, words: u32, avg: f64) -> f64 {
    let f = f64::from(tf);
    f * (K1 + 1.0) / (f + K1 * (1.0 - B + B * f64::from(words) / avg))
}

/// The `head` best items of a list in document order (by `better`, which
/// must break ties), and the others, also in document order.
fn split_head<T: Copy>(
    list: &[T],
    head: usize,
    better: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> (Vec<T>, Vec<T>) {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_unstable_by(|&a, &b| match (list.get(a), list.get(b)) {
        (Some(x), Some(y)) => better(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut in_head = vec![false; list.len()];
    for &i in order.iter().take(head) {
        in_head[i] = true;
    }
    let (mut top, mut rest) = (Vec::with_capacity(head), Vec::new());
    for (item, keep) in list.iter().zip(in_head) {
        if keep {
            top.push(*item);
        } else {
            rest.push(*item);
        }
    }
    (top, rest)
}

fn term_entry(stem: String, list: Vec<Posting>, head: usize, avg: f64, files: &mut Files) -> TermEntry {
    let df = u32::try_from(list.len()).unwrap_or(u32::MAX);
    if list.len() <= head {
        return TermEntry {
            stem,
            df,
            head: Postings::of(&list),
            tail: None,
        };
    }
    let (top, rest) = split_head(&list, head, |a, b| {
        impact(b.tf, b.words, avg)
            .total_cmp(&impact(a.tf, a.words, avg))
            .then(a.doc.cmp(&b.doc))
    });
    let tail = store(
        files,
        FileKind::Postings,
        PostingsFile {
            postings: Postings::of(&rest),
        }
        .to_bytes(),
    );
    TermEntry {
        stem,
        df,
        head: Postings::of(&top),
        tail: Some(tail),
    }
}

fn entity_entry(key: String, groups: Groups, head: usize, files: &mut Files) -> EntityKey {
    let mut out: Vec<EntityGroup> = groups
        .into_iter()
        .map(|((kind, name), mut list)| {
            // Articles come in the publisher's order, which is not always
            // number order (a changed article gets a new number).
            list.sort_unstable_by_key(|d| d.doc);
            let articles = u32::try_from(list.len()).unwrap_or(u32::MAX);
            let mentions = list.iter().map(|d| u64::from(d.count)).sum();
            let (head, tail) = if list.len() <= head {
                (DocCounts::of(&list), None)
            } else {
                let (top, rest) =
                    split_head(&list, head, |a, b| b.count.cmp(&a.count).then(a.doc.cmp(&b.doc)));
                let tail = store(
                    files,
                    FileKind::Mentions,
                    MentionsFile {
                        mentions: DocCounts::of(&rest),
                    }
                    .to_bytes(),
                );
                (DocCounts::of(&top), Some(tail))
            };
            EntityGroup {
                kind,
                name,
                articles,
                mentions,
                head,
                tail,
            }
        })
        .collect();
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)));
    EntityKey { key, groups: out }
}

/// Cuts a section's entries into shards, stores them, and returns each
/// shard's first key and file.
fn shards<T: serde::Serialize + Clone>(
    keys: &[&str],
    entries: &[T],
    previous: &SectionBoundaries,
    opts: BuildOptions,
    kind: FileKind,
    files: &mut Files,
    encode: impl Fn(Vec<T>) -> Vec<u8>,
) -> Vec<KeyedRef> {
    let sizes: Vec<usize> = entries
        .iter()
        .map(|e| postcard::experimental::serialized_size(e).unwrap_or(0))
        .collect();
    cut(keys, &sizes, &previous.shards, opts.shard_bytes)
        .into_iter()
        .filter_map(|r| {
            let first = keys.get(r.start)?.to_string();
            let file = store(files, kind, encode(entries.get(r)?.to_vec()));
            Some(KeyedRef { first, file })
        })
        .collect()
}

/// Lists shards in directory pages, stores them, and returns the pages.
fn pages(
    shards: Vec<KeyedRef>,
    previous: &SectionBoundaries,
    opts: BuildOptions,
    files: &mut Files,
) -> Vec<KeyedRef> {
    let keys: Vec<&str> = shards.iter().map(|s| s.first.as_str()).collect();
    let sizes = vec![1; shards.len()];
    cut(&keys, &sizes, &previous.pages, opts.page_entries)
        .into_iter()
        .filter_map(|r| {
            let list = shards.get(r)?.to_vec();
            let first = list.first()?.first.clone();
            let file = store(files, FileKind::Page, Page { shards: list }.to_bytes());
            Some(KeyedRef { first, file })
        })
        .collect()
}
