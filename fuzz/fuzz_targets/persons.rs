//! Any text as a headline and passages: person finding never panics, and every person has
//! a name and belongs to the passages that mention them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::normalize::persons::find_persons;

fuzz_target!(|text: &str| {
    let mut parts = text.split('\n');
    let title = parts.next().unwrap_or("");
    let passages: Vec<String> = parts.map(str::to_string).collect();
    let (persons, by_passage) = find_persons(title, &passages);
    assert_eq!(by_passage.len(), passages.len());
    for person in &persons {
        assert!(!person.name.trim().is_empty());
        assert!(person.mentions >= 1);
    }
    for mentioned in by_passage {
        assert!(mentioned.iter().all(|&p| p < persons.len()));
    }
});
