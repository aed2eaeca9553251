//! The pre-render (`bin/prerender.rs`, put into `index.html` by
//! `scripts/post-build.py`) on a hostile seeds folder: files the app leaves
//! out are skipped, and every piece of article text reaches the HTML
//! escaped, so a seed cannot add markup to the page.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

use article_analysis::import::open_seed;

fn seeds_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ae-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn prerender(dir: &PathBuf) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .arg(dir)
        .output()
        .expect("run prerender");
    assert!(
        out.status.success(),
        "prerender failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

const HOSTILE: &str = "---\n\
title: <script>window.__pwned=\"title\"</script>\n\
source: \"><img src=x onerror=alert(1)>\n\
date: </p><iframe src=//evil.example>\n\
---\n\
Kyiv </p></div><script>window.__pwned=\"body\";alert(1)</script> id=\"prerender\" & &amp; &lt;b&gt;\n\
<!-- comment --> <![CDATA[ x ]]> <svg onload=alert(1)> 'single' \"double\"\n\
<img src=x onerror=alert(1)>\n";

#[test]
fn a_hostile_first_seed_is_escaped_and_bad_files_are_skipped() {
    let dir = seeds_dir("hostile");
    std::fs::write(dir.join("000-empty.txt"), b"").unwrap();
    std::fs::write(dir.join("001-blank.md"), b" \n\n\t\n").unwrap();
    std::fs::write(dir.join("002-png.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(dir.join("003-hostile.txt"), HOSTILE).unwrap();
    std::fs::write(dir.join("004-later.txt"), "Not the first.").unwrap();
    let html = prerender(&dir);
    std::fs::remove_dir_all(&dir).ok();

    // Only the pre-render's own tags, none from the article.
    let tags: Vec<&str> = html
        .split('<')
        .skip(1)
        .map(|t| t.split(['>', ' ']).next().unwrap_or(""))
        .collect();
    for t in &tags {
        assert!(
            matches!(
                t.trim_start_matches('/'),
                "div" | "header" | "span" | "main" | "h1" | "p"
            ),
            "unexpected tag <{t}> in {html}"
        );
    }
    for needle in ["<script", "<img", "<svg", "<iframe", "<!--", "<![CDATA"] {
        assert!(!html.contains(needle), "{needle} in {html}");
    }
    assert_eq!(html.matches("id=\"prerender\"").count(), 1, "{html}");
    assert!(!html.contains("Not the first"));

    // The text comes back exactly when unescaped.
    let (article, _) = open_seed("003-hostile.txt", HOSTILE.as_bytes()).unwrap();
    let title = html
        .split("<h1 class=\"article-title\">")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    assert_eq!(unescape(title), article.meta.title);
    let passages: Vec<String> = html
        .split("<p class=\"passage\">")
        .skip(1)
        .map(|p| unescape(p.split("</p>").next().unwrap()))
        .collect();
    let expected: Vec<&str> = (0..article.paragraphs.len())
        .map(|i| article.paragraph_text(i))
        .collect();
    assert_eq!(passages, expected);
    assert!(passages[0].contains("<script>window.__pwned=\"body\";alert(1)</script>"));
    let meta = html
        .split("<p class=\"article-meta\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    let source = article.meta.source.as_deref().unwrap();
    assert!(source.contains("<img src=x onerror=alert(1)>"));
    assert_eq!(
        unescape(meta),
        format!("{source} · </p><iframe src=//evil.example>")
    );
}

#[test]
fn only_bad_files_give_no_prerender() {
    let dir = seeds_dir("bad");
    std::fs::write(dir.join("a.txt"), b"").unwrap();
    std::fs::write(dir.join("b.txt"), b"PK\x03\x04\0\0\0\0").unwrap();
    std::fs::write(dir.join("c.html"), b"<p>not a seed</p>").unwrap();
    let html = prerender(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(html.trim(), "");
}
