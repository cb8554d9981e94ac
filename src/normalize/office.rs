//! Word (`.docx`) and OpenDocument (`.odt`) files as paragraphs of text: the document's
//! XML read from its zip container, with deleted text, field codes and comments left out.

use super::{Body, NormalizeError, Origin, body_record};
use crate::clipping::{Clipping, DateSource, Format, Stated};
use crate::input::Failure;
use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};
use std::io::Read;

/// Office documents declare XML 1.0, or nothing (which means 1.0).
const XML: quick_xml::XmlVersion = quick_xml::XmlVersion::Implicit1_0;

/// Largest XML part read from a container, so a zip bomb cannot take the memory.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// What an office document holds for a clipping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Paragraphs in order; headings and table cells each one paragraph.
    pub paragraphs: Vec<String>,
    /// Indexes into `paragraphs` of those styled as a title or heading.
    pub headings: Vec<usize>,
    /// The title property.
    pub title: Option<String>,
    /// The author property.
    pub creator: Option<String>,
    /// The creation date property, as written (ISO 8601).
    pub created: Option<String>,
}

impl Document {
    /// The paragraphs as one text, a blank line between paragraphs.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Which office format a container holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (Word).
    Docx,
    /// OpenDocument Text.
    Odt,
}

/// Reads a `.docx` or `.odt` file's bytes.
pub fn read(bytes: &[u8], kind: Kind) -> Result<Document, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip container ({e})"))?;
    let (body_part, meta_part) = match kind {
        Kind::Docx => ("word/document.xml", "docProps/core.xml"),
        Kind::Odt => ("content.xml", "meta.xml"),
    };
    let body = part(&mut archive, body_part)?
        .ok_or_else(|| format!("no {body_part} in the container: not a {kind:?} document"))?;
    let mut document = match kind {
        Kind::Docx => word_paragraphs(&body)?,
        Kind::Odt => odt_paragraphs(&body)?,
    };
    if let Some(meta) = part(&mut archive, meta_part)? {
        read_properties(&meta, &mut document);
    }
    Ok(document)
}

fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot open {name} ({e})")),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name} ({e})"))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name} unpacks to more than 256 MB"));
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// The text an entity reference stands for (`&amp;`, `&#233;`); unknown ones are dropped.
fn entity(reference: &BytesRef) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    quick_xml::escape::resolve_predefined_entity(&reference.xml_content(XML))
        .unwrap_or_default()
        .to_string()
}

/// Collects paragraphs as the XML streams by.
#[derive(Default)]
struct Collector {
    document: Document,
    current: String,
    heading: bool,
    /// Depth inside elements whose text is not the document's (deletions, fields, notes).
    hidden: usize,
}

impl Collector {
    fn push_text(&mut self, text: &str) {
        if self.hidden == 0 {
            self.current.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let text = self.current.trim().to_string();
        self.current.clear();
        if !text.is_empty() {
            if self.heading {
                self.document.headings.push(self.document.paragraphs.len());
            }
            self.document.paragraphs.push(text);
        }
        self.heading = false;
    }
}

fn xml_error(e: quick_xml::Error) -> String {
    format!("broken XML in the document ({e})")
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(XML).ok().map(|v| v.into_owned()))
}

/// Word: `w:p` paragraphs of `w:t` runs; tabs and breaks kept as spaces and line breaks;
/// deleted text, field instructions and comments left out.
fn word_paragraphs(xml: &str) -> Result<Document, String> {
    const HIDDEN: [&str; 5] = [
        "w:del",
        "w:delText",
        "w:instrText",
        "w:commentReference",
        "mc:Fallback",
    ];
    let mut reader = Reader::from_str(xml);
    let mut collector = Collector::default();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) => match e.name().as_ref() {
                "w:t" => in_text = true,
                name if HIDDEN.contains(&name) => collector.hidden += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tab" => collector.push_text("\t"),
                "w:br" | "w:cr" => collector.push_text("\n"),
                "w:pStyle" => {
                    let style = attribute(&e, "w:val").unwrap_or_default().to_lowercase();
                    collector.heading |= style.starts_with("title") || style.starts_with("heading");
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => collector.end_paragraph(),
                name if HIDDEN.contains(&name) => {
                    collector.hidden = collector.hidden.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(t) if in_text => collector.push_text(&t.xml_content(XML)),
            Event::GeneralRef(r) if in_text => collector.push_text(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    collector.end_paragraph();
    Ok(collector.document)
}

/// OpenDocument: `text:p` and `text:h` paragraphs; `text:s` spaces, tabs and line
/// breaks kept; annotations, tracked changes and notes left out.
fn odt_paragraphs(xml: &str) -> Result<Document, String> {
    const HIDDEN: [&str; 3] = ["office:annotation", "text:tracked-changes", "text:note"];
    let mut reader = Reader::from_str(xml);
    let mut collector = Collector::default();
    let mut in_body = false;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) => match e.name().as_ref() {
                "office:text" => in_body = true,
                "text:h" if collector.hidden == 0 => collector.heading = true,
                "text:p" if collector.hidden == 0 => {
                    let style = attribute(&e, "text:style-name")
                        .unwrap_or_default()
                        .to_lowercase();
                    collector.heading |= style == "title" || style.starts_with("heading");
                }
                name if HIDDEN.contains(&name) => collector.hidden += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "text:s" => {
                    let count = attribute(&e, "text:c")
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(1usize);
                    collector.push_text(&" ".repeat(count.min(100)));
                }
                "text:tab" => collector.push_text("\t"),
                "text:line-break" => collector.push_text("\n"),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                // A paragraph inside a comment or note does not end the one around it.
                "text:p" | "text:h" if collector.hidden == 0 => collector.end_paragraph(),
                "office:text" => in_body = false,
                name if HIDDEN.contains(&name) => {
                    collector.hidden = collector.hidden.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(t) if in_body => collector.push_text(&t.xml_content(XML)),
            Event::GeneralRef(r) if in_body => collector.push_text(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    collector.end_paragraph();
    Ok(collector.document)
}

/// Title, author and creation date from `docProps/core.xml` or `meta.xml`.
fn read_properties(xml: &str, document: &mut Document) {
    let mut reader = Reader::from_str(xml);
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = match e.name().as_ref() {
                    "dc:title" => Some("title"),
                    "dc:creator" | "meta:initial-creator" => Some("creator"),
                    "dcterms:created" | "meta:creation-date" => Some("created"),
                    _ => None,
                };
                value.clear();
            }
            Ok(Event::Text(t)) if field.is_some() => value.push_str(&t.xml_content(XML)),
            Ok(Event::GeneralRef(r)) if field.is_some() => value.push_str(&entity(&r)),
            Ok(Event::End(_)) => {
                let text = value.trim().to_string();
                let slot = match field.take() {
                    Some("title") => &mut document.title,
                    Some("creator") => &mut document.creator,
                    Some("created") => &mut document.created,
                    _ => continue,
                };
                if !text.is_empty() && slot.is_none() {
                    *slot = Some(text);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// Normalizes a Word or OpenDocument file: one record, or one per article when the
/// document is a news-database export.
pub fn normalize(
    origin: &Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Vec<Result<Clipping, Failure>> {
    let kind = match origin.format {
        Format::Odt => Kind::Odt,
        _ => Kind::Docx,
    };
    let document = match read(bytes, kind) {
        Ok(document) => document,
        Err(reason) => return vec![Err(Failure::new(origin.path, reason))],
    };
    let text = document.text();
    if let Some(database) = super::exports::detect(&text) {
        return super::exports::normalize(origin, &text, database, today);
    }
    vec![
        office_record(origin, &document, today)
            .map_err(|e| Failure::new(origin.path, e.to_string())),
    ]
}

/// One office document as one record: the title property (or a heading at the top) as
/// headline, the creation date only when the text states none.
fn office_record(
    origin: &Origin,
    document: &Document,
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let mut paragraphs = document.paragraphs.clone();
    let heading_on_top = document.headings.first().is_some_and(|&h| h < 3);
    let title = match document.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => Some(title.to_string()),
        _ if heading_on_top => Some(paragraphs.remove(document.headings[0])),
        _ => None,
    };
    let stated = Stated {
        title,
        ..Stated::default()
    };
    let mut clipping = body_record(origin, stated, Body::Text(paragraphs.join("\n\n")), today)?;
    let created = document
        .created
        .as_deref()
        .and_then(|c| c.get(..10))
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
    if let Some(created) = created
        && matches!(
            clipping.date_source,
            DateSource::Filename | DateSource::Mtime
        )
    {
        clipping.date = created;
        clipping.date_source = DateSource::Metadata;
    }
    Ok(clipping)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip container of the given parts, as a word processor would write it.
    pub fn container(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, text) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A `.docx` of paragraphs; a paragraph starting with `#` is a heading.
    pub fn docx(paragraphs: &[&str], title: Option<&str>) -> Vec<u8> {
        let body: String = paragraphs
            .iter()
            .map(|p| match p.strip_prefix('#') {
                Some(h) => format!(r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{h}</w:t></w:r></w:p>"#),
                None => format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"),
            })
            .collect();
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let core = format!(
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>{}</dc:title><dcterms:created>2025-03-02T10:00:00Z</dcterms:created></cp:coreProperties>"#,
            title.unwrap_or("")
        );
        container(&[
            ("word/document.xml", &document),
            ("docProps/core.xml", &core),
        ])
    }

    #[test]
    fn word_paragraphs_keep_text_and_drop_deletions_and_fields() {
        let xml = r#"<w:document><w:body>
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Quay &amp; crane</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">The council </w:t></w:r><w:del><w:r><w:delText>never </w:delText></w:r></w:del><w:r><w:t>met</w:t><w:tab/><w:t>on Monday</w:t><w:br/><w:t>in Zürich &#8212; late.</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar/><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>线上</w:t></w:r></w:p>
            <w:p></w:p>
        </w:body></w:document>"#;
        let doc = word_paragraphs(xml).unwrap();
        assert_eq!(
            doc.paragraphs,
            [
                "Quay & crane",
                "The council met\ton Monday\nin Zürich — late.",
                "线上"
            ]
        );
        assert_eq!(doc.headings, [0]);
    }

    #[test]
    fn odt_paragraphs_keep_spaces_and_drop_annotations() {
        let xml = r#"<office:document-content><office:body><office:text>
            <text:h text:outline-level="1">Harbour report</text:h>
            <text:p>Two<text:s text:c="3"/>spaces<text:tab/>and<text:line-break/>a break<office:annotation><text:p>a comment</text:p></office:annotation>.</text:p>
            <text:p>Footnote here<text:note><text:note-body><text:p>the note</text:p></text:note-body></text:note> ends.</text:p>
        </office:text></office:body></office:document-content>"#;
        let doc = odt_paragraphs(xml).unwrap();
        assert_eq!(
            doc.paragraphs,
            [
                "Harbour report",
                "Two   spaces\tand\na break.",
                "Footnote here ends."
            ]
        );
        assert_eq!(doc.headings, [0]);
    }

    #[test]
    fn containers_are_read_and_bad_ones_refused() {
        let bytes = docx(
            &["#Ferry timetable changes", "The ferry leaves at nine."],
            Some("Ferry"),
        );
        let doc = read(&bytes, Kind::Docx).unwrap();
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.title.as_deref(), Some("Ferry"));
        assert_eq!(doc.created.as_deref(), Some("2025-03-02T10:00:00Z"));
        assert!(read(b"PK\x03\x04 broken", Kind::Docx).is_err());
        assert!(
            read(&container(&[("other.xml", "<a/>")]), Kind::Odt)
                .unwrap_err()
                .contains("content.xml")
        );
        let broken = container(&[("word/document.xml", "<w:p><w:t>unclosed</w:p>")]);
        assert!(read(&broken, Kind::Docx).is_err());
    }
}
