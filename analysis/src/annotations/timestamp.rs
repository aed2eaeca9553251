//! Milliseconds since 1970 ⇄ `xsd:dateTime` text ("2024-11-17T12:00:00Z"),
//! the form of the W3C model's `created`. Proleptic Gregorian calendar,
//! UTC (days ⇄ civil dates after Howard Hinnant's algorithms).

/// `ms` as `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` before the `Z` when the
/// milliseconds are not zero.
///
/// ```
/// use article_analysis::annotations::timestamp::{iso8601, parse_iso8601};
/// assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
/// assert_eq!(iso8601(1_731_844_800_123), "2024-11-17T12:00:00.123Z");
/// assert_eq!(parse_iso8601("2024-11-17T13:00:00.123+01:00"), Some(1_731_844_800_123));
/// ```
pub fn iso8601(ms: u64) -> String {
    let secs = ms / 1000;
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (rest / 3600, rest / 60 % 60, rest % 60);
    let frac = ms % 1000;
    if frac == 0 {
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
    } else {
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{frac:03}Z")
    }
}

/// Milliseconds since 1970 of an `xsd:dateTime` (`YYYY-MM-DDTHH:MM:SS`,
/// optional fraction, then `Z`, `±HH:MM` or nothing for UTC); `None` when
/// malformed or before 1970.
pub fn parse_iso8601(s: &str) -> Option<u64> {
    let s = s.trim();
    let (date, time) = s.split_once('T')?;
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // The zone: "Z", "+HH:MM", "-HH:MM" or nothing.
    let (clock, offset_min) = if let Some(c) = time.strip_suffix('Z') {
        (c, 0i64)
    } else if let Some(i) = time.rfind(['+', '-']) {
        let (c, zone) = time.split_at(i);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (zh, zm) = zone.get(1..)?.split_once(':')?;
        (c, sign * (zh.parse::<i64>().ok()? * 60 + zm.parse::<i64>().ok()?))
    } else {
        (time, 0)
    };
    let (hms, frac) = clock.split_once('.').unwrap_or((clock, ""));
    let mut hms = hms.splitn(3, ':');
    let hh: i64 = hms.next()?.parse().ok()?;
    let mm: i64 = hms.next()?.parse().ok()?;
    let ss: i64 = hms.next()?.parse().ok()?;
    if hh > 24 || mm > 59 || ss > 60 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Milliseconds: the first three digits of the fraction.
    let ms: i64 = format!("{:0<3}", frac.get(..3).unwrap_or(frac)).parse().ok()?;
    let secs = days_from_civil(y, m, d) * 86_400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
    u64::try_from(secs.checked_mul(1000)?.checked_add(ms)?).ok()
}

/// (year, month, day) of day number `z` (0 = 1970-01-01).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Day number (0 = 1970-01-01) of a civil date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_across_leap_days_and_centuries() {
        for ms in [
            0,
            951_782_400_000,   // 2000-02-29
            4_107_542_400_000, // 2100-03-01
            1_709_164_799_999, // 2024-02-28T23:59:59.999
            1_709_251_200_000, // 2024-03-01
        ] {
            assert_eq!(parse_iso8601(&iso8601(ms)), Some(ms), "{}", iso8601(ms));
        }
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(4_107_542_400_000), "2100-03-01T00:00:00Z");
    }

    #[test]
    fn the_model_examples_parse() {
        assert_eq!(parse_iso8601("2015-01-28T12:00:00Z"), Some(1_422_446_400_000));
        assert_eq!(parse_iso8601("2015-01-28T12:00:00"), Some(1_422_446_400_000));
        assert_eq!(
            parse_iso8601("2015-01-28T07:00:00-05:00"),
            Some(1_422_446_400_000)
        );
    }

    #[test]
    fn malformed_or_early_dates_are_none() {
        for s in [
            "",
            "2015-01-28",
            "2015-13-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
            "2015-01-28T1:x:00Z",
            "2015-01-28T12:00:00.5a",
        ] {
            assert_eq!(parse_iso8601(s), None, "{s}");
        }
    }
}
