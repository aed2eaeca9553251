//! Every sentence the app says to the reader about a problem, in one place:
//! the text library and the storage layer return typed errors, the app
//! words them here.

use article_analysis::import::open::ImportError;
use article_analysis::record::RecordError;

use crate::storage::StorageError;

/// Quotes a name the way every message does.
pub fn quoted(name: &str) -> String {
    format!("\u{201c}{name}\u{201d}")
}

/// Why an opened text was refused.
pub fn import(e: &ImportError) -> String {
    match e {
        ImportError::Empty(name) => format!("{} is empty.", quoted(name)),
        ImportError::Binary(name) => format!(
            "{} does not look like a text file (it contains binary data). Open a .txt, .md or .html file.",
            quoted(name)
        ),
        ImportError::NoText(name) if name.is_empty() => "That text has nothing readable in it.".to_string(),
        ImportError::NoText(name) => format!("{} has no readable text.", quoted(name)),
        ImportError::Unreadable(name) => format!("{} could not be read.", quoted(name)),
        ImportError::EmptyPaste => "Paste some text first.".to_string(),
        ImportError::OnlyAUrl => "That is a web address. Article Explorer does not fetch pages: open the page, copy its text and paste the text here.".to_string(),
    }
}

/// A file over the size limit.
pub fn too_large(name: &str, bytes: f64, limit: usize) -> String {
    format!(
        "{} is {} MB; Article Explorer opens files up to {} MB. Split it into smaller files.",
        quoted(name),
        crate::units::fixed(bytes / 1_048_576.0, 0),
        limit / 1_048_576
    )
}

/// A published article whose file could not be fetched or read.
pub fn article_unavailable(title: &str, why: Option<&RecordError>) -> String {
    match why {
        Some(RecordError::Format(_)) => format!(
            "{} was published by another version of Article Explorer; reload the page to get the matching version.",
            quoted(title)
        ),
        Some(_) => format!("{}'s file is damaged; it cannot be shown.", quoted(title)),
        None => format!(
            "{} could not be loaded (offline, or the server did not answer). Try again when you are online.",
            quoted(title)
        ),
    }
}

/// What went wrong keeping the library.
pub fn storage(e: StorageError, what: &str) -> String {
    match e {
        StorageError::Unavailable => format!(
            "This browser does not allow keeping articles here (private window or storage disabled), so {what} will not be here after a reload."
        ),
        StorageError::Refused => format!(
            "The browser refused to keep {what} (storage is full or disabled), so it will not be here after a reload."
        ),
        StorageError::Unreadable => "Your saved library could not be read; nothing was deleted.".to_string(),
    }
}

/// Saved articles that did not read back.
pub fn unreadable_saved(bad: usize) -> String {
    format!(
        "{bad} saved article{} could not be read and {} skipped; the rest of your library is here.",
        if bad == 1 { "" } else { "s" },
        if bad == 1 { "was" } else { "were" }
    )
}

/// A link to an article that is not here.
pub fn missing_article(id: &str) -> String {
    if id.starts_with("local-") {
        "This link points to an article that was opened in another browser; it is not in this browser's library, so the first article is shown.".to_string()
    } else {
        format!(
            "The link names an article {} that is not here; showing the first article instead.",
            quoted(id)
        )
    }
}

/// The analyser could not start (offline before it was ever cached; from
/// disk (`from_disk`), a browser that refuses the page's worker) or stopped
/// on a text.
pub fn analyser_unavailable(from_disk: bool) -> &'static str {
    if from_disk {
        "Entities could not be found for your text: this browser did not start the analyser for a page opened from disk, or it stopped on the text. The text is kept and shown as plain text, without entities; open the explorer from a web server or in another browser to find them."
    } else {
        "Entities could not be found for your text: the analyser could not be loaded (offline on a first visit?) or stopped on it. The text is kept and shown as plain text, without entities; open it again later to try once more."
    }
}

/// Where a reader's texts are kept when the page was opened from disk.
pub const STORAGE_FROM_DISK: &str = "Opened from a file on this computer: your texts are kept in this browser's storage for local files (depending on the browser, shared with every page opened from disk, or with the files of the same folder). To keep a text with its explorer, use \u{201c}Save as one file\u{201d}.";

/// Why "Save as one file" did not save.
pub fn one_file_unavailable(file: &str) -> String {
    format!(
        "Saving as one file needs {} from this app's folder, which could not be loaded (offline, or a build without it). Try again online.",
        quoted(file)
    )
}

/// A text whose entities are still being found is not saved yet.
pub const SAVE_WHEN_ANALYSED: &str =
    "Entities are still being found in this text; save it as one file when they are done.";

/// What a saved file is and how to use it.
pub fn saved_as_one_file(name: &str) -> String {
    format!(
        "Saved {}: it opens from disk in any browser, with this view, and needs no server or connection.",
        quoted(name)
    )
}

/// The page's boot data is damaged (a broken deploy).
pub fn boot_damaged(e: &RecordError) -> String {
    format!("The published articles could not be read ({e}); reload the page. Your own texts still open.")
}

/// The archive's index could not be read (offline before it was fetched,
/// or a broken deploy).
pub fn archive_unavailable(e: &article_analysis::static_index::Error) -> String {
    match e {
        article_analysis::static_index::Error::Unavailable(_) => {
            "The published articles cannot be searched right now (offline, and this part of the index was never fetched here?). Your own texts are still searched below.".to_string()
        }
        article_analysis::static_index::Error::Corrupt(_) => {
            format!("The published articles cannot be searched: {e}. Reload the page; if it stays, the site needs publishing again.")
        }
    }
}

/// An own article that did not open last time (the page stopped).
pub fn failed_last_time(title: &str) -> String {
    format!(
        "{} could not be opened last time, so it was not opened again; the first article is shown. Open it from the library to try once more.",
        quoted(title)
    )
}

/// The app was opened with `safe=1`.
pub const SAFE_MODE: &str = "Opened without your saved articles (they are still stored). Open the address without \u{201c}safe=1\u{201d} to see them again.";

/// An article's stored notes that did not read back.
pub fn notes_unreadable(title: &str) -> String {
    format!(
        "Your notes on {} could not be read (kept by another version?); they are left as they were, and highlights you add to it now will not be kept.",
        quoted(title)
    )
}

/// Stored lists of corrections that did not read back.
pub fn corrections_unreadable(bad: usize) -> String {
    format!(
        "{bad} saved list{} of entity corrections could not be read and {} left as {}; new corrections there will not be kept.",
        if bad == 1 { "" } else { "s" },
        if bad == 1 { "is" } else { "are" },
        if bad == 1 { "it was" } else { "they were" }
    )
}

/// A change to notes or corrections that is not kept: the stored value did
/// not read back, or the app was opened with `safe=1`.
pub fn not_kept(what: &str, safe: bool) -> String {
    if safe {
        format!("Opened with \u{201c}safe=1\u{201d}: {what} will not be kept this time.")
    } else {
        format!("{what} will not be kept: the saved copy could not be read and is left as it was.")
    }
}

/// A file that is not the JSON expected.
pub fn bad_json(name: &str, what: &str, e: &crate::json::JsonError) -> String {
    match e {
        crate::json::JsonError::Syntax => format!("{} is not a JSON file.", quoted(name)),
        crate::json::JsonError::Shape(why) => format!("{} is not {what} ({why}).", quoted(name)),
    }
}

/// What a notes import did.
pub fn notes_imported(added: usize, skipped: usize) -> String {
    let mut s = format!("{added} highlight{} imported.", if added == 1 { "" } else { "s" });
    if skipped > 0 {
        s.push_str(&format!(
            " {skipped} annotation{} could not be used (no text quote or position selector).",
            if skipped == 1 { "" } else { "s" }
        ));
    }
    s
}

/// "Add entity" on a name the article does not have as whole words.
pub fn name_not_found(name: &str) -> String {
    format!(
        "{} does not occur as a whole name in this article (names are matched with their capitals, within a paragraph), so no entity was added.",
        quoted(name)
    )
}

/// An export that could not be written as JSON (`what`: "notes",
/// "corrections").
pub fn not_json(what: &str) -> String {
    format!("The {what} could not be written as JSON.")
}

/// What a corrections import did.
pub fn corrections_imported(n: usize) -> String {
    format!("{n} correction{} imported.", if n == 1 { "" } else { "s" })
}

/// Told to screen readers after a highlight is made.
pub fn highlighted(with_note: bool) -> &'static str {
    if with_note {
        "Highlighted with your note. It is listed in Notes."
    } else {
        "Highlighted. It is listed in Notes."
    }
}

/// Told to screen readers after a note is edited.
pub const NOTE_SAVED: &str = "Note saved.";
/// Told to screen readers after a highlight is deleted.
pub const HIGHLIGHT_DELETED: &str = "Highlight deleted.";
/// Told to screen readers after a deleted highlight is put back.
pub const HIGHLIGHT_RESTORED: &str = "Highlight restored.";

/// Told to screen readers after a correction (`what` describes it, `scope`
/// says where it applies).
pub fn corrected(what: &str, scope: &str) -> String {
    format!("{what} ({scope}). Undo it in Corrections.")
}

/// Told after a correction is undone.
pub fn correction_undone(what: &str) -> String {
    format!("Undone: {what}.")
}

/// Told after an undone correction is put back.
pub fn correction_restored(what: &str) -> String {
    format!("Restored: {what}.")
}
