//! An article record in pieces, read one piece at a time: how the analyser
//! worker sends a reader's text and how the library keeps it, so that a
//! page can read a record of a 50 MB text in steps of a few milliseconds
//! between which it keeps answering (read whole, such a record took
//! 100–270 ms; most of it the paragraph and mention lists, not the body).
//!
//! Bytes: the magic `AEp`, the format byte ([`FORMAT`]), then [`Piece`]s in
//! postcard, one after another: the head (the record without its long
//! lists), then the body, paragraphs, mentions and quotes in runs of
//! bounded size. [`Steps`] reads them; [`ArticleRecord::from_bytes`] reads
//! this form and the whole form alike.
//!
//! ```
//! use article_analysis::record::{ArticleRecord, Steps};
//! use article_analysis::{Analysis, Article};
//! let a = Analysis::new(Article::parse("a.txt", "Joe Biden spoke in Kyiv. Biden left."));
//! let record = ArticleRecord::of(&a);
//! let bytes = record.to_pieces();
//! let mut steps = Steps::new(&bytes).unwrap();
//! while !steps.step().unwrap() {}
//! assert_eq!(steps.finish().unwrap(), record);
//! ```

use serde::{Deserialize, Serialize};

use super::{encode_as, mentions_sound, paragraphs_sound, quotes_sound, ArticleRecord, RecordError, FORMAT};
use crate::document::Paragraph;
use crate::entities::Mention;
use crate::quotes::Quote;

/// The first bytes of a record in pieces.
pub(super) const PIECES_MAGIC: &[u8; 3] = b"AEp";
/// Bytes of the body per piece (cut back to a character boundary).
const BODY_BYTES: usize = 1 << 20;
/// Paragraphs per piece (each with its sentences: about 100 KB).
const PARAGRAPHS: usize = 4_096;
/// Mentions per piece (about 100 KB).
const MENTIONS: usize = 8_192;
/// Quotes per piece.
const QUOTES: usize = 4_096;

/// How long the long lists of a record are, so the reader sizes them once
/// (grown by doubling, the last growth copies the whole list in one step:
/// about 100 ms for a 50 MB text in a browser).
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Sizes {
    body: u64,
    paragraphs: u64,
    mentions: u64,
    quotes: u64,
}

/// One piece of a record.
#[derive(Serialize, Deserialize)]
enum Piece {
    /// The record without its body, paragraphs, mentions and quotes, and
    /// their sizes.
    Head(Box<ArticleRecord>, Sizes),
    /// The next part of the body.
    Body(String),
    /// The next paragraphs.
    Paragraphs(Vec<Paragraph>),
    /// The next mentions.
    Mentions(Vec<Mention>),
    /// The next quotes.
    Quotes(Vec<Quote>),
}

/// Borrowed [`Piece`], for writing without copying the record.
#[derive(Serialize)]
enum PieceRef<'a> {
    Head(&'a ArticleRecord, Sizes),
    Body(&'a str),
    Paragraphs(&'a [Paragraph]),
    Mentions(&'a [Mention]),
    Quotes(&'a [Quote]),
}

impl ArticleRecord {
    /// The record in pieces (see the module's documentation).
    pub fn to_pieces(&self) -> Vec<u8> {
        let head = ArticleRecord {
            article: crate::Article {
                id: self.article.id.clone(),
                meta: self.article.meta.clone(),
                body: String::new(),
                paragraphs: Vec::new(),
            },
            entities: crate::entities::Entities {
                entities: self.entities.entities.clone(),
                mentions: Vec::new(),
            },
            places: self.places.clone(),
            quotes: Vec::new(),
            timeline: self.timeline.clone(),
        };
        let sizes = Sizes {
            body: self.article.body.len() as u64,
            paragraphs: self.article.paragraphs.len() as u64,
            mentions: self.entities.mentions.len() as u64,
            quotes: self.quotes.len() as u64,
        };
        let mut out = encode_as(PIECES_MAGIC, FORMAT, &PieceRef::Head(&head, sizes));
        let mut put = |piece: PieceRef| {
            // Serializing plain data into a Vec cannot fail.
            out = postcard::to_extend(&piece, std::mem::take(&mut out)).unwrap_or_default();
        };
        let body = self.article.body.as_str();
        let mut start = 0;
        while start < body.len() {
            let mut end = (start + BODY_BYTES).min(body.len());
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            put(PieceRef::Body(&body[start..end]));
            start = end;
        }
        for run in self.article.paragraphs.chunks(PARAGRAPHS) {
            put(PieceRef::Paragraphs(run));
        }
        for run in self.entities.mentions.chunks(MENTIONS) {
            put(PieceRef::Mentions(run));
        }
        for run in self.quotes.chunks(QUOTES) {
            put(PieceRef::Quotes(run));
        }
        out
    }
}

/// Reads a record written by [`ArticleRecord::to_pieces`] one piece per
/// [`Steps::step`], checking each piece as it comes (what
/// [`ArticleRecord::from_bytes`] checks, so [`Steps::finish`] has little
/// left to do).
pub struct Steps<'a> {
    record: ArticleRecord,
    rest: &'a [u8],
    /// The end of the last paragraph read.
    paragraph_end: usize,
    /// The end of the last mention read.
    mention_end: usize,
}

impl<'a> Steps<'a> {
    /// Checks the magic and format and reads the head.
    pub fn new(bytes: &'a [u8]) -> Result<Steps<'a>, RecordError> {
        let rest = bytes.strip_prefix(PIECES_MAGIC).ok_or(RecordError::NotARecord)?;
        let (&found, rest) = rest.split_first().ok_or(RecordError::NotARecord)?;
        if found != FORMAT {
            return Err(RecordError::Format(found));
        }
        match postcard::take_from_bytes::<Piece>(rest) {
            Ok((Piece::Head(mut record, sizes), rest)) => {
                // Every element takes at least one byte of what is left, so
                // a damaged head cannot ask for more; and memory the browser
                // refuses only means the lists grow as they are read.
                let at_most = |n: u64| usize::try_from(n).unwrap_or(usize::MAX).min(rest.len());
                let _ = record.article.body.try_reserve_exact(at_most(sizes.body));
                let _ = (record.article.paragraphs).try_reserve_exact(at_most(sizes.paragraphs));
                let _ = (record.entities.mentions).try_reserve_exact(at_most(sizes.mentions));
                let _ = record.quotes.try_reserve_exact(at_most(sizes.quotes));
                Ok(Steps {
                    record: *record,
                    rest,
                    paragraph_end: 0,
                    mention_end: 0,
                })
            }
            _ => Err(RecordError::Corrupt),
        }
    }

    /// Reads the next piece; true when there is none left.
    pub fn step(&mut self) -> Result<bool, RecordError> {
        if self.rest.is_empty() {
            return Ok(true);
        }
        let (piece, rest) =
            postcard::take_from_bytes::<Piece>(self.rest).map_err(|_| RecordError::Corrupt)?;
        self.rest = rest;
        let r = &mut self.record;
        let body = r.article.body.as_str();
        // Checked against what is read so far: a piece out of order is
        // refused, never let through.
        let sound = match &piece {
            Piece::Head(..) => false,
            Piece::Body(_) => true,
            Piece::Paragraphs(p) => paragraphs_sound(body, p, &mut self.paragraph_end),
            Piece::Mentions(m) => mentions_sound(body, m, r.entities.entities.len(), &mut self.mention_end),
            Piece::Quotes(q) => quotes_sound(body, q, r.article.paragraphs.len(), r.entities.entities.len()),
        };
        if !sound {
            return Err(RecordError::Corrupt);
        }
        match piece {
            Piece::Head(..) => {}
            Piece::Body(s) => r.article.body.push_str(&s),
            Piece::Paragraphs(mut p) => r.article.paragraphs.append(&mut p),
            Piece::Mentions(mut m) => r.entities.mentions.append(&mut m),
            Piece::Quotes(mut q) => r.quotes.append(&mut q),
        }
        Ok(self.rest.is_empty())
    }

    /// The record, once every piece is read, if it is sound.
    pub fn finish(self) -> Result<ArticleRecord, RecordError> {
        if !self.rest.is_empty() || !self.record.rest_sound() {
            return Err(RecordError::Corrupt);
        }
        Ok(self.record)
    }
}

/// Reads a whole record in pieces at once (a small one, or in tests).
pub(super) fn read_all(bytes: &[u8]) -> Result<ArticleRecord, RecordError> {
    let mut steps = Steps::new(bytes)?;
    while !steps.step()? {}
    steps.finish()
}
