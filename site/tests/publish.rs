//! `site publish` run again on a grown or edited archive: a re-run writes
//! only the files whose bytes change (the added or changed article's own
//! files, the sitemap, the index files its words and names touch), rewrites
//! nothing when nothing changed, and leaves a site that answers every
//! visitor's question (search, entity, article lookup, pages, sitemap) as a
//! fresh publish of the same folder does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use article_analysis::static_index::{block_on, FolderFiles, Reader};

const BASE: &str = "https://example.org/archive/";

/// Paragraphs the articles are made of (each article two of them and a line
/// of its own, so words and names are shared between articles).
const PARAGRAPHS: [&str; 6] = [
    "Joe Biden met Olaf Scholz in Berlin on Monday to discuss trade and the war in Ukraine.",
    "Floods in Bangladesh displaced thousands of families; the Red Cross sent doctors to Dhaka.",
    "The European Central Bank raised interest rates again, Christine Lagarde told reporters in Frankfurt.",
    "Missiles struck Kyiv overnight. Volodymyr Zelensky asked NATO for more air defence.",
    "Apple reported record sales of the iPhone in China despite a weaker economy.",
    "The Nobel Prize in Physics went to three scientists for their work on quantum dots.",
];

fn article(i: usize) -> String {
    let first = PARAGRAPHS[i % PARAGRAPHS.len()];
    let second = PARAGRAPHS[(i * 5 + 1) % PARAGRAPHS.len()];
    format!("Report {i}\n\n{first}\n\n{second}\n\nCorrespondent number {i} filed this from Lakeford.\n")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ae-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs `site publish` from `input` into `site` (state beside it); its
/// standard error.
fn publish(input: &Path, site: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["publish", "--base-url", BASE])
        .arg(input)
        .arg(site)
        .output()
        .expect("run site publish");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "site publish failed: {err}");
    err
}

/// Every file of the site: relative path → (bytes, modification time).
fn snapshot(site: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![site.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("read site") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(site)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            let modified = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .expect("mtime");
            files.insert(rel, (std::fs::read(&path).expect("read"), modified));
        }
    }
    files
}

/// The files a run wrote (new or touched), and the files whose bytes are new
/// or changed; a run that writes only what it must has the two equal.
fn written(
    before: &BTreeMap<String, (Vec<u8>, SystemTime)>,
    after: &BTreeMap<String, (Vec<u8>, SystemTime)>,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut touched = BTreeSet::new();
    let mut changed = BTreeSet::new();
    for (rel, (bytes, modified)) in after {
        match before.get(rel) {
            Some((old, old_modified)) => {
                if old_modified != modified {
                    touched.insert(rel.clone());
                }
                if old != bytes {
                    changed.insert(rel.clone());
                }
            }
            None => {
                touched.insert(rel.clone());
                changed.insert(rel.clone());
            }
        }
    }
    (touched, changed)
}

/// What a visitor of the site can see, as text: the manifest's counts,
/// every word of the articles searched (results as id and score, sorted by
/// id: document numbers differ between runs), the top entities and each
/// one's articles, every article by id (its record's bytes and page), and
/// the sitemap.
fn visible(site: &Path, ids: &[String], words: &BTreeSet<String>) -> String {
    let reader = block_on(Reader::open(FolderFiles::new(&site.join("index")))).expect("open index");
    let m = reader.manifest();
    let mut out = format!("docs {} words {}\n", m.docs, m.total_words);
    let id_of = |docs: &[u32]| -> Vec<String> {
        let fragments = block_on(reader.fragments(docs)).expect("fragments");
        fragments
            .iter()
            .map(|f| format!("{} {:?} {:?}", f.entry.id, f.entry.title, f.paragraphs))
            .collect()
    };
    for w in words {
        let r = block_on(reader.rank(w)).expect("rank");
        let docs: Vec<u32> = r.results.iter().map(|s| s.doc).collect();
        let mut found: Vec<String> = id_of(&docs)
            .into_iter()
            .zip(&r.results)
            .map(|(id, s)| format!("{id} {:.9}", s.score))
            .collect();
        found.sort();
        out.push_str(&format!("{w}: {} {found:?}\n", r.total));
    }
    let top = block_on(reader.top_entities()).expect("top entities");
    assert!(top.entities.len() >= 5, "the articles' names are indexed");
    for e in &top.entities {
        out.push_str(&format!(
            "top {:?} {} {} {}\n",
            e.kind, e.name, e.articles, e.mentions
        ));
        for m in block_on(reader.entity(&e.name)).expect("entity") {
            let docs: Vec<u32> = block_on(reader.entity_articles(&m))
                .expect("entity articles")
                .iter()
                .map(|d| d.doc)
                .collect();
            let mut in_articles = id_of(&docs);
            in_articles.sort();
            out.push_str(&format!(
                "  {:?} {} {} {in_articles:?}\n",
                m.kind, m.name, m.mentions
            ));
        }
    }
    for id in ids {
        let entry = block_on(reader.article(id))
            .expect("article")
            .expect("every id found")
            .entry;
        let record = std::fs::read(site.join(&entry.file)).expect("record file");
        let page = std::fs::read_to_string(site.join(format!("articles/{id}.html"))).expect("page");
        out.push_str(&format!(
            "{id}: {entry:?} record {} bytes\n{page}\n",
            record.len()
        ));
        out.push_str(&format!("{:?}\n", record));
    }
    out.push_str(&std::fs::read_to_string(site.join("sitemap.xml")).expect("sitemap"));
    out
}

/// The ids of the folder's articles and every word in them.
fn contents(input: &Path) -> (Vec<String>, BTreeSet<String>) {
    let mut ids = Vec::new();
    let mut words = BTreeSet::new();
    for e in std::fs::read_dir(input).expect("inputs") {
        let path = e.expect("entry").path();
        ids.push(path.file_stem().expect("stem").to_string_lossy().into_owned());
        let text = std::fs::read_to_string(&path).expect("text");
        words.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    ids.sort();
    (ids, words)
}

/// The site of a fresh publish of `input`, as a visitor sees it.
fn fresh(input: &Path, name: &str) -> String {
    let site = temp(name).join("site");
    publish(input, &site);
    let (ids, words) = contents(input);
    visible(&site, &ids, &words)
}

/// A folder of `n` articles published: (root, input folder, site).
fn published(name: &str, n: usize) -> (PathBuf, PathBuf, PathBuf) {
    let root = temp(name);
    let input = root.join("in");
    std::fs::create_dir_all(&input).expect("input dir");
    for i in 0..n {
        std::fs::write(input.join(format!("a{i:02}.txt")), article(i)).expect("write input");
    }
    let site = root.join("site");
    publish(&input, &site);
    (root, input, site)
}

/// Asserts that `site` answers as a fresh publish of `input` does.
fn assert_as_fresh(input: &Path, site: &Path, name: &str) {
    let (ids, words) = contents(input);
    assert_eq!(visible(site, &ids, &words), fresh(input, name));
}

/// A pause longer than a file system's clock tick, so a rewritten file gets
/// a new modification time.
fn tick() {
    std::thread::sleep(Duration::from_millis(50));
}

/// Publishes `input` into `site` again, checks the summary holds
/// `summary`, and returns the files the run wrote, checking that it wrote
/// none with the bytes it had.
fn rerun(input: &Path, site: &Path, summary: &str) -> BTreeSet<String> {
    let before = snapshot(site);
    tick();
    let log = publish(input, site);
    assert!(log.contains(summary), "{log}");
    let (touched, changed) = written(&before, &snapshot(site));
    assert_eq!(touched, changed, "files rewritten with the same bytes");
    touched
}

#[test]
fn a_re_run_writes_only_what_changed_and_equals_a_fresh_publish() {
    let (root, input, site) = published("incremental", 12);

    // Nothing changed: nothing written.
    let touched = rerun(&input, &site, "0 analysed, 12 unchanged");
    assert!(touched.is_empty(), "a run with nothing new wrote {touched:?}");

    // One article added: its own files, the sitemap and the index files its
    // words and names touch; no other article's files.
    std::fs::write(
        input.join("b-added.txt"),
        "Added report\n\nJoe Biden visited Lakeford, where the Red Cross opened a clinic for flood victims.\n",
    )
    .expect("add");
    let index_files = snapshot(&site).keys().filter(|f| f.starts_with("index/")).count();
    let touched = rerun(&input, &site, "1 analysed, 12 unchanged");
    let outside_index: Vec<&String> = touched.iter().filter(|f| !f.starts_with("index/")).collect();
    assert_eq!(outside_index.len(), 3, "record, page, sitemap: {outside_index:?}");
    assert!(outside_index
        .iter()
        .any(|f| f.as_str() == "articles/b-added.html"));
    assert!(outside_index
        .iter()
        .any(|f| f.starts_with("articles/b-added.") && f.ends_with(".bin")));
    assert!(outside_index.iter().any(|f| f.as_str() == "sitemap.xml"));
    let fragments: Vec<&String> = touched.iter().filter(|f| f.starts_with("index/d-")).collect();
    assert_eq!(
        fragments.len(),
        1,
        "the new article's fragment only: {fragments:?}"
    );
    assert!(touched.contains("index/manifest.bin"));
    assert!(
        touched.len() < index_files,
        "{} files written of {index_files} index files",
        touched.len()
    );
    assert_as_fresh(&input, &site, "fresh-added");

    // One article changed: it is analysed again, no other.
    std::fs::write(
        input.join("a03.txt"),
        format!("{}\nA late correction names Kamala Harris.\n", article(3)),
    )
    .expect("change");
    let touched = rerun(&input, &site, "1 analysed, 12 unchanged");
    assert!(touched
        .iter()
        .filter(|f| f.starts_with("articles/"))
        .all(|f| f.starts_with("articles/a03.")));
    assert_as_fresh(&input, &site, "fresh-changed");

    // One removed.
    std::fs::remove_file(input.join("a07.txt")).expect("remove");
    let log = publish(&input, &site);
    assert!(
        log.contains("12 article files: 0 analysed, 12 unchanged"),
        "{log}"
    );
    assert_as_fresh(&input, &site, "fresh-removed");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_bad_file_is_reported_and_skipped_on_a_re_run_too() {
    let (root, input, site) = published("bad", 3);
    std::fs::write(input.join("broken.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("binary file");
    let log = publish(&input, &site);
    assert!(log.contains("left out") && log.contains("broken.txt"), "{log}");
    assert!(
        log.contains("4 article files: 1 analysed, 3 unchanged, 1 left out"),
        "{log}"
    );
    assert!(!site.join("articles/broken.html").exists());
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).expect("sitemap");
    assert_eq!(sitemap.matches("<url>").count(), 3);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn an_edit_of_the_same_size_is_seen_once_the_files_have_settled() {
    // A file modified well before a run keeps its stamp (size, times) in the
    // state, and the next run does not read it while the stamp is the
    // same; an edit that keeps the size must still be seen.
    let root = temp("settled");
    let input = root.join("in");
    std::fs::create_dir_all(&input).expect("input dir");
    for i in 0..3 {
        std::fs::write(input.join(format!("a{i:02}.txt")), article(i)).expect("write input");
    }
    std::thread::sleep(Duration::from_millis(3500));
    let site = root.join("site");
    publish(&input, &site);
    rerun(&input, &site, "0 analysed, 3 unchanged");
    let edited = article(1).replace("Report 1", "Record 1");
    assert_eq!(edited.len(), article(1).len());
    std::fs::write(input.join("a01.txt"), edited).expect("edit");
    let touched = rerun(&input, &site, "1 analysed, 2 unchanged");
    assert!(touched.contains("articles/a01.html"), "{touched:?}");
    let page = std::fs::read_to_string(site.join("articles/a01.html")).expect("page");
    assert!(page.contains("Record 1"));
    assert_as_fresh(&input, &site, "fresh-settled");
    let _ = std::fs::remove_dir_all(&root);
}
