//! Web archives (WARC, plain or gzip-compressed record by record or as a whole): each
//! `response` record holding an HTTP 200 HTML page becomes a page for the HTML reader,
//! with the captured address as its URL and the capture time as the last-resort date.
//! Requests, metadata, revisits, redirects, error pages and non-HTML records are passed
//! over and counted.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};

/// Largest record whose block is read; a larger one is passed over as "too large" (a
/// page is rarely more than a few megabytes, and a gzip bomb stops here).
const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Largest header block of a record or of its HTTP response.
const MAX_HEADER_BYTES: u64 = 256 * 1024;
/// Largest page once its content encoding is undone.
const MAX_PAGE_BYTES: u64 = 256 * 1024 * 1024;

/// One captured page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// Position of the record in the archive, from 1.
    pub position: usize,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// The day of `WARC-Date`.
    pub captured: Option<NaiveDate>,
    /// The HTML, as bytes (the page's own charset decides how to read them).
    pub html: Vec<u8>,
}

/// Pages of an archive, and what was passed over, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archive {
    /// The HTML pages captured with status 200.
    pub pages: Vec<Capture>,
    /// Records that are not pages: `request`, `metadata`, `revisit`, `redirect (301)`,
    /// `error (404)`, `not HTML (image/png)`…, with counts.
    pub passed_over: BTreeMap<String, usize>,
}

/// What one record of an archive is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// An HTML page captured with status 200.
    Page(Capture),
    /// Any other record, by kind.
    PassedOver(String),
}

/// Reads an archive held in memory.
pub fn read(bytes: &[u8]) -> Result<Archive, String> {
    let mut archive = Archive::default();
    for record in Records::new(Box::new(bytes))? {
        match record? {
            Record::Page(capture) => archive.pages.push(capture),
            Record::PassedOver(kind) => *archive.passed_over.entry(kind).or_default() += 1,
        }
    }
    Ok(archive)
}

/// The records of an archive, read one at a time from a stream: however large the
/// archive, only the record at hand is in memory.
pub struct Records<'a> {
    reader: Box<dyn BufRead + 'a>,
    position: usize,
    finished: bool,
}

impl<'a> Records<'a> {
    /// Reads `source`, plain or gzip-compressed (one member per record, or one for all).
    pub fn new(mut source: Box<dyn BufRead + 'a>) -> Result<Records<'a>, String> {
        let head = source
            .fill_buf()
            .map_err(|e| format!("cannot read the archive ({e})"))?;
        let reader: Box<dyn BufRead + 'a> = if head.starts_with(&[0x1f, 0x8b]) {
            Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(source)))
        } else {
            source
        };
        let mut records = Records {
            reader,
            position: 0,
            finished: false,
        };
        let start = records
            .reader
            .fill_buf()
            .map_err(|e| format!("broken gzip data ({e})"))?;
        if !start.starts_with(b"WARC/") {
            return Err("not a WARC file (no WARC/1.x header)".to_string());
        }
        Ok(records)
    }

    /// The next record, `None` at the end of the archive.
    fn next_record(&mut self) -> Result<Option<Record>, String> {
        skip_blank_lines(&mut self.reader).map_err(|e| self.broken(e))?;
        let at_end = match self.reader.fill_buf() {
            Ok(rest) => rest.is_empty(),
            Err(e) => return Err(self.broken(e)),
        };
        if at_end {
            return Ok(None);
        }
        self.position += 1;
        let position = self.position;
        let head = read_header_block(&mut self.reader)
            .map_err(|e| self.broken(e))?
            .ok_or_else(|| format!("record {position}: its headers never end"))?;
        if !head.starts_with(b"WARC/") {
            return Err(format!("record {position}: not a WARC record header"));
        }
        let headers = header_lines(&head);
        let length: u64 = header(&headers, "content-length")
            .and_then(|l| l.trim().parse().ok())
            .ok_or_else(|| format!("record {position}: no Content-Length"))?;
        let cut_short = || format!("record {position}: cut short ({length} bytes announced)");
        let is_response =
            header(&headers, "warc-type").is_some_and(|kind| kind.eq_ignore_ascii_case("response"));
        if !is_response || length > MAX_RECORD_BYTES {
            let skipped =
                std::io::copy(&mut self.reader.by_ref().take(length), &mut std::io::sink())
                    .map_err(|e| self.broken(e))?;
            if skipped != length {
                return Err(cut_short());
            }
            let kind = match header(&headers, "warc-type") {
                _ if is_response => "too large".to_string(),
                Some(kind) => kind.to_ascii_lowercase(),
                None => "unknown".to_string(),
            };
            return Ok(Some(Record::PassedOver(kind)));
        }
        let mut block = Vec::with_capacity(length as usize);
        self.reader
            .by_ref()
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| self.broken(e))?;
        if block.len() as u64 != length {
            return Err(cut_short());
        }
        Ok(Some(match record_page(&headers, &block) {
            Ok(html) => Record::Page(Capture {
                position,
                url: header(&headers, "warc-target-uri")
                    .map(|u| u.trim_matches(['<', '>', ' ']).to_string()),
                captured: header(&headers, "warc-date")
                    .and_then(|d| d.get(..10))
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                html,
            }),
            Err(kind) => Record::PassedOver(kind),
        }))
    }

    fn broken(&self, error: std::io::Error) -> String {
        format!(
            "broken data after record {} ({error})",
            self.position.saturating_sub(1)
        )
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let next = self.next_record().transpose();
        // After a broken record nothing further can be trusted to line up.
        self.finished = !matches!(next, Some(Ok(_)));
        next
    }
}

fn skip_blank_lines(reader: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        let blank = buffer
            .iter()
            .take_while(|b| **b == b'\r' || **b == b'\n')
            .count();
        let all = blank == buffer.len();
        reader.consume(blank);
        if !all {
            return Ok(());
        }
    }
}

/// Header lines up to the blank line that ends them (the blank line read too); `None`
/// when no blank line comes within the limit.
fn read_header_block(reader: &mut dyn BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let room = MAX_HEADER_BYTES.saturating_sub(before as u64);
        reader.take(room).read_until(b'\n', &mut head)?;
        let line = &head[before..];
        if line.is_empty() || !line.ends_with(b"\n") {
            return Ok(None);
        }
        if line == b"\r\n" || line == b"\n" {
            head.truncate(before);
            return Ok(Some(head));
        }
    }
}

/// Header lines as (lower-cased name, value).
type Headers = Vec<(String, String)>;

fn header_lines(head: &[u8]) -> Headers {
    String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect()
}

/// An HTTP response's header lines up to the blank line, and what follows it.
fn split_headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let mut reader = bytes;
    let head = read_header_block(&mut reader).ok()??;
    Some((header_lines(&head), reader))
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The HTML page a record holds, or the kind of record it is instead.
fn record_page(headers: &[(String, String)], block: &[u8]) -> Result<Vec<u8>, String> {
    let kind = header(headers, "warc-type")
        .unwrap_or("unknown")
        .to_ascii_lowercase();
    if kind != "response" {
        return Err(kind);
    }
    let status_end = block
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(block.len());
    let status_line = String::from_utf8_lossy(&block[..status_end]);
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (http, body) = split_headers(block).ok_or("response without HTTP headers")?;
    match status {
        200 => {}
        300..=399 => return Err(format!("redirect ({status})")),
        _ => return Err(format!("error ({status})")),
    }
    let content_type = header(&http, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    if !content_type.contains("html") {
        let kind = content_type.split(';').next().unwrap_or("").trim();
        return Err(format!(
            "not HTML ({})",
            if kind.is_empty() { "no type" } else { kind }
        ));
    }
    let body = if header(&http, "transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        dechunk(body).ok_or("broken chunked encoding")?
    } else {
        body.to_vec()
    };
    match header(&http, "content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("gzip") | Some("x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..])),
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]))
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]))),
        Some("identity") | None => Ok(body),
        Some(other) => Err(format!("not HTML (content encoding {other})")),
    }
}

fn inflate(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader
        .take(MAX_PAGE_BYTES)
        .read_to_end(&mut out)
        .map_err(|_| "broken compressed page".to_string())?;
    Ok(out)
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body
            .get(size..)?
            .strip_prefix(b"\r\n")
            .unwrap_or(body.get(size..)?);
    }
}

/// Normalizes every page of an archive held in memory, each `path:N` by its record's
/// position; a page the HTML reader cannot use fails alone.
pub fn normalize(
    origin: &super::Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Vec<Result<crate::clipping::Clipping, crate::input::Failure>> {
    match Records::new(Box::new(bytes)) {
        Ok(records) => normalize_records(origin, records, today),
        Err(reason) => vec![Err(crate::input::Failure::new(origin.path, reason))],
    }
}

/// Normalizes every page `records` holds, in order; a break in the archive keeps the
/// pages before it and is reported after them.
pub fn normalize_records(
    origin: &super::Origin,
    records: Records,
    today: NaiveDate,
) -> Vec<Result<crate::clipping::Clipping, crate::input::Failure>> {
    use crate::input::Failure;
    let mut out = Vec::new();
    for record in records {
        match record {
            Ok(Record::Page(capture)) => out.push(normalize_capture(origin, &capture, today)),
            Ok(Record::PassedOver(_)) => {}
            Err(reason) => out.push(Err(Failure::new(origin.path, reason))),
        }
    }
    if out.is_empty() {
        out.push(Err(Failure::new(origin.path, NO_PAGES)));
    }
    out
}

/// Why an archive without pages gives no records.
pub const NO_PAGES: &str = "no HTML pages captured in the archive";

/// Normalizes one captured page of the archive `origin` names, as `path:N`.
pub fn normalize_capture(
    origin: &super::Origin,
    capture: &Capture,
    today: NaiveDate,
) -> Result<crate::clipping::Clipping, crate::input::Failure> {
    let path = super::json::record_path(origin.path, Some(capture.position));
    let fail = |reason: String| crate::input::Failure::new(&path, reason);
    let here = super::Origin {
        path: &path,
        ..origin.clone()
    };
    let html = crate::input::decode_html(&capture.html).map_err(|e| fail(e.to_string()))?;
    let outside = crate::clipping::Stated {
        url: capture.url.clone(),
        ..Default::default()
    };
    let mut clipping =
        super::normalize_html(&html, outside, &here, today).map_err(|e| fail(e.to_string()))?;
    if clipping.date_source == crate::clipping::DateSource::Mtime
        && let Some(captured) = capture.captured
    {
        clipping.date = captured;
    }
    Ok(clipping)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// One WARC record.
    pub fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    pub fn response(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn pages_are_kept_and_other_records_counted() {
        let page =
            b"<html><body><article><h1>Quay</h1><p>The quay reopened.</p></article></body></html>";
        let chunked =
            b"1b\r\n<html><body><p>Chunked page\r\na\r\n</p></body\r\n1\r\n>\r\n0\r\n\r\n";
        let mut warc = Vec::new();
        warc.extend(gzip(&record("warcinfo", "", b"software: test")));
        warc.extend(gzip(&record(
            "request",
            "https://a.example/",
            b"GET / HTTP/1.1\r\n\r\n",
        )));
        warc.extend(gzip(&record(
            "response",
            "https://a.example/quay",
            &response(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n",
                &gzip(page),
            ),
        )));
        warc.extend(gzip(&record(
            "response",
            "https://a.example/old",
            &response("301 Moved", "Location: /new\r\n", b""),
        )));
        warc.extend(gzip(&record(
            "response",
            "https://a.example/gone",
            &response("404 Not Found", "Content-Type: text/html\r\n", b"<p>no</p>"),
        )));
        warc.extend(gzip(&record(
            "response",
            "https://a.example/logo.png",
            &response("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        )));
        warc.extend(gzip(&record(
            "response",
            "https://a.example/chunked",
            &response(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                chunked,
            ),
        )));
        warc.extend(gzip(&record("revisit", "https://a.example/quay", b"")));
        let archive = read(&warc).unwrap();
        assert_eq!(archive.pages.len(), 2);
        assert_eq!(archive.pages[0].html, page);
        assert_eq!(
            archive.pages[0].url.as_deref(),
            Some("https://a.example/quay")
        );
        assert_eq!(
            archive.pages[0].captured,
            NaiveDate::from_ymd_opt(2024, 5, 6)
        );
        assert_eq!(archive.pages[0].position, 3);
        assert_eq!(
            String::from_utf8_lossy(&archive.pages[1].html),
            "<html><body><p>Chunked page</p></body>"
        );
        let counts: Vec<(&str, usize)> = archive
            .passed_over
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(
            counts,
            [
                ("error (404)", 1),
                ("not HTML (image/png)", 1),
                ("redirect (301)", 1),
                ("request", 1),
                ("revisit", 1),
                ("warcinfo", 1)
            ]
        );
    }

    #[test]
    fn broken_archives_are_refused() {
        assert!(read(b"").unwrap_err().contains("not a WARC"));
        assert!(
            read(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n")
                .unwrap_err()
                .contains("Content-Length")
        );
        assert!(
            read(b"WARC/1.0\r\nContent-Length: 99\r\n\r\nshort")
                .unwrap_err()
                .contains("cut short")
        );
        assert!(read(&[0x1f, 0x8b, 1, 2, 3]).unwrap_err().contains("gzip"));
    }
}
