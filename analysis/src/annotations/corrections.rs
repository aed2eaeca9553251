//! The reader's corrections of the entities the extractor found: rename,
//! change the type, merge two into one, "not an entity", and add a name it
//! missed. [`apply`] replays a list of corrections on the extractor's
//! [`Entities`] and returns corrected `Entities` that keep every invariant
//! of the type, so exports, filters, the network, cards and cross-article
//! views take them unchanged. The app keeps the extractor's output and
//! replays the list after every change (undo is replaying without the
//! undone entry).
//!
//! **Entities are named by [`EntityKey`]**: the name and kind, compared
//! with the name folded (case, accents, acronym dots and extra whitespace
//! ignored) against the entity's name and then its aliases. Indices and ids
//! change when a text is analysed again; the name and kind survive, so the
//! same list applies after a re-analysis, and a dictionary entry ("apply to
//! all articles", [`Scope::AllArticles`]) applies to any text that has the
//! entity. A correction whose entity is not there does nothing.
//!
//! What each correction does:
//! - [`Correction::Rename`]: the entity shows the new name (the id stays,
//!   so links to it keep working); the old name stays an alias when the
//!   text writes it. The new name need not appear in the text. Renaming
//!   never merges: use `Merge`.
//! - [`Correction::ChangeType`]: the entity and all its mentions take the
//!   kind; its id becomes `kind-slug` of its name (as the extractor makes
//!   ids; a later rename keeps it).
//! - [`Correction::Merge`]: the mentions and aliases of `from` join `into`,
//!   which keeps its name, kind and id; `from` disappears.
//! - [`Correction::NotAnEntity`]: the entity disappears and its mentions are
//!   unmarked.
//! - [`Correction::AddEntity`]: every occurrence of the name
//!   ([`occurrences`](super::occurrences::occurrences): case-sensitive
//!   whole words) becomes a mention of the
//!   entity with that key (made when there is none, id `kind-slug`). Where
//!   it overlaps mentions of the extractor, the longer name wins: an
//!   occurrence that covers mentions (or equals one) replaces them ("Bank of
//!   America" over "America"); one that lies inside a longer mention or
//!   crosses one's edge is left out. An entity left with no mention
//!   disappears; one that lost every mention writing its name takes its
//!   longest remaining one.
//!
//! Corrected entities are ordered by first mention (the extractor's order);
//! ids stay unique (a taken id gets `-2`, `-3`, ...) and URL-safe; where
//! two entities match a key, the first mentioned is meant. Applying a list
//! at once or one correction at a time (each to the previous result) gives
//! the same entities.
//!
//! ```
//! use article_analysis::annotations::corrections::{apply, Correction, EntityKey};
//! use article_analysis::entities::{extract, EntityKind};
//! let text = "Acme Corp hired Jane Roe. Jane Roe praised Acme Corp.";
//! let found = extract(text);
//! let fixed = apply(text, &found, &[
//!     Correction::AddEntity { name: "Acme Corp".into(), kind: EntityKind::Organization },
//!     Correction::Rename { key: EntityKey::new("Acme Corp", EntityKind::Organization), name: "ACME".into() },
//! ]);
//! let acme = fixed.entities.iter().find(|e| e.name == "ACME").unwrap();
//! assert_eq!((acme.kind, acme.mentions), (EntityKind::Organization, 2));
//! ```

use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::occurrences::Flat;
use crate::entities::merge::{clean_surface, slug};
use crate::entities::{Entities, Entity, EntityKind, Mention};
use crate::normalize::fold;

/// An entity as a correction names it: its name and kind (see the module
/// documentation for how it is matched).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityKey {
    /// The name as the reader saw it.
    pub name: String,
    /// The kind, by [`EntityKind::as_str`] in JSON.
    #[serde(with = "kind_name")]
    pub kind: EntityKind,
}

impl EntityKey {
    /// The key of `name` as a `kind`.
    pub fn new(name: &str, kind: EntityKind) -> EntityKey {
        EntityKey {
            name: name.to_string(),
            kind,
        }
    }

    /// The key of an entity (its current name and kind).
    pub fn of(entity: &Entity) -> EntityKey {
        EntityKey::new(&entity.name, entity.kind)
    }

    /// The index of the entity of `entities` this key names: the first of
    /// its kind whose name matches, else the first of its kind with a
    /// matching alias.
    pub fn find(&self, entities: &Entities) -> Option<usize> {
        self.find_in(
            entities
                .entities
                .iter()
                .map(|e| (true, e.kind, e.name.as_str(), e.aliases.as_slice())),
        )
    }

    /// [`EntityKey::find`] over (live, kind, name, aliases) of each entity.
    fn find_in<'a, I>(&self, entities: I) -> Option<usize>
    where
        I: Iterator<Item = (bool, EntityKind, &'a str, &'a [String])> + Clone,
    {
        let want = folded(&self.name);
        let candidates = || {
            entities
                .clone()
                .enumerate()
                .filter(|(_, (live, kind, _, _))| *live && *kind == self.kind)
        };
        candidates()
            .find(|(_, (_, _, name, _))| folded(name) == want)
            .or_else(|| {
                candidates().find(|(_, (_, _, _, aliases))| aliases.iter().any(|a| folded(a) == want))
            })
            .map(|(i, _)| i)
    }
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// "Rename entity".
    Rename {
        /// The entity.
        key: EntityKey,
        /// Its new name.
        name: String,
    },
    /// "Change type".
    ChangeType {
        /// The entity.
        key: EntityKey,
        /// Its new kind.
        #[serde(with = "kind_name")]
        kind: EntityKind,
    },
    /// "Merge into…".
    Merge {
        /// The entity that disappears.
        from: EntityKey,
        /// The entity that takes its mentions and aliases.
        into: EntityKey,
    },
    /// "Not an entity".
    NotAnEntity {
        /// The entity.
        key: EntityKey,
    },
    /// "Add entity": every occurrence of a name becomes a mention.
    AddEntity {
        /// The name, as selected.
        name: String,
        /// Its kind.
        #[serde(with = "kind_name")]
        kind: EntityKind,
    },
}

impl Correction {
    /// One line for the list of corrections, e.g. `Merge “Kiev” into
    /// “Kyiv”`.
    pub fn describe(&self) -> String {
        let k = |k: &EntityKey| format!("“{}” ({})", k.name, k.kind.singular_label().to_lowercase());
        match self {
            Correction::Rename { key, name } => format!("Rename {} to “{name}”", k(key)),
            Correction::ChangeType { key, kind } => {
                format!("Change {} to {}", k(key), kind.singular_label().to_lowercase())
            }
            Correction::Merge { from, into } => format!("Merge {} into {}", k(from), k(into)),
            Correction::NotAnEntity { key } => format!("{} is not an entity", k(key)),
            Correction::AddEntity { name, kind } => {
                format!("Add “{name}” as {}", kind.singular_label().to_lowercase())
            }
        }
    }
}

/// Where a correction applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// This article only.
    Article,
    /// Every article: the reader's personal dictionary.
    AllArticles,
}

/// A correction as the app stores, lists, exports and imports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// What to change.
    pub correction: Correction,
    /// Where.
    pub scope: Scope,
    /// When it was made, in milliseconds since 1970-01-01 UTC.
    pub created: u64,
}

/// The corrections to replay on an article: its own entries and the
/// dictionary's, in the order they were made (by `created`; on a tie the
/// dictionary's first, then each list's order).
pub fn in_order(article: &[Entry], dictionary: &[Entry]) -> Vec<Correction> {
    let mut all: Vec<&Entry> = dictionary.iter().chain(article).collect();
    all.sort_by_key(|e| e.created);
    all.into_iter().map(|e| e.correction.clone()).collect()
}

/// The comparison form of a name: whitespace collapsed, then folded.
fn folded(name: &str) -> String {
    fold(&clean_surface(name))
}

/// One entity while corrections are applied.
struct Work {
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    related: Option<usize>,
    id: String,
    /// Not removed, merged away or left without mentions.
    alive: bool,
    /// Its mentions or name changed: its name and aliases are settled again.
    touched: bool,
    /// "Add entity" took a mention that wrote its name.
    lost_name: bool,
    /// Start of its first mention.
    first: usize,
}

/// Entities and mentions while corrections are applied. After every
/// correction ([`State::settle`]) the state is exactly what [`State::finish`]
/// would return, so applying a list at once or one correction at a time to
/// the previous result gives the same entities.
struct State<'t> {
    text: &'t str,
    /// The text prepared for "Add entity" (made at the first one).
    flat: Option<Flat>,
    ents: Vec<Work>,
    /// Sorted, disjoint, each of a live entity.
    mentions: Vec<(Range<usize>, usize)>,
}

/// Applies `corrections` in order to the entities `entities` of `text`
/// (see the module documentation). Deterministic; never panics; the
/// result keeps the invariants of [`Entities`], and applying the list one
/// correction at a time to the previous result gives the same. Time: each
/// correction costs a pass over the entities and mentions, `AddEntity` also
/// one over the text.
pub fn apply(text: &str, entities: &Entities, corrections: &[Correction]) -> Entities {
    let mut st = State::new(text, entities);
    st.settle();
    for c in corrections {
        st.apply(c);
        st.settle();
    }
    st.finish()
}

impl<'t> State<'t> {
    fn new(text: &'t str, e: &Entities) -> State<'t> {
        let ents = e
            .entities
            .iter()
            .map(|x| Work {
                name: x.name.clone(),
                kind: x.kind,
                aliases: x.aliases.clone(),
                related: x.related,
                id: x.id.clone(),
                alive: true,
                touched: false,
                lost_name: false,
                first: usize::MAX,
            })
            .collect();
        // Only valid mentions, sorted and disjoint (as the extractor gives).
        let mut mentions: Vec<(Range<usize>, usize)> = e
            .mentions
            .iter()
            .filter(|m| m.entity < e.entities.len() && m.span.start < m.span.end)
            .filter(|m| text.get(m.span.clone()).is_some())
            .map(|m| (m.span.clone(), m.entity))
            .collect();
        mentions.sort_by_key(|m| m.0.start);
        let mut end = 0;
        mentions.retain(|m| {
            let keep = m.0.start >= end;
            if keep {
                end = m.0.end;
            }
            keep
        });
        State {
            text,
            flat: None,
            ents,
            mentions,
        }
    }

    /// The live entity `key` names (as [`EntityKey::find`], in the order of
    /// first mention).
    fn find(&self, key: &EntityKey) -> Option<usize> {
        let mut order: Vec<usize> = (0..self.ents.len()).collect();
        order.sort_by_key(|&i| self.ents[i].first);
        let found = key.find_in(order.iter().map(|&i| {
            let w = &self.ents[i];
            (w.alive, w.kind, w.name.as_str(), w.aliases.as_slice())
        }))?;
        order.get(found).copied()
    }

    /// `wanted`, or `wanted-2`, `-3`, ... if another live entity has it.
    fn free_id(&self, wanted: String, except: usize) -> String {
        let taken: HashSet<&str> = self
            .ents
            .iter()
            .enumerate()
            .filter(|(i, w)| w.alive && *i != except)
            .map(|(_, w)| w.id.as_str())
            .collect();
        let mut id = wanted.clone();
        let mut n = 1;
        while taken.contains(id.as_str()) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        id
    }

    fn apply(&mut self, c: &Correction) {
        match c {
            Correction::Rename { key, name } => {
                let name = clean_surface(name);
                if let (Some(i), false) = (self.find(key), name.is_empty()) {
                    let w = &mut self.ents[i];
                    let old = std::mem::replace(&mut w.name, name);
                    w.aliases.insert(0, old);
                    w.touched = true;
                }
            }
            Correction::ChangeType { key, kind } => {
                if let Some(i) = self.find(key) {
                    if self.ents[i].kind != *kind {
                        let id = self.free_id(wanted_id(*kind, &self.ents[i].name), i);
                        let w = &mut self.ents[i];
                        w.kind = *kind;
                        w.id = id;
                    }
                }
            }
            Correction::Merge { from, into } => {
                let (Some(f), Some(t)) = (self.find(from), self.find(into)) else {
                    return;
                };
                if f == t {
                    return;
                }
                for m in &mut self.mentions {
                    if m.1 == f {
                        m.1 = t;
                    }
                }
                let gone = &mut self.ents[f];
                gone.alive = false;
                let mut names = vec![std::mem::take(&mut gone.name)];
                names.append(&mut gone.aliases);
                let related = gone.related;
                let w = &mut self.ents[t];
                w.aliases.extend(names);
                w.related = w.related.or(related);
                w.touched = true;
                for w in &mut self.ents {
                    if w.related == Some(f) {
                        w.related = Some(t);
                    }
                }
            }
            Correction::NotAnEntity { key } => {
                if let Some(i) = self.find(key) {
                    self.ents[i].alive = false;
                    self.mentions.retain(|m| m.1 != i);
                }
            }
            Correction::AddEntity { name, kind } => self.add(name, *kind),
        }
    }

    /// Every occurrence of `name` becomes a mention of the entity with
    /// that key, where the longer name wins.
    fn add(&mut self, name: &str, kind: EntityKind) {
        let name = clean_surface(name);
        let found = self
            .flat
            .get_or_insert_with(|| Flat::new(self.text))
            .occurrences(&name);
        if found.is_empty() {
            return;
        }
        let target = match self.find(&EntityKey::new(&name, kind)) {
            Some(i) => i,
            None => {
                let id = self.free_id(wanted_id(kind, &name), usize::MAX);
                self.ents.push(Work {
                    name,
                    kind,
                    aliases: Vec::new(),
                    related: None,
                    id,
                    alive: true,
                    touched: true,
                    lost_name: false,
                    first: usize::MAX,
                });
                self.ents.len() - 1
            }
        };
        let text = self.text;
        let old = std::mem::take(&mut self.mentions);
        let mut out = Vec::with_capacity(old.len() + found.len());
        let mut rest = old.as_slice();
        for span in found {
            // Mentions wholly before the occurrence stay.
            let before = rest.iter().take_while(|m| m.0.end <= span.start).count();
            let (kept, after) = rest.split_at(before);
            out.extend_from_slice(kept);
            rest = after;
            let overlapping = rest.iter().take_while(|m| m.0.start < span.end).count();
            let (hit, after) = rest.split_at(overlapping);
            if hit.iter().all(|m| span.start <= m.0.start && m.0.end <= span.end) {
                for (s, e) in hit.iter().filter(|m| m.1 != target) {
                    if let Some(w) = self.ents.get_mut(*e) {
                        w.touched = true;
                        w.lost_name |= clean_surface(text.get(s.clone()).unwrap_or("")) == w.name;
                    }
                }
                out.push((span, target));
                rest = after;
            }
        }
        out.extend_from_slice(rest);
        self.mentions = out;
        if let Some(w) = self.ents.get_mut(target) {
            w.touched = true;
        }
    }

    /// Brings the entities in line with the mentions after a correction:
    /// first mentions; entities left without mentions die; touched ones get
    /// their name and aliases settled ([`names`]); links to dead entities or
    /// to oneself are dropped.
    fn settle(&mut self) {
        let text = self.text;
        let mut surfaces: Vec<Vec<String>> = vec![Vec::new(); self.ents.len()];
        let mut first = vec![usize::MAX; self.ents.len()];
        for (span, e) in &self.mentions {
            first[*e] = first[*e].min(span.start);
            if self.ents[*e].touched {
                surfaces[*e].push(clean_surface(text.get(span.clone()).unwrap_or("")));
            }
        }
        for ((w, first), surfaces) in self.ents.iter_mut().zip(first).zip(surfaces) {
            w.first = first;
            w.alive &= first != usize::MAX;
            if w.alive && w.touched {
                (w.name, w.aliases) = names(w, &surfaces);
            }
            w.touched = false;
            w.lost_name = false;
        }
        let alive: Vec<bool> = self.ents.iter().map(|w| w.alive).collect();
        for (i, w) in self.ents.iter_mut().enumerate() {
            w.related = w.related.filter(|&r| r != i && alive.get(r) == Some(&true));
        }
    }

    fn finish(self) -> Entities {
        let State { ents, mentions, .. } = self;
        let mut order: Vec<usize> = (0..ents.len()).filter(|&i| ents[i].alive).collect();
        order.sort_by_key(|&i| ents[i].first);
        let mut index = vec![None; ents.len()];
        for (new, &old) in order.iter().enumerate() {
            index[old] = Some(new);
        }
        let mut out: Vec<Entity> = order
            .iter()
            .map(|&old| {
                let w = &ents[old];
                Entity {
                    id: w.id.clone(),
                    name: w.name.clone(),
                    kind: w.kind,
                    aliases: w.aliases.clone(),
                    mentions: 0,
                    related: w.related.and_then(|r| index.get(r).copied().flatten()),
                }
            })
            .collect();
        unique_ids(&mut out);
        let mentions: Vec<Mention> = mentions
            .into_iter()
            .filter_map(|(span, e)| {
                let entity = index.get(e).copied().flatten()?;
                let ent = out.get_mut(entity)?;
                ent.mentions += 1;
                Some(Mention {
                    span,
                    kind: ent.kind,
                    entity,
                })
            })
            .collect();
        Entities {
            entities: out,
            mentions,
        }
    }
}

/// The name and aliases of an entity whose mentions or name changed
/// (`surfaces`: its mentions as written, in text order). The name stays
/// (the reader's own, or the one `into` had before a merge) unless "Add
/// entity" took the last mention that wrote it: then it is the longest
/// surface left. Aliases are the old ones the text still writes, then the
/// other surfaces, without duplicates or the name.
fn names(w: &Work, surfaces: &[String]) -> (String, Vec<String>) {
    let name = if w.lost_name && !surfaces.contains(&w.name) {
        surfaces
            .iter()
            .rev()
            .max_by_key(|s| s.chars().count())
            .cloned()
            .unwrap_or_else(|| w.name.clone())
    } else {
        w.name.clone()
    };
    let mut aliases: Vec<String> = Vec::new();
    for a in w.aliases.iter().filter(|a| surfaces.contains(a)).chain(surfaces) {
        if *a != name && !aliases.contains(a) {
            aliases.push(a.clone());
        }
    }
    (name, aliases)
}

/// The id an entity made or retyped by a correction asks for: `kind-slug`
/// of its name (as the extractor makes them).
fn wanted_id(kind: EntityKind, name: &str) -> String {
    let mut id = format!("{}-{}", kind.as_str(), slug(name));
    if id.ends_with('-') {
        id.push_str("entity");
    }
    id
}

/// Ids are unique after every correction when they were in the input; an
/// input with duplicate (or empty) ids gets them numbered here, first
/// come first served.
fn unique_ids(out: &mut [Entity]) {
    let mut taken: HashSet<String> = HashSet::new();
    for e in out.iter_mut() {
        if e.id.is_empty() {
            e.id = wanted_id(e.kind, &e.name);
        }
        let base = e.id.clone();
        let mut n = 1;
        while !taken.insert(e.id.clone()) {
            n += 1;
            e.id = format!("{base}-{n}");
        }
    }
}

/// [`EntityKind`] in JSON as its [`EntityKind::as_str`] name.
mod kind_name {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::entities::EntityKind;

    pub fn serialize<S: Serializer>(kind: &EntityKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(kind.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EntityKind, D::Error> {
        let name = String::deserialize(d)?;
        EntityKind::from_str_opt(&name)
            .ok_or_else(|| D::Error::custom(format!("unknown entity type {name:?}")))
    }
}

/// Correction entries as JSON (for "Export corrections").
#[cfg(feature = "json")]
pub fn corrections_json(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_default()
}

/// Correction entries from JSON (for "Import corrections"), or why they
/// could not be read.
#[cfg(feature = "json")]
pub fn parse_corrections_json(json: &str) -> Result<Vec<Entry>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}
