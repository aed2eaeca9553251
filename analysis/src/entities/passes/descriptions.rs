//! A name described by a common noun takes the noun's kind throughout the
//! document ("Aisby is a village in", "Caloi is a manufacturer of").

use crate::entities::gazetteer::gazetteer;
use crate::entities::lexicon::noun_kind;
use crate::entities::rules::{join, NameSpan};
use crate::entities::token::Token;
use crate::entities::EntityKind;
use std::collections::HashMap;

/// Document-level: a name described by a common noun takes the noun's kind,
/// everywhere in the document. A settlement or a natural feature is a place
/// ("Aisby is a village in ...", "Pokrovsk, a key logistics town in eastern
/// Ukraine, ..."); a company, a band or a club is an organization ("Caloi is
/// a major Brazilian manufacturer of bicycles"); an album, a film or a novel
/// is another name ("Kid A is the fourth album by ..."). The description is
/// ", a" / "is a" / "was the" and so on, then up to three lowercase words or
/// demonyms, then the noun and a word that ends the noun phrase ("in",
/// "of", "from", "based", a comma ...), so that "Smith, a company
/// spokesman" describes nobody.
pub fn kinds_by_description(text: &str, all_toks: &[Vec<Token>], all_names: &mut [Vec<NameSpan>]) {
    use EntityKind::Place;
    /// Words that may follow a place noun.
    const AFTER_PLACE: &[&str] = &["in", "of", "near", "on"];
    /// Words that may follow any other noun.
    const AFTER: &[&str] = &[
        "in",
        "of",
        "from",
        "on",
        "by",
        "based",
        "headquartered",
        "founded",
        "formed",
        "released",
        "written",
        "directed",
        "that",
        "which",
        "with",
        "and",
        "for",
        ",",
        ".",
        ";",
    ];
    let g = gazetteer();
    // The first description of each name wins.
    let mut described: HashMap<String, EntityKind> = HashMap::new();
    for (toks, names) in all_toks.iter().zip(all_names.iter()) {
        let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
        for n in names {
            let mut k = n.toks.end;
            if !matches!(w(k), "," | "is" | "was") || !matches!(w(k + 1), "a" | "an" | "the") {
                continue;
            }
            k += 2;
            let mut hit = None;
            for _ in 0..4 {
                let word = w(k);
                if let Some(kind) = noun_kind(word) {
                    let after = if kind == Place { AFTER_PLACE } else { AFTER };
                    if after.contains(&w(k + 1)) {
                        hit = Some(kind);
                    }
                    break;
                }
                let lower = !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-');
                if !(lower || g.demonym(word).is_some()) {
                    break;
                }
                k += 1;
            }
            match hit {
                // A strong name keeps its kind, unless it is a place.
                Some(kind) if !n.strong || (kind == Place && n.kind == Place) => {
                    described
                        .entry(join(text, toks, n.toks.clone()).to_lowercase())
                        .or_insert(kind);
                }
                _ => {}
            }
        }
    }
    if described.is_empty() {
        return;
    }
    for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
        for n in names.iter_mut() {
            if n.strong {
                continue;
            }
            let s = join(text, toks, n.toks.clone()).to_lowercase();
            if let Some(&kind) = described.get(&s) {
                n.kind = kind;
                // Not a surname to merge into a person ("Luigi Caloi").
                n.strong = kind != Place;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_spans as spans;
    use crate::entities::EntityKind;

    #[test]
    fn a_name_described_as_a_town_is_a_place() {
        // Written for this test in the style of a news report.
        let text = "Russian forces pressed toward Pokrovsk, a key logistics town in eastern Ukraine, on Monday.\nPokrovsk has been shelled for weeks.";
        let got = spans(text);
        assert!(
            got.iter()
                .filter(|(s, _)| *s == "Pokrovsk")
                .all(|(_, k)| *k == EntityKind::Place),
            "{got:?}"
        );
        assert!(got.iter().any(|(s, _)| *s == "Pokrovsk"), "{got:?}");
        // "eastern" is not a name.
        assert!(!got.iter().any(|(s, _)| *s == "eastern"), "{got:?}");
    }

    #[test]
    fn a_name_described_as_a_company_or_a_band_is_an_organization() {
        // Written for this test; the founder's surname must not turn the
        // company into a person, nor "River" the band into a place.
        let text = "Tramontina is a Brazilian manufacturer of cookware, based in Carlos Barbosa. \
                    Tramontina was founded in 1911 by Valentin Tramontina. Tramontina said sales rose.\n\
                    Okkervil River is an American indie rock band from Austin, Texas. \
                    Okkervil River toured Europe in 2008.";
        let got = spans(text);
        let kinds = |name: &str| -> Vec<EntityKind> {
            got.iter().filter(|(s, _)| *s == name).map(|(_, k)| *k).collect()
        };
        assert_eq!(kinds("Tramontina"), [EntityKind::Organization; 3], "{got:?}");
        assert_eq!(kinds("Valentin Tramontina"), [EntityKind::Person], "{got:?}");
        assert_eq!(kinds("Okkervil River"), [EntityKind::Organization; 2], "{got:?}");
        assert!(got.contains(&("Austin", EntityKind::Place)), "{got:?}");
    }
}
