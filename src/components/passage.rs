use article_analysis::view::{segments, Layers, Segment};
use leptos::prelude::*;

use crate::state::{Articles, HighlightLayer, Notes, Reading};

/// One paragraph of the article, cut into plain text, search matches
/// (`<mark>`, the current one with `aria-current="true"`), entity mentions
/// (`data-entity-type`, `data-entity-id`), quotations (`span.quoted`) and
/// the reader's highlights (`span.hl` with `data-color` and
/// `data-highlight`, never a `<mark>`). Article text is only ever rendered
/// as text nodes.
///
/// When another article opens, a passage of the one before draws nothing
/// in the moment before the list drops it (it used to draw itself from the
/// new article's text first: a long text's first view cost twice).
#[component]
pub fn Passage(
    /// The article it belongs to.
    article: String,
    /// Index of the paragraph in the article.
    index: usize,
) -> impl IntoView {
    let articles = expect_context::<Articles>();
    let reading = expect_context::<Reading>();
    let notes = expect_context::<Notes>();
    let article = StoredValue::new(article);
    let mine = move |a: &article_analysis::Analysis| article.with_value(|id| *id == a.article.id);
    let segs = Memo::new(move |_| {
        let a = articles.analysis.get();
        if !mine(&a) {
            return Vec::new();
        }
        let v = reading.view.get();
        let hidden = reading.hidden.get();
        let quoted = reading.quoted.get();
        let layer = notes.layer.get();
        match (a.article.paragraphs.get(index), a.passage_mentions.get(index)) {
            (Some(p), Some(range)) => segments(
                p.span.clone(),
                &Layers {
                    matches: &v.matches,
                    mentions: &a.entities.mentions,
                    mention_range: range.clone(),
                    hidden: &hidden,
                    quoted: &quoted,
                    highlights: &layer.pieces,
                },
            ),
            _ => Vec::new(),
        }
    });
    // (A passage of another article has no segments, so draws nothing.)
    let content = move || {
        let a = articles.analysis.get();
        let layer = notes.layer.get();
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
                    let inner: Vec<AnyView> = segs[i..j].iter().map(|s| piece(&a, &layer, s)).collect();
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
                    out.push(piece(&a, &layer, &segs[i]));
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
/// highlight, wrapped in `span.hl`; inside a quotation, in `span.quoted`.
fn piece(a: &article_analysis::Analysis, layer: &HighlightLayer, s: &Segment) -> AnyView {
    let inner = mention_or_text(a, s);
    let inner = match s.highlight.and_then(|h| layer.owners.get(h)) {
        Some((id, color)) => view! {
            <span class="hl" data-color=color.as_str() data-highlight=id.clone()>
                {inner}
            </span>
        }
        .into_any(),
        None => inner,
    };
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
