//! What the archive holds, gathered from the manifest without touching the full-text
//! index: counts for `stats`, topics with their spans, and the people of the archive.

mod people;
mod summary;

pub use people::{MonthCount, NamedWith, People, PersonProfile, PersonSummary, Resolution};
pub use summary::Summary;

use crate::clipping::folded_key;
use crate::index::Manifest;
use chrono::NaiveDate;
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
    let mut stats = Stats {
        articles: 0,
        passages,
        persons: 0,
        topics: topics(manifest).len(),
        first_date: None,
        last_date: None,
        by_format: BTreeMap::new(),
        by_date_source: BTreeMap::new(),
        index_bytes,
    };
    let mut people: HashSet<String> = HashSet::new();
    manifest.for_each_record(|record| {
        people.extend(record.persons.iter().map(|p| folded_key(&p.name)));
        stats.articles += 1;
        stats.first_date = Some(stats.first_date.map_or(record.date, |d| d.min(record.date)));
        stats.last_date = Some(stats.last_date.map_or(record.date, |d| d.max(record.date)));
        *stats
            .by_format
            .entry(record.format.name().to_string())
            .or_default() += 1;
        *stats
            .by_date_source
            .entry(record.date_source.name().to_string())
            .or_default() += 1;
    });
    stats.persons = people.len();
    stats
}

/// Every topic (case- and accent-folded) with its article count and date span, most
/// articles first.
pub fn topics(manifest: &Manifest) -> Vec<TopicCount> {
    let mut by_key: BTreeMap<String, TopicCount> = BTreeMap::new();
    manifest.for_each_record(|record| {
        for topic in &record.topics {
            let count = by_key
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
    });
    let mut topics: Vec<TopicCount> = by_key.into_values().collect();
    topics.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    topics
}
