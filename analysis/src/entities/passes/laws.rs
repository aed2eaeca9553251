//! Numbered resolutions are laws, with the body that issued them
//! ("Security Council Resolution 2328").

use crate::entities::rules::NameSpan;
use crate::entities::token::{TokKind, Token};
use crate::entities::EntityKind;

/// Numbered resolutions are laws (other names), number included:
/// "Resolution 2328"; an organization right before one issued it and is part
/// of the name: "Security Council Resolution 2328". `names` is sorted.
pub fn join_laws(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    const NONE: usize = usize::MAX;
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    // Which name covers each token; names dropped; names added.
    let mut owner = vec![NONE; toks.len()];
    for (i, n) in names.iter().enumerate() {
        for c in owner.get_mut(n.toks.clone()).into_iter().flatten() {
            *c = i;
        }
    }
    let mut dropped = vec![false; names.len()];
    let mut added: Vec<NameSpan> = Vec::new();
    for k in 0..toks.len() {
        if w(k) != "Resolution" || toks.get(k + 1).is_none_or(|t| t.kind != TokKind::Number) {
            continue;
        }
        // The name holding "Resolution" (ending there), if any, or a new one.
        let law = match owner.get(k).copied() {
            Some(NONE) | None => None,
            Some(h) if names.get(h).is_some_and(|n| n.toks.end == k + 1) => Some(h),
            Some(_) => continue,
        };
        // The number must not start another name.
        if let Some(&n) = owner.get(k + 1) {
            if names.get(n).is_some_and(|x| x.toks.start == k + 1) {
                if let Some(d) = dropped.get_mut(n) {
                    *d = true;
                }
            }
        }
        let start = law.and_then(|h| names.get(h)).map_or(k, |n| n.toks.start);
        // An organization right before issued it: "Security Council | Resolution 2328".
        let issuer = start
            .checked_sub(1)
            .and_then(|p| owner.get(p).copied())
            .filter(|&p| {
                names
                    .get(p)
                    .is_some_and(|n| n.kind == EntityKind::Organization && n.toks.end == start)
                    && !dropped.get(p).copied().unwrap_or(true)
            });
        let from = match issuer {
            Some(p) => {
                if let Some(d) = dropped.get_mut(p) {
                    *d = true;
                }
                names.get(p).map_or(start, |n| n.toks.start)
            }
            None => start,
        };
        let span = NameSpan {
            toks: from..k + 2,
            kind: EntityKind::Other,
            strong: true,
        };
        match law.and_then(|h| names.get_mut(h)) {
            Some(n) => *n = span,
            None => added.push(span),
        }
    }
    if added.is_empty() && !dropped.contains(&true) {
        return;
    }
    let mut i = 0;
    names.retain(|_| {
        i += 1;
        !dropped.get(i - 1).copied().unwrap_or(false)
    });
    names.extend(added);
    names.sort_by_key(|n| n.toks.start);
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn numbered_resolutions_are_laws() {
        // From a UK Government statement (Open Government Licence v3.0).
        let text = "On 19 December the UN Security Council adopted Resolution 2328. All parties must comply with Security Council Resolution 2328 to ensure that civilians are protected.";
        let got = assert_has(
            text,
            &[
                ("Resolution 2328", EntityKind::Other),
                ("Security Council Resolution 2328", EntityKind::Other),
            ],
        );
        assert!(
            !got.iter()
                .any(|(s, k)| *s == "2328" && *k == EntityKind::Quantity),
            "{got:?}"
        );
    }
}
