//! Web archives (WARC, plain or gzip-compressed record by record or as a whole): each
//! `response` record holding an HTTP 200 HTML page becomes a page for the HTML reader,
//! with the captured address as its URL and the capture time as the last-resort date.
//! Requests, metadata, revisits, redirects, error pages and non-HTML records are passed
//! over and counted.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Read;

/// Largest archive unpacked in memory (a gzip bomb stops here).
const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;

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

/// Whether bytes look like a WARC file (plain or gzip-compressed).
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/") || bytes.starts_with(&[0x1f, 0x8b])
}

/// Reads an archive's records.
pub fn read(bytes: &[u8]) -> Result<Archive, String> {
    let unpacked = unpack(bytes)?;
    if !unpacked.starts_with(b"WARC/") {
        return Err("not a WARC file (no WARC/1.x header)".to_string());
    }
    let mut archive = Archive::default();
    let mut rest: &[u8] = &unpacked;
    let mut position = 0;
    while !rest.is_empty() {
        position += 1;
        let (headers, after) = split_headers(rest)
            .ok_or_else(|| format!("record {position}: its headers never end"))?;
        let length: usize = header(&headers, "content-length")
            .and_then(|l| l.trim().parse().ok())
            .ok_or_else(|| format!("record {position}: no Content-Length"))?;
        let block = after
            .get(..length)
            .ok_or_else(|| format!("record {position}: cut short ({length} bytes announced)"))?;
        rest = skip_newlines(&after[length..]);
        match record_page(&headers, block) {
            Ok(html) => archive.pages.push(Capture {
                position,
                url: header(&headers, "warc-target-uri")
                    .map(|u| u.trim_matches(['<', '>', ' ']).to_string()),
                captured: header(&headers, "warc-date")
                    .and_then(|d| d.get(..10))
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                html,
            }),
            Err(kind) => *archive.passed_over.entry(kind).or_default() += 1,
        }
    }
    Ok(archive)
}

fn unpack(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes.to_vec());
    }
    // Every record is usually its own gzip member: read them all, one after another.
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("broken gzip data ({e})"))?;
    if out.len() as u64 > MAX_UNPACKED_BYTES {
        return Err("the archive unpacks to more than 1 GB".to_string());
    }
    Ok(out)
}

/// Header lines as (lower-cased name, value).
type Headers = Vec<(String, String)>;

/// Header lines up to the blank line, and what follows it.
fn split_headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            bytes
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&bytes[..end.0]);
    let headers = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    Some((headers, &bytes[end.1..]))
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn skip_newlines(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| *b != b'\r' && *b != b'\n')
        .unwrap_or(bytes.len());
    &bytes[start..]
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
        .take(MAX_UNPACKED_BYTES)
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

/// Normalizes every page of an archive, each `path:N` by its record's position; a page
/// the HTML reader cannot use fails alone.
pub fn normalize(
    origin: &super::Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Vec<Result<crate::clipping::Clipping, crate::input::Failure>> {
    use crate::input::Failure;
    let archive = match read(bytes) {
        Ok(archive) => archive,
        Err(reason) => return vec![Err(Failure::new(origin.path, reason))],
    };
    if archive.pages.is_empty() {
        return vec![Err(Failure::new(
            origin.path,
            "no HTML pages captured in the archive",
        ))];
    }
    archive
        .pages
        .into_iter()
        .map(|capture| {
            let path = super::json::record_path(origin.path, Some(capture.position));
            let fail = |reason: String| Failure::new(&path, reason);
            let here = super::Origin {
                path: &path,
                ..origin.clone()
            };
            let html = crate::input::decode_html(&capture.html).map_err(|e| fail(e.to_string()))?;
            let outside = crate::clipping::Stated {
                url: capture.url.clone(),
                ..Default::default()
            };
            let mut clipping = super::normalize_html(&html, outside, &here, today)
                .map_err(|e| fail(e.to_string()))?;
            if clipping.date_source == crate::clipping::DateSource::Mtime
                && let Some(captured) = capture.captured
            {
                clipping.date = captured;
            }
            Ok(clipping)
        })
        .collect()
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
