//! Property tests for segmentation, article import and normalization: no
//! panic on any input, every span non-empty, on `char` boundaries, inside
//! the text, sorted and disjoint, trimmed, and covering all non-blank text.
//!
//! The invariant checks are shared with the fuzz targets
//! (`fuzz/src/lib.rs`, see RELIABILITY.md).

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::document::{id_from_file_name, Article};
use article_analysis::normalize::{fold, fold_into, stem, tokens, Filter, Possessive};
use article_analysis::segment::{paragraphs, sentences, words, Span};
use checks::*;
use proptest::prelude::*;

/// Pieces that segmentation and front matter treat specially.
const PIECES: &[&str] = &[
    "Joe",
    "Biden",
    "said",
    "the",
    "U.S.",
    "Gen.",
    "Mr.",
    "J.",
    "e.g.",
    "5",
    "p.m.",
    "Kyiv",
    "café",
    "CAFE\u{301}",
    "Straße",
    "İ",
    "Σ",
    "😀",
    "\u{feff}",
    "---",
    "title:",
    "date: 2024",
    "\"",
    "”",
    "’",
    ")",
    "(",
    ".",
    ".",
    "!",
    "?",
    "…",
    "?!",
    "...",
    "-",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\r",
];
const SEPS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\n \n",
    "\n\u{feff}\n",
    "",
    ". ",
    "\n---\n",
];

fn piece_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPS)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

/// Any string, or one built from the special pieces.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), piece_text(40)]
}

/// A span of `text` on char boundaries, from two fractions.
fn boundary_span(text: &str, a: f64, b: f64) -> Span {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let pick = |f: f64| bounds[((bounds.len() - 1) as f64 * f) as usize];
    let (x, y) = (pick(a), pick(b));
    x.min(y)..x.max(y)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn segmentation_of_any_text(t in text()) {
        check_segmentation(&t);
        check_words(&t, &(0..t.len()));
    }

    #[test]
    fn sentences_of_any_boundary_span(t in text(), a in 0.0..1.0f64, b in 0.0..1.0f64) {
        let span = boundary_span(&t, a, b);
        let sents = sentences(&t, span.clone());
        // Not a paragraph, so no coverage claim: inside, sorted, disjoint, trimmed.
        check_sorted_disjoint(&t, &sents, "sentences");
        for s in &sents {
            prop_assert!(span.start <= s.start && s.end <= span.end);
            prop_assert!(!t[s.clone()].starts_with(char::is_whitespace));
            prop_assert!(!t[s.clone()].ends_with(char::is_whitespace));
        }
    }

    #[test]
    fn paragraphs_are_stable_under_trailing_whitespace(t in piece_text(30), pad in "[ \t\n]{0,4}") {
        let with_pad = format!("{t}{pad}");
        let a = paragraphs(&t);
        let b = paragraphs(&with_pad);
        // Appending blank text can switch line mode to blank-line mode only
        // if it adds a blank line between two texts; it never does.
        prop_assert_eq!(a, b);
    }

    #[test]
    fn article_parse_of_any_file(name in any::<String>(), raw in text()) {
        let a = Article::parse(&name, &raw);
        check_article(&name, &raw, &a);
    }

    #[test]
    fn article_parse_of_lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        // The app imports files with lossy UTF-8.
        let raw = String::from_utf8_lossy(&bytes);
        let a = Article::parse("x.txt", &raw);
        check_article("x.txt", &raw, &a);
    }

    #[test]
    fn front_matter_round_trip(
        title in "[A-Za-z0-9 ,.'!?-]{0,40}",
        source in "[A-Za-z ]{0,20}",
        date in "[0-9-]{0,10}",
        crlf in any::<bool>(),
        bom in any::<bool>(),
        body in piece_text(20),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let raw = format!(
            "{}---{nl}title: {title}{nl}source: {source}{nl}date: {date}{nl}---{nl}{body}",
            if bom { "\u{feff}" } else { "" }
        );
        let a = Article::parse("f.md", &raw);
        check_article("f.md", &raw, &a);
        prop_assert_eq!(&a.body, &body);
        if !title.trim().is_empty() {
            prop_assert_eq!(&a.meta.title, title.trim());
        }
        prop_assert_eq!(a.meta.source.as_deref(), Some(source.trim()).filter(|s| !s.is_empty()));
        prop_assert_eq!(a.meta.date.as_deref(), Some(date.trim()).filter(|s| !s.is_empty()));
    }

    #[test]
    fn ids_are_url_safe(name in any::<String>()) {
        let id = id_from_file_name(&name);
        prop_assert!(!id.is_empty());
        prop_assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    }

    #[test]
    fn fold_equals_its_filter_chain(t in text()) {
        check_normalize(&t);
        let mut buf = String::from("leftover");
        for (_, w) in words(&t) {
            check_normalize(w);
            fold_into(w, &mut buf);
            prop_assert_eq!(&buf, &fold(w));
            let _ = stem(&buf);
        }
    }

    #[test]
    fn possessive_never_empties_a_word(w in "\\PC{1,8}") {
        prop_assert!(!Possessive.apply(&w).is_empty());
    }

    #[test]
    fn tokens_are_shifted_words(t in text(), base in 0usize..1000) {
        let toks = tokens(&t, base);
        let all = check_tokens(&t, &(0..t.len()));
        prop_assert_eq!(toks.len(), all.len());
        for (tok, span) in toks.iter().zip(&all) {
            prop_assert_eq!(tok.span.clone(), span.start + base..span.end + base);
        }
    }
}

/// Texts over the passage limit (`MAX_PARAGRAPH_BYTES`), of the shapes the
/// large-input fuzz runs found: punctuation without words, one line of
/// unmatched `<`, sentences on one line, one endless sentence, a word
/// longer than the limit. Each keeps the checks of `check_article`.
#[test]
fn long_paragraphs_are_cut_into_passages_that_keep_every_word() {
    let word = "x".repeat(10_000);
    let texts = [
        ".!?,;:\u{2026}\u{2014} ".repeat(40_000),
        "a < b c ".repeat(40_000),
        "John Smith met Smith. ".repeat(20_000),
        "Kyiv, Paris, Lviv and Rome ".repeat(10_000),
        format!("{word} {word}. Short one.\n\nAnother paragraph."),
        "  spaced   out  ".repeat(5_000),
    ];
    for text in &texts {
        let a = Article::parse("long.txt", text);
        check_article("long.txt", text, &a);
    }
}
