//! Trains the person-name tagger on CoNLL-2003 and writes `models/persons.model`.
//!
//! Usage: `cargo run --release --example train_persons -- [CONLL_DIR] [EPOCHS]`
//! (default `../shared/corpora/conll2003`, 8 epochs). The data is read from `train.txt`;
//! `valid.txt` is left for `cargo run --release --example eval -- persons`.

use morgue::normalize::persons::{read_conll, training};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or_else(
        || PathBuf::from("../shared/corpora/conll2003"),
        PathBuf::from,
    );
    let epochs: usize = args.get(1).and_then(|e| e.parse().ok()).unwrap_or(8);
    let Ok(text) = std::fs::read_to_string(dir.join("train.txt")) else {
        eprintln!("skipped: {} is absent", dir.join("train.txt").display());
        return;
    };
    let examples = read_conll(&text);
    let started = Instant::now();
    let model = training::train(&examples, epochs);
    let mut bytes = Vec::new();
    model
        .write(&mut bytes)
        .expect("writing to memory cannot fail");
    let out = PathBuf::from("models/persons.model");
    std::fs::write(&out, &bytes).expect("models/ is writable");
    println!(
        "trained on {} sentences in {:.1} s: {} features, {:.1} MB written to {}",
        examples.len(),
        started.elapsed().as_secs_f64(),
        model.len(),
        bytes.len() as f64 / 1e6,
        out.display()
    );
}
