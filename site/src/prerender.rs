//! The first article as static HTML for `index.html` (see
//! `scripts/post-build.py`): readable before the wasm has loaded, and
//! without JavaScript. The app removes it when it starts and renders the
//! same text itself. All article text is escaped: a seed can hold any
//! markup, and it must reach the page as text.

use article_analysis::Article;

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

/// The article as static HTML for `index.html`: title, source and date,
/// and every paragraph, all text escaped. The app removes it on start.
pub fn html(a: &Article) -> String {
    let mut html = String::new();
    html.push_str("<div id=\"prerender\" class=\"app prerender\">");
    html.push_str("<header class=\"topbar\"><span class=\"brand\">Article Explorer</span>");
    html.push_str("<span class=\"prerender-note\">Loading search and entities…</span></header>");
    html.push_str(
        "<div class=\"layout prerender-layout\"><main class=\"reading\"><div class=\"article-header\">",
    );
    html.push_str(&format!(
        "<h1 class=\"article-title\">{}</h1>",
        escape(&a.meta.title)
    ));
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = &a.meta.source {
        meta.push(escape(s));
    }
    if let Some(d) = &a.meta.date {
        meta.push(escape(d));
    }
    if !meta.is_empty() {
        html.push_str(&format!("<p class=\"article-meta\">{}</p>", meta.join(" · ")));
    }
    html.push_str("</div><div class=\"article-body\">");
    for i in 0..a.paragraphs.len() {
        html.push_str(&format!(
            "<p class=\"passage\">{}</p>",
            escape(a.paragraph_text(i))
        ));
    }
    html.push_str("</div></main></div></div>");
    html
}
