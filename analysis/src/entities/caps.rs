//! Text in capitals, where capitalization says nothing about names:
//! headlines in capitals ("UKRAINE WAR: RUSSIA LAUNCHES DRONE ATTACK ON
//! KYIV") and datelines ("KYIV, Ukraine (AP) —", "LONDON, Nov 20
//! (Reuters) -"). Names there are found by looking up each word in its
//! ordinary form ("Kyiv") in the gazetteers, never by the tagger.

use super::gazetteer::{gazetteer, Gazetteer, OrgKind, PlaceKind};
use super::rules::{join, NameSpan};
use super::token::{TokKind, Token};
use super::EntityKind;

/// A word in capitals: two letters or more, none lowercase ("KYIV", "U.S.").
fn is_caps(text: &str, t: &Token) -> bool {
    let s = text.get(t.span.clone()).unwrap_or("");
    t.kind == TokKind::Word
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !s.chars().any(char::is_lowercase)
}

/// Is the paragraph set in capitals: at least three words of two letters or
/// more, and four in five of them in capitals?
pub fn is_shouting(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| {
            t.kind == TokKind::Word && text.get(t.span.clone()).is_some_and(|s| s.chars().count() >= 2)
        })
        .collect();
    let caps = words.iter().filter(|t| is_caps(text, t)).count();
    words.len() >= 3 && caps * 5 >= words.len() * 4
}

/// "KYIV" → "Kyiv", "NEW YORK" → "New York"; "U.S." stays.
pub(crate) fn ordinary(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.contains('.') {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kind the lists give a name written in capitals, tried as written
/// ("NATO") and in its ordinary form ("Kyiv").
fn lookup(g: &Gazetteer, caps: &str) -> Option<EntityKind> {
    for s in [caps.to_string(), ordinary(caps)] {
        if let Some(&(label, _)) = g.known.get(s.as_str()) {
            return EntityKind::from_str_opt(label)
                .filter(|k| !matches!(k, EntityKind::Date | EntityKind::Quantity));
        }
        if g.places.contains_key(s.as_str()) {
            return Some(EntityKind::Place);
        }
        if g.is_group(&s) {
            return Some(EntityKind::Group);
        }
    }
    // Listed organizations ("MANCHESTER UNITED", "GOLDMAN SACHS"), not a
    // club's city form (a place in a headline).
    match g.orgs.get(caps.to_lowercase().as_str()) {
        Some(OrgKind::ClubCity) | None => None,
        Some(_) => Some(EntityKind::Organization),
    }
}

/// The names of a paragraph set in capitals: the longest runs of up to
/// three words in capitals that the lists know.
pub fn shouted_names(text: &str, toks: &[Token]) -> Vec<NameSpan> {
    let g = gazetteer();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut found = None;
        for len in (1..=3.min(toks.len() - i)).rev() {
            if !toks
                .get(i..i + len)
                .is_some_and(|ts| ts.iter().all(|t| is_caps(text, t)))
            {
                continue;
            }
            if let Some(kind) = lookup(g, &join(text, toks, i..i + len)) {
                found = Some((len, kind));
                break;
            }
        }
        match found {
            Some((len, kind)) => {
                out.push(NameSpan {
                    toks: i..i + len,
                    kind,
                    strong: true,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A dateline opening the paragraph: up to three words in capitals, then a
/// comma, a dash or an opening bracket, then a capitalized word or a
/// number ("KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -", "BAGHDAD -
/// Coalition forces ..."), or a line of wire copy that is a place and its
/// date ("BRUSSELS 1996-08-22", "AL-AIN , United Arab Emirates
/// 1996-12-06"). It names a place, unless the lists say it is something
/// else ("NATO, the alliance, ..." stays an organization). A headline in
/// capitals is no dateline ("SOCCER - JAPAN GET LUCKY WIN").
pub fn mark_dateline(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut k = 0;
    while k < 3 && toks.get(k).is_some_and(|t| is_caps(text, t)) {
        k += 1;
    }
    // A line ending in an ISO date ("1996-08-22"), within a few words.
    let dated = toks.len() <= k + 8
        && toks
            .last()
            .is_some_and(|t| t.kind == TokKind::Number && is_iso_date(w(toks.len() - 1)));
    if k == 0 || !(matches!(w(k), "," | "-" | "—" | "–" | "(") || (dated && k + 1 == toks.len())) {
        return;
    }
    let after = toks.get(k + 1).is_some_and(|t| {
        t.kind == TokKind::Number
            || (text
                .get(t.span.clone())
                .is_some_and(|s| s.starts_with(char::is_uppercase))
                && !is_caps(text, t))
    });
    if !after && !dated {
        return;
    }
    let head = join(text, toks, 0..k);
    let kind = match lookup(g, &head) {
        Some(kind) => kind,
        // Unknown: a dateline is a place, but only a known place is
        // certain after a comma ("SMITH, a farmer, ..."), unless a date
        // ends the line.
        None if w(k) != "," || dated => EntityKind::Place,
        None => return,
    };
    if matches!(
        g.places.get(ordinary(&head).as_str()),
        Some(PlaceKind::Country(_))
    ) && kind != EntityKind::Place
    {
        return;
    }
    names.retain(|n| n.toks.start >= k);
    names.insert(
        0,
        NameSpan {
            toks: 0..k,
            kind,
            strong: true,
        },
    );
}

/// "1996-08-22".
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts
            .iter()
            .zip([4, 2, 2])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use crate::entities::{extract, EntityKind};

    use crate::entities::test_spans as spans;

    #[test]
    fn datelines_name_places() {
        // Written for this test in the style of wire copy.
        let got = spans("KYIV, Ukraine (AP) — Ukrainian forces struck a depot, officials said.");
        assert!(got.contains(&("KYIV", EntityKind::Place)), "{got:?}");
        assert!(got.contains(&("Ukraine", EntityKind::Place)), "{got:?}");
        let got = spans("LONDON, Nov 20 (Reuters) - Britain's economy grew in the third quarter.");
        assert!(got.contains(&("LONDON", EntityKind::Place)), "{got:?}");
        assert!(got.contains(&("Nov 20", EntityKind::Date)), "{got:?}");
        // An organization known to the lists stays one.
        let got = spans("NATO, the Western alliance, met in Brussels on Tuesday.");
        assert!(got.contains(&("NATO", EntityKind::Organization)), "{got:?}");
        // Wire copy: a place and its date on a line of their own.
        let got = spans("BRUSSELS 1996-08-22\nThe European Commission said on Thursday it disagreed.");
        assert!(got.contains(&("BRUSSELS", EntityKind::Place)), "{got:?}");
        let got = spans("AL-AIN , United Arab Emirates 1996-12-06\nJapan began the defence of their title.");
        assert!(got.contains(&("AL-AIN", EntityKind::Place)), "{got:?}");
        // A sport before a headline in capitals is no place.
        let got = spans("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .");
        assert!(!got.iter().any(|(s, _)| *s == "SOCCER"), "{got:?}");
        // A listed organization in a headline.
        let got = spans("MANCHESTER UNITED SIGN NEW STRIKER FROM LYON");
        assert!(
            got.contains(&("MANCHESTER UNITED", EntityKind::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn headlines_in_capitals_use_the_lists() {
        let text = "UKRAINE WAR: RUSSIA LAUNCHES MASSIVE DRONE ATTACK ON KYIV\nRussia launched drones at Kyiv overnight, Ukrainian officials said.";
        let got = spans(text);
        for want in [
            ("UKRAINE", EntityKind::Place),
            ("RUSSIA", EntityKind::Place),
            ("KYIV", EntityKind::Place),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // No shouted common word is taken for a name.
        assert!(
            !got.iter()
                .any(|(s, _)| ["WAR", "MASSIVE", "DRONE", "ATTACK"].contains(s)),
            "{got:?}"
        );
        // The headline's "RUSSIA" is the same entity as "Russia".
        let e = extract(text);
        let russia = e
            .entities
            .iter()
            .find(|x| x.name.eq_ignore_ascii_case("russia"))
            .map(|x| x.mentions);
        assert_eq!(russia, Some(2), "{:?}", e.entities);
    }
}
