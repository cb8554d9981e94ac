//! Any text, read as a Markdown clipping with front matter: normalizing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::clipping::Format;
use morgue::input::RawClipping;
use morgue::normalize::normalize;

fuzz_target!(|text: &str| {
    let raw = RawClipping {
        path: "fuzz/clip.md".to_string(),
        format: Format::Markdown,
        text: text.to_string(),
        modified: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let _ = normalize(&raw, today);
});
