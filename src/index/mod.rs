//! The clipping index on disk: a tantivy index of passages plus the manifest of indexed
//! files. This module and its children are the only code that knows tantivy.

pub mod manifest;
mod people;
mod schema;
mod searcher;
mod timeline;
mod writer;

pub use manifest::{FileEntry, Manifest, RecordSummary};
pub use people::{MonthCount, NamedWith, PersonProfile, PersonSummary, Resolution};
pub use schema::SCHEMA_VERSION;
pub use timeline::DayTable;
pub use writer::ClippingWriter;

use crate::error::{Error, Result};
use chrono::NaiveDate;
use schema::Fields;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tantivy::Index;
use tantivy::store::{Compressor, ZstdCompressor};

impl From<tantivy::TantivyError> for Error {
    fn from(err: tantivy::TantivyError) -> Self {
        match err {
            tantivy::TantivyError::LockFailure(..) => Error::Index(
                "the index is being updated by another morgue process; try again when it has finished".to_string(),
            ),
            other => Error::Index(other.to_string()),
        }
    }
}

/// Docstore block size: large blocks compress passages of one article together; reading
/// a whole block per hit costs little for a command-line search.
const DOCSTORE_BLOCK_BYTES: usize = 32 * 1024;

/// What each commit records about itself (tantivy's commit payload).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct CommitInfo {
    schema: u32,
    generation: u64,
}

/// An open clipping index.
pub struct ClippingIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
}

impl ClippingIndex {
    /// True when `dir` holds an index (of any version).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir`, refusing one written with another schema version.
    pub fn open(dir: &Path) -> Result<ClippingIndex> {
        if !Self::exists(dir) {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir)?;
        let info = commit_info(&index)?;
        let found = info.map_or(SCHEMA_VERSION, |i| i.schema);
        let (expected_schema, fields) = schema::build_schema();
        if found != SCHEMA_VERSION || index.schema() != expected_schema {
            return Err(Error::SchemaMismatch {
                path: dir.to_path_buf(),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        schema::register_analyzers(&index);
        Ok(ClippingIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
        })
    }

    /// Creates an empty index in `dir` (created if missing).
    pub fn create(dir: &Path) -> Result<ClippingIndex> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema::build_schema();
        let settings = tantivy::IndexSettings {
            docstore_compression: Compressor::Zstd(ZstdCompressor::default()),
            docstore_blocksize: DOCSTORE_BLOCK_BYTES,
            ..Default::default()
        };
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::Index(format!("{}: {e}", dir.display())))?;
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)?;
        schema::register_analyzers(&index);
        Ok(ClippingIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
        })
    }

    /// Opens the index in `dir`, creating it when there is none.
    pub fn open_or_create(dir: &Path) -> Result<ClippingIndex> {
        if Self::exists(dir) {
            Self::open(dir)
        } else {
            Self::create(dir)
        }
    }

    /// Removes the index files morgue wrote in `dir`, leaving anything else there alone.
    pub fn remove_files(dir: &Path) -> Result<()> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name == "meta.json"
                || name == ".managed.json"
                || name.starts_with(".tantivy")
                || name.starts_with("manifest-")
                || name == "ingest.pid"
                || is_segment_file(&name);
            if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        Ok(())
    }

    /// The folder the index lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The generation of the last commit, read afresh: another process may have
    /// committed since this index was opened.
    pub fn committed_generation(&self) -> Result<u64> {
        Ok(commit_info(&self.index)?.map_or(0, |info| info.generation))
    }

    /// The manifest of the last commit.
    pub fn manifest(&self) -> Result<Manifest> {
        manifest::load(&self.dir, self.committed_generation()?)
    }

    /// Total size of the index folder in bytes.
    pub fn size_bytes(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// What the index holds, for `morgue stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

impl ClippingIndex {
    /// Counts what the index holds.
    pub fn stats(&self) -> Result<Stats> {
        let manifest = self.manifest()?;
        let mut stats = Stats {
            articles: 0,
            passages: self.passage_count()?,
            persons: 0,
            topics: topic_counts(&manifest).len(),
            first_date: None,
            last_date: None,
            by_format: BTreeMap::new(),
            by_date_source: BTreeMap::new(),
            index_bytes: self.size_bytes(),
        };
        let mut people: std::collections::HashSet<String> = std::collections::HashSet::new();
        for record in manifest.records() {
            people.extend(
                record
                    .persons
                    .iter()
                    .map(|p| crate::clipping::folded_key(&p.name)),
            );
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
        }
        stats.persons = people.len();
        Ok(stats)
    }

    /// Every topic with its article count and date span, most articles first.
    pub fn topics(&self) -> Result<Vec<TopicCount>> {
        Ok(topic_counts(&self.manifest()?))
    }
}

/// Counts the articles per topic (case- and accent-folded) in a manifest.
fn topic_counts(manifest: &Manifest) -> Vec<TopicCount> {
    let mut by_key: BTreeMap<String, TopicCount> = BTreeMap::new();
    for record in manifest.records() {
        for topic in &record.topics {
            let count = by_key
                .entry(crate::clipping::folded_key(topic))
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
    let mut topics: Vec<TopicCount> = by_key.into_values().collect();
    topics.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    topics
}

impl ClippingIndex {
    /// Every indexed article's signature under its story, read from the fast columns, so
    /// that newly read clippings can join the story they copy.
    pub fn story_index(&self) -> Result<crate::story::StoryIndex> {
        let mut records = Vec::new();
        let searcher = self.searcher()?;
        for segment in searcher.segment_readers() {
            let Some(signatures) = segment.fast_fields().bytes("signature")? else {
                continue;
            };
            let story_column = segment.fast_fields().u64("story")?;
            // Read the signatures in dictionary order once: looking each one up by its
            // ordinal decompresses a dictionary block per document.
            let mut by_ord: Vec<Option<crate::story::Signature>> = Vec::new();
            let mut terms = signatures
                .dictionary()
                .stream()
                .map_err(|e| Error::Index(e.to_string()))?;
            while terms.advance() {
                by_ord.push(crate::story::Signature::from_bytes(terms.key()));
            }
            for doc in segment.doc_ids_alive() {
                let Some(ord) = signatures.term_ords(doc).next() else {
                    continue;
                };
                let signature = by_ord.get(ord as usize).cloned().flatten();
                if let (Some(signature), Some(story)) = (signature, story_column.first(doc)) {
                    records.push((signature, story));
                }
            }
        }
        Ok(crate::story::StoryIndex::load(records))
    }
}

/// Segment files are named by a 32-hex-digit segment id and an extension.
fn is_segment_file(name: &str) -> bool {
    name.split_once('.')
        .is_some_and(|(stem, _)| stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit()))
}

fn commit_info(index: &Index) -> Result<Option<CommitInfo>> {
    let metas = index.load_metas()?;
    match metas.payload {
        None => Ok(None),
        Some(payload) => serde_json::from_str(&payload).map(Some).map_err(|_| {
            Error::Index(
                "the index was not written by morgue; rebuild with `morgue ingest --rebuild`"
                    .to_string(),
            )
        }),
    }
}
