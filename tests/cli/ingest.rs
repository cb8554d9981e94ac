//! `morgue ingest`: summaries, incremental updates and skipped files.

use crate::common::TestContext;

#[test]
fn incremental_ingest_adds_skips_replaces_and_removes() {
    let ctx = TestContext::with_archive();
    let first = ctx.ingest();
    assert_eq!(
        (first["seen"].as_u64(), first["added"].as_u64()),
        (Some(4), Some(4))
    );

    let second = ctx.ingest();
    assert_eq!(second["added"], 0);
    assert_eq!(second["updated"], 0);
    assert_eq!(second["unchanged"], 4);

    ctx.write(
        "archive/harbour-road.txt",
        "Harbour road reopens early\nPublished: 2 May 2025\n\nThe harbour road reopened on Friday, a month early, after repairs to the sea wall.\n",
    );
    let third = ctx.ingest();
    assert_eq!(
        (third["updated"].as_u64(), third["unchanged"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(
        ctx.run(&["search", "engineers"]).code,
        1,
        "the old text is gone"
    );
    let hits = ctx.run(&["search", "reopened", "--json"]).json_lines();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["date"], "2025-05-02");

    std::fs::remove_file(ctx.path().join("archive/wall-ruling.txt")).unwrap();
    let fourth = ctx.ingest();
    assert_eq!(fourth["removed"], 1);
    assert_eq!(ctx.run(&["search", "injunction"]).code, 1);
    let stats = ctx.run(&["stats", "--json"]).json();
    assert_eq!(stats["articles"], 3);
}

#[test]
fn touching_a_file_without_changing_it_reindexes_nothing() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let path = ctx.path().join("archive/harbour-road.txt");
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, text).unwrap();
    // A later modification time, set rather than waited for.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let again = ctx.ingest();
    assert_eq!(
        (again["updated"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(4))
    );
}

#[test]
fn rebuild_starts_over() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let run = ctx.run(&["ingest", "archive", "--rebuild", "--json"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.json()["added"], 4);
    assert_eq!(ctx.run(&["stats", "--json"]).json()["articles"], 4);
}

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let ctx = TestContext::with_archive();
    ctx.write_bytes("archive/photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0binary");
    ctx.write("archive/empty.txt", "");
    ctx.write("archive/only-junk.txt", "Advert\nShare this article\n");
    ctx.write("archive/broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    ctx.write("archive/picture.jpg", "not really");
    ctx.write_bytes(
        "archive/latin1.txt",
        b"Caf\xe9 owners protest\n\nOwners of the harbour caf\xe9 said rents had doubled.\n",
    );
    let run = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(run.code, 3, "some files skipped: {}", run.stderr);
    let summary = run.json();
    assert_eq!(summary["added"], 5);
    let skipped = summary["skipped"].as_array().unwrap();
    let reason = |name: &str| -> String {
        skipped
            .iter()
            .find(|s| s["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not reported in {skipped:?}"))["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(reason("photo.txt").contains("binary"));
    assert_eq!(reason("empty.txt"), "empty file");
    assert!(reason("only-junk.txt").contains("no article text"));
    assert!(reason("broken.md").contains("malformed YAML front matter"));
    assert!(reason("picture.jpg").contains("unsupported format"));
    let hits = ctx.run(&["search", "café", "--json"]).json_lines();
    assert_eq!(hits.len(), 1, "Windows-1252 text is decoded");
    assert!(hits[0]["text"].as_str().unwrap().contains("café"));
}

#[test]
fn human_summary_goes_to_stderr() {
    let ctx = TestContext::with_archive();
    let run = ctx.run(&["ingest", "archive"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("4 files seen: 4 added"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("filename 1"), "{}", run.stderr);
}
