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
use crate::entities::{self, Entities};
use crate::search::Index;

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
}

impl Analysis {
    /// Segments, indexes and extracts entities from `article`.
    pub fn new(article: Article) -> Analysis {
        let passages = article.passages();
        let index = Index::build(&article.body, &passages);
        let entities = entities::extract(&article.body);
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
        }
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
