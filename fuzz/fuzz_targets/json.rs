//! Any bytes, read as JSON and as JSON Lines: every record is a clipping or an error
//! naming its position, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::{RawClipping, decode};
use morgue::normalize::normalize_json;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode(bytes) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for path in ["fuzz/export.json", "fuzz/feed.jsonl"] {
            let raw = RawClipping {
                path: path.to_string(),
                format: Format::Json,
                text: text.to_string(),
                modified: None,
            };
            for result in normalize_json(&raw, today) {
                match result {
                    Ok(clipping) => assert!(clipping.path.starts_with(path)),
                    Err(failure) => assert!(failure.path.starts_with(path)),
                }
            }
        }
    }
});
