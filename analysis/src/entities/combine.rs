//! Combines the statistical tagger with the rules: the tagger finds and
//! types names; gazetteers and hand lists correct well-known names; titles,
//! offices ("Secretary of | Defense") and a leading lowercase "the" are
//! trimmed; names cut short are completed (head words, ordinals of military
//! units, "Battle of", designations, Arabic-article surnames); lone titles
//! and organization words are dropped; confident rule names the tagger
//! missed are added. The passes that follow are in [`super::passes`].

use super::features::TokInfo;
use super::gazetteer::{gazetteer, Gazetteer, PlaceKind};
use super::lexicon::{is, List};
use super::rules::{head, is_team, join, NameSpan};
use super::tagger::{Label, Model};
use super::token::{TokKind, Token};
use std::ops::Range;

use super::rules::is_cap_word;
use super::EntityKind;

/// The paragraph a correction looks at.
struct Para<'a> {
    text: &'a str,
    toks: &'a [Token],
    g: &'static Gazetteer,
}

impl Para<'_> {
    /// Token `k`'s text ("" past the end).
    fn w(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.span.clone()))
            .unwrap_or("")
    }

    /// Is token `k` a capitalized word?
    fn cap(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| is_cap_word(self.text, t))
    }

    /// Is token `k` a surname with the Arabic article ("al-Abadi")?
    fn article_surname_at(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokKind::Word) && is_article_surname(self.w(k))
    }
}

/// Names of one paragraph from the tagger, corrected and completed by the
/// rule names `rules`: each tagged name goes through [`correct`] (two people
/// side by side become one), then designations the tagger missed become
/// weapons ([`add_weapons`]) and confident rule names it missed are added
/// ([`add_rule_names`]).
pub fn combine(
    text: &str,
    toks: &[Token],
    infos: &[TokInfo],
    model: &Model,
    rules: Vec<NameSpan>,
) -> Vec<NameSpan> {
    let p = Para {
        text,
        toks,
        g: gazetteer(),
    };
    let mut out: Vec<NameSpan> = Vec::new();
    for (r, label) in model.tag(infos) {
        // Where the previous name ends: this one may not reach back over it.
        let free_from = out.last().map_or(0, |o| o.toks.end);
        let Some(name) = correct(&p, r, label, free_from) else {
            continue;
        };
        // Two people side by side are one person the tagger split:
        // "Secretary of Defense Ash | Carter".
        if let Some(last) = out.last_mut() {
            if name.kind == EntityKind::Person
                && last.kind == EntityKind::Person
                && last.toks.end == name.toks.start
            {
                last.toks.end = name.toks.end;
                last.strong |= name.strong;
                continue;
            }
        }
        out.push(name);
    }
    add_weapons(&p, &mut out);
    add_rule_names(&p, &mut out, rules);
    out.sort_by_key(|n| n.toks.start);
    out
}

/// One tagged name through the corrections, in order: [`trim`], the title
/// of an organization ("General | Motors"), a capitalized word or number
/// required, an office before a person ("Secretary of | Defense Ash
/// Carter"), [`extend_to_head`], [`extend_event`], an Arabic-article
/// surname, [`extend_unit`], then [`decide_kind`]. `None` drops it.
fn correct(p: &Para, r: Range<usize>, mut label: Label, free_from: usize) -> Option<NameSpan> {
    let mut r = trim(p, r);
    if r.start >= r.end || r.start < free_from {
        return None;
    }
    // A title word before an organization word is part of an
    // organization's name: "Major | League Baseball", "General | Motors".
    let titled_org = r.start > free_from
        && p.g.titles.contains(p.w(r.start - 1))
        && p.cap(r.start - 1)
        && p.g.org_heads.contains(p.w(r.start));
    if titled_org {
        r.start -= 1;
    }
    // A name has a capitalized word or a number: "eastern" in "eastern
    // Ukraine" or "photosynthesis" is not one.
    if !p.toks.get(r.clone()).is_some_and(|ts| {
        ts.iter()
            .any(|t| t.kind == TokKind::Number || is_cap_word(p.text, t))
    }) {
        return None;
    }
    // "Secretary of | Defense Ash Carter", "Minister of | Foreign Affairs
    // Sergei Lavrov": an office after a title and "of", then a person.
    if r.start >= 2 && p.w(r.start - 1) == "of" && p.g.titles.contains(p.w(r.start - 2)) {
        let mut k = r.start;
        while k < r.end && k < r.start + 3 && is(List::Office, p.w(k)) {
            k += 1;
        }
        if k > r.start && k < r.end && p.cap(k) {
            r.start = k;
            label = Label::Person;
        }
    }
    let head_kind = extend_to_head(p, &mut r);
    let event = extend_event(p, &mut r, free_from);
    // "Haider | al-Abadi", "Bashar | al-Assad": a surname with the Arabic
    // article (not a capitalized word, so the tagger stops before it).
    if label == Label::Person && p.article_surname_at(r.end) {
        r.end += 1;
    }
    let unit = extend_unit(p, &mut r, free_from);
    let (kind, strong) = decide_kind(p, &r, label, head_kind, event, unit || titled_org)?;
    Some(NameSpan {
        toks: r,
        kind,
        strong,
    })
}

/// Trims what is not part of a name: titles and lowercase words at the
/// start ("the", "invasion of"; name particles stay: "de Gaulle"),
/// punctuation at either end, lowercase words at the end ("Union | army",
/// unless they name events, eras or features: "2019 BRICS summit", "Yuan
/// dynasty"), and everything from a quote mark inside (`Ismael | "El Mayo"
/// Zambada`, see the nicknames pass).
fn trim(p: &Para, mut r: Range<usize>) -> Range<usize> {
    let word_at = |k: usize| p.toks.get(k).is_some_and(|t| t.kind == TokKind::Word);
    while r.end - r.start > 1
        && (p.g.titles.contains(p.w(r.start))
            || (word_at(r.start)
                && p.w(r.start).chars().all(char::is_lowercase)
                && !p.g.particles.contains(p.w(r.start))))
    {
        r.start += 1;
    }
    while r.end > r.start && p.toks.get(r.end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
        r.end -= 1;
    }
    while r.end > r.start && p.toks.get(r.start).is_some_and(|t| t.kind == TokKind::Punct) {
        r.start += 1;
    }
    while r.end - r.start > 1
        && word_at(r.end - 1)
        && p.w(r.end - 1).chars().next().is_some_and(char::is_lowercase)
        && !is(List::LowercaseHead, p.w(r.end - 1))
    {
        r.end -= 1;
    }
    if let Some(q) = (r.start + 1..r.end).find(|&k| matches!(p.w(k), "\"" | "“" | "”")) {
        r.end = q;
    }
    r
}

/// A name cut short before its head word ("Lindsey Air | Station",
/// "Cesaroni | Design Associates"): extends it over up to two more
/// capitalized words ending in an organization, place or other head, and
/// returns the kind the head gives.
fn extend_to_head(p: &Para, r: &mut Range<usize>) -> Option<EntityKind> {
    for k in 0..2 {
        let e = r.end + k;
        let Some(t) = p.toks.get(e) else { break };
        if !is_cap_word(p.text, t) || t.kind != TokKind::Word {
            break;
        }
        if let Some(hk) = head(p.g, p.w(e)) {
            r.end = e + 1;
            return Some(hk);
        }
    }
    None
}

/// Events, weapons and laws: "Battle of | Fredericksburg" (an event named
/// after a place), "F-104 | Starfighter" and "F-100 Super | Sabre" (a
/// designation and the system's name), "Second | Battle of Bull Run" (the
/// ordinal of an event), "Immigration Act | of 1924" (a law and its year).
/// Returns whether the name is such another name.
fn extend_event(p: &Para, r: &mut Range<usize>, free_from: usize) -> bool {
    let mut event = false;
    if r.start >= 2 + free_from && p.w(r.start - 1) == "of" && is(List::EventOf, p.w(r.start - 2)) {
        r.start -= 2;
        event = true;
    } else if r.start > free_from && is_designation(p.w(r.start - 1)) {
        r.start -= 1;
        event = true;
    } else if r.end - r.start > 1 && is_designation(p.w(r.start)) {
        // "P-51 Mustang" tagged whole.
        event = true;
    }
    if event && is_designation(p.w(r.start)) {
        // Every name before this one ends before it starts.
        r.end = weapon_name_end(p.text, p.toks, r.clone(), |_| true);
    }
    if r.start > free_from && is(List::EventOf, p.w(r.start)) && is_ordinal(p.w(r.start - 1)) {
        r.start -= 1;
    }
    if matches!(p.w(r.end - 1), "Act" | "Acts")
        && p.w(r.end) == "of"
        && p.toks.get(r.end + 1).is_some_and(|t| t.kind == TokKind::Number)
        && p.w(r.end + 1).len() == 4
        && p.w(r.end + 1).bytes().all(|b| b.is_ascii_digit())
    {
        r.end += 2;
        event = true;
    }
    event
}

/// A numbered military unit: "65th Air Division", "IV Corps", "155th
/// Mechanized Brigade": the number and the capitalized words before the
/// unit word belong to the name. Returns whether it is one.
fn extend_unit(p: &Para, r: &mut Range<usize>, free_from: usize) -> bool {
    if !is(List::MilitaryUnit, p.w(r.end - 1)) {
        return false;
    }
    let mut k = r.start;
    while k > free_from
        && r.start - k < 3
        && p.toks
            .get(k - 1)
            .is_some_and(|t| is_cap_word(p.text, t) && !t.sent_start)
        && !is_ordinal(p.w(k - 1))
    {
        k -= 1;
    }
    if k > free_from && is_ordinal(p.w(k - 1)) {
        r.start = k - 1;
        return true;
    }
    false
}

/// The kind of a corrected name and whether the lists back it; `None` drops
/// it. From the tagger's label, unless a head word says otherwise (a
/// "person" ending in "Records" or "Station"); events are other names, units
/// and titled organizations organizations, a place or other name ending in
/// an organization word an organization ("Montreal Hockey Club"). Lone
/// titles, lone organization words ("the Institute", but not "Congress"),
/// abbreviations of common nouns ("CEO") and weekdays ("Tuesdays") are
/// dropped. A known city or state that is no one's name is a place
/// ("Montreal"); a place and a plural is a team ("Boston Braves"); the lists'
/// kind wins for known names, countries and demonyms.
fn decide_kind(
    p: &Para,
    r: &Range<usize>,
    label: Label,
    head_kind: Option<EntityKind>,
    event: bool,
    organization: bool,
) -> Option<(EntityKind, bool)> {
    let g = p.g;
    let s = join(p.text, p.toks, r.clone());
    let mut kind = match label {
        Label::Person => {
            match head_kind.or_else(|| (r.end - r.start > 1).then(|| head(g, p.w(r.end - 1))).flatten()) {
                Some(k) => k,
                None => EntityKind::Person,
            }
        }
        _ if head_kind.is_some() => head_kind.unwrap_or(EntityKind::Other),
        Label::Organization => EntityKind::Organization,
        Label::Location => EntityKind::Place,
        Label::Misc => {
            if g.is_group(&s) || (r.end - r.start == 1 && s.split('-').next().is_some_and(|h| g.is_group(h)))
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
    if organization {
        kind = EntityKind::Organization;
    }
    if r.end - r.start > 1
        && matches!(kind, EntityKind::Place | EntityKind::Other)
        && g.org_heads.contains(p.w(r.end - 1))
    {
        kind = EntityKind::Organization;
    }
    if r.end - r.start == 1
        && (g.titles.contains(s.as_str())
            || is_common_abbreviation(&s)
            || (kind == EntityKind::Organization
                && g.org_heads.contains(s.as_str())
                && !is(List::LoneOrg, s.as_str())))
    {
        return None;
    }
    if kind == EntityKind::Person
        && matches!(
            g.places.get(s.as_str()),
            Some(PlaceKind::City(_) | PlaceKind::State)
        )
        && !s
            .split(' ')
            .any(|part| g.first_names.contains(part) || g.last_names.contains(part))
    {
        kind = EntityKind::Place;
    }
    if kind != EntityKind::Organization && is_team(g, p.text, p.toks, r.clone()) {
        kind = EntityKind::Organization;
    }
    if super::temporal::is_weekdays(&s) {
        return None;
    }
    if let Some(k) = g
        .known
        .get(s.as_str())
        .and_then(|k| EntityKind::from_str_opt(k.0))
    {
        if matches!(k, EntityKind::Date | EntityKind::Quantity) {
            return None;
        }
        return Some((k, true));
    }
    if matches!(g.places.get(s.as_str()), Some(PlaceKind::Country(_))) {
        return Some((EntityKind::Place, true));
    }
    if g.demonyms.contains_key(s.as_str()) {
        return Some((EntityKind::Group, true));
    }
    Some((kind, false))
}

/// Which name of `names` covers each token (`NONE` for none).
const NONE: usize = usize::MAX;

fn owners(len: usize, names: &[NameSpan]) -> Vec<usize> {
    let mut owner = vec![NONE; len];
    for (i, o) in names.iter().enumerate() {
        for c in owner.get_mut(o.toks.clone()).into_iter().flatten() {
            *c = i;
        }
    }
    owner
}

/// A designation and a capitalized word the tagger did not see: a weapon or
/// a machine ("F-105 Thunderchief", "F-100 Super Sabre"), taking in a lone
/// weak name in the way ("Super | Sabre"). The owner table is kept up to
/// date as names are added and dropped, so every overlap test is a lookup.
fn add_weapons(p: &Para, out: &mut Vec<NameSpan>) {
    let mut owner = owners(p.toks.len(), out);
    let mut dropped = vec![false; out.len()];
    for k in 0..p.toks.len().saturating_sub(1) {
        if is_designation(p.w(k))
            && p.toks
                .get(k + 1)
                .is_some_and(|t| is_cap_word(p.text, t) && !t.sent_start)
            && !p.g.is_common(p.w(k + 1))
            && owner.get(k..k + 2).is_some_and(|o| o.iter().all(|&c| c == NONE))
        {
            let end = weapon_name_end(p.text, p.toks, k..k + 2, |e| match owner.get(e).copied() {
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
}

/// Confident rule names the tagger did not see at all (not lone
/// organization words or abbreviations of common nouns), with an
/// Arabic-article surname as for tagged names ("Haider | al-Abadi").
fn add_rule_names(p: &Para, out: &mut Vec<NameSpan>, rules: Vec<NameSpan>) {
    let owner = owners(p.toks.len(), out);
    for mut n in rules {
        if n.kind == EntityKind::Person && p.article_surname_at(n.toks.end) {
            n.toks.end += 1;
        }
        let lone_org_word = n.toks.end - n.toks.start == 1 && {
            let s = p.w(n.toks.start);
            (p.g.org_heads.contains(s) && !is(List::LoneOrg, s)) || is_common_abbreviation(s)
        };
        if !n.strong || lone_org_word {
            continue;
        }
        let overlaps = owner
            .get(n.toks.clone())
            .is_some_and(|o| o.iter().any(|&c| c != NONE));
        if !overlaps {
            out.push(n);
        }
    }
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
    fn a_designation_and_a_name_are_a_weapon() {
        use EntityKind::Other;
        assert_has(
            "The wing flew the P-47 Thunderbolt and later the P-51 Mustang. The F-100 Super Sabre arrived in 1956.",
            &[("P-47 Thunderbolt", Other), ("P-51 Mustang", Other), ("F-100 Super Sabre", Other)],
        );
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
