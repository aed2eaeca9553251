//! Approximate matching of a quote that was edited since it was recorded,
//! in time linear in the text (no edit distance over the whole text).
//!
//! A quote of `m` characters may be found with up to `k = min(m / 4, 64)`
//! edits (insertions, deletions, substitutions of characters). The quote is
//! cut into `k + 1` evenly spaced pieces of the same length (6 to 32 bytes;
//! fewer pieces when the quote is too short for `k + 1` of 6 bytes): by the
//! pigeonhole principle a passage with fewer edits than pieces contains at
//! least one piece unchanged, and an edited word or two leave most pieces
//! intact. One rolling-hash pass over the text finds
//! every exact occurrence of every piece (a window of the text equals at
//! most one distinct piece, so there are at most as many hits as bytes);
//! each hit votes for the diagonal where the whole quote would start.
//! Diagonals close together form a candidate; the candidates with the most
//! pieces (then nearest the recorded position) are checked by a banded
//! alignment (semi-global edit distance restricted to the diagonals the
//! candidate allows, `O(m · k)` cells each) within a fixed budget of cells.
//! The best passage within `k` edits wins: fewest edits, then best context,
//! then nearest.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::Range;

/// Most edits ever allowed.
const MAX_ERRORS: usize = 64;
/// Shortest piece worth looking up (bytes): shorter ones ("the ", " of")
/// hit everywhere and cost more than they find.
const MIN_PIECE: usize = 6;
/// Longest piece (bytes): longer pieces add no precision, only hashing.
const MAX_PIECE: usize = 32;
/// Longest quote matched approximately (characters); longer quotes are
/// only found exactly.
const MAX_QUOTE_CHARS: usize = 8192;
/// Alignment cells spent on all candidates of one quote.
const CELL_BUDGET: usize = 1 << 22;
/// Most candidates aligned.
const MAX_CANDIDATES: usize = 16;
/// Bits of the filter in front of the piece table.
const FILTER_BITS: usize = 1 << 16;
/// Rolling-hash base (odd).
const BASE: u64 = 0x0100_0000_01b3;

/// The most edits a quote of `chars` characters may have undergone and
/// still be found: a quarter of it, at most 64 (none under 4 characters).
pub(super) fn max_errors(chars: usize) -> usize {
    (chars / 4).min(MAX_ERRORS)
}

/// A run of seed hits on nearby diagonals.
struct Candidate {
    /// Smallest and largest implied byte start of the quote.
    lo: usize,
    hi: usize,
    /// Distinct pieces that voted for it.
    votes: u32,
}

/// The passage of `text` closest to `quote` within [`max_errors`] edits, as
/// a byte range, or `None`. `near` is the recorded position (bytes) and
/// `context` scores a passage's surroundings (higher is better).
pub(super) fn find(
    text: &str,
    quote: &str,
    near: usize,
    context: &dyn Fn(&Range<usize>) -> usize,
) -> Option<Range<usize>> {
    let q: Vec<char> = quote.chars().collect();
    let k = max_errors(q.len());
    if k == 0 || q.len() > MAX_QUOTE_CHARS {
        return None;
    }
    let pieces = pieces(quote.as_bytes(), k);
    let candidates = candidates(text.as_bytes(), &pieces, k, near);
    // Each candidate's window spans its diagonals plus `slack` bytes on each
    // side (k characters are at most 4k bytes).
    let slack = 4 * k;
    let mut best: Option<(usize, Reverse<usize>, usize, Range<usize>)> = None;
    let mut cells = 0;
    for c in &candidates {
        let start = floor_boundary(text, c.lo.saturating_sub(slack));
        let end = ceil_boundary(text, c.hi + quote.len() + slack);
        let Some(window) = text.get(start..end) else {
            continue;
        };
        let offsets: Vec<usize> = window
            .char_indices()
            .map(|(i, _)| start + i)
            .chain([end])
            .collect();
        let w: Vec<char> = window.chars().collect();
        let cost_here = q.len() * (w.len().saturating_sub(q.len()) + 2 * k + 1);
        if cells > 0 && cells + cost_here > CELL_BUDGET {
            break;
        }
        cells += cost_here;
        let Some((errors, from, to)) = align(&q, &w, k) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (offsets.get(from), offsets.get(to)) else {
            continue;
        };
        let span = a..b;
        let key = (errors, Reverse(context(&span)), a.abs_diff(near));
        if best.as_ref().is_none_or(|(e, c, d, _)| key < (*e, *c, *d)) {
            best = Some((key.0, key.1, key.2, span));
        }
    }
    best.map(|(_, _, _, span)| span)
}

/// `k + 1` evenly spaced pieces of `quote` (fewer when that would make them
/// shorter than [`MIN_PIECE`]), all of the same length, each distinct
/// content kept once: (offset in the quote, bytes).
fn pieces(quote: &[u8], k: usize) -> Vec<(usize, &[u8])> {
    let count = (k + 1).min(quote.len() / MIN_PIECE);
    if count == 0 {
        return Vec::new();
    }
    let stride = quote.len() / count;
    let len = stride.min(MAX_PIECE);
    let mut seen: HashSet<&[u8]> = HashSet::new();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let offset = i * stride;
        if let Some(p) = quote.get(offset..offset + len) {
            if seen.insert(p) {
                out.push((offset, p));
            }
        }
    }
    out
}

/// Polynomial hash of `bytes` (wrapping arithmetic).
fn hash(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0u64, |h, &b| h.wrapping_mul(BASE).wrapping_add(u64::from(b)))
}

/// The best [`MAX_CANDIDATES`] candidates (most votes, then nearest `near`,
/// then first), best first. One pass over `text`: a rolling hash finds
/// every occurrence of every piece; each hit votes for the diagonal (the
/// implied start of the quote) `i - offset`. Hits arrive in text order and
/// a diagonal is at most the largest piece offset behind, so a small heap
/// puts them in diagonal order as they come; runs of hits within `2k + 1`
/// bytes of a run's first diagonal form one candidate. Time linear in the
/// text (times the log of the quote's length), memory bounded by the quote.
fn candidates(text: &[u8], pieces: &[(usize, &[u8])], k: usize, near: usize) -> Vec<Candidate> {
    let Some(len) = pieces.first().map(|p| p.1.len()) else {
        return Vec::new();
    };
    if len == 0 || text.len() < len {
        return Vec::new();
    }
    let mut table: HashMap<u64, Vec<usize>> = HashMap::new();
    // A bit per hash bucket: most windows are no piece and skip the map.
    let mut filter = vec![0u64; FILTER_BITS / 64];
    let bucket = |h: u64| (h as usize) % FILTER_BITS;
    for (i, (_, p)) in pieces.iter().enumerate() {
        let h = hash(p);
        table.entry(h).or_default().push(i);
        if let Some(word) = filter.get_mut(bucket(h) / 64) {
            *word |= 1 << (bucket(h) % 64);
        }
    }
    let lag = pieces.iter().map(|p| p.0).max().unwrap_or(0);
    // BASE^(len - 1), to take the outgoing byte off the rolling hash.
    let top = (1..len).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut pending: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut runs = Runs {
        reach: 2 * k + 1,
        near,
        current: None,
        voted: 0,
        best: BinaryHeap::new(),
    };
    let mut h = hash(text.get(..len).unwrap_or_default());
    for (i, window) in text.windows(len).enumerate() {
        let maybe = filter
            .get(bucket(h) / 64)
            .is_some_and(|word| word & (1 << (bucket(h) % 64)) != 0);
        if let Some(ids) = maybe.then(|| table.get(&h)).flatten() {
            for &id in ids {
                if let Some(&(offset, piece)) = pieces.get(id) {
                    if piece == window {
                        pending.push(Reverse((i.saturating_sub(offset), id)));
                    }
                }
            }
        }
        // No later hit can have a diagonal below i + 1 - lag.
        while let Some(&Reverse(hit)) = pending.peek() {
            if hit.0 + lag > i {
                break;
            }
            pending.pop();
            runs.add(hit);
        }
        if let (Some(&out), Some(&next)) = (window.first(), text.get(i + len)) {
            h = h
                .wrapping_sub(u64::from(out).wrapping_mul(top))
                .wrapping_mul(BASE)
                .wrapping_add(u64::from(next));
        }
    }
    while let Some(Reverse(hit)) = pending.pop() {
        runs.add(hit);
    }
    runs.finish()
}

/// Hits in diagonal order grouped into candidates, keeping the best few.
struct Runs {
    reach: usize,
    near: usize,
    current: Option<Candidate>,
    /// Pieces that voted for `current` (at most 65 pieces: one bit each).
    voted: u128,
    /// The best candidates so far, worst on top.
    best: BinaryHeap<(Reverse<u32>, usize, usize, usize)>,
}

impl Runs {
    fn add(&mut self, (diagonal, id): (usize, usize)) {
        let bit = 1u128 << (id % 128);
        match &mut self.current {
            Some(c) if diagonal <= c.lo + self.reach => {
                c.hi = diagonal;
                if self.voted & bit == 0 {
                    self.voted |= bit;
                    c.votes += 1;
                }
            }
            _ => {
                self.flush();
                self.voted = bit;
                self.current = Some(Candidate {
                    lo: diagonal,
                    hi: diagonal,
                    votes: 1,
                });
            }
        }
    }

    fn flush(&mut self) {
        if let Some(c) = self.current.take() {
            self.best
                .push((Reverse(c.votes), c.lo.abs_diff(self.near), c.lo, c.hi));
            if self.best.len() > MAX_CANDIDATES {
                self.best.pop();
            }
        }
    }

    fn finish(mut self) -> Vec<Candidate> {
        self.flush();
        self.best
            .into_sorted_vec()
            .into_iter()
            .map(|(Reverse(votes), _, lo, hi)| Candidate { lo, hi, votes })
            .collect()
    }
}

/// The start of the `char` containing byte `i` (or `text.len()`).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The end of the `char` containing byte `i - 1` (or `text.len()`).
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The best place for `q` inside `w` with at most `k` edits: (edits, start,
/// end) in characters of `w`; the fewest edits, then an end between words
/// ("committee", not "committe", for "commitee"), then the earliest end.
/// Semi-global edit distance (free start and end in `w`) computed only on
/// the diagonals `j - i` in `[-k, len(w) - len(q) + k]`, the only ones an
/// alignment within `k` edits can use.
fn align(q: &[char], w: &[char], k: usize) -> Option<(usize, usize, usize)> {
    const INF: usize = usize::MAX / 2;
    let (m, n) = (q.len(), w.len());
    if m == 0 || n + k < m {
        return None;
    }
    let spread = n + k - m;
    let band = |i: usize| (i.saturating_sub(k), n.min(i + spread));
    // Cost and start column of the best alignment of q[..i] ending at j.
    let mut prev = vec![(INF, 0usize); n + 1];
    let mut cur = vec![(INF, 0usize); n + 1];
    let (mut lo0, mut hi0) = band(0);
    for (j, cell) in prev.iter_mut().enumerate().take(hi0 + 1) {
        *cell = (0, j);
    }
    for (i, &qc) in q.iter().enumerate().map(|(i, c)| (i + 1, c)) {
        let (lo, hi) = band(i);
        if lo > hi {
            return None;
        }
        for j in lo..=hi {
            let in_prev = |j: usize| (lo0..=hi0).contains(&j);
            let mut best = (INF, 0);
            if j >= 1 && in_prev(j - 1) {
                let (c, s) = prev[j - 1];
                best = (c + usize::from(w[j - 1] != qc), s);
            }
            if in_prev(j) && prev[j].0 + 1 < best.0 {
                best = (prev[j].0 + 1, prev[j].1);
            }
            if j > lo && cur[j - 1].0 + 1 < best.0 {
                best = (cur[j - 1].0 + 1, cur[j - 1].1);
            }
            cur[j] = best;
        }
        std::mem::swap(&mut prev, &mut cur);
        (lo0, hi0) = (lo, hi);
    }
    let mid_word = |j: usize| {
        let letter = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
        j > 0 && letter(w.get(j - 1)) && letter(w.get(j))
    };
    let (end, &(errors, start)) = prev
        .iter()
        .enumerate()
        .take(hi0 + 1)
        .skip(lo0)
        .min_by_key(|(j, c)| (c.0, mid_word(*j), *j))?;
    (errors <= k).then_some((errors, start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn alignment_counts_edits_and_finds_the_passage() {
        let q = chars("commitee");
        assert_eq!(align(&q, &chars("the committee met"), 2), Some((1, 4, 13)));
        assert_eq!(align(&q, &chars("commitee"), 0), Some((0, 0, 8)));
        assert_eq!(align(&q, &chars("xxxxxxxxxxxx"), 2), None);
        assert_eq!(align(&q, &chars("comm"), 2), None, "too short for 2 edits");
    }

    #[test]
    fn pieces_are_evenly_spaced_and_distinct() {
        let p = pieces(b"abcdefghijklmnopqr", 2);
        assert_eq!(
            p,
            vec![(0, &b"abcdef"[..]), (6, &b"ghijkl"[..]), (12, &b"mnopqr"[..])]
        );
        // Never shorter than MIN_PIECE: fewer pieces instead.
        assert_eq!(pieces(b"abcdefghijkl", 5).len(), 2);
        let p = pieces(b"abababababab", 1);
        assert_eq!(p, vec![(0, &b"ababab"[..])], "repeated pieces kept once");
    }

    #[test]
    fn the_nearest_of_equal_passages_wins() {
        let text = "the committee met. the committee met. the committee met.";
        let near = text.rfind("the").unwrap();
        let found = find(text, "the commitee met", near, &|_| 0).unwrap();
        assert_eq!(found, near..near + 17);
    }

    #[test]
    fn too_many_edits_find_nothing() {
        let text = "an entirely different sentence about something else";
        assert_eq!(find(text, "the committee will meet", 0, &|_| 0), None);
    }
}
