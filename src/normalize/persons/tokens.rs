//! Splits text into word and punctuation tokens the way the name tagger was trained:
//! punctuation apart, possessive "'s" apart, abbreviations like "U.S." and "Mr." whole.

use crate::normalize::text::is_cjk;
use std::borrow::Cow;

/// One token and where it sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token, with curly apostrophes made straight (borrowed from the text otherwise).
    pub text: Cow<'a, str>,
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// The character after the one at byte `at`.
fn char_after(text: &str, at: usize) -> Option<char> {
    let c = char_at(text, at)?;
    char_at(text, at + c.len_utf8())
}

fn is_possessive_at(text: &str, at: usize) -> bool {
    let Some(c) = char_at(text, at) else {
        return false;
    };
    let s_at = at + c.len_utf8();
    is_apostrophe(c)
        && char_at(text, s_at).is_some_and(|n| n == 's' || n == 'S')
        && char_after(text, s_at).is_none_or(|n| !n.is_alphanumeric())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, &mut tokens);
    tokens
}

/// Appends the tokens of `text` to `tokens`, their offsets moved on by `offset` (where
/// `text` starts in a larger text): a document's lines share one vector.
pub fn tokenize_into<'a>(text: &'a str, offset: usize, tokens: &mut Vec<Token<'a>>) {
    let mut at = 0;
    let mut previous = ' ';
    while let Some(c) = char_at(text, at) {
        let start = at;
        if c.is_whitespace() {
            at += c.len_utf8();
            previous = c;
            continue;
        }
        if !c.is_alphanumeric() {
            // A possessive: "'s" after a word.
            let possessive = previous.is_alphanumeric() && is_possessive_at(text, at);
            let end = if possessive {
                at + c.len_utf8() + 1
            } else {
                at + c.len_utf8()
            };
            tokens.push(Token {
                text: if possessive {
                    Cow::Borrowed("'s")
                } else {
                    Cow::Borrowed(text.get(start..end).unwrap_or_default())
                },
                start: offset + start,
                end: offset + end,
            });
            previous = if possessive { 's' } else { c };
            at = end;
            continue;
        }
        let mut end = at;
        let bytes = text.as_bytes();
        let mut ascii = true;
        // Chinese, Japanese and Korean run Latin words into theirs ("Tori Amos等歌手"): a
        // word ends where the script changes.
        let wide = is_cjk(c);
        loop {
            // Most words are ASCII letters and digits: skip them a byte at a time.
            while !wide && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            // …and most end at a space or a comma, which nothing below keeps in a word.
            if bytes
                .get(end)
                .is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'&' | b'.'))
            {
                break;
            }
            let Some(c) = char_at(text, end) else {
                break;
            };
            if c.is_alphanumeric() {
                if end > at && is_cjk(c) != wide {
                    break;
                }
                ascii &= c.is_ascii();
                end += c.len_utf8();
                continue;
            }
            let next_alnum = char_after(text, end).is_some_and(char::is_alphanumeric);
            // Hyphens and apostrophes inside a word ("O'Brien", "Ocasio-Cortez"), but not
            // a possessive "'s".
            let inner = (c == '-' || is_apostrophe(c) || c == '&') && next_alnum;
            if inner && !is_possessive_at(text, end) {
                ascii &= c.is_ascii();
                end += c.len_utf8();
                continue;
            }
            // A full stop in an abbreviation: "U.S.", "Mr.", "Jr.".
            if c == '.'
                && is_abbreviation(
                    text.get(start..end).unwrap_or_default(),
                    char_after(text, end),
                )
            {
                end += 1;
                continue;
            }
            break;
        }
        let slice = text.get(start..end).unwrap_or_default();
        // Most words are ASCII and cannot hold a curly apostrophe: not searched.
        let word = if !ascii && slice.contains('’') {
            Cow::Owned(slice.replace('’', "'"))
        } else {
            Cow::Borrowed(slice)
        };
        tokens.push(Token {
            text: word,
            start: offset + start,
            end: offset + end,
        });
        previous = match slice.as_bytes().last() {
            Some(&b) if ascii => b as char,
            _ => slice.chars().next_back().unwrap_or(' '),
        };
        at = end;
    }
}

/// Titles and abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St",
    "Jr", "Sr", "Rev", "Hon", "Mt", "Co", "Corp", "Inc", "Ltd", "No", "Fr",
];

fn is_abbreviation(word: &str, next: Option<char>) -> bool {
    // Single capitals with dots: "U.S.", "J.", "W.E.B.".
    let initials = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    let titled = ABBREVIATIONS.contains(&word);
    (initials || titled) && next.is_none_or(|n| !n.is_alphanumeric() || n.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.text.into_owned())
            .collect()
    }

    #[test]
    fn tokens_split_like_the_training_data() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Judge William Orrick wrote.",
                &["Judge", "William", "Orrick", "wrote", "."],
            ),
            ("Trump’s order", &["Trump", "'s", "order"]),
            (
                "Mr. O'Brien, U.S. envoy",
                &["Mr.", "O'Brien", ",", "U.S.", "envoy"],
            ),
            ("\"Obey the law\"", &["\"", "Obey", "the", "law", "\""]),
            ("Ocasio-Cortez said", &["Ocasio-Cortez", "said"]),
            ("He left. Then", &["He", "left", ".", "Then"]),
            // Words that end in, or hold, letters beyond ASCII, and ASCII words that end
            // at a letter beyond it.
            (
                "Zoë’s café, São Paulo—Jürgen's O’Neill-Żuk",
                &[
                    "Zoë",
                    "'s",
                    "café",
                    ",",
                    "São",
                    "Paulo",
                    "—",
                    "Jürgen",
                    "'s",
                    "O'Neill-Żuk",
                ],
            ),
            ("Dr. Müller y Peñaß.", &["Dr.", "Müller", "y", "Peñaß", "."]),
            ("abcé Δελτα 東京", &["abcé", "Δελτα", "東京"]),
            // Latin words run into Chinese, Japanese or Korean text end where it starts,
            // and the other way round; accents stay with their word.
            (
                "Tori Amos等歌手 专辑Music发行 José한국 ソニーSony",
                &[
                    "Tori",
                    "Amos",
                    "等歌手",
                    "专辑",
                    "Music",
                    "发行",
                    "José",
                    "한국",
                    "ソニー",
                    "Sony",
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Mayor Keith Wilson’s city";
        for token in tokenize(text) {
            let slice = text.get(token.start..token.end).unwrap();
            assert_eq!(slice.replace('’', "'"), token.text);
        }
    }
}
