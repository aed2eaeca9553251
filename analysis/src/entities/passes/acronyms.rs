//! An acronym of a name found in the document is that name: an untagged
//! word in capitals whose letters are the initials of a tagged name of
//! two words or more (not a person) takes that name's kind ("the Islamic
//! State of Iraq and the Levant ... ISIL fighters", "the Premier Soccer
//! League ... the PSL"). An acronym no name of the document explains is
//! left alone: most are not names ("DNA", "GDP").
//!
//! ```
//! use article_analysis::entities::{extract, EntityKind};
//! let text = "The Premier Soccer League met on Monday. PSL officials agreed.";
//! let e = extract(text);
//! let psl = e.mentions.iter().find(|m| &text[m.span.clone()] == "PSL").unwrap();
//! assert_eq!(psl.kind, EntityKind::Organization);
//! ```

use std::collections::HashMap;

use crate::entities::rules::NameSpan;
use crate::entities::token::{TokKind, Token};
use crate::entities::EntityKind;

/// Words left out of initials ("of", "the", "and").
fn is_small(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "&" | "in" | "on" | "de" | "des" | "du" | "la" | "le" | "The"
    )
}

/// The initials of the words of a name ("NATO" for "North Atlantic Treaty
/// Organization").
fn initials(text: &str, toks: &[Token], r: &std::ops::Range<usize>) -> String {
    toks.get(r.clone())
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .filter_map(|t| text.get(t.span.clone()))
        .filter(|w| !is_small(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A word in capitals, two to six letters, nothing else: "ISIL", "PSL".
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Tags the acronyms of the document's names.
pub fn acronyms(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let mut by_initials: HashMap<String, EntityKind> = HashMap::new();
    for (toks, names) in all_toks.iter().zip(all_names.iter()) {
        for n in names.iter().filter(|n| n.kind != EntityKind::Person) {
            let words = n
                .toks
                .clone()
                .filter(|&k| toks.get(k).is_some_and(|t| t.kind == TokKind::Word));
            if words.count() >= 2 {
                let key = initials(text, toks, &n.toks);
                if key.len() >= 2 {
                    by_initials.entry(key).or_insert(n.kind);
                }
            }
        }
    }
    if by_initials.is_empty() {
        return;
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        let covered = super::covered(toks.len(), names);
        let mut added = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            let word = text.get(t.span.clone()).unwrap_or("");
            if t.kind != TokKind::Word || covered.get(k).copied().unwrap_or(true) || !is_acronym(word) {
                continue;
            }
            if let Some(&kind) = by_initials.get(word) {
                added.push(NameSpan {
                    toks: k..k + 1,
                    kind,
                    strong: false,
                });
            }
        }
        // On tokens no name covers: nothing to drop, only to sort in.
        super::splice(names, added);
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_spans as spans;
    use crate::entities::EntityKind::*;

    #[test]
    fn an_acronym_of_a_name_in_the_document_takes_its_kind() {
        let got = spans("The Premier Soccer League met on Monday. PSL officials agreed.");
        assert!(got.contains(&("PSL", Organization)), "{got:?}");
    }

    #[test]
    fn an_acronym_nothing_explains_is_left_alone() {
        let got = spans("The DNA samples were sent to the lab on Monday.");
        assert!(!got.iter().any(|(s, _)| *s == "DNA"), "{got:?}");
    }
}
