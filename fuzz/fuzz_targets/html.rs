//! Any bytes, read as a saved web page: decoding, extraction and normalizing never panic, and a record always has a title and passages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::SourceFile;
use morgue::normalize::{self, Reading};

fuzz_target!(|bytes: &[u8]| {
    let reading = Reading::in_process(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    for path in ["fuzz/page.html"] {
        let file = SourceFile::in_memory(path, Format::Html);
        for result in normalize::file(&file, bytes, &reading) {
            match result {
                Ok(clipping) => {
                    assert!(clipping.path.starts_with(path));
                    assert!(!clipping.passages.is_empty());
                    assert!(!clipping.title.trim().is_empty());
                }
                Err(failure) => assert!(failure.path.starts_with(path)),
            }
        }
    }
});
