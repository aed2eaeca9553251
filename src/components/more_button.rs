use leptos::prelude::*;

/// "More …" under a list cut to a page: shown while more are left; each
/// click asks for the next page.
#[component]
pub fn MoreButton(show: bool, label: &'static str, #[prop(into)] on_more: Callback<()>) -> impl IntoView {
    show.then(|| {
        view! {
            <button type="button" class="link-button" on:click=move |_| on_more.run(())>
                {label}
            </button>
        }
    })
}

/// Cuts `list` to its first `limit` entries unless `all`; returns how many
/// were (or would be) left out, for a "Show all" button.
pub fn cut_to<T>(list: &mut Vec<T>, limit: usize, all: bool) -> usize {
    let more = list.len().saturating_sub(limit);
    if !all {
        list.truncate(limit);
    }
    more
}
