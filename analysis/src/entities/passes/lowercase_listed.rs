//! Names the lists know that start with a lowercase letter, which neither
//! the rules nor the tagger take as name candidates: organizations written
//! with the Arabic article ("al-Qaida", "al-Shabaab"; the `lowercase_org`
//! words of `data/rule_words.tsv`) and the lowercase names of
//! `data/known.tsv` ("al-Qaeda"). Only the exact listed spelling of a
//! single token is taken, and only where no name covers it.

use super::{covered, splice};
use crate::entities::gazetteer::gazetteer;
use crate::entities::lexicon::{is, List};
use crate::entities::rules::NameSpan;
use crate::entities::token::{TokKind, Token};
use crate::entities::EntityKind;

/// Adds the listed lowercase names of a paragraph. `names` is sorted.
pub fn lowercase_listed(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let g = gazetteer();
    let taken = covered(toks.len(), names);
    let mut new = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || taken.get(k).copied().unwrap_or(true) {
            continue;
        }
        let w = text.get(t.span.clone()).unwrap_or("");
        if !w.starts_with(char::is_lowercase) {
            continue;
        }
        let kind = match g.known.get(w).map(|k| k.0) {
            _ if is(List::LowercaseOrg, w) => EntityKind::Organization,
            Some("organization") => EntityKind::Organization,
            Some("place") => EntityKind::Place,
            _ => continue,
        };
        new.push(NameSpan {
            toks: k..k + 1,
            kind,
            strong: true,
        });
    }
    splice(names, new);
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn listed_names_with_the_arabic_article_are_found() {
        let got = assert_has(
            "A U.S. strike hit two al-Qaida vehicles near Sarmada. We will not allow al-Qaeda to grow, \
             and al-Shabaab fighters fled.",
            &[
                ("al-Qaida", EntityKind::Organization),
                ("al-Qaeda", EntityKind::Organization),
                ("al-Shabaab", EntityKind::Organization),
            ],
        );
        // Lowercase words the lists do not know stay common words.
        assert!(
            !got.iter().any(|(s, _)| *s == "vehicles" || *s == "fighters"),
            "{got:?}"
        );
    }
}
