//! JSON output, the wire format of `--json` and of the web API: its own types, built from
//! the library's results, so that changing a record or a hit inside the library never
//! changes what scripts read by accident. Streams are JSON Lines; single answers one
//! object.

use crate::catalog::{MonthCount, NamedWith, PersonProfile, PersonSummary, Stats, TopicCount};
use crate::clipping::{Clipping, Person};
use crate::index::Hit;
use crate::ingest::{FormatSummary, IngestSummary};
use crate::query::QueryTotals;
use crate::timeline::{Bucket, Timeline};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Writes `value` as one line of JSON.
pub fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes each item as its own line of JSON (JSON Lines).
pub fn lines<T: Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    for item in items {
        line(out, &item)?;
    }
    Ok(())
}

/// A record (`extract`, `show`).
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    id: &'a str,
    path: &'a str,
    format: &'static str,
    title: &'a str,
    date: NaiveDate,
    date_source: &'static str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    authors: &'a [String],
    authors_source: Option<&'static str>,
    topics: &'a [String],
    persons: Vec<RecordPerson<'a>>,
    passages: &'a [String],
}

/// A person as a record lists them.
#[derive(Debug, Serialize)]
struct RecordPerson<'a> {
    name: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: usize,
}

impl<'a> From<&'a Person> for RecordPerson<'a> {
    fn from(person: &'a Person) -> Self {
        RecordPerson {
            name: &person.name,
            aliases: &person.aliases,
            roles: &person.roles,
            mentions: person.mentions,
        }
    }
}

impl<'a> From<&'a Clipping> for Record<'a> {
    fn from(c: &'a Clipping) -> Self {
        Record {
            id: &c.id,
            path: &c.path,
            format: c.format.name(),
            title: &c.title,
            date: c.date,
            date_source: c.date_source.name(),
            source: c.source.as_deref(),
            url: c.url.as_deref(),
            authors: &c.authors,
            authors_source: c.authors_source.map(|s| s.name()),
            topics: &c.topics,
            persons: c.persons.iter().map(RecordPerson::from).collect(),
            passages: &c.passages,
        }
    }
}

/// A search hit: one passage of one article.
#[derive(Debug, Serialize)]
pub struct HitLine<'a> {
    id: &'a str,
    passage: usize,
    score: f32,
    title: &'a str,
    date: NaiveDate,
    date_source: &'static str,
    source: Option<&'a str>,
    authors: &'a [String],
    path: &'a str,
    topics: &'a [String],
    persons: &'a [String],
    text: &'a str,
    highlights: &'a [[usize; 2]],
    copies: &'a [String],
}

impl<'a> From<&'a Hit> for HitLine<'a> {
    fn from(h: &'a Hit) -> Self {
        HitLine {
            id: &h.id,
            passage: h.passage,
            score: h.score,
            title: &h.title,
            date: h.date,
            date_source: h.date_source.name(),
            source: h.source.as_deref(),
            authors: &h.authors,
            path: &h.path,
            topics: &h.topics,
            persons: &h.persons,
            text: &h.text,
            highlights: &h.highlights,
            copies: &h.copies,
        }
    }
}

/// A hit of one query of a batch: the hit, led by the query and its label.
#[derive(Debug, Serialize)]
pub struct BatchHitLine<'a> {
    query: &'a str,
    label: &'a str,
    #[serde(flatten)]
    hit: HitLine<'a>,
}

impl<'a> BatchHitLine<'a> {
    /// The line for `hit`, found by `query`.
    pub fn new(query: &'a str, label: &'a str, hit: &'a Hit) -> Self {
        BatchHitLine {
            query,
            label,
            hit: HitLine::from(hit),
        }
    }
}

/// One query's line of a batch summary.
#[derive(Debug, Serialize)]
pub struct TotalsLine<'a> {
    query: &'a str,
    label: &'a str,
    articles: u64,
    stories: u64,
    passages: u64,
    first_date: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
}

impl<'a> From<&'a QueryTotals> for TotalsLine<'a> {
    fn from(t: &'a QueryTotals) -> Self {
        TotalsLine {
            query: &t.query,
            label: &t.label,
            articles: t.articles,
            stories: t.stories,
            passages: t.passages,
            first_date: t.first_date,
            last_date: t.last_date,
        }
    }
}

/// `stats`.
#[derive(Debug, Serialize)]
pub struct StatsObject<'a> {
    articles: usize,
    passages: u64,
    persons: usize,
    topics: usize,
    first_date: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
    by_format: &'a BTreeMap<String, usize>,
    by_date_source: &'a BTreeMap<String, usize>,
    index_bytes: u64,
}

impl<'a> From<&'a Stats> for StatsObject<'a> {
    fn from(s: &'a Stats) -> Self {
        StatsObject {
            articles: s.articles,
            passages: s.passages,
            persons: s.persons,
            topics: s.topics,
            first_date: s.first_date,
            last_date: s.last_date,
            by_format: &s.by_format,
            by_date_source: &s.by_date_source,
            index_bytes: s.index_bytes,
        }
    }
}

/// One line of `topics`.
#[derive(Debug, Serialize)]
pub struct TopicLine<'a> {
    topic: &'a str,
    articles: usize,
    first_date: NaiveDate,
    last_date: NaiveDate,
}

impl<'a> From<&'a TopicCount> for TopicLine<'a> {
    fn from(t: &'a TopicCount) -> Self {
        TopicLine {
            topic: &t.topic,
            articles: t.articles,
            first_date: t.first_date,
            last_date: t.last_date,
        }
    }
}

/// One line of `persons`.
#[derive(Debug, Serialize)]
pub struct PersonLine<'a> {
    name: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    articles: usize,
    mentions: usize,
    first_date: NaiveDate,
    last_date: NaiveDate,
}

impl<'a> From<&'a PersonSummary> for PersonLine<'a> {
    fn from(p: &'a PersonSummary) -> Self {
        PersonLine {
            name: &p.name,
            aliases: &p.aliases,
            roles: &p.roles,
            articles: p.articles,
            mentions: p.mentions,
            first_date: p.first_date,
            last_date: p.last_date,
        }
    }
}

/// `persons NAME`: the person's line, with whom they are named and when.
#[derive(Debug, Serialize)]
pub struct ProfileObject<'a> {
    #[serde(flatten)]
    person: PersonLine<'a>,
    named_with: Vec<NamedWithObject<'a>>,
    months: Vec<MonthObject<'a>>,
}

#[derive(Debug, Serialize)]
struct NamedWithObject<'a> {
    name: &'a str,
    articles: usize,
}

#[derive(Debug, Serialize)]
struct MonthObject<'a> {
    month: &'a str,
    articles: usize,
}

impl<'a> From<&'a PersonProfile> for ProfileObject<'a> {
    fn from(p: &'a PersonProfile) -> Self {
        let named_with = |n: &'a NamedWith| NamedWithObject {
            name: &n.name,
            articles: n.articles,
        };
        let month = |m: &'a MonthCount| MonthObject {
            month: &m.month,
            articles: m.articles,
        };
        ProfileObject {
            person: PersonLine::from(&p.person),
            named_with: p.named_with.iter().map(named_with).collect(),
            months: p.months.iter().map(month).collect(),
        }
    }
}

/// `ingest --json`.
#[derive(Debug, Serialize)]
pub struct IngestObject<'a> {
    seen: usize,
    added: usize,
    updated: usize,
    unchanged: usize,
    removed: usize,
    skipped: Vec<SkippedObject<'a>>,
    by_format: &'a BTreeMap<String, usize>,
    by_date_source: &'a BTreeMap<String, usize>,
    formats: BTreeMap<&'a str, FormatObject<'a>>,
    seconds: f64,
}

#[derive(Debug, Serialize)]
struct SkippedObject<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(Debug, Serialize)]
struct FormatObject<'a> {
    files: usize,
    records: usize,
    skipped: usize,
    dates: &'a BTreeMap<String, usize>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    passed_over: &'a BTreeMap<String, usize>,
}

impl<'a> From<&'a FormatSummary> for FormatObject<'a> {
    fn from(f: &'a FormatSummary) -> Self {
        FormatObject {
            files: f.files,
            records: f.records,
            skipped: f.skipped,
            dates: &f.dates,
            passed_over: &f.passed_over,
        }
    }
}

impl<'a> From<&'a IngestSummary> for IngestObject<'a> {
    fn from(s: &'a IngestSummary) -> Self {
        IngestObject {
            seen: s.seen,
            added: s.added,
            updated: s.updated,
            unchanged: s.unchanged,
            removed: s.removed,
            skipped: s
                .skipped
                .iter()
                .map(|f| SkippedObject {
                    path: &f.path,
                    reason: &f.reason,
                })
                .collect(),
            by_format: &s.by_format,
            by_date_source: &s.by_date_source,
            formats: s
                .formats
                .iter()
                .map(|(name, f)| (name.as_str(), FormatObject::from(f)))
                .collect(),
            seconds: s.seconds,
        }
    }
}

/// `timeline --json`.
#[derive(Debug, Serialize)]
pub struct TimelineObject<'a> {
    by: &'static str,
    query: &'a str,
    buckets: Vec<BucketObject<'a>>,
}

#[derive(Debug, Serialize)]
struct BucketObject<'a> {
    start: NaiveDate,
    end: NaiveDate,
    stories: u64,
    passages: u64,
    top: Option<HitLine<'a>>,
}

impl<'a> From<&'a Bucket> for BucketObject<'a> {
    fn from(b: &'a Bucket) -> Self {
        BucketObject {
            start: b.start,
            end: b.end,
            stories: b.stories,
            passages: b.passages,
            top: b.top.as_ref().map(HitLine::from),
        }
    }
}

impl<'a> From<&'a Timeline> for TimelineObject<'a> {
    fn from(t: &'a Timeline) -> Self {
        TimelineObject {
            by: t.by.name(),
            query: &t.query,
            buckets: t.buckets.iter().map(BucketObject::from).collect(),
        }
    }
}
