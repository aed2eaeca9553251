//! The published archive's index (`index/`, written by the site build; see
//! `article_analysis::static_index`): opened on first use (its manifest
//! fetched then, never at start, so the first load does not grow with the
//! archive), then queried with asynchronous fetches of only the files a
//! query needs. The reader keeps what it decoded, so a query typed a letter
//! further is answered from memory; the service worker keeps the files it
//! fetched for offline use.

use std::future::Future;
use std::rc::Rc;

use article_analysis::record::CatalogEntry;
use article_analysis::search::Query;
use article_analysis::static_index::{DocCount, EntityMatch, Error, Fetch, Reader, Snippet, TopEntities};
use leptos::prelude::*;

/// Characters of context on each side of a match in a snippet.
pub const SNIPPET_RADIUS: usize = 70;

/// The index files, fetched from `index/` beside the app.
#[derive(Debug, Clone, Copy)]
pub struct IndexFiles;

impl Fetch for IndexFiles {
    fn fetch(&self, name: &str) -> impl Future<Output = Option<Vec<u8>>> {
        let url = format!("index/{name}");
        async move { crate::fetch::bytes(&url).await }
    }
}

/// One published article in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveHit {
    /// Title, record file…
    pub entry: CatalogEntry,
    /// The passage that matches.
    pub snippet: Option<Snippet>,
}

/// The published articles that match a query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArchiveResults {
    /// The query they answer.
    pub query: String,
    /// How many articles match.
    pub total: u32,
    /// Estimated (a word being typed).
    pub approximate: bool,
    /// Words left out as too common.
    pub ignored: Vec<String>,
    /// The best ones, with snippets.
    pub hits: Vec<ArchiveHit>,
    /// More can be listed.
    pub more: bool,
}

/// An entity of the archive and the articles that mention it most.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveEntity {
    /// Kind, name, counts.
    pub found: EntityMatch,
    /// Articles with their mentions, most first.
    pub articles: Vec<(CatalogEntry, u32)>,
}

/// The archive context.
#[derive(Clone, Copy)]
pub struct Archive {
    reader: StoredValue<Option<Rc<Reader<IndexFiles>>>, LocalStorage>,
}

impl Archive {
    /// An archive not opened yet.
    pub fn new() -> Archive {
        Archive {
            reader: StoredValue::new_local(None),
        }
    }

    async fn reader(self) -> Result<Rc<Reader<IndexFiles>>, Error> {
        if let Some(r) = self.reader.get_value() {
            return Ok(r);
        }
        let r = Rc::new(Reader::open(IndexFiles).await?);
        self.reader.set_value(Some(r.clone()));
        Ok(r)
    }

    /// The `count` best articles for `query`, with snippets.
    pub async fn search(self, query: String, count: usize) -> Result<ArchiveResults, Error> {
        let reader = self.reader().await?;
        let ranking = reader.rank(&query).await?;
        let docs: Vec<u32> = ranking.results.iter().take(count).map(|s| s.doc).collect();
        let fragments = reader.fragments(&docs).await?;
        let parsed = Query::parse(&query);
        let hits = fragments
            .iter()
            .map(|f| ArchiveHit {
                entry: f.entry.clone(),
                snippet: f.snippet(&parsed, SNIPPET_RADIUS),
            })
            .collect();
        Ok(ArchiveResults {
            query,
            total: ranking.total,
            approximate: ranking.approximate,
            ignored: ranking.ignored,
            hits,
            more: ranking.results.len() > count,
        })
    }

    /// The entities named `name` (or with it as an alias), each with the
    /// `count` articles that mention it most.
    pub async fn entity(self, name: String, count: usize) -> Result<Vec<ArchiveEntity>, Error> {
        let reader = self.reader().await?;
        let mut out = Vec::new();
        for found in reader.entity(&name).await? {
            let top: Vec<DocCount> = if found.top.len() < count && found.rest.is_some() {
                reader.entity_articles(&found).await?
            } else {
                found.top.clone()
            };
            let top: Vec<DocCount> = top.into_iter().take(count).collect();
            let docs: Vec<u32> = top.iter().map(|d| d.doc).collect();
            let fragments = reader.fragments(&docs).await?;
            let articles = fragments
                .iter()
                .zip(&top)
                .map(|(f, d)| (f.entry.clone(), d.count))
                .collect();
            out.push(ArchiveEntity { found, articles });
        }
        Ok(out)
    }

    /// A published article by id (one not in the boot data's catalog).
    pub async fn article(self, id: String) -> Result<Option<CatalogEntry>, Error> {
        let reader = self.reader().await?;
        Ok(reader.article(&id).await?.map(|e| e.entry))
    }

    /// The entities found in the most published articles.
    pub async fn top_entities(self) -> Result<Rc<TopEntities>, Error> {
        self.reader().await?.top_entities().await
    }
}

impl Default for Archive {
    fn default() -> Self {
        Archive::new()
    }
}
