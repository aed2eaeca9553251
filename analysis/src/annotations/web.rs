//! The reader's highlights as W3C Web Annotation JSON
//! (<https://www.w3.org/TR/annotation-model/>), for export and import.
//!
//! Export ([`web_annotations`]) gives an `AnnotationCollection` with one
//! embedded `AnnotationPage` of `Annotation`s in text order. Each annotation
//! has an IRI `id` (`{source}#highlight-{id}`), `type`, `motivation`
//! (`highlighting`, or `commenting` with a note), `created`, the note as a
//! `TextualBody` (`text/plain`, purpose `commenting`), and a `target`: a
//! specific resource whose `source` is the article identifier the caller
//! gives, with both selectors (alternatives, quote first) and the color as
//! `styleClass`, defined by the annotation's embedded `CssStylesheet` (the
//! model's own way to record a highlight's color, section 4.4).
//!
//! Import ([`highlights_from`]) reads that, and also a page, a bare
//! annotation or an array of annotations, with one or several bodies,
//! targets and selectors, as other tools write them; what it cannot use
//! (no text selector, another kind of body) it skips and counts.
//!
//! The values are plain serde types: with the `json` feature
//! [`notes_json`] and [`parse_notes_json`] turn them into text with
//! serde_json; without it the app can serialize the same values itself.
//!
//! ```
//! use article_analysis::annotations::highlight::{Color, Highlight};
//! use article_analysis::annotations::web::{highlights_from, web_annotations, WebAnnotations};
//! let text = "The missiles struck Kharkiv at dawn.";
//! let h = Highlight::new("h1", text, 20..27, Color::Blue, "City", 0).unwrap();
//! let c = web_annotations("https://example.org/?article=strikes", "Strikes", text, &[h.clone()]);
//! assert_eq!(c.total, 1);
//! let back = highlights_from(&WebAnnotations::Collection(c), text);
//! assert_eq!(back.highlights, vec![h]);
//! ```

use serde::{Deserialize, Serialize};

use super::anchor::{Target, TextPositionSelector, TextQuoteSelector};
use super::highlight::{refreshed, Color, Highlight};
use super::timestamp::{iso8601, parse_iso8601};

/// The JSON-LD context every Web Annotation document names.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// A value the model allows once or as a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A single value.
    One(T),
    /// A list.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values, one or many.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            OneOrMany::One(x) => std::slice::from_ref(x).iter(),
            OneOrMany::Many(v) => v.iter(),
        }
    }
}

/// An `AnnotationCollection`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationCollection {
    /// `@context`: [`ANNO_CONTEXT`] (among others).
    #[serde(rename = "@context")]
    pub context: OneOrMany<String>,
    /// The collection's IRI.
    pub id: String,
    /// `AnnotationCollection`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A human-readable name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Number of annotations.
    #[serde(default)]
    pub total: usize,
    /// The first (here the only) page, embedded; absent when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<PageOrIri>,
}

/// A page embedded in a collection, or only its IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PageOrIri {
    /// The page itself.
    Page(AnnotationPage),
    /// A reference (its annotations are not in this document).
    Iri(String),
}

/// An `AnnotationPage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationPage {
    /// `@context`, only when the page stands alone.
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<String>>,
    /// The page's IRI.
    pub id: String,
    /// `AnnotationPage`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Position of the first item in the collection.
    #[serde(rename = "startIndex", default)]
    pub start_index: usize,
    /// The annotations.
    pub items: Vec<Annotation>,
}

/// An `Annotation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// `@context`, only when the annotation stands alone.
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<String>>,
    /// The annotation's IRI (some tools leave it out).
    #[serde(default)]
    pub id: String,
    /// `Annotation`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `highlighting` or `commenting` (others are read and ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<OneOrMany<String>>,
    /// When it was made (`xsd:dateTime`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// The note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<OneOrMany<Body>>,
    /// What it is about.
    pub target: OneOrMany<TargetResource>,
    /// The CSS defining the target's `styleClass`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stylesheet: Option<Stylesheet>,
}

/// A body: an embedded text (any other object reads as one with no value)
/// or an IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Body {
    /// A `TextualBody`.
    Text(TextualBody),
    /// An external resource.
    Iri(String),
}

/// A `TextualBody`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextualBody {
    /// `TextualBody`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The text.
    #[serde(default)]
    pub value: String,
    /// Its media type (`text/plain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Why it is there (`commenting`; a `tagging` body is not a note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// A target: a part of a resource, or a whole resource by IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TargetResource {
    /// A `SpecificResource` (source plus selectors).
    Specific(SpecificResource),
    /// A whole resource.
    Iri(String),
}

/// A `SpecificResource`: part of `source` picked by selectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecificResource {
    /// The article's identifier.
    pub source: String,
    /// Alternative selectors of the same passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<OneOrMany<SelectorOrIri>>,
    /// The CSS class to draw it with (a [`Color::as_str`]).
    #[serde(rename = "styleClass", default, skip_serializing_if = "Option::is_none")]
    pub style_class: Option<String>,
}

/// A selector, or only its IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SelectorOrIri {
    /// An embedded selector.
    Selector(Selector),
    /// A reference.
    Iri(String),
}

/// The selectors the crate reads; any other type is [`Selector::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Selector {
    /// `TextQuoteSelector`.
    TextQuoteSelector(TextQuoteSelector),
    /// `TextPositionSelector` (Unicode scalar values).
    TextPositionSelector(TextPositionSelector),
    /// Another selector (XPath, CSS, range, ...), ignored.
    #[serde(other)]
    Other,
}

/// A stylesheet: embedded CSS, or an IRI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Stylesheet {
    /// A `CssStylesheet` with its CSS.
    Embedded(CssStylesheet),
    /// A reference.
    Iri(String),
}

/// A `CssStylesheet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CssStylesheet {
    /// `CssStylesheet`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The CSS.
    pub value: String,
}

/// Any Web Annotation document [`highlights_from`] reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WebAnnotations {
    /// A list of annotations.
    Many(Vec<Annotation>),
    /// One annotation.
    One(Box<Annotation>),
    /// A page.
    Page(AnnotationPage),
    /// A collection (its embedded first page is read).
    Collection(AnnotationCollection),
}

/// Highlights read from a document, and how many annotations could not be
/// used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedNotes {
    /// The highlights, in the document's order, ids unique.
    pub highlights: Vec<Highlight>,
    /// Annotations skipped: not of type `Annotation`, or without a text
    /// quote or position selector usable on the text.
    pub skipped: usize,
}

/// `source` without its fragment.
fn base(source: &str) -> &str {
    source.split_once('#').map_or(source, |(b, _)| b)
}

/// The IRI of a highlight: an id that is already an IRI (it holds a `:`,
/// as imported ones may) as it is, else `{source}#highlight-{id}` with the
/// id percent-encoded.
fn highlight_iri(source: &str, id: &str) -> String {
    if id.contains(':') {
        return id.to_string();
    }
    let mut out = format!("{}#highlight-", base(source));
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The highlight id of an annotation IRI (the inverse of [`highlight_iri`]).
fn highlight_id(iri: &str) -> String {
    let Some((_, enc)) = iri.split_once("#highlight-") else {
        return iri.to_string();
    };
    let mut bytes = Vec::with_capacity(enc.len());
    let mut rest = enc.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = tail
            .get(..2)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                bytes.push(v);
                rest = tail.get(2..).unwrap_or_default();
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The highlights of an article as an `AnnotationCollection` (see the
/// module documentation): `source` identifies the article (an IRI: the
/// app's shareable URL of it, say), `title` labels the collection, and the
/// highlights are anchored in `text` to order them and refresh their
/// selectors (orphaned ones keep theirs and come last).
pub fn web_annotations(
    source: &str,
    title: &str,
    text: &str,
    highlights: &[Highlight],
) -> AnnotationCollection {
    let items: Vec<Annotation> = refreshed(text, highlights)
        .into_iter()
        .map(|(h, _)| annotation(source, &h))
        .collect();
    let page = AnnotationPage {
        context: None,
        id: format!("{}#notes-page-1", base(source)),
        kind: "AnnotationPage".into(),
        start_index: 0,
        items,
    };
    AnnotationCollection {
        context: OneOrMany::One(ANNO_CONTEXT.into()),
        id: format!("{}#notes", base(source)),
        kind: "AnnotationCollection".into(),
        label: format!("Notes: {}", title.trim()),
        total: page.items.len(),
        first: (!page.items.is_empty()).then_some(PageOrIri::Page(page)),
    }
}

/// One highlight as an embedded annotation.
fn annotation(source: &str, h: &Highlight) -> Annotation {
    let note = !h.note.trim().is_empty();
    let class = h.color.as_str();
    Annotation {
        context: None,
        id: highlight_iri(source, &h.id),
        kind: "Annotation".into(),
        motivation: Some(OneOrMany::One(
            if note { "commenting" } else { "highlighting" }.into(),
        )),
        created: Some(iso8601(h.created)),
        body: note.then(|| {
            OneOrMany::One(Body::Text(TextualBody {
                kind: "TextualBody".into(),
                value: h.note.clone(),
                format: Some("text/plain".into()),
                purpose: Some("commenting".into()),
            }))
        }),
        target: OneOrMany::One(TargetResource::Specific(SpecificResource {
            source: source.to_string(),
            selector: Some(OneOrMany::Many(vec![
                SelectorOrIri::Selector(Selector::TextQuoteSelector(h.target.quote.clone())),
                SelectorOrIri::Selector(Selector::TextPositionSelector(h.target.position)),
            ])),
            style_class: Some(class.into()),
        })),
        stylesheet: Some(Stylesheet::Embedded(CssStylesheet {
            kind: "CssStylesheet".into(),
            value: format!(".{class} {{ background-color: {} }}", h.color.background()),
        })),
    }
}

/// The highlights of a Web Annotation document (see the module
/// documentation). A target with a quote selector keeps it (with the
/// position selector when there is one; else position 0, so the quote
/// decides); one with only a position selector takes its quote from
/// `text`. The color is the target's `styleClass` when it names one
/// (else yellow), the note the text of the bodies that are not tags.
/// An annotation id made by [`web_annotations`] gives back the highlight's
/// id (a missing one becomes `imported`); ids are made unique by a `-2`,
/// `-3`, ... suffix.
pub fn highlights_from(doc: &WebAnnotations, text: &str) -> ImportedNotes {
    let items: &[Annotation] = match doc {
        WebAnnotations::Many(v) => v,
        WebAnnotations::One(a) => std::slice::from_ref(a.as_ref()),
        WebAnnotations::Page(p) => &p.items,
        WebAnnotations::Collection(c) => match &c.first {
            Some(PageOrIri::Page(p)) => &p.items,
            _ => &[],
        },
    };
    let mut out = ImportedNotes {
        highlights: Vec::new(),
        skipped: 0,
    };
    let mut seen = std::collections::HashSet::new();
    for a in items {
        let Some(mut h) = highlight(a, text) else {
            out.skipped += 1;
            continue;
        };
        if h.id.is_empty() {
            h.id = "imported".into();
        }
        let id = h.id.clone();
        let mut n = 1;
        while !seen.insert(h.id.clone()) {
            n += 1;
            h.id = format!("{id}-{n}");
        }
        out.highlights.push(h);
    }
    out
}

/// One annotation as a highlight, if it has a usable text target.
fn highlight(a: &Annotation, text: &str) -> Option<Highlight> {
    if a.kind != "Annotation" {
        return None;
    }
    let (target, style) = a.target.iter().find_map(|t| match t {
        TargetResource::Specific(r) => Some((text_target(r, text)?, r.style_class.as_deref())),
        TargetResource::Iri(_) => None,
    })?;
    let note: Vec<&str> = a
        .body
        .iter()
        .flat_map(OneOrMany::iter)
        .filter_map(|b| match b {
            Body::Text(t) if t.purpose.as_deref() != Some("tagging") && !t.value.trim().is_empty() => {
                Some(t.value.as_str())
            }
            _ => None,
        })
        .collect();
    Some(Highlight {
        id: highlight_id(&a.id),
        color: style.and_then(Color::from_str_opt).unwrap_or(Color::Yellow),
        note: note.join("\n\n"),
        target,
        created: a.created.as_deref().and_then(parse_iso8601).unwrap_or(0),
    })
}

/// The target of a specific resource's text selectors.
fn text_target(r: &SpecificResource, text: &str) -> Option<Target> {
    let selectors = || {
        r.selector
            .iter()
            .flat_map(OneOrMany::iter)
            .filter_map(|s| match s {
                SelectorOrIri::Selector(s) => Some(s),
                SelectorOrIri::Iri(_) => None,
            })
    };
    let quote = selectors().find_map(|s| match s {
        Selector::TextQuoteSelector(q) if !q.exact.is_empty() => Some(q.clone()),
        _ => None,
    });
    let position = selectors().find_map(|s| match s {
        Selector::TextPositionSelector(p) if p.start < p.end => Some(*p),
        _ => None,
    });
    match (quote, position) {
        (Some(quote), Some(position)) => Some(Target { quote, position }),
        (Some(quote), None) => {
            let end = quote.exact.chars().count();
            Some(Target {
                quote,
                position: TextPositionSelector { start: 0, end },
            })
        }
        (None, Some(p)) => {
            let mut bytes = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            let start = bytes.nth(p.start)?;
            let end = bytes.nth(p.end - p.start - 1)?;
            Target::new(text, start..end)
        }
        (None, None) => None,
    }
}

/// [`web_annotations`] as pretty-printed JSON.
#[cfg(feature = "json")]
pub fn notes_json(source: &str, title: &str, text: &str, highlights: &[Highlight]) -> String {
    serde_json::to_string_pretty(&web_annotations(source, title, text, highlights)).unwrap_or_default()
}

/// The highlights of a Web Annotation JSON document ([`highlights_from`]),
/// or why it could not be read.
#[cfg(feature = "json")]
pub fn parse_notes_json(json: &str, text: &str) -> Result<ImportedNotes, String> {
    let doc: WebAnnotations = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(highlights_from(&doc, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SOURCE: &str = "https://example.org/explorer/?article=strikes";
    const TEXT: &str = "Kyiv was quiet. The missiles struck Kharkiv at dawn.";

    fn doc(v: serde_json::Value) -> WebAnnotations {
        serde_json::from_value(v).expect("a Web Annotation document")
    }

    #[test]
    fn the_export_has_the_shape_of_the_models_examples() {
        let h = Highlight::new("h 1", TEXT, 20..28, Color::Pink, "Which kind?", 1_422_446_400_000).unwrap();
        let plain = Highlight::new("h2", TEXT, 0..4, Color::Yellow, "", 0).unwrap();
        let c = web_annotations(SOURCE, "Strikes", TEXT, &[h, plain]);
        let v = serde_json::to_value(&c).unwrap();
        let expected = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://example.org/explorer/?article=strikes#notes",
            "type": "AnnotationCollection",
            "label": "Notes: Strikes",
            "total": 2,
            "first": {
                "id": "https://example.org/explorer/?article=strikes#notes-page-1",
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": [
                    {
                        "id": "https://example.org/explorer/?article=strikes#highlight-h2",
                        "type": "Annotation",
                        "motivation": "highlighting",
                        "created": "1970-01-01T00:00:00Z",
                        "target": {
                            "source": SOURCE,
                            "selector": [
                                {"type": "TextQuoteSelector", "exact": "Kyiv", "prefix": "", "suffix": " was quiet. The missiles struck "},
                                {"type": "TextPositionSelector", "start": 0, "end": 4}
                            ],
                            "styleClass": "yellow"
                        },
                        "stylesheet": {"type": "CssStylesheet", "value": ".yellow { background-color: #fff3a0 }"}
                    },
                    {
                        "id": "https://example.org/explorer/?article=strikes#highlight-h%201",
                        "type": "Annotation",
                        "motivation": "commenting",
                        "created": "2015-01-28T12:00:00Z",
                        "body": {
                            "type": "TextualBody",
                            "value": "Which kind?",
                            "format": "text/plain",
                            "purpose": "commenting"
                        },
                        "target": {
                            "source": SOURCE,
                            "selector": [
                                {"type": "TextQuoteSelector", "exact": "missiles", "prefix": "Kyiv was quiet. The ", "suffix": " struck Kharkiv at dawn."},
                                {"type": "TextPositionSelector", "start": 20, "end": 28}
                            ],
                            "styleClass": "pink"
                        },
                        "stylesheet": {"type": "CssStylesheet", "value": ".pink { background-color: #ffd0e4 }"}
                    }
                ]
            }
        });
        assert_eq!(v, expected);
    }

    #[test]
    fn an_empty_collection_has_no_page() {
        let v = serde_json::to_value(web_annotations(SOURCE, "T", TEXT, &[])).unwrap();
        assert_eq!(v["total"], 0);
        assert!(v.get("first").is_none());
    }

    #[test]
    fn export_then_import_gives_the_same_highlights() {
        let hs = vec![
            Highlight::new(
                "ü/1 #x",
                TEXT,
                20..28,
                Color::Purple,
                "Line one\nline two",
                1_731_844_800_123,
            )
            .unwrap(),
            Highlight::new("b", TEXT, 36..43, Color::Green, "", 5).unwrap(),
        ];
        let c = web_annotations(SOURCE, "Strikes", TEXT, &hs);
        let json = serde_json::to_string(&c).unwrap();
        let back = highlights_from(&serde_json::from_str(&json).unwrap(), TEXT);
        assert_eq!(back.skipped, 0);
        assert_eq!(back.highlights, hs);
    }

    #[test]
    fn the_models_examples_are_read() {
        let text = "this is an anotation that has some typos";
        // Example 23: a quote selector and a body that is an IRI.
        let ex23 = doc(json!({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/anno23",
          "type": "Annotation",
          "body": "http://example.org/comment1",
          "target": {
            "source": "http://example.org/page1",
            "selector": {
              "type": "TextQuoteSelector",
              "exact": "anotation",
              "prefix": "this is an ",
              "suffix": " that has some"
            }
          }
        }));
        let got = highlights_from(&ex23, text);
        assert_eq!(got.skipped, 0);
        let h = &got.highlights[0];
        assert_eq!(
            (h.id.as_str(), h.color, h.note.as_str()),
            ("http://example.org/anno23", Color::Yellow, "")
        );
        assert_eq!(
            &text[super::super::anchor::anchor(text, &h.target).span().unwrap()],
            "anotation"
        );
        // Example 24 with the model's alphabet: a position selector alone
        // takes its quote from the text ("efg").
        let ex24 = doc(json!({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/anno24",
          "type": "Annotation",
          "body": "http://example.org/review1",
          "target": {
            "source": "http://example.org/ebook1",
            "selector": {"type": "TextPositionSelector", "start": 4, "end": 7}
          }
        }));
        let got = highlights_from(&ex24, "abcdefghijklmnopqrstuvwxyz");
        assert_eq!(got.highlights[0].target.quote.exact, "efg");
        // Example 35: styled, but no text selector: skipped.
        let ex35 = doc(json!({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/anno35",
          "type": "Annotation",
          "stylesheet": {"type": "CssStylesheet", "value": ".red { color: red }"},
          "body": "http://example.org/body1",
          "target": {"source": "http://example.org/target1", "styleClass": "red"}
        }));
        assert_eq!(highlights_from(&ex35, text).skipped, 1);
        // Example 38: a collection whose pages are elsewhere: nothing here.
        let ex38 = doc(json!({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/collection1",
          "type": "AnnotationCollection",
          "label": "Steampunk Annotations",
          "creator": "http://example.com/publisher",
          "total": 42023,
          "first": "http://example.org/page1",
          "last": "http://example.org/page42"
        }));
        assert!(matches!(ex38, WebAnnotations::Collection(_)));
        assert_eq!(highlights_from(&ex38, text).highlights, vec![]);
    }

    #[test]
    fn pages_lists_bodies_and_other_selectors_are_read() {
        let text = "this is an anotation that has some typos";
        let page = doc(json!({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://example.org/page1",
          "type": "AnnotationPage",
          "startIndex": 0,
          "items": [{
            "id": "http://example.org/anno1",
            "type": "Annotation",
            "created": "2015-01-28T12:00:00Z",
            "body": [
              {"type": "TextualBody", "value": "A typo.", "purpose": "commenting"},
              {"type": "TextualBody", "value": "spelling", "purpose": "tagging"},
              {"type": "TextualBody", "value": "Fix it."},
              {"type": "SpecificResource", "source": "http://example.org/x"}
            ],
            "target": [
              "http://example.org/whole-page",
              {
                "source": "http://example.org/page1",
                "styleClass": "green",
                "selector": [
                  {"type": "XPathSelector", "value": "/html/body/p[2]"},
                  "http://example.org/selectors/1",
                  {"type": "TextPositionSelector", "start": 11, "end": 20},
                  {"type": "TextQuoteSelector", "exact": "anotation"}
                ]
              }
            ]
          }, {
            "id": "http://example.org/anno1",
            "type": "Annotation",
            "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": "typos"}}
          }, {
            "type": "Note",
            "target": "http://example.org/page1"
          }]
        }));
        let got = highlights_from(&page, text);
        assert_eq!(got.skipped, 1, "the Note is no Annotation");
        let h = &got.highlights[0];
        assert_eq!(h.note, "A typo.\n\nFix it.");
        assert_eq!(h.color, Color::Green);
        assert_eq!(h.created, 1_422_446_400_000);
        assert_eq!(h.target.quote.exact, "anotation");
        assert_eq!((h.target.position.start, h.target.position.end), (11, 20));
        assert_eq!(
            got.highlights[1].id, "http://example.org/anno1-2",
            "ids made unique"
        );
        assert_eq!(
            got.highlights[1].target.position.start, 0,
            "no position: the quote decides"
        );
    }

    #[test]
    fn highlight_ids_survive_the_iri() {
        for id in ["h1", "ü/1 #x", "%41", "a-b_c.d~e"] {
            assert_eq!(highlight_id(&highlight_iri(SOURCE, id)), id);
        }
        assert_eq!(
            highlight_iri("https://x.org/a#frag", "h"),
            "https://x.org/a#highlight-h"
        );
        assert_eq!(highlight_iri(SOURCE, "urn:uuid:1"), "urn:uuid:1");
        assert_eq!(highlight_id("https://x.org/a#highlight-%zz"), "%zz");
    }

    #[cfg(feature = "json")]
    #[test]
    fn json_text_round_trips_and_reports_errors() {
        let hs = vec![Highlight::new("a", TEXT, 0..4, Color::Blue, "n", 7).unwrap()];
        let json = notes_json(SOURCE, "T", TEXT, &hs);
        assert!(json.starts_with("{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\""));
        assert_eq!(parse_notes_json(&json, TEXT).unwrap().highlights, hs);
        assert!(parse_notes_json("{\"x\": 1}", TEXT).is_err());
        assert!(parse_notes_json("not json", TEXT).is_err());
    }
}
