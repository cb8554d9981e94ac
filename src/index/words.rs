//! Words for both analyzers in one pass: the tokens tantivy's `SimpleTokenizer`,
//! `RemoveLongFilter`, `LowerCaser` and `AsciiFoldingFilter` make together, found and
//! lower-cased byte by byte for ASCII words, which are nearly all the words of English
//! news. Those four filters chained cost more than a sixth of an ingest.

use crate::words::{Word, Words};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Words this many bytes long or longer are dropped (encoded data, runs of letters), as
/// `RemoveLongFilter::limit(40)` drops them; they still take a position.
const LONGEST_WORD_BYTES: usize = 40;

/// Splits text into words (runs of alphanumeric characters), drops overlong ones, and
/// lower-cases and folds accents, as the four tantivy filters chained do, token for token
/// (text, position and offsets).
#[derive(Clone)]
pub struct WordTokenizer {
    token: Token,
    /// Lower-cases and folds one whole word: tantivy's own filters, for the words that
    /// are not ASCII, so that those come out exactly as before.
    fold: TextAnalyzer,
}

impl Default for WordTokenizer {
    fn default() -> Self {
        WordTokenizer {
            token: Token::default(),
            fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            words: Words::of(text),
            token: &mut self.token,
            fold: &mut self.fold,
        }
    }
}

/// The token stream of [`WordTokenizer`].
pub struct WordStream<'a> {
    text: &'a str,
    words: Words<'a>,
    token: &'a mut Token,
    fold: &'a mut TextAnalyzer,
}

/// What [`WordStream::step`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// A word: the token holds it.
    Word,
    /// A word too long to be a token: it takes a position, and the token's offsets say
    /// where it stands, but its text is not set.
    Overlong,
    /// No words are left.
    End,
}

impl WordStream<'_> {
    /// Moves to the next word, overlong ones included, so that a caller keeping the
    /// words of a text knows every position.
    pub(super) fn step(&mut self) -> Step {
        let Some(Word { start, end, ascii }) = self.words.next() else {
            return Step::End;
        };
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = end;
        if end - start >= LONGEST_WORD_BYTES {
            return Step::Overlong;
        }
        let word = self.text.get(start..end).unwrap_or_default();
        self.token.text.clear();
        if ascii {
            self.token.text.push_str(word);
            self.token.text.make_ascii_lowercase();
        } else {
            let mut folded = self.fold.token_stream(word);
            if folded.advance() {
                self.token.text.push_str(&folded.token().text);
            }
        }
        Step::Word
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            match self.step() {
                Step::Word => return true,
                Step::Overlong => {}
                Step::End => {
                    self.token.text.clear();
                    return false;
                }
            }
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    /// Every token as (text, position, start, end).
    pub(in crate::index) fn tokens(
        analyzer: &mut TextAnalyzer,
        text: &str,
    ) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// Asserts that ours and tantivy's chain give the same tokens for every text, one
    /// tokenizer of each reused throughout.
    fn assert_same_tokens<'a>(texts: impl IntoIterator<Item = &'a str>) {
        let mut ours = TextAnalyzer::from(WordTokenizer::default());
        let mut theirs = tantivy_chain();
        for text in texts {
            assert_eq!(
                tokens(&mut ours, text),
                tokens(&mut theirs, text),
                "{text:?}"
            );
        }
    }

    fn tantivy_chain() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    #[test]
    fn words_are_those_of_the_tantivy_filters_chained() {
        let long = "x".repeat(39);
        let too_long = "y".repeat(40);
        let texts = [
            String::new(),
            "   ,.;  ".to_string(),
            "Hello, happy tax payer!".to_string(),
            "The U.S. Federal Reserve's 2.5% rate-rise (on 12/03/2025)".to_string(),
            "Zürich: 12 Millionen für den Hafen – Straße, ÆRØ, Œuvre".to_string(),
            "Ελληνικά ΚΕΙΜΕΝΑ και λέξεις· Русский ТЕКСТ".to_string(),
            "東京都 2019年4月4日 서울 2019년 4월 4일".to_string(),
            "İSTANBUL İzmir ǅemal ﬁnance ①②③ ٣٤ x²".to_string(),
            "e\u{301}te\u{301} cafe\u{301} naïve\u{00a0}word\u{200b}join".to_string(),
            format!("{long} {too_long} {long}é {long}z after"),
            "trailing word".to_string(),
            "ÉCOLE".to_string(),
            "a\u{1F600}b 🙂 c".to_string(),
        ];
        assert_same_tokens(texts.iter().map(String::as_str));
    }

    #[test]
    fn a_reused_tokenizer_starts_each_text_afresh() {
        assert_same_tokens(["Second text, two", "Über", "", "one"]);
    }

    #[test]
    fn mixed_random_text_gives_the_same_tokens() {
        // Characters of every kind the scanner treats apart, drawn by a fixed generator.
        let alphabet: Vec<char> = "aZ9 .,-'\u{a0}éÆß∂Σσς漢字한ä\u{301}İ①٣\u{1F600}\t\n"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let texts: Vec<String> = (0..500)
            .map(|_| {
                let len = (next() % 120) as usize;
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect()
            })
            .collect();
        assert_same_tokens(texts.iter().map(String::as_str));
    }
}
