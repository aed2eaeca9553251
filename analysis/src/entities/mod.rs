//! Entity extraction: people, organizations, places, groups, other names,
//! dates and quantities, with alias merging. A pipeline, in this order:
//!
//! 1. Per paragraph: [`token`] splits words; a paragraph set in capitals
//!    goes to [`caps`] (its words looked up in the lists); any other,
//!    [`rules`] finds capitalized names, [`features`] computes each token's
//!    facts (word lists of [`gazetteer`], shape, document statistics, the
//!    rule names) and the averaged-perceptron [`tagger`] (`models/ner.bin`,
//!    trained by `src/bin/train.rs`) tags names, which [`combine`] corrects
//!    and completes (titles, offices, head words, numbered units,
//!    designations, known places, lone words).
//! 2. The [`passes`], one file each, in the order of [`passes::PASSES`]:
//!    datelines, names found elsewhere in the document, acronyms of the
//!    document's names, kinds given by a description, list labels, laws,
//!    nicknames, listed organizations spelled in lowercase ("al-Qaida"),
//!    "Washington, D.C.", organizations named with "and", quoted titles,
//!    clubs in sports reports and results tables.
//! 3. [`temporal`] finds dates and quantities in what is left; [`merge`]
//!    gives each name one kind and joins mentions into entities (surnames
//!    to full names, acronyms to expansions, country aliases, demonyms
//!    linked to their country).
//!
//! The words the rules test live in `analysis/data/` ([`lexicon`] for the
//! rule words, [`gazetteer`] for the name lists), each with its provenance
//! in `analysis/data/README.md`. `entities --explain` shows which stage or
//! pass produced or changed each span.
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

pub mod caps;
pub mod combine;
pub mod features;
pub mod gazetteer;
pub mod hashing;
pub mod lexicon;
pub mod merge;
pub mod passes;
pub mod rules;
pub mod tagger;
pub mod temporal;
pub mod token;

use crate::segment;

/// The kinds of entity the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Its kind.
    pub kind: EntityKind,
    /// Index into [`Entities::entities`].
    pub entity: usize,
}

/// One entity with its merged aliases.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entities {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Mentions, sorted by start, not overlapping.
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// The mentions of entity `entity` (index into `entities`), in text order.
    pub fn mentions_of(&self, entity: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.entity == entity)
    }
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

    /// A singular label: "Person", "Organization", "Place", "Group",
    /// "Other name", "Date or time", "Quantity".
    pub fn singular_label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
            EntityKind::Group => "Group",
            EntityKind::Other => "Other name",
            EntityKind::Date => "Date or time",
            EntityKind::Quantity => "Quantity",
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

/// Every mention of `text` as (surface, kind), for the unit tests.
#[cfg(test)]
pub(crate) fn test_spans(text: &str) -> Vec<(&str, EntityKind)> {
    extract(text)
        .mentions
        .iter()
        .map(|m| (&text[m.span.clone()], m.kind))
        .collect()
}

/// Extracts `text` and asserts that every `(surface, kind)` is a mention;
/// returns every mention (for the unit tests).
#[cfg(test)]
pub(crate) fn test_assert_has<'a>(text: &'a str, want: &[(&str, EntityKind)]) -> Vec<(&'a str, EntityKind)> {
    let got = test_spans(text);
    for w in want {
        assert!(got.contains(w), "{w:?} not in {got:?}");
    }
    got
}

/// Extracts the entities of `text` (an article body: paragraphs separated by
/// newlines or blank lines). Never panics; mentions never cross paragraphs.
pub fn extract(text: &str) -> Entities {
    Extractor::new(text).finish(text)
}

/// Extraction as a resumable job, for long texts: [`Extractor::step`] does a
/// slice of paragraphs at a time (tokenizing and document statistics first,
/// then tagging, the expensive part); [`Extractor::finish`] does what needs
/// the whole document (marking names found elsewhere, dates and quantities,
/// alias merging). `extract(text)` is `Extractor::new(text).finish(text)`.
///
/// ```
/// use article_analysis::entities::{extract, Extractor};
/// let text = "Joe Biden spoke.\nBiden left for Kyiv.";
/// let mut job = Extractor::new(text);
/// while !job.step(text, 1) {}
/// assert_eq!(job.finish(text), extract(text));
/// ```
pub struct Extractor {
    paras: Vec<Range<usize>>,
    toks: Vec<Vec<token::Token>>,
    doc: features::DocStats,
    names: Vec<Vec<rules::NameSpan>>,
    options: Options,
    trace: Vec<passes::Trace>,
}

/// How to extract: passes to leave out, whether to record what each pass
/// did (`entities --skip`, `--explain`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Names of passes of [`passes::PASSES`] not to run.
    pub skip: Vec<String>,
    /// Record a [`passes::Trace`] of every change (see
    /// [`Extractor::finish_explained`]).
    pub explain: bool,
}

/// Tokenizing is this many times cheaper than tagging, per paragraph.
const TOKENIZE_SPEEDUP: usize = 8;

impl Extractor {
    /// Starts a job over `text` (the same text must be passed to every call).
    pub fn new(text: &str) -> Extractor {
        Extractor::with_options(text, Options::default())
    }

    /// Starts a job with [`Options`].
    pub fn with_options(text: &str, options: Options) -> Extractor {
        let paras = segment::paragraphs(text);
        Extractor {
            toks: Vec::with_capacity(paras.len()),
            names: Vec::with_capacity(paras.len()),
            paras,
            doc: features::DocStats::default(),
            options,
            trace: Vec::new(),
        }
    }

    /// Does about `budget` paragraphs of tagging (or more of tokenizing);
    /// returns true when only [`Extractor::finish`] is left.
    pub fn step(&mut self, text: &str, budget: usize) -> bool {
        let model = tagger::model();
        if self.toks.len() < self.paras.len() {
            let end = self.paras.len().min(
                self.toks
                    .len()
                    .saturating_add(budget.saturating_mul(TOKENIZE_SPEEDUP)),
            );
            for p in self.toks.len()..end {
                let toks = token::tokenize(text, self.paras[p].clone());
                if model.is_some() {
                    self.doc.add(text, &toks);
                }
                self.toks.push(toks);
            }
            return false;
        }
        let end = self.toks.len().min(self.names.len().saturating_add(budget));
        for p in self.names.len()..end {
            let toks = &self.toks[p];
            let shouting = caps::is_shouting(text, toks);
            let names = if shouting {
                caps::shouted_names(text, toks)
            } else {
                let rule_names = rules::find_names(text, toks);
                match model {
                    Some(m) => {
                        let mut infos = features::token_infos(text, toks, &mut self.doc);
                        features::set_rule_tags(&mut infos, &rule_names);
                        combine::combine(text, toks, &infos, m, rule_names)
                    }
                    None => rule_names,
                }
            };
            if self.options.explain {
                let stage = if shouting { "capitals" } else { "tagger" };
                passes::diff(stage, toks, &[], &names, &mut self.trace);
            }
            self.names.push(names);
        }
        self.names.len() >= self.paras.len()
    }

    /// How far the job is, from 0 to 1.
    pub fn progress(&self) -> f64 {
        let n = self.paras.len().max(1) as f64;
        let tokenized = self.toks.len() as f64 / n;
        let tagged = self.names.len() as f64 / n;
        (0.15 * tokenized + 0.85 * tagged).min(1.0)
    }

    /// Finishes the job (doing any steps left) and returns the entities.
    pub fn finish(self, text: &str) -> Entities {
        self.finish_explained(text).0
    }

    /// Finishes the job and returns the entities with what each stage and
    /// pass did (empty unless [`Options::explain`]), in order.
    pub fn finish_explained(mut self, text: &str) -> (Entities, Vec<passes::Trace>) {
        while !self.step(text, usize::MAX) {}
        let Extractor {
            toks: all_toks,
            names: mut all_names,
            options,
            mut trace,
            ..
        } = self;
        let explain = options.explain.then_some(&mut trace);
        passes::run(
            text,
            &all_toks,
            &mut all_names,
            tagger::model().is_some(),
            &options.skip,
            explain,
        );
        let mut raws = Vec::new();
        for (toks, names) in all_toks.iter().zip(all_names) {
            let taken = passes::covered(toks.len(), &names);
            let mut found: Vec<(Range<usize>, EntityKind, bool)> =
                names.into_iter().map(|n| (n.toks, n.kind, n.strong)).collect();
            for (r, kind) in temporal::find(text, toks, &taken) {
                if options.explain {
                    trace.extend(passes::byte_span(toks, &r).map(|span| passes::Trace {
                        pass: "dates",
                        span,
                        kind: Some(kind),
                        was: None,
                    }));
                }
                found.push((r, kind, true));
            }
            found.sort_by_key(|f| f.0.start);
            for (r, kind, strong) in found {
                if let Some(span) = passes::byte_span(toks, &r).filter(|s| s.start < s.end) {
                    raws.push(merge::Raw { span, kind, strong });
                }
            }
        }
        let guessed: Vec<(Range<usize>, EntityKind)> = if options.explain {
            raws.iter().map(|r| (r.span.clone(), r.kind)).collect()
        } else {
            Vec::new()
        };
        let entities = merge::build(text, raws);
        // The kinds merging changed (one kind per name, surnames, acronyms).
        for ((span, was), m) in guessed.into_iter().zip(&entities.mentions) {
            if m.kind != was {
                trace.push(passes::Trace {
                    pass: "merge",
                    span,
                    kind: Some(m.kind),
                    was: Some(was),
                });
            }
        }
        (entities, trace)
    }
}
