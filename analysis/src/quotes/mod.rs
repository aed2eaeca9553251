//! Who said what: direct quotations and reported speech, each attributed
//! to a speaker entity where the article makes that possible.
//!
//! - `marks` pairs quotation marks (curly, straight, guillemets, British
//!   single quotes) into quoted stretches, and carries a quotation over
//!   paragraphs that reopen with a quote mark.
//! - `cues` finds the speech verb and the speaker phrase next to a quote
//!   ("…," said X; "…," X said; X said: "…"; "…," X told the newspaper) and
//!   reported speech ("according to X, …"; "X said (that) …"; "…, X said.").
//! - `speaker` turns the phrase into an entity: a name in it, a title the
//!   article gives someone ("the president" for "President Joe Biden"), or
//!   a pronoun, which points back to the last named speaker of the same
//!   paragraph (or nobody).
//!
//! A quoted stretch counts as a quotation when a cue attributes it or it
//! has at least [`MIN_WORDS`] words (so "Q-West" and a "powerful response"
//! are not quotations). A quotation without a cue of its own takes the
//! speaker of the quotation it continues, or of the nearest attributed one
//! in its paragraph ("“A,” Cook said. “B.”"). A sentence with a quotation
//! in it is not also listed as reported speech.
//!
//! ```
//! use article_analysis::{Analysis, Article};
//! use article_analysis::quotes::QuoteKind;
//! let a = Analysis::new(Article::parse(
//!     "a.txt",
//!     "U.S. President Joe Biden spoke in Kyiv. “We will stand with Ukraine,” the president said.",
//! ));
//! let quotes = a.find_quotes();
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(&a.article.body[quotes[0].span.clone()], "We will stand with Ukraine,");
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! let speaker = quotes[0].speaker.map(|e| a.entities.entities[e].name.as_str());
//! assert_eq!(speaker, Some("Joe Biden"));
//! ```

pub(crate) mod cues;
pub(crate) mod marks;
pub(crate) mod speaker;

use crate::analysis::Analysis;
use crate::document::Paragraph;
use crate::entities::{Entities, EntityKind};
use crate::search::Index;
use crate::segment::Span;

use cues::{Cue, Words};
use speaker::{Referent, Speakers};

/// A quoted stretch without a cue needs this many words to count as a
/// quotation.
pub const MIN_WORDS: usize = 4;

/// Direct quotation or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum QuoteKind {
    /// Words between quotation marks.
    Direct,
    /// Speech reported without quotation marks: "according to X, …", "X
    /// said (that) …", "…, X said."
    Reported,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// What was said (byte span into the body): the words between the
    /// marks, or the reported clause.
    pub span: Span,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The paragraph it is in (index into `Article::paragraphs`).
    pub paragraph: usize,
    /// The speech verb ("said", "told", "according to"), when the quote has
    /// a cue of its own.
    pub cue: Option<Span>,
    /// The words naming the speaker at the cue ("Cook", "the president",
    /// "he", "officials").
    pub speaker_span: Option<Span>,
    /// The speaker (index into `Entities::entities`), when resolvable.
    pub speaker: Option<usize>,
    /// Whether this continues the previous quote: a quotation running over
    /// paragraphs that reopen with a quote mark.
    pub continued: bool,
}

/// The quotes of one speaker (or of nobody known).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpeakerSummary {
    /// The speaker (index into `Entities::entities`); `None` for the
    /// unattributed quotes.
    pub speaker: Option<usize>,
    /// Number of quotes.
    pub quotes: usize,
    /// How many of them are direct quotations.
    pub direct: usize,
    /// Index (into the quotes) of the first.
    pub first: usize,
}

impl Analysis {
    /// The quotes of this article (see [`find`]; the same result, reusing
    /// the words the search index holds).
    pub fn find_quotes(&self) -> Vec<Quote> {
        find_in(
            &self.article.body,
            &self.article.paragraphs,
            &self.entities,
            Some(&self.index),
        )
    }
}

/// The speakers of `quotes`: most quoted first (ties: first quoted first),
/// the unattributed quotes last.
pub fn speakers(quotes: &[Quote]) -> Vec<SpeakerSummary> {
    let mut out: Vec<SpeakerSummary> = Vec::new();
    let mut slot: crate::search::index::FxMap<Option<usize>, usize> = Default::default();
    for (i, q) in quotes.iter().enumerate() {
        let k = *slot.entry(q.speaker).or_insert_with(|| {
            out.push(SpeakerSummary {
                speaker: q.speaker,
                quotes: 0,
                direct: 0,
                first: i,
            });
            out.len() - 1
        });
        if let Some(s) = out.get_mut(k) {
            s.quotes += 1;
            s.direct += usize::from(q.kind == QuoteKind::Direct);
        }
    }
    out.sort_by_key(|s| (s.speaker.is_none(), std::cmp::Reverse(s.quotes), s.first));
    out
}

/// The paragraphs (ascending, distinct) holding a quote of `speaker`
/// (`None`: the unattributed quotes), for filtering the article to them.
pub fn paragraphs_quoting(quotes: &[Quote], speaker: Option<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = quotes
        .iter()
        .filter(|q| q.speaker == speaker)
        .map(|q| q.paragraph)
        .collect();
    out.dedup();
    out
}

/// A quote found in a paragraph, before its speaker is settled.
struct Found {
    quote: Quote,
    /// The cue's speaker phrase resolved (for quotes with a cue).
    referent: Option<Referent>,
}

/// A statement introduced by a cue ending a paragraph ("Minister Ellwood
/// said:"), waiting for its paragraphs.
struct Statement {
    cue: Cue,
    referent: Referent,
    /// Whether a paragraph of it has been taken.
    started: bool,
}

/// The quotes of `body` (an article body with its `paragraphs` and its
/// `entities` from [`crate::entities::extract`]), in text order. Linear in
/// the text; never panics.
pub fn find(body: &str, paragraphs: &[Paragraph], entities: &Entities) -> Vec<Quote> {
    find_in(body, paragraphs, entities, None)
}

/// [`find`], taking each paragraph's words from `index` when it was built
/// over these paragraphs.
fn find_in(body: &str, paragraphs: &[Paragraph], entities: &Entities, index: Option<&Index>) -> Vec<Quote> {
    let index = index.filter(|ix| ix.passage_count() == paragraphs.len());
    let verb_terms: Vec<bool> = index.map_or_else(Vec::new, |ix| {
        ix.terms()
            .iter()
            .map(|t| cues::is_speech_verb(&t.folded))
            .collect()
    });
    let speakers = Speakers::new(body, entities);
    let mut out: Vec<Quote> = Vec::new();
    // Whether the previous paragraph ended inside a quotation, and the
    // index in `out` of that quotation's piece (when it was kept).
    let mut open = false;
    let mut open_piece: Option<usize> = None;
    // The speaker of the previous paragraph's closing direct quote.
    let mut carry: Option<Option<usize>> = None;
    let mut statement: Option<Statement> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let (quoted, still_open) = marks::quoted(body, para.span.clone(), open);
        let words = match index {
            Some(ix) => Words::from_index(body, para.span.clone(), ix, p, &verb_terms),
            None => Words::new(body, para.span.clone()),
        };
        if let Some(quote) = statement
            .as_mut()
            .filter(|_| quoted.is_empty())
            .and_then(|st| statement_paragraph(st, p, para, &words, &speakers))
        {
            out.push(quote);
            carry = None;
            continue;
        }
        let intro = statement.take().filter(|st| !st.started);
        let mut found: Vec<Found> = Vec::new();
        for (j, q) in quoted.iter().enumerate() {
            if q.inner.is_empty() {
                continue;
            }
            let sentence_of = |b: usize| {
                let i = para.sentences.partition_point(|s| s.end <= b);
                para.sentences
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| para.span.clone())
            };
            let next_open = quoted.get(j + 1).map_or(para.span.end, |n| n.open);
            let after_end = next_open.min(sentence_end_after(body, para, q.end.saturating_sub(1)));
            let previous_end = j
                .checked_sub(1)
                .and_then(|i| quoted.get(i))
                .map_or(para.span.start, |x| x.end);
            let before_start = previous_end.max(sentence_of(q.open).start);
            let n_words = body
                .get(q.inner.clone())
                .map_or(0, |t| t.split_whitespace().count());
            let short = n_words < MIN_WORDS;
            let cue = words
                .after_quote(words.index_at(q.end), words.index_at(after_end))
                .or_else(|| words.before_quote(words.index_at(before_start), words.index_at(q.open), short));
            let opens_paragraph = j == 0 && q.open == para.span.start;
            if let (None, Some(st), true) = (&cue, &intro, opens_paragraph) {
                // "X said:" closing the previous paragraph introduces this one.
                found.push(with_cue(q, p, st.cue.clone(), st.referent));
                continue;
            }
            let last_open = still_open && j + 1 == quoted.len();
            // A title cited with its source: "“Document found on street” — CBC".
            let cited = body
                .get(q.end..)
                .is_some_and(|r| r.trim_start().starts_with(['—', '–']) || r.trim_start().starts_with("- "));
            if cue.is_some() || (!short && !cited && (q.closed || q.continued || last_open)) {
                let referent = cue.as_ref().map(|c| referent_of(c, &speakers));
                found.push(match cue {
                    Some(c) => with_cue(q, p, c, referent.unwrap_or(Referent::Nobody)),
                    None => without_cue(q, p),
                });
            }
        }
        // A quotation left open that this paragraph does not continue is a
        // stray mark unless a cue attributed it.
        if open && !quoted.first().is_some_and(|q| q.continued) {
            if let Some(i) = open_piece.filter(|&i| out.get(i).is_some_and(|q| q.cue.is_none())) {
                out.remove(i);
            }
        }
        // The direct quotes so far are in text order: each sentence looks
        // only at those overlapping it (linear in the paragraph).
        let direct = found.len();
        let mut first_direct = 0;
        for s in &para.sentences {
            while found
                .get(first_direct)
                .is_some_and(|f| f.quote.span.end <= s.start)
            {
                first_direct += 1;
            }
            let after = found.get(first_direct..direct).unwrap_or(&[]);
            let quoted_here =
                first_direct..first_direct + after.partition_point(|f| f.quote.span.start < s.end);
            let here = found.get(quoted_here.clone()).unwrap_or(&[]);
            let ends_with_colon = body.get(s.clone()).is_some_and(|t| t.trim_end().ends_with(':'));
            if here.iter().any(|f| f.referent.is_some()) || ends_with_colon {
                continue;
            }
            // With a quotation in the sentence, only the words before it.
            let first_quote = here.first().map(|f| f.quote.span.start);
            let (a, b) = (
                words.index_at(s.start),
                words.index_at(first_quote.unwrap_or(s.end)),
            );
            if !words.has_cue_word(a, b) {
                continue;
            }
            let Some((cue, content)) = words.reported(a, b, s) else {
                continue;
            };
            let referent = referent_of(&cue, &speakers);
            if first_quote.is_some() {
                // "Carter said the attack was “cowardly and despicable.”": the
                // quotation takes the reported speech's cue.
                for f in found.get_mut(quoted_here).into_iter().flatten() {
                    f.quote.cue = Some(cue.verb.clone());
                    f.quote.speaker_span = cue.speaker.clone();
                    f.referent = Some(referent);
                }
                continue;
            }
            found.push(Found {
                quote: Quote {
                    span: content,
                    kind: QuoteKind::Reported,
                    paragraph: p,
                    cue: Some(cue.verb),
                    speaker_span: cue.speaker,
                    speaker: None,
                    continued: false,
                },
                referent: Some(referent),
            });
        }
        found.sort_by_key(|f| f.quote.span.start);
        let continues = found.first().is_some_and(|f| f.quote.continued);
        let group_speaker = open_piece
            .filter(|_| continues)
            .and_then(|i| out.get(i))
            .map(|q| q.speaker);
        attribute(&mut found, &speakers, group_speaker, carry, para.span.start);
        carry = found
            .last()
            .filter(|f| f.quote.kind == QuoteKind::Direct && f.quote.speaker.is_some())
            .map(|f| f.quote.speaker);
        let first_new = out.len();
        out.extend(found.into_iter().map(|f| f.quote));
        // A continued quotation whose opening piece had no cue takes the
        // speaker found for its continuation.
        if continues {
            if let (Some(i), Some(cont)) = (open_piece, out.get(first_new).cloned()) {
                if let Some(q) = out.get_mut(i).filter(|q| q.cue.is_none() && q.speaker.is_none()) {
                    q.speaker = cont.speaker;
                }
            }
        }
        open = still_open;
        open_piece = if still_open {
            let para_end = trimmed_end(body, &para.span);
            out.get(first_new..)
                .and_then(|new| {
                    new.iter()
                        .rposition(|q| q.kind == QuoteKind::Direct && q.span.end == para_end)
                })
                .map(|i| first_new + i)
        } else {
            None
        };
        // "Minister Ellwood said:" at the end: the next paragraphs are the statement.
        statement = para.sentences.last().and_then(|s| {
            let cue = words.introduction(words.index_at(s.start), words.index_at(s.end), s.end)?;
            let referent = referent_of(&cue, &speakers);
            Some(Statement {
                cue,
                referent,
                started: false,
            })
        });
    }
    out
}

/// A paragraph without quotation marks after a statement's introduction:
/// the whole paragraph is the statement's, the first always, the next ones
/// while they neither name the speaker nor hold a speech verb.
fn statement_paragraph(
    st: &mut Statement,
    p: usize,
    para: &Paragraph,
    words: &Words,
    speakers: &Speakers,
) -> Option<Quote> {
    let speaker = match st.referent {
        Referent::Entity(e) => Some(e),
        _ => None,
    };
    if st.started {
        let speech = words.has_cue_word(0, words.spans.len());
        let named = speaker.is_some_and(|e| speakers.mentioned_in(e, &para.span));
        if speech || named {
            return None;
        }
    }
    let continued = st.started;
    st.started = true;
    Some(Quote {
        span: para.span.clone(),
        kind: QuoteKind::Direct,
        paragraph: p,
        cue: Some(st.cue.verb.clone()),
        speaker_span: st.cue.speaker.clone(),
        speaker,
        continued,
    })
}

/// The end of the sentence holding byte `b` of `para`, or of the next one
/// when the sentence splitter cut after a rank it does not know ("said
/// Spc. | Lorraine Walsh").
fn sentence_end_after(body: &str, para: &Paragraph, b: usize) -> usize {
    let i = para.sentences.partition_point(|s| s.end <= b);
    let Some(s) = para.sentences.get(i) else {
        return para.span.end;
    };
    let last_word = body
        .get(s.clone())
        .and_then(|t| t.strip_suffix('.'))
        .and_then(|t| t.rsplit(' ').next())
        .unwrap_or("");
    let abbreviation = cues::is_title_abbreviation(last_word);
    match para.sentences.get(i + 1) {
        Some(next) if abbreviation => next.end,
        _ => s.end,
    }
}

/// The end of a paragraph's text before trailing whitespace.
fn trimmed_end(body: &str, span: &Span) -> usize {
    span.start + body.get(span.clone()).map_or(0, |s| s.trim_end().len())
}

/// What a cue's speaker phrase refers to.
fn referent_of(cue: &Cue, speakers: &Speakers) -> Referent {
    cue.speaker.as_ref().map_or(Referent::Nobody, |sp| {
        speakers.referent(sp, cue.verb.start, !cue.according)
    })
}

/// A direct quote attributed by `cue`.
fn with_cue(q: &marks::Quoted, paragraph: usize, cue: Cue, referent: Referent) -> Found {
    Found {
        quote: Quote {
            span: q.inner.clone(),
            kind: QuoteKind::Direct,
            paragraph,
            cue: Some(cue.verb),
            speaker_span: cue.speaker,
            speaker: None,
            continued: q.continued,
        },
        referent: Some(referent),
    }
}

/// A direct quote without a cue of its own.
fn without_cue(q: &marks::Quoted, paragraph: usize) -> Found {
    Found {
        quote: Quote {
            span: q.inner.clone(),
            kind: QuoteKind::Direct,
            paragraph,
            cue: None,
            speaker_span: None,
            speaker: None,
            continued: q.continued,
        },
        referent: None,
    }
}

/// Settles the speakers of one paragraph's quotes (in text order): names
/// and titles directly; pronouns to the last named speaker of the paragraph
/// (a person for "he"/"she", an organization, place or group for
/// "they"/"it"). A quote without a cue takes the speaker of the quotation
/// it continues (`group`), else of the previous attributed direct quote of
/// the paragraph, else — opening the paragraph — of the previous
/// paragraph's closing direct quote (`carry`), else of the next attributed
/// direct quote.
fn attribute(
    found: &mut [Found],
    speakers: &Speakers,
    group: Option<Option<usize>>,
    carry: Option<Option<usize>>,
    paragraph_start: usize,
) {
    let mut last_person: Option<usize> = None;
    let mut last_other: Option<usize> = None;
    for f in found.iter_mut() {
        f.quote.speaker = match f.referent {
            Some(Referent::Entity(e)) => {
                if speakers.kind(e) == Some(EntityKind::Person) {
                    last_person = Some(e);
                } else {
                    last_other = Some(e);
                }
                Some(e)
            }
            Some(Referent::PersonPronoun) => last_person,
            Some(Referent::GroupPronoun) => last_other,
            Some(Referent::Nobody) | None => None,
        };
    }
    let cued: Vec<(usize, Option<usize>)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.referent.is_some() && f.quote.kind == QuoteKind::Direct)
        .map(|(i, f)| (i, f.quote.speaker))
        .collect();
    for i in 0..found.len() {
        let Some(f) = found.get(i) else {
            continue;
        };
        if f.referent.is_some() {
            continue;
        }
        let k = cued.partition_point(|&(c, _)| c < i);
        let previous = k.checked_sub(1).and_then(|k| cued.get(k)).map(|&(_, s)| s);
        let inherited = if f.quote.continued {
            group.flatten()
        } else if let Some(s) = previous {
            s
        } else if let (true, Some(s)) = (f.quote.span.start <= paragraph_start + 4, carry) {
            // The paragraph opens with the quotation (its mark is up to 4 bytes).
            s
        } else {
            cued.get(k).and_then(|&(_, s)| s)
        };
        if let Some(f) = found.get_mut(i) {
            f.quote.speaker = inherited;
        }
    }
}

#[cfg(test)]
mod tests;
