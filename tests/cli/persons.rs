//! Persons: who each clipping names, with roles and aliases, searchable and listable.

use crate::common::{TestContext, highlighted};
use serde_json::Value;

const RULING: &str = "Judge halts harbour dredging plan\nPublished: 12 March 2025\n\n\
Judge William Orrick on Tuesday halted the county's plan to dredge the harbour mouth, siding with fishermen who said the work would ruin the spring catch.\n\n\
Orrick wrote that the county had skipped the environmental review the law requires.\n\n\
Lawyers for the county said they would ask Mr Orrick to reconsider before the season opens.\n\n\
The county board meets on Friday.\n";

const PORTLAND: &str = "Portland joins sanctuary lawsuit\nPublished: 2 April 2025\n\n\
Keith Wilson, mayor of Portland, said on Monday that the city would join the lawsuit against the funding cuts.\n\n\
Wilson said the city could not plan its budget while the threat hung over it.\n";

const HOSPITAL: &str = "Night shifts cut at the county hospital\nPublished: 9 April 2025\n\n\
Ann Wilson, a nurse at the county hospital for twenty years, said staff were worn out by the new rota.\n\n\
Wilson said the hospital board had not asked nurses before changing the shifts.\n";

const BRIDGE: &str = "Ellen Price opens the new harbour bridge\nPublished: 20 May 2025\n\n\
The new harbour bridge opened to traffic on Saturday after two years of building work.\n\n\
Crowds lined the quay to watch the first buses cross.\n";

const INSTITUTIONS: &str = "Cities brace for funding fight\nPublished: 22 April 2025\n\n\
The White House said on Tuesday that cities in New Jersey and California would lose grants, a claim disputed by Global Refuge and the Center for Immigration Studies.\n\n\
US News reported that the Justice Department was preparing letters to the mayors.\n";

const MADRID: &str = "Power returns across Spain\nPublished: 29 April 2025\n\n\
Prime Minister Pedro Sánchez said on Tuesday that power had returned to almost every home after the blackout.\n\n\
Sánchez asked the grid operator for a full report within a week.\n";

fn archive() -> TestContext {
    let ctx = TestContext::new();
    for (name, text) in [
        ("ruling.txt", RULING),
        ("portland.txt", PORTLAND),
        ("hospital.txt", HOSPITAL),
        ("bridge.txt", BRIDGE),
        ("institutions.txt", INSTITUTIONS),
        ("madrid.txt", MADRID),
    ] {
        ctx.write(&format!("archive/{name}"), text);
    }
    ctx
}

fn persons_of(ctx: &TestContext, file: &str) -> Vec<Value> {
    let run = ctx.run(&["extract", "--json", &format!("archive/{file}")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["persons"].as_array().unwrap().clone()
}

fn names(persons: &[Value]) -> Vec<String> {
    persons
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn surname_and_titled_mentions_join_the_full_name() {
    let ctx = archive();
    let persons = persons_of(&ctx, "ruling.txt");
    assert_eq!(names(&persons), ["William Orrick"]);
    let orrick = &persons[0];
    assert_eq!(orrick["roles"], serde_json::json!(["judge"]));
    assert_eq!(orrick["mentions"], 3);
    let aliases = strings(&orrick["aliases"]);
    for alias in ["Judge William Orrick", "Orrick", "Mr Orrick"] {
        assert!(
            aliases.contains(&alias.to_string()),
            "{alias} in {aliases:?}"
        );
    }
}

#[test]
fn roles_in_apposition_are_roles_not_names() {
    let ctx = archive();
    let persons = persons_of(&ctx, "portland.txt");
    assert_eq!(names(&persons), ["Keith Wilson"]);
    assert_eq!(
        persons[0]["roles"],
        serde_json::json!(["mayor of Portland"])
    );
    let madrid = persons_of(&ctx, "madrid.txt");
    assert_eq!(names(&madrid), ["Pedro Sánchez"]);
    assert_eq!(madrid[0]["roles"], serde_json::json!(["prime minister"]));
}

#[test]
fn a_person_named_only_in_the_headline_is_found() {
    let ctx = archive();
    assert_eq!(names(&persons_of(&ctx, "bridge.txt")), ["Ellen Price"]);
}

#[test]
fn places_organisations_and_publications_are_not_persons() {
    let ctx = archive();
    let persons = persons_of(&ctx, "institutions.txt");
    assert!(persons.is_empty(), "{persons:?}");
}

#[test]
fn person_search_by_surname_full_name_alias_and_accents() {
    let ctx = archive();
    ctx.ingest();
    let titles = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["search", "--json"];
        full.extend_from_slice(args);
        let run = ctx.run(&full);
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        let mut titles: Vec<String> = run
            .json_lines()
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_string())
            .collect();
        titles.dedup();
        titles
    };
    let ruling = vec!["Judge halts harbour dredging plan".to_string()];
    assert_eq!(titles(&["--person", "orrick"]), ruling);
    assert_eq!(titles(&["--person", "William ORRICK"]), ruling);
    assert_eq!(titles(&["--person", "Judge Orrick"]), ruling);
    assert_eq!(titles(&["person:\"william orrick\" catch"]), ruling);
    let madrid = vec!["Power returns across Spain".to_string()];
    assert_eq!(titles(&["--person", "sanchez"]), madrid);
    assert_eq!(titles(&["--person", "PEDRO SÁNCHEZ"]), madrid);
    // Two people are named on the same page: both must be.
    assert!(titles(&["--person", "orrick", "--person", "sanchez"]).is_empty());
    // Unknown person: no results, and a note.
    let run = ctx.run(&["search", "--person", "Nobody Atall"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no person named"), "{}", run.stderr);
}

#[test]
fn an_ambiguous_surname_searches_both_and_says_so() {
    let ctx = archive();
    ctx.ingest();
    let run = ctx.run(&["search", "--person", "wilson", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("names 2 people") && run.stderr.contains("Keith Wilson"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Ann Wilson"), "{}", run.stderr);
    let paths: std::collections::BTreeSet<String> = run
        .json_lines()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    let one = ctx.run(&["search", "--person", "Keith Wilson", "--json"]);
    assert!(!one.stderr.contains("names 2 people"));
    for hit in one.json_lines() {
        assert_eq!(hit["path"], "archive/portland.txt");
    }
}

#[test]
fn passages_mentioning_the_person_come_first_with_the_mentions_highlighted() {
    let ctx = archive();
    ctx.ingest();
    let hits = ctx
        .run(&["search", "--person", "orrick", "--json"])
        .json_lines();
    assert_eq!(hits.len(), 3, "the ruling's passages that name him");
    for hit in &hits {
        assert_eq!(
            hit["persons"],
            serde_json::json!(["William Orrick"]),
            "{hit}"
        );
        let marked = highlighted(hit);
        assert!(
            marked.iter().any(|m| m.contains("Orrick")),
            "{marked:?} in {}",
            hit["text"]
        );
    }
    // With a fourth passage shown, the one that does not name him comes last.
    let hits = ctx
        .run(&["search", "--person", "orrick", "--passages", "4", "--json"])
        .json_lines();
    assert_eq!(
        hits.len(),
        3,
        "a passage that neither names him nor holds a query word is not shown"
    );
    // With words too: the short passage has the best score for "county", but the
    // passages naming the person come first.
    let hits = ctx
        .run(&[
            "search",
            "county",
            "--person",
            "orrick",
            "--passages",
            "4",
            "--json",
        ])
        .json_lines();
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[3]["text"], "The county board meets on Friday.");
    assert_eq!(hits[3]["persons"], serde_json::json!([]));
    let plain = ctx.run(&["search", "county", "--json"]).json_lines();
    let at = |needle: &str| {
        plain
            .iter()
            .position(|h| h["text"].as_str().unwrap().contains(needle))
            .unwrap()
    };
    assert!(
        at("The county board meets") < at("Orrick wrote"),
        "without --person the short passage outranks one naming him"
    );
}

#[test]
fn persons_lists_people_and_shows_one_profile() {
    let ctx = archive();
    ctx.write(
        "archive/appeal.txt",
        "County appeals dredging ruling\nPublished: 3 June 2025\n\n\
         The county appealed on Monday against the ruling by Judge William Orrick, and Keith Wilson said Portland would watch the case.\n",
    );
    ctx.ingest();
    let list = ctx.run(&["persons", "--json"]).json_lines();
    // Most articles first; ties by name.
    assert_eq!(names(&list[..2]), ["Keith Wilson", "William Orrick"]);
    assert_eq!(list[1]["articles"], 2);
    assert_eq!(list[1]["first_date"], "2025-03-12");
    assert_eq!(list[1]["last_date"], "2025-06-03");
    assert!(list[2..].iter().all(|p| p["articles"] == 1));
    let all = names(&list);
    for expected in [
        "William Orrick",
        "Keith Wilson",
        "Ann Wilson",
        "Ellen Price",
        "Pedro Sánchez",
    ] {
        assert!(all.contains(&expected.to_string()), "{expected} in {all:?}");
    }
    let profile = ctx.run(&["persons", "orrick", "--json"]).json();
    assert_eq!(profile["name"], "William Orrick");
    assert_eq!(profile["articles"], 2);
    assert_eq!(profile["roles"], serde_json::json!(["judge"]));
    assert_eq!(profile["named_with"][0]["name"], "Keith Wilson");
    assert_eq!(
        profile["months"],
        serde_json::json!([
            {"month": "2025-03", "articles": 1},
            {"month": "2025-06", "articles": 1}
        ])
    );
    let human = ctx.run(&["persons"]);
    assert_eq!(human.code, 0);
    assert!(human.stdout.contains("William Orrick"));
    let stats = ctx.run(&["stats", "--json"]).json();
    assert_eq!(stats["persons"], 5, "{stats}");
}

/// Writes one clipping and returns the names of the persons `extract` finds in it.
fn names_in(text: &str) -> Vec<String> {
    let ctx = TestContext::new();
    ctx.write("archive/clipping.txt", text);
    names(&persons_of(&ctx, "clipping.txt"))
}

#[test]
fn names_the_training_years_never_saw_are_found() {
    let found = names_in(
        "Leaders trade promises at the Rome summit\nPublished: 3 March 2023\n\n\
         Ukrainian President Volodymyr Zelensky met Chancellor Olaf Scholz and Vice President \
         Kamala Harris on Friday, while Chinese leader Xi Jinping sent a letter.\n\n\
         Former prime minister Jacinda Ardern spoke by video, and Representative Alexandria \
         Ocasio-Cortez asked about aid.\n\n\
         Zelensky said the talks were useful; Xi did not reply.\n",
    );
    for name in [
        "Volodymyr Zelensky",
        "Olaf Scholz",
        "Kamala Harris",
        "Xi Jinping",
        "Jacinda Ardern",
        "Alexandria Ocasio-Cortez",
    ] {
        assert!(found.contains(&name.to_string()), "{name} in {found:?}");
    }
    // "Xi" later on is Xi Jinping (the surname comes first), not a second person.
    assert!(!found.contains(&"Xi".to_string()), "{found:?}");
}

#[test]
fn places_named_after_people_are_places() {
    let found = names_in(
        "Crowds gather for the new pope\nPublished: 9 May 2025\n\n\
         Pilgrims filled St Peter's Square on Thursday, and traffic stopped on Martin Luther \
         King Jr. Boulevard in Atlanta.\n\n\
         In Harris County the polls opened at seven; the fire in Pacific Palisades was out, \
         and the Palisades fire crews went home.\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn companies_and_institutions_named_after_people_are_not_persons() {
    let found = names_in(
        "Banks lead a rally\nPublished: 14 June 2024\n\n\
         Shares of Goldman Sachs and Ford rose on Tuesday after Morgan Stanley raised its \
         forecasts.\n\n\
         First Union Corp said it had filed with the Securities and Exchange Commission, and \
         the Bank of Japan said rates would stay where they are.\n\n\
         Analyst Rosa Delgado said the gains would not last.\n",
    );
    assert_eq!(found, ["Rosa Delgado"]);
}

#[test]
fn companies_ending_in_a_business_word_and_their_short_names_are_not_persons() {
    let found = names_in(
        "Takeover talk lifts shares\nPublished: 3 March 1987\n\n\
         Danaher Corp said it would buy the maker of hand tools. Danaher said the price \
         was fair.\n\n\
         Walgreen Co said sales rose five pct in February. Walgreen said it would open 80 \
         stores.\n\n\
         Kurzweil Applied Intelligence Inc said it had won a contract. Kurzweil said the \
         order was its largest.\n\n\
         Jones Medical Industries and Johnson Controls agreed to merge their units, and \
         Hilton Hotels said chairman Barron Hilton would retire.\n\n\
         Lehman Brothers raised its forecast for oil. Lehman said prices would rise, as did \
         Siemens AG.\n\n\
         Analyst Keiko Tanaka of Nomura said the shares were cheap.\n",
    );
    // A longer name holding a company's word stays a person.
    assert_eq!(found, ["Barron Hilton", "Keiko Tanaka"]);
}

#[test]
fn capitalised_words_opening_sentences_are_not_names() {
    let found = names_in(
        "Council delays the vote\nPublished: 2 February 2025\n\n\
         Meanwhile the council put off the vote. However, members said it would come back.\n\n\
         Still, Councillor Tomasz Wiśniewski said he was hopeful. Nobody else spoke.\n",
    );
    assert_eq!(found, ["Tomasz Wiśniewski"]);
}

#[test]
fn names_in_capitalised_headlines_are_the_bodys_people() {
    // In capitals or title case a headline's words run into the names; the body says
    // who is meant.
    let shouted = names_in(
        "SOCCER - INCE EXPOSED AFTER DEFEAT .\n\n\
         Paul Ince said on Sunday that the defence had left him alone in midfield.\n",
    );
    assert_eq!(shouted, ["Paul Ince"]);
    let title_case = names_in(
        "Cunningham Retires From Racing\nPublished: 4 August 2024\n\n\
         Sheila Cunningham, who won the national title twice, said she would not race again.\n",
    );
    assert_eq!(title_case, ["Sheila Cunningham"]);
}

#[test]
fn a_byline_line_above_a_dateline_keeps_the_name_apart() {
    let found = names_in(
        "Talks resume in Berlin\n\nAdrian Whitlow\n\nBERLIN 2024-09-12\n\n\
         Negotiators met again on Thursday, said Minister Ilse Brandt.\n",
    );
    assert!(found.contains(&"Adrian Whitlow".to_string()), "{found:?}");
    assert!(
        found
            .iter()
            .all(|n| !n.contains("BERLIN") && !n.contains("Berlin"))
    );
}

#[test]
fn wire_sign_offs_are_agencies_not_persons() {
    let found = names_in(
        "Grain exports rise\nPublished: 26 Feb 1987\n\n\
         Wheat exports rose 12 pct in January, the ministry said.\n\n\
         Reuter\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_first_name_alone_is_not_joined_to_someone_else() {
    let found = names_in(
        "Two runners finish together\nPublished: 1 June 2024\n\n\
         Rachel Okoro and Megan Holt crossed the line together on Sunday.\n\n\
         Rachel said later that the heat had been hard to bear.\n",
    );
    assert!(found.contains(&"Rachel Okoro".to_string()), "{found:?}");
    assert!(found.contains(&"Megan Holt".to_string()), "{found:?}");
}

#[test]
fn a_sentence_opening_word_run_into_a_name_is_left_out() {
    let french = names_in(
        "Le maire de Lyon présente son budget\nPublished: 6 May 2024\n\n\
         Le maire Grégory Doucet a présenté lundi le budget de la ville.\n\n\
         Selon Doucet, les dépenses baisseront de deux pour cent.\n",
    );
    assert_eq!(french, ["Grégory Doucet"]);
    let german = names_in(
        "Kanzler reist nach Paris\nPublished: 6 May 2024\n\n\
         Bundeskanzler Olaf Scholz hat am Montag Emmanuel Macron getroffen.\n\n\
         Laut Scholz war das Treffen gut.\n",
    );
    assert!(german.contains(&"Olaf Scholz".to_string()), "{german:?}");
    assert!(german.iter().all(|n| !n.starts_with("Laut")), "{german:?}");
}

#[test]
fn a_line_up_of_surnames_names_persons_throughout() {
    let found = names_in(
        "Lindqvist keeps faith with her cup side\nPublished: 14 March 2025\n\n\
         Coach Marta Lindqvist named an unchanged side on Friday for Sunday's cup final \
         against Valmont.\n\n\
         Ines Okafor returns in goal after a knee injury, and Teodora Brankovic keeps her \
         place in midfield.\n\n\
         The team is as follows: Okafor, Haverkamp, Szydlo, Brankovic, Aaltonen, Quesnel, \
         Mbeki-Rowe, Tervonen, Iturbe, Okonjo, Vasquez (captain).\n\n\
         Results: Valmont 3, Northgate 1, Riverside 2, Eastfield 0.\n",
    );
    for surname in [
        "Haverkamp",
        "Szydlo",
        "Aaltonen",
        "Quesnel",
        "Mbeki-Rowe",
        "Tervonen",
        "Iturbe",
        "Okonjo",
        "Vasquez",
    ] {
        assert!(found.contains(&surname.to_string()), "{surname}: {found:?}");
    }
    // The two named in full earlier are those persons, not new ones.
    for person in ["Marta Lindqvist", "Ines Okafor", "Teodora Brankovic"] {
        assert!(found.contains(&person.to_string()), "{person}: {found:?}");
    }
    for team in ["Valmont", "Northgate", "Riverside", "Eastfield"] {
        assert!(!found.contains(&team.to_string()), "{team}: {found:?}");
    }
}

#[test]
fn surnames_with_a_joined_arabic_article_end_the_name() {
    let found = names_in(
        "Talks resume in Beirut\nPublished: 3 March 2025\n\n\
         Lebanese Prime Minister Saad al-Hariri met Egyptian envoy Rami al-Saadani on \
         Monday.\n\n\
         Al-Hariri said the talks went well, and al-Saadani agreed.\n\n\
         Sheikh Hamad bin Jassim al-Thani also attended.\n",
    );
    assert_eq!(
        found,
        [
            "Saad al-Hariri",
            "Rami al-Saadani",
            "Hamad bin Jassim al-Thani"
        ]
    );
    // Places and organisations written the same way stay what they are.
    let none = names_in(
        "Summit opens at the resort\nPublished: 3 March 2025\n\n\
         Leaders met in Sharm el-Sheikh on Monday, days after al-Qaeda claimed an attack \
         near Ras al-Khaimah.\n",
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn particles_in_lower_case_run_through_one_name() {
    let persons = {
        let ctx = TestContext::new();
        ctx.write(
            "archive/brussels.txt",
            "Brussels sets out its plan\nPublished: 3 March 2025\n\n\
             European Commission President Ursula von der Leyen met the press on Monday.\n\n\
             Von der Leyen said later that the plan was ready, and aides to von der Leyen \
             agreed.\n",
        );
        persons_of(&ctx, "brussels.txt")
    };
    assert_eq!(names(&persons), ["Ursula von der Leyen"]);
    assert!(strings(&persons[0]["aliases"]).contains(&"Von der Leyen".to_string()));
    // After an ordinary word the particles open the surname; places keep theirs.
    let found = names_in(
        "Old debates\nPublished: 3 March 2025\n\n\
         The general was praised by de Gaulle in 1944, and the painting was sold by van \
         Gogh.\n\n\
         Juan Carlos de la Fuente flew from Rio de Janeiro to Mar del Plata.\n",
    );
    assert_eq!(found, ["de Gaulle", "van Gogh", "Juan Carlos de la Fuente"]);
}
