//! Generates N seed-shaped text clippings for benchmarks: sentences drawn from the
//! Reuters and BBC corpora when present (a synthetic vocabulary otherwise), dated over ten
//! years, with junk lines, a date line, person names and a `Topics:` trailer.
//!
//! Usage: `cargo run --release --example generate_clippings -- N OUT_DIR [CORPORA_DIR]`
//! (CORPORA_DIR defaults to `../shared/corpora`). Files go to `OUT_DIR/YYYY/MM/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const TOPICS: &[&str] = &[
    "Politics",
    "Economy",
    "Courts",
    "Immigration",
    "Energy",
    "Health",
    "Education",
    "Trade",
    "Technology",
    "Climate",
    "Weather",
    "Sport",
    "Culture",
    "Transport",
    "Housing",
    "Defence",
    "Europe",
    "Asia",
    "Markets",
    "Elections",
    "Crime",
    "Science",
    "Religion",
    "Media",
];
const PERSONS: &[&str] = &[
    "Maria Delgado",
    "Tom Becker",
    "Priya Raman",
    "Samuel Okafor",
    "Ellen Price",
    "Ravi Patel",
    "Ana de la Cruz",
    "Jonas Lindqvist",
    "Grace Mwangi",
    "Hiroshi Tanaka",
    "Claire Dubois",
    "Omar Haddad",
    "Lena Fisk",
    "Peter Novak",
    "Fatima Zahra",
    "William Orrick",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: generate_clippings N OUT_DIR [CORPORA_DIR]");
        std::process::exit(2);
    };
    let corpora = args
        .get(2)
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    let mut sentences = corpus_sentences(&corpora);
    let origin = if sentences.len() < 1000 {
        sentences = synthetic_sentences(20_000);
        "a synthetic vocabulary (corpora not found)"
    } else {
        "Reuters and BBC sentences"
    };
    let out = PathBuf::from(out);
    let mut rng = Rng(0x5eed);
    let mut bytes = 0;
    for i in 0..count {
        let (path, text) = clipping(i, &sentences, &mut rng, &out);
        std::fs::create_dir_all(path.parent().unwrap()).expect("create folders");
        std::fs::write(&path, &text).expect("write clipping");
        bytes += text.len();
    }
    println!(
        "wrote {count} clippings ({} MB) from {origin} to {}",
        bytes / 1_000_000,
        out.display()
    );
}

/// A small deterministic generator (64-bit LCG), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn clipping(i: usize, sentences: &[String], rng: &mut Rng, out: &Path) -> (PathBuf, String) {
    let day = (i * 7919) % 3652;
    let date = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(day as u64);
    let title_words: Vec<&str> = sentences[rng.below(sentences.len())]
        .split_whitespace()
        .take(9)
        .collect();
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{}",
        title_words.join(" ").trim_end_matches(['.', ','])
    );
    let _ = match i % 3 {
        0 => writeln!(
            text,
            "Published: {} {} {}",
            chrono::Datelike::day(&date),
            MONTHS[chrono::Datelike::month0(&date) as usize],
            chrono::Datelike::year(&date)
        ),
        1 => writeln!(text, "{}", date.format("%B %-d, %Y")),
        _ => writeln!(
            text,
            "By {} | {}",
            PERSONS[rng.below(PERSONS.len())],
            date.format("%b. %-d, %Y")
        ),
    };
    text.push('\n');
    let paragraphs = 4 + rng.below(6);
    for p in 0..paragraphs {
        let mut paragraph: Vec<String> = (0..1 + rng.below(3))
            .map(|_| sentences[rng.below(sentences.len())].clone())
            .collect();
        if rng.below(4) == 0 {
            paragraph.push(format!(
                "\"We will look at this carefully,\" said {}.",
                PERSONS[rng.below(PERSONS.len())]
            ));
        }
        let _ = writeln!(text, "{}", paragraph.join(" "));
        if p % 3 == 1 {
            text.push_str(if rng.below(2) == 0 {
                "Advert\n"
            } else {
                ".jpg)\n"
            });
        }
    }
    let topics: Vec<&str> = (0..2 + rng.below(2))
        .map(|_| TOPICS[rng.below(TOPICS.len())])
        .collect();
    let _ = writeln!(text, "Topics: {}", topics.join(", "));
    let path = out
        .join(date.format("%Y").to_string())
        .join(date.format("%m").to_string())
        .join(format!("clip-{i:06}.txt"));
    (path, text)
}

fn corpus_sentences(corpora: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for n in 0..=21 {
        if let Ok(bytes) = std::fs::read(corpora.join(format!("reuters21578/reut2-{n:03}.sgm"))) {
            let sgml: String = bytes.iter().map(|&b| b as char).collect();
            for story in sgml.split("<BODY>").skip(1) {
                texts.push(
                    story
                        .split("</BODY>")
                        .next()
                        .unwrap_or("")
                        .replace("&lt;", "<"),
                );
            }
        }
    }
    if let Ok(categories) = std::fs::read_dir(corpora.join("bbc-news/bbc")) {
        for file in categories
            .flatten()
            .flat_map(|c| std::fs::read_dir(c.path()).into_iter().flatten().flatten())
        {
            if let Ok(bytes) = std::fs::read(file.path()) {
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| {
            t.split(". ")
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        })
        .filter(|s| (8..60).contains(&s.split(' ').count()) && !s.contains("Reuter"))
        .map(|s| format!("{}.", s.trim_end_matches('.')))
        .collect()
}

fn synthetic_sentences(count: usize) -> Vec<String> {
    const WORDS: &[&str] = &[
        "council",
        "market",
        "bank",
        "rates",
        "minister",
        "court",
        "ruling",
        "harbour",
        "storm",
        "election",
        "budget",
        "shares",
        "prices",
        "union",
        "strike",
        "police",
        "hospital",
        "school",
        "report",
        "officials",
        "said",
        "would",
        "after",
        "before",
        "during",
        "new",
        "plan",
        "city",
        "state",
        "federal",
        "judge",
        "order",
        "funding",
        "growth",
        "exports",
    ];
    let mut rng = Rng(42);
    (0..count)
        .map(|_| {
            let words: Vec<&str> = (0..10 + rng.below(15))
                .map(|_| WORDS[rng.below(WORDS.len())])
                .collect();
            let mut s = words.join(" ");
            s[..1].make_ascii_uppercase();
            s + "."
        })
        .collect()
}
