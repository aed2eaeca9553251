use leptos::prelude::*;

use crate::state::{Sheet, Sheets};

/// A small screen's button that opens `sheet` (the menu button, the
/// Entities button). Hidden by the CSS where the panel has room on the
/// page; `aria-expanded` is kept by [`Sheets`].
#[component]
pub fn SheetButton(
    /// The sheet it opens.
    sheet: Sheet,
    /// Its own class (`library-button`, `entities-button`).
    class: &'static str,
    /// What it shows.
    children: Children,
) -> impl IntoView {
    let sheets = expect_context::<Sheets>();
    view! {
        <button
            type="button"
            id=sheet.button_id()
            class=format!("sheet-button {class}")
            aria-haspopup="dialog"
            aria-controls=sheet.id()
            on:click=move |_| sheets.show(sheet)
        >
            {children()}
        </button>
    }
}
