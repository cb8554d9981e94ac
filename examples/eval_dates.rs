//! Dates across clipping shapes: every Reuters-21578 story (February–October 1987) written
//! as text, Markdown, web pages with the date in each place pages state it, JSON, and
//! e-mail, in several languages, then read back as `ingest` reads it. The files are dated
//! today, so a clipping whose own date is missed gets today's date and counts as wrong:
//! the check for web pages of old stories that used to be dated the day they were saved.
//!
//! Usage: `cargo run --release --example eval_dates -- [CORPUS_DIR]` (default
//! `../shared/corpora/reuters21578`); prints accuracy per shape and overall; `--verbose`
//! lists misses. Skips with a note when the corpus is absent.

#[path = "common/reuters.rs"]
mod reuters;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use morgue::clipping::Format;
use morgue::input::SourceFile;
use morgue::normalize::{self, Reading};
use std::path::PathBuf;

/// How one shape writes a story dated `date`: the file's name and its bytes.
type Shape = fn(&reuters::Story, NaiveDateTime, &str) -> (String, String);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let corpus = args.iter().find(|a| !a.starts_with("--")).map_or_else(
        || PathBuf::from("../shared/corpora/reuters21578"),
        PathBuf::from,
    );
    let stories = reuters::stories(&corpus);
    if stories.is_empty() {
        println!(
            "dates: skipped, the Reuters-21578 corpus is not at {}",
            corpus.display()
        );
        return;
    }
    let today = chrono::Utc::now().date_naive();
    let reading = Reading::in_process(today);
    let now_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let (mut all, mut all_right) = (0, 0);
    for (name, format, shape) in shapes() {
        let (mut total, mut right) = (0, 0);
        for (n, story) in stories.iter().enumerate() {
            let Some(when) = story_time(&story.date) else {
                continue;
            };
            let body = story.body.split_whitespace().collect::<Vec<_>>().join(" ");
            if body.len() < 40 {
                continue;
            }
            let (file_name, text) = shape(story, when, &body);
            let mut file = SourceFile::in_memory(&format!("{n}-{file_name}"), format);
            file.modified_ns = now_ns;
            let got = normalize::file(&file, text.as_bytes(), &reading)
                .into_iter()
                .next()
                .and_then(Result::ok)
                .map(|c| c.date);
            total += 1;
            if got == Some(when.date()) {
                right += 1;
            } else if verbose {
                println!("  {name} {n}: expected {}, got {got:?}", when.date());
            }
        }
        println!(
            "{name:<30} {:.4} ({right} of {total})",
            right as f64 / total.max(1) as f64
        );
        all += total;
        all_right += right;
    }
    println!(
        "dates over every shape: {:.4} ({all_right} of {all})",
        all_right as f64 / all.max(1) as f64
    );
}

/// `26-FEB-1987 15:01:01.79`.
fn story_time(date: &str) -> Option<NaiveDateTime> {
    let date = date.split('.').next()?;
    NaiveDateTime::parse_from_str(date, "%d-%b-%Y %H:%M:%S").ok()
}

const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const SPANISH_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn month_name(names: &[&'static str; 12], date: NaiveDate) -> &'static str {
    names[date.month0() as usize]
}

fn slug(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn page(head: &str, before_body: &str, story: &reuters::Story, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} | The Wire</title>{head}</head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav><article><h1>{}</h1>{before_body}\
         <p>{}</p></article><footer>© The Wire</footer></body></html>",
        escape(&story.title),
        escape(&story.title),
        escape(body)
    )
}

fn shapes() -> Vec<(&'static str, Format, Shape)> {
    vec![
        ("text, English date line", Format::Text, |s, t, b| {
            let line = t.format("Published: %B %-d, %Y").to_string();
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        ("text, German date line", Format::Text, |s, t, b| {
            let d = t.date();
            let line = format!(
                "Veröffentlicht am {}. {} {}",
                d.day(),
                month_name(&GERMAN_MONTHS, d),
                d.year()
            );
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        ("text, French date line", Format::Text, |s, t, b| {
            let d = t.date();
            let line = format!(
                "Publié le {} {} {} à {}",
                d.day(),
                month_name(&FRENCH_MONTHS, d),
                d.year(),
                t.format("%Hh%M")
            );
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        ("text, updated then published", Format::Text, |s, t, b| {
            let line = t
                .format("Updated March 3, 2024 | Published %B %-d, %Y")
                .to_string();
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        ("markdown front matter", Format::Markdown, |s, t, b| {
            let fm = format!(
                "---\ntitle: \"{}\"\ndate: {}\n---\n\n{b}\n",
                s.title.replace('"', "'"),
                t.date()
            );
            ("story.md".into(), fm)
        }),
        ("html JSON-LD", Format::Html, |s, t, b| {
            let ld = format!(
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"{}\",\"dateModified\":\"2024-05-01T10:00:00Z\"}}</script>",
                t.format("%Y-%m-%dT%H:%M:%S-05:00")
            );
            ("page.html".into(), page(&ld, "", s, b))
        }),
        ("html meta tag, UTC", Format::Html, |s, t, b| {
            let meta = format!(
                "<meta property=\"article:published_time\" content=\"{}\"><meta property=\"article:modified_time\" content=\"2023-01-01T00:00:00Z\">",
                t.format("%Y-%m-%dT%H:%M:%SZ")
            );
            ("page.html".into(), page(&meta, "", s, b))
        }),
        ("html <time>", Format::Html, |s, t, b| {
            let time = format!(
                "<time datetime=\"{}\">{}</time>",
                t.date(),
                t.format("%b %-d, %Y")
            );
            ("page.html".into(), page("", &time, s, b))
        }),
        ("html visible English", Format::Html, |s, t, b| {
            let line = t
                .format("<p class=\"byline\">By Staff · Published %B %-d, %Y</p>")
                .to_string();
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible French", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<div class=\"meta\">Publié le {} {} {}</div>",
                d.day(),
                month_name(&FRENCH_MONTHS, d),
                d.year()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Spanish", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<span class=\"fecha\">{} de {} de {}</span>",
                d.day(),
                month_name(&SPANISH_MONTHS, d),
                d.year()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Japanese", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<span class=\"date\">{}年{}月{}日</span>",
                d.year(),
                d.month(),
                d.day()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html address only", Format::Html, |s, t, b| {
            let link = format!(
                "<link rel=\"canonical\" href=\"https://wire.example/{}/{}\">",
                t.format("%Y/%m/%d"),
                slug(&s.title)
            );
            ("page.html".into(), page(&link, "", s, b))
        }),
        ("json export", Format::Json, |s, t, b| {
            let record = serde_json::json!({
                "title": s.title, "published": t.format("%Y-%m-%dT%H:%M:%S").to_string(), "text": b,
            });
            ("export.json".into(), record.to_string())
        }),
        ("e-mail", Format::Email, |s, t, b| {
            let mail = format!(
                "From: Wire Desk <desk@wire.example>\r\nSubject: {}\r\nDate: {}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{b}\r\n",
                s.title,
                t.format("%a, %d %b %Y %H:%M:%S -0500")
            );
            ("note.eml".into(), mail)
        }),
    ]
}
