//! The side table kept with each commit: which files are indexed, their size, time and
//! content hash (so unchanged files are skipped), and a summary of their records.

use crate::clipping::{Clipping, DateSource, Format};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A summary of one indexed record, enough for `stats` and `topics` without the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSummary {
    /// Article id.
    pub id: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Input format.
    pub format: Format,
    /// Topics as written.
    pub topics: Vec<String>,
    /// Number of passages.
    pub passages: usize,
    /// Persons named, with their aliases and roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<crate::clipping::Person>,
}

impl RecordSummary {
    /// Summarizes `clipping`.
    pub fn new(clipping: &Clipping) -> Self {
        RecordSummary {
            id: clipping.id.clone(),
            date: clipping.date,
            date_source: clipping.date_source,
            format: clipping.format,
            topics: clipping.topics.clone(),
            passages: clipping.passages.len(),
            persons: clipping.persons.clone(),
        }
    }
}

/// What the index holds for one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Path as given or found when it was indexed.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: u128,
    /// Content hash (xxh3-128, hex).
    pub hash: String,
    /// Records read from the file.
    pub records: Vec<RecordSummary>,
}

/// Every indexed file, by canonical path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Files by canonical path.
    pub files: BTreeMap<String, FileEntry>,
}

impl Manifest {
    /// Every record summary, in file order.
    pub fn records(&self) -> impl Iterator<Item = &RecordSummary> {
        self.files.values().flat_map(|entry| entry.records.iter())
    }
}

/// The manifest file for commit generation `generation`.
pub fn manifest_path(dir: &Path, generation: u64) -> PathBuf {
    dir.join(format!("manifest-{generation}.json"))
}

/// Reads the manifest of `generation`; generation 0 is the empty manifest of a new index.
pub fn load(dir: &Path, generation: u64) -> Result<Manifest> {
    let path = manifest_path(dir, generation);
    if generation == 0 && !path.exists() {
        return Ok(Manifest::default());
    }
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        Error::Index(format!(
            "{} is damaged ({e}); rebuild with `morgue ingest --rebuild`",
            path.display()
        ))
    })
}

/// Writes the manifest of `generation` durably, before the commit that refers to it.
pub fn save(dir: &Path, generation: u64, manifest: &Manifest) -> Result<()> {
    let path = manifest_path(dir, generation);
    let bytes = serde_json::to_vec(manifest).map_err(|e| Error::Index(e.to_string()))?;
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::File::create(&path)?;
        file.write_all(&bytes)?;
        file.sync_all()
    };
    write().map_err(|e| Error::io(&path, e))
}

/// Removes manifests of generations other than `keep`, once `keep` is committed.
pub fn remove_others(dir: &Path, keep: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let generation = name
            .strip_prefix("manifest-")
            .and_then(|rest| rest.strip_suffix(".json"))
            .and_then(|n| n.parse::<u64>().ok());
        if generation.is_some_and(|g| g != keep) {
            // A leftover manifest only wastes space; failing to remove it is harmless.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
