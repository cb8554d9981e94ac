//! Finds the people a clipping names: a trained tagger proposes name spans, rules take
//! titles and roles apart, reject what is not a person, and join the forms one person
//! is called by within the article.

pub mod clusters;
mod evidence;
mod joining;
mod lexicon;
mod mentions;
mod other_languages;
pub mod tagger;
pub mod tokens;
pub mod training;

pub use training::read_conll;

use crate::clipping::{Person, folded_key};
use crate::fasthash::{IntSet, lowercase_hash};
use crate::normalize::language::{self, Language};
use crate::normalize::lexicon::{is_article_surname, is_name_particle};
use joining::join_mentions;
use lexicon::{COMPANY_WORDS, CONNECTIVES, HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS, TITLES};
use mentions::{Mention, mention};
use std::ops::Range;
use std::sync::LazyLock;
use tagger::{B_ENT, B_PER, I_ENT, I_PER, Model, O};
use tokens::Token;

/// The shipped model, trained by `cargo run --release --example train_persons` on the
/// CoNLL-2003 English training and validation sets, with word clusters learnt from
/// unlabelled news text.
#[cfg(feature = "persons")]
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/persons.model");

/// A build without the `persons` feature has no model and finds no persons.
#[cfg(not(feature = "persons"))]
static MODEL_BYTES: &[u8] = &[];

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::read(MODEL_BYTES).ok());

/// The shipped model, when the build has one.
pub fn model() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// True when `word` is a given name the shipped model learnt or one common in the other
/// languages persons are read in ("William", "Amelie", "François"); false without a model.
pub fn is_given_name(word: &str) -> bool {
    model().is_some_and(|model| other_languages::is_given_name(model, word))
}

/// The persons named in an article, and for each passage the indexes (into the returned
/// list) of the persons it mentions.
pub fn find_persons(title: &str, passages: &[String]) -> (Vec<Person>, Vec<Vec<usize>>) {
    find_persons_declared(title, passages, None)
}

/// [`find_persons`], with the language the file declares its text is in: taken when the
/// text is too short to tell.
pub fn find_persons_declared(
    title: &str,
    passages: &[String],
    declared: Option<Language>,
) -> (Vec<Person>, Vec<Vec<usize>>) {
    match model() {
        Some(model) => find_persons_in(model, title, passages, declared),
        None => (Vec::new(), vec![Vec::new(); passages.len()]),
    }
}

/// [`find_persons`] with a model of one's own (the evaluation trains one).
pub fn find_persons_with(
    model: &Model,
    title: &str,
    passages: &[String],
) -> (Vec<Person>, Vec<Vec<usize>>) {
    find_persons_in(model, title, passages, None)
}

/// [`find_persons_with`], with the language the file declares.
fn find_persons_in(
    model: &Model,
    title: &str,
    passages: &[String],
    declared: Option<Language>,
) -> (Vec<Person>, Vec<Vec<usize>>) {
    let texts: Vec<&str> = std::iter::once(title)
        .chain(passages.iter().map(String::as_str))
        .collect();
    // A name never runs across a line break ("Adrian Warner" above "BERLIN 1996-08-29"):
    // each line is a sentence of its own.
    let (tokens, lines) = line_tokens(&texts);
    let slices: Vec<&[Token]> = lines.iter().map(|(_, r)| &tokens[r.clone()]).collect();
    let (tags, keys) = tag_sentences(model, &slices);
    let spans: Vec<Vec<Range<usize>>> = tags.iter().map(|t| person_spans(t)).collect();
    let inner = words_of_names_inside_sentences(&slices, &spans);
    // Capitals say less in other languages: there a name needs a given name or a title.
    // In a language without rules of its own here (Russian, Turkish, Vietnamese …) the
    // English reading stands, but a word alone is as often a sentence's opener.
    let language = language::guess_declared(keys.iter().flatten().copied(), declared);
    let english_reading = !language.has_name_rules();
    let unfamiliar = language != Language::English && english_reading;
    // Mentions from lines in capitals or title case (headlines, subheadings) are
    // confirmed against the others.
    let mut capitalised = Vec::new();
    let mut mentions = Vec::new();
    let mut short_forms = Vec::new();
    for (((n, _), &tokens), spans) in lines.iter().zip(&slices).zip(spans) {
        let passage = n.checked_sub(1);
        let shouting = line_is_capitalised(tokens, passage.is_none());
        let spans = if english_reading {
            spans
        } else {
            other_languages::joined_spans(model, tokens, spans)
        };
        for mut span in spans {
            // "Marine Le Pen" opening a sentence: a given name, not a common word.
            let given =
                !english_reading && other_languages::opens_with_given_name(model, tokens, &span);
            if !given && starts_sentence_with_common_word(model, tokens, &span) {
                continue;
            }
            if !given && opens_with_a_stray_word(model, tokens, &span, &inner) {
                span.start += 1;
            }
            let (mut confirmed, mut role) = (true, None);
            if !english_reading {
                let Some(judged) = other_languages::judge(model, tokens, span) else {
                    continue;
                };
                (span, confirmed, role) = (judged.span, judged.confirmed, judged.role);
            }
            if let Some(mut mention) = mention(texts[*n], tokens, span, passage) {
                mention
                    .roles
                    .extend(role.filter(|r| !mention.roles.contains(r)));
                if !confirmed {
                    short_forms.push(mention);
                } else if shouting {
                    capitalised.push(mention);
                } else {
                    mentions.push(mention);
                }
            }
        }
    }
    let confirmed = confirmed_by_body(capitalised, &mentions);
    let mut mentions: Vec<Mention> = confirmed.into_iter().chain(mentions).collect();
    if !english_reading {
        let short_forms = other_languages::short_forms_of(&mentions, short_forms);
        mentions.extend(short_forms);
        mentions = other_languages::without_genitives(mentions);
    }
    let mentions = without_lone_entity_words(model, mentions);
    let mentions = without_lone_company_words(&slices, mentions);
    let mentions = without_words_written_small(model, &slices, &keys, mentions);
    let mentions = if unfamiliar {
        without_words_alone(mentions)
    } else {
        mentions
    };
    join_mentions(mentions, passages.len(), &|word| model.is_first_name(word))
}

/// One-word names that training knew only as places' or organisations' ("Nice",
/// "Panama", "Atalanta"), given no title and written nowhere in the article as part of a
/// longer name: not persons.
fn without_lone_entity_words(model: &Model, mentions: Vec<Mention>) -> Vec<Mention> {
    let in_longer = words_of_longer_names(&mentions);
    // Owned, so that the mentions can be moved on once the borrow above ends.
    let lone: std::collections::HashSet<String> = mentions
        .iter()
        .flat_map(|m| m.words.first().filter(|_| m.words.len() == 1))
        .filter(|w| model.is_entity_word(w) && !in_longer.contains(w.as_str()))
        .cloned()
        .collect();
    without_lone_words(mentions, |m| lone.contains(&m.words[0]))
}

/// One-word names that the article also writes as the start of a company's name
/// ("Danaher" beside "Danaher Corp", "Kurzweil" beside "Kurzweil Applied Intelligence
/// Inc"), given no title: the company, not a person, whether the tagger took the whole
/// name for an organisation or not. Longer names with those words ("Barron Hilton" beside
/// "Hilton Hotels") stay.
fn without_lone_company_words(sentences: &[&[Token]], mentions: Vec<Mention>) -> Vec<Mention> {
    // The capitalised words just before a company's word, up to four.
    let mut company: std::collections::HashSet<String> = std::collections::HashSet::new();
    for tokens in sentences {
        for (i, token) in tokens.iter().enumerate() {
            if !is_company_word(&token.text) {
                continue;
            }
            let before = tokens[i.saturating_sub(4)..i]
                .iter()
                .rev()
                .take_while(|t| tagger::may_be_name(&t.text));
            company.extend(before.map(|t| word_fold(&t.text)));
        }
    }
    if company.is_empty() {
        return mentions;
    }
    without_lone_words(mentions, |m| company.contains(&m.words[0]))
}

/// One-word names, without a title, that no longer name in the article holds: in a
/// language whose capitals the tagger cannot read ("Пришла", "Berikut", "Olay" opening
/// sentences), such a word is more often an opener than a person.
fn without_words_alone(mentions: Vec<Mention>) -> Vec<Mention> {
    let in_longer: std::collections::HashSet<String> = words_of_longer_names(&mentions)
        .into_iter()
        .map(str::to_string)
        .collect();
    without_lone_words(mentions, |m| !in_longer.contains(&m.words[0]))
}

/// The words of the article's names of more than one word.
fn words_of_longer_names(mentions: &[Mention]) -> std::collections::HashSet<&str> {
    mentions
        .iter()
        .filter(|m| m.words.len() > 1)
        .flat_map(|m| m.words.iter().map(String::as_str))
        .collect()
}

/// Distinct names written in small letters after which an article's small letters say
/// nothing about its capitalised words.
const NAMES_IN_SMALL_LETTERS: usize = 3;

/// One-word names whose word the article also writes in small letters mid-sentence
/// ("Chocolate" beside "dark chocolate", "Will" beside "will"): ordinary words
/// capitalised by a heading or a sentence's start, not persons. Unless the article
/// writes names in small letters too ("venezuela", "manuel", as some wire copy does),
/// when small letters say nothing.
fn without_words_written_small(
    model: &Model,
    sentences: &[&[Token]],
    keys: &[Vec<u64>],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    // Compared by the hash of their lower-case form, which the tagger has already taken
    // of most words: nothing is lowered or copied for the article's other words.
    // (A mention's words are folded, accents gone; its name is as written.)
    let lone: IntSet<u64> = mentions
        .iter()
        .filter(|m| m.words.len() == 1 && m.titled.is_none())
        .map(|m| lowercase_hash(&m.name))
        .collect();
    if lone.is_empty() {
        return mentions;
    }
    let lexicon = &model.lexicon;
    let mut small = IntSet::default();
    let mut names_in_small_letters = IntSet::default();
    for (tokens, keys) in sentences.iter().zip(keys) {
        for (i, token) in tokens.iter().enumerate().skip(1) {
            if !token.text.starts_with(char::is_lowercase) {
                continue;
            }
            let key = keys
                .get(i)
                .copied()
                .unwrap_or_else(|| lowercase_hash(&token.text));
            if token.text.len() >= 4
                && !lexicon.common_words.contains(&key)
                && (lexicon.entity_words.contains(&key) || lexicon.first_names.contains(&key))
            {
                names_in_small_letters.insert(key);
                if names_in_small_letters.len() >= NAMES_IN_SMALL_LETTERS {
                    return mentions;
                }
            }
            if lone.contains(&key) {
                small.insert(key);
            }
        }
    }
    if small.is_empty() {
        return mentions;
    }
    without_lone_words(mentions, |m| small.contains(&lowercase_hash(&m.name)))
}

/// `mentions` without the one-word, untitled ones that `drop` says name no one.
fn without_lone_words(mentions: Vec<Mention>, drop: impl Fn(&Mention) -> bool) -> Vec<Mention> {
    mentions
        .into_iter()
        .filter(|m| m.words.len() != 1 || m.titled.is_some() || !drop(m))
        .collect()
}

/// True for one of the [`COMPANY_WORDS`] with a capital, in any case after it, with or
/// without a full stop. Asked of every word of an article, so most are turned away by
/// their length and first letter alone, from a table built once.
pub(crate) fn is_company_word(word: &str) -> bool {
    static OPENINGS: std::sync::LazyLock<[u32; 32]> = std::sync::LazyLock::new(|| {
        let mut openings = [0u32; 32];
        for w in COMPANY_WORDS {
            openings[w.len()] |= 1 << (w.as_bytes()[0] - b'a');
        }
        openings
    });
    let word = word.trim_end_matches('.');
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    first.is_ascii_uppercase()
        && OPENINGS
            .get(word.len())
            .is_some_and(|letters| letters & (1 << (first - b'A')) != 0)
        && COMPANY_WORDS
            .iter()
            .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}

/// The tokens of every line of `texts`, in one vector (offsets into each text), and each
/// line's text number and range of tokens; empty lines are left out.
fn line_tokens<'a>(texts: &[&'a str]) -> (Vec<Token<'a>>, Vec<(usize, Range<usize>)>) {
    let length: usize = texts.iter().map(|t| t.len()).sum();
    let mut tokens = Vec::with_capacity(length / 5);
    let mut lines = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let mut offset = 0;
        for line in text.split('\n') {
            let first = tokens.len();
            tokens::tokenize_into(line, offset, &mut tokens);
            if tokens.len() > first {
                lines.push((n, first..tokens.len()));
            }
            offset += line.len() + 1;
        }
    }
    (tokens, lines)
}

/// True for a headline in capitals or title case, or another line in capitals (a
/// subheading, a repeated headline), where capitals tell little and the tagger runs names
/// into the words around them ("Cunningham Retires"). Other title-case lines are left
/// alone: lists of names and results are written that way.
fn line_is_capitalised(tokens: &[Token], headline: bool) -> bool {
    let mut words = tokens
        .iter()
        .map(|t| t.text.as_ref())
        .filter(|w| w.chars().any(char::is_alphabetic));
    let fits = |w: &str| {
        if headline {
            tagger::may_be_name(w) || w.len() <= 3
        } else {
            !w.chars().any(char::is_lowercase)
        }
    };
    // Runs on every line: counted without collecting the words.
    let mut count = 0;
    words.all(|w| {
        count += 1;
        fits(w)
    }) && count >= 3
}

/// Names from capitalised lines are kept when the rest names the person too: cut to the
/// words the rest uses for them, and written as the rest writes them.
fn confirmed_by_body(headline: Vec<Mention>, body: &[Mention]) -> Vec<Mention> {
    headline
        .into_iter()
        .filter_map(|mut mention| {
            let known = |w: &String| body.iter().any(|b| b.words.contains(w));
            let start = mention.words.iter().position(known)?;
            let end = mention.words.iter().rposition(known)? + 1;
            let words = &mention.words[start..end];
            let same = body
                .iter()
                .filter(|b| b.words.ends_with(words) || b.words.starts_with(words))
                .max_by_key(|b| b.words.len())?;
            mention.name = same.name.clone();
            mention.words = same.words.clone();
            Some(mention)
        })
        .collect()
}

/// True when the token at `start` opens a sentence (or a bracket or quotation).
pub(super) fn opens_sentence(tokens: &[Token], start: usize) -> bool {
    start.checked_sub(1).is_none_or(|before| {
        let before = tokens[before].text.as_ref();
        tagger::ends_sentence(before) || matches!(before, "(" | "'")
    })
}

/// The folded words of the names found where no sentence starts: the article's own
/// evidence of how its people are written.
fn words_of_names_inside_sentences(
    sentences: &[&[Token]],
    spans: &[Vec<Range<usize>>],
) -> std::collections::HashSet<String> {
    let mut words = std::collections::HashSet::new();
    for (tokens, spans) in sentences.iter().zip(spans) {
        for span in spans.iter().filter(|s| !opens_sentence(tokens, s.start)) {
            words.extend(tokens[span.clone()].iter().map(|t| word_fold(&t.text)));
        }
    }
    words
}

/// A sentence-opening word run into a name the article writes without it elsewhere
/// ("Selon Doucet" after "Grégory Doucet", "Laut Scholz", "Meanwhile Harris"), and that is
/// no known first name: not part of the name.
fn opens_with_a_stray_word(
    model: &Model,
    tokens: &[Token],
    span: &Range<usize>,
    inner: &std::collections::HashSet<String>,
) -> bool {
    if span.len() < 2 || !opens_sentence(tokens, span.start) {
        return false;
    }
    let first = word_fold(&tokens[span.start].text);
    // "Von der Leyen said": a particle opening a sentence is the name's own.
    !model.is_first_name(&first)
        && !is_name_particle(&first)
        && !inner.contains(&first)
        && tokens[span.start + 1..span.end]
            .iter()
            .all(|t| inner.contains(&word_fold(&t.text)))
}

/// A lone capitalised ordinary word at a sentence start ("Meanwhile", "He") is not a
/// name, whatever the tagger thought.
fn starts_sentence_with_common_word(model: &Model, tokens: &[Token], span: &Range<usize>) -> bool {
    let word = tokens[span.start].text.to_lowercase();
    span.len() == 1
        && opens_sentence(tokens, span.start)
        && (model.is_common_word(&word) || CONNECTIVES.contains(&word.as_str()))
}

/// Tags the sentences of one document. A word tagged as part of a person's name in one
/// sentence is a name wherever else it appears capitalised in the document ("Orrick"
/// after "Judge William Orrick"), unless the tagger took it for another kind of name.
pub fn tag_document(model: &Model, sentences: &[&[Token]]) -> Vec<Vec<usize>> {
    tag_sentences(model, sentences).0
}

/// [`tag_document`], with each sentence's word keys (empty for a sentence without a
/// capital).
fn tag_sentences(model: &Model, sentences: &[&[Token]]) -> (Vec<Vec<usize>>, Vec<Vec<u64>>) {
    let (evidence, keys) = model.evidence(sentences);
    let mut tags: Vec<Vec<usize>> = sentences
        .iter()
        .zip(&keys)
        .map(|(s, keys)| {
            let mut tags = model.tag_with(s, keys, &evidence);
            split_at_titles(s, &mut tags);
            join_article_surnames(model, s, &mut tags);
            join_across_particles(model, s, &mut tags);
            fill_lists_of_names(model, s, &mut tags);
            tags
        })
        .collect();
    // Words (by key) tagged as part of a person's name somewhere.
    let mut names: IntSet<u64> = IntSet::default();
    for ((sentence, tags), keys) in sentences.iter().zip(&tags).zip(&keys) {
        for ((token, &tag), &key) in sentence.iter().zip(tags).zip(keys) {
            if (tag == B_PER || tag == I_PER) && token.text.chars().count() > 1 {
                names.insert(key);
            }
        }
    }
    if names.is_empty() {
        return (tags, keys);
    }
    for ((sentence, tags), keys) in sentences.iter().zip(tags.iter_mut()).zip(&keys) {
        if keys.len() != sentence.len() {
            continue;
        }
        // Other-name runs made only of this document's person words are persons too.
        let mut named_here = false;
        let mut i = 0;
        while i < tags.len() {
            if tags[i] != B_ENT {
                i += 1;
                continue;
            }
            let end = (i + 1..tags.len())
                .find(|&k| tags[k] != I_ENT)
                .unwrap_or(tags.len());
            if keys[i..end].iter().all(|k| names.contains(k)) {
                mark_name(tags, i..end);
                named_here = true;
            }
            i = end;
        }
        // Elsewhere, such a word written with a capital (or a joined article) is a name too.
        for i in 0..sentence.len() {
            // The capital first: a look-up for every word of the article costs more.
            let text = &sentence[i].text;
            let name_shaped = tagger::may_be_name(text) || is_article_surname(text);
            if tags[i] == O && name_shaped && names.contains(&keys[i]) {
                let prev = if i > 0 { tags[i - 1] } else { O };
                tags[i] = if prev == B_PER || prev == I_PER {
                    I_PER
                } else {
                    B_PER
                };
                named_here = true;
            }
        }
        // Names made persons just now may follow particles too.
        if named_here {
            join_across_particles(model, sentence, tags);
        }
    }
    (tags, keys)
}

/// A surname written with a joined article in lower case ends the name before it:
/// "Saad al-Hariri", "Hamad bin Jassim al-Thani". The tagger, which scores capitalised
/// words, never sees it. Before it, a capitalised word the tagger passed over starts a
/// name when it is a known first name, or follows a title or role ("envoy Rami
/// al-Saadani", even if the tagger took "Rami" for another kind of name); a place such
/// as "Sharm el-Sheikh" has neither. Standing alone it is more
/// often an organisation's ("al-Qaeda") and is left alone.
fn join_article_surnames(model: &Model, tokens: &[Token], tags: &mut [usize]) {
    for i in 1..tokens.len() {
        if tags[i] != O || !is_article_surname(&tokens[i].text) {
            continue;
        }
        if matches!(tags[i - 1], B_PER | I_PER) {
            tags[i] = I_PER;
            continue;
        }
        let given = &tokens[i - 1].text;
        let introduced = i >= 2 && {
            let before = tokens[i - 2].text.to_lowercase();
            is_title_word(&before) || ROLE_HEADS.contains(&before.as_str())
        };
        let given_name = model.is_first_name(&given.to_lowercase());
        // After a title or role, a one-word name the tagger took for something else too.
        let free = tags[i - 1] == O || (tags[i - 1] == B_ENT && introduced);
        if free
            && tagger::may_be_name(given)
            && !model.is_common_word(given)
            && (introduced || given_name)
        {
            mark_name(tags, i - 1..i + 1);
        }
    }
}

/// A name that a particle in lower case runs through ("Ursula von der Leyen", "Juan
/// Carlos de la Fuente") is one name, though the tagger, which learnt few such names,
/// may have begun a second one after the particles. The words before the particles are
/// a name already, or a capitalised given name the tagger passed over; after an ordinary
/// word the particles open the surname ("said von der Leyen").
fn join_across_particles(model: &Model, tokens: &[Token], tags: &mut [usize]) {
    if !tags.iter().any(|&t| t == B_PER || t == B_ENT) {
        return;
    }
    for i in 1..tokens.len() {
        // A one-word other name after the particles counts when a given name opens the
        // whole: the tagger takes unfamiliar names for places ("Ursula von der Leyen").
        let other = tags[i] == B_ENT && tags.get(i + 1) != Some(&I_ENT);
        if tags[i] != B_PER && !other {
            continue;
        }
        // Particles in lower case, or one capitalised at the start of a sentence ("Von
        // der Leyen said"), whatever the tagger made of it.
        let is_particle = |j: usize| match tags[j] {
            O => is_name_particle(&tokens[j].text),
            B_PER | I_PER => false,
            _ => j == 0 && is_name_particle(&tokens[j].text.to_lowercase()),
        };
        let particles = (0..i).rev().take_while(|&j| is_particle(j)).count();
        if particles == 0 {
            continue;
        }
        let first = i - particles;
        let Some(before) = first.checked_sub(1) else {
            if !other {
                mark_name(tags, first..i + 1);
            }
            continue;
        };
        let named = matches!(tags[before], B_PER | I_PER) && !other;
        let opens_run = tags[before] == O || (tags[before] == B_ENT && other);
        // "von", "van", "bin" between two capitalised words join a person's name; "de"
        // and "del" join places' too ("Rio de Janeiro", "Mar del Plata").
        let personal = tokens[first..i].iter().any(|t| {
            matches!(
                t.text.as_ref(),
                "von" | "van" | "zu" | "bin" | "ibn" | "ter" | "ten"
            )
        });
        let given = opens_run
            && tagger::may_be_name(&tokens[before].text)
            && !model.is_common_word(&tokens[before].text)
            && (model.is_first_name(&tokens[before].text.to_lowercase()) || (other && personal));
        if named {
            mark_name(tags, first..i + 1);
            tags[first] = I_PER;
        } else if given {
            mark_name(tags, before..i + 1);
        } else if (!other || personal)
            && tags[before] == O
            && !tagger::may_be_name(&tokens[before].text)
        {
            // "… said von der Leyen", "… by de Gaulle": the particles open the surname.
            mark_name(tags, first..i + 1);
        }
    }
}

/// Tags `span` as one person's name.
fn mark_name(tags: &mut [usize], span: Range<usize>) {
    for (n, tag) in tags[span].iter_mut().enumerate() {
        *tag = if n == 0 { B_PER } else { I_PER };
    }
}

/// In a list of four or more items, each one to three capitalised words ("Given,
/// Breen, Staunton, Irwin, McAteer, Harte, McLoughlin"), of which at least two and a
/// third are tagged as persons, the other items are persons too: line-ups and casts name
/// people of one kind, and a surname alone in such a list gives the tagger little to go
/// on. The list must fill the stretch between stops (a colon, a dash, the line's end);
/// a list inside a sentence of prose is left alone, since places listed there outnumber
/// people. Ordinary words ("Given" opening a line) and words training knew only in
/// places' and organisations' names keep their tags.
fn fill_lists_of_names(model: &Model, tokens: &[Token], tags: &mut [usize]) {
    // Most lines name no one or hold no list: both are told without allocating.
    if !tags.contains(&B_PER) {
        return;
    }
    if tokens.iter().filter(|t| is_list_separator(&t.text)).count() < 3 {
        return;
    }
    // Byte patterns: a string `matches!` calls a comparison for every token.
    let ends_list = |t: &str| {
        matches!(
            t.as_bytes(),
            [b'.' | b';' | b':' | b'!' | b'?' | b'-'] | b"--"
        )
    };
    let mut start = 0;
    while start < tokens.len() {
        let end = (start..tokens.len())
            .find(|&k| ends_list(&tokens[k].text))
            .unwrap_or(tokens.len());
        fill_list(model, tokens, tags, start..end);
        start = end + 1;
    }
}

fn is_list_separator(token: &str) -> bool {
    matches!(token.as_bytes(), b"," | b"&" | b"and")
}

/// [`fill_lists_of_names`] for one stretch of a sentence between stops.
fn fill_list(model: &Model, tokens: &[Token], tags: &mut [usize], stretch: Range<usize>) {
    if tokens[stretch.clone()]
        .iter()
        .filter(|t| is_list_separator(&t.text))
        .count()
        < 3
    {
        return;
    }
    // An item's name ends where a note in brackets begins ("Wasim Akram (captain)"),
    // and separators inside the note do not count.
    let name_of = |item: Range<usize>| {
        let note = item.clone().find(|&j| tokens[j].text == "(");
        item.start..note.unwrap_or(item.end)
    };
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut item_start = stretch.start;
    let mut depth = 0usize;
    for k in stretch.clone() {
        match tokens[k].text.as_ref() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            text if depth == 0 && is_list_separator(text) => {
                items.push(name_of(item_start..k));
                item_start = k + 1;
            }
            _ => {}
        }
    }
    items.push(name_of(item_start..stretch.end));
    let name_like = |item: &Range<usize>| {
        (1..=3).contains(&item.len())
            && tokens[item.clone()]
                .iter()
                .all(|t| tagger::may_be_name(&t.text) && t.text.chars().any(char::is_alphabetic))
    };
    // A list naming a company is a list of firms, which are often named after people
    // ("L.F. Rothschild, Unterberg, Towbin Inc.").
    let names_a_company = tokens[stretch.clone()]
        .iter()
        .any(|t| is_company_word(&t.text));
    if items.len() < 4 || !items.iter().all(name_like) || names_a_company {
        return;
    }
    let is_person = |tags: &[usize], item: &Range<usize>| {
        tags[item.clone()].iter().any(|&t| t == B_PER || t == I_PER)
    };
    let persons = items.iter().filter(|i| is_person(tags, i)).count();
    if persons < 2 || persons * 3 < items.len() {
        return;
    }
    for item in items {
        // Words training knew as ordinary words or only in places' and organisations'
        // names keep their tags.
        let known_otherwise = tokens[item.clone()]
            .iter()
            .any(|t| model.is_common_word(&t.text) || model.is_entity_word(&word_fold(&t.text)));
        if !is_person(tags, &item) && !known_otherwise {
            mark_name(tags, item);
        }
    }
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
pub(super) fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    // Asked of every capitalised word of an article: one set lookup, not a list scan, and
    // a hash of a few multiplications, not SipHash (about 300 instructions a call). The
    // set is fixed, so no text can crowd it.
    static KNOWN: LazyLock<IntSet<&'static str>> = LazyLock::new(|| {
        let titles = TITLES.iter().map(|(t, _)| *t);
        titles.chain(HONORIFICS.iter().copied()).collect()
    });
    let mut lower = [0u8; 12];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| KNOWN.contains(lower))
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
pub(super) fn word_fold(word: &str) -> String {
    folded_key(word.trim_end_matches('.'))
}

/// Joins the people a source's own classification names (a news database's `PERSON`
/// terms) to those found in the text: one whose surname a found person shares becomes
/// that person's alias; any other is added, mentioned by the passages holding its
/// surname (the classification naming it counts as one mention when none does).
pub fn join_stated(
    persons: &mut Vec<Person>,
    passage_persons: &mut [Vec<usize>],
    names: &[String],
    passages: &[String],
) {
    if names.is_empty() {
        return;
    }
    // Each passage's words, folded once for all the names.
    let passage_words: Vec<Vec<String>> = passages
        .iter()
        .map(|passage| {
            passage
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .filter(|w| !w.is_empty())
                .map(folded_key)
                .collect()
        })
        .collect();
    for name in names {
        let Some(surname) = stated_surname(name) else {
            continue;
        };
        let surname_key = folded_key(surname);
        let known = persons.iter().position(|p| {
            p.name
                .split_whitespace()
                .any(|w| folded_key(w) == surname_key)
        });
        if let Some(at) = known {
            let person = &mut persons[at];
            let new_form = !person.name.eq_ignore_ascii_case(name)
                && !person.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
            if new_form {
                person.aliases.push(name.clone());
            }
            continue;
        }
        let index = persons.len();
        let mut mentions = 0;
        for (words, people) in passage_words.iter().zip(passage_persons.iter_mut()) {
            let here = words.iter().filter(|w| **w == surname_key).count();
            if here > 0 {
                mentions += here;
                people.push(index);
            }
        }
        persons.push(Person {
            name: name.clone(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: mentions.max(1),
        });
    }
}

/// The word a stated name is filed under: its last, generational suffixes aside.
fn stated_surname(name: &str) -> Option<&str> {
    name.split_whitespace()
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_every_text_is_tokenized_in_place_and_empty_lines_are_left_out() {
        let texts = [
            "Orrick Blocks Order",
            "Judge William Orrick ruled.\n\n  \nThe city’s lawyer, Zoë Ndiaye, agreed",
            "",
            "\nÉmile said so.\n",
        ];
        let (tokens, lines) = line_tokens(&texts);
        let ranges: Vec<(usize, usize)> = lines.iter().map(|(n, r)| (*n, r.len())).collect();
        assert_eq!(ranges, [(0, 3), (1, 5), (1, 9), (3, 4)]);
        for (n, range) in &lines {
            let line_tokens = &tokens[range.clone()];
            let alone: Vec<Token> = texts[*n]
                .split('\n')
                .map(tokens::tokenize)
                .find(|t| t.first().map(|t| &t.text) == line_tokens.first().map(|t| &t.text))
                .expect("the line tokenized alone");
            let texts_of = |ts: &[Token]| ts.iter().map(|t| t.text.to_string()).collect::<Vec<_>>();
            assert_eq!(texts_of(line_tokens), texts_of(&alone));
            for token in line_tokens {
                let written = texts[*n]
                    .get(token.start..token.end)
                    .expect("a token's bytes");
                assert_eq!(written.replace('’', "'"), token.text, "{written}");
            }
        }
    }

    #[test]
    fn company_words_in_any_case_with_or_without_a_full_stop() {
        // The table of lengths and first letters takes small ASCII words.
        for word in COMPANY_WORDS {
            assert!(
                word.len() < 32 && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word}"
            );
        }
        for word in [
            "Inc",
            "INC",
            "Inc.",
            "Co.",
            "Corp",
            "Industries",
            "SECURITIES",
        ] {
            assert!(is_company_word(word), "{word}");
        }
        for word in [
            "Steel",
            "Power",
            "Price",
            "Incorporate",
            "Cos",
            "",
            ".",
            "Çorp",
        ] {
            assert!(!is_company_word(word), "{word}");
        }
    }

    #[test]
    fn title_words_in_any_case_with_or_without_a_full_stop() {
        for word in [
            "Judge", "JUDGE", "judge", "Mr.", "Mrs", "Sen.", "Dame", "Governor",
        ] {
            assert!(is_title_word(word), "{word}");
        }
        for word in ["Judges", "Jüdge", "Orrick", "", ".", "Mister-Governor"] {
            assert!(!is_title_word(word), "{word}");
        }
    }

    #[test]
    fn lists_mostly_of_persons_are_persons_throughout() {
        let Some(model) = model() else {
            panic!("the tests need the shipped model (the `persons` feature)");
        };
        // Each case: a line, the words the tagger took for persons, and the words that
        // are persons after the rule.
        let cases: [(&str, &[&str], &[&str]); 9] = [
            (
                "The team: Given, Okafor, Szydlo, Brankovic, Quesnel, Iturbe (captain).",
                &["Okafor", "Brankovic"],
                &["Okafor", "Szydlo", "Brankovic", "Quesnel", "Iturbe"],
            ),
            (
                "Substitutes: Lindqvist, Mbeki-Rowe, Ana Tervonen and Okonjo",
                &["Lindqvist", "Ana", "Tervonen"],
                &["Lindqvist", "Mbeki-Rowe", "Ana", "Tervonen", "Okonjo"],
            ),
            (
                "Valmont - Okafor (5th), Iturbe (31st), Quesnel (73rd), Szydlo (88th)",
                &["Okafor", "Iturbe"],
                &["Okafor", "Iturbe", "Quesnel", "Szydlo"],
            ),
            // A list inside a sentence of prose is left to the tagger: places listed
            // there outnumber people.
            (
                "The pact was signed by Benin, Mali, Niger and Togo on Monday.",
                &["Mali", "Niger"],
                &["Mali", "Niger"],
            ),
            // One person is not a list of persons.
            (
                "Quesnel, Valmont, Northgate and Riverside",
                &["Quesnel"],
                &["Quesnel"],
            ),
            // A list naming a company is a list of firms.
            (
                "Lazard, Harriman, Pellew, Towbin Inc. and Okafor",
                &["Harriman", "Okafor"],
                &["Harriman", "Okafor"],
            ),
            // Scores are not names, nor is what a bracket lists.
            (
                "Yorkshire 290 (C. White 76, M. Moxon 59, R. Blakey 57), Essex 79-2",
                &["White", "Moxon", "Blakey"],
                &["White", "Moxon", "Blakey"],
            ),
            // Words training knew only in places' names keep their tags.
            (
                "Stops: Boston, Denver, Chicago, Newark",
                &["Denver", "Chicago"],
                &["Denver", "Chicago"],
            ),
            // Too short a list says nothing.
            (
                "Okafor, Szydlo and Brankovic",
                &["Okafor", "Brankovic"],
                &["Okafor", "Brankovic"],
            ),
        ];
        for (line, tagged, expected) in cases {
            let tokens = tokens::tokenize(line);
            let mut tags: Vec<usize> = tokens
                .iter()
                .map(|t| {
                    if tagged.contains(&t.text.as_ref()) {
                        B_PER
                    } else {
                        O
                    }
                })
                .collect();
            fill_lists_of_names(model, &tokens, &mut tags);
            let persons: Vec<&str> = tokens
                .iter()
                .zip(&tags)
                .filter(|(_, tag)| **tag != O)
                .map(|(t, _)| t.text.as_ref())
                .collect();
            assert_eq!(persons, expected, "{line}");
        }
    }

    #[test]
    fn places_and_clubs_alone_are_not_persons() {
        let Some(model) = model() else {
            panic!("the tests need the shipped model (the `persons` feature)");
        };
        let mention = |words: &[&str], titled: Option<&str>| Mention {
            name: words.join(" "),
            words: words.iter().map(|w| w.to_string()).collect(),
            titled: titled.map(str::to_string),
            roles: Vec::new(),
            passage: Some(0),
        };
        let kept = without_lone_entity_words(
            model,
            vec![
                mention(&["panama"], None),
                mention(&["tunisia"], None),
                mention(&["jones"], None),
                mention(&["edward", "jones"], None),
                mention(&["orrick"], None),
            ],
        );
        let names: Vec<&str> = kept.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["jones", "edward jones", "orrick"]);
    }

    #[test]
    fn a_word_the_article_writes_in_small_letters_is_no_name_alone() {
        let Some(model) = model() else {
            panic!("the tests need the shipped model (the `persons` feature)");
        };
        let mention = |word: &str, titled: Option<&str>| Mention {
            name: word.to_string(),
            words: vec![word.to_string()],
            titled: titled.map(str::to_string),
            roles: Vec::new(),
            passage: Some(0),
        };
        let kept = |text: &str| {
            let sentences: Vec<Vec<Token>> = text.lines().map(tokens::tokenize).collect();
            let slices: Vec<&[Token]> = sentences.iter().map(Vec::as_slice).collect();
            let keys: Vec<Vec<u64>> = slices.iter().map(|s| tagger::sentence_keys(s)).collect();
            let mentions = vec![
                mention("Chocolate", None),
                mention("Will", None),
                mention("Will", Some("Mr")),
                mention("Quill", None),
            ];
            without_words_written_small(model, &slices, &keys, mentions)
                .iter()
                .map(|m| format!("{}{}", m.titled.as_deref().unwrap_or(""), m.name))
                .collect::<Vec<_>>()
        };
        // "chocolate" and "will" in small letters mid-sentence: ordinary words. A word
        // opening a sentence in small letters says nothing; a title keeps a name.
        assert_eq!(
            kept("Dark chocolate keeps , Quill said .\nThe shop will open .\nquill ."),
            ["MrWill", "Quill"]
        );
        // Copy that writes names in small letters too: small letters say nothing there.
        assert_eq!(
            kept("reporters told peter quill in london that germany will pay for chocolate ."),
            ["Chocolate", "Will", "MrWill", "Quill"]
        );
    }

    #[test]
    fn stated_persons_join_the_found_ones_by_surname() {
        let person = |name: &str, mentions: usize| Person {
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions,
        };
        let passages: Vec<String> = [
            "Judge Orrick ruled on Tuesday.",
            "Lawyers for the city said O'Halloran had not been told, and O'Halloran agreed.",
            "Nobody else spoke.",
        ]
        .map(String::from)
        .to_vec();
        let mut persons = vec![person("William Orrick", 1)];
        let mut passage_persons = vec![vec![0], vec![], vec![]];
        let stated = ["William H. Orrick III", "Edward O'Halloran", "Ana Ruiz"]
            .map(String::from)
            .to_vec();
        join_stated(&mut persons, &mut passage_persons, &stated, &passages);
        assert_eq!(persons[0].aliases, ["William H. Orrick III"]);
        assert_eq!(persons[1].name, "Edward O'Halloran");
        assert_eq!(persons[1].mentions, 2);
        // Named only by the classification: one mention, no passage.
        assert_eq!(
            (persons[2].name.as_str(), persons[2].mentions),
            ("Ana Ruiz", 1)
        );
        assert_eq!(passage_persons, [vec![0], vec![1], vec![]]);
    }

    #[test]
    fn spans_come_from_begin_and_inside_tags() {
        let tags = [O, B_PER, I_PER, O, B_PER, B_PER, I_ENT, I_PER];
        assert_eq!(person_spans(&tags), [1..3, 4..5, 5..6]);
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
    fn headlines_and_shouted_lines_are_told_from_lists_of_names() {
        let cases = [
            ("SOCCER - INCE EXPOSED .", true, true),
            ("Cunningham Retires From Racing", true, true),
            ("Cunningham retires from racing", true, false),
            ("Phil Simmons ( Leicestershire ) 4-38", false, false),
            ("PANAMA CITY 1996-08-29", false, false),
            ("RESULTS OF THE DAY IN BRIEF", false, true),
            ("Two words", true, false),
        ];
        for (line, headline, capitalised) in cases {
            let tokens = tokens::tokenize(line);
            assert_eq!(
                line_is_capitalised(&tokens, headline),
                capitalised,
                "{line}"
            );
        }
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
