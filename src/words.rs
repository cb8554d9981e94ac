//! Words as runs of letters and digits, found byte by byte in ASCII text and by
//! decoding only the characters beyond it: the word boundaries of the index's analyzers
//! (tantivy's `SimpleTokenizer`'s) and of the copy signatures.

/// One word of a text: its byte range and whether it is all ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where the word starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// True when every character is ASCII.
    pub ascii: bool,
}

/// The words of a text in order: maximal runs of alphanumeric characters.
pub(crate) struct Words<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    at: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn of(text: &'a str) -> Words<'a> {
        Words { text, at: 0 }
    }

    /// The first alphanumeric character at or after `from`.
    fn word_start(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        loop {
            at += bytes
                .get(at..)?
                .iter()
                .position(|&b| CLASS[b as usize] != SEPARATOR)?;
            if CLASS[bytes[at] as usize] == ASCII_WORD {
                return Some(at);
            }
            let c = self.char_at(at);
            if c.is_alphanumeric() {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }

    /// The end of the word that starts at `from`, and whether it is all ASCII.
    fn word_end(&self, from: usize) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let mut at = from;
        let mut ascii = true;
        loop {
            match bytes[at..]
                .iter()
                .position(|&b| CLASS[b as usize] != ASCII_WORD)
            {
                None => return (bytes.len(), ascii),
                Some(n) => at += n,
            }
            if CLASS[bytes[at] as usize] == SEPARATOR {
                return (at, ascii);
            }
            let c = self.char_at(at);
            if !c.is_alphanumeric() {
                return (at, ascii);
            }
            ascii = false;
            at += c.len_utf8();
        }
    }

    /// The character that starts at byte `at`, always a character boundary here: the
    /// scans step over ASCII bytes and whole characters only.
    fn char_at(&self, at: usize) -> char {
        self.text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or_default()
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let start = self.word_start(self.at)?;
        let (end, ascii) = self.word_end(start);
        self.at = end;
        Some(Word { start, end, ascii })
    }
}

/// What a byte says on its own: an ASCII letter or digit, other ASCII, or part of a
/// longer character that must be decoded to be judged.
const SEPARATOR: u8 = 0;
const ASCII_WORD: u8 = 1;
const NOT_ASCII: u8 = 2;
const CLASS: [u8; 256] = {
    let mut class = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = if b >= 0x80 {
            NOT_ASCII
        } else if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            SEPARATOR
        };
        b += 1;
    }
    class
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_runs_of_alphanumeric_characters() {
        let texts = [
            "",
            " ,. ",
            "Hello, happy tax-payer!",
            "Zürich: 12 Millionen für den Hafen – Straße",
            "東京都 2019年4月4日 서울",
            "e\u{301}te\u{301} naïve\u{00a0}word 🙂x ①②",
            "ÉCOLE",
        ];
        for text in texts {
            let plain: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let found: Vec<&str> = Words::of(text)
                .map(|w| text.get(w.start..w.end).unwrap_or_default())
                .collect();
            assert_eq!(found, plain, "{text:?}");
            for w in Words::of(text) {
                let word = text.get(w.start..w.end).unwrap_or_default();
                assert_eq!(w.ascii, word.is_ascii(), "{word:?}");
            }
        }
    }
}
