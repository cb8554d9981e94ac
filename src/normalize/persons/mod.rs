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
    let mut tags: Vec<Vec<usize>> = sentences.iter().map(|s| model.tag(s)).collect();
    let mut names: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (sentence, tags) in sentences.iter().zip(&tags) {
        for (token, &tag) in sentence.iter().zip(tags) {
            if (tag == B_PER || tag == I_PER) && token.text.chars().count() > 1 {
                names.insert(token.text.as_str());
            }
        }
    }
    if names.is_empty() {
        return tags;
    }
    for (sentence, tags) in sentences.iter().zip(tags.iter_mut()) {
        for i in 0..sentence.len() {
            if tags[i] == O && names.contains(sentence[i].text.as_str()) {
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
    let mut tokens: Vec<Token> = Vec::new();
    let mut tags: Vec<usize> = Vec::new();
    let mut flush = |tokens: &mut Vec<Token>, tags: &mut Vec<usize>, document: usize| {
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
            text: fields[0].to_string(),
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
