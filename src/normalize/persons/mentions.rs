//! One tagged span becomes a mention: titles and honorifics taken off and made roles,
//! roles before and after the name read, and spans that are not names rejected.

use super::lexicon::{
    CALENDAR_WORDS, COMPANY_WORDS, HONORIFICS, NOT_NAME_WORDS, ROLE_HEADS, ROLE_MODIFIERS, TITLES,
};
use super::tagger;
use super::tokens::Token;
use super::word_fold;
use crate::fasthash::{IntMap, IntSet};
use std::ops::Range;
use std::sync::LazyLock;

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
    // Each word is folded once: for the titles here and as the name's words below.
    let mut words: Vec<String> = tokens[span.clone()]
        .iter()
        .map(|t| word_fold(&t.text))
        .collect();
    // Titles the tagger took into the name.
    while start < span.end {
        let word = &words[start - span.start];
        if HONORIFICS.contains(&word.as_str()) {
            titled_from.get_or_insert(start);
            start += 1;
        } else if let Some(role) = title_role(word) {
            titled_from.get_or_insert(start);
            roles.push(role.to_string());
            start += 1;
        } else if let Some(end) = modified_title_end(&words[start - span.start..]) {
            // "Vice President Kamala Harris": the modifiers go with the title.
            titled_from.get_or_insert(start);
            let rest = &words[start - span.start..];
            let title = title_role(&rest[end - 1]).unwrap_or_default();
            roles.push(format!("{} {title}", rest[..end - 1].join(" ")));
            start += end;
        } else {
            break;
        }
    }
    words.drain(..start - span.start);
    let span = start..span.end;
    // "Vice President", "Chief Justice", "Press Secretary": a role, with no one named.
    if words
        .iter()
        .all(|w| is_role_modifier(w) || title_role(w).is_some())
    {
        return None;
    }
    if names_a_place_or_body(tokens, span.start, span.end) {
        return None;
    }
    let has_letters = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    let not_a_name = words
        .iter()
        .any(|w| is_not_name_word(w) || is_calendar_word(w));
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
        } else if capitalised && let Some(role) = title_role(&word) {
            // "Vice President", "Deputy Mayor": modifiers belong to the role.
            let mut words = vec![role.to_string()];
            let mut k = before;
            while k > 0 && is_role_modifier(&lowered(&tokens[k - 1].text)) {
                words.insert(0, lowered(&tokens[k - 1].text).into_owned());
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

/// How many words role modifiers and the title after them take ("vice president" → 2,
/// "deputy chief executive" stops short of a title and gives `None`), when `words` opens
/// with modifiers.
fn modified_title_end(words: &[String]) -> Option<usize> {
    let modifiers = words.iter().take_while(|w| is_role_modifier(w)).count();
    (modifiers > 0
        && words
            .get(modifiers)
            .is_some_and(|w| title_role(w).is_some()))
    .then_some(modifiers + 1)
}

/// The role a title gives ("judge" for "judge", "senator" for "sen"), from a table, as
/// every mention's first word and the word before it are asked.
fn title_role(word: &str) -> Option<&'static str> {
    static ROLES: LazyLock<IntMap<&'static str, &'static str>> =
        LazyLock::new(|| TITLES.iter().copied().collect());
    ROLES.get(word).copied()
}

/// `word` in lower case, copied only when it has a capital.
fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b < 0x80)
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// A fixed word list as a set: every mention's words and neighbours are asked.
type WordSet = LazyLock<IntSet<&'static str>>;

/// The words of `lists` as one set.
fn word_set(lists: &[&[&'static str]]) -> IntSet<&'static str> {
    lists.iter().flat_map(|list| list.iter().copied()).collect()
}

/// True for a noun that heads a role phrase ([`ROLE_HEADS`]).
fn is_role_head(word: &str) -> bool {
    static WORDS: WordSet = LazyLock::new(|| word_set(&[ROLE_HEADS]));
    WORDS.contains(word)
}

/// True for a word that may stand in a role phrase before its head ([`ROLE_MODIFIERS`]).
fn is_role_modifier(word: &str) -> bool {
    static WORDS: WordSet = LazyLock::new(|| word_set(&[ROLE_MODIFIERS]));
    WORDS.contains(word)
}

/// True for a day, month, feast or number word ([`CALENDAR_WORDS`]).
fn is_calendar_word(word: &str) -> bool {
    static WORDS: WordSet = LazyLock::new(|| word_set(&[CALENDAR_WORDS]));
    WORDS.contains(word)
}

/// True for a word that is never (part of) a person's name.
fn is_not_name_word(word: &str) -> bool {
    static WORDS: WordSet = LazyLock::new(|| word_set(&[NOT_NAME_WORDS, COMPANY_WORDS]));
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
    // Most names are already as shown: one space between words, a small letter, no
    // curly apostrophe.
    let plain = name.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !name.contains("  ")
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && name.bytes().any(|b| b.is_ascii_lowercase());
    if plain {
        return name.to_string();
    }
    spaced_and_cased(name)
}

/// [`display_name`] for any name: curly apostrophes made straight, single spaces, and a
/// name in capitals written in title case.
fn spaced_and_cased(name: &str) -> String {
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
        let word = lowered(&tokens[i - 1].text);
        if !is_role_head(&word) && !is_role_modifier(&word) {
            break;
        }
        words.push(word.into_owned());
        i -= 1;
    }
    words.reverse();
    // The phrase must end in a head noun: "press secretary", not "press".
    let head_at = words.iter().rposition(|w| is_role_head(w))?;
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
        let word = lowered(&token.text);
        if is_role_head(&word) {
            head_end = Some(i + 1);
        } else if !is_role_modifier(&word) {
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
    fn names_already_as_shown_are_kept_as_the_full_rule_keeps_them() {
        for name in [
            "William Orrick",
            "WILLIAM ORRICK",
            "William  Orrick",
            " William Orrick",
            "William Orrick ",
            "William\tOrrick",
            "William\u{b}Orrick",
            "William\u{a0}Orrick",
            "O’Brien",
            "O'Brien",
            "Zoë Ball",
            "ZOË BALL",
            "J. K. Rowling",
            "",
        ] {
            assert_eq!(display_name(name), spaced_and_cased(name), "{name:?}");
        }
        for word in [
            "secretary",
            "Secretary",
            "ÉTAT",
            "état",
            "co-chair",
            "Co-Chair",
            "42",
            "",
        ] {
            assert_eq!(lowered(word), word.to_lowercase(), "{word:?}");
        }
    }

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

    #[test]
    fn a_role_with_no_one_named_is_no_mention() {
        let named = |text: &str, span: Range<usize>| {
            let tokens = tokens::tokenize(text);
            mention(text, &tokens, span, Some(0)).map(|m| m.name)
        };
        for (text, span) in [
            ("The Vice President said", 1..3),
            ("Chief Justice spoke", 0..2),
            ("its Press Secretary", 1..3),
            ("Vice", 0..1),
        ] {
            assert_eq!(named(text, span), None, "{text}");
        }
        // With someone named, the role goes and the name stays.
        let text = "Vice President Kamala Harris said";
        let harris = mention(text, &tokens::tokenize(text), 0..4, Some(0)).expect("a name");
        assert_eq!(
            (harris.name.as_str(), harris.roles.as_slice()),
            ("Kamala Harris", ["vice president".to_string()].as_slice())
        );
    }
}
