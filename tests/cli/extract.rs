//! `morgue extract`: records printed without indexing.

use crate::common::TestContext;

#[test]
fn extract_prints_spec_records() {
    let ctx = TestContext::with_archive();
    let run = ctx.run(&["extract", "--json", "archive/wall-ruling.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record = run.json();
    assert_eq!(record["path"], "archive/wall-ruling.txt");
    assert_eq!(record["format"], "text");
    assert_eq!(record["title"], "Judge halts sea wall contract");
    assert_eq!(record["date"], "2025-04-10");
    assert_eq!(record["date_source"], "text");
    assert_eq!(record["source"], "Harbourton Gazette");
    assert_eq!(record["authors"], serde_json::json!(["Sam Roe"]));
    assert_eq!(
        record["topics"],
        serde_json::json!(["Courts", "Local News"])
    );
    assert_eq!(record["url"], serde_json::Value::Null);
    assert!(record["persons"].is_array());
    let passages: Vec<&str> = record["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(passages.len(), 3);
    assert!(passages.iter().all(|p| !p.contains("Share this")));
    assert!(
        !ctx.path().join("index").exists(),
        "extract never writes an index"
    );
}

#[test]
fn extract_walks_folders_and_reports_dates_by_source() {
    let ctx = TestContext::with_archive();
    let records = ctx.run(&["extract", "--json", "archive"]).json_lines();
    assert_eq!(records.len(), 4);
    let source_of = |name: &str| {
        records
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .unwrap()["date_source"]
            .clone()
    };
    assert_eq!(source_of("storm.md"), "metadata");
    assert_eq!(source_of("harbour-road.txt"), "text");
    assert_eq!(source_of("2025-06-01-festival.txt"), "filename");
}

#[test]
fn extract_of_a_missing_file_is_an_error() {
    let ctx = TestContext::new();
    let run = ctx.run(&["extract", "nothing-here.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no such file"), "{}", run.stderr);
}
