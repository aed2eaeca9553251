//! Combines the statistical tagger with the rules: the tagger finds and
//! types names; gazetteers and hand lists correct well-known names; titles,
//! offices ("Secretary of | Defense") and a leading lowercase "the" are
//! trimmed; names cut short are completed (head words, ordinals of military
//! units, "Battle of", designations, Arabic-article surnames); lone titles
//! and organization words are dropped; confident rule names the tagger
//! missed are added. Document-level passes: [`propagate`] (a name found
//! once is a name elsewhere), [`drop_list_labels`] ("Milepost 4.4:") and
//! [`join_laws`] ("Security Council Resolution 2328").

use super::features::TokInfo;
use super::gazetteer::{gazetteer, PlaceKind};
use super::rules::{join, NameSpan};
use super::tagger::Model;
use super::token::{TokKind, Token};
use std::collections::HashMap;
use std::ops::Range;

use super::rules::is_cap_word;
use super::EntityKind;

/// Names of one paragraph from the tagger, corrected and completed by the
/// rule names `rules`.
pub fn combine(
    text: &str,
    toks: &[Token],
    infos: &[TokInfo],
    model: &Model,
    rules: Vec<NameSpan>,
) -> Vec<NameSpan> {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let article_surname_at =
        |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word) && is_article_surname(w(k));
    let mut out: Vec<NameSpan> = Vec::new();
    for (mut r, mut ty) in model.tag(infos) {
        // Titles and lowercase words ("the", "invasion of") are not part of
        // a name; name particles are ("de Gaulle", "van Gogh").
        while r.end - r.start > 1
            && (g.titles.contains(w(r.start))
                || (toks.get(r.start).is_some_and(|t| t.kind == TokKind::Word)
                    && w(r.start).chars().all(char::is_lowercase)
                    && !g.particles.contains(w(r.start))))
        {
            r.start += 1;
        }
        while r.end > r.start && toks.get(r.end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
            r.end -= 1;
        }
        while r.end > r.start && toks.get(r.start).is_some_and(|t| t.kind == TokKind::Punct) {
            r.start += 1;
        }
        // A name does not end in a lowercase word ("Union | army",
        // "Liberal | caucus"), unless the word names events, eras or
        // features ("2019 BRICS summit", "Yuan dynasty", "Jaffna peninsula").
        while r.end - r.start > 1
            && toks.get(r.end - 1).is_some_and(|t| {
                t.kind == TokKind::Word
                    && w(r.end - 1).chars().next().is_some_and(char::is_lowercase)
                    && !LOWERCASE_HEADS.contains(&w(r.end - 1))
            })
        {
            r.end -= 1;
        }
        // A quote mark inside ends the name: `Ismael | "El Mayo" Zambada`
        // (see `join_nicknames`).
        if let Some(q) = (r.start + 1..r.end).find(|&k| matches!(w(k), "\"" | "“" | "”")) {
            r.end = q;
        }
        // Where the previous name ends: this one may not reach back over it.
        let free_from = out.last().map_or(0, |o| o.toks.end);
        if r.start >= r.end || r.start < free_from {
            continue;
        }
        // A title word before an organization word is part of an
        // organization's name: "Major | League Baseball", "General | Motors".
        let titled_org = r.start > free_from
            && g.titles.contains(w(r.start - 1))
            && toks.get(r.start - 1).is_some_and(|t| is_cap_word(text, t))
            && g.org_heads.contains(w(r.start));
        if titled_org {
            r.start -= 1;
        }
        // A name has a capitalized word or a number: "eastern" in "eastern
        // Ukraine" or "photosynthesis" is not one.
        if !toks.get(r.clone()).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.kind == TokKind::Number || is_cap_word(text, t))
        }) {
            continue;
        }
        // "Secretary of | Defense Ash Carter", "Minister of | Foreign Affairs
        // Sergei Lavrov": an office after a title and "of", then a person.
        if r.start >= 2 && w(r.start - 1) == "of" && g.titles.contains(w(r.start - 2)) {
            let mut k = r.start;
            while k < r.end && k < r.start + 3 && OFFICES.contains(&w(k)) {
                k += 1;
            }
            if k > r.start && k < r.end && toks.get(k).is_some_and(|t| is_cap_word(text, t)) {
                r.start = k;
                ty = 1;
            }
        }
        // A name cut short before its head word ("Lindsey Air | Station",
        // "Cesaroni | Design Associates"): extend it over up to two more
        // capitalized words ending in an organization, place or other head.
        let mut head_kind = None;
        for k in 0..2 {
            let e = r.end + k;
            let Some(t) = toks.get(e) else { break };
            if !is_cap_word(text, t) || t.kind != TokKind::Word {
                break;
            }
            if let Some(hk) = head(g, w(e)) {
                r.end = e + 1;
                head_kind = Some(hk);
                break;
            }
        }
        // "Battle of | Fredericksburg", "Siege of | Petersburg": an event
        // named after a place; "F-104 | Starfighter": a designation and
        // the system's name.
        let mut event = false;
        if r.start >= 2 + free_from && w(r.start - 1) == "of" && EVENT_OF.contains(&w(r.start - 2)) {
            r.start -= 2;
            event = true;
        } else if r.start > free_from && is_designation(w(r.start - 1)) {
            r.start -= 1;
            event = true;
        } else if r.end - r.start > 1 && is_designation(w(r.start)) {
            // "P-51 Mustang" tagged whole.
            event = true;
        }
        // "F-100 Super | Sabre": the system's name goes on.
        if event && is_designation(w(r.start)) {
            // Every name before this one ends before it starts.
            r.end = weapon_name_end(text, toks, r.clone(), |_| true);
        }
        // "Second | Battle of Bull Run": the ordinal of an event.
        if r.start > free_from && EVENT_OF.contains(&w(r.start)) && is_ordinal(w(r.start - 1)) {
            r.start -= 1;
        }
        // "Immigration Act | of 1924": a law and its year.
        if matches!(w(r.end - 1), "Act" | "Acts")
            && w(r.end) == "of"
            && toks.get(r.end + 1).is_some_and(|t| t.kind == TokKind::Number)
            && w(r.end + 1).len() == 4
            && w(r.end + 1).bytes().all(|b| b.is_ascii_digit())
        {
            r.end += 2;
            event = true;
        }
        // "Haider | al-Abadi", "Bashar | al-Assad": a surname with the Arabic
        // article (not a capitalized word, so the tagger stops before it).
        if ty == 1 && article_surname_at(r.end) {
            r.end += 1;
        }
        let mut unit = false;
        // A numbered military unit: "65th Air Division", "IV Corps",
        // "155th Mechanized Brigade": the number and the
        // capitalized words before the unit word belong to the name.
        if MILITARY_UNITS.contains(&w(r.end - 1)) {
            let mut k = r.start;
            while k > free_from
                && r.start - k < 3
                && toks
                    .get(k - 1)
                    .is_some_and(|t| is_cap_word(text, t) && !t.sent_start)
                && !is_ordinal(w(k - 1))
            {
                k -= 1;
            }
            if k > free_from && is_ordinal(w(k - 1)) {
                r.start = k - 1;
                unit = true;
            }
        }
        let s = join(text, toks, r.clone());
        let mut strong = false;
        let mut kind = match ty {
            // A "person" ending in an organization, place or event word is
            // not a person ("Bowling Green Falcons" aside, "X Records",
            // "X Station", "X Award").
            1 => match head_kind.or_else(|| (r.end - r.start > 1).then(|| head(g, w(r.end - 1))).flatten()) {
                Some(k) => k,
                None => EntityKind::Person,
            },
            _ if head_kind.is_some() => head_kind.unwrap_or(EntityKind::Other),
            2 => EntityKind::Organization,
            3 => EntityKind::Place,
            _ => {
                if g.is_group(&s)
                    || (r.end - r.start == 1 && s.split('-').next().is_some_and(|h| g.is_group(h)))
                {
                    EntityKind::Group
                } else {
                    EntityKind::Other
                }
            }
        };
        if event {
            kind = EntityKind::Other;
        }
        if unit || titled_org {
            kind = EntityKind::Organization;
        }
        // A place or other name ending in an organization word is an
        // organization ("Montreal Hockey Club", "Dover Area School Board").
        if r.end - r.start > 1
            && matches!(kind, EntityKind::Place | EntityKind::Other)
            && g.org_heads.contains(w(r.end - 1))
        {
            kind = EntityKind::Organization;
        }
        // A lone title is not a name ("the 2nd Bishop of ..."), nor is a
        // lone organization word ("the Institute", "the Division"), except
        // those that name one body in context ("the Coalition", "Congress").
        if r.end - r.start == 1
            && (g.titles.contains(s.as_str())
                || is_common_abbreviation(&s)
                || (kind == EntityKind::Organization
                    && g.org_heads.contains(s.as_str())
                    && !LONE_ORGS.contains(&s.as_str())))
        {
            continue;
        }
        // A known city or state that is no one's name is a place, whatever
        // the tagger thought ("Montreal", "Arkansas"; not "Washington").
        if kind == EntityKind::Person
            && matches!(
                g.places.get(s.as_str()),
                Some(PlaceKind::City(_) | PlaceKind::State)
            )
            && !s
                .split(' ')
                .any(|p| g.first_names.contains(p) || g.last_names.contains(p))
        {
            kind = EntityKind::Place;
        }
        // "Boston Braves", "Jacksonville Suns": a place followed by a
        // capitalized plural that is no place word is a sports team.
        if kind != EntityKind::Organization && is_team(g, text, toks, r.clone()) {
            kind = EntityKind::Organization;
        }
        // "Tuesdays" is a date.
        if super::temporal::is_weekdays(&s) {
            continue;
        }
        if let Some(k) = g
            .known
            .get(s.as_str())
            .and_then(|k| EntityKind::from_str_opt(k.0))
        {
            if matches!(k, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            kind = k;
            strong = true;
        } else if matches!(g.places.get(s.as_str()), Some(PlaceKind::Country(_))) {
            kind = EntityKind::Place;
            strong = true;
        } else if g.demonyms.contains_key(s.as_str()) {
            kind = EntityKind::Group;
            strong = true;
        }
        // Two people side by side are one person the tagger split:
        // "Secretary of Defense Ash | Carter".
        if let Some(last) = out.last_mut() {
            if kind == EntityKind::Person && last.kind == EntityKind::Person && last.toks.end == r.start {
                last.toks.end = r.end;
                last.strong |= strong;
                continue;
            }
        }
        out.push(NameSpan {
            toks: r,
            kind,
            strong,
        });
    }
    // Which name covers each token (`NONE` for none), kept up to date as
    // names are added and dropped: every overlap test is a lookup.
    const NONE: usize = usize::MAX;
    let mut owner = vec![NONE; toks.len()];
    for (i, o) in out.iter().enumerate() {
        for c in owner.get_mut(o.toks.clone()).into_iter().flatten() {
            *c = i;
        }
    }
    let mut dropped = vec![false; out.len()];
    // A designation and a capitalized word the tagger did not see: a
    // weapon or a machine ("F-105 Thunderchief", "F-100 Super Sabre").
    for k in 0..toks.len().saturating_sub(1) {
        if is_designation(w(k))
            && toks
                .get(k + 1)
                .is_some_and(|t| is_cap_word(text, t) && !t.sent_start)
            && !g.is_common(w(k + 1))
            && owner.get(k..k + 2).is_some_and(|o| o.iter().all(|&c| c == NONE))
        {
            // A lone weak name in the way is taken in ("Super | Sabre").
            let end = weapon_name_end(text, toks, k..k + 2, |e| match owner.get(e).copied() {
                Some(NONE) => true,
                Some(i) if out.get(i).is_some_and(|o| o.toks == (e..e + 1) && !o.strong) => {
                    if let Some(d) = dropped.get_mut(i) {
                        *d = true;
                    }
                    true
                }
                _ => false,
            });
            for c in owner.get_mut(k..end).into_iter().flatten() {
                *c = out.len();
            }
            out.push(NameSpan {
                toks: k..end,
                kind: EntityKind::Other,
                strong: true,
            });
            dropped.push(false);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !dropped.get(i - 1).copied().unwrap_or(false)
    });
    // Confident rule names the tagger did not see at all.
    for mut n in rules {
        // "Haider | al-Abadi", as for tagged names.
        if n.kind == EntityKind::Person && article_surname_at(n.toks.end) {
            n.toks.end += 1;
        }
        let lone_org_word = n.toks.end - n.toks.start == 1 && {
            let s = w(n.toks.start);
            (g.org_heads.contains(s) && !LONE_ORGS.contains(&s)) || is_common_abbreviation(s)
        };
        if !n.strong || lone_org_word {
            continue;
        }
        let overlaps = owner.get(n.toks.clone()).is_some_and(|o| {
            o.iter()
                .any(|&c| c != NONE && !dropped.get(c).copied().unwrap_or(true))
        });
        if !overlaps {
            out.push(n);
        }
    }
    out.sort_by_key(|n| n.toks.start);
    out
}

/// Where the name of a weapon or machine that starts at `r` (a designation
/// and what follows it) ends: over up to four words in all, capitalized and
/// inside the sentence, while `take(k)` says token `k` is free (or frees
/// it: a one-word name the tagger cut off, "F-100 Super | Sabre").
fn weapon_name_end(
    text: &str,
    toks: &[Token],
    r: Range<usize>,
    mut take: impl FnMut(usize) -> bool,
) -> usize {
    let mut end = r.end;
    while end < r.start + 4
        && toks
            .get(end)
            .is_some_and(|t| is_cap_word(text, t) && !t.sent_start)
        && take(end)
    {
        end += 1;
    }
    end
}

/// A surname with the Arabic article: "al-Abadi", "el-Sisi", "as-Sadr".
pub fn is_article_surname(word: &str) -> bool {
    let Some((article, name)) = word.split_once('-') else {
        return false;
    };
    matches!(
        article,
        "al" | "el" | "as" | "ash" | "ad" | "az" | "ar" | "an" | "at"
    ) && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().count() >= 2
        && !name.contains('-')
}

/// Abbreviations of common nouns, in capitals but not names: "CEO", "TV",
/// "GDP", "UAVs", "PhD".
fn is_common_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "TV", "DNA", "RNA", "PhD", "MD", "MBA", "EP", "LP", "CD",
        "DVD", "DJ", "MC", "UAV", "GPS", "MRI", "PC", "ID", "VIP", "SUV", "ATM", "FAQ", "USB", "IQ", "HR",
        "KO", "MVP", "BMX", "SWAT", "LLC", "IPO", "ICBM", "MP", "MPP", "RPG", "POW", "IED",
    ];
    ABBREVIATIONS.contains(&word) || word.strip_suffix('s').is_some_and(|w| ABBREVIATIONS.contains(&w))
}

/// Organization words that name one body when they stand alone.
const LONE_ORGS: &[&str] = &[
    "Coalition",
    "Congress",
    "Senate",
    "Parliament",
    "League",
    "Guard",
    "Army",
    "Navy",
    "Union",
    "Movement",
];

/// Words naming a government office after "Secretary of", "Minister of".
const OFFICES: &[&str] = &[
    "Defense",
    "Defence",
    "State",
    "Foreign",
    "Interior",
    "Energy",
    "Health",
    "Justice",
    "Treasury",
    "Commerce",
    "Labor",
    "Labour",
    "Education",
    "Agriculture",
    "Transportation",
    "Transport",
    "Homeland",
    "Veterans",
    "War",
    "Finance",
    "Economy",
    "Trade",
    "Environment",
    "Culture",
    "Affairs",
    "Security",
    "Home",
    "Housing",
    "Navy",
    "Army",
    "Air",
    "Force",
];

/// Last words of military units.
const MILITARY_UNITS: &[&str] = &[
    "Division",
    "Corps",
    "Brigade",
    "Battalion",
    "Regiment",
    "Wing",
    "Squadron",
    "Fleet",
    "Army",
    "Command",
    "Force",
    "Flotilla",
    "Company",
    "Infantry",
    "Artillery",
    "Cavalry",
];

/// An ordinal: "65th", "2nd", "102d", "IV", "Fourth".
fn is_ordinal(word: &str) -> bool {
    const SPELLED: &[&str] = &[
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth",
    ];
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 4 {
        let rest = &word[digits..];
        // A bare number is a count more often than a unit ("300 Army
        // officers"), so it needs its suffix.
        return matches!(rest, "st" | "nd" | "rd" | "th" | "d");
    }
    SPELLED.contains(&word)
        || (word.len() <= 5
            && word != "I"
            && word != "V"
            && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L')))
}

/// Capitalized words that name an event or treaty after "of" and a place
/// or person ("Battle of Gettysburg", "Treaty of Versailles").
const EVENT_OF: &[&str] = &[
    "Battle",
    "Siege",
    "Treaty",
    "Sack",
    "Massacre",
    "Capture",
    "Liberation",
    "Bombing",
    "Declaration",
    "Congress",
    "Peace",
    "Partition",
    "Raid",
];

/// A military or product designation: letters, a hyphen, digits ("F-16",
/// "EF-111", "T-72", "Su-27", "S-400").
pub fn is_designation(word: &str) -> bool {
    let Some((letters, digits)) = word.split_once('-') else {
        return false;
    };
    let digits = digits.trim_end_matches(|c: char| c.is_ascii_uppercase());
    (1..=4).contains(&letters.len())
        && letters.starts_with(|c: char| c.is_ascii_uppercase())
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && (1..=4).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// Plurals that follow a place name without making a team: places
/// ("Colorado Springs", "Grand Rapids") and events ("Beijing Games").
const NOT_TEAMS: &[&str] = &[
    "Springs",
    "Rapids",
    "Keys",
    "Plains",
    "Lakes",
    "Gardens",
    "Woods",
    "Isles",
    "Sands",
    "Flats",
    "Highlands",
    "Lowlands",
    "Downs",
    "Cliffs",
    "Banks",
    "Shoals",
    "Dunes",
    "Meadows",
    "Pines",
    "Oaks",
    "Palms",
    "Games",
    "Olympics",
    "Championships",
    "Awards",
    "Elections",
    "Talks",
    "Accords",
    "Agreements",
    "Riots",
    "Wars",
    "Trials",
    "Protests",
    "Attacks",
    "Bombings",
    "Floods",
];

/// Lowercase last words a name may keep: events, eras, awards and features.
const LOWERCASE_HEADS: &[&str] = &[
    "summit",
    "dynasty",
    "empire",
    "era",
    "peninsula",
    "award",
    "awards",
    "prize",
    "campaign",
    "festival",
    "championship",
    "war",
    "massacre",
    "uprising",
    "protests",
];

/// Is the run a team name: a known place ("Boston", "New York", "Texas")
/// then a capitalized plural ("Braves", "Yankees"), maybe after another
/// capitalized word ("Blue Jays"), that is not a place, organization or
/// group word ("Springs", "Islands", "Americans")?
pub fn is_team(g: &super::gazetteer::Gazetteer, text: &str, toks: &[Token], r: Range<usize>) -> bool {
    if r.end - r.start < 2 {
        return false;
    }
    let Some(last) = toks.get(r.end - 1).and_then(|t| text.get(t.span.clone())) else {
        return false;
    };
    let plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).all(char::is_lowercase);
    if !plural
        || NOT_TEAMS.contains(&last)
        || head(g, last).is_some()
        || g.is_group(last)
        || g.places.contains_key(last)
    {
        return false;
    }
    // "Boston Braves", or a two-word nickname: "Toronto Blue Jays".
    let place = join(text, toks, r.start..r.end - 1);
    if g.places.contains_key(place.as_str()) {
        return true;
    }
    let middle = toks
        .get(r.end - 2)
        .and_then(|t| text.get(t.span.clone()))
        .unwrap_or("");
    r.end - r.start >= 3
        && middle.chars().next().is_some_and(char::is_uppercase)
        && middle.chars().skip(1).all(char::is_lowercase)
        && g.places
            .contains_key(join(text, toks, r.start..r.end - 2).as_str())
}

/// The kind a head word gives to a name ending in it ("Records",
/// "Station", "Award").
fn head(g: &super::gazetteer::Gazetteer, word: &str) -> Option<EntityKind> {
    if g.org_heads.contains(word) {
        Some(EntityKind::Organization)
    } else if g.place_heads.contains(word) {
        Some(EntityKind::Place)
    } else if g.other_heads.contains(word) {
        Some(EntityKind::Other)
    } else {
        None
    }
}

/// Common nouns that say what a name is, in a description ("a town in",
/// "a band called").
const NOUNS: &[(&str, EntityKind)] = &[
    ("village", EntityKind::Place),
    ("town", EntityKind::Place),
    ("city", EntityKind::Place),
    ("hamlet", EntityKind::Place),
    ("municipality", EntityKind::Place),
    ("parish", EntityKind::Place),
    ("commune", EntityKind::Place),
    ("suburb", EntityKind::Place),
    ("settlement", EntityKind::Place),
    ("township", EntityKind::Place),
    ("river", EntityKind::Place),
    ("lake", EntityKind::Place),
    ("mountain", EntityKind::Place),
    ("island", EntityKind::Place),
    ("port", EntityKind::Place),
    ("capital", EntityKind::Place),
    ("company", EntityKind::Organization),
    ("manufacturer", EntityKind::Organization),
    ("corporation", EntityKind::Organization),
    ("firm", EntityKind::Organization),
    ("retailer", EntityKind::Organization),
    ("airline", EntityKind::Organization),
    ("publisher", EntityKind::Organization),
    ("broadcaster", EntityKind::Organization),
    ("newspaper", EntityKind::Organization),
    ("band", EntityKind::Organization),
    ("duo", EntityKind::Organization),
    ("trio", EntityKind::Organization),
    ("quartet", EntityKind::Organization),
    ("orchestra", EntityKind::Organization),
    ("label", EntityKind::Organization),
    ("club", EntityKind::Organization),
    ("charity", EntityKind::Organization),
    ("nonprofit", EntityKind::Organization),
    ("album", EntityKind::Other),
    ("single", EntityKind::Other),
    ("song", EntityKind::Other),
    ("film", EntityKind::Other),
    ("movie", EntityKind::Other),
    ("novel", EntityKind::Other),
    ("sitcom", EntityKind::Other),
    ("opera", EntityKind::Other),
    ("musical", EntityKind::Other),
];

/// Document-level: a name described by a common noun takes the noun's kind,
/// everywhere in the document. A settlement or a natural feature is a place
/// ("Aisby is a village in ...", "Pokrovsk, a key logistics town in eastern
/// Ukraine, ..."); a company, a band or a club is an organization ("Caloi is
/// a major Brazilian manufacturer of bicycles"); an album, a film or a novel
/// is another name ("Kid A is the fourth album by ..."). The description is
/// ", a" / "is a" / "was the" and so on, then up to three lowercase words or
/// demonyms, then the noun and a word that ends the noun phrase ("in",
/// "of", "from", "based", a comma ...), so that "Smith, a company
/// spokesman" describes nobody.
pub fn kinds_by_description(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    use EntityKind::Place;
    /// Words that may follow a place noun.
    const AFTER_PLACE: &[&str] = &["in", "of", "near", "on"];
    /// Words that may follow any other noun.
    const AFTER: &[&str] = &[
        "in",
        "of",
        "from",
        "on",
        "by",
        "based",
        "headquartered",
        "founded",
        "formed",
        "released",
        "written",
        "directed",
        "that",
        "which",
        "with",
        "and",
        "for",
        ",",
        ".",
        ";",
    ];
    let g = gazetteer();
    // The first description of each name wins.
    let mut described: HashMap<String, EntityKind> = HashMap::new();
    for (toks, names) in all_toks.iter().zip(all_names.iter()) {
        let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
        for n in names {
            let mut k = n.toks.end;
            if !matches!(w(k), "," | "is" | "was") || !matches!(w(k + 1), "a" | "an" | "the") {
                continue;
            }
            k += 2;
            let mut hit = None;
            for _ in 0..4 {
                let word = w(k);
                if let Some(&(_, kind)) = NOUNS.iter().find(|(noun, _)| *noun == word) {
                    let after = if kind == Place { AFTER_PLACE } else { AFTER };
                    if after.contains(&w(k + 1)) {
                        hit = Some(kind);
                    }
                    break;
                }
                let lower = !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-');
                if !(lower || g.demonym(word).is_some()) {
                    break;
                }
                k += 1;
            }
            match hit {
                // A strong name keeps its kind, unless it is a place.
                Some(kind) if !n.strong || (kind == Place && n.kind == Place) => {
                    described
                        .entry(join(text, toks, n.toks.clone()).to_lowercase())
                        .or_insert(kind);
                }
                _ => {}
            }
        }
    }
    if described.is_empty() {
        return;
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        for n in names.iter_mut() {
            if n.strong {
                continue;
            }
            let s = join(text, toks, n.toks.clone()).to_lowercase();
            if let Some(&kind) = described.get(&s) {
                n.kind = kind;
                // Not a surname to merge into a person ("Luigi Caloi").
                n.strong = kind != Place;
            }
        }
    }
}

/// Puts the names `new` (sorted, disjoint) into the sorted, disjoint
/// `names`, dropping every name one of them overlaps; linear in both.
fn splice(names: &mut Vec<NameSpan>, new: Vec<NameSpan>) {
    if new.is_empty() {
        return;
    }
    let old = std::mem::take(names);
    // (name, is new)
    let mut out: Vec<(NameSpan, bool)> = Vec::with_capacity(old.len() + new.len());
    let mut new = new.into_iter().peekable();
    let push_new = |out: &mut Vec<(NameSpan, bool)>, r: NameSpan| {
        while out
            .last()
            .is_some_and(|(o, is_new)| !is_new && o.toks.end > r.toks.start)
        {
            out.pop();
        }
        out.push((r, true));
    };
    for n in old {
        while let Some(r) = new.next_if(|r| r.toks.start < n.toks.end) {
            push_new(&mut out, r);
        }
        if out
            .last()
            .is_some_and(|(o, is_new)| *is_new && o.toks.end > n.toks.start)
        {
            continue;
        }
        out.push((n, false));
    }
    for r in new {
        push_new(&mut out, r);
    }
    *names = out.into_iter().map(|(n, _)| n).collect();
}

/// The index of the first name of sorted `names` starting at or after token `k`.
fn first_from(names: &[NameSpan], k: usize) -> usize {
    names.partition_point(|n| n.toks.start < k)
}

/// A nickname in quotes between a person's first and last names is part of
/// the name: `Joaquín "El Chapo" Guzmán`, `Harold "Junior" Theriault`.
/// `names` is sorted.
pub fn join_nicknames(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut new = Vec::new();
    let mut i = 0;
    while let Some(a) = names.get(i) {
        let open = a.toks.end;
        if a.kind != EntityKind::Person || !matches!(w(open), "\"" | "“") {
            i += 1;
            continue;
        }
        // One to three capitalized words, the closing quote, then a
        // capitalized word.
        let mut close = open + 1;
        while close < open + 4 && toks.get(close).is_some_and(|t| is_cap_word(text, t)) {
            close += 1;
        }
        let last = close + 1;
        if close == open + 1
            || !matches!(w(close), "\"" | "”")
            || !toks.get(last).is_some_and(|t| is_cap_word(text, t))
        {
            i += 1;
            continue;
        }
        // The surname: the name starting there, or that one word.
        let end = names
            .get(first_from(names, last))
            .filter(|n| n.toks.start == last)
            .map_or(last + 1, |n| n.toks.end);
        new.push(NameSpan {
            toks: a.toks.start..end,
            kind: EntityKind::Person,
            strong: true,
        });
        i = first_from(names, end);
    }
    splice(names, new);
}

/// A title in quotes is another name (a work): `the single "Rock Out"`,
/// `a cover of "Stronger"`, `"Cancer for the Cure" is a single`. The quoted
/// words are in title case (small words aside) and a cue says what they
/// name: a work noun or "called", "titled" just before, the next item of
/// a list of quoted titles, or "is a ... song" after. Quoted speech has
/// lowercase words and no such cue. `names` is sorted.
pub fn quoted_titles(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    const CUES: &[&str] = &[
        "song", "songs", "single", "singles", "album", "albums", "track", "tracks", "film", "films", "movie",
        "book", "books", "novel", "poem", "poems", "show", "series", "episode", "play", "opera", "musical",
        "video", "hit", "hits", "anthem", "ballad", "record", "EP", "called", "titled", "entitled", "named",
        "dubbed", "cover",
    ];
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "as", "is",
    ];
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let is_open = |k: usize| matches!(w(k), "\"" | "“");
    let is_close = |k: usize| matches!(w(k), "\"" | "”");
    let mut new = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !is_open(k) {
            k += 1;
            continue;
        }
        let Some(close) = (k + 1..toks.len().min(k + 11)).find(|&c| is_close(c)) else {
            k += 1;
            continue;
        };
        // The title, without a comma or period before the closing quote.
        let mut end = close;
        while end > k + 1 && matches!(w(end - 1), "," | ".") {
            end -= 1;
        }
        let inner = k + 1..end;
        let title_case = !inner.is_empty()
            && toks
                .get(k + 1)
                .is_some_and(|t| is_cap_word(text, t) || t.kind == TokKind::Number)
            && inner.clone().all(|i| match toks.get(i) {
                Some(t) if t.kind == TokKind::Word => is_cap_word(text, t) || SMALL.contains(&w(i)),
                Some(t) if t.kind == TokKind::Number => true,
                _ => matches!(w(i), "!" | "?" | "&" | "'" | "’" | "-" | ":"),
            });
        if !title_case {
            k = close;
            continue;
        }
        let before = |d: usize| k.checked_sub(d).map_or("", w);
        let cue_before = CUES.contains(&before(1))
            || (matches!(before(1), "the" | "a" | "an" | "his" | "her" | "their" | "its") && CUES.contains(&before(2)))
            // The next item of a list of quoted titles: `"A", "B" and "C"`.
            || (matches!(before(1), "," | "and" | "or" | "/")
                && (k >= 2 && is_close(k - 2) || (before(1) == "," && k >= 3 && is_close(k - 3))));
        let cue_after =
            matches!(w(close + 1), "is" | "was") && (close + 2..close + 6).any(|i| CUES.contains(&w(i)));
        if !(cue_before || cue_after) {
            k = close;
            continue;
        }
        // `a band called "X"`, `a town named "X"`: what the noun says.
        let kind = if matches!(before(1), "called" | "named" | "dubbed") {
            [before(2), before(3)]
                .iter()
                .find_map(|b| NOUNS.iter().find(|(n, _)| n == b).map(|&(_, kind)| kind))
                .unwrap_or(EntityKind::Other)
        } else {
            EntityKind::Other
        };
        new.push(NameSpan {
            toks: k + 1..end,
            kind,
            strong: true,
        });
        k = close + 1;
    }
    splice(names, new);
}

/// An organization named with "and": "Franklin and Megantic Railway"
/// (a capitalized name, "and", a name ending in an organization word),
/// "Department of Physics and Astronomy" (an organization "X of Y", "and",
/// one or two capitalized words the lists do not know, then no more). A
/// known place, organization or demonym on either side is a list instead:
/// "Russia and Wagner Group", "Reform Party of Canada and Canadian Alliance". `names` is sorted.
pub fn join_conjoined_orgs(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let known = |r: Range<usize>| {
        let s = join(text, toks, r);
        g.places.contains_key(s.as_str()) || g.known.contains_key(s.as_str())
    };
    let mut new = Vec::new();
    let mut i = 0;
    while let Some(a) = names.get(i) {
        let and = a.toks.end;
        if a.strong || w(and) != "and" || known(a.toks.clone()) {
            i += 1;
            continue;
        }
        let next = names.get(i + 1).filter(|b| b.toks.start == and + 1);
        let end = match next {
            // "Franklin and | Megantic Railway"
            Some(b)
                if !b.strong
                    && b.kind == EntityKind::Organization
                    && g.org_heads.contains(b.toks.end.checked_sub(1).map_or("", w))
                    && !a.toks.clone().any(|k| g.org_heads.contains(w(k))) =>
            {
                Some(b.toks.end)
            }
            // "Department of Natural Resources and | Mines"
            _ if a.kind == EntityKind::Organization && a.toks.clone().any(|k| w(k) == "of") => {
                let mut e = and + 1;
                while e < and + 3 && toks.get(e).is_some_and(|t| is_cap_word(text, t)) {
                    e += 1;
                }
                let free = names.get(i + 1).is_none_or(|b| b.toks.start >= e || !b.strong);
                let stops = !toks.get(e).is_some_and(|t| is_cap_word(text, t));
                let demonym = g.demonym(w(and + 1)).is_some();
                (e > and + 1 && stops && free && !demonym && !known(and + 1..e)).then_some(e)
            }
            _ => None,
        };
        let Some(end) = end else {
            i += 1;
            continue;
        };
        new.push(NameSpan {
            toks: a.toks.start..end,
            kind: EntityKind::Organization,
            strong: false,
        });
        i = first_from(names, end);
    }
    splice(names, new);
}

/// "Washington, D.C." is one place. `names` is sorted.
pub fn join_washington_dc(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut new = Vec::new();
    let mut i = 0;
    while let (Some(a), Some(b)) = (names.get(i), names.get(i + 1)) {
        if a.toks.end.checked_sub(1).map_or("", w) == "Washington"
            && w(a.toks.end) == ","
            && b.toks.start == a.toks.end + 1
            && b.toks.end == b.toks.start + 1
            && matches!(w(b.toks.start), "D.C." | "DC")
        {
            new.push(NameSpan {
                toks: a.toks.start..b.toks.end,
                kind: EntityKind::Place,
                strong: true,
            });
            i += 2;
        } else {
            i += 1;
        }
    }
    splice(names, new);
}

/// Numbered resolutions are laws (other names), number included:
/// "Resolution 2328"; an organization right before one issued it and is part
/// of the name: "Security Council Resolution 2328". `names` is sorted.
pub fn join_laws(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    const NONE: usize = usize::MAX;
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    // Which name covers each token; names dropped; names added.
    let mut owner = vec![NONE; toks.len()];
    for (i, n) in names.iter().enumerate() {
        for c in owner.get_mut(n.toks.clone()).into_iter().flatten() {
            *c = i;
        }
    }
    let mut dropped = vec![false; names.len()];
    let mut added: Vec<NameSpan> = Vec::new();
    for k in 0..toks.len() {
        if w(k) != "Resolution" || toks.get(k + 1).is_none_or(|t| t.kind != TokKind::Number) {
            continue;
        }
        // The name holding "Resolution" (ending there), if any, or a new one.
        let law = match owner.get(k).copied() {
            Some(NONE) | None => None,
            Some(h) if names.get(h).is_some_and(|n| n.toks.end == k + 1) => Some(h),
            Some(_) => continue,
        };
        // The number must not start another name.
        if let Some(&n) = owner.get(k + 1) {
            if names.get(n).is_some_and(|x| x.toks.start == k + 1) {
                if let Some(d) = dropped.get_mut(n) {
                    *d = true;
                }
            }
        }
        let start = law.and_then(|h| names.get(h)).map_or(k, |n| n.toks.start);
        // An organization right before issued it: "Security Council | Resolution 2328".
        let issuer = start
            .checked_sub(1)
            .and_then(|p| owner.get(p).copied())
            .filter(|&p| {
                names
                    .get(p)
                    .is_some_and(|n| n.kind == EntityKind::Organization && n.toks.end == start)
                    && !dropped.get(p).copied().unwrap_or(true)
            });
        let from = match issuer {
            Some(p) => {
                if let Some(d) = dropped.get_mut(p) {
                    *d = true;
                }
                names.get(p).map_or(start, |n| n.toks.start)
            }
            None => start,
        };
        let span = NameSpan {
            toks: from..k + 2,
            kind: EntityKind::Other,
            strong: true,
        };
        match law.and_then(|h| names.get_mut(h)) {
            Some(n) => *n = span,
            None => added.push(span),
        }
    }
    if added.is_empty() && !dropped.contains(&true) {
        return;
    }
    let mut i = 0;
    names.retain(|_| {
        i += 1;
        !dropped.get(i - 1).copied().unwrap_or(false)
    });
    names.extend(added);
    names.sort_by_key(|n| n.toks.start);
}

/// Document-level: a list label is not a name. A word the tagger took for
/// a one-word name that opens three sentences or more followed by a number,
/// and is rarely capitalized elsewhere (at most one time in five), labels
/// the items of a list ("Milepost 4.4: Twin Lake ...", "Section 3. ..."),
/// unless the lists know it as a name. A name opening sentences is followed
/// by words ("Biden met ...").
pub fn drop_list_labels(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let g = gazetteer();
    // Per word: capitalized occurrences opening a sentence before a number,
    // and all its other capitalized occurrences.
    let mut seen: HashMap<&str, (u32, u32)> = HashMap::new();
    for toks in all_toks {
        for (i, t) in toks.iter().enumerate() {
            if is_cap_word(text, t) {
                let e = seen.entry(text.get(t.span.clone()).unwrap_or("")).or_default();
                if t.sent_start && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Number) {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        names.retain(|n| {
            if n.strong || n.toks.end - n.toks.start != 1 {
                return true;
            }
            let (Some(t), Some(next)) = (toks.get(n.toks.start), toks.get(n.toks.start + 1)) else {
                return true;
            };
            let word = text.get(t.span.clone()).unwrap_or("");
            let known = g.first_names.contains(word)
                || g.last_names.contains(word)
                || g.places.contains_key(word)
                || g.known.contains_key(word)
                || g.demonyms.contains_key(word);
            let label = t.sent_start
                && next.kind == TokKind::Number
                && seen
                    .get(word)
                    .is_some_and(|&(labels, other)| labels >= 3 && other * 4 <= labels);
            known || !label
        });
    }
}

/// Document-level consistency: a name found somewhere in the document is
/// also a name where it occurs again untagged (capitalized, not a common
/// word at a sentence start), and so is a person's surname ("Biden" after
/// "Joe Biden").
pub fn propagate(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let g = gazetteer();
    let mut known: HashMap<String, (EntityKind, usize)> = HashMap::new();
    for (toks, names) in all_toks.iter().zip(all_names.iter()) {
        for n in names {
            let len = n.toks.end - n.toks.start;
            if len > 4 {
                continue;
            }
            let s = join(text, toks, n.toks.clone());
            known.entry(s).or_insert((n.kind, len));
            if n.kind == EntityKind::Person && len >= 2 {
                if let Some(last) = toks.get(n.toks.end - 1).and_then(|t| text.get(t.span.clone())) {
                    known.entry(last.to_string()).or_insert((EntityKind::Person, 1));
                }
            }
        }
    }
    if known.is_empty() {
        return;
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        let mut covered = vec![false; toks.len()];
        for n in names.iter() {
            for c in covered.iter_mut().take(n.toks.end).skip(n.toks.start) {
                *c = true;
            }
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(t) = toks.get(i) else { break };
            if covered[i] || !is_cap_word(text, t) {
                i += 1;
                continue;
            }
            let mut hit = None;
            let mut s = String::new();
            for len in 1..=4.min(toks.len() - i) {
                if covered[i + len - 1] {
                    break;
                }
                if len > 1 {
                    s.push(' ');
                }
                s.push_str(text.get(toks[i + len - 1].span.clone()).unwrap_or(""));
                if let Some(&(kind, _)) = known.get(&s) {
                    hit = Some((len, kind));
                }
            }
            match hit {
                Some((len, kind))
                    // A longer capitalized run is another name; a common word
                    // at a sentence start is not a name.
                    if !(toks.get(i + len).is_some_and(|n| is_cap_word(text, n))
                        || (t.sent_start
                            && len == 1
                            && g.is_common(text.get(t.span.clone()).unwrap_or("")))) =>
                {
                    added.push(NameSpan { toks: i..i + len, kind, strong: false });
                    i += len;
                }
                _ => i += 1,
            }
        }
        if !added.is_empty() {
            names.extend(added);
            names.sort_by_key(|n| n.toks.start);
        }
    }
}

#[cfg(test)]
mod team_tests {
    use super::*;
    use crate::entities::token::tokenize;

    fn team(s: &str) -> bool {
        let toks = tokenize(s, 0..s.len());
        is_team(gazetteer(), s, &toks, 0..toks.len())
    }

    #[test]
    fn designations() {
        for d in ["F-16", "EF-111", "T-72", "Su-27", "S-400", "F-35A"] {
            assert!(is_designation(d), "{d}");
        }
        for d in ["U.S.-led", "Covid-19-era", "F-", "-16", "Kyiv", "2022-23"] {
            assert!(!is_designation(d), "{d}");
        }
    }

    #[test]
    fn a_place_and_a_plural_nickname_is_a_team() {
        assert!(team("Boston Braves"));
        assert!(team("New York Yankees"));
        assert!(team("Chicago Bulls"));
        assert!(team("Toronto Blue Jays"));
        assert!(team("Sacramento River Cats"));
        assert!(!team("Colorado Springs"));
        assert!(!team("Beijing Games"));
        assert!(!team("Boston"));
        assert!(!team("Joe Biden"));
        assert!(!team("Philippine Islands"));
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::{extract, EntityKind};

    use crate::entities::test_spans as spans;

    /// Extracts `text` and asserts that every `(surface, kind)` is a mention.
    fn assert_has<'a>(text: &'a str, want: &[(&str, EntityKind)]) -> Vec<(&'a str, EntityKind)> {
        let got = spans(text);
        for w in want {
            assert!(got.contains(w), "{w:?} not in {got:?}");
        }
        got
    }

    #[test]
    fn surnames_are_propagated_through_the_document() {
        // The tagger alone misses the second "Biden" ("Biden may allow").
        let text = "U.S. President Joe Biden has authorized Ukraine to use ATACMS.\nOfficials indicated that Ukrainians will use the missiles in the Kursk region, Biden may allow them to use this weapon in other areas as well.";
        assert_has(
            text,
            &[("Biden", EntityKind::Person), ("Kursk", EntityKind::Place)],
        );
    }

    #[test]
    fn tagger_finds_names_outside_the_gazetteers() {
        use EntityKind::*;
        // A news-style sentence written for this test: none of these names
        // is in the embedded lists.
        let text = "Chris Hadfield, a former commander of the International Space Station, said the Canadian Space Agency would join the mission led by Jet Propulsion Laboratory engineers in Pasadena.";
        assert_has(
            text,
            &[
                ("Chris Hadfield", Person),
                // A facility: a place in CoNLL.
                ("International Space Station", Place),
                ("Canadian Space Agency", Organization),
                ("Pasadena", Place),
            ],
        );
    }

    #[test]
    fn numbered_military_units_keep_their_number() {
        use EntityKind::*;
        let text = "The 82nd Airborne Division and Ukraine's 155th Mechanized Brigade moved east, while the VIII Fighter Command stayed. About 300 Army officers attended.";
        let got = assert_has(
            text,
            &[
                ("82nd Airborne Division", Organization),
                ("155th Mechanized Brigade", Organization),
                ("VIII Fighter Command", Organization),
            ],
        );
        // A count is not a unit number.
        assert!(!got.iter().any(|(s, _)| s.starts_with("300")), "{got:?}");
    }

    #[test]
    fn a_list_label_is_not_a_name() {
        // A list of stops, as in a Wikipedia article on a railroad.
        let text = "Milepost 0: Bridgton Junction, the interchange yard. Milepost 1: a granite arch over Hancock Brook. Milepost 2.7: Mullen Siding, a spur. Milepost 4.4: Twin Lake, a flag stop.";
        let got = spans(text);
        assert!(!got.iter().any(|(s, _)| *s == "Milepost"), "{got:?}");
        assert!(got.contains(&("Hancock Brook", EntityKind::Place)), "{got:?}");
        // A name opening sentences stays a name.
        let text = "Zelensky spoke first. Zelensky then left. Zelensky returned on Friday. Zelensky rested.";
        let got = spans(text);
        assert!(got.contains(&("Zelensky", EntityKind::Person)), "{got:?}");
    }

    #[test]
    fn an_office_after_a_title_is_not_part_of_the_name() {
        // From a US State Department media note (public domain).
        let text = "U.S. Secretary of State Kerry and U.S. Secretary of Defense Ash Carter will host a meeting of the Counter ISIL Coalition.";
        assert_has(
            text,
            &[("Ash Carter", EntityKind::Person), ("Kerry", EntityKind::Person)],
        );
    }

    #[test]
    fn surnames_with_the_arabic_article_are_kept_and_merged() {
        // From a CENTCOM release (public domain); a left-to-right mark
        // follows "Minister".
        let text = "Defense Secretary Ash Carter today met with Iraqi Prime Minister\u{200e} Haider al-Abadi in Baghdad.\nThe secretary and Abadi agreed that the campaign would go on.";
        assert_has(text, &[("Haider al-Abadi", EntityKind::Person)]);
        let e = extract(text);
        let abadi = e
            .entities
            .iter()
            .find(|x| x.name == "Haider al-Abadi")
            .map(|x| (x.mentions, x.aliases.clone()));
        assert_eq!(abadi, Some((2, vec!["Abadi".to_string()])), "{:?}", e.entities);
    }

    #[test]
    fn numbered_resolutions_are_laws() {
        // From a UK Government statement (Open Government Licence v3.0).
        let text = "On 19 December the UN Security Council adopted Resolution 2328. All parties must comply with Security Council Resolution 2328 to ensure that civilians are protected.";
        let got = assert_has(
            text,
            &[
                ("Resolution 2328", EntityKind::Other),
                ("Security Council Resolution 2328", EntityKind::Other),
            ],
        );
        assert!(
            !got.iter()
                .any(|(s, k)| *s == "2328" && *k == EntityKind::Quantity),
            "{got:?}"
        );
    }

    #[test]
    fn a_lone_organization_word_is_not_a_name() {
        // Written for this test, in the style of a press release.
        let text = "Researchers at the Salk Institute published the study. The Institute said the Foundation would fund a second one. Coalition aircraft struck targets near Mosul, the Coalition said.";
        let got = assert_has(
            text,
            &[
                ("Salk Institute", EntityKind::Organization),
                ("Coalition", EntityKind::Organization),
            ],
        );
        assert!(
            !got.iter().any(|(s, _)| *s == "Foundation" || *s == "Institute"),
            "{got:?}"
        );
    }

    #[test]
    fn abbreviations_of_common_nouns_are_not_names() {
        // Written for this test.
        let text = "The company's CEO told reporters that GDP fell. Two UAVs crashed, and a DJ released an EP. She is the CFO and has a PhD from MIT.";
        let got = spans(text);
        for word in ["CEO", "GDP", "UAVs", "DJ", "EP", "CFO", "PhD"] {
            assert!(!got.iter().any(|(s, _)| *s == word), "{word} in {got:?}");
        }
        assert!(got.contains(&("MIT", EntityKind::Organization)), "{got:?}");
    }

    #[test]
    fn a_name_described_as_a_town_is_a_place() {
        // Written for this test in the style of a news report.
        let text = "Russian forces pressed toward Pokrovsk, a key logistics town in eastern Ukraine, on Monday.\nPokrovsk has been shelled for weeks.";
        let got = spans(text);
        assert!(
            got.iter()
                .filter(|(s, _)| *s == "Pokrovsk")
                .all(|(_, k)| *k == EntityKind::Place),
            "{got:?}"
        );
        assert!(got.iter().any(|(s, _)| *s == "Pokrovsk"), "{got:?}");
        // "eastern" is not a name.
        assert!(!got.iter().any(|(s, _)| *s == "eastern"), "{got:?}");
    }

    #[test]
    fn a_name_described_as_a_company_or_a_band_is_an_organization() {
        // Written for this test; the founder's surname must not turn the
        // company into a person, nor "River" the band into a place.
        let text = "Tramontina is a Brazilian manufacturer of cookware, based in Carlos Barbosa. \
                    Tramontina was founded in 1911 by Valentin Tramontina. Tramontina said sales rose.\n\
                    Okkervil River is an American indie rock band from Austin, Texas. \
                    Okkervil River toured Europe in 2008.";
        let got = spans(text);
        let kinds = |name: &str| -> Vec<EntityKind> {
            got.iter().filter(|(s, _)| *s == name).map(|(_, k)| *k).collect()
        };
        assert_eq!(kinds("Tramontina"), [EntityKind::Organization; 3], "{got:?}");
        assert_eq!(kinds("Valentin Tramontina"), [EntityKind::Person], "{got:?}");
        assert_eq!(kinds("Okkervil River"), [EntityKind::Organization; 2], "{got:?}");
        assert!(got.contains(&("Austin", EntityKind::Place)), "{got:?}");
    }

    #[test]
    fn a_quoted_nickname_is_part_of_the_name() {
        // Written for this test in the style of a news report.
        use EntityKind::Person;
        let got = assert_has(
            "The cartel was run by Joaquin \"El Chapo\" Guzman and Ismael \"El Mayo\" Zambada, prosecutors said.",
            &[("Joaquin \"El Chapo\" Guzman", Person), ("Ismael \"El Mayo\" Zambada", Person)],
        );
        assert!(!got.iter().any(|(s, _)| *s == "El Chapo"), "{got:?}");
    }

    #[test]
    fn a_name_ends_before_a_lowercase_word_unless_it_names_an_event() {
        // Written for this test in the style of a news report.
        use EntityKind::{Organization, Other};
        assert_has(
            "The Confederate army retreated toward Richmond. The Liberal caucus met in Ottawa on Monday, \
             before the 2019 BRICS summit.",
            &[
                ("Confederate", Organization),
                ("Liberal", Organization),
                ("2019 BRICS summit", Other),
            ],
        );
    }

    #[test]
    fn weekdays_in_the_plural_are_dates() {
        assert_has(
            "The lottery is drawn twice a week, on Tuesdays and Fridays.",
            &[("Tuesdays", EntityKind::Date), ("Fridays", EntityKind::Date)],
        );
    }

    #[test]
    fn washington_dc_is_one_place() {
        assert_has(
            "The talks were held in Washington, D.C. on Friday.",
            &[("Washington, D.C.", EntityKind::Place)],
        );
    }

    #[test]
    fn a_name_starts_at_a_capitalized_word_or_a_particle() {
        let got = assert_has(
            "Veterans recalled the invasion of Normandy. Charles de Gaulle spoke in Paris.",
            &[("Charles de Gaulle", EntityKind::Person)],
        );
        assert!(got.iter().any(|(s, _)| *s == "Normandy"), "{got:?}");
        let lowercase = |s: &str| s.starts_with("invasion") || s.starts_with("of");
        assert!(!got.iter().any(|(s, _)| lowercase(s)), "{got:?}");
    }

    #[test]
    fn laws_keep_their_year_and_battles_their_ordinal() {
        assert_has(
            "Congress passed the Civil Rights Act of 1964 a century after the Second Battle of Bull Run.",
            &[
                ("Civil Rights Act of 1964", EntityKind::Other),
                ("Second Battle of Bull Run", EntityKind::Other),
            ],
        );
    }

    #[test]
    fn quoted_titles_are_works() {
        // Written for this test in the style of a music review.
        use EntityKind::Other;
        let got = assert_has(
            "The band released the single \"Rock the Night\" in May, with the songs \"Fallen\", \"Savior\" and \
             \"The Story\" to follow. \"We will tour again,\" the singer said.",
            &[("Rock the Night", Other), ("Fallen", Other), ("Savior", Other), ("The Story", Other)],
        );
        assert!(!got.iter().any(|(s, _)| s.contains("tour")), "{got:?}");
    }

    #[test]
    fn a_designation_and_a_name_are_a_weapon() {
        use EntityKind::Other;
        assert_has(
            "The wing flew the P-47 Thunderbolt and later the P-51 Mustang. The F-100 Super Sabre arrived in 1956.",
            &[("P-47 Thunderbolt", Other), ("P-51 Mustang", Other), ("F-100 Super Sabre", Other)],
        );
    }

    #[test]
    fn organizations_named_with_and_are_one_name() {
        // Written for this test in the style of a news report.
        use EntityKind::Organization;
        let got = assert_has(
            "Researchers at the Department of Physics and Astronomy said the Franklin and Megantic Railway \
             closed. Voters backed the Reform Party of Canada and Canadian Alliance candidates.",
            &[
                ("Department of Physics and Astronomy", Organization),
                ("Franklin and Megantic Railway", Organization),
            ],
        );
        assert!(!got.iter().any(|(s, _)| s.contains("Canada and")), "{got:?}");
    }

    #[test]
    fn gazetteer_corrects_the_tagger_type() {
        let text = "Russian forces fired Iskander missiles while NATO watched from Brussels.";
        assert_has(
            text,
            &[
                ("Russian", EntityKind::Group),
                ("NATO", EntityKind::Organization),
                ("Iskander", EntityKind::Other),
            ],
        );
    }
}
