//! What one article adds to the static index: its words counted by stem,
//! its length, its named entities with the keys they are found by, and its
//! catalog entry. Computed from an [`Analysis`] (the expensive part, done on
//! many threads by the site build) and plain serde data, so a publisher can
//! keep it between runs and re-index without analysing again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::normalize::fold;
use crate::record::CatalogEntry;

/// One article's contribution to the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedDoc {
    /// Its document number.
    pub doc: u32,
    /// What the library lists.
    pub entry: CatalogEntry,
    /// Length in words (tokens inside passages), for BM25.
    pub words: u32,
    /// Every stem it uses, in stem order.
    pub terms: Vec<TermCount>,
    /// Its named entities (not dates or quantities).
    pub entities: Vec<EntityNames>,
}

/// A stem and how often the article's words have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    /// The stem ([`crate::normalize::stem`] of the folded word).
    pub stem: String,
    /// Occurrences.
    pub tf: u32,
}

/// One entity of the article and the keys that find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityNames {
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Mentions in the article.
    pub mentions: u32,
    /// [`entity_key`] of the name and of each alias, sorted, no repeats.
    pub keys: Vec<String>,
}

/// The key an entity is looked up by: the name folded like a search word
/// (lowercase, accents off), white space collapsed.
///
/// ```
/// use article_analysis::static_index::entity_key;
/// assert_eq!(entity_key("  Joe   BIDEN "), "joe biden");
/// assert_eq!(entity_key("Zürich"), "zurich");
/// ```
pub fn entity_key(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    fold(&words.join(" "))
}

impl IndexedDoc {
    /// The contribution of an analysed article.
    pub fn of(doc: u32, analysis: &Analysis, entry: CatalogEntry) -> IndexedDoc {
        let mut by_stem: BTreeMap<&str, u32> = BTreeMap::new();
        for t in analysis.index.terms() {
            let n = u32::try_from(t.postings.len()).unwrap_or(u32::MAX);
            let slot = by_stem.entry(t.stem.as_str()).or_default();
            *slot = slot.saturating_add(n);
        }
        let terms = by_stem
            .into_iter()
            .filter(|(stem, _)| !stem.is_empty())
            .map(|(stem, tf)| TermCount {
                stem: stem.to_string(),
                tf,
            })
            .collect();
        let entities = analysis
            .entities
            .entities
            .iter()
            .filter(|e| !matches!(e.kind, EntityKind::Date | EntityKind::Quantity))
            .filter_map(|e| {
                let mut keys: Vec<String> = std::iter::once(entity_key(&e.name))
                    .chain(e.aliases.iter().map(|a| entity_key(a)))
                    .filter(|k| !k.is_empty())
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                (!keys.is_empty()).then(|| EntityNames {
                    kind: e.kind,
                    name: e.name.clone(),
                    mentions: u32::try_from(e.mentions).unwrap_or(u32::MAX),
                    keys,
                })
            })
            .collect();
        IndexedDoc {
            doc,
            entry,
            words: u32::try_from(analysis.index.token_count()).unwrap_or(u32::MAX),
            terms,
            entities,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ArticleRecord;
    use crate::Article;

    #[test]
    fn an_article_counts_its_stems_and_names_its_entities() {
        let a = Analysis::new(Article::parse(
            "a.txt",
            "Joe Biden visited Kyiv on Monday. Biden met soldiers; the soldier said missiles fell.",
        ));
        let entry = CatalogEntry::of(&ArticleRecord::of(&a), "articles/a.0.bin".into());
        let d = IndexedDoc::of(7, &a, entry);
        assert_eq!(d.doc, 7);
        let tf = |s: &str| d.terms.iter().find(|t| t.stem == s).map(|t| t.tf);
        assert_eq!(tf("soldier"), Some(2), "soldiers + soldier");
        assert_eq!(tf("biden"), Some(2));
        assert!(d.terms.windows(2).all(|w| w[0].stem < w[1].stem));
        assert_eq!(d.words as usize, a.index.token_count());
        let biden = d.entities.iter().find(|e| e.name == "Joe Biden").expect("Biden");
        assert_eq!(biden.kind, EntityKind::Person);
        assert!(biden.keys.contains(&"joe biden".to_string()));
        assert!(biden.keys.contains(&"biden".to_string()));
        assert!(d.entities.iter().all(|e| e.kind != EntityKind::Date), "no dates");
    }
}
