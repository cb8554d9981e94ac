//! The yardstick for ingest speed: tantivy used directly, indexing passages that are
//! already normalized (records from `morgue extract --json`), one document per passage,
//! with the same analyzer, fields and store settings as morgue and two indexing threads.
//!
//! Usage: `cargo run --release --example tantivy_baseline -- RECORDS.jsonl INDEX_DIR`
//! Prints the number of passages indexed and the seconds taken (reading the records
//! excluded).

use serde::Deserialize;
use std::io::BufRead;
use std::time::Instant;
use tantivy::schema::{
    DateOptions, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{DateTime, Index, IndexSettings, TantivyDocument};

#[derive(Deserialize)]
struct Record {
    id: String,
    path: String,
    title: String,
    date: chrono::NaiveDate,
    topics: Vec<String>,
    passages: Vec<String>,
}

fn main() -> tantivy::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [records, dir] = args.as_slice() else {
        eprintln!("usage: tantivy_baseline RECORDS.jsonl INDEX_DIR");
        std::process::exit(2);
    };
    let file = std::fs::File::open(records)?;
    let records: Vec<Record> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str(&line).ok())
        .collect();

    let started = Instant::now();
    let mut builder = Schema::builder();
    let text_options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("news")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let id = builder.add_text_field("id", STRING | STORED);
    let path = builder.add_text_field("path", STORED);
    let passage = builder.add_u64_field("passage", INDEXED | STORED);
    let text = builder.add_text_field("text", text_options.clone());
    let title = builder.add_text_field("title", text_options);
    let date = builder.add_date_field("date", DateOptions::from(INDEXED).set_stored().set_fast());
    let topic = builder.add_text_field("topic", STRING);
    std::fs::create_dir_all(dir)?;
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor::default()),
        docstore_blocksize: 32 * 1024,
        ..Default::default()
    };
    let index = Index::builder()
        .schema(builder.build())
        .settings(settings)
        .create_in_dir(dir)?;
    index.tokenizers().register(
        "news",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
    );
    let mut writer = index.writer_with_num_threads(2, 256 * 1024 * 1024)?;
    let mut passages = 0;
    for record in &records {
        let day = DateTime::from_timestamp_secs(
            record
                .date
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp(),
        );
        for (n, body) in record.passages.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, &record.id);
            doc.add_text(path, &record.path);
            doc.add_u64(passage, n as u64);
            doc.add_text(text, body);
            doc.add_text(title, &record.title);
            doc.add_date(date, day);
            for t in &record.topics {
                doc.add_text(topic, t.to_lowercase());
            }
            writer.add_document(doc)?;
            passages += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    println!(
        "{passages} passages {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
