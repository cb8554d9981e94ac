//! Any query string: parsing gives a query or a one-line error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::query::{parse_date_range, parse_query};

fuzz_target!(|text: &str| {
    if let Err(message) = parse_query(text) {
        assert!(!message.to_string().contains('\n'));
    }
    let _ = parse_date_range(text);
});
