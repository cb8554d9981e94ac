//! Finds the people a clipping names: a trained tagger proposes name spans, rules take
//! titles and roles apart, reject what is not a person, and join the forms one person
//! is called by within the article.

pub mod tagger;
pub mod tokens;

use std::ops::Range;
use std::sync::LazyLock;
use tagger::{B_ENT, B_PER, Example, I_ENT, I_PER, Model, O};
use tokens::Token;

/// The shipped model, trained by `cargo run --release --example train_persons` on the
/// CoNLL-2003 English training set.
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/persons.model");

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::read(MODEL_BYTES).ok());

/// The shipped model, when the build has one.
pub fn model() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// Tags the sentences of one document. A word tagged as part of a person's name in one
/// sentence is a name wherever else it appears capitalised in the document ("Orrick"
/// after "Judge William Orrick"), unless the tagger took it for another kind of name.
pub fn tag_document(model: &Model, sentences: &[&[Token]]) -> Vec<Vec<usize>> {
    let mut tags: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| {
            let mut tags = model.tag(s);
            split_at_titles(s, &mut tags);
            tags
        })
        .collect();
    let mut names: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (sentence, tags) in sentences.iter().zip(&tags) {
        for (token, &tag) in sentence.iter().zip(tags) {
            if (tag == B_PER || tag == I_PER) && token.text.chars().count() > 1 {
                names.insert(token.text.as_ref());
            }
        }
    }
    if names.is_empty() {
        return tags;
    }
    for (sentence, tags) in sentences.iter().zip(tags.iter_mut()) {
        // Other-name runs made only of this document's person words are persons too.
        let mut i = 0;
        while i < tags.len() {
            if tags[i] != B_ENT {
                i += 1;
                continue;
            }
            let end = (i + 1..tags.len())
                .find(|&k| tags[k] != I_ENT)
                .unwrap_or(tags.len());
            if (i..end).all(|k| names.contains(sentence[k].text.as_ref())) {
                tags[i] = B_PER;
                for tag in &mut tags[i + 1..end] {
                    *tag = I_PER;
                }
            }
            i = end;
        }
        for i in 0..sentence.len() {
            if tags[i] == O && names.contains(sentence[i].text.as_ref()) {
                let prev = if i > 0 { tags[i - 1] } else { O };
                tags[i] = if prev == B_PER || prev == I_PER {
                    I_PER
                } else {
                    B_PER
                };
            }
        }
    }
    tags
}

/// A name run that holds a title ("US District Judge William Orrick", tagged as one
/// name) is a title and a person: what follows the last title word is the person.
fn split_at_titles(tokens: &[Token], tags: &mut [usize]) {
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == O {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < tags.len() && matches!(tags[i], I_PER | I_ENT) {
            i += 1;
        }
        let end = i;
        let last_title = (start..end).rev().find(|&k| is_title_word(&tokens[k].text));
        if let Some(k) = last_title
            && k + 1 < end
        {
            for tag in &mut tags[start..=k] {
                *tag = O;
            }
            tags[k + 1] = B_PER;
            for tag in &mut tags[k + 2..end] {
                *tag = I_PER;
            }
        }
    }
}

/// True for a title or honorific ("Judge", "Mr.", "SEN"), compared without allocating.
fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() <= 12
        && (TITLES.iter().any(|(t, _)| t.eq_ignore_ascii_case(word))
            || HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word)))
}

/// Token ranges tagged as persons' names.
pub fn person_spans(tags: &[usize]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, &tag) in tags.iter().enumerate() {
        match tag {
            B_PER => {
                if let Some(s) = start.take() {
                    spans.push(s..i);
                }
                start = Some(i);
            }
            I_PER if start.is_some() => {}
            _ => {
                if let Some(s) = start.take() {
                    spans.push(s..i);
                }
            }
        }
    }
    if let Some(s) = start {
        spans.push(s..tags.len());
    }
    spans
}

/// Reads CoNLL-2003 data (`token POS chunk NER` lines, blank lines between sentences,
/// `-DOCSTART-` between documents) into training examples.
pub fn read_conll(text: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut document = 0;
    let mut tokens: Vec<Token<'static>> = Vec::new();
    let mut tags: Vec<usize> = Vec::new();
    let mut flush = |tokens: &mut Vec<Token<'static>>, tags: &mut Vec<usize>, document: usize| {
        if !tokens.is_empty() {
            examples.push(Example {
                tokens: std::mem::take(tokens),
                tags: std::mem::take(tags),
                document,
            });
        }
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            flush(&mut tokens, &mut tags, document);
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            flush(&mut tokens, &mut tags, document);
            document += 1;
            continue;
        }
        let label = fields.last().copied().unwrap_or("O");
        let tag = match label {
            "B-PER" => B_PER,
            "I-PER" => I_PER,
            "O" => O,
            l if l.starts_with("B-") => B_ENT,
            _ => I_ENT,
        };
        tokens.push(Token {
            text: fields[0].to_string().into(),
            start: 0,
            end: 0,
        });
        tags.push(tag);
    }
    flush(&mut tokens, &mut tags, document);
    // CoNLL's I- tags at the start of a name (IOB1) become B- tags.
    for example in &mut examples {
        for i in 0..example.tags.len() {
            let prev = if i > 0 { example.tags[i - 1] } else { O };
            example.tags[i] = match (example.tags[i], prev) {
                (I_PER, p) if p != B_PER && p != I_PER => B_PER,
                (I_ENT, p) if p != B_ENT && p != I_ENT => B_ENT,
                (t, _) => t,
            };
        }
    }
    examples
}

use crate::clipping::{Person, folded_key};

/// Honorifics: stripped from names, not kept as roles.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady",
];

/// Titles written before a name, with the role they give ("Judge" → judge).
const TITLES: &[(&str, &str)] = &[
    ("judge", "judge"),
    ("justice", "justice"),
    ("president", "president"),
    ("mayor", "mayor"),
    ("senator", "senator"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("representative", "representative"),
    ("governor", "governor"),
    ("gov", "governor"),
    ("dr", "doctor"),
    ("doctor", "doctor"),
    ("prof", "professor"),
    ("professor", "professor"),
    ("chancellor", "chancellor"),
    ("minister", "minister"),
    ("premier", "premier"),
    ("secretary", "secretary"),
    ("ambassador", "ambassador"),
    ("general", "general"),
    ("gen", "general"),
    ("colonel", "colonel"),
    ("col", "colonel"),
    ("captain", "captain"),
    ("capt", "captain"),
    ("sheriff", "sheriff"),
    ("commissioner", "commissioner"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
    ("coach", "coach"),
    ("king", "king"),
    ("queen", "queen"),
    ("prince", "prince"),
    ("princess", "princess"),
    ("pope", "pope"),
    ("cardinal", "cardinal"),
    ("bishop", "bishop"),
    ("archbishop", "archbishop"),
    ("rabbi", "rabbi"),
    ("father", "father"),
    ("councillor", "councillor"),
    ("councilman", "councilman"),
    ("councilwoman", "councilwoman"),
    ("attorney", "attorney"),
    ("prosecutor", "prosecutor"),
    ("officer", "officer"),
    ("detective", "detective"),
    ("inspector", "inspector"),
    ("chief", "chief"),
    ("director", "director"),
    ("spokesman", "spokesman"),
    ("spokeswoman", "spokeswoman"),
    ("spokesperson", "spokesperson"),
];

/// Nouns that head a role phrase ("press secretary", "mayor of Portland").
const ROLE_HEADS: &[&str] = &[
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "judge",
    "justice",
    "mayor",
    "senator",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "executive",
    "ceo",
    "officer",
    "commissioner",
    "ambassador",
    "attorney",
    "lawyer",
    "prosecutor",
    "leader",
    "coach",
    "manager",
    "professor",
    "analyst",
    "economist",
    "editor",
    "reporter",
    "correspondent",
    "founder",
    "owner",
    "chancellor",
    "premier",
    "sheriff",
    "chief",
    "representative",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "adviser",
    "advisor",
    "head",
    "captain",
    "general",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "doctor",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "player",
    "author",
    "writer",
    "actor",
    "actress",
    "singer",
    "campaigner",
    "activist",
    "researcher",
    "scientist",
    "candidate",
    "nominee",
    "governor-elect",
    "president-elect",
    "deputy",
    "commander",
    "lieutenant",
    "colonel",
    "sergeant",
    "inspector",
    "detective",
    "superintendent",
    "principal",
    "dean",
    "partner",
    "trustee",
    "administrator",
    "czar",
    "tsar",
    "envoy",
    "diplomat",
    "official",
];

/// Words that may stand before a role head inside a role ("press", "deputy", "vice").
const ROLE_MODIFIERS: &[&str] = &[
    "press",
    "deputy",
    "vice",
    "assistant",
    "associate",
    "acting",
    "interim",
    "senior",
    "chief",
    "executive",
    "district",
    "federal",
    "state",
    "city",
    "county",
    "foreign",
    "defence",
    "defense",
    "finance",
    "home",
    "prime",
    "general",
    "managing",
    "head",
    "national",
    "security",
    "health",
    "education",
    "interior",
    "justice",
    "labour",
    "labor",
    "trade",
    "energy",
    "transport",
    "communications",
    "policy",
    "campaign",
    "party",
    "team",
    "club",
    "company",
    "supreme",
    "appeals",
    "circuit",
    "magistrate",
    "attorney",
    "police",
    "fire",
    "union",
    "opposition",
    "senior",
    "junior",
];

/// Words that never belong to a person's name: a span holding one names an
/// organisation, a place or a publication.
const NOT_NAME_WORDS: &[&str] = &[
    "house",
    "news",
    "refuge",
    "center",
    "centre",
    "institute",
    "university",
    "college",
    "school",
    "department",
    "ministry",
    "council",
    "committee",
    "party",
    "agency",
    "foundation",
    "association",
    "court",
    "police",
    "city",
    "county",
    "state",
    "states",
    "street",
    "road",
    "avenue",
    "times",
    "post",
    "journal",
    "herald",
    "gazette",
    "tribune",
    "press",
    "bank",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "club",
    "united",
    "republic",
    "kingdom",
    "union",
    "administration",
    "government",
    "office",
    "senate",
    "congress",
    "parliament",
    "cup",
    "league",
    "airport",
    "hospital",
    "church",
    "museum",
    "studies",
    "services",
    "service",
    "fund",
    "trust",
    "network",
    "radio",
    "tv",
    "television",
    "channel",
    "magazine",
    "daily",
    "weekly",
    "online",
    "international",
    "global",
    "national",
    "federal",
    "army",
    "navy",
    "forces",
    "force",
    "project",
    "hurricane",
    "storm",
    "typhoon",
    "cyclone",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "easter",
    "christmas",
];

/// The words of a folded name without the titles and honorifics before it:
/// "judge william orrick" → ["william", "orrick"].
pub fn strip_titles(folded: &str) -> Vec<String> {
    let words: Vec<String> = folded.split_whitespace().map(word_fold).collect();
    let skip = words
        .iter()
        .take_while(|w| {
            HONORIFICS.contains(&w.as_str())
                || TITLES.iter().any(|(t, _)| t == w)
                || ROLE_MODIFIERS.contains(&w.as_str())
        })
        .count();
    // A name that is all titles ("Judge") keeps its words.
    if skip == words.len() {
        return words;
    }
    words[skip..].to_vec()
}

/// Turns a word into the key used to compare words of names.
fn word_fold(word: &str) -> String {
    folded_key(word.trim_end_matches('.'))
}

/// One occurrence of a name in the article.
#[derive(Debug, Clone)]
struct Mention {
    /// The name as written, titles and honorifics removed.
    name: String,
    /// The name's words, folded.
    words: Vec<String>,
    /// The form as written with its title ("Judge William Orrick"), when it had one.
    titled: Option<String>,
    /// Roles given next to this mention.
    roles: Vec<String>,
    /// Passage index, or `None` for the headline.
    passage: Option<usize>,
}

/// The persons named in an article, and for each passage the indexes (into the returned
/// list) of the persons it mentions.
pub fn find_persons(title: &str, passages: &[String]) -> (Vec<Person>, Vec<Vec<usize>>) {
    let Some(model) = model() else {
        return (Vec::new(), vec![Vec::new(); passages.len()]);
    };
    let texts: Vec<&str> = std::iter::once(title)
        .chain(passages.iter().map(String::as_str))
        .collect();
    let token_lists: Vec<Vec<Token>> = texts.iter().map(|t| tokens::tokenize(t)).collect();
    let slices: Vec<&[Token]> = token_lists.iter().map(Vec::as_slice).collect();
    let tags = tag_document(model, &slices);
    let mut mentions = Vec::new();
    for (n, ((text, tokens), tags)) in texts.iter().zip(&token_lists).zip(&tags).enumerate() {
        let passage = n.checked_sub(1);
        for span in person_spans(tags) {
            if starts_sentence_with_common_word(model, tokens, &span) {
                continue;
            }
            if let Some(mention) = mention(text, tokens, span, passage) {
                mentions.push(mention);
            }
        }
    }
    join_mentions(mentions, passages.len())
}

/// A lone capitalised ordinary word at a sentence start ("Meanwhile", "He") is not a
/// name, whatever the tagger thought.
fn starts_sentence_with_common_word(model: &Model, tokens: &[Token], span: &Range<usize>) -> bool {
    let at_start = span.start.checked_sub(1).is_none_or(|before| {
        let before = tokens[before].text.as_ref();
        tagger::ends_sentence(before) || matches!(before, "(" | "'")
    });
    let word = tokens[span.start].text.to_lowercase();
    span.len() == 1
        && at_start
        && (model.is_common_word(&word) || CONNECTIVES.contains(&word.as_str()))
}

/// Words that open sentences and are never names.
const CONNECTIVES: &[&str] = &[
    "meanwhile",
    "however",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "instead",
    "still",
    "yet",
    "also",
    "then",
    "now",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "overall",
    "indeed",
    "separately",
    "elsewhere",
    "here",
    "there",
    "thus",
    "hence",
    "besides",
    "otherwise",
    "finally",
    "first",
    "second",
    "third",
    "last",
    "next",
    "afterwards",
    "previously",
    "currently",
    "initially",
    "ultimately",
    "similarly",
    "additionally",
    "consequently",
    "therefore",
    "accordingly",
    "regardless",
    "despite",
];

/// Cleans one tagged span into a mention, or rejects it.
fn mention(
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
    let has_letters = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    let not_a_name = words.iter().any(|w| NOT_NAME_WORDS.contains(&w.as_str()));
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
fn role_before(tokens: &[Token], name_start: usize) -> Option<String> {
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
fn role_after(text: &str, tokens: &[Token], name_end: usize) -> Option<String> {
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

/// Joins the mentions of one article into persons: a surname or a titled short form
/// joins the fullest name that ends with it.
///
/// Work is done per distinct written form, not per pair of mentions, so a transcript that
/// names one person ten thousand times costs ten thousand steps, not a hundred million.
fn join_mentions(mentions: Vec<Mention>, passages: usize) -> (Vec<Person>, Vec<Vec<usize>>) {
    let forms = distinct_forms(&mentions);
    // A form is full when no longer form of the same last word contains it.
    let full: Vec<bool> = forms
        .forms
        .iter()
        .map(|words| {
            forms.by_last[words.last().map_or("", String::as_str)]
                .iter()
                .all(|&other| !is_short_form(words, &forms.forms[other]))
        })
        .collect();
    // One group per full form, in order of its first mention.
    let mut group_of_form: Vec<Option<usize>> = vec![None; forms.forms.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, &form) in forms.of_mention.iter().enumerate() {
        if full[form] {
            let g = *group_of_form[form].get_or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
    }
    // Short forms, in reading order: with two people of one surname, a bare surname is
    // the one last named before it.
    let full_members: Vec<Vec<usize>> = groups.clone();
    let mut last_short: Vec<Option<usize>> = vec![None; groups.len()];
    for (i, &form) in forms.of_mention.iter().enumerate() {
        if full[form] {
            continue;
        }
        let words = &forms.forms[form];
        let candidates = forms.by_last[words.last().map_or("", String::as_str)]
            .iter()
            .filter(|&&other| full[other] && is_short_form(words, &forms.forms[other]))
            .filter_map(|&other| group_of_form[other]);
        let last_named_before = |g: usize| {
            let members = &full_members[g];
            let before = members.partition_point(|&m| m < i);
            let last_full = before.checked_sub(1).map(|k| members[k]);
            last_full.max(last_short[g])
        };
        if let Some(g) = candidates.max_by_key(|&g| (last_named_before(g), g)) {
            groups[g].push(i);
            last_short[g] = Some(i);
        }
    }
    groups.sort_by_key(|group| group.iter().min().copied());
    let mut by_passage = vec![Vec::new(); passages];
    let persons = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            for &i in group {
                if let Some(p) = mentions[i].passage
                    && by_passage[p].last() != Some(&index)
                    && !by_passage[p].contains(&index)
                {
                    by_passage[p].push(index);
                }
            }
            person_of(&mentions, group)
        })
        .collect();
    (persons, by_passage)
}

/// The distinct word forms of an article's mentions, and which form each mention has.
struct Forms {
    forms: Vec<Vec<String>>,
    of_mention: Vec<usize>,
    /// Forms by their last word.
    by_last: std::collections::HashMap<String, Vec<usize>>,
}

fn distinct_forms(mentions: &[Mention]) -> Forms {
    let mut index: std::collections::HashMap<&[String], usize> = Default::default();
    let mut forms = Vec::new();
    let mut by_last: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let of_mention = mentions
        .iter()
        .map(|m| {
            *index.entry(m.words.as_slice()).or_insert_with(|| {
                forms.push(m.words.clone());
                let last = m.words.last().cloned().unwrap_or_default();
                by_last.entry(last).or_default().push(forms.len() - 1);
                forms.len() - 1
            })
        })
        .collect();
    Forms {
        forms,
        of_mention,
        by_last,
    }
}

/// One person from the mentions of a group: the fullest name, the other forms as
/// aliases, and every role given.
fn person_of(mentions: &[Mention], group: &[usize]) -> Person {
    let fullest = &mentions[group[0]];
    let mut aliases: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut seen_aliases: std::collections::HashSet<&str> = Default::default();
    for &i in group {
        let m = &mentions[i];
        for alias in std::iter::once(&m.name).chain(&m.titled) {
            if *alias != fullest.name && seen_aliases.insert(alias.as_str()) {
                aliases.push(alias.clone());
            }
        }
        for role in &m.roles {
            if !roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                roles.push(role.clone());
            }
        }
    }
    // A bare title says less than a role phrase holding it: "mayor of Portland" over
    // "mayor".
    let all = roles.clone();
    roles.retain(|r| {
        !all.iter()
            .any(|s| s != r && s.to_lowercase().contains(&r.to_lowercase()))
    });
    Person {
        name: fullest.name.clone(),
        aliases,
        roles,
        mentions: group.len(),
    }
}

/// True when `short` names the same person as `full` in fewer words: its last word is
/// `full`'s last word and its other words appear in `full` ("Orrick", "William Orrick"
/// for "William H. Orrick").
fn is_short_form(short: &[String], full: &[String]) -> bool {
    short.len() < full.len()
        && short.last() == full.last()
        && short[..short.len() - 1].iter().all(|w| full.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn spans_come_from_begin_and_inside_tags() {
        let tags = [O, B_PER, I_PER, O, B_PER, B_PER, I_ENT, I_PER];
        assert_eq!(person_spans(&tags), [1..3, 4..5, 5..6]);
    }

    #[test]
    fn conll_tags_are_read_as_begin_and_inside() {
        let text = "-DOCSTART- -X- -X- O\n\nJudge NNP B-NP O\nWilliam NNP I-NP I-PER\nOrrick NNP I-NP I-PER\nof IN B-PP O\nCalifornia NNP B-NP I-LOC\n\n";
        let examples = read_conll(text);
        assert_eq!(examples.len(), 1);
        assert_eq!(examples[0].tags, [O, B_PER, I_PER, O, B_ENT]);
    }

    #[test]
    fn short_forms() {
        let full = words("william h orrick");
        assert!(is_short_form(&words("orrick"), &full));
        assert!(is_short_form(&words("william orrick"), &full));
        assert!(!is_short_form(&words("william"), &full));
        assert!(!is_short_form(&words("ann orrick"), &full));
    }

    #[test]
    fn titles_are_stripped_from_typed_names() {
        let cases = [
            ("judge william orrick", "william orrick"),
            ("mr. trump", "trump"),
            ("us president donald trump", "us president donald trump"),
            ("vice president kamala harris", "kamala harris"),
            ("judge", "judge"),
        ];
        for (typed, expected) in cases {
            assert_eq!(strip_titles(typed).join(" "), expected, "{typed}");
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
    fn two_people_with_one_surname_keep_their_own_mentions() {
        let (persons, _) = find_persons(
            "Two Wilsons in the news",
            &[
                "Keith Wilson, mayor of Portland, spoke on Monday.".to_string(),
                "Wilson said the city would sue.".to_string(),
                "Later, Ann Wilson, a nurse, said the hospital was full.".to_string(),
                "Wilson added that staff were tired.".to_string(),
            ],
        );
        let names: Vec<(&str, usize)> = persons
            .iter()
            .map(|p| (p.name.as_str(), p.mentions))
            .collect();
        assert_eq!(names, [("Keith Wilson", 2), ("Ann Wilson", 2)]);
    }
}
