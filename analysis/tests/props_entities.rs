//! Property tests for entity extraction and alias merging: no panic on any
//! input; mentions sorted, disjoint, non-empty, on `char` boundaries and
//! inside one paragraph; entity indices valid; mention counts, kinds, names,
//! aliases, related entities and ids consistent.
//!
//! The invariant checks are shared with the `entities` fuzz target
//! (`fuzz/src/lib.rs`, see RELIABILITY.md).

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::entities::merge::{self, Raw};
use article_analysis::entities::{extract, EntityKind};
use article_analysis::segment::{words, Span};
use checks::*;
use proptest::prelude::*;

/// News-like pieces: names, titles, gazetteer entries, acronyms and their
/// expansions, demonyms, dates, quantities, abbreviations, punctuation.
const PIECES: &[&str] = &[
    "Joe Biden",
    "Biden",
    "Biden's",
    "President",
    "Mr.",
    "Gen.",
    "Mark Milley",
    "Martin Luther King",
    "Ukraine",
    "Ukrainian",
    "Ukrainians",
    "Kyiv",
    "Russia",
    "Russian",
    "the United States",
    "U.S.",
    "US",
    "America",
    "NATO",
    "North Atlantic Treaty Organization",
    "The New York Times",
    "NYT",
    "New York",
    "Ministry of Defense",
    "ATACMS",
    "the",
    "The",
    "said",
    "in",
    "of",
    "and",
    "on",
    "troops",
    "missiles",
    "Monday",
    "17 November 2024",
    "Nov. 17",
    "2024",
    "$3.5 billion",
    "1,200",
    "40%",
    "5 p.m.",
    "café",
    "Zoë",
    "Łódź",
    "İstanbul",
    "Москва",
    "😀",
    "\"",
    "“",
    "”",
    "’s",
    "'",
    "(",
    ")",
    ",",
    ".",
    "-",
    "—",
    "e.g.",
    "J.",
    "O'Brien",
    "al-Sudani",
    "ISIS",
    "Islamic State",
];
const SEPS: &[&str] = &[" ", " ", " ", " ", "\n", "\n\n", ". ", ", ", "", "\r\n", "  "];

fn news(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPS)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => news(60)]
}

fn kind() -> impl Strategy<Value = EntityKind> {
    prop::sample::select(EntityKind::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn extraction_is_well_formed(t in text()) {
        let e = extract(&t);
        check_entities(&t, &e);
    }

    #[test]
    fn extraction_is_deterministic(t in news(40)) {
        prop_assert_eq!(extract(&t), extract(&t));
    }

    #[test]
    fn extraction_of_lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let t = String::from_utf8_lossy(&bytes);
        check_entities(&t, &extract(&t));
    }

    /// Alias merging alone, with mentions of any kind on any word groups.
    #[test]
    fn merging_any_mentions_is_consistent(
        t in news(40),
        picks in prop::collection::vec((0usize..4, 1usize..4, kind(), any::<bool>()), 0..16),
    ) {
        let ws: Vec<Span> = words(&t).map(|(o, w)| o..o + w.len()).collect();
        let mut raws = Vec::new();
        let mut i = 0;
        for (skip, len, kind, strong) in picks {
            i += skip;
            if i + len > ws.len() {
                break;
            }
            raws.push(Raw { span: ws[i].start..ws[i + len - 1].end, kind, strong });
            i += len;
        }
        let e = merge::build(&t, raws.clone());
        prop_assert_eq!(e.mentions.len(), raws.len());
        for (m, r) in e.mentions.iter().zip(&raws) {
            prop_assert_eq!(&m.span, &r.span);
        }
        let spans: Vec<Span> = e.mentions.iter().map(|m| m.span.clone()).collect();
        check_sorted_disjoint(&t, &spans, "merged mentions");
        check_entity_table(&t, &e);
    }

    #[test]
    fn slugs_are_url_safe(s in any::<String>()) {
        let slug = merge::slug(&s);
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
    }
}

// Regressions found by fuzzing `entities::extract` go below, `#[ignore]`d
// until the entities module takes them (see RELIABILITY.md).

/// Found by the `entities` fuzz target (crash after 360,690 runs, input
/// minimised by hand): entity ids are not unique. "1%" gets
/// `quantity-1`, "1,2" gets `quantity-1-2` (its own slug), and "1" (another
/// entity with the slug `1`) gets the numbered `quantity-1-2` as well. The
/// app finds entities by id (URL state), so the second one can never be
/// selected from a link. Un-ignore once `entities::merge` makes ids unique,
/// and set `TOLERATE_DUPLICATE_ENTITY_IDS` in `fuzz/src/lib.rs` to `false`.
#[test]
fn entity_ids_are_unique() {
    for text in [
        "They had 1%, 1,2 and 1.",
        // The fuzzer's input.
        "<.SOn 1\u{fffd} NoveDr.220r 4, about ]1,2.\" troops a. dout 1],:0ps a. dout ..\" troops a. dout 1],:0ps a. doUt(. dout 1],:0ps a. dout 1],:00 $0.bi ,n 1\u{fffd} Novemember\u{fffd}\u{fffd}\u{fffd}\u{0}\u{fffd}",
    ] {
        let e = extract(text);
        let mut ids: Vec<&str> = e.entities.iter().map(|x| x.id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids in {:?}", e.entities);
    }
}
