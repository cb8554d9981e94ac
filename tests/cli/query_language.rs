//! Every form of the query language against a brute-force scan: a generated archive of
//! clippings whose words are known, each query run through `morgue search`, and its set
//! of matching files compared with the files a plain loop over the words says match.

use crate::common::TestContext;
use chrono::{Datelike, Days, Local, NaiveDate};
use std::collections::BTreeSet;

/// Words the generated passages are made of: near spellings for prefixes, wildcards and
/// fuzzy words, and a few words the operators are tried on.
const VOCABULARY: &[&str] = &[
    "sanctuary",
    "sanctuaries",
    "sanctum",
    "sand",
    "woman",
    "women",
    "womban",
    "orick",
    "orrick",
    "orik",
    "oricks",
    "orrik",
    "oranges",
    "alpha",
    "beta",
    "gamma",
    "delta",
    "running",
    "runs",
    "run",
    "harbour",
    "council",
    "vote",
    "road",
    "storm",
    "ferry",
    "market",
    "river",
    "bridge",
    "school",
];
const AUTHORS: &[&str] = &["Maria Delgado", "Tomás Ibarra", "Ann Lee"];

/// One generated clipping, as the brute-force scan sees it.
struct Generated {
    path: String,
    title: Vec<String>,
    passages: Vec<Vec<String>>,
    author: &'static str,
    date: NaiveDate,
}

impl Generated {
    fn words(&self) -> impl Iterator<Item = &String> {
        self.title.iter().chain(self.passages.iter().flatten())
    }

    fn has(&self, word: &str) -> bool {
        self.words().any(|w| w == word)
    }

    fn text(&self) -> String {
        let passages: Vec<String> = self
            .passages
            .iter()
            .map(|p| format!("{}.", capitalised(&p.join(" "))))
            .collect();
        format!(
            "{}\nBy {}\nPublished: {}\n\n{}\n",
            capitalised(&self.title.join(" ")),
            self.author,
            self.date.format("%B %-d, %Y"),
            passages.join("\n\n")
        )
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A small deterministic generator (a linear congruential one), so every run builds
/// the same archive.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % sides as u64) as usize
    }

    fn word(&mut self) -> String {
        VOCABULARY[self.roll(VOCABULARY.len())].to_string()
    }
}

fn generate(today: NaiveDate) -> Vec<Generated> {
    let mut dice = Dice(7);
    (0..120)
        .map(|n| {
            let title: Vec<String> = (0..4).map(|_| dice.word()).collect();
            let mut passages: Vec<Vec<String>> = Vec::new();
            for _ in 0..2 {
                let mut words: Vec<String> = (0..10).map(|_| dice.word()).collect();
                // "judge … funds" with a gap of 0 to 6 words, in either order, in some.
                if dice.roll(3) == 0 {
                    let (first, second) = if dice.roll(2) == 0 {
                        ("judge", "funds")
                    } else {
                        ("funds", "judge")
                    };
                    let at = dice.roll(3);
                    let gap = dice.roll(7);
                    words.insert(at, first.to_string());
                    words.insert((at + gap + 1).min(words.len()), second.to_string());
                }
                passages.push(words);
            }
            let date = today - Days::new((n * 3) as u64);
            let year = date.format("%Y");
            Generated {
                path: format!("archive/{year}/story-{n:03}.txt"),
                title,
                passages,
                author: AUTHORS[n % AUTHORS.len()],
                date,
            }
        })
        .collect()
}

/// Edit distance with a swap of two letters counting as one edit (as fuzzy words count).
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// True when `first` and `second` stand in one passage with at most `slack` words
/// between them, in that order or, when `any_order`, in either.
fn near(g: &Generated, first: &str, second: &str, slack: usize, any_order: bool) -> bool {
    g.passages.iter().any(|p| {
        let at = |w: &str| -> Vec<usize> {
            p.iter()
                .enumerate()
                .filter(|(_, x)| *x == w)
                .map(|(i, _)| i)
                .collect()
        };
        at(first).iter().any(|&i| {
            at(second).iter().any(|&j| {
                (j > i && j - i - 1 <= slack) || (any_order && i > j && i - j - 1 <= slack)
            })
        })
    })
}

/// What a query should match, as a test over a generated record.
type Matches = Box<dyn Fn(&Generated) -> bool>;

fn search(ctx: &TestContext, args: &[&str]) -> BTreeSet<String> {
    let mut all = vec![
        "search",
        "--json",
        "--limit",
        "1000",
        "--all-copies",
        "--passages",
        "1",
    ];
    all.extend(args);
    let run = ctx.run(&all);
    assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
    let paths: Vec<String> = run
        .json_lines()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap().to_string())
        .collect();
    // One hit per article: a passage document taken for an article would come twice.
    let distinct: BTreeSet<String> = paths.iter().cloned().collect();
    assert_eq!(
        distinct.len(),
        paths.len(),
        "{args:?}: an article came twice"
    );
    distinct
}

fn expected(records: &[Generated], matches: impl Fn(&Generated) -> bool) -> BTreeSet<String> {
    records
        .iter()
        .filter(|g| matches(g))
        .map(|g| g.path.clone())
        .collect()
}

#[test]
fn every_query_form_matches_what_a_scan_of_the_words_finds() {
    let today = Local::now().date_naive();
    let records = generate(today);
    let ctx = TestContext::new();
    for g in &records {
        ctx.write(&g.path, &g.text());
    }
    ctx.ingest();
    let stem_of_run = ["run", "runs", "running"];
    let cases: Vec<(&[&str], Matches)> = vec![
        (
            &["sanctuar*"],
            Box::new(|g| g.words().any(|w| w.starts_with("sanctuar"))),
        ),
        (&["wom?n"], Box::new(|g| g.has("woman") || g.has("women"))),
        (
            &["orick~1"],
            Box::new(|g| g.words().any(|w| edits(w, "orick") <= 1)),
        ),
        (
            &["orick~2"],
            Box::new(|g| g.words().any(|w| edits(w, "orick") <= 2)),
        ),
        (
            &["\"judge funds\"~2"],
            Box::new(|g| near(g, "judge", "funds", 2, false)),
        ),
        (
            &["\"judge funds\""],
            Box::new(|g| near(g, "judge", "funds", 0, false)),
        ),
        (
            &["judge NEAR/3 funds"],
            Box::new(|g| near(g, "judge", "funds", 3, true)),
        ),
        (
            &["(alpha OR beta) AND gamma"],
            Box::new(|g| (g.has("alpha") || g.has("beta")) && g.has("gamma")),
        ),
        // AND binds tighter than OR.
        (
            &["alpha OR beta AND gamma"],
            Box::new(|g| g.has("alpha") || (g.has("beta") && g.has("gamma"))),
        ),
        (
            &["alpha AND NOT beta"],
            Box::new(|g| g.has("alpha") && !g.has("beta")),
        ),
        (
            &["alpha -beta"],
            Box::new(|g| g.has("alpha") && !g.has("beta")),
        ),
        // Exclusions alone: every article but those.
        (&["NOT beta"], Box::new(|g| !g.has("beta"))),
        (
            &["title:delta"],
            Box::new(|g| g.title.iter().any(|w| w == "delta")),
        ),
        (
            &["author:delgado"],
            Box::new(|g| g.author == "Maria Delgado"),
        ),
        (
            &["author:\"tomas ibarra\""],
            Box::new(|g| g.author == "Tomás Ibarra"),
        ),
        (&["=running"], Box::new(|g| g.has("running"))),
        (
            &["running"],
            Box::new(move |g| stem_of_run.iter().any(|w| g.has(w))),
        ),
        (
            &["harbour", "--from", "30d"],
            Box::new(move |g| g.has("harbour") && g.date >= today - Days::new(30)),
        ),
        (
            &["harbour", "--to", "90d"],
            Box::new(move |g| g.has("harbour") && g.date <= today - Days::new(90)),
        ),
        (
            &["harbour", "after:60d"],
            Box::new(move |g| g.has("harbour") && g.date >= today - Days::new(60)),
        ),
    ];
    for (args, matches) in &cases {
        let want = expected(&records, matches);
        assert!(
            !want.is_empty(),
            "{args:?} should match some generated record"
        );
        assert_eq!(search(&ctx, args), want, "{args:?}");
    }
    // Paths: a folder of the archive.
    let year = today.format("%Y").to_string();
    let folder = format!("path:{year}/");
    assert_eq!(
        search(&ctx, &["harbour", &folder]),
        expected(&records, |g| g.has("harbour")
            && g.path.contains(&format!("/{year}/")))
    );
}

#[test]
fn named_periods_are_whole_periods() {
    let today = Local::now().date_naive();
    let records = generate(today);
    let ctx = TestContext::new();
    for g in &records {
        ctx.write(&g.path, &g.text());
    }
    ctx.ingest();
    let this_month = today.with_day0(0).unwrap();
    let last_month_start = (this_month - Days::new(1)).with_day0(0).unwrap();
    assert_eq!(
        search(&ctx, &["--on", "last-month"]),
        expected(&records, |g| g.date >= last_month_start
            && g.date < this_month)
    );
    let week = today.iso_week();
    let label = format!("{}-W{:02}", week.year(), week.week());
    assert_eq!(
        search(&ctx, &["--on", &label]),
        expected(&records, |g| g.date.iso_week() == week)
    );
    assert_eq!(
        search(&ctx, &["--on", "today"]),
        expected(&records, |g| g.date == today)
    );
}

#[test]
fn malformed_queries_say_where_and_how_to_fix_them() {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    let cases = [
        ("foo AND (bar", "column 9"),
        ("\"judge funds", "quote"),
        ("foo)", "column 4"),
        ("orick~3", "use 0, 1 or 2"),
        ("OR foo", "OR"),
    ];
    for (query, says) in cases {
        let run = ctx.run(&["search", query]);
        assert_eq!(run.code, 2, "{query}: {}", run.stdout);
        assert_eq!(
            run.stderr.trim().lines().count(),
            1,
            "{query}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(says), "{query}: {}", run.stderr);
    }
    let run = ctx.run(&["search", "harbour", "--from", "30x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--from"), "{}", run.stderr);
}

/// More articles hold the phrase than are asked for one by one: the phrase still finds
/// exactly those (and none whose file was since changed or deleted), with the words
/// near each other or apart elsewhere.
#[test]
fn a_phrase_held_by_many_articles_finds_each_of_them() {
    let ctx = TestContext::new();
    let mut holding = BTreeSet::new();
    for n in 0..120 {
        let path = format!("archive/note-{n:03}.txt");
        let body = match n % 3 {
            0 => "The harbour ferry left on time.",
            1 => "The ferry reached the old harbour late.",
            _ => "A harbour crane lifted the ferry ramp.",
        };
        ctx.write(&path, &format!("Note {n}\n\nWeek {n}: {body}\n"));
        if n % 3 == 0 {
            holding.insert(path);
        }
    }
    ctx.ingest();
    let args = ["\"harbour ferry\""];
    assert_eq!(search(&ctx, &args), holding);
    // A changed file and a deleted one leave their old documents behind as deletions.
    ctx.write(
        "archive/note-000.txt",
        "Note 0\n\nWeek 0: no crossing today.\n",
    );
    std::fs::remove_file(ctx.path().join("archive/note-003.txt")).unwrap();
    ctx.write(
        "archive/note-001.txt",
        "Note 1\n\nWeek 1: the harbour ferry was full.\n",
    );
    ctx.ingest();
    holding.remove("archive/note-000.txt");
    holding.remove("archive/note-003.txt");
    holding.insert("archive/note-001.txt".to_string());
    assert_eq!(search(&ctx, &args), holding);
}
