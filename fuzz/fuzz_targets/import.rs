//! Opening the reader's own files: `import::decode` (UTF-8/16, BOM, binary,
//! control characters), `import::open_text` for plain text and Markdown,
//! `import::html::readable` over an HTML tree, then `into_article`.
//!
//! Input: one mode byte (0: text, 1: Markdown, 2: HTML tree built from the
//! rest, see `html_tree`), then the file bytes.
#![no_main]

use article_analysis::import::{self, decode, html, markdown, Format};
use article_analysis_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 | 1 => {
            let d = decode::decode(bytes);
            assert!(["UTF-8", "UTF-16LE", "UTF-16BE"].contains(&d.encoding));
            assert_eq!(d.notice().is_some(), d.replaced > 0);
            assert!(
                !d.text
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
                "control character left in decoded text"
            );
            assert_eq!(decode::clean_controls(&d.text), d.text);
            let _ = import::is_only_a_url(&d.text);
            if mode % 3 == 0 {
                let imp = import::open_text(&d.text, Format::Text);
                let a = imp.into_article("local-x");
                check_article("local-x", &d.text, &a);
            } else {
                let imp = import::open_text(&d.text, Format::Markdown);
                check_imported(&imp);
                let (title, body) = markdown::to_text(&d.text);
                assert_eq!((title, body), (imp.title.clone(), imp.body.clone()));
            }
        }
        _ => {
            let doc = html_tree(bytes);
            check_imported(&html::readable(&doc));
        }
    }
});
