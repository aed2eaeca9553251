//! Article import and segmentation: `Article::parse` (front matter, BOM,
//! title, id) and `segment::{paragraphs, sentences, words}` plus the
//! normalization of every word.
//!
//! Input: `file name 0xFF file bytes` (bytes decoded lossily, as the app
//! imports files); without `0xFF` the whole input is the file.
#![no_main]

use article_analysis::document::Article;
use article_analysis::segment::words;
use article_analysis_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (name, raw) = match data.iter().position(|&b| b == 0xFF) {
        Some(_) => split2(data),
        None => ("fuzz.txt".to_string(), String::from_utf8_lossy(data).into_owned()),
    };
    let article = Article::parse(&name, &raw);
    check_article(&name, &raw, &article);
    // Segmentation of the raw file too (front matter, BOM and all).
    check_segmentation(&raw);
    check_words(&raw, &(0..raw.len()));
    for (_, w) in words(&raw) {
        check_normalize(w);
    }
    check_tokens(&raw, &(0..raw.len()));
});
