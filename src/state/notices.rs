//! Messages for the reader: one at a time, dismissable; a new problem is
//! put before an earlier one that is still shown, so neither is lost.

use leptos::prelude::*;

/// The notice line under the top bar.
#[derive(Clone, Copy)]
pub struct Notices {
    text: RwSignal<Option<String>>,
}

impl Notices {
    /// No notice, or the one given.
    pub fn new(first: Option<String>) -> Notices {
        Notices {
            text: RwSignal::new(first),
        }
    }

    /// What is shown.
    pub fn text(&self) -> Option<String> {
        self.text.get()
    }

    /// Shows a message (replacing the one shown).
    pub fn say(&self, text: impl Into<String>) {
        self.text.set(Some(text.into()));
    }

    /// Shows a message and keeps the one already shown after it (a message
    /// already shown is not repeated).
    pub fn add(&self, text: impl Into<String>) {
        let text = text.into();
        self.text.update(|t| {
            *t = Some(match t.take() {
                Some(earlier) if earlier.contains(&text) => earlier,
                Some(earlier) => format!("{text} {earlier}"),
                None => text,
            })
        });
    }

    /// Hides the message.
    pub fn dismiss(&self) {
        self.text.set(None);
    }
}
