//! Embedded word lists: countries (with aliases and demonyms), US states,
//! cities, person names, titles, groups, organizations (football clubs,
//! leagues, companies, newspapers, teams) and common English words.
//!
//! The lists live in `analysis/data/` (see its README for sources and
//! licenses) and are parsed once, lazily, into hash tables.

use std::sync::OnceLock;

use super::hashing::{HashMap, HashSet};
use super::lexicon::{lexicon, List};

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const STATES: &str = include_str!("../../data/us_states.tsv");
const CITIES: &str = include_str!("../../data/cities.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const LAST_NAMES: &str = include_str!("../../data/last_names.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const GROUPS: &str = include_str!("../../data/groups.txt");
const COMMON: &str = include_str!("../../data/common_words.txt");
const KNOWN: &str = include_str!("../../data/known.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");

/// What a place name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country (index into [`Gazetteer::countries`]).
    Country(usize),
    /// A US state.
    State,
    /// A city (index of its country into [`Gazetteer::countries`]).
    City(usize),
}

/// What a listed organization is (`data/organizations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// A football club's name or alias ("Manchester United", "Bayern").
    Club,
    /// A club's alias that is also a place ("Liverpool", "Lyon"): a club in
    /// match reports and results tables, a place elsewhere.
    ClubCity,
    /// A league or cup.
    League,
    /// A company or brand.
    Company,
    /// A newspaper.
    Newspaper,
    /// A sports team of the North American leagues.
    Team,
}

impl OrgKind {
    fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "club" => OrgKind::Club,
            "club-city" => OrgKind::ClubCity,
            "league" => OrgKind::League,
            "company" => OrgKind::Company,
            "newspaper" => OrgKind::Newspaper,
            "team" => OrgKind::Team,
            _ => return None,
        })
    }
}

/// All the embedded lists, parsed.
#[derive(Debug)]
pub struct Gazetteer {
    /// Canonical country names, in file order.
    pub countries: Vec<&'static str>,
    /// Place names and aliases (exact surface form) → what they are.
    pub places: HashMap<&'static str, PlaceKind>,
    /// Demonyms (singular and plural surface forms) → country index.
    pub demonyms: HashMap<String, usize>,
    /// Religious, ethnic, political and regional group words.
    pub groups: HashSet<&'static str>,
    /// Given names (capitalized).
    pub first_names: HashSet<&'static str>,
    /// Surnames (capitalized).
    pub last_names: HashSet<&'static str>,
    /// Titles that precede names, as space-joined tokens ("Prime Minister").
    pub titles: HashSet<&'static str>,
    /// The longest title in tokens.
    pub max_title_tokens: usize,
    /// Lowercase common English words.
    pub common: HashSet<&'static str>,
    /// Hand-written well-known names → kind label and optional expansion.
    pub known: HashMap<&'static str, (&'static str, Option<&'static str>)>,
    /// Listed organizations, by lowercase name ("manchester united").
    pub orgs: HashMap<&'static str, OrgKind>,
    /// Head words of organizations ("Ministry"), places ("River"), other
    /// names ("War"); name particles ("de", "van"); months and weekdays.
    pub org_heads: HashSet<&'static str>,
    /// See `org_heads`.
    pub place_heads: HashSet<&'static str>,
    /// See `org_heads`.
    pub other_heads: HashSet<&'static str>,
    /// See `org_heads`.
    pub particles: HashSet<&'static str>,
    /// See `org_heads`.
    pub months: HashSet<&'static str>,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lists, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(build)
}

fn plural(d: &str) -> Option<String> {
    if d.ends_with("ese") || d.ends_with("sh") || d.ends_with("ch") || d.ends_with('s') || d.ends_with("ss") {
        None
    } else if d.ends_with('i') || d.ends_with('n') || d.ends_with('e') || d.ends_with('k') || d.ends_with('t')
    {
        Some(format!("{d}s"))
    } else {
        None
    }
}

fn build() -> Gazetteer {
    let mut countries = Vec::new();
    let mut places = HashMap::default();
    let mut demonyms = HashMap::default();
    for line in lines(COUNTRIES) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or("");
        if name.is_empty() {
            continue;
        }
        let aliases = cols.next().unwrap_or("");
        let dems = cols.next().unwrap_or("");
        let idx = countries.len();
        countries.push(name);
        places.insert(name, PlaceKind::Country(idx));
        for a in aliases
            .split('|')
            .filter(|a| !a.is_empty() && !a.starts_with("the "))
        {
            places.entry(a).or_insert(PlaceKind::Country(idx));
        }
        for d in dems.split('|').filter(|d| !d.is_empty()) {
            // "Korean" is listed for both Koreas: keep the first.
            demonyms.entry(d.to_string()).or_insert(idx);
            if let Some(p) = plural(d) {
                demonyms.entry(p).or_insert(idx);
            }
        }
    }
    for line in lines(STATES) {
        let mut cols = line.split('\t');
        if let Some(name) = cols.next() {
            places.entry(name).or_insert(PlaceKind::State);
        }
        if let Some(ap) = cols.next().filter(|a| !a.is_empty()) {
            places.entry(ap).or_insert(PlaceKind::State);
        }
    }
    for line in lines(CITIES) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or("");
        let country = cols.next().and_then(|c| c.parse().ok());
        if let (false, Some(country)) = (name.is_empty(), country) {
            places.entry(name).or_insert(PlaceKind::City(country));
        }
    }
    let titles: HashSet<&'static str> = lines(TITLES).collect();
    let max_title_tokens = titles.iter().map(|t| t.split(' ').count()).max().unwrap_or(1);
    let mut known = HashMap::default();
    for line in lines(KNOWN) {
        let mut cols = line.split('\t');
        let (Some(name), Some(label)) = (cols.next(), cols.next()) else {
            continue;
        };
        let expansion = cols.next().filter(|e| !e.is_empty());
        known.insert(name, (label, expansion));
    }
    let orgs = lines(ORGANIZATIONS)
        .filter_map(|l| {
            let (name, kind) = l.split_once('\t')?;
            Some((name, OrgKind::parse(kind)?))
        })
        .collect();
    Gazetteer {
        orgs,
        countries,
        places,
        demonyms,
        groups: lines(GROUPS).collect(),
        first_names: lines(FIRST_NAMES).collect(),
        last_names: lines(LAST_NAMES).collect(),
        titles,
        max_title_tokens,
        common: lines(COMMON).collect(),
        known,
        org_heads: lexicon().words(List::OrgHead).collect(),
        place_heads: lexicon().words(List::PlaceHead).collect(),
        other_heads: lexicon().words(List::OtherHead).collect(),
        particles: lexicon().words(List::Particle).collect(),
        // Full month and weekday names (not abbreviations): a model feature.
        months: super::temporal::MONTHS[..super::temporal::FULL_MONTHS]
            .iter()
            .chain(super::temporal::DAYS)
            .copied()
            .collect(),
    }
}

impl Gazetteer {
    /// Is `word` (any case) a common lowercase English word?
    pub fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.common.contains(word);
        }
        self.common.contains(word.to_lowercase().as_str())
    }

    /// The country a demonym or group word belongs to, if it is a demonym.
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied()
    }

    /// The country a place (a country itself, a US state, a city) or a
    /// demonym ("Ukrainians") belongs to, by its exact surface form.
    pub fn country_of(&self, name: &str) -> Option<&'static str> {
        let index = match self.places.get(name) {
            Some(PlaceKind::Country(c) | PlaceKind::City(c)) => Some(*c),
            Some(PlaceKind::State) => self.countries.iter().position(|c| *c == "United States"),
            None => self.demonym(name),
        }?;
        self.countries.get(index).copied()
    }

    /// Is this surface form a demonym or a group word?
    pub fn is_group(&self, word: &str) -> bool {
        self.demonyms.contains_key(word) || self.groups.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_and_demonyms() {
        let g = gazetteer();
        let us = g.places.get("U.S.").copied();
        assert_eq!(us, g.places.get("United States").copied());
        assert!(matches!(us, Some(PlaceKind::Country(_))));
        let ua = g.demonym("Ukrainian").and_then(|i| g.countries.get(i).copied());
        assert_eq!(ua, Some("Ukraine"));
        assert_eq!(g.demonym("Ukrainians"), g.demonym("Ukrainian"));
        let nk = g
            .demonym("North Korean")
            .and_then(|i| g.countries.get(i).copied());
        assert_eq!(nk, Some("North Korea"));
        assert!(g.titles.contains("President") && g.titles.contains("Gen."));
        assert!(g.first_names.contains("Donald"));
        assert!(g.is_common("The") && g.is_common("according"));
        assert!(!g.is_common("Biden"));
        assert_eq!(g.places.get("Texas"), Some(&PlaceKind::State));
    }

    #[test]
    fn places_and_groups_know_their_country() {
        let g = gazetteer();
        assert_eq!(g.country_of("Kyiv"), Some("Ukraine"));
        assert_eq!(g.country_of("Mosul"), Some("Iraq"));
        assert_eq!(g.country_of("Texas"), Some("United States"));
        assert_eq!(g.country_of("U.S."), Some("United States"));
        assert_eq!(g.country_of("Russians"), Some("Russia"));
        assert_eq!(g.country_of("Biden"), None);
    }
}
