//! English stems with a memory: news repeats its words, so each indexing thread keeps
//! the stems it has made (in `analysis`) and stems a word once, not at every occurrence.
//! Stemming was the largest single cost of an ingest after tantivy's own postings.

use crate::fasthash::IntMap;

/// Distinct words remembered per thread before the memory starts over: enough for a
/// news vocabulary, small enough (a few megabytes) not to matter.
const REMEMBERED_WORDS: usize = 50_000;

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

/// English (Porter 2) stems, as tantivy's `Stemmer` gives them, remembered by a 64-bit
/// hash of the word: comparing the words themselves cost as much as stemming them, and
/// two of 50,000 words sharing a hash is a one-in-ten-billion event.
#[derive(Clone)]
pub struct StemMemory {
    stems: IntMap<u64, Stem>,
    stemmer: frostem::Stemmer,
}

impl Default for StemMemory {
    fn default() -> Self {
        StemMemory {
            stems: IntMap::default(),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

impl StemMemory {
    /// Replaces `word`, a lower-cased word, by its stem.
    pub fn stem(&mut self, word: &mut String) {
        // English stems leave words of one or two letters as they are ("a", "of", "to"):
        // a quarter of all words, not worth a lookup.
        if word.len() <= 2 {
            return;
        }
        let key = xxhash_rust::xxh3::xxh3_64(word.as_bytes());
        // The length first: a word already remembered must not cost a second look-up.
        if self.stems.len() >= REMEMBERED_WORDS && !self.stems.contains_key(&key) {
            self.stems.clear();
        }
        let stem = self.stems.entry(key).or_insert_with(|| {
            let stemmed = self.stemmer.stem(word);
            if word.starts_with(stemmed.as_ref()) {
                Stem::Prefix(stemmed.len())
            } else {
                Stem::Other(stemmed.into())
            }
        });
        match stem {
            Stem::Prefix(len) => word.truncate(*len),
            Stem::Other(other) => {
                word.clear();
                word.push_str(other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    /// The stems tantivy's own filter gives the words of `text`.
    fn tantivy_stems(text: &str) -> Vec<String> {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut stream = plain.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// The stems the memory gives the same words.
    fn remembered_stems(memory: &mut StemMemory, text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut word = w.to_lowercase();
                memory.stem(&mut word);
                word
            })
            .collect()
    }

    #[test]
    fn stems_are_those_of_tantivys_stemmer_the_second_time_too() {
        let text = "The councils closed the roads; closing roads angered the council's runners, running again as is its way, by a happy city's cities";
        let mut memory = StemMemory::default();
        let expected = tantivy_stems(text);
        assert_eq!(remembered_stems(&mut memory, text), expected);
        assert_eq!(remembered_stems(&mut memory, text), expected);
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
        let mut memory = StemMemory::default();
        let expected = tantivy_stems(&text);
        assert_eq!(remembered_stems(&mut memory, &text), expected);
        assert!(memory.stems.len() <= REMEMBERED_WORDS);
        assert_eq!(remembered_stems(&mut memory, &text), expected);
    }
}
