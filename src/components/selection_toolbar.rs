use std::ops::Range;

use article_analysis::annotations::corrections::{Correction, Scope};
use article_analysis::annotations::highlight::Color;
use article_analysis::annotations::occurrences::occurrences;
use article_analysis::entities::EntityKind;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::notes_panel::color_options;
use crate::messages;
use crate::selection::selected;
use crate::state::{Articles, Corrections, Notes, Notices, Reading};
use crate::units::fixed;

/// Width the toolbar is laid out for (CSS keeps it at most this wide).
const WIDTH: f64 = 360.0;
/// Height kept free below a selection before the toolbar goes above it.
const ROOM: f64 = 200.0;

/// What the toolbar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// "Highlight", its color, "Add note", "Add entity…".
    Main,
    /// Writing the note of a new highlight.
    Note,
    /// Choosing the type and scope of a new entity.
    Entity,
}

/// The toolbar for a text selection in the article (a group named
/// "Selected text"): "Highlight" in a chosen color, "Add note", and "Add
/// entity…" with a type and where it applies. It appears next to the
/// selection (mouse, keyboard or touch); Tab right after selecting goes
/// into it, and it follows the article in the tab order; Escape closes it
/// and gives the focus back to the passage.
#[component]
pub fn SelectionToolbar() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let notes = expect_context::<Notes>();
    let corrections = expect_context::<Corrections>();
    let notices = expect_context::<Notices>();
    let span = RwSignal::new(None::<Range<usize>>);
    // Viewport box of the selection: left, top, bottom.
    let at = RwSignal::new((0.0, 0.0, 0.0));
    let mode = RwSignal::new(Mode::Main);
    let color = RwSignal::new(Color::Yellow);
    let kind = RwSignal::new(EntityKind::Person);
    let scope = RwSignal::new(Scope::Article);
    let note = RwSignal::new(String::new());
    let bar = NodeRef::<html::Div>::new();
    let note_box = NodeRef::<html::Textarea>::new();
    let kind_box = NodeRef::<html::Select>::new();
    let range = StoredValue::new_local(None::<web_sys::Range>);
    // A pointer is down on the toolbar: a tap there may clear the
    // selection first (touch), which must not close it.
    let pressing = StoredValue::new(false);

    let focus_inside = move || {
        let active = document().active_element();
        bar.get_untracked()
            .zip(active)
            .is_some_and(|(b, a)| b.contains(Some(a.as_ref())))
    };
    let close = move || {
        span.set(None);
        mode.set(Mode::Main);
        note.set(String::new());
    };
    let place = move |r: &web_sys::Range| {
        let rect = r.get_bounding_client_rect();
        at.set((rect.left(), rect.top(), rect.bottom()));
    };
    let on_selection = move || {
        if mode.get_untracked() != Mode::Main {
            return;
        }
        let Some(article) = reading.body.get_untracked() else {
            return;
        };
        let a = articles.analysis.get_untracked();
        match selected(&article, &a) {
            Some(sel) => {
                place(&sel.range);
                range.set_value(Some(sel.range));
                span.set(Some(sel.span));
            }
            None if pressing.get_value() || focus_inside() => {}
            None => close(),
        }
    };
    // `selectionchange` is sent to the document only.
    let listener = Closure::<dyn Fn()>::new(on_selection).into_js_value();
    let _ = document().add_event_listener_with_callback("selectionchange", listener.unchecked_ref());
    let listener = SendWrapper::new(listener);
    let follow = move || {
        if span.with_untracked(Option::is_some) {
            range.with_value(|r| {
                if let Some(r) = r {
                    place(r);
                }
            });
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| follow());
    let resize = window_event_listener(leptos::ev::resize, move |_| follow());
    // Tab right after selecting (by mouse, touch or caret browsing) goes
    // to the toolbar, wherever the browser would have gone next.
    let tab_in = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Tab" || ev.shift_key() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        if span.with_untracked(Option::is_none) || focus_inside() {
            return;
        }
        let first = bar
            .get_untracked()
            .and_then(|b| b.query_selector("button, select, textarea").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(first) = first {
            ev.prevent_default();
            let _ = first.focus();
        }
    });
    let released = window_event_listener(leptos::ev::pointerup, move |_| {
        set_timeout(
            move || pressing.set_value(false),
            std::time::Duration::from_millis(0),
        );
    });
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback("selectionchange", listener.unchecked_ref());
        scroll.remove();
        resize.remove();
        released.remove();
        tab_in.remove();
    });
    // Another article: the selection was in the old one.
    Effect::new(move |_| {
        articles.open_id.track();
        close();
    });

    // Ends an action: the selection goes, and the keyboard focus goes back
    // to the passage it was in.
    let done = move |start: usize| {
        let had_focus = focus_inside();
        close();
        if let Some(sel) = window().get_selection().ok().flatten() {
            let _ = sel.remove_all_ranges();
        }
        if had_focus {
            let p = articles
                .analysis
                .with_untracked(|a| a.article.paragraphs.partition_point(|p| p.span.end <= start));
            if let Some(body) = reading.body.get_untracked() {
                crate::scroll::focus_passage(&body, p);
            }
        }
    };
    let highlight = move |text: String| {
        let Some(s) = span.get_untracked() else {
            return;
        };
        let start = s.start;
        if notes.add(s, color.get_untracked(), &text).is_some() {
            done(start);
        }
    };
    let add_entity = move || {
        let Some(s) = span.get_untracked() else {
            return;
        };
        let a = articles.analysis.get_untracked();
        let name = a.article.body.get(s.clone()).unwrap_or("").to_string();
        if occurrences(&a.article.body, &name).is_empty() {
            notices.say(messages::name_not_found(&name));
            return;
        }
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        corrections.add(
            &a.article.id,
            Correction::AddEntity {
                name,
                kind: kind.get_untracked(),
            },
            scope.get_untracked(),
        );
        done(s.start);
    };
    let open_mode = move |m: Mode| {
        mode.set(m);
        request_animation_frame(move || {
            let el: Option<web_sys::HtmlElement> = match m {
                Mode::Note => note_box.get_untracked().map(|e| e.into()),
                Mode::Entity => kind_box.get_untracked().map(|e| e.into()),
                Mode::Main => None,
            };
            if let Some(el) = el {
                let _ = el.focus();
            }
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            let start = span.get_untracked().map_or(0, |s| s.start);
            done(start);
        }
    };

    let colors = move || color_options(color);
    let kinds = move || {
        EntityKind::ALL
            .into_iter()
            .map(|k| {
                view! {
                    <option value=k.as_str() selected=move || kind.get() == k>
                        {k.singular_label()}
                    </option>
                }
            })
            .collect_view()
    };
    let style_left = move || {
        let vw = window()
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        format!("{}px", fixed(at.get().0.min(vw - WIDTH - 8.0).max(8.0), 0))
    };
    let below = move || {
        let vh = window()
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(768.0);
        let (_, top, bottom) = at.get();
        (bottom + ROOM < vh || top < ROOM, vh)
    };
    let style_top = move || {
        let (below, vh) = below();
        below.then(|| format!("{}px", fixed(at.get().2.clamp(0.0, vh) + 8.0, 0)))
    };
    let style_bottom = move || {
        let (below, vh) = below();
        (!below).then(|| format!("{}px", fixed(vh - at.get().1.clamp(0.0, vh) + 8.0, 0)))
    };
    let main = move || {
        view! {
            <button type="button" class="small-button" on:click=move |_| highlight(String::new())>
                "Highlight"
            </button>
            <label class="toolbar-field">
                "Color "
                <select on:change=move |ev| {
                    if let Some(c) = Color::from_str_opt(&event_target_value(&ev)) {
                        color.set(c);
                    }
                }>{colors()}</select>
            </label>
            <button type="button" class="small-button" on:click=move |_| open_mode(Mode::Note)>
                "Add note"
            </button>
            <button type="button" class="small-button" on:click=move |_| open_mode(Mode::Entity)>
                "Add entity…"
            </button>
        }
    };
    let note_form = move || {
        view! {
            <label class="toolbar-note">
                "Note"
                <textarea
                    node_ref=note_box
                    rows="3"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </label>
            <button type="button" class="small-button" on:click=move |_| highlight(note.get_untracked())>
                "Save note"
            </button>
            <button type="button" class="small-button" on:click=move |_| mode.set(Mode::Main)>
                "Back"
            </button>
        }
    };
    let entity_form = move || {
        view! {
            <label class="toolbar-field">
                "Entity type "
                <select
                    node_ref=kind_box
                    on:change=move |ev| {
                        if let Some(k) = EntityKind::from_str_opt(&event_target_value(&ev)) {
                            kind.set(k);
                        }
                    }
                >
                    {kinds()}
                </select>
            </label>
            <label class="toolbar-field">
                "Apply to "
                <select on:change=move |ev| {
                    scope
                        .set(
                            if event_target_value(&ev) == "all" { Scope::AllArticles } else { Scope::Article },
                        )
                }>
                    <option value="article" selected=move || scope.get() == Scope::Article>
                        "this article"
                    </option>
                    <option value="all" selected=move || scope.get() == Scope::AllArticles>
                        "all articles (personal dictionary)"
                    </option>
                </select>
            </label>
            <button type="button" class="small-button" on:click=move |_| add_entity()>
                "Add entity"
            </button>
            <button type="button" class="small-button" on:click=move |_| mode.set(Mode::Main)>
                "Back"
            </button>
        }
    };
    view! {
        <Show when=move || span.with(Option::is_some)>
            <div
                class="selection-toolbar no-print"
                role="group"
                aria-label="Selected text"
                node_ref=bar
                style:left=style_left
                style:top=style_top
                style:bottom=style_bottom
                on:pointerdown=move |_| pressing.set_value(true)
                on:keydown=on_key
                on:focusout=move |ev: web_sys::FocusEvent| {
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let inside = bar
                        .get_untracked()
                        .zip(to.as_ref())
                        .is_some_and(|(b, t)| b.contains(Some(t)));
                    let selecting = window()
                        .get_selection()
                        .ok()
                        .flatten()
                        .is_some_and(|s| !s.is_collapsed());
                    if !inside && !selecting && !pressing.get_value() && to.is_some() {
                        close();
                    }
                }
            >
                {move || match mode.get() {
                    Mode::Main => main().into_any(),
                    Mode::Note => note_form().into_any(),
                    Mode::Entity => entity_form().into_any(),
                }}
            </div>
        </Show>
    }
}
