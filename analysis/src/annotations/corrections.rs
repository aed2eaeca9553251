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
//!   ([`occurrences`]: case-sensitive whole words) becomes a mention of the
//!   entity with that key (made when there is none, id `kind-slug`). Where
//!   it overlaps mentions of the extractor, the longer name wins: an
//!   occurrence that covers mentions (or equals one) replaces them ("Bank of
//!   America" over "America"); one that lies inside a longer mention or
//!   crosses one's edge is left out. An entity left with no mention
//!   disappears.
//!
//! Corrected entities are ordered by first mention (the extractor's order);
//! ids stay unique (a taken id gets `-2`, `-3`, ...) and URL-safe.
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

use super::occurrences::occurrences;
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
            .or_else(|| candidates().find(|(_, (_, _, _, aliases))| aliases.iter().any(|a| folded(a) == want)))
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
    alive: bool,
    /// Named by the reader: the name need not be in the text.
    renamed: bool,
    /// Its mentions or name changed: name and aliases are checked again.
    touched: bool,
    /// `id` is wanted, not yet claimed (new entity, or its kind changed):
    /// it is numbered if another entity has it.
    new_id: bool,
}

/// Entities and mentions while corrections are applied. Mentions stay
/// sorted, disjoint and belong to live entities after every step.
struct State<'t> {
    text: &'t str,
    ents: Vec<Work>,
    mentions: Vec<(Range<usize>, usize)>,
}

/// Applies `corrections` in order to the entities `entities` of `text`
/// (see the module documentation). Deterministic; never panics; the
/// result keeps the invariants of [`Entities`]. Time: each correction
/// costs a pass over the entities and mentions, `AddEntity` also one over
/// the text.
pub fn apply(text: &str, entities: &Entities, corrections: &[Correction]) -> Entities {
    let mut st = State::new(text, entities);
    for c in corrections {
        st.apply(c);
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
                renamed: false,
                touched: false,
                new_id: false,
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
            end = end.max(if keep { m.0.end } else { end });
            keep
        });
        State { text, ents, mentions }
    }

    /// The live entity `key` names (as [`EntityKey::find`]).
    fn find(&self, key: &EntityKey) -> Option<usize> {
        key.find_in(
            self.ents
                .iter()
                .map(|w| (w.alive, w.kind, w.name.as_str(), w.aliases.as_slice())),
        )
    }

    fn apply(&mut self, c: &Correction) {
        match c {
            Correction::Rename { key, name } => {
                let name = clean_surface(name);
                if let (Some(i), false) = (self.find(key), name.is_empty()) {
                    let w = &mut self.ents[i];
                    let old = std::mem::replace(&mut w.name, name);
                    w.aliases.insert(0, old);
                    w.renamed = true;
                    w.touched = true;
                }
            }
            Correction::ChangeType { key, kind } => {
                if let Some(i) = self.find(key) {
                    let w = &mut self.ents[i];
                    if w.kind != *kind {
                        w.kind = *kind;
                        w.id = wanted_id(*kind, &w.name);
                        w.new_id = true;
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
                    self.remove(i);
                }
            }
            Correction::AddEntity { name, kind } => self.add(name, *kind),
        }
    }

    /// Entity `i` and its mentions disappear.
    fn remove(&mut self, i: usize) {
        self.ents[i].alive = false;
        self.mentions.retain(|m| m.1 != i);
        for w in &mut self.ents {
            if w.related == Some(i) {
                w.related = None;
            }
        }
    }

    /// Every occurrence of `name` becomes a mention of the entity with
    /// that key, where the longer name wins.
    fn add(&mut self, name: &str, kind: EntityKind) {
        let name = clean_surface(name);
        let found = occurrences(self.text, &name);
        if found.is_empty() {
            return;
        }
        let target = match self.find(&EntityKey::new(&name, kind)) {
            Some(i) => i,
            None => {
                self.ents.push(Work {
                    id: wanted_id(kind, &name),
                    name,
                    kind,
                    aliases: Vec::new(),
                    related: None,
                    alive: true,
                    renamed: false,
                    touched: true,
                    new_id: true,
                });
                self.ents.len() - 1
            }
        };
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
                for m in hit {
                    if let Some(w) = self.ents.get_mut(m.1) {
                        w.touched = true;
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

    fn finish(self) -> Entities {
        let State { text, ents, mentions } = self;
        let surface = |span: &Range<usize>| clean_surface(text.get(span.clone()).unwrap_or(""));
        // Survivors in order of first mention.
        let mut first: Vec<Option<usize>> = vec![None; ents.len()];
        let mut surfaces: Vec<Vec<String>> = vec![Vec::new(); ents.len()];
        for (span, e) in &mentions {
            first[*e].get_or_insert(span.start);
            if ents[*e].touched {
                surfaces[*e].push(surface(span));
            }
        }
        let mut order: Vec<usize> = (0..ents.len())
            .filter(|&i| ents[i].alive && first[i].is_some())
            .collect();
        order.sort_by_key(|&i| first[i]);
        let mut index = vec![None; ents.len()];
        for (new, &old) in order.iter().enumerate() {
            index[old] = Some(new);
        }
        let mut out: Vec<Entity> = Vec::with_capacity(order.len());
        let mut fresh: Vec<bool> = Vec::with_capacity(order.len());
        for &old in &order {
            let w = &ents[old];
            let (name, aliases) = if w.touched {
                names(w, &surfaces[old])
            } else {
                (w.name.clone(), w.aliases.clone())
            };
            let new = index[old].unwrap_or(0);
            out.push(Entity {
                id: w.id.clone(),
                name,
                kind: w.kind,
                aliases,
                mentions: 0,
                related: w.related.and_then(|r| index.get(r).copied().flatten()).filter(|&r| r != new),
            });
            fresh.push(w.new_id || w.id.is_empty());
        }
        assign_ids(&mut out, &mut fresh);
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
/// (`surfaces`: its mentions as written, in text order): the name stays
/// when the reader gave it or the text still writes it, else it becomes
/// the longest surface; aliases are the old ones the text still writes,
/// then the other surfaces, without duplicates or the name.
fn names(w: &Work, surfaces: &[String]) -> (String, Vec<String>) {
    let name = if w.renamed || surfaces.contains(&w.name) {
        w.name.clone()
    } else {
        surfaces
            .iter()
            .rev()
            .max_by_key(|s| s.chars().count())
            .cloned()
            .unwrap_or_else(|| w.name.clone())
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

/// Unique ids: entities that keep theirs claim them first (in order); the
/// others (`fresh`, or whose id was already claimed) get the id they want,
/// numbered `-2`, `-3`, ... when taken.
fn assign_ids(out: &mut [Entity], fresh: &mut [bool]) {
    let mut taken: HashSet<String> = HashSet::new();
    for (e, f) in out.iter().zip(fresh.iter_mut()) {
        if !*f && !taken.insert(e.id.clone()) {
            *f = true;
        }
    }
    for (e, _) in out.iter_mut().zip(fresh.iter()).filter(|(_, f)| **f) {
        let base = if e.id.is_empty() {
            wanted_id(e.kind, &e.name)
        } else {
            std::mem::take(&mut e.id)
        };
        let mut id = base.clone();
        let mut n = 1;
        while taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        taken.insert(id.clone());
        e.id = id;
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
        EntityKind::from_str_opt(&name).ok_or_else(|| D::Error::custom(format!("unknown entity type {name:?}")))
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
