//! Copies of one story: the same file saved twice, a wire story reprinted with edits, and
//! a different report on the same event that must stay apart.

use crate::common::TestContext;

const WIRE: &str = "Rescue crews searched through the night for two fishermen missing off the northern cape after their trawler sank in heavy seas on Monday evening.
The coastguard said a lifeboat and a helicopter had been sent to the area shortly after a distress call was received from the vessel at about six o'clock.
Three other members of the crew were pulled from a life raft by a passing cargo ship and taken to hospital in the port, where they were treated for cold.
The harbour master said conditions had worsened quickly during the afternoon, with gusts of more than sixty miles an hour reported along the coast.
Families of the missing men gathered at the quay as the search continued, and a local church opened its doors to offer them shelter and food.";

const OTHER: &str = "Fishing families in the northern port say they have warned for years that the ageing trawler fleet is not safe in winter storms.
One skipper, who has worked the grounds for three decades, said many boats were built before current safety rules and are costly to refit.
The regional fishing association will ask ministers next month for grants to replace the oldest vessels and to pay for new survival suits.
Monday's sinking, in which two men are still missing, has added urgency to a campaign that began after a similar loss five winters ago.";

fn archive(ctx: &TestContext) {
    let original = format!(
        "Two fishermen missing after trawler sinks\nBy Lena Fisk | 3 February 2025\n\n{WIRE}\nTopics: Fishing, Coast\n"
    );
    ctx.write("archive/wire/original.txt", &original);
    ctx.write("archive/saved-twice/original-copy.txt", &original);
    let trimmed: Vec<&str> = WIRE.lines().take(4).collect();
    let reprint = format!(
        "Search goes on for crew of sunken trawler\nBy Tom Hale | 4 February 2025\n\n{}\nTopics: Fishing\n",
        trimmed.join("\n")
    );
    ctx.write("archive/reprint.txt", &reprint);
    let other = format!(
        "Skippers warn of ageing fleet after sinking\n4 February 2025\n\n{OTHER}\nTopics: Fishing\n"
    );
    ctx.write("archive/analysis.txt", &other);
}

#[test]
fn copies_collapse_into_one_hit_and_different_reports_stay_apart() {
    let ctx = TestContext::new();
    archive(&ctx);
    ctx.ingest();
    let hits = ctx
        .run(&["search", "trawler", "--json", "--limit", "20"])
        .json_lines();
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    let wire_hits: Vec<&serde_json::Value> = hits
        .iter()
        .filter(|h| h["path"] != "archive/analysis.txt")
        .collect();
    let wire_paths: std::collections::BTreeSet<&str> = wire_hits
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        wire_paths.len(),
        1,
        "one record stands for the story: {paths:?}"
    );
    let copies: Vec<&str> = wire_hits[0]["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(
        paths.contains(&"archive/analysis.txt"),
        "a different report is its own hit"
    );
    let analysis = hits
        .iter()
        .find(|h| h["path"] == "archive/analysis.txt")
        .unwrap();
    assert_eq!(analysis["copies"], serde_json::json!([]));

    let all = ctx
        .run(&[
            "search",
            "trawler",
            "--json",
            "--limit",
            "20",
            "--all-copies",
        ])
        .json_lines();
    let all_paths: std::collections::BTreeSet<&str> =
        all.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(all_paths.len(), 4, "{all_paths:?}");

    let human = ctx.run(&["search", "trawler", "--color", "never"]);
    assert!(human.stdout.contains("+2 copies: "), "{}", human.stdout);
}

#[test]
fn timeline_counts_stories_not_copies() {
    let ctx = TestContext::new();
    archive(&ctx);
    ctx.ingest();
    let timeline = ctx.run(&["timeline", "--json", "--by", "month"]).json();
    let bucket = &timeline["buckets"][0];
    assert_eq!(bucket["start"], "2025-02-01");
    assert_eq!(bucket["stories"], 2, "the wire story and the analysis");
    assert_eq!(bucket["passages"], 5 + 5 + 4 + 4);
}

#[test]
fn copies_found_in_a_later_ingest_join_the_earlier_story() {
    let ctx = TestContext::new();
    let original =
        format!("Two fishermen missing after trawler sinks\n3 February 2025\n\n{WIRE}\n");
    ctx.write("archive/original.txt", &original);
    ctx.ingest();
    let trimmed: Vec<&str> = WIRE.lines().take(4).collect();
    ctx.write(
        "archive/later.txt",
        &format!(
            "Search for crew goes on\n4 February 2025\n\n{}\n",
            trimmed.join("\n")
        ),
    );
    ctx.ingest();
    let hits = ctx.run(&["search", "lifeboat", "--json"]).json_lines();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["copies"].as_array().unwrap().len(), 1);
}
