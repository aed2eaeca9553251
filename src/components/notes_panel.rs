use article_analysis::annotations::anchor::Anchor;
use article_analysis::annotations::highlight::{Color, Highlight};
use article_analysis::annotations::markdown::notes_markdown;
use article_analysis::annotations::web::{web_annotations, WebAnnotations};
use leptos::prelude::*;

use crate::components::SectionBox;
use crate::download::download_json;
use crate::download::{download, file_stem};
use crate::json::{from_json, picked_text};
use crate::messages;
use crate::state::{Articles, Notes, Notices, Reading};
use crate::url_state::Section;

/// Characters of a highlighted passage shown in the list before it is cut.
const QUOTE_CHARS: usize = 160;

/// The reader's highlights and notes on the article (a region named
/// "Notes"): in text order, each with its color, passage (a link to it in
/// the text) and note, to edit or delete (with "Undo"); those whose passage
/// is no longer in the text are listed apart. Exports as Markdown and as
/// W3C Web Annotation JSON, and imports that JSON.
#[component]
pub fn NotesPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let notes = expect_context::<Notes>();
    let notices = expect_context::<Notices>();
    let summary = Signal::derive(move || {
        let n = notes.placed.with(|p| p.len());
        format!("{n} highlight{}", if n == 1 { "" } else { "s" })
    });
    let highlights = move || -> Vec<Highlight> {
        notes
            .placed
            .with_untracked(|p| p.iter().map(|(h, _)| h.clone()).collect())
    };
    let export_md = move |_| {
        let a = articles.analysis.get_untracked();
        let md = notes_markdown(&a.article.meta.title, &a.article.body, &highlights());
        let name = format!("{}-notes.md", file_stem(&a.article.meta.title));
        if let Err(e) = download(&name, "text/markdown;charset=utf-8", &md) {
            notices.say(e);
        }
    };
    let export_json = move |_| {
        let a = articles.analysis.get_untracked();
        let doc = web_annotations(
            &article_iri(&a.article.id),
            &a.article.meta.title,
            &a.article.body,
            &highlights(),
        );
        let name = format!("{}-notes.json", file_stem(&a.article.meta.title));
        if let Err(e) = download_json(&name, "application/ld+json", &doc, "notes") {
            notices.say(e);
        }
    };
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = picked_text(ev).await else {
                return;
            };
            match from_json::<WebAnnotations>(&text) {
                Ok(doc) => {
                    let (added, skipped) = notes.import(&doc);
                    notices.say(messages::notes_imported(added, skipped));
                }
                Err(e) => notices.say(messages::bad_json(&name, "Web Annotation JSON", &e)),
            }
        });
    };
    let list = move |orphans: bool| {
        notes.placed.with(|placed| {
            placed
                .iter()
                .filter(|(_, anchor)| anchor.span().is_none() == orphans)
                .map(|(h, anchor)| view! { <NoteItem highlight=h.clone() anchor=anchor.clone() /> })
                .collect_view()
        })
    };
    let orphans = move || notes.placed.with(|p| p.iter().any(|(_, a)| a.span().is_none()));
    let empty = move || notes.placed.with(|p| p.is_empty());
    let removed = move || notes.removed.with(Option::is_some);
    view! {
        <SectionBox section=Section::Notes title="Notes" summary=summary>
            <Show when=removed>
                <p class="undo">
                    "Highlight deleted. "
                    <button type="button" class="link-button" on:click=move |_| notes.undo_delete()>
                        "Undo"
                    </button>
                </p>
            </Show>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! {
                        <p class="empty">
                            "Select text in the article to highlight it or add a note; your notes stay in this browser."
                        </p>
                    }
                }
            >
                <ol class="notes">{move || list(false)}</ol>
                <Show when=orphans>
                    <h3 class="sub-head">"No longer found in the text"</h3>
                    <ol class="notes">{move || list(true)}</ol>
                </Show>
            </Show>
            <div class="notes-controls">
                <button type="button" class="small-button" on:click=export_md>
                    "Export notes as Markdown"
                </button>
                <button type="button" class="small-button" on:click=export_json>
                    "Export notes as W3C Web Annotation JSON"
                </button>
                <label class="file-label">
                    <span>"Import notes (Web Annotation JSON)"</span>
                    <input
                        type="file"
                        accept=".json,.jsonld,application/json,application/ld+json"
                        on:change=import
                    />
                </label>
            </div>
        </SectionBox>
        <p class="visually-hidden" aria-live="polite">
            {move || notes.said.get()}
        </p>
    }
}

/// The highlight colors as the options of a `<select>`, `chosen` selected
/// (the toolbar's and the note editor's color choice).
pub(crate) fn color_options(chosen: RwSignal<Color>) -> impl IntoView {
    Color::ALL
        .into_iter()
        .map(|c| {
            view! {
                <option value=c.as_str() selected=move || chosen.get() == c>
                    {c.label()}
                </option>
            }
        })
        .collect_view()
}

/// The article's identifier in exported notes: its shareable address here.
fn article_iri(id: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?article={id}")
}

/// A passage cut for the list.
fn cut(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > QUOTE_CHARS {
        let cut: String = line.chars().take(QUOTE_CHARS).collect();
        format!("\u{201c}{}…\u{201d}", cut.trim_end())
    } else {
        format!("\u{201c}{line}\u{201d}")
    }
}

/// One highlight of the list: color, passage (a jump link when it is
/// found), note, and "Edit note" / "Delete" (or the note editor).
#[component]
fn NoteItem(highlight: Highlight, anchor: Anchor) -> impl IntoView {
    let reading = expect_context::<Reading>();
    let notes = expect_context::<Notes>();
    let Highlight {
        id,
        color,
        note,
        target,
        ..
    } = highlight;
    let quote = cut(&target.quote.exact);
    let passage = match anchor.span() {
        Some(span) => view! {
            <button type="button" class="note-jump" on:click=move |_| reading.jump(span.start)>
                {quote.clone()}
            </button>
        }
        .into_any(),
        None => view! { <span class="note-quote">{quote.clone()}</span> }.into_any(),
    };
    let draft = RwSignal::new(note.clone());
    let draft_color = RwSignal::new(color);
    let editing_id = id.clone();
    let editing = move || notes.editing.with(|e| e.as_deref() == Some(editing_id.as_str()));
    let (edit_id, save_id, delete_id) = (id.clone(), id.clone(), id.clone());
    let original = note.clone();
    let start_edit = move |_| {
        draft.set(original.clone());
        draft_color.set(color);
        notes.editing.set(Some(edit_id.clone()));
    };
    let save = move |_| notes.edit(&save_id, &draft.get_untracked(), draft_color.get_untracked());
    let short: String = target.quote.exact.chars().take(40).collect();
    let edit_label = format!("Edit note on \u{201c}{}\u{201d}", short.trim());
    let delete_label = format!("Delete highlight \u{201c}{}\u{201d}", short.trim());
    let colors = move || color_options(draft_color);
    view! {
        <li class="note" data-color=color.as_str() data-highlight=id.clone()>
            <span class="note-swatch" aria-hidden="true"></span>
            <div class="note-main">
                {passage} <span class="note-color">{color.label()}</span>
                <Show
                    when=editing.clone()
                    fallback=move || {
                        let delete_id = delete_id.clone();
                        let text = (!note.is_empty()).then(|| note.clone());
                        view! {
                            {text.map(|t| view! { <p class="note-text">{t}</p> })}
                            <div class="note-actions">
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-label=edit_label.clone()
                                    on:click=start_edit.clone()
                                >
                                    "Edit note"
                                </button>
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-label=delete_label.clone()
                                    on:click=move |_| notes.delete(&delete_id)
                                >
                                    "Delete"
                                </button>
                            </div>
                        }
                    }
                >
                    <label class="note-field">
                        "Note"
                        <textarea
                            rows="3"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                        ></textarea>
                    </label>
                    <label class="note-field">
                        "Color "
                        <select on:change=move |ev| {
                            if let Some(c) = Color::from_str_opt(&event_target_value(&ev)) {
                                draft_color.set(c);
                            }
                        }>{colors}</select>
                    </label>
                    <div class="note-actions">
                        <button type="button" class="small-button" on:click=save.clone()>
                            "Save note"
                        </button>
                        <button type="button" class="small-button" on:click=move |_| notes.editing.set(None)>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </div>
        </li>
    }
}
