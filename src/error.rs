//! The library's error type: every failure names what went wrong and, where it helps,
//! what to do about it.

use std::path::PathBuf;

/// Anything that can stop a library operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The index could not be opened, read or written.
    #[error("index: {context}")]
    Index {
        /// What was being done.
        context: String,
        /// What went wrong underneath.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The index's files are not what morgue wrote.
    #[error("{0}; rebuild it with `morgue ingest --rebuild`")]
    Damaged(String),
    /// The index exists but was written by a different version of morgue.
    #[error(
        "the index at {path} was written by another version of morgue (index format {found}, this one reads {expected}, or a different layout); rebuild it with `morgue ingest --rebuild`"
    )]
    SchemaMismatch {
        /// Index folder.
        path: PathBuf,
        /// Schema version stored in the index.
        found: u32,
        /// Schema version this build writes.
        expected: u32,
    },
    /// Another process holds the index writer lock.
    #[error(
        "the index at {} is being updated by {}; wait for it to finish, or run `morgue ingest --wait`",
        .path.display(),
        .pid.map_or("another morgue process".to_string(), |pid| format!("process {pid}"))
    )]
    Busy {
        /// Index folder.
        path: PathBuf,
        /// Process id of the other writer, when it left one.
        pid: Option<u32>,
    },
    /// A file or folder the user named does not exist.
    #[error("no such file or folder: {0}; check the path")]
    MissingPath(PathBuf),
    /// No index exists where one was expected.
    #[error("no index at {0}; create one with `morgue ingest PATH`")]
    NoIndex(PathBuf),
    /// The user's query or one of its filters is malformed.
    #[error("{0}")]
    Query(String),
    /// A record id given by the user matches nothing in the index.
    #[error("no record with id {0:?}; ids are listed by `morgue search --json`")]
    UnknownId(String),
    /// A record id prefix given by the user matches several records.
    #[error("id prefix {0:?} matches {1} records; give more characters")]
    AmbiguousId(String, usize),
}

impl Error {
    /// An index error: what was being done, and the error underneath.
    pub fn index(
        context: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Index {
            context: context.into(),
            source: source.into(),
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result alias used throughout the library.
pub type Result<T> = std::result::Result<T, Error>;
