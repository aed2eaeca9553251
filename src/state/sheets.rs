//! The sheets of a small screen: on a phone (and in a short landscape
//! window) the library and the entity panel leave the page and open over it
//! from a button, as modal dialogs. Which one is open lives here, with what
//! makes them proper dialogs: while one is open it has `role="dialog"` and
//! `aria-modal`, the rest of the page is `inert`, Escape closes it, and the
//! focus goes into it when it opens and back to its button when it closes.
//! The CSS decides where a closed sheet is (in the page on a wide screen,
//! hidden on a small one) and dims the page around an open one; a tap there
//! closes it.
//!
//! Whether the screen is small is a signal here too (the same media query as
//! the CSS), so the page can put the article's tools after its text there:
//! the text comes first in reading and in focus order alike.
//!
//! One effect writes these attributes for both sheets (rather than a
//! reactive attribute on each element), which keeps the page's wasm small.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A panel that becomes a sheet on a small screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The library and the ways to open a text (from the menu button).
    Library,
    /// The entity panel (from the Entities button).
    Entities,
}

impl Sheet {
    /// The sheet element's id.
    pub fn id(self) -> &'static str {
        match self {
            Sheet::Library => "library",
            Sheet::Entities => "entities",
        }
    }

    /// The id of the button that opens it.
    pub fn button_id(self) -> &'static str {
        match self {
            Sheet::Library => "library-button",
            Sheet::Entities => "entities-button",
        }
    }
}

/// The small screens, as in `style/main.css`.
const SMALL: &str = "(max-width: 600px), (max-height: 500px)";

/// Whether the window matches [`SMALL`] now.
fn small_now() -> bool {
    window()
        .match_media(SMALL)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// What is inert behind an open sheet, besides the other sheet.
const BEHIND: &str = ".topbar, .notice, main.reading, .credits";

/// The sheets context.
#[derive(Clone, Copy)]
pub struct Sheets {
    open: RwSignal<Option<Sheet>>,
    small: RwSignal<bool>,
}

/// Focuses the element with `id` once the DOM has been updated.
fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        let el = document()
            .get_element_by_id(id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// Sets attribute `name` to `value`, or removes it.
fn set(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

impl Sheets {
    /// No sheet open; keeps the sheets' and their buttons' attributes and
    /// the page's `inert` in step with the open sheet, and closes it on
    /// Escape, for the life of the app.
    pub fn install() -> Sheets {
        let open = RwSignal::new(None::<Sheet>);
        Effect::new(move |_| {
            let open = open.get();
            let doc = document();
            for sheet in [Sheet::Library, Sheet::Entities] {
                let on = open == Some(sheet);
                if let Some(el) = doc.get_element_by_id(sheet.id()) {
                    let _ = el.class_list().toggle_with_force("open", on);
                    set(&el, "role", on.then_some("dialog"));
                    set(&el, "aria-modal", on.then_some("true"));
                    set(&el, "tabindex", on.then_some("-1"));
                    set(&el, "inert", (open.is_some() && !on).then_some(""));
                }
                if let Some(button) = doc.get_element_by_id(sheet.button_id()) {
                    set(&button, "aria-expanded", Some(if on { "true" } else { "false" }));
                }
            }
            if let Ok(behind) = doc.query_selector_all(BEHIND) {
                for i in 0..behind.length() {
                    if let Some(el) = behind.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                        set(&el, "inert", open.is_some().then_some(""));
                    }
                }
            }
        });
        let small = RwSignal::new(small_now());
        let sheets = Sheets { open, small };
        // A turned phone or a resized window crosses the breakpoint.
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            let now = small_now();
            if small.get_untracked() != now {
                small.set(now);
            }
        });
        let escape = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && open.with_untracked(Option::is_some) {
                ev.prevent_default();
                sheets.close();
            }
        });
        // A tap on the dimmed page (inert, so the click lands on the page's
        // root) closes the sheet.
        let outside = window_event_listener(leptos::ev::click, move |ev| {
            if open.with_untracked(Option::is_none) {
                return;
            }
            if crate::pointer::closest(&ev, ".sheet.open, .sheet-button").is_none() {
                sheets.close();
            }
        });
        on_cleanup(move || {
            escape.remove();
            outside.remove();
            resize.remove();
        });
        sheets
    }

    /// Whether the screen is small (the panels are sheets there).
    pub fn small(&self) -> bool {
        self.small.get()
    }

    /// Opens `sheet` and moves the focus into it.
    pub fn show(&self, sheet: Sheet) {
        self.open.set(Some(sheet));
        focus_soon(sheet.id());
    }

    /// Closes the open sheet, if any, and gives the focus back to its button.
    pub fn close(&self) {
        if let Some(sheet) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(sheet.button_id());
        }
    }
}
