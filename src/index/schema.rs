//! The index layout: one document per article (what articles are ranked and filtered
//! by) and one per passage (what phrases, passages and highlights come from), the
//! analyzers, and the one place dates become tantivy dates.
//!
//! Articles are scored over their whole text and headline, with word rarity counted over
//! articles; passages only choose what to show and where a phrase stands. Article fields
//! are stored once, on the article document.

use super::analysis::{NameTokenizer, NewsTokenizer};
use chrono::{NaiveDate, NaiveTime};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, NumericOptions, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Index};

/// Version of this layout, stored with every commit; an index with another version is
/// refused rather than misread.
pub const SCHEMA_VERSION: u32 = 10;

/// Analyzer for passage text and titles: words, lower case, accents folded, English stems.
pub const NEWS_ANALYZER: &str = "morgue_news";
/// Analyzer for names and exact words: words, lower case, accents folded, no stemming.
pub const NAME_ANALYZER: &str = "morgue_name";

/// The `kind` of an article document.
pub const ARTICLE: u64 = 0;
/// The `kind` of a passage document.
pub const PASSAGE: u64 = 1;

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// [`ARTICLE`] or [`PASSAGE`].
    pub kind: Field,
    /// The record occurrence (one per file and record) both kinds belong to.
    pub article: Field,
    /// Canonical path of the file (exact): the key for replacing or removing it.
    pub file: Field,
    /// Publication date (indexed, fast, stored; on articles only: a passage's day is
    /// its article's).
    pub date: Field,

    /// Article id (exact, stored).
    pub id: Field,
    /// Story number: copies of one story share it (indexed, fast, stored).
    pub story: Field,
    /// Copy signature (fast bytes): lets a later ingest find copies without re-reading.
    pub signature: Field,
    /// Title as written (stored).
    pub title: Field,
    /// Title words (analyzed, with positions).
    pub headline: Field,
    /// The whole article text (analyzed, frequencies only): what articles are scored by.
    pub body: Field,
    /// The article's words as written, folded but not stemmed: exact words (`=word`) and
    /// the dictionary prefixes, wildcards and fuzzy words are expanded from.
    pub body_exact: Field,
    /// Where the date came from (stored).
    pub date_source: Field,
    /// Where the writers were named (stored).
    pub authors_source: Field,
    /// Input format (stored).
    pub format: Field,
    /// Source as written (stored) and analyzed for `--source`.
    pub source: Field,
    /// Original address (stored).
    pub url: Field,
    /// Path as given or found (stored), and exact for `path:` prefixes.
    pub path: Field,
    /// Folded topic keys for `--topic` (exact).
    pub topic: Field,
    /// Topics as written (stored).
    pub topic_name: Field,
    /// Authors as written (stored) and analyzed for `author:`.
    pub author: Field,
    /// Folded full names of the persons named (exact): the `--person` filter, once per
    /// mention, so that articles naming a person often rank above a passing mention.
    pub person: Field,
    /// Number of passages (fast, stored).
    pub passages: Field,

    /// Passage number within the article (indexed, fast, stored).
    pub passage: Field,
    /// Passage text (analyzed with positions, stored).
    pub text: Field,
    /// Folded full names of the persons this passage mentions (exact).
    pub mention: Field,
    /// Their names as shown in hits (stored).
    pub mention_name: Field,
}

/// A number looked up, never scored: indexed without field norms (a byte per document
/// and field that only BM25 reads; about 2% of the index for ten such fields).
fn key() -> NumericOptions {
    NumericOptions::default().set_indexed()
}

/// A whole string looked up, never scored: as `STRING`, without field norms.
fn exact_key() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// Builds the schema and its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analyzed = |analyzer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(record),
        )
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let fields = Fields {
        kind: builder.add_u64_field("kind", key().set_fast()),
        article: builder.add_u64_field("article", key().set_fast()),
        file: builder.add_text_field("file", exact_key()),
        date: builder.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        id: builder.add_text_field("id", exact_key().set_stored()),
        story: builder.add_u64_field("story", key().set_stored().set_fast()),
        signature: builder.add_bytes_field("signature", FAST),
        title: builder.add_text_field("title", STORED),
        headline: builder.add_text_field("headline", analyzed(NEWS_ANALYZER, positions)),
        body: builder.add_text_field(
            "body",
            analyzed(NEWS_ANALYZER, IndexRecordOption::WithFreqs),
        ),
        body_exact: builder.add_text_field(
            "body_exact",
            analyzed(NAME_ANALYZER, IndexRecordOption::Basic),
        ),
        date_source: builder.add_text_field("date_source", STORED),
        authors_source: builder.add_text_field("authors_source", STORED),
        format: builder.add_text_field("format", STORED),
        source: builder.add_text_field("source", analyzed(NAME_ANALYZER, positions).set_stored()),
        url: builder.add_text_field("url", STORED),
        path: builder.add_text_field("path", exact_key().set_stored()),
        topic: builder.add_text_field("topic", exact_key()),
        topic_name: builder.add_text_field("topic_name", STORED),
        author: builder.add_text_field("author", analyzed(NAME_ANALYZER, positions).set_stored()),
        person: builder.add_text_field(
            "person",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("raw")
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        passages: builder.add_u64_field("passages", STORED | FAST),
        passage: builder.add_u64_field("passage", key().set_stored().set_fast()),
        text: builder.add_text_field("text", analyzed(NEWS_ANALYZER, positions).set_stored()),
        mention: builder.add_text_field("mention", exact_key()),
        mention_name: builder.add_text_field("mention_name", STORED),
    };
    (builder.build(), fields)
}

/// Registers morgue's analyzers; tantivy does not persist them, so this runs on every
/// create and open.
pub fn register_analyzers(index: &Index) {
    let news = TextAnalyzer::from(NewsTokenizer::default());
    let name = TextAnalyzer::from(NameTokenizer::default());
    index.tokenizers().register(NEWS_ANALYZER, news);
    index.tokenizers().register(NAME_ANALYZER, name);
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
