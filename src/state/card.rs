//! The entity card being shown: which entity, anchored where. It opens on
//! hover (a mouse) or keyboard focus of a mention, panel entry or network
//! node, and on a tap of a mention; it stays while the pointer is on it
//! (WCAG 1.4.13) and Escape, a tap elsewhere or scrolling hides it.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds the card waits before hiding, so the pointer can move onto it.
const HIDE_DELAY_MS: u32 = 300;

/// Where the entity card is anchored.
#[derive(Debug, Clone, PartialEq)]
pub struct CardAnchor {
    /// Index into the open article's entities.
    pub entity: usize,
    /// The anchor element's box in the viewport: left, top, right, bottom.
    pub rect: (f64, f64, f64, f64),
}

/// The card context.
#[derive(Clone, Copy)]
pub struct CardState {
    /// The card shown, if any.
    pub anchor: RwSignal<Option<CardAnchor>>,
    /// The pointer is on the card (it stays while it is).
    pub hovered: RwSignal<bool>,
}

impl Default for CardState {
    fn default() -> Self {
        CardState {
            anchor: RwSignal::new(None),
            hovered: RwSignal::new(false),
        }
    }
}

impl CardState {
    /// Shows the card of `entity`, anchored to `el`.
    pub fn show(&self, entity: usize, el: &web_sys::Element) {
        let r = el.get_bounding_client_rect();
        self.hovered.set(false);
        self.anchor.set(Some(CardAnchor {
            entity,
            rect: (r.left(), r.top(), r.right(), r.bottom()),
        }));
    }

    /// Shows the card of entity `i` when the element focused by `ev` was
    /// reached with the keyboard (`:focus-visible`): a tap or click that
    /// focuses a panel entry or node toggles a filter and should not cover
    /// the list with a card (a mouse shows it on hover).
    pub fn show_on_keyboard_focus(&self, i: usize, ev: &web_sys::FocusEvent) {
        let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(el) = el {
            if el.matches(":focus-visible").unwrap_or(false) {
                self.show(i, &el);
            }
        }
    }

    /// The entity shown, if any (untracked).
    pub fn shown(&self) -> Option<usize> {
        self.anchor.with_untracked(|c| c.as_ref().map(|c| c.entity))
    }

    /// Hides the card now.
    pub fn hide(&self) {
        if self.anchor.with_untracked(Option::is_some) {
            self.anchor.set(None);
        }
    }

    /// Hides the card after a short delay unless the pointer moved onto it
    /// (or another card was shown meanwhile).
    pub fn hide_soon(&self) {
        let state = *self;
        let shown = self.anchor.get_untracked();
        Timeout::new(HIDE_DELAY_MS, move || {
            if !state.hovered.get_untracked() && state.anchor.get_untracked() == shown {
                state.anchor.set(None);
            }
        })
        .forget();
    }
}
