//! The clipping index on disk: a tantivy index of passages plus the manifest of indexed
//! files. This module and its children are the only code that knows tantivy.

mod analysis;
mod day_counts;
mod documents;
mod feedback;
mod listing;
pub mod manifest;
mod query_build;
mod ranking;
mod schema;
mod searcher;
mod similar;
mod stem;
mod words;
mod writer;

pub use day_counts::DayTable;
pub use manifest::{FileEntry, Manifest, RecordSummary, Records};
pub use query_build::MAX_EXPANSIONS;
pub use ranking::stand_together;
pub use schema::SCHEMA_VERSION;
pub use searcher::{Found, Hit};
pub use writer::ClippingWriter;

use crate::error::{Error, Result};
use schema::Fields;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::Index;
use tantivy::store::{Compressor, ZstdCompressor};

impl From<tantivy::TantivyError> for Error {
    fn from(err: tantivy::TantivyError) -> Self {
        match err {
            tantivy::TantivyError::LockFailure(..) => Error::Busy {
                path: PathBuf::from("index"),
                pid: None,
            },
            other => Error::index("tantivy", other),
        }
    }
}

/// Docstore block size. Every hit shown and every article that lends feedback words
/// costs the decompression of a whole block: at 32 kB that was a quarter of a search's
/// instructions. 8 kB still compresses an article's passages together, for a store 12%
/// larger (the index 4%).
const DOCSTORE_BLOCK_BYTES: usize = 8 * 1024;

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
    /// Opened on first search and kept, so a long-running server opens segments once.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
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
            reader: Default::default(),
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
            .map_err(|e| Error::index(format!("opening {}", dir.display()), e))?;
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)?;
        schema::register_analyzers(&index);
        Ok(ClippingIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader: Default::default(),
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

    /// The record `asked` names: a full id, or a unique prefix of at least six characters
    /// (shorter prefixes would often match two records).
    pub fn find_record(&self, asked: &str) -> Result<crate::clipping::Clipping> {
        const MIN_ID_PREFIX: usize = 6;
        let wanted = asked.trim().to_lowercase();
        let id = if wanted.len() >= MIN_ID_PREFIX && wanted.len() < 16 {
            let manifest = self.manifest()?;
            let mut ids: Vec<&str> = manifest
                .records()
                .map(|r| r.id.as_str())
                .filter(|id| id.starts_with(&wanted))
                .collect();
            ids.dedup();
            match ids[..] {
                [one] => one.to_string(),
                [] => return Err(Error::UnknownId(asked.to_string())),
                _ => return Err(Error::AmbiguousId(asked.to_string(), ids.len())),
            }
        } else {
            wanted
        };
        self.record(&id)?
            .ok_or_else(|| Error::UnknownId(asked.to_string()))
    }

    /// The summary bytes kept with the last commit, if it kept any.
    pub fn summary_bytes(&self) -> Result<Option<Vec<u8>>> {
        manifest::load_summary(&self.dir, self.committed_generation()?)
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

impl ClippingIndex {
    /// Every indexed article's copy signature (as the bytes it was stored as) with its
    /// story number, read from the fast columns, so that newly read clippings can join
    /// the story they copy. What a signature means is the ingest's business.
    pub fn stored_signatures(&self) -> Result<Vec<(Vec<u8>, u64)>> {
        let mut records = Vec::new();
        let searcher = self.searcher()?;
        for segment in searcher.segment_readers() {
            let Some(signatures) = segment.fast_fields().bytes("signature")? else {
                continue;
            };
            let story_column = segment.fast_fields().u64("story")?;
            // Read the signatures in dictionary order once: looking each one up by its
            // ordinal decompresses a dictionary block per document.
            let mut by_ord: Vec<Vec<u8>> = Vec::new();
            let mut terms = signatures
                .dictionary()
                .stream()
                .map_err(|e| Error::index("reading stored signatures", e))?;
            while terms.advance() {
                by_ord.push(terms.key().to_vec());
            }
            for doc in segment.doc_ids_alive() {
                let Some(ord) = signatures.term_ords(doc).next() else {
                    continue;
                };
                if let (Some(bytes), Some(story)) =
                    (by_ord.get(ord as usize), story_column.first(doc))
                {
                    records.push((bytes.clone(), story));
                }
            }
        }
        Ok(records)
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
        Some(payload) => serde_json::from_str(&payload)
            .map(Some)
            .map_err(|_| Error::Damaged("the index was not written by morgue".to_string())),
    }
}
