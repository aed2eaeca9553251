//! Titles in quotes after a cue are works (`the single "Rock Out"`).

use super::splice;
use crate::entities::lexicon::noun_kind;
use crate::entities::rules::{is_cap_word, NameSpan};
use crate::entities::token::{TokKind, Token};
use crate::entities::EntityKind;

/// A title in quotes is another name (a work): `the single "Rock Out"`,
/// `a cover of "Stronger"`, `"Cancer for the Cure" is a single`. The quoted
/// words are in title case (small words aside) and a cue says what they
/// name: a work noun or "called", "titled" just before, the next item of
/// a list of quoted titles, or "is a ... song" after. Quoted speech has
/// lowercase words and no such cue. `names` is sorted.
pub fn quoted_titles(text: &str, toks: &[Token], names: &mut Vec<NameSpan>) {
    const CUES: &[&str] = &[
        "song", "songs", "single", "singles", "album", "albums", "track", "tracks", "film", "films", "movie",
        "book", "books", "novel", "poem", "poems", "show", "series", "episode", "play", "opera", "musical",
        "video", "hit", "hits", "anthem", "ballad", "record", "EP", "called", "titled", "entitled", "named",
        "dubbed", "cover",
    ];
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "as", "is",
    ];
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let is_open = |k: usize| matches!(w(k), "\"" | "“");
    let is_close = |k: usize| matches!(w(k), "\"" | "”");
    let mut new = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !is_open(k) {
            k += 1;
            continue;
        }
        let Some(close) = (k + 1..toks.len().min(k + 11)).find(|&c| is_close(c)) else {
            k += 1;
            continue;
        };
        // The title, without a comma or period before the closing quote.
        let mut end = close;
        while end > k + 1 && matches!(w(end - 1), "," | ".") {
            end -= 1;
        }
        let inner = k + 1..end;
        let title_case = !inner.is_empty()
            && toks
                .get(k + 1)
                .is_some_and(|t| is_cap_word(text, t) || t.kind == TokKind::Number)
            && inner.clone().all(|i| match toks.get(i) {
                Some(t) if t.kind == TokKind::Word => is_cap_word(text, t) || SMALL.contains(&w(i)),
                Some(t) if t.kind == TokKind::Number => true,
                _ => matches!(w(i), "!" | "?" | "&" | "'" | "’" | "-" | ":"),
            });
        if !title_case {
            k = close;
            continue;
        }
        let before = |d: usize| k.checked_sub(d).map_or("", w);
        let cue_before = CUES.contains(&before(1))
            || (matches!(before(1), "the" | "a" | "an" | "his" | "her" | "their" | "its") && CUES.contains(&before(2)))
            // The next item of a list of quoted titles: `"A", "B" and "C"`.
            || (matches!(before(1), "," | "and" | "or" | "/")
                && (k >= 2 && is_close(k - 2) || (before(1) == "," && k >= 3 && is_close(k - 3))));
        let cue_after =
            matches!(w(close + 1), "is" | "was") && (close + 2..close + 6).any(|i| CUES.contains(&w(i)));
        if !(cue_before || cue_after) {
            k = close;
            continue;
        }
        // `a band called "X"`, `a town named "X"`: what the noun says.
        let kind = if matches!(before(1), "called" | "named" | "dubbed") {
            [before(2), before(3)]
                .iter()
                .find_map(|b| noun_kind(b))
                .unwrap_or(EntityKind::Other)
        } else {
            EntityKind::Other
        };
        new.push(NameSpan {
            toks: k + 1..end,
            kind,
            strong: true,
        });
        k = close + 1;
    }
    splice(names, new);
}

#[cfg(test)]
mod tests {
    use crate::entities::test_assert_has as assert_has;
    use crate::entities::EntityKind;

    #[test]
    fn quoted_titles_are_works() {
        // Written for this test in the style of a music review.
        use EntityKind::Other;
        let got = assert_has(
            "The band released the single \"Rock the Night\" in May, with the songs \"Fallen\", \"Savior\" and \
             \"The Story\" to follow. \"We will tour again,\" the singer said.",
            &[("Rock the Night", Other), ("Fallen", Other), ("Savior", Other), ("The Story", Other)],
        );
        assert!(!got.iter().any(|(s, _)| s.contains("tour")), "{got:?}");
    }
}
