//! Any bytes, read as an e-mail and as a mailbox: never a panic; every record names its
//! file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::normalize::{Origin, normalize_email};

fuzz_target!(|bytes: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for path in ["fuzz/letter.eml", "fuzz/box.mbox"] {
        let origin = Origin {
            path,
            format: Format::Email,
            modified: None,
        };
        for result in normalize_email(&origin, bytes, today) {
            match result {
                Ok(clipping) => assert!(clipping.path.starts_with(path)),
                Err(failure) => assert!(failure.path.starts_with(path)),
            }
        }
    }
});
