//! A name found once is a name elsewhere in the document (and a person's
//! surname is the person): the names of every paragraph are looked for
//! where they occur again untagged.

use crate::entities::gazetteer::gazetteer;
use crate::entities::rules::{is_cap_word, join, NameSpan};
use crate::entities::token::Token;
use crate::entities::EntityKind;
use std::collections::HashMap;

/// Document-level consistency: a name found somewhere in the document is
/// also a name where it occurs again untagged (capitalized, not a common
/// word at a sentence start), and so is a person's surname ("Biden" after
/// "Joe Biden").
pub fn propagate(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let g = gazetteer();
    let mut known: HashMap<String, (EntityKind, usize)> = HashMap::new();
    for (toks, names) in all_toks.iter().zip(all_names.iter()) {
        for n in names {
            let len = n.toks.end - n.toks.start;
            if len > 4 {
                continue;
            }
            let s = join(text, toks, n.toks.clone());
            known.entry(s).or_insert((n.kind, len));
            if n.kind == EntityKind::Person && len >= 2 {
                if let Some(last) = toks.get(n.toks.end - 1).and_then(|t| text.get(t.span.clone())) {
                    known.entry(last.to_string()).or_insert((EntityKind::Person, 1));
                }
            }
        }
    }
    if known.is_empty() {
        return;
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        let covered = super::covered(toks.len(), names);
        let mut added = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(t) = toks.get(i) else { break };
            if covered[i] || !is_cap_word(text, t) {
                i += 1;
                continue;
            }
            let mut hit = None;
            let mut s = String::new();
            for len in 1..=4.min(toks.len() - i) {
                if covered[i + len - 1] {
                    break;
                }
                if len > 1 {
                    s.push(' ');
                }
                s.push_str(text.get(toks[i + len - 1].span.clone()).unwrap_or(""));
                if let Some(&(kind, _)) = known.get(&s) {
                    hit = Some((len, kind));
                }
            }
            match hit {
                Some((len, kind))
                    // A longer capitalized run is another name; a common word
                    // at a sentence start is not a name.
                    if !(toks.get(i + len).is_some_and(|n| is_cap_word(text, n))
                        || (t.sent_start
                            && len == 1
                            && g.is_common(text.get(t.span.clone()).unwrap_or("")))) =>
                {
                    added.push(NameSpan { toks: i..i + len, kind, strong: false });
                    i += len;
                }
                _ => i += 1,
            }
        }
        // On tokens no name covers: nothing to drop, only to sort in.
        super::splice(names, added);
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn surnames_are_propagated_through_the_document() {
        // The tagger alone misses the second "Biden" ("Biden may allow").
        let text = "U.S. President Joe Biden has authorized Ukraine to use ATACMS.\nOfficials indicated that Ukrainians will use the missiles in the Kursk region, Biden may allow them to use this weapon in other areas as well.";
        assert_has(
            text,
            &[("Biden", EntityKind::Person), ("Kursk", EntityKind::Place)],
        );
    }
}
