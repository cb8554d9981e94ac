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

/// The tokenizer [`CachedStemmer`] makes; each clone (one per thread) has its own cache,
/// keyed by a 64-bit hash of the word: comparing the words themselves cost as much as
/// stemming them, and two of 50,000 words sharing a hash is a one-in-ten-billion event.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: IntMap<u64, Box<str>>,
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
    stems: &'a mut IntMap<u64, Box<str>>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let key = xxhash_rust::xxh3::xxh3_64(token.text.as_bytes());
        match self.stems.get(&key) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem: Box<str> = self.stemmer.stem(&token.text).into();
                token.text.clear();
                token.text.push_str(&stem);
                self.stems.insert(key, stem);
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
        let text = "The councils closed the roads; closing roads angered the council's runners, running again";
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
}
