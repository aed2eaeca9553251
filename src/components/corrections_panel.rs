use article_analysis::annotations::corrections::Entry;
use leptos::prelude::*;

use crate::components::SectionBox;
use crate::download::download_json;
use crate::download::file_stem;
use crate::json::{from_json, picked_text};
use crate::messages;
use crate::state::{scope_label, Articles, Corrections, Notices};
use crate::url_state::Section;

/// The reader's entity corrections that apply to the article (a region
/// named "Corrections"): its own and the personal dictionary's, in the
/// order made, each with "Undo"; export and import as JSON.
#[component]
pub fn CorrectionsPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let corrections = expect_context::<Corrections>();
    let notices = expect_context::<Notices>();
    let listed = Memo::new(move |_| {
        let id = articles.open_id.get();
        corrections.book.with(|b| b.listed(&id))
    });
    let summary = Signal::derive(move || {
        let n = listed.with(Vec::len);
        format!("{n} correction{}", if n == 1 { "" } else { "s" })
    });
    let rows = move || {
        listed
            .get()
            .into_iter()
            .map(|entry| {
                let text = entry.correction.describe();
                let label = format!("Undo: {text}");
                let scope = scope_label(entry.scope);
                view! {
                    <li class="fix" data-scope=scope>
                        <span class="fix-text">{text}</span>
                        <span class="fix-where">{format!(" \u{2014} {scope}")}</span>
                        <button
                            type="button"
                            class="link-button"
                            aria-label=label
                            on:click=move |_| corrections.undo(&articles.open_id.get_untracked(), &entry)
                        >
                            "Undo"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let export = move |_| {
        let a = articles.analysis.get_untracked();
        let name = format!("{}-corrections.json", file_stem(&a.article.meta.title));
        if let Err(e) = download_json(&name, "application/json", &listed.get_untracked(), "corrections") {
            notices.say(e);
        }
    };
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = picked_text(ev).await else {
                return;
            };
            match from_json::<Vec<Entry>>(&text) {
                Ok(entries) => {
                    let n = corrections.import(&articles.open_id.get_untracked(), entries);
                    notices.say(messages::corrections_imported(n));
                }
                Err(e) => notices.say(messages::bad_json(&name, "a list of corrections", &e)),
            }
        });
    };
    let undone = move || {
        corrections
            .undone
            .get()
            .map(|u| format!("Undone: {}. ", u.entry.correction.describe()))
    };
    view! {
        <SectionBox section=Section::Corrections title="Corrections" summary=summary>
            {move || {
                undone()
                    .map(|text| {
                        view! {
                            <p class="undo">
                                {text}
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| corrections.redo()
                                >
                                    "Redo"
                                </button>
                            </p>
                        }
                    })
            }}
            <Show
                when=move || !listed.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="empty">
                            "No corrections yet. Choose \u{201c}Correct\u{201d} beside an entity, or select a name in the text and choose \u{201c}Add entity\u{201d}."
                        </p>
                    }
                }
            >
                <ol class="fixes">{rows}</ol>
            </Show>
            <div class="notes-controls">
                <button type="button" class="small-button" on:click=export>
                    "Export corrections as JSON"
                </button>
                <label class="file-label">
                    <span>"Import corrections (JSON)"</span>
                    <input type="file" accept=".json,application/json" on:change=import />
                </label>
            </div>
        </SectionBox>
        <p class="visually-hidden" aria-live="polite">
            {move || corrections.said.get()}
        </p>
    }
}
