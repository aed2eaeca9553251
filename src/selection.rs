//! The reader's text selection in the article, as a byte range of the body.
//!
//! Each rendered passage (`p.passage[data-passage=N]`) holds exactly the
//! text of paragraph N (segments cover it, as text nodes), so a selection
//! boundary is the paragraph's start plus the text before the boundary in
//! its passage; the DOM counts that in UTF-16 units, converted here to
//! bytes. A boundary outside every passage (a triple click that ends on the
//! next block, a "Show more" button) is taken to the nearest edge of the
//! passages the selection covers.

use std::ops::Range;

use article_analysis::Analysis;
use wasm_bindgen::JsCast;

/// What is selected in the article: the byte range of the body (trimmed of
/// surrounding whitespace) and the DOM range (to place the toolbar by).
pub struct Selected {
    /// Byte range of the body.
    pub span: Range<usize>,
    /// The selection's range in the page.
    pub range: web_sys::Range,
}

/// The selection inside `article` (the article text element), if it is
/// not empty and lies (at least partly) in its passages.
pub fn selected(article: &web_sys::Element, a: &Analysis) -> Option<Selected> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let passages = article.query_selector_all(".passage").ok()?;
    let covered: Vec<web_sys::Element> = (0..passages.length())
        .filter_map(|i| passages.item(i))
        .filter(|p| range.intersects_node(p).unwrap_or(false))
        .filter_map(|p| p.dyn_into::<web_sys::Element>().ok())
        .collect();
    let (first, last) = (covered.first()?, covered.last()?);
    let start = range
        .start_container()
        .ok()
        .and_then(|node| boundary(article, a, &node, range.start_offset().ok()?))
        .or_else(|| edge(a, first, false))?;
    let end = range
        .end_container()
        .ok()
        .and_then(|node| boundary(article, a, &node, range.end_offset().ok()?))
        .or_else(|| edge(a, last, true))?;
    let span = trimmed(&a.article.body, start..end)?;
    Some(Selected { span, range })
}

/// The paragraph a passage element shows.
fn paragraph_of(el: &web_sys::Element) -> Option<usize> {
    el.get_attribute("data-passage")?.parse().ok()
}

/// The start (or end) of the paragraph a passage element shows.
fn edge(a: &Analysis, passage: &web_sys::Element, end: bool) -> Option<usize> {
    let p = a.article.paragraphs.get(paragraph_of(passage)?)?;
    Some(if end { p.span.end } else { p.span.start })
}

/// The body offset of the DOM boundary (`node`, `offset`), if it is inside
/// a passage of `article`.
fn boundary(article: &web_sys::Element, a: &Analysis, node: &web_sys::Node, offset: u32) -> Option<usize> {
    let el = match node.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    let passage = el.closest(".passage").ok()??;
    if !article.contains(Some(passage.as_ref())) {
        return None;
    }
    let para = a.article.paragraphs.get(paragraph_of(&passage)?)?;
    let before = web_sys::window()?.document()?.create_range().ok()?;
    before.set_start(&passage, 0).ok()?;
    before.set_end(node, offset).ok()?;
    let units = before.to_string().length() as usize;
    let text = a.article.body.get(para.span.clone())?;
    Some(para.span.start + byte_of_utf16(text, units))
}

/// The byte offset of `text` after `units` UTF-16 code units (its length
/// when it is shorter; a unit inside a surrogate pair counts the whole
/// character).
pub fn byte_of_utf16(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// `span` of `text` without whitespace at either end; `None` when nothing
/// is left or the span is not on character boundaries.
pub fn trimmed(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let (start, end) = (span.start.min(span.end), span.end.max(span.start));
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim();
    (!inner.is_empty()).then(|| start + lead..start + lead + inner.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_units_become_bytes() {
        let text = "Zoë 😀 Kyiv";
        assert_eq!(byte_of_utf16(text, 0), 0);
        assert_eq!(byte_of_utf16(text, 3), 4, "ë is one unit, two bytes");
        // The emoji is two units and four bytes.
        assert_eq!(byte_of_utf16(text, 4), 5);
        assert_eq!(byte_of_utf16(text, 6), 9);
        assert_eq!(&text[byte_of_utf16(text, 7)..], "Kyiv");
        assert_eq!(byte_of_utf16(text, 99), text.len());
    }

    #[test]
    fn selections_are_trimmed() {
        let text = "  Kyiv was quiet.\n\nThen ";
        assert_eq!(trimmed(text, 0..text.len()), Some(2..23));
        assert_eq!(&text[2..23], "Kyiv was quiet.\n\nThen");
        assert_eq!(trimmed(text, 17..19), None);
        // A selection dragged backwards (a range written start > end).
        let backwards = std::ops::Range { start: 6, end: 2 };
        assert_eq!(trimmed(text, backwards), Some(2..6), "a backwards range");
    }
}
