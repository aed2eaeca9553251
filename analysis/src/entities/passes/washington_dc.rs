//! "Washington, D.C." is one place, not a person and an abbreviation.

use super::splice;
use crate::entities::rules::NameSpan;
use crate::entities::token::Token;
use crate::entities::EntityKind;

/// "Washington, D.C." is one place. `names` is sorted.
pub fn join_washington_dc(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let mut new = Vec::new();
    let mut i = 0;
    while let (Some(a), Some(b)) = (names.get(i), names.get(i + 1)) {
        if a.toks.end.checked_sub(1).map_or("", w) == "Washington"
            && w(a.toks.end) == ","
            && b.toks.start == a.toks.end + 1
            && b.toks.end == b.toks.start + 1
            && matches!(w(b.toks.start), "D.C." | "DC")
        {
            new.push(NameSpan {
                toks: a.toks.start..b.toks.end,
                kind: EntityKind::Place,
                strong: true,
            });
            i += 2;
        } else {
            i += 1;
        }
    }
    splice(names, new);
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn washington_dc_is_one_place() {
        assert_has(
            "The talks were held in Washington, D.C. on Friday.",
            &[("Washington, D.C.", EntityKind::Place)],
        );
    }
}
