//! What one date or time expression means: a calendar value at some
//! precision, a duration, or a relative expression that cannot be placed
//! without the article's date.
//!
//! Relative expressions are resolved against the anchor (the article's
//! date): "yesterday", "on Friday" (the Friday before the anchor, or after it
//! when the sentence speaks of the future), "last year", "two weeks ago",
//! "Nov. 5" and "in March" (the nearest such day or month, leaning to the
//! past unless the sentence speaks of the future).

use super::calendar::{add_months, civil_from_days, days_from_civil, is_valid, weekday};
pub(crate) use super::tense::Tense;
use super::{Precision, Qualifier};
use crate::entities::temporal::number_word;

/// A calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// A time of day (minutes after midnight), on a day when known.
    Time { day: Option<i64>, minutes: u16 },
    /// A day (day number, see [`super::calendar`]).
    Day(i64),
    /// The ISO week holding this day number.
    Week(i64),
    /// A month of a year.
    Month(i32, u8),
    /// A year.
    Year(i32),
    /// The decade starting with this year ("1990s").
    Decade(i32),
    /// A month and day without a year ("Nov. 5" in an undated article).
    Yearless(u8, u8),
}

/// The reading of an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A point on the calendar.
    Point(Value),
    /// A length of time, with its ISO 8601 duration when the count is known
    /// ("P2M" for "two months"; none for "a few weeks").
    Duration(Option<String>),
    /// Relative or vague: "yesterday" without an article date, "recent
    /// days", "two years later", a yearless "Nov. 5", a time of day alone.
    Unplaced(Option<Value>),
}

/// An expression's reading and its "early"/"mid"/"late" qualifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub reading: Reading,
    pub qualifier: Option<Qualifier>,
}

/// What resolution knows besides the expression.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// The article's date (day number), if known.
    pub anchor: Option<i64>,
    /// The tense of the sentence.
    pub tense: Tense,
}

const MONTH_WORDS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Counts that are not numbers: "a few weeks", "several months".
const VAGUE_COUNTS: &[&str] = &[
    "few",
    "several",
    "some",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "couple",
    "recent",
];

/// The month numbered by `w` ("nov", "November"; any case), if any.
pub(crate) fn month_number(w: &str) -> Option<u8> {
    MONTH_WORDS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// Is `w` a month's abbreviation ("nov", "sept") rather than its name?
pub(crate) fn is_month_abbreviation(w: &str) -> bool {
    const SHORT: &[&str] = &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    SHORT.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// The weekday named by `w` (0 Monday … 6 Sunday), if any.
pub(crate) fn weekday_number(w: &str) -> Option<u8> {
    WEEKDAY_WORDS.iter().position(|d| *d == w).map(|i| i as u8)
}

/// A weekday name or its abbreviation as written in dates ("Sun, 17 Nov
/// 2024"), only at the start of a calendar date.
fn weekday_or_abbreviation(w: &str) -> Option<u8> {
    weekday_number(w).or_else(|| {
        const SHORT: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let w = match w {
            "tues" => "tue",
            "thur" | "thurs" => "thu",
            w => w,
        };
        SHORT.iter().position(|d| *d == w).map(|i| i as u8)
    })
}

/// The expression's words: lowercase, split at spaces, commas, hyphens and
/// slashes, without surrounding dots, brackets, quote marks or a possessive.
fn expression_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | '/'))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':');
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// "2024-11-17" (optionally followed by a time) as a day number.
pub(crate) fn iso_day(text: &str) -> Option<i64> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = t.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (y, m, d) = (
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    is_valid(y, m, d).then(|| days_from_civil(y, m, d))
}

/// A count: "3", "two", "twenty five", "a"/"an" (one). `None` for no
/// number; `Some(None)` for a vague count ("a few", "several").
fn count(words: &[String]) -> Option<Option<u32>> {
    match words {
        [] => None,
        [w] if w == "a" || w == "an" || w == "one" => Some(Some(1)),
        [w, ..] if VAGUE_COUNTS.contains(&w.as_str()) => Some(None),
        [a, w, ..] if (a == "a" || a == "the") && VAGUE_COUNTS.contains(&w.as_str()) => Some(None),
        [w] => w
            .replace(',', "")
            .parse::<u32>()
            .ok()
            .or_else(|| number_word(w))
            .map(Some),
        [tens, unit] => {
            let t = number_word(tens).filter(|t| t % 10 == 0 && *t >= 20)?;
            let u = number_word(unit).filter(|&u| u < 10)?;
            Some(Some(t + u))
        }
        _ => None,
    }
}

/// A unit of time: its ISO 8601 duration designator (with `T` for parts
/// of a day) and how many of it one word counts ("decade" is ten years).
fn unit(w: &str) -> Option<(&'static str, u32)> {
    let singular = w.strip_suffix('s').unwrap_or(w);
    Some(match singular {
        "second" => ("TS", 1),
        "minute" => ("TM", 1),
        "hour" => ("TH", 1),
        "day" => ("D", 1),
        "week" => ("W", 1),
        "fortnight" => ("W", 2),
        "month" => ("M", 1),
        "year" => ("Y", 1),
        "decade" => ("Y", 10),
        "century" | "centurie" => ("Y", 100),
        _ => return None,
    })
}

/// "10:30", "10:30 a.m.", "5 p.m.", "noon", "midnight": minutes after
/// midnight.
fn time_of_day(words: &[String]) -> Option<u16> {
    let (clock, rest) = words.split_first()?;
    match clock.as_str() {
        "noon" | "midday" if rest.is_empty() => return Some(12 * 60),
        "midnight" if rest.is_empty() => return Some(0),
        _ => {}
    }
    let (h, m) = match clock.split_once(':') {
        Some((h, m)) => (h.parse::<u16>().ok()?, m.get(..2)?.parse::<u16>().ok()?),
        None => (clock.parse::<u16>().ok()?, 0),
    };
    let meridiem = rest.first().map(String::as_str);
    let h = match meridiem {
        Some("a.m" | "am") if (1..=12).contains(&h) => h % 12,
        Some("p.m" | "pm") if (1..=12).contains(&h) => h % 12 + 12,
        Some("gmt" | "utc") | None if clock.contains(':') && h < 24 => h,
        _ => return None,
    };
    (rest.len() <= 1 && m < 60).then_some(h * 60 + m)
}

/// The day of month in "17", "17th", "1st".
fn day_of_month(w: &str) -> Option<u8> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.len() > 2 || digits.is_empty() {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// The nearest year for `month`/`day` around the anchor: never after it
/// (beyond a day) in a past sentence, never before it in a future one,
/// and leaning to the past otherwise.
fn nearest_year(anchor: i64, month: u8, day: u8, tense: Tense) -> Option<i32> {
    let (ay, _, _) = civil_from_days(anchor);
    (ay - 1..=ay + 1)
        .filter(|&y| is_valid(y, month, day))
        .min_by_key(|&y| {
            let diff = days_from_civil(y, month, day) - anchor;
            match tense {
                Tense::Past if diff > 1 => i64::MAX,
                Tense::Future if diff < -1 => i64::MAX,
                Tense::Unknown if diff > 0 => diff * 3,
                _ => diff.abs(),
            }
        })
}

/// A weekday relative to the anchor: `step` -1 for "last", 1 for "next",
/// 0 for a bare or "this" weekday (past or future by the sentence's tense;
/// the anchor's own weekday is the anchor).
fn weekday_near(anchor: i64, target: u8, step: i8, future: bool) -> i64 {
    let today = i64::from(weekday(anchor));
    let t = i64::from(target);
    let back = (today - t).rem_euclid(7);
    let ahead = (t - today).rem_euclid(7);
    match step {
        -1 => anchor - if back == 0 { 7 } else { back },
        1 => anchor + if ahead == 0 { 7 } else { ahead },
        _ if future => anchor + ahead,
        _ => anchor - back,
    }
}

/// A month relative to the anchor: "last March" is the March before the
/// anchor's month, "next March" the one after it, a bare "March" the
/// nearest (leaning to the tense).
fn month_near(anchor: i64, month: u8, step: i8, tense: Tense) -> (i32, u8) {
    let (ay, am, _) = civil_from_days(anchor);
    match step {
        -1 => (if month < am { ay } else { ay - 1 }, month),
        1 => (if month > am { ay } else { ay + 1 }, month),
        _ => (nearest_year(anchor, month, 15, tense).unwrap_or(ay), month),
    }
}

fn point(value: Value, qualifier: Option<Qualifier>) -> Option<Resolved> {
    Some(Resolved {
        reading: Reading::Point(value),
        qualifier,
    })
}

fn unplaced(value: Option<Value>, qualifier: Option<Qualifier>) -> Option<Resolved> {
    Some(Resolved {
        reading: Reading::Unplaced(value),
        qualifier,
    })
}

/// Reads the expression `text`. `None` when it is not a date or time at
/// all (a stray number).
pub(crate) fn resolve(text: &str, ctx: &Context) -> Option<Resolved> {
    if let Some(day) = iso_day(text) {
        return point(Value::Day(day), None);
    }
    let mut words = expression_words(text);
    let qualifier = match words.first().map(String::as_str) {
        Some("early") => Some(Qualifier::Early),
        Some("mid") | Some("middle") => Some(Qualifier::Mid),
        Some("late") => Some(Qualifier::Late),
        _ => None,
    };
    if qualifier.is_some() {
        words.remove(0);
    }
    while words.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "the" | "on" | "in" | "of" | "since" | "by" | "for" | "during"
        )
    }) {
        words.remove(0);
    }
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    if w.is_empty() {
        return None;
    }
    if let Some(minutes) = time_of_day(&words) {
        return unplaced(Some(Value::Time { day: None, minutes }), qualifier);
    }
    if let Some(r) = offset(&words, ctx, qualifier) {
        return Some(r);
    }
    if let Some(r) = duration(&words, qualifier) {
        return Some(r);
    }
    if let Some(r) = relative(&w, ctx, qualifier) {
        return Some(r);
    }
    absolute(&w, ctx, qualifier)
}

/// "two weeks ago" (a point before the anchor), "two years later" (after
/// some other event: unplaced).
fn offset(words: &[String], ctx: &Context, qualifier: Option<Qualifier>) -> Option<Resolved> {
    let (last, rest) = words.split_last()?;
    if !matches!(
        last.as_str(),
        "ago" | "later" | "earlier" | "before" | "after" | "previously"
    ) {
        return None;
    }
    let (unit_word, n) = rest.split_last()?;
    let (designator, per) = unit(unit_word)?;
    let n = count(n)?;
    let (Some(anchor), Some(n), "ago") = (ctx.anchor, n, last.as_str()) else {
        return unplaced(None, qualifier);
    };
    let n = i64::from(n) * i64::from(per);
    let (ay, am, _) = civil_from_days(anchor);
    let value = match designator {
        "TS" | "TM" | "TH" => Value::Day(anchor),
        "D" => Value::Day(anchor - n),
        "W" => Value::Week(anchor - 7 * n),
        "M" => {
            let (y, m) = add_months(ay, am, -n);
            Value::Month(y, m)
        }
        _ => Value::Year(ay - i32::try_from(n).ok()?),
    };
    point(value, qualifier)
}

/// "two months", "18 years", "a few weeks", "the last 24 hours".
fn duration(words: &[String], qualifier: Option<Qualifier>) -> Option<Resolved> {
    let (unit_word, before) = words.split_last()?;
    let (designator, per) = unit(unit_word)?;
    let before = match before.first().map(String::as_str) {
        Some("last" | "past" | "next" | "coming" | "first" | "final") if before.len() > 1 => &before[1..],
        _ => before,
    };
    let n = count(before)?;
    if n.is_none() && matches!(before.first().map(String::as_str), Some("recent")) {
        return unplaced(None, qualifier);
    }
    let iso = n.map(|n| {
        let n = n.saturating_mul(per);
        match designator.strip_prefix('T') {
            Some(d) => format!("PT{n}{d}"),
            None => format!("P{n}{designator}"),
        }
    });
    Some(Resolved {
        reading: Reading::Duration(iso),
        qualifier,
    })
}

/// "yesterday", "last week", "this year", "next Tuesday", "last December".
fn relative(w: &[&str], ctx: &Context, qualifier: Option<Qualifier>) -> Option<Resolved> {
    let day_shift = match w {
        ["today" | "tonight"] | ["this", "morning" | "afternoon" | "evening"] => Some(0),
        ["yesterday"] | ["last", "night"] => Some(-1),
        ["tomorrow"] => Some(1),
        _ => None,
    };
    if let Some(shift) = day_shift {
        return match ctx.anchor {
            Some(a) => point(Value::Day(a + shift), qualifier),
            None => unplaced(None, qualifier),
        };
    }
    let (step, rest): (i8, &[&str]) = match w {
        ["last" | "previous" | "past", rest @ ..] => (-1, rest),
        ["next" | "coming" | "following", rest @ ..] => (1, rest),
        ["this", rest @ ..] => (0, rest),
        _ => return None,
    };
    let [word] = rest else {
        return unplaced(None, qualifier);
    };
    // "the following week", "the past week": relative to the narrative or
    // a stretch up to now, not a calendar point.
    if matches!(w.first(), Some(&("following" | "past" | "coming"))) {
        return unplaced(None, qualifier);
    }
    let Some(anchor) = ctx.anchor else {
        return unplaced(None, qualifier);
    };
    let (ay, am, _) = civil_from_days(anchor);
    let value = if let Some(target) = weekday_number(word) {
        Value::Day(weekday_near(anchor, target, step, ctx.tense.future()))
    } else if let Some(month) = month_number(word) {
        let (y, m) = month_near(anchor, month, step, ctx.tense);
        Value::Month(y, m)
    } else {
        match *word {
            "week" | "weekend" => Value::Week(anchor + 7 * i64::from(step)),
            "month" => {
                let (y, m) = add_months(ay, am, i64::from(step));
                Value::Month(y, m)
            }
            "year" => Value::Year(ay + i32::from(step)),
            _ => return unplaced(None, qualifier),
        }
    };
    point(value, qualifier)
}

/// Calendar dates: "Sunday, November 17, 2024", "17 November 2024",
/// "Nov. 5", "May 2022", "2024", "1990s", "Friday", "March".
fn absolute(w: &[&str], ctx: &Context, qualifier: Option<Qualifier>) -> Option<Resolved> {
    let (mut wd, mut month, mut day, mut year, mut decade) = (None, None, None, None, None);
    for (i, word) in w.iter().enumerate() {
        if let Some(d) = weekday_or_abbreviation(word).filter(|_| i == 0) {
            wd = Some(d);
        } else if let Some(m) = month_number(word).filter(|_| month.is_none()) {
            month = Some(m);
        } else if let Some(d) = day_of_month(word).filter(|_| day.is_none() && year.is_none()) {
            day = Some(d);
        } else if day.is_some() && year.is_none() && day_of_month(word).is_some() {
            // The end of a range ("October 25-26"): the range starts on the first day.
        } else if let Some(y) = year_of(word).filter(|_| year.is_none()) {
            year = Some(y);
        } else if let Some(y) = word
            .strip_suffix('s')
            .and_then(year_of)
            .filter(|y| y % 10 == 0 && w.len() == 1)
        {
            decade = Some(y);
        } else {
            return unplaced(None, qualifier);
        }
    }
    if let Some(d) = decade {
        return point(Value::Decade(d), qualifier);
    }
    match (month, day, year) {
        (Some(m), Some(d), Some(y)) => {
            if !is_valid(y, m, d) {
                return unplaced(None, qualifier);
            }
            point(Value::Day(days_from_civil(y, m, d)), qualifier)
        }
        (Some(m), None, Some(y)) => point(Value::Month(y, m), qualifier),
        (None, None, Some(y)) if wd.is_none() => point(Value::Year(y), qualifier),
        (Some(m), Some(d), None) => match ctx.anchor {
            Some(a) => match nearest_year(a, m, d, ctx.tense) {
                Some(y) => point(Value::Day(days_from_civil(y, m, d)), qualifier),
                None => unplaced(None, qualifier),
            },
            None if is_valid(2024, m, d) => unplaced(Some(Value::Yearless(m, d)), qualifier),
            None => unplaced(None, qualifier),
        },
        (Some(m), None, None) if wd.is_none() => match ctx.anchor {
            Some(a) => {
                let (y, m) = month_near(a, m, 0, ctx.tense);
                point(Value::Month(y, m), qualifier)
            }
            None => unplaced(None, qualifier),
        },
        (None, None, None) => match (wd, ctx.anchor) {
            (Some(target), Some(a)) => point(
                Value::Day(weekday_near(a, target, 0, ctx.tense.future())),
                qualifier,
            ),
            _ => unplaced(None, qualifier),
        },
        _ => unplaced(None, qualifier),
    }
}

impl Value {
    /// The value for an HTML `<time datetime>` attribute.
    pub(crate) fn datetime(self) -> String {
        let ymd = |z: i64| {
            let (y, m, d) = civil_from_days(z);
            format!("{y:04}-{m:02}-{d:02}")
        };
        match self {
            Value::Time { day, minutes } => {
                let clock = format!("{:02}:{:02}", minutes / 60, minutes % 60);
                day.map_or(clock.clone(), |z| format!("{}T{clock}", ymd(z)))
            }
            Value::Day(z) => ymd(z),
            Value::Week(z) => {
                let (y, w) = super::calendar::iso_week(z);
                format!("{y:04}-W{w:02}")
            }
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) | Value::Decade(y) => format!("{y:04}"),
            Value::Yearless(m, d) => format!("{m:02}-{d:02}"),
        }
    }

    /// How precise the value is.
    pub(crate) fn precision(self) -> Precision {
        match self {
            Value::Time { .. } => Precision::Time,
            Value::Day(_) | Value::Yearless(..) => Precision::Day,
            Value::Week(_) => Precision::Week,
            Value::Month(..) => Precision::Month,
            Value::Year(_) => Precision::Year,
            Value::Decade(_) => Precision::Decade,
        }
    }

    /// Where the value starts, in minutes since 1970-01-01, for
    /// chronological order (`None` for values off the calendar). A
    /// qualifier moves a year or month to its early, middle or late part.
    pub(crate) fn start_minutes(self, qualifier: Option<Qualifier>) -> Option<i64> {
        let day = match self {
            Value::Time { day, minutes } => return day.map(|z| z * 1440 + i64::from(minutes)),
            Value::Day(z) => z,
            Value::Week(z) => z - i64::from(weekday(z)),
            Value::Month(y, m) => {
                let shift = match qualifier {
                    Some(Qualifier::Mid) => 10,
                    Some(Qualifier::Late) => 20,
                    _ => 0,
                };
                days_from_civil(y, m, 1) + shift
            }
            Value::Year(y) => {
                let m = match qualifier {
                    Some(Qualifier::Mid) => 6,
                    Some(Qualifier::Late) => 10,
                    _ => 1,
                };
                days_from_civil(y, m, 1)
            }
            Value::Decade(y) => days_from_civil(y, 1, 1),
            Value::Yearless(..) => return None,
        };
        Some(day * 1440)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sunday 17 November 2024.
    fn sunday() -> Context {
        Context {
            anchor: Some(days_from_civil(2024, 11, 17)),
            tense: Tense::Unknown,
        }
    }

    fn value(text: &str, ctx: Context) -> String {
        match resolve(text, &ctx).map(|r| r.reading) {
            Some(Reading::Point(v)) => v.datetime(),
            Some(Reading::Duration(d)) => format!("duration {}", d.unwrap_or_default()),
            Some(Reading::Unplaced(v)) => format!("unplaced {}", v.map(Value::datetime).unwrap_or_default()),
            None => "none".into(),
        }
    }

    #[test]
    fn weekdays_are_the_last_one_before_the_anchor_or_the_next_in_future_sentences() {
        assert_eq!(value("Friday", sunday()), "2024-11-15");
        assert_eq!(value("Sunday", sunday()), "2024-11-17");
        assert_eq!(value("last Sunday", sunday()), "2024-11-10");
        assert_eq!(value("next Tuesday", sunday()), "2024-11-19");
        let future = Context {
            tense: Tense::Future,
            ..sunday()
        };
        assert_eq!(value("Tuesday", future), "2024-11-19");
    }

    #[test]
    fn days_weeks_months_and_years_relative_to_the_anchor() {
        assert_eq!(value("yesterday", sunday()), "2024-11-16");
        assert_eq!(value("today", sunday()), "2024-11-17");
        assert_eq!(value("tomorrow", sunday()), "2024-11-18");
        assert_eq!(value("last week", sunday()), "2024-W45");
        assert_eq!(value("last month", sunday()), "2024-10");
        assert_eq!(value("last year", sunday()), "2023");
        assert_eq!(value("next year", sunday()), "2025");
        assert_eq!(value("two weeks ago", sunday()), "2024-W44");
        assert_eq!(value("three days ago", sunday()), "2024-11-14");
        assert_eq!(value("18 months ago", sunday()), "2023-05");
        assert_eq!(value("two years later", sunday()), "unplaced ");
    }

    #[test]
    fn month_and_day_without_a_year_take_the_nearest_year() {
        assert_eq!(value("Nov. 5", sunday()), "2024-11-05");
        let past = Context {
            tense: Tense::Past,
            ..sunday()
        };
        assert_eq!(value("Dec. 27", past), "2023-12-27");
        // No tense: the nearer date, unless it is much nearer in the past.
        assert_eq!(value("Nov. 20", sunday()), "2024-11-20");
        assert_eq!(value("March", sunday()), "2024-03");
        assert_eq!(value("last December", sunday()), "2023-12");
        assert_eq!(value("next March", sunday()), "2025-03");
        let future = Context {
            tense: Tense::Future,
            ..sunday()
        };
        assert_eq!(value("Dec. 27", future), "2024-12-27");
        assert_eq!(value("Nov. 5", Context::default()), "unplaced 11-05");
    }

    #[test]
    fn calendar_dates_years_and_decades() {
        let none = Context::default();
        assert_eq!(value("Sunday, November 17, 2024", none), "2024-11-17");
        assert_eq!(value("17 November 2024", none), "2024-11-17");
        assert_eq!(value("2024-11-17", none), "2024-11-17");
        assert_eq!(value("May 2022", none), "2022-05");
        assert_eq!(value("2024", none), "2024");
        assert_eq!(value("1990s", none), "1990");
        assert_eq!(value("mid-2023", none), "2023");
        assert_eq!(value("February 30, 2024", none), "unplaced ");
        assert_eq!(value("October 25-26, 2016", none), "2016-10-25");
    }

    #[test]
    fn durations_and_times_of_day() {
        let none = Context::default();
        assert_eq!(value("two months", none), "duration P2M");
        assert_eq!(value("three years", none), "duration P3Y");
        assert_eq!(value("24 hours", none), "duration PT24H");
        assert_eq!(value("last 24 hours", none), "duration PT24H");
        assert_eq!(value("two decades", none), "duration P20Y");
        assert_eq!(value("a few weeks", none), "duration ");
        assert_eq!(value("twenty five years", none), "duration P25Y");
        assert_eq!(value("10:30 a.m.", none), "unplaced 10:30");
        assert_eq!(value("5 p.m.", none), "unplaced 17:00");
        assert_eq!(value("recent days", none), "unplaced ");
    }

    #[test]
    fn relative_expressions_stay_relative_without_an_anchor() {
        let none = Context::default();
        for text in ["yesterday", "on Friday", "last year", "two weeks ago", "in March"] {
            assert_eq!(value(text, none), "unplaced ", "{text}");
        }
    }
}
