//! What the app shows: `Analysis::new` (article, index, entities, passage
//! mentions), `Analysis::view` with a query and entity filters,
//! `view::segments` of every paragraph covering it exactly, and the
//! overview (co-occurrence network and its layout, position ticks, entity
//! cards).
//!
//! Input: `6 filter bytes, file bytes 0xFF query` (selected entities, "only
//! matching" toggle, hidden kinds from the first bytes).
#![no_main]

use article_analysis::{Analysis, Article};
use article_analysis_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (filters, rest) = data.split_at(data.len().min(6));
    let (raw, query) = split2(rest);
    let a = Analysis::new(Article::parse("fuzz.txt", &raw));
    check_analysis(&a);
    let (selected, only_matching, hidden) = choose_filters(filters, a.entities.entities.len());
    check_view(&a, &query, &selected, only_matching, &hidden);
    // The same query with no filter at all.
    check_view(&a, &query, &[], false, &[]);
    check_overview(&a, filters);
});
