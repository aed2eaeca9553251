//! The site builder: analyses the published articles once, natively, with
//! the same `article-analysis` code the app uses, and writes what the app
//! reads instead of analysing them in every visitor's browser.
//!
//! `site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER] [--one-file BODY_FILE]`
//! writes one record per article to `OUT_DIR/articles/<id>.<hash>.bin`
//! (named by content, so a host may cache them for ever) and prints the
//! `<body>` content that `scripts/post-build.py` puts into `index.html`:
//! the first article pre-rendered, and the boot data (the first article's
//! record and the catalog) so the first view needs no further request;
//! ANALYSER_LOADER names the analyser worker's loader script (default
//! `analyzer_loader.js`). With `--one-file`, it also writes to BODY_FILE the
//! `<body>` content of `article-explorer.html` (`scripts/onefile.py`): the
//! same, with every listed article's record inside the boot data.

use std::path::Path;
use std::process::ExitCode;

use base64::Engine as _;

mod boot;
mod seeds;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let one_file = match args.iter().position(|a| a == "--one-file") {
        Some(i) if i + 1 < args.len() => {
            let path = args.remove(i + 1);
            args.remove(i);
            Some(path)
        }
        Some(_) => return usage(),
        None => None,
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["build", seeds_dir, out_dir, rest @ ..] if rest.len() <= 1 => {
            let loader = rest.first().copied().unwrap_or(boot::ANALYSER_LOADER);
            let run = build(
                Path::new(seeds_dir),
                Path::new(out_dir),
                loader,
                one_file.as_deref(),
            );
            match run {
                Ok(html) => {
                    println!("{html}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("site: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER] [--one-file BODY_FILE]");
    ExitCode::from(2)
}

/// Reads the seeds, writes the records (and the one-file body) and returns
/// the HTML for the page.
fn build(seeds_dir: &Path, out_dir: &Path, loader: &str, one_file: Option<&str>) -> std::io::Result<String> {
    let seeds = seeds::read(seeds_dir)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot read {}: {e}", seeds_dir.display())))?;
    let boots = boot::write_records(seeds, out_dir, loader)?;
    let base64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    if let Some(path) = one_file {
        std::fs::write(path, article_analysis::prerender::body(&boots.one_file, base64))?;
    }
    Ok(article_analysis::prerender::body(&boots.served, base64))
}
