//! The app's page before the app runs: the open article as static HTML
//! (readable before the wasm has loaded, and without JavaScript; the app
//! removes it when it starts and renders the same text itself) and the boot
//! data as an inert block. The site build writes it into `index.html` and
//! `article-explorer.html`, the app into a file saved with "Save as one
//! file": one format for all three.
//!
//! All article text is escaped: a seed or a reader's text can hold any
//! markup, and it must reach the page as text.
//!
//! ```
//! use article_analysis::prerender::article_html;
//! use article_analysis::Article;
//! let html = article_html(&Article::parse("a.txt", "<b>Kyiv</b> & more"));
//! assert!(html.contains("<p class=\"passage\">&lt;b&gt;Kyiv&lt;/b&gt; &amp; more</p>"));
//! ```

use crate::document::Article;
use crate::record::{Boot, BOOT_ID};

/// What a browser without JavaScript shows above the article.
pub const NOSCRIPT: &str = "<noscript>Article Explorer needs JavaScript and WebAssembly to run.</noscript>";

/// The text with `& < > " '` as entities, safe in element content and in
/// quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The article as static HTML: title, source and date, and every
/// paragraph, all text escaped. The app removes it (`#prerender`) on start.
pub fn article_html(a: &Article) -> String {
    let mut html = String::with_capacity(a.body.len() + 512);
    html.push_str("<div id=\"prerender\" class=\"app prerender\">");
    html.push_str("<header class=\"topbar\"><span class=\"brand\">Article Explorer</span>");
    html.push_str("<span class=\"prerender-note\">Loading search and entities…</span></header>");
    html.push_str(
        "<div class=\"layout prerender-layout\"><main class=\"reading\"><div class=\"article-header\">",
    );
    html.push_str("<h1 class=\"article-title\">");
    html.push_str(&escape(&a.meta.title));
    html.push_str("</h1>");
    let meta: Vec<String> = [&a.meta.source, &a.meta.date]
        .into_iter()
        .flatten()
        .map(|s| escape(s))
        .collect();
    if !meta.is_empty() {
        html.push_str("<p class=\"article-meta\">");
        html.push_str(&meta.join(" · "));
        html.push_str("</p>");
    }
    html.push_str("</div><div class=\"article-body\">");
    for i in 0..a.paragraphs.len() {
        html.push_str("<p class=\"passage\">");
        html.push_str(&escape(a.paragraph_text(i)));
        html.push_str("</p>");
    }
    html.push_str("</div></main></div></div>");
    html
}

/// The boot data as an inert data block (a script element of a type the
/// browser never runs) holding `base64` of its bytes. The caller encodes
/// (the site build with a base64 crate, the page with the browser's own);
/// standard base64 has no character that could end the element.
pub fn boot_block(boot: &Boot, base64: impl FnOnce(&[u8]) -> String) -> String {
    format!(
        "<script type=\"application/octet-stream\" id=\"{BOOT_ID}\">{}</script>",
        base64(&boot.to_bytes())
    )
}

/// Everything the page's `<body>` holds before the app starts: the
/// `<noscript>` line, the first article pre-rendered (when there is one)
/// and the boot data.
pub fn body(boot: &Boot, base64: impl FnOnce(&[u8]) -> String) -> String {
    let mut html = String::from(NOSCRIPT);
    html.push('\n');
    if let Some(first) = &boot.first {
        html.push_str(&article_html(&first.article));
        html.push('\n');
    }
    html.push_str(&boot_block(boot, base64));
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ArticleRecord;
    use crate::Analysis;

    /// Every tag name of an HTML fragment, in order.
    fn tags(html: &str) -> Vec<&str> {
        html.split('<')
            .skip(1)
            .map(|t| t.split(['>', ' ']).next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn hostile_text_reaches_the_page_as_text() {
        let text = "---\ntitle: <script>alert(1)</script>\nsource: <img src=x onerror=alert(1)>\n---\nKyiv </p></div><script>x()</script> & 'q'\n";
        let html = article_html(&Article::parse("t.txt", text));
        for t in tags(&html) {
            assert!(
                matches!(
                    t.trim_start_matches('/'),
                    "div" | "header" | "span" | "main" | "h1" | "p"
                ),
                "unexpected tag <{t}> in {html}"
            );
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
        assert!(
            html.contains("<p class=\"article-meta\">&lt;img src=x onerror=alert(1)&gt;</p>"),
            "{html}"
        );
        assert!(html.contains("<p class=\"passage\">Kyiv &lt;/p&gt;&lt;/div&gt;&lt;script&gt;x()&lt;/script&gt; &amp; &#39;q&#39;</p>"));
    }

    #[test]
    fn the_body_holds_noscript_the_first_article_and_the_boot_block() {
        let record = ArticleRecord::of(&Analysis::new(Article::parse(
            "t.txt",
            "Joe Biden spoke in Kyiv.",
        )));
        let boot = Boot {
            first: Some(record),
            ..Boot::default()
        };
        let len = boot.to_bytes().len();
        let html = body(&boot, |b| format!("{} bytes", b.len()));
        assert!(html.starts_with(NOSCRIPT));
        assert_eq!(html.matches("id=\"prerender\"").count(), 1);
        assert!(html.ends_with(&format!(
            "<script type=\"application/octet-stream\" id=\"boot\">{len} bytes</script>"
        )));
        let empty = body(&Boot::default(), |_| String::new());
        assert!(!empty.contains("prerender"), "no article, nothing pre-rendered");
    }
}
