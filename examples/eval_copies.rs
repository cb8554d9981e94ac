//! Measures how well copies of one story are grouped: pair precision and recall on the
//! BBC articles (identical articles filed twice) and on near-copies made from Reuters
//! stories (new headline, last paragraph cut, another byline, dated a day later).
//!
//! Usage: `cargo run --release --example eval_copies -- [CORPORA_DIR]`
//! (default `../shared/corpora`); each set is skipped with a note when it is absent.

use chrono::NaiveDate;
use morgue::clipping::Format;
use morgue::ingest::story::{StoryIndex, signature};
use morgue::input::SourceFile;
use morgue::normalize::{self, Reading};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Unordered pairs of indexes into a list of texts, smaller index first.
type Pairs = BTreeSet<(usize, usize)>;
/// A kind of reprint (or of distinct story) and its pairs.
type Kind = (&'static str, Pairs);

fn main() {
    let corpora = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    match bbc(&corpora.join("bbc-news/bbc")) {
        Some(texts) => {
            report(
                "BBC news, identical files",
                &texts,
                &truth_identical(&texts),
            );
            let bodies: Vec<String> = texts
                .iter()
                .map(|t| format!("-\n{}", t.split_once('\n').map_or("", |(_, body)| body)))
                .collect();
            let truth = truth_identical(&bodies);
            report(
                "BBC news, identical articles under any headline",
                &texts,
                &truth,
            );
        }
        None => println!(
            "skipped BBC: no corpus at {}",
            corpora.join("bbc-news/bbc").display()
        ),
    }
    match reuters(&corpora.join("reuters21578")) {
        Some((texts, truth, kinds)) => {
            let found = report("Reuters-21578 with generated reprints", &texts, &truth);
            for (kind, pairs) in kinds {
                println!(
                    "  {kind}: {} of {} pairs joined",
                    pairs.intersection(&found).count(),
                    pairs.len()
                );
            }
        }
        None => println!(
            "skipped Reuters: no corpus at {}",
            corpora.join("reuters21578").display()
        ),
    }
}

/// Pairs of indexes into `texts` that morgue puts in one story.
fn predicted(texts: &[String]) -> Pairs {
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut index = StoryIndex::new();
    let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        let file = SourceFile::in_memory(&format!("{i}.txt"), Format::Text);
        let reading = Reading::in_process(today);
        let Some(Ok(clipping)) = normalize::file(&file, text.as_bytes(), &reading).pop() else {
            continue;
        };
        let signature = signature(&clipping.title, &clipping.passages);
        let story = index.assign(&signature, &signature.to_bytes(), i as u64);
        groups.entry(story).or_default().push(i);
    }
    pairs(groups.values())
}

fn pairs<'a>(groups: impl Iterator<Item = &'a Vec<usize>>) -> Pairs {
    let mut out = BTreeSet::new();
    for group in groups {
        for (k, &a) in group.iter().enumerate() {
            for &b in &group[k + 1..] {
                out.insert((a.min(b), a.max(b)));
            }
        }
    }
    out
}

fn report(name: &str, texts: &[String], truth: &Pairs) -> Pairs {
    let found = predicted(texts);
    let right = found.intersection(truth).count();
    let precision = if found.is_empty() {
        1.0
    } else {
        right as f64 / found.len() as f64
    };
    let recall = if truth.is_empty() {
        1.0
    } else {
        right as f64 / truth.len() as f64
    };
    if std::env::var_os("SHOW_ERRORS").is_some() {
        for &(a, b) in found
            .difference(truth)
            .filter(|&&(a, b)| sentence_containment(&texts[a], &texts[b]) < 0.5)
            .take(12)
        {
            println!(
                "--- extra pair:\n{}\n---\n{}",
                &texts[a][..texts[a].len().min(400)],
                &texts[b][..texts[b].len().min(400)]
            );
        }
        for &(a, b) in truth.difference(&found).take(3) {
            println!(
                "--- missed pair:\n{}\n---\n{}",
                &texts[a][..texts[a].len().min(600)],
                &texts[b][..texts[b].len().min(600)]
            );
        }
    }
    println!(
        "{name}: {} texts, {} true pairs, {} found, {} right: pair precision {precision:.3}, recall {recall:.3}",
        texts.len(),
        truth.len(),
        found.len(),
        right
    );
    // Unlabelled copies: extra pairs that share at least half the shorter text's sentences
    // word for word are republished versions of one story that the labels do not list.
    let unlabelled = found
        .difference(truth)
        .filter(|&&(a, b)| sentence_containment(&texts[a], &texts[b]) >= 0.5)
        .count();
    let extra = found.len() - right;
    println!(
        "  of the {extra} pairs found beyond the labels, {unlabelled} share half or more of their sentences verbatim; counting those as right: precision {:.3}",
        (right + unlabelled) as f64 / found.len().max(1) as f64
    );
    found
}

/// Share of the shorter text's sentences (after the headline) that the other has verbatim.
fn sentence_containment(a: &str, b: &str) -> f64 {
    let sentences = |text: &str| -> BTreeSet<String> {
        text.lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
            .split(['.', '!', '?'])
            .map(|s| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|s| s.split(' ').count() >= 4)
            .collect()
    };
    let (a, b) = (sentences(a), sentences(b));
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

/// Pairs whose text (headline and article) is the same once spaces are folded.
fn truth_identical(texts: &[String]) -> Pairs {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        let key = text.split_whitespace().collect::<Vec<_>>().join(" ");
        groups.entry(key).or_default().push(i);
    }
    pairs(groups.values())
}

fn bbc(dir: &Path) -> Option<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|category| {
            std::fs::read_dir(category.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// Reuters stories as text clippings, plus a reprint of every fifth story with at least
/// three paragraphs, made in one of five ways (a new headline and byline; the last
/// paragraph cut; dated a day later; a paragraph of local reaction added after a cut;
/// words edited), and formulaic stories that share their wording but are not reprints
/// (weather reports, court lists and earnings tables for different places and companies).
/// The truth is the reprint pairs and pairs of identical stories.
fn reuters(dir: &Path) -> Option<(Vec<String>, Pairs, Vec<Kind>)> {
    let mut stories = Vec::new();
    for n in 0..=21 {
        let Ok(bytes) = std::fs::read(dir.join(format!("reut2-{n:03}.sgm"))) else {
            continue;
        };
        let text: String = bytes.iter().map(|&b| b as char).collect();
        stories.extend(text.split("<REUTERS").skip(1).filter_map(story));
    }
    if stories.is_empty() {
        return None;
    }
    let clipping = |title: &str, byline: &str, day: u32, body: &str| {
        format!("{title}\n{byline}\nPublished: {day} March 1987\n\n{body}\n")
    };
    let mut texts: Vec<String> = stories
        .iter()
        .map(|(title, body)| clipping(title, "By Staff Writer", 3, body))
        .collect();
    let mut truth = truth_identical(&texts);
    let mut kinds: Vec<Kind> = [
        "new headline and byline",
        "last paragraph cut",
        "a day later",
        "cut, local paragraph added",
        "words edited",
    ]
    .iter()
    .map(|&name| (name, Pairs::new()))
    .collect();
    for (i, (title, body)) in stories.iter().enumerate() {
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        if i % 5 != 0 || paragraphs.len() < 3 {
            continue;
        }
        kinds[(i / 5) % 5].1.insert((i, texts.len()));
        let cut = paragraphs[..paragraphs.len() - 1].join("\n\n");
        let copy = match (i / 5) % 5 {
            0 => clipping(
                &format!("UPDATE - {}", title.to_lowercase()),
                "By Another Desk",
                3,
                body,
            ),
            1 => clipping(title, "By Staff Writer", 3, &cut),
            2 => clipping(title, "By Another Desk", 4, body),
            3 => clipping(
                title,
                "By Another Desk",
                4,
                &format!(
                    "{cut}\n\nLocal traders said they were studying the report and would comment later."
                ),
            ),
            _ => clipping(
                title,
                "By Staff Writer",
                3,
                &body
                    .replacen(" said ", " says ", 2)
                    .replace(" pct", " per cent")
                    .replace(" dlrs", " dollars"),
            ),
        };
        truth.insert((i, texts.len()));
        texts.push(copy);
    }
    let first_formulaic = texts.len();
    texts.extend(formulaic_stories());
    kinds.push((
        "formulaic stories (pairs wrongly joined)",
        (first_formulaic..texts.len())
            .flat_map(|a| (a + 1..texts.len()).map(move |b| (a, b)))
            .collect(),
    ));
    Some((texts, truth, kinds))
}

/// Distinct stories written from one template: what differs is the place, the company
/// and the figures, which is what matters to a reader.
fn formulaic_stories() -> Vec<String> {
    const PLACES: [&str; 12] = [
        "Harbourton",
        "Lowfield",
        "Marsh End",
        "Stoneby",
        "Kirkwall",
        "Eastmere",
        "Fairhaven",
        "Northgate",
        "Redcliff",
        "Westbrook",
        "Ashby",
        "Millbrook",
    ];
    let mut out = Vec::new();
    for (n, place) in PLACES.iter().enumerate() {
        let (high, low, wind) = (12 + n, 3 + n / 2, 10 + 3 * n);
        out.push(format!(
            "Weather for {place}\nBy Weather Desk\nPublished: 3 March 1987\n\n\
             {place} will see a cloudy morning with showers clearing by the afternoon. \
             Highs of {high} degrees and lows of {low} degrees are expected, with winds from the \
             west at {wind} kilometres an hour.\n\nThe outlook for the weekend is dry and \
             mild across the region, with the chance of fog in low-lying areas early on \
             Saturday.\n"
        ));
        out.push(format!(
            "{place} court list for Tuesday\nBy Court Desk\nPublished: 3 March 1987\n\n\
             The following cases are listed before the {place} magistrates on Tuesday. \
             Case {} concerns a dispute over a fence between neighbours on Mill Lane. \
             Case {} concerns unpaid parking fines of {} dollars.\n\nAll hearings begin \
             at ten o'clock in the morning and are open to the public and the press unless \
             the court orders otherwise.\n",
            100 + n,
            200 + n,
            40 + 5 * n
        ));
        out.push(format!(
            "{place} Mills Inc quarterly results\nBy Business Desk\nPublished: 3 March 1987\n\n\
             {place} Mills Inc said net income for the quarter was {} mln dlrs, or {} cts a share, \
             compared with {} mln dlrs, or {} cts a share, a year earlier. Revenue rose to {} mln \
             dlrs from {} mln dlrs.\n\nThe company said it expected demand to stay firm for \
             the rest of the year and kept its dividend unchanged.\n",
            3 + n,
            20 + n,
            2 + n,
            15 + n,
            40 + 2 * n,
            35 + 2 * n
        ));
    }
    out
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    Some(&text[start..start + text[start..].find(close)?])
}

/// Title and body (paragraphs separated by blank lines) of one SGML story.
fn story(sgml: &str) -> Option<(String, String)> {
    let title = between(sgml, "<TITLE>", "</TITLE>")?
        .replace("&lt;", "<")
        .replace("&amp;", "&");
    let body = between(sgml, "<BODY>", "</BODY>")?
        .replace("&lt;", "<")
        .replace("&amp;", "&");
    let body = body
        .trim_end()
        .trim_end_matches("&#3;")
        .trim_end()
        .trim_end_matches("Reuter")
        .trim_end();
    // Paragraphs start on an indented line in this corpus.
    let mut paragraphs: Vec<String> = Vec::new();
    for line in body.lines() {
        if line.starts_with("    ") || paragraphs.is_empty() {
            paragraphs.push(line.trim().to_string());
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    Some((title, paragraphs.join("\n\n")))
}
