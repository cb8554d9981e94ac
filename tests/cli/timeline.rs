//! `morgue timeline`: counts checked against a brute-force count of a generated archive,
//! for every unit, with filters, empty periods and ISO week boundaries.

use crate::common::TestContext;
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// One generated clipping: its date, topic, story group and which passages say "lighthouse".
struct Fixture {
    date: NaiveDate,
    topic: &'static str,
    story: usize,
    lighthouse_passages: usize,
}

const VOCABULARY: &[&str] = &[
    "harbour",
    "council",
    "ferry",
    "market",
    "river",
    "bridge",
    "school",
    "budget",
    "storm",
    "museum",
    "railway",
    "garden",
    "station",
    "festival",
    "hospital",
    "library",
    "tunnel",
    "orchard",
    "quarry",
    "stadium",
    "factory",
    "airport",
    "canal",
    "theatre",
    "barracks",
    "vineyard",
    "reservoir",
    "tramway",
    "pier",
    "mill",
    "forge",
    "granary",
    "abbey",
    "castle",
    "meadow",
    "dockyard",
    "foundry",
    "observatory",
    "aqueduct",
    "causeway",
];

/// Deterministic, story-specific text: different stories share almost no 4-word runs.
fn passage(story: usize, n: usize, lighthouse: bool) -> String {
    let mut state = (story as u64 + 1) * 0x9E37_79B9 + n as u64 * 7919;
    let mut words = Vec::new();
    for _ in 0..24 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        words.push(VOCABULARY[(state >> 33) as usize % VOCABULARY.len()]);
    }
    if lighthouse {
        words.insert(5, "lighthouse");
    }
    let mut text = words.join(" ");
    text[..1].make_ascii_uppercase();
    text + "."
}

fn fixtures() -> Vec<Fixture> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut out = vec![
        // Sunday 2024-12-29 and Monday 2024-12-30 fall in different ISO weeks; the Monday's
        // week is 2025-W01.
        Fixture {
            date: d(2024, 12, 29),
            topic: "Courts",
            story: 0,
            lighthouse_passages: 1,
        },
        Fixture {
            date: d(2024, 12, 30),
            topic: "Weather",
            story: 1,
            lighthouse_passages: 2,
        },
        Fixture {
            date: d(2025, 1, 5),
            topic: "Courts",
            story: 2,
            lighthouse_passages: 0,
        },
        Fixture {
            date: d(2025, 1, 6),
            topic: "Courts",
            story: 3,
            lighthouse_passages: 3,
        },
        // A copy of story 3 a day later: one story, two records.
        Fixture {
            date: d(2025, 1, 7),
            topic: "Courts",
            story: 3,
            lighthouse_passages: 3,
        },
        Fixture {
            date: d(2025, 3, 31),
            topic: "Weather",
            story: 4,
            lighthouse_passages: 1,
        },
        Fixture {
            date: d(2025, 4, 1),
            topic: "Courts",
            story: 5,
            lighthouse_passages: 1,
        },
    ];
    for (i, month) in [5u32, 5, 9, 12].into_iter().enumerate() {
        out.push(Fixture {
            date: d(2025, month, 10 + i as u32),
            topic: "Weather",
            story: 6 + i,
            lighthouse_passages: i % 2,
        });
    }
    out.push(Fixture {
        date: d(2026, 2, 2),
        topic: "Courts",
        story: 10,
        lighthouse_passages: 2,
    });
    out
}

const PASSAGES: usize = 3;

fn write_archive(ctx: &TestContext, fixtures: &[Fixture]) {
    for (i, f) in fixtures.iter().enumerate() {
        let body: Vec<String> = (0..PASSAGES)
            .map(|n| passage(f.story, n, n < f.lighthouse_passages))
            .collect();
        let text = format!(
            "Report number {i}\nPublished: {}\n\n{}\nTopics: {}\n",
            f.date.format("%-d %B %Y"),
            body.join("\n"),
            f.topic
        );
        ctx.write(&format!("archive/{i:02}.txt"), &text);
    }
}

fn start_of(unit: &str, date: NaiveDate) -> NaiveDate {
    match unit {
        "day" => date,
        "week" => date - Days::new(date.weekday().num_days_from_monday() as u64),
        "month" => NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap(),
        _ => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap(),
    }
}

fn next(unit: &str, start: NaiveDate) -> NaiveDate {
    match unit {
        "day" => start + Days::new(1),
        "week" => start + Days::new(7),
        "month" => start + Months::new(1),
        _ => start + Months::new(12),
    }
}

/// Stories and passages per period, counted directly from the fixtures.
fn brute_force(
    fixtures: &[Fixture],
    unit: &str,
    keep: &dyn Fn(&Fixture) -> bool,
    passages_of: &dyn Fn(&Fixture) -> usize,
    span: (NaiveDate, NaiveDate),
) -> Vec<(String, u64, u64)> {
    let mut periods: BTreeMap<NaiveDate, (BTreeSet<usize>, u64)> = BTreeMap::new();
    let mut start = start_of(unit, span.0);
    while start <= span.1 {
        periods.insert(start, (BTreeSet::new(), 0));
        start = next(unit, start);
    }
    for f in fixtures.iter().filter(|f| keep(f) && passages_of(f) > 0) {
        let entry = periods.get_mut(&start_of(unit, f.date)).unwrap();
        entry.0.insert(f.story);
        entry.1 += passages_of(f) as u64;
    }
    periods
        .into_iter()
        .map(|(start, (stories, passages))| (start.to_string(), stories.len() as u64, passages))
        .collect()
}

fn from_morgue(ctx: &TestContext, args: &[&str]) -> Vec<(String, u64, u64)> {
    let mut all = vec!["timeline", "--json"];
    all.extend(args);
    let run = ctx.run(&all);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let timeline = run.json();
    timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap().to_string(),
                b["stories"].as_u64().unwrap(),
                b["passages"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn counts_match_a_brute_force_count_for_every_unit_and_filter() {
    let ctx = TestContext::new();
    let fixtures = fixtures();
    write_archive(&ctx, &fixtures);
    ctx.ingest();
    let first = fixtures.iter().map(|f| f.date).min().unwrap();
    let last = fixtures.iter().map(|f| f.date).max().unwrap();
    for unit in ["day", "week", "month", "year"] {
        let all = brute_force(&fixtures, unit, &|_| true, &|_| PASSAGES, (first, last));
        assert_eq!(from_morgue(&ctx, &["--by", unit]), all, "all, by {unit}");

        let courts = brute_force(
            &fixtures,
            unit,
            &|f| f.topic == "Courts",
            &|_| PASSAGES,
            (first, last),
        );
        let courts_first = fixtures
            .iter()
            .filter(|f| f.topic == "Courts")
            .map(|f| f.date)
            .min()
            .unwrap();
        let courts_last = fixtures
            .iter()
            .filter(|f| f.topic == "Courts")
            .map(|f| f.date)
            .max()
            .unwrap();
        let courts: Vec<_> = courts
            .into_iter()
            .filter(|(start, _, _)| {
                let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
                start >= start_of(unit, courts_first) && start <= courts_last
            })
            .collect();
        assert_eq!(
            from_morgue(&ctx, &["--by", unit, "--topic", "courts"]),
            courts,
            "courts, by {unit}"
        );

        let lighthouse = |f: &Fixture| f.lighthouse_passages;
        let matching: Vec<&Fixture> = fixtures
            .iter()
            .filter(|f| f.lighthouse_passages > 0)
            .collect();
        let span = (
            matching.iter().map(|f| f.date).min().unwrap(),
            matching.iter().map(|f| f.date).max().unwrap(),
        );
        let expected = brute_force(&fixtures, unit, &|_| true, &lighthouse, span);
        assert_eq!(
            from_morgue(&ctx, &["lighthouse", "--by", unit]),
            expected,
            "lighthouse, by {unit}"
        );
    }
}

#[test]
fn date_filters_fix_the_span_and_empty_periods_show_as_zero() {
    let ctx = TestContext::new();
    let fixtures = fixtures();
    write_archive(&ctx, &fixtures);
    ctx.ingest();
    let months = from_morgue(
        &ctx,
        &["--by", "month", "--from", "2025-02", "--to", "2025-06"],
    );
    assert_eq!(
        months,
        vec![
            ("2025-02-01".to_string(), 0, 0),
            ("2025-03-01".to_string(), 1, 3),
            ("2025-04-01".to_string(), 1, 3),
            ("2025-05-01".to_string(), 2, 6),
            ("2025-06-01".to_string(), 0, 0),
        ]
    );
    let weeks = from_morgue(&ctx, &["--by", "week", "--on", "2025-01"]);
    let starts: Vec<&str> = weeks.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2024-12-30",
            "2025-01-06",
            "2025-01-13",
            "2025-01-20",
            "2025-01-27"
        ]
    );
    // The copy on 2025-01-07 is the same story as 2025-01-06: one story, six passages.
    assert_eq!(weeks[1], ("2025-01-06".to_string(), 1, 6));
    // Sunday 2025-01-05 belongs to the week of Monday 2024-12-30; that Monday itself is
    // in December, outside `--on 2025-01`.
    assert_eq!(weeks[0], ("2024-12-30".to_string(), 1, 3));
}

#[test]
fn unit_is_chosen_when_not_given_and_outputs_agree() {
    let ctx = TestContext::new();
    let fixtures = fixtures();
    write_archive(&ctx, &fixtures);
    ctx.ingest();
    let run = ctx.run(&["timeline", "--json"]);
    let timeline = run.json();
    assert_eq!(timeline["by"], "week", "57 weeks of data fit in 60 periods");
    let buckets = timeline["buckets"].as_array().unwrap();
    assert!((10..=60).contains(&buckets.len()));
    let top = &buckets[0]["top"];
    assert_eq!(top["date"], "2024-12-29");
    assert!(top["title"].as_str().unwrap().starts_with("Report number"));

    let csv = ctx.run(&["timeline", "--csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "start,end,stories,passages,top_title,top_date,top_source,top_path"
    );
    assert_eq!(lines.len(), buckets.len() + 1);
    assert!(
        lines[1].starts_with("2024-12-23,2024-12-29,1,3,"),
        "{}",
        lines[1]
    );

    let svg_path = ctx.path().join("chart.svg");
    let human = ctx.run(&[
        "timeline",
        "--svg",
        svg_path.to_str().unwrap(),
        "--color",
        "never",
    ]);
    assert_eq!(human.code, 0);
    assert!(human.stdout.contains("2025-W01  "), "{}", human.stdout);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(
        svg.matches("<rect x=").count(),
        buckets.len(),
        "one bar per week"
    );
    assert!(svg.contains("All stories per week"));
}

#[test]
fn no_match_exits_one_and_bad_dates_exit_two() {
    let ctx = TestContext::new();
    write_archive(&ctx, &fixtures());
    ctx.ingest();
    assert_eq!(ctx.run(&["timeline", "zeppelin"]).code, 1);
    let bad = ctx.run(&["timeline", "--from", "2025-00"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("YYYY-MM-DD"));
}
