//! The index layout: one tantivy document per passage, carrying its article's fields;
//! the analyzers; and the conversion between [`Clipping`]s and documents.

use crate::clipping::{Clipping, folded_key};
use chrono::{NaiveDate, NaiveTime};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{DateTime, Index, TantivyDocument};

/// Version of this layout, stored with every commit; an index with another version is
/// refused rather than misread.
pub const SCHEMA_VERSION: u32 = 6;

/// Analyzer for passage text and titles: words, lower case, accents folded, English stems.
pub const NEWS_ANALYZER: &str = "morgue_news";
/// Analyzer for source names: words, lower case, accents folded, no stemming.
pub const NAME_ANALYZER: &str = "morgue_name";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Article id (exact).
    pub id: Field,
    /// Story id as a number (indexed, fast, stored): copies of one story share it.
    pub story: Field,
    /// MinHash signature of the article (fast bytes, on its first passage only): lets a
    /// later ingest find copies without re-reading old files.
    pub signature: Field,
    /// Canonical path of the file the article came from (exact): the key for replacing it.
    pub file: Field,
    /// Passage number within the article (indexed: passage 0 stands for the article).
    pub passage: Field,
    /// Passage text (analyzed, stored).
    pub text: Field,
    /// Article title as written (stored on every passage).
    pub title: Field,
    /// Article title's words (analyzed, on the first passage only).
    pub headline: Field,
    /// Publication date (indexed, fast, stored).
    pub date: Field,
    /// Where the date came from.
    pub date_source: Field,
    /// Input format.
    pub format: Field,
    /// Source as written (stored) and analyzed for `--source`.
    pub source: Field,
    /// Original address.
    pub url: Field,
    /// Path as given or found.
    pub path: Field,
    /// Folded topic keys for `--topic` (exact).
    pub topic: Field,
    /// Topics as written.
    pub topic_name: Field,
    /// Authors as written.
    pub author: Field,
    /// Folded full names of the persons the article names: the `--person` filter.
    pub person: Field,
    /// Folded full names of the persons this passage mentions: ranks those passages first.
    pub mention: Field,
    /// Names of the persons this passage mentions, as shown in hits.
    pub mention_name: Field,
    /// The article's persons as JSON, on its first passage only.
    pub persons: Field,
}

/// Builds the schema and its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analyzed = |analyzer: &str, positions: bool| {
        let record = if positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(record),
            )
            .set_stored()
    };
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        story: builder.add_u64_field("story", INDEXED | STORED | FAST),
        signature: builder.add_bytes_field("signature", FAST),
        file: builder.add_text_field("file", STRING),
        passage: builder.add_u64_field("passage", INDEXED | STORED),
        text: builder.add_text_field("text", analyzed(NEWS_ANALYZER, true)),
        title: builder.add_text_field("title", STORED),
        headline: builder.add_text_field(
            "headline",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(NEWS_ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        ),
        date: builder.add_date_field(
            "date",
            DateOptions::from(INDEXED)
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        date_source: builder.add_text_field("date_source", STORED),
        format: builder.add_text_field("format", STORED),
        source: builder.add_text_field("source", analyzed(NAME_ANALYZER, true)),
        url: builder.add_text_field("url", STORED),
        path: builder.add_text_field("path", STORED),
        topic: builder.add_text_field("topic", STRING),
        topic_name: builder.add_text_field("topic_name", STORED),
        author: builder.add_text_field("author", STORED),
        person: builder.add_text_field("person", STRING),
        mention: builder.add_text_field("mention", STRING),
        mention_name: builder.add_text_field("mention_name", STORED),
        persons: builder.add_text_field("persons", STORED),
    };
    (builder.build(), fields)
}

/// Registers morgue's analyzers; tantivy does not persist them, so this runs on every
/// create and open.
pub fn register_analyzers(index: &Index) {
    let news = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    let name = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(NEWS_ANALYZER, news);
    index.tokenizers().register(NAME_ANALYZER, name);
}

/// A person as the stored `persons` field holds them: its own type, so that the field's
/// layout does not change with the record type.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredPerson {
    name: String,
    aliases: Vec<String>,
    roles: Vec<String>,
    mentions: usize,
}

/// The article's persons as the stored field's JSON.
pub fn stored_persons(persons: &[crate::clipping::Person]) -> String {
    let stored: Vec<StoredPerson> = persons
        .iter()
        .map(|p| StoredPerson {
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            roles: p.roles.clone(),
            mentions: p.mentions,
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The persons read back from the stored field; none when it is missing or damaged.
pub fn persons_from_stored(json: &str) -> Vec<crate::clipping::Person> {
    serde_json::from_str::<Vec<StoredPerson>>(json)
        .unwrap_or_default()
        .into_iter()
        .map(|p| crate::clipping::Person {
            name: p.name,
            aliases: p.aliases,
            roles: p.roles,
            mentions: p.mentions,
        })
        .collect()
}

/// Midnight UTC of `date` as a tantivy date: the one place chrono becomes tantivy.
pub fn to_tantivy_date(date: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(date.and_time(NaiveTime::MIN).and_utc().timestamp())
}

/// The calendar day of a tantivy date.
pub fn from_tantivy_date(date: DateTime) -> NaiveDate {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// One document per passage of `clipping`, each carrying the article's fields.
pub fn to_documents(
    clipping: &Clipping,
    file_key: &str,
    story: u64,
    signature: &[u8],
    fields: &Fields,
) -> Vec<TantivyDocument> {
    let date = to_tantivy_date(clipping.date);
    clipping
        .passages
        .iter()
        .enumerate()
        .map(|(n, passage)| {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.id, &clipping.id);
            doc.add_u64(fields.story, story);
            if n == 0 {
                doc.add_bytes(fields.signature, signature);
            }
            doc.add_text(fields.file, file_key);
            doc.add_u64(fields.passage, n as u64);
            doc.add_text(fields.text, passage);
            doc.add_text(fields.title, &clipping.title);
            if n == 0 {
                doc.add_text(fields.headline, &clipping.title);
            }
            doc.add_date(fields.date, date);
            doc.add_text(fields.date_source, clipping.date_source.name());
            doc.add_text(fields.format, clipping.format.name());
            if let Some(source) = &clipping.source {
                doc.add_text(fields.source, source);
            }
            if let Some(url) = &clipping.url {
                doc.add_text(fields.url, url);
            }
            doc.add_text(fields.path, &clipping.path);
            for topic in &clipping.topics {
                doc.add_text(fields.topic, folded_key(topic));
                doc.add_text(fields.topic_name, topic);
            }
            for author in &clipping.authors {
                doc.add_text(fields.author, author);
            }
            for person in &clipping.persons {
                doc.add_text(fields.person, folded_key(&person.name));
            }
            for &p in clipping.passage_persons.get(n).into_iter().flatten() {
                if let Some(person) = clipping.persons.get(p) {
                    doc.add_text(fields.mention, folded_key(&person.name));
                    doc.add_text(fields.mention_name, &person.name);
                }
            }
            if n == 0 && !clipping.persons.is_empty() {
                doc.add_text(fields.persons, stored_persons(&clipping.persons));
            }
            doc
        })
        .collect()
}
