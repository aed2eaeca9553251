//! Features of the averaged-perceptron name tagger, shared by the tagger and
//! by the trainer (`src/bin/train.rs`), so both see exactly the same thing.
//!
//! Each feature is a string hashed (FNV-1a) with its template number; the
//! model is a table of `buckets × CLASSES` weights indexed by the hash.

use super::hashing::{HashMap, HashSet};

use super::gazetteer::{gazetteer, Gazetteer, PlaceKind};
use super::rules::is_cap_word;
use super::token::{TokKind, Token};

/// Tags: O, then B/I for PER, ORG, LOC, MISC.
pub const CLASSES: usize = 9;
/// Tag names, for debugging and the trainer.
pub const TAG_NAMES: [&str; CLASSES] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// The label of a B/I tag pair (1 = PER ... 4 = MISC), 0 for O.
pub fn tag_type(tag: usize) -> usize {
    tag.div_ceil(2)
}

// Token flags.
const F_FIRST: u32 = 1;
const F_LAST: u32 = 1 << 1;
const F_COMMON: u32 = 1 << 2;
const F_COUNTRY: u32 = 1 << 3;
const F_CITY: u32 = 1 << 4;
const F_DEMONYM: u32 = 1 << 5;
const F_GROUP: u32 = 1 << 6;
const F_TITLE: u32 = 1 << 7;
const F_ORG_HEAD: u32 = 1 << 8;
const F_PLACE_HEAD: u32 = 1 << 9;
const F_OTHER_HEAD: u32 = 1 << 10;
const F_MONTH: u32 = 1 << 11;
const F_SENT_START: u32 = 1 << 12;
const F_DOC_LOWER: u32 = 1 << 13;
const F_DOC_CAP_MID: u32 = 1 << 14;
const F_PARTICLE: u32 = 1 << 15;
const F_CAP: u32 = 1 << 16;
const F_STATE: u32 = 1 << 17;
const F_KNOWN_ORG: u32 = 1 << 18;
const F_KNOWN_OTHER: u32 = 1 << 19;
const F_KNOWN_PLACE: u32 = 1 << 20;
const F_ALLCAPS: u32 = 1 << 21;
const FLAG_COUNT: u32 = 22;

/// Precomputed facts about one token.
#[derive(Debug, Clone, Default)]
pub struct TokInfo {
    /// The token text.
    pub raw: String,
    /// Lowercased.
    pub lower: String,
    /// Word shape: "Xx", "X.X.", "d,d", ...
    pub shape: String,
    /// Flag bits.
    pub flags: u32,
    /// Multi-token gazetteer match: 0 none, else kind*2 - (1 for first token).
    pub gaz: u8,
    /// The rule-based name covering this token: 0 none, else
    /// kind*2 - (1 for first token), + 32 when strong.
    pub rule: u8,
}

/// Marks the names found by the rules on the token facts (stacking).
pub fn set_rule_tags(infos: &mut [TokInfo], names: &[super::rules::NameSpan]) {
    for n in names {
        let kind = n.kind as u8 + 1;
        for k in n.toks.clone() {
            if let Some(info) = infos.get_mut(k) {
                info.rule = kind * 2 - u8::from(k == n.toks.start) + if n.strong { 32 } else { 0 };
            }
        }
    }
}

fn shape(s: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut n = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    out
}

/// Document-level facts: which words appear in lowercase, which appear
/// capitalized in mid-sentence.
#[derive(Debug, Default)]
pub struct DocStats {
    lower: HashSet<String>,
    cap_mid: HashSet<String>,
    /// The facts of each distinct word, computed once
    /// (a long text repeats its words: 565,297 tokens of *War and Peace*
    /// are about 20,000 words, each needing a dozen list lookups).
    words: HashMap<String, WordFacts>,
}

/// What a word's spelling and the document say: list and document flags,
/// lowercase form, shape.
#[derive(Debug)]
struct WordFacts {
    flags: u32,
    lower: String,
    shape: String,
}

impl WordFacts {
    fn of(g: &Gazetteer, raw: &str) -> WordFacts {
        let lower = raw.to_lowercase();
        let mut flags = 0;
        let mut set = |cond: bool, f: u32| {
            if cond {
                flags |= f;
            }
        };
        set(g.first_names.contains(raw), F_FIRST);
        set(g.last_names.contains(raw), F_LAST);
        set(g.common.contains(lower.as_str()), F_COMMON);
        let place = g.places.get(raw);
        set(matches!(place, Some(PlaceKind::Country(_))), F_COUNTRY);
        set(matches!(place, Some(PlaceKind::City(_))), F_CITY);
        set(place == Some(&PlaceKind::State), F_STATE);
        set(g.demonyms.contains_key(raw), F_DEMONYM);
        set(g.groups.contains(raw), F_GROUP);
        set(g.titles.contains(raw), F_TITLE);
        set(g.org_heads.contains(raw), F_ORG_HEAD);
        set(g.place_heads.contains(raw), F_PLACE_HEAD);
        set(g.other_heads.contains(raw), F_OTHER_HEAD);
        set(g.months.contains(raw), F_MONTH);
        set(g.particles.contains(raw), F_PARTICLE);
        set(
            raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !raw.chars().any(char::is_lowercase),
            F_ALLCAPS,
        );
        let known = g.known.get(raw).map(|k| k.0);
        set(known == Some("organization"), F_KNOWN_ORG);
        set(known == Some("other"), F_KNOWN_OTHER);
        set(known == Some("place"), F_KNOWN_PLACE);
        WordFacts {
            flags,
            lower,
            shape: shape(raw),
        }
    }
}

impl DocStats {
    /// Adds the tokens of one paragraph.
    pub fn add(&mut self, text: &str, toks: &[Token]) {
        for t in toks {
            if t.kind != TokKind::Word {
                continue;
            }
            let s = text.get(t.span.clone()).unwrap_or("");
            let first = s.chars().next();
            if first.is_some_and(char::is_lowercase) {
                if !self.lower.contains(s) {
                    self.lower.insert(s.to_string());
                }
            } else if first.is_some_and(char::is_uppercase) && !t.sent_start {
                let l = s.to_lowercase();
                self.cap_mid.insert(l);
            }
        }
    }
}

/// Computes the token facts of a paragraph (`doc` must hold the whole
/// document's words already; it caches each word's facts).
pub fn token_infos(text: &str, toks: &[Token], doc: &mut DocStats) -> Vec<TokInfo> {
    let g = gazetteer();
    let mut infos: Vec<TokInfo> = toks
        .iter()
        .map(|t| {
            let raw = text.get(t.span.clone()).unwrap_or("");
            let facts = match doc.words.get(raw) {
                Some(w) => w,
                None => {
                    let mut w = WordFacts::of(g, raw);
                    if doc.lower.contains(w.lower.as_str()) {
                        w.flags |= F_DOC_LOWER;
                    }
                    if doc.cap_mid.contains(w.lower.as_str()) {
                        w.flags |= F_DOC_CAP_MID;
                    }
                    doc.words.entry(raw.to_string()).or_insert(w)
                }
            };
            let mut flags = facts.flags;
            let (lower, shape) = (facts.lower.clone(), facts.shape.clone());
            if t.sent_start {
                flags |= F_SENT_START;
            }
            if is_cap_word(text, t) {
                flags |= F_CAP;
            }
            TokInfo {
                shape,
                raw: raw.to_string(),
                lower,
                flags,
                gaz: 0,
                rule: 0,
            }
        })
        .collect();
    mark_multi(g, &mut infos);
    infos
}

/// Longest multi-token gazetteer matches (places, known names, titles).
fn mark_multi(g: &Gazetteer, infos: &mut [TokInfo]) {
    let mut i = 0;
    while i < infos.len() {
        // Every multi-word entry starts with a capital.
        if !infos[i].raw.starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut matched = 0;
        let mut kind = 0u8;
        let mut s = String::new();
        for len in 1..=5.min(infos.len() - i) {
            if len > 1 {
                s.push(' ');
            }
            s.push_str(&infos[i + len - 1].raw);
            if len < 2 {
                continue;
            }
            let k = if g.places.contains_key(s.as_str()) {
                1
            } else if let Some(&(label, _)) = g.known.get(s.as_str()) {
                match label {
                    "organization" => 2,
                    "place" => 1,
                    _ => 3,
                }
            } else if g.titles.contains(s.as_str()) {
                4
            } else if g.is_group(&s) {
                5
            } else {
                0
            };
            if k > 0 {
                matched = len;
                kind = k;
            }
        }
        if matched > 0 {
            for (j, info) in infos.iter_mut().skip(i).take(matched).enumerate() {
                info.gaz = kind * 2 - u8::from(j == 0);
            }
            i += matched;
        } else {
            i += 1;
        }
    }
}

/// FNV-1a hashing of a feature.
#[derive(Clone, Copy)]
struct H(u32);

impl H {
    fn new(template: u8) -> H {
        H((0x811c_9dc5u32 ^ u32::from(template)).wrapping_mul(0x0100_0193))
    }
    fn bytes(mut self, b: &[u8]) -> H {
        for &x in b {
            self.0 = (self.0 ^ u32::from(x)).wrapping_mul(0x0100_0193);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x0100_0193);
        self
    }
    fn s(self, s: &str) -> H {
        self.bytes(s.as_bytes())
    }
    fn n(self, n: u32) -> H {
        self.bytes(&n.to_le_bytes())
    }
}

fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(b, _)| &s[..b])
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(b, _)| &s[b..])
}

fn word(x: &TokInfo, k: isize, n: usize) -> &str {
    if k < 0 {
        "<s>"
    } else if k as usize >= n {
        "</s>"
    } else {
        &x.lower
    }
}

/// The feature hashes of token `i` given the two previous tags (replaces
/// the contents of `out`): [`static_features`] then [`tag_features`].
pub fn features(infos: &[TokInfo], i: usize, prev: usize, prev2: usize, out: &mut Vec<u32>) {
    static_features(infos, i, out);
    tag_features(infos, i, prev, prev2, out);
}

/// Appends the features of token `i` that depend on the previous tags.
pub fn tag_features(infos: &[TokInfo], i: usize, prev: usize, prev2: usize, out: &mut Vec<u32>) {
    let empty = TokInfo::default();
    let t = infos.get(i).unwrap_or(&empty);
    let p1 = i.checked_sub(1).and_then(|k| infos.get(k)).unwrap_or(&empty);
    out.push(H::new(16).n(prev as u32).0);
    out.push(H::new(17).n(prev as u32).n(prev2 as u32).0);
    out.push(H::new(18).n(prev as u32).s(&t.shape).0);
    out.push(H::new(19).n(prev as u32).s(&t.lower).0);
    for b in 0..FLAG_COUNT {
        if t.flags & (1 << b) != 0 {
            out.push(H::new(21).n(b).n(prev as u32).0);
        }
    }
    out.push(
        H::new(25)
            .n(u32::from(t.gaz))
            .n(u32::from(p1.gaz))
            .n(prev as u32)
            .0,
    );
    out.push(H::new(34).n(u32::from(t.rule)).n(prev as u32).0);
}

/// The features of token `i` that do not depend on the previous tags
/// (replaces the contents of `out`).
pub fn static_features(infos: &[TokInfo], i: usize, out: &mut Vec<u32>) {
    out.clear();
    let empty = TokInfo::default();
    let at = |k: isize| -> &TokInfo {
        if k < 0 {
            return &empty;
        }
        infos.get(k as usize).unwrap_or(&empty)
    };
    let ii = i as isize;
    let t = at(ii);
    let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    let bos = |k: isize| {
        if k < 0 {
            "<s>"
        } else if k as usize >= infos.len() {
            "</s>"
        } else {
            ""
        }
    };
    let n = infos.len();
    out.push(H::new(0).0);
    out.push(H::new(1).s(&t.lower).0);
    out.push(H::new(2).s(&t.raw).0);
    out.push(H::new(3).s(&t.shape).0);
    out.push(H::new(4).s(prefix(&t.lower, 3)).0);
    out.push(H::new(5).s(suffix(&t.lower, 3)).0);
    out.push(H::new(6).s(suffix(&t.lower, 2)).0);
    out.push(H::new(7).s(suffix(&t.lower, 4)).0);
    out.push(H::new(8).s(prefix(&t.lower, 2)).0);
    out.push(H::new(9).s(word(p1, ii - 1, n)).0);
    out.push(H::new(10).s(word(n1, ii + 1, n)).0);
    out.push(H::new(11).s(word(p2, ii - 2, n)).0);
    out.push(H::new(12).s(word(n2, ii + 2, n)).0);
    out.push(H::new(13).s(&p1.shape).s(bos(ii - 1)).0);
    out.push(H::new(14).s(&n1.shape).s(bos(ii + 1)).0);
    out.push(H::new(15).s(&p1.shape).s(&t.shape).s(&n1.shape).0);
    for b in 0..FLAG_COUNT {
        let f = 1 << b;
        if t.flags & f != 0 {
            out.push(H::new(20).n(b).0);
        }
        if p1.flags & f != 0 {
            out.push(H::new(22).n(b).0);
        }
        if n1.flags & f != 0 {
            out.push(H::new(23).n(b).0);
        }
    }
    out.push(H::new(24).n(u32::from(t.gaz)).0);
    out.push(H::new(26).s(word(p1, ii - 1, n)).s(&t.lower).0);
    out.push(H::new(27).s(&t.lower).s(word(n1, ii + 1, n)).0);
    let cap = |x: &TokInfo| x.flags & F_CAP != 0;
    out.push(
        H::new(28)
            .n(u32::from(cap(p1)))
            .n(u32::from(cap(t)))
            .n(u32::from(cap(n1)))
            .n(t.flags & (F_SENT_START | F_COMMON | F_DOC_LOWER | F_DOC_CAP_MID))
            .0,
    );
    out.push(
        H::new(29)
            .n(t.flags & (F_SENT_START | F_COMMON | F_DOC_LOWER | F_DOC_CAP_MID | F_CAP))
            .0,
    );
    out.push(H::new(30).n(u32::from(n1.gaz)).n(u32::from(t.gaz)).0);
    out.push(H::new(31).s(word(p1, ii - 1, n)).n(t.flags & F_CAP).0);
    out.push(H::new(32).s(word(n1, ii + 1, n)).n(t.flags & F_CAP).0);
    out.push(H::new(33).n(u32::from(t.rule)).0);
    out.push(H::new(35).n(u32::from(t.rule)).n(u32::from(n1.rule)).0);
    out.push(H::new(36).n(u32::from(t.rule)).s(&t.shape).0);
}

/// Reads the weights table: `buckets × CLASSES` signed bytes.
pub fn bucket(hash: u32, bits: u32) -> usize {
    let mixed = hash.wrapping_mul(0x9E37_79B1) >> (32 - bits);
    mixed as usize
}
