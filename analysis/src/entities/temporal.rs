//! Rule-based dates/times ("Monday", "November 17, 2024", "two months",
//! "2024", "last week", "10:30 a.m.") and quantities ("50,000 soldiers",
//! "$5 billion", "12%", "300 km").

use std::ops::Range;

use super::token::{TokKind, Token};
use super::EntityKind;

/// Month names, then their abbreviations.
pub(crate) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];
/// Month abbreviations written without their period, a month only before
/// a day or a year ("Nov 20").
const MONTHS_NO_PERIOD: &[&str] = &[
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Weekday names.
pub(crate) const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// A weekday in the plural, a recurring date: "on Tuesdays and Fridays".
pub(crate) fn is_weekdays(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(|d| DAYS.contains(&d))
}

/// Number of full month names at the start of [`MONTHS`].
pub(crate) const FULL_MONTHS: usize = 12;

/// A month (full or abbreviated) or weekday name.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w) || DAYS.contains(&w)
}

const DAY_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "midnight",
    "noon",
    "overnight",
];
const UNITS_OF_TIME: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "quarter",
    "fortnight",
];
const RELATIVE: &[&str] = &[
    "last",
    "next",
    "this",
    "past",
    "coming",
    "previous",
    "early",
    "late",
    "mid",
    "recent",
    "following",
];
/// Number words below twenty, by value.
const SMALL_NUMBERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Multiples of ten, by value / 10.
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a number word ("two", "Twenty"; any case), up to ninety.
pub fn number_word(w: &str) -> Option<u32> {
    if let Some(n) = SMALL_NUMBERS.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(n as u32);
    }
    TENS.iter()
        .position(|s| !s.is_empty() && s.eq_ignore_ascii_case(w))
        .map(|t| 10 * t as u32)
}

/// Words that count besides the number words: scales and vague counts.
const COUNT_WORDS: &[&str] = &[
    "hundred",
    "thousand",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "several",
    "few",
];
const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "mln", "bn", "m", "k",
];
const CURRENCY: &[&str] = &["$", "€", "£", "¥", "₹", "₽", "US$", "C$", "A$"];
const APPROX: &[&str] = &[
    "approximately",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "over",
    "under",
    "only",
    "just",
];
const NOT_COUNTED: &[&str] = &[
    "of", "and", "or", "the", "a", "to", "in", "on", "at", "for", "by", "with", "from", "that", "which",
    "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "as", "than",
    "more", "times", "per", "into", "out", "after", "before", "ago", "later",
];

/// Finds dates and quantities in `toks`, skipping tokens already `taken`.
/// Returns token ranges with their kind, in order, not overlapping.
pub fn find(text: &str, toks: &[Token], taken: &[bool]) -> Vec<(Range<usize>, EntityKind)> {
    let w = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone())).unwrap_or("");
    let free = |k: usize| k < toks.len() && !taken.get(k).copied().unwrap_or(true);
    let is_num = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Number);
    let num_val = |k: usize| -> Option<u32> {
        if !is_num(k) {
            return None;
        }
        let s = w(k);
        let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 6 {
            return None;
        }
        digits.parse().ok()
    };
    let is_day_num = |k: usize| num_val(k).is_some_and(|v| (1..=31).contains(&v));
    let is_year = |k: usize| w(k).len() == 4 && num_val(k).is_some_and(|v| (1000..=2100).contains(&v));
    let is_month = |k: usize| {
        let s = w(k);
        (MONTHS.contains(&s)
            && (s != "May" && s != "March"
                || is_day_num(k + 1)
                || is_year(k + 1)
                || is_day_num(k.wrapping_sub(1))))
            // Wire style drops the period: "Nov 20", "Sept 3, 2024".
            || (MONTHS_NO_PERIOD.contains(&s) && (is_day_num(k + 1) || is_year(k + 1)))
    };
    // "one" counts as a number only with digits ("one of them" is no quantity).
    let is_number_word = |k: usize| {
        number_word(w(k)).is_some_and(|n| n >= 2) || COUNT_WORDS.contains(&w(k).to_lowercase().as_str())
    };
    let lower = |k: usize| w(k).to_lowercase();
    let mut out: Vec<(Range<usize>, EntityKind)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut kind = EntityKind::Date;
        // Day number before a month: "17 November 2024".
        if is_day_num(i) && free(i + 1) && is_month(i + 1) {
            end = i + 2;
            if free(end) && is_year(end) {
                end += 1;
            }
        } else if is_month(i) {
            end = i + 1;
            if free(end) && is_day_num(end) {
                end += 1;
                if w(end) == "," && free(end + 1) && is_year(end + 1) {
                    end += 2;
                } else if free(end) && is_year(end) {
                    end += 1;
                }
            } else if free(end) && is_year(end) {
                end += 1;
            }
        } else if is_weekdays(w(i)) {
            end = i + 1;
        } else if DAYS.contains(&w(i)) {
            end = i + 1;
            if w(end) == "," && free(end + 1) && is_month(end + 1) {
                end += 2;
                if free(end) && is_day_num(end) {
                    end += 1;
                    if w(end) == "," && free(end + 1) && is_year(end + 1) {
                        end += 2;
                    }
                }
            }
        } else if DAY_WORDS.contains(&lower(i).as_str()) {
            end = i + 1;
        } else if RELATIVE.contains(&lower(i).as_str()) && i + 1 < toks.len() {
            let mut k = i + 1;
            if is_number_word(k) || num_val(k).is_some_and(|v| v < 1000) {
                k += 1;
            }
            if free(k)
                && (UNITS_OF_TIME.contains(&lower(k).as_str())
                    || DAYS.contains(&w(k))
                    || MONTHS.contains(&w(k)))
            {
                end = k + 1;
            }
        } else if is_year(i) && !is_currency(w(i.wrapping_sub(1))) {
            end = i + 1;
        } else if is_num(i) && w(i).ends_with('s') && w(i).len() == 5 {
            // "1990s"
            end = i + 1;
        } else if is_num(i) && w(i).contains(':') {
            end = i + 1;
            if matches!(lower(end).as_str(), "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc") {
                end += 1;
            }
        } else if is_num(i) && matches!(lower(i + 1).as_str(), "a.m." | "p.m.") {
            end = i + 2;
        }
        // Durations: "two months", "18 years", "a few weeks".
        if end == i && (is_number_word(i) || (is_num(i) && !is_year(i))) {
            let mut k = i + 1;
            if is_number_word(k) && free(k) {
                k += 1;
            }
            if free(k) && UNITS_OF_TIME.contains(&lower(k).as_str()) {
                end = k + 1;
                if matches!(lower(end).as_str(), "ago" | "later" | "earlier" | "old") {
                    end += 1;
                }
            }
        }
        // Quantities.
        if end == i {
            kind = EntityKind::Quantity;
            let mut k = i;
            let currency = is_currency(w(k));
            if currency && is_num(k + 1) {
                k += 2;
            } else if is_num(k) || (is_number_word(k) && lower(k) != "few" && lower(k) != "several") {
                k += 1;
            }
            if k > i {
                while free(k) && SCALES.contains(&lower(k).as_str()) {
                    k += 1;
                }
                let unit = lower(k);
                if w(k) == "%" || unit == "percent" {
                    k += 1;
                } else if unit == "per" && lower(k + 1) == "cent" {
                    k += 2;
                } else if !currency
                    && free(k)
                    && toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
                    && w(k).chars().next().is_some_and(char::is_lowercase)
                    && !NOT_COUNTED.contains(&unit.as_str())
                    && (unit.ends_with('s') || is_unit(&unit))
                {
                    k += 1;
                } else if !is_num(i) && !currency {
                    // A bare number word is not a quantity.
                    k = i;
                }
                end = k;
            }
        }
        if end > i {
            // Attach an approximator before: "approximately 50,000 soldiers".
            let start = if kind == EntityKind::Quantity
                && i > 0
                && free(i - 1)
                && APPROX.contains(&lower(i - 1).as_str())
            {
                i - 1
            } else {
                i
            };
            let end = end.min(toks.len());
            if (start..end).all(free) {
                out.push((start..end, kind));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_currency(s: &str) -> bool {
    CURRENCY.contains(&s)
}

fn is_unit(s: &str) -> bool {
    matches!(
        s,
        "km" | "kilometer"
            | "kilometre"
            | "mile"
            | "meter"
            | "metre"
            | "kg"
            | "kilogram"
            | "ton"
            | "tonne"
            | "barrel"
            | "liter"
            | "litre"
            | "gallon"
            | "acre"
            | "hectare"
            | "foot"
            | "feet"
            | "inch"
            | "degree"
            | "mph"
            | "mw"
            | "gw"
            | "kw"
            | "cm"
            | "mm"
            | "lb"
            | "lbs"
            | "oz"
            | "g"
            | "m"
            | "ft"
            | "mi"
            | "dollar"
            | "euro"
            | "pound"
            | "yuan"
            | "yen"
            | "ruble"
            | "rouble"
            | "hryvnia"
            | "rupee"
            | "person"
            | "troop"
            | "soldier"
    )
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn found(text: &str) -> Vec<(&str, EntityKind)> {
        let toks = tokenize(text, 0..text.len());
        let taken = vec![false; toks.len()];
        find(text, &toks, &taken)
            .into_iter()
            .map(|(r, k)| {
                let s = toks[r.start].span.start;
                let e = toks[r.end - 1].span.end;
                (&text[s..e], k)
            })
            .collect()
    }

    #[test]
    fn seed_dates_and_quantities() {
        let text = "This choice comes just two months before the inauguration. Russian forces are preparing an offensive with approximately 50,000 soldiers.";
        assert_eq!(
            found(text),
            [
                ("two months", EntityKind::Date),
                ("approximately 50,000 soldiers", EntityKind::Quantity)
            ]
        );
    }

    #[test]
    fn calendar_dates() {
        let text = "On Monday, November 17, 2024 he spoke; in 2024 and on 5 March 2023 and in May 2022, last week, at 10:30 a.m.";
        let d: Vec<&str> = found(text).into_iter().map(|x| x.0).collect();
        assert_eq!(
            d,
            [
                "Monday, November 17, 2024",
                "2024",
                "5 March 2023",
                "May 2022",
                "last week",
                "10:30 a.m."
            ]
        );
    }

    #[test]
    fn money_and_percent() {
        let text = "The $5 billion package raised output 12% and 3.5 per cent, about 300 km away, with two countries.";
        assert_eq!(
            found(text),
            [
                ("$5 billion", EntityKind::Quantity),
                ("12%", EntityKind::Quantity),
                ("3.5 per cent", EntityKind::Quantity),
                ("about 300 km", EntityKind::Quantity),
                ("two countries", EntityKind::Quantity),
            ]
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(found("Biden May allow them. You may go.").is_empty());
    }
}
