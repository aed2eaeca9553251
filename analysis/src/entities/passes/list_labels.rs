//! List labels are not names ("Milepost 4.4:", "Section 3.").

use crate::entities::gazetteer::gazetteer;
use crate::entities::rules::{is_cap_word, NameSpan};
use crate::entities::token::{TokKind, Token};
use std::collections::HashMap;

/// Document-level: a list label is not a name. A word the tagger took for
/// a one-word name that opens three sentences or more followed by a number,
/// and is rarely capitalized elsewhere (at most one time in five), labels
/// the items of a list ("Milepost 4.4: Twin Lake ...", "Section 3. ..."),
/// unless the lists know it as a name. A name opening sentences is followed
/// by words ("Biden met ...").
pub fn drop_list_labels(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    let g = gazetteer();
    // Per word: capitalized occurrences opening a sentence before a number,
    // and all its other capitalized occurrences.
    let mut seen: HashMap<&str, (u32, u32)> = HashMap::new();
    for toks in all_toks {
        for (i, t) in toks.iter().enumerate() {
            if is_cap_word(text, t) {
                let e = seen.entry(text.get(t.span.clone()).unwrap_or("")).or_default();
                if t.sent_start && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Number) {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        names.retain(|n| {
            if n.strong || n.toks.end - n.toks.start != 1 {
                return true;
            }
            let (Some(t), Some(next)) = (toks.get(n.toks.start), toks.get(n.toks.start + 1)) else {
                return true;
            };
            let word = text.get(t.span.clone()).unwrap_or("");
            let known = g.first_names.contains(word)
                || g.last_names.contains(word)
                || g.places.contains_key(word)
                || g.known.contains_key(word)
                || g.demonyms.contains_key(word);
            let label = t.sent_start
                && next.kind == TokKind::Number
                && seen
                    .get(word)
                    .is_some_and(|&(labels, other)| labels >= 3 && other * 4 <= labels);
            known || !label
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_spans as spans;
    use crate::entities::EntityKind;

    #[test]
    fn a_list_label_is_not_a_name() {
        // A list of stops, as in a Wikipedia article on a railroad.
        let text = "Milepost 0: Bridgton Junction, the interchange yard. Milepost 1: a granite arch over Hancock Brook. Milepost 2.7: Mullen Siding, a spur. Milepost 4.4: Twin Lake, a flag stop.";
        let got = spans(text);
        assert!(!got.iter().any(|(s, _)| *s == "Milepost"), "{got:?}");
        assert!(got.contains(&("Hancock Brook", EntityKind::Place)), "{got:?}");
        // A name opening sentences stays a name.
        let text = "Zelensky spoke first. Zelensky then left. Zelensky returned on Friday. Zelensky rested.";
        let got = spans(text);
        assert!(got.contains(&("Zelensky", EntityKind::Person)), "{got:?}");
    }
}
