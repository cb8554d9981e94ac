//! Reads the text layer of a PDF, page by page, fenced off so that a crash or a
//! pathological file inside the PDF library costs only that file.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

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

/// The text of each page of a PDF, or a reason the file cannot be read.
pub fn text_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    if !bytes.starts_with(b"%PDF") {
        return Err("not a PDF file (no %PDF header)".to_string());
    }
    quiet_pdf_panics();
    QUIET_PANICS.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }));
    QUIET_PANICS.with(|q| q.set(false));
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(err)) => return Err(format!("unreadable PDF ({err})")),
        Err(_) => return Err("unreadable PDF (the PDF reader failed on this file)".to_string()),
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err("no text layer (scanned?)".to_string());
    }
    Ok(pages)
}
