//! Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
//! Windows-1252; binary files are refused with a reason.

use std::borrow::Cow;

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no bytes at all.
    #[error("empty file")]
    Empty,
    /// The file holds binary data, not text.
    #[error("binary file ({0}), not text")]
    Binary(&'static str),
}

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Decodes `bytes` as text, guessing the encoding as described in the module docs.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_unmarked(rest);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return Ok(text);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    decode_unmarked(bytes)
}

/// Decodes a web page: a BOM first, then UTF-8 when the bytes are valid UTF-8 (declared
/// charsets are often wrong in saved pages), then the charset the page declares, then
/// Windows-1252 for the bytes that are not UTF-8.
pub fn decode_html(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") || encoding_rs::Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return match binary_kind(bytes) {
            Some(kind) => Err(DecodeError::Binary(kind)),
            None => Ok(Cow::Borrowed(text)),
        };
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    match declared_charset(bytes) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, _, _) = encoding.decode(bytes);
            Ok(text)
        }
        _ => decode_unmarked(bytes),
    }
}

/// The encoding named by `<meta charset>` or `<meta http-equiv content="…; charset=…">`
/// in the first kilobytes, other than UTF-8: only bytes that are not UTF-8 ask, so a
/// UTF-8 label is wrong, and a page saved inside another (a web archive's frame) names
/// its own charset after the frame's.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(32 * 1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.match_indices("charset=").find_map(|(at, found)| {
        let label: String = head
            .get(at + found.len()..)?
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
    })
}

fn decode_unmarked(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    // Bytes that are not UTF-8 are almost always a Windows code page in saved clippings;
    // decoding only those keeps the UTF-8 parts of a mixed file intact.
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let (invalid, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.push_str(&invalid);
    }
    Ok(Cow::Owned(text))
}

#[cfg(test)]
mod html_tests {
    use super::*;

    #[test]
    fn html_charsets() {
        let latin1 =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body>Stra\xdfe</body></html>";
        assert!(decode_html(latin1).unwrap().contains("Straße"));
        let koi8 = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9</p>";
        assert!(decode_html(koi8).unwrap().contains("При"));
        // Declared Latin-1 but really UTF-8: the bytes win.
        let mislabelled = "<meta charset=\"iso-8859-1\"><p>Straße</p>".as_bytes();
        assert!(decode_html(mislabelled).unwrap().contains("Straße"));
        // A page kept inside an archive's frame: the frame says UTF-8, the page GB2312.
        let framed = b"<meta charset=\"utf-8\"><div id=frame></div><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>\xd6\xd0\xce\xc4</p>";
        assert!(decode_html(framed).unwrap().contains("中文"));
        assert!(decode_html(b"\x89PNG\r\n\x1a\n\0\0").is_err());
    }
}

/// Names the kind of binary data `bytes` starts with, or `None` when it looks like text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7FELF", "executable"),
        (b"MZ", "executable"),
        (b"\x1F\x8B", "gzip archive"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    // A few stray control bytes happen in pasted text; a tenth of the file does not.
    if control * 10 > head.len() {
        return Some("mostly control characters");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], &str)] = &[
            (b"plain ascii", "plain ascii"),
            ("caf\u{e9} d\u{e9}j\u{e0}".as_bytes(), "café déjà"),
            (b"\xEF\xBB\xBFwith bom", "with bom"),
            (b"caf\xE9 \x93quoted\x94", "café “quoted”"),
            (
                b"caf\xC3\xA9 and \x93stray\x94 bytes",
                "café and “stray” bytes",
            ),
            (b"\xFF\xFEh\x00i\x00", "hi"),
            (b"\xFE\xFF\x00h\x00i", "hi"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(decode(bytes).unwrap(), *expected, "{bytes:?}");
        }
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n..."),
            Err(DecodeError::Binary("PNG image"))
        );
        assert_eq!(
            decode(b"text\0with nul"),
            Err(DecodeError::Binary("contains NUL bytes"))
        );
        let noise: Vec<u8> = (0..200).map(|i| (i % 8) as u8 + 1).collect();
        assert_eq!(
            decode(&noise),
            Err(DecodeError::Binary("mostly control characters"))
        );
    }
}
