//! Turns a file's bytes into [`Clipping`]s: front matter, junk removal, title, date
//! with its source, byline, topics and passages. Pure functions: no I/O here.

pub mod byline;
pub mod date;
pub mod email;
pub mod exports;
pub mod frontmatter;
pub mod html;
pub mod json;
pub mod junk;
pub mod language;
pub mod lexicon;
pub mod mhtml;
pub mod office;
pub mod pdf;
pub mod persons;
pub mod rtf;
pub mod text;
pub mod warc;

use crate::clipping::{Clipping, DateSource, Format, Stated, StatedDate, clipping_id};
use crate::input::pdf::PdfReader;
use crate::input::{Failure, SourceFile, decode, decode_html};
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

/// Why a clipping could not be normalized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormalizeError {
    /// Front matter is present but cannot be read.
    #[error(transparent)]
    FrontMatter(#[from] frontmatter::FrontMatterError),
    /// Nothing is left once junk and metadata lines are removed.
    #[error("no article text (only junk, metadata or blank lines)")]
    NoText,
    /// The file's structure cannot be read (broken JSON, an e-mail without a body).
    #[error("{0}")]
    Malformed(String),
}

/// An article's text as a record holds it, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text.
    Text(String),
    /// An HTML fragment or page, for the HTML reader.
    Html(String),
}

/// Titles made from a first sentence are cut to about this many characters.
const MAX_DERIVED_TITLE_CHARS: usize = 90;

/// What reading a file needs besides its bytes.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Today's date: dates a clipping that has no other date at all, and bounds guesses.
    pub today: NaiveDate,
    /// How PDF text layers are read.
    pub pdf: PdfReader,
}

impl Reading {
    /// Reading in this process, dated `today`.
    pub fn in_process(today: NaiveDate) -> Reading {
        Reading {
            today,
            pdf: PdfReader::InProcess,
        }
    }
}

/// Reads one file's bytes into its records: the one entry point for every format.
///
/// A file of one record that cannot be read gives one failure for the file; a file of
/// many records (JSON Lines, a mailbox) gives one failure per bad record (`path:N`) and
/// keeps the good ones.
pub fn file(file: &SourceFile, bytes: &[u8], reading: &Reading) -> Vec<Result<Clipping, Failure>> {
    #[cfg(test)]
    test_faults::inject(&file.display);
    let fail = |reason: String| Failure::new(&file.display, reason);
    let format = match file.format {
        Format::Doc => match doc_contents(bytes) {
            Ok(format) => format,
            Err(reason) => return vec![Err(fail(reason.to_string()))],
        },
        format => format,
    };
    let origin = Origin {
        path: &file.display,
        format,
        modified: file.modified_date(),
    };
    let today = reading.today;
    match format {
        Format::Email => normalize_email(&origin, bytes, today),
        Format::Pdf => match reading.pdf.text_pages(bytes) {
            Err(err) => vec![Err(fail(err.to_string()))],
            Ok(pages) => match pdf::export_text(&pages) {
                Some((database, text)) => exports::normalize(&origin, &text, database, today),
                None => {
                    vec![normalize_pdf(&origin, &pages, today).map_err(|e| fail(e.to_string()))]
                }
            },
        },
        Format::Json => match decode(bytes) {
            Ok(text) => normalize_json(&origin, &text, today),
            Err(err) => vec![Err(fail(err.to_string()))],
        },
        Format::Html => match decode_html(bytes) {
            Err(err) => vec![Err(fail(err.to_string()))],
            Ok(html) => match exports::html::export(&html) {
                Some((database, articles)) => {
                    exports::normalize_articles(&origin, articles, database, today)
                }
                None => vec![
                    normalize_html(&html, Stated::default(), &origin, today)
                        .map_err(|e| fail(e.to_string())),
                ],
            },
        },
        Format::Text | Format::Markdown => match decode(bytes) {
            Err(err) => vec![Err(fail(err.to_string()))],
            Ok(text) => match exports::detect(&text) {
                Some(database) => exports::normalize(&origin, &text, database, today),
                None => {
                    vec![normalize_text(&origin, &text, today).map_err(|e| fail(e.to_string()))]
                }
            },
        },
        Format::Docx | Format::Odt => office::normalize(&origin, bytes, today),
        Format::Warc => warc::normalize(&origin, bytes, today),
        Format::Rtf => match rtf::text(bytes) {
            Err(reason) => vec![Err(fail(reason))],
            Ok(text) => match exports::detect(&text) {
                Some(database) => exports::normalize(&origin, &text, database, today),
                None => {
                    vec![normalize_text(&origin, &text, today).map_err(|e| fail(e.to_string()))]
                }
            },
        },
        Format::Mhtml => {
            vec![mhtml::normalize(&origin, bytes, today).map_err(|e| fail(e.to_string()))]
        }
        // Exports are recognised by their content, never chosen by extension; a `.doc`
        // has been read as what it holds.
        Format::Nexis | Format::Factiva | Format::Doc => {
            vec![Err(fail("not a file format".to_string()))]
        }
    }
}

/// What a `.doc` file holds: news databases and older tools save RTF, web pages and
/// text under that name. The old binary Word format has no well-kept Rust reader.
fn doc_contents(bytes: &[u8]) -> Result<Format, &'static str> {
    const OLE2: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    let start = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(bytes)
        .trim_ascii_start();
    if start.starts_with(b"{\\rtf") {
        Ok(Format::Rtf)
    } else if start.starts_with(b"PK\x03\x04") {
        Ok(Format::Docx)
    } else if bytes.starts_with(OLE2) {
        Err(
            "an old binary Word document (.doc), which morgue cannot read; save it as .docx, .odt or .rtf",
        )
    } else if start.first() == Some(&b'<') {
        Ok(Format::Html)
    } else {
        Ok(Format::Text)
    }
}

/// Faults a test can ask a reader for by naming a file: a panic, or a reader that never
/// returns. Only compiled into the library's own tests.
#[cfg(test)]
pub(crate) mod test_faults {
    /// A file whose name holds this makes the reader panic.
    pub const PANIC: &str = "__reader_panics__";
    /// A file whose name holds this makes the reader never return.
    pub const STALL: &str = "__reader_stalls__";

    pub fn inject(path: &str) {
        if path.contains(PANIC) {
            panic!("deliberate fault for {path}");
        }
        if path.contains(STALL) {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
            }
        }
    }
}

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

/// Normalizes a text or Markdown clipping (by `origin.format`).
pub fn normalize_text(
    origin: &Origin,
    text: &str,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let text = clean_text(text);
    let markdown = origin.format == Format::Markdown;
    let (front, body) =
        match frontmatter::split(&text, markdown).map_err(NormalizeError::FrontMatter)? {
            Some((front, body)) => (front, body),
            None => (Stated::default(), text.as_str()),
        };
    assemble(origin, front, body, markdown, today)
}

/// Normalizes every record of a JSON or JSON Lines file; a bad record fails alone.
pub fn normalize_json(
    origin: &Origin,
    text: &str,
    today: NaiveDate,
) -> Vec<Result<Clipping, Failure>> {
    let lines = [".jsonl", ".ndjson"]
        .iter()
        .any(|ext| origin.path.to_ascii_lowercase().ends_with(ext));
    json::records(text, lines, origin.path)
        .into_iter()
        .map(|record| {
            let record = record?;
            let here = Origin {
                path: &record.path,
                ..origin.clone()
            };
            body_record(&here, record.fields, record.body, today)
                .map_err(|err| Failure::new(&record.path, err.to_string()))
        })
        .collect()
}

/// A record whose fields were stated outside its body (a JSON record's, an e-mail's
/// headers): they win over what the body says.
pub(crate) fn body_record(
    origin: &Origin,
    fields: Stated,
    body: Body,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    match body {
        Body::Text(text) => assemble(origin, fields, &clean_text(&text), false, today),
        Body::Html(html) => normalize_html(&html, fields, origin, today),
    }
}

/// Normalizes every message of an e-mail file or mailbox.
pub fn normalize_email(
    origin: &Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Vec<Result<Clipping, Failure>> {
    let mailbox = origin.path.to_ascii_lowercase().ends_with(".mbox");
    let messages = email::messages(bytes, mailbox);
    if messages.is_empty() {
        return vec![Err(Failure::new(origin.path, "no messages in the mailbox"))];
    }
    messages
        .into_iter()
        .map(|(position, message)| {
            let path = json::record_path(origin.path, position);
            let here = Origin {
                path: &path,
                ..origin.clone()
            };
            let fail = |reason: String| Failure::new(&path, reason);
            let mail = email::read(&message).map_err(|e| fail(e.to_string()))?;
            let html = matches!(mail.body, Body::Html(_));
            let mut clipping = body_record(&here, mail.fields, mail.body, today)
                .map_err(|e| fail(e.to_string()))?;
            if html {
                // A newsletter's HTML carries the same furniture lines as its text part.
                clipping
                    .passages
                    .retain(|p| !email::strip_furniture(p).trim().is_empty());
            }
            Ok(clipping)
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
    assemble(origin, Stated::default(), &text, false, today)
}

/// Normalizes a web page. `outside` is what is known of it from elsewhere (a JSON
/// record's fields, an e-mail's headers); it wins over what the page's markup states.
pub fn normalize_html(
    html: &str,
    outside: Stated,
    origin: &Origin,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let depth = html::nesting_depth(html);
    if depth > html::MAX_NESTING {
        return Err(NormalizeError::Malformed(format!(
            "HTML nested too deeply ({depth} levels; pages have at most a few hundred)"
        )));
    }
    let page = html::read_page(html, outside.url.as_deref(), today);
    let mut stated = outside;
    stated.fill_from(page.stated);
    let body = clean_text(&page.paragraphs.join("\n\n"));
    let parts = text::parse_page_text(&body, stated.title.is_none());
    let mut clipping = assemble_parts(origin, stated, parts, today)?;
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

/// Builds the record from what was stated and a body text: what was stated wins, the
/// body's own header and footer lines (byline, date line, `Topics:`) fill the gaps.
pub fn assemble(
    origin: &Origin,
    stated: Stated,
    body: &str,
    markdown: bool,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let parts = if stated.title.is_some() {
        text::parse_body(body, markdown)
    } else {
        text::parse(body, markdown)
    };
    assemble_parts(origin, stated, parts, today)
}

/// Builds the record from what was stated and the parts read from its body text.
fn assemble_parts(
    origin: &Origin,
    stated: Stated,
    parts: text::TextParts,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    if parts.passages.is_empty() {
        return Err(NormalizeError::NoText);
    }
    let mut stated = clean_stated(stated);
    stated.fill_from(clean_stated(parts.stated));
    let title = stated
        .title
        .unwrap_or_else(|| title_from_sentence(&parts.passages[0]));
    let (date, date_source) = pick_date(stated.date, origin, today);
    let declared = stated.language.as_deref().and_then(language::from_tag);
    let (mut persons, mut passage_persons) =
        persons::find_persons_declared(&title, &parts.passages, declared);
    persons::join_stated(
        &mut persons,
        &mut passage_persons,
        &stated.persons,
        &parts.passages,
    );
    Ok(Clipping {
        id: clipping_id(&title, &parts.passages),
        path: origin.path.to_string(),
        format: origin.format,
        title,
        date,
        date_source,
        source: stated.source,
        url: stated.url,
        authors_source: stated.authors_source.filter(|_| !stated.authors.is_empty()),
        authors: stated.authors,
        topics: stated.topics,
        persons,
        passages: parts.passages,
        passage_persons,
    })
}

/// Applies SPEC's date precedence: metadata, then a date line, then the path, then mtime.
/// A date guessed from the text or the path that lies after tomorrow is a misreading.
fn pick_date(
    stated: Option<StatedDate>,
    origin: &Origin,
    today: NaiveDate,
) -> (NaiveDate, DateSource) {
    let not_future = |d: &NaiveDate| *d <= today + chrono::Days::new(1);
    stated
        .filter(|s| s.source == DateSource::Metadata || not_future(&s.date))
        .map(|s| (s.date, s.source))
        .or_else(|| {
            date::date_from_path(origin.path)
                .filter(not_future)
                .map(|d| (d, DateSource::Filename))
        })
        .unwrap_or((origin.modified.unwrap_or(today), DateSource::Mtime))
}

/// Unicode NFC, Unix line ends, no invisible or non-breaking spaces, no soft hyphens,
/// and no control characters: a clipping's text is shown in terminals and browsers, where
/// an escape sequence inside it would be taken for a command. A soft hyphen marks where a
/// long word may break ("Genesenen\u{ad}nachweise"); left in, it splits the word for
/// search.
pub fn clean_text(text: &str) -> String {
    let clean = |c: char| match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\r' => None,
        '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(' '),
        // A form feed is a page break (PDF text layers).
        '\u{c}' => Some('\n'),
        '\n' | '\t' => Some(c),
        c if c.is_control() => Some(' '),
        c => Some(c),
    };
    let plain = |b: u8| b.is_ascii() && (b >= 0x20 || b == b'\n' || b == b'\t') && b != 0x7f;
    if text.bytes().all(plain) {
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

/// The stated fields cleaned as the text is ([`clean_text`]) and with white space
/// collapsed: they come from markup and headers, which nothing else cleans. Empty ones are
/// dropped.
fn clean_stated(stated: Stated) -> Stated {
    let clean = |text: String| {
        let cleaned = clean_text(&text);
        let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        (!collapsed.is_empty()).then_some(collapsed)
    };
    Stated {
        title: stated.title.and_then(clean),
        date: stated.date,
        authors: stated.authors.into_iter().filter_map(clean).collect(),
        authors_source: stated.authors_source,
        source: stated.source.and_then(clean),
        url: stated.url.and_then(clean),
        topics: stated.topics.into_iter().filter_map(clean).collect(),
        persons: stated.persons.into_iter().filter_map(clean).collect(),
        language: stated.language.and_then(clean),
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

    #[test]
    fn stated_fields_are_composed_like_the_text() {
        let stated = Stated {
            // "Café" and "Zoë" with combining accents, a Bengali letter with its nukta in
            // one character, a zero-width space and a bell character.
            title: Some("Cafe\u{301} opens\u{200b} in \u{7}Zoe\u{308}'s street".to_string()),
            authors: vec![
                "Ame\u{301}lie  Roux".to_string(),
                " \u{200b} ".to_string(),
                "Mat\u{ad}thi\u{ad}as Lauerer".to_string(),
            ],
            source: Some("\u{9dc}\u{9be}ক".to_string()),
            ..Stated::default()
        };
        let stated = clean_stated(stated);
        assert_eq!(stated.title.as_deref(), Some("Café opens in Zoë's street"));
        assert_eq!(stated.authors, ["Amélie Roux", "Matthias Lauerer"]);
        // U+09DC is one of the letters NFC writes as two characters, as the text has it.
        assert_eq!(stated.source.as_deref(), Some("\u{9a1}\u{9bc}\u{9be}ক"));
    }

    #[test]
    fn a_short_page_is_read_in_the_language_it_declares() {
        let page = |lang: &str| {
            format!(
                r#"<html lang="{lang}"><head><title>Sommerreise durch Irland</title></head><body>
                <h1>Sommerreise durch Irland</h1><p>Von Sprachregeln halten wir wenig. Irland
                Roadtrip mit Kind und Hund.</p><p>Bitte Suchwort eingeben. Julia Vogt hat die
                Bilder gemacht.</p></body></html>"#
            )
        };
        let persons = |lang: &str| -> Vec<String> {
            let origin = Origin {
                path: "reise.html",
                format: Format::Html,
                modified: None,
            };
            let clipping =
                normalize_html(&page(lang), Stated::default(), &origin, today()).expect("a page");
            clipping.persons.into_iter().map(|p| p.name).collect()
        };
        // Too few words to tell the language by: the page's own `lang` decides, and a
        // German page's capitalised nouns are no names.
        assert_eq!(persons("de"), ["Julia Vogt"]);
        let english = persons("en");
        assert!(english.contains(&"Julia Vogt".to_string()));
        assert!(english.len() > 1, "{english:?}");
    }

    /// Reads `text` as the file `path` last modified on 2026-01-02.
    fn read(path: &str, format: Format, text: &str) -> Result<Clipping, NormalizeError> {
        let origin = Origin {
            path,
            format,
            modified: NaiveDate::from_ymd_opt(2026, 1, 2),
        };
        normalize_text(&origin, text, today())
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
            let clipping = read(path, format, text).unwrap();
            assert_eq!(clipping.date.to_string(), date, "{text}");
            assert_eq!(clipping.date_source, source, "{text}");
        }
    }

    #[test]
    fn front_matter_fields_win_over_text() {
        let text = "---\ntitle: Front title\ntags: [Courts]\nauthors: [Ann Lee]\nsource: Ledger\n---\n# Body heading\n\nBody text here.\n\nTags: Courts, Law\n";
        let clipping = read("x.md", Format::Markdown, text).unwrap();
        assert_eq!(clipping.title, "Front title");
        assert_eq!(clipping.topics, ["Courts", "Law"]);
        assert_eq!(clipping.authors, ["Ann Lee"]);
        assert_eq!(clipping.source.as_deref(), Some("Ledger"));
    }

    #[test]
    fn empty_and_broken_clippings_are_errors() {
        let only_junk = read("x.txt", Format::Text, "Advert\nShare this article\n\n");
        assert_eq!(only_junk, Err(NormalizeError::NoText));
        let broken = read("x.md", Format::Markdown, "---\ntitle: [oops\n---\nBody\n");
        assert!(matches!(broken, Err(NormalizeError::FrontMatter(_))));
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
        assert_eq!(clean_text("Genesenen\u{ad}nachweise"), "Genesenennachweise");
        assert_eq!(
            clean_text("red \u{1b}[31mtext\u{7}\u{c}next\tpage"),
            "red  [31mtext \nnext\tpage"
        );
        assert_eq!(clean_text("C1 \u{9b}2J"), "C1  2J");
    }
}

/// Every reader, fed documents in which multi-byte characters straddle every byte offset
/// from 0 to 10,000: readers cut text at computed offsets, and a cut inside a character
/// once took a whole ingest down.
#[cfg(test)]
mod multibyte_property {
    use super::*;

    const REACH: usize = 10_000;
    const WIDE: [char; 6] = ['é', '’', '中', '😀', 'ش', '\u{301}'];

    /// A small deterministic generator, so failures can be replayed.
    fn next(state: &mut u64) -> usize {
        *state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*state >> 33) as usize
    }

    /// Text of wide characters with a lone space or line break now and then (so that it
    /// has words and lines), shifted by `shift` ASCII letters: never two one-byte
    /// characters in a row, so four shifts put every offset inside some character.
    fn wide_text(shift: usize) -> String {
        let mut state = 7;
        let mut text = "a".repeat(shift);
        let mut last_was_ascii = true;
        while text.len() < REACH + 64 {
            let pick = next(&mut state) % 16;
            if pick < 2 && !last_was_ascii {
                text.push(if pick == 0 { ' ' } else { '\n' });
                last_was_ascii = true;
            } else {
                text.push(WIDE[next(&mut state) % WIDE.len()]);
                last_was_ascii = false;
            }
        }
        text
    }

    fn documents(body: &str) -> Vec<(&'static str, Format, String)> {
        vec![
            ("p.txt", Format::Text, format!("{body}\n")),
            (
                "p.md",
                Format::Markdown,
                format!("---\ntitle: {}\n---\n{body}", body.get(..40).unwrap_or("t")),
            ),
            (
                "p.html",
                Format::Html,
                format!(
                    "<!-- saved from url=(0030)https://x.example/a --><html><body><article><h1>{body}</h1><p>{body}</p></article></body></html>"
                ),
            ),
            (
                "p.json",
                Format::Json,
                format!(
                    r#"{{"title":"{}","text":"{}"}}"#,
                    body.replace('\n', " "),
                    body.replace('\n', "\\n")
                ),
            ),
            (
                "p.jsonl",
                Format::Json,
                format!(r#"{{"text":"{}"}}"#, body.replace('\n', "\\n")),
            ),
            (
                "p.eml",
                Format::Email,
                format!(
                    "Subject: {}\r\nFrom: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}",
                    body.replace('\n', " ")
                ),
            ),
        ]
    }

    #[test]
    fn wide_characters_at_every_offset_never_panic() {
        let reading = Reading::in_process(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let mut straddled = vec![false; REACH + 1];
        for shift in 0..4 {
            let body = wide_text(shift);
            for (offset, covered) in straddled.iter_mut().enumerate() {
                *covered |= !body.is_char_boundary(offset);
            }
            for (name, format, document) in documents(&body) {
                let file = SourceFile::in_memory(name, format);
                for clipping in super::file(&file, document.as_bytes(), &reading)
                    .into_iter()
                    .flatten()
                {
                    assert!(!clipping.passages.is_empty(), "{name}");
                }
            }
        }
        // The property holds as stated: every offset lies inside a character in some
        // document (byte offsets of the wrappers shift with the body).
        assert!(
            straddled.iter().skip(1).all(|&c| c),
            "some offset never straddled"
        );
    }
}
