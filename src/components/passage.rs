use article_analysis::view::{segments, Segment};
use leptos::prelude::*;

use crate::state::{Articles, Reading};

/// One paragraph of the article, cut into plain text, search matches
/// (`<mark>`, the current one with `aria-current="true"`), entity mentions
/// (`data-entity-type`, `data-entity-id`) and quotations (`span.quoted`).
/// Article text is only ever rendered as text nodes.
#[component]
pub fn Passage(
    /// Index of the paragraph in the article.
    index: usize,
) -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let segs = Memo::new(move |_| {
        let a = articles.analysis.get();
        let v = reading.view.get();
        let hidden = reading.hidden.get();
        match (a.article.paragraphs.get(index), a.passage_mentions.get(index)) {
            (Some(p), Some(range)) => segments(
                p.span.clone(),
                &v.matches,
                &a.entities.mentions,
                range.clone(),
                &hidden,
                &reading.quoted.get(),
            ),
            _ => Vec::new(),
        }
    });
    let content = move || {
        let a = articles.analysis.get();
        let segs = segs.get();
        let mut out: Vec<AnyView> = Vec::new();
        let mut i = 0;
        while i < segs.len() {
            match segs[i].mark {
                Some(m) => {
                    let mut j = i;
                    while j < segs.len() && segs[j].mark == Some(m) {
                        j += 1;
                    }
                    let inner: Vec<AnyView> = segs[i..j].iter().map(|s| piece(&a, s)).collect();
                    let current = move || {
                        reading
                            .current_match
                            .with_value(|s| s.selected(&m))
                            .then_some("true")
                    };
                    out.push(
                        view! {
                            <mark data-match=m aria-current=current>
                                {inner}
                            </mark>
                        }
                        .into_any(),
                    );
                    i = j;
                }
                None => {
                    out.push(piece(&a, &segs[i]));
                    i += 1;
                }
            }
        }
        out
    };
    view! {
        <p class="passage" data-passage=index>
            {content}
        </p>
    }
}

/// A segment as a text node, or a mention element around one; inside a
/// quotation, wrapped in `span.quoted`.
fn piece(a: &article_analysis::Analysis, s: &Segment) -> AnyView {
    let inner = mention_or_text(a, s);
    match s.quote {
        Some(_) => view! { <span class="quoted">{inner}</span> }.into_any(),
        None => inner,
    }
}

fn mention_or_text(a: &article_analysis::Analysis, s: &Segment) -> AnyView {
    let text = a.article.body.get(s.span.clone()).unwrap_or("").to_string();
    let mention = s
        .mention
        .and_then(|m| a.entities.mentions.get(m))
        .and_then(|m| a.entities.entities.get(m.entity));
    match mention {
        Some(e) => {
            let title = format!("{} ({})", e.name, e.kind.as_str());
            view! {
                <span
                    class="mention"
                    data-entity-type=e.kind.as_str()
                    data-entity-id=e.id.clone()
                    title=title
                >
                    {text}
                </span>
            }
            .into_any()
        }
        None => text.into_any(),
    }
}
