//! What reaches a terminal: whatever bytes a clipping held, its text cannot move the
//! cursor, change colours, retitle the window or reorder a line. Human output marks its
//! own styles with private characters, and only this writer turns them into escape codes.

use std::io::{self, Write};

/// Bold, as the human renderer marks it; turned into an ANSI code on the way out.
pub const BOLD: &str = "\u{E001}";
/// Dim.
pub const DIM: &str = "\u{E002}";
/// A matched word: bold yellow.
pub const MATCH: &str = "\u{E003}";
/// Back to plain.
pub const RESET: &str = "\u{E000}";

/// A writer that makes everything written through it safe for a terminal, line by line.
pub struct Terminal<'a> {
    out: &'a mut dyn Write,
    line: Vec<u8>,
}

impl<'a> Terminal<'a> {
    /// Wraps `out`.
    pub fn new(out: &'a mut dyn Write) -> Terminal<'a> {
        Terminal {
            out,
            line: Vec::new(),
        }
    }

    fn emit(&mut self, upto: usize) -> io::Result<()> {
        let rest = self.line.split_off(upto);
        let line = std::mem::replace(&mut self.line, rest);
        self.out
            .write_all(shown(&String::from_utf8_lossy(&line)).as_bytes())
    }
}

impl Write for Terminal<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(bytes);
        while let Some(at) = self.line.iter().position(|&b| b == b'\n') {
            self.emit(at + 1)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let all = self.line.len();
        self.emit(all)?;
        self.out.flush()
    }
}

impl Drop for Terminal<'_> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// `text` as a terminal may show it: control characters as their visible pictures
/// (`␛`, `␇`), direction overrides as `�`, and style marks as ANSI codes.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{E001}' => out.push_str("\x1b[1m"),
            '\u{E002}' => out.push_str("\x1b[2m"),
            '\u{E003}' => out.push_str("\x1b[1;33m"),
            '\u{E000}' => out.push_str("\x1b[0m"),
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// `text` with any style marks it carries itself made harmless, before it is painted.
pub fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}']) {
        text.replace(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'], "\u{fffd}")
            .into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_bytes_cannot_drive_the_terminal() {
        let cases = [
            ("title\x1b]0;owned\x07", "title␛]0;owned␇"),
            ("clear\x1b[2J", "clear␛[2J"),
            ("back\rspace\x08", "back␍space␈"),
            ("c1\u{9b}31m", "c1\u{fffd}31m"),
            ("abc\u{202e}fed", "abc\u{fffd}fed"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("plain café 東京", "plain café 東京"),
        ];
        for (text, expected) in cases {
            assert_eq!(shown(text), expected, "{text:?}");
        }
        assert_eq!(shown(&format!("{BOLD}x{RESET}")), "\x1b[1mx\x1b[0m");
        assert_eq!(unmarked("a\u{E001}b"), "a\u{fffd}b");
    }

    #[test]
    fn the_writer_cleans_lines_split_across_writes() {
        let mut sink = Vec::new();
        {
            let mut terminal = Terminal::new(&mut sink);
            terminal.write_all(b"one \x1b").unwrap();
            terminal.write_all("[2J é\n".as_bytes()).unwrap();
            terminal.write_all(b"tail\x07").unwrap();
        }
        assert_eq!(String::from_utf8(sink).unwrap(), "one ␛[2J é\ntail␇");
    }
}
