//! Counts matching passages and distinct stories per day in one pass over the index's
//! fast fields (date and story columns), keeping the best passage of each day.

use super::ClippingIndex;
use super::Hit;
use super::schema::from_tantivy_date;
use crate::error::Result;
use crate::query::{Filters, TextQuery};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

type IntSet = crate::fasthash::IntSet<u64>;
type DayMap = crate::fasthash::IntMap<i64, DayCount>;

/// What matched on one day.
#[derive(Debug, Default, Clone)]
struct DayCount {
    passages: u64,
    stories: IntSet,
    best: Option<(Score, DocAddress)>,
}

/// Matches of one query, per publication day.
pub struct DayTable {
    days: BTreeMap<NaiveDate, DayCount>,
    searcher: Searcher,
    terms: HashSet<String>,
}

impl ClippingIndex {
    /// Counts, per day, the passages matching `text` (all its words) and `filters`, and
    /// the distinct stories they belong to.
    pub fn day_table(&self, text: &TextQuery, filters: &Filters) -> Result<DayTable> {
        let searcher = self.searcher()?;
        let built = self.build_query(text, filters)?;
        let collector = DayCollector {
            scoring: !text.is_empty(),
        };
        let by_day = searcher.search(built.matching(), &collector)?;
        let days = by_day
            .into_iter()
            .map(|(day, count)| (day_to_date(day), count))
            .collect();
        Ok(DayTable {
            days,
            searcher,
            terms: self.highlight_terms(text),
        })
    }
}

impl DayTable {
    /// The first day with a match.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.keys().next().copied()
    }

    /// The last day with a match.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.days.keys().next_back().copied()
    }

    /// Matching passages and distinct stories from `start` up to, not including, `end`.
    pub fn count(&self, start: NaiveDate, end: NaiveDate) -> (u64, u64) {
        let mut passages = 0;
        let mut stories = IntSet::default();
        for count in self.days.range(start..end).map(|(_, c)| c) {
            passages += count.passages;
            stories.extend(&count.stories);
        }
        (passages, stories.len() as u64)
    }

    /// The most relevant passage from `start` up to, not including, `end` (the newest
    /// when there are no query words to rank by).
    pub fn top(
        &self,
        index: &ClippingIndex,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Option<Hit>> {
        let best = self
            .days
            .range(start..end)
            .filter_map(|(_, c)| c.best)
            .fold(
                None,
                |best: Option<(Score, DocAddress)>, candidate| match best {
                    Some(b) if b.0 > candidate.0 => Some(b),
                    _ => Some(candidate),
                },
            );
        match best {
            None => Ok(None),
            Some((score, address)) => {
                let (hit, _) = index.hit(&self.searcher, address, score, &self.terms)?;
                Ok(Some(hit))
            }
        }
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

fn day_to_date(day: i64) -> NaiveDate {
    from_tantivy_date(DateTime::from_timestamp_secs(day * SECONDS_PER_DAY))
}

struct DayCollector {
    scoring: bool,
}

struct DaySegmentCollector {
    segment: SegmentOrdinal,
    dates: Column<DateTime>,
    stories: Column<u64>,
    days: DayMap,
    /// The previous document's day and story: passages of one article are neighbours,
    /// so most documents repeat both and skip the map lookups.
    previous: Option<(i64, u64)>,
}

impl Collector for DayCollector {
    type Fruit = DayMap;
    type Child = DaySegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DaySegmentCollector> {
        Ok(DaySegmentCollector {
            segment,
            dates: reader.fast_fields().date("date")?,
            stories: reader.fast_fields().u64("story")?,
            days: DayMap::default(),
            previous: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<DayMap>) -> tantivy::Result<DayMap> {
        let mut merged = DayMap::default();
        for fruit in fruits {
            for (day, count) in fruit {
                let into = merged.entry(day).or_default();
                into.passages += count.passages;
                into.stories.extend(count.stories);
                into.best = better(into.best, count.best);
            }
        }
        Ok(merged)
    }
}

fn better(
    a: Option<(Score, DocAddress)>,
    b: Option<(Score, DocAddress)>,
) -> Option<(Score, DocAddress)> {
    match (a, b) {
        (Some(x), Some(y)) if y.0 > x.0 => Some(y),
        (Some(x), _) => Some(x),
        (None, y) => y,
    }
}

impl SegmentCollector for DaySegmentCollector {
    type Fruit = DayMap;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(date) = self.dates.first(doc) else {
            return;
        };
        let day = date.into_timestamp_secs().div_euclid(SECONDS_PER_DAY);
        let story = self.stories.first(doc).unwrap_or(u64::MAX);
        let count = self.days.entry(day).or_default();
        count.passages += 1;
        if self.previous != Some((day, story)) {
            count.stories.insert(story);
            self.previous = Some((day, story));
        }
        if count.best.is_none_or(|(best, _)| score > best) {
            count.best = Some((score, DocAddress::new(self.segment, doc)));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.days
    }
}
