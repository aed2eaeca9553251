//! Organizations named with "and" are one name ("Department of Physics and
//! Astronomy", "Franklin and Megantic Railway").

use super::{first_from, splice};
use crate::entities::gazetteer::gazetteer;
use crate::entities::rules::{is_cap_word, join, NameSpan};
use crate::entities::token::Token;
use crate::entities::EntityKind;
use std::ops::Range;

/// An organization named with "and": "Franklin and Megantic Railway"
/// (a capitalized name, "and", a name ending in an organization word),
/// "Department of Physics and Astronomy" (an organization "X of Y", "and",
/// one or two capitalized words the lists do not know, then no more). A
/// known place, organization or demonym on either side is a list instead:
/// "Russia and Wagner Group", "Reform Party of Canada and Canadian Alliance". `names` is sorted.
pub fn join_conjoined_orgs(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let g = gazetteer();
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let known = |r: Range<usize>| {
        let s = join(text, toks, r);
        g.places.contains_key(s.as_str()) || g.known.contains_key(s.as_str())
    };
    let mut new = Vec::new();
    let mut i = 0;
    while let Some(a) = names.get(i) {
        let and = a.toks.end;
        if a.strong || w(and) != "and" || known(a.toks.clone()) {
            i += 1;
            continue;
        }
        let next = names.get(i + 1).filter(|b| b.toks.start == and + 1);
        let end = match next {
            // "Franklin and | Megantic Railway"
            Some(b)
                if !b.strong
                    && b.kind == EntityKind::Organization
                    && g.org_heads.contains(b.toks.end.checked_sub(1).map_or("", w))
                    && !a.toks.clone().any(|k| g.org_heads.contains(w(k))) =>
            {
                Some(b.toks.end)
            }
            // "Department of Natural Resources and | Mines"
            _ if a.kind == EntityKind::Organization && a.toks.clone().any(|k| w(k) == "of") => {
                let mut e = and + 1;
                while e < and + 3 && toks.get(e).is_some_and(|t| is_cap_word(text, t)) {
                    e += 1;
                }
                let free = names.get(i + 1).is_none_or(|b| b.toks.start >= e || !b.strong);
                let stops = !toks.get(e).is_some_and(|t| is_cap_word(text, t));
                let demonym = g.demonym(w(and + 1)).is_some();
                (e > and + 1 && stops && free && !demonym && !known(and + 1..e)).then_some(e)
            }
            _ => None,
        };
        let Some(end) = end else {
            i += 1;
            continue;
        };
        new.push(NameSpan {
            toks: a.toks.start..end,
            kind: EntityKind::Organization,
            strong: false,
        });
        i = first_from(names, end);
    }
    splice(names, new);
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn organizations_named_with_and_are_one_name() {
        // Written for this test in the style of a news report.
        use EntityKind::Organization;
        let got = assert_has(
            "Researchers at the Department of Physics and Astronomy said the Franklin and Megantic Railway \
             closed. Voters backed the Reform Party of Canada and Canadian Alliance candidates.",
            &[
                ("Department of Physics and Astronomy", Organization),
                ("Franklin and Megantic Railway", Organization),
            ],
        );
        assert!(!got.iter().any(|(s, _)| s.contains("Canada and")), "{got:?}");
    }
}
