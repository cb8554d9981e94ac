//! Web pages saved as one file (MHTML, a browser's "Webpage, single file"): the HTML part
//! goes through the HTML reader, its address is the page's URL, and the time it was saved
//! is only a last resort for the date.

use super::{NormalizeError, Origin, normalize_html};
use crate::clipping::{Clipping, DateSource, Stated};
use crate::input::decode_html;
use chrono::NaiveDate;
use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{Encoding, MessageParser, MimeHeaders};

/// What an MHTML file holds for a clipping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The page's HTML, decoded by its own charset declaration.
    pub html: String,
    /// The address the page was saved from.
    pub url: Option<String>,
    /// The day it was saved.
    pub saved: Option<NaiveDate>,
}

/// Reads the page out of an MHTML file.
pub fn read(bytes: &[u8]) -> Result<Snapshot, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or("not an MHTML file (no MIME headers)")?;
    let part = message
        .parts
        .iter()
        .find(|part| {
            part.content_type().is_some_and(|t| {
                t.ctype().eq_ignore_ascii_case("text")
                    && t.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html"))
            })
        })
        .ok_or("no HTML part in the MHTML file")?;
    // The part's own bytes, not mail-parser's text: a part without a charset parameter
    // would be decoded as the wrong charset; the page's `<meta charset>` says how.
    let raw = bytes
        .get(part.raw_body_offset() as usize..part.raw_end_offset() as usize)
        .unwrap_or_default();
    let decoded = match part.encoding {
        Encoding::QuotedPrintable => quoted_printable_decode(raw),
        Encoding::Base64 => base64_decode(raw),
        Encoding::None => Some(raw.to_vec()),
    }
    .ok_or("the HTML part's transfer encoding is broken")?;
    let html = decode_html(&decoded)
        .map_err(|e| e.to_string())?
        .into_owned();
    let url = message
        .header_raw("Snapshot-Content-Location")
        .or_else(|| part.content_location())
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    let saved = message.date().and_then(|d| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    });
    Ok(Snapshot { html, url, saved })
}

/// Normalizes an MHTML file: the page as the HTML reader reads it, dated by the time it
/// was saved only when neither the page nor its name gives a date.
pub fn normalize(
    origin: &Origin,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Clipping, NormalizeError> {
    let snapshot = read(bytes).map_err(NormalizeError::Malformed)?;
    let outside = Stated {
        url: snapshot.url.clone(),
        ..Stated::default()
    };
    let mut clipping = normalize_html(&snapshot.html, outside, origin, today)?;
    if clipping.date_source == DateSource::Mtime
        && let Some(saved) = snapshot.saved
    {
        clipping.date = saved;
    }
    Ok(clipping)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page saved the way Chromium saves one: quoted-printable HTML in cp1252 declared
    /// by a meta tag only, and an image part.
    pub const SAVED: &[u8] = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/harbour\r\nSubject: Harbour dredging\r\nDate: Tue, 4 Mar 2025 09:12:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----b\"\r\n\r\n------b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/harbour\r\n\r\n<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3Dwindows-1252\"><title>Dredging starts</title></head><body><article><h1>Dredging starts</h1><p>The caf=E9 on the quay closed while dredgers worked on the channel, the harbour=\r\n master said on Monday.</p></article></body></html>\r\n------b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example/logo.png\r\n\r\niVBORw0KGgo=\r\n------b--\r\n";

    #[test]
    fn the_html_part_is_read_with_its_own_charset() {
        let snapshot = read(SAVED).unwrap();
        assert!(
            snapshot.html.contains("café on the quay"),
            "{}",
            snapshot.html
        );
        assert!(snapshot.html.contains("the harbour master said"));
        assert_eq!(
            snapshot.url.as_deref(),
            Some("https://news.example/harbour")
        );
        assert_eq!(snapshot.saved, NaiveDate::from_ymd_opt(2025, 3, 4));
    }

    #[test]
    fn files_without_a_page_are_refused() {
        assert!(read(b"").is_err());
        let no_html = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        assert!(read(no_html).unwrap_err().contains("no HTML part"));
    }
}
