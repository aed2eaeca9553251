//! Search: `Index::build` over the paragraphs (and over the sentences) of a
//! text, `Query::parse`, `Index::search`: well-formed index, query and hits.
//!
//! Input: `text 0xFF query`.
#![no_main]

use article_analysis_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, query) = split2(data);
    check_search(&text, &query);
});
