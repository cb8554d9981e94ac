//! A folder of hostile files built at test time: every bad file is reported once with a
//! reason, nothing panics or hangs, and every good file is indexed.

use crate::common::TestContext;
use std::collections::BTreeMap;

fn good(ctx: &TestContext, name: &str, topic: &str) {
    ctx.write(
        &format!("archive/{name}"),
        &format!("Harbour {topic} report\nPublished: 3 March 2025\n\nThe {topic} committee met on Monday to review the harbour plans.\n"),
    );
}

#[test]
fn hostile_files_are_reported_once_and_good_files_indexed() {
    let ctx = TestContext::new();
    for (n, topic) in ["ferry", "bridge", "market"].iter().enumerate() {
        good(&ctx, &format!("good-{n}.txt"), topic);
    }
    // Binary files under text names.
    ctx.write_bytes("archive/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    ctx.write_bytes("archive/program", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
    ctx.write_bytes(
        "archive/noise.txt",
        &(0..4096u32).map(|i| (i * 7 % 31) as u8).collect::<Vec<_>>(),
    );
    // Mixed encodings: UTF-8 with a stray Windows-1252 byte is read, not refused.
    ctx.write_bytes("archive/mixed.txt", b"Caf\xc3\xa9 owners protest\n\nOwners of the caf\xc3\xa9 said rents had doubled \x93again\x94.\n");
    ctx.write("archive/empty.txt", "");
    ctx.write("archive/blank.txt", "\n\n   \n");
    ctx.write("archive/broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    ctx.write("archive/unclosed.md", "---\ntitle: x\nno closing fence\n");
    ctx.write("archive/deep.html", &"<div>".repeat(100_000));
    ctx.write("archive/truncated.json", "{\"title\": \"Half a rec");
    ctx.write("archive/cut.eml", "Subject: half\nFrom: a@b");
    ctx.write_bytes("archive/cut.pdf", b"%PDF-1.4\n1 0 obj <<");
    ctx.write("archive/odd.xyz", "not a clipping format");
    // A 200 MB text file, sparse so the test stays fast: refused by size, never read.
    let huge = std::fs::File::create(ctx.path().join("archive/huge.txt")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    // A symbolic link loop and a dangling link.
    std::os::unix::fs::symlink("loop-b", ctx.path().join("archive/loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", ctx.path().join("archive/loop-b")).unwrap();
    std::os::unix::fs::symlink(".", ctx.path().join("archive/folder-loop")).unwrap();
    // A file name that is not UTF-8.
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"archive/caf\xe9-notes.txt");
        std::fs::write(
            ctx.path().join(name),
            "Notes on the cafe\n\nThe cafe reopened on Friday after repairs to its roof.\n",
        )
        .unwrap();
    }

    // A file without read permission (root reads it anyway, so both outcomes are checked).
    let locked = ctx.path().join("archive/locked.txt");
    std::fs::write(
        &locked,
        "Locked notes\n\nThe locked notes were about the harbour ferry timetable.\n",
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let locked_readable = std::fs::read(&locked).is_ok();

    let started = std::time::Instant::now();
    let run = ctx.run(&["ingest", "archive", "--json"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "bounded time"
    );
    assert_eq!(run.code, 3, "some files skipped: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let summary = run.json();
    let skipped = summary["skipped"].as_array().unwrap();
    let mut reasons: BTreeMap<String, String> = BTreeMap::new();
    for s in skipped {
        let path = s["path"].as_str().unwrap().to_string();
        let reason = s["reason"].as_str().unwrap().to_string();
        assert!(
            reasons.insert(path.clone(), reason).is_none(),
            "{path} reported twice"
        );
    }
    let reason = |name: &str| -> &str {
        reasons
            .iter()
            .find(|(path, _)| path.ends_with(name))
            .map(|(_, reason)| reason.as_str())
            .unwrap_or_else(|| panic!("{name} not reported: {reasons:?}"))
    };
    assert!(reason("image.txt").contains("PNG image"));
    assert!(reason("program").contains("executable"));
    assert!(reason("noise.txt").contains("binary"));
    assert_eq!(reason("empty.txt"), "empty file");
    assert!(reason("blank.txt").contains("no article text"));
    assert!(reason("broken.md").contains("malformed YAML"));
    assert!(reason("unclosed.md").contains("never closed"));
    assert!(reason("huge.txt").contains("file too large (209.7 MB"));
    assert!(reason("deep.html").contains("nested too deeply"));
    assert!(reason("truncated.json").starts_with("invalid JSON"));
    assert!(
        reason("cut.eml").contains("e-mail"),
        "{}",
        reason("cut.eml")
    );
    assert!(
        reason("cut.pdf").starts_with("unreadable PDF"),
        "{}",
        reason("cut.pdf")
    );
    assert!(reason("odd.xyz").contains("unsupported format"));
    assert!(
        reason("loop-a").contains("link") || reason("loop-a").contains("loop"),
        "{}",
        reason("loop-a")
    );
    // Every good file, the mixed-encoding one and the non-UTF-8 name are indexed.
    if locked_readable {
        assert_eq!(summary["added"], 6, "{summary}");
    } else {
        assert_eq!(reason("locked.txt"), "permission denied");
        assert_eq!(summary["added"], 5, "{summary}");
    }
    // Each skipped file is also named on stderr when not --json.
    let human = ctx.run(&["ingest", "archive", "--rebuild"]);
    for path in reasons.keys() {
        assert_eq!(
            human.stderr.matches(path.as_str()).count(),
            1,
            "{path} in {}",
            human.stderr
        );
    }
    let hits = ctx.run(&["search", "cafe", "--json"]).json_lines();
    assert_eq!(
        hits.len(),
        2,
        "the mixed-encoding file and the non-UTF-8 name"
    );
}

#[test]
fn the_size_limit_is_configurable() {
    let ctx = TestContext::new();
    good(&ctx, "small.txt", "ferry");
    ctx.write(
        "archive/long.txt",
        &format!(
            "Long report\n\n{}\n",
            "The council met again. ".repeat(100_000)
        ),
    );
    let run = ctx.run(&["ingest", "archive", "--json", "--max-file-size", "1"]);
    assert_eq!(run.code, 3);
    assert!(
        run.json()["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("the limit is 1.0 MB")
    );
    let run = ctx.run(&["ingest", "archive", "--json", "--max-file-size", "5"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bad = ctx.run(&["ingest", "archive", "--max-file-size", "0"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("positive number"), "{}", bad.stderr);
}

#[test]
fn bytes_from_clippings_cannot_drive_the_terminal() {
    let ctx = TestContext::new();
    // A file name and a title carrying escape sequences: clear the screen, retitle the
    // window, reverse the line.
    ctx.write(
        "archive/evil\x1b[2J.txt",
        "Harbour \x1b]0;owned\x07notice \u{202e}reversed\nPublished: 3 March 2025\n\nThe harbour notice went up on the quay wall.\n",
    );
    ctx.ingest();
    let run = ctx.run(&["search", "harbour", "--color", "always"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let escapes: Vec<&str> = run.stdout.matches('\x1b').collect();
    // Only morgue's own colour codes: each starts a style or resets it.
    for (at, _) in run.stdout.match_indices('\x1b') {
        let code = &run.stdout[at..];
        assert!(
            ["\x1b[1m", "\x1b[2m", "\x1b[1;33m", "\x1b[0m"]
                .iter()
                .any(|c| code.starts_with(c)),
            "foreign escape in {:?}",
            &code[..code.len().min(12)]
        );
    }
    assert!(!escapes.is_empty());
    assert!(run.stdout.contains("evil␛[2J.txt"), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{202e}'));
    assert!(!run.stdout.contains('\x07'));
}
