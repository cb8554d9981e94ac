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
