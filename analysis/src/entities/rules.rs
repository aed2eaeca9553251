//! Rule-based name finding: capitalized runs, sentence-initial handling,
//! title stripping, head words and gazetteers.

use std::ops::Range;

use super::gazetteer::{gazetteer, Gazetteer};
use super::token::{TokKind, Token};
use super::EntityKind;

/// A name found in a paragraph, as a token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// Tokens of the name.
    pub toks: Range<usize>,
    /// Its kind.
    pub kind: EntityKind,
    /// Backed by a gazetteer or a strong cue (a title, a head word).
    pub strong: bool,
}

/// Lowercase words that may join capitalized words inside a name.
pub const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von", "al", "bin",
    "ibn", "y", "zu", "&",
];

/// Words after which "of" continues a name ("University of Texas").
const OF_HEADS: &[&str] = &[
    "University",
    "Ministry",
    "Department",
    "Bank",
    "Institute",
    "Gulf",
    "Bay",
    "Republic",
    "Kingdom",
    "Sea",
    "Isle",
    "Isles",
    "Cape",
    "Lake",
    "Battle",
    "Church",
    "College",
    "School",
    "Museum",
    "Council",
    "Federation",
    "Union",
    "Academy",
    "Society",
    "Association",
    "Organization",
    "Organisation",
    "Office",
    "Court",
    "House",
    "Party",
    "Duke",
    "Earl",
    "Commonwealth",
    "Province",
    "State",
    "City",
    "County",
    "District",
    "Strait",
    "Straits",
    "Tower",
    "Palace",
    "Cathedral",
    "Order",
    "League",
    "Conference",
    "Treaty",
    "Declaration",
    "Chamber",
    "Board",
    "Commission",
    "Center",
    "Centre",
    "Faculty",
    "Hospital",
    "Islands",
    "Siege",
    "War",
    "Bill",
    "Act",
    "Charter",
    "Library",
    "Corps",
    "Knights",
    "Sisters",
    "Sons",
    "Friends",
    "Mouth",
    "Valley",
    "Plains",
    "Secretary",
    "Minister",
    "Army",
    "Navy",
    "Bureau",
    "Agency",
    "Committee",
    "Parliament",
    "Assembly",
    "Government",
    "Governor",
    "Mayor",
    "Emirate",
    "Principality",
    "Duchy",
    "Port",
    "Temple",
    "Mosque",
    "Festival",
    "Congress",
    "Division",
    "Brigade",
    "Regiment",
    "Fund",
    "Foundation",
    "Cup",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Bishop",
    "Archbishop",
    "Governorate",
    "Region",
    "Sultanate",
    "Statue",
    "Gospel",
    "Book",
    "Lord",
    "Lady",
    "Count",
    "Countess",
    "Baron",
    "Caliphate",
    "Peace",
    "Prize",
    "Museum",
    "Tomb",
    "Forces",
];

/// Last words that make a name an organization.
pub const ORG_HEADS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "plc",
    "GmbH",
    "AG",
    "SA",
    "S.A.",
    "N.V.",
    "Company",
    "Corporation",
    "Ministry",
    "University",
    "Party",
    "Forces",
    "Force",
    "Agency",
    "Army",
    "Navy",
    "Council",
    "Committee",
    "Bank",
    "Times",
    "Post",
    "Group",
    "Association",
    "Institute",
    "Commission",
    "Department",
    "Office",
    "Union",
    "Federation",
    "League",
    "Club",
    "Church",
    "College",
    "School",
    "Academy",
    "Court",
    "Parliament",
    "Assembly",
    "Foundation",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Holdings",
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Guard",
    "Service",
    "Services",
    "Network",
    "News",
    "Press",
    "Journal",
    "Magazine",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Systems",
    "Technologies",
    "Labs",
    "Society",
    "Organization",
    "Organisation",
    "Board",
    "Bureau",
    "Authority",
    "Front",
    "Movement",
    "Coalition",
    "Alliance",
    "Command",
    "Corps",
    "Fund",
    "Trust",
    "Hospital",
    "Team",
    "FC",
    "Government",
    "Administration",
    "Police",
    "Ministries",
    "Enterprises",
    "Partners",
    "Capital",
    "Media",
    "Broadcasting",
    "Radio",
    "Television",
    "TV",
    "Herald",
    "Gazette",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Observer",
    "Review",
    "Daily",
    "Weekly",
    "Orchestra",
    "Band",
    "Choir",
    "Brothers",
    "Bros.",
    "Railway",
    "Railways",
    "Pharmaceuticals",
    "Energy",
    "Oil",
    "Petroleum",
    "Electric",
    "Bancorp",
    "Securities",
    "Insurance",
    "Cabinet",
    "Senate",
    "Congress",
    "Secretariat",
    "Directorate",
    "Center",
    "Centre",
    "Consortium",
    "Conference",
    "Collective",
    "Brotherhood",
    "Fellowship",
];

/// Last words that make a name a place.
pub const PLACE_HEADS: &[&str] = &[
    "River",
    "Mountains",
    "Mountain",
    "Lake",
    "Sea",
    "Ocean",
    "Island",
    "Islands",
    "Valley",
    "Street",
    "Avenue",
    "Road",
    "Square",
    "Bridge",
    "Region",
    "Province",
    "County",
    "District",
    "Oblast",
    "Airport",
    "Park",
    "Peninsula",
    "Desert",
    "Gulf",
    "Bay",
    "Strait",
    "Canal",
    "Coast",
    "Hills",
    "Hill",
    "Heights",
    "Plateau",
    "Basin",
    "Falls",
    "Forest",
    "Harbor",
    "Harbour",
    "Beach",
    "Creek",
    "Canyon",
    "Glacier",
    "Volcano",
    "Boulevard",
    "Lane",
    "Highway",
    "Station",
    "Stadium",
    "Arena",
    "Castle",
    "Palace",
    "Tower",
    "Plaza",
    "Governorate",
    "Prefecture",
    "Territory",
    "Territories",
    "Republic",
    "Kingdom",
    "Emirate",
    "Peak",
    "Pass",
    "Delta",
    "Cape",
    "Township",
    "Village",
    "Town",
    "City",
    "Mount",
    "Range",
    "Archipelago",
    "Reservoir",
    "Brook",
    "Pond",
    "Dock",
    "Parish",
    "Marsh",
    "Lagoon",
    "Cove",
    "Fjord",
    "Inlet",
];

const PLACE_FIRST: &[&str] = &[
    "Mount", "Mt.", "Lake", "Gulf", "Cape", "Fort", "Port", "Saint", "St.", "San", "Santa", "Los", "Las",
    "Lake", "Isle", "Bay",
];

/// Last words of events, laws, awards and other names.
pub const OTHER_HEADS: &[&str] = &[
    "War",
    "Wars",
    "Cup",
    "Olympics",
    "Games",
    "Championship",
    "Championships",
    "Festival",
    "Award",
    "Awards",
    "Prize",
    "Medal",
    "Act",
    "Treaty",
    "Accord",
    "Accords",
    "Agreement",
    "Convention",
    "Summit",
    "Revolution",
    "Crisis",
    "Trophy",
    "Prix",
    "Open",
    "Series",
    "Tour",
    "Show",
    "Bill",
    "Doctrine",
    "Plan",
    "Protocol",
    "Declaration",
    "Initiative",
    "Program",
    "Programme",
    "Operation",
    "Massacre",
    "Uprising",
    "Offensive",
    "Election",
    "Elections",
    "Referendum",
    "Expo",
    "Marathon",
    "Day",
];

/// Names where a capitalized "The" belongs to the name.
const THE_NAMES: &[&str] = &[
    "New York Times",
    "Hague",
    "Guardian",
    "Times",
    "Economist",
    "Washington Post",
    "Wall Street Journal",
    "Beatles",
    "Independent",
    "Telegraph",
    "Atlantic",
    "New Yorker",
    "Observer",
    "Gambia",
    "Bahamas",
    "New York Post",
    "Hill",
    "Daily Telegraph",
    "Financial Times",
    "Sun",
    "Kyiv Independent",
    "Moscow Times",
    "Rolling Stones",
    "Who",
    "Doors",
];

const PLACE_PREPS: &[&str] = &[
    "in", "near", "outside", "across", "at", "from", "into", "toward", "towards",
];
const PLACE_NOUNS: &[&str] = &[
    "region", "oblast", "province", "district", "city", "county", "state", "area",
];

/// Is token `t` a capitalized word (a name candidate)?
pub fn is_cap_word(text: &str, t: &Token) -> bool {
    if t.kind != TokKind::Word {
        return false;
    }
    let s = text.get(t.span.clone()).unwrap_or("");
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => s != "I",
        // "iPhone", "eBay"
        Some(c) if c.is_lowercase() => cs.next().is_some_and(char::is_uppercase),
        _ => false,
    }
}

/// Finds names in the tokens of one paragraph.
pub fn find_names(text: &str, toks: &[Token]) -> Vec<NameSpan> {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| is_cap_word(text, t)) && !super::temporal::is_calendar_word(w(k))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        // Extend the run.
        let a = i;
        let mut b = i + 1;
        loop {
            if cap(b) && !toks.get(b).is_some_and(|t| t.sent_start) {
                b += 1;
            } else if (PARTICLES.contains(&w(b)) || (w(b) == "of" && OF_HEADS.contains(&w(b - 1))))
                && cap(b + 1)
            {
                b += 2;
            } else if w(b) == "of" && OF_HEADS.contains(&w(b - 1)) && w(b + 1) == "the" && cap(b + 2) {
                b += 3;
            } else {
                break;
            }
        }
        i = b;
        process_run(g, text, toks, a..b, &mut out);
    }
    out
}

fn process_run(g: &Gazetteer, text: &str, toks: &[Token], run: Range<usize>, out: &mut Vec<NameSpan>) {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let (mut a, b) = (run.start, run.end);
    // Sentence-initial common words ("According", "Officials", "The").
    while a < b && toks[a].sent_start {
        let word = w(a);
        let rest = join(text, toks, a + 1..b);
        if word == "The" && b > a + 1 && THE_NAMES.contains(&rest.as_str()) {
            break;
        }
        let known = g.first_names.contains(word)
            || g.places.contains_key(word)
            || g.is_group(word)
            || g.known.contains_key(word)
            || (b > a + 1 && g.places.contains_key(join(text, toks, a..b).as_str()));
        if g.is_common(word) && !known {
            a += 1;
        } else {
            break;
        }
    }
    // A capitalized "The" that is not part of the name.
    if a + 1 < b && w(a) == "The" {
        let rest = join(text, toks, a + 1..b);
        if !THE_NAMES.contains(&rest.as_str()) && (toks[a].sent_start || known_without_the(g, &rest)) {
            a += 1;
        }
    }
    if a >= b {
        return;
    }
    // Titles: "U.S. President Joe Biden" → "U.S." + "Joe Biden".
    let mut p = a;
    while p < b {
        let mut len = g.max_title_tokens.min(b - p);
        let mut found = 0;
        while len > 0 {
            if g.titles.contains(join(text, toks, p..p + len).as_str()) {
                found = len;
                break;
            }
            len -= 1;
        }
        if found > 0 {
            let rest = p + found..b;
            let name_follows = rest.start < b && {
                let first = w(rest.start);
                (!g.is_common(first) || g.first_names.contains(first)) && !g.org_heads.contains(first)
            };
            // "General Motors" and "Major League Baseball" are not a title
            // and a name.
            if name_follows || rest.start >= b {
                if p > a {
                    out.extend(classify(g, text, toks, a..p, false));
                }
                if name_follows {
                    out.extend(classify(g, text, toks, rest, true));
                }
                return;
            }
            break;
        }
        p += 1;
    }
    let titled = a > 0 && {
        let prev = w(a - 1);
        g.titles.contains(prev) || g.titles.contains(capitalize(prev).as_str())
    };
    out.extend(classify(g, text, toks, a..b, titled));
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn known_without_the(g: &Gazetteer, rest: &str) -> bool {
    g.places.contains_key(rest) || g.known.contains_key(rest)
}

/// The tokens of `r`, joined by single spaces.
pub fn join(text: &str, toks: &[Token], r: Range<usize>) -> String {
    let mut s = String::new();
    for t in toks.get(r).unwrap_or(&[]) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(text.get(t.span.clone()).unwrap_or(""));
    }
    s
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && s.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

fn kind_of_label(label: &str) -> Option<EntityKind> {
    EntityKind::from_str_opt(label)
}

/// Decides the kind of a capitalized run (after titles are stripped).
fn classify(g: &Gazetteer, text: &str, toks: &[Token], r: Range<usize>, titled: bool) -> Option<NameSpan> {
    if r.start >= r.end {
        return None;
    }
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let s = join(text, toks, r.clone());
    let n = r.end - r.start;
    let first = w(r.start);
    let last = w(r.end - 1);
    let span = |kind, strong| {
        Some(NameSpan {
            toks: r.clone(),
            kind,
            strong,
        })
    };
    if let Some(&(label, _)) = g.known.get(s.as_str()) {
        if let Some(kind) = kind_of_label(label) {
            if kind == EntityKind::Date {
                return None;
            }
            return span(kind, true);
        }
    }
    if g.places.contains_key(s.as_str()) {
        return span(EntityKind::Place, true);
    }
    if g.is_group(&s) {
        return span(EntityKind::Group, true);
    }
    // "Russian-backed", "U.S.-led"
    if n == 1 {
        if let Some((head, tail)) = s.split_once('-') {
            if tail.chars().next().is_some_and(char::is_lowercase) {
                if g.is_group(head) {
                    return span(EntityKind::Group, false);
                }
                if g.places.contains_key(head) {
                    return span(EntityKind::Place, false);
                }
            }
        }
    }
    if titled {
        return span(EntityKind::Person, true);
    }
    let has_of = (r.start..r.end).any(|k| w(k) == "of");
    if super::combine::is_team(g, text, toks, r.clone()) {
        return span(EntityKind::Organization, false);
    }
    if ORG_HEADS.contains(&last) || (has_of && ORG_HEADS.contains(&first)) {
        return span(EntityKind::Organization, true);
    }
    if n > 1 && (PLACE_HEADS.contains(&last) || PLACE_FIRST.contains(&first)) {
        return span(EntityKind::Place, true);
    }
    if n > 1 && OTHER_HEADS.contains(&last) {
        return span(EntityKind::Other, true);
    }
    let next = w(r.end);
    if PLACE_NOUNS.contains(&next) {
        return span(EntityKind::Place, false);
    }
    let initials = (r.start..r.end).any(|k| {
        let t = w(k);
        t.len() == 2 && t.ends_with('.') && t.starts_with(char::is_uppercase)
    });
    let last_common = g.is_common(last);
    if (2..=4).contains(&n) && !has_of && (g.first_names.contains(first) || initials) && !last_common {
        return span(EntityKind::Person, true);
    }
    if (2..=3).contains(&n) && !has_of && g.last_names.contains(last) && !g.is_common(first) {
        return span(EntityKind::Person, false);
    }
    if is_acronym(&s) {
        return span(EntityKind::Organization, false);
    }
    let prev = if r.start > 0 { w(r.start - 1) } else { "" };
    if n <= 2 && PLACE_PREPS.contains(&prev) {
        return span(EntityKind::Place, false);
    }
    if n == 1 {
        if g.last_names.contains(first) || g.first_names.contains(first) {
            return span(EntityKind::Person, false);
        }
        return span(EntityKind::Other, false);
    }
    if !has_of && (r.start..r.end).all(|k| !g.is_common(w(k))) {
        return span(EntityKind::Person, false);
    }
    span(EntityKind::Organization, false)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let toks = tokenize(text, 0..text.len());
        find_names(text, &toks)
            .into_iter()
            .map(|n| {
                let s = toks[n.toks.start].span.start;
                let e = toks[n.toks.end - 1].span.end;
                (text[s..e].to_string(), n.kind)
            })
            .collect()
    }

    #[test]
    fn titles_are_split_off() {
        use EntityKind::*;
        assert_eq!(
            names("U.S. President Joe Biden has authorized Ukraine to use long-range missiles ATACMS against targets in Russia."),
            [
                ("U.S.".to_string(), Place),
                ("Joe Biden".to_string(), Person),
                ("Ukraine".to_string(), Place),
                ("ATACMS".to_string(), Other),
                ("Russia".to_string(), Place)
            ]
        );
    }

    #[test]
    fn sentence_initial_words_and_the() {
        use EntityKind::*;
        let got = names("This was reported by The New York Times. As is known, The Pentagon is delaying. According to officials, Ukrainian forces in the Kursk region held.");
        assert_eq!(
            got,
            [
                ("The New York Times".to_string(), Organization),
                ("Pentagon".to_string(), Organization),
                ("Ukrainian".to_string(), Group),
                ("Kursk".to_string(), Place)
            ]
        );
    }

    #[test]
    fn org_heads_and_demonyms() {
        use EntityKind::*;
        let got = names(
            "In such a scenario, the Ukrainian Armed Forces could strike Russian and North Korean troops.",
        );
        assert_eq!(
            got,
            [
                ("Ukrainian Armed Forces".to_string(), Organization),
                ("Russian".to_string(), Group),
                ("North Korean".to_string(), Group)
            ]
        );
    }
}
