//! Any text through the date finders: no panic, and every date found lies inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::normalize::date::{date_from_path, date_line, find_dates};

fuzz_target!(|text: &str| {
    for (range, _) in find_dates(text) {
        assert!(text.get(range).is_some());
    }
    let _ = date_line(text);
    let _ = date_from_path(text);
});
