//! One static HTML page per published article, readable without
//! JavaScript and found by search engines: title, source, date, the full
//! text, the entities as plain lists, a canonical URL under the archive's
//! base URL, a description for sharing, and a link into the explorer view.
//! Every text is escaped as in the pre-render ([`article_analysis::prerender::escape`]);
//! the page runs no script (its Content-Security-Policy allows none) and
//! loads only `article.css` beside it.

use article_analysis::entities::EntityKind;
use article_analysis::prerender::escape;
use article_analysis::record::ArticleRecord;

/// The folder of the pages (and of the records), relative to the site.
pub const PAGES_DIR: &str = "articles";
/// The stylesheet of the pages, in [`PAGES_DIR`].
pub const STYLESHEET: &str = "article.css";
/// Its content.
pub const STYLESHEET_CSS: &str = include_str!("article.css");
/// Longest description, in characters (cut at a word).
const DESCRIPTION_CHARS: usize = 200;

/// The page's path relative to the site: `articles/<id>.html`.
pub fn path(id: &str) -> String {
    format!("{PAGES_DIR}/{id}.html")
}

/// The page's absolute URL under `base_url` (with or without a final `/`).
pub fn url(base_url: &str, id: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), path(id))
}

/// The beginning of the text, cut at a word, for `<meta name=description>`.
fn description(r: &ArticleRecord) -> String {
    let text: Vec<&str> = r.article.body.split_whitespace().collect();
    let mut out = String::new();
    for w in text {
        if out.chars().count() + w.chars().count() + 1 > DESCRIPTION_CHARS {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The page of one article.
pub fn html(r: &ArticleRecord, base_url: &str) -> String {
    let a = &r.article;
    let title = escape(&a.meta.title);
    let canonical = escape(&url(base_url, &a.id));
    let description = escape(&description(r));
    let mut h = String::with_capacity(a.body.len() * 2 + 2048);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; \
         img-src 'self'; base-uri 'none'; form-action 'none'\">\n",
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{title}</title>\n"));
    h.push_str(&format!(
        "<meta name=\"description\" content=\"{description}\">\n"
    ));
    h.push_str(&format!("<link rel=\"canonical\" href=\"{canonical}\">\n"));
    h.push_str("<meta property=\"og:type\" content=\"article\">\n");
    h.push_str(&format!("<meta property=\"og:title\" content=\"{title}\">\n"));
    h.push_str(&format!(
        "<meta property=\"og:description\" content=\"{description}\">\n"
    ));
    h.push_str(&format!("<meta property=\"og:url\" content=\"{canonical}\">\n"));
    h.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{STYLESHEET}\">\n</head>\n<body>\n"
    ));
    h.push_str("<main>\n<article>\n");
    h.push_str(&format!("<h1>{title}</h1>\n"));
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = &a.meta.source {
        meta.push(format!("<span class=\"source\">{}</span>", escape(s)));
    }
    if let Some(d) = &a.meta.date {
        meta.push(format!("<span class=\"date\">{}</span>", escape(d)));
    }
    if !meta.is_empty() {
        h.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    }
    h.push_str(&format!(
        "<p class=\"explore\"><a href=\"../index.html?article={}\">Explore this article</a>: search it, \
         filter it by the people, organizations and places it mentions.</p>\n",
        escape(&a.id)
    ));
    for i in 0..a.paragraphs.len() {
        h.push_str(&format!("<p>{}</p>\n", escape(a.paragraph_text(i))));
    }
    h.push_str("</article>\n");
    let named: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|k| !matches!(k, EntityKind::Date | EntityKind::Quantity))
        .filter(|k| r.entities.entities.iter().any(|e| e.kind == *k))
        .collect();
    if !named.is_empty() {
        h.push_str(
            "<aside aria-labelledby=\"entities\">\n<h2 id=\"entities\">Who and what it mentions</h2>\n",
        );
        for kind in named {
            let mut list: Vec<_> = r.entities.entities.iter().filter(|e| e.kind == kind).collect();
            list.sort_by(|x, y| y.mentions.cmp(&x.mentions).then_with(|| x.name.cmp(&y.name)));
            h.push_str(&format!("<h3>{}</h3>\n<ul>\n", kind.plural_label()));
            for e in list {
                h.push_str(&format!(
                    "<li>{} <span class=\"count\">({} mention{})</span></li>\n",
                    escape(&e.name),
                    e.mentions,
                    if e.mentions == 1 { "" } else { "s" }
                ));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</aside>\n");
    }
    h.push_str(
        "</main>\n<footer><a href=\"../index.html\">Article Explorer</a>: every article of this archive, \
        searchable.</footer>\n</body>\n</html>\n",
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_analysis::{Analysis, Article};

    #[test]
    fn the_page_holds_the_article_and_nothing_that_runs() {
        let text =
            "---\ntitle: <script>alert(\"t\")</script> & co\nsource: Wire & <x>\ndate: 2024-11-17\n---\n\
            Joe Biden spoke in Kyiv. Biden said <b>more</b>.\n\nSecond paragraph.";
        let r = ArticleRecord::of(&Analysis::new(Article::parse("a-1.txt", text)));
        let page = html(&r, "https://example.org/news/");
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; co</title>"));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/articles/a-1.html\">"));
        assert!(page.contains("<p>Joe Biden spoke in Kyiv. Biden said &lt;b&gt;more&lt;/b&gt;.</p>"));
        assert!(page.contains("<p>Second paragraph.</p>"));
        assert!(page.contains("href=\"../index.html?article=a-1\""));
        assert!(page
            .contains("<h3>People</h3>\n<ul>\n<li>Joe Biden <span class=\"count\">(2 mentions)</span></li>"));
        assert!(page.contains("<h3>Places</h3>"));
        assert!(
            page.contains(
                "<span class=\"source\">Wire &amp; &lt;x&gt;</span> · <span class=\"date\">2024-11-17</span>"
            ),
            "{page}"
        );
        assert!(page.contains("<meta name=\"description\" content=\"Joe Biden spoke in Kyiv."));
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        let r = ArticleRecord::of(&Analysis::new(Article::parse("b.txt", &"word ".repeat(200))));
        let d = description(&r);
        assert!(
            d.chars().count() <= DESCRIPTION_CHARS + 1 && d.ends_with("word…"),
            "{d}"
        );
    }
}
