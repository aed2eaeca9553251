use leptos::prelude::*;

use crate::state::{open_article, Articles, CardState, Reading};

/// Only web links are made clickable; anything else (`javascript:`, `data:`)
/// is shown as text.
fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}

/// The article selector, title and metadata (source, date, link).
#[component]
pub fn ArticleHeader() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let options = move || {
        articles.items.with(|all| {
            all.iter()
                .map(|item| {
                    let id = item.id.clone();
                    let selected = move || articles.open_id.get() == id;
                    view! {
                        <option value=item.id.clone() selected=selected>
                            {item.title.clone()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let meta = move || {
        let a = articles.analysis.get();
        let m = &a.article.meta;
        // The words indexed: counting them again in the body took 170 ms
        // for a 50 MB text.
        let words = a.index.token_count();
        let mut parts: Vec<AnyView> = Vec::new();
        if let Some(s) = &m.source {
            parts.push(view! { <span class="meta-source">{s.clone()}</span> }.into_any());
        }
        if let Some(d) = &m.date {
            parts.push(view! { <span class="meta-date">{d.clone()}</span> }.into_any());
        }
        parts.push(
            view! {
                <span class="meta-size">
                    {format!("{} paragraphs · {} words", a.article.paragraphs.len(), words)}
                </span>
            }
            .into_any(),
        );
        if let Some(u) = &m.url {
            parts.push(match safe_link(u) {
                Some(href) => view! {
                    <a class="meta-url" href=href rel="noopener noreferrer nofollow" target="_blank">
                        "Original"
                    </a>
                }
                .into_any(),
                None => view! { <span class="meta-url">{u.clone()}</span> }.into_any(),
            });
        }
        parts
    };
    view! {
        <div class="article-header">
            <label class="article-select">
                <span class="label-text">"Article"</span>
                <select
                    aria-label="Article"
                    on:change=move |ev| open_article(articles, reading, card, event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
            <h1 class="article-title">{move || articles.analysis.get().article.meta.title.clone()}</h1>
            <p class="article-meta">{meta}</p>
        </div>
    }
}
