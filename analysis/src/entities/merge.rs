//! Alias merging: mentions → entities. Surnames join full names, acronyms
//! join their expansions, country aliases join their country, demonyms link
//! to their country; ids are stable slugs.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::gazetteer::{gazetteer, Gazetteer, PlaceKind};
use super::{Entities, Entity, EntityKind, Mention};

/// A mention before merging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Kind guessed for this mention alone.
    pub kind: EntityKind,
    /// Backed by a gazetteer or a strong cue.
    pub strong: bool,
}

/// Collapses whitespace (hard-wrapped names) to single spaces.
pub fn clean_surface(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// The comparison key of a surface form: no leading "the", no periods,
/// lowercase.
fn key(s: &str) -> String {
    let s = s
        .strip_prefix("The ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s);
    s.chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

const SKIP_INITIALS: &[&str] = &[
    "of", "the", "and", "for", "&", "in", "on", "de", "des", "du", "la", "le",
];

/// Initials of a multi-word name: "The New York Times" → "NYT".
fn initials(name: &str) -> String {
    let name = name.strip_prefix("The ").unwrap_or(name);
    name.split([' ', '-'])
        .filter(|w| !SKIP_INITIALS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// The id an entity of this kind and name gets in an article
/// (`person-joe-biden`), unless another entity of the article took it first
/// (then a number follows): how a link from across articles names an entity
/// before its article is loaded.
pub fn base_id(kind: EntityKind, name: &str) -> String {
    let mut base = format!("{}-{}", kind.as_str(), slug(name));
    if base.ends_with('-') {
        base.push_str("entity");
    }
    base
}

/// A URL-safe slug: accents folded, [a-z0-9-] only.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    // Folded with the search's table (accents, ligatures, case), not NFD:
    // the page makes slugs too (corrections) and carries no NFD tables.
    for c in crate::normalize::fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() || c.is_whitespace() || c == '-' || c == '_' || c == '/' {
            // Non-ASCII letters without a decomposition and separators.
            dash = true;
        } else if c == '\'' || c == '’' || c == '.' || c.is_ascii() {
            dash = dash || c == '&' || c == ',';
        }
    }
    out
}

/// Mention-level group key: the entity a mention belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Country(usize),
    Demonym(usize),
    Name(EntityKind, String),
}

/// The full person name a name part ("Smith") belongs to.
struct PartOwner {
    /// The first mention of a full name with that part.
    first: usize,
    /// Mentions of two different entities have that part.
    ambiguous: bool,
}

/// Builds the entities of a document from its raw mentions (sorted by start).
pub fn build(text: &str, raws: Vec<Raw>) -> Entities {
    let g = gazetteer();
    let surfaces: Vec<String> = raws
        .iter()
        .map(|r| clean_surface(text.get(r.span.clone()).unwrap_or("")))
        .collect();
    let mut kinds: Vec<EntityKind> = raws.iter().map(|r| r.kind).collect();
    vote_kinds(&surfaces, &raws, &mut kinds);
    let mut keys: Vec<Key> = Vec::with_capacity(raws.len());
    for (i, s) in surfaces.iter().enumerate() {
        keys.push(base_key(g, s, kinds[i]));
    }
    // Full person names (two words or more) and their parts: per part, the
    // first full name holding it and whether another entity holds it too
    // (a constant amount per part, however often names repeat).
    let mut person_parts: HashMap<String, PartOwner> = HashMap::new();
    for (i, s) in surfaces.iter().enumerate() {
        if kinds[i] == EntityKind::Person && s.contains(' ') {
            let words: Vec<&str> = s.split(' ').collect();
            let last = words.last().copied().unwrap_or("");
            let mut parts = vec![last];
            // "Abadi" for "Haider al-Abadi".
            if super::combine::is_article_surname(last) {
                if let Some((_, bare)) = last.split_once('-') {
                    parts.push(bare);
                }
            }
            if let Some(f) = words.first() {
                parts.push(f);
            }
            for p in parts.into_iter().filter(|p| !p.is_empty()) {
                match person_parts.entry(key(p)) {
                    Entry::Vacant(v) => {
                        v.insert(PartOwner {
                            first: i,
                            ambiguous: false,
                        });
                    }
                    Entry::Occupied(mut o) => {
                        let owner = o.get_mut();
                        if keys.get(owner.first) != keys.get(i) {
                            owner.ambiguous = true;
                        }
                    }
                }
            }
        }
    }
    // Surnames and first names → the full name, when unambiguous.
    for i in 0..raws.len() {
        let s = &surfaces[i];
        if s.contains(' ') {
            continue;
        }
        let strong_other = raws[i].strong && kinds[i] != EntityKind::Person;
        // A known place found as a place is not the part of a person's name
        // ("Maine" beside a "Maine Central" mistaken for a person).
        let known_place = kinds[i] == EntityKind::Place && g.places.contains_key(s.as_str());
        if strong_other || known_place {
            continue;
        }
        if let Some(owner) = person_parts.get(&key(s)).filter(|o| !o.ambiguous) {
            if let Some(k) = keys.get(owner.first).cloned() {
                keys[i] = k;
                kinds[i] = EntityKind::Person;
            }
        }
    }
    // Acronyms → an expansion present in the document.
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, s) in surfaces.iter().enumerate() {
        if s.contains(' ') && kinds[i] != EntityKind::Person {
            by_initials.entry(initials(s)).or_insert(i);
        }
        by_key.entry(key(s)).or_insert(i);
    }
    for i in 0..raws.len() {
        let s = &surfaces[i];
        if !is_acronym(s) || matches!(keys[i], Key::Country(_)) {
            continue;
        }
        let plain: String = s.chars().filter(|&c| c != '.').collect();
        let target = by_initials.get(&plain).copied().or_else(|| {
            let exp = g.known.get(s.as_str()).and_then(|&(_, e)| e)?;
            by_key.get(&key(exp)).copied()
        });
        if let Some(j) = target.filter(|&j| j != i) {
            keys[i] = keys[j].clone();
            kinds[i] = kinds[j];
        }
    }
    // Group mentions by key, in order of first mention.
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut entity_keys: Vec<Key> = Vec::new();
    let mut mentions = Vec::with_capacity(raws.len());
    // The surfaces each entity has (its name and aliases), for a constant-
    // time check however many spellings a name has.
    let mut seen: HashSet<(usize, &str)> = HashSet::new();
    for (i, r) in raws.iter().enumerate() {
        let k = keys[i].clone();
        let e = *index.entry(k.clone()).or_insert_with(|| {
            entities.push(Entity {
                id: String::new(),
                name: surfaces[i].clone(),
                kind: kinds[i],
                aliases: Vec::new(),
                mentions: 0,
                related: None,
            });
            entity_keys.push(k);
            entities.len() - 1
        });
        let ent = &mut entities[e];
        ent.mentions += 1;
        let s = &surfaces[i];
        if seen.insert((e, s.as_str())) && ent.mentions > 1 {
            if s.chars().count() > ent.name.chars().count() {
                let old = std::mem::replace(&mut ent.name, s.clone());
                ent.aliases.push(old);
            } else {
                ent.aliases.push(s.clone());
            }
        }
        mentions.push(Mention {
            span: r.span.clone(),
            kind: ent.kind,
            entity: e,
        });
    }
    // Demonyms → their country; ids.
    let mut used: HashMap<String, usize> = HashMap::new();
    #[allow(clippy::needless_range_loop)]
    for e in 0..entities.len() {
        if let Some(Key::Demonym(c)) = entity_keys.get(e) {
            entities[e].related = index.get(&Key::Country(*c)).copied();
            // A group is named by its singular form: "Ukrainian", not "Ukrainians".
            let ent = &mut entities[e];
            if let Some(short) = ent.aliases.iter().min_by_key(|a| a.chars().count()).cloned() {
                if short.chars().count() < ent.name.chars().count() {
                    let old = std::mem::replace(&mut ent.name, short);
                    ent.aliases.push(old);
                }
            }
        }
        let ent = &mut entities[e];
        ent.aliases.retain(|a| *a != ent.name);
        let base = base_id(ent.kind, &ent.name);
        // A numbered duplicate ("quantity-1-2") may equal another entity's
        // own slug ("1,2"): count on until the id is free.
        let mut n = used.get(&base).copied().unwrap_or(0);
        let id = loop {
            n += 1;
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !used.contains_key(&candidate) {
                break candidate;
            }
        };
        used.insert(base, n);
        used.insert(id.clone(), 1);
        ent.id = id;
    }
    Entities { entities, mentions }
}

/// One name, one kind per document: the mentions of a name with the same
/// surface (up to case and periods) found with different kinds take the
/// kind most of them have, a mention backed by the lists or a strong cue
/// counting three times; on a tie the first mention's kind wins. Mentions
/// backed that way keep their own kind.
fn vote_kinds(surfaces: &[String], raws: &[Raw], kinds: &mut [EntityKind]) {
    const NAMES: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
    ];
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in surfaces.iter().enumerate() {
        if NAMES.contains(&kinds[i]) {
            groups.entry(key(s)).or_default().push(i);
        }
    }
    for members in groups.values() {
        let Some(&first) = members.first() else { continue };
        if members.iter().all(|&i| kinds[i] == kinds[first]) {
            continue;
        }
        let mut votes = [0usize; NAMES.len()];
        for &i in members {
            if let Some(k) = NAMES.iter().position(|&n| n == kinds[i]) {
                votes[k] += if raws[i].strong { 3 } else { 1 };
            }
        }
        let best = votes.iter().copied().max().unwrap_or(0);
        let winner = members.iter().map(|&i| kinds[i]).find(|k| {
            NAMES
                .iter()
                .position(|n| n == k)
                .is_some_and(|p| votes[p] == best)
        });
        let Some(winner) = winner else { continue };
        for &i in members {
            if !raws[i].strong {
                kinds[i] = winner;
            }
        }
    }
}

fn base_key(g: &Gazetteer, s: &str, kind: EntityKind) -> Key {
    match kind {
        EntityKind::Place => {
            let bare = s
                .strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(s);
            // "RUSSIA" in a headline is "Russia".
            let plain = super::caps::ordinary(bare);
            if let Some(PlaceKind::Country(c)) = g.places.get(bare).or_else(|| g.places.get(plain.as_str())) {
                return Key::Country(*c);
            }
        }
        EntityKind::Group => {
            if let Some(c) = g.demonym(s).or_else(|| g.demonym(&super::caps::ordinary(s))) {
                return Key::Demonym(c);
            }
        }
        _ => {}
    }
    Key::Name(kind, key(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_initials() {
        assert_eq!(slug("Joe Biden"), "joe-biden");
        assert_eq!(slug("U.S."), "us");
        assert_eq!(slug("Zoë Ça-va  O'Brien"), "zoe-ca-va-obrien");
        assert_eq!(slug("Москва"), "");
        assert_eq!(base_id(EntityKind::Person, "Joe Biden"), "person-joe-biden");
        assert_eq!(base_id(EntityKind::Place, "Москва"), "place-entity");
        assert_eq!(initials("The New York Times"), "NYT");
        assert_eq!(initials("North Atlantic Treaty Organization"), "NATO");
    }

    #[test]
    fn a_known_place_is_not_merged_into_a_person() {
        // From a Wikipedia article on a Maine railroad: the tagger took
        // "Maine Central" for a person; "Maine" must stay the state.
        let text = "The Maine Central took over the line from Portland, Maine, in 1941.";
        let at = |s: &str| {
            let i = text.find(s).unwrap_or(0);
            i..i + s.len()
        };
        let raws = vec![
            Raw {
                span: at("Maine Central"),
                kind: EntityKind::Person,
                strong: false,
            },
            Raw {
                span: at("Portland"),
                kind: EntityKind::Place,
                strong: false,
            },
            Raw {
                span: at("Maine,").start..at("Maine,").end - 1,
                kind: EntityKind::Place,
                strong: false,
            },
        ];
        let e = build(text, raws);
        let maine = &e.entities[e.mentions[2].entity];
        assert_eq!((maine.name.as_str(), maine.kind), ("Maine", EntityKind::Place));
        assert_eq!(e.entities.len(), 3);
    }

    #[test]
    fn a_name_has_one_kind_per_document() {
        // The tagger read the second "Chiang Mai" as a person: the name
        // takes the kind most of its mentions have.
        let text = "Trains run from Bangkok to Chiang Mai. Train 2 leaves Chiang Mai at 6. \
                    Chiang Mai is cooler.";
        let spans: Vec<Range<usize>> = text
            .match_indices("Chiang Mai")
            .map(|(i, s)| i..i + s.len())
            .collect();
        let kinds = [EntityKind::Place, EntityKind::Person, EntityKind::Place];
        let raws = spans
            .iter()
            .zip(kinds)
            .map(|(span, kind)| Raw {
                span: span.clone(),
                kind,
                strong: false,
            })
            .collect();
        let e = build(text, raws);
        assert_eq!(e.entities.len(), 1);
        assert!(e.mentions.iter().all(|m| m.kind == EntityKind::Place));
        // A mention backed by the lists outweighs two guesses, and keeps its kind.
        let raws = spans
            .iter()
            .zip([EntityKind::Person, EntityKind::Person, EntityKind::Place])
            .enumerate()
            .map(|(i, (span, kind))| Raw {
                span: span.clone(),
                kind,
                strong: i == 2,
            })
            .collect();
        let e = build(text, raws);
        assert!(e.mentions.iter().all(|m| m.kind == EntityKind::Place));
    }
}
