//! Re-anchoring a highlight scales linearly with the text: each case is
//! timed at n, 2n, 4n and 8n bytes and fails when a doubling costs more than
//! about 3× (`common::assert_scales`: ratios only, in thread CPU time;
//! absolute times go in BENCHMARKS.md).

mod common;

use article_analysis::annotations::anchor::{anchor, Anchor, Target};
use common::assert_scales;

const WORDS: &[&str] = &[
    "the",
    "said",
    "of",
    "and",
    "Kyiv",
    "officials",
    "missile",
    "on",
    "Monday",
    "a",
    "power",
    "plant",
    "river",
    "governor",
    "forces",
    "in",
    "to",
    "was",
    "troops",
    "near",
];

/// `bytes` of news-like filler, the same for the same seed.
fn filler(bytes: usize, seed: u64) -> String {
    let mut s = String::with_capacity(bytes + 16);
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut n = 0;
    while s.len() < bytes {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        n += 1;
        s.push_str(if n % 15 == 0 { ".\n" } else { " " });
    }
    s
}

/// From 512 KiB: below that the text fits in a core's fastest caches.
const BASE: usize = 512 * 1024;

const PASSAGE: &str = "The governor said the missiles hit a power plant near the river on Monday.";
const QUOTE: &str = "the missiles hit a power plant near the river";

fn target_in(text: &str) -> Target {
    let start = text.find(QUOTE).unwrap();
    Target::new(text, start..start + QUOTE.len()).unwrap()
}

#[test]
fn a_moved_quote_is_found_in_linear_time() {
    let target = target_in(PASSAGE);
    assert_scales(
        "moved",
        BASE,
        |n| {
            let text = format!("{}{PASSAGE}{}", filler(n / 2, 1), filler(n / 2, 2));
            assert!(matches!(anchor(&text, &target), Anchor::Moved(_)));
            text
        },
        |text| anchor(text, &target),
    );
}

#[test]
fn thousands_of_occurrences_are_scored_in_linear_time() {
    // The quote in every sentence; the recorded context only once, in the
    // middle.
    let original = format!("Earlier, {PASSAGE} Later.");
    let target = target_in(&original);
    assert_scales(
        "many occurrences",
        BASE,
        |n| {
            let copy = format!("Then {QUOTE} again. ");
            let half = copy.repeat(n / 2 / copy.len());
            let text = format!("{half}{original}{half}");
            let count = text.matches(QUOTE).count();
            assert!(count >= 2000, "{count} occurrences");
            let found = anchor(&text, &target).span().unwrap();
            assert_eq!(found.start, half.len() + "Earlier, The governor said ".len());
            text
        },
        |text| anchor(text, &target),
    );
}

#[test]
fn an_edited_quote_is_found_approximately_in_linear_time() {
    let target = target_in(PASSAGE);
    let edited = PASSAGE.replace("power plant", "power station");
    assert_scales(
        "approximate",
        BASE,
        |n| {
            let text = format!("{}{edited}{}", filler(n / 2, 3), filler(n / 2, 4));
            assert!(matches!(anchor(&text, &target), Anchor::Approximate(_)));
            text
        },
        |text| anchor(text, &target),
    );
}

#[test]
fn thousands_of_near_copies_are_found_approximately_in_linear_time() {
    let target = target_in(PASSAGE);
    assert_scales(
        "many near copies",
        BASE,
        |n| {
            let copy = format!("{} ", PASSAGE.replace("power plant", "power station"));
            let text = copy.repeat(n / copy.len());
            assert!(matches!(anchor(&text, &target), Anchor::Approximate(_)));
            text
        },
        |text| anchor(text, &target),
    );
}

#[test]
fn an_orphan_costs_linear_time_even_when_its_words_are_everywhere() {
    // The filler is made of the quote's own words: every piece of the quote
    // hits all over the text, and nothing matches.
    let target = target_in(PASSAGE);
    assert_scales(
        "orphaned",
        BASE,
        |n| {
            let text = filler(n, 5);
            assert_eq!(anchor(&text, &target), Anchor::Orphaned);
            text
        },
        |text| anchor(text, &target),
    );
}
