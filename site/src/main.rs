//! The site builder: analyses the published articles once, natively, with
//! the same `article-analysis` code the app uses, and writes what the app
//! reads instead of analysing them in every visitor's browser.
//!
//! ```text
//! site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER] [--boot-only] [--precache FILE] [--one-file BODY_FILE]
//! site publish --base-url URL [--state DIR] INPUT_DIR OUT_DIR
//! ```
//!
//! `build` (run by `scripts/post-build.py` into Trunk's staging folder)
//! writes one record per article (`articles/<id>.<hash>.bin`, named by
//! content), the archive's index (`index/`, see
//! `article_analysis::static_index`), and prints the `<body>` content for
//! `index.html` (`article_analysis::prerender::body`): the first article
//! pre-rendered and the boot data (its record, the first catalog entries,
//! ANALYSER_LOADER, the analyser worker's loader script). `--one-file`
//! also writes to BODY_FILE the `<body>` content of `article-explorer.html`
//! (`scripts/onefile.py`): the same, with every listed record inside the
//! boot data.
//! `--precache FILE` writes there the record files the boot data names (the
//! service worker precaches those and no others). `--boot-only` analyses only
//! the articles the boot data needs (what `scripts/publish.sh` asks of the
//! app build, since `publish` writes the rest).
//!
//! `publish` writes every article's files straight into OUT_DIR (records,
//! index, a static page per article under `articles/`, `sitemap.xml`) and
//! keeps a state in DIR (default: OUT_DIR's sibling `<name>.state`), so that
//! a re-run analyses only new or changed files and writes only what changed.
//! Bad files are reported by name and left out; progress goes to standard
//! error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine as _;

mod analyse;
mod archive;
mod boot;
mod page;
mod pipeline;
mod progress;
mod seeds;
mod sitemap;
mod state;

/// The folder of the index, relative to the site.
pub const INDEX_DIR: &str = "index";

const USAGE: &str = "usage:
  site build SEEDS_DIR OUT_DIR [ANALYSER_LOADER] [--boot-only] [--precache FILE] [--one-file BODY_FILE]
  site publish --base-url URL [--state DIR] INPUT_DIR OUT_DIR";

/// Options as (name, value); a flag's value is empty.
type Opts<'a> = Vec<(&'a str, &'a str)>;

/// Positional arguments and options (`--flag` alone in `flags`, others
/// with a value).
fn parse<'a>(args: &'a [String], flags: &[&str]) -> Result<(Vec<&'a str>, Opts<'a>), String> {
    let mut pos = Vec::new();
    let mut opts = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if flags.contains(&a.as_str()) {
            opts.push((a.as_str(), ""));
        } else if a.starts_with("--") {
            let v = it.next().ok_or(format!("{a} needs a value"))?;
            opts.push((a.as_str(), v.as_str()));
        } else {
            pos.push(a.as_str());
        }
    }
    Ok((pos, opts))
}

fn option<'a>(opts: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    opts.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(args.get(1..).unwrap_or(&[])),
        Some("publish") => publish(args.get(1..).unwrap_or(&[])),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e == USAGE => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &["--boot-only"])?;
    let (seeds_dir, out_dir, loader) = match pos[..] {
        [s, o] => (s, o, boot::ANALYSER_LOADER),
        [s, o, l] => (s, o, l),
        _ => return Err(USAGE.to_string()),
    };
    let outcome = pipeline::run(pipeline::Options {
        inputs: Path::new(seeds_dir),
        out: Path::new(out_dir),
        boot_only: option(&opts, "--boot-only").is_some(),
        base_url: None,
        state: None,
    })
    .map_err(|e| e.to_string())?;
    let mut boot = outcome.boot;
    boot.analyser = loader.to_string();
    if let Some(file) = option(&opts, "--precache") {
        let list: Vec<&str> = boot.catalog.iter().map(|e| e.file.as_str()).collect();
        std::fs::write(file, list.join("\n")).map_err(|e| format!("{file}: {e}"))?;
    }
    let base64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    if let Some(file) = option(&opts, "--one-file") {
        let one_file = boot::one_file(&boot, Path::new(out_dir)).map_err(|e| e.to_string())?;
        std::fs::write(file, article_analysis::prerender::body(&one_file, base64))
            .map_err(|e| format!("{file}: {e}"))?;
    }
    println!("{}", article_analysis::prerender::body(&boot, base64));
    Ok(())
}

fn publish(args: &[String]) -> Result<(), String> {
    let (pos, opts) = parse(args, &[])?;
    let [input, out] = pos[..] else {
        return Err(USAGE.to_string());
    };
    let base_url = option(&opts, "--base-url").ok_or("publish needs --base-url URL")?;
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        return Err(format!("--base-url must be an http(s) URL, not {base_url:?}"));
    }
    let out = Path::new(out);
    let state: PathBuf = match option(&opts, "--state") {
        Some(s) => PathBuf::from(s),
        None => {
            let name = out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or("site".into());
            out.with_file_name(format!("{name}.state"))
        }
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let outcome = pipeline::run(pipeline::Options {
        inputs: Path::new(input),
        out,
        boot_only: false,
        base_url: Some(base_url),
        state: Some(&state),
    })
    .map_err(|e| e.to_string())?;
    eprintln!("site: {}", pipeline::summary(&outcome));
    Ok(())
}
