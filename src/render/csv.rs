//! CSV output for spreadsheets.

use crate::timeline::Timeline;
use std::io::{self, Write};

/// Quotes a field when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes a timeline as CSV: one row per period.
pub fn timeline(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    writeln!(
        out,
        "start,end,stories,passages,top_title,top_date,top_source,top_path"
    )?;
    for bucket in &timeline.buckets {
        let top = bucket.top.as_ref();
        let cells = [
            bucket.start.to_string(),
            bucket.end.to_string(),
            bucket.stories.to_string(),
            bucket.passages.to_string(),
            top.map_or(String::new(), |h| h.title.clone()),
            top.map_or(String::new(), |h| h.date.to_string()),
            top.and_then(|h| h.source.clone()).unwrap_or_default(),
            top.map_or(String::new(), |h| h.path.clone()),
        ];
        let row: Vec<String> = cells.iter().map(|c| field(c)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
