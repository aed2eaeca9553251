//! Cutting a sorted list of entries into files of about a target size.
//!
//! A fresh list is cut greedily: a file is closed once it holds `target`
//! bytes. A list that was cut before keeps the previous files' first keys
//! as boundaries wherever the piece between two of them still has a
//! reasonable size (from a quarter of the target to twice the target); only
//! a piece that grew too large is cut again, and one that shrank too much
//! is joined to the next. So after a few articles are added, the files
//! whose entries did not change keep their bytes, hence their names, and a
//! re-run writes only the others.

use std::ops::Range;

/// The entries of each file, as consecutive ranges covering `0..keys.len()`
/// in order. `keys` are sorted; `sizes[i]` is entry `i`'s size in bytes;
/// `previous` are the first keys of the previous cut (sorted; may be empty).
pub(crate) fn cut(keys: &[&str], sizes: &[usize], previous: &[String], target: usize) -> Vec<Range<usize>> {
    let target = target.max(1);
    let n = keys.len().min(sizes.len());
    let mut before = Vec::with_capacity(n + 1);
    before.push(0usize);
    for s in sizes.iter().take(n) {
        before.push(before.last().copied().unwrap_or(0) + s);
    }
    let bytes = |r: &Range<usize>| {
        before.get(r.end).copied().unwrap_or(0) - before.get(r.start).copied().unwrap_or(0)
    };

    // The pieces between previous boundaries (consecutive keys falling
    // after the same number of previous first keys).
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut slot = None;
    let mut b = 0;
    for (i, k) in keys.iter().take(n).enumerate() {
        while previous.get(b).is_some_and(|p| p.as_str() <= *k) {
            b += 1;
        }
        if slot != Some(b) {
            if i > start {
                groups.push(start..i);
            }
            start = i;
            slot = Some(b);
        }
    }
    if n > start {
        groups.push(start..n);
    }

    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let mut r = groups[i].clone();
        while bytes(&r) < target / 4 && i + 1 < groups.len() {
            i += 1;
            r.end = groups[i].end;
        }
        if bytes(&r) > 2 * target {
            split(&r, &bytes, target, &mut out);
        } else {
            out.push(r);
        }
        i += 1;
    }
    out
}

/// Greedy pieces of `r`, each closed at `target` bytes; a small last piece
/// joins the one before.
fn split(
    r: &Range<usize>,
    bytes: &impl Fn(&Range<usize>) -> usize,
    target: usize,
    out: &mut Vec<Range<usize>>,
) {
    let first = out.len();
    let mut start = r.start;
    for i in r.clone() {
        if bytes(&(start..i + 1)) >= target {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < r.end {
        let tail = start..r.end;
        let join = out.len() > first && bytes(&tail) < target / 4;
        match out.last_mut() {
            Some(last) if join => last.end = tail.end,
            _ => out.push(tail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("k{i:05}")).collect()
    }

    fn firsts(keys: &[String], cut: &[Range<usize>]) -> Vec<String> {
        cut.iter().map(|r| keys[r.start].clone()).collect()
    }

    fn covers(cut: &[Range<usize>], n: usize) -> bool {
        cut.first().is_none_or(|r| r.start == 0)
            && cut.last().is_none_or(|r| r.end == n)
            && cut.windows(2).all(|w| w[0].end == w[1].start)
            && cut.iter().all(|r| r.start < r.end)
    }

    #[test]
    fn a_fresh_list_is_cut_at_the_target() {
        let k = keys(100);
        let refs: Vec<&str> = k.iter().map(String::as_str).collect();
        let sizes = vec![10; 100];
        let c = cut(&refs, &sizes, &[], 100);
        assert!(covers(&c, 100));
        assert_eq!(c.len(), 10);
        assert!(c.iter().all(|r| r.len() == 10));
        assert!(cut(&[], &[], &[], 100).is_empty());
        // One huge entry is a file of its own.
        let mut big = sizes.clone();
        big[50] = 5_000;
        let c = cut(&refs, &big, &[], 100);
        assert!(covers(&c, 100));
        assert!(c.iter().any(|r| r.contains(&50) && r.len() <= 10));
    }

    #[test]
    fn an_insertion_keeps_the_other_boundaries() {
        let k = keys(1000);
        let refs: Vec<&str> = k.iter().map(String::as_str).collect();
        let sizes: Vec<usize> = (0..1000).map(|i| 5 + i % 17).collect();
        let before = cut(&refs, &sizes, &[], 400);
        let prev = firsts(&k, &before);
        // The same list again: the same cut.
        assert_eq!(cut(&refs, &sizes, &prev, 400), before);
        // Entry 500 grows a little and a key is inserted: every boundary
        // but the nearby ones stays.
        let mut k2 = k.clone();
        k2.insert(300, "k00299x".to_string());
        let mut s2 = sizes.clone();
        s2.insert(300, 12);
        s2[501] += 30;
        let refs2: Vec<&str> = k2.iter().map(String::as_str).collect();
        let after = cut(&refs2, &s2, &prev, 400);
        assert!(covers(&after, k2.len()));
        let kept = firsts(&k2, &after).iter().filter(|f| prev.contains(f)).count();
        assert!(kept + 2 >= prev.len(), "{kept} of {}", prev.len());
        // A piece grown past twice the target is cut again; one shrunk to
        // almost nothing is joined to the next.
        let mut s3 = sizes.clone();
        for s in s3.iter_mut().take(40) {
            *s = 100;
        }
        let after = cut(&refs, &s3, &prev, 400);
        assert!(covers(&after, 1000));
        let b = |r: &Range<usize>| s3[r.clone()].iter().sum::<usize>();
        assert!(after.iter().all(|r| b(r) <= 2 * 400 || r.len() == 1));
        let mut s4 = sizes;
        for s in s4.iter_mut().take(before[0].end) {
            *s = 1;
        }
        let after = cut(&refs, &s4, &prev, 400);
        assert!(covers(&after, 1000));
        assert_eq!(after.len(), before.len() - 1);
    }
}
