//! The timeline: every date and time expression of an article, normalized
//! against the article's date, in chronological order with its sentence;
//! durations kept apart; what cannot be placed listed as it is.
//!
//! The expressions are the entity extractor's date mentions
//! ([`EntityKind::Date`]) plus forms it leaves out (`scan`: "2024-11-17",
//! "mid-2023", "in March"), widened over a preceding "early", "mid" or
//! "late". `resolve` reads each one (with the tense near it, `tense`);
//! `calendar` does the day arithmetic. The article's date ([`Anchor`]) comes from the front matter (`date:`) or
//! a dateline at the start of the text ("Sunday, November 17, 2024" alone
//! on a line, or "WASHINGTON, Nov. 17, 2024 —").
//!
//! ```
//! use article_analysis::{Analysis, Article};
//! use article_analysis::timeline::{Precision, TimeKind};
//! let a = Analysis::new(Article::parse(
//!     "a.txt",
//!     "---\ndate: 2024-11-17\n---\nThe talks began on Friday and lasted two months. They failed last year.",
//! ));
//! let t = a.find_timeline();
//! let points: Vec<(&str, &str)> = t
//!     .points
//!     .iter()
//!     .map(|x| (&a.article.body[x.span.clone()], x.datetime.as_str()))
//!     .collect();
//! assert_eq!(points, [("last year", "2023"), ("Friday", "2024-11-15")]);
//! assert_eq!(t.points[1].precision, Some(Precision::Day));
//! assert_eq!(t.durations[0].kind, TimeKind::Duration);
//! assert_eq!(t.durations[0].datetime, "P2M");
//! ```

pub(crate) mod calendar;
pub(crate) mod resolve;
pub(crate) mod scan;
pub(crate) mod tense;

use crate::analysis::Analysis;
use crate::document::Paragraph;
use crate::entities::{Entities, EntityKind};
use crate::search::Index;
use crate::segment::Span;

use resolve::{Context, Reading, Resolved, Value};

/// What an expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TimeKind {
    /// A point (a day, week, month, year, decade or time) on the calendar.
    Point,
    /// A length of time: "two months", "for three years".
    Duration,
    /// A point that cannot be placed: a relative expression without an
    /// article date ("yesterday", "on Friday"), a month and day without a
    /// year, a time of day alone, or a vague or narrative-relative
    /// expression ("recent days", "two years later").
    Unplaced,
}

/// How precise a normalized value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Precision {
    /// A time of day ("10:30", or "2024-11-15T10:30" on a known day).
    Time,
    /// A day ("2024-11-15"), or a month and day without a year ("11-05").
    Day,
    /// An ISO week ("2024-W45"): "last week", "two weeks ago".
    Week,
    /// A month ("2024-03").
    Month,
    /// A year ("2023").
    Year,
    /// A decade: `datetime` is its first year ("1990" for "the 1990s").
    Decade,
}

/// "early 2023", "mid-2023", "late last year".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Qualifier {
    /// "early".
    Early,
    /// "mid", "middle".
    Mid,
    /// "late".
    Late,
}

/// One date or time expression.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimeExpression {
    /// The expression as written (byte span into the body).
    pub span: Span,
    /// Its paragraph (index into `Article::paragraphs`).
    pub paragraph: usize,
    /// Its sentence (byte span into the body).
    pub sentence: Span,
    /// Point, duration or unplaced.
    pub kind: TimeKind,
    /// The normalized value: for a point a valid HTML `<time datetime>`
    /// value ("2024-11-15", "2024-W45", "2024-03", "2023",
    /// "2024-11-15T10:30"); for a duration its ISO 8601 duration ("P2M",
    /// "PT24H"; HTML's `datetime` accepts only the day-and-shorter ones, so
    /// show months and years as text); for an unplaced expression a yearless
    /// "11-05" or a time "10:30" when known. Empty when there is none
    /// ("recent days", "a few weeks").
    pub datetime: String,
    /// The precision of `datetime`, when there is a calendar value.
    pub precision: Option<Precision>,
    /// "early", "mid" or "late" before the expression.
    pub qualifier: Option<Qualifier>,
}

/// Where the article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AnchorSource {
    /// The front matter's `date:`.
    FrontMatter,
    /// A dateline at the start of the text.
    Dateline,
}

/// The article's date, which relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// The day, "2024-11-17".
    pub datetime: String,
    /// Where it was found.
    pub source: AnchorSource,
    /// The dateline in the body, for a dateline.
    pub span: Option<Span>,
}

/// The timeline of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    /// The article's date, when known.
    pub anchor: Option<Anchor>,
    /// Points in time, in chronological order (the coarser value first when
    /// two start together, "2024" before "2024-01-05"; then text order).
    pub points: Vec<TimeExpression>,
    /// Durations, in text order.
    pub durations: Vec<TimeExpression>,
    /// Points that cannot be placed, in text order.
    pub unplaced: Vec<TimeExpression>,
}

impl Timeline {
    /// Every expression, in text order (for marking them in the text).
    pub fn in_text_order(&self) -> Vec<&TimeExpression> {
        let mut all: Vec<&TimeExpression> = self
            .points
            .iter()
            .chain(&self.durations)
            .chain(&self.unplaced)
            .collect();
        all.sort_by_key(|x| x.span.start);
        all
    }
}

/// The day number of an article date as front matter writes it:
/// "2024-11-17", "2024-11-17T08:00:00Z", "November 17, 2024", "17 Nov
/// 2024", "Sun, 17 Nov 2024 08:00:00 +0000". `None` for anything less
/// than a day.
fn article_day(date: &str) -> Option<i64> {
    if let Some(z) = resolve::iso_day(date) {
        return Some(z);
    }
    // Drop a time of day and what follows it.
    let date = date
        .split(|c: char| c.is_whitespace())
        .take_while(|w| !w.contains(':'));
    let date: Vec<&str> = date.collect();
    match resolve::resolve(&date.join(" "), &Context::default())?.reading {
        Reading::Point(Value::Day(z)) => Some(z),
        _ => None,
    }
}

impl Analysis {
    /// The timeline of this article (see [`timeline`]; the same result,
    /// reusing the words the search index holds).
    pub fn find_timeline(&self) -> Timeline {
        timeline_in(
            &self.article.body,
            &self.article.paragraphs,
            &self.entities,
            self.article.meta.date.as_deref(),
            Some(&self.index),
        )
    }
}

/// How many paragraphs at the start of a text may hold its dateline.
const DATELINE_PARAGRAPHS: usize = 3;
/// How far into its paragraph a dateline date may start, in bytes
/// ("WASHINGTON, Nov. 17, 2024 —").
const DATELINE_LEAD: usize = 60;

/// The timeline of `body` (an article body with its `paragraphs`, its
/// `entities` from [`crate::entities::extract`], and the front matter's
/// `date:` if any). Linear in the text; never panics.
pub fn timeline(
    body: &str,
    paragraphs: &[Paragraph],
    entities: &Entities,
    article_date: Option<&str>,
) -> Timeline {
    timeline_in(body, paragraphs, entities, article_date, None)
}

/// [`timeline`], taking each paragraph's words from `index` when it was
/// built over these paragraphs.
fn timeline_in(
    body: &str,
    paragraphs: &[Paragraph],
    entities: &Entities,
    article_date: Option<&str>,
    index: Option<&Index>,
) -> Timeline {
    let mut spans: Vec<Span> = entities
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Date)
        .map(|m| m.span.clone())
        .collect();
    let extra = scan::extra(body, paragraphs, &spans, index);
    spans.extend(extra);
    for s in &mut spans {
        *s = scan::widen(body, s.clone());
    }
    spans.sort_by_key(|s| s.start);
    spans.dedup_by(|b, a| b.start < a.end);
    join_weekdays(body, &mut spans);

    let mut anchor = article_date
        .and_then(article_day)
        .map(|z| (z, AnchorSource::FrontMatter, None));
    if anchor.is_none() {
        anchor = dateline(body, paragraphs, &spans).map(|(z, s)| (z, AnchorSource::Dateline, Some(s)));
    }
    let anchor_day = anchor.as_ref().map(|a| a.0);

    let mut out = Timeline {
        anchor: anchor.map(|(z, source, span)| Anchor {
            datetime: Value::Day(z).datetime(),
            source,
            span,
        }),
        ..Timeline::default()
    };
    let mut placed: Vec<(i64, Precision, TimeExpression)> = Vec::new();
    let mut p = 0;
    // Times of day waiting for a day in their sentence, and the last day seen.
    let mut sentence_day: Option<(Span, i64)> = None;
    for span in spans {
        while paragraphs.get(p).is_some_and(|x| x.span.end <= span.start) {
            p += 1;
        }
        let Some(para) = paragraphs.get(p).filter(|x| x.span.start <= span.start) else {
            continue;
        };
        let Some(text) = body.get(span.clone()) else {
            continue;
        };
        let s = para.sentences.partition_point(|x| x.end <= span.start);
        let mut sentence = para
            .sentences
            .get(s)
            .filter(|x| x.start <= span.start)
            .cloned()
            .unwrap_or_else(|| para.span.clone());
        if sentence.end < span.end {
            // The sentence splitter cut inside the expression ("‘Nov. | 5"):
            // the sentence runs on to the end of the one holding its end.
            let e = para.sentences.partition_point(|x| x.end < span.end);
            sentence.end = para
                .sentences
                .get(e)
                .map_or(para.span.end, |x| x.end)
                .max(span.end);
        }
        let ctx = Context {
            anchor: anchor_day,
            tense: tense::tense_around(body, &sentence, &span),
        };
        let Some(Resolved { reading, qualifier }) = resolve::resolve(text, &ctx) else {
            continue;
        };
        let mut expression = TimeExpression {
            span,
            paragraph: p,
            sentence: sentence.clone(),
            kind: TimeKind::Unplaced,
            datetime: String::new(),
            precision: None,
            qualifier,
        };
        let value = match reading {
            Reading::Point(v) => Some(v),
            Reading::Unplaced(Some(Value::Time { minutes, .. })) => match &sentence_day {
                Some((s, z)) if *s == sentence => Some(Value::Time {
                    day: Some(*z),
                    minutes,
                }),
                _ => {
                    expression.datetime = Value::Time { day: None, minutes }.datetime();
                    expression.precision = Some(Precision::Time);
                    None
                }
            },
            Reading::Unplaced(v) => {
                expression.datetime = v.map(Value::datetime).unwrap_or_default();
                expression.precision = v.map(Value::precision);
                None
            }
            Reading::Duration(iso) => {
                expression.kind = TimeKind::Duration;
                expression.datetime = iso.unwrap_or_default();
                out.durations.push(expression);
                continue;
            }
        };
        match value.and_then(|v| Some((v, v.start_minutes(qualifier)?))) {
            Some((v, start)) => {
                if let Value::Day(z) = v {
                    sentence_day = Some((sentence.clone(), z));
                }
                expression.kind = TimeKind::Point;
                expression.datetime = v.datetime();
                expression.precision = Some(v.precision());
                placed.push((start, v.precision(), expression));
            }
            None => out.unplaced.push(expression),
        }
    }
    // Chronological; the coarser value first at the same start; then text order.
    placed.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.span.start.cmp(&b.2.span.start))
    });
    out.points = placed.into_iter().map(|x| x.2).collect();
    out
}

/// Joins a weekday to the date right after it ("Monday 19 December",
/// "Monday, 19 December"), which the extractor finds as two mentions.
fn join_weekdays(body: &str, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if let Some(last) = out.last_mut() {
            let weekday = body
                .get(last.clone())
                .is_some_and(|w| resolve::weekday_number(&w.to_lowercase()).is_some());
            let gap = body.get(last.end..s.start).unwrap_or("x");
            let date = body.get(s.clone()).is_some_and(|d| {
                d.starts_with(|c: char| c.is_ascii_digit())
                    || d.split([' ', '.'])
                        .next()
                        .is_some_and(|m| resolve::month_number(m).is_some())
            });
            if weekday && date && (gap == " " || gap == ", ") {
                last.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    *spans = out;
}

/// The article's date from a dateline: a full calendar date (with year)
/// alone in one of the first paragraphs, or opening one followed by a dash
/// or a bracket ("WASHINGTON, Nov. 17, 2024 — ...").
fn dateline(body: &str, paragraphs: &[Paragraph], spans: &[Span]) -> Option<(i64, Span)> {
    let limit = paragraphs
        .get(DATELINE_PARAGRAPHS.min(paragraphs.len()).checked_sub(1)?)?
        .span
        .end;
    for span in spans.iter().take_while(|s| s.end <= limit) {
        let Some(para) = paragraphs
            .iter()
            .take(DATELINE_PARAGRAPHS)
            .find(|p| p.span.start <= span.start && span.end <= p.span.end)
        else {
            continue;
        };
        // Only near the start of its paragraph (and no rescanning of a long one).
        if span.start - para.span.start > DATELINE_LEAD {
            continue;
        }
        let (Some(before), Some(after)) = (
            body.get(para.span.start..span.start),
            body.get(span.end..para.span.end),
        ) else {
            continue;
        };
        let alone = before.trim().is_empty() && after.trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
        let opening =
            !before.contains(['.', '!', '?']) && after.trim_start().starts_with(['—', '–', '-', '(']);
        if !(alone || opening) {
            continue;
        }
        let text = body.get(span.clone())?;
        if let Some(Reading::Point(Value::Day(z))) =
            resolve::resolve(text, &Context::default()).map(|r| r.reading)
        {
            return Some((z, span.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests;
