//! A small tokenizer for entity extraction: words (with internal hyphens,
//! apostrophes, dotted acronyms and abbreviation periods), numbers (with
//! thousands separators and decimals), and single punctuation marks. The
//! possessive "'s" is its own token. Every token is a byte span on `char`
//! boundaries.

use std::ops::Range;

use crate::segment;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, hyphens, apostrophes, periods).
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Its kind.
    pub kind: TokKind,
    /// First word of a sentence (after any opening quotes or brackets).
    pub sent_start: bool,
}

/// Abbreviations that keep their period.
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt",
    "Maj", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Inc", "Corp", "Co", "Ltd",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc",
    "Bros", "Mx", "Fr", "Pvt", "Cpl", "Spc", "Brig", "Calif", "Mass", "Fla", "Ariz", "Ala", "Ark", "Colo",
    "Conn", "Del", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
    "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "Dept", "Univ",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_whitespace() && !c.is_ascii() && !is_unicode_punct(c) && !is_format(c))
}

/// Invisible format characters (direction marks, zero-width spaces, BOM):
/// never part of a word, so "Mosul\u{200e}" is the name "Mosul".
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '—'
            | '–'
            | '‒'
            | '―'
            | '…'
            | '„'
            | '‚'
            | '·'
            | '•'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '€'
            | '£'
            | '¥'
            | '₹'
            | '₽'
            | '°'
            | '×'
            | '\u{a0}'
            | '\u{200b}'
            | '\u{feff}'
            | '\u{2009}'
            | '\u{202f}'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
    )
}

/// Tokenizes `span` of `text` (a paragraph), marking sentence starts with
/// the sentence splitter of [`crate::segment`].
pub fn tokenize(text: &str, span: Range<usize>) -> Vec<Token> {
    let Some(para) = text.get(span.clone()) else {
        return Vec::new();
    };
    let base = span.start;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(para.len(), |&(b, _)| b);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        // Invisible format characters (zero-width space, BOM, soft hyphen,
        // joiners, bidirectional marks) separate words but are not tokens.
        if c.is_whitespace()
            || matches!(
                c,
                '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{ad}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}'
            )
        {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            // The possessive "'s" is one token.
            let possessive = matches!(c, '\'' | '’')
                && matches!(ch(i + 1), Some('s' | 'S'))
                && !ch(i + 2).is_some_and(is_word_char)
                && i > 0
                && ch(i - 1).is_some_and(is_word_char);
            let len = if possessive { 2 } else { 1 };
            out.push(Token {
                span: base + byte_at(i)..base + byte_at(i + len),
                kind: TokKind::Punct,
                sent_start: false,
            });
            i += len;
            continue;
        }
        let start = i;
        let numeric = c.is_ascii_digit();
        let mut dotted = false;
        let mut seg_start = start;
        i += 1;
        while let Some(c) = ch(i) {
            if is_word_char(c) {
                i += 1;
                continue;
            }
            let next = ch(i + 1);
            let next_word = next.is_some_and(is_word_char);
            match c {
                '.' | ',' if numeric && next.is_some_and(|n| n.is_ascii_digit()) => i += 2,
                ':' if numeric && next.is_some_and(|n| n.is_ascii_digit()) => i += 2,
                '-' | '‐' | '‑' if next_word => i += 2,
                '&' if next.is_some_and(char::is_uppercase) && chars[i - 1].1.is_uppercase() => i += 2,
                '\'' | '’' if next_word => {
                    // "'s" / "'S" at the end of a word is a possessive token.
                    let after = ch(i + 2);
                    if matches!(next, Some('s' | 'S')) && !after.is_some_and(is_word_char) {
                        break;
                    }
                    i += 2;
                }
                '.' if !numeric && i - seg_start <= 2 && next.is_some_and(char::is_alphabetic) => {
                    // Dotted acronyms: "U.S", "a.m", "e.g".
                    dotted = true;
                    i += 2;
                    seg_start = i - 1;
                }
                _ => break,
            }
        }
        // A trailing period that belongs to the word.
        if ch(i) == Some('.') {
            let w = &para[byte_at(start)..byte_at(i)];
            let single_cap = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            if dotted || single_cap || ABBREV.contains(&w) {
                i += 1;
            }
        }
        out.push(Token {
            span: base + byte_at(start)..base + byte_at(i),
            kind: if numeric { TokKind::Number } else { TokKind::Word },
            sent_start: false,
        });
    }
    mark_sentence_starts(text, span, &mut out);
    out
}

fn mark_sentence_starts(text: &str, span: Range<usize>, toks: &mut [Token]) {
    let mut t = 0;
    for s in segment::sentences(text, span) {
        while t < toks.len() && toks[t].span.start < s.start {
            t += 1;
        }
        // Skip opening punctuation.
        let mut k = t;
        while k < toks.len() && toks[k].kind == TokKind::Punct && toks[k].span.start < s.end {
            k += 1;
        }
        if let Some(tok) = toks.get_mut(k) {
            tok.sent_start = true;
        }
    }
    // A line break inside a paragraph after a colon or a heading-like line
    // also starts a sentence.
    for k in 1..toks.len() {
        let gap = text.get(toks[k - 1].span.end..toks[k].span.start).unwrap_or("");
        if gap.contains('\n') && toks[k - 1].kind == TokKind::Punct && {
            let p = text.get(toks[k - 1].span.clone()).unwrap_or("");
            matches!(p, ":" | "." | "!" | "?")
        } {
            toks[k].sent_start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_acronyms() {
        assert_eq!(
            toks("Biden's decision on U.S. policy, Russia’s troops."),
            ["Biden", "'s", "decision", "on", "U.S.", "policy", ",", "Russia", "’s", "troops", "."]
        );
    }

    #[test]
    fn numbers_titles_and_hyphens() {
        assert_eq!(
            toks(
                "About 50,000 soldiers, $5.5 billion; Gen. J. Smith's long-range F-16s at 10:30 a.m. O'Brien"
            ),
            [
                "About",
                "50,000",
                "soldiers",
                ",",
                "$",
                "5.5",
                "billion",
                ";",
                "Gen.",
                "J.",
                "Smith",
                "'s",
                "long-range",
                "F-16s",
                "at",
                "10:30",
                "a.m.",
                "O'Brien"
            ]
        );
    }

    #[test]
    fn sentence_starts() {
        let text = "The publication notes that Biden's decision marks a shift in U.S. policy. \"This choice divided them.\"";
        let t = tokenize(text, 0..text.len());
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| &text[t.span.clone()])
            .collect();
        assert_eq!(starts, ["The", "This"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "'",
            "a'",
            "U.",
            "1,",
            "é́́",
            "👍🏽 Biden",
            "مرحبا بالعالم",
            "A.B.C.D.",
            "x-",
            "&&A&",
        ] {
            let _ = tokenize(s, 0..s.len());
        }
    }
}
