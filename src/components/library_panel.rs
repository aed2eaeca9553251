use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::open;
use crate::state::{
    open_article, Articles, CardState, ImportJob, Kept, Notices, Origin, Reading, Sheet, Sheets,
};
use crate::units::human_size;

fn date_of(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The library (a region named "Library"): every article with its size,
/// date added and entity count; rename and delete (with undo) for the
/// reader's own; and the three ways to open a text: a file input ("Open
/// article"), a paste box ("Paste article text") and dropping a file on the
/// page. Seeds are read-only. On a small screen it is a sheet (a modal
/// dialog opened by the Library button) that closes when an article opens.
#[component]
pub fn LibraryPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let notices = expect_context::<Notices>();
    let import = expect_context::<ImportJob>();
    let sheets = expect_context::<Sheets>();
    let editing = RwSignal::new(None::<String>);
    let paste = RwSignal::new(String::new());

    let on_file = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(input) = input else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        open::open_file(import, notices, file);
        sheets.close();
    };
    let open_paste = move |_| {
        open::open_paste(import, notices, &paste.get_untracked());
        if import.progress.with_untracked(Option::is_some) {
            paste.set(String::new());
            sheets.close();
        }
    };
    let delete = move |id: &str| {
        let was_open = articles.open_id.get_untracked() == id;
        if let Some(next) = articles.delete(id) {
            if was_open {
                open_article(articles, reading, card, next);
            }
        }
    };

    let rows = move || {
        let current = articles.open_id.get();
        articles
            .items
            .get()
            .into_iter()
            .map(|item| {
                let id = item.id.clone();
                let title = item.title.clone();
                let is_current = id == current;
                let entities = match item.entities {
                    Some(n) => format!("{n} entities"),
                    None => "finding entities…".to_string(),
                };
                let mut meta = vec![human_size(item.bytes), entities];
                match item.origin {
                    Origin::Published { .. } => meta.push("built in".to_string()),
                    Origin::Own { added_ms, kept } => {
                        meta.push(format!("added {}", date_of(added_ms)));
                        match kept {
                            Kept::Pending => meta.push("saving…".to_string()),
                            Kept::No => meta.push("not kept".to_string()),
                            Kept::Yes => {}
                        }
                    }
                }
                let open_id = id.clone();
                let local = item.is_own();
                let (rename_id, delete_id, edit_id, save_id) =
                    (id.clone(), id.clone(), id.clone(), id.clone());
                let is_editing = move || editing.get().as_deref() == Some(edit_id.as_str());
                let title_for_edit = title.clone();
                let rename_label = format!("Rename {title}");
                let delete_label = format!("Delete {title}");
                view! {
                    <li class="lib-item" class:current=is_current>
                        <Show
                            when=is_editing
                            fallback=move || {
                                let open_id = open_id.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="lib-open"
                                        aria-current=is_current.then_some("true")
                                        on:click=move |_| {
                                            open_article(articles, reading, card, open_id.clone());
                                            sheets.close();
                                        }
                                    >
                                        {title.clone()}
                                    </button>
                                }
                            }
                        >
                            <input
                                type="text"
                                class="lib-rename"
                                aria-label="New title"
                                value=title_for_edit.clone()
                                on:keydown={
                                    let save_id = save_id.clone();
                                    move |ev: leptos::ev::KeyboardEvent| {
                                        match ev.key().as_str() {
                                            "Enter" => {
                                                articles.rename(&save_id, &event_target_value(&ev));
                                                editing.set(None);
                                            }
                                            "Escape" => editing.set(None),
                                            _ => {}
                                        }
                                    }
                                }
                                on:blur={
                                    let save_id = save_id.clone();
                                    move |ev| {
                                        articles.rename(&save_id, &event_target_value(&ev));
                                        editing.set(None);
                                    }
                                }
                            />
                        </Show>
                        <span class="lib-meta">{meta.join(" · ")}</span>
                        <Show when=move || local>
                            <span class="lib-actions">
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-label=rename_label.clone()
                                    on:click={
                                        let rename_id = rename_id.clone();
                                        move |_| editing.set(Some(rename_id.clone()))
                                    }
                                >
                                    "Rename"
                                </button>
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-label=delete_label.clone()
                                    on:click={
                                        let delete_id = delete_id.clone();
                                        move |_| delete(&delete_id)
                                    }
                                >
                                    "Delete"
                                </button>
                            </span>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };

    let undo = move || {
        articles.removed.get().map(|removed| {
            view! {
                <p class="undo" role="status">
                    {format!("Deleted \u{201c}{}\u{201d}. ", removed.item.title)}
                    <button type="button" class="link-button" on:click=move |_| articles.undo_delete()>
                        "Undo"
                    </button>
                </p>
            }
        })
    };

    view! {
        <section id=Sheet::Library.id() class="library sheet" aria-label="Library">
            <div class="panel-head">
                <h2>"Library"</h2>
                <button type="button" class="sheet-close" on:click=move |_| sheets.close()>
                    "Close"
                </button>
            </div>
            <div class="panel-body">
                {undo} <ul class="lib-list">{rows}</ul> <div class="open-controls">
                    <label class="file-label">
                        <span>"Open a file (.txt, .md, .html)"</span>
                        <input
                            type="file"
                            aria-label="Open article"
                            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                            on:change=on_file
                        />
                    </label>
                    <textarea
                        aria-label="Paste article text"
                        placeholder="…or paste an article here"
                        rows="3"
                        prop:value=move || paste.get()
                        on:input=move |ev| paste.set(event_target_value(&ev))
                    ></textarea>
                    <button type="button" class="small-button" on:click=open_paste>
                        "Open pasted text"
                    </button>
                    <p class="hint">
                        "You can also drop a file anywhere on the page. Your texts stay in this browser."
                    </p>
                    {crate::onefile::opened_from_disk()
                        .then(|| view! { <p class="hint">{crate::messages::STORAGE_FROM_DISK}</p> })}
                </div>
            </div>
        </section>
    }
}
