//! Timelines: matching stories and passages counted per day, week, month or year across a
//! span, empty periods included, each period with its most relevant passage.

use crate::error::Result;
use crate::index::ClippingIndex;
use crate::index::Hit;
use crate::query::{Filters, TextQuery};
use chrono::{Datelike, Days, Months, NaiveDate};

/// The length of one timeline period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Calendar days.
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Most periods a timeline shows before a longer unit is chosen.
const MAX_AUTO_BUCKETS: i64 = 60;

impl Unit {
    /// The lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// A short label for the period starting at `start`: `2025-04-29`, `2025-W18`,
    /// `2025-04` or `2025`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Unit::Day => start.format("%Y-%m-%d").to_string(),
            Unit::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Unit::Month => start.format("%Y-%m").to_string(),
            Unit::Year => start.format("%Y").to_string(),
        }
    }

    /// The first day of the period holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day => date,
            Unit::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Unit::Month => date.with_day(1).expect("every month has a first day"),
            Unit::Year => {
                NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("every year has a first day")
            }
        }
    }

    /// The first day of the period after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let next = match self {
            Unit::Day => start.checked_add_days(Days::new(1)),
            Unit::Week => start.checked_add_days(Days::new(7)),
            Unit::Month => start.checked_add_months(Months::new(1)),
            Unit::Year => start.checked_add_months(Months::new(12)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }

    /// The shortest unit that shows the span from `first` to `last` in at most 60 periods.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Unit {
        [Unit::Day, Unit::Week, Unit::Month]
            .into_iter()
            .find(|unit| unit.periods(first, last) <= MAX_AUTO_BUCKETS)
            .unwrap_or(Unit::Year)
    }

    fn periods(self, first: NaiveDate, last: NaiveDate) -> i64 {
        let mut count = 0;
        let mut start = self.start_of(first);
        while start <= last && count <= MAX_AUTO_BUCKETS {
            count += 1;
            start = self.next(start);
        }
        count
    }
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (inclusive).
    pub end: NaiveDate,
    /// Distinct stories with a matching passage (copies of one story count once).
    pub stories: u64,
    /// Matching passages.
    pub passages: u64,
    /// The period's most relevant passage.
    pub top: Option<Hit>,
}

/// Counts over time for one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Length of each period.
    pub by: Unit,
    /// The query as given.
    pub query: String,
    /// Periods in order, empty ones included.
    pub buckets: Vec<Bucket>,
}

impl Timeline {
    /// True when nothing matched in any period.
    pub fn is_empty(&self) -> bool {
        self.buckets.iter().all(|b| b.passages == 0)
    }
}

/// What a timeline is asked for.
#[derive(Debug, Clone)]
pub struct TimelineRequest {
    /// The query as typed, for display.
    pub query: String,
    /// Words to match (all of them).
    pub text: TextQuery,
    /// Restrictions; `from`/`until` also set the span.
    pub filters: Filters,
    /// Period length; chosen from the span when `None`.
    pub by: Option<Unit>,
}

/// Builds a timeline from the index.
pub fn build(index: &ClippingIndex, request: &TimelineRequest) -> Result<Timeline> {
    let table = index.day_table(&request.text, &request.filters)?;
    let first = request.filters.from.or(table.first_day());
    let last = request
        .filters
        .until
        .and_then(|until| until.pred_opt())
        .or(table.last_day());
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(Timeline {
            by: request.by.unwrap_or(Unit::Month),
            query: request.query.clone(),
            buckets: Vec::new(),
        });
    };
    let by = request.by.unwrap_or_else(|| Unit::for_span(first, last));
    let mut periods = Vec::new();
    let mut start = by.start_of(first);
    while start <= last {
        let next = by.next(start);
        periods.push((start, next));
        start = next;
    }
    let tops = table.tops(index, &periods)?;
    let buckets = periods
        .into_iter()
        .zip(tops)
        .map(|((start, next), top)| {
            let (passages, stories) = table.count(start, next);
            Bucket {
                start,
                end: next.pred_opt().unwrap_or(next),
                stories,
                passages,
                top,
            }
        })
        .collect();
    Ok(Timeline {
        by,
        query: request.query.clone(),
        buckets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_start_on_calendar_boundaries() {
        // 2025-01-01 is a Wednesday; its ISO week starts on Monday 2024-12-30.
        let cases = [
            (Unit::Day, d(2025, 1, 1), d(2025, 1, 1), d(2025, 1, 2)),
            (Unit::Week, d(2025, 1, 1), d(2024, 12, 30), d(2025, 1, 6)),
            (Unit::Week, d(2025, 1, 5), d(2024, 12, 30), d(2025, 1, 6)),
            (Unit::Week, d(2025, 1, 6), d(2025, 1, 6), d(2025, 1, 13)),
            (Unit::Month, d(2024, 2, 29), d(2024, 2, 1), d(2024, 3, 1)),
            (Unit::Month, d(2024, 12, 31), d(2024, 12, 1), d(2025, 1, 1)),
            (Unit::Year, d(2024, 7, 4), d(2024, 1, 1), d(2025, 1, 1)),
        ];
        for (unit, date, start, next) in cases {
            assert_eq!(unit.start_of(date), start, "{unit:?} {date}");
            assert_eq!(unit.next(start), next, "{unit:?} {date}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(Unit::Week.label(d(2024, 12, 30)), "2025-W01");
        assert_eq!(Unit::Month.label(d(2025, 4, 1)), "2025-04");
        assert_eq!(Unit::Year.label(d(2025, 1, 1)), "2025");
        assert_eq!(Unit::Day.label(d(2025, 4, 29)), "2025-04-29");
    }

    #[test]
    fn unit_is_chosen_from_the_span() {
        let cases = [
            (d(2025, 1, 1), d(2025, 1, 20), Unit::Day),
            (d(2025, 1, 1), d(2025, 2, 28), Unit::Day),
            (d(2025, 1, 1), d(2025, 6, 30), Unit::Week),
            (d(2024, 1, 1), d(2025, 6, 30), Unit::Month),
            (d(2020, 1, 1), d(2024, 12, 31), Unit::Month),
            (d(2015, 1, 1), d(2025, 6, 30), Unit::Year),
        ];
        for (first, last, unit) in cases {
            assert_eq!(Unit::for_span(first, last), unit, "{first}..{last}");
        }
    }
}
