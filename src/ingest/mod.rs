//! Keeps an index in step with folders of clippings: new files added, changed files
//! replaced, deleted files removed, unchanged files skipped, all in one commit.

pub mod archive;
pub mod fence;
pub mod pool;
pub mod story;
pub mod watch;

use crate::clipping::id_number;
use crate::clipping::{Clipping, Format};
use crate::error::{Error, Result};
use crate::index::{ClippingIndex, ClippingWriter, FileEntry, Manifest, RecordSummary, Records};
use crate::input::pdf::PdfReader;
use crate::input::{self, Failure, SourceFile};
use crate::normalize::Reading;
use pool::{PoolOptions, Work};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use story::{Signature, StoryIndex};

/// Files read ahead of the one being indexed: enough to keep every core busy, few enough
/// that memory stays flat however large the archive is.
const READ_AHEAD_FILES: usize = 256;
/// Time one file's reader may take by default.
pub const DEFAULT_FILE_TIMEOUT: Duration = Duration::from_secs(30);
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
    /// Time one file's reader may take before the file is skipped.
    pub file_timeout: Duration,
    /// How PDF text layers are read.
    pub pdf: PdfReader,
    /// Where notes go while the ingest runs (waiting for another writer); none when quiet.
    pub note: Option<fn(&str)>,
    /// Files modified more recently than this are left for a later run (they may still
    /// be being written); none reads every file.
    pub settle: Option<Duration>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            rebuild: false,
            progress: false,
            max_file_bytes: input::DEFAULT_MAX_FILE_BYTES,
            wait: false,
            file_timeout: DEFAULT_FILE_TIMEOUT,
            pdf: PdfReader::InProcess,
            note: None,
            settle: None,
        }
    }
}

/// What an ingest did, as printed at its end.
#[derive(Debug, Clone, Default)]
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
    pub skipped: Vec<Failure>,
    /// Records indexed in this run, by format.
    pub by_format: BTreeMap<String, usize>,
    /// Records indexed in this run, by where their date came from.
    pub by_date_source: BTreeMap<String, usize>,
    /// What happened to each format's files in this run.
    pub formats: BTreeMap<String, FormatSummary>,
    /// Files left for a later run because they changed a moment ago (with `settle`).
    pub deferred: usize,
    /// How long until the last of them has been left alone for `settle`.
    pub settles_in: Option<Duration>,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// One format's share of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSummary {
    /// Files of this format read and indexed in this run.
    pub files: usize,
    /// Records they held.
    pub records: usize,
    /// Files or records of this format skipped.
    pub skipped: usize,
    /// Records by where their date came from.
    pub dates: BTreeMap<String, usize>,
    /// Records of web archives that are not pages (requests, redirects, errors, images),
    /// by kind.
    pub passed_over: BTreeMap<String, usize>,
}

impl IngestSummary {
    fn count_skipped(&mut self, skipped: Failure) {
        let format = input::format_for(Path::new(skipped.file())).map_or("other", Format::name);
        self.formats.entry(format.to_string()).or_default().skipped += 1;
        self.skipped.push(skipped);
    }
}

/// The outcome of looking at one file.
enum Outcome {
    Unchanged {
        key: String,
        /// The file's new size and modification time, when only those changed.
        touched: Option<(u64, u128)>,
    },
    Read {
        file: SourceFile,
        hash: u128,
        clippings: Vec<(Clipping, Signature)>,
        /// Records of the file that could not be read; the others are indexed.
        failures: Vec<Failure>,
    },
    Skipped(Vec<Failure>),
    /// An archive's pages follow.
    ArchiveStart(Arc<SourceFile>),
    /// One page of the archive being read.
    Page(Box<std::result::Result<(Clipping, Signature), Failure>>),
    /// The archive has been read.
    ArchiveEnd {
        file: Arc<SourceFile>,
        end: archive::ArchiveEnd,
    },
}

/// The archive whose pages are being indexed.
struct OpenArchive {
    /// The archive's file key.
    key: String,
    /// Whether the index held the file before.
    known: bool,
    /// The records indexed so far.
    records: Vec<RecordSummary>,
}

/// Brings the index in `index_dir` up to date with `paths`.
pub fn ingest(
    index_dir: &Path,
    paths: &[PathBuf],
    options: &IngestOptions,
) -> Result<IngestSummary> {
    input::check_paths(paths)?;
    with_updater(index_dir, options, |updater| {
        updater.update(paths, options.rebuild)
    })
}

/// The index held open for writing across several updates (the watcher's batches): the
/// writer lock is taken once and kept until `work` returns.
pub struct Updater<'a> {
    index: &'a ClippingIndex,
    writer: ClippingWriter<'a>,
    index_dir: &'a Path,
    options: &'a IngestOptions,
}

/// Opens the index for writing, runs `work` on it, then lets merges finish and gives
/// the lock back.
pub fn with_updater<T>(
    index_dir: &Path,
    options: &IngestOptions,
    work: impl FnOnce(&mut Updater) -> Result<T>,
) -> Result<T> {
    let index = open_for_ingest(index_dir, options.rebuild)?;
    let mut on_wait = |message: &str| {
        if let Some(note) = options.note {
            note(message);
        }
    };
    let writer = ClippingWriter::new(&index, options.wait, &mut on_wait)?;
    let mut updater = Updater {
        index: &index,
        writer,
        index_dir,
        options,
    };
    let answer = work(&mut updater)?;
    updater.writer.close()?;
    Ok(answer)
}

impl Updater<'_> {
    /// One incremental update over `paths` (from scratch with `rebuild`), in one commit.
    pub fn update(&mut self, paths: &[PathBuf], rebuild: bool) -> Result<IngestSummary> {
        let started = Instant::now();
        let (index, options) = (self.index, self.options);
        // Read what is indexed only once the writer lock is held: a process that held it
        // before may have committed in the meantime.
        let mut manifest = if rebuild {
            Manifest::default()
        } else {
            index.manifest()?
        };
        let input::Found {
            files: found,
            skipped,
            folders,
        } = input::find_files(paths, Some(self.index_dir));
        let mut summary = IngestSummary {
            seen: found.len(),
            ..Default::default()
        };
        for skipped in skipped {
            summary.count_skipped(skipped);
        }
        // Indexed files under the folders walked that were not found again have been
        // deleted. Told apart now, so that the list of files found can be handed to the
        // readers instead of copied (a million files' paths take hundreds of megabytes).
        let gone: Vec<String> = {
            let seen: HashSet<&str> = found.iter().map(|f| f.key.as_str()).collect();
            manifest
                .files
                .keys()
                .filter(|key| !seen.contains(key.as_str()) && under_any(key, &folders))
                .cloned()
                .collect()
        };
        if rebuild {
            self.writer.remove_all()?;
        }
        let writer = &self.writer;
        let mut stories: Option<StoryIndex> = None;
        let mut changed = rebuild;
        let settled = settled_before(options.settle);
        let (ready, deferred): (Vec<SourceFile>, Vec<SourceFile>) = found
            .into_iter()
            .partition(|file| settled.is_none_or(|limit| file.modified_ns <= limit));
        summary.deferred = deferred.len();
        summary.settles_in = deferred
            .iter()
            .map(|f| f.modified_ns)
            .max()
            .zip(settled)
            .map(|(youngest, limit)| {
                Duration::from_nanos(u64::try_from(youngest.saturating_sub(limit)).unwrap_or(0))
            });
        let progress = progress_bar(ready.len(), options.progress);
        let files: Vec<(SourceFile, Option<archive::Known>)> = ready
            .into_iter()
            .map(|file| {
                let known = manifest.files.get(&file.key).map(archive::Known::of);
                (file, known)
            })
            .collect();
        let reader = FileReader {
            reading: Reading {
                today: chrono::Utc::now().date_naive(),
                pdf: options.pdf.clone(),
            },
            max_bytes: options.max_file_bytes,
        };
        let work: Work<archive::Job, Outcome> = Arc::new(move |job| reader.work(job));
        let timeout = options.file_timeout;
        let mut open_archive: Option<OpenArchive> = None;
        pool::run_in_order(
            archive::jobs(files),
            reading_pool(timeout),
            work,
            |job| job_timed_out(job, timeout),
            |outcome| {
                if !matches!(outcome, Outcome::Page(_) | Outcome::ArchiveStart(_)) {
                    progress.inc(1);
                }
                let adds = match &outcome {
                    Outcome::Read { .. } => true,
                    Outcome::Page(page) => page.is_ok(),
                    _ => false,
                };
                if adds && stories.is_none() {
                    stories = Some(load_stories(index)?);
                }
                let mut target = Target {
                    writer,
                    manifest: &mut manifest,
                    stories: stories.as_mut(),
                    summary: &mut summary,
                    archive: &mut open_archive,
                };
                changed |= target.apply(outcome)?;
                Ok::<(), Error>(())
            },
        )?;
        progress.finish_and_clear();

        for key in gone {
            writer.remove_file(&key);
            manifest.files.remove(&key);
            summary.removed += 1;
            changed = true;
        }
        if changed {
            self.writer.commit(
                &manifest,
                &crate::catalog::Summary::encode_catalog(&manifest),
            )?;
        }
        summary.seconds = started.elapsed().as_secs_f64();
        Ok(summary)
    }
}

/// The newest modification time (ns since the epoch) a file may have to be read now.
fn settled_before(settle: Option<Duration>) -> Option<u128> {
    let settle = settle?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(now.saturating_sub(settle).as_nanos())
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

/// The stories of the records already indexed, for new records to join.
fn load_stories(index: &ClippingIndex) -> Result<StoryIndex> {
    let stored = index.stored_signatures()?;
    Ok(StoryIndex::load(stored))
}

/// How reading threads run: one per core, each file within `timeout`.
pub fn reading_pool(timeout: Duration) -> PoolOptions {
    PoolOptions {
        workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
        time_limit: timeout,
        window: READ_AHEAD_FILES,
    }
}

/// The failure of a file whose reader ran past the limit.
pub fn timed_out(file: &SourceFile, timeout: Duration) -> Failure {
    Failure::new(
        &file.display,
        format!(
            "reading took longer than {} s (raise the limit with --file-timeout)",
            timeout.as_secs_f64()
        ),
    )
}

/// The result a job gets when its reader runs past the limit.
fn job_timed_out(job: &archive::Job, timeout: Duration) -> Outcome {
    match job {
        archive::Job::File { file, .. } => Outcome::Skipped(vec![timed_out(file, timeout)]),
        archive::Job::Unreadable(failure) => Outcome::Skipped(vec![failure.clone()]),
        archive::Job::ArchiveStart(file) => Outcome::ArchiveStart(Arc::clone(file)),
        archive::Job::Page { file, capture } => {
            let mut failure = timed_out(file, timeout);
            failure.path =
                crate::normalize::json::record_path(&file.display, Some(capture.position));
            Outcome::Page(Box::new(Err(failure)))
        }
        archive::Job::ArchiveEnd { file, end } => Outcome::ArchiveEnd {
            file: Arc::clone(file),
            end: end.clone(),
        },
    }
}

/// What a reading thread needs to turn a file into records.
#[derive(Debug, Clone)]
pub struct FileReader {
    /// Today's date and the PDF reader.
    pub reading: Reading,
    /// Files larger than this are skipped.
    pub max_bytes: u64,
}

impl FileReader {
    /// Reads a file's bytes and its records behind the fence; `rest` ends the message of
    /// an internal error ("indexed", "read").
    pub fn read(
        &self,
        file: &SourceFile,
        rest: &str,
    ) -> Vec<std::result::Result<Clipping, Failure>> {
        if file.format == Format::Warc {
            return fence::guard(file, rest, || archive::read_pages(file, self.reading.today))
                .unwrap_or_else(|failure| vec![Err(failure)]);
        }
        match input::read_bytes(file, self.max_bytes) {
            Ok(bytes) => fence::read_file(file, &bytes, &self.reading, rest),
            Err(failure) => vec![Err(failure)],
        }
    }

    /// Does one job of an ingest.
    fn work(&self, job: &archive::Job) -> Outcome {
        match job {
            archive::Job::File { file, known } => self.examine(file, *known),
            archive::Job::Unreadable(failure) => Outcome::Skipped(vec![failure.clone()]),
            archive::Job::ArchiveStart(file) => Outcome::ArchiveStart(Arc::clone(file)),
            archive::Job::Page { file, capture } => {
                let origin = crate::normalize::Origin {
                    path: &file.display,
                    format: file.format,
                    modified: file.modified_date(),
                };
                let page = fence::guard(file, "indexed", || {
                    crate::normalize::warc::normalize_capture(&origin, capture, self.reading.today)
                })
                .and_then(|read| read);
                Outcome::Page(Box::new(page.map(|clipping| {
                    let signature = story::signature(&clipping.title, &clipping.passages);
                    (clipping, signature)
                })))
            }
            archive::Job::ArchiveEnd { file, end } => Outcome::ArchiveEnd {
                file: Arc::clone(file),
                end: end.clone(),
            },
        }
    }

    /// Decides what to do with one file: skip it as unchanged, or read and normalize it.
    fn examine(&self, file: &SourceFile, known: Option<archive::Known>) -> Outcome {
        if known.is_some_and(|k| k.same_stamp(file)) {
            return Outcome::Unchanged {
                key: file.key.clone(),
                touched: None,
            };
        }
        let bytes = match input::read_bytes(file, self.max_bytes) {
            Ok(bytes) => bytes,
            Err(skipped) => return Outcome::Skipped(vec![skipped]),
        };
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        if known.is_some_and(|k| k.hash == hash) {
            return Outcome::Unchanged {
                key: file.key.clone(),
                touched: Some((file.size, file.modified_ns)),
            };
        }
        let (clippings, failures): (Vec<_>, Vec<_>) =
            fence::read_file(file, &bytes, &self.reading, "indexed")
                .into_iter()
                .partition(std::result::Result::is_ok);
        let clippings: Vec<Clipping> = clippings.into_iter().filter_map(|r| r.ok()).collect();
        let failures: Vec<Failure> = failures.into_iter().filter_map(|r| r.err()).collect();
        if clippings.is_empty() {
            return Outcome::Skipped(if failures.is_empty() {
                vec![Failure::new(&file.display, "no records")]
            } else {
                failures
            });
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
}

/// Where outcomes go: the writer, the manifest, the stories, the summary.
struct Target<'a, 'w> {
    writer: &'a ClippingWriter<'w>,
    manifest: &'a mut Manifest,
    stories: Option<&'a mut StoryIndex>,
    summary: &'a mut IngestSummary,
    archive: &'a mut Option<OpenArchive>,
}

impl Target<'_, '_> {
    /// Applies one outcome; returns true when the index changes.
    fn apply(&mut self, outcome: Outcome) -> Result<bool> {
        match outcome {
            Outcome::Unchanged { key, touched } => {
                self.summary.unchanged += 1;
                // Same bytes under a new time: the manifest learns the time, so the next
                // run need not read the file again.
                match (touched, self.manifest.files.get_mut(&key)) {
                    (Some((size, modified_ns)), Some(entry)) => {
                        entry.size = size;
                        entry.modified_ns = modified_ns;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            }
            Outcome::Skipped(failures) => {
                for failure in failures {
                    self.summary.count_skipped(failure);
                }
                Ok(false)
            }
            Outcome::Read {
                file,
                hash,
                clippings,
                failures,
            } => self.apply_read(&file, hash, &clippings, failures),
            Outcome::ArchiveStart(file) => Ok(self.open_archive(&file)),
            Outcome::Page(page) => self.apply_page(*page),
            Outcome::ArchiveEnd { file, end } => Ok(self.close_archive(&file, end)),
        }
    }

    /// A file read whole: its earlier records leave, its records arrive.
    fn apply_read(
        &mut self,
        file: &SourceFile,
        hash: u128,
        clippings: &[(Clipping, Signature)],
        failures: Vec<Failure>,
    ) -> Result<bool> {
        // A file counts under what it turned out to be (a `.docx` that is a Nexis export
        // counts as nexis), so no format shows files without records.
        let read_as = clippings.first().map_or(file.format, |(c, _)| c.format);
        for failure in failures {
            self.skip_record(read_as, failure);
        }
        self.format(read_as).files += 1;
        let known = self.forget(&file.key);
        self.count_file(known);
        let mut records = Vec::with_capacity(clippings.len());
        for (clipping, signature) in clippings {
            records.push(self.add(clipping, signature, &file.key)?);
        }
        self.keep(file, hash, records);
        Ok(true)
    }

    /// An archive's pages follow: its earlier records leave now, before any page of it
    /// is added (a removal takes every record of the file added before it).
    fn open_archive(&mut self, file: &SourceFile) -> bool {
        let known = self.forget(&file.key);
        *self.archive = Some(OpenArchive {
            key: file.key.clone(),
            known,
            records: Vec::new(),
        });
        known
    }

    fn apply_page(
        &mut self,
        page: std::result::Result<(Clipping, Signature), Failure>,
    ) -> Result<bool> {
        let (clipping, signature) = match page {
            Ok(read) => read,
            Err(failure) => {
                self.skip_record(Format::Warc, failure);
                return Ok(false);
            }
        };
        let Some(key) = self.archive.as_ref().map(|open| open.key.clone()) else {
            return Ok(false);
        };
        let record = self.add(&clipping, &signature, &key)?;
        if let Some(open) = self.archive.as_mut() {
            open.records.push(record);
        }
        Ok(true)
    }

    /// The archive has been read: its entry in the manifest, and what it passed over.
    fn close_archive(&mut self, file: &SourceFile, end: archive::ArchiveEnd) -> bool {
        let open = self.archive.take().unwrap_or(OpenArchive {
            key: file.key.clone(),
            known: false,
            records: Vec::new(),
        });
        let format = self.format(Format::Warc);
        for (kind, n) in end.passed_over {
            *format.passed_over.entry(kind).or_default() += n;
        }
        if let Some(broken) = end.broken {
            self.skip_record(Format::Warc, broken);
        }
        if open.records.is_empty() {
            let none = Failure::new(&file.display, crate::normalize::warc::NO_PAGES);
            self.summary.count_skipped(none);
            return open.known;
        }
        self.format(Format::Warc).files += 1;
        self.count_file(open.known);
        self.keep(file, end.hash, open.records);
        true
    }

    fn format(&mut self, format: Format) -> &mut FormatSummary {
        self.summary
            .formats
            .entry(format.name().to_string())
            .or_default()
    }

    fn skip_record(&mut self, format: Format, failure: Failure) {
        self.format(format).skipped += 1;
        self.summary.skipped.push(failure);
    }

    /// Takes a file's earlier records out of the index; true when it had some.
    fn forget(&mut self, key: &str) -> bool {
        let known = self.manifest.files.remove(key).is_some();
        if known {
            self.writer.remove_file(key);
        }
        known
    }

    fn count_file(&mut self, known: bool) {
        if known {
            self.summary.updated += 1;
        } else {
            self.summary.added += 1;
        }
    }

    /// Indexes one record of the file `key`.
    fn add(
        &mut self,
        clipping: &Clipping,
        signature: &Signature,
        key: &str,
    ) -> Result<RecordSummary> {
        let stories = self
            .stories
            .as_deref_mut()
            .expect("the story index is built before records are applied");
        let bytes = signature.to_bytes();
        let story = stories.assign(signature, &bytes, id_number(&clipping.id));
        let article = self.manifest.take_article_number();
        self.writer.add(clipping, key, article, story, &bytes)?;
        let summary = &mut *self.summary;
        *summary
            .by_format
            .entry(clipping.format.name().to_string())
            .or_default() += 1;
        *summary
            .by_date_source
            .entry(clipping.date_source.name().to_string())
            .or_default() += 1;
        let format = self.format(clipping.format);
        format.records += 1;
        *format
            .dates
            .entry(clipping.date_source.name().to_string())
            .or_default() += 1;
        Ok(RecordSummary::new(clipping))
    }

    fn keep(&mut self, file: &SourceFile, hash: u128, records: Vec<RecordSummary>) {
        let entry = FileEntry {
            path: file.display.clone(),
            size: file.size,
            modified_ns: file.modified_ns,
            hash,
            records: Records::packed(&records),
        };
        self.manifest.files.insert(file.key.clone(), entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::test_faults;
    use crate::query::{SearchRequest, parse_query};

    #[test]
    fn a_reader_that_panics_or_never_returns_costs_only_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let clipping = |headline: &str| {
            format!("{headline}\nPublished: 3 March 2025\n\nThe harbour ferry ran again.\n")
        };
        std::fs::write(archive.join("a.txt"), clipping("Ferry returns")).unwrap();
        std::fs::write(archive.join("z.txt"), clipping("Ferry returns again")).unwrap();
        let panics = format!("b{}.html", test_faults::PANIC);
        let stalls = format!("c{}.txt", test_faults::STALL);
        std::fs::write(archive.join(&panics), "<p>Never read.</p>").unwrap();
        std::fs::write(archive.join(&stalls), clipping("Never read")).unwrap();
        let index_dir = dir.path().join("index");
        let options = IngestOptions {
            file_timeout: Duration::from_millis(500),
            ..IngestOptions::default()
        };
        let summary = ingest(&index_dir, std::slice::from_ref(&archive), &options).unwrap();
        assert_eq!(summary.added, 2);
        let reasons: Vec<(&str, &str)> = summary
            .skipped
            .iter()
            .map(|f| (f.path.rsplit('/').next().unwrap(), f.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert_eq!(reasons[0].0, panics);
        assert!(
            reasons[0]
                .1
                .starts_with("internal error in the html reader (deliberate fault")
        );
        assert!(reasons[0].1.ends_with("; the rest was indexed"));
        assert_eq!(reasons[1].0, stalls);
        assert!(reasons[1].1.starts_with("reading took longer than 0.5 s"));
        // The commit holds: both good files are searchable from a fresh open.
        let index = ClippingIndex::open(&index_dir).unwrap();
        let (text, filters) = parse_query("harbour ferry").unwrap();
        let mut request = SearchRequest::new(text, filters, 10);
        request.all_copies = true;
        assert_eq!(index.search(&request).unwrap().hits.len(), 2);
        assert_eq!(index.manifest().unwrap().files.len(), 2);
    }
}
