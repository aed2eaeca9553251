//! Proleptic Gregorian calendar arithmetic on day numbers (days since
//! 1970-01-01), after Howard Hinnant's `days_from_civil` and
//! `civil_from_days` (<https://howardhinnant.github.io/date_algorithms.html>).
//! A few lines of integer arithmetic instead of a date crate in the wasm.

/// Days in `month` (1–12) of `year`; 0 for a month out of range.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Is `year-month-day` a real calendar day?
pub(crate) fn is_valid(year: i32, month: u8, day: u8) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

/// The day number of `year-month-day` (1970-01-01 is 0). The date must be
/// valid ([`is_valid`]).
pub(crate) fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `(year, month, day)` of day number `z`.
pub(crate) fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// The weekday of day number `z`: 0 is Monday, 6 is Sunday.
pub(crate) fn weekday(z: i64) -> u8 {
    // 1970-01-01 was a Thursday (3).
    (z + 3).rem_euclid(7) as u8
}

/// The ISO 8601 week of day number `z`: (week-numbering year, week 1–53).
pub(crate) fn iso_week(z: i64) -> (i32, u8) {
    // The week's Thursday decides its year.
    let thursday = z - i64::from(weekday(z)) + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week as u8)
}

/// `(year, month)` moved by `delta` months.
pub(crate) fn add_months(year: i32, month: u8, delta: i64) -> (i32, u8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_eras() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        for z in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert!(is_valid(y, m, d));
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert!(!is_valid(2023, 2, 29));
        assert!(!is_valid(2024, 13, 1));
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        // Sunday 17 November 2024, week 46.
        let z = days_from_civil(2024, 11, 17);
        assert_eq!(weekday(z), 6);
        assert_eq!(iso_week(z), (2024, 46));
        // 2021-01-03 (a Sunday) still belongs to week 53 of 2020.
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), (2020, 53));
        // 2024-12-30 (a Monday) opens week 1 of 2025.
        assert_eq!(iso_week(days_from_civil(2024, 12, 30)), (2025, 1));
    }

    #[test]
    fn months_move_across_years() {
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2024, 11, 2), (2025, 1));
        assert_eq!(add_months(2024, 3, -27), (2021, 12));
    }
}
