//! The page HTML of `site build` (put into `index.html` by
//! `scripts/post-build.py`) on a hostile seeds folder: files the app leaves
//! out are skipped, every piece of article text reaches the HTML escaped, so
//! a seed cannot add markup to the page, and the boot data is one inert
//! block of base64. With `--one-file`, the boot data carries every record.

use std::path::PathBuf;
use std::process::Command;

use article_analysis::import::open_seed;
use article_analysis::prerender::NOSCRIPT;
use article_analysis::record::Boot;
use base64::Engine as _;

fn seeds_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ae-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Splits a `<body>` content of `site build` into the pre-rendered article
/// and the boot data, checking the `<noscript>` line and the inert block.
fn split(html: &str) -> (String, Boot) {
    let html = html.strip_prefix(NOSCRIPT).expect("the <noscript> line first");
    let open = "<script type=\"application/octet-stream\" id=\"boot\">";
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    let (page, boot) = html.split_once(open).expect("boot data block");
    let (b64, rest) = boot.split_once("</script>").expect("closed block");
    assert!(b64
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
    assert_eq!(rest.trim(), "");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .expect("base64");
    (page.to_string(), Boot::from_bytes(&bytes).expect("boot data"))
}

/// Runs `site build` on `dir` with `extra` arguments; its output.
fn site_build(dir: &PathBuf, extra: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_site"))
        .arg("build")
        .arg(dir)
        .arg(dir.join("out"))
        .args(extra)
        .output()
        .expect("run site build");
    assert!(
        out.status.success(),
        "site build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The pre-rendered article of `site build`, after checking and removing
/// the boot data block.
fn prerender(dir: &PathBuf) -> String {
    split(&site_build(dir, &[])).0
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
    let (article, _) = open_seed("003-hostile.txt", HOSTILE.as_bytes(), None).unwrap();
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
    std::fs::write(
        dir.join("c.html"),
        b"<html><body><script>alert(1)</script></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("d.pdf"), b"%PDF-1.4 not a seed").unwrap();
    let html = prerender(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(html.trim(), "");
}

#[test]
fn the_one_file_body_carries_every_record_and_no_file_names() {
    let dir = seeds_dir("one-file");
    std::fs::write(dir.join("a.txt"), "Joe Biden spoke in Kyiv.").unwrap();
    std::fs::write(dir.join("b.txt"), "Angela Merkel visited Paris.").unwrap();
    std::fs::write(dir.join("c.txt"), "").unwrap();
    std::fs::write(dir.join("d.md"), "# Title\n\nNATO met in Brussels.").unwrap();
    let body_file = dir.join("one-file-body.html");
    let served = site_build(
        &dir,
        &["loader.js".as_ref(), "--one-file".as_ref(), body_file.as_os_str()],
    );
    let one_file = std::fs::read_to_string(&body_file).expect("one-file body written");
    std::fs::remove_dir_all(&dir).ok();

    let (served_page, served) = split(&served);
    let (one_page, one) = split(&one_file);
    assert_eq!(served_page, one_page, "the same pre-rendered first article");
    assert_eq!(served.analyser, "loader.js");
    assert!(served.records.is_empty());
    assert!(served.catalog.iter().all(|e| e.file.starts_with("articles/")));
    assert_eq!(one.analyser, "", "the page makes the worker itself");
    let ids: Vec<&str> = one.catalog.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "d"]);
    assert!(one.catalog.iter().all(|e| e.file.is_empty()));
    assert_eq!(one.first, served.first);
    let inline: Vec<&str> = one.records.iter().map(|r| r.article.id.as_str()).collect();
    assert_eq!(inline, ["b", "d"]);
    assert!(one.notice.is_some_and(|n| n.contains("c.txt")));
}
