//! Prints the first article of a seeds folder as static HTML, for the
//! release build to put into `index.html` (see `scripts/post-build.py`): the
//! article is readable before the wasm has loaded, and without JavaScript.
//! The app removes it when it starts and renders the same text itself.
//!
//! The first article is the first `.txt` or `.md` file in file-name order
//! that the app shows (read by `import::open_seed`, like `src/seeds.rs`).
//! All article text is escaped: a seed can hold any markup, and it must
//! reach the page as text.
//!
//! Usage: `prerender SEEDS_DIR`

use std::process::ExitCode;

use article_analysis::import::open_seed;

fn escape(s: &str) -> String {
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

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prerender SEEDS_DIR");
        return ExitCode::from(2);
    };
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let ext = p
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(|e| e.to_ascii_lowercase());
                !name.starts_with('.') && matches!(ext.as_deref(), Some("txt" | "md"))
            })
            .collect(),
        Err(e) => {
            eprintln!("prerender: cannot read {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    files.sort();
    // The first article the app shows: files it leaves out (empty, blank,
    // binary) are skipped the same way, with the same decoding.
    let mut first = None;
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("prerender: cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("article.txt");
        match open_seed(name, &bytes) {
            Ok((article, _)) => {
                first = Some(article);
                break;
            }
            Err(problem) => eprintln!("prerender: skipped: {problem}"),
        }
    }
    let Some(a) = first else {
        return ExitCode::SUCCESS;
    };
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
    println!("{html}");
    ExitCode::SUCCESS
}
