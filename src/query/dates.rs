//! Dates as users type them, into the days they cover: calendar dates (`2025`,
//! `2025-04`, `2025-04-29`), ISO weeks (`2025-W17`), named periods (`today`,
//! `last-month`) and counts back from today (`30d`, `12m`).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The accepted date forms, quoted in every date error.
pub const DATE_FORMS: &str = "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, today, yesterday, \
    this-week, last-week, this-month, last-month, this-year, last-year, or a count back \
    from today such as 30d, 8w, 12m, 2y";

/// A half-open range of days: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// First day in the range.
    pub start: NaiveDate,
    /// First day after the range.
    pub end: NaiveDate,
}

impl DateRange {
    /// The one day `day`.
    pub fn day(day: NaiveDate) -> Option<DateRange> {
        Some(DateRange {
            start: day,
            end: day.checked_add_days(Days::new(1))?,
        })
    }
}

/// Why a date cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {typed:?}: use {DATE_FORMS}")]
pub struct DateError {
    /// The date as typed (`{:?}` keeps the message on one line whatever it holds).
    pub typed: String,
}

/// Reads a date, counting relative forms from today's local date.
pub fn parse_date_range(text: &str) -> Result<DateRange, DateError> {
    parse_date_range_on(text, chrono::Local::now().date_naive())
}

/// Reads a date, counting relative forms from `today`.
///
/// A calendar date, week or named period is the whole period (`last-month` is every day
/// of the previous month); a count back is one day (`30d` is the day 30 days ago, so
/// `--from 30d` means the last 30 days and `--to 90d` up to 90 days ago).
pub fn parse_date_range_on(text: &str, today: NaiveDate) -> Result<DateRange, DateError> {
    let typed = text.trim();
    let bad = || DateError {
        typed: text.to_string(),
    };
    let lower = typed.to_ascii_lowercase();
    named_period(&lower, today)
        .or_else(|| count_back(&lower, today))
        .or_else(|| iso_week(&lower))
        .or_else(|| calendar(typed))
        .ok_or_else(bad)
}

fn named_period(text: &str, today: NaiveDate) -> Option<DateRange> {
    let week_start = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let month_start = today.with_day(1)?;
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1)?;
    let range = |start: NaiveDate, end: NaiveDate| Some(DateRange { start, end });
    match text {
        "today" => DateRange::day(today),
        "yesterday" => DateRange::day(today.pred_opt()?),
        "this-week" => range(week_start, week_start + Days::new(7)),
        "last-week" => range(week_start - Days::new(7), week_start),
        "this-month" => range(month_start, month_start.checked_add_months(Months::new(1))?),
        "last-month" => range(month_start.checked_sub_months(Months::new(1))?, month_start),
        "this-year" => range(year_start, year_start.with_year(today.year() + 1)?),
        "last-year" => range(year_start.with_year(today.year() - 1)?, year_start),
        _ => None,
    }
}

/// `30d`, `8w`, `12m`, `2y`: the one day that long ago.
fn count_back(text: &str, today: NaiveDate) -> Option<DateRange> {
    let unit = text.chars().last()?;
    let count: u32 = text.strip_suffix(unit)?.parse().ok()?;
    if !text.bytes().next()?.is_ascii_digit() {
        return None;
    }
    let day = match unit {
        'd' => today.checked_sub_days(Days::new(u64::from(count)))?,
        'w' => today.checked_sub_days(Days::new(7 * u64::from(count)))?,
        'm' => today.checked_sub_months(Months::new(count))?,
        'y' => today.checked_sub_months(Months::new(count.checked_mul(12)?))?,
        _ => return None,
    };
    DateRange::day(day)
}

/// `2025-W17`: Monday to Sunday of ISO week 17 of 2025.
fn iso_week(text: &str) -> Option<DateRange> {
    let (year, week) = text.split_once("-w")?;
    if year.len() != 4 || !(1..=2).contains(&week.len()) {
        return None;
    }
    let start = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
    Some(DateRange {
        start,
        end: start.checked_add_days(Days::new(7))?,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn calendar(text: &str) -> Option<DateRange> {
    let parts: Vec<&str> = text.split('-').collect();
    let ascii_number = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !parts.iter().all(ascii_number)
        || parts.first()?.len() != 4
        || parts.iter().skip(1).any(|p| p.len() > 2)
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let year = i32::try_from(numbers[0]).ok()?;
    match numbers[..] {
        [_] => {
            let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
            Some(DateRange {
                start,
                end: start.with_year(year + 1)?,
            })
        }
        [_, month] => {
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            Some(DateRange {
                start,
                end: start.checked_add_months(Months::new(1))?,
            })
        }
        [_, month, day] => DateRange::day(NaiveDate::from_ymd_opt(year, month, day)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_dates() {
        let cases = [
            ("2025", d(2025, 1, 1), d(2026, 1, 1)),
            ("2025-04", d(2025, 4, 1), d(2025, 5, 1)),
            ("2025-12", d(2025, 12, 1), d(2026, 1, 1)),
            ("2025-04-29", d(2025, 4, 29), d(2025, 4, 30)),
            ("2024-02-29", d(2024, 2, 29), d(2024, 3, 1)),
            ("1987-10-19", d(1987, 10, 19), d(1987, 10, 20)),
        ];
        for (text, start, end) in cases {
            assert_eq!(
                parse_date_range_on(text, d(2026, 1, 1)),
                Ok(DateRange { start, end }),
                "{text}"
            );
        }
    }

    #[test]
    fn relative_dates_from_a_fixed_today() {
        // Wednesday 2025-04-30.
        let today = d(2025, 4, 30);
        let cases = [
            ("today", d(2025, 4, 30), d(2025, 5, 1)),
            ("Yesterday", d(2025, 4, 29), d(2025, 4, 30)),
            ("this-week", d(2025, 4, 28), d(2025, 5, 5)),
            ("last-week", d(2025, 4, 21), d(2025, 4, 28)),
            ("this-month", d(2025, 4, 1), d(2025, 5, 1)),
            ("last-month", d(2025, 3, 1), d(2025, 4, 1)),
            ("this-year", d(2025, 1, 1), d(2026, 1, 1)),
            ("last-year", d(2024, 1, 1), d(2025, 1, 1)),
            ("30d", d(2025, 3, 31), d(2025, 4, 1)),
            ("0d", d(2025, 4, 30), d(2025, 5, 1)),
            ("2w", d(2025, 4, 16), d(2025, 4, 17)),
            ("12m", d(2024, 4, 30), d(2024, 5, 1)),
            ("2y", d(2023, 4, 30), d(2023, 5, 1)),
            ("2025-W17", d(2025, 4, 21), d(2025, 4, 28)),
            ("2025-w01", d(2024, 12, 30), d(2025, 1, 6)),
            ("2020-W53", d(2020, 12, 28), d(2021, 1, 4)),
        ];
        for (text, start, end) in cases {
            assert_eq!(
                parse_date_range_on(text, today),
                Ok(DateRange { start, end }),
                "{text}"
            );
        }
    }

    #[test]
    fn bad_dates_name_the_accepted_forms() {
        for bad in [
            "2025-13",
            "25",
            "2025-4-311",
            "2025/04",
            "april",
            "2025-02-30",
            "",
            "2025-",
            "2025-W54",
            "2021-W53",
            "d30",
            "30x",
            "-3d",
            "٢٠٢٥",
            "last-decade",
        ] {
            let err = parse_date_range_on(bad, d(2025, 4, 30))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("YYYY-MM-DD") && err.contains("30d"),
                "{bad}: {err}"
            );
            assert!(!err.contains('\n'));
        }
    }
}
