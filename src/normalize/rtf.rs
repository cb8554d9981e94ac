//! RTF documents as plain text: rtf-grimoire's tokens decoded here, with the document's
//! code page and each font's character set, `\u` characters and their fallbacks, and the
//! destinations that are not text (font and colour tables, pictures, fields, metadata)
//! left out.

use rtf_grimoire::tokenizer::{Token, read_token};

/// Destinations whose contents are not the document's text.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "fldinst",
    "filetbl",
    "revtbl",
    "footnote",
    "annotation",
    "nonshppict",
    "shppict",
    "bkmkstart",
    "bkmkend",
    "pgdsctbl",
];

/// What one group `{…}` carries: whether its text counts, its font's encoding, and how
/// many fallback characters follow a `\u`.
#[derive(Clone)]
struct Group {
    skip: bool,
    encoding: &'static encoding_rs::Encoding,
    fallback: usize,
    in_font_table: bool,
}

/// The encoding a Windows code page names, for `\ansicpg` and `\fcharset`.
fn code_page(page: i32) -> &'static encoding_rs::Encoding {
    let label = match page {
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        874 => "windows-874",
        1250..=1258 => {
            return encoding_rs::Encoding::for_label(format!("windows-{page}").as_bytes())
                .unwrap_or(encoding_rs::WINDOWS_1252);
        }
        10000 => "macintosh",
        65001 => "utf-8",
        _ => "windows-1252",
    };
    encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252)
}

/// The code page of an RTF font character set (`\fcharsetN`).
fn charset_page(charset: i32) -> Option<i32> {
    Some(match charset {
        0 => 1252,
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// Turns RTF bytes into text: paragraphs on their own lines.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"{\\rtf") {
        return Err("not an RTF document (no {\\rtf header)".to_string());
    }
    let mut decoder = Decoder::default();
    let mut rest = bytes;
    while !rest.is_empty() {
        match read_token(rest) {
            Ok((after, token)) => {
                decoder.take(token);
                rest = after;
            }
            // A byte the tokenizer does not know is passed over, not the whole file.
            Err(_) => rest = &rest[1..],
        }
    }
    decoder.flush();
    Ok(decoder.out)
}

struct Decoder {
    out: String,
    pending: Vec<u8>,
    stack: Vec<Group>,
    group: Group,
    fonts: std::collections::HashMap<i32, &'static encoding_rs::Encoding>,
    font: Option<i32>,
    skip_next: usize,
    starting_group: bool,
    high_surrogate: Option<u32>,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            out: String::new(),
            pending: Vec::new(),
            stack: Vec::new(),
            group: Group {
                skip: false,
                encoding: encoding_rs::WINDOWS_1252,
                fallback: 1,
                in_font_table: false,
            },
            fonts: Default::default(),
            font: None,
            skip_next: 0,
            starting_group: false,
            high_surrogate: None,
        }
    }
}

impl Decoder {
    fn take(&mut self, token: Token) {
        let starting = std::mem::replace(&mut self.starting_group, false);
        match token {
            Token::StartGroup => {
                self.flush();
                self.stack.push(self.group.clone());
                self.starting_group = true;
            }
            Token::EndGroup => {
                self.flush();
                if let Some(group) = self.stack.pop() {
                    self.group = group;
                }
            }
            Token::ControlSymbol('*') if starting => self.group.skip = true,
            Token::ControlSymbol(symbol) => self.symbol(symbol),
            Token::ControlWord { name, arg } => self.word(&name, arg, starting),
            Token::Text(bytes) => {
                for byte in bytes {
                    self.push_byte(byte);
                }
            }
            Token::ControlBin(_) | Token::Newline(_) => {}
        }
    }

    fn push_byte(&mut self, byte: u8) {
        if self.skip_next > 0 {
            self.skip_next -= 1;
        } else if !self.group.skip {
            self.pending.push(byte);
        }
    }

    fn push_str(&mut self, text: &str) {
        if !self.group.skip {
            self.flush();
            self.out.push_str(text);
        }
    }

    /// Decodes the bytes gathered so far; UTF-8 bytes in a file that declares an ANSI
    /// code page are read as UTF-8.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        match std::str::from_utf8(&bytes) {
            Ok(text) => self.out.push_str(text),
            Err(_) => self
                .out
                .push_str(&self.group.encoding.decode_without_bom_handling(&bytes).0),
        }
    }

    fn symbol(&mut self, symbol: char) {
        match symbol {
            '~' => self.push_str("\u{a0}"),
            '_' => self.push_str("\u{2011}"),
            '\\' | '{' | '}' => self.push_str(&symbol.to_string()),
            _ => {}
        }
    }

    fn word(&mut self, name: &str, arg: Option<i32>, starting: bool) {
        if starting && SKIPPED.contains(&name) {
            if name == "fonttbl" {
                self.group.in_font_table = true;
            }
            self.group.skip = true;
            return;
        }
        match (name, arg) {
            ("'", Some(byte)) => self.push_byte(byte as u8),
            ("ansicpg", Some(page)) => self.group.encoding = code_page(page),
            ("f", Some(n)) if self.group.in_font_table => self.font = Some(n),
            ("fcharset", Some(set)) if self.group.in_font_table => {
                if let (Some(font), Some(page)) = (self.font, charset_page(set)) {
                    self.fonts.insert(font, code_page(page));
                }
            }
            ("f", Some(n)) => {
                if let Some(encoding) = self.fonts.get(&n).copied() {
                    self.flush();
                    self.group.encoding = encoding;
                }
            }
            ("uc", Some(n)) => self.group.fallback = n.max(0) as usize,
            ("u", Some(code)) => {
                let code = if code < 0 { code + 65536 } else { code } as u32;
                // Characters beyond the first plane come as two surrogate halves.
                let c = match (self.high_surrogate.take(), code) {
                    (_, 0xD800..=0xDBFF) => {
                        self.high_surrogate = Some(code);
                        None
                    }
                    (Some(high), 0xDC00..=0xDFFF) => {
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    }
                    (_, code) => char::from_u32(code),
                };
                if let Some(c) = c {
                    self.push_str(&c.to_string());
                }
                self.skip_next = self.group.fallback;
            }
            ("par" | "line" | "sect" | "page" | "row", _) => self.push_str("\n"),
            ("cell", _) => self.push_str("\t"),
            ("tab", _) => self.push_str("\t"),
            ("emdash", _) => self.push_str("—"),
            ("endash", _) => self.push_str("–"),
            ("lquote", _) => self.push_str("‘"),
            ("rquote", _) => self.push_str("’"),
            ("ldblquote", _) => self.push_str("“"),
            ("rdblquote", _) => self.push_str("”"),
            ("bullet", _) => self.push_str("•"),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comes_out_with_code_pages_and_unicode() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fcharset204 Times;}}{\colortbl;\red0\green0\blue0;}{\info{\title Hidden}}{\*\generator Writer;}\f0 Caf\'e9 on the quay\par
{\f1 \'cf\'f0\'e8\'e2\'e5\'f2}\par \uc1\u8364?5 and \u-10179?\u-8704? \ldblquote quoted\rdblquote\par {\pict\pngblip 89504e47}after\tab the picture\par}";
        assert_eq!(
            text(rtf).unwrap(),
            "Café on the quay\nПривет\n€5 and 😀 “quoted”\nafter\tthe picture\n"
        );
    }

    #[test]
    fn utf8_bytes_under_an_ansi_declaration_stay_utf8() {
        let rtf = "{\\rtf1\\ansi\\ansicpg1252 Jörg Müller wrote\\par}".as_bytes();
        assert_eq!(text(rtf).unwrap(), "Jörg Müller wrote\n");
    }

    #[test]
    fn non_rtf_and_deep_nesting_do_not_break() {
        assert!(text(b"plain text").is_err());
        let deep = format!("{{\\rtf1 {}x{}}}", "{".repeat(5000), "}".repeat(5000));
        assert_eq!(text(deep.as_bytes()).unwrap(), "x");
    }
}
