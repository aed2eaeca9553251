//! Where things fall in the text, from beginning (0) to end (1): the ticks
//! of the position map beside the article and the marks of the dispersion
//! plots of selected entities.
//!
//! ```
//! use article_analysis::position::{ticks, fraction};
//! assert_eq!(fraction(50, 200), 0.25);
//! // Three spans, one tick each; with room for only two, the close ones share.
//! let spans = [0..5, 10..15, 190..195];
//! assert_eq!(ticks(&spans, 200, 100).len(), 3);
//! let merged = ticks(&spans, 200, 2);
//! assert_eq!(merged.len(), 2);
//! assert_eq!(merged[0].count, 2);
//! assert_eq!(merged[0].first, 0);
//! assert_eq!(merged[1].first, 2);
//! ```

use crate::segment::Span;

/// How far `offset` is into a text of `len` bytes, from 0 to 1.
pub fn fraction(offset: usize, len: usize) -> f64 {
    if len == 0 {
        0.0
    } else {
        (offset.min(len) as f64) / (len as f64)
    }
}

/// One tick: one span, or several close ones sharing a slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where it is, from 0 to 1 (the start of its first span).
    pub at: f64,
    /// Index of the first span it stands for.
    pub first: usize,
    /// How many spans it stands for.
    pub count: usize,
}

/// Ticks for `spans` (sorted by start) in a text of `len` bytes, at most
/// `slots` of them: when there are more spans than slots, spans falling in
/// the same slot share a tick. Every span is counted exactly once.
pub fn ticks(spans: &[Span], len: usize, slots: usize) -> Vec<Tick> {
    let slots = slots.max(1);
    if spans.len() <= slots {
        return spans
            .iter()
            .enumerate()
            .map(|(i, s)| Tick {
                at: fraction(s.start, len),
                first: i,
                count: 1,
            })
            .collect();
    }
    let mut out: Vec<Tick> = Vec::new();
    let mut last_slot = usize::MAX;
    for (i, s) in spans.iter().enumerate() {
        let at = fraction(s.start, len);
        let slot = ((at * slots as f64) as usize).min(slots - 1);
        match out.last_mut() {
            Some(t) if slot == last_slot => t.count += 1,
            _ => {
                out.push(Tick {
                    at,
                    first: i,
                    count: 1,
                });
                last_slot = slot;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_is_clamped_and_safe() {
        assert_eq!(fraction(0, 0), 0.0);
        assert_eq!(fraction(10, 5), 1.0);
        assert_eq!(fraction(0, 5), 0.0);
    }

    #[test]
    fn bucketed_ticks_count_every_span_once() {
        let spans: Vec<Span> = (0..1000).map(|i| i * 3..i * 3 + 2).collect();
        let t = ticks(&spans, 3000, 120);
        assert!(t.len() <= 120);
        assert_eq!(t.iter().map(|t| t.count).sum::<usize>(), 1000);
        assert!(t
            .windows(2)
            .all(|w| w[0].at < w[1].at && w[0].first + w[0].count == w[1].first));
    }
}
