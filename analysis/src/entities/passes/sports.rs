//! Clubs named after their city in match reports and results tables: a
//! city is a team where it scores or is beaten. "Lyon 3 Nantes 1" and
//! "Bayern Munich 5 4 1 0 12 3 13" (a results or standings line: names
//! followed by numbers and nothing else), "Liverpool beat Everton 2-1"
//! (a name before or after a result verb, in a sentence with a score).
//! CoNLL practice: a club is an organization; a national team keeps its
//! country's kind (a place), and people stay people ("Sampras beat Agassi
//! 6-3"). A name turned here is a club by its city, or a listed club.
//!
//! ```
//! use article_analysis::entities::{extract, EntityKind};
//! let text = "Lyon 3 Nantes 1\nMarseille 0 Paris 2";
//! let e = extract(text);
//! let lyon = e.entities.iter().find(|x| x.name == "Lyon").unwrap();
//! assert_eq!(lyon.kind, EntityKind::Organization);
//! ```

use crate::entities::gazetteer::{gazetteer, Gazetteer, OrgKind, PlaceKind};
use crate::entities::lexicon::{is, List};
use crate::entities::rules::{join, NameSpan};
use crate::entities::token::{TokKind, Token};
use crate::entities::EntityKind;

/// A score: "2-1", "3–0".
fn is_score(s: &str) -> bool {
    let mut parts = s.split(['-', '–']);
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// Can the name be a club: a city or state, a club's city-form alias or a
/// listed club (not a country, a person or anything else).
fn may_be_club(g: &Gazetteer, name: &str, kind: EntityKind) -> bool {
    let club = g.orgs.get(name.to_lowercase().as_str());
    if matches!(club, Some(OrgKind::Club | OrgKind::ClubCity | OrgKind::Team)) {
        return kind != EntityKind::Person || club != Some(&OrgKind::ClubCity);
    }
    kind == EntityKind::Place && matches!(g.places.get(name), Some(PlaceKind::City(_) | PlaceKind::State))
}

/// Turns clubs named after their city into organizations, in one
/// paragraph's sorted names.
#[allow(clippy::ptr_arg)] // The signature of every paragraph pass.
pub fn clubs_in_results(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let number = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Number);
    // A results or standings line: every token a name or a number, two
    // names each followed by a number, or one name followed by three.
    let covered: usize = names.iter().map(|n| n.toks.len()).sum();
    let numbers = toks.iter().filter(|t| t.kind == TokKind::Number).count();
    let table_line = covered + numbers == toks.len()
        && names.iter().all(|n| number(n.toks.end))
        && (names.len() >= 2 || (names.len() == 1 && numbers >= 3));
    // A sentence with a score and a result verb.
    let scored = toks
        .iter()
        .any(|t| t.kind == TokKind::Number && is_score(text.get(t.span.clone()).unwrap_or("")));
    for n in names.iter_mut() {
        let around_verb = scored
            && (is(List::ResultVerb, w(n.toks.end))
                || n.toks
                    .start
                    .checked_sub(1)
                    .is_some_and(|p| is(List::ResultVerb, w(p))));
        if !(table_line || around_verb) {
            continue;
        }
        if may_be_club(g, &join(text, toks, n.toks.clone()), n.kind) {
            n.kind = EntityKind::Organization;
            n.strong = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_spans as spans;
    use crate::entities::EntityKind::{self, *};

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        spans(text).into_iter().find(|(s, _)| *s == name).map(|(_, k)| k)
    }

    #[test]
    fn results_lines_name_clubs() {
        let text = "SOCCER - FRENCH LEAGUE RESULTS\nLyon 3 Nantes 1\nMarseille 0 Monaco 2";
        assert_eq!(kind_of(text, "Lyon"), Some(Organization));
        assert_eq!(kind_of(text, "Nantes"), Some(Organization));
        assert_eq!(kind_of(text, "Marseille"), Some(Organization));
    }

    #[test]
    fn a_standings_line_names_a_club() {
        let text = "Standings:\nLiverpool 5 4 1 0 12 3 13\nChelsea 5 3 1 1 9 4 10";
        assert_eq!(kind_of(text, "Liverpool"), Some(Organization));
    }

    #[test]
    fn a_match_report_names_clubs_but_keeps_countries_and_people() {
        let text = "Liverpool beat Everton 2-1 on Saturday.";
        assert_eq!(kind_of(text, "Liverpool"), Some(Organization));
        let text = "Japan beat Syria 2-1 in the Asian Cup.";
        assert_eq!(kind_of(text, "Japan"), Some(Place));
        let text = "Pete Sampras beat Andre Agassi 6-3 in the final.";
        assert_eq!(kind_of(text, "Pete Sampras"), Some(Person));
    }

    #[test]
    fn a_city_elsewhere_stays_a_place() {
        let text = "Liverpool is a city in England. He moved to Lyon in 2003.";
        assert_eq!(kind_of(text, "Liverpool"), Some(Place));
        assert_eq!(kind_of(text, "Lyon"), Some(Place));
    }
}
