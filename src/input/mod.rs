//! Finds clipping files under the paths a user gives, reads their bytes within a size
//! limit, and decodes text; the fenced PDF text reader lives here too.

mod decode;
pub mod pdf;

pub use decode::{DecodeError, decode, decode_html};

use crate::clipping::Format;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Files larger than this are skipped unless the user raises the limit: no clipping is
/// this long, and reading one would hold the whole file in memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file found on disk that morgue can read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path to open.
    pub path: PathBuf,
    /// Path as given or found, shown to users and stored in records.
    pub display: String,
    /// Canonical absolute path: the file's identity in the index manifest.
    pub key: String,
    /// Format chosen from the extension.
    pub format: Format,
    /// Size in bytes when listed.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub modified_ns: u128,
}

/// A file, folder or record that was not read, and why: the one failure type of every
/// stage, from walking a folder to normalizing one record of a mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file or folder as given or found; `file:N` for one record of a multi-record
    /// file.
    pub path: String,
    /// A short reason a user can act on.
    pub reason: String,
}

impl Failure {
    /// A failure of `path` for `reason`.
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Failure {
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// The file this failure concerns: the path without a record's `:N`.
    pub fn file(&self) -> &str {
        match self.path.rsplit_once(':') {
            Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
            _ => &self.path,
        }
    }
}

/// What walking the user's paths found.
#[derive(Debug, Default)]
pub struct Found {
    /// Readable files in a supported format, in path order.
    pub files: Vec<SourceFile>,
    /// Files and folders passed over, with reasons.
    pub skipped: Vec<Failure>,
    /// Canonical paths of the folders walked: files indexed under them that were not
    /// found again have been deleted by the user.
    pub folders: Vec<String>,
}

/// Picks the format for a file from its extension; `None` for formats morgue does not read.
pub fn format_for(path: &Path) -> Option<Format> {
    if is_maildir_message(path) {
        return Some(Format::Email);
    }
    if path
        .to_string_lossy()
        .to_ascii_lowercase()
        .ends_with(".warc.gz")
    {
        return Some(Format::Warc);
    }
    let ext = match path.extension() {
        None => return Some(Format::Text),
        Some(ext) => ext.to_string_lossy().to_ascii_lowercase(),
    };
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" | "jsonl" | "ndjson" => Some(Format::Json),
        "eml" | "mbox" => Some(Format::Email),
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        "odt" => Some(Format::Odt),
        "mhtml" | "mht" => Some(Format::Mhtml),
        "warc" => Some(Format::Warc),
        "rtf" => Some(Format::Rtf),
        "doc" => Some(Format::Doc),
        _ => None,
    }
}

/// Checks that every path the user named exists (a broken link counts as missing), so a
/// mistyped path is an error rather than an empty ingest.
pub fn check_paths(paths: &[PathBuf]) -> crate::Result<()> {
    match paths.iter().find(|path| std::fs::metadata(path).is_err()) {
        Some(missing) if std::fs::symlink_metadata(missing).is_err() => {
            Err(crate::Error::MissingPath(missing.clone()))
        }
        _ => Ok(()),
    }
}

/// True for a message in a Maildir folder: a file in `cur/` or `new/` named by its
/// delivery time and host (`1700000000.M1P2.host,S=10956:2,S`), which has no extension
/// to go by. (`tmp/` holds deliveries still being written.)
fn is_maildir_message(path: &Path) -> bool {
    let in_maildir = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|folder| folder == "cur" || folder == "new");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let (time, rest) = name.split_once('.').unwrap_or_default();
    in_maildir && !time.is_empty() && time.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty()
}

/// Walks `paths` (files or folders) and lists the clipping files found.
///
/// Hidden files and folders, and the folder `exclude` (the index), are passed over
/// silently; unreadable entries and unsupported formats are listed in `skipped`.
pub fn find_files(paths: &[PathBuf], exclude: Option<&Path>) -> Found {
    let exclude = exclude.and_then(|dir| dir.canonicalize().ok());
    let mut found = Found::default();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(meta) => meta,
            Err(err) => {
                found
                    .skipped
                    .push(Failure::new(root.display().to_string(), io_reason(&err)));
                continue;
            }
        };
        let canonical = match root.canonicalize() {
            Ok(canonical) => canonical,
            Err(err) => {
                found
                    .skipped
                    .push(Failure::new(root.display().to_string(), io_reason(&err)));
                continue;
            }
        };
        if meta.is_dir() {
            found.folders.push(canonical.to_string_lossy().into_owned());
            walk_folder(root, &canonical, exclude.as_deref(), &mut found);
        } else {
            add_file(root, canonical, &meta, &mut found);
        }
    }
    found.files.sort_by(|a, b| a.display.cmp(&b.display));
    found.files.dedup_by(|a, b| a.key == b.key);
    found
}

/// Walks one folder. Links are not followed, so every path below the canonical root is
/// itself canonical: joining saves resolving each file's path again.
fn walk_folder(root: &Path, canonical_root: &Path, exclude: Option<&Path>, found: &mut Found) {
    let canonical = |path: &Path| canonical_root.join(path.strip_prefix(root).unwrap_or(path));
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let excluded = exclude
                .is_some_and(|dir| entry.file_type().is_dir() && canonical(entry.path()) == dir);
            !hidden && !excluded
        });
    let mut entries = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => entries.push(entry),
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let reason = match err.io_error() {
                    Some(io) => io_reason(io),
                    None => "symbolic link loop".to_string(),
                };
                found.skipped.push(Failure::new(path, reason));
            }
        }
    }
    // Looking up each file's size and time is most of a re-ingest that finds nothing
    // new: the lookups go to every core.
    use rayon::prelude::*;
    let looked_up: Vec<_> = entries
        .into_par_iter()
        .map(|entry| {
            let meta = entry.metadata();
            (entry, meta)
        })
        .collect();
    for (entry, meta) in looked_up {
        match meta {
            Ok(meta) if meta.is_file() => {
                add_file(entry.path(), canonical(entry.path()), &meta, found)
            }
            // A symlink to a file is read like the file; other special files are not.
            Ok(_) => match std::fs::metadata(entry.path()) {
                Ok(meta) if meta.is_file() => {
                    add_file(entry.path(), canonical(entry.path()), &meta, found)
                }
                // Links to folders are not followed: a folder could be read twice, or
                // a link could point at its own parent.
                Ok(meta) if meta.is_dir() => found.skipped.push(Failure::new(
                    entry.path().display().to_string(),
                    "link to a folder, not followed (name the folder itself to read it)",
                )),
                Ok(_) => {}
                Err(err) => found.skipped.push(Failure::new(
                    entry.path().display().to_string(),
                    io_reason(&err),
                )),
            },
            Err(err) => found.skipped.push(Failure::new(
                entry.path().display().to_string(),
                err.to_string(),
            )),
        }
    }
}

/// Files that are some program's work in progress, not clippings: partial downloads,
/// editors' backups, swap and lock files, Office owner files, vim's write probe. They are
/// passed over silently (a watcher sees them come and go all day).
pub fn is_work_in_progress(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    const ENDINGS: [&str; 9] = [
        ".crdownload",
        ".part",
        ".partial",
        ".download",
        ".tmp",
        ".swp",
        ".swx",
        ".temp",
        "~",
    ];
    ENDINGS.iter().any(|end| name.ends_with(end))
        || name.starts_with(".#")
        || name.starts_with("~$")
        || name == "4913"
}

fn add_file(path: &Path, canonical: PathBuf, meta: &std::fs::Metadata, found: &mut Found) {
    if is_work_in_progress(path) {
        return;
    }
    let display = path.display().to_string();
    let Some(format) = format_for(path) else {
        let ext = path.extension().unwrap_or_default().to_string_lossy();
        found.skipped.push(Failure::new(
            display,
            format!(
                "unsupported format (.{ext}); morgue reads .txt, .md, .html, .json, .jsonl, .eml, .mbox, .pdf, .docx, .odt, .mhtml, .warc(.gz), .rtf, .doc (RTF, HTML or text inside) and files without extension"
            ),
        ));
        return;
    };
    let key = canonical.to_string_lossy().into_owned();
    found.files.push(SourceFile {
        path: path.to_path_buf(),
        display,
        key,
        format,
        size: meta.len(),
        modified_ns: meta.modified().map(nanos_since_epoch).unwrap_or(0),
    });
}

fn nanos_since_epoch(time: SystemTime) -> u128 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Reads a file's bytes, refusing files over `max_bytes` (also when a file grows between
/// listing and reading: at most `max_bytes + 1` bytes are ever read).
pub fn read_bytes(file: &SourceFile, max_bytes: u64) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let too_large = |size: u64| {
        Failure::new(
            &file.display,
            format!(
                "file too large ({:.1} MB; the limit is {:.1} MB, raise it with --max-file-size)",
                size as f64 / 1e6,
                max_bytes as f64 / 1e6
            ),
        )
    };
    if file.size > max_bytes {
        return Err(too_large(file.size));
    }
    let opened = std::fs::File::open(&file.path)
        .map_err(|err| Failure::new(&file.display, io_reason(&err)))?;
    let mut bytes = Vec::with_capacity(file.size as usize);
    opened
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Failure::new(&file.display, io_reason(&err)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

impl SourceFile {
    /// A file known only by name, for reading bytes that did not come from disk (tests,
    /// fuzzing, evaluation); it has no modification time.
    pub fn in_memory(display: &str, format: Format) -> SourceFile {
        SourceFile {
            path: PathBuf::from(display),
            display: display.to_string(),
            key: display.to_string(),
            format,
            size: 0,
            modified_ns: 0,
        }
    }

    /// The file's modification date, the last resort for dating it.
    pub fn modified_date(&self) -> Option<NaiveDate> {
        date_from_nanos(self.modified_ns)
    }
}

fn date_from_nanos(nanos: u128) -> Option<NaiveDate> {
    if nanos == 0 {
        return None;
    }
    let secs = i64::try_from(nanos / 1_000_000_000).ok()?;
    DateTime::<Utc>::from_timestamp(secs, 0).map(|t| t.date_naive())
}

pub(crate) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_in_progress_is_told_from_clippings() {
        let cases = [
            ("story.html.crdownload", true),
            ("Story.PDF.part", true),
            ("notes.txt~", true),
            (".#notes.txt", true),
            ("~$draft.docx", true),
            ("4913", true),
            ("report.tmp", true),
            ("story.html", false),
            ("partial-truth.txt", false),
            ("2025-04-24 étude.md", false),
            ("notes", false),
        ];
        for (name, expected) in cases {
            assert_eq!(is_work_in_progress(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn formats_follow_extensions() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("A.TXT", Some(Format::Text)),
            ("notes", Some(Format::Text)),
            ("b.md", Some(Format::Markdown)),
            ("c.png", None),
            ("page.HTM", Some(Format::Html)),
            ("feed.ndjson", Some(Format::Json)),
            ("box.mbox", Some(Format::Email)),
            ("scan.pdf", Some(Format::Pdf)),
            (
                "box/cur/1700000000.M1P2.host,S=10956:2,S",
                Some(Format::Email),
            ),
            (
                "box/new/1700000001.12345_1.mail.example",
                Some(Format::Email),
            ),
            ("box/tmp/1700000000.M1P2.host", None),
        ];
        for (name, expected) in cases {
            assert_eq!(format_for(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn walk_skips_hidden_and_excluded_and_reports_unsupported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join("idx")).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("sub/b.md"), "b").unwrap();
        std::fs::write(root.join(".hidden.txt"), "h").unwrap();
        std::fs::write(root.join("idx/c.txt"), "c").unwrap();
        std::fs::write(root.join("d.png"), "d").unwrap();
        let found = find_files(&[root.to_path_buf()], Some(&root.join("idx")));
        let names: Vec<_> = found
            .files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "b.md"]);
        assert_eq!(found.skipped.len(), 1);
        assert!(
            found.skipped[0]
                .reason
                .contains("unsupported format (.png)")
        );
        assert_eq!(found.folders.len(), 1);
    }

    #[test]
    fn oversized_and_vanished_files_are_skipped_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "x".repeat(2000)).unwrap();
        let found = find_files(&[dir.path().to_path_buf()], None);
        let file = &found.files[0];
        let err = read_bytes(file, 1000).unwrap_err();
        assert!(
            err.reason
                .starts_with("file too large (0.0 MB; the limit is 0.0 MB"),
            "{}",
            err.reason
        );
        assert_eq!(read_bytes(file, 5000).unwrap().len(), 2000);
        // A file that grows after listing is still cut off at the limit.
        std::fs::write(&path, "x".repeat(9000)).unwrap();
        assert!(
            read_bytes(file, 5000)
                .unwrap_err()
                .reason
                .contains("too large")
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            read_bytes(file, 5000).unwrap_err().reason,
            "no such file or folder"
        );
    }

    #[test]
    fn missing_path_is_reported() {
        let found = find_files(&[PathBuf::from("/definitely/not/here")], None);
        assert!(found.files.is_empty());
        assert_eq!(found.skipped[0].reason, "no such file or folder");
    }
}
