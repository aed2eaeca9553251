use leptos::prelude::*;

use crate::state::Reading;
use crate::url_state::Section;

/// A collapsible section of the reading view (a region named by `title`):
/// a heading button that opens and closes it (kept in the URL), and its
/// content, rendered only while open.
#[component]
pub fn SectionBox(
    /// Which section (its open state lives in the URL).
    section: Section,
    /// The region's name and the heading's text.
    title: &'static str,
    /// A short count or summary shown after the title.
    #[prop(into)]
    summary: Signal<String>,
    /// The content, rendered while open.
    children: ChildrenFn,
) -> impl IntoView {
    let reading = expect_context::<Reading>();
    let open = move || reading.sections.with(|s| s.contains(&section));
    let id = format!("section-{}", section.as_str());
    view! {
        <section class="reading-section no-print-closed" aria-label=title data-section=section.as_str()>
            <h2 class="section-head">
                <button
                    type="button"
                    class="section-toggle"
                    aria-expanded=move || open().to_string()
                    aria-controls=id.clone()
                    on:click=move |_| reading.toggle_section(section)
                >
                    {title}
                    " "
                    <span class="count">{move || summary.get()}</span>
                </button>
            </h2>
            <div id=id class="section-body" hidden=move || !open()>
                <Show when=open>{children()}</Show>
            </div>
        </section>
    }
}
