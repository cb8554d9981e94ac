//! Output for people: hits grouped by article with matches highlighted, records, ingest
//! summaries, statistics and topic tables.

use super::Style;
use crate::catalog::{PersonProfile, PersonSummary, Stats, TopicCount};
use crate::clipping::{Clipping, DateSource};
use crate::index::Hit;
use crate::ingest::IngestSummary;
use crate::query::QueryTotals;
use crate::timeline::Timeline;
use std::io::{self, Write};

use super::terminal::{BOLD, DIM, MATCH, RESET, Terminal, unmarked};

fn paint(style: Style, code: &str, text: &str) -> String {
    if style.color {
        format!("{code}{}{RESET}", unmarked(text))
    } else {
        text.to_string()
    }
}

/// A date as shown to people, marked when it is only the file's modification time.
pub fn date_label(date: chrono::NaiveDate, source: DateSource) -> String {
    match source {
        DateSource::Mtime => format!("{date} (undated; file time)"),
        _ => date.to_string(),
    }
}

/// Prints hits grouped by article, articles in order of their best hit, passages in
/// article order.
pub fn hits(out: &mut dyn Write, hits: &[Hit], style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let mut order: Vec<&str> = Vec::new();
    for hit in hits {
        if !order.contains(&hit.id.as_str()) {
            order.push(&hit.id);
        }
    }
    for (n, id) in order.iter().enumerate() {
        let mut group: Vec<&Hit> = hits.iter().filter(|h| h.id == *id).collect();
        group.sort_by_key(|h| h.passage);
        let first = group[0];
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", paint(style, BOLD, &first.title))?;
        let mut meta = vec![date_label(first.date, first.date_source)];
        meta.extend(first.source.clone());
        meta.push(first.path.clone());
        if !first.copies.is_empty() {
            let noun = if first.copies.len() == 1 {
                "copy"
            } else {
                "copies"
            };
            meta.push(format!(
                "+{} {noun}: {}",
                first.copies.len(),
                first.copies.join(", ")
            ));
        }
        writeln!(out, "{}", paint(style, DIM, &meta.join(" · ")))?;
        for hit in group {
            let label = format!("¶{}", hit.passage + 1);
            passage(out, &label, &hit.text, &hit.highlights, style)?;
        }
    }
    Ok(())
}

/// Prints a passage wrapped under a left label column, matches highlighted.
fn passage(
    out: &mut dyn Write,
    label: &str,
    text: &str,
    highlights: &[[usize; 2]],
    style: Style,
) -> io::Result<()> {
    let lines = wrap_highlighted(text, highlights, style.width.saturating_sub(6).max(30));
    for (i, line) in lines.iter().enumerate() {
        let prefix = if i == 0 {
            format!("  {label:<4}")
        } else {
            " ".repeat(6)
        };
        writeln!(
            out,
            "{}{}",
            paint(style, DIM, &prefix),
            render_line(line, style)
        )?;
    }
    Ok(())
}

/// A piece of a wrapped line: text and whether it is a match.
type Segment = (String, bool);

/// Wraps `text` at word boundaries to `width` columns, keeping highlight ranges.
fn wrap_highlighted(text: &str, highlights: &[[usize; 2]], width: usize) -> Vec<Vec<Segment>> {
    let mut lines = Vec::new();
    for source_line in split_lines_with_offsets(text) {
        let (offset, line) = source_line;
        let mut current: Vec<Segment> = Vec::new();
        let mut columns = 0;
        let mut word_start = None;
        let words = line
            .char_indices()
            .chain(std::iter::once((line.len(), ' ')));
        for (i, c) in words {
            match (c.is_whitespace(), word_start) {
                (false, None) => word_start = Some(i),
                (true, Some(start)) => {
                    let word = line.get(start..i).unwrap_or_default();
                    let len = word.chars().count();
                    if columns > 0 && columns + 1 + len > width {
                        lines.push(std::mem::take(&mut current));
                        columns = 0;
                    }
                    if columns > 0 {
                        current.push((" ".to_string(), false));
                        columns += 1;
                    }
                    push_word(&mut current, word, offset + start, highlights);
                    columns += len;
                    word_start = None;
                }
                _ => {}
            }
        }
        lines.push(current);
    }
    lines
}

fn split_lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        out.push((offset, line));
        offset += line.len() + 1;
    }
    out
}

/// Adds `word` (at byte `offset` of the text) to `line`, in runs that are all inside or
/// all outside the highlights; a run that continues the line's last segment joins it.
fn push_word(line: &mut Vec<Segment>, word: &str, offset: usize, highlights: &[[usize; 2]]) {
    let mut start = 0;
    while start < word.len() {
        let at = offset + start;
        let matched = highlights.iter().any(|[a, b]| (*a..*b).contains(&at));
        // The run ends where a highlight starts or ends, at a character's end.
        let edge = highlights
            .iter()
            .flat_map(|&[a, b]| [a, b])
            .filter(|&edge| edge > at && edge < offset + word.len())
            .min()
            .map_or(word.len(), |edge| edge - offset);
        let end = (edge..=word.len())
            .find(|&end| word.is_char_boundary(end))
            .unwrap_or(word.len());
        let run = word.get(start..end).unwrap_or_default();
        match line.last_mut() {
            Some((text, m)) if *m == matched && !text.starts_with(' ') => text.push_str(run),
            _ => line.push((run.to_string(), matched)),
        }
        start = end;
    }
}

fn render_line(segments: &[Segment], style: Style) -> String {
    segments
        .iter()
        .map(|(text, matched)| {
            if *matched {
                paint(style, MATCH, text)
            } else {
                text.clone()
            }
        })
        .collect()
}

/// Prints one record in full.
pub fn clipping(out: &mut dyn Write, clipping: &Clipping, style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    writeln!(out, "{}", paint(style, BOLD, &clipping.title))?;
    let rows: Vec<(&str, String)> = vec![
        ("id", clipping.id.clone()),
        ("path", clipping.path.clone()),
        ("format", clipping.format.name().to_string()),
        (
            "date",
            format!("{} (from {})", clipping.date, clipping.date_source.name()),
        ),
        (
            "source",
            clipping.source.clone().unwrap_or_else(|| "-".to_string()),
        ),
        (
            "url",
            clipping.url.clone().unwrap_or_else(|| "-".to_string()),
        ),
        (
            "authors",
            match clipping.authors_source {
                Some(from) if !clipping.authors.is_empty() => {
                    format!("{} (from {})", clipping.authors.join(", "), from.name())
                }
                _ => list_or_dash(&clipping.authors),
            },
        ),
        ("topics", list_or_dash(&clipping.topics)),
        (
            "persons",
            list_or_dash(
                &clipping
                    .persons
                    .iter()
                    .map(|p| match p.roles.first() {
                        Some(role) => format!("{} ({role})", p.name),
                        None => p.name.clone(),
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    for (label, value) in rows {
        writeln!(
            out,
            "{}{value}",
            paint(style, DIM, &format!("  {label:<9}"))
        )?;
    }
    for (n, text) in clipping.passages.iter().enumerate() {
        writeln!(out)?;
        passage(out, &format!("¶{}", n + 1), text, &[], style)?;
    }
    Ok(())
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

/// Prints the one-paragraph summary of an ingest.
pub fn ingest_summary(out: &mut dyn Write, summary: &IngestSummary) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    writeln!(
        out,
        "{} files seen: {} added, {} updated, {} unchanged, {} removed, {} skipped ({:.2} s)",
        summary.seen,
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.removed,
        summary.skipped.len(),
        summary.seconds
    )?;
    for (format, counts_of) in &summary.formats {
        let mut line = format!(
            "  {format:<9} {} {}, {} {}",
            counts_of.files,
            plural(counts_of.files, "file", "files"),
            counts_of.records,
            plural(counts_of.records, "record", "records"),
        );
        if !counts_of.dates.is_empty() {
            line.push_str(&format!(" (dates: {})", counts(&counts_of.dates)));
        }
        if counts_of.skipped > 0 {
            line.push_str(&format!(", {} skipped", counts_of.skipped));
        }
        if !counts_of.passed_over.is_empty() {
            line.push_str(&format!("; not pages: {}", counts(&counts_of.passed_over)));
        }
        writeln!(out, "{line}")?;
    }
    if !summary.by_format.is_empty() {
        let undated = summary.by_date_source.get("mtime").copied().unwrap_or(0);
        writeln!(
            out,
            "  dates:   {} ({undated} undated)",
            counts(&summary.by_date_source)
        )?;
    }
    for skipped in &summary.skipped {
        writeln!(out, "  skipped {}: {}", skipped.path, skipped.reason)?;
    }
    Ok(())
}

/// Prints one watcher batch on one line (`+3 ~1 -1 in 0.21 s`), then any skipped files.
pub fn watch_batch(out: &mut dyn Write, summary: &IngestSummary) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let mut line = format!(
        "+{} ~{} -{} in {:.2} s",
        summary.added, summary.updated, summary.removed, summary.seconds
    );
    if !summary.skipped.is_empty() {
        line.push_str(&format!(", {} skipped", summary.skipped.len()));
    }
    writeln!(out, "{line}")?;
    for skipped in &summary.skipped {
        writeln!(out, "  skipped {}: {}", skipped.path, skipped.reason)?;
    }
    Ok(())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn counts(map: &std::collections::BTreeMap<String, usize>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints index statistics as an aligned table.
pub fn stats(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    let rows = [
        ("articles", stats.articles.to_string()),
        ("passages", stats.passages.to_string()),
        ("persons", stats.persons.to_string()),
        ("topics", stats.topics.to_string()),
        ("first date", date(stats.first_date)),
        ("last date", date(stats.last_date)),
        ("formats", counts(&stats.by_format)),
        ("date sources", counts(&stats.by_date_source)),
        (
            "index size",
            format!("{:.1} MB", stats.index_bytes as f64 / 1e6),
        ),
    ];
    for (label, value) in rows {
        writeln!(out, "{label:<13}{value}")?;
    }
    Ok(())
}

/// Prints topics with counts and date spans as an aligned table.
pub fn topics(out: &mut dyn Write, topics: &[TopicCount], style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let width = topics
        .iter()
        .map(|t| t.topic.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        out,
        "{}",
        paint(
            style,
            DIM,
            &format!("{:<width$}  articles  first       last", "topic")
        )
    )?;
    for topic in topics {
        writeln!(
            out,
            "{:<width$}  {:>8}  {}  {}",
            topic.topic, topic.articles, topic.first_date, topic.last_date
        )?;
    }
    Ok(())
}

/// The heading of one query's hits in a batch.
pub fn batch_heading(
    out: &mut dyn Write,
    query: &str,
    label: &str,
    hits: &[Hit],
    style: Style,
) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let articles = {
        let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let named = if label == query {
        query.to_string()
    } else {
        format!("{label} ({query})")
    };
    let noun = if articles == 1 { "article" } else { "articles" };
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint(style, BOLD, &format!("== {named}: {articles} {noun} shown"))
    )
}

/// The summary of a batch: one aligned line per query.
pub fn query_totals(out: &mut dyn Write, totals: &[QueryTotals], style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let width = totals
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        out,
        "{}",
        paint(
            style,
            DIM,
            &format!(
                "{:<width$}  articles   stories  passages  first       last",
                "query"
            )
        )
    )?;
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    for t in totals {
        writeln!(
            out,
            "{:<width$}  {:>8}  {:>8}  {:>8}  {:<10}  {}",
            t.label,
            t.articles,
            t.stories,
            t.passages,
            date(t.first_date),
            date(t.last_date)
        )?;
    }
    Ok(())
}

/// Prints persons as an aligned table: name, articles, dates, roles and aliases.
pub fn persons(out: &mut dyn Write, persons: &[PersonSummary], style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let width = persons
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{}",
        paint(
            style,
            DIM,
            &format!(
                "{:<width$}  articles  first       last        roles; aliases",
                "person"
            )
        )
    )?;
    for person in persons {
        let mut extra = person
            .roles
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if !person.aliases.is_empty() {
            let aliases = person
                .aliases
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            extra = if extra.is_empty() {
                aliases
            } else {
                format!("{extra}; {aliases}")
            };
        }
        writeln!(
            out,
            "{:<width$}  {:>8}  {}  {}  {}",
            paint(style, BOLD, &format!("{:<width$}", person.name)),
            person.articles,
            person.first_date,
            person.last_date,
            extra
        )?;
    }
    Ok(())
}

/// Prints one person's profile: forms, roles, counts, company and articles per month.
pub fn person_profile(
    out: &mut dyn Write,
    profile: &PersonProfile,
    style: Style,
) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let p = &profile.person;
    writeln!(out, "{}", paint(style, BOLD, &p.name))?;
    let list = |items: &[String]| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    writeln!(out, "  aliases    {}", list(&p.aliases))?;
    writeln!(out, "  roles      {}", list(&p.roles))?;
    writeln!(
        out,
        "  articles   {} ({} mentions), {} to {}",
        p.articles, p.mentions, p.first_date, p.last_date
    )?;
    let with: Vec<String> = profile
        .named_with
        .iter()
        .map(|w| format!("{} ({})", w.name, w.articles))
        .collect();
    writeln!(out, "  named with {}", list(&with))?;
    let most = profile
        .months
        .iter()
        .map(|m| m.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    for month in &profile.months {
        let bar = "█".repeat((month.articles * BAR_COLUMNS).div_ceil(most));
        writeln!(
            out,
            "  {}  {:>4}  {}",
            month.month,
            month.articles,
            paint(style, DIM, &bar)
        )?;
    }
    Ok(())
}

/// Width of the longest bar in a terminal timeline chart.
const BAR_COLUMNS: usize = 24;

/// Prints a timeline as a bar chart: one row per period with stories, passages and the
/// title of the period's top passage.
pub fn timeline(out: &mut dyn Write, timeline: &Timeline, style: Style) -> io::Result<()> {
    let out = &mut Terminal::new(out);
    let subject = if timeline.query.trim().is_empty() {
        "all clippings".to_string()
    } else {
        format!("\"{}\"", timeline.query.trim())
    };
    let header = format!(
        "{subject} by {}: stories (passages), and the top passage's title",
        timeline.by.name()
    );
    writeln!(out, "{}", paint(style, DIM, &header))?;
    let most = timeline
        .buckets
        .iter()
        .map(|b| b.stories)
        .max()
        .unwrap_or(0)
        .max(1);
    let counts: Vec<String> = timeline
        .buckets
        .iter()
        .map(|b| format!("{} ({})", b.stories, b.passages))
        .collect();
    let count_width = counts.iter().map(String::len).max().unwrap_or(0);
    for (bucket, count) in timeline.buckets.iter().zip(&counts) {
        let label = timeline.by.label(bucket.start);
        let bar = bar(bucket.stories, most);
        let title = bucket
            .top
            .as_ref()
            .map_or(String::new(), |hit| hit.title.clone());
        let room = style
            .width
            .saturating_sub(label.len() + BAR_COLUMNS + count_width + 6);
        writeln!(
            out,
            "{label}  {}  {count:>count_width$}  {}",
            paint(style, MATCH, &format!("{bar:<BAR_COLUMNS$}")),
            shorten(&title, room)
        )?;
    }
    Ok(())
}

/// A bar of `value / most` of the full width, in eighths of a column.
fn bar(value: u64, most: u64) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if value == 0 {
        return "·".to_string();
    }
    let eighths = ((value as f64 / most as f64) * (BAR_COLUMNS * 8) as f64)
        .round()
        .max(1.0) as usize;
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

fn shorten(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let kept: String = text.chars().take(room.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_highlights_on_the_right_words() {
        let text = "The judge ruled that the order was unlawful";
        let highlights = [[4, 9], [25, 30]];
        let lines = wrap_highlighted(text, &highlights, 20);
        let rendered: Vec<String> = lines
            .iter()
            .map(|segments| {
                segments
                    .iter()
                    .map(|(t, m)| if *m { format!("[{t}]") } else { t.clone() })
                    .collect()
            })
            .collect();
        assert_eq!(
            rendered,
            ["The [judge] ruled that", "the [order] was", "unlawful"]
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let hit = Hit {
            id: "abc".into(),
            passage: 0,
            score: 1.0,
            title: "Title".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 4, 24).unwrap(),
            date_source: DateSource::Mtime,
            source: None,
            authors: vec![],
            path: "a.txt".into(),
            topics: vec![],
            persons: vec![],
            text: "a judge".into(),
            highlights: vec![[2, 7]],
            copies: vec![],
        };
        let mut plain = Vec::new();
        hits(&mut plain, std::slice::from_ref(&hit), Style::plain()).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        assert!(!plain.contains('\x1b'));
        assert!(plain.contains("2025-04-24 (undated; file time)"));
        let mut coloured = Vec::new();
        hits(
            &mut coloured,
            &[hit],
            Style {
                color: true,
                width: 80,
            },
        )
        .unwrap();
        assert!(
            String::from_utf8(coloured)
                .unwrap()
                .contains("\x1b[1;33mjudge\x1b[0m")
        );
    }

    /// Words added as they were first: each character tested against every highlight.
    fn push_by_character(
        line: &mut Vec<Segment>,
        word: &str,
        offset: usize,
        highlights: &[[usize; 2]],
    ) {
        for (i, c) in word.char_indices() {
            let matched = highlights
                .iter()
                .any(|[a, b]| (*a..*b).contains(&(offset + i)));
            match line.last_mut() {
                Some((text, m)) if *m == matched && !text.starts_with(' ') => text.push(c),
                _ => line.push((c.to_string(), matched)),
            }
        }
    }

    #[test]
    fn words_added_in_runs_give_what_adding_each_character_gave() {
        let text = "Jüdge Orrick’s ruling — «l’ordonnance» was ÉCONOMIE 経済 news;\n\
                    ORRICK-ORRICK said: Straße Ωmega 🙂 end";
        let n = text.len();
        // Whole words, parts of words, adjacent and overlapping ranges, edges inside a
        // character, ranges past the text, and none.
        let cases: Vec<Vec<[usize; 2]>> = vec![
            vec![],
            vec![[0, 6], [7, 13]],
            vec![[1, 3], [3, 5], [8, 12]],
            vec![[2, 4], [16, 17], [n - 6, n + 4]],
            vec![[0, n]],
            vec![[5, 40], [10, 20]],
            (0..n).step_by(3).map(|a| [a, a + 1]).collect(),
        ];
        for highlights in cases {
            // Each word after a space, as lines are built (the text's spaces and line
            // break are one byte each).
            let (mut by_runs, mut by_character) = (Vec::new(), Vec::new());
            for (offset, word) in text.split(char::is_whitespace).scan(0, |at, word| {
                let offset = *at;
                *at += word.len() + 1;
                Some((offset, word))
            }) {
                for line in [&mut by_runs, &mut by_character] {
                    line.push((" ".to_string(), false));
                }
                push_word(&mut by_runs, word, offset, &highlights);
                push_by_character(&mut by_character, word, offset, &highlights);
            }
            assert_eq!(by_runs, by_character, "{highlights:?}");
        }
    }
}
