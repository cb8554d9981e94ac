//! How articles are ranked: word rarity counted over articles, evidence added up over
//! an article's paragraphs, and headlines weighed as headlines. Each archive here is
//! built so that ranking passages on their own (as morgue once did) gets it wrong.

use crate::common::TestContext;

fn first_path(ctx: &TestContext, query: &[&str]) -> String {
    let mut args = vec!["search"];
    args.extend_from_slice(query);
    args.push("--json");
    let run = ctx.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json_lines()[0]["path"].as_str().unwrap().to_string()
}

#[test]
fn a_rare_word_outweighs_common_ones() {
    let ctx = TestContext::new();
    // The one article about the company names it in every paragraph: counted over
    // passages, the company's name looks common and "how much will ... pay" rare.
    let paragraphs: Vec<String> = (0..10)
        .map(|n| format!("Paragraph {n}: regulators said Equifax faced questions over the breach at its offices."))
        .collect();
    ctx.write(
        "archive/equifax.txt",
        &format!("Regulators question Equifax\n\n{}\n\nThe settlement could make the company pay for years.\n", paragraphs.join("\n\n")),
    );
    for n in 0..5 {
        ctx.write(
            &format!("archive/gamble-{n}.txt"),
            &format!("Racing notes {n}\n\nNobody knows how much the gamble will pay off this season.\n\nThe stables reported a quiet week at the course.\n"),
        );
    }
    ctx.ingest();
    assert_eq!(
        first_path(&ctx, &["how much will equifax pay"]),
        "archive/equifax.txt"
    );
}

#[test]
fn evidence_spread_over_paragraphs_adds_up() {
    let ctx = TestContext::new();
    let mut story = vec!["Crowds gathered on the cliffs to watch the supermoon rise.".to_string()];
    for n in 0..6 {
        story.push(format!(
            "Witness {n} said the supermoon looked larger than any before."
        ));
    }
    story.push("By midnight the bright moon lit up the whole bay.".to_string());
    story.push("The sky stayed clear until dawn, forecasters said.".to_string());
    ctx.write(
        "archive/supermoon.txt",
        &format!("Night of the big moon\n\n{}\n", story.join("\n\n")),
    );
    ctx.write(
        "archive/fireworks.txt",
        "Harbour celebrations\n\nFireworks lit up the sky.\n\nThe council said the event cost less than last year.\n",
    );
    ctx.ingest();
    assert_eq!(
        first_path(&ctx, &["supermoon lit up the sky"]),
        "archive/supermoon.txt"
    );
}

#[test]
fn a_headline_match_weighs_as_a_headline() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/bridge.txt",
        "Harbour bridge reopens\n\nCars crossed the harbour again on Monday after repairs that took three months and closed the road to the port.\n",
    );
    for n in 0..4 {
        ctx.write(
            &format!("archive/council-{n}.txt"),
            &format!("Council meeting {n}\n\nThe council discussed parking charges, a new library, the summer festival and, briefly, a footbridge over the stream near the school, before closing the meeting at ten.\n"),
        );
    }
    ctx.write(
        "archive/roads.txt",
        "Road works list\n\nWorks this week include resurfacing on the high street and painting of the bridge railings.\n",
    );
    ctx.ingest();
    assert_eq!(first_path(&ctx, &["bridge"]), "archive/bridge.txt");
}

/// Articles in ranking order for `query` (one line per article: a passage each).
fn ranked_paths(ctx: &TestContext, query: &str) -> Vec<String> {
    let run = ctx.run(&["search", query, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json_lines()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap().to_string())
        .collect()
}

/// An event's second article names the query's words once each, in a long text about
/// the event, and loses to a short item that names them in passing; the words the best
/// articles share (the warehouse, its dock, the fire chief) lift it back. An article
/// about the event without the query's words is still not an answer. The fire was in
/// 2024, the rest in 2025.
fn harbour_fire_archive(ctx: &TestContext) {
    ctx.write(
        "archive/fire.txt",
        "Fire at harbour warehouse\nPublished: 12 March 2024\n\nFire broke out in a warehouse at the harbour on Tuesday. Fire chief Anke Kessler said the blaze started near dock nine.\n\nThe warehouse stored timber, and the blaze spread along dock nine. Kessler said crews kept the blaze away from the harbour offices.\n",
    );
    ctx.write(
        "archive/wiring.txt",
        "Timber warehouse blaze blamed on wiring\nPublished: 2 April 2025\n\nChief Anke Kessler said faulty wiring started the blaze in the timber warehouse at dock nine. The owner said the timber was insured.\n\nKessler said the blaze at dock nine was the worst in the harbour for years. Crews from three stations fought the fire through the night.\n\nDock nine will stay closed while the warehouse is inspected, and Kessler's team will report on the wiring within a month.\n",
    );
    ctx.write(
        "archive/festival.txt",
        "Weekend festival programme\nPublished: 9 May 2025\n\nThe harbour festival ends with a fire show on Saturday.\n",
    );
    ctx.write(
        "archive/reopens.txt",
        "Dock nine reopens\nPublished: 20 June 2025\n\nDock nine reopened on Friday after inspectors cleared the timber warehouse that Kessler's crews saved from the blaze.\n",
    );
    for (n, topic) in [
        "parking charges",
        "the library roof",
        "bus timetables",
        "school meals",
    ]
    .iter()
    .enumerate()
    {
        ctx.write(
            &format!("archive/council-{n}.txt"),
            &format!("Council notes {n}\n\nThe council discussed {topic} and agreed to meet again next month.\n"),
        );
    }
    ctx.ingest();
}

#[test]
fn words_the_best_articles_share_lift_the_rest_of_the_story() {
    let ctx = TestContext::new();
    harbour_fire_archive(&ctx);
    let ranked = ranked_paths(&ctx, "harbour fire");
    let at = |path: &str| ranked.iter().position(|p| p == path);
    assert_eq!(ranked[0], "archive/fire.txt", "{ranked:?}");
    assert!(
        at("archive/wiring.txt") < at("archive/festival.txt"),
        "{ranked:?}"
    );
    assert_eq!(at("archive/reopens.txt"), None, "{ranked:?}");
}

#[test]
fn a_timeline_tops_each_period_by_the_scores_search_ranks_by() {
    let ctx = TestContext::new();
    harbour_fire_archive(&ctx);
    let run = ctx.run(&["timeline", "harbour fire", "--by", "year", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let timeline = run.json();
    let tops: Vec<(&str, &str)> = timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap(),
                b["top"]["path"].as_str().unwrap(),
            )
        })
        .collect();
    // 2025 holds the second report and the passing mention: the report tops it, as it
    // outranks the mention in `search`.
    assert_eq!(
        tops,
        [
            ("2024-01-01", "archive/fire.txt"),
            ("2025-01-01", "archive/wiring.txt")
        ]
    );
}
