//! Writes the Reuters-21578 stories as seed-shaped text clippings, for benchmarks.
//!
//! Usage: `cargo run --release --example reuters_clippings -- [CORPUS_DIR] OUT_DIR`
//! (CORPUS_DIR defaults to `../shared/corpora/reuters21578`). Each story becomes
//! `OUT_DIR/reut-NNNNN.txt`: headline, a "Published:" line, the hard-wrapped body with its
//! dateline, and a `Topics:` trailer. Exits cleanly with a note when the corpus is absent.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, out) = match args.as_slice() {
        [out] => (
            PathBuf::from("../shared/corpora/reuters21578"),
            PathBuf::from(out),
        ),
        [corpus, out] => (PathBuf::from(corpus), PathBuf::from(out)),
        _ => {
            eprintln!("usage: reuters_clippings [CORPUS_DIR] OUT_DIR");
            std::process::exit(2);
        }
    };
    if !corpus.join("reut2-000.sgm").exists() {
        eprintln!(
            "skipped: the Reuters-21578 corpus is not at {}",
            corpus.display()
        );
        return;
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut written = 0;
    for n in 0..=21 {
        let file = corpus.join(format!("reut2-{n:03}.sgm"));
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        // The SGML files are Latin-1: every byte is one character.
        let text: String = bytes.iter().map(|&b| b as char).collect();
        for story in text.split("<REUTERS").skip(1) {
            if let Some(clipping) = clipping(story) {
                written += 1;
                write_clipping(&out, written, &clipping);
            }
        }
    }
    println!("wrote {written} clippings to {}", out.display());
}

fn write_clipping(out: &Path, n: usize, text: &str) {
    let path = out.join(format!("reut-{n:05}.txt"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|&i| i < 8) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        match &tail[1..semi] {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            // Numeric entities in this corpus are control characters: drop them.
            entity if entity.starts_with('#') => {}
            _ => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out
}

fn clipping(story: &str) -> Option<String> {
    let body = unescape(between(story, "<BODY>", "</BODY>")?);
    let title = unescape(between(story, "<TITLE>", "</TITLE>").unwrap_or(""))
        .trim()
        .to_string();
    let date = between(story, "<DATE>", "</DATE>")?.trim();
    let dateline =
        between(story, "<DATELINE>", "</DATELINE>").map(|d| unescape(d).trim().to_string());
    let topics: Vec<String> = between(story, "<TOPICS>", "</TOPICS>")
        .unwrap_or("")
        .split("<D>")
        .filter_map(|d| d.split("</D>").next())
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    let body = body.trim_end().trim_end_matches("Reuter").trim_end();
    let mut out = String::new();
    if !title.is_empty() {
        writeln!(out, "{title}").ok()?;
    }
    writeln!(out, "Published: {}", published(date)?).ok()?;
    out.push('\n');
    match dateline {
        Some(dateline) => writeln!(out, "{dateline} {body}").ok()?,
        None => writeln!(out, "{body}").ok()?,
    }
    if !topics.is_empty() {
        writeln!(out, "\nTopics: {}", topics.join(", ")).ok()?;
    }
    Some(out)
}

/// "26-FEB-1987 15:01:01.79" → "26 Feb 1987 15:01".
fn published(date: &str) -> Option<String> {
    let (day, rest) = date.split_once('-')?;
    let (month, rest) = rest.split_once('-')?;
    let (year, time) = rest.split_once(' ')?;
    let month = format!("{}{}", &month[..1], month[1..].to_lowercase());
    Some(format!(
        "{} {month} {year} {}",
        day.trim_start_matches('0'),
        time.get(..5)?
    ))
}
