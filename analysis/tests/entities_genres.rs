//! The entity panel on five documents of the training corpora's genres:
//! news (UNER English-PUD), news releases and government statements (re3d:
//! CENTCOM, US State Department, UK Government) and web text (UNER
//! English-EWT answers). `tests/fixtures/genres.jsonl` holds each document
//! with its human annotation (CoNLL labels, code-point offsets), its source
//! and its license.
//!
//! What a reader should see, checked against the annotators: the names they
//! marked are in the panel with the right type, the panel holds little they
//! did not mark, and a person's surname joins the full name. These documents
//! were among the training data of the tagger (only the dev set and a
//! hold-out were not), so this is a check of the panel, not a measure of
//! accuracy: BENCHMARKS.md has that.

use std::collections::{BTreeMap, BTreeSet};

use article_analysis::entities::extract;
use serde_json::Value;

struct Doc {
    id: String,
    text: String,
    /// Gold mentions as byte ranges with their CoNLL label.
    gold: Vec<(std::ops::Range<usize>, String)>,
    misc_annotated: bool,
}

fn docs() -> Vec<Doc> {
    let data = include_str!("fixtures/genres.jsonl");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("fixture line is JSON");
            let text = v["text"].as_str().expect("text").to_string();
            let mut cp: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            cp.push(text.len());
            let gold = v["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|e| {
                    let s = cp[e["start"].as_u64().expect("start") as usize];
                    let t = cp[e["end"].as_u64().expect("end") as usize];
                    (s..t, e["label"].as_str().expect("label").to_string())
                })
                .collect();
            let misc_annotated = v["labels_annotated"]
                .as_array()
                .is_none_or(|a| a.iter().any(|l| l == "MISC"));
            Doc {
                id: v["id"].as_str().expect("id").to_string(),
                text,
                gold,
                misc_annotated,
            }
        })
        .collect()
}

#[test]
fn five_documents_of_the_training_genres_read_as_annotated() {
    let docs = docs();
    assert_eq!(docs.len(), 5);
    let (mut found_all, mut names_all, mut junk_all, mut panel_all) = (0, 0, 0, 0);
    for d in &docs {
        let e = extract(&d.text);
        // Every distinct annotated name: is it in the panel with its type?
        let mut names: BTreeMap<&str, &str> = BTreeMap::new();
        for (r, label) in &d.gold {
            names.insert(&d.text[r.clone()], label);
        }
        let mut shown: BTreeSet<(&str, &str)> = BTreeSet::new();
        for m in &e.mentions {
            if let Some(label) = m.kind.conll() {
                shown.insert((&d.text[m.span.clone()], label));
            }
        }
        let missing: Vec<_> = names
            .iter()
            .filter(|(n, l)| !shown.contains(&(**n, **l)))
            .collect();
        // Every panel entity (names, not dates or quantities): did the
        // annotators mark at least one of its mentions, or overlap it?
        let mut junk = Vec::new();
        let mut panel = 0;
        for (i, ent) in e.entities.iter().enumerate() {
            let Some(label) = ent.kind.conll() else { continue };
            if label == "MISC" && !d.misc_annotated {
                continue;
            }
            panel += 1;
            let marked = e.mentions.iter().filter(|m| m.entity == i).any(|m| {
                d.gold
                    .iter()
                    .any(|(r, _)| r.start < m.span.end && m.span.start < r.end)
            });
            if !marked {
                junk.push(&ent.name);
            }
        }
        let recall = 1.0 - missing.len() as f64 / names.len().max(1) as f64;
        let precision = 1.0 - junk.len() as f64 / panel.max(1) as f64;
        assert!(recall >= 0.8, "{}: annotated names missing: {missing:?}", d.id);
        assert!(
            precision >= 0.8,
            "{}: panel entities nobody marked: {junk:?}",
            d.id
        );
        found_all += names.len() - missing.len();
        names_all += names.len();
        junk_all += junk.len();
        panel_all += panel;
        // A surname the annotators marked as a person joins the full name.
        for (r, label) in &d.gold {
            let surface = &d.text[r.clone()];
            if label != "PER" || surface.contains(' ') {
                continue;
            }
            let full = names
                .iter()
                .find(|(n, l)| **l == "PER" && n.ends_with(&format!(" {surface}")))
                .map(|(n, _)| *n);
            if let Some(full) = full {
                let ent = e
                    .mentions
                    .iter()
                    .find(|m| m.span == *r)
                    .map(|m| e.entities[m.entity].name.as_str());
                assert_eq!(
                    ent,
                    Some(full),
                    "{}: {surface:?} is not merged into {full:?}",
                    d.id
                );
            }
        }
    }
    // Across the five: at least nine names in ten, at most one entity in
    // ten that no annotator marked.
    assert!(
        found_all * 10 >= names_all * 9,
        "{found_all} of {names_all} annotated names"
    );
    assert!(
        junk_all * 10 <= panel_all,
        "{junk_all} of {panel_all} panel entities unmarked"
    );
}
