//! CSV output for spreadsheets: a header row, then one row per result; lists joined with
//! "; ". Cells come from clippings, so a cell a spreadsheet would run as a formula is
//! written as text.

use crate::catalog::{PersonProfile, PersonSummary, Stats, TopicCount};
use crate::clipping::Clipping;
use crate::index::Hit;
use crate::ingest::IngestSummary;
use crate::query::QueryTotals;
use crate::timeline::Timeline;
use std::io::{self, Write};

/// Quotes a cell when it holds a comma, quote or line break, and turns a cell that starts
/// like a formula (`=`, `+`, `-`, `@`) into text with a leading apostrophe.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
    writeln!(out, "{}", cells.join(","))
}

fn header(out: &mut dyn Write, names: &[&str]) -> io::Result<()> {
    writeln!(out, "{}", names.join(","))
}

fn list(items: &[String]) -> String {
    items.join("; ")
}

/// Columns of a search hit, after any columns of their own callers put first.
pub const HIT_COLUMNS: &[&str] = &[
    "date", "title", "source", "authors", "persons", "path", "passage", "score", "id",
];

/// The cells of one hit, in [`HIT_COLUMNS`] order.
pub fn hit_cells(hit: &Hit) -> Vec<String> {
    vec![
        hit.date.to_string(),
        hit.title.clone(),
        hit.source.clone().unwrap_or_default(),
        list(&hit.authors),
        list(&hit.persons),
        hit.path.clone(),
        hit.text.clone(),
        format!("{:.3}", hit.score),
        hit.id.clone(),
    ]
}

/// Search hits: one row per passage shown.
pub fn hits(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    header(out, HIT_COLUMNS)?;
    for hit in hits {
        row(out, &hit_cells(hit))?;
    }
    Ok(())
}

/// Hits of a batch of queries, each row led by its query and label.
pub fn batch_header(out: &mut dyn Write) -> io::Result<()> {
    let mut names = vec!["query", "label"];
    names.extend(HIT_COLUMNS);
    header(out, &names)
}

/// One hit of a batch.
pub fn batch_hit(out: &mut dyn Write, query: &str, label: &str, hit: &Hit) -> io::Result<()> {
    let mut cells = vec![query.to_string(), label.to_string()];
    cells.extend(hit_cells(hit));
    row(out, &cells)
}

/// Header of a batch summary.
pub fn summary_header(out: &mut dyn Write) -> io::Result<()> {
    header(
        out,
        &[
            "query",
            "label",
            "articles",
            "stories",
            "passages",
            "first_date",
            "last_date",
        ],
    )
}

/// One query's line of a batch summary.
pub fn totals(out: &mut dyn Write, t: &QueryTotals) -> io::Result<()> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    row(
        out,
        &[
            t.query.clone(),
            t.label.clone(),
            t.articles.to_string(),
            t.stories.to_string(),
            t.passages.to_string(),
            date(t.first_date),
            date(t.last_date),
        ],
    )
}

/// Header of records (`extract`, `show`).
pub fn record_header(out: &mut dyn Write) -> io::Result<()> {
    header(
        out,
        &[
            "id",
            "path",
            "format",
            "title",
            "date",
            "date_source",
            "source",
            "url",
            "authors",
            "authors_source",
            "topics",
            "persons",
            "text",
        ],
    )
}

/// One record, its passages in one cell, a blank line between them.
pub fn record(out: &mut dyn Write, c: &Clipping) -> io::Result<()> {
    let persons: Vec<String> = c.persons.iter().map(|p| p.name.clone()).collect();
    row(
        out,
        &[
            c.id.clone(),
            c.path.clone(),
            c.format.name().to_string(),
            c.title.clone(),
            c.date.to_string(),
            c.date_source.name().to_string(),
            c.source.clone().unwrap_or_default(),
            c.url.clone().unwrap_or_default(),
            list(&c.authors),
            c.authors_source
                .map(|s| s.name())
                .unwrap_or_default()
                .to_string(),
            list(&c.topics),
            list(&persons),
            c.passages.join("\n\n"),
        ],
    )
}

/// The persons list.
pub fn persons(out: &mut dyn Write, persons: &[PersonSummary]) -> io::Result<()> {
    header(
        out,
        &[
            "name",
            "articles",
            "mentions",
            "first_date",
            "last_date",
            "roles",
            "aliases",
        ],
    )?;
    for p in persons {
        row(
            out,
            &[
                p.name.clone(),
                p.articles.to_string(),
                p.mentions.to_string(),
                p.first_date.to_string(),
                p.last_date.to_string(),
                list(&p.roles),
                list(&p.aliases),
            ],
        )?;
    }
    Ok(())
}

/// One person's profile: a row per month with articles naming them.
pub fn profile(out: &mut dyn Write, profile: &PersonProfile) -> io::Result<()> {
    header(out, &["name", "month", "articles"])?;
    for month in &profile.months {
        row(
            out,
            &[
                profile.person.name.clone(),
                month.month.clone(),
                month.articles.to_string(),
            ],
        )?;
    }
    Ok(())
}

/// The topics list.
pub fn topics(out: &mut dyn Write, topics: &[TopicCount]) -> io::Result<()> {
    header(out, &["topic", "articles", "first_date", "last_date"])?;
    for t in topics {
        row(
            out,
            &[
                t.topic.clone(),
                t.articles.to_string(),
                t.first_date.to_string(),
                t.last_date.to_string(),
            ],
        )?;
    }
    Ok(())
}

/// What the index holds, a measure per row.
pub fn stats(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    header(out, &["measure", "value"])?;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut rows = vec![
        ("articles".to_string(), stats.articles.to_string()),
        ("passages".to_string(), stats.passages.to_string()),
        ("persons".to_string(), stats.persons.to_string()),
        ("topics".to_string(), stats.topics.to_string()),
        ("first_date".to_string(), date(stats.first_date)),
        ("last_date".to_string(), date(stats.last_date)),
        ("index_bytes".to_string(), stats.index_bytes.to_string()),
    ];
    rows.extend(
        stats
            .by_format
            .iter()
            .map(|(k, v)| (format!("format:{k}"), v.to_string())),
    );
    rows.extend(
        stats
            .by_date_source
            .iter()
            .map(|(k, v)| (format!("date_source:{k}"), v.to_string())),
    );
    for (measure, value) in rows {
        row(out, &[measure, value])?;
    }
    Ok(())
}

/// An ingest's summary: a row per format, then a row per skipped file.
pub fn ingest(out: &mut dyn Write, summary: &IngestSummary) -> io::Result<()> {
    header(
        out,
        &["kind", "name", "files", "records", "skipped", "reason"],
    )?;
    for (name, f) in &summary.formats {
        row(
            out,
            &[
                "format".to_string(),
                name.clone(),
                f.files.to_string(),
                f.records.to_string(),
                f.skipped.to_string(),
                String::new(),
            ],
        )?;
        for (kind, n) in &f.passed_over {
            row(
                out,
                &[
                    "not a page".to_string(),
                    name.clone(),
                    String::new(),
                    n.to_string(),
                    String::new(),
                    kind.clone(),
                ],
            )?;
        }
    }
    for skipped in &summary.skipped {
        row(
            out,
            &[
                "skipped".to_string(),
                skipped.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                skipped.reason.clone(),
            ],
        )?;
    }
    Ok(())
}

/// Writes a timeline as CSV: one row per period.
pub fn timeline(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    header(
        out,
        &[
            "start",
            "end",
            "stories",
            "passages",
            "top_title",
            "top_date",
            "top_source",
            "top_path",
        ],
    )?;
    for bucket in &timeline.buckets {
        let top = bucket.top.as_ref();
        row(
            out,
            &[
                bucket.start.to_string(),
                bucket.end.to_string(),
                bucket.stories.to_string(),
                bucket.passages.to_string(),
                top.map_or(String::new(), |h| h.title.clone()),
                top.map_or(String::new(), |h| h.date.to_string()),
                top.and_then(|h| h.source.clone()).unwrap_or_default(),
                top.map_or(String::new(), |h| h.path.clone()),
            ],
        )?;
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
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn cells_that_look_like_formulas_stay_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1 555"), "'+1 555");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("2025-04-29"), "2025-04-29");
    }
}
