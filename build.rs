//! Embeds every article in `seeds/` at build time.
//!
//! Writes `$OUT_DIR/seeds.rs` with one `(file name, bytes)` pair per `.txt`
//! or `.md` file (not starting with a dot), sorted by file name. Adding a
//! file to `seeds/` and rebuilding is all a publisher does.
//!
//! `ARTICLE_EXPLORER_SEEDS` names another folder instead (absolute, or
//! relative to this directory); `scripts/post-build.py` pre-renders the first
//! article of the same folder. The bytes are embedded as they are: the app
//! decodes them when it starts (`src/seeds.rs`), and leaves out empty or
//! binary files with a message. A named folder that cannot be read fails
//! the build.
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The environment variable that names another seeds folder.
const SEEDS_VAR: &str = "ARTICLE_EXPLORER_SEEDS";

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!("cargo:rerun-if-env-changed={SEEDS_VAR}");
    let chosen = env::var_os(SEEDS_VAR).filter(|v| !v.is_empty());
    let seeds = Path::new(&manifest).join(chosen.as_deref().unwrap_or("seeds".as_ref()));
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<_> = match fs::read_dir(&seeds) {
        Ok(dir) => dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !name.starts_with('.')
                    && matches!(
                        p.extension()
                            .and_then(|e| e.to_str())
                            .map(|e| e.to_ascii_lowercase())
                            .as_deref(),
                        Some("txt" | "md")
                    )
            })
            .collect(),
        // A folder the publisher named must exist; without seeds/ the app
        // simply starts with no embedded article.
        Err(e) if chosen.is_some() => panic!("{SEEDS_VAR}: cannot read {}: {e}", seeds.display()),
        Err(_) => Vec::new(),
    };
    files.sort();
    if files.is_empty() {
        println!("cargo:warning=no .txt or .md article in {}", seeds.display());
    }
    let mut out = String::from("/// Articles embedded from the seeds folder, sorted by file name.\npub static SEEDS: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("article.txt");
        writeln!(
            out,
            "    ({name:?}, include_bytes!({:?})),",
            f.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(dest, out).expect("write seeds.rs");
}
