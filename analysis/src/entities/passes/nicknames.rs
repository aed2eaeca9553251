//! A quoted nickname between first and last names joins them
//! (`Joaquín "El Chapo" Guzmán`).

use super::{first_from, splice};
use crate::entities::rules::{is_cap_word, NameSpan};
use crate::entities::token::Token;
use crate::entities::EntityKind;

/// A nickname in quotes between a person's first and last names is part of
/// the name: `Joaquín "El Chapo" Guzmán`, `Harold "Junior" Theriault`.
/// `names` is sorted.
pub fn join_nicknames(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut new = Vec::new();
    let mut i = 0;
    while let Some(a) = names.get(i) {
        let open = a.toks.end;
        if a.kind != EntityKind::Person || !matches!(w(open), "\"" | "“") {
            i += 1;
            continue;
        }
        // One to three capitalized words, the closing quote, then a
        // capitalized word.
        let mut close = open + 1;
        while close < open + 4 && toks.get(close).is_some_and(|t| is_cap_word(text, t)) {
            close += 1;
        }
        let last = close + 1;
        if close == open + 1
            || !matches!(w(close), "\"" | "”")
            || !toks.get(last).is_some_and(|t| is_cap_word(text, t))
        {
            i += 1;
            continue;
        }
        // The surname: the name starting there, or that one word.
        let end = names
            .get(first_from(names, last))
            .filter(|n| n.toks.start == last)
            .map_or(last + 1, |n| n.toks.end);
        new.push(NameSpan {
            toks: a.toks.start..end,
            kind: EntityKind::Person,
            strong: true,
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
    fn a_quoted_nickname_is_part_of_the_name() {
        // Written for this test in the style of a news report.
        use EntityKind::Person;
        let got = assert_has(
            "The cartel was run by Joaquin \"El Chapo\" Guzman and Ismael \"El Mayo\" Zambada, prosecutors said.",
            &[("Joaquin \"El Chapo\" Guzman", Person), ("Ismael \"El Mayo\" Zambada", Person)],
        );
        assert!(!got.iter().any(|(s, _)| *s == "El Chapo"), "{got:?}");
    }
}
