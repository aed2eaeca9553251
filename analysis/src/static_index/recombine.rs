//! Article-sized test texts recombined from a pool of source texts, for
//! tests and for the scale benchmarks (`static-index generate`).

/// `count` texts recombined from `sources`: the sources are cut into pieces
/// of at most `piece` bytes at whitespace, and text `i` takes random pieces
/// (a seeded xorshift generator, so the same input gives the same texts)
/// until it reaches a length drawn between `min_len` and `max_len` bytes.
/// Pieces become paragraphs (blank lines between them).
///
/// ```
/// use article_analysis::static_index::recombine;
/// let texts = recombine(&["One two three. Four five six.".to_string()], 3, 10, 20, 8, 1);
/// assert_eq!(texts.len(), 3);
/// assert!(texts.iter().all(|t| t.len() >= 10));
/// ```
pub fn recombine(
    sources: &[String],
    count: usize,
    min_len: usize,
    max_len: usize,
    piece: usize,
    seed: u64,
) -> Vec<String> {
    let mut pieces: Vec<&str> = Vec::new();
    for s in sources {
        let mut rest = s.trim();
        while !rest.is_empty() {
            let mut end = rest.len().min(piece.max(1));
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            if end < rest.len() {
                if let Some(sp) = rest[..end].rfind(char::is_whitespace) {
                    if sp > 0 {
                        end = sp;
                    }
                }
            }
            if end == 0 {
                end = rest.char_indices().nth(1).map_or(rest.len(), |(b, _)| b);
            }
            let p = rest[..end].trim();
            if !p.is_empty() {
                pieces.push(p);
            }
            rest = rest[end..].trim_start();
        }
    }
    let mut out = Vec::with_capacity(count);
    if pieces.is_empty() {
        return out;
    }
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..count {
        let span = (max_len.saturating_sub(min_len) + 1) as u64;
        let target = min_len + (next() % span) as usize;
        let mut text = String::new();
        while text.len() < target {
            let p = pieces[(next() % pieces.len() as u64) as usize];
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recombine_is_deterministic_and_sized() {
        let sources: Vec<String> =
            vec![include_str!("../../../seeds/001_carter-abadi-mosul.txt").to_string()];
        let a = recombine(&sources, 20, 500, 800, 150, 1);
        assert_eq!(a, recombine(&sources, 20, 500, 800, 150, 1));
        assert_ne!(a, recombine(&sources, 20, 500, 800, 150, 2));
        for t in &a {
            assert!(t.len() >= 500 && t.len() < 800 + 160, "{}", t.len());
        }
        assert!(recombine(&[], 3, 1, 2, 10, 1).is_empty());
    }
}
