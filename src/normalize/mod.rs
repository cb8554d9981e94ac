//! Turns a [`RawClipping`] into a [`Clipping`]: front matter, junk removal, title, date
//! with its source, byline, topics and passages. Pure functions: no I/O here.

pub mod date;
pub mod email;
pub mod frontmatter;
pub mod html;
pub mod json;
pub mod junk;
pub mod pdf;
pub mod persons;
pub mod text;

use crate::clipping::{Clipping, DateSource, Format, clipping_id};
use crate::input::RawClipping;
use chrono::NaiveDate;
use frontmatter::FrontMatter;
use unicode_normalization::UnicodeNormalization;

/// Why a clipping could not be normalized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormalizeError {
    /// Front matter is present but cannot be read.
    #[error("{0}")]
    FrontMatter(String),
    /// Nothing is left once junk and metadata lines are removed.
    #[error("no article text (only junk, metadata or blank lines)")]
    NoText,
    /// The file's structure cannot be read (broken JSON, an e-mail without a body).
    #[error("{0}")]
    Malformed(String),
}

/// Titles made from a first sentence are cut to about this many characters.
const MAX_DERIVED_TITLE_CHARS: usize = 90;

/// Where a record came from: what dates it when nothing inside it does.
#[derive(Debug, Clone)]
pub struct Origin<'a> {
    /// Path shown to users: the file, plus `:N` for one record of many.
    pub path: &'a str,
    /// The format of the file.
    pub format: Format,
    /// The file's modification date.
    pub modified: Option<NaiveDate>,
}

impl<'a> Origin<'a> {
    fn of(raw: &'a RawClipping) -> Origin<'a> {
        Origin {
            path: &raw.path,
            format: raw.format,
            modified: raw.modified,
        }
    }
}

/// Normalizes one raw clipping of a text format (text, Markdown, HTML). `today` dates a
/// clipping that has no other date at all.
pub fn normalize(raw: &RawClipping, today: NaiveDate) -> Result<Clipping, NormalizeError> {
    if raw.format == Format::Html {
        return normalize_html(&raw.text, None, &Origin::of(raw), today);
    }
    let text = clean_text(&raw.text);
    let markdown = raw.format == Format::Markdown;
    let (front, body) =
        match frontmatter::split(&text, markdown).map_err(NormalizeError::FrontMatter)? {
            Some((front, body)) => (front, body),
            None => (FrontMatter::default(), text.as_str()),
        };
    assemble(&Origin::of(raw), front, body, markdown, today)
}

/// A record of a multi-record file that could not be normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFailure {
    /// The file, with `:N` for the record's line or position.
    pub path: String,
    /// What is wrong.
    pub reason: String,
}

fn record_path(path: &str, position: Option<usize>) -> String {
    match position {
        Some(n) => format!("{path}:{n}"),
        None => path.to_string(),
    }
}

/// Normalizes every record of a JSON or JSON Lines file; a bad record fails alone.
pub fn normalize_json(raw: &RawClipping, today: NaiveDate) -> Vec<Result<Clipping, RecordFailure>> {
    let lines = [".jsonl", ".ndjson"]
        .iter()
        .any(|ext| raw.path.to_ascii_lowercase().ends_with(ext));
    json::records(&raw.text, lines)
        .into_iter()
        .map(|record| {
            let record = record.map_err(|err| RecordFailure {
                path: record_path(&raw.path, err.position),
                reason: err.reason,
            })?;
            let path = record_path(&raw.path, record.position);
            let origin = Origin {
                path: &path,
                ..Origin::of(raw)
            };
            let result = match record.body {
                json::Body::Text(text) => {
                    assemble(&origin, record.fields, &clean_text(&text), false, today)
                }
                json::Body::Html(html) => with_fields(
                    normalize_html(&html, record.fields.url.as_deref(), &origin, today),
                    record.fields,
                ),
            };
            result.map_err(|err| RecordFailure {
                path: path.clone(),
                reason: err.to_string(),
            })
        })
        .collect()
}

/// Lets fields stated outside an HTML body (a JSON record's, an e-mail's headers) win
/// over what the HTML says.
fn with_fields(
    clipping: Result<Clipping, NormalizeError>,
    fields: FrontMatter,
) -> Result<Clipping, NormalizeError> {
    let mut clipping = clipping?;
    if let Some(title) = fields.title {
        clipping.title = title;
        clipping.id = clipping_id(&clipping.title, &clipping.passages);
    }
    if let Some(date) = fields.date {
        clipping.date = date;
        clipping.date_source = DateSource::Metadata;
    }
    if fields.source.is_some() {
        clipping.source = fields.source;
    }
    if fields.url.is_some() {
        clipping.url = fields.url;
    }
    if !fields.authors.is_empty() {
        clipping.authors = fields.authors;
    }
    for topic in fields.topics {
        if !clipping
            .topics
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&topic))
        {
            clipping.topics.push(topic);
        }
    }
    Ok(clipping)
}

/// Normalizes every message of an e-mail file or mailbox.
pub fn normalize_email(
    origin: &Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Vec<Result<Clipping, RecordFailure>> {
    let mailbox = origin.path.to_ascii_lowercase().ends_with(".mbox");
    let messages = email::messages(bytes, mailbox);
    if messages.is_empty() {
        return vec![Err(RecordFailure {
            path: origin.path.to_string(),
            reason: "no messages in the mailbox".to_string(),
        })];
    }
    messages
        .into_iter()
        .map(|(position, message)| {
            let path = record_path(origin.path, position);
            let here = Origin {
                path: &path,
                ..origin.clone()
            };
            let fail = |reason: String| RecordFailure {
                path: path.clone(),
                reason,
            };
            let mail = email::read(&message).map_err(fail)?;
            let result = match mail.body {
                email::MailBody::Text(text) => {
                    assemble(&here, mail.fields, &clean_text(&text), false, today)
                }
                email::MailBody::Html(html) => {
                    with_fields(normalize_html(&html, None, &here, today), mail.fields).map(
                        |mut c| {
                            c.passages
                                .retain(|p| !email::strip_furniture(p).trim().is_empty());
                            c
                        },
                    )
                }
            };
            result.map_err(|err| fail(err.to_string()))
        })
        .collect()
}

/// Normalizes the text layer of a PDF, given page by page.
pub fn normalize_pdf(
    origin: &Origin,
    pages: &[String],
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let text = clean_text(&pdf::article_text(pages));
    assemble(origin, FrontMatter::default(), &text, false, today)
}

/// Normalizes a web page; `url` is its address when known from outside the page.
pub fn normalize_html(
    html: &str,
    url: Option<&str>,
    origin: &Origin,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let depth = html::nesting_depth(html);
    if depth > html::MAX_NESTING {
        return Err(NormalizeError::Malformed(format!(
            "HTML nested too deeply ({depth} levels; pages have at most a few hundred)"
        )));
    }
    let page = html::read_page(html, url, today);
    let meta = FrontMatter {
        title: page.title,
        date: page.date,
        topics: page.topics,
        authors: page.authors,
        source: page.source,
        url: page.url,
    };
    let body = clean_text(&page.paragraphs.join("\n\n"));
    let mut clipping = assemble(origin, meta, &body, false, today)?;
    // A date in the page's text ranks with the text's own date lines: below the markup,
    // above the file name.
    if let Some(date) = page.text_date
        && matches!(
            clipping.date_source,
            DateSource::Filename | DateSource::Mtime
        )
    {
        clipping.date = date;
        clipping.date_source = DateSource::Text;
    }
    Ok(clipping)
}

/// Builds the record from metadata and a body text: metadata wins, the body's own
/// header and footer lines (byline, date line, `Topics:`) fill the gaps.
pub fn assemble(
    origin: &Origin,
    meta: FrontMatter,
    body: &str,
    markdown: bool,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let parts = if meta.title.is_some() {
        text::parse_body(body, markdown)
    } else {
        text::parse(body, markdown)
    };
    if parts.passages.is_empty() {
        return Err(NormalizeError::NoText);
    }
    let title = meta
        .title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .or(parts.title)
        .unwrap_or_else(|| title_from_sentence(&parts.passages[0]));
    let (date, date_source) = pick_date(meta.date, parts.date.map(|d| d.date), origin, today);
    let (persons, passage_persons) = persons::find_persons(&title, &parts.passages);
    let mut topics = meta.topics;
    for topic in parts.topics {
        if !topics.iter().any(|t| t.eq_ignore_ascii_case(&topic)) {
            topics.push(topic);
        }
    }
    let authors = if meta.authors.is_empty() {
        parts.authors
    } else {
        meta.authors
    };
    Ok(Clipping {
        id: clipping_id(&title, &parts.passages),
        path: origin.path.to_string(),
        format: origin.format,
        title,
        date,
        date_source,
        source: meta.source.or(parts.source),
        url: meta.url.or(parts.url),
        authors,
        topics,
        persons,
        passages: parts.passages,
        passage_persons,
    })
}

/// Applies SPEC's date precedence: metadata, then a date line, then the path, then mtime.
/// A date guessed from the text or the path that lies after tomorrow is a misreading.
fn pick_date(
    metadata: Option<NaiveDate>,
    text: Option<NaiveDate>,
    origin: &Origin,
    today: NaiveDate,
) -> (NaiveDate, DateSource) {
    let not_future = |d: &NaiveDate| *d <= today + chrono::Days::new(1);
    metadata
        .map(|d| (d, DateSource::Metadata))
        .or(text.filter(not_future).map(|d| (d, DateSource::Text)))
        .or_else(|| {
            date::date_from_path(origin.path)
                .filter(not_future)
                .map(|d| (d, DateSource::Filename))
        })
        .unwrap_or((origin.modified.unwrap_or(today), DateSource::Mtime))
}

/// Unicode NFC, Unix line ends, and no invisible or non-breaking spaces.
pub fn clean_text(text: &str) -> String {
    let clean = |c: char| match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\r' => None,
        '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(' '),
        c => Some(c),
    };
    if text.is_ascii() && !text.contains('\r') {
        return text.to_string();
    }
    // Most clippings are already composed; checking is far cheaper than recomposing.
    let composed = unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes;
    if composed {
        text.chars().filter_map(clean).collect()
    } else {
        text.nfc().filter_map(clean).collect()
    }
}

/// A short title from a paragraph's first sentence: cut at a clause boundary, or at a word
/// boundary with an ellipsis, never the whole paragraph.
pub fn title_from_sentence(paragraph: &str) -> String {
    // The last line: a passage may start with the subheading that introduces it.
    let body_line = paragraph.lines().last().unwrap_or(paragraph);
    let has_words = |s: &str| s.chars().any(char::is_alphanumeric);
    // The first sentence with a word in it (a lone "." is not a title; found by fuzzing).
    let sentence = text::sentences(body_line)
        .into_iter()
        .find(|s| has_words(s))
        .unwrap_or(body_line);
    let sentence =
        sentence.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    if !has_words(sentence) {
        return "(untitled)".to_string();
    }
    if sentence.chars().count() <= MAX_DERIVED_TITLE_CHARS {
        return sentence.to_string();
    }
    let limit = sentence
        .char_indices()
        .nth(MAX_DERIVED_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = sentence.get(..limit).unwrap_or_default();
    let clause_end = [", ", " - ", " – ", " — ", ": ", "; "]
        .iter()
        .filter_map(|sep| head.rfind(sep))
        .max()
        .filter(|&i| head.get(..i).unwrap_or_default().chars().count() >= 30);
    if let Some(end) = clause_end {
        return head.get(..end).unwrap_or_default().to_string();
    }
    let word_end = head.rfind(' ').unwrap_or(head.len());
    format!(
        "{}…",
        head.get(..word_end)
            .unwrap_or_default()
            .trim_end_matches([',', ';', ':'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(path: &str, format: Format, text: &str) -> RawClipping {
        RawClipping {
            path: path.to_string(),
            format,
            text: text.to_string(),
            modified: NaiveDate::from_ymd_opt(2026, 1, 2),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn date_precedence_follows_spec() {
        let cases = [
            (
                "a/2024-05-06.md",
                Format::Markdown,
                "---\ndate: 2025-01-02\n---\nPublished 3 March 2025\nBody text.\n",
                "2025-01-02",
                DateSource::Metadata,
            ),
            (
                "a/2024-05-06.txt",
                Format::Text,
                "Published 3 March 2025\nBody text.\n",
                "2025-03-03",
                DateSource::Text,
            ),
            (
                "a/2024-05-06.txt",
                Format::Text,
                "Body text mentions 3 March 2025 in passing.\n",
                "2024-05-06",
                DateSource::Filename,
            ),
            (
                "a/story.txt",
                Format::Text,
                "Body text.\n",
                "2026-01-02",
                DateSource::Mtime,
            ),
        ];
        for (path, format, text, date, source) in cases {
            let clipping = normalize(&raw(path, format, text), today()).unwrap();
            assert_eq!(clipping.date.to_string(), date, "{text}");
            assert_eq!(clipping.date_source, source, "{text}");
        }
    }

    #[test]
    fn front_matter_fields_win_over_text() {
        let text = "---\ntitle: Front title\ntags: [Courts]\nauthors: [Ann Lee]\nsource: Ledger\n---\n# Body heading\n\nBody text here.\n\nTags: Courts, Law\n";
        let clipping = normalize(&raw("x.md", Format::Markdown, text), today()).unwrap();
        assert_eq!(clipping.title, "Front title");
        assert_eq!(clipping.topics, ["Courts", "Law"]);
        assert_eq!(clipping.authors, ["Ann Lee"]);
        assert_eq!(clipping.source.as_deref(), Some("Ledger"));
    }

    #[test]
    fn empty_and_broken_clippings_are_errors() {
        let only_junk = raw("x.txt", Format::Text, "Advert\nShare this article\n\n");
        assert_eq!(normalize(&only_junk, today()), Err(NormalizeError::NoText));
        let broken = raw("x.md", Format::Markdown, "---\ntitle: [oops\n---\nBody\n");
        assert!(matches!(
            normalize(&broken, today()),
            Err(NormalizeError::FrontMatter(_))
        ));
    }

    #[test]
    fn derived_titles_are_short() {
        let cases = [
            ("Short lede here. Second sentence.", "Short lede here"),
            (
                "The mayor of a small coastal town has signed an order this week, closing the harbour road to all lorries until June.",
                "The mayor of a small coastal town has signed an order this week",
            ),
            (
                "The mayor of a small coastal town has signed an order this week closing the harbour road to all heavy lorries until June.",
                "The mayor of a small coastal town has signed an order this week closing the harbour road…",
            ),
        ];
        for (paragraph, title) in cases {
            assert_eq!(title_from_sentence(paragraph), title);
        }
    }

    #[test]
    fn derived_titles_always_have_words() {
        // Found by fuzzing: a paragraph whose first "sentence" is a lone full stop.
        assert_eq!(title_from_sentence(". Èx"), "Èx");
        assert_eq!(title_from_sentence("… —"), "(untitled)");
    }

    #[test]
    fn text_is_cleaned() {
        assert_eq!(clean_text("a\u{a0}b\r\nc\u{200b}e\u{301}"), "a b\ncé");
    }
}
