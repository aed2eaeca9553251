use article_analysis::static_index::TopEntities;
use leptos::prelude::*;

use super::{cut_to, MoreButton};
use crate::messages;
use crate::state::{open_article, Archive, ArchiveEntity, Articles, CardState, Reading, Shared};

/// Articles listed per entity at first, and added by "More articles".
const PAGE: usize = 10;
/// Top entities listed before "Show all".
const TOP_SHOWN: usize = 40;

fn counts(articles: u32, mentions: u64) -> String {
    format!(
        "{articles} article{}, {mentions} mention{}",
        if articles == 1 { "" } else { "s" },
        if mentions == 1 { "" } else { "s" }
    )
}

/// The entities of the published archive: a name looked up in the
/// archive's index (the articles that mention it most, each opening with
/// the entity selected) and the entities found in the most articles.
#[component]
pub fn ArchiveEntities() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let name = RwSignal::new(String::new());
    let count = RwSignal::new(PAGE);
    let found = RwSignal::new(None::<Result<Shared<Vec<ArchiveEntity>>, String>>);
    let top = RwSignal::new(None::<Result<Shared<TopEntities>, String>>);
    let show_all = RwSignal::new(false);
    let asked = StoredValue::new(0u64);
    leptos::task::spawn_local(async move {
        let got = archive.top_entities().await;
        // (The panel may be gone by the time the index answers.)
        top.try_set(Some(
            got.map(|t| Shared::new(TopEntities::clone(&t)))
                .map_err(|e| messages::archive_unavailable(&e)),
        ));
    });
    Effect::new(move |_| {
        let n = name.get();
        let c = count.get();
        let generation = asked.with_value(|g| g + 1);
        asked.set_value(generation);
        if n.trim().is_empty() {
            found.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            let got = archive.entity(n, c).await;
            // (The panel may be gone by the time the index answers.)
            if asked.try_get_value() == Some(generation) {
                found.try_set(Some(
                    got.map(Shared::new)
                        .map_err(|e| messages::archive_unavailable(&e)),
                ));
            }
        });
    });
    let look_up = move |n: String| {
        count.set(PAGE);
        name.set(n);
    };
    let lookup = move || match found.get() {
        None => None,
        Some(Err(why)) => Some(view! { <p class="empty">{why}</p> }.into_any()),
        Some(Ok(list)) if list.is_empty() => {
            Some(view! { <p class="empty">"No published article names it."</p> }.into_any())
        }
        Some(Ok(list)) => {
            let hidden = reading.hidden.get();
            let rows = list
                .iter()
                .filter(|e| !hidden.contains(&e.found.kind))
                .map(|e| {
                    let (kind, entity) = (e.found.kind, e.found.name.clone());
                    let links = e
                        .articles
                        .iter()
                        .map(|(entry, n)| {
                            let (entry, entity) = (entry.clone(), entity.clone());
                            let label = format!("{} ({n})", entry.title);
                            let open = move |_| {
                                articles.add_published(&entry);
                                reading.select_named(entry.id.clone(), kind, entity.clone());
                                open_article(articles, reading, card, entry.id.clone());
                            };
                            view! {
                                <li>
                                    <button type="button" class="link-button" on:click=open>
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    let more = (e.articles.len() as u32) < e.found.articles;
                    view! {
                        <li class="lib-entity" data-entity-type=e.found.kind.as_str()>
                            <span class="swatch" aria-hidden="true"></span>
                            <strong>{e.found.name.clone()}</strong>
                            ": "
                            <span class="count">{counts(e.found.articles, e.found.mentions)}</span>
                            <ul class="lib-entity-articles">{links}</ul>
                            <MoreButton
                                show=more
                                label="More articles"
                                on_more=move |_| count.update(|c| *c += PAGE)
                            />
                        </li>
                    }
                })
                .collect_view();
            Some(view! { <ul class="lib-entities archive-lookup">{rows}</ul> }.into_any())
        }
    };
    let top_list = move || match top.get() {
        None => None,
        Some(Err(why)) => Some(view! { <p class="empty">{why}</p> }.into_any()),
        Some(Ok(t)) => {
            let hidden = reading.hidden.get();
            let mut list: Vec<_> = t
                .entities
                .iter()
                .filter(|e| !hidden.contains(&e.kind))
                .cloned()
                .collect();
            let more = cut_to(&mut list, TOP_SHOWN, show_all.get());
            let rows = list
                .into_iter()
                .map(|e| {
                    let n = e.name.clone();
                    let label = format!("Show articles that mention {}", e.name);
                    view! {
                        <li class="lib-entity" data-entity-type=e.kind.as_str()>
                            <span class="swatch" aria-hidden="true"></span>
                            <strong>{e.name.clone()}</strong>
                            ": "
                            <span class="count">{counts(e.articles, e.mentions)}</span>
                            " "
                            <button
                                type="button"
                                class="link-button"
                                aria-label=label
                                on:click=move |_| look_up(n.clone())
                            >
                                "Show articles"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <ul class="lib-entities">{rows}</ul>
                    <Show when=move || { more > 0 && !show_all.get() }>
                        <button type="button" class="link-button" on:click=move |_| show_all.set(true)>
                            {format!("Show {more} more")}
                        </button>
                    </Show>
                }
                .into_any(),
            )
        }
    };
    view! {
        <h3>"Published articles"</h3>
        <label class="archive-name">
            "Find a name "
            <input
                type="search"
                placeholder="A person, organization or place"
                prop:value=move || name.get()
                on:change=move |ev| look_up(event_target_value(&ev))
            />
        </label>
        {lookup}
        {top_list}
    }
}
