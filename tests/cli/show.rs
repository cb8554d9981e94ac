//! `morgue show`, `stats` and `topics`.

use crate::common::TestContext;

#[test]
fn show_returns_the_whole_record_by_id_or_prefix() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let hit = ctx
        .run(&["search", "ferry", "--json"])
        .json_lines()
        .remove(0);
    let id = hit["id"].as_str().unwrap();
    let record = ctx.run(&["show", id, "--json"]).json();
    assert_eq!(record["id"], id);
    assert_eq!(record["title"], "Winter storm batters the coast");
    assert_eq!(record["passages"].as_array().unwrap().len(), 2);
    assert_eq!(
        record["passages"][1],
        "Damage\nWaves damaged the sea wall in three places, the harbour master said."
    );
    let by_prefix = ctx.run(&["show", &id[..8], "--json"]).json();
    assert_eq!(by_prefix["id"], id);
    let missing = ctx.run(&["show", "0000000000000000"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.starts_with("error: no record with id"),
        "{}",
        missing.stderr
    );
}

#[test]
fn stats_count_what_the_index_holds() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let stats = ctx.run(&["stats", "--json"]).json();
    assert_eq!(stats["articles"], 4);
    assert_eq!(stats["passages"], 9);
    assert_eq!(stats["first_date"], "2024-11-20");
    assert_eq!(stats["last_date"], "2025-06-01");
    assert_eq!(
        stats["by_format"],
        serde_json::json!({"markdown": 1, "text": 3})
    );
    assert_eq!(
        stats["by_date_source"],
        serde_json::json!({"filename": 1, "metadata": 1, "text": 2})
    );
    assert!(stats["index_bytes"].as_u64().unwrap() > 0);
    assert_eq!(stats["topics"], 4);
}

#[test]
fn topics_are_counted_case_insensitively() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let topics = ctx.run(&["topics", "--json"]).json_lines();
    assert_eq!(topics[0]["topic"], "Local News");
    assert_eq!(topics[0]["articles"], 3);
    assert_eq!(topics[0]["first_date"], "2024-11-20");
    assert_eq!(topics[0]["last_date"], "2025-04-10");
    let human = ctx.run(&["topics"]);
    assert!(human.stdout.lines().next().unwrap().starts_with("topic"));
}
