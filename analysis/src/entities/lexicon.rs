//! The rule words: the short word lists that the rules and the passes after
//! the tagger test words against (head words, particles, offices, result
//! verbs, ...), read once from `data/rule_words.tsv`, where each list says
//! what it is for. Adding a word to a rule is an edit of that file.
//!
//! ```
//! use article_analysis::entities::lexicon::{is, List};
//! assert!(is(List::OrgHead, "Ministry"));
//! assert!(!is(List::OrgHead, "Kyiv"));
//! ```

use std::sync::OnceLock;

use super::hashing::{HashMap, HashSet};
use super::EntityKind;

const RULE_WORDS: &str = include_str!("../../data/rule_words.tsv");

/// The lists of `data/rule_words.tsv` (the file's first column, in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Lowercase words inside names ("de", "van").
    Particle,
    /// Words after which "of" continues a name ("University of").
    OfHead,
    /// Last words of organizations ("Ministry", "Inc.").
    OrgHead,
    /// Last words of places ("River").
    PlaceHead,
    /// First words of places ("Mount").
    PlaceFirst,
    /// Last words of events, laws, awards ("War", "Act").
    OtherHead,
    /// Names whose capitalized "The" belongs to them.
    TheName,
    /// Prepositions before places ("in", "near").
    PlacePrep,
    /// Nouns after places ("region").
    PlaceNoun,
    /// Organization words that name one body alone ("Congress").
    LoneOrg,
    /// Offices after "Secretary of" ("Defense").
    Office,
    /// Last words of military units ("Division").
    MilitaryUnit,
    /// Events named "X of" a place ("Battle").
    EventOf,
    /// Plurals after a place that make no team ("Springs").
    NotTeam,
    /// Lowercase last words a name keeps ("dynasty").
    LowercaseHead,
    /// Nouns that say what a described name is ("a town in"); see [`noun_kind`].
    DescribedNoun,
    /// Verbs of a result between two teams ("beat").
    ResultVerb,
    /// Sports, lowercase, as a headline names them ("soccer - ...").
    Sport,
    /// Organizations spelled with a lowercase first letter ("al-Qaida").
    LowercaseOrg,
}

impl List {
    const ALL: [List; 19] = [
        List::Particle,
        List::OfHead,
        List::OrgHead,
        List::PlaceHead,
        List::PlaceFirst,
        List::OtherHead,
        List::TheName,
        List::PlacePrep,
        List::PlaceNoun,
        List::LoneOrg,
        List::Office,
        List::MilitaryUnit,
        List::EventOf,
        List::NotTeam,
        List::LowercaseHead,
        List::DescribedNoun,
        List::ResultVerb,
        List::Sport,
        List::LowercaseOrg,
    ];

    /// The list's name in the data file.
    pub fn name(self) -> &'static str {
        match self {
            List::Particle => "particle",
            List::OfHead => "of_head",
            List::OrgHead => "org_head",
            List::PlaceHead => "place_head",
            List::PlaceFirst => "place_first",
            List::OtherHead => "other_head",
            List::TheName => "the_name",
            List::PlacePrep => "place_prep",
            List::PlaceNoun => "place_noun",
            List::LoneOrg => "lone_org",
            List::Office => "office",
            List::MilitaryUnit => "military_unit",
            List::EventOf => "event_of",
            List::NotTeam => "not_team",
            List::LowercaseHead => "lowercase_head",
            List::DescribedNoun => "described_noun",
            List::ResultVerb => "result_verb",
            List::Sport => "sport",
            List::LowercaseOrg => "lowercase_org",
        }
    }
}

/// The parsed rule words.
#[derive(Debug)]
pub struct Lexicon {
    sets: Vec<HashSet<&'static str>>,
    nouns: HashMap<&'static str, EntityKind>,
}

/// The rule words, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut sets = vec![HashSet::default(); List::ALL.len()];
        let mut nouns = HashMap::default();
        for line in RULE_WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (Some(list), Some(word)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Some(at) = List::ALL.iter().position(|l| l.name() == list) else {
                continue;
            };
            if let Some(set) = sets.get_mut(at) {
                set.insert(word);
            }
            if let Some(kind) = cols.next().and_then(EntityKind::from_str_opt) {
                nouns.entry(word).or_insert(kind);
            }
        }
        Lexicon { sets, nouns }
    })
}

impl Lexicon {
    /// Is `word` (exact form) in `list`?
    pub fn has(&self, list: List, word: &str) -> bool {
        self.sets.get(list as usize).is_some_and(|s| s.contains(word))
    }

    /// Every word of `list`.
    pub fn words(&self, list: List) -> impl Iterator<Item = &'static str> + '_ {
        self.sets.get(list as usize).into_iter().flatten().copied()
    }
}

/// Is `word` in `list`? (`lexicon().has(list, word)`.)
pub fn is(list: List, word: &str) -> bool {
    lexicon().has(list, word)
}

/// The kind a described noun gives a name ("town" → place, "band" →
/// organization, "album" → other name).
pub fn noun_kind(word: &str) -> Option<EntityKind> {
    lexicon().nouns.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_words_and_nouns_have_kinds() {
        for list in List::ALL {
            assert!(lexicon().words(list).next().is_some(), "{} is empty", list.name());
        }
        assert_eq!(noun_kind("town"), Some(EntityKind::Place));
        assert_eq!(noun_kind("band"), Some(EntityKind::Organization));
        assert_eq!(noun_kind("album"), Some(EntityKind::Other));
        assert!(is(List::Particle, "van") && is(List::ResultVerb, "beat"));
    }
}
