//! Entity corrections on written examples: each kind of correction, a
//! sequence of them, undo by replaying, a personal-dictionary entry on a new
//! text, the JSON of a correction list, and a corrected analysis flowing
//! through the CSV and JSON exports and the passage filters.
//!
//! Most examples build their entities by hand (so they test the corrections,
//! not the extractor); the last ones use the extractor like the app does.

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::annotations::corrections::{apply, in_order, Correction, EntityKey, Entry, Scope};
use article_analysis::annotations::occurrences::occurrences;
use article_analysis::entities::merge::slug;
use article_analysis::entities::{Entities, Entity, EntityKind, Mention};
use article_analysis::export::{entities_csv, entities_json};
use article_analysis::{Analysis, Article};
use checks::check_corrected_entities;
use EntityKind::*;

/// Entities of `text` made by hand: each (name, kind, surfaces) is one
/// entity whose mentions are every occurrence of its surfaces (the first
/// entity listed wins an overlap), ordered by first mention.
fn entities(text: &str, groups: &[(&str, EntityKind, &[&str])]) -> Entities {
    let mut spans: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    for (g, (_, _, surfaces)) in groups.iter().enumerate() {
        for s in *surfaces {
            for span in occurrences(text, s) {
                if spans
                    .iter()
                    .all(|(o, _)| o.end <= span.start || span.end <= o.start)
                {
                    spans.push((span, g));
                }
            }
        }
    }
    spans.sort_by_key(|s| s.0.start);
    let mut order: Vec<usize> = Vec::new();
    for (_, g) in &spans {
        if !order.contains(g) {
            order.push(*g);
        }
    }
    let index = |g: usize| order.iter().position(|&o| o == g).unwrap();
    let mut out = Entities {
        entities: order
            .iter()
            .map(|&g| {
                let (name, kind, _) = groups[g];
                Entity {
                    id: format!("{}-{}", kind.as_str(), slug(name)),
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                    mentions: 0,
                    related: None,
                }
            })
            .collect(),
        mentions: Vec::new(),
    };
    for (span, g) in spans {
        let e = index(g);
        let surface = text[span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let ent = &mut out.entities[e];
        ent.mentions += 1;
        if surface != ent.name && !ent.aliases.contains(&surface) {
            ent.aliases.push(surface);
        }
        out.mentions.push(Mention {
            span,
            kind: ent.kind,
            entity: e,
        });
    }
    out
}

fn by_name<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:?}", e.entities))
}

fn has(e: &Entities, name: &str) -> bool {
    e.entities.iter().any(|x| x.name == name)
}

/// The text of every mention, with its entity's name.
fn marks<'a>(text: &'a str, e: &'a Entities) -> Vec<(&'a str, &'a str)> {
    e.mentions
        .iter()
        .map(|m| (&text[m.span.clone()], e.entities[m.entity].name.as_str()))
        .collect()
}

/// `apply`, checked against the shared invariants (`renamed`: names the
/// corrections typed).
fn fixed(text: &str, e: &Entities, cs: &[Correction]) -> Entities {
    let renamed: Vec<String> = cs
        .iter()
        .filter_map(|c| match c {
            Correction::Rename { name, .. } => Some(name.split_whitespace().collect::<Vec<_>>().join(" ")),
            _ => None,
        })
        .collect();
    let out = apply(text, e, cs);
    check_corrected_entities(text, &out, &renamed);
    assert_eq!(out, apply(text, e, cs), "deterministic");
    out
}

/// "Add entity".
fn add(name: &str, kind: EntityKind) -> Correction {
    Correction::AddEntity {
        name: name.into(),
        kind,
    }
}

/// "Not an entity" for the entity `name` of `kind`.
fn not_an_entity(name: &str, kind: EntityKind) -> Correction {
    Correction::NotAnEntity {
        key: EntityKey::new(name, kind),
    }
}

/// "Change type" of the entity `name` of `kind` to `to`.
fn change_type(name: &str, kind: EntityKind, to: EntityKind) -> Correction {
    Correction::ChangeType {
        key: EntityKey::new(name, kind),
        kind: to,
    }
}

/// "Merge into…" of two entities of the same `kind`.
fn merge(from: &str, into: &str, kind: EntityKind) -> Correction {
    Correction::Merge {
        from: EntityKey::new(from, kind),
        into: EntityKey::new(into, kind),
    }
}

const NEWS: &str = "Joe Biden spoke in Kyiv. Biden said Kiev needs air defence.\n\
    Ukrainian officials thanked Biden. Apple shares rose in May.\n\
    May Ellis of Bank of America said America will help Kyiv.";

fn news() -> Entities {
    let e = entities(
        NEWS,
        &[
            ("Joe Biden", Person, &["Joe Biden", "Biden"]),
            ("Kyiv", Place, &["Kyiv"]),
            ("Kiev", Place, &["Kiev"]),
            ("Ukrainian", Group, &["Ukrainian"]),
            ("Apple", Other, &["Apple"]),
            ("May", Person, &["May"]),
            ("America", Place, &["America"]),
        ],
    );
    check_corrected_entities(NEWS, &e, &[]);
    e
}

#[test]
fn no_corrections_change_nothing() {
    let e = news();
    assert_eq!(apply(NEWS, &e, &[]), e);
}

#[test]
fn rename_keeps_the_id_and_the_old_name_as_an_alias() {
    let e = news();
    // The key matches whatever the case and spacing.
    let key = EntityKey::new("joe   BIDEN", Person);
    let out = fixed(
        NEWS,
        &e,
        &[Correction::Rename {
            key,
            name: " President  Biden ".into(),
        }],
    );
    let b = by_name(&out, "President Biden");
    assert_eq!(b.id, "person-joe-biden");
    assert_eq!(b.aliases, ["Joe Biden", "Biden"]);
    assert_eq!(b.mentions, 3);
    assert!(!has(&out, "Joe Biden"));
}

#[test]
fn change_type_moves_the_entity_and_its_mentions() {
    let e = news();
    let out = fixed(NEWS, &e, &[change_type("Apple", Other, Organization)]);
    let apple = by_name(&out, "Apple");
    assert_eq!(
        (apple.kind, apple.id.as_str()),
        (Organization, "organization-apple")
    );
    let i = out.entities.iter().position(|x| x.name == "Apple").unwrap();
    assert!(out.mentions_of(i).all(|m| m.kind == Organization));
    // A key with the wrong kind names nothing.
    let same = fixed(NEWS, &e, &[change_type("Apple", Person, Place)]);
    assert_eq!(same, e);
}

#[test]
fn merge_joins_mentions_and_aliases_and_redirects_related_entities() {
    let mut e = news();
    // "Ukrainian" is related to "Kiev" (as a demonym to its country).
    let kiev = e.entities.iter().position(|x| x.name == "Kiev").unwrap();
    let ukr = e.entities.iter().position(|x| x.name == "Ukrainian").unwrap();
    e.entities[ukr].related = Some(kiev);
    let out = fixed(NEWS, &e, &[merge("Kiev", "Kyiv", Place)]);
    assert!(!has(&out, "Kiev"));
    let kyiv = by_name(&out, "Kyiv");
    assert_eq!(
        (kyiv.mentions, kyiv.aliases.clone(), kyiv.id.as_str()),
        (3, vec!["Kiev".to_string()], "place-kyiv")
    );
    let k = out.entities.iter().position(|x| x.name == "Kyiv").unwrap();
    assert_eq!(by_name(&out, "Ukrainian").related, Some(k));
    assert_eq!(
        marks(NEWS, &out)
            .iter()
            .filter(|m| m.1 == "Kyiv")
            .map(|m| m.0)
            .collect::<Vec<_>>(),
        ["Kyiv", "Kiev", "Kyiv"]
    );
    assert_eq!(out.entities.len(), e.entities.len() - 1);
}

#[test]
fn not_an_entity_removes_it_and_unmarks_its_mentions() {
    let mut e = news();
    let may = e.entities.iter().position(|x| x.name == "May").unwrap();
    let ukr = e.entities.iter().position(|x| x.name == "Ukrainian").unwrap();
    e.entities[ukr].related = Some(may);
    let out = fixed(NEWS, &e, &[not_an_entity("May", Person)]);
    assert!(!has(&out, "May"));
    assert!(marks(NEWS, &out).iter().all(|m| m.0 != "May"));
    assert_eq!(out.mentions.len(), e.mentions.len() - 2);
    assert_eq!(by_name(&out, "Ukrainian").related, None);
}

#[test]
fn add_entity_marks_every_occurrence_and_the_longer_name_wins() {
    let e = news();
    let out = fixed(
        NEWS,
        &e,
        &[add("Bank of America", Organization), add("May Ellis", Person)],
    );
    // "America" inside "Bank of America" is replaced; the lone one stays.
    let m = marks(NEWS, &out);
    assert!(m.contains(&("Bank of America", "Bank of America")));
    assert!(m.contains(&("America", "America")));
    assert_eq!(by_name(&out, "America").mentions, 1);
    let boa = by_name(&out, "Bank of America");
    assert_eq!(
        (boa.kind, boa.id.as_str(), boa.mentions),
        (Organization, "organization-bank-of-america", 1)
    );
    // "May Ellis" takes over the mention "May" inside it; "May" keeps the
    // other one.
    assert_eq!(by_name(&out, "May Ellis").mentions, 1);
    assert_eq!(by_name(&out, "May").mentions, 1);
}

#[test]
fn add_entity_skips_occurrences_inside_or_across_longer_mentions() {
    let text = "Bank of America Today ran a story on America.";
    let e = entities(text, &[("America Today", Other, &["America Today"])]);
    // "Bank of America" crosses the edge of "America Today": left out.
    let out = fixed(text, &e, &[add("Bank of America", Organization)]);
    assert_eq!(out, e);
    // "America" inside "America Today" is left out; the other is marked.
    let out = fixed(text, &e, &[add("America", Place)]);
    assert_eq!(
        marks(text, &out),
        [("America Today", "America Today"), ("America", "America")]
    );
    // A name that is not in the text, or only inside words, adds nothing.
    for name in ["Americas", "merica", "", "  "] {
        assert_eq!(fixed(text, &e, &[add(name, Place)]), e);
    }
}

#[test]
fn add_entity_joins_the_entity_it_names_and_replaces_a_whole_entity() {
    let e = news();
    // "Biden" is an alias of "Joe Biden": nothing new.
    let out = fixed(NEWS, &e, &[add("Biden", Person)]);
    assert_eq!(out, e);
    // "Apple" as an organization takes every mention of the "Apple" other
    // name, which disappears.
    let out = fixed(NEWS, &e, &[add("Apple", Organization)]);
    assert_eq!(by_name(&out, "Apple").kind, Organization);
    assert_eq!(out.entities.iter().filter(|x| x.name == "Apple").count(), 1);
}

#[test]
fn a_sequence_applies_in_order_and_undo_is_a_replay_without_the_entry() {
    let e = news();
    let list = vec![
        Correction::Rename {
            key: EntityKey::new("Kiev", Place),
            name: "Kyiv (old spelling)".into(),
        },
        // The renamed entity is named by its new name, or its old one.
        merge("Kyiv (old spelling)", "Kyiv", Place),
        change_type("Apple", Other, Organization),
        Correction::Rename {
            key: EntityKey::new("Apple", Organization),
            name: "Apple Inc.".into(),
        },
        not_an_entity("May", Person),
        add("May", Date),
    ];
    let out = fixed(NEWS, &e, &list);
    assert_eq!(by_name(&out, "Kyiv").mentions, 3);
    assert_eq!(
        by_name(&out, "Kyiv").aliases,
        ["Kiev"],
        "the typed name is no alias: the text never writes it"
    );
    let apple = by_name(&out, "Apple Inc.");
    assert_eq!(
        (apple.kind, apple.id.as_str()),
        (Organization, "organization-apple")
    );
    let may = by_name(&out, "May");
    assert_eq!((may.kind, may.mentions, may.id.as_str()), (Date, 2, "date-may"));
    // Undo the merge: replay without it.
    let mut undone = list.clone();
    undone.remove(1);
    let out = fixed(NEWS, &e, &undone);
    assert_eq!(by_name(&out, "Kyiv (old spelling)").aliases, ["Kiev"]);
    assert_eq!(by_name(&out, "Kyiv").mentions, 2);
}

#[test]
fn ids_stay_unique() {
    // "May" the person and "May" the month.
    let text = "May met him in May.";
    let entity = |id: &str, kind| Entity {
        id: id.into(),
        name: "May".into(),
        kind,
        aliases: vec![],
        mentions: 1,
        related: None,
    };
    let e = Entities {
        entities: vec![entity("person-may", Person), entity("date-may", Date)],
        mentions: vec![
            Mention {
                span: 0..3,
                kind: Person,
                entity: 0,
            },
            Mention {
                span: 15..18,
                kind: Date,
                entity: 1,
            },
        ],
    };
    let out = fixed(text, &e, &[change_type("May", Date, Person)]);
    let ids: Vec<&str> = out.entities.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["person-may", "person-may-2"]);
    // An added entity asks for its id like the extractor makes them.
    let out = fixed(text, &out, &[add("him", Person)]);
    assert_eq!(by_name(&out, "him").id, "person-him");
}

#[test]
fn a_dictionary_entry_applies_to_a_new_text() {
    let dictionary = vec![
        Entry {
            correction: not_an_entity("May", Person),
            scope: Scope::AllArticles,
            created: 1,
        },
        Entry {
            correction: add("Acme Corp", Organization),
            scope: Scope::AllArticles,
            created: 3,
        },
    ];
    let article = vec![Entry {
        correction: Correction::Rename {
            key: EntityKey::new("Acme Corp", Organization),
            name: "ACME".into(),
        },
        scope: Scope::Article,
        created: 5,
    }];
    let order = in_order(&article, &dictionary);
    assert_eq!(order.len(), 3);
    assert!(
        matches!(order[2], Correction::Rename { .. }),
        "the article's rename comes after the dictionary's add"
    );
    // A text the dictionary has never seen.
    let text = "In May, Acme Corp hired May Ellis. Acme Corp grew.";
    let e = entities(text, &[("May", Person, &["May"]), ("Ellis", Person, &["Ellis"])]);
    let out = fixed(text, &e, &in_order(&[], &dictionary));
    assert!(!has(&out, "May"));
    assert_eq!(by_name(&out, "Acme Corp").mentions, 2);
    let out = fixed(text, &e, &order);
    assert_eq!(by_name(&out, "ACME").mentions, 2);
    // With the extractor, as the app does for a newly pasted text.
    // Every "Acme Corp" is then (part of) an organization's mention.
    let found = article_analysis::entities::extract(text);
    let out = fixed(text, &found, &in_order(&[], &dictionary));
    for span in occurrences(text, "Acme Corp") {
        assert!(
            out.mentions
                .iter()
                .any(|m| m.span.start <= span.start && span.end <= m.span.end && m.kind == Organization),
            "{span:?} in {:?}",
            marks(text, &out)
        );
    }
}

#[test]
fn corrections_travel_as_json() {
    let entries = vec![Entry {
        correction: merge("Kiev", "Kyiv", Place),
        scope: Scope::AllArticles,
        created: 1_700_000_000_000,
    }];
    let json = serde_json::to_value(&entries).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "correction": {"op": "merge", "from": {"name": "Kiev", "kind": "place"}, "into": {"name": "Kyiv", "kind": "place"}},
            "scope": "all_articles",
            "created": 1_700_000_000_000u64
        }])
    );
    let back: Vec<Entry> = serde_json::from_value(json).unwrap();
    assert_eq!(back, entries);
    let bad = serde_json::json!([{"correction": {"op": "not_an_entity", "key": {"name": "X", "kind": "planet"}}, "scope": "article", "created": 0}]);
    assert!(
        serde_json::from_value::<Vec<Entry>>(bad).is_err(),
        "unknown kinds are refused"
    );
    assert_eq!(
        entries[0].correction.describe(),
        "Merge “Kiev” (place) into “Kyiv” (place)"
    );
}

#[cfg(feature = "json")]
#[test]
fn correction_lists_export_and_import_as_json_text() {
    use article_analysis::annotations::corrections::{corrections_json, parse_corrections_json};
    let entries = vec![Entry {
        correction: add("Acme", Organization),
        scope: Scope::Article,
        created: 2,
    }];
    assert_eq!(parse_corrections_json(&corrections_json(&entries)), Ok(entries));
    assert!(parse_corrections_json("[{\"op\": 1}]").is_err());
}

/// The app's flow: analyse, correct, rebuild the analysis, export.
#[test]
fn a_corrected_analysis_flows_through_exports_and_filters() {
    let body = "Joe Biden met Volodymyr Zelensky in Kyiv on Monday. \
        Biden said Kiev would get more missiles.\n\
        Zelensky thanked Biden in Kyiv.";
    let a = Analysis::new(Article::parse("talks.txt", body));
    let find = |name: &str| {
        a.entities
            .entities
            .iter()
            .find(|x| x.name == name)
            .map(EntityKey::of)
            .unwrap_or_else(|| panic!("the extractor finds {name:?}: {:?}", a.entities.entities))
    };
    let kyiv_before = by_name(&a.entities, "Kyiv").mentions + by_name(&a.entities, "Kiev").mentions;
    let list = [
        Correction::Merge {
            from: find("Kiev"),
            into: find("Kyiv"),
        },
        Correction::NotAnEntity {
            key: find("Volodymyr Zelensky"),
        },
        Correction::Rename {
            key: find("Joe Biden"),
            name: "President Biden".into(),
        },
        add("missiles", Other),
    ];
    let fixed_entities = fixed(&a.article.body, &a.entities, &list);
    let a = a.with_entities(fixed_entities);
    checks::check_corrected_analysis(&a, &["President Biden".to_string()]);
    let csv = entities_csv(&a);
    assert!(
        csv.contains(&format!("\"Kyiv\",place,\"Kiev\",{kyiv_before},")),
        "{csv}"
    );
    assert!(
        csv.contains("\"President Biden\",person,\"Joe Biden; Biden\",3,0\n"),
        "{csv}"
    );
    assert!(csv.contains("\"missiles\",other,\"\",1,"), "{csv}");
    assert!(!csv.contains("Zelensky"), "{csv}");
    let json = entities_json(&a);
    assert!(
        json.contains("\"id\": \"person-joe-biden\", \"name\": \"President Biden\""),
        "{json}"
    );
    // The filter by entity follows the corrections: the added "missiles"
    // is in the first paragraph only.
    let missiles = a.entity_by_id("other-missiles").unwrap();
    assert_eq!(a.passages_with_all(&[missiles]), vec![0]);
}
