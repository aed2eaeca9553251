use article_analysis::quotes::{speakers, QuoteKind};
use leptos::prelude::*;

use crate::components::SectionBox;
use crate::state::reading::UNATTRIBUTED;
use crate::state::{Articles, Reading};
use crate::url_state::Section;

/// Characters of a quotation shown in the list before it is cut.
const QUOTE_CHARS: usize = 220;

/// "Who said what" (a region named "Quotes"): the speakers with how many
/// times each is quoted (choosing one shows only the passages quoting them)
/// and every quotation with its speaker (choosing one goes there). The
/// quotes were found when the article was analysed.
#[component]
pub fn QuotesPanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let summary = Signal::derive(move || {
        let n = articles.analysis.with(|a| a.quotes.len());
        format!("{n} quotation{}", if n == 1 { "" } else { "s" })
    });
    let speaker_id = move |speaker: Option<usize>| {
        speaker
            .and_then(|i| {
                articles
                    .analysis
                    .with(|a| a.entities.entities.get(i).map(|e| e.id.clone()))
            })
            .unwrap_or_else(|| UNATTRIBUTED.to_string())
    };
    let who = move || {
        let a = articles.analysis.get();
        speakers(&a.quotes)
            .into_iter()
            .map(|s| {
                let id = speaker_id(s.speaker);
                let entity = s.speaker.and_then(|i| a.entities.entities.get(i));
                let name = entity.map_or("Unattributed".to_string(), |e| e.name.clone());
                let kind = entity.map_or("other", |e| e.kind.as_str());
                let pressed_id = id.clone();
                let pressed = move || (reading.speaker().as_deref() == Some(pressed_id.as_str())).to_string();
                let toggle_id = id.clone();
                let toggle = move |_| {
                    let on = reading.speaker().as_deref() == Some(toggle_id.as_str());
                    reading.set_speaker((!on).then(|| toggle_id.clone()));
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="speaker"
                            data-entity-id=id
                            data-entity-type=kind
                            aria-pressed=pressed
                            on:click=toggle
                        >
                            <span class="entity-name">{name}</span>
                            <span class="entity-count">{s.quotes}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let list = move || {
        let a = articles.analysis.get();
        let chosen = reading.speaker();
        a.quotes
            .iter()
            .filter(|q| chosen.as_deref().is_none_or(|c| speaker_id(q.speaker) == c))
            .map(|q| {
                let text = a.article.body.get(q.span.clone()).unwrap_or("");
                let shown: String = if text.chars().count() > QUOTE_CHARS {
                    let cut: String = text.chars().take(QUOTE_CHARS).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    text.to_string()
                };
                let name = q
                    .speaker
                    .and_then(|i| a.entities.entities.get(i))
                    .map_or("unattributed".to_string(), |e| e.name.clone());
                let kind = match q.kind {
                    QuoteKind::Direct => "said",
                    QuoteKind::Reported => "reported",
                };
                let start = q.span.start;
                view! {
                    <li>
                        <button
                            type="button"
                            class="quote-jump"
                            data-entity-id=speaker_id(q.speaker)
                            on:click=move |_| reading.jump(start)
                        >
                            <span class="quote-text">{shown}</span>
                            <span class="quote-by">{format!(" \u{2014} {name} ({kind})")}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || articles.analysis.with(|a| a.quotes.is_empty());
    view! {
        <SectionBox section=Section::Quotes title="Quotes" summary=summary>
            <Show
                when=move || !empty()
                fallback=|| view! { <p class="empty">"No quotation found in this article."</p> }
            >
                <h3 class="sub-head">"Speakers"</h3>
                <ul class="speakers">{who}</ul>
                <h3 class="sub-head">"Quotations"</h3>
                <ol class="quotes">{list}</ol>
            </Show>
        </SectionBox>
    }
}
