//! Dates across clipping shapes: every Reuters-21578 story (February–October 1987) written
//! as text (with a date line above or below the story, a citation line, or only a
//! dateline opening it),
//! Markdown, web pages with the date in each place pages state it (and traps: today's
//! date in the masthead, a later modification, an update beside the publication), a
//! saved page (MHTML), RTF, JSON, e-mail, and LexisNexis and Factiva exports, in several
//! languages, then read back as `ingest` reads it. The files are dated
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

const ITALIAN_MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const PORTUGUESE_MONTHS: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
/// In the genitive, as a date writes them.
const RUSSIAN_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
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
        ("html visible German", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<div class=\"artikel-datum\">Stand: {}. {} {}, {} Uhr</div>",
                d.day(),
                month_name(&GERMAN_MONTHS, d),
                d.year(),
                t.format("%H:%M")
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible German numeric", Format::Html, |s, t, b| {
            let line = t
                .format("<p class=\"meta\">Veröffentlicht am %d.%m.%Y um %H:%M</p>")
                .to_string();
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Italian", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<p class=\"data\">Pubblicato il {} {} {}</p>",
                d.day(),
                month_name(&ITALIAN_MONTHS, d),
                d.year()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Portuguese", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<p class=\"data\">Publicado em {} de {} de {}</p>",
                d.day(),
                month_name(&PORTUGUESE_MONTHS, d),
                d.year()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Dutch", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<span class=\"datum\">Gepubliceerd op {} {} {}</span>",
                d.day(),
                month_name(&DUTCH_MONTHS, d),
                d.year()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Russian", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<div class=\"date\">{} {} {} г., {}</div>",
                d.day(),
                month_name(&RUSSIAN_MONTHS, d),
                d.year(),
                t.format("%H:%M")
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html visible Korean", Format::Html, |s, t, b| {
            let d = t.date();
            let line = format!(
                "<span class=\"date\">입력 {}년 {}월 {}일</span>",
                d.year(),
                d.month(),
                d.day()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html meta name=date, day only", Format::Html, |s, t, b| {
            let meta = format!("<meta name=\"date\" content=\"{}\">", t.date());
            ("page.html".into(), page(&meta, "", s, b))
        }),
        ("html microdata", Format::Html, |s, t, b| {
            let line = format!(
                "<meta itemprop=\"datePublished\" content=\"{}\"><meta itemprop=\"dateModified\" content=\"2022-09-01\">",
                t.date()
            );
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html updated beside published", Format::Html, |s, t, b| {
            let line = t
                .format("<p class=\"dates\">Last updated: March 3, 2024 · Originally published %B %-d, %Y</p>")
                .to_string();
            ("page.html".into(), page("", &line, s, b))
        }),
        ("html saved from url", Format::Html, |s, t, b| {
            let address = format!(
                "https://wire.example/news/{}/{}.html",
                t.format("%Y/%m/%d"),
                slug(&s.title)
            );
            let html = format!(
                "<!-- saved from url=({:04}){address} -->\n{}",
                address.len(),
                page("", "", s, b)
            );
            ("page.html".into(), html)
        }),
        ("mhtml saved page", Format::Mhtml, |s, t, b| {
            let html = page(
                &format!(
                    "<meta property=\"article:published_time\" content=\"{}\">",
                    t.format("%Y-%m-%dT%H:%M:%S+00:00")
                ),
                "",
                s,
                b,
            );
            let mhtml = format!(
                "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://wire.example/story\r\nSubject: {}\r\nDate: Mon, 7 Dec 2026 10:00:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x1\"\r\n\r\n------MultipartBoundary--x1\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: binary\r\nContent-Location: https://wire.example/story\r\n\r\n{html}\r\n\r\n------MultipartBoundary--x1--\r\n",
                s.title
            );
            ("page.mhtml".into(), mhtml)
        }),
        ("text, numeric ISO date line", Format::Text, |s, t, b| {
            let line = t.format("%Y-%m-%d %H:%M").to_string();
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        (
            "markdown, date under heading",
            Format::Markdown,
            |s, t, b| {
                let line = t.format("*%B %-d, %Y*").to_string();
                (
                    "story.md".into(),
                    format!("# {}\n\n{line}\n\n{b}\n", s.title),
                )
            },
        ),
        ("LexisNexis text export", Format::Text, |s, t, b| {
            let mut out = String::from("1 of 1 DOCUMENT\r\n\r\n");
            out += "                    Copyright 1987 The Wire\r\n";
            out += "                         The Wire\r\n\r\n";
            out += &t
                .format("                          %B %-d, %Y %A\r\n\r\n")
                .to_string();
            out += "SECTION: BUSINESS; Pg. 4\r\n\r\nLENGTH: 320 words\r\n\r\n";
            out += &format!("HEADLINE: {}\r\n\r\nBODY:\r\n\r\n{b}\r\n\r\n", s.title);
            out += "LOAD-DATE: March 3, 2008\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n";
            ("export.txt".into(), out)
        }),
        ("Factiva text export", Format::Text, |s, t, b| {
            let out = format!(
                "HD\n{}\nWC 320 words\nPD {}\nSN The Wire\nSC WIRE\nLA English\nCY (c) 1987 The Wire\nLP\n{b}\n\nTD\nMore to come.\nNS gcat\nAN Document WIRE000020080303e000001\n\n",
                s.title,
                t.format("%-d %B %Y")
            );
            ("export.txt".into(), out)
        }),
        ("rtf", Format::Rtf, |s, t, b| {
            let line = t.format("Published %B %-d, %Y").to_string();
            let rtf = format!(
                "{{\\rtf1\\ansi\\deff0{{\\fonttbl{{\\f0 Times;}}}}\\f0 {{\\b {}}}\\par {line}\\par\\par {}\\par}}",
                s.title.replace(['{', '}', '\\'], ""),
                b.replace(['{', '}', '\\'], "")
            );
            ("story.rtf".into(), rtf)
        }),
        (
            "text, dateline opening the story",
            Format::Text,
            |s, t, b| {
                let line = t.format("NEW YORK, %B %-d, %Y - ").to_string();
                ("story.txt".into(), format!("{}\n\n{line}{b}\n", s.title))
            },
        ),
        (
            "text, date line after the story",
            Format::Text,
            |s, t, b| {
                let line = t.format("Published %B %-d, %Y").to_string();
                (
                    "story.txt".into(),
                    format!("{}\n\n{b}\n\n{line}\n", s.title),
                )
            },
        ),
        (
            "html masthead with today's date",
            Format::Html,
            |s, t, b| {
                let masthead = "<div class=\"masthead\"><span class=\"today\">Monday, December 7, 2026</span></div>";
                let line = t
                    .format("<p class=\"byline\">By Staff · %B %-d, %Y</p>")
                    .to_string();
                let html = page("", &line, s, b).replacen("<nav>", &format!("{masthead}<nav>"), 1);
                ("page.html".into(), html)
            },
        ),
        (
            "html archive page, modified later",
            Format::Html,
            |s, t, b| {
                let ld = format!(
                    "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebPage\",\"datePublished\":\"2019-04-01\"}},{{\"@type\":\"NewsArticle\",\"datePublished\":\"{}\",\"dateModified\":\"2019-04-01T08:00:00Z\"}}]}}</script>",
                    t.date()
                );
                let note = "<p class=\"archive-note\">About the Archive: this is a digitized version of an article from the print archive, before the start of online publication in 1996.</p>";
                ("page.html".into(), page(&ld, note, s, b))
            },
        ),
        (
            "html dateline opening the story",
            Format::Html,
            |s, t, b| {
                let opening = t.format("NEW YORK, %B %-d, %Y - ").to_string();
                (
                    "page.html".into(),
                    page("", "", s, &format!("{opening}{b}")),
                )
            },
        ),
        ("text, citation line above", Format::Text, |s, t, b| {
            let line = t.format("The Wire, %-d %B %Y, p. 4").to_string();
            ("story.txt".into(), format!("{}\n{line}\n\n{b}\n", s.title))
        }),
        ("text, citation line below", Format::Text, |s, t, b| {
            let line = t
                .format("— From The Wire (New York), %A, %B %-d, %Y")
                .to_string();
            (
                "story.txt".into(),
                format!("{}\n\n{b}\n\n{line}\n", s.title),
            )
        }),
    ]
}
