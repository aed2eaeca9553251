//! Clubs named after their city in match reports and results tables: a
//! city is a team where it scores or is beaten. "Lyon 3 Nantes 1" and
//! "Bayern Munich 5 4 1 0 12 3 13" (a results or standings line:
//! capitalized names followed by numbers and nothing else; an untagged
//! name there is taken too), "Liverpool beat Everton 2-1" (a name before or
//! after a result verb, in a sentence with a score). In a sports report (a
//! headline naming a sport, "SOCCER - ...", "CRICKET - ...", or three
//! results lines) any place that is not a country is a team there, and a
//! result verb needs no score ("Leicestershire beat Somerset by an
//! innings"), and a name before a score is a team ("Essex 532-8
//! declared"); elsewhere only a city, a state or a listed club is. CoNLL
//! practice: a club is an organization; a national team keeps its
//! country's kind (a place), and people stay people ("Sampras beat Agassi
//! 6-3").
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
use crate::entities::rules::{is_cap_word, join, NameSpan};
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

/// Can the name be a club: a listed club, or a place that is no country or
/// another name that is no group (in a sports report), or a city or state
/// (elsewhere); never a person (but a listed club's own name).
fn may_be_club(g: &Gazetteer, name: &str, kind: EntityKind, sports_report: bool) -> bool {
    let club = g.orgs.get(name.to_lowercase().as_str());
    if matches!(club, Some(OrgKind::Club | OrgKind::ClubCity | OrgKind::Team)) {
        return kind != EntityKind::Person || club != Some(&OrgKind::ClubCity);
    }
    let place = g.places.get(name);
    match kind {
        EntityKind::Place if sports_report => !matches!(place, Some(PlaceKind::Country(_))),
        EntityKind::Other if sports_report => !g.is_group(name),
        EntityKind::Place | EntityKind::Other | EntityKind::Organization => {
            matches!(place, Some(PlaceKind::City(_) | PlaceKind::State))
        }
        _ => false,
    }
}

/// Is the paragraph a headline naming a sport ("SOCCER - JAPAN GET LUCKY
/// WIN", "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES")?
fn sport_headline(text: &str, toks: &[Token]) -> bool {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    is(List::Sport, &w(0).to_lowercase()) && matches!(w(1), "-" | "–" | "—" | ":")
}

/// Does the paragraph look like a results or standings line: capitalized
/// runs each followed by a number, nothing else, two runs or one run and
/// three numbers? Returns the runs.
fn table_runs(text: &str, toks: &[Token]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut runs = Vec::new();
    let mut numbers = 0;
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        if t.kind == TokKind::Number {
            numbers += 1;
            k += 1;
            continue;
        }
        if !is_cap_word(text, t) {
            return None;
        }
        let start = k;
        while toks.get(k).is_some_and(|t| is_cap_word(text, t)) {
            k += 1;
        }
        if !toks.get(k).is_some_and(|t| t.kind == TokKind::Number) {
            return None;
        }
        runs.push(start..k);
    }
    (runs.len() >= 2 || (runs.len() == 1 && numbers >= 3)).then_some(runs)
}

/// Turns clubs named after their city into organizations, over the whole
/// document (a sports report is known from its headline or its tables).
pub fn clubs_in_results(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let g = gazetteer();
    let tables: Vec<Option<Vec<std::ops::Range<usize>>>> =
        all_toks.iter().map(|toks| table_runs(text, toks)).collect();
    let sports_report = all_toks.iter().take(3).any(|toks| sport_headline(text, toks))
        || tables.iter().filter(|t| t.is_some()).count() >= 3;
    for ((toks, names), table) in all_toks.iter().zip(all_names.iter_mut()).zip(tables) {
        let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
        // A results line: its untagged runs become names (kind to decide
        // below), the tagged ones must match the runs.
        if let Some(runs) = &table {
            let covered = super::covered(toks.len(), names);
            let mut new = Vec::new();
            for run in runs {
                let tagged = covered.get(run.clone()).is_some_and(|c| c.contains(&true));
                if !tagged {
                    new.push(NameSpan {
                        toks: run.clone(),
                        kind: EntityKind::Place,
                        strong: false,
                    });
                }
            }
            if !new.is_empty() {
                super::splice(names, new);
            }
        }
        let scored = sports_report
            || toks
                .iter()
                .any(|t| t.kind == TokKind::Number && is_score(text.get(t.span.clone()).unwrap_or("")));
        for n in names.iter_mut() {
            let around_verb = scored
                && (is(List::ResultVerb, w(n.toks.end))
                    || n.toks
                        .start
                        .checked_sub(1)
                        .is_some_and(|p| is(List::ResultVerb, w(p))));
            // "Essex 532-8 declared": a team and its score.
            let before_score = sports_report && is_score(w(n.toks.end));
            if !(table.is_some() || around_verb || before_score) {
                continue;
            }
            if may_be_club(g, &join(text, toks, n.toks.clone()), n.kind, sports_report) {
                n.kind = EntityKind::Organization;
                n.strong = true;
            }
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
    fn a_sports_report_makes_teams_of_places_and_untagged_names() {
        let text = "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES .\nLONDON 1996-08-30\n\
                    Leicestershire beat Somerset by an innings and 39 runs .\n\
                    Essex 532-8 declared ( N. Hussain 152 ) ; Worcestershire 82-3";
        assert_eq!(kind_of(text, "Leicestershire"), Some(Organization));
        assert_eq!(kind_of(text, "Somerset"), Some(Organization));
        assert_eq!(kind_of(text, "Essex"), Some(Organization));
        assert_eq!(kind_of(text, "N. Hussain"), Some(Person));
        assert_eq!(kind_of(text, "LONDON"), Some(Place));
        let text = "BASEBALL - MAJOR LEAGUE RESULTS\nHouston 5 St Louis 3\nBlackburn 0 Chelsea 1";
        assert_eq!(kind_of(text, "St Louis"), Some(Organization));
        assert_eq!(kind_of(text, "Blackburn"), Some(Organization));
    }

    #[test]
    fn a_city_elsewhere_stays_a_place() {
        let text = "Liverpool is a city in England. He moved to Lyon in 2003.";
        assert_eq!(kind_of(text, "Liverpool"), Some(Place));
        assert_eq!(kind_of(text, "Lyon"), Some(Place));
    }
}
