//! One tagged span becomes a mention: titles and honorifics taken off and made roles,
//! roles before and after the name read, and spans that are not names rejected.

use super::lexicon::{
    CALENDAR_WORDS, COMPANY_WORDS, HONORIFICS, NOT_NAME_WORDS, ROLE_HEADS, ROLE_MODIFIERS, TITLES,
};
use super::tagger;
use super::tokens::Token;
use super::word_fold;
use std::ops::Range;

/// One occurrence of a name in the article.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// The name as written, titles and honorifics removed.
    pub(super) name: String,
    /// The name's words, folded.
    pub(super) words: Vec<String>,
    /// The form as written with its title ("Judge William Orrick"), when it had one.
    pub(super) titled: Option<String>,
    /// Roles given next to this mention.
    pub(super) roles: Vec<String>,
    /// Passage index, or `None` for the headline.
    pub(super) passage: Option<usize>,
}

/// Cleans one tagged span into a mention, or rejects it.
pub(super) fn mention(
    text: &str,
    tokens: &[Token],
    span: Range<usize>,
    passage: Option<usize>,
) -> Option<Mention> {
    let mut start = span.start;
    let mut roles = Vec::new();
    let mut titled_from = None;
    // Titles the tagger took into the name.
    while start < span.end {
        let word = word_fold(&tokens[start].text);
        if HONORIFICS.contains(&word.as_str()) {
            titled_from.get_or_insert(start);
            start += 1;
        } else if let Some((_, role)) = TITLES.iter().find(|(t, _)| *t == word) {
            titled_from.get_or_insert(start);
            roles.push(role.to_string());
            start += 1;
        } else {
            break;
        }
    }
    let span = start..span.end;
    if span.is_empty() {
        return None;
    }
    let words: Vec<String> = tokens[span.clone()]
        .iter()
        .map(|t| word_fold(&t.text))
        .collect();
    if names_a_place_or_body(tokens, span.start, span.end) {
        return None;
    }
    let has_letters = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    let not_a_name = words
        .iter()
        .any(|w| is_not_name_word(w) || CALENDAR_WORDS.contains(&w.as_str()));
    let single_letter = words.len() == 1 && words[0].chars().count() < 2;
    if !has_letters || not_a_name || single_letter {
        return None;
    }
    // A title written just before the name: "Judge William Orrick", "Mr Trump".
    if titled_from.is_none()
        && let Some(before) = span.start.checked_sub(1)
    {
        let word = word_fold(&tokens[before].text);
        let capitalised = tagger::may_be_name(&tokens[before].text);
        if capitalised && HONORIFICS.contains(&word.as_str()) {
            titled_from = Some(before);
        } else if capitalised && let Some((_, role)) = TITLES.iter().find(|(t, _)| *t == word) {
            // "Vice President", "Deputy Mayor": modifiers belong to the role.
            let mut words = vec![role.to_string()];
            let mut k = before;
            while k > 0 && ROLE_MODIFIERS.contains(&tokens[k - 1].text.to_lowercase().as_str()) {
                words.insert(0, tokens[k - 1].text.to_lowercase());
                k -= 1;
            }
            roles.push(words.join(" "));
            titled_from = Some(k);
        }
    }
    roles.extend(role_before(tokens, titled_from.unwrap_or(span.start)));
    roles.extend(role_after(text, tokens, span.end));
    let name = display_name(span_text(text, tokens, span.clone()));
    // A wire story's sign-off ("Reuter") or credit line is the agency, not a person.
    if crate::normalize::lexicon::news_agency(&name).is_some() {
        return None;
    }
    let titled = titled_from.map(|from| display_name(span_text(text, tokens, from..span.end)));
    roles.dedup();
    Some(Mention {
        name,
        words,
        titled,
        roles,
        passage,
    })
}

/// True for a word that is never (part of) a person's name: a set, as every mention's
/// words and neighbours are asked.
fn is_not_name_word(word: &str) -> bool {
    static WORDS: std::sync::LazyLock<crate::fasthash::IntSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            NOT_NAME_WORDS
                .iter()
                .chain(COMPANY_WORDS)
                .copied()
                .collect()
        });
    WORDS.contains(word)
}

/// True when the name is part of a place's or an institution's ("St Peter's Square",
/// "Martin Luther King Jr. Boulevard", "Harris County", "Bank of Japan"): a capitalised
/// word such names end with follows it (after a possessive or "Jr." at most), or comes
/// before it with "of".
fn names_a_place_or_body(tokens: &[Token], start: usize, end: usize) -> bool {
    let institution =
        |t: &Token| tagger::may_be_name(&t.text) && is_not_name_word(&word_fold(&t.text));
    let next = tokens[end.min(tokens.len())..]
        .iter()
        .find(|t| !matches!(t.text.as_ref(), "'s" | "Jr" | "Jr." | "Sr" | "Sr."));
    let of_before = start >= 2 && tokens[start - 1].text == "of" && institution(&tokens[start - 2]);
    next.is_some_and(institution) || of_before
}

/// The text a run of tokens covers, from the first token's start to the last one's end.
fn span_text<'a>(text: &'a str, tokens: &[Token], span: Range<usize>) -> &'a str {
    let (Some(first), Some(last)) = (
        tokens.get(span.start),
        span.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) else {
        return "";
    };
    text.get(first.start..last.end).unwrap_or_default()
}

/// Names from an all-capitals headline are written in title case; others as found.
fn display_name(name: &str) -> String {
    let name = name.replace('’', "'");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A role written just before a name in lower case: "press secretary Karoline Leavitt".
pub(super) fn role_before(tokens: &[Token], name_start: usize) -> Option<String> {
    let mut words = Vec::new();
    let mut i = name_start;
    while i > 0 && words.len() < 3 {
        let word = tokens[i - 1].text.to_lowercase();
        let known = ROLE_HEADS.contains(&word.as_str()) || ROLE_MODIFIERS.contains(&word.as_str());
        if !known {
            break;
        }
        words.push(word);
        i -= 1;
    }
    words.reverse();
    // The phrase must end in a head noun: "press secretary", not "press".
    let head_at = words
        .iter()
        .rposition(|w| ROLE_HEADS.contains(&w.as_str()))?;
    let role = words[..=head_at].join(" ");
    (head_at + 1 == words.len()).then_some(role)
}

/// A role in apposition after a name: "Keith Wilson, mayor of Portland," or
/// "Ann Lee, the council's chief executive".
pub(super) fn role_after(text: &str, tokens: &[Token], name_end: usize) -> Option<String> {
    if tokens.get(name_end).is_none_or(|t| t.text != ",") {
        return None;
    }
    let mut i = name_end + 1;
    if tokens
        .get(i)
        .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        i += 1;
    }
    let start = i;
    let mut head_end = None;
    while let Some(token) = tokens.get(i) {
        let word = token.text.to_lowercase();
        if ROLE_HEADS.contains(&word.as_str()) {
            head_end = Some(i + 1);
        } else if !ROLE_MODIFIERS.contains(&word.as_str()) {
            break;
        }
        i += 1;
        if i - start > 4 {
            break;
        }
    }
    let mut end = head_end?;
    // "of Portland", "for the city of Portland": the place or body the role belongs to.
    if tokens
        .get(end)
        .is_some_and(|t| t.text == "of" || t.text == "for")
    {
        let mut j = end + 1;
        while tokens.get(j).is_some_and(|t| tagger::may_be_name(&t.text)) && j - end <= 4 {
            j += 1;
        }
        if j > end + 1 {
            end = j;
        }
    }
    let role = span_text(text, tokens, start..end);
    let role: String = role.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = role.chars();
    // Role heads are common nouns: "Mayor of Portland" at a sentence start reads "mayor".
    let role = match chars.next() {
        Some(first) if tokens[start].text.chars().skip(1).all(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => role,
    };
    Some(role)
}

#[cfg(test)]
mod tests {
    use super::super::tokens;
    use super::*;

    #[test]
    fn roles_before_and_after_names() {
        let text = "press secretary Karoline Leavitt said";
        let tokens = tokens::tokenize(text);
        assert_eq!(role_before(&tokens, 2).as_deref(), Some("press secretary"));
        let text = "Keith Wilson, mayor of Portland, wrote";
        let tokens = tokens::tokenize(text);
        assert_eq!(
            role_after(text, &tokens, 2).as_deref(),
            Some("mayor of Portland")
        );
        let text = "Ann Lee, the deputy chief executive of Harbour Trust, said";
        let tokens = tokens::tokenize(text);
        assert_eq!(
            role_after(text, &tokens, 2).as_deref(),
            Some("deputy chief executive of Harbour Trust")
        );
        let text = "Ann Lee, who spoke first, said";
        assert_eq!(role_after(text, &tokens::tokenize(text), 2), None);
    }
}
