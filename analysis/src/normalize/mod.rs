//! Token normalization: small filters that compose, in the style of a search
//! engine's analyzer chain: **lowercase → fold → stem**.
//!
//! Each step is a [`Filter`] (a unit struct) and filters chain with
//! [`Filter::then`]. The two forms search compares are:
//!
//! - the *folded* form ([`fold`]): [`Lowercase`] → [`FoldAccents`] →
//!   [`AcronymDots`]: case-insensitive, accent-insensitive, "U.S" = "us";
//! - the *stem* ([`stem`]): the folded form → [`Possessive`] →
//!   [`EnglishStem`]: "missiles" = "missile", "Biden's" = "biden".
//!
//! ```
//! use article_analysis::normalize::{fold, stem, Filter, FoldAccents, Lowercase};
//! assert_eq!(fold("KYIV"), "kyiv");
//! assert_eq!(fold("Café"), "cafe");
//! assert_eq!(fold("U.S"), "us");
//! assert_eq!(stem(&fold("Biden’s")), "biden");
//! assert_eq!(stem("missiles"), stem("missile"));
//! // The same chain, built from its parts:
//! let chain = Lowercase.then(FoldAccents);
//! assert_eq!(chain.apply("ÉLAN"), "elan");
//! ```
//!
//! [`fold`] is a fused single pass (with an ASCII fast path) that gives the
//! same result as the chain of its filters; tests check that they agree.

use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;

mod fold_table;

use crate::segment::words;

/// One step of normalization: a word in, a word out.
pub trait Filter {
    /// Applies the filter to one word.
    fn apply(&self, word: &str) -> String;

    /// This filter followed by `next`.
    ///
    /// ```
    /// use article_analysis::normalize::{Filter, Lowercase, Possessive};
    /// assert_eq!(Lowercase.then(Possessive).apply("BIDEN'S"), "biden");
    /// ```
    fn then<F: Filter>(self, next: F) -> Chain<Self, F>
    where
        Self: Sized,
    {
        Chain(self, next)
    }
}

/// Two filters, one after the other (see [`Filter::then`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Chain<A, B>(pub A, pub B);

impl<A: Filter, B: Filter> Filter for Chain<A, B> {
    fn apply(&self, word: &str) -> String {
        self.1.apply(&self.0.apply(word))
    }
}

/// Unicode lowercase, character by character (so a final sigma is `σ`).
///
/// ```
/// use article_analysis::normalize::{Filter, Lowercase};
/// assert_eq!(Lowercase.apply("KYIV"), "kyiv");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Lowercase;

impl Filter for Lowercase {
    fn apply(&self, word: &str) -> String {
        word.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Accent and ligature folding: canonical decomposition (NFD), combining
/// marks dropped, then `ß→ss æ→ae œ→oe ø→o ł→l đ→d ı→i ς→σ` and curly
/// apostrophes `’ ‘ ʼ → '`. Expects lowercase input.
///
/// ```
/// use article_analysis::normalize::{Filter, FoldAccents};
/// assert_eq!(FoldAccents.apply("café"), "cafe");
/// assert_eq!(FoldAccents.apply("straße"), "strasse");
/// assert_eq!(FoldAccents.apply("łódź"), "lodz");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FoldAccents;

impl Filter for FoldAccents {
    fn apply(&self, word: &str) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            push_folded_char(c, &mut out);
        }
        out
    }
}

/// Removes the periods of dotted acronyms: a `.` that does not follow a
/// digit is dropped, so "u.s" → "us" while "3.14" stays.
///
/// ```
/// use article_analysis::normalize::{AcronymDots, Filter};
/// assert_eq!(AcronymDots.apply("u.s"), "us");
/// assert_eq!(AcronymDots.apply("3.14"), "3.14");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct AcronymDots;

impl Filter for AcronymDots {
    fn apply(&self, word: &str) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            push_dot_aware(c, &mut out);
        }
        out
    }
}

/// Strips a possessive ending: `'s` or a trailing `'` ("biden's" → "biden",
/// "soldiers'" → "soldiers"). A word that would become empty is kept.
///
/// ```
/// use article_analysis::normalize::{Filter, Possessive};
/// assert_eq!(Possessive.apply("biden's"), "biden");
/// assert_eq!(Possessive.apply("soldiers'"), "soldiers");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Possessive;

impl Filter for Possessive {
    fn apply(&self, word: &str) -> String {
        strip_possessive(word).to_string()
    }
}

/// The English Snowball stemmer (one shared instance).
///
/// ```
/// use article_analysis::normalize::{EnglishStem, Filter};
/// assert_eq!(EnglishStem.apply("authorized"), EnglishStem.apply("authorize"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct EnglishStem;

impl Filter for EnglishStem {
    fn apply(&self, word: &str) -> String {
        let stemmed = stemmer().stem(word).into_owned();
        if stemmed.is_empty() {
            word.to_string()
        } else {
            stemmed
        }
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The folded form of a word: lowercase, accents and ligatures folded,
/// acronym dots removed. Same result as
/// `Lowercase.then(FoldAccents).then(AcronymDots)`, in one pass.
///
/// ```
/// use article_analysis::normalize::fold;
/// assert_eq!(fold("CAFÉ"), "cafe");
/// assert_eq!(fold("U.S"), "us");
/// assert_eq!(fold("Œuvre"), "oeuvre");
/// ```
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first): no allocation for the
/// usual short ASCII word once the buffer has grown.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        for b in word.bytes() {
            push_dot_aware(char::from(b.to_ascii_lowercase()), out);
        }
        return;
    }
    for c in word.chars() {
        for l in c.to_lowercase() {
            // Folding never produces a '.', and '.' folds to itself.
            if l == '.' {
                push_dot_aware(l, out);
            } else {
                push_folded_char(l, out);
            }
        }
    }
}

/// The English stem of a folded word, possessive stripped first.
///
/// ```
/// use article_analysis::normalize::{fold, stem};
/// assert_eq!(stem("biden's"), "biden");
/// assert_eq!(stem("missiles"), "missil");
/// assert_eq!(stem(&fold("Authorized")), stem("authorize"));
/// ```
pub fn stem(folded: &str) -> String {
    EnglishStem.apply(strip_possessive(folded))
}

fn strip_possessive(word: &str) -> &str {
    let stripped = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    if stripped.is_empty() {
        word
    } else {
        stripped
    }
}

fn push_dot_aware(c: char, out: &mut String) {
    if c == '.' && !out.chars().next_back().is_some_and(|p| p.is_numeric()) {
        return;
    }
    out.push(c);
}

/// The characters `c` decomposes into canonically (NFD), combining marks
/// left out, each passed to `f`: read from the generated `fold_table`
/// (Hangul syllables by arithmetic), so the decomposition tables are not
/// linked into the page.
fn without_marks(c: char, mut f: impl FnMut(char)) {
    const S_BASE: u32 = 0xAC00;
    const S_COUNT: u32 = 11_172;
    if is_combining_mark(c) {
        return;
    }
    let code = c as u32;
    if (S_BASE..S_BASE + S_COUNT).contains(&code) {
        let s = code - S_BASE;
        let (l, v, t) = (0x1100 + s / 588, 0x1161 + (s % 588) / 28, 0x11A7 + s % 28);
        for (i, part) in [l, v, t].into_iter().enumerate() {
            if i < 2 || part != 0x11A7 {
                f(char::from_u32(part).unwrap_or(c));
            }
        }
        return;
    }
    if let Ok(i) = fold_table::FOLD_ONE.binary_search_by_key(&code, |&(k, _)| k) {
        if let Some(&(_, to)) = fold_table::FOLD_ONE.get(i) {
            f(char::from_u32(to).unwrap_or(c));
        }
    } else if let Ok(i) = fold_table::FOLD_MANY.binary_search_by_key(&code, |&(k, _)| k) {
        if let Some(&(_, to)) = fold_table::FOLD_MANY.get(i) {
            to.chars().for_each(f);
        }
    } else {
        f(c);
    }
}

fn push_folded_char(c: char, out: &mut String) {
    without_marks(c, |d| match d {
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ø' => out.push('o'),
        'ł' => out.push('l'),
        'đ' => out.push('d'),
        'ı' => out.push('i'),
        'ς' => out.push('σ'),
        '’' | '‘' | 'ʼ' => out.push('\''),
        other => out.push(other),
    });
}

/// A word of a text with its normalized forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the word in the original text.
    pub span: Range<usize>,
    /// [`fold`] of the word.
    pub folded: String,
    /// [`stem`] of the folded word.
    pub stem: String,
}

/// The tokens of `text` ([`words`] with their folded form and stem); spans
/// are shifted by `base_offset` (the position of `text` in a larger text).
/// Words whose folded form is empty are skipped.
///
/// ```
/// use article_analysis::normalize::tokens;
/// let t = tokens("Biden's U.S. missiles", 10);
/// assert_eq!(t.len(), 3);
/// assert_eq!(t[0].span, 10..17);
/// assert_eq!(t[0].stem, "biden");
/// assert_eq!(t[1].folded, "us");
/// assert_eq!(t[2].stem, "missil");
/// ```
pub fn tokens(text: &str, base_offset: usize) -> Vec<Token> {
    words(text)
        .filter_map(|(off, w)| {
            let folded = fold(w);
            if folded.is_empty() {
                return None;
            }
            let stem = stem(&folded);
            let start = base_offset + off;
            Some(Token {
                span: start..start + w.len(),
                folded,
                stem,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(w: &str) -> String {
        Lowercase.then(FoldAccents).then(AcronymDots).apply(w)
    }

    #[test]
    fn case_folding() {
        assert_eq!(fold("KYIV"), "kyiv");
        assert_eq!(fold("Kyiv"), "kyiv");
        assert_eq!(fold("ΣΟΦΟΣ"), "σοφοσ");
        assert_eq!(fold("σοφος"), "σοφοσ");
    }

    #[test]
    fn accents_and_ligatures() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("cafe\u{301}"), "cafe");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Æsir"), "aesir");
        assert_eq!(fold("œuvre"), "oeuvre");
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Đorđe"), "dorde");
        assert_eq!(fold("ıstanbul"), "istanbul");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Biden’s"), "biden's");
        assert_eq!(fold("Zürich"), "zurich");
    }

    #[test]
    fn acronyms() {
        assert_eq!(fold("U.S"), "us");
        assert_eq!(fold("u.s.a"), "usa");
        assert_eq!(fold("3.14"), "3.14");
        assert_eq!(fold("e.g"), "eg");
    }

    #[test]
    fn fused_fold_equals_chain() {
        for w in [
            "KYIV",
            "Café",
            "U.S",
            "Straße",
            "İstanbul",
            "ΣΟΦΟΣ",
            "3.14",
            "Biden’s",
            "😀",
            "",
            "ǅemal",
            "ﬁne",
            "שָׁלוֹם",
            "A.1",
            "x.",
            ".",
        ] {
            assert_eq!(fold(w), chain(w), "{w}");
        }
    }

    #[test]
    fn stemming() {
        assert_eq!(stem("missiles"), stem("missile"));
        assert_eq!(stem("authorized"), stem("authorize"));
        assert_eq!(stem("biden's"), "biden");
        assert_eq!(stem("biden'"), "biden");
        assert_eq!(stem("'s"), stem("'s"));
        assert!(!stem("'").is_empty());
        assert_eq!(stem(""), "");
        assert_eq!(stem("кошки"), stem("кошки"));
    }

    #[test]
    fn tokens_of_real_text() {
        let text = "U.S. President Joe Biden has authorized Ukraine to use long-range missiles ATACMS.";
        let t = tokens(text, 0);
        let folded: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(
            folded,
            [
                "us",
                "president",
                "joe",
                "biden",
                "has",
                "authorized",
                "ukraine",
                "to",
                "use",
                "long",
                "range",
                "missiles",
                "atacms"
            ]
        );
        for tok in &t {
            assert!(text.get(tok.span.clone()).is_some());
        }
    }

    #[test]
    fn tokens_never_panic_on_odd_text() {
        for text in [
            "",
            "   ",
            "😀😀",
            "\u{301}\u{301}",
            "مرحبا بالعالم",
            "a\u{301}b",
            "...",
            "'s",
        ] {
            for tok in tokens(text, 0) {
                assert!(text.get(tok.span.clone()).is_some());
                assert!(!tok.folded.is_empty());
            }
        }
    }

    #[test]
    fn fold_table_equals_nfd() {
        use unicode_normalization::char::decompose_canonical;
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let mut nfd = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    nfd.push(d);
                }
            });
            let mut ours = String::new();
            without_marks(c, |d| ours.push(d));
            assert_eq!(ours, nfd, "U+{:04X}", c as u32);
        }
    }
}
