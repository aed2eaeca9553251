//! "Did you mean": the article words closest to a query word that the
//! article does not contain.
//!
//! Candidates are the index vocabulary (folded forms) within a
//! Damerau-Levenshtein distance (optimal string alignment: insert, delete,
//! substitute, swap two neighbours) of 2, or 1 for words of 4 characters or
//! fewer. They are ranked by distance, then by frequency, then
//! alphabetically, and returned in their most common spelling in the text,
//! without duplicates.

use super::index::Index;

/// The largest edit distance accepted for a word of `chars` characters.
pub fn max_distance(chars: usize) -> usize {
    if chars <= 4 {
        1
    } else {
        2
    }
}

/// Optimal-string-alignment distance between `a` and `b`, or `None` when it
/// exceeds `max` (computation stops early). Only the band of cells within
/// `max` of the diagonal is computed (a cell farther away is over `max`), so
/// the cost is about `(2 max + 1) × a.len()` plus `b.len()`, even for two
/// long words.
///
/// ```
/// use article_analysis::search::edit_distance;
/// let c = |s: &str| s.chars().collect::<Vec<_>>();
/// assert_eq!(edit_distance(&c("biden"), &c("bidne"), 2), Some(1));
/// assert_eq!(edit_distance(&c("kyiv"), &c("kiev"), 2), Some(2));
/// assert_eq!(edit_distance(&c("kyiv"), &c("moscow"), 2), None);
/// ```
pub fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Rows of the table, 1-based columns (column 0: the empty prefix of b);
    // `over` stands for any value above `max`.
    let over = max.saturating_add(1);
    let width = b.len() + 1;
    let mut prev2: Vec<usize> = vec![over; width];
    let mut prev: Vec<usize> = (0..width).map(|j| j.min(over)).collect();
    let mut cur: Vec<usize> = vec![over; width];
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(max).max(1);
        let hi = row.saturating_add(max).min(b.len());
        // The cell left of the band (column 0 holds the row number).
        if let Some(left) = cur.get_mut(lo - 1) {
            *left = if lo == 1 { row.min(over) } else { over };
        }
        let mut row_min = if lo == 1 { row.min(over) } else { over };
        for col in lo..=hi {
            let (Some(&cb), Some(&diag), Some(&up), Some(&left)) =
                (b.get(col - 1), prev.get(col - 1), prev.get(col), cur.get(col - 1))
            else {
                continue;
            };
            let mut d = (diag + usize::from(ca != cb)).min(up + 1).min(left + 1);
            let swapped = i > 0 && col > 1 && a.get(i - 1) == Some(&cb) && b.get(col - 2) == Some(&ca);
            if swapped {
                if let Some(&before) = prev2.get(col - 2) {
                    d = d.min(before + 1);
                }
            }
            let d = d.min(over);
            if let Some(cell) = cur.get_mut(col) {
                *cell = d;
            }
            row_min = row_min.min(d);
        }
        // The cell right of the band, read by the next row.
        if let Some(right) = cur.get_mut(hi + 1) {
            *right = over;
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|&d| d <= max)
}

/// Up to `limit` suggestions (surface forms) for the folded query word.
pub(crate) fn suggest(index: &Index, folded: &str, limit: usize) -> Vec<String> {
    let query: Vec<char> = folded.chars().collect();
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let max = max_distance(query.len());
    let mut buf: Vec<char> = Vec::new();
    // (distance, -frequency, folded, term)
    let mut ranked: Vec<(usize, std::cmp::Reverse<usize>, &str, usize)> = Vec::new();
    for (t, term) in index.terms.iter().enumerate() {
        if term.folded == folded {
            continue;
        }
        // Cheap length filter before decoding characters.
        let bytes = term.folded.len();
        if bytes + max < query.len() || (term.folded.is_ascii() && bytes > query.len() + max) {
            continue;
        }
        buf.clear();
        buf.extend(term.folded.chars());
        if let Some(d) = edit_distance(&query, &buf, max) {
            ranked.push((d, std::cmp::Reverse(term.postings.len()), term.folded.as_str(), t));
        }
    }
    ranked.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    for (_, _, _, t) in ranked {
        let Some(term) = index.terms.get(t) else {
            continue;
        };
        if !out.contains(&term.surface) {
            out.push(term.surface.clone());
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of `text` as a single passage.
    fn whole(text: &str) -> Index {
        Index::build(text, &[text.len()].map(|end| 0..end))
    }

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance(&c(""), &c(""), 0), Some(0));
        assert_eq!(edit_distance(&c(""), &c("ab"), 2), Some(2));
        assert_eq!(edit_distance(&c("ab"), &c(""), 1), None);
        assert_eq!(edit_distance(&c("abc"), &c("acb"), 1), Some(1));
        assert_eq!(edit_distance(&c("missile"), &c("misile"), 2), Some(1));
        assert_eq!(edit_distance(&c("café"), &c("cafe"), 1), Some(1));
        assert_eq!(edit_distance(&c("kitten"), &c("sitting"), 2), None);
        assert_eq!(edit_distance(&c("kitten"), &c("sitting"), 3), Some(3));
    }

    #[test]
    fn long_words_are_compared_in_a_band() {
        let long: Vec<char> = "ab".repeat(50_000).chars().collect();
        let mut typo = long.clone();
        typo.swap(10, 11);
        typo.pop();
        assert_eq!(edit_distance(&long, &typo, 2), Some(2));
        assert_eq!(edit_distance(&long, &long, 0), Some(0));
        let mut far = long.clone();
        far.truncate(long.len() - 3);
        assert_eq!(edit_distance(&long, &far, 2), None);
        assert_eq!(edit_distance(&c("abcdef"), &c("badcfe"), 2), None);
        assert_eq!(edit_distance(&c("abcdef"), &c("badcfe"), 3), Some(3));
    }

    #[test]
    fn ranked_by_distance_then_frequency() {
        let text = "missiles missiles missile mussels dismissal";
        let index = whole(text);
        // "misiles": missiles (1), missile (2); mussels is 3 edits away.
        assert_eq!(suggest(&index, "misiles", 3), vec!["missiles", "missile"]);
        // Equal distance: the more frequent first.
        assert_eq!(suggest(&index, "missilez", 3), vec!["missiles", "missile"]);
        assert_eq!(suggest(&index, "misiles", 1), vec!["missiles"]);
    }

    #[test]
    fn short_words_allow_one_edit() {
        let text = "Kyiv Kiev Riga";
        let index = whole(text);
        assert_eq!(suggest(&index, "kyvi", 3), vec!["Kyiv"]);
        assert!(suggest(&index, "kiyv", 3).contains(&"Kyiv".to_string()));
        assert!(suggest(&index, "rome", 3).is_empty());
    }

    #[test]
    fn surface_form_and_no_self() {
        let text = "Biden BIDEN Biden biden";
        let index = whole(text);
        assert_eq!(suggest(&index, "bidn", 3), vec!["Biden"]);
        assert!(suggest(&index, "biden", 3).is_empty());
        assert!(suggest(&index, "", 3).is_empty());
    }
}
