//! Reads the text layer of a PDF, page by page, fenced off so that a crash, a loop or a
//! memory blow-up inside the PDF library costs only that file.
//!
//! The PDF library is the one reader morgue does not write itself, and real PDFs make it
//! panic, loop or allocate without bound (a 1 MB compressed page can expand to gigabytes).
//! So it runs in a child process of morgue's own binary with a time and a memory limit
//! ([`PdfReader::Child`]); a process can be stopped, a thread cannot. Library users that
//! have no such binary read in process behind `catch_unwind` ([`PdfReader::InProcess`]).

use std::cell::Cell;
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Once;
use std::time::Duration;

/// Where the header of a PDF may start: readers accept a few junk bytes before it (a
/// download's HTTP header, a stray BOM) within the first kilobyte.
const HEADER_WINDOW: usize = 1024;

/// Memory a PDF child process may use: ten times the largest clipping's text, far below
/// what a decompression bomb asks for.
pub const DEFAULT_PDF_MEMORY_BYTES: usize = 1_000_000_000;

/// Why a PDF's text cannot be had.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// No `%PDF` header where one must be.
    #[error("not a PDF file (no %PDF header in its first kilobyte)")]
    NotPdf,
    /// The PDF library refused the file.
    #[error("unreadable PDF ({0})")]
    Unreadable(String),
    /// Every page is empty.
    #[error("no text layer (scanned?)")]
    NoTextLayer,
    /// The child process ran past its time.
    #[error("the PDF reader took longer than {0:.1} s (raise the limit with --file-timeout)")]
    TimedOut(f64),
    /// The child process died: out of memory, or a crash.
    #[error(
        "the PDF reader stopped on this file (it needed more than {0} MB of memory, or crashed)"
    )]
    Stopped(usize),
    /// The child process could not be started or waited for.
    #[error("the PDF reader could not be run ({0})")]
    NotRun(String),
    /// The child process printed nothing readable.
    #[error("the PDF reader gave no answer for this file")]
    NoAnswer,
}

/// How a PDF's text layer is read.
#[derive(Debug, Clone, Default)]
pub enum PdfReader {
    /// In this process, behind `catch_unwind`: panics are contained, loops and memory
    /// are not.
    #[default]
    InProcess,
    /// In a child process running `program args…`, which reads the PDF on stdin and
    /// prints its pages as a JSON array of strings (or `{"error": "…"}`); stopped when it
    /// runs past `time_limit` or allocates past `memory_bytes`.
    Child {
        /// The program (morgue's own binary).
        program: PathBuf,
        /// Its arguments (the hidden `pdf-text` subcommand).
        args: Vec<String>,
        /// Wall time allowed for one file.
        time_limit: Duration,
        /// Virtual memory allowed, in bytes.
        memory_bytes: usize,
    },
}

impl PdfReader {
    /// A reader that runs `morgue pdf-text` from the running binary, stopped a little
    /// before `file_timeout` so that its own reason, not the reading thread's, is given.
    pub fn child_of_current_exe(file_timeout: Duration) -> Option<PdfReader> {
        let program = std::env::current_exe().ok()?;
        Some(PdfReader::Child {
            program,
            args: vec!["pdf-text".to_string()],
            time_limit: file_timeout.mul_f64(0.9),
            memory_bytes: DEFAULT_PDF_MEMORY_BYTES,
        })
    }

    /// The text of each page of a PDF, or a reason the file cannot be read.
    pub fn text_pages(&self, bytes: &[u8]) -> Result<Vec<String>, PdfError> {
        let pdf = pdf_start(bytes)?;
        let pages = match self {
            PdfReader::InProcess => text_pages_in_process(pdf)?,
            PdfReader::Child {
                program,
                args,
                time_limit,
                memory_bytes,
            } => text_pages_in_child(pdf, program, args, *time_limit, *memory_bytes)?,
        };
        if pages.iter().all(|p| p.trim().is_empty()) {
            return Err(PdfError::NoTextLayer);
        }
        Ok(pages)
    }
}

/// The bytes from the `%PDF` header on, or why there is none.
fn pdf_start(bytes: &[u8]) -> Result<&[u8], PdfError> {
    let window = &bytes[..bytes.len().min(HEADER_WINDOW)];
    window
        .windows(4)
        .position(|w| w == b"%PDF")
        .map(|at| &bytes[at..])
        .ok_or(PdfError::NotPdf)
}

thread_local! {
    /// Set while this thread runs the PDF library: its panics are expected and reported
    /// as a skipped file, not printed as a crash.
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent for panics inside the PDF library and
/// defers to the usual hook for every other panic.
fn quiet_pdf_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs the PDF library in this thread; a panic becomes an error.
pub fn text_pages_in_process(pdf: &[u8]) -> Result<Vec<String>, PdfError> {
    quiet_pdf_panics();
    QUIET_PANICS.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(pdf)
    }));
    QUIET_PANICS.with(|q| q.set(false));
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(err)) => Err(PdfError::Unreadable(err.to_string())),
        Err(_) => Err(PdfError::Unreadable(
            "the PDF reader failed on this file".to_string(),
        )),
    }
}

/// What the child process prints.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum ChildAnswer {
    Pages(Vec<String>),
    Error { error: String },
}

fn text_pages_in_child(
    pdf: &[u8],
    program: &PathBuf,
    args: &[String],
    time_limit: Duration,
    memory_bytes: usize,
) -> Result<Vec<String>, PdfError> {
    use process_control::{ChildExt, Control};
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| PdfError::NotRun(err.to_string()))?;
    let mut stdin = child.stdin.take();
    let outcome = std::thread::scope(|scope| {
        // The child reads its input while this thread waits on it: a PDF larger than the
        // pipe cannot block either side. A child that dies early ends the write.
        scope.spawn(|| {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(pdf);
            }
            drop(stdin.take());
        });
        child
            .controlled_with_output()
            .time_limit(time_limit)
            .memory_limit(memory_bytes)
            .terminate_for_timeout()
            .wait()
    });
    let output = match outcome {
        Ok(Some(output)) => output,
        Ok(None) => return Err(PdfError::TimedOut(time_limit.as_secs_f64())),
        Err(err) => return Err(PdfError::NotRun(err.to_string())),
    };
    if !output.status.success() {
        return Err(PdfError::Stopped(memory_bytes / 1_000_000));
    }
    match serde_json::from_slice::<ChildAnswer>(&output.stdout) {
        Ok(ChildAnswer::Pages(pages)) => Ok(pages),
        Ok(ChildAnswer::Error { error }) => Err(PdfError::Unreadable(error)),
        Err(_) => Err(PdfError::NoAnswer),
    }
}

/// The child's side: reads a PDF on stdin, prints its pages (or an error) as JSON.
pub fn serve_child(input: &mut dyn Read, output: &mut dyn Write) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let answer = match pdf_start(&bytes).and_then(text_pages_in_process) {
        Ok(pages) => ChildAnswer::Pages(pages),
        Err(PdfError::Unreadable(error)) => ChildAnswer::Error { error },
        Err(other) => ChildAnswer::Error {
            error: other.to_string(),
        },
    };
    serde_json::to_writer(&mut *output, &answer)?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_may_follow_a_few_junk_bytes() {
        assert_eq!(pdf_start(b"%PDF-1.4 x").unwrap(), b"%PDF-1.4 x");
        let junk = [b"HTTP/1.1 200 OK\r\n\r\n".as_slice(), b"%PDF-1.7"].concat();
        assert_eq!(pdf_start(&junk).unwrap(), b"%PDF-1.7");
        let late = [vec![b' '; 2000], b"%PDF-1.7".to_vec()].concat();
        assert_eq!(pdf_start(&late).unwrap_err(), PdfError::NotPdf);
    }

    #[test]
    fn the_child_answers_errors_as_json() {
        let mut out = Vec::new();
        serve_child(&mut b"not a pdf".as_slice(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(r#"{"error":"not a PDF file"#), "{text}");
        assert_eq!(
            PdfError::Unreadable("x".to_string()).to_string(),
            "unreadable PDF (x)"
        );
    }
}
