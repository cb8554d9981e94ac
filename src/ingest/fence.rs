//! The boundary every file is read behind: a panic inside any reader becomes a failure of
//! that one file, naming the reader and the message, and the panic is not printed as a
//! crash. With the watchdog of [`super::pool`] (time) and the PDF child process (time and
//! memory), no file can take a whole ingest down.

use crate::clipping::Clipping;
use crate::input::{Failure, SourceFile};
use crate::normalize::{self, Reading};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while this thread reads a file behind the fence.
    static FENCED: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic behind the fence on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that records panics behind the fence instead of printing
/// them, and leaves every other panic to the usual hook.
fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !FENCED.with(Cell::get) {
                return previous(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let one_line = format!("{message}{place}").replace(['\n', '\r'], " ");
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(one_line));
        }));
    });
}

/// Reads a file's records with [`normalize::file`], turning a panic into one failure for
/// the file: `internal error in the html reader (…); the rest was <rest>`.
pub fn read_file(
    file: &SourceFile,
    bytes: &[u8],
    reading: &Reading,
    rest: &str,
) -> Vec<Result<Clipping, Failure>> {
    guard(file, rest, || normalize::file(file, bytes, reading))
        .unwrap_or_else(|failure| vec![Err(failure)])
}

/// Runs one reader of `file` behind the fence: a panic inside becomes its failure.
pub fn guard<T>(file: &SourceFile, rest: &str, read: impl FnOnce() -> T) -> Result<T, Failure> {
    install_hook();
    FENCED.with(|f| f.set(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    FENCED.with(|f| f.set(false));
    result.map_err(|_| {
        let message = LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| "no message".to_string());
        Failure::new(
            &file.display,
            format!(
                "internal error in the {} reader ({message}); the rest was {rest}",
                file.format.name()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clipping::Format;
    use crate::normalize::test_faults;

    #[test]
    fn a_panicking_reader_costs_only_its_file() {
        let reading = Reading::in_process(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let bad = SourceFile::in_memory(&format!("a/{}.html", test_faults::PANIC), Format::Html);
        let results = read_file(&bad, b"<p>Text.</p>", &reading, "indexed");
        let failure = results[0].as_ref().unwrap_err();
        assert!(
            failure
                .reason
                .starts_with("internal error in the html reader (deliberate fault for a/"),
            "{}",
            failure.reason
        );
        assert!(failure.reason.contains("src/normalize/mod.rs:"));
        assert!(failure.reason.ends_with("; the rest was indexed"));
        let good = SourceFile::in_memory("a/fine.txt", Format::Text);
        let results = read_file(
            &good,
            b"A headline here\n\nSome text.\n",
            &reading,
            "indexed",
        );
        assert_eq!(results[0].as_ref().unwrap().title, "A headline here");
    }
}
