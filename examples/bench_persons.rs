//! Times person finding on a folder of clippings: normalizes every file, then runs the
//! person finder again on each record and reports its share of the time.
//!
//! Usage: `cargo run --release --example bench_persons -- FOLDER`
//! (for example the Reuters clippings written by the `reuters_clippings` example).

use morgue::input::{find_files, read_bytes};
use morgue::normalize::{self, Reading, persons::find_persons};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let Some(folder) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_persons FOLDER");
        std::process::exit(2);
    };
    let reading = Reading::in_process(chrono::Utc::now().date_naive());
    let found = find_files(&[folder], None);
    let mut records = Vec::new();
    let started = Instant::now();
    for file in &found.files {
        let Ok(bytes) = read_bytes(file, morgue::input::DEFAULT_MAX_FILE_BYTES) else {
            continue;
        };
        records.extend(
            normalize::file(file, &bytes, &reading)
                .into_iter()
                .flatten(),
        );
    }
    let normalizing = started.elapsed();
    let words: usize = records
        .iter()
        .flat_map(|c| c.passages.iter())
        .map(|p| p.split_whitespace().count())
        .sum();
    let mut persons = 0;
    let mut tagging = Duration::ZERO;
    for clipping in &records {
        let start = Instant::now();
        let (found, _) = find_persons(&clipping.title, &clipping.passages);
        tagging += start.elapsed();
        persons += found.len();
    }
    println!(
        "{} records, {words} words: reading and normalizing {:.2} s (persons included), \
         person finding alone {:.2} s ({:.0}% of normalizing; {:.2} M words/s on one core), {persons} persons",
        records.len(),
        normalizing.as_secs_f64(),
        tagging.as_secs_f64(),
        100.0 * tagging.as_secs_f64() / normalizing.as_secs_f64(),
        words as f64 / tagging.as_secs_f64() / 1e6
    );
}
