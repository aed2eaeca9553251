//! One article, analysed once: its search index, its entities, and which
//! passages mention which entity. The app keeps one [`Analysis`] per open
//! article and derives everything it shows from it.
//!
//! ```
//! use article_analysis::{Analysis, Article};
//! let a = Analysis::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv.\nThen he left Kyiv."));
//! assert_eq!(a.article.paragraphs.len(), 2);
//! assert_eq!(a.passages_with_all(&[]), vec![0, 1]);
//! ```

use std::ops::Range;

use crate::document::Article;
use crate::entities::places::{place_facts, PlaceFacts};
use crate::entities::{self, Entities};
use crate::quotes::Quote;
use crate::record::ArticleRecord;
use crate::search::{Index, IndexBuilder};
use crate::timeline::Timeline;

/// An analysed article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The article itself.
    pub article: Article,
    /// The search index over its paragraphs.
    pub index: Index,
    /// Its entities and their mentions (spans into `article.body`).
    pub entities: Entities,
    /// For each paragraph, the range of `entities.mentions` that start in it.
    pub passage_mentions: Vec<Range<usize>>,
    /// For each paragraph, the sorted, distinct entities it mentions.
    pub passage_entities: Vec<Vec<usize>>,
    /// For each entity, what its card says about its country.
    pub places: Vec<PlaceFacts>,
    /// Who said what (found once, when the article is analysed).
    pub quotes: Vec<Quote>,
    /// The dates and times it mentions, normalized (found once too).
    pub timeline: Timeline,
}

/// Analyses an article in steps, so a long text can be analysed a slice at
/// a time with the page answering between slices (and a progress bar).
///
/// ```
/// use article_analysis::{analysis::Analyzer, Article};
/// let mut job = Analyzer::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv.\nThen he left."));
/// while !job.step(1) {
///     assert!(job.progress() < 1.0);
/// }
/// let a = job.finish();
/// assert_eq!(a.article.paragraphs.len(), 2);
/// ```
pub struct Analyzer {
    article: Article,
    index: Option<Index>,
    extractor: entities::Extractor,
}

impl Analyzer {
    /// Starts analysing `article`.
    pub fn new(article: Article) -> Analyzer {
        let extractor = entities::Extractor::new(&article.body);
        Analyzer {
            article,
            index: None,
            extractor,
        }
    }

    /// Does about `budget` paragraphs of work; returns true when everything
    /// is done.
    pub fn step(&mut self, budget: usize) -> bool {
        if self.index.is_none() {
            self.index = Some(Index::build(&self.article.body, &self.article.passages()));
            return false;
        }
        self.extractor.step(&self.article.body, budget.max(1))
    }

    /// How far it is, from 0 to 1.
    pub fn progress(&self) -> f64 {
        let index_share = 0.1;
        if self.index.is_none() {
            0.0
        } else {
            index_share + (1.0 - index_share) * self.extractor.progress()
        }
    }

    /// Finishes (doing whatever is left) and returns the analysis.
    pub fn finish(mut self) -> Analysis {
        while !self.step(usize::MAX) {}
        let index = self.index.unwrap_or_default();
        let entities = self.extractor.finish(&self.article.body);
        let places = place_facts(&entities);
        let mut a = Analysis::assemble(self.article, index, entities, places);
        a.quotes = a.find_quotes();
        a.timeline = a.find_timeline();
        a
    }
}

/// [`Analysis::from_record`] in steps (the search index is the costly
/// part), so the page can take in a long text between browser ticks.
///
/// ```
/// use article_analysis::analysis::Loader;
/// use article_analysis::record::ArticleRecord;
/// use article_analysis::{Analysis, Article};
/// let a = Analysis::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv.\nThen he left."));
/// let mut loader = Loader::new(ArticleRecord::of(&a));
/// while !loader.step(1) {}
/// assert_eq!(loader.finish().entities, a.entities);
/// ```
pub struct Loader {
    record: ArticleRecord,
    passages: Vec<crate::segment::Span>,
    builder: IndexBuilder,
}

impl Loader {
    /// Starts taking in `record`.
    pub fn new(record: ArticleRecord) -> Loader {
        let passages = record.article.passages();
        let builder = IndexBuilder::for_text(&record.article.body, passages.len());
        Loader {
            record,
            passages,
            builder,
        }
    }

    /// Indexes about `budget` more words; true when everything is done.
    pub fn step(&mut self, budget: usize) -> bool {
        self.builder
            .step(&self.record.article.body, &self.passages, budget)
    }

    /// How far it is, from 0 to 1.
    pub fn progress(&self) -> f64 {
        self.builder.progress(self.passages.len())
    }

    /// The analysis (whatever is left is indexed now).
    pub fn finish(mut self) -> Analysis {
        while !self.step(usize::MAX) {}
        let r = self.record;
        let index = self.builder.finish();
        let mut a = Analysis::assemble(r.article, index, r.entities, r.places);
        a.quotes = r.quotes;
        a.timeline = r.timeline;
        a
    }
}

impl Analysis {
    /// Segments, indexes and extracts entities from `article` in one go.
    pub fn new(article: Article) -> Analysis {
        Analyzer::new(article).finish()
    }

    /// An analysis from a record written by the build or the analyser
    /// worker: only the search index and the passage maps are computed (no
    /// entity model needed). [`Loader`] does the same in steps.
    pub fn from_record(record: ArticleRecord) -> Analysis {
        let mut loader = Loader::new(record);
        while !loader.step(usize::MAX) {}
        loader.finish()
    }

    fn assemble(article: Article, index: Index, entities: Entities, places: Vec<PlaceFacts>) -> Analysis {
        let passages = article.passages();
        let mut passage_mentions = Vec::with_capacity(passages.len());
        let mut passage_entities = Vec::with_capacity(passages.len());
        let mut m = 0;
        for p in &passages {
            // Mentions before this passage (between paragraphs) are skipped.
            while m < entities.mentions.len() && entities.mentions[m].span.start < p.start {
                m += 1;
            }
            let first = m;
            while m < entities.mentions.len() && entities.mentions[m].span.start < p.end {
                m += 1;
            }
            let mut ids: Vec<usize> = entities.mentions[first..m].iter().map(|x| x.entity).collect();
            ids.sort_unstable();
            ids.dedup();
            passage_mentions.push(first..m);
            passage_entities.push(ids);
        }
        Analysis {
            article,
            index,
            entities,
            passage_mentions,
            passage_entities,
            places,
            quotes: Vec::new(),
            timeline: Timeline::default(),
        }
    }

    /// The same analysis with other entities of its text (the reader's
    /// corrections: [`crate::annotations::corrections::apply`]): the
    /// per-paragraph mention ranges and entity sets are computed again, the
    /// search index is kept.
    ///
    /// ```
    /// use article_analysis::annotations::corrections::{apply, Correction, EntityKey};
    /// use article_analysis::{Analysis, Article};
    /// let a = Analysis::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv.\nThen he left Kyiv."));
    /// let kyiv = a.entities.entities.iter().find(|e| e.name == "Kyiv").unwrap();
    /// let fixed = apply(&a.article.body, &a.entities, &[Correction::NotAnEntity { key: EntityKey::of(kyiv) }]);
    /// let a = a.with_entities(fixed);
    /// assert_eq!(a.entity_by_id("place-kyiv"), None);
    /// assert_eq!(a.passage_entities, vec![vec![0], vec![]], "only Joe Biden is left");
    /// ```
    pub fn with_entities(self, entities: Entities) -> Analysis {
        // Place facts follow the entity ids (a renamed or merged entity keeps
        // its id); the gazetteers are not needed again.
        let places = entities
            .entities
            .iter()
            .map(|e| {
                self.entity_by_id(&e.id)
                    .and_then(|i| self.places.get(i).cloned())
                    .unwrap_or_default()
            })
            .collect();
        // Speakers follow their ids too (a merged speaker becomes the entity
        // it was merged into only if it kept the id; otherwise unattributed).
        let mut quotes = self.quotes.clone();
        for q in &mut quotes {
            q.speaker = q
                .speaker
                .and_then(|i| self.entities.entities.get(i))
                .and_then(|old| entities.entities.iter().position(|e| e.id == old.id));
        }
        let timeline = self.timeline.clone();
        let mut a = Analysis::assemble(self.article, self.index, entities, places);
        a.quotes = quotes;
        a.timeline = timeline;
        a
    }

    /// The passages (paragraph indices, ascending) that mention every entity
    /// in `selected`. With nothing selected, every passage.
    pub fn passages_with_all(&self, selected: &[usize]) -> Vec<usize> {
        (0..self.passage_entities.len())
            .filter(|&p| {
                selected
                    .iter()
                    .all(|e| self.passage_entities[p].binary_search(e).is_ok())
            })
            .collect()
    }

    /// The index of the entity with this id.
    pub fn entity_by_id(&self, id: &str) -> Option<usize> {
        self.entities.entities.iter().position(|e| e.id == id)
    }
}

// Records, quotes and the timeline are plain data of their own modules; what
// makes them from an analysis lives here, so those modules never import this
// one.
impl ArticleRecord {
    /// The record of an analysed article (its place facts as the analysis
    /// holds them, so no gazetteer is needed: the page saves records too).
    pub fn of(a: &Analysis) -> ArticleRecord {
        ArticleRecord {
            article: a.article.clone(),
            entities: a.entities.clone(),
            places: a.places.clone(),
            quotes: a.quotes.clone(),
            timeline: a.timeline.clone(),
        }
    }
}

impl Analysis {
    /// The quotes of this article (see [`crate::quotes::find`]; the same result, reusing
    /// the words the search index holds).
    pub fn find_quotes(&self) -> Vec<Quote> {
        crate::quotes::find_in(
            &self.article.body,
            &self.article.paragraphs,
            &self.entities,
            Some(&self.index),
        )
    }
}

impl Analysis {
    /// The timeline of this article (see [`crate::timeline::timeline`]; the same result,
    /// reusing the words the search index holds).
    pub fn find_timeline(&self) -> Timeline {
        crate::timeline::timeline_in(
            &self.article.body,
            &self.article.paragraphs,
            &self.entities,
            self.article.meta.date.as_deref(),
            Some(&self.index),
        )
    }
}
