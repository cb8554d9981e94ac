//! JSON output: JSON Lines for streams (records, hits), one object for single answers.

use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` as one line of JSON.
pub fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes each item as its own line of JSON (JSON Lines).
pub fn lines<T: Serialize>(out: &mut dyn Write, items: &[T]) -> io::Result<()> {
    for item in items {
        line(out, item)?;
    }
    Ok(())
}
