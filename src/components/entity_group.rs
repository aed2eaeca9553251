use article_analysis::entities::EntityKind;
use article_analysis::normalize::fold;
use leptos::prelude::*;

use crate::components::EntityCorrection;
use crate::state::{Articles, CardState, Corrections, Reading};
use crate::url_state::SortOrder;

/// Entities listed per kind until the reader asks for all of them (a long
/// book has thousands; the page stays light: 100 per kind took War and
/// Peace's first view to 180 ms of rendering).
const SHOWN: usize = 40;

/// One line of the list: what the view needs of an entity.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    index: usize,
    id: String,
    name: String,
    mentions: usize,
    aliases: Vec<String>,
    related: Option<String>,
}

/// The entities of one kind: a heading with the kind's color swatch (the
/// legend), a show/hide toggle, and one toggle button per entity with its
/// mention count and aliases, and a "Correct" disclosure for the reader's
/// corrections.
#[component]
pub fn EntityGroup(
    /// Which kind of entity this group lists.
    kind: EntityKind,
) -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let card = expect_context::<CardState>();
    let corrections = expect_context::<Corrections>();
    let hidden = move || reading.hidden.with(|h| h.contains(&kind));
    let rows = Memo::new(move |_| {
        let a = articles.analysis.get();
        let needle = fold(reading.entity_filter.get().trim());
        let mut rows: Vec<Row> = a
            .entities
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter(|(_, e)| {
                needle.is_empty()
                    || fold(&e.name).contains(&needle)
                    || e.aliases.iter().any(|x| fold(x).contains(&needle))
            })
            .map(|(index, e)| Row {
                index,
                id: e.id.clone(),
                name: e.name.clone(),
                mentions: e.mentions,
                aliases: e.aliases.clone(),
                related: e
                    .related
                    .and_then(|r| a.entities.entities.get(r))
                    .map(|r| r.name.clone()),
            })
            .collect();
        match reading.sort.get() {
            SortOrder::Count => rows.sort_by_cached_key(|x| (std::cmp::Reverse(x.mentions), fold(&x.name))),
            SortOrder::Name => rows.sort_by_cached_key(|x| fold(&x.name)),
        }
        rows
    });
    let toggle_hidden = move |_| {
        reading.hidden.update(|h| {
            if let Some(p) = h.iter().position(|k| *k == kind) {
                h.remove(p);
            } else {
                h.push(kind);
            }
        })
    };
    let expanded = RwSignal::new(false);
    let total = move || rows.with(Vec::len);
    let list = move || {
        let limit = if expanded.get() { usize::MAX } else { SHOWN };
        rows.get()
            .into_iter()
            .take(limit)
            .map(
                |Row {
                     index: i,
                     id,
                     name,
                     mentions: count,
                     aliases,
                     related,
                 }| {
                    let pressed = move || reading.selected_indices.with(|s| s.contains(&i)).to_string();
                    let described = move || {
                        card.anchor
                            .with(|c| c.as_ref().is_some_and(|c| c.entity == i))
                            .then_some("entity-card")
                    };
                    let id_for_click = id.clone();
                    let (fix_id, toggle_id, form_id) = (id.clone(), id.clone(), id.clone());
                    let correcting = move || {
                        corrections
                            .correcting
                            .with(|c| c.as_deref() == Some(fix_id.as_str()))
                    };
                    let open_fix = correcting.clone();
                    let toggle_fix = move |_| {
                        corrections.correcting.update(|c| {
                            *c = if c.as_deref() == Some(toggle_id.as_str()) {
                                None
                            } else {
                                Some(toggle_id.clone())
                            };
                        })
                    };
                    let fix_label = format!("Correct {name}");
                    let form_name = name.clone();
                    let aka = (!aliases.is_empty()).then(|| format!("also: {}", aliases.join(", ")));
                    let related = related.map(|r| format!("of {r}"));
                    view! {
                        <li>
                            <button
                                type="button"
                                class="entity"
                                data-entity-type=kind.as_str()
                                data-entity-id=id
                                aria-pressed=pressed
                                aria-describedby=described
                                on:click=move |_| reading.toggle_entity(&id_for_click)
                                on:pointerenter=move |ev| {
                                    if ev.pointer_type() == "mouse" {
                                        card.show(i, &event_target::<web_sys::Element>(&ev))
                                    }
                                }
                                on:pointerleave=move |ev| {
                                    if ev.pointer_type() == "mouse" {
                                        card.hide_soon()
                                    }
                                }
                                on:focus=move |ev| card.show_on_keyboard_focus(i, &ev)
                                on:blur=move |_| card.hide()
                            >
                                <span class="entity-name">{name}</span>
                                <span class="entity-count" title="mentions">
                                    {count}
                                </span>
                            </button>
                            <button
                                type="button"
                                class="link-button correct-toggle"
                                aria-expanded=move || open_fix().to_string()
                                aria-label=fix_label
                                on:click=toggle_fix
                            >
                                "Correct"
                            </button>
                            {related.map(|r| view! { <span class="entity-related">{r}</span> })}
                            {aka.map(|t| view! { <span class="entity-aliases">{t}</span> })}
                            <Show when=correcting.clone()>
                                <EntityCorrection id=form_id.clone() name=form_name.clone() kind=kind />
                            </Show>
                        </li>
                    }
                },
            )
            .collect_view()
    };
    let label = kind.plural_label();
    view! {
        <Show when=move || !rows.with(Vec::is_empty) || hidden()>
            <div class="entity-group" data-entity-type=kind.as_str()>
                <h3>
                    <span class="swatch" aria-hidden="true"></span>
                    {label}
                    " "
                    <span class="count">{move || rows.with(Vec::len)}</span>
                    <button
                        type="button"
                        class="link-button hide-toggle"
                        aria-pressed=move || hidden().to_string()
                        aria-label=move || format!("{} {}", if hidden() { "Show" } else { "Hide" }, label)
                        on:click=toggle_hidden
                    >
                        {move || if hidden() { "Show" } else { "Hide" }}
                    </button>
                </h3>
                <Show when=move || !hidden()>
                    <ul class="entity-list">{list}</ul>
                    <Show when=move || { total() > SHOWN }>
                        <button
                            type="button"
                            class="link-button show-all"
                            aria-expanded=move || expanded.get().to_string()
                            on:click=move |_| expanded.update(|e| *e = !*e)
                        >
                            {move || {
                                if expanded.get() {
                                    format!("Show the first {SHOWN}")
                                } else {
                                    format!("Show all {} {}", total(), label.to_lowercase())
                                }
                            }}
                        </button>
                    </Show>
                </Show>
            </div>
        </Show>
    }
}
