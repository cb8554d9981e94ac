//! Measures morgue's readers against public evaluation sets.
//!
//! `cargo run --release --example eval -- html [CORPORA_DIR]` prints, for web pages:
//! - body F1 on the article-extraction benchmark (token 4-gram shingles, as its README);
//! - publication-date accuracy on the htmldate evaluation set (day precision);
//! - exact titles, publication dates (day precision) and author F1 (names per page, case
//!   folded) on the trafilatura evaluation set.
//!
//! `cargo run --release --example eval -- persons [CORPORA_DIR] [--no-clusters]` trains a
//! model with the shipped settings on CoNLL-2003 `train.txt` alone, then prints its
//! exact-span PER precision, recall and F1 on `valid.txt`, its tagging speed, and the
//! surname sets it finds per document through the text-clipping pipeline.
//!
//! CORPORA_DIR defaults to `../shared/corpora`; a set that is absent is skipped with a note.
//! `--verbose` lists the pages that miss.

#[path = "common/persons.rs"]
mod persons_common;
#[path = "common/reuters.rs"]
mod reuters;

use chrono::NaiveDate;
use morgue::clipping::Format;
use morgue::input::decode_html;
use morgue::normalize::{Origin, normalize_html};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let what = positional.first().map_or("html", |s| s.as_str());
    let corpora = positional
        .get(1)
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    match what {
        "html" => {
            body_f1(&corpora.join("article-extraction-benchmark"), verbose);
            date_accuracy(&corpora.join("htmldate-eval"), verbose);
            metadata(&corpora.join("trafilatura-eval"), verbose);
        }
        "persons" => persons(
            &corpora,
            verbose,
            !args.iter().any(|a| a == "--no-clusters"),
        ),
        other => {
            eprintln!("unknown evaluation {other:?}: use `html` or `persons`");
            std::process::exit(2);
        }
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn read_gz(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

fn read_json(path: &Path) -> Option<serde_json::Map<String, Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str::<Value>(&text)
        .ok()?
        .as_object()
        .cloned()
}

/// Reads a page as `ingest` would, with the page's address known or not.
fn read_page(bytes: &[u8], url: Option<&str>) -> Option<morgue::clipping::Clipping> {
    let html = decode_html(bytes).ok()?;
    let origin = Origin {
        path: "page.html",
        format: Format::Html,
        modified: None,
    };
    let outside = morgue::clipping::Stated {
        url: url.map(str::to_string),
        ..Default::default()
    };
    normalize_html(&html, outside, &origin, today()).ok()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut counts = HashMap::new();
    for gram in tokens.windows(4) {
        *counts.entry(gram.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// True positives, false positives and false negatives of a page, divided by their sum.
fn matching(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(predicted));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (gram, &n) in &t {
        let m = p.get(gram).copied().unwrap_or(0);
        tp += n.min(m) as f64;
        fn_ += n.saturating_sub(m) as f64;
    }
    for (gram, &m) in &p {
        let n = t.get(gram).copied().unwrap_or(0);
        fp += m.saturating_sub(n) as f64;
    }
    let sum = tp + fp + fn_;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp / sum, fp / sum, fn_ / sum)
}

fn body_f1(dir: &Path, verbose: bool) {
    let Some(truth) = read_json(&dir.join("ground-truth.json")) else {
        println!("body F1: skipped, {} is absent", dir.display());
        return;
    };
    let started = Instant::now();
    let mut pages = 0;
    let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
    let (mut sum_tp, mut sum_fp, mut sum_fn) = (0.0, 0.0, 0.0);
    let mut names: Vec<&String> = truth.keys().collect();
    names.sort();
    for id in names {
        let Some(bytes) = read_gz(&dir.join("html").join(format!("{id}.html.gz"))) else {
            continue;
        };
        let expected = truth[id]["articleBody"].as_str().unwrap_or("");
        let got = read_page(&bytes, None)
            .map(|c| c.passages.join("\n"))
            .unwrap_or_default();
        let (tp, fp, fn_) = matching(expected, &got);
        pages += 1;
        sum_tp += tp;
        sum_fp += fp;
        sum_fn += fn_;
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        precisions.push(p);
        recalls.push(r);
        if verbose && (p < 0.9 || r < 0.9) {
            println!("  {id}: precision {p:.3} recall {r:.3}");
        }
    }
    if pages == 0 {
        println!("body F1: skipped, no pages found in {}", dir.display());
        return;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = 2.0 * p * r / (p + r);
    let (sp, sr) = (sum_tp / (sum_tp + sum_fp), sum_tp / (sum_tp + sum_fn));
    println!(
        "body (article-extraction-benchmark, {pages} pages): F1 {f1:.3} (precision {p:.3}, recall {r:.3}; \
         pooled: F1 {:.3}, precision {sp:.3}, recall {sr:.3}) in {:.2} s",
        2.0 * sp * sr / (sp + sr),
        started.elapsed().as_secs_f64()
    );
}

fn date_accuracy(dir: &Path, verbose: bool) {
    let mut cases: Vec<(String, String, String)> = Vec::new();
    for name in ["eval_default.json", "eval_mediacloud_2020.json"] {
        if let Some(map) = read_json(&dir.join(name)) {
            for (url, value) in map {
                let file = value["file"].as_str().unwrap_or("").to_string();
                let date = value["date"].as_str().unwrap_or("").to_string();
                cases.push((url, file, date));
            }
        }
    }
    cases.sort();
    let (mut pages, mut right, mut right_with_url, mut missing) = (0, 0, 0, 0);
    for (url, file, expected) in &cases {
        let Some(bytes) = read_gz(&dir.join("html").join(format!("{file}.gz"))) else {
            continue;
        };
        pages += 1;
        let page_only = read_page(&bytes, None).filter(|c| c.date_source.name() != "mtime");
        let with_url = read_page(&bytes, Some(url)).filter(|c| c.date_source.name() != "mtime");
        let got = page_only.map(|c| c.date.to_string());
        if got.as_deref() == Some(expected.as_str()) {
            right += 1;
        } else {
            if got.is_none() {
                missing += 1;
            }
            if verbose {
                println!("  {file}: expected {expected}, got {got:?} ({url})");
            }
        }
        if with_url.map(|c| c.date.to_string()).as_deref() == Some(expected.as_str()) {
            right_with_url += 1;
        }
    }
    if pages == 0 {
        println!("date accuracy: skipped, {} is absent", dir.display());
        return;
    }
    println!(
        "date (htmldate-eval, {pages} pages): accuracy {:.3} from the page alone ({right} right, {missing} missing); \
         {:.3} when the page's address is also known",
        right as f64 / pages as f64,
        right_with_url as f64 / pages as f64
    );
}

/// Title, date and authors against the trafilatura evaluation set's gold values.
fn metadata(dir: &Path, verbose: bool) {
    let Some(map) = read_json(&dir.join("evaldata.json")) else {
        println!("metadata: skipped, {} is absent", dir.display());
        return;
    };
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    entries.sort_by_key(|(url, _)| *url);
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut titles, mut exact, mut caseless) = (0, 0, 0);
    let (mut dated, mut right_dates) = (0, 0);
    let (mut bylined, mut author_f1, mut none_found) = (0, 0.0, 0);
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut foreign_persons: Vec<String> = Vec::new();
    for (url, value) in entries {
        let file = value["file"].as_str().unwrap_or("");
        let Some(bytes) = read_gz(&dir.join("html").join(format!("{file}.gz"))) else {
            continue;
        };
        let got = read_page(&bytes, None);
        if let Some(clipping) = &got {
            let texts = std::iter::once(clipping.title.as_str())
                .chain(clipping.passages.iter().map(String::as_str));
            let language = morgue::normalize::language::guess(texts);
            *languages.entry(format!("{language:?}")).or_default() += 1;
            if language != morgue::normalize::language::Language::English {
                foreign_persons.extend(clipping.persons.iter().map(|p| p.name.clone()));
            }
        }
        if let Some(expected) = value["title"].as_str().filter(|t| !t.is_empty()) {
            titles += 1;
            let title = got.as_ref().map(|c| c.title.clone()).unwrap_or_default();
            // Pages print some headlines in capitals with CSS; the gold copies what is
            // seen, the markup what was typed.
            if collapse(&title).to_lowercase() == collapse(expected).to_lowercase() {
                caseless += 1;
            }
            if collapse(&title) == collapse(expected) {
                exact += 1;
            } else if verbose {
                println!("  title {file}: expected {expected:?}, got {title:?}");
            }
        }
        if let Some(expected) = value["date"].as_str().filter(|d| !d.is_empty()) {
            dated += 1;
            let date = got
                .as_ref()
                .filter(|c| c.date_source.name() != "mtime")
                .map(|c| c.date.to_string());
            if date.as_deref() == Some(expected) {
                right_dates += 1;
            } else if verbose {
                println!("  date {file}: expected {expected}, got {date:?} ({url})");
            }
        }
        if let Some(expected) = value["author"].as_str().filter(|a| !a.trim().is_empty()) {
            bylined += 1;
            let authors = got.as_ref().map(|c| c.authors.clone()).unwrap_or_default();
            if authors.is_empty() {
                none_found += 1;
            }
            let f1 = names_f1(
                &author_names(expected),
                &authors
                    .iter()
                    .flat_map(|a| author_names(a))
                    .collect::<Vec<_>>(),
            );
            author_f1 += f1;
            if verbose && f1 < 1.0 {
                println!("  authors {file}: expected {expected:?}, got {authors:?}");
            }
        }
    }
    if titles == 0 {
        println!("metadata: skipped, no pages found in {}", dir.display());
        return;
    }
    println!(
        "title (trafilatura-eval, {titles} pages with a gold title): exact {:.3} ({exact}); \
         {:.3} ignoring case ({caseless})",
        exact as f64 / titles as f64,
        caseless as f64 / titles as f64
    );
    println!(
        "date (trafilatura-eval, {dated} pages with a gold date): day precision {:.3} ({right_dates})",
        right_dates as f64 / dated as f64
    );
    println!(
        "authors (trafilatura-eval, {bylined} pages with a gold author): F1 {:.3} ({none_found} pages with none found)",
        author_f1 / bylined as f64
    );
    let foreign: usize = languages
        .iter()
        .filter(|(language, _)| language.as_str() != "English")
        .map(|(_, n)| n)
        .sum();
    println!(
        "persons (trafilatura-eval, pages by the language of their words: {languages:?}): \
         {} persons on the {foreign} pages not in English, {:.1} a page",
        foreign_persons.len(),
        foreign_persons.len() as f64 / foreign.max(1) as f64
    );
    if verbose {
        // Every seventh, in page order: a fixed sample to check by eye.
        let sample: Vec<&String> = foreign_persons.iter().step_by(7).collect();
        println!("  persons on pages not in English, every seventh: {sample:?}");
    }
}

/// The names in an author string, as the score compares them: split at "and" and
/// commas in the languages of the set, a leading "by" dropped, case folded.
fn author_names(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut names = vec![lower];
    for separator in [",", ";", "&", "|", " and ", " und ", " et ", " y ", " e "] {
        names = names
            .iter()
            .flat_map(|n| n.split(separator).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    names
        .into_iter()
        .map(|n| {
            let n = n
                .trim()
                .trim_matches(|c: char| c == '.' || c.is_whitespace())
                .to_string();
            ["by ", "von ", "par ", "por ", "di ", "door "]
                .iter()
                .find_map(|p| n.strip_prefix(p).map(str::to_string))
                .unwrap_or(n)
        })
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

/// F1 of two lists of names, as sets.
fn names_f1(expected: &[String], got: &[String]) -> f64 {
    let expected: std::collections::HashSet<&String> = expected.iter().collect();
    let got: std::collections::HashSet<&String> = got.iter().collect();
    if expected.is_empty() && got.is_empty() {
        return 1.0;
    }
    let both = expected.intersection(&got).count() as f64;
    2.0 * both / (expected.len() + got.len()) as f64
}

fn persons(corpora: &Path, verbose: bool, use_clusters: bool) {
    use morgue::normalize::persons::{person_spans, read_conll, tag_document};
    let dir = corpora.join("conll2003");
    let (Ok(text), Some(training)) = (
        std::fs::read_to_string(dir.join("valid.txt")),
        persons_common::examples(&dir, false),
    ) else {
        println!(
            "persons: skipped, CoNLL-2003 is absent from {}",
            dir.display()
        );
        return;
    };
    // A model of the shipped settings trained on train.txt alone: the shipped one has
    // seen valid.txt.
    let started = Instant::now();
    let trained = persons_common::train(corpora, &training, use_clusters);
    println!(
        "persons: a model trained on train.txt in {:.1} s ({})",
        started.elapsed().as_secs_f64(),
        if use_clusters {
            "with word clusters"
        } else {
            "without word clusters"
        }
    );
    let model = &trained;
    let examples = read_conll(&text);
    let tokens: usize = examples.iter().map(|e| e.tokens.len()).sum();
    // Tag document by document, as clippings are tagged.
    let mut documents: Vec<Vec<usize>> = Vec::new();
    for (i, example) in examples.iter().enumerate() {
        if i == 0 || examples[i - 1].document != example.document {
            documents.push(Vec::new());
        }
        documents.last_mut().unwrap().push(i);
    }
    // Tagging speed: the fastest of twenty rounds over the whole set (one round takes a
    // few hundredths of a second, too short to time once).
    let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); examples.len()];
    let mut seconds = f64::MAX;
    for _ in 0..20 {
        let started = Instant::now();
        for document in &documents {
            let sentences: Vec<&[morgue::normalize::persons::tokens::Token]> = document
                .iter()
                .map(|&i| examples[i].tokens.as_slice())
                .collect();
            for (&i, tags) in document.iter().zip(tag_document(model, &sentences)) {
                predicted[i] = tags;
            }
        }
        seconds = seconds.min(started.elapsed().as_secs_f64());
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (example, tags) in examples.iter().zip(&predicted) {
        let gold: std::collections::HashSet<_> = person_spans(&example.tags).into_iter().collect();
        let got: std::collections::HashSet<_> = person_spans(tags).into_iter().collect();
        tp += gold.intersection(&got).count();
        fp += got.difference(&gold).count();
        fn_ += gold.difference(&got).count();
        if verbose {
            let words = |r: &std::ops::Range<usize>| {
                example.tokens[r.clone()]
                    .iter()
                    .map(|t| t.text.as_ref())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for r in got.difference(&gold) {
                println!("  extra: {}", words(r));
            }
            for r in gold.difference(&got) {
                println!("  missed: {}", words(r));
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "persons (CoNLL-2003 valid, {} gold names): precision {p:.3}, recall {r:.3}, F1 {:.3}; \
         {tokens} tokens in {seconds:.3} s ({:.2} M tokens/s on one core)",
        tp + fn_,
        2.0 * p * r / (p + r),
        tokens as f64 / seconds / 1e6
    );
    surnames_through_pipeline(model, &examples, &documents, verbose);
    reuters_people(model, &corpora.join("reuters21578"), verbose);
}

/// Recall of the Reuters-21578 PEOPLE tags (1987 wire stories, a decade before the
/// training data): each story written as a text clipping, a tag counts as found when its
/// surname is a word of a person's name or alias.
fn reuters_people(model: &morgue::normalize::persons::tagger::Model, dir: &Path, verbose: bool) {
    use morgue::clipping::folded_key;
    let stories = reuters::stories(dir);
    if stories.is_empty() {
        println!(
            "persons on Reuters-21578: skipped, {} is absent",
            dir.display()
        );
        return;
    }
    let (mut tags, mut found, mut persons) = (0usize, 0usize, 0usize);
    for story in &stories {
        let Some(text) = story.clipping() else {
            continue;
        };
        let people = persons_in_text_clipping(model, &text);
        persons += people.len();
        let words: std::collections::HashSet<String> = people
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .flat_map(|form| {
                form.split_whitespace()
                    .map(|w| folded_key(w.trim_end_matches('.')))
            })
            .collect();
        for slug in &story.people {
            let surname = slug.rsplit('-').next().unwrap_or(slug);
            tags += 1;
            if words.contains(surname) {
                found += 1;
            } else if verbose {
                println!("  Reuters: missed {slug} in {:?}", story.title);
            }
        }
    }
    println!(
        "persons on Reuters-21578 ({} stories, {tags} PEOPLE tags): recall {:.3} ({found} \
         found); {persons} persons in all",
        stories.len(),
        found as f64 / tags.max(1) as f64
    );
}

/// Each CoNLL document written as a text clipping (its first sentence as the headline,
/// one paragraph per sentence) and read as `morgue extract` reads it; the persons found
/// are compared with the gold names as sets of surnames per document.
fn surnames_through_pipeline(
    model: &morgue::normalize::persons::tagger::Model,
    examples: &[morgue::normalize::persons::training::Example],
    documents: &[Vec<usize>],
    verbose: bool,
) {
    use morgue::clipping::folded_key;
    use std::collections::BTreeSet;
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (n, document) in documents.iter().enumerate() {
        let sentences: Vec<String> = document
            .iter()
            .map(|&i| detokenize(&examples[i].tokens))
            .collect();
        let text = sentences.join("\n\n");
        let mut gold = BTreeSet::new();
        for &i in document {
            for span in morgue::normalize::persons::person_spans(&examples[i].tags) {
                gold.insert(folded_key(&examples[i].tokens[span.end - 1].text));
            }
        }
        let names: HashMap<String, String> = persons_in_text_clipping(model, &text)
            .iter()
            .filter_map(|p| {
                let surname = p.name.split_whitespace().last()?;
                Some((folded_key(surname), p.name.clone()))
            })
            .collect();
        let got: BTreeSet<String> = names.keys().cloned().collect();
        tp += gold.intersection(&got).count();
        fp += got.difference(&gold).count();
        fn_ += gold.difference(&got).count();
        if verbose {
            for extra in got.difference(&gold) {
                println!("  document {n}: extra surname {extra} ({})", names[extra]);
            }
            for missed in gold.difference(&got) {
                println!("  document {n}: missed surname {missed}");
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "persons through the pipeline (surname sets per document, {} documents, {} gold \
         surnames): precision {p:.3}, recall {r:.3}, F1 {:.3}",
        documents.len(),
        tp + fn_,
        2.0 * p * r / (p + r)
    );
}

/// The persons `model` finds in `text` read as a text clipping, as `morgue extract` reads
/// it (with this model instead of the built-in one).
fn persons_in_text_clipping(
    model: &morgue::normalize::persons::tagger::Model,
    text: &str,
) -> Vec<morgue::clipping::Person> {
    let origin = Origin {
        path: "clipping.txt",
        format: Format::Text,
        modified: None,
    };
    match morgue::normalize::normalize_text(&origin, text, today()) {
        Ok(clipping) => {
            morgue::normalize::persons::find_persons_with(
                model,
                &clipping.title,
                &clipping.passages,
            )
            .0
        }
        Err(_) => Vec::new(),
    }
}

/// CoNLL tokens back into running text: no space before closing punctuation or "'s".
fn detokenize(tokens: &[morgue::normalize::persons::tokens::Token]) -> String {
    let mut text = String::new();
    for token in tokens {
        let word = token.text.as_ref();
        let attached = matches!(
            word,
            "," | "." | ";" | ":" | "?" | "!" | ")" | "'s" | "n't" | "%"
        );
        if !text.is_empty() && !attached && !text.ends_with('(') {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}
