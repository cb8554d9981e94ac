//! Splits text into word and punctuation tokens the way the name tagger was trained:
//! punctuation apart, possessive "'s" apart, abbreviations like "U.S." and "Mr." whole.

/// One token and where it sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token, with curly apostrophes made straight.
    pub text: String,
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // A possessive: "'s" after a word.
            let possessive = is_apostrophe(c)
                && chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
                && chars.get(i + 2).is_none_or(|&(_, n)| !n.is_alphanumeric())
                && i > 0
                && chars[i - 1].1.is_alphanumeric();
            let len = if possessive { 2 } else { 1 };
            tokens.push(Token {
                text: if possessive {
                    "'s".to_string()
                } else {
                    c.to_string()
                },
                start,
                end: end_of(i + len),
            });
            i += len;
            continue;
        }
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            // Hyphens and apostrophes inside a word ("O'Brien", "Ocasio-Cortez"), but not
            // a possessive "'s".
            let inner = (c == '-' || is_apostrophe(c) || c == '&') && next_alnum;
            let possessive = is_apostrophe(c)
                && chars.get(j + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
                && chars.get(j + 2).is_none_or(|&(_, n)| !n.is_alphanumeric());
            if inner && !possessive {
                j += 1;
                continue;
            }
            // A full stop in an abbreviation: "U.S.", "Mr.", "Jr.".
            if c == '.' && is_abbreviation(&chars[i..j], chars.get(j + 1).map(|&(_, n)| n)) {
                j += 1;
                continue;
            }
            break;
        }
        let word: String = chars[i..j]
            .iter()
            .map(|&(_, c)| if c == '’' { '\'' } else { c })
            .collect();
        tokens.push(Token {
            text: word,
            start,
            end: end_of(j),
        });
        i = j;
    }
    tokens
}

/// Titles and abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St",
    "Jr", "Sr", "Rev", "Hon", "Mt", "Co", "Corp", "Inc", "Ltd", "No", "Fr",
];

fn is_abbreviation(word: &[(usize, char)], next: Option<char>) -> bool {
    let word: String = word.iter().map(|&(_, c)| c).collect();
    // Single capitals with dots: "U.S.", "J.", "W.E.B.".
    let initials = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    let titled = ABBREVIATIONS.contains(&word.as_str());
    (initials || titled) && next.is_none_or(|n| !n.is_alphanumeric() || n.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
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
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Mayor Keith Wilson’s city";
        for token in tokenize(text) {
            let slice = &text[token.start..token.end];
            assert_eq!(slice.replace('’', "'"), token.text);
        }
    }
}
