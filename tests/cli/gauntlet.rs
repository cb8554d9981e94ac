//! A gauntlet of odd real-world files written at test time: multi-byte characters across
//! the byte offsets where readers cut text, digits of other scripts in dates and file
//! names, right-to-left and CJK headlines, broken escapes, control characters, a PDF cut
//! short, a PDF that expands without end, deep nesting. Every file is read or skipped
//! with a reason; none takes the ingest down.

use crate::common::TestContext;
use crate::common::pdf::{expanding_pdf, text_pdf};
use serde_json::Value;
use std::collections::BTreeMap;

/// Byte offsets at which readers have cut or may cut text.
const BOUNDARIES: [usize; 7] = [512, 1000, 1024, 2000, 2048, 4096, 8192];
/// Characters of two, three and four bytes.
const WIDE: [char; 4] = ['’', '中', '😀', 'é'];

/// `head`, then words, with a multi-byte character starting one byte before every offset
/// in [`BOUNDARIES`] (so that it straddles the offset), then `tail`.
fn straddling(head: &str, tail: &str) -> String {
    const WORDS: [&str; 8] = [
        "harbour ", "ferry ", "sailed ", "again ", "at ", "dawn. ", "Crews ", "cheered ",
    ];
    let mut text = head.to_string();
    let mut word = 0;
    for (n, boundary) in BOUNDARIES.iter().enumerate() {
        while text.len() < boundary - 1 {
            let next = WORDS[word % WORDS.len()];
            if text.len() + next.len() < *boundary {
                text.push_str(next);
                word += 1;
            } else {
                text.push('x');
            }
        }
        let wide = WIDE[n % WIDE.len()];
        text.push(wide);
        assert!(
            !text.is_char_boundary(*boundary),
            "{wide} straddles {boundary}"
        );
        text.push(' ');
    }
    text.push_str("The end.");
    text.push_str(tail);
    text
}

fn write_gauntlet(ctx: &TestContext) {
    let body = |head: &str, tail: &str| straddling(head, tail);
    ctx.write(
        "gauntlet/straddle.txt",
        &body("Harbour ferry returns\nPublished: 3 March 2025\n\n", "\n"),
    );
    ctx.write(
        "gauntlet/straddle.md",
        &body(
            "---\ntitle: Ferry returns ’quietly’\ndate: 2025-03-03\n---\n\n",
            "\n",
        ),
    );
    ctx.write(
        "gauntlet/straddle.html",
        &body(
            "<!-- saved from url=(0041)https://ledger.example/2025/03/03/ferry -->\n<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1><p>",
            "</p></article></body></html>",
        ),
    );
    ctx.write(
        "gauntlet/straddle.json",
        &body(
            r#"{"title": "Ferry returns", "date": "2025-03-03", "text": ""#,
            r#""}"#,
        ),
    );
    let line = body(
        r#"{"title": "Ferry line", "date": "2025-03-04", "text": ""#,
        r#""}"#,
    );
    ctx.write("gauntlet/straddle.jsonl", &format!("{line}\n{line}\n"));
    ctx.write(
        "gauntlet/straddle.eml",
        &body(
            "From: The Ledger <news@ledger.example>\r\nSubject: Ferry returns\r\nDate: Mon, 3 Mar 2025 07:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
            "\r\n",
        ),
    );
    // Digits of other scripts, in a date line, a file name, markup and a JSON field.
    ctx.write(
        "gauntlet/arabic-line.txt",
        "Ferry timetable\nPublished: ٢٠٢٥-٠٣-٠٣\n\nThe ferry runs every hour from Monday.\n",
    );
    ctx.write(
        "gauntlet/٢٠٢٥-٠٣-٠٣-named.txt",
        "Ferry named\n\nThe new ferry was named by the harbour master.\n",
    );
    ctx.write(
        "gauntlet/fullwidth.html",
        r#"<html><head><meta property="article:published_time" content="２０２５-０３-０３T10:00:00+09:00"><title>Ferry</title></head><body><article><p>The ferry returned to the harbour on Monday morning after repairs.</p></article></body></html>"#,
    );
    ctx.write(
        "gauntlet/devanagari.json",
        r#"{"title": "Ferry returns", "date": "२०२५-०३-०३", "text": "The ferry returned on Monday."}"#,
    );
    // Right-to-left and CJK headlines.
    ctx.write(
        "gauntlet/rtl.txt",
        "عودة العبارة إلى الميناء\n\nعادت العبارة إلى الميناء صباح الاثنين بعد أسبوع من العواصف.\n",
    );
    ctx.write(
        "gauntlet/cjk.md",
        "# 渡轮恢复运营\n\n港口的渡轮在周一早上恢复运营，此前停航了一周。\n",
    );
    // Escapes a scraper cut in half, and control characters in text and headers.
    ctx.write(
        "gauntlet/surrogates.json",
        r#"{"title": "Cut \ud83d emoji", "text": "The ferry \udc00 returned."}"#,
    );
    ctx.write(
        "gauntlet/control.txt",
        "Ferry \u{1b}[31mreturns\u{7}\n\nThe ferry \u{1b}]0;owned\u{7}returned \u{8}on Monday.\n",
    );
    // Nested 1,500 levels deep: unusual, but no reason to refuse.
    ctx.write(
        "gauntlet/nested.html",
        &format!(
            "<html><body>{}<p>The ferry returned after a week of storms.</p>{}</body></html>",
            "<div>".repeat(1500),
            "</div>".repeat(1500)
        ),
    );
    // A PDF cut off half way through: it never ends.
    let whole = text_pdf(&[vec!["The ferry returned on Monday.".to_string()]]);
    ctx.write_bytes("gauntlet/never-ends.pdf", &whole[..whole.len() / 2]);
}

fn skipped_reasons(summary: &Value) -> BTreeMap<String, String> {
    summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = s["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, s["reason"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn every_odd_file_is_read_or_skipped_with_a_reason() {
    let ctx = TestContext::new();
    write_gauntlet(&ctx);
    // A test build reads the deeply nested page some hundred times slower than a release
    // build: on a loaded machine it could pass the default limit.
    let run = ctx.run(&["ingest", "gauntlet", "--json", "--file-timeout", "300"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let summary = run.json();
    let skipped = skipped_reasons(&summary);
    assert_eq!(
        skipped.keys().collect::<Vec<_>>(),
        ["never-ends.pdf"],
        "{skipped:?}"
    );
    assert!(skipped["never-ends.pdf"].starts_with("unreadable PDF"));
    // Every other file is indexed, the JSON Lines file as two records.
    assert_eq!(summary["added"], 15, "{summary}");
    let records: usize = summary["by_format"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap() as usize)
        .sum();
    assert_eq!(records, 16, "{summary}");
}

#[test]
fn odd_files_keep_their_dates_titles_and_text() {
    let ctx = TestContext::new();
    write_gauntlet(&ctx);
    let run = ctx.run(&["extract", "--json", "gauntlet"]);
    let records: BTreeMap<String, Value> = run
        .json_lines()
        .into_iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap();
            (path.rsplit('/').next().unwrap().to_string(), r)
        })
        .collect();
    let field = |name: &str, key: &str| -> String {
        let record = records
            .get(name)
            .unwrap_or_else(|| panic!("{name} not read"));
        record[key].as_str().unwrap_or_default().to_string()
    };
    for name in [
        "straddle.txt",
        "straddle.md",
        "straddle.html",
        "straddle.json",
        "straddle.eml",
        "arabic-line.txt",
        "٢٠٢٥-٠٣-٠٣-named.txt",
        "fullwidth.html",
        "devanagari.json",
    ] {
        assert_eq!(field(name, "date"), "2025-03-03", "{name}");
    }
    assert_eq!(field("٢٠٢٥-٠٣-٠٣-named.txt", "date_source"), "filename");
    assert_eq!(field("arabic-line.txt", "date_source"), "text");
    // Every wide character that straddled a boundary is still in the text, whole.
    for name in [
        "straddle.txt",
        "straddle.html",
        "straddle.json",
        "straddle.eml",
    ] {
        let text = records[name]["passages"].to_string();
        for wide in WIDE {
            assert!(text.contains(wide), "{wide} lost from {name}");
        }
    }
    assert_eq!(field("straddle.md", "title"), "Ferry returns ’quietly’");
    assert_eq!(
        field("straddle.html", "url"),
        "https://ledger.example/2025/03/03/ferry"
    );
    assert_eq!(field("rtl.txt", "title"), "عودة العبارة إلى الميناء");
    assert_eq!(field("cjk.md", "title"), "渡轮恢复运营");
    assert_eq!(field("surrogates.json", "title"), "Cut \u{fffd} emoji");
    let control = records["control.txt"].to_string();
    assert!(
        !control.contains("\\u001b") && !control.contains("\\u0007"),
        "{control}"
    );
    assert!(field("nested.html", "title").contains("ferry returned"));
}

#[test]
fn a_pdf_that_expands_without_end_is_stopped() {
    let ctx = TestContext::new();
    ctx.write_bytes("archive/expanding.pdf", &expanding_pdf(20_000_000));
    ctx.write(
        "archive/fine.txt",
        "Ferry returns\n\nThe ferry returned on Monday.\n",
    );
    let started = std::time::Instant::now();
    let run = ctx.run(&["ingest", "archive", "--json", "--file-timeout", "3"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(run.code, 3, "{}", run.stderr);
    let summary = run.json();
    assert_eq!(summary["added"], 1);
    let reason = &skipped_reasons(&summary)["expanding.pdf"];
    assert!(
        reason.contains("longer than") || reason.contains("memory"),
        "{reason}"
    );
}
