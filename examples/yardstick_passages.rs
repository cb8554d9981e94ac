//! Turns records (`morgue extract --json`) into the passages the speed yardstick indexes:
//! one JSON line per passage, `{"id", "title", "text", "ts", "topics", "persons"}` with
//! `ts` the publication day in Unix seconds, as `../shared/yardstick/README.md` asks.
//!
//! Usage: `cargo run --release --example yardstick_passages -- RECORDS.jsonl PASSAGES.jsonl`
//! Prints the number of passages written.

use serde::Deserialize;
use std::io::{BufRead, BufWriter, Write};

#[derive(Deserialize)]
struct Record {
    id: String,
    title: String,
    date: chrono::NaiveDate,
    topics: Vec<String>,
    persons: Vec<Person>,
    passages: Vec<String>,
}

#[derive(Deserialize)]
struct Person {
    name: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [records, passages] = args.as_slice() else {
        eprintln!("usage: yardstick_passages RECORDS.jsonl PASSAGES.jsonl");
        std::process::exit(2);
    };
    let input = std::io::BufReader::new(std::fs::File::open(records).expect("open the records"));
    let mut out =
        BufWriter::new(std::fs::File::create(passages).expect("create the passages file"));
    let mut written = 0u64;
    for line in input.lines() {
        let line = line.expect("read a record");
        let Ok(record) = serde_json::from_str::<Record>(&line) else {
            continue;
        };
        let ts = record
            .date
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        let persons: Vec<&str> = record.persons.iter().map(|p| p.name.as_str()).collect();
        for text in &record.passages {
            let passage = serde_json::json!({
                "id": record.id, "title": record.title, "text": text, "ts": ts,
                "topics": record.topics, "persons": persons,
            });
            serde_json::to_writer(&mut out, &passage).expect("write a passage");
            out.write_all(b"\n").expect("write a passage");
            written += 1;
        }
    }
    out.flush().expect("write the passages");
    println!("{written}");
}
