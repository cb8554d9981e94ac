//! Writes the Reuters-21578 stories as seed-shaped text clippings, for benchmarks.
//!
//! Usage: `cargo run --release --example reuters_clippings -- [CORPUS_DIR] OUT_DIR`
//! (CORPUS_DIR defaults to `../shared/corpora/reuters21578`). Each story becomes
//! `OUT_DIR/reut-NNNNN.txt`: headline, a "Published:" line, the hard-wrapped body with its
//! dateline, and a `Topics:` trailer. Exits cleanly with a note when the corpus is absent.

#[path = "common/reuters.rs"]
mod reuters;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, out) = match args.as_slice() {
        [out] => (
            PathBuf::from("../shared/corpora/reuters21578"),
            PathBuf::from(out),
        ),
        [corpus, out] => (PathBuf::from(corpus), PathBuf::from(out)),
        _ => {
            eprintln!("usage: reuters_clippings [CORPUS_DIR] OUT_DIR");
            std::process::exit(2);
        }
    };
    let stories = reuters::stories(&corpus);
    if stories.is_empty() {
        eprintln!(
            "skipped: the Reuters-21578 corpus is not at {}",
            corpus.display()
        );
        return;
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut written = 0;
    for story in &stories {
        if let Some(text) = story.clipping() {
            written += 1;
            let path = out.join(format!("reut-{written:05}.txt"));
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    println!("wrote {written} clippings to {}", out.display());
}
