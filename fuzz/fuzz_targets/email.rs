//! Any bytes, read as an e-mail and as a mailbox: never a panic; every record names its file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::SourceFile;
use morgue::normalize::{self, Reading};

fuzz_target!(|bytes: &[u8]| {
    let reading = Reading::in_process(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    for path in ["fuzz/letter.eml", "fuzz/box.mbox"] {
        let file = SourceFile::in_memory(path, Format::Email);
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
