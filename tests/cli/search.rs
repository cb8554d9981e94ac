//! `morgue search`: ranking, highlights, filters, JSON shape and exit codes.

use crate::common::{TestContext, highlighted};

#[test]
fn passages_with_all_words_rank_first_and_matches_are_highlighted() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let run = ctx.run(&["search", "judge", "injunction", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hits = run.json_lines();
    assert!(hits.len() >= 2);
    assert!(
        hits[0]["text"]
            .as_str()
            .unwrap()
            .contains("granting an injunction")
    );
    let words: Vec<String> = highlighted(&hits[0])
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    assert!(
        words.contains(&"judge".to_string()) && words.contains(&"injunction".to_string()),
        "{words:?}"
    );
    // The second passage has only one of the words.
    assert!(
        hits[1]["text"]
            .as_str()
            .unwrap()
            .contains("Judge Ada Quinn")
    );
}

#[test]
fn stemming_and_phrases() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let hits = ctx.run(&["search", "closing", "--json"]).json_lines();
    assert!(
        hits.iter()
            .any(|h| highlighted(h).contains(&"closed".to_string())),
        "stems match"
    );
    let hits = ctx
        .run(&["search", "\"sea wall contract\"", "--json"])
        .json_lines();
    assert!(
        hits.iter()
            .all(|h| h["text"].as_str().unwrap().contains("sea wall contract"))
    );
    assert!(!hits.is_empty());
    let run = ctx.run(&["search", "\"contract sea wall\""]);
    assert_eq!(run.code, 1, "words out of order are not the phrase");
}

#[test]
fn exclusion_and_or() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let hits = ctx
        .run(&["search", "harbour -festival", "--json"])
        .json_lines();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| {
        !h["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("festival")
    }));
    let hits = ctx
        .run(&["search", "ferry", "OR", "boat", "--json"])
        .json_lines();
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("ferry")) && texts.iter().any(|t| t.contains("boat")),
        "{texts:?}"
    );
}

#[test]
fn every_filter_as_flag_and_in_query() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let paths = |args: &[&str]| -> Vec<String> {
        let mut args = args.to_vec();
        args.extend(["--json", "--limit", "50"]);
        let mut paths: Vec<String> = ctx
            .run(&args)
            .json_lines()
            .iter()
            .map(|h| h["path"].as_str().unwrap().to_string())
            .collect();
        paths.sort();
        paths.dedup();
        paths
    };
    let ruling = vec!["archive/wall-ruling.txt".to_string()];
    assert_eq!(paths(&["search", "--topic", "COURTS"]), ruling);
    assert_eq!(paths(&["search", "topic:courts"]), ruling);
    assert_eq!(paths(&["search", "--source", "gazette"]), ruling);
    assert_eq!(paths(&["search", "source:\"Harbourton Gazette\""]), ruling);
    assert_eq!(paths(&["search", "--on", "2025-04"]), ruling);
    assert_eq!(paths(&["search", "date:2025-04-10"]), ruling);
    assert_eq!(
        paths(&["search", "--from", "2025-04", "--to", "2025-05"]),
        ruling
    );
    assert_eq!(
        paths(&["search", "after:2025-04-01", "before:2025-04-30"]),
        ruling
    );
    assert_eq!(
        paths(&["search", "--to", "2024"]),
        vec!["archive/2024/storm.md".to_string()]
    );
    assert_eq!(
        paths(&["search", "--from", "2025-06-01"]),
        vec!["archive/2025-06-01-festival.txt".to_string()]
    );
    assert_eq!(
        paths(&["search", "--topic", "local news", "--topic", "weather"]),
        vec!["archive/2024/storm.md".to_string()]
    );
    assert_eq!(
        paths(&["search", "wall", "--topic", "transport"]),
        vec!["archive/harbour-road.txt".to_string()]
    );
}

#[test]
fn filter_only_lists_newest_first() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let hits = ctx
        .run(&["search", "--topic", "local news", "--json", "--limit", "50"])
        .json_lines();
    let dates: Vec<&str> = hits.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.first(), Some(&"2025-04-10"));
}

#[test]
fn hit_json_has_the_spec_shape() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let hit = ctx
        .run(&["search", "ferry", "--json"])
        .json_lines()
        .remove(0);
    for key in [
        "id",
        "passage",
        "score",
        "title",
        "date",
        "date_source",
        "source",
        "path",
        "topics",
        "persons",
        "text",
        "highlights",
        "copies",
    ] {
        assert!(hit.get(key).is_some(), "missing {key} in {hit}");
    }
    assert_eq!(hit["title"], "Winter storm batters the coast");
    assert_eq!(hit["date"], "2024-11-20");
    assert_eq!(hit["date_source"], "metadata");
    assert_eq!(hit["source"], "Coast Weekly");
    assert_eq!(hit["passage"], 0);
    assert_eq!(hit["topics"], serde_json::json!(["Weather", "Local News"]));
    assert_eq!(hit["copies"], serde_json::json!([]));
    assert!(hit["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn exit_codes_and_one_line_errors() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    assert_eq!(ctx.run(&["search", "ferry"]).code, 0);
    assert_eq!(ctx.run(&["search", "zeppelin"]).code, 1);
    for args in [
        vec!["search", "x", "--from", "2025-13"],
        vec!["search", "x", "--on", "april"],
        vec!["search", "date:2025-02-30"],
        vec!["search", "\"unclosed"],
        vec!["search", "OR"],
    ] {
        let run = ctx.run(&args);
        assert_eq!(run.code, 2, "{args:?}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {}", run.stderr);
        assert!(lines[0].starts_with("error: "), "{}", lines[0]);
        assert!(run.stdout.is_empty());
    }
    let run = ctx.run(&["search", "x", "--from", "2025-13"]);
    assert!(
        run.stderr.contains("YYYY, YYYY-MM, YYYY-MM-DD") && run.stderr.contains("30d"),
        "{}",
        run.stderr
    );
}

#[test]
fn human_output_groups_passages_and_marks_undated() {
    let ctx = TestContext::with_archive();
    ctx.write(
        "archive/notes",
        "Ferry timetable changes\n\nThe ferry will run twice a day from May.\n",
    );
    ctx.ingest();
    let run = ctx.run(&["search", "council", "--color", "never"]);
    assert_eq!(run.code, 0);
    // Two passages of the ruling mention the council: one header, two passages.
    assert_eq!(
        run.stdout.matches("Judge halts sea wall contract").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("¶2") && run.stdout.contains("¶3"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\x1b'));
    let run = ctx.run(&["search", "twice", "--color", "always"]);
    assert!(
        run.stdout.contains("(undated; file time)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\x1b[1;33mtwice\x1b[0m"),
        "{}",
        run.stdout
    );
}

#[test]
fn first_search_builds_the_index_from_archive() {
    let ctx = TestContext::with_archive();
    let run = ctx.run(&["search", "ferry", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("building it from archive/ (first use)"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json_lines().len(), 1);
    assert!(ctx.path().join("index/meta.json").exists());
    let again = ctx.run(&["search", "ferry", "--json"]);
    assert!(!again.stderr.contains("building"), "{}", again.stderr);
}

#[test]
fn search_without_index_or_archive_is_an_error() {
    let ctx = TestContext::new();
    let run = ctx.run(&["search", "ferry"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("morgue ingest"), "{}", run.stderr);
}

/// The README's first command, on the project's own sample archive.
#[test]
fn the_sample_archive_answers_the_readme_search() {
    let ctx = TestContext::new();
    let source = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("archive");
    for entry in walkdir::WalkDir::new(&source) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(&source).unwrap();
            let bytes = std::fs::read(entry.path()).unwrap();
            ctx.write_bytes(&format!("archive/{}", relative.display()), &bytes);
        }
    }
    let summary = ctx.ingest();
    assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
    for format in ["text", "markdown", "html", "json", "email"] {
        assert!(
            summary["formats"][format]["records"].as_u64().unwrap() >= 1,
            "{format} in {summary}"
        );
    }
    let hits = ctx
        .run(&["search", "Orrick injunction", "--json"])
        .json_lines();
    let first = hits[0]["text"].as_str().unwrap();
    assert!(first.contains("Orrick"), "{first}");
    assert!(highlighted(&hits[0]).iter().any(|h| h == "Orrick"));
}
