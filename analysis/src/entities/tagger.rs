//! The averaged-perceptron name tagger: greedy left-to-right BIO tagging
//! over hashed features ([`super::features`]) with weights quantized to a
//! small codebook,
//! trained by `src/bin/train.rs` and embedded from `models/ner.bin`.
//!
//! File format (little endian): `b"NER5"`, `u32` bucket bits, `u32`
//! classes, `u32` codes k, k `f32` code values (code 0 is the weight 0),
//! `u32` rows n, then n LEB128 varints (each non-zero row's bucket minus the
//! previous one's), then `n × classes` one-byte codes. Codes are a
//! codebook (k-means over the trained weights), not a linear scale: many
//! small weights and a few large ones are both kept with little error.
//! Deltas and codes are stored as two separate streams, which brotli
//! compresses better than interleaved rows.

use std::ops::Range;
use std::sync::OnceLock;

use super::features::{bucket, features, static_features, tag_features, tag_type, TokInfo, CLASSES};

const MODEL: &[u8] = include_bytes!("../../models/ner.bin");

/// A loaded model: the dense table of weight codes.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    weights: Vec<u8>,
    lut: [i32; 256],
    nonzero: Vec<u64>,
}

/// Fixed-point factor of decoded weights.
const FIXED: f32 = 256.0;

/// Appends a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Serializes a model: dense codes (`buckets × classes`, indices into
/// `codebook`, whose first value must be 0).
pub fn write(bits: u32, codebook: &[f32], codes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"NER5");
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(CLASSES as u32).to_le_bytes());
    out.extend_from_slice(&(codebook.len() as u32).to_le_bytes());
    for v in codebook {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let rows: Vec<(usize, &[u8])> = codes
        .chunks(CLASSES)
        .enumerate()
        .filter(|(_, r)| r.iter().any(|&c| c != 0))
        .collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut prev = 0;
    for (b, _) in &rows {
        put_varint(&mut out, (b - prev) as u32);
        prev = *b;
    }
    for (_, row) in &rows {
        out.extend_from_slice(row);
    }
    out
}

impl Model {
    /// Parses a model file; `None` if it is malformed.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let magic = bytes.get(..4)?;
        if magic != b"NER5" {
            return None;
        }
        let u32_at =
            |o: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?)) };
        let f32_at =
            |o: usize| -> Option<f32> { Some(f32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?)) };
        let bits = u32_at(4)?;
        let classes = u32_at(8)? as usize;
        let k = u32_at(12)? as usize;
        if classes != CLASSES || !(1..=24).contains(&bits) || !(1..=256).contains(&k) {
            return None;
        }
        let mut lut = [0i32; 256];
        for (c, v) in lut.iter_mut().enumerate().take(k) {
            let w = f32_at(16 + 4 * c)?;
            if !w.is_finite() || w.abs() > 100.0 || (c == 0 && w != 0.0) {
                return None;
            }
            *v = (w * FIXED).round() as i32;
        }
        let mut pos = 16 + 4 * k;
        let rows = u32_at(pos)? as usize;
        pos += 4;
        let buckets = 1usize << bits;
        if rows > buckets {
            return None;
        }
        let mut weights = vec![0u8; buckets * CLASSES];
        let mut nonzero = vec![0u64; buckets.div_ceil(64)];
        let mut starts = Vec::with_capacity(rows);
        let mut b = 0usize;
        for _ in 0..rows {
            b = b.checked_add(get_varint(bytes, &mut pos)? as usize)?;
            *nonzero.get_mut(b / 64)? |= 1 << (b % 64);
            starts.push(b);
        }
        for b in starts {
            let row = bytes.get(pos..pos + CLASSES)?;
            if row.iter().any(|&c| usize::from(c) >= k) {
                return None;
            }
            weights
                .get_mut(b * CLASSES..(b + 1) * CLASSES)?
                .copy_from_slice(row);
            pos += CLASSES;
        }
        if pos != bytes.len() {
            return None;
        }
        Some(Model {
            bits,
            weights,
            lut,
            nonzero,
        })
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u32], scores: &mut [i32; CLASSES]) {
        *scores = [0; CLASSES];
        for &f in feats {
            let bk = bucket(f, self.bits);
            // Most rows are empty: a small bitmap saves a cache miss.
            if self
                .nonzero
                .get(bk / 64)
                .is_none_or(|w| w & (1 << (bk % 64)) == 0)
            {
                continue;
            }
            let b = bk * CLASSES;
            if let Some(row) = self.weights.get(b..b + CLASSES) {
                // No overflow: `parse` keeps |lut| ≤ 25,600 and a token
                // has fewer than 200 features.
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += self.lut[usize::from(w)];
                }
            }
        }
    }

    /// The greedy tags of a paragraph with the score of every class (for
    /// debugging).
    pub fn explain(&self, infos: &[TokInfo]) -> Vec<(usize, [i32; CLASSES])> {
        let mut out = Vec::new();
        greedy(infos, |feats, scores| {
            self.score(feats, scores);
            out.push((0, *scores));
        })
        .into_iter()
        .zip(out)
        .map(|(t, (_, s))| (t, s))
        .collect()
    }

    /// Tags a paragraph: token ranges with their label.
    pub fn tag(&self, infos: &[TokInfo]) -> Vec<(Range<usize>, Label)> {
        let tags = greedy(infos, |feats, scores| self.score(feats, scores));
        spans(&tags)
            .into_iter()
            .filter_map(|(r, ty)| Some((r, Label::of_type(ty)?)))
            .collect()
    }
}

/// What the tagger says a name is: CoNLL's four labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// PER.
    Person,
    /// ORG.
    Organization,
    /// LOC.
    Location,
    /// MISC.
    Misc,
}

impl Label {
    /// The label of a tag type (1 PER ... 4 MISC, as
    /// [`super::features::tag_type`] gives it).
    pub fn of_type(ty: usize) -> Option<Label> {
        match ty {
            1 => Some(Label::Person),
            2 => Some(Label::Organization),
            3 => Some(Label::Location),
            4 => Some(Label::Misc),
            _ => None,
        }
    }

    /// The tag type of the label (1 PER ... 4 MISC).
    pub fn tag_type(self) -> usize {
        match self {
            Label::Person => 1,
            Label::Organization => 2,
            Label::Location => 3,
            Label::Misc => 4,
        }
    }
}

static MODEL_IN_USE: OnceLock<Option<Model>> = OnceLock::new();

/// The model in use: the embedded one, if it is valid, unless
/// [`use_model`] chose another first.
pub fn model() -> Option<&'static Model> {
    MODEL_IN_USE.get_or_init(|| Model::parse(MODEL)).as_ref()
}

/// Uses the model file `bytes` instead of the embedded one (for evaluating
/// a freshly trained model, `entities --model`). Must be called before the
/// first extraction; fails on a malformed file or when a model is already
/// in use.
pub fn use_model(bytes: &[u8]) -> Result<(), &'static str> {
    let m = Model::parse(bytes).ok_or("not a valid NER5 model file")?;
    MODEL_IN_USE.set(Some(m)).map_err(|_| "a model is already in use")
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

/// Viterbi decoding with any scorer: the best-scoring tag sequence (first
/// order; the tag before the previous one, for the features that use it,
/// is taken from the best path into the previous tag).
pub fn viterbi(infos: &[TokInfo], mut score: impl FnMut(&[u32], &mut [i32; CLASSES])) -> Vec<usize> {
    const NONE: i64 = i64::MIN / 4;
    let n = infos.len();
    let mut back = vec![[0u8; CLASSES]; n];
    let mut delta = [NONE; CLASSES];
    delta[0] = 0;
    let mut feats = Vec::with_capacity(96);
    let mut st = [0i32; CLASSES];
    let mut dy = [0i32; CLASSES];
    for i in 0..n {
        static_features(infos, i, &mut feats);
        score(&feats, &mut st);
        let mut next = [NONE; CLASSES];
        for prev in 0..CLASSES {
            if delta[prev] == NONE {
                continue;
            }
            let prev2 = match i.checked_sub(1) {
                Some(k) => usize::from(back[k][prev]),
                None => 0,
            };
            feats.clear();
            tag_features(infos, i, prev, prev2, &mut feats);
            score(&feats, &mut dy);
            for c in 0..CLASSES {
                if !allowed(prev, c) {
                    continue;
                }
                let v = delta[prev] + i64::from(st[c]) + i64::from(dy[c]);
                if v > next[c] {
                    next[c] = v;
                    back[i][c] = prev as u8;
                }
            }
        }
        delta = next;
    }
    let mut tags = vec![0usize; n];
    let mut best = 0;
    for c in 1..CLASSES {
        if delta[c] > delta[best] {
            best = c;
        }
    }
    for i in (0..n).rev() {
        tags[i] = best;
        best = usize::from(back[i][best]);
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
        while j < tags.len() && tags[j] != 0 && tags[j].is_multiple_of(2) && tag_type(tags[j]) == ty {
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
        assert_eq!(
            spans(&[0, 1, 2, 5, 5, 6, 0, 4]),
            [(1..3, 1), (3..4, 3), (4..6, 3), (7..8, 2)]
        );
        assert!(allowed(1, 2) && !allowed(0, 2) && !allowed(3, 2) && allowed(4, 7));
    }

    #[test]
    fn malformed_models_are_rejected() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"NER5\x04\0\0\0\x09\0\0\0\0\0\0\0").is_none());
        // A round trip through the file format.
        let mut codes = vec![0u8; 16 * CLASSES];
        codes[3 * CLASSES + 2] = 1;
        codes[15 * CLASSES] = 2;
        let bytes = write(4, &[0.0, 0.5, -2.0], &codes);
        let m = Model::parse(&bytes).expect("parses");
        assert_eq!(m.weights, codes);
        let mut scores = [0; CLASSES];
        m.score(&[], &mut scores);
        assert_eq!(scores, [0; CLASSES]);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        // A code outside the codebook, or a codebook whose zero is not 0.
        let bad = write(4, &[0.0, 0.5], &codes);
        assert!(Model::parse(&bad).is_none());
        let bad = write(4, &[1.0, 0.5, -2.0], &codes);
        assert!(Model::parse(&bad).is_none());
        assert!(model().is_some(), "the embedded model is valid");
    }
}
