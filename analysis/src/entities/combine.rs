//! Combines the statistical tagger with the rules: the tagger finds and
//! types names; gazetteers and hand lists correct well-known names; titles,
//! offices ("Secretary of | Defense") and a leading lowercase "the" are
//! trimmed; names cut short are completed (head words, ordinals of military
//! units, "Battle of", designations, Arabic-article surnames); lone titles
//! and organization words are dropped; confident rule names the tagger
//! missed are added. The passes that follow are in [`super::passes`].

use super::features::TokInfo;
use super::gazetteer::{gazetteer, PlaceKind};
use super::lexicon::{is, List};
use super::rules::{head, is_team, join, NameSpan};
use super::tagger::{Label, Model};
use super::token::{TokKind, Token};
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
                    && !is(List::LowercaseHead, w(r.end - 1))
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
            while k < r.end && k < r.start + 3 && is(List::Office, w(k)) {
                k += 1;
            }
            if k > r.start && k < r.end && toks.get(k).is_some_and(|t| is_cap_word(text, t)) {
                r.start = k;
                ty = Label::Person;
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
        if r.start >= 2 + free_from && w(r.start - 1) == "of" && is(List::EventOf, w(r.start - 2)) {
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
        if r.start > free_from && is(List::EventOf, w(r.start)) && is_ordinal(w(r.start - 1)) {
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
        if ty == Label::Person && article_surname_at(r.end) {
            r.end += 1;
        }
        let mut unit = false;
        // A numbered military unit: "65th Air Division", "IV Corps",
        // "155th Mechanized Brigade": the number and the
        // capitalized words before the unit word belong to the name.
        if is(List::MilitaryUnit, w(r.end - 1)) {
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
            Label::Person => {
                match head_kind.or_else(|| (r.end - r.start > 1).then(|| head(g, w(r.end - 1))).flatten()) {
                    Some(k) => k,
                    None => EntityKind::Person,
                }
            }
            _ if head_kind.is_some() => head_kind.unwrap_or(EntityKind::Other),
            Label::Organization => EntityKind::Organization,
            Label::Location => EntityKind::Place,
            Label::Misc => {
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
                    && !is(List::LoneOrg, s.as_str())))
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
            (g.org_heads.contains(s) && !is(List::LoneOrg, s)) || is_common_abbreviation(s)
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
