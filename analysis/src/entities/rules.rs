//! Rule-based name finding: capitalized runs, sentence-initial handling,
//! title stripping, head words and gazetteers.

use std::ops::Range;

use super::gazetteer::{gazetteer, Gazetteer};
use super::lexicon::{is, List};
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
            } else if (is(List::Particle, w(b)) || (w(b) == "of" && is(List::OfHead, w(b - 1)))) && cap(b + 1)
            {
                b += 2;
            } else if w(b) == "of" && is(List::OfHead, w(b - 1)) && w(b + 1) == "the" && cap(b + 2) {
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
        if word == "The" && b > a + 1 && is(List::TheName, rest.as_str()) {
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
        if !is(List::TheName, rest.as_str()) && (toks[a].sent_start || known_without_the(g, &rest)) {
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
    if is_team(g, text, toks, r.clone()) {
        return span(EntityKind::Organization, false);
    }
    if is(List::OrgHead, last) || (has_of && is(List::OrgHead, first)) {
        return span(EntityKind::Organization, true);
    }
    if n > 1 && (is(List::PlaceHead, last) || is(List::PlaceFirst, first)) {
        return span(EntityKind::Place, true);
    }
    if n > 1 && is(List::OtherHead, last) {
        return span(EntityKind::Other, true);
    }
    let next = w(r.end);
    if is(List::PlaceNoun, next) {
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
    if n <= 2 && is(List::PlacePrep, prev) {
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
        || is(List::NotTeam, last)
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
pub fn head(g: &super::gazetteer::Gazetteer, word: &str) -> Option<EntityKind> {
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
