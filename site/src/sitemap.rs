//! `sitemap.xml`: the absolute URL of every article page. A sitemap lists
//! at most 50,000 URLs, so a larger archive gets `sitemap.xml` as a sitemap
//! index naming `sitemap-1.xml`, `sitemap-2.xml`… of 50,000 each.

use crate::page;
use article_analysis::prerender::escape;

/// Most URLs in one sitemap file (the protocol's limit).
pub const PER_FILE: usize = 50_000;

/// The sitemap files: (path relative to the site, content), `sitemap.xml`
/// first.
pub fn files(base_url: &str, ids: &[&str]) -> Vec<(String, String)> {
    let urlset = |ids: &[&str]| {
        let mut x = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for id in ids {
            x.push_str(&format!(
                "<url><loc>{}</loc></url>\n",
                escape(&page::url(base_url, id))
            ));
        }
        x.push_str("</urlset>\n");
        x
    };
    if ids.len() <= PER_FILE {
        return vec![("sitemap.xml".to_string(), urlset(ids))];
    }
    let parts: Vec<(String, String)> = ids
        .chunks(PER_FILE)
        .enumerate()
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &parts {
        let loc = format!("{}/{name}", base_url.trim_end_matches('/'));
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&loc)));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_string(), index))
        .chain(parts)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_listed_once() {
        let f = files("https://example.org/a&b", &["x", "y"]);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .1
            .contains("<loc>https://example.org/a&amp;b/articles/x.html</loc>"));
        assert_eq!(f[0].1.matches("<url>").count(), 2);
    }

    #[test]
    fn a_large_archive_gets_an_index() {
        let ids: Vec<String> = (0..PER_FILE + 1).map(|i| format!("a{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let f = files("https://example.org/", &refs);
        assert_eq!(
            f.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]
        );
        assert!(f[0]
            .1
            .contains("<sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>"));
        assert_eq!(
            f[1].1.matches("<url>").count() + f[2].1.matches("<url>").count(),
            PER_FILE + 1
        );
    }
}
