//! Results taken away: `--format`/`--csv` on every list, `--sort`, batches of queries
//! (`--batch`, `--summary`) and `similar`.

use crate::common::TestContext;
use serde_json::Value;

/// Parses CSV output into rows of cells (quotes and doubled quotes, line breaks inside
/// quoted cells).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let at = rows[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", rows[0]));
    rows[1..].iter().map(|r| r[at].as_str()).collect()
}

fn archive() -> TestContext {
    let ctx = TestContext::new();
    let stories = [
        (
            "a.txt",
            "Quay crane, \"the big one\", returns",
            "2025-01-10",
            "Ann Lee",
            "The quay crane returned to work at the harbour.",
        ),
        (
            "b.txt",
            "=HYPERLINK(\"http://x.example\") harbour notice",
            "2025-03-02",
            "Bo Chen",
            "A notice about the harbour fees, with a line\nthat goes on.",
        ),
        (
            "c.txt",
            "Harbour fees rise",
            "2024-11-20",
            "Ann Lee",
            "The harbour board raised its fees for the winter.",
        ),
        (
            "d.txt",
            "School bus timetable",
            "2025-02-14",
            "Cy Dunn",
            "The school bus leaves at eight from the square.",
        ),
    ];
    for (file, title, date, author, body) in stories {
        ctx.write(
            &format!("archive/{file}"),
            &format!(
                "{title}\nBy {author}\nPublished: {date}\n\n{body}\nMore about it follows here.\n"
            ),
        );
    }
    ctx.ingest();
    ctx
}

#[test]
fn search_results_leave_as_csv_with_formulas_kept_as_text() {
    let ctx = archive();
    let run = ctx.run(&["search", "harbour", "--csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = csv_rows(&run.stdout);
    assert_eq!(
        rows[0],
        [
            "date", "title", "source", "authors", "persons", "path", "passage", "score", "id"
        ]
    );
    let titles = column(&rows, "title");
    assert!(
        titles.contains(&"Quay crane, \"the big one\", returns"),
        "{titles:?}"
    );
    // A title a spreadsheet would run as a formula stays text.
    assert!(
        titles.iter().any(|t| t.starts_with("'=HYPERLINK")),
        "{titles:?}"
    );
    assert!(
        column(&rows, "passage")
            .iter()
            .any(|p| p.contains("harbour fees"))
    );
    assert!(column(&rows, "authors").contains(&"Ann Lee"));
    // --format csv is the same as --csv; --format json the same as --json.
    assert_eq!(
        ctx.run(&["search", "harbour", "--format", "csv"]).stdout,
        run.stdout
    );
    assert_eq!(
        ctx.run(&["search", "harbour", "--format", "json"]).stdout,
        ctx.run(&["search", "harbour", "--json"]).stdout
    );
    let both = ctx.run(&["search", "harbour", "--json", "--csv"]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}

#[test]
fn every_list_has_a_csv_form() {
    let ctx = archive();
    for (args, first_cell) in [
        (vec!["topics", "--csv"], "topic"),
        (vec!["persons", "--csv"], "name"),
        (vec!["stats", "--csv"], "measure"),
        (vec!["timeline", "harbour", "--csv"], "start"),
        (vec!["extract", "archive/c.txt", "--csv"], "id"),
    ] {
        let run = ctx.run(&args);
        assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
        let rows = csv_rows(&run.stdout);
        assert_eq!(rows[0][0], first_cell, "{args:?}");
        assert!(
            rows.iter().all(|r| r.len() == rows[0].len()),
            "{args:?}: {rows:?}"
        );
    }
    let stats = csv_rows(&ctx.run(&["stats", "--csv"]).stdout);
    assert!(
        stats.contains(&vec!["articles".to_string(), "4".to_string()]),
        "{stats:?}"
    );
}

#[test]
fn sort_orders_articles_by_date_either_way() {
    let ctx = archive();
    let dates = |sort: &str| -> Vec<String> {
        let run = ctx.run(&[
            "search",
            "harbour",
            "--sort",
            sort,
            "--json",
            "--passages",
            "1",
        ]);
        run.json_lines()
            .iter()
            .map(|h| h["date"].as_str().unwrap().to_string())
            .collect()
    };
    let newest = dates("newest");
    assert_eq!(newest, ["2025-03-02", "2025-01-10", "2024-11-20"]);
    let mut oldest = newest.clone();
    oldest.reverse();
    assert_eq!(dates("oldest"), oldest);
    assert_eq!(dates("relevance").len(), 3);
}

#[test]
fn a_batch_runs_every_line_and_reports_the_bad_ones() {
    let ctx = archive();
    ctx.write(
        "names.csv",
        "label,query\nHarbour,harbour\nLee,author:lee\nBroken,\"foo AND (bar\"\nNobody,zzyzx\nBus,school bus\n",
    );
    let run = ctx.run(&["search", "--batch", "names.csv", "--summary", "--csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("names.csv:4:"), "{}", run.stderr);
    let rows = csv_rows(&run.stdout);
    assert_eq!(
        rows[0],
        [
            "query",
            "label",
            "articles",
            "stories",
            "passages",
            "first_date",
            "last_date"
        ]
    );
    let summary: Vec<(String, String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[1].clone(), r[2].clone(), r[5].clone(), r[6].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Harbour".into(),
                "3".into(),
                "2024-11-20".into(),
                "2025-03-02".into()
            ),
            (
                "Lee".into(),
                "2".into(),
                "2024-11-20".into(),
                "2025-01-10".into()
            ),
            ("Nobody".into(), "0".into(), String::new(), String::new()),
            (
                "Bus".into(),
                "1".into(),
                "2025-02-14".into(),
                "2025-02-14".into()
            ),
        ]
    );
    // Hits of a plain list of queries, each led by its query.
    ctx.write("words.txt", "# one per line\nharbour\n\nschool\n");
    let run = ctx.run(&[
        "search",
        "--batch",
        "words.txt",
        "--json",
        "--passages",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hits = run.json_lines();
    let by_query = |q: &str| hits.iter().filter(|h| h["query"] == q).count();
    assert_eq!((by_query("harbour"), by_query("school")), (3, 1));
    assert!(hits.iter().all(|h: &Value| h["label"] == h["query"]));
    // A batch with nothing that can run is an error.
    ctx.write("bad.txt", "foo AND (bar\n");
    assert_eq!(ctx.run(&["search", "--batch", "bad.txt"]).code, 2);
    assert_eq!(ctx.run(&["search", "--batch", "missing.txt"]).code, 2);
}

#[test]
fn similar_finds_the_articles_sharing_rare_words_and_leaves_out_copies() {
    let ctx = TestContext::new();
    let target = "Lighthouse keeper retires\nPublished: 2025-02-01\n\nThe lighthouse keeper on Gull Rock, the last in the county, retired after forty years of trimming lamps and logging gales.\nHis lamp room will become a museum of foghorns.\n";
    ctx.write("archive/target.txt", target);
    ctx.write("archive/copy/target.txt", target);
    let kin = [
        "Foghorns silenced on Gull Rock\nPublished: 2025-01-05\n\nThe foghorns on Gull Rock fell silent as the lighthouse was automated, and the keeper was told his post would end.\nA museum was proposed.\n",
        "Lighthouse museum plan approved\nPublished: 2025-03-10\n\nThe county approved a museum in the old lamp room of the Gull Rock lighthouse, with foghorns and logbooks of gales.\nIt opens in summer.\n",
    ];
    for (n, text) in kin.iter().enumerate() {
        ctx.write(&format!("archive/kin-{n}.txt"), text);
    }
    for n in 0..6 {
        ctx.write(
            &format!("archive/other-{n}.txt"),
            &format!("Council budget vote {n}\nPublished: 2025-02-0{}\n\nThe council voted on the budget for roads and schools in ward {n}, after a long debate about taxes.\nThe mayor welcomed the vote.\n", n + 1),
        );
    }
    ctx.ingest();
    let search = ctx.run(&[
        "search",
        "lighthouse",
        "keeper",
        "retires",
        "--json",
        "--passages",
        "1",
    ]);
    let id = search.json_lines()[0]["id"].as_str().unwrap().to_string();
    let run = ctx.run(&["similar", &id, "--json", "--limit", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paths: Vec<String> = run
        .json_lines()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["archive/kin-0.txt", "archive/kin-1.txt"],
        "{paths:?}"
    );
    let unknown = ctx.run(&["similar", "ffffffffffffffff"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
}
