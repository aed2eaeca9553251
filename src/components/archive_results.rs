use article_analysis::static_index::Snippet;
use leptos::prelude::*;

use super::MoreButton;
use crate::messages;
use crate::state::{open_article, Archive, ArchiveResults, Articles, CardState, Reading, Shared};

/// Results listed at first, and added by "More results".
const PAGE: usize = 10;

/// A snippet as text with its match marked.
pub fn snippet_view(s: &Snippet) -> impl IntoView + use<> {
    let part = |r: std::ops::Range<usize>| s.text.get(r).unwrap_or("").to_string();
    let (before, hit, after) = (
        part(0..s.hit.start),
        part(s.hit.clone()),
        part(s.hit.end..s.text.len()),
    );
    view! { <li class="snippet">{before} {(!hit.is_empty()).then(|| view! { <mark>{hit}</mark> })} {after}</li> }
}

/// The published articles that match the search box's query, found in the
/// archive's index (ranked by BM25, with a snippet of the passage that
/// matches), ten at a time. Opening one fetches its record only.
#[component]
pub fn ArchiveSearch() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let shown = RwSignal::new(PAGE);
    let results = RwSignal::new(None::<Result<Shared<ArchiveResults>, String>>);
    let asked = StoredValue::new((String::new(), 0u64));
    Effect::new(move |_| {
        let q = reading.query();
        if asked.with_value(|(last, _)| *last != q) && shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
        let count = shown.get();
        let generation = asked.with_value(|(_, g)| g + 1);
        asked.set_value((q.clone(), generation));
        if q.trim().is_empty() {
            results.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            let got = archive.search(q, count).await;
            // (The results may be gone by the time the index answers.)
            if asked.try_with_value(|(_, g)| *g == generation) == Some(true) {
                results.try_set(Some(
                    got.map(Shared::new)
                        .map_err(|e| messages::archive_unavailable(&e)),
                ));
            }
        });
    });
    move || match results.get() {
        None => None,
        Some(Err(why)) => Some(view! { <p class="empty">{why}</p> }.into_any()),
        Some(Ok(r)) if r.total == 0 => {
            Some(view! { <p class="empty">"No published article matches."</p> }.into_any())
        }
        Some(Ok(r)) => {
            let mut summary = format!(
                "{}{} published article{} match{}",
                if r.approximate { "About " } else { "" },
                r.total,
                if r.total == 1 { "" } else { "s" },
                if r.total == 1 { "es" } else { "" }
            );
            if !r.ignored.is_empty() {
                summary.push_str(&format!(" (left out as too common: {})", r.ignored.join(", ")));
            }
            let items = r
                .hits
                .iter()
                .map(|h| {
                    let entry = h.entry.clone();
                    let meta: Vec<String> = [entry.source.clone(), entry.date.clone()]
                        .into_iter()
                        .flatten()
                        .collect();
                    let open = move |_| {
                        articles.add_published(&entry);
                        open_article(articles, reading, card, entry.id.clone());
                    };
                    view! {
                        <li class="result">
                            <button type="button" class="result-title" on:click=open>
                                {h.entry.title.clone()}
                            </button>
                            <span class="result-count">{meta.join(" · ")}</span>
                            <ul class="snippets">{h.snippet.as_ref().map(snippet_view)}</ul>
                        </li>
                    }
                })
                .collect_view();
            let more = r.more;
            Some(
                view! {
                    <p class="results-summary">{summary}</p>
                    <ol class="results">{items}</ol>
                    <MoreButton
                        show=more
                        label="More results"
                        on_more=move |_| shown.update(|n| *n += PAGE)
                    />
                }
                .into_any(),
            )
        }
    }
}
