//! English stems with a memory: news repeats its words, so each indexing thread keeps
//! the stems it has made and stems a word once, not at every occurrence. Stemming was
//! the largest single cost of an ingest after tantivy's own postings (about an eighth).

use crate::fasthash::IntMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words remembered per thread before the memory starts over: enough for a
/// news vocabulary, small enough (a few megabytes) not to matter.
const REMEMBERED_WORDS: usize = 50_000;

/// A token filter giving the English (Porter 2) stem of every token, as tantivy's
/// `Stemmer` does, with a cache.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: IntMap::default(),
        }
    }
}

/// What a word's stem is, as remembered: most English stems are the word itself or the
/// word cut short ("roads" → "road"), which a token takes by truncation, without copying.
#[derive(Clone)]
enum Stem {
    /// The word's first this many bytes.
    Prefix(usize),
    /// A stem that is not a prefix of its word ("cities" → "citi" is, "happy" → "happi"
    /// is not).
    Other(Box<str>),
}

/// The tokenizer [`CachedStemmer`] makes; each clone (one per thread) has its own cache,
/// keyed by a 64-bit hash of the word: comparing the words themselves cost as much as
/// stemming them, and two of 50,000 words sharing a hash is a one-in-ten-billion event.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: IntMap<u64, Stem>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.stems.len() > REMEMBERED_WORDS {
            self.stems.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut IntMap<u64, Stem>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // English stems leave words of one or two letters as they are ("a", "of", "to"):
        // a quarter of all words, not worth a lookup.
        if token.text.len() <= 2 {
            return true;
        }
        let key = xxhash_rust::xxh3::xxh3_64(token.text.as_bytes());
        let stem = match self.stems.get(&key) {
            Some(stem) => stem,
            None => {
                let stemmed = self.stemmer.stem(&token.text);
                let stem = if token.text.starts_with(stemmed.as_ref()) {
                    Stem::Prefix(stemmed.len())
                } else {
                    Stem::Other(stemmed.into())
                };
                self.stems.entry(key).or_insert(stem)
            }
        };
        match stem {
            Stem::Prefix(len) => token.text.truncate(*len),
            Stem::Other(other) => {
                token.text.clear();
                token.text.push_str(other);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_are_those_of_tantivys_stemmer_the_second_time_too() {
        let text = "The councils closed the roads; closing roads angered the council's runners, running again as is its way, by a happy city's cities";
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
        assert!(
            expected.contains(&"close".to_string()) && expected.contains(&"runner".to_string())
        );
    }

    #[test]
    fn stems_stay_right_when_the_memory_is_full_and_starts_over() {
        // More distinct words than the memory holds, half with stems that are not
        // prefixes ("...ies" → "...i"): the memory starts over on the way, twice.
        let letters = |mut n: usize| {
            let mut word = String::new();
            for _ in 0..4 {
                word.push((b'a' + (n % 26) as u8) as char);
                n /= 26;
            }
            word
        };
        let text: String = (0..45_000)
            .map(|n| format!("{}ies {}ing ", letters(n), letters(n + 7)))
            .collect();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CachedStemmer)
            .build();
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, &text);
        assert_eq!(tokens(&mut cached, &text), expected);
        assert_eq!(tokens(&mut cached, &text), expected);
    }
}
