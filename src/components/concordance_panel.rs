use article_analysis::concordance::{lines, sort, Line, Order};
use article_analysis::export;
use leptos::prelude::*;

use crate::components::SectionBox;
use crate::download::{download, file_stem};
use crate::state::{Articles, Notices, Reading};
use crate::url_state::{KwicOrder, Section};

/// Characters of context on each side of a match.
const WIDTH: usize = 50;
/// Lines shown at most (the export has them all).
const SHOWN: usize = 500;

/// The concordance (a region named "Concordance"): one line per match of
/// the search, or per mention of the first selected entity, the match
/// centred between aligned left and right context; sortable by the words
/// before or after, each line going there, exportable as CSV.
#[component]
pub fn ConcordancePanel() -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let notices = expect_context::<Notices>();
    // What the lines are of, and the lines in the chosen order.
    let all = Memo::new(move |_| {
        let a = articles.analysis.get();
        let v = reading.view.get();
        let (of, hits) = if v.searching {
            (
                format!("\u{201c}{}\u{201d}", reading.query().trim()),
                v.matches.clone(),
            )
        } else if let Some(&e) = reading.selected_indices.get().first() {
            let name = a
                .entities
                .entities
                .get(e)
                .map_or(String::new(), |x| x.name.clone());
            (name, a.entities.mentions_of(e).map(|m| m.span.clone()).collect())
        } else {
            (String::new(), Vec::new())
        };
        let mut out = lines(&a.article.body, &a.article.paragraphs, &hits, WIDTH);
        let order = match reading.kwic.get() {
            KwicOrder::Text => Order::Text,
            KwicOrder::Left => Order::Left,
            KwicOrder::Right => Order::Right,
        };
        sort(&mut out, &a.article.body, order);
        (of, out)
    });
    let summary = Signal::derive(move || {
        all.with(|(of, l)| match (of.is_empty(), l.len()) {
            (true, _) => "search or choose an entity".to_string(),
            (false, n) => format!("{n} line{} for {of}", if n == 1 { "" } else { "s" }),
        })
    });
    let rows = move || {
        let a = articles.analysis.get();
        all.with(|(_, l)| {
            l.iter()
                .take(SHOWN)
                .map(|line: &Line| {
                    let t = line.text(&a.article.body);
                    let start = line.hit.start;
                    view! {
                        <li>
                            <button type="button" class="kwic-line" on:click=move |_| reading.jump(start)>
                                <span class="kwic-left">{t.left}</span>
                                <span class="kwic-hit">{t.hit}</span>
                                <span class="kwic-right">{t.right}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let more = move || all.with(|(_, l)| l.len().saturating_sub(SHOWN));
    let export_csv = move |_| {
        let a = articles.analysis.get_untracked();
        let csv = all.with_untracked(|(_, l)| export::concordance_csv(&a.article.body, l));
        let name = format!("{}-concordance.csv", file_stem(&a.article.meta.title));
        if let Err(e) = download(&name, "text/csv;charset=utf-8", &csv) {
            notices.say(e);
        }
    };
    let set_order = move |ev| {
        reading.kwic.set(match event_target_value(&ev).as_str() {
            "left" => KwicOrder::Left,
            "right" => KwicOrder::Right,
            _ => KwicOrder::Text,
        })
    };
    let empty = move || all.with(|(_, l)| l.is_empty());
    view! {
        <SectionBox section=Section::Concordance title="Concordance" summary=summary>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! {
                        <p class="empty">
                            "Search for a word, or choose an entity, to see every place it is used."
                        </p>
                    }
                }
            >
                <div class="kwic-controls">
                    <label>
                        "Sort by " <select on:change=set_order>
                            <option value="text" selected=move || reading.kwic.get() == KwicOrder::Text>
                                "position in the text"
                            </option>
                            <option value="left" selected=move || reading.kwic.get() == KwicOrder::Left>
                                "words before"
                            </option>
                            <option value="right" selected=move || reading.kwic.get() == KwicOrder::Right>
                                "words after"
                            </option>
                        </select>
                    </label>
                    <button type="button" class="small-button" on:click=export_csv>
                        "Export concordance as CSV"
                    </button>
                </div>
                <ol class="kwic">{rows}</ol>
                <Show when=move || { more() > 0 }>
                    <p class="hint">{move || format!("{} more lines are in the CSV export.", more())}</p>
                </Show>
            </Show>
        </SectionBox>
    }
}
