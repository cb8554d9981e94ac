use super::*;
use chrono::NaiveDate;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn seed_shaped_clipping() {
    let body = "\nThe council voted on Monday to close the harbour road, angering residents.\nIt was the third vote on the road this year.\nAdvert\nWhy was the road closed?\nEngineers found cracks in the sea wall after the winter storms, the council said.\n.jpg)\nWhat happens next?\nA public meeting will be held next month.\nTopics: Harbour, Local News, Politics, harbour\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.title, None);
    assert_eq!(parts.stated.topics, ["Harbour", "Local News", "Politics"]);
    assert_eq!(
        parts.passages,
        [
            "The council voted on Monday to close the harbour road, angering residents.",
            "It was the third vote on the road this year.",
            "Why was the road closed?\nEngineers found cracks in the sea wall after the winter storms, the council said.",
            "What happens next?\nA public meeting will be held next month.",
        ]
    );
    assert!(parts.stated.date.is_none());
}

#[test]
fn headline_byline_date_and_source_lines() {
    let body = "Harbour road to close after storm damage\nBy Jane Doe and Sam Roe, Reuters\nPublished: 3 March 2025\n\nThe council voted on Monday to close the road.\nIt reopens in June.\n\nSource: Harbour Gazette\n";
    let parts = parse(body, false);
    assert_eq!(
        parts.stated.title.as_deref(),
        Some("Harbour road to close after storm damage")
    );
    assert_eq!(parts.stated.authors, ["Jane Doe", "Sam Roe"]);
    assert_eq!(parts.stated.date.unwrap().date, ymd(2025, 3, 3));
    assert_eq!(parts.stated.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(
        parts.passages,
        [
            "The council voted on Monday to close the road.",
            "It reopens in June."
        ]
    );
}

#[test]
fn bylines_without_a_name_are_not_text() {
    let parts = parse(
        "Rates held\nBy Staff Writer\n\nThe bank held rates.\nMore text.\n",
        false,
    );
    assert!(parts.stated.authors.is_empty());
    assert_eq!(parts.passages, ["The bank held rates.", "More text."]);
    let parts = parse(
        "Rates held\n\nBy the end of the day the bank had held rates.\nMore text.\n",
        false,
    );
    assert_eq!(
        parts.passages[0],
        "By the end of the day the bank had held rates."
    );
}

#[test]
fn date_at_bottom_and_published_beats_updated() {
    let body = "Flood barriers raised\nUpdated 4 March 2025\nThe river rose overnight in the town centre.\nPosted on March 3, 2025 at 10:32\n";
    let parts = parse(body, false);
    let date = parts.stated.date.unwrap();
    assert_eq!((date.date, parts.updated), (ymd(2025, 3, 3), false));
    assert_eq!(
        parts.passages,
        ["The river rose overnight in the town centre."]
    );
}

#[test]
fn dates_inside_the_story_are_ignored() {
    let body = "Thirty years on\nThe market crashed on October 19, 1987, and traders still remember it.\nMany lost their savings.\n";
    assert!(parse(body, false).stated.date.is_none());
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let body = "Cocoa rains return\n\nShowers continued throughout the week in\nthe cocoa zone, easing the drought since early\nJanuary, the review said.\n    The dry period means the harvest will be late\nthis year, traders said.\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.title.as_deref(), Some("Cocoa rains return"));
    assert_eq!(
        parts.passages,
        [
            "Showers continued throughout the week in the cocoa zone, easing the drought since early January, the review said.",
            "The dry period means the harvest will be late this year, traders said.",
        ]
    );
}

#[test]
fn url_and_wire_dateline_give_a_source() {
    let parts = parse(
        "Rates held\nhttps://www.example-news.com/2025/rates\nThe bank held rates on Tuesday.\n",
        false,
    );
    assert_eq!(
        parts.stated.url.as_deref(),
        Some("https://www.example-news.com/2025/rates")
    );
    assert_eq!(parts.stated.source.as_deref(), Some("example-news.com"));
    let parts = parse(
        "Rates held\nLONDON, March 3 (Reuters) - The bank held rates.\nMore text here.\n",
        false,
    );
    assert_eq!(parts.stated.source.as_deref(), Some("Reuters"));
    assert!(
        parts.stated.date.is_none(),
        "a dateline without a year never dates a story"
    );
}

#[test]
fn a_dateline_opening_the_story_dates_it_when_no_date_line_does() {
    let dated = |body: &str| parse(body, false).stated.date.map(|d| d.date);
    let headline = "TAIWAN SEEKS MORE TEXTILE EXPORTS TO U.S.";
    assert_eq!(
        dated(&format!(
            "{headline}\n\nNEW YORK, June 18, 1987 - A mission leaves next week.\n"
        )),
        Some(ymd(1987, 6, 18))
    );
    assert_eq!(
        dated(
            "NEW YORK, June 18, 1987 - A mission leaves next week for talks on the quota, an official said on Thursday.\n"
        ),
        Some(ymd(1987, 6, 18)),
        "a story without a headline"
    );
    assert_eq!(
        dated("Port reopens\nPublished March 3, 2025\n\nNEW YORK, June 18, 1987 - Ships sail.\n"),
        Some(ymd(2025, 3, 3)),
        "a date line beats the dateline"
    );
    assert_eq!(
        dated("Port reopens\n\nShips sail again.\n\nNEW YORK, June 18, 1987 - More ships.\n"),
        None,
        "only the opening of the story holds its dateline"
    );
}

#[test]
fn bylines_set_in_emphasis_or_signed_with_a_job_title() {
    let authors = |byline: &str| {
        parse(
            &format!("Port reopens\n{byline}\n\nShips sailed again on Monday.\n"),
            false,
        )
        .stated
        .authors
    };
    assert_eq!(authors("*By Jane Doe*"), ["Jane Doe"]);
    assert_eq!(authors("**By Jane Doe**"), ["Jane Doe"]);
    assert_eq!(authors("_by Jane Doe_"), ["Jane Doe"]);
    assert_eq!(
        authors("Jane Doe, Chief Political Correspondent"),
        ["Jane Doe"]
    );
    let parts = parse(
        "Port reopens\nJane Doe | Reuters\n\nShips sailed again on Monday.\n",
        false,
    );
    assert_eq!(parts.stated.authors, ["Jane Doe"]);
    assert_eq!(parts.stated.source.as_deref(), Some("Reuters"));
    assert_eq!(parts.passages, ["Ships sailed again on Monday."]);
    let paragraph = "By 1978, the band had won a talent contest and were noticed by a manager, Paul Keane. They were loud, he said, and they played every night of the week.";
    let parts = parse(
        &format!("Band history\n\nThe band formed in 1976.\n\n{paragraph}\n"),
        false,
    );
    assert!(
        parts.stated.authors.is_empty(),
        "{:?}",
        parts.stated.authors
    );
}

#[test]
fn a_citation_line_dates_a_clipping_and_names_its_source() {
    let body = "Port reopens\nThe Ledger, 18 June 1987, p. 4\n\nShips sailed again on Monday.\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.date.map(|d| d.date), Some(ymd(1987, 6, 18)));
    assert_eq!(parts.stated.source.as_deref(), Some("The Ledger"));
    assert_eq!(parts.passages, ["Ships sailed again on Monday."]);
    // A date line is the clipping's own and beats a citation, wherever each stands.
    let body =
        "Port reopens\nPublished: 3 Mar 1987\n\nShips sailed again.\n\nThe Ledger, 18 June 1987\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.date.map(|d| d.date), Some(ymd(1987, 3, 3)));
    // The last line of a wrapped paragraph is the story's, not a citation.
    let body = "Port reopens\nPublished: 3 Mar 1987\n\nThe yard was sold to\nCetek System Inc on Jan 30, 1987.\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.date.map(|d| d.date), Some(ymd(1987, 3, 3)));
    assert_eq!(parts.stated.source, None);
}

#[test]
fn junk_never_reaches_passages() {
    let body = "Skip to main content\nCourt ruling on funds\nShare this article\nThe judge ruled on Friday.\nAdvertisement\nRead more: Other story\nWe use cookies to improve your experience.\n© 2025 Daily Ledger Ltd\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.title.as_deref(), Some("Court ruling on funds"));
    assert_eq!(parts.passages, ["The judge ruled on Friday."]);
    assert_eq!(parts.stated.source.as_deref(), Some("Daily Ledger Ltd"));
}

#[test]
fn markdown_headings_links_and_lists() {
    let body = "# Storm closes port\n\nThe **port** closed on [Tuesday](https://x.test) after\nthe storm.\n\n![](img.png)\n\n## What next\n\nShips will wait.\n\n- First item\n- Second item\n";
    let parts = parse(body, true);
    assert_eq!(parts.stated.title.as_deref(), Some("Storm closes port"));
    assert_eq!(
        parts.passages,
        [
            "The port closed on Tuesday after the storm.",
            "What next\nShips will wait.",
            "First item",
            "Second item",
        ]
    );
}

#[test]
fn long_paragraphs_split_at_sentence_ends() {
    let sentence =
        "The committee heard evidence from twelve witnesses over three long days of hearings. ";
    let long = sentence.repeat(20);
    let parts = parse(&format!("A title here\n{long}\n"), false);
    assert!(parts.passages.len() > 1);
    for passage in &parts.passages {
        assert!(passage.chars().count() <= PASSAGE_TARGET_CHARS + sentence.len());
        assert!(passage.ends_with("hearings."), "{passage}");
    }
}

#[test]
fn sentence_splitting_respects_abbreviations() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Smith left. He returned.",
            &["Mr. Smith left.", "He returned."],
        ),
        (
            "The U.S. Senate voted. It passed.",
            &["The U.S. Senate voted.", "It passed."],
        ),
        (
            "J. Smith said \"no.\" Then left!",
            &["J. Smith said \"no.\"", "Then left!"],
        ),
        (
            "Prices rose 3.5 percent. Why? Demand.",
            &["Prices rose 3.5 percent.", "Why?", "Demand."],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(sentences(text), *expected, "{text}");
    }
}

#[test]
fn bylines_separate_names_from_roles_and_agencies() {
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        ("Jane Doe", &["Jane Doe"], None),
        ("Jane Doe, Political Editor", &["Jane Doe"], None),
        ("Jane Doe & Ravi Patel", &["Jane Doe", "Ravi Patel"], None),
        ("Reuters", &[], Some("Reuters")),
        ("Ana de la Cruz in Madrid", &["Ana de la Cruz"], None),
    ];
    for (text, names, agency) in cases {
        let (found, found_agency) = byline_names(text);
        assert_eq!(found, *names, "{text}");
        assert_eq!(found_agency.as_deref(), *agency, "{text}");
    }
}

#[test]
fn first_line_of_a_wrapped_paragraph_is_not_a_headline() {
    let body = "White smoke rose above the old chapel on Thursday evening as cardinals chose a\nPeruvian bishop as the next leader of the church, officials said.\n\nHe greeted the crowd.\n";
    let parts = parse(body, false);
    assert_eq!(parts.stated.title, None);
    assert!(
        parts.passages[0].starts_with("White smoke"),
        "{:?}",
        parts.passages
    );
    let parts = parse(
        "Cocoa rains return\nShowers continued throughout the week in\nthe cocoa zone, easing the drought since early\nJanuary, the review said.\n",
        false,
    );
    assert_eq!(parts.stated.title.as_deref(), Some("Cocoa rains return"));
}

#[test]
fn markdown_titles_come_only_from_headings() {
    let parts = parse(
        "Plain first line without a stop\nand its continuation here.\n\nSecond paragraph.\n",
        true,
    );
    assert_eq!(parts.stated.title, None);
    assert_eq!(
        parts.passages[0],
        "Plain first line without a stop and its continuation here."
    );
}

#[test]
fn bylines_in_other_languages_are_read_and_sentences_are_not() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Hafen wächst\nVon Anna Beck und Jörg Lenz\n\nDer Hafen wächst.\nMehr Text.\n",
            &["Anna Beck", "Jörg Lenz"],
        ),
        (
            "Le port grandit\nPar Élodie Martin\n\nLe port grandit.\nSuite.\n",
            &["Élodie Martin"],
        ),
        (
            "El puerto crece\nPor María José García\n\nEl puerto crece.\nMás.\n",
            &["María José García"],
        ),
        (
            "Hafen wächst\nAutorin: Uta Berger\n\nDer Hafen wächst.\nMehr.\n",
            &["Uta Berger"],
        ),
        (
            "Fahrplan\n\nVon Montag an gilt der neue Fahrplan.\nMehr.\n",
            &[],
        ),
    ];
    for (body, expected) in cases {
        let parts = parse(body, false);
        assert_eq!(parts.stated.authors, *expected, "{body}");
        let second_line = body.lines().nth(1).unwrap_or_default();
        let kept_as_text = parts.passages.iter().any(|p| p.contains(second_line))
            || parts
                .passages
                .iter()
                .any(|p| p.contains("Von Montag an gilt"));
        assert_eq!(
            kept_as_text,
            expected.is_empty(),
            "{body}: {:?}",
            parts.passages
        );
    }
}

#[test]
fn lines_already_collapsed_are_copied_and_the_rest_collapsed() {
    let by_words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cases = [
        ("", true),
        ("word", true),
        ("two words, and more.", true),
        ("two  spaces", false),
        (" leading", false),
        ("trailing ", false),
        (" ", false),
        ("tab\there", false),
        ("line\nbreak", false),
        ("form\x0cfeed", false),
        ("non\u{a0}breaking", false),
        ("thin\u{2009}space", false),
        ("Café au lait", false),
        ("ideographic\u{3000}space", false),
    ];
    for (text, collapsed) in cases {
        assert_eq!(is_collapsed(text.as_bytes()), collapsed, "{text:?}");
        assert_eq!(collapse_spaces(text), by_words(text), "{text:?}");
    }
}
