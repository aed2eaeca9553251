//! Entity extraction: people, organizations, places, groups, other names,
//! dates and quantities, with alias merging.
//!
//! The pipeline, per paragraph: [`token`] splits words, [`rules`] finds
//! capitalized names (titles, sentence-initial words and leading "the"
//! excluded, kinds from gazetteers and head words), [`temporal`] finds dates
//! and quantities; then [`merge`] joins mentions into entities (surnames to
//! full names, acronyms to expansions, country aliases, demonyms linked to
//! their country).
//!
//! ```
//! use article_analysis::entities::{extract, EntityKind};
//! let text = "U.S. President Joe Biden spoke in Kyiv. Biden's plan was welcomed.";
//! let e = extract(text);
//! let biden = e.entities.iter().find(|x| x.name == "Joe Biden").unwrap();
//! assert_eq!(biden.kind, EntityKind::Person);
//! assert_eq!(biden.mentions, 2);
//! ```
use std::ops::Range;

pub mod combine;
pub mod features;
pub mod gazetteer;
pub mod merge;
pub mod rules;
pub mod tagger;
pub mod temporal;
pub mod token;

use crate::segment;

/// The kinds of entity the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// People.
    Person,
    /// Organizations.
    Organization,
    /// Places.
    Place,
    /// Groups: nationalities, demonyms, religious and political groups.
    Group,
    /// Other names: weapons, products, events, works, laws.
    Other,
    /// Dates and times.
    Date,
    /// Quantities, money, percentages.
    Quantity,
}

/// One mention in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Its kind.
    pub kind: EntityKind,
    /// Index into [`Entities::entities`].
    pub entity: usize,
}

/// One entity with its merged aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable, URL-safe id, unique in the document.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Related entity (a demonym's country).
    pub related: Option<usize>,
}

/// All entities of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Mentions, sorted by start, not overlapping.
    pub mentions: Vec<Mention>,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
        EntityKind::Date,
        EntityKind::Quantity,
    ];

    /// A lowercase name: "person", "organization", "place", "group", "other",
    /// "date", "quantity".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
            EntityKind::Date => "date",
            EntityKind::Quantity => "quantity",
        }
    }

    /// The kind named by [`EntityKind::as_str`], if any.
    pub fn from_str_opt(s: &str) -> Option<Self> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A plural heading for lists: "People", "Organizations", ...
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organizations",
            EntityKind::Place => "Places",
            EntityKind::Group => "Groups",
            EntityKind::Other => "Other names",
            EntityKind::Date => "Dates & times",
            EntityKind::Quantity => "Quantities",
        }
    }

    /// The CoNLL-2003 label (PER, ORG, LOC, MISC); dates and quantities
    /// have none.
    pub fn conll(self) -> Option<&'static str> {
        match self {
            EntityKind::Person => Some("PER"),
            EntityKind::Organization => Some("ORG"),
            EntityKind::Place => Some("LOC"),
            EntityKind::Group | EntityKind::Other => Some("MISC"),
            EntityKind::Date | EntityKind::Quantity => None,
        }
    }
}

/// Extracts the entities of `text` (an article body: paragraphs separated by
/// newlines or blank lines). Never panics; mentions never cross paragraphs.
pub fn extract(text: &str) -> Entities {
    let mut raws = Vec::new();
    let paras = segment::paragraphs(text);
    let all_toks: Vec<Vec<token::Token>> = paras.iter().map(|p| token::tokenize(text, p.clone())).collect();
    let model = tagger::model();
    let mut doc = features::DocStats::default();
    if model.is_some() {
        for toks in &all_toks {
            doc.add(text, toks);
        }
    }
    let mut all_names: Vec<Vec<rules::NameSpan>> = all_toks
        .iter()
        .map(|toks| {
            let rule_names = rules::find_names(text, toks);
            match model {
                Some(m) => {
                    let mut infos = features::token_infos(text, toks, &doc);
                    features::set_rule_tags(&mut infos, &rule_names);
                    combine::combine(text, toks, &infos, m, rule_names)
                }
                None => rule_names,
            }
        })
        .collect();
    if model.is_some() {
        combine::propagate(text, &all_toks, &mut all_names);
    }
    for (toks, names) in all_toks.iter().zip(all_names) {
        let mut taken = vec![false; toks.len()];
        let mut found: Vec<(Range<usize>, EntityKind, bool)> = Vec::new();
        for n in names {
            for t in taken.iter_mut().take(n.toks.end).skip(n.toks.start) {
                *t = true;
            }
            found.push((n.toks, n.kind, n.strong));
        }
        for (r, kind) in temporal::find(text, toks, &taken) {
            found.push((r, kind, true));
        }
        found.sort_by_key(|f| f.0.start);
        for (r, kind, strong) in found {
            let (Some(first), Some(last)) =
                (toks.get(r.start), r.end.checked_sub(1).and_then(|e| toks.get(e)))
            else {
                continue;
            };
            if first.span.start < last.span.end {
                raws.push(merge::Raw {
                    span: first.span.start..last.span.end,
                    kind,
                    strong,
                });
            }
        }
    }
    merge::build(text, raws)
}
