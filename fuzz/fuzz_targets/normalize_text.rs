//! Any bytes, read as a text clipping: decoding and normalizing never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::{RawClipping, decode};
use morgue::normalize::normalize;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode(bytes) {
        let raw = RawClipping {
            path: "fuzz/2025-04-29-clip.txt".to_string(),
            format: Format::Text,
            text: text.into_owned(),
            modified: None,
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        if let Ok(clipping) = normalize(&raw, today) {
            assert!(!clipping.passages.is_empty());
            assert!(!clipping.title.trim().is_empty());
        }
    }
});
