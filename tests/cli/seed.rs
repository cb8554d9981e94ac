//! The clipping the project was designed around, read from the shared folder when it is
//! present (the test passes with a note when it is not).

use crate::common::{TestContext, highlighted};
use std::path::PathBuf;

fn seed() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/sanctuary-cities.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("note: {} not found; seed checks not run", path.display());
            None
        }
    }
}

/// The seed as `extract --json` prints it, when the seed is present.
fn seed_record() -> Option<serde_json::Value> {
    let text = seed()?;
    let ctx = TestContext::new();
    ctx.write("archive/sanctuary-cities.txt", &text);
    Some(
        ctx.run(&["extract", "--json", "archive/sanctuary-cities.txt"])
            .json(),
    )
}

#[test]
fn seed_extracts_without_debris() {
    let Some(record) = seed_record() else { return };
    let passages: Vec<&str> = record["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        passages
            .iter()
            .all(|p| !p.contains("Advert") && !p.contains(".jpg)"))
    );
    assert_eq!(
        record["topics"],
        serde_json::json!(["Donald Trump", "US News", "Politics", "News"])
    );
    assert_eq!(record["date_source"], "mtime");
    assert!(record["title"].as_str().unwrap().chars().count() < 100);
    assert!(
        passages
            .iter()
            .any(|p| p.starts_with("What is a ‘sanctuary city’?\n")),
        "headings stay with their paragraph"
    );
}

#[test]
fn seed_persons_are_exactly_the_four_people_with_their_roles() {
    let Some(record) = seed_record() else { return };
    let persons: Vec<(String, Vec<String>)> = record["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let roles = p["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            (p["name"].as_str().unwrap().to_string(), roles)
        })
        .collect();
    let expected = [
        ("Donald Trump", "president"),
        ("Karoline Leavitt", "press secretary"),
        ("William Orrick", "judge"),
        ("Keith Wilson", "mayor of Portland"),
    ];
    assert_eq!(persons.len(), expected.len(), "{persons:?}");
    for (name, role) in expected {
        let found = persons.iter().find(|(n, _)| n == name);
        let (_, roles) = found.unwrap_or_else(|| panic!("{name} missing from {persons:?}"));
        assert_eq!(roles, &[role.to_string()], "{name}");
    }
    let aliases = record["persons"][0]["aliases"].to_string();
    assert!(aliases.contains("\"Trump\""), "{aliases}");
}

#[test]
fn seed_search_puts_orrick_first() {
    let Some(text) = seed() else { return };
    let ctx = TestContext::new();
    ctx.write("archive/sanctuary-cities.txt", &text);
    let hits = ctx
        .run(&["search", "Orrick injunction", "--json"])
        .json_lines();
    assert!(
        hits[0]["text"]
            .as_str()
            .unwrap()
            .contains("Judge William Orrick")
    );
    assert!(highlighted(&hits[0]).contains(&"Orrick".to_string()));
}
