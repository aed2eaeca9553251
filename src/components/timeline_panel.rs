use article_analysis::timeline::{AnchorSource, TimeExpression, TimeKind};
use article_analysis::Analysis;
use leptos::prelude::*;

use crate::components::SectionBox;
use crate::state::{Articles, Reading};
use crate::url_state::Section;

/// The timeline (a region named "Timeline"): every date and time the
/// article mentions, normalized against its date and in order, each with
/// the sentence it comes from (`<time datetime>`); durations and the
/// expressions that cannot be placed listed apart. Choosing one goes there.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let summary = Signal::derive(move || {
        let n = articles.analysis.with(|a| a.timeline.points.len());
        format!("{n} date{}", if n == 1 { "" } else { "s" })
    });
    let anchor = move || {
        articles.analysis.with(|a| match &a.timeline.anchor {
            Some(anchor) => format!(
                "Dates placed against the article's date, {} ({}).",
                anchor.datetime,
                match anchor.source {
                    AnchorSource::FrontMatter => "from its metadata",
                    AnchorSource::Dateline => "from its dateline",
                }
            ),
            None => "The article has no date: relative dates are listed as written.".to_string(),
        })
    };
    let items = move |kind: TimeKind| {
        let a = articles.analysis.get();
        let t = &a.timeline;
        let list = match kind {
            TimeKind::Point => &t.points,
            TimeKind::Duration => &t.durations,
            TimeKind::Unplaced => &t.unplaced,
        };
        list.iter().map(|x| item(&a, x, reading)).collect_view()
    };
    let has = move |kind: TimeKind| {
        articles.analysis.with(|a| {
            let t = &a.timeline;
            !match kind {
                TimeKind::Point => &t.points,
                TimeKind::Duration => &t.durations,
                TimeKind::Unplaced => &t.unplaced,
            }
            .is_empty()
        })
    };
    view! {
        <SectionBox section=Section::Timeline title="Timeline" summary=summary>
            <p class="timeline-anchor">{anchor}</p>
            <Show when=move || has(TimeKind::Point)>
                <ol class="timeline">{move || items(TimeKind::Point)}</ol>
            </Show>
            <Show when=move || has(TimeKind::Duration)>
                <h3 class="sub-head">"Durations"</h3>
                <ul class="timeline">{move || items(TimeKind::Duration)}</ul>
            </Show>
            <Show when=move || has(TimeKind::Unplaced)>
                <h3 class="sub-head">"Not placed on the calendar"</h3>
                <ul class="timeline">{move || items(TimeKind::Unplaced)}</ul>
            </Show>
        </SectionBox>
    }
}

/// One expression: its value (a `<time>` for points), what the text says,
/// and its sentence.
fn item(a: &Analysis, x: &TimeExpression, reading: Reading) -> impl IntoView {
    let said = a.article.body.get(x.span.clone()).unwrap_or("").to_string();
    let sentence = a
        .article
        .body
        .get(x.sentence.clone())
        .unwrap_or("")
        .replace('\n', " ");
    let start = x.span.start;
    let value = match x.kind {
        TimeKind::Point => view! { <time datetime=x.datetime.clone()>{x.datetime.clone()}</time> }.into_any(),
        _ if x.datetime.is_empty() => view! { <span class="time-value">"—"</span> }.into_any(),
        _ => view! { <span class="time-value">{x.datetime.clone()}</span> }.into_any(),
    };
    view! {
        <li>
            <button type="button" class="time-jump" on:click=move |_| reading.jump(start)>
                {value}
                <span class="time-said">{format!(" \u{201c}{said}\u{201d}: ")}</span>
                <span class="time-sentence">{sentence}</span>
            </button>
        </li>
    }
}
