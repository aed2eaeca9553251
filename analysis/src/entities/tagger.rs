//! The averaged-perceptron name tagger: greedy left-to-right BIO tagging
//! over hashed features ([`super::features`]) with quantized `i8` weights,
//! trained by `src/bin/train.rs` and embedded from `models/ner.bin`.
//!
//! File format (little endian): `b"NER3"`, `u32` bucket bits, `u32`
//! classes, `f32` scale, `u32` n, then n exceptions (`u32` index, `f32`
//! weight), then `buckets × classes` `i8` codes. A code `q` stands for the
//! weight `q · scale`; the code −128 means "see the exceptions" (the few
//! large weights: bias, tag transitions).

use std::ops::Range;
use std::sync::OnceLock;

use super::features::{bucket, features, tag_type, TokInfo, CLASSES};

const MODEL: &[u8] = include_bytes!("../../models/ner.bin");

/// A loaded model: a view of the weight table.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    bits: u32,
    weights: &'a [u8],
    lut: [i32; 256],
    exceptions: Vec<(u32, i32)>,
}

/// Fixed-point factor of decoded weights.
const FIXED: f32 = 256.0;

/// The code of an exception.
pub const EXCEPTION: i8 = -128;

impl<'a> Model<'a> {
    /// Parses a model file; `None` if it is malformed.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        let magic = bytes.get(..4)?;
        if magic != b"NER3" {
            return None;
        }
        let u32_at = |o: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?)) };
        let f32_at = |o: usize| -> Option<f32> { Some(f32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?)) };
        let bits = u32_at(4)?;
        let classes = u32_at(8)? as usize;
        let scale = f32_at(12)?;
        let n = u32_at(16)? as usize;
        if classes != CLASSES || !(1..=28).contains(&bits) || !scale.is_finite() || n > bytes.len() / 8 {
            return None;
        }
        let mut exceptions = Vec::with_capacity(n);
        for e in 0..n {
            let o = 20 + 8 * e;
            exceptions.push((u32_at(o)?, (f32_at(o + 4)? * FIXED) as i32));
        }
        exceptions.sort_unstable();
        let weights = bytes.get(20 + 8 * n..)?;
        if weights.len() != (1usize << bits) * CLASSES {
            return None;
        }
        let mut lut = [0i32; 256];
        for (b, v) in lut.iter_mut().enumerate() {
            *v = (f32::from(b as u8 as i8) * scale * FIXED).round() as i32;
        }
        Some(Model {
            bits,
            weights,
            lut,
            exceptions,
        })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u32], scores: &mut [i32; CLASSES]) {
        *scores = [0; CLASSES];
        for &f in feats {
            let b = bucket(f, self.bits) * CLASSES;
            if let Some(row) = self.weights.get(b..b + CLASSES) {
                for (c, (s, &w)) in scores.iter_mut().zip(row).enumerate() {
                    let v = if w as i8 == EXCEPTION {
                        let idx = (b + c) as u32;
                        self.exceptions
                            .binary_search_by_key(&idx, |e| e.0)
                            .ok()
                            .and_then(|k| self.exceptions.get(k))
                            .map_or(0, |e| e.1)
                    } else {
                        self.lut[usize::from(w)]
                    };
                    *s = s.saturating_add(v);
                }
            }
        }
    }

    /// Tags a paragraph: token ranges with their type (1 PER, 2 ORG, 3 LOC, 4 MISC).
    pub fn tag(&self, infos: &[TokInfo]) -> Vec<(Range<usize>, usize)> {
        let tags = greedy(infos, |feats, scores| self.score(feats, scores));
        spans(&tags)
    }
}

/// The embedded model, if it is valid.
pub fn model() -> Option<&'static Model<'static>> {
    static M: OnceLock<Option<Model<'static>>> = OnceLock::new();
    M.get_or_init(|| Model::parse(MODEL)).as_ref()
}

/// Is moving from tag `prev` to `tag` allowed (no I-X after anything but X)?
pub fn allowed(prev: usize, tag: usize) -> bool {
    tag == 0 || tag % 2 == 1 || (prev != 0 && tag_type(prev) == tag_type(tag))
}

/// Greedy decoding with any scorer.
pub fn greedy(infos: &[TokInfo], mut score: impl FnMut(&[u32], &mut [i32; CLASSES])) -> Vec<usize> {
    let mut tags = Vec::with_capacity(infos.len());
    let mut feats = Vec::with_capacity(128);
    let mut scores = [0i32; CLASSES];
    let (mut prev, mut prev2) = (0, 0);
    for i in 0..infos.len() {
        features(infos, i, prev, prev2, &mut feats);
        score(&feats, &mut scores);
        let mut best = 0;
        for c in 1..CLASSES {
            if allowed(prev, c) && scores[c] > scores[best] {
                best = c;
            }
        }
        tags.push(best);
        prev2 = prev;
        prev = best;
    }
    tags
}

/// BIO tags → spans (token ranges with a type).
pub fn spans(tags: &[usize]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let ty = tag_type(t);
        let mut j = i + 1;
        while j < tags.len() && tags[j] != 0 && tags[j] % 2 == 0 && tag_type(tags[j]) == ty {
            j += 1;
        }
        out.push((i..j, ty));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_spans() {
        // O B-PER I-PER B-LOC B-LOC I-LOC O I-ORG
        assert_eq!(spans(&[0, 1, 2, 5, 5, 6, 0, 4]), [(1..3, 1), (3..4, 3), (4..6, 3), (7..8, 2)]);
        assert!(allowed(1, 2) && !allowed(0, 2) && !allowed(3, 2) && allowed(4, 7));
    }

    #[test]
    fn malformed_models_are_rejected() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"NER3\x04\0\0\0\x09\0\0\0\0\0\x80\x3f\0\0\0\0").is_none());
        assert!(model().is_some(), "the embedded model is valid");
    }
}
