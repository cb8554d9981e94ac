//! Any bytes, read as a saved web page: decoding, extraction and normalizing never panic,
//! and a record always has a title and passages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::{RawClipping, decode_html};
use morgue::normalize::normalize;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode_html(bytes) {
        let raw = RawClipping {
            path: "fuzz/page.html".to_string(),
            format: Format::Html,
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
