//! From the phrase next to a speech verb to a speaker entity.
//!
//! - A phrase holding a name is that name's entity (a person before an
//!   organization or place: "Pentagon Press Secretary Peter Cook" is Peter
//!   Cook; "a Foreign Office spokesman" is the Foreign Office). Aliases are
//!   already merged by the entity extractor ("Cook" is Peter Cook).
//! - "the president", "the press secretary", "the commander", "the
//!   ministry": the person whose name some title in the article puts these
//!   words before ("President Joe Biden", "Pentagon Press Secretary Peter
//!   Cook") or after ("Christophe Cluzel, commander of Forbin"), or the
//!   organization whose name ends with the word ("Foreign Ministry"); the
//!   one mentioned last before the quote when several fit.
//! - "he", "she", "they", "it": a pronoun, for the caller to resolve.

use crate::entities::{Entities, EntityKind};
use crate::search::index::FxMap;
use crate::segment::{self, Span};

/// What a speaker phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Referent {
    /// An entity (index into `Entities::entities`).
    Entity(usize),
    /// "he" or "she": a person.
    PersonPronoun,
    /// "they" or "it": a group, organization or place.
    GroupPronoun,
    /// Nobody the article names ("officials", "a spokesman", "the release").
    Nobody,
}

/// Words that are never titles: determiners, prepositions, conjunctions,
/// speech verbs' company.
const NOT_TITLES: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from", "as", "that",
    "this", "his", "her", "its", "their", "our", "said", "says", "told", "who", "which", "was", "is", "has",
    "had", "will", "new", "former", "then",
];

/// How many words before or after a name may be its title.
const TITLE_WORDS: usize = 3;

/// How long an appositive between a name and a speech verb may be, in
/// bytes.
const APPOSITIVE_BYTES: usize = 120;

/// The article's speakers: entity mentions, and the titles that describe
/// entities.
pub(crate) struct Speakers<'a> {
    text: &'a str,
    entities: &'a Entities,
    /// The starts of each entity's mentions, ascending.
    positions: Vec<Vec<usize>>,
    /// Title word (lowercase) → entities it describes, ascending, distinct.
    titles: FxMap<String, Vec<usize>>,
}

impl<'a> Speakers<'a> {
    /// Indexes the mentions and titles of `entities` found in `text`.
    pub(crate) fn new(text: &'a str, entities: &'a Entities) -> Speakers<'a> {
        let mut positions = vec![Vec::new(); entities.entities.len()];
        let mut titles: FxMap<String, Vec<usize>> = FxMap::default();
        let mut add = |word: &str, entity: usize| {
            let list = titles.entry(word.to_lowercase()).or_default();
            if list.last() != Some(&entity) && !list.contains(&entity) {
                list.push(entity);
            }
        };
        for m in &entities.mentions {
            if let Some(p) = positions.get_mut(m.entity) {
                p.push(m.span.start);
            }
            match m.kind {
                EntityKind::Person => {
                    for w in title_before(text, m.span.start)
                        .into_iter()
                        .chain(title_after(text, m.span.end))
                    {
                        add(w, m.entity);
                    }
                }
                EntityKind::Organization | EntityKind::Place => {
                    for w in words_after(text, m.span.end) {
                        add(w, m.entity);
                    }
                }
                _ => {}
            }
        }
        for (i, e) in entities.entities.iter().enumerate() {
            if e.kind == EntityKind::Organization {
                if let Some((_, head)) = segment::words(&e.name).last() {
                    add(head, i);
                }
            }
        }
        Speakers {
            text,
            entities,
            positions,
            titles,
        }
    }

    /// Who the phrase `span` refers to, for a quote at byte `at`: a person
    /// named in it; else a person named right before it with a comma
    /// between ("Jeff Rathke, the State Department spokesperson"); else an
    /// organization, place or group named in it; else a pronoun or a
    /// described title.
    /// `appositive` allows the person before the phrase (not for "according
    /// to X", whose X is the source itself).
    pub(crate) fn referent(&self, span: &Span, at: usize, appositive: bool) -> Referent {
        let named = self.named_in(span);
        if let Some((e, true)) = named {
            return Referent::Entity(e);
        }
        if let Some(e) = self.person_before(span.start).filter(|_| appositive) {
            return Referent::Entity(e);
        }
        if let Some((e, _)) = named {
            return Referent::Entity(e);
        }
        let Some(phrase) = self.text.get(span.clone()) else {
            return Referent::Nobody;
        };
        let words: Vec<String> = segment::words(phrase).map(|(_, w)| w.to_lowercase()).collect();
        match words.as_slice() {
            [w] if w == "he" || w == "she" => return Referent::PersonPronoun,
            [w] if w == "they" || w == "it" => return Referent::GroupPronoun,
            [first, rest @ ..] if first == "the" && !rest.is_empty() => {
                if let Some(e) = self.described(rest, at) {
                    return Referent::Entity(e);
                }
            }
            _ => {}
        }
        Referent::Nobody
    }

    /// The person named before the phrase at byte `start` with only an
    /// appositive between them: "Jeff Rathke, the State Department
    /// spokesperson", "Albert Connelly, an artillery crew chief in Abel
    /// Battery, 3rd Battalion".
    fn person_before(&self, start: usize) -> Option<usize> {
        let mentions = &self.entities.mentions;
        let before = mentions.partition_point(|m| m.span.end <= start);
        let m = mentions
            .get(..before)?
            .iter()
            .rev()
            .take_while(|m| m.span.end + APPOSITIVE_BYTES >= start)
            .find(|m| m.kind == EntityKind::Person)?;
        let between = self.text.get(m.span.end..start)?;
        let appositive =
            between.starts_with(',') && !between.contains(['.', '!', '?', ';', ':', '"', '“', '”', '\n']);
        appositive.then_some(m.entity)
    }

    /// The entity named inside `span` and whether it is a person: its last
    /// person, else its last organization, place or group.
    fn named_in(&self, span: &Span) -> Option<(usize, bool)> {
        let mentions = &self.entities.mentions;
        let first = mentions.partition_point(|m| m.span.end <= span.start);
        let inside = mentions
            .get(first..)?
            .iter()
            .take_while(|m| m.span.start < span.end);
        let mut best: Option<(bool, usize)> = None;
        for m in inside {
            let person = m.kind == EntityKind::Person;
            let speaker_kind = matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Group
            );
            if speaker_kind && (person || !best.is_some_and(|b| b.0)) {
                best = Some((person, m.entity));
            }
        }
        best.map(|(person, e)| (e, person))
    }

    /// The entity that every word of a definite description ("press
    /// secretary") describes, mentioned last before `at`.
    fn described(&self, words: &[String], at: usize) -> Option<usize> {
        let head = words.last()?;
        let candidates = self.titles.get(head)?;
        candidates
            .iter()
            .copied()
            .filter(|&e| {
                words
                    .iter()
                    .all(|w| self.titles.get(w).is_some_and(|l| l.contains(&e)))
            })
            .filter_map(|e| {
                let p = self.positions.get(e)?;
                let before = p.partition_point(|&s| s < at);
                Some((*p.get(before.checked_sub(1)?)?, e))
            })
            .max()
            .map(|(_, e)| e)
    }

    /// Is entity `e` mentioned inside `span`?
    pub(crate) fn mentioned_in(&self, e: usize, span: &Span) -> bool {
        self.positions.get(e).is_some_and(|p| {
            let i = p.partition_point(|&s| s < span.start);
            p.get(i).is_some_and(|&s| s < span.end)
        })
    }

    /// The kind of entity `e`.
    pub(crate) fn kind(&self, e: usize) -> Option<EntityKind> {
        self.entities.entities.get(e).map(|x| x.kind)
    }
}

/// Is `w` a word that may be part of a title ("Secretary", "prime")?
fn titleish(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '.')
        && !NOT_TITLES.iter().any(|x| x.eq_ignore_ascii_case(w))
        && !crate::quotes::cues::is_speech_verb(w)
}

/// Up to three capitalized title words right before byte `start` ("U.S.
/// President", "Pentagon Press Secretary", "Capt."), nearest first. A
/// word ending a sentence ("Baghdad.") ends the title.
fn title_before(text: &str, start: usize) -> Vec<&str> {
    let from = start.saturating_sub(80);
    let from = (from..start).find(|&i| text.is_char_boundary(i)).unwrap_or(start);
    let Some(before) = text.get(from..start) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in before.split_whitespace().rev() {
        let w = raw.trim_end_matches('.');
        let sentence_end = w.len() != raw.len() && w.len() > 4 && !w.contains('.');
        let capitalized = w.chars().next().is_some_and(char::is_uppercase);
        if out.len() == TITLE_WORDS || w.is_empty() || sentence_end || !capitalized || !titleish(w) {
            break;
        }
        out.push(w);
    }
    out
}

/// Up to three lowercase words of an appositive right after byte `end`
/// (", commander of Forbin" → "commander"; ", the prime minister," →
/// "prime", "minister").
fn title_after(text: &str, end: usize) -> Vec<&str> {
    let after = text_after(text, end, 80);
    let Some(after) = after.strip_prefix(", ") else {
        return Vec::new();
    };
    let after = ["the ", "a ", "an "]
        .iter()
        .find_map(|d| after.strip_prefix(d))
        .unwrap_or(after);
    lowercase_titles(after, TITLE_WORDS)
}

/// Up to two lowercase words right after an organization or place ("Defense
/// Department news release", "Foreign Office spokesman"): what "the
/// release" and "the spokesman" may refer back to.
fn words_after(text: &str, end: usize) -> Vec<&str> {
    match text_after(text, end, 40).strip_prefix(' ') {
        Some(after) => lowercase_titles(after, 2),
        None => Vec::new(),
    }
}

/// Up to `bytes` bytes of `text` from `end` (fewer to stay on a `char`
/// boundary).
fn text_after(text: &str, end: usize, bytes: usize) -> &str {
    let to = (end + bytes).min(text.len());
    let to = (end..=to)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(end);
    text.get(end..to).unwrap_or("")
}

/// The lowercase title-like words opening `s`, at most `max`, up to the
/// first punctuation.
fn lowercase_titles(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        let lowercase = clean.chars().next().is_some_and(char::is_lowercase);
        if out.len() == max || !lowercase || !titleish(clean) {
            break;
        }
        out.push(clean);
        if clean.len() != w.len() {
            break;
        }
    }
    out
}
