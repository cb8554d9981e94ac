//! Reads the Reuters-21578 SGML files (Latin-1, one `<REUTERS>` element per story) into
//! stories, and writes a story as a seed-shaped text clipping. Shared by the examples,
//! each of which uses only part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// One story of the corpus.
#[derive(Debug, Clone)]
pub struct Story {
    /// Headline (capitals, as the wire sent it).
    pub title: String,
    /// `26-FEB-1987 15:01:01.79`.
    pub date: String,
    /// `NEW YORK, Feb 26 -`, when there is one.
    pub dateline: Option<String>,
    /// The text, hard-wrapped as in the corpus, without the trailing "Reuter".
    pub body: String,
    /// The TOPICS tags.
    pub topics: Vec<String>,
    /// The PLACES tags.
    pub places: Vec<String>,
    /// The ORGS tags.
    pub orgs: Vec<String>,
    /// The PEOPLE tags: lower-case slugs, surname last (`james-baker`, `volcker`).
    pub people: Vec<String>,
}

/// Every story with a body in the corpus folder `dir` (`reut2-000.sgm` …), in order;
/// empty when the corpus is absent.
pub fn stories(dir: &Path) -> Vec<Story> {
    let mut out = Vec::new();
    for n in 0..=21 {
        let Ok(bytes) = std::fs::read(dir.join(format!("reut2-{n:03}.sgm"))) else {
            continue;
        };
        // The SGML files are Latin-1: every byte is one character.
        let text: String = bytes.iter().map(|&b| b as char).collect();
        out.extend(text.split("<REUTERS").skip(1).filter_map(story));
    }
    out
}

fn story(sgml: &str) -> Option<Story> {
    let body = unescape(between(sgml, "<BODY>", "</BODY>")?);
    let body = body
        .trim_end()
        .trim_end_matches("Reuter")
        .trim_end()
        .to_string();
    Some(Story {
        title: unescape(between(sgml, "<TITLE>", "</TITLE>").unwrap_or(""))
            .trim()
            .to_string(),
        date: between(sgml, "<DATE>", "</DATE>")?.trim().to_string(),
        dateline: between(sgml, "<DATELINE>", "</DATELINE>")
            .map(|d| unescape(d).trim().to_string()),
        body,
        topics: tags(sgml, "TOPICS"),
        places: tags(sgml, "PLACES"),
        orgs: tags(sgml, "ORGS"),
        people: tags(sgml, "PEOPLE"),
    })
}

fn tags(sgml: &str, name: &str) -> Vec<String> {
    between(sgml, &format!("<{name}>"), &format!("</{name}>"))
        .unwrap_or("")
        .split("<D>")
        .filter_map(|d| d.split("</D>").next())
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text.get(start..)?.find(close)? + start;
    text.get(start..end)
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, tail)) = rest.split_once('&') {
        out.push_str(before);
        let Some((entity, after)) = tail.split_once(';').filter(|(e, _)| e.len() < 7) else {
            out.push('&');
            rest = tail;
            continue;
        };
        match entity {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            // Numeric entities in this corpus are control characters: drop them.
            e if e.starts_with('#') => {}
            e => {
                out.push('&');
                out.push_str(e);
                out.push(';');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

impl Story {
    /// The story as a text clipping: headline, a "Published:" line, the body with its
    /// dateline, and a `Topics:` trailer.
    pub fn clipping(&self) -> Option<String> {
        let mut out = String::new();
        if !self.title.is_empty() {
            writeln!(out, "{}", self.title).ok()?;
        }
        writeln!(out, "Published: {}", self.published()?).ok()?;
        out.push('\n');
        match &self.dateline {
            Some(dateline) => writeln!(out, "{dateline} {}", self.body).ok()?,
            None => writeln!(out, "{}", self.body).ok()?,
        }
        if !self.topics.is_empty() {
            writeln!(out, "\nTopics: {}", self.topics.join(", ")).ok()?;
        }
        Some(out)
    }

    /// "26-FEB-1987 15:01:01.79" → "26 Feb 1987 15:01".
    pub fn published(&self) -> Option<String> {
        let (day, rest) = self.date.split_once('-')?;
        let (month, rest) = rest.split_once('-')?;
        let (year, time) = rest.split_once(' ')?;
        let (first, others) = month.split_at_checked(1)?;
        Some(format!(
            "{} {first}{} {year} {}",
            day.trim_start_matches('0'),
            others.to_lowercase(),
            time.get(..5)?
        ))
    }

    /// The day the story was sent.
    pub fn day(&self) -> Option<chrono::NaiveDate> {
        let day = self.date.split(' ').next()?;
        chrono::NaiveDate::parse_from_str(day, "%d-%b-%Y").ok()
    }
}
