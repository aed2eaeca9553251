use article_analysis::cooccurrence::Unit;
use leptos::prelude::*;

use crate::pan_zoom::PanZoom;
use crate::units::fixed;

use crate::state::{Articles, CardState, NetworkSettings, Reading, NETWORK_FRAME};
use crate::url_state::{MAX_MIN_LINKS, MAX_TOP, MIN_TOP};

/// Node labels always drawn for this many of the most mentioned nodes; the
/// others show theirs on hover or focus.
const LABELLED: usize = 24;

/// The co-occurrence network: who appears with whom in the same sentence
/// (or paragraph). Node size by mentions, edge width by count, color and
/// outline by type; the layout is computed in Rust and is the same on every
/// reload. Clicking or tapping (or Enter on) a node filters by it; clicking
/// an edge shows the passages where both appear. Fingers, a mouse or the
/// zoom buttons pan and zoom it (see [`crate::pan_zoom`]).
#[component]
pub fn NetworkView() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let network = expect_context::<NetworkSettings>();
    let card = expect_context::<CardState>();
    let toggle = move |_| network.open.update(|o| *o = !*o);
    let pz = PanZoom::new(NETWORK_FRAME.width, NETWORK_FRAME.height);
    let summary = move || {
        network.drawn.with(|d| {
            format!(
                "{} of {} named entities, {} link{}",
                d.network.nodes.len(),
                d.network.candidates,
                d.network.edges.len(),
                if d.network.edges.len() == 1 { "" } else { "s" }
            )
        })
    };
    let edges = move || {
        let drawn = network.drawn.get();
        let a = articles.analysis.get();
        let selected = reading.selected_indices.get();
        let unit = network.unit.get().as_str();
        let max = largest(drawn.network.edges.iter().map(|e| e.count));
        drawn
            .network
            .edges
            .iter()
            .filter_map(|e| {
                let (na, nb) = (drawn.network.nodes.get(e.a)?, drawn.network.nodes.get(e.b)?);
                let (pa, pb) = (drawn.points.get(e.a)?, drawn.points.get(e.b)?);
                let (ea, eb) = (
                    a.entities.entities.get(na.entity)?,
                    a.entities.entities.get(nb.entity)?,
                );
                let width = 1.0 + 5.0 * (e.count as f64 / max).sqrt();
                let on = selected.contains(&na.entity) && selected.contains(&nb.entity);
                let title = format!(
                    "{} and {}: together in {} {}{}",
                    ea.name,
                    eb.name,
                    e.count,
                    unit,
                    if e.count == 1 { "" } else { "s" }
                );
                let ids = vec![ea.id.clone(), eb.id.clone()];
                Some(view! {
                    <g
                        class="edge"
                        class:selected=on
                        data-a=ea.id.clone()
                        data-b=eb.id.clone()
                        data-count=e.count
                        on:click=move |_| {
                            if !pz.dragged() {
                                reading.select_only(ids.clone())
                            }
                        }
                    >
                        <title>{title}</title>
                        <line
                            class="edge-hit"
                            x1=fixed(pa.x, 1)
                            y1=fixed(pa.y, 1)
                            x2=fixed(pb.x, 1)
                            y2=fixed(pb.y, 1)
                        ></line>
                        <line
                            class="edge-line"
                            stroke-width=fixed(width, 1)
                            x1=fixed(pa.x, 1)
                            y1=fixed(pa.y, 1)
                            x2=fixed(pb.x, 1)
                            y2=fixed(pb.y, 1)
                        ></line>
                    </g>
                })
            })
            .collect_view()
    };
    let nodes = move || {
        let drawn = network.drawn.get();
        let a = articles.analysis.get();
        let selected = reading.selected_indices.get();
        let max = largest(drawn.network.nodes.iter().map(|n| n.mentions));
        drawn
            .network
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let p = drawn.points.get(i)?;
                let e = a.entities.entities.get(n.entity)?;
                let r = 5.0 + 17.0 * (n.mentions as f64 / max).sqrt();
                let pressed = selected.contains(&n.entity);
                let label = format!(
                    "{}, {}, {} mention{}, {} link{}",
                    e.name,
                    e.kind.singular_label().to_lowercase(),
                    n.mentions,
                    if n.mentions == 1 { "" } else { "s" },
                    n.degree,
                    if n.degree == 1 { "" } else { "s" }
                );
                let id = e.id.clone();
                let id_key = e.id.clone();
                let entity = n.entity;
                // Labels sit to the right, or to the left near the right edge.
                let right = p.x < NETWORK_FRAME.width * 0.72;
                let tx = if right { r + 4.0 } else { -(r + 4.0) };
                Some(view! {
                    <g
                        class="node"
                        class:labelled=i < LABELLED
                        data-entity-type=e.kind.as_str()
                        data-entity-id=e.id.clone()
                        data-mentions=n.mentions
                        transform=format!("translate({} {})", fixed(p.x, 1), fixed(p.y, 1))
                        tabindex="0"
                        role="button"
                        aria-pressed=pressed.to_string()
                        aria-label=label
                        on:click=move |_| {
                            if !pz.dragged() {
                                reading.toggle_entity(&id)
                            }
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                reading.toggle_entity(&id_key);
                            }
                        }
                        on:focus=move |ev| card.show_on_keyboard_focus(entity, &ev)
                        on:blur=move |_| card.hide()
                    >
                        // At least 24 CSS px to hit at any size or zoom
                        // (non-scaling stroke), under the drawn circle.
                        <rect class="node-hit" x="-0.05" y="-0.05" width="0.1" height="0.1"></rect>
                        <circle r=fixed(r, 1)></circle>
                        <text x=fixed(tx, 1) y="4" text-anchor=if right { "start" } else { "end" }>
                            {e.name.clone()}
                        </text>
                    </g>
                })
            })
            .collect_view()
    };
    let panel = move || {
        view! {
            <figure class="network no-print" aria-labelledby="network-caption">
                <figcaption id="network-caption" class="network-caption">
                    "Who appears with whom: "
                    <span class="network-summary">{summary}</span>
                </figcaption>
                <div class="network-controls">
                    <label>
                        "Together in the same "
                        <select
                            class="network-unit"
                            on:change=move |ev| {
                                network
                                    .unit
                                    .set(Unit::from_str_opt(&event_target_value(&ev)).unwrap_or_default())
                            }
                        >
                            <option value="sentence" selected=move || network.unit.get() == Unit::Sentence>
                                "sentence"
                            </option>
                            <option value="paragraph" selected=move || network.unit.get() == Unit::Paragraph>
                                "paragraph"
                            </option>
                        </select>
                    </label>
                    <label>
                        "Entities: " <output>{move || network.top.get()}</output>
                        <input
                            type="range"
                            class="network-top"
                            min=MIN_TOP
                            max=MAX_TOP
                            step="1"
                            prop:value=move || network.top.get().to_string()
                            on:input=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                                    network.top.set(n.clamp(MIN_TOP, MAX_TOP));
                                }
                            }
                        />
                    </label>
                    <label>
                        "Link when together at least "
                        <output>{move || format!("{}×", network.min_links.get())}</output>
                        <input
                            type="range"
                            class="network-min"
                            min="1"
                            max=MAX_MIN_LINKS
                            step="1"
                            prop:value=move || network.min_links.get().to_string()
                            on:input=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                                    network.min_links.set(n.clamp(1, MAX_MIN_LINKS));
                                }
                            }
                        />
                    </label>
                    <span class="zoom-buttons" role="group" aria-label="Zoom">
                        <button type="button" class="small-button" on:click=move |_| pz.zoom_in()>
                            "Zoom in"
                        </button>
                        <button type="button" class="small-button" on:click=move |_| pz.zoom_out()>
                            "Zoom out"
                        </button>
                        <button type="button" class="small-button" on:click=move |_| pz.reset()>
                            "Show all"
                        </button>
                    </span>
                </div>
                <svg
                    class="network-graph"
                    viewBox=move || pz.attr()
                    role="group"
                    aria-label="Entity network; each entity is a button that filters the article"
                    on:pointerdown=move |ev| pz.press(&ev)
                    on:pointermove=move |ev| pz.drag(&ev)
                    on:pointerup=move |ev| pz.release(&ev)
                    on:pointercancel=move |ev| pz.release(&ev)
                >
                    <g class="edges">{edges}</g>
                    <g class="nodes">{nodes}</g>
                </svg>
                <p class="hint">
                    "Click or tap an entity to filter the article by it; a line, to show the passages where both appear. Larger circles are mentioned more; thicker lines, together more often. Pinch or use the zoom buttons to zoom; drag (sideways, or with two fingers) to move around."
                </p>
            </figure>
        }
    };
    view! {
        <div class="network-toggle no-print">
            <button
                type="button"
                class="small-button"
                aria-expanded=move || network.open.get().to_string()
                on:click=toggle
            >
                {move || if network.open.get() { "Hide the network" } else { "Who appears with whom" }}
            </button>
        </div>
        <Show when=move || network.open.get()>{panel}</Show>
    }
}

/// The largest of `counts`, at least 1, for scaling sizes to it.
fn largest(counts: impl Iterator<Item = usize>) -> f64 {
    counts.max().unwrap_or(1).max(1) as f64
}
