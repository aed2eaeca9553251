use article_analysis::position::fraction;
use leptos::prelude::*;

use crate::units::fixed;

use crate::state::{Articles, Reading};

/// For each selected entity, a small dispersion plot: one mark per mention
/// across the article, beginning to end, so a reader sees who dominates
/// which part. Clicking a mark scrolls to that mention.
#[component]
pub fn DispersionPlots() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let rows = move || {
        let a = articles.analysis.get();
        let len = a.article.body.len();
        reading
            .selected_indices
            .get()
            .into_iter()
            .filter_map(|e| a.entities.entities.get(e).map(|x| (e, x)))
            .map(|(e, entity)| {
                let starts: Vec<usize> = a.entities.mentions_of(e).map(|m| m.span.start).collect();
                let first = starts.first().map_or(0.0, |&s| fraction(s, len));
                let last = starts.last().map_or(0.0, |&s| fraction(s, len));
                let label = format!(
                    "{}: {} mention{}, from {}% to {}% of the text",
                    entity.name,
                    starts.len(),
                    if starts.len() == 1 { "" } else { "s" },
                    fixed(first * 100.0, 0),
                    fixed(last * 100.0, 0)
                );
                let marks = starts
                    .into_iter()
                    .map(|start| {
                        let x = fraction(start, len) * 1000.0;
                        view! {
                            <rect
                                class="dispersion-mark"
                                x=fixed((x - 2.0).max(0.0), 1)
                                y="0"
                                width="4"
                                height="20"
                                on:click=move |_| reading.jump(start)
                            ></rect>
                        }
                    })
                    .collect_view();
                view! {
                    <div
                        class="dispersion"
                        data-entity-type=entity.kind.as_str()
                        data-entity-id=entity.id.clone()
                    >
                        <span class="dispersion-name">{entity.name.clone()}</span>
                        <svg
                            class="dispersion-plot"
                            viewBox="0 0 1000 20"
                            preserveAspectRatio="none"
                            role="img"
                            aria-label=label
                        >
                            <line class="dispersion-axis" x1="0" y1="10" x2="1000" y2="10"></line>
                            {marks}
                        </svg>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !reading.selected_indices.with(Vec::is_empty)>
            <div class="dispersions">
                <p class="dispersion-caption">"Mentions across the text, beginning to end"</p>
                {rows}
            </div>
        </Show>
    }
}
