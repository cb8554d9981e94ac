//! Keeps an index in step with folders of clippings: new files added, changed files
//! replaced, deleted files removed, unchanged files skipped, all in one commit.

use crate::clipping::id_number;
use crate::clipping::{Clipping, Format};
use crate::error::{Error, Result};
use crate::index::{ClippingIndex, ClippingWriter, FileEntry, Manifest, RecordSummary};
use crate::input::{self, Skipped, SourceFile};
use crate::normalize;
use crate::story::{self, Signature, StoryIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files are read and normalized this many at a time, so memory stays flat however large
/// the archive is.
const CHUNK_FILES: usize = 2048;
/// Below this many files an ingest is quick enough not to need a progress bar.
const PROGRESS_MIN_FILES: usize = 200;

/// How an ingest should run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Start from an empty index instead of updating.
    pub rebuild: bool,
    /// Draw a progress bar on a terminal.
    pub progress: bool,
    /// Skip files larger than this many bytes.
    pub max_file_bytes: u64,
    /// Wait for another process that is updating the index, instead of failing.
    pub wait: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            rebuild: false,
            progress: false,
            max_file_bytes: input::DEFAULT_MAX_FILE_BYTES,
            wait: false,
        }
    }
}

/// What an ingest did, as printed at its end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    /// Files found.
    pub seen: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files re-indexed because their content changed.
    pub updated: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files removed from the index because they are gone from disk.
    pub removed: usize,
    /// Files and folders not read, with reasons.
    pub skipped: Vec<Skipped>,
    /// Records indexed in this run, by format.
    pub by_format: BTreeMap<String, usize>,
    /// Records indexed in this run, by where their date came from.
    pub by_date_source: BTreeMap<String, usize>,
    /// What happened to each format's files in this run.
    pub formats: BTreeMap<String, FormatSummary>,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// One format's share of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FormatSummary {
    /// Files of this format read and indexed in this run.
    pub files: usize,
    /// Records they held.
    pub records: usize,
    /// Files or records of this format skipped.
    pub skipped: usize,
    /// Records by where their date came from.
    pub dates: BTreeMap<String, usize>,
}

impl IngestSummary {
    fn count_skipped(&mut self, skipped: Skipped) {
        // "box.mbox:3" names a record of box.mbox.
        let file = match skipped.path.rsplit_once(':') {
            Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
            _ => skipped.path.as_str(),
        };
        let format = input::format_for(Path::new(file)).map_or("other", Format::name);
        self.formats.entry(format.to_string()).or_default().skipped += 1;
        self.skipped.push(skipped);
    }
}

/// The outcome of looking at one file.
enum Outcome {
    Unchanged {
        key: String,
        entry: Option<FileEntry>,
    },
    Read {
        file: SourceFile,
        hash: String,
        clippings: Vec<(Clipping, Signature)>,
        /// Records of the file that could not be read; the others are indexed.
        failures: Vec<Skipped>,
    },
    Skipped(Skipped),
}

/// Brings the index in `index_dir` up to date with `paths`.
pub fn ingest(
    index_dir: &Path,
    paths: &[PathBuf],
    options: &IngestOptions,
) -> Result<IngestSummary> {
    let started = Instant::now();
    let index = open_for_ingest(index_dir, options.rebuild)?;
    let mut writer = ClippingWriter::new(&index, options.wait)?;
    // Read what is indexed only once the writer lock is held: a process that held it
    // before may have committed in the meantime.
    let old = if options.rebuild {
        Manifest::default()
    } else {
        index.manifest()?
    };
    let found = input::find_files(paths, Some(index_dir));
    let mut summary = IngestSummary {
        seen: found.files.len(),
        ..Default::default()
    };
    for skipped in found.skipped.clone() {
        summary.count_skipped(skipped);
    }
    if options.rebuild {
        writer.remove_all()?;
    }
    let mut manifest = old.clone();
    let mut stories: Option<StoryIndex> = None;
    let mut changed = options.rebuild;
    let progress = progress_bar(found.files.len(), options.progress);
    let today = chrono::Utc::now().date_naive();
    // Read and normalize the next chunk of files while this thread indexes the last one.
    std::thread::scope(|scope| -> Result<()> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let (files, old, progress) = (&found.files, &old, &progress);
        let max_bytes = options.max_file_bytes;
        scope.spawn(move || {
            for chunk in files.chunks(CHUNK_FILES) {
                let outcomes: Vec<Outcome> = chunk
                    .par_iter()
                    .map(|file| {
                        let outcome = examine(file, old.files.get(&file.key), today, max_bytes);
                        progress.inc(1);
                        outcome
                    })
                    .collect();
                if sender.send(outcomes).is_err() {
                    break; // the indexing side stopped on an error
                }
            }
        });
        for outcomes in receiver {
            for outcome in outcomes {
                if matches!(outcome, Outcome::Read { .. }) && stories.is_none() {
                    stories = Some(index.story_index()?);
                }
                changed |= apply(
                    outcome,
                    &writer,
                    &mut manifest,
                    stories.as_mut(),
                    &mut summary,
                )?;
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();

    let seen_keys: HashSet<&str> = found.files.iter().map(|f| f.key.as_str()).collect();
    let gone: Vec<String> = old
        .files
        .keys()
        .filter(|key| !seen_keys.contains(key.as_str()) && under_any(key, &found.folders))
        .cloned()
        .collect();
    for key in gone {
        writer.remove_file(&key);
        manifest.files.remove(&key);
        summary.removed += 1;
        changed = true;
    }
    if changed || manifest != old {
        writer.commit(&manifest)?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn open_for_ingest(dir: &Path, rebuild: bool) -> Result<ClippingIndex> {
    match ClippingIndex::open_or_create(dir) {
        Err(Error::SchemaMismatch { .. }) if rebuild => {
            ClippingIndex::remove_files(dir)?;
            ClippingIndex::create(dir)
        }
        other => other,
    }
}

fn progress_bar(files: usize, wanted: bool) -> indicatif::ProgressBar {
    if !wanted || files < PROGRESS_MIN_FILES {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
            .expect("the progress template is valid"),
    );
    bar
}

fn under_any(key: &str, folders: &[String]) -> bool {
    folders.iter().any(|folder| {
        key.strip_prefix(folder.as_str())
            .is_some_and(|rest| rest.starts_with(std::path::MAIN_SEPARATOR))
    })
}

/// Decides what to do with one file: skip it as unchanged, or read and normalize it.
fn examine(
    file: &SourceFile,
    known: Option<&FileEntry>,
    today: chrono::NaiveDate,
    max_bytes: u64,
) -> Outcome {
    if let Some(entry) = known
        && entry.size == file.size
        && entry.modified_ns == file.modified_ns
    {
        return Outcome::Unchanged {
            key: file.key.clone(),
            entry: None,
        };
    }
    let bytes = match input::read_bytes(file, max_bytes) {
        Ok(bytes) => bytes,
        Err(skipped) => return Outcome::Skipped(skipped),
    };
    let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
    if let Some(entry) = known
        && entry.hash == hash
    {
        let entry = FileEntry {
            size: file.size,
            modified_ns: file.modified_ns,
            ..entry.clone()
        };
        return Outcome::Unchanged {
            key: file.key.clone(),
            entry: Some(entry),
        };
    }
    let (clippings, failures) = clippings_from_bytes(file, &bytes, today);
    if clippings.is_empty() {
        let skipped = failures.into_iter().next().unwrap_or_else(|| Skipped {
            path: file.display.clone(),
            reason: "no records".to_string(),
        });
        return Outcome::Skipped(skipped);
    }
    let clippings = clippings
        .into_iter()
        .map(|clipping| {
            let signature = story::signature(&clipping.title, &clipping.passages);
            (clipping, signature)
        })
        .collect();
    Outcome::Read {
        file: file.clone(),
        hash,
        clippings,
        failures,
    }
}

/// Decodes and normalizes a file's bytes into its records. A file of one record that
/// cannot be read gives one failure for the file; a multi-record file gives one per bad
/// record (`path:N`) and keeps the good ones.
pub fn clippings_from_bytes(
    file: &SourceFile,
    bytes: &[u8],
    today: chrono::NaiveDate,
) -> (Vec<Clipping>, Vec<Skipped>) {
    let fail = |reason: String| Skipped {
        path: file.display.clone(),
        reason,
    };
    let origin = normalize::Origin {
        path: &file.display,
        format: file.format,
        modified: input::modified_date(file),
    };
    let many = match file.format {
        Format::Email => normalize::normalize_email(&origin, bytes, today),
        Format::Pdf => {
            let one = input::pdf::text_pages(bytes)
                .map_err(&fail)
                .and_then(|pages| {
                    normalize::normalize_pdf(&origin, &pages, today)
                        .map_err(|err| fail(err.to_string()))
                });
            return split_results(vec![one]);
        }
        Format::Json => match input::to_raw(file, bytes) {
            Ok(raw) => normalize::normalize_json(&raw, today),
            Err(skipped) => return (Vec::new(), vec![skipped]),
        },
        Format::Text | Format::Markdown | Format::Html => {
            let one = input::to_raw(file, bytes).and_then(|raw| {
                normalize::normalize(&raw, today).map_err(|err| fail(err.to_string()))
            });
            return split_results(vec![one]);
        }
    };
    let results = many
        .into_iter()
        .map(|r| {
            r.map_err(|f| Skipped {
                path: f.path,
                reason: f.reason,
            })
        })
        .collect();
    split_results(results)
}

fn split_results(
    results: Vec<std::result::Result<Clipping, Skipped>>,
) -> (Vec<Clipping>, Vec<Skipped>) {
    let mut clippings = Vec::new();
    let mut failures = Vec::new();
    for result in results {
        match result {
            Ok(clipping) => clippings.push(clipping),
            Err(skipped) => failures.push(skipped),
        }
    }
    (clippings, failures)
}

/// Applies one outcome to the writer and manifest; returns true when the index changes.
fn apply(
    outcome: Outcome,
    writer: &ClippingWriter,
    manifest: &mut Manifest,
    stories: Option<&mut StoryIndex>,
    summary: &mut IngestSummary,
) -> Result<bool> {
    match outcome {
        Outcome::Unchanged { key, entry } => {
            summary.unchanged += 1;
            if let Some(entry) = entry {
                manifest.files.insert(key, entry);
            }
            Ok(false)
        }
        Outcome::Skipped(skipped) => {
            summary.count_skipped(skipped);
            Ok(false)
        }
        Outcome::Read {
            file,
            hash,
            clippings,
            failures,
        } => {
            for failure in failures {
                summary.count_skipped(failure);
            }
            summary
                .formats
                .entry(file.format.name().to_string())
                .or_default()
                .files += 1;
            if manifest.files.contains_key(&file.key) {
                writer.remove_file(&file.key);
                summary.updated += 1;
            } else {
                summary.added += 1;
            }
            let stories = stories.expect("the story index is built before records are applied");
            let mut records = Vec::with_capacity(clippings.len());
            for (clipping, signature) in &clippings {
                let story = stories.assign(signature.clone(), id_number(&clipping.id));
                writer.add(clipping, &file.key, story, signature)?;
                *summary
                    .by_format
                    .entry(clipping.format.name().to_string())
                    .or_default() += 1;
                *summary
                    .by_date_source
                    .entry(clipping.date_source.name().to_string())
                    .or_default() += 1;
                let format = summary
                    .formats
                    .entry(clipping.format.name().to_string())
                    .or_default();
                format.records += 1;
                *format
                    .dates
                    .entry(clipping.date_source.name().to_string())
                    .or_default() += 1;
                records.push(RecordSummary::new(clipping));
            }
            let entry = FileEntry {
                path: file.display.clone(),
                size: file.size,
                modified_ns: file.modified_ns,
                hash,
                records,
            };
            manifest.files.insert(file.key, entry);
            Ok(true)
        }
    }
}
