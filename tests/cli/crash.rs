//! Crash safety and concurrent use: an ingest killed at any point leaves the last commit
//! readable and a later ingest exact; two ingests never write at once.

use crate::common::TestContext;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Passages in every generated clipping.
const PASSAGES: u64 = 2;

fn write_many(ctx: &TestContext, folder: &str, count: usize) {
    for i in 0..count {
        ctx.write(
            &format!("{folder}/batch-{:02}/clip-{i:05}.txt", i % 50),
            &format!(
                "Harbour bulletin number {i}\nPublished: {} March 2025\n\nThe harbour office logged vessel {i} arriving at berth {} on the morning tide.\nCrew member {} reported calm seas and a cargo of timber number {i}.\n",
                1 + i % 28,
                i % 40,
                i * 7
            ),
        );
    }
}

fn spawn(ctx: &TestContext, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_morgue"))
        .args(args)
        .current_dir(ctx.path())
        .env_remove("MORGUE_INDEX")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits until the ingest holds the writer lock (it leaves its process id in the index).
fn wait_for_writer(ctx: &TestContext, child: &mut Child) -> bool {
    let pid_file = ctx.path().join("index/ingest.pid");
    let deadline = Instant::now() + Duration::from_secs(30);
    // The file names the holder once it has the lock; an earlier ingest's file, or one
    // still being written, does not count.
    let holder = child.id().to_string();
    while Instant::now() < deadline {
        if std::fs::read_to_string(&pid_file).is_ok_and(|pid| pid.trim() == holder) {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

fn assert_exact(ctx: &TestContext, files: u64) {
    let run = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats = ctx.run(&["stats", "--json"]).json();
    assert_eq!(
        stats["articles"].as_u64(),
        Some(files),
        "nothing missing, nothing doubled"
    );
    assert_eq!(stats["passages"].as_u64(), Some(files * PASSAGES));
}

#[test]
fn killed_ingests_leave_a_readable_index_and_the_next_ingest_is_exact() {
    let ctx = TestContext::new();
    write_many(&ctx, "archive/first", 200);
    ctx.ingest();
    write_many(&ctx, "archive/second", 1000);
    for (round, delay_ms) in [0u64, 40, 150, 500].into_iter().enumerate() {
        let mut child = spawn(&ctx, &["ingest", "archive"]);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let how = if round % 2 == 0 { "-KILL" } else { "-INT" };
        signal(&child, how);
        child.wait().unwrap();
        // The index opens and answers from its last commit.
        let stats = ctx.run(&["stats", "--json"]);
        assert_eq!(
            stats.code, 0,
            "after {how} at {delay_ms} ms: {}",
            stats.stderr
        );
        let articles = stats.json()["articles"].as_u64().unwrap();
        assert!(
            articles == 200 || articles == 1200,
            "a commit is all or nothing: {articles}"
        );
        let search = ctx.run(&["search", "harbour bulletin", "--json"]);
        assert_eq!(search.code, 0, "{}", search.stderr);
    }
    assert_exact(&ctx, 1200);
}

#[test]
fn a_second_ingest_fails_fast_naming_the_first_or_waits() {
    let ctx = TestContext::new();
    write_many(&ctx, "archive/first", 100);
    ctx.ingest();
    write_many(&ctx, "archive/second", 1500);
    // A watcher holds the writer lock for as long as it runs: a race that cannot be lost.
    let mut holder = spawn(&ctx, &["watch", "archive", "-q"]);
    assert!(
        wait_for_writer(&ctx, &mut holder),
        "the watcher never took the lock"
    );
    let second = ctx.run(&["ingest", "archive"]);
    assert_eq!(second.code, 2, "{}", second.stderr);
    assert!(
        second
            .stderr
            .contains(&format!("is being updated by process {}", holder.id())),
        "{}",
        second.stderr
    );
    // Searching while the index is held answers from the last commit.
    let search = ctx.run(&["search", "harbour bulletin", "--json"]);
    assert_eq!(search.code, 0, "{}", search.stderr);
    // --wait waits for the holder to finish, then runs.
    let waiting = spawn(&ctx, &["ingest", "archive", "--wait", "--json"]);
    std::thread::sleep(Duration::from_millis(300));
    signal(&holder, "-TERM");
    assert_eq!(holder.wait().unwrap().code(), Some(0));
    let waited = waiting.wait_with_output().unwrap();
    assert_eq!(
        waited.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&waited.stderr)
    );
    assert_exact(&ctx, 1600);
}
