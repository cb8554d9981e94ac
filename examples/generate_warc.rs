//! Writes a web archive of a chosen size for benchmarks, shaped like a crawl: for every
//! page a request record, the HTML response (a BBC story set in a news site's
//! furniture: navigation, scripts, share bars, a footer), its images and a script, a
//! redirect now and then, one gzip member per record.
//!
//! Usage: `cargo run --release --example generate_warc -- OUT.warc.gz MEGABYTES
//! [CORPORA_DIR]` (CORPORA_DIR defaults to `../shared/corpora`; without the BBC corpus
//! there is nothing to write and it says so). Prints the pages written.

use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A small deterministic generator: image bytes that do not compress, like real ones.
struct Noise(u64);

impl Noise {
    fn fill(&mut self, out: &mut Vec<u8>, n: usize) {
        for _ in 0..n {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            out.push(self.0 as u8);
        }
    }
}

fn stories(corpora: &Path) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpora.join("bbc-news/bbc"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&bytes).to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let title = lines.next()?.to_string();
            Some((title, lines.map(str::to_string).collect()))
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A story as a news site serves it: the article inside a page of furniture.
fn page(n: usize, title: &str, paragraphs: &[String]) -> String {
    let day = n % 28 + 1;
    let month = n / 28 % 12 + 1;
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} - Coast News</title>\
         <meta property=\"article:published_time\" content=\"2005-{month:02}-{day:02}T08:00:00Z\">\
         <link rel=\"stylesheet\" href=\"/static/site.css\"><script>window.analytics = {{ page: {n}, section: \"news\", \
         experiments: [{}] }};</script></head><body><header><a href=\"/\">Coast News</a><nav><ul>",
        escape(title),
        (0..40)
            .map(|k| format!("\"exp-{k}-{}\"", (n * 31 + k) % 97))
            .collect::<Vec<_>>()
            .join(",")
    );
    for section in [
        "Home",
        "UK",
        "World",
        "Business",
        "Politics",
        "Technology",
        "Science",
        "Health",
        "Sport",
        "Weather",
    ] {
        html += &format!(
            "<li><a href=\"/{}\">{section}</a></li>",
            section.to_lowercase()
        );
    }
    html += &format!(
        "</ul></nav></header><main><article><h1>{}</h1>",
        escape(title)
    );
    html += "<div class=\"share\"><a href=\"#\">Share on social media</a><a href=\"#\">E-mail this story</a></div>";
    for paragraph in paragraphs {
        html += &format!("<p>{}</p>", escape(paragraph));
    }
    html += "</article><aside class=\"related\"><h2>Related stories</h2><ul>";
    for k in 1..=8 {
        html += &format!(
            "<li><a href=\"/news/{}\">More on this story, part {k}</a></li>",
            n * 8 + k
        );
    }
    html += "</ul></aside></main><footer><p>Copyright Coast News. All rights reserved.</p>";
    html += &format!(
        "<script>{}</script></footer></body></html>",
        "var tracking=1;".repeat(600)
    );
    html
}

fn record(out: &mut impl Write, kind: &str, uri: &str, block: &[u8]) -> std::io::Result<()> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(block.len() / 3), Compression::fast());
    write!(
        encoder,
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )?;
    encoder.write_all(block)?;
    encoder.write_all(b"\r\n\r\n")?;
    out.write_all(&encoder.finish()?)
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    block
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out_path), Some(megabytes)) = (args.first(), args.get(1)) else {
        eprintln!("usage: generate_warc OUT.warc.gz MEGABYTES [CORPORA_DIR]");
        std::process::exit(2);
    };
    let target: u64 = megabytes.parse::<u64>().expect("MEGABYTES is a number") * 1_000_000;
    let corpora = PathBuf::from(args.get(2).map_or("../shared/corpora", String::as_str));
    let stories = stories(&corpora);
    if stories.is_empty() {
        println!("skipped: no BBC stories under {}", corpora.display());
        return Ok(());
    }
    let file = std::fs::File::create(out_path)?;
    let mut out = std::io::BufWriter::new(file);
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let mut written: u64 = 0;
    let mut pages = 0;
    let mut counted = Vec::new();
    while written < target {
        let (title, paragraphs) = &stories[pages % stories.len()];
        let uri = format!("https://coast.example/news/{pages}");
        counted.clear();
        record(
            &mut counted,
            "request",
            &uri,
            format!("GET /news/{pages} HTTP/1.1\r\nHost: coast.example\r\n\r\n").as_bytes(),
        )?;
        let html = page(pages, title, paragraphs);
        record(
            &mut counted,
            "response",
            &uri,
            &response("200 OK", "text/html; charset=utf-8", html.as_bytes()),
        )?;
        for k in 0..3 {
            let mut image = b"\xff\xd8\xff\xe0".to_vec();
            noise.fill(&mut image, 40_000 + (pages * 7 + k) % 20_000);
            record(
                &mut counted,
                "response",
                &format!("{uri}/photo-{k}.jpg"),
                &response("200 OK", "image/jpeg", &image),
            )?;
        }
        let script = "function track(e){return e;}".repeat(700);
        record(
            &mut counted,
            "response",
            &format!("{uri}/app.js"),
            &response("200 OK", "application/javascript", script.as_bytes()),
        )?;
        if pages % 10 == 0 {
            record(
                &mut counted,
                "response",
                &format!("{uri}?from=home"),
                b"HTTP/1.1 301 Moved Permanently\r\nLocation: /news\r\n\r\n",
            )?;
        }
        out.write_all(&counted)?;
        written += counted.len() as u64;
        pages += 1;
    }
    out.flush()?;
    println!("{pages} pages, {:.0} MB", written as f64 / 1e6);
    Ok(())
}
