//! What the rest of a document says about a capitalised word: whether it follows a title
//! or a first name somewhere ("Judge Orrick", "William Orrick"), sits in a company's name
//! ("Pirelli SpA"), follows "in" like a place or "the" like a thing, or is also written in
//! lower case. One pass over the document before tagging; the tagger reads it as features
//! of each mention.

use super::tagger::{Lexicon, may_be_name};
use super::tokens::Token;
use crate::fasthash::IntMap;

/// Facts about one word, one bit each.
pub type Facts = u16;

/// Somewhere it follows a title or honorific ("Mr", "Judge", "President").
pub const AFTER_TITLE: Facts = 1;
/// Somewhere it follows a known first name.
pub const AFTER_FIRST_NAME: Facts = 1 << 1;
/// Somewhere a capitalised word seen in other names follows it ("Pirelli Tyres").
pub const BEFORE_ENTITY_WORD: Facts = 1 << 2;
/// Somewhere it follows "in", "at", "from" or "to" ("in Tavildara").
pub const AFTER_PLACE_WORD: Facts = 1 << 3;
/// Somewhere it is written in lower case.
pub const LOWER_CASE: Facts = 1 << 4;
/// Somewhere it is followed by "said", "says", "told" or "added".
pub const BEFORE_SPEECH: Facts = 1 << 5;
/// Somewhere it is the last of two or more capitalised words.
pub const ENDS_RUN: Facts = 1 << 6;
/// Somewhere it stands alone: no capitalised word next to it, not opening a sentence.
pub const ALONE: Facts = 1 << 7;
/// Somewhere a known first name follows it ("Orrick, William" lists; also "Pirelli Marco").
pub const BEFORE_FIRST_NAME: Facts = 1 << 8;
/// Somewhere it follows a corporate word ("the company", "shares of").
pub const AFTER_BUSINESS_WORD: Facts = 1 << 9;

/// Somewhere it follows "the" ("the Palisades fire"): people seldom do.
pub const AFTER_THE: Facts = 1 << 10;

/// The number of fact bits.
pub const FACTS: u32 = 11;

/// The facts of a document's words, by the key of their lower-case form.
#[derive(Debug, Default)]
pub struct Evidence {
    facts: IntMap<u64, Facts>,
}

impl Evidence {
    /// Gathers the facts of every word in `sentences`, given each sentence's word keys
    /// (empty for a sentence that cannot hold a name, which is passed over).
    pub fn gather(sentences: &[&[Token<'_>]], keys: &[Vec<u64>], lexicon: &Lexicon) -> Self {
        let mut facts: IntMap<u64, Facts> = IntMap::default();
        let mut lower_case: Vec<u64> = Vec::new();
        for (tokens, keys) in sentences.iter().zip(keys) {
            if keys.len() != tokens.len() {
                continue;
            }
            let capitalised: Vec<bool> = tokens.iter().map(|t| may_be_name(&t.text)).collect();
            for (i, token) in tokens.iter().enumerate() {
                let word = token.text.as_ref();
                if !capitalised[i] {
                    if word.chars().next().is_some_and(char::is_lowercase) {
                        lower_case.push(keys[i]);
                    }
                    continue;
                }
                let mut found: Facts = 0;
                let before = i
                    .checked_sub(1)
                    .map(|b| (&tokens[b].text, keys[b], capitalised[b]));
                let after = tokens
                    .get(i + 1)
                    .map(|t| (&t.text, keys[i + 1], capitalised[i + 1]));
                if let Some((text, key, upper)) = before {
                    if super::is_title_word(text) {
                        found |= AFTER_TITLE;
                    } else if upper && lexicon.first_names.contains(&key) {
                        found |= AFTER_FIRST_NAME;
                    }
                    if matches!(
                        text.as_ref(),
                        "in" | "at" | "from" | "to" | "near" | "above" | "across" | "outside"
                    ) {
                        found |= AFTER_PLACE_WORD;
                    }
                    if matches!(text.as_ref(), "the" | "The") {
                        found |= AFTER_THE;
                    }
                    if matches!(
                        text.as_ref(),
                        "company" | "firm" | "group" | "maker" | "of" | "unit" | "subsidiary"
                    ) {
                        found |= AFTER_BUSINESS_WORD;
                    }
                    if upper && after.is_none_or(|(_, _, upper)| !upper) {
                        found |= ENDS_RUN;
                    }
                }
                if let Some((text, key, upper)) = after {
                    if upper && lexicon.entity_words.contains(&key) {
                        found |= BEFORE_ENTITY_WORD;
                    }
                    if upper && lexicon.first_names.contains(&key) {
                        found |= BEFORE_FIRST_NAME;
                    }
                    if matches!(text.as_ref(), "said" | "says" | "told" | "added") {
                        found |= BEFORE_SPEECH;
                    }
                }
                let opens_sentence = super::opens_sentence(tokens, i);
                let neighbour_upper = before.is_some_and(|(_, _, upper)| upper)
                    || after.is_some_and(|(_, _, upper)| upper);
                if !opens_sentence && !neighbour_upper {
                    found |= ALONE;
                }
                *facts.entry(keys[i]).or_default() |= found;
            }
        }
        // Only the words capitalised somewhere are kept, most articles' words are not:
        // [`Evidence::of`] knows that a word it does not hold, written in lower case,
        // has that one fact.
        for key in lower_case {
            if let Some(found) = facts.get_mut(&key) {
                *found |= LOWER_CASE;
            }
        }
        Evidence { facts }
    }

    /// The facts gathered for `word`, whose key is `key`.
    pub fn of(&self, key: u64, word: &str) -> Facts {
        match self.facts.get(&key) {
            Some(&found) => found,
            None if word.chars().next().is_some_and(char::is_lowercase) => LOWER_CASE,
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::persons::tagger::{sentence_keys, word_key};
    use crate::normalize::persons::tokens::tokenize;

    #[test]
    fn facts_come_from_every_sentence_of_the_document() {
        let mut lexicon = Lexicon::default();
        lexicon.first_names.insert(word_key("william"));
        lexicon.entity_words.insert(word_key("tyres"));
        let sentences = [
            "Judge William Orrick ruled on Tuesday .",
            "Orrick said the county erred , and Pirelli Tyres agreed .",
            "Workers in Tavildara and at the Palisades fire went home ; a rally ended .",
            "Harris County sued .",
        ];
        let tokens: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(s)).collect();
        let slices: Vec<&[Token]> = tokens.iter().map(Vec::as_slice).collect();
        let keys: Vec<Vec<u64>> = slices.iter().map(|s| sentence_keys(s)).collect();
        let evidence = Evidence::gather(&slices, &keys, &lexicon);
        let of = |word: &str| evidence.of(word_key(&word.to_lowercase()), word);
        let cases: [(&str, Facts, Facts); 6] = [
            ("william", AFTER_TITLE, AFTER_FIRST_NAME),
            (
                "orrick",
                AFTER_FIRST_NAME | BEFORE_SPEECH | ENDS_RUN,
                AFTER_THE,
            ),
            ("pirelli", BEFORE_ENTITY_WORD, ALONE),
            ("tavildara", AFTER_PLACE_WORD | ALONE, AFTER_TITLE),
            ("palisades", AFTER_THE, AFTER_FIRST_NAME),
            ("rally", LOWER_CASE, !LOWER_CASE),
        ];
        for (word, present, absent) in cases {
            assert_eq!(of(word) & present, present, "{word}: {:b}", of(word));
            assert_eq!(of(word) & absent, 0, "{word}: {:b}", of(word));
        }
        // Words written in lower case somewhere are marked, where they are capitalised too
        // ("county" and "Harris County"); words never so written are not.
        assert_eq!(of("Workers") & LOWER_CASE, 0);
        assert_eq!(of("Tavildara") & LOWER_CASE, 0);
        assert_ne!(of("County") & LOWER_CASE, 0);
        assert_eq!(of(","), 0);
    }
}
