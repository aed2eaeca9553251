//! End-to-end entity extraction on the seed article and other real text.

use article_analysis::entities::{extract, Entities, Entity, EntityKind};

const SEED: &str = include_str!("../../seeds/000_8c592e3cf3c6a0f6.txt");

fn entity<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", e.entities))
}

fn surfaces<'a>(text: &'a str, e: &Entities, name: &str) -> Vec<&'a str> {
    let idx = e.entities.iter().position(|x| x.name == name).expect("entity");
    e.mentions
        .iter()
        .filter(|m| m.entity == idx)
        .map(|m| &text[m.span.clone()])
        .collect()
}

#[test]
fn seed_people() {
    let e = extract(SEED);
    let biden = entity(&e, "Joe Biden");
    assert_eq!(biden.kind, EntityKind::Person);
    assert_eq!(biden.id, "person-joe-biden");
    assert_eq!(surfaces(SEED, &e, "Joe Biden"), ["Joe Biden", "Biden", "Biden"]);
    assert_eq!(biden.aliases, ["Biden"]);
    assert_eq!(entity(&e, "Donald Trump").kind, EntityKind::Person);
}

#[test]
fn seed_places_and_groups() {
    let e = extract(SEED);
    for p in [
        "Ukraine",
        "Russia",
        "North Korea",
        "United Kingdom",
        "U.S.",
        "Kursk",
    ] {
        assert_eq!(entity(&e, p).kind, EntityKind::Place, "{p}");
    }
    // Including "Russia's", whose span excludes the possessive.
    assert_eq!(surfaces(SEED, &e, "Russia"), ["Russia"; 4]);
    for (group, country) in [
        ("Ukrainian", "Ukraine"),
        ("Russian", "Russia"),
        ("North Korean", "North Korea"),
    ] {
        let g = entity(&e, group);
        assert_eq!(g.kind, EntityKind::Group);
        let related = g.related.map(|i| e.entities[i].name.as_str());
        assert_eq!(related, Some(country), "{group}");
    }
    assert!(entity(&e, "Ukrainian")
        .aliases
        .contains(&"Ukrainians".to_string()));
}

#[test]
fn seed_organizations_and_other() {
    let e = extract(SEED);
    let nyt = entity(&e, "The New York Times");
    assert_eq!(nyt.kind, EntityKind::Organization);
    assert_eq!(nyt.aliases, ["NYT"]);
    assert_eq!(entity(&e, "Pentagon").kind, EntityKind::Organization);
    assert_eq!(
        entity(&e, "Ukrainian Armed Forces").kind,
        EntityKind::Organization
    );
    let atacms = entity(&e, "ATACMS");
    assert_eq!(atacms.kind, EntityKind::Other);
    assert_eq!(atacms.mentions, 4);
}

#[test]
fn seed_dates_and_quantities() {
    let e = extract(SEED);
    assert_eq!(entity(&e, "two months").kind, EntityKind::Date);
    let q = e
        .entities
        .iter()
        .find(|x| x.kind == EntityKind::Quantity)
        .expect("a quantity");
    assert!(q.name.contains("50,000"), "{q:?}");
}

#[test]
fn seed_invariants() {
    let e = extract(SEED);
    check_invariants(SEED, &e);
    // Entities are ordered by first mention.
    let firsts: Vec<usize> = (0..e.entities.len())
        .map(|i| e.mentions.iter().position(|m| m.entity == i).expect("mentioned"))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    assert_eq!(e.entities[0].name, "U.S.");
}

fn check_invariants(text: &str, e: &Entities) {
    let paras = article_analysis::segment::paragraphs(text);
    let mut ids = std::collections::HashSet::new();
    for ent in &e.entities {
        assert!(!ent.id.is_empty());
        assert!(
            ent.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            ent.id
        );
        assert!(ids.insert(ent.id.clone()), "duplicate id {}", ent.id);
        assert_eq!(
            ent.mentions,
            e.mentions
                .iter()
                .filter(|m| e.entities[m.entity].id == ent.id)
                .count()
        );
        if let Some(r) = ent.related {
            assert!(r < e.entities.len());
        }
    }
    for w in e.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlap {:?} {:?}", w[0], w[1]);
    }
    for m in &e.mentions {
        assert!(m.span.start < m.span.end);
        assert!(text.get(m.span.clone()).is_some(), "not on char boundaries");
        assert!(m.entity < e.entities.len());
        assert_eq!(m.kind, e.entities[m.entity].kind);
        assert!(
            paras
                .iter()
                .any(|p| p.start <= m.span.start && m.span.end <= p.end),
            "mention crosses a paragraph: {:?}",
            &text[m.span.clone()]
        );
    }
}

#[test]
fn possessives_titles_and_the_are_excluded() {
    let text = "Russia's defence ministry said Gen. Valery Gerasimov met the Pentagon's envoy.\nPrime Minister Keir Starmer's office in the United Kingdom said the United States and America agreed.";
    let e = extract(text);
    check_invariants(text, &e);
    let all: Vec<&str> = e.mentions.iter().map(|m| &text[m.span.clone()]).collect();
    assert!(
        all.contains(&"Russia") && all.contains(&"Pentagon") && all.contains(&"Keir Starmer"),
        "{all:?}"
    );
    assert!(all.contains(&"Valery Gerasimov"), "{all:?}");
    assert!(
        !all.iter()
            .any(|s| s.contains("'s") || s.starts_with("the ") || s.contains("Gen.")),
        "{all:?}"
    );
    // "United States" and "America" are one place.
    let us = entity(&e, "United States");
    assert!(us.aliases.contains(&"America".to_string()), "{us:?}");
}

#[test]
fn acronym_with_builtin_expansion() {
    let text = "The United Nations met on Tuesday. The UN said 12% of aid was lost, and NATO stayed out.";
    let e = extract(text);
    let un = entity(&e, "United Nations");
    assert_eq!(un.kind, EntityKind::Organization);
    assert_eq!(un.aliases, ["UN"]);
    // NATO has no expansion in the text: it stays itself.
    assert_eq!(entity(&e, "NATO").kind, EntityKind::Organization);
    assert_eq!(entity(&e, "Tuesday").kind, EntityKind::Date);
    assert_eq!(entity(&e, "12%").kind, EntityKind::Quantity);
}

#[test]
fn hard_wrapped_paragraphs() {
    let text = "\"Well, Prince, so Genoa and Lucca are now just family estates of the\nBuonapartes,\" said Anna Pavlovna Scherer.\n\nPrince Vasili answered Anna\nPavlovna. Anna Pavlovna smiled.";
    let e = extract(text);
    check_invariants(text, &e);
    let anna = entity(&e, "Anna Pavlovna Scherer");
    assert_eq!(anna.kind, EntityKind::Person);
    // The wrapped mention "Anna\nPavlovna" has a clean alias.
    assert!(anna.aliases.iter().all(|a| !a.contains('\n')), "{anna:?}");
    assert_eq!(entity(&e, "Genoa").kind, EntityKind::Place);
}

#[test]
fn never_panics_on_odd_input() {
    let long = "Ünïcödé ".repeat(2000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "'s",
        "U.",
        "$",
        "The",
        "A. B. C. D. E.",
        "👍🏽👍🏽 Biden 👍🏽's",
        "مرحبا بالعالم. محمد بن سلمان في الرياض",
        "e\u{301}\u{301}\u{301} Ame\u{301}lie Poulain",
        "\u{0}\u{1}\u{2} \u{feff}Joe \u{200b}Biden",
        "January 2024, 5, , $ 5 % - 10:30:",
        long.as_str(),
    ];
    for t in inputs {
        let e = extract(t);
        check_invariants(t, &e);
    }
}

#[test]
fn invisible_format_characters_are_not_part_of_names() {
    // From a CENTCOM release: a left-to-right mark follows the second "Mosul".
    let text = "The fight for Mosul goes on. After the liberation of Mosul\u{200e}, work remains.";
    let e = article_analysis::entities::extract(text);
    let mosul: Vec<&article_analysis::entities::Entity> = e
        .entities
        .iter()
        .filter(|x| x.name.starts_with("Mosul"))
        .collect();
    assert_eq!(mosul.len(), 1, "{:?}", e.entities);
    assert_eq!(mosul[0].name, "Mosul");
    assert_eq!(mosul[0].mentions, 2);
}
