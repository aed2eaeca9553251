//! Highlights and notes as plain data: what the app stores per article
//! (serde), and their order in the text once anchored.
//!
//! ```
//! use article_analysis::annotations::highlight::{place, Color, Highlight};
//! let text = "Kyiv was quiet. The missiles struck Kharkiv at dawn.";
//! let a = Highlight::new("h1", text, 36..43, Color::Yellow, "Where?", 1_700_000_000_000).unwrap();
//! let b = Highlight::new("h2", text, 0..4, Color::Blue, "", 1_700_000_000_001).unwrap();
//! let placed = place(text, &[a, b]);
//! // Text order: "Kyiv" (h2) first.
//! assert_eq!(placed.iter().map(|p| p.index).collect::<Vec<_>>(), vec![1, 0]);
//! assert_eq!(placed[1].anchor.span(), Some(36..43));
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::anchor::{anchor, Anchor, Target};

/// The colors a reader can highlight with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    /// The default.
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
}

impl Color {
    /// Every color, in the order a picker shows them.
    pub const ALL: [Color; 5] = [
        Color::Yellow,
        Color::Green,
        Color::Blue,
        Color::Pink,
        Color::Purple,
    ];

    /// A lowercase name: "yellow", "green", "blue", "pink", "purple" (also
    /// the CSS class of the W3C export).
    pub fn as_str(self) -> &'static str {
        match self {
            Color::Yellow => "yellow",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Pink => "pink",
            Color::Purple => "purple",
        }
    }

    /// The color named by [`Color::as_str`], if any.
    pub fn from_str_opt(s: &str) -> Option<Color> {
        Color::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// A label for people: "Yellow", "Green", ...
    pub fn label(self) -> &'static str {
        match self {
            Color::Yellow => "Yellow",
            Color::Green => "Green",
            Color::Blue => "Blue",
            Color::Pink => "Pink",
            Color::Purple => "Purple",
        }
    }

    /// A light background for the color (CSS), used by the W3C export's
    /// stylesheet.
    pub fn background(self) -> &'static str {
        match self {
            Color::Yellow => "#fff3a0",
            Color::Green => "#c8f0c0",
            Color::Blue => "#c4e0ff",
            Color::Pink => "#ffd0e4",
            Color::Purple => "#e2d4ff",
        }
    }
}

/// One highlight, with or without a note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Highlight {
    /// Unique among the article's highlights, chosen by the app.
    pub id: String,
    /// Its color.
    pub color: Color,
    /// The reader's note (empty for a plain highlight).
    #[serde(default)]
    pub note: String,
    /// Where it is: both W3C selectors.
    pub target: Target,
    /// When it was made, in milliseconds since 1970-01-01 UTC.
    pub created: u64,
}

impl Highlight {
    /// A highlight of the byte range `span` of `text`; `None` when the span
    /// is empty or invalid (see [`Target::new`]).
    pub fn new(
        id: &str,
        text: &str,
        span: Range<usize>,
        color: Color,
        note: &str,
        created: u64,
    ) -> Option<Highlight> {
        Some(Highlight {
            id: id.to_string(),
            color,
            note: note.to_string(),
            target: Target::new(text, span)?,
            created,
        })
    }
}

/// One highlight anchored in a text: its index in the list given to
/// [`place`] and where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placed {
    /// Index into the highlights given to [`place`].
    pub index: usize,
    /// Where it is in the text (or orphaned).
    pub anchor: Anchor,
}

/// Anchors every highlight in `text` and orders them as the Notes list
/// shows them: found ones in text order (by start, then end, then creation
/// time, then id), then orphaned ones by creation time and id. The order is
/// the same whatever order `highlights` come in.
pub fn place(text: &str, highlights: &[Highlight]) -> Vec<Placed> {
    let mut placed: Vec<Placed> = highlights
        .iter()
        .enumerate()
        .map(|(index, h)| Placed {
            index,
            anchor: anchor(text, &h.target),
        })
        .collect();
    let key = |p: &Placed| {
        let h = highlights.get(p.index);
        let span = p.anchor.span();
        (
            span.is_none(),
            span.map(|s| (s.start, s.end)),
            h.map(|h| h.created),
            h.map(|h| h.id.as_str()),
        )
    };
    placed.sort_by(|a, b| key(a).cmp(&key(b)));
    placed
}

/// `highlights` in the order of [`place`], each with its target refreshed
/// for `text` where it was found (so a highlight found after an edit is
/// found exactly next time); orphaned ones keep their selectors.
pub fn refreshed(text: &str, highlights: &[Highlight]) -> Vec<(Highlight, Anchor)> {
    place(text, highlights)
        .into_iter()
        .filter_map(|p| {
            let mut h = highlights.get(p.index)?.clone();
            if let Some(target) = p.anchor.span().and_then(|s| Target::new(text, s)) {
                h.target = target;
            }
            Some((h, p.anchor))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Russian forces struck Kharkiv overnight.\n\
        The governor said a power plant was hit.\n\
        Repairs began on Monday.";

    fn at(id: &str, text: &str, quote: &str, created: u64) -> Highlight {
        let s = text.find(quote).unwrap();
        Highlight::new(id, text, s..s + quote.len(), Color::Green, "", created).unwrap()
    }

    #[test]
    fn notes_are_in_text_order_then_orphans_by_time() {
        let hs = vec![
            at("c", TEXT, "Monday", 1),
            at("gone", TEXT, "The governor said", 5),
            at("a", TEXT, "Russian forces", 9),
            at("b", TEXT, "power plant", 2),
            at("gone-too", TEXT, "was hit", 3),
        ];
        let edited = TEXT.replace("\nThe governor said a power plant was hit.", "\npower plant");
        let order: Vec<&str> = place(&edited, &hs)
            .iter()
            .map(|p| hs[p.index].id.as_str())
            .collect();
        assert_eq!(order, ["a", "b", "c", "gone-too", "gone"]);
        let mut reversed = hs.clone();
        reversed.reverse();
        let order2: Vec<&str> = place(&edited, &reversed)
            .iter()
            .map(|p| reversed[p.index].id.as_str())
            .collect();
        assert_eq!(order, order2, "the order does not depend on the input order");
    }

    #[test]
    fn same_passage_orders_by_creation_then_id() {
        let hs = vec![
            at("y", TEXT, "Monday", 2),
            at("x", TEXT, "Monday", 2),
            at("w", TEXT, "Monday", 1),
        ];
        let order: Vec<&str> = place(TEXT, &hs).iter().map(|p| hs[p.index].id.as_str()).collect();
        assert_eq!(order, ["w", "x", "y"]);
    }

    #[test]
    fn refreshed_targets_anchor_exactly_in_the_new_text() {
        let hs = vec![at("a", TEXT, "power plant", 1)];
        let edited = format!("Update: {TEXT}");
        let out = refreshed(&edited, &hs);
        assert!(matches!(out[0].1, Anchor::Moved(_)));
        assert!(matches!(anchor(&edited, &out[0].0.target), Anchor::Exact(_)));
        assert_eq!(out[0].0.id, "a");
    }

    #[test]
    fn colors_round_trip_by_name() {
        for c in Color::ALL {
            assert_eq!(Color::from_str_opt(c.as_str()), Some(c));
        }
        assert_eq!(Color::from_str_opt("red"), None);
    }
}
