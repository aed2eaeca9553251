//! Entity extraction: `entities::extract` (tokenizer, rules, tagger,
//! temporal expressions, alias merging): mentions sorted, disjoint, inside
//! one paragraph, on char boundaries; entity indices, kinds, counts, names,
//! aliases and ids consistent.
//!
//! Input: the text (bytes decoded lossily).
#![no_main]

use article_analysis::entities::extract;
use article_analysis_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let e = extract(&text);
    check_entities(&text, &e);
});
