//! News-database exports that hold many articles in one file: LexisNexis (the classic
//! `N of M DOCUMENTS` layout and Nexis Uni's `End of Document` layout) and Factiva (field
//! codes `HD`, `BY`, `PD`, `SN`, `LP`, `TD`, …), saved as text, RTF, Word, a web page or
//! a PDF. Each is split into articles with their own headline, date, source, byline,
//! section and body; the export's furniture stays out.

pub mod html;

use super::date::parse_date;
use super::{Body, Origin, body_record};
use crate::clipping::{AuthorsSource, Clipping, DateSource, Format, Stated, StatedDate};
use crate::input::Failure;
use chrono::NaiveDate;

/// Which database wrote an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Database {
    /// LexisNexis, classic or Nexis Uni.
    Nexis,
    /// Dow Jones Factiva.
    Factiva,
}

/// One article of an export: what its header states, and its body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Headline, date, source, byline and classification topics.
    pub stated: Stated,
    /// The body, paragraphs separated by blank lines.
    pub body: String,
}

/// An article's place in its export, and what went wrong when it cannot be read.
pub type Entry = (usize, Result<Article, String>);

/// Which database's export `text` is, judged by its content (not its file name). Runs
/// on every text clipping, so it looks at the first 64 KB once, line by line.
pub fn detect(text: &str) -> Option<Database> {
    let (mut separator, mut end_of_document, mut uni_labelled) = (false, false, false);
    let mut codes = [false; 4]; // HD, PD, SN, LP or TD
    for line in super::text::head(text, 64 * 1024).lines().map(str::trim) {
        separator |= is_classic_separator(line);
        end_of_document |= line == "End of Document";
        uni_labelled |= uni_label(line).is_some();
        match field_code(line).map(|(code, _)| code) {
            Some("HD") => codes[0] = true,
            Some("PD") => codes[1] = true,
            Some("SN") => codes[2] = true,
            Some("LP" | "TD") => codes[3] = true,
            _ => {}
        }
    }
    if separator || (end_of_document && uni_labelled) {
        Some(Database::Nexis)
    } else if codes.iter().all(|c| *c) {
        Some(Database::Factiva)
    } else {
        None
    }
}

/// Splits an export into its articles.
pub fn articles(text: &str, database: Database) -> Vec<Entry> {
    let text = text.replace("\r\n", "\n").replace('\u{feff}', "");
    match database {
        Database::Nexis if text.lines().any(|l| is_classic_separator(l.trim())) => classic(&text),
        Database::Nexis => uni(&text),
        Database::Factiva => factiva(&text),
    }
}

/// `1 of 25 DOCUMENTS`, `1 of 1 DOCUMENT`, `Dokument 3 von 40`, `Document 3 van 40`.
fn is_classic_separator(line: &str) -> bool {
    // Every line of every text clipping is asked: four words, read without collecting.
    let mut words = line.split_whitespace();
    let four = (words.next(), words.next(), words.next(), words.next());
    if words.next().is_some() {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match four {
        (Some(a), Some(b), Some(c), Some(d)) => {
            let english = number(a)
                && b.eq_ignore_ascii_case("of")
                && number(c)
                && d.to_uppercase().starts_with("DOCUMENT");
            let elsewhere = ["dokument", "document"]
                .iter()
                .any(|w| a.eq_ignore_ascii_case(w))
                && number(b)
                && ["von", "van", "de", "sur"]
                    .iter()
                    .any(|w| c.eq_ignore_ascii_case(w))
                && number(d);
            english || elsewhere
        }
        _ => false,
    }
}

/// Labels of the classic layout, upper case with a colon.
const CLASSIC_LABELS: &[&str] = &[
    "SECTION",
    "LENGTH",
    "HEADLINE",
    "BYLINE",
    "DATELINE",
    "BODY",
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "SUBJECT",
    "GEOGRAPHIC",
    "PERSON",
    "COMPANY",
    "ORGANIZATION",
    "INDUSTRY",
    "GRAPHIC",
    "JOURNAL-CODE",
    "CORRECTION-DATE",
    "HIGHLIGHT",
    "NOTES",
    "TYPE",
    "URL",
    "DOCUMENT-TYPE",
    "DISTRIBUTION",
    "ACC-NO",
    "TICKER",
];
/// Labels of the classic layout in the other languages LexisNexis exports in (Dutch,
/// German, French), with the English label each stands for.
const CLASSIC_LABELS_ELSEWHERE: &[(&str, &str)] = &[
    ("KOP", "HEADLINE"),
    ("TEKST", "BODY"),
    ("LENGTE", "LENGTH"),
    ("SECTIE", "SECTION"),
    ("RUBRIEK", "SECTION"),
    ("AUTEUR", "BYLINE"),
    ("TAAL", "LANGUAGE"),
    ("UPDATE", "LOAD-DATE"),
    ("PUBLICATIETYPE", "PUBLICATION-TYPE"),
    ("ONDERWERP", "SUBJECT"),
    ("PERSOON", "PERSON"),
    ("ÜBERSCHRIFT", "HEADLINE"),
    ("TITEL", "HEADLINE"),
    ("LÄNGE", "LENGTH"),
    ("RUBRIK", "SECTION"),
    ("AUTOR", "BYLINE"),
    ("SPRACHE", "LANGUAGE"),
    ("TITRE", "HEADLINE"),
    ("LONGUEUR", "LENGTH"),
    ("RUBRIQUE", "SECTION"),
    ("LANGUE", "LANGUAGE"),
];
/// Labels of Nexis Uni, as written before their value.
const UNI_LABELS: &[&str] = &[
    "Section",
    "Length",
    "Byline",
    "Dateline",
    "Highlight",
    "Language",
    "Publication-Type",
    "Subject",
    "Geographic",
    "Person",
    "Company",
    "Organization",
    "Industry",
    "Load-Date",
    "Graphic",
    "Journal-Code",
    "Correction",
    "Notes",
    "Ticker",
    "Document-Type",
];

/// `LABEL: value` (or `Label:\u{a0}value`) for one of `labels`.
fn label_value<'a>(line: &'a str, labels: &[&'static str]) -> Option<(&'static str, &'a str)> {
    let (label, value) = line.split_once(':')?;
    let found = *labels.iter().find(|l| **l == label.trim())?;
    Some((found, label_rest(value)))
}

fn label_rest(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
}

/// A label of the classic layout, in English or another language, named by its English
/// form.
fn classic_label(line: &str) -> Option<(&'static str, &str)> {
    label_value(line, CLASSIC_LABELS).or_else(|| {
        let (label, value) = line.split_once(':')?;
        let (_, english) = CLASSIC_LABELS_ELSEWHERE
            .iter()
            .find(|(l, _)| *l == label.trim())?;
        Some((*english, label_rest(value)))
    })
}

fn uni_label(line: &str) -> Option<(&'static str, &str)> {
    label_value(line, UNI_LABELS)
}

/// Labelled fields of one article: each label's value runs on over following lines until
/// a blank line or the next label.
fn labelled_fields(
    lines: &[&str],
    label: fn(&str) -> Option<(&'static str, &str)>,
) -> Vec<(&'static str, String, usize)> {
    let mut fields: Vec<(&'static str, String, usize)> = Vec::new();
    let mut open = false;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some((label, value)) = label(trimmed) {
            fields.push((label, value.to_string(), n));
            open = true;
        } else if trimmed.is_empty() {
            open = false;
        } else if open && let Some(last) = fields.last_mut() {
            last.1.push(' ');
            last.1.push_str(trimmed);
        }
    }
    fields
}

/// Classification terms with their relevance dropped: `BUDGETS (90%); CITY (89%)`.
fn terms(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(|t| t.split(" (").next().unwrap_or("").trim())
        .filter(|t| !t.is_empty())
        .map(title_case_if_shouting)
        .collect()
}

/// `CITY GOVERNMENT` → `City Government`, `ALEXANDRIA OCASIO-CORTEZ` →
/// `Alexandria Ocasio-Cortez`, `CONOR O'BRIEN` → `Conor O'Brien`; mixed case stays.
fn title_case_if_shouting(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        // A hyphen or an apostrophe opens a part of a name that keeps its capital.
        word_start = matches!(c, ' ' | '-' | '\'' | '’');
    }
    out
}

fn authors(value: &str) -> Vec<String> {
    let byline = super::byline::parse(&value.replace(';', ","), false);
    if byline.authors.is_empty() {
        return value
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
    }
    byline.authors
}

fn stated_date(date: chrono::NaiveDate) -> StatedDate {
    StatedDate {
        date,
        source: DateSource::Metadata,
    }
}

/// Fills a record's stated fields from its labelled fields; the body is what `BODY:` (or
/// Nexis Uni's `Body` line) opens, up to the closing labels.
fn apply_fields(
    stated: &mut Stated,
    fields: &[(&'static str, String, usize)],
) -> Option<chrono::NaiveDate> {
    let mut load_date = None;
    for (label, value, _) in fields {
        match label.to_ascii_uppercase().as_str() {
            "HEADLINE" if !value.is_empty() => stated.title = Some(value.clone()),
            "BYLINE" => {
                stated.authors = authors(value);
                if !stated.authors.is_empty() {
                    stated.authors_source = Some(AuthorsSource::Metadata);
                }
            }
            "SUBJECT" | "GEOGRAPHIC" => stated.topics.extend(terms(value)),
            "PERSON" => stated.persons.extend(terms(value)),
            "LOAD-DATE" => load_date = parse_date(value),
            _ => {}
        }
    }
    load_date
}

/// The classic layout: a separator line opens each article.
fn classic(text: &str) -> Vec<Entry> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&n| is_classic_separator(lines[n].trim()))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            (n + 1, classic_article(&lines[start + 1..end]))
        })
        .collect()
}

fn classic_article(lines: &[&str]) -> Result<Article, String> {
    let fields = labelled_fields(lines, classic_label);
    let first_label = fields.first().map_or(lines.len(), |f| f.2);
    let mut stated = Stated::default();
    // The header before the first label: copyright, publication, date, edition.
    let header: Vec<&str> = lines[..first_label]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let date = header.iter().find_map(|l| parse_date(l));
    stated.source = header
        .iter()
        .find(|l| !is_copyright(l) && parse_date(l).is_none())
        .map(|l| l.to_string());
    let load_date = apply_fields(&mut stated, &fields);
    stated.date = date.or(load_date).map(stated_date);
    let body = match fields.iter().position(|f| f.0 == "BODY") {
        Some(at) => {
            let from = fields[at].2;
            let to = fields.get(at + 1).map_or(lines.len(), |f| f.2);
            // The label's own line may carry the first words; later lines are read as
            // they stand (the field's value ran them together).
            let first = classic_label(lines[from].trim()).map_or("", |(_, v)| v);
            format!("{first}\n{}", lines[from + 1..to].join("\n"))
        }
        None => String::new(),
    };
    finish(stated, &unwrap_lines(&body))
}

fn is_copyright(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.starts_with("copyright") || lower.starts_with('©') || lower.starts_with("(c)")
}

/// Hard-wrapped paragraphs (lines near 80 columns) joined back; blank lines separate.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn finish(stated: Stated, body: &str) -> Result<Article, String> {
    if body.trim().is_empty() {
        let what = stated
            .title
            .as_deref()
            .map_or(String::new(), |t| format!(" ({t})"));
        return Err(format!("an article of the export has no body text{what}"));
    }
    Ok(Article {
        stated,
        body: body.to_string(),
    })
}

/// Nexis Uni: each article ends with `End of Document`; a cover page listing the hits
/// comes before the first.
fn uni(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut chunk: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim() == "End of Document" {
            entries.push((entries.len() + 1, uni_article(&chunk)));
            chunk.clear();
        } else {
            chunk.push(line);
        }
    }
    if chunk.iter().any(|l| uni_label(l.trim()).is_some()) {
        entries.push((entries.len() + 1, uni_article(&chunk)));
    }
    entries
}

fn uni_article(lines: &[&str]) -> Result<Article, String> {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
    let body_at = lines.iter().position(|l| *l == "Body");
    let head_end = body_at.unwrap_or(lines.len());
    let head_fields = labelled_fields(&lines[..head_end], uni_label);
    // Title, publication and date stand just above the copyright line (or the first label):
    // whatever is above them is the cover page or the previous article's tail.
    let anchor = lines[..head_end]
        .iter()
        .position(|l| is_copyright(l))
        .or(head_fields.first().map(|f| f.2))
        .unwrap_or(head_end);
    let above: Vec<&str> = lines[..anchor]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    let mut stated = Stated::default();
    let date_at = above.iter().rposition(|l| parse_date(l).is_some());
    if let Some(at) = date_at {
        stated.date = parse_date(above[at]).map(stated_date);
        stated.source = at.checked_sub(1).map(|i| above[i].to_string());
        stated.title = at.checked_sub(2).map(|i| above[i].to_string());
    }
    let (body, tail) = match body_at {
        Some(at) => {
            let rest = &lines[at + 1..];
            let end = rest
                .iter()
                .position(|l| *l == "Classification" || label_value(l, &["Load-Date"]).is_some())
                .unwrap_or(rest.len());
            (rest[..end].join("\n"), &rest[end..])
        }
        None => (String::new(), &lines[..0]),
    };
    let mut fields = head_fields;
    fields.extend(labelled_fields(tail, uni_label));
    let load_date = apply_fields(&mut stated, &fields);
    if stated.date.is_none() {
        stated.date = load_date.map(stated_date);
    }
    finish(stated, &paragraphs(&body))
}

/// Lines as paragraphs (a DOCX paragraph is a line), blank lines dropped.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Factiva's field codes.
const FACTIVA_CODES: &[&str] = &[
    "HD", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF", "CO",
    "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "CR", "ART", "SE", "VOL",
];

/// `HD Headline` or `HD` alone on its line (the value on the lines below).
fn field_code(line: &str) -> Option<(&'static str, &str)> {
    let (code, rest) = match line.split_once(char::is_whitespace) {
        Some((code, rest)) => (code, rest.trim()),
        None => (line, ""),
    };
    FACTIVA_CODES
        .iter()
        .find(|c| **c == code)
        .map(|c| (*c, rest))
}

/// Factiva: every article opens with `HD` and ends with its `AN` / `Document …` trailer.
fn factiva(text: &str) -> Vec<Entry> {
    let mut articles: Vec<Vec<(&'static str, String)>> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some((code, value)) = field_code(trimmed) {
            if code == "HD" {
                articles.push(Vec::new());
            }
            if let Some(article) = articles.last_mut() {
                article.push((code, value.to_string()));
            }
        } else if let Some(field) = articles.last_mut().and_then(|a| a.last_mut()) {
            if trimmed.starts_with("Document ") && field.0 == "AN" {
                continue;
            }
            field.1.push('\n');
            field.1.push_str(trimmed);
        }
    }
    articles
        .iter()
        .enumerate()
        .map(|(n, fields)| (n + 1, factiva_article(fields)))
        .collect()
}

pub(crate) fn factiva_article(fields: &[(&'static str, String)]) -> Result<Article, String> {
    let value = |code: &str| {
        fields
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut stated = Stated {
        title: value("HD").map(|t| unwrap_lines(&t)),
        source: value("SN").map(|s| unwrap_lines(&s)),
        date: value("PD").and_then(|d| parse_date(&d)).map(stated_date),
        ..Stated::default()
    };
    if let Some(by) = value("BY") {
        stated.authors = authors(&unwrap_lines(&by));
        stated.authors_source = (!stated.authors.is_empty()).then_some(AuthorsSource::Metadata);
    }
    let body: Vec<String> = ["LP", "TD"]
        .iter()
        .filter_map(|code| value(code))
        .map(|text| text.lines().map(str::trim).collect::<Vec<_>>().join("\n"))
        .collect();
    finish(stated, &unwrap_lines(&body.join("\n\n")))
}

/// Normalizes every article of a news-database export; a broken article fails alone,
/// named `path:N`.
pub fn normalize(
    origin: &Origin,
    text: &str,
    database: Database,
    today: NaiveDate,
) -> Vec<Result<Clipping, Failure>> {
    normalize_articles(origin, articles(text, database), database, today)
}

/// [`normalize`] for an export already split into its articles.
pub fn normalize_articles(
    origin: &Origin,
    entries: Vec<Entry>,
    database: Database,
    today: NaiveDate,
) -> Vec<Result<Clipping, Failure>> {
    let format = match database {
        Database::Nexis => Format::Nexis,
        Database::Factiva => Format::Factiva,
    };
    if entries.is_empty() {
        return vec![Err(Failure::new(origin.path, "an export without articles"))];
    }
    entries
        .into_iter()
        .map(|(position, article)| {
            let path = super::json::record_path(origin.path, Some(position));
            let here = Origin {
                path: &path,
                format,
                ..origin.clone()
            };
            let article = article.map_err(|reason| Failure::new(&path, reason))?;
            body_record(&here, article.stated, Body::Text(article.body), today)
                .map_err(|e| Failure::new(&path, e.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks an article's headline, source, date and writers.
    fn check(article: &Article, title: &str, source: &str, date: &str, authors: &[&str]) {
        assert_eq!(article.stated.title.as_deref(), Some(title));
        assert_eq!(article.stated.source.as_deref(), Some(source));
        assert_eq!(article.stated.date.unwrap().date.to_string(), date);
        assert_eq!(article.stated.authors, authors);
    }

    const CLASSIC: &str = "\u{feff}Download Request: Current search (1 of 2)\r\nTime Of Request: Monday, March 9, 2025\r\nTerms: harbour\r\n\r\n                               1 of 2 DOCUMENTS\r\n\r\n                     Copyright 2015 The Harbourton Gazette\r\n                          The Harbourton Gazette\r\n\r\n                           July 1, 2015 Wednesday\r\n                               Final Edition\r\n\r\nSECTION: NEWS; Pg. A1\r\n\r\nLENGTH: 64 words\r\n\r\nHEADLINE: Council approves harbour budget after long\r\nnight sitting\r\n\r\nBYLINE: Maria Delgado; Sam Roe\r\n\r\nBODY:\r\n\r\nThe council approved the harbour budget on Tuesday after a sitting that ran\r\npast midnight.\r\n\r\nMayor Ellen Price said the quay would be repaired first.\r\n\r\nLOAD-DATE: July 2, 2015\r\n\r\nLANGUAGE: ENGLISH\r\n\r\nSUBJECT: BUDGETS (90%); CITY GOVERNMENT (89%)\r\n\r\n                               2 of 2 DOCUMENTS\r\n\r\n                         Coast Weekly\r\n\r\n                          August 3, 2015\r\n\r\nHEADLINE: Ferry returns\r\n\r\nLOAD-DATE: August 4, 2015\r\n";

    #[test]
    fn classic_exports_split_into_articles_with_their_fields() {
        assert_eq!(detect(CLASSIC), Some(Database::Nexis));
        let entries = articles(CLASSIC, Database::Nexis);
        assert_eq!(entries.len(), 2);
        let first = entries[0].1.as_ref().unwrap();
        check(
            first,
            "Council approves harbour budget after long night sitting",
            "The Harbourton Gazette",
            "2015-07-01",
            &["Maria Delgado", "Sam Roe"],
        );
        assert_eq!(first.stated.topics, ["Budgets", "City Government"]);
        assert_eq!(
            first.body,
            "The council approved the harbour budget on Tuesday after a sitting that ran past midnight.\n\nMayor Ellen Price said the quay would be repaired first."
        );
        // The second has no body: reported, not invented.
        assert!(entries[1].1.as_ref().unwrap_err().contains("Ferry returns"));
    }

    const UNI: &str = "Results list\nClient/Matter: -None-\nSearch Terms: harbour\n1. Quay repairs begin\nThe Daily Ledger\nQuay repairs begin\nThe Daily Ledger\nMarch 4, 2025 Tuesday\nCopyright 2025 The Daily Ledger All Rights Reserved\nSection: LOCAL; Pg. 3\nLength: 40 words\nByline:\u{a0}Ana Ruiz\nBody\nWork to repair the quay began on Monday.\nThe harbour master said it would take a month.\nClassification\nLanguage: ENGLISH\nSubject: HARBOURS (91%); REPAIRS (70%)\nLoad-Date: March 5, 2025\nEnd of Document\nDer Hafen öffnet wieder\nHafenblatt\n5. März 2025\nCopyright 2025 Hafenblatt\nByline: Jörg Müller\nBody\nDer Hafen öffnet am Freitag wieder für Fähren.\nEnd of Document\n";

    #[test]
    fn nexis_uni_articles_skip_the_cover_page() {
        assert_eq!(detect(UNI), Some(Database::Nexis));
        let entries = articles(UNI, Database::Nexis);
        assert_eq!(entries.len(), 2);
        let first = entries[0].1.as_ref().unwrap();
        check(
            first,
            "Quay repairs begin",
            "The Daily Ledger",
            "2025-03-04",
            &["Ana Ruiz"],
        );
        assert_eq!(first.stated.topics, ["Harbours", "Repairs"]);
        assert_eq!(
            first.body,
            "Work to repair the quay began on Monday.\n\nThe harbour master said it would take a month."
        );
        let second = entries[1].1.as_ref().unwrap();
        check(
            second,
            "Der Hafen öffnet wieder",
            "Hafenblatt",
            "2025-03-05",
            &["Jörg Müller"],
        );
    }

    const FACTIVA: &str = "HD Quay repairs begin\nBY Ana Ruiz\nWC 40 words\nPD 4 March 2025\nSN The Daily Ledger\nSC DLEDG\nLA English\nCY (c) 2025 The Daily Ledger\nLP\nWork to repair the quay began on Monday.\n\nTD\nThe harbour master said it would take\na month.\nNS gcat : Political/General News\nAN Document DLEDG00020250304el340001\n\nHD\nHafen öffnet wieder\nPD 5 März 2025\nSN Hafenblatt\nLP Der Hafen öffnet am Freitag wieder.\nAN Document HAFEN00020250305el350002\n";

    #[test]
    fn factiva_field_codes_make_articles() {
        assert_eq!(detect(FACTIVA), Some(Database::Factiva));
        let entries = articles(FACTIVA, Database::Factiva);
        assert_eq!(entries.len(), 2);
        let first = entries[0].1.as_ref().unwrap();
        check(
            first,
            "Quay repairs begin",
            "The Daily Ledger",
            "2025-03-04",
            &["Ana Ruiz"],
        );
        assert_eq!(
            first.body,
            "Work to repair the quay began on Monday.\n\nThe harbour master said it would take a month."
        );
        let second = entries[1].1.as_ref().unwrap();
        assert_eq!(second.stated.title.as_deref(), Some("Hafen öffnet wieder"));
        assert_eq!(second.stated.date.unwrap().date.to_string(), "2025-03-05");
    }

    #[test]
    fn ordinary_clippings_are_not_exports() {
        for text in [
            "Harbour road closes\nPublished: 3 March 2025\n\nThe council closed the road.\nSection: news\n",
            "HD radio is here\nThe station switched on Monday.\n",
            "",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }
}
