//! The articles of a seeds folder: every `.txt` or `.md` file (not starting
//! with a dot) in file-name order, decoded as an opened file is
//! (`import::open_seed`). Empty, blank and binary files are left out and
//! named in one notice for the reader, as are undecodable characters. Ids
//! (file names without extension) are made unique.

use std::io;
use std::path::{Path, PathBuf};

use article_analysis::import::open_seed;
use article_analysis::Article;

/// The readable articles of a folder and what the reader should know about
/// the rest.
#[derive(Debug, Default)]
pub struct Seeds {
    /// In file-name order.
    pub articles: Vec<Article>,
    /// Files left out and characters not decoded, in words.
    pub notice: Option<String>,
}

/// The article files of `dir`, sorted by name.
pub fn files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
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
        .collect();
    files.sort();
    Ok(files)
}

/// Reads every article of `dir`. Fails only when the folder or a file in it
/// cannot be read at all.
pub fn read(dir: &Path) -> io::Result<Seeds> {
    let mut articles: Vec<Article> = Vec::new();
    let mut notices: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for path in files(dir)? {
        let bytes = std::fs::read(&path)?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("article.txt");
        let mut article = match open_seed(name, &bytes) {
            Ok((article, notice)) => {
                notices.extend(notice);
                article
            }
            Err(problem) => {
                left_out.push(problem);
                continue;
            }
        };
        let base = article.id.clone();
        let mut n = 2;
        while !taken.insert(article.id.clone()) {
            article.id = format!("{base}-{n}");
            n += 1;
        }
        articles.push(article);
    }
    if !left_out.is_empty() {
        notices.insert(
            0,
            format!(
                "{} published article{} left out: {}",
                left_out.len(),
                if left_out.len() == 1 { " was" } else { "s were" },
                left_out.join(" ")
            ),
        );
    }
    let notice = (!notices.is_empty()).then(|| notices.join(" "));
    Ok(Seeds { articles, notice })
}
