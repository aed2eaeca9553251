//! Combines the statistical tagger with the rules: the tagger finds and
//! types names; gazetteers and hand lists correct well-known names; titles
//! and a leading lowercase "the" are trimmed; confident rule names the
//! tagger missed are added.

use super::gazetteer::{gazetteer, PlaceKind};
use super::rules::{join, NameSpan};
use super::tagger::Model;
use super::features::TokInfo;
use super::token::{TokKind, Token};
use super::EntityKind;

/// Names of one paragraph from the tagger, corrected and completed by the
/// rule names `rules`.
pub fn combine(text: &str, toks: &[Token], infos: &[TokInfo], model: &Model, rules: Vec<NameSpan>) -> Vec<NameSpan> {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut out: Vec<NameSpan> = Vec::new();
    for (mut r, ty) in model.tag(infos) {
        // Titles and a lowercase "the" are not part of a name.
        while r.end - r.start > 1 && (w(r.start) == "the" || g.titles.contains(w(r.start))) {
            r.start += 1;
        }
        while r.end > r.start && toks.get(r.end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
            r.end -= 1;
        }
        while r.end > r.start && toks.get(r.start).is_some_and(|t| t.kind == TokKind::Punct) {
            r.start += 1;
        }
        if r.start >= r.end {
            continue;
        }
        let s = join(text, toks, r.clone());
        let mut strong = false;
        let mut kind = match ty {
            1 => EntityKind::Person,
            2 => EntityKind::Organization,
            3 => EntityKind::Place,
            _ => {
                if g.is_group(&s) || (r.end - r.start == 1 && s.split('-').next().is_some_and(|h| g.is_group(h))) {
                    EntityKind::Group
                } else {
                    EntityKind::Other
                }
            }
        };
        if let Some(k) = g.known.get(s.as_str()).and_then(|k| EntityKind::from_str_opt(k.0)) {
            if matches!(k, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            kind = k;
            strong = true;
        } else if matches!(g.places.get(s.as_str()), Some(PlaceKind::Country(_))) {
            kind = EntityKind::Place;
            strong = true;
        } else if g.demonyms.contains_key(s.as_str()) {
            kind = EntityKind::Group;
            strong = true;
        }
        out.push(NameSpan { toks: r, kind, strong });
    }
    // Confident rule names the tagger did not see at all.
    let tagged = out.len();
    for n in rules {
        if !n.strong {
            continue;
        }
        let overlaps = out[..tagged].iter().any(|o| o.toks.start < n.toks.end && n.toks.start < o.toks.end);
        if !overlaps {
            out.push(n);
        }
    }
    out.sort_by_key(|n| n.toks.start);
    out
}
