//! Property tests for the reader's annotations: anchors are found where they
//! were made and survive text added elsewhere; anchoring never panics on any
//! target; highlights and corrections survive their JSON; corrections never
//! panic and keep the `Entities` invariants (the shared checks of
//! `fuzz/src/lib.rs`) for any text and any list of corrections.

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::annotations::anchor::{
    anchor, Anchor, Target, TextPositionSelector, TextQuoteSelector,
};
use article_analysis::annotations::corrections::{apply, Correction, EntityKey, Entry, Scope};
use article_analysis::annotations::highlight::{Color, Highlight};
use article_analysis::annotations::occurrences::occurrences;
use article_analysis::annotations::web::{highlights_from, web_annotations};
use article_analysis::entities::{extract, Entities, Entity, EntityKind, Mention};
use article_analysis::segment::paragraphs;
use checks::*;
use proptest::prelude::*;

const SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ". ", ", ", "", "  \n "];

fn news(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(NEWS_PIECES), prop::sample::select(SEPS)),
        0..max,
    )
    .prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => news(50)]
}

fn kind() -> impl Strategy<Value = EntityKind> {
    prop::sample::select(EntityKind::ALL.to_vec())
}

/// A byte range of `text` on char boundaries from two numbers (empty when
/// the text is).
fn span_of(text: &str, a: usize, b: usize) -> std::ops::Range<usize> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    x.min(y)..x.max(y)
}

/// A correction drawn from numbers, naming the entities of `e` (by name or
/// alias, in any case) or a piece of news.
fn correction(
    e: &Entities,
    (op, a, b, k1, k2, p): (u8, usize, usize, EntityKind, EntityKind, usize),
) -> Correction {
    let piece = NEWS_PIECES[p % NEWS_PIECES.len()];
    let key = |i: usize| -> EntityKey {
        match e.entities.get(i % e.entities.len().max(1)) {
            Some(x) if i.is_multiple_of(3) && !x.aliases.is_empty() => {
                EntityKey::new(&x.aliases[i % x.aliases.len()].to_uppercase(), x.kind)
            }
            Some(x) => EntityKey::of(x),
            None => EntityKey::new(piece, k1),
        }
    };
    match op % 5 {
        0 => Correction::Rename {
            key: key(a),
            name: piece.to_string(),
        },
        1 => Correction::ChangeType {
            key: key(a),
            kind: k2,
        },
        2 => Correction::Merge {
            from: key(a),
            into: key(b),
        },
        3 => Correction::NotAnEntity { key: key(a) },
        _ => Correction::AddEntity {
            name: piece.to_string(),
            kind: k1,
        },
    }
}

type Draw = (u8, usize, usize, EntityKind, EntityKind, usize);

fn draws() -> impl Strategy<Value = Vec<Draw>> {
    prop::collection::vec(
        (
            any::<u8>(),
            any::<usize>(),
            any::<usize>(),
            kind(),
            kind(),
            any::<usize>(),
        ),
        0..12,
    )
}

/// The names the corrections typed (whitespace collapsed, as applied).
fn renamed(cs: &[Correction]) -> Vec<String> {
    cs.iter()
        .filter_map(|c| match c {
            Correction::Rename { name, .. } => Some(name.split_whitespace().collect::<Vec<_>>().join(" ")),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn corrections_keep_the_entity_invariants(t in text(), d in draws()) {
        let e = extract(&t);
        let cs: Vec<Correction> = d.into_iter().map(|x| correction(&e, x)).collect();
        let out = apply(&t, &e, &cs);
        check_corrected_entities(&t, &out, &renamed(&cs));
        prop_assert_eq!(&out, &apply(&t, &e, &cs), "deterministic");
        // Corrections applied one at a time, each to the previous result,
        // give the same entities as the list at once.
        let stepwise = cs.iter().fold(e.clone(), |acc, c| apply(&t, &acc, std::slice::from_ref(c)));
        prop_assert_eq!(stepwise, out);
    }

    #[test]
    fn no_corrections_change_nothing(t in news(50)) {
        let e = extract(&t);
        prop_assert_eq!(apply(&t, &e, &[]), e);
    }

    /// Whatever the input (mentions out of range, overlapping, off char
    /// boundaries, a text that is not theirs), `apply` does not panic and
    /// its mentions are valid spans of the text.
    #[test]
    fn corrections_of_any_entities_do_not_panic(
        t in text(),
        raw in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>(), kind()), 0..8),
        d in draws(),
    ) {
        let n = raw.len();
        let e = Entities {
            entities: raw.iter().enumerate().map(|(i, &(_, _, _, kind))| Entity {
                id: format!("x{}", i % 3),
                name: NEWS_PIECES[i % NEWS_PIECES.len()].to_string(),
                kind,
                aliases: vec![NEWS_PIECES[(i + 1) % NEWS_PIECES.len()].to_string()],
                mentions: 1,
                related: Some(i % (n + 1)),
            }).collect(),
            mentions: raw.iter().map(|&(a, b, ent, kind)| Mention {
                span: a % (t.len() + 2)..b % (t.len() + 2),
                kind,
                entity: ent % (n + 2),
            }).collect(),
        };
        let cs: Vec<Correction> = d.into_iter().map(|x| correction(&e, x)).collect();
        let out = apply(&t, &e, &cs);
        let spans: Vec<_> = out.mentions.iter().map(|m| m.span.clone()).collect();
        check_sorted_disjoint(&t, &spans, "corrected mentions");
        for m in &out.mentions {
            prop_assert!(m.entity < out.entities.len());
        }
    }

    #[test]
    fn occurrences_are_the_name_inside_one_paragraph(t in news(50), p in 0usize..64) {
        let name = NEWS_PIECES[p % NEWS_PIECES.len()];
        let found = occurrences(&t, name);
        check_sorted_disjoint(&t, &found, "occurrences");
        let paras = paragraphs(&t);
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in &found {
            prop_assert_eq!(flat(&t[s.clone()]), flat(name));
            prop_assert!(paras.iter().any(|p| p.start <= s.start && s.end <= p.end));
        }
    }

    #[test]
    fn a_target_anchors_exactly_where_it_was_made(t in text(), a in any::<usize>(), b in any::<usize>()) {
        let span = span_of(&t, a, b);
        match Target::new(&t, span.clone()) {
            Some(target) => prop_assert_eq!(anchor(&t, &target), Anchor::Exact(span)),
            None => prop_assert!(span.is_empty()),
        }
    }

    #[test]
    fn an_anchor_survives_text_added_elsewhere(
        t in news(40),
        a in any::<usize>(),
        b in any::<usize>(),
        at in any::<usize>(),
        added in news(8),
    ) {
        let span = span_of(&t, a, b);
        let Some(target) = Target::new(&t, span.clone()) else { return Ok(()) };
        // Insert before the passage or after it.
        let cut = span_of(&t, at, at).start;
        let cut = if cut > span.start && cut < span.end { span.end } else { cut };
        let edited = format!("{}{added}{}", &t[..cut], &t[cut..]);
        let found = anchor(&edited, &target);
        let s = found.span().expect("found");
        prop_assert_eq!(&edited[s.clone()], target.quote.exact.as_str());
        if edited.matches(target.quote.exact.as_str()).count() == 1 {
            let shift = if cut <= span.start { added.len() } else { 0 };
            prop_assert_eq!(s, span.start + shift..span.end + shift);
        }
    }

    #[test]
    fn anchoring_any_target_never_panics(
        t in text(),
        exact in any::<String>(),
        prefix in any::<String>(),
        suffix in any::<String>(),
        start in any::<usize>(),
        end in any::<usize>(),
    ) {
        let target = Target {
            quote: TextQuoteSelector { exact: exact.clone(), prefix, suffix },
            position: TextPositionSelector { start, end },
        };
        if let Some(s) = anchor(&t, &target).span() {
            prop_assert!(t.get(s.clone()).is_some() && s.start < s.end);
        }
    }

    #[test]
    fn highlights_survive_web_annotation_json(
        t in text(),
        hs in prop::collection::vec(
            (any::<usize>(), any::<usize>(), prop::sample::select(Color::ALL.to_vec()), any::<String>(), 0u64..253_402_300_800_000, "[a-zA-Z0-9 _/ü%-]{0,6}"),
            0..6,
        ),
    ) {
        let highlights: Vec<Highlight> = hs
            .into_iter()
            .enumerate()
            .filter_map(|(i, (a, b, color, note, created, id))| {
                let note = if note.trim().is_empty() { String::new() } else { note };
                Highlight::new(&format!("{i}{id}"), &t, span_of(&t, a, b), color, &note, created)
            })
            .collect();
        let json = serde_json::to_string(&web_annotations("https://example.org/a?x=1#y", "T", &t, &highlights)).unwrap();
        let mut back = highlights_from(&serde_json::from_str(&json).unwrap(), &t).highlights;
        let mut want = highlights.clone();
        back.sort_by(|a, b| a.id.cmp(&b.id));
        want.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(back, want);
    }

    #[test]
    fn corrections_survive_json(t in news(20), d in draws(), created in any::<u64>(), all in any::<bool>()) {
        let e = extract(&t);
        let entries: Vec<Entry> = d
            .into_iter()
            .map(|x| Entry {
                correction: correction(&e, x),
                scope: if all { Scope::AllArticles } else { Scope::Article },
                created,
            })
            .collect();
        let json = serde_json::to_string(&entries).unwrap();
        prop_assert_eq!(serde_json::from_str::<Vec<Entry>>(&json).unwrap(), entries);
    }
}
