//! The site builder: analyses the published articles once, natively, with
//! the same `article-analysis` code the app uses, and writes what the app
//! reads instead of analysing them in every visitor's browser.
//!
//! `site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER]` writes one record per article to
//! `OUT_DIR/articles/<id>.<hash>.bin` (named by content, so a host may cache
//! them for ever) and prints the HTML that `scripts/post-build.py` puts into
//! `index.html`: the first article pre-rendered, and the boot data (the
//! first article's record and the catalog) so the first view needs no
//! further request; ANALYSER_LOADER names the analyser worker's loader
//! script (default `analyzer_loader.js`).

use std::path::Path;
use std::process::ExitCode;

mod boot;
mod prerender;
mod seeds;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["build", seeds_dir, out_dir, rest @ ..] if rest.len() <= 1 => {
            let loader = rest.first().copied().unwrap_or(boot::ANALYSER_LOADER);
            match build(Path::new(seeds_dir), Path::new(out_dir), loader) {
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
        _ => {
            eprintln!("usage: site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER]");
            ExitCode::from(2)
        }
    }
}

/// Reads the seeds, writes the records and returns the HTML for the page.
fn build(seeds_dir: &Path, out_dir: &Path, loader: &str) -> std::io::Result<String> {
    let seeds = seeds::read(seeds_dir)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot read {}: {e}", seeds_dir.display())))?;
    let first = seeds.articles.first().map(prerender::html);
    let mut boot = boot::write_records(seeds, out_dir)?;
    boot.analyser = loader.to_string();
    let mut html = first.unwrap_or_default();
    html.push_str(&boot::script(&boot));
    Ok(html)
}
