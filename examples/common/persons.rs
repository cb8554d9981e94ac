//! Training the person tagger from the corpora: the unlabelled text its word clusters are
//! learnt from, and the model trained with the shipped settings. Shared by the training
//! and evaluation examples.
#![allow(dead_code)]

use morgue::normalize::persons::tagger::Model;
use morgue::normalize::persons::training::Example;
use morgue::normalize::persons::{clusters, read_conll, training};
use std::path::Path;

/// Training epochs of the shipped model (chosen on `valid.txt`: 4–6 are best, 8 and 12
/// lower).
pub const EPOCHS: usize = 5;

/// The CoNLL-2003 sentences of `train.txt`, and of `valid.txt` too when asked; `None`
/// when a file is absent.
pub fn examples(conll: &Path, with_valid: bool) -> Option<Vec<Example>> {
    let mut examples = read_conll(&std::fs::read_to_string(conll.join("train.txt")).ok()?);
    if with_valid {
        let valid = read_conll(&std::fs::read_to_string(conll.join("valid.txt")).ok()?);
        let offset = examples.last().map_or(0, |e| e.document + 1);
        examples.extend(valid.into_iter().map(|mut e| {
            e.document += offset;
            e
        }));
    }
    Some(examples)
}

/// A model trained on `examples` with the shipped settings.
pub fn train(corpora: &Path, examples: &[Example], use_clusters: bool) -> Model {
    let clusters = if use_clusters {
        clusters::learn(&unlabelled_text(corpora, examples))
    } else {
        clusters::Clusters::default()
    };
    training::train(examples, EPOCHS, clusters)
}

/// Paragraphs of unlabelled news text: the Reuters-21578 stories, the BBC articles and
/// the words (not the labels) of `examples`.
fn unlabelled_text(corpora: &Path, examples: &[Example]) -> Vec<String> {
    let mut texts = Vec::new();
    for story in super::reuters::stories(&corpora.join("reuters21578")) {
        for paragraph in story.body.split("\n    ") {
            texts.push(paragraph.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let bbc = corpora.join("bbc-news/bbc");
    for category in ["business", "entertainment", "politics", "sport", "tech"] {
        let Ok(entries) = std::fs::read_dir(bbc.join(category)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            texts.extend(
                text.split("\n\n")
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
        }
    }
    texts.extend(examples.iter().map(|e| {
        e.tokens
            .iter()
            .map(|t| t.text.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    }));
    texts
}
