//! The article files of a folder: every `.txt`, `.md`, `.markdown`, `.html`
//! or `.htm` file (not starting with a dot) in file-name order, each read as
//! an opened file is ([`article_analysis::import::open_seed`]: decoded,
//! Markdown converted, HTML reduced to its readable text with the native
//! parser of `article_analysis::import::html_parse`). Ids (file names without extension) are made
//! unique in that order: `a`, `a-2`, `a-3`.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use article_analysis::document::id_from_file_name;
use article_analysis::import::open_seed;
use article_analysis::Article;

/// One article file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it is.
    pub path: PathBuf,
    /// Its file name, for messages.
    pub name: String,
    /// Its article id.
    pub id: String,
}

/// Extensions read as articles.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// The article files of `dir`, sorted by name, with unique ids.
pub fn list(dir: &Path) -> io::Result<Vec<Input>> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let ext = p.extension()?.to_str()?.to_ascii_lowercase();
            (!name.starts_with('.') && EXTENSIONS.contains(&ext.as_str())).then_some((name, p))
        })
        .collect();
    files.sort();
    let mut taken = HashSet::new();
    Ok(files
        .into_iter()
        .map(|(name, path)| {
            let base = id_from_file_name(&name);
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            Input { path, name, id }
        })
        .collect())
}

/// Reads one article; the error is a sentence naming the file (empty,
/// binary, no readable text, or not readable at all).
pub fn read(input: &Input) -> Result<(Article, Option<String>), String> {
    let bytes = std::fs::read(&input.path)
        .map_err(|e| format!("\u{201c}{}\u{201d} cannot be read: {e}.", input.name))?;
    let parse: &dyn Fn(&str) -> article_analysis::import::html::Node =
        &article_analysis::import::html_parse::tree;
    let (mut article, notice) = open_seed(&input.name, &bytes, Some(parse))?;
    article.id = input.id.clone();
    Ok((article, notice))
}

/// One notice for the reader about the files left out (at most `shown`
/// named).
pub fn left_out_notice(problems: &[String], shown: usize) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let n = problems.len();
    let mut text = format!(
        "{n} published article{} left out: {}",
        if n == 1 { " was" } else { "s were" },
        problems.iter().take(shown).cloned().collect::<Vec<_>>().join(" ")
    );
    if n > shown {
        text.push_str(&format!(" And {} more.", n - shown));
    }
    Some(text)
}
