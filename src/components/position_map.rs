use article_analysis::position::ticks;
use leptos::prelude::*;

use crate::units::fixed;
use wasm_bindgen::JsCast;

use crate::state::{Articles, Reading};

/// At most this many ticks of each sort; beyond it, close ones share a tick.
const SLOTS: usize = 400;
/// How far (CSS pixels) from a tick a tap may fall and still be on it: half
/// the 24 px of a target a finger can hit (WCAG 2.5.8).
const REACH_PX: f64 = 12.0;

/// A slim strip beside the article, like the tick marks of find-in-page:
/// where the search matches (and the mentions of the selected entities)
/// fall across the whole text, with the part in view shaded. A click or tap
/// on (or within 12 px of) a match tick makes it the current match; on a
/// mention tick, scrolls to it; anywhere else, scrolls to that part of the
/// text. Keyboard users have "next/previous match" for the same; the strip
/// is hidden from screen readers, which get the counts as text.
#[component]
pub fn PositionMap() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let len = move || articles.analysis.with(|a| a.article.body.len());
    let match_ticks = Memo::new(move |_| reading.view.with(|v| ticks(&v.matches, len(), SLOTS)));
    let mention_ticks = Memo::new(move |_| {
        let a = articles.analysis.get();
        let selected = reading.selected_indices.get();
        let mut out = Vec::new();
        for &e in &selected {
            let kind = a
                .entities
                .entities
                .get(e)
                .map(|x| x.kind.as_str())
                .unwrap_or("other");
            let spans: Vec<_> = a.entities.mentions_of(e).map(|m| m.span.clone()).collect();
            for t in ticks(&spans, a.article.body.len(), SLOTS) {
                let start = spans.get(t.first).map_or(0, |s| s.start);
                out.push((kind, t, start));
            }
        }
        out
    });
    // The part of the text in view, as fractions, from the rendered passages.
    let in_view = RwSignal::new(None::<(f64, f64)>);
    let measure = move || {
        let a = articles.analysis.get_untracked();
        in_view.set(viewport_fractions(&a));
    };
    let pending = StoredValue::new(false);
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.set_value(false);
                measure();
            });
        }
    });
    on_cleanup(move || on_scroll.remove());
    Effect::new(move |_| {
        reading.view.track();
        request_animation_frame(measure);
    });

    let match_marks = move || {
        let current = reading.current();
        match_ticks
            .get()
            .into_iter()
            .map(|t| {
                let is_current = (t.first..t.first + t.count).contains(&current);
                let title = if t.count == 1 {
                    format!("Match {}", t.first + 1)
                } else {
                    format!("Matches {} to {}", t.first + 1, t.first + t.count)
                };
                view! {
                    <div
                        class="tick tick-match"
                        class:current=is_current
                        style:top=format!("{}%", fixed(t.at * 100.0, 3))
                        data-first=t.first
                        data-count=t.count
                        title=title
                    ></div>
                }
            })
            .collect_view()
    };
    let mention_marks = move || {
        mention_ticks
            .get()
            .into_iter()
            .map(|(kind, t, _)| {
                view! {
                    <div
                        class="tick tick-mention"
                        data-entity-type=kind
                        data-count=t.count
                        style:top=format!("{}%", fixed(t.at * 100.0, 3))
                    ></div>
                }
            })
            .collect_view()
    };
    let window_box = move || {
        in_view.get().map(|(a, b)| {
            view! {
                <div
                    class="map-window"
                    style:top=format!("{}%", fixed(a * 100.0, 3))
                    style:height=format!("{}%", fixed(((b - a) * 100.0).max(0.8), 3))
                ></div>
            }
        })
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        let Some((at, height)) = crate::pointer::fraction_down(&ev) else {
            return;
        };
        let reach = REACH_PX / height;
        let near = |t: f64| ((t - at).abs() <= reach).then_some((t - at).abs());
        let best_match = match_ticks.with_untracked(|ts| {
            ts.iter()
                .filter_map(|t| near(t.at).map(|d| (d, t.first)))
                .min_by(|a, b| a.0.total_cmp(&b.0))
        });
        let best_mention = mention_ticks.with_untracked(|ts| {
            ts.iter()
                .filter_map(|(_, t, start)| near(t.at).map(|d| (d, *start)))
                .min_by(|a, b| a.0.total_cmp(&b.0))
        });
        match (best_match, best_mention) {
            (Some((_, first)), _) => reading.go_to_match(first),
            (None, Some((_, start))) => reading.jump(start),
            (None, None) => {
                let len = articles.analysis.with_untracked(|a| a.article.body.len());
                reading.jump((at * len as f64) as usize);
            }
        }
    };
    view! {
        <div
            class="position-map no-print"
            aria-hidden="true"
            title="Where the matches and mentions are"
            on:click=go
        >
            {window_box}
            {mention_marks}
            {match_marks}
        </div>
    }
}

/// The first and last rendered passages that are on screen, as fractions
/// of the text.
fn viewport_fractions(a: &article_analysis::Analysis) -> Option<(f64, f64)> {
    let window = web_sys::window()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let list = window
        .document()?
        .query_selector_all(".article-body .passage")
        .ok()?;
    let n = list.length();
    if n == 0 {
        return None;
    }
    let rect = |i: u32| {
        list.item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            .map(|el| {
                let r = el.get_bounding_client_rect();
                let p = el
                    .get_attribute("data-passage")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                (r.top(), r.bottom(), p)
            })
    };
    // Binary search: the first passage whose bottom is below the top bar,
    // and the last whose top is above the window's bottom.
    let top_edge = 60.0;
    let (mut lo, mut hi) = (0u32, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if rect(mid)?.1 < top_edge {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let first = lo.min(n - 1);
    let (mut lo, mut hi) = (first, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if rect(mid)?.0 < height {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let last = lo.saturating_sub(1).max(first);
    let len = a.article.body.len();
    let span = |p: usize| a.article.paragraphs.get(p).map(|x| x.span.clone());
    let start = span(rect(first)?.2)?.start;
    let end = span(rect(last)?.2)?.end;
    Some((
        article_analysis::position::fraction(start, len),
        article_analysis::position::fraction(end, len),
    ))
}
