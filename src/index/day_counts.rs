//! Counts matches per publication day for timelines: the matching articles and their
//! distinct stories (one pass over the date and story columns), the passages that hold
//! every word, and the best article of each day by the same scores `search` uses (BM25
//! over articles and relevance feedback).

use super::feedback::RERANK_DEPTH;
use super::query_build::{Builder, Tier};
use super::ranking::{ArticleColumns, KindStatistics, Ranked};
use super::schema::ARTICLE;
use super::schema::from_tantivy_date;
use super::{ClippingIndex, Hit};
use crate::error::Result;
use crate::query::{Filters, TextQuery};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur};
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

type IntSet = crate::fasthash::IntSet<u64>;
type DayMap = crate::fasthash::IntMap<i64, DayCount>;

/// What matched on one day.
#[derive(Debug, Default, Clone)]
struct DayCount {
    articles: u64,
    passages: u64,
    stories: IntSet,
    best: Option<Ranked>,
}

/// Matches of one query, per publication day.
pub struct DayTable {
    days: BTreeMap<NaiveDate, DayCount>,
    searcher: Searcher,
    text: TextQuery,
    filters: Filters,
    terms: HashSet<String>,
}

impl ClippingIndex {
    /// Counts, per day, the articles matching every word of `text` and `filters`, their
    /// distinct stories, and the passages among them that hold every word; and each
    /// day's best article, for [`DayTable::tops`].
    pub fn day_table(&self, text: &TextQuery, filters: &Filters) -> Result<DayTable> {
        self.day_table_ranked(text, filters, true)
    }

    /// [`day_table`](Self::day_table) for the counts alone: no article is scored (nor the
    /// query's feedback found, which cost a batch of 1,000 names with `--summary` more
    /// than half its time), and [`DayTable::tops`] falls back to each period's newest.
    pub fn day_counts(&self, text: &TextQuery, filters: &Filters) -> Result<DayTable> {
        self.day_table_ranked(text, filters, false)
    }

    fn day_table_ranked(
        &self,
        text: &TextQuery,
        filters: &Filters,
        rank: bool,
    ) -> Result<DayTable> {
        let searcher = self.searcher()?;
        let builder = Builder::new(self, &searcher);
        let queries = self.article_queries(&builder, text, filters)?;
        // Passages with every word, when the words reach into passages at all (terms of
        // the headline or byline alone do not: then an article's passages all count).
        let every = match &text.expr {
            Some(expr) => builder.passages(expr, Tier::Every)?,
            None => None,
        };
        // The best article of each day is chosen by the scores `search` ranks by: BM25
        // over articles, with the relevance feedback of the query's first ranking.
        let stats = KindStatistics::new(self, &searcher, ARTICLE)?;
        let mut scoring = queries.tiers[0].box_clone();
        let scored = rank && queries.scored;
        if scored {
            let mut columns = ArticleColumns::default();
            let first = self.first_pass(
                &searcher,
                &stats,
                &queries,
                None,
                RERANK_DEPTH,
                &mut columns,
            )?;
            if let Some(feedback) =
                self.feedback(&searcher, &stats, &queries, &first, &mut columns)?
            {
                scoring = Box::new(BooleanQuery::new(vec![
                    (Occur::Must, scoring),
                    (Occur::Should, feedback.query()),
                ]));
            }
        }
        let articles = searcher.search_with_statistics_provider(
            scoring.as_ref(),
            &ArticleDays {
                scoring: scored,
                keep_keys: every.is_some(),
            },
            &stats,
        )?;
        let mut days: BTreeMap<NaiveDate, DayCount> = articles
            .days
            .into_iter()
            .map(|(day, count)| (day_to_date(day), count))
            .collect();
        let passages = match every {
            Some(every) => {
                let clauses = vec![builder.passage_kind(), (Occur::Must, every)];
                searcher.search(
                    &BooleanQuery::new(clauses),
                    &PassageDays {
                        articles: Arc::new(articles.keys),
                    },
                )?
            }
            None => articles.passages,
        };
        for (day, n) in passages {
            days.entry(day_to_date(day)).or_default().passages += n;
        }
        days.retain(|_, count| count.articles > 0);
        let terms = builder.highlights.borrow().clone();
        Ok(DayTable {
            days,
            searcher,
            text: text.clone(),
            filters: filters.clone(),
            terms,
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

    /// Every match: articles, distinct stories (copies counted once) and passages.
    pub fn totals(&self) -> (u64, u64, u64) {
        let articles = self.days.values().map(|c| c.articles).sum();
        let passages = self.days.values().map(|c| c.passages).sum();
        let mut stories = IntSet::default();
        for count in self.days.values() {
            stories.extend(&count.stories);
        }
        (articles, stories.len() as u64, passages)
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

    /// For each period (`start` up to, not including, `end`), the best passage of its
    /// best article (of the newest article when there are no words to rank by). The
    /// passages of every period are chosen in one search, and read from the store on
    /// every core.
    pub fn tops(
        &self,
        index: &ClippingIndex,
        periods: &[(NaiveDate, NaiveDate)],
    ) -> Result<Vec<Option<Hit>>> {
        use rayon::prelude::*;
        let bests: Vec<Option<Ranked>> = periods
            .iter()
            .map(|&(start, end)| self.best_in(start, end))
            .collect();
        let keys: Vec<u64> = bests.iter().flatten().map(|b| b.key).collect();
        let builder = Builder::new(index, &self.searcher);
        let passages = index.best_passages(
            &self.searcher,
            &builder,
            &self.text,
            &self.filters,
            &keys,
            1,
        )?;
        bests
            .into_par_iter()
            .map(|best| {
                let Some(best) = best else {
                    return Ok(None);
                };
                let passage = passages.get(&best.key).and_then(|list| list.first());
                index
                    .hit(&self.searcher, &best, passage, &self.terms)
                    .map(Some)
            })
            .collect()
    }

    /// The best article from `start` up to, not including, `end`.
    fn best_in(&self, start: NaiveDate, end: NaiveDate) -> Option<Ranked> {
        self.days
            .range(start..end)
            .filter_map(|(_, c)| c.best)
            .fold(None, |best: Option<Ranked>, candidate| match best {
                Some(b) if b.score > candidate.score => Some(b),
                _ => Some(candidate),
            })
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

fn day_to_date(day: i64) -> NaiveDate {
    from_tantivy_date(DateTime::from_timestamp_secs(day * SECONDS_PER_DAY))
}

fn day_of(dates: &Column<DateTime>, doc: DocId) -> Option<i64> {
    let date = dates.first(doc)?;
    Some(date.into_timestamp_secs().div_euclid(SECONDS_PER_DAY))
}

/// Per day over matching articles: counts, stories and the best article; and every
/// matching article's key and passage count.
struct ArticleDays {
    scoring: bool,
    /// Whether to keep every matching article's day by its key, for counting passages
    /// after: a map of every article in a whole-archive timeline, built for nothing
    /// when no passage query follows.
    keep_keys: bool,
}

#[derive(Default)]
struct ArticleFruit {
    days: DayMap,
    /// Every matching article's day, by its key.
    keys: crate::fasthash::IntMap<u64, i64>,
    passages: crate::fasthash::IntMap<i64, u64>,
}

struct ArticleDaysSegment {
    segment: SegmentOrdinal,
    dates: Column<DateTime>,
    stories: Column<u64>,
    keys: Column<u64>,
    counts: Column<u64>,
    keep_keys: bool,
    fruit: ArticleFruit,
}

impl Collector for ArticleDays {
    type Fruit = ArticleFruit;
    type Child = ArticleDaysSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = reader.fast_fields();
        Ok(ArticleDaysSegment {
            segment,
            dates: fast.date("date")?,
            stories: fast.u64("story")?,
            keys: fast.u64("article")?,
            counts: fast.u64("passages")?,
            keep_keys: self.keep_keys,
            fruit: ArticleFruit::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<ArticleFruit>) -> tantivy::Result<ArticleFruit> {
        let mut merged = ArticleFruit::default();
        for fruit in fruits {
            for (day, count) in fruit.days {
                let into = merged.days.entry(day).or_default();
                into.articles += count.articles;
                into.stories.extend(count.stories);
                into.best = better(into.best, count.best);
            }
            merged.keys.extend(fruit.keys);
            for (day, n) in fruit.passages {
                *merged.passages.entry(day).or_default() += n;
            }
        }
        Ok(merged)
    }
}

fn better(a: Option<Ranked>, b: Option<Ranked>) -> Option<Ranked> {
    match (a, b) {
        (Some(x), Some(y)) if y.score > x.score => Some(y),
        (Some(x), _) => Some(x),
        (None, y) => y,
    }
}

impl SegmentCollector for ArticleDaysSegment {
    type Fruit = ArticleFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(day) = day_of(&self.dates, doc) else {
            return;
        };
        let story = self.stories.first(doc).unwrap_or(u64::MAX);
        let key = self.keys.first(doc).unwrap_or(0);
        let count = self.fruit.days.entry(day).or_default();
        count.articles += 1;
        count.stories.insert(story);
        let candidate = Ranked {
            address: DocAddress::new(self.segment, doc),
            score,
            key,
            story,
        };
        count.best = better(count.best, Some(candidate));
        if self.keep_keys {
            self.fruit.keys.insert(key, day);
        }
        *self.fruit.passages.entry(day).or_default() += self.counts.first(doc).unwrap_or(0);
    }

    fn harvest(self) -> ArticleFruit {
        self.fruit
    }
}

/// Per day, matching passages of the given articles (a passage's day is its article's).
struct PassageDays {
    articles: Arc<crate::fasthash::IntMap<u64, i64>>,
}

struct PassageDaysSegment {
    articles: Arc<crate::fasthash::IntMap<u64, i64>>,
    keys: Column<u64>,
    days: crate::fasthash::IntMap<i64, u64>,
}

impl Collector for PassageDays {
    type Fruit = crate::fasthash::IntMap<i64, u64>;
    type Child = PassageDaysSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = reader.fast_fields();
        Ok(PassageDaysSegment {
            articles: Arc::clone(&self.articles),
            keys: fast.u64("article")?,
            days: Default::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut merged: Self::Fruit = Default::default();
        for fruit in fruits {
            for (day, n) in fruit {
                *merged.entry(day).or_default() += n;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for PassageDaysSegment {
    type Fruit = crate::fasthash::IntMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let day = self.keys.first(doc).and_then(|k| self.articles.get(&k));
        if let Some(&day) = day {
            *self.days.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.days
    }
}
