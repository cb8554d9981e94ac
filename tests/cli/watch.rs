//! `morgue watch` on a temporary folder: additions, edits, deletions, renames, slow
//! writes, bursts, a second writer, and SIGTERM in the middle of a burst.

use crate::common::TestContext;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: a busy CI machine may take a while; the loop returns as soon as it can.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running watcher and the JSON lines it has printed so far.
struct Watcher {
    child: Child,
    lines: Arc<Mutex<Vec<Value>>>,
}

impl Watcher {
    fn start(ctx: &TestContext) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_morgue"))
            .args(["watch", "--json", "-q"])
            .current_dir(ctx.path())
            .env_remove("MORGUE_INDEX")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stdout = child.stdout.take().unwrap();
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                sink.lock()
                    .unwrap()
                    .push(serde_json::from_str(&line).unwrap());
            }
        });
        let watcher = Watcher { child, lines };
        wait_until("the initial ingest", || watcher.batches().len() == 1);
        watcher
    }

    fn batches(&self) -> Vec<Value> {
        self.lines.lock().unwrap().clone()
    }

    /// Sends SIGTERM and returns the exit code.
    fn terminate(mut self) -> Option<i32> {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        self.child.wait().unwrap().code()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn hits(ctx: &TestContext, query: &str) -> Vec<Value> {
    ctx.run(&["search", query, "--json", "--all-copies", "--limit", "1000"])
        .json_lines()
}

fn clipping(title: &str, body: &str) -> String {
    format!("{title}\nPublished: 4 May 2025\n\n{body}\n")
}

/// Writes 500 clippings under `archive/burst/`, calling `after` with each number.
fn write_burst(ctx: &TestContext, after: impl Fn(usize)) {
    for n in 0..500 {
        ctx.write(
            &format!("archive/burst/{n:03}.txt"),
            &clipping(
                &format!("Burst {n}"),
                &format!("Tide table number {n} for the quay."),
            ),
        );
        after(n);
    }
}

fn total(batches: &[Value], field: &str) -> u64 {
    batches.iter().map(|b| b[field].as_u64().unwrap()).sum()
}

#[test]
fn additions_edits_deletions_and_renames_follow_the_folder() {
    let ctx = TestContext::with_archive();
    let watcher = Watcher::start(&ctx);
    ctx.write(
        "archive/pier.txt",
        &clipping(
            "Pier repainted",
            "The old pier was repainted in blue by volunteers.",
        ),
    );
    wait_until("the new clipping", || hits(&ctx, "repainted").len() == 1);

    ctx.write(
        "archive/pier.txt",
        &clipping(
            "Pier repainted",
            "The old pier was varnished by volunteers.",
        ),
    );
    wait_until("the edit", || hits(&ctx, "varnished").len() == 1);
    assert!(hits(&ctx, "blue").is_empty(), "the old text is still found");

    let id = hits(&ctx, "varnished")[0]["id"].clone();
    std::fs::create_dir_all(ctx.path().join("archive/2025")).unwrap();
    std::fs::rename(
        ctx.path().join("archive/pier.txt"),
        ctx.path().join("archive/2025/pier.txt"),
    )
    .unwrap();
    wait_until("the rename", || {
        hits(&ctx, "varnished")
            .first()
            .is_some_and(|h| h["path"] == "archive/2025/pier.txt")
    });
    let moved = hits(&ctx, "varnished");
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0]["id"], id);

    std::fs::remove_file(ctx.path().join("archive/2025/pier.txt")).unwrap();
    wait_until("the deletion", || hits(&ctx, "varnished").is_empty());
    assert_eq!(ctx.run(&["stats", "--json"]).json()["articles"], 4);
    assert_eq!(watcher.terminate(), Some(0));
}

#[test]
fn a_file_written_slowly_becomes_one_whole_record() {
    let ctx = TestContext::with_archive();
    let watcher = Watcher::start(&ctx);
    let path = ctx.path().join("archive/slow.txt");
    let pieces = [
        "Slow download arrives\nPublished: 4 May 2025\n\n",
        "The first part tells of a quay. ",
        "The second part tells of a crane. ",
        "The last part tells of a gull.\n",
    ];
    let mut file = std::fs::File::create(&path).unwrap();
    for piece in pieces {
        use std::io::Write;
        file.write_all(piece.as_bytes()).unwrap();
        file.flush().unwrap();
        std::thread::sleep(Duration::from_millis(400));
    }
    drop(file);
    wait_until("the whole file", || hits(&ctx, "gull").len() == 1);
    let hit = &hits(&ctx, "quay")[0];
    assert!(hit["text"].as_str().unwrap().contains("gull"));
    // Files saved a moment before the watcher started are read once they settle too, so
    // count over every batch: the four fixtures and the slow file, each added once.
    let batches = watcher.batches();
    assert_eq!(total(&batches, "added"), 5, "{batches:?}");
    ctx.write("archive/page.html.crdownload", "<html><body>half a page");
    ctx.write("archive/notes.txt~", "an editor's backup");
    ctx.write(
        "archive/gull.txt",
        &clipping("Gull count", "Gulls were counted on the quay."),
    );
    wait_until("the next clipping", || hits(&ctx, "counted").len() == 1);
    let batches = watcher.batches();
    assert!(
        batches
            .iter()
            .all(|b| b["skipped"] == serde_json::json!([])),
        "{batches:?}"
    );
    assert_eq!(total(&batches, "added"), 6);
    assert_eq!(total(&batches, "updated"), 0, "half-written: {batches:?}");
}

#[test]
fn a_burst_of_files_lands_in_a_few_commits() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/first.txt",
        &clipping("First", "A first note about the quay."),
    );
    let watcher = Watcher::start(&ctx);
    write_burst(&ctx, |_| {});
    wait_until("all 500 files", || {
        ctx.run(&["stats", "--json"]).json()["articles"] == 501
    });
    let batches = watcher.batches();
    assert_eq!(total(&batches, "added"), 501);
    assert!(
        batches.len() <= 12,
        "{} commits for one burst",
        batches.len()
    );
    let busy = ctx.run(&["ingest"]);
    assert_eq!(busy.code, 2);
    let pid = watcher.child.id().to_string();
    assert!(busy.stderr.contains(&pid), "{}", busy.stderr);
}

#[test]
fn sigterm_mid_burst_leaves_an_index_the_next_watch_completes() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/first.txt",
        &clipping("First", "A first note about the quay."),
    );
    let watcher = Watcher::start(&ctx);
    // A pause halfway lets a batch start while the rest is still being written.
    write_burst(&ctx, |n| {
        if n == 250 {
            std::thread::sleep(Duration::from_millis(1500));
        }
    });
    assert_eq!(watcher.terminate(), Some(0));
    let stats = ctx.run(&["stats", "--json"]);
    assert!(matches!(stats.code, 0 | 1), "{}", stats.stderr);
    let before = stats.json()["articles"].as_u64().unwrap();
    assert!(before <= 501);
    let again = Watcher::start(&ctx);
    wait_until("the rest of the burst", || {
        ctx.run(&["stats", "--json"]).json()["articles"] == 501
    });
    let batches = again.batches();
    assert_eq!(total(&batches, "added"), 501 - before, "{batches:?}");
    assert_eq!(total(&batches, "updated") + total(&batches, "removed"), 0);
}
