use article_analysis::annotations::corrections::{Correction, EntityKey, Scope};
use article_analysis::entities::EntityKind;
use article_analysis::normalize::fold;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{Articles, Corrections};

/// The correction form of one entity of the panel (a group named "Correct
/// NAME"): "Rename entity", "Change type", "Merge into…" another entity and
/// "Not an entity", each for this article or for all articles (the
/// personal dictionary).
#[component]
pub fn EntityCorrection(
    /// The entity's id.
    id: String,
    /// Its name.
    name: String,
    /// Its kind.
    kind: EntityKind,
) -> impl IntoView {
    let articles = expect_context::<Articles>();
    let corrections = expect_context::<Corrections>();
    let key = EntityKey::new(&name, kind);
    let scope = RwSignal::new(Scope::Article);
    let new_name = RwSignal::new(name.clone());
    let new_kind = RwSignal::new(kind);
    let into = RwSignal::new(String::new());
    // The other entities, by name, to merge into.
    let others: Vec<(String, String)> = articles.analysis.with_untracked(|a| {
        let mut v: Vec<(String, String)> = a
            .entities
            .entities
            .iter()
            .filter(|e| e.id != id)
            .map(|e| {
                (
                    e.id.clone(),
                    format!("{} ({})", e.name, e.kind.singular_label().to_lowercase()),
                )
            })
            .collect();
        v.sort_by_cached_key(|(_, label)| fold(label));
        v
    });
    // Applies a correction, then gives the keyboard focus to the entity it
    // leaves in the list (or the list's filter box).
    let correct = move |c: Correction, focus_id: Option<String>| {
        let article = articles.open_id.get_untracked();
        corrections.add(&article, c, scope.get_untracked());
        request_animation_frame(move || focus_entity(focus_id.as_deref()));
    };
    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key);
    let id_kept = id.clone();
    let rename = move |_| {
        correct(
            Correction::Rename {
                key: k1.clone(),
                name: new_name.get_untracked(),
            },
            Some(id_kept.clone()),
        )
    };
    let retype = move |_| {
        correct(
            Correction::ChangeType {
                key: k2.clone(),
                kind: new_kind.get_untracked(),
            },
            None,
        )
    };
    let merge = move |_| {
        let target = into.get_untracked();
        let found = articles.analysis.with_untracked(|a| {
            a.entities
                .entities
                .iter()
                .find(|e| e.id == target)
                .map(EntityKey::of)
        });
        if let Some(to) = found {
            correct(
                Correction::Merge {
                    from: k3.clone(),
                    into: to,
                },
                Some(target),
            );
        }
    };
    let remove = move |_| correct(Correction::NotAnEntity { key: k4.clone() }, None);
    let kinds = EntityKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.as_str() selected=k == kind>
                    {k.singular_label()}
                </option>
            }
        })
        .collect_view();
    let options = others
        .into_iter()
        .map(|(id, label)| view! { <option value=id>{label}</option> })
        .collect_view();
    let radio = format!("fix-scope-{id}");
    view! {
        <div class="correction-form" role="group" aria-label=format!("Correct {name}")>
            <fieldset class="fix-scope">
                <legend>"Apply to"</legend>
                <label>
                    <input
                        type="radio"
                        name=radio.clone()
                        checked=true
                        on:change=move |_| scope.set(Scope::Article)
                    />
                    "this article"
                </label>
                <label>
                    <input type="radio" name=radio on:change=move |_| scope.set(Scope::AllArticles) />
                    "all articles (personal dictionary)"
                </label>
            </fieldset>
            <div class="fix-row">
                <label>
                    "New name "
                    <input
                        type="text"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                </label>
                <button type="button" class="small-button" on:click=rename>
                    "Rename entity"
                </button>
            </div>
            <div class="fix-row">
                <label>
                    "New type "
                    <select on:change=move |ev| {
                        if let Some(k) = EntityKind::from_str_opt(&event_target_value(&ev)) {
                            new_kind.set(k);
                        }
                    }>{kinds}</select>
                </label>
                <button type="button" class="small-button" on:click=retype>
                    "Change type"
                </button>
            </div>
            <div class="fix-row">
                <label>
                    "Merge into… " <select on:change=move |ev| into.set(event_target_value(&ev))>
                        <option value="">"(choose an entity)"</option>
                        {options}
                    </select>
                </label>
                <button
                    type="button"
                    class="small-button"
                    disabled=move || into.with(String::is_empty)
                    on:click=merge
                >
                    "Merge"
                </button>
            </div>
            <div class="fix-row">
                <button type="button" class="small-button" on:click=remove>
                    "Not an entity"
                </button>
            </div>
        </div>
    }
}

/// Focuses the panel entry of the entity `id`, or the panel's filter box
/// when it is gone.
fn focus_entity(id: Option<&str>) {
    let doc = document();
    let entry = id.and_then(|id| {
        let all = doc.query_selector_all(".entity-panel button.entity").ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|el| el.get_attribute("data-entity-id").as_deref() == Some(id))
    });
    let target = entry.or_else(|| {
        doc.query_selector(".entity-panel .entity-filter")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    });
    if let Some(el) = target {
        let _ = el.focus();
    }
}
