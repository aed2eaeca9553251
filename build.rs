//! Embeds every article in `seeds/` at build time.
//!
//! Writes `$OUT_DIR/seeds.rs` with one `(file name, bytes)` pair per `.txt`
//! or `.md` file, sorted by file name. Adding a file to `seeds/` and
//! rebuilding is all a publisher does.
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&manifest).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<_> = fs::read_dir(&seeds)
        .map(|dir| {
            dir.filter_map(Result::ok)
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
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// Articles embedded from `seeds/`, sorted by file name.\npub static SEEDS: &[(&str, &[u8])] = &[\n");
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
