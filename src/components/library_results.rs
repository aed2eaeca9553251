use article_analysis::library::{self, snippet};
use article_analysis::search::Query;
use leptos::prelude::*;

use super::{ArchiveEntities, ArchiveSearch};
use crate::state::{open_article, Articles, CardState, Reading, Shared, SNIPPET_RADIUS};

/// Library entities listed before "show all".
const ENTITY_LIMIT: usize = 40;

/// Search across every article: the published archive through its index
/// ([`ArchiveSearch`], [`ArchiveEntities`]) and the reader's own texts,
/// analysed here (ranked by BM25 with passage snippets, and their entity
/// index: "Joe Biden: 3 articles, 11 mentions", whose entries open the
/// passages in each article).
#[component]
pub fn LibraryResults() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let show_all = RwSignal::new(false);
    // The reader's own articles (published ones are searched in the index).
    articles.load_own();
    let own = move || -> Vec<Shared<article_analysis::Analysis>> {
        articles.items.with(|items| {
            items
                .iter()
                .filter(|i| i.is_own())
                .filter_map(|i| articles.analysis_of(&i.id))
                .collect()
        })
    };
    let own_results = move || {
        let all = own();
        let q = Query::parse(&reading.query());
        if all.is_empty() || q.is_empty() {
            return None;
        }
        let refs: Vec<&article_analysis::Analysis> = all.iter().map(|a| &**a).collect();
        let hits = library::search(&refs, &q);
        if hits.is_empty() {
            return Some(
                view! {
                    <h2>"Your articles"</h2>
                    <p class="empty">"None of your articles matches."</p>
                }
                .into_any(),
            );
        }
        let total: usize = hits.iter().map(|h| h.matches).sum();
        let summary = format!(
            "{total} match{} in {} of your articles",
            if total == 1 { "" } else { "es" },
            hits.len(),
        );
        let items = hits
            .into_iter()
            .filter_map(|h| {
                let a = all.get(h.article)?.clone();
                let id = a.article.id.clone();
                let snippets = h
                    .snippets
                    .iter()
                    .filter_map(|(p, spans)| {
                        let para = a.article.paragraphs.get(*p)?;
                        let first = spans.first()?.clone();
                        let text = a.article.body.get(para.span.clone())?;
                        let local = first.start - para.span.start..first.end - para.span.start;
                        let (s, m) = snippet(text, local, SNIPPET_RADIUS);
                        let (before, hit, after) = (
                            s.get(..m.start).unwrap_or("").to_string(),
                            s.get(m.clone()).unwrap_or("").to_string(),
                            s.get(m.end..).unwrap_or("").to_string(),
                        );
                        Some(view! { <li class="snippet">{before} <mark>{hit}</mark> {after}</li> })
                    })
                    .collect_view();
                let open = move |_| open_article(articles, reading, card, id.clone());
                Some(view! {
                    <li class="result">
                        <button type="button" class="result-title" on:click=open>
                            {a.article.meta.title.clone()}
                        </button>
                        <span class="result-count">
                            {format!(
                                "{} match{} in {} passage{}",
                                h.matches,
                                if h.matches == 1 { "" } else { "es" },
                                h.passages.len(),
                                if h.passages.len() == 1 { "" } else { "s" },
                            )}
                        </span>
                        <ul class="snippets">{snippets}</ul>
                    </li>
                })
            })
            .collect_view();
        Some(
            view! {
                <h2>"Your articles"</h2>
                <p class="results-summary">{summary}</p>
                <ol class="results">{items}</ol>
            }
            .into_any(),
        )
    };
    let own_entities = move || {
        let all = own();
        if all.is_empty() {
            return None;
        }
        let refs: Vec<&article_analysis::Analysis> = all.iter().map(|a| &**a).collect();
        let mut index = library::entity_index(&refs);
        let hidden = reading.hidden.get();
        index.retain(|e| !hidden.contains(&e.kind));
        let more = super::cut_to(&mut index, ENTITY_LIMIT, show_all.get());
        let rows = index
            .into_iter()
            .map(|e| {
                let label = format!(
                    "{} article{}, {} mention{}",
                    e.articles.len(),
                    if e.articles.len() == 1 { "" } else { "s" },
                    e.mentions,
                    if e.mentions == 1 { "" } else { "s" }
                );
                let links = e
                    .articles
                    .iter()
                    .filter_map(|&(ai, ei, n)| {
                        let a = all.get(ai)?.clone();
                        let entity_id = a.entities.entities.get(ei)?.id.clone();
                        let article_id = a.article.id.clone();
                        let open = move |_| {
                            open_article(articles, reading, card, article_id.clone());
                            reading.select_only(vec![entity_id.clone()]);
                        };
                        Some(view! {
                            <li>
                                <button type="button" class="link-button" on:click=open>
                                    {format!("{} ({n})", a.article.meta.title)}
                                </button>
                            </li>
                        })
                    })
                    .collect_view();
                view! {
                    <li class="lib-entity" data-entity-type=e.kind.as_str()>
                        <span class="swatch" aria-hidden="true"></span>
                        <strong>{e.name.clone()}</strong>
                        ": "
                        <span class="count">{label}</span>
                        <ul class="lib-entity-articles">{links}</ul>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h3>"Your articles"</h3>
            <ul class="lib-entities">{rows}</ul>
            <Show when=move || { more > 0 && !show_all.get() }>
                <button type="button" class="link-button" on:click=move |_| show_all.set(true)>
                    {format!("Show {more} more")}
                </button>
            </Show>
        })
    };
    view! {
        <div class="library-results">
            <h1 class="article-title">"Search all articles"</h1>
            <section aria-label="Results across articles">
                <Show when=move || Query::parse(&reading.query()).is_empty()>
                    <p class="empty">"Type in the search box to search every article."</p>
                </Show>
                <ArchiveSearch />
                {own_results}
            </section>
            <section aria-label="Entity index">
                <h2>"Entities across the library"</h2>
                <ArchiveEntities />
                {own_entities}
            </section>
        </div>
    }
}
