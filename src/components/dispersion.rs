use article_analysis::position::fraction;
use leptos::prelude::*;

use crate::units::fixed;

use crate::state::{Articles, Reading};

/// For each selected entity, a small dispersion plot: one mark per mention
/// across the article, beginning to end, so a reader sees who dominates
/// which part. Clicking or tapping a plot scrolls to the mention nearest
/// the spot.
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
                    .iter()
                    .map(|&start| {
                        let x = fraction(start, len) * 1000.0;
                        view! { <rect class="dispersion-mark" x=fixed((x - 2.0).max(0.0), 1) y="0" width="4" height="20"></rect> }
                    })
                    .collect_view();
                // The marks are too thin to hit with a finger: a tap or click
                // anywhere on the plot goes to the nearest mention.
                let go = move |ev: leptos::ev::MouseEvent| {
                    if let Some(at) = crate::pointer::fraction_across(&ev) {
                        if let Some(start) = nearest(&starts, len, at) {
                            reading.jump(start);
                        }
                    }
                };
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
                            on:click=go
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

/// The start (of `starts`, sorted, in a text of `len` bytes) nearest the
/// fraction `at` of the text.
fn nearest(starts: &[usize], len: usize, at: f64) -> Option<usize> {
    let i = starts.partition_point(|&s| fraction(s, len) < at);
    let before = i.checked_sub(1).and_then(|j| starts.get(j));
    let after = starts.get(i);
    match (before, after) {
        (Some(&b), Some(&a)) => Some(if at - fraction(b, len) <= fraction(a, len) - at {
            b
        } else {
            a
        }),
        (Some(&x), None) | (None, Some(&x)) => Some(x),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn a_tap_goes_to_the_nearest_mention() {
        let starts = [10, 50, 90];
        assert_eq!(nearest(&starts, 100, 0.0), Some(10));
        assert_eq!(nearest(&starts, 100, 0.29), Some(10));
        assert_eq!(nearest(&starts, 100, 0.31), Some(50));
        assert_eq!(nearest(&starts, 100, 1.0), Some(90));
        assert_eq!(nearest(&[], 100, 0.5), None);
    }
}
