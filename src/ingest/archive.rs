//! Web archives read as a stream: each captured page is a job of its own for the reading
//! threads, so an archive of any size is held in memory a window of pages at a time and
//! its pages are read on every core.

use crate::clipping::Format;
use crate::input::{Failure, SourceFile};
use crate::normalize::warc::{Capture, Record, Records};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{BufReader, Read};
use std::rc::Rc;
use std::sync::Arc;
use xxhash_rust::xxh3::Xxh3;

/// One job for the reading threads.
#[derive(Debug)]
pub enum Job {
    /// A file read whole by one thread.
    File {
        /// The file.
        file: SourceFile,
        /// What the index knows of it.
        known: Option<Known>,
    },
    /// A file that cannot be read at all.
    Unreadable(Failure),
    /// An archive whose pages follow: the records it gave before leave the index.
    ArchiveStart(Arc<SourceFile>),
    /// One captured page of the archive being read.
    Page {
        /// The archive.
        file: Arc<SourceFile>,
        /// The page.
        capture: Capture,
    },
    /// The end of an archive.
    ArchiveEnd {
        /// The archive.
        file: Arc<SourceFile>,
        /// What was learnt reading it.
        end: ArchiveEnd,
    },
}

/// What the index knows of a file: enough to tell whether it changed, without a copy of
/// its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Size in bytes when it was indexed.
    pub size: u64,
    /// Modification time then, nanoseconds since the Unix epoch.
    pub modified_ns: u128,
    /// Content hash then.
    pub hash: u128,
}

impl Known {
    /// What `entry` knows.
    pub fn of(entry: &crate::index::FileEntry) -> Known {
        Known {
            size: entry.size,
            modified_ns: entry.modified_ns,
            hash: entry.hash,
        }
    }

    /// Whether `file` has the size and modification time it had when indexed.
    pub fn same_stamp(&self, file: &SourceFile) -> bool {
        self.size == file.size && self.modified_ns == file.modified_ns
    }
}

/// What is known of an archive once all of it has been read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveEnd {
    /// Hash of the file's bytes.
    pub hash: u128,
    /// Records that are not pages, by kind.
    pub passed_over: BTreeMap<String, usize>,
    /// Why reading stopped before the end, when it did.
    pub broken: Option<Failure>,
}

/// The jobs for `files`: a file read whole is one job; a web archive that needs reading
/// is a start, a job per page and an end, made as the archive is read.
pub fn jobs(files: Vec<(SourceFile, Option<Known>)>) -> impl Iterator<Item = Job> {
    files.into_iter().flat_map(|(file, known)| {
        let unchanged = known.is_some_and(|k| k.same_stamp(&file));
        if file.format != Format::Warc || unchanged {
            return Box::new(std::iter::once(Job::File { file, known }))
                as Box<dyn Iterator<Item = Job>>;
        }
        match ArchiveJobs::open(file) {
            Ok(jobs) => Box::new(jobs),
            Err(failure) => Box::new(std::iter::once(Job::Unreadable(failure))),
        }
    })
}

/// Hashes the bytes read through it.
struct Hashing<R> {
    inner: R,
    hasher: Rc<RefCell<Xxh3>>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buffer)?;
        self.hasher.borrow_mut().update(&buffer[..n]);
        Ok(n)
    }
}

/// The jobs of one archive, read record by record as they are asked for.
struct ArchiveJobs {
    file: Arc<SourceFile>,
    records: Option<Records<'static>>,
    hasher: Rc<RefCell<Xxh3>>,
    started: bool,
    end: ArchiveEnd,
}

/// The records of an archive on disk, and the hash of the bytes read so far.
fn open_records(file: &SourceFile) -> Result<(Records<'static>, Rc<RefCell<Xxh3>>), Failure> {
    let opened = std::fs::File::open(&file.path)
        .map_err(|e| Failure::new(&file.display, crate::input::io_reason(&e)))?;
    let hasher = Rc::new(RefCell::new(Xxh3::new()));
    let source = BufReader::with_capacity(
        256 * 1024,
        Hashing {
            inner: opened,
            hasher: Rc::clone(&hasher),
        },
    );
    let records =
        Records::new(Box::new(source)).map_err(|reason| Failure::new(&file.display, reason))?;
    Ok((records, hasher))
}

impl ArchiveJobs {
    fn open(file: SourceFile) -> Result<ArchiveJobs, Failure> {
        let (records, hasher) = open_records(&file)?;
        Ok(ArchiveJobs {
            file: Arc::new(file),
            records: Some(records),
            hasher,
            started: false,
            end: ArchiveEnd::default(),
        })
    }
}

impl Iterator for ArchiveJobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if !self.started {
            self.started = true;
            return Some(Job::ArchiveStart(Arc::clone(&self.file)));
        }
        let records = self.records.as_mut()?;
        for record in records.by_ref() {
            match record {
                Ok(Record::Page(capture)) => {
                    return Some(Job::Page {
                        file: Arc::clone(&self.file),
                        capture,
                    });
                }
                Ok(Record::PassedOver(kind)) => {
                    *self.end.passed_over.entry(kind).or_default() += 1;
                }
                Err(reason) => {
                    self.end.broken = Some(Failure::new(&self.file.display, reason));
                }
            }
        }
        self.records = None;
        self.end.hash = self.hasher.borrow().digest128();
        Some(Job::ArchiveEnd {
            file: Arc::clone(&self.file),
            end: std::mem::take(&mut self.end),
        })
    }
}

/// Every page of an archive on disk, read as a stream on this thread (for `extract`,
/// which prints records rather than indexing them): the archive's size is no limit.
pub fn read_pages(
    file: &SourceFile,
    today: chrono::NaiveDate,
) -> Vec<Result<crate::clipping::Clipping, Failure>> {
    let origin = crate::normalize::Origin {
        path: &file.display,
        format: file.format,
        modified: file.modified_date(),
    };
    match open_records(file) {
        Ok((records, _)) => crate::normalize::warc::normalize_records(&origin, records, today),
        Err(failure) => vec![Err(failure)],
    }
}
