use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::state::Reading;
use crate::url_state::Scope;

/// Replaces the last occurrence of `word` (ignoring case) in `query` with
/// `with`; when the word cannot be found, the query becomes `with`.
fn replace_word(query: &str, word: &str, with: &str) -> String {
    let lower_q = query.to_lowercase();
    let lower_w = word.to_lowercase();
    if !lower_w.is_empty() && lower_q.len() == query.len() && lower_w.len() == word.len() {
        // Equal total lengths do not mean equal character boundaries ("İ"
        // grows when lowercased, the Kelvin sign shrinks): slice with `get`.
        if let Some(pos) = lower_q.rfind(&lower_w) {
            if let (Some(before), Some(after)) = (query.get(..pos), query.get(pos + word.len()..)) {
                return format!("{before}{with}{after}");
            }
        }
    }
    with.to_string()
}

/// The search box, match counter, next/previous buttons, "only matching
/// passages" toggle and "did you mean" suggestions.
///
/// Keys: Enter / Shift+Enter move to the next / previous match, Escape
/// clears the box; `/` anywhere focuses it unless the reader is typing.
#[component]
pub fn SearchBar() -> impl IntoView {
    let reading = expect_context::<Reading>();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let slash = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !typing {
            if let Some(input) = input.get_untracked() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || slash.remove());
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            reading.step_match(if ev.shift_key() { -1 } else { 1 });
        }
        "Escape" => {
            ev.prevent_default();
            reading.set_query(String::new());
        }
        _ => {}
    };
    let status = move || {
        if reading.scope.get() == Scope::Library {
            return String::new();
        }
        let v = reading.view.get();
        if !v.searching {
            return String::new();
        }
        let n = v.matches.len();
        if n == 0 {
            "No matches".to_string()
        } else {
            let k = reading.current().min(n - 1) + 1;
            format!("{k} of {n}")
        }
    };
    let suggestions = move || {
        let v = reading.view.get();
        if !v.searching || !v.matches.is_empty() || v.suggestions.is_empty() {
            return None;
        }
        let missing = v.missing.last().cloned().unwrap_or_default();
        let buttons = v
            .suggestions
            .iter()
            .map(|s| {
                let s = s.clone();
                let missing = missing.clone();
                let label = s.clone();
                view! {
                    <button
                        type="button"
                        class="suggestion"
                        on:click=move |_| {
                            reading.set_query(replace_word(&reading.query(), &missing, &s));
                            if let Some(input) = input.get_untracked() {
                                let _ = input.focus();
                            }
                        }
                    >
                        {label}
                    </button>
                }
            })
            .collect_view();
        Some(view! { <span class="did-you-mean">"Did you mean " {buttons} "?"</span> })
    };
    let no_matches = move || reading.view.with(|v| v.matches.is_empty());
    view! {
        <div class="search" role="search">
            <input
                type="search"
                class="search-input"
                aria-label="Search"
                placeholder="Search: words, \"phrases\", -exclude  ( / )"
                autocomplete="off"
                spellcheck="false"
                node_ref=input
                prop:value=move || reading.query()
                on:input=move |ev| reading.set_query(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <button
                type="button"
                class="icon-button"
                aria-label="Previous match"
                title="Previous match (Shift+Enter)"
                disabled=no_matches
                on:click=move |_| reading.step_match(-1)
            >
                "↑"
            </button>
            <button
                type="button"
                class="icon-button"
                aria-label="Next match"
                title="Next match (Enter)"
                disabled=no_matches
                on:click=move |_| reading.step_match(1)
            >
                "↓"
            </button>
            <select
                class="scope"
                aria-label="Search scope"
                on:change=move |ev| {
                    reading
                        .scope
                        .set(
                            if event_target_value(&ev) == "library" { Scope::Library } else { Scope::Article },
                        )
                }
            >
                <option value="article" selected=move || reading.scope.get() == Scope::Article>
                    "This article"
                </option>
                <option value="library" selected=move || reading.scope.get() == Scope::Library>
                    "All articles"
                </option>
            </select>
            <span class="match-count" role="status" aria-live="polite">
                {status}
            </span>
            <label class="toggle">
                <input
                    type="checkbox"
                    prop:checked=move || reading.only_matching()
                    on:change=move |ev| reading.set_only_matching(event_target_checked(&ev))
                />
                " Only matching "
                <span class="long-label">"passages"</span>
            </label>
            {suggestions}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn replaces_the_misspelt_word_only() {
        assert_eq!(
            replace_word("biden missils", "missils", "missiles"),
            "biden missiles"
        );
        assert_eq!(replace_word("Bidn", "bidn", "Biden"), "Biden");
        assert_eq!(replace_word("x", "", "y"), "y");
    }

    #[test]
    fn case_mapping_that_moves_character_boundaries_does_not_panic() {
        // 7 bytes both ways, but "k" sits at byte 6 of the lowercase form,
        // inside the Kelvin sign of the original.
        assert_eq!(replace_word("İİ\u{212A}", "k", "x"), "x");
    }
}
