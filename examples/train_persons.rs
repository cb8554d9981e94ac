//! Trains the person-name tagger and writes `models/persons.model`, the model built into
//! the binary.
//!
//! Usage: `cargo run --release --example train_persons -- [CORPORA_DIR] [--train-only]`
//! (CORPORA_DIR defaults to `../shared/corpora`).
//!
//! 1. Word clusters are learnt from unlabelled news text: the Reuters-21578 stories, the
//!    BBC articles and the words (not the labels) of CoNLL-2003.
//! 2. The tagger is trained on the labels of CoNLL-2003 `train.txt` and `valid.txt`
//!    (`--train-only`: `train.txt` alone). Settings are chosen on `valid.txt` by
//!    `cargo run --release --example eval -- persons`, which trains its own model on
//!    `train.txt` alone for that.

#[path = "common/persons.rs"]
mod persons;
#[path = "common/reuters.rs"]
mod reuters;

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_valid = !args.iter().any(|a| a == "--train-only");
    let corpora = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    let Some(examples) = persons::examples(&corpora.join("conll2003"), with_valid) else {
        eprintln!("skipped: CoNLL-2003 is absent from {}", corpora.display());
        return;
    };
    let started = Instant::now();
    let model = persons::train(&corpora, &examples, true);
    let mut bytes = Vec::new();
    model
        .write(&mut bytes)
        .expect("writing to memory cannot fail");
    let out = PathBuf::from("models/persons.model");
    std::fs::write(&out, &bytes).expect("models/ is writable");
    println!(
        "trained on {} sentences{} in {:.1} s (clusters included): {} features, {} clustered \
         words, {:.1} MB written to {}",
        examples.len(),
        if with_valid {
            " (train and valid)"
        } else {
            " (train)"
        },
        started.elapsed().as_secs_f64(),
        model.len(),
        model.clustered_words(),
        bytes.len() as f64 / 1e6,
        out.display()
    );
}
