//! What the archive holds, gathered from the manifest without touching the full-text
//! index: counts for `stats`, topics with their spans, and the people of the archive.

mod people;
mod summary;

pub use people::{MonthCount, NamedWith, People, PersonProfile, PersonSummary, Resolution};
pub use summary::Summary;

use crate::clipping::folded_key;
use crate::index::{Manifest, RecordSummary};
use chrono::NaiveDate;
use people::PeopleTally;
use std::collections::{BTreeMap, HashSet};

/// What the index holds, for `morgue stats`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Number of articles.
    pub articles: usize,
    /// Number of passages.
    pub passages: u64,
    /// Number of distinct persons.
    pub persons: usize,
    /// Number of distinct topics.
    pub topics: usize,
    /// Earliest publication date.
    pub first_date: Option<NaiveDate>,
    /// Latest publication date.
    pub last_date: Option<NaiveDate>,
    /// Articles by input format.
    pub by_format: BTreeMap<String, usize>,
    /// Articles by where their date came from.
    pub by_date_source: BTreeMap<String, usize>,
    /// Size of the index folder in bytes.
    pub index_bytes: u64,
}

/// One topic and the articles that carry it, for `morgue topics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCount {
    /// The topic as first written.
    pub topic: String,
    /// Number of articles with the topic.
    pub articles: usize,
    /// Earliest publication date among them.
    pub first_date: NaiveDate,
    /// Latest publication date among them.
    pub last_date: NaiveDate,
}

/// Counts what a manifest describes; `passages` and `index_bytes` come from the index.
pub fn stats(manifest: &Manifest, passages: u64, index_bytes: u64) -> Stats {
    let (stats, _) = census(manifest, None);
    Stats {
        passages,
        index_bytes,
        ..stats
    }
}

/// Every topic (case- and accent-folded) with its article count and date span, most
/// articles first.
pub fn topics(manifest: &Manifest) -> Vec<TopicCount> {
    let mut topics = TopicTally::default();
    manifest.for_each_record(|record| topics.add(record));
    topics.finish()
}

/// The counts of [`Stats`], gathered one record at a time, so that a pass over the
/// archive can gather other things too: each pass decodes every record.
#[derive(Default)]
struct StatsTally {
    articles: usize,
    people: HashSet<String>,
    first_date: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
    by_format: BTreeMap<String, usize>,
    by_date_source: BTreeMap<String, usize>,
}

impl StatsTally {
    fn add(&mut self, record: &RecordSummary) {
        self.people
            .extend(record.persons.iter().map(|p| folded_key(&p.name)));
        self.articles += 1;
        self.first_date = Some(self.first_date.map_or(record.date, |d| d.min(record.date)));
        self.last_date = Some(self.last_date.map_or(record.date, |d| d.max(record.date)));
        *self
            .by_format
            .entry(record.format.name().to_string())
            .or_default() += 1;
        *self
            .by_date_source
            .entry(record.date_source.name().to_string())
            .or_default() += 1;
    }

    fn finish(self, topics: usize, passages: u64, index_bytes: u64) -> Stats {
        Stats {
            articles: self.articles,
            passages,
            persons: self.people.len(),
            topics,
            first_date: self.first_date,
            last_date: self.last_date,
            by_format: self.by_format,
            by_date_source: self.by_date_source,
            index_bytes,
        }
    }
}

/// Topics with their counts and spans, gathered one record at a time.
#[derive(Default)]
struct TopicTally {
    by_key: BTreeMap<String, TopicCount>,
}

impl TopicTally {
    fn add(&mut self, record: &RecordSummary) {
        for topic in &record.topics {
            let count = self
                .by_key
                .entry(folded_key(topic))
                .or_insert_with(|| TopicCount {
                    topic: topic.clone(),
                    articles: 0,
                    first_date: record.date,
                    last_date: record.date,
                });
            count.articles += 1;
            count.first_date = count.first_date.min(record.date);
            count.last_date = count.last_date.max(record.date);
        }
    }

    /// Most articles first.
    fn finish(self) -> Vec<TopicCount> {
        let mut topics: Vec<TopicCount> = self.by_key.into_values().collect();
        topics.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.topic.cmp(&b.topic))
        });
        topics
    }
}

/// The counts and topics of a manifest and, when asked, its people, in one pass over
/// its records (each pass decodes every record).
fn census(manifest: &Manifest, mut people: Option<&mut PeopleTally>) -> (Stats, Vec<TopicCount>) {
    let (mut counts, mut topics) = (StatsTally::default(), TopicTally::default());
    manifest.for_each_record(|record| {
        counts.add(record);
        topics.add(record);
        if let Some(people) = people.as_deref_mut() {
            people.add(record);
        }
    });
    let topics = topics.finish();
    (counts.finish(topics.len(), 0, 0), topics)
}
