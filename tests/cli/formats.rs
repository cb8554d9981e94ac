//! Every format users save: saved web pages, JSON exports, e-mails and mailboxes, PDFs,
//! read into the same records as text clippings.

use crate::common::TestContext;
use crate::common::pdf::{image_only_pdf, text_pdf};
use serde_json::Value;

/// A saved news page with everything a real one carries around its article.
const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Ferry pier to close for repairs | The Harbour Ledger</title>
<meta property="og:title" content="Ferry pier to close for repairs">
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="article:published_time" content="2025-03-14T08:30:00+00:00">
<meta property="article:modified_time" content="2025-03-20T10:00:00+00:00">
<meta name="keywords" content="Transport, Harbourton">
<link rel="canonical" href="https://ledger.example/2025/03/14/ferry-pier-repairs">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry pier to close for repairs",
 "datePublished":"2025-03-14T08:30:00+00:00","dateModified":"2025-03-20T10:00:00+00:00",
 "author":{"@type":"Person","name":"Nora Field"},"articleSection":"Local News",
 "publisher":{"@type":"Organization","name":"The Harbour Ledger"}}
</script>
<script>window.dataLayer = [{"page":"article","build":"2019-01-01"}];</script>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article>
<h1>Ferry pier to close for repairs</h1>
<div class="byline">By Nora Field, Friday 14 March 2025</div>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Copy link</a></div>
<p>The ferry pier in Harbourton will close for six weeks from April while engineers replace its rotten timber piles, the port authority said on Thursday.</p>
<p>Passengers will board at the old fish quay instead, where a temporary pontoon is being built this month. Crossings to the island will run to the usual timetable.</p>
<figure><img src="pier.jpg"><figcaption>The pier photographed at low tide last winter.</figcaption></figure>
<div class="advert">Advertisement: Sea kayaks half price this weekend only</div>
<p>The repairs will cost about two million pounds, paid from the harbour fund. Harbour master Tom Reyes said the work could not wait another winter.</p>
<p>Traders on the quay welcomed the news but asked for extra parking during the closure.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm damages sea wall</a></li><li><a href="/b">Island bus timetable changes</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><p>Great news, about time! - reader123</p></section>
</main>
<footer><p>© 2025 The Harbour Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##;

fn extract(ctx: &TestContext, path: &str) -> Vec<Value> {
    let run = ctx.run(&["extract", "--json", path]);
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    run.json_lines()
}

fn all_text(record: &Value) -> String {
    record["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_saved_news_page_gives_its_article_and_metadata() {
    let ctx = TestContext::new();
    ctx.write("archive/pier.html", NEWS_PAGE);
    let records = extract(&ctx, "archive/pier.html");
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["format"], "html");
    assert_eq!(r["title"], "Ferry pier to close for repairs");
    // The original date, not the update, and not the script's build date.
    assert_eq!(r["date"], "2025-03-14");
    assert_eq!(r["date_source"], "metadata");
    assert_eq!(r["source"], "The Harbour Ledger");
    assert_eq!(r["authors"], serde_json::json!(["Nora Field"]));
    assert_eq!(
        r["url"],
        "https://ledger.example/2025/03/14/ferry-pier-repairs"
    );
    let topics: Vec<&str> = r["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for topic in ["Transport", "Harbourton", "Local News"] {
        assert!(topics.contains(&topic), "{topic} in {topics:?}");
    }
    let text = all_text(r);
    assert!(text.starts_with("The ferry pier in Harbourton"), "{text}");
    assert!(text.contains("Traders on the quay welcomed the news"));
    for furniture in [
        "cookies",
        "Home",
        "Facebook",
        "Copy link",
        "Advertisement",
        "kayaks",
        "Related stories",
        "Storm damages sea wall",
        "reader123",
        "All rights reserved",
        "low tide last winter",
        "Privacy",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} leaked into {text}"
        );
    }
}

/// A newspaper's back issue put online: its markup states a 1960s date, and the file was
/// saved today.
const OLD_STORY_PAGE: &str = r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Neue Brücke über den Hafen eröffnet | Hafenblatt Archiv</title>
<meta property="og:site_name" content="Hafenblatt Archiv">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Neue Brücke über den Hafen eröffnet",
"datePublished":"1962-05-04","dateModified":"2024-11-02T08:00:00Z","author":{"@type":"Person","name":"Grete Albers"}}</script>
</head><body><article><h1>Neue Brücke über den Hafen eröffnet</h1>
<p class="byline">Von Grete Albers · 4. Mai 1962</p>
<p>Am Freitag wurde die neue Brücke über den Hafen für den Verkehr freigegeben, nach drei Jahren Bauzeit.</p>
<p>Der Bürgermeister sprach von einem Tag, auf den die Stadt lange gewartet habe.</p>
</article></body></html>"#;

#[test]
fn a_page_of_an_old_story_keeps_its_date_and_says_where_its_writer_was_named() {
    let ctx = TestContext::new();
    ctx.write("archive/bruecke.html", OLD_STORY_PAGE);
    let r = &extract(&ctx, "archive/bruecke.html")[0];
    assert_eq!(r["date"], "1962-05-04");
    assert_eq!(r["date_source"], "metadata");
    assert_eq!(r["authors"], serde_json::json!(["Grete Albers"]));
    assert_eq!(r["authors_source"], "metadata");
    assert_eq!(r["title"], "Neue Brücke über den Hafen eröffnet");
    // A text clipping's byline is read from its text.
    ctx.write(
        "archive/quay.txt",
        "Quay reopens\nBy Ann Lee and Bo Chen, Reuters\nPublished: 3 March 2025\n\nThe quay reopened.\nMore text.\n",
    );
    let t = &extract(&ctx, "archive/quay.txt")[0];
    assert_eq!(t["authors"], serde_json::json!(["Ann Lee", "Bo Chen"]));
    assert_eq!(t["authors_source"], "text");
    let id = t["id"].as_str().unwrap().to_string();
    ctx.ingest();
    let show = ctx.run(&["show", &id]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout.contains("Ann Lee, Bo Chen (from text)"),
        "{}",
        show.stdout
    );
    let show = ctx.run(&["show", &id, "--json"]);
    assert_eq!(show.json()["authors_source"], "text");
}

#[test]
fn a_page_in_a_declared_legacy_charset_is_decoded() {
    let ctx = TestContext::new();
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>Caf\xe9 reopens on the quay</title></head><body><article><h1>Caf\xe9 reopens on the quay</h1>\
        <p>The caf\xe9 on the quay reopened on Monday after a winter of repairs, its owner said.</p>\
        <p>Prices stay the same, the owner added, and the terrace opens in May.</p>\
        <p>Published 2 May 2025</p></article></body></html>"
        .to_vec();
    page.extend_from_slice(b"\n");
    ctx.write_bytes("archive/cafe.htm", &page);
    let r = &extract(&ctx, "archive/cafe.htm")[0];
    assert_eq!(r["title"], "Café reopens on the quay");
    assert!(all_text(r).contains("The café on the quay"));
    // No date in the markup: the "Published" line of the text dates it.
    assert_eq!(r["date"], "2025-05-02");
    assert_eq!(r["date_source"], "text");
}

#[test]
fn json_exports_of_every_common_shape_are_read() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/one.json",
        r#"{"title":"Quay parking expands","maintext":"The council will add forty parking spaces on the quay during the pier closure.","date_publish":"2025-03-21 09:00:00","authors":["Nora Field"],"source_domain":"ledger.example","url":"https://ledger.example/quay-parking","tags":["Transport"]}"#,
    );
    ctx.write(
        "archive/newsapi.json",
        r#"{"status":"ok","totalResults":2,"articles":[
          {"source":{"id":null,"name":"Coast Weekly"},"author":"Ann Lee","title":"Island ferry timetable changes","description":"Ferries will run from the fish quay.","url":"https://coast.example/ferry","publishedAt":"2025-04-01T07:00:00Z","content":"Ferries to the island will leave from the fish quay from April, the operator said. [+812 chars]"},
          {"source":{"name":"Coast Weekly"},"title":"Lifeboat crew honoured","url":"https://coast.example/lifeboat","publishedAt":"2025-04-02T07:00:00Z","content":"<p>The lifeboat crew received a bravery award on Tuesday.</p><p>Coxswain Bea Hart accepted it.</p>"}]}"#,
    );
    ctx.write(
        "archive/feed.jsonl",
        "{\"title\":\"Harbour fund grows\",\"text\":\"The harbour fund grew by a tenth last year, its trustees said.\",\"date\":\"2025-01-15\",\"sitename\":\"Harbourton Gazette\"}\n\
         {\"title\": \"Broken line, oops\n\
         {\"title\":\"Fish market moves indoors\",\"text\":\"The Saturday fish market moves into the old boat shed for the winter.\",\"date\":\"2025-01-20\"}\n",
    );
    let run = ctx.run(&["extract", "--json", "archive"]);
    assert_eq!(run.code, 3, "a broken line is reported: {}", run.stderr);
    assert!(
        run.stderr.contains("archive/feed.jsonl:2: invalid JSON"),
        "{}",
        run.stderr
    );
    let records = run.json_lines();
    let by_title = |title: &str| -> &Value {
        records
            .iter()
            .find(|r| r["title"] == title)
            .unwrap_or_else(|| panic!("{title} missing"))
    };
    let one = by_title("Quay parking expands");
    assert_eq!(one["path"], "archive/one.json");
    assert_eq!(one["date"], "2025-03-21");
    assert_eq!(one["date_source"], "metadata");
    assert_eq!(one["source"], "ledger.example");
    assert_eq!(one["topics"], serde_json::json!(["Transport"]));
    let ferry = by_title("Island ferry timetable changes");
    assert_eq!(ferry["path"], "archive/newsapi.json:1");
    assert_eq!(ferry["source"], "Coast Weekly");
    assert_eq!(ferry["authors"], serde_json::json!(["Ann Lee"]));
    assert!(!all_text(ferry).contains("chars]"), "{}", all_text(ferry));
    // An HTML body goes through the HTML extractor.
    let lifeboat = by_title("Lifeboat crew honoured");
    assert_eq!(lifeboat["path"], "archive/newsapi.json:2");
    assert_eq!(lifeboat["format"], "json");
    assert!(all_text(lifeboat).contains("Coxswain Bea Hart accepted it."));
    assert!(!all_text(lifeboat).contains("<p>"));
    assert_eq!(
        by_title("Harbour fund grows")["path"],
        "archive/feed.jsonl:1"
    );
    assert_eq!(
        by_title("Harbour fund grows")["source"],
        "Harbourton Gazette"
    );
    let market = by_title("Fish market moves indoors");
    assert_eq!(market["path"], "archive/feed.jsonl:3");
    assert_eq!(market["date"], "2025-01-20");
    assert_ne!(market["id"], by_title("Harbour fund grows")["id"]);
    assert_eq!(records.len(), 5);
}

/// A newsletter as mail programs send it: plain and HTML alternatives, quoted-printable.
const NEWSLETTER: &str = "From: \"Harbourton Gazette\" <news@gazette.example>\r
To: reader@example.com\r
Subject: Fwd: Morning brief: pier closure dates set\r
Date: Tue, 06 May 2025 07:15:00 +0100\r
MIME-Version: 1.0\r
Content-Type: multipart/alternative; boundary=\"sep\"\r
\r
--sep\r
Content-Type: text/plain; charset=utf-8\r
Content-Transfer-Encoding: quoted-printable\r
\r
View this email in your browser\r
\r
---------- Forwarded message ---------\r
From: Harbourton Gazette <news@gazette.example>\r
Date: Tue, 6 May 2025 at 07:15\r
Subject: Morning brief\r
\r
The pier will close on 12 May, the port authority confirmed =E2=80=94 a week =\r
later than planned.\r
\r
Ferries will use the fish quay until the end of June.\r
\r
You are receiving this because you subscribed at gazette.example.\r
Unsubscribe | Update your preferences\r
--sep\r
Content-Type: text/html; charset=utf-8\r
\r
<html><body><p>The pier will close on 12 May.</p></body></html>\r
--sep--\r
";

#[test]
fn a_newsletter_email_gives_subject_date_sender_and_clean_text() {
    let ctx = TestContext::new();
    ctx.write("archive/brief.eml", NEWSLETTER);
    let r = &extract(&ctx, "archive/brief.eml")[0];
    assert_eq!(r["format"], "email");
    assert_eq!(r["title"], "Morning brief: pier closure dates set");
    assert_eq!(r["date"], "2025-05-06");
    assert_eq!(r["date_source"], "metadata");
    assert_eq!(r["source"], "Harbourton Gazette");
    let text = all_text(r);
    assert!(
        text.contains("confirmed — a week later than planned"),
        "{text}"
    );
    assert!(text.contains("Ferries will use the fish quay"));
    for furniture in [
        "browser",
        "Forwarded",
        "From:",
        "receiving this",
        "Unsubscribe",
        "preferences",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
}

#[test]
fn an_html_only_newsletter_goes_through_the_html_extractor() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/html-only.eml",
        "From: Coast Weekly <hello@coast.example>\nSubject: Weekend tides\nDate: Fri, 09 May 2025 18:00:00 +0000\n\
         Content-Type: text/html; charset=utf-8\n\n<html><body><p><a href=\"#\">View this email in your browser</a></p>\
         <h1>Weekend tides</h1><p>Spring tides this weekend will flood the lower car park on Saturday morning, the harbour master warned.</p>\
         <p>Cars left there overnight will be towed from six o'clock.</p>\
         <p><a href=\"#\">Unsubscribe</a> | <a href=\"#\">Update preferences</a></p></body></html>\n",
    );
    let r = &extract(&ctx, "archive/html-only.eml")[0];
    assert_eq!(r["title"], "Weekend tides");
    assert_eq!(r["source"], "Coast Weekly");
    assert_eq!(r["date"], "2025-05-09");
    let text = all_text(r);
    assert!(text.contains("Spring tides this weekend"), "{text}");
    assert!(
        !text.contains("Unsubscribe") && !text.contains("browser"),
        "{text}"
    );
}

#[test]
fn a_mailbox_gives_one_record_per_message() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/saved.mbox",
        "From news@gazette.example Mon May 05 07:00:00 2025\nFrom: Harbourton Gazette <news@gazette.example>\nSubject: Brief one\nDate: Mon, 05 May 2025 07:00:00 +0100\n\nThe council meets on Thursday to vote on the harbour budget.\n\n\
         From news@gazette.example Tue May 06 07:00:00 2025\nFrom: Harbourton Gazette <news@gazette.example>\nSubject: Brief two\nDate: Tue, 06 May 2025 07:00:00 +0100\n\nThe harbour budget passed by six votes to three.\n",
    );
    let records = extract(&ctx, "archive/saved.mbox");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["path"], "archive/saved.mbox:1");
    assert_eq!(records[1]["path"], "archive/saved.mbox:2");
    assert_eq!(records[1]["title"], "Brief two");
    assert_eq!(records[1]["date"], "2025-05-06");
    assert!(all_text(&records[1]).contains("six votes to three"));
}

fn report_pages() -> Vec<Vec<String>> {
    let body = [
        [
            "Harbour trust annual report",
            "",
            "The harbour trust spent most of its budget on the sea wall this year.",
        ],
        [
            "",
            "Income from moorings rose for the third year in a row.",
            "",
        ],
        [
            "",
            "The trust expects the pier repairs to finish by July.",
            "",
        ],
    ];
    body.iter()
        .enumerate()
        .map(|(n, lines)| {
            let mut page = vec!["Harbourton Harbour Trust - Report 2025".to_string()];
            page.extend(lines.iter().map(|l| l.to_string()));
            page.push(format!("Page {} of 3", n + 1));
            page
        })
        .collect()
}

#[test]
fn a_text_pdf_is_read_without_running_headers_or_page_numbers() {
    let ctx = TestContext::new();
    ctx.write_bytes("archive/2025-02-10-report.pdf", &text_pdf(&report_pages()));
    let records = extract(&ctx, "archive/2025-02-10-report.pdf");
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(r["format"], "pdf");
    assert_eq!(r["title"], "Harbour trust annual report");
    assert_eq!(r["date"], "2025-02-10");
    assert_eq!(r["date_source"], "filename");
    let text = all_text(r);
    for line in [
        "spent most of its budget on the sea wall",
        "Income from moorings rose",
        "pier repairs to finish by July",
    ] {
        assert!(text.contains(line), "{line:?} missing from {text}");
    }
    assert!(!text.contains("Report 2025"), "running header in {text}");
    assert!(!text.contains("Page 2 of 3"), "page number in {text}");
}

#[test]
fn an_image_only_pdf_is_skipped_as_scanned() {
    let ctx = TestContext::new();
    ctx.write_bytes("archive/scan.pdf", &image_only_pdf());
    let run = ctx.run(&["extract", "--json", "archive/scan.pdf"]);
    assert_eq!(run.code, 3, "a file skipped: {}", run.stderr);
    assert!(
        run.stderr
            .contains("skipped archive/scan.pdf: no text layer (scanned?)"),
        "{}",
        run.stderr
    );
}

#[test]
fn ingest_of_a_mixed_folder_reports_each_format_and_searches_them_all() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/note.txt",
        "Pier works begin\nPublished: 1 April 2025\n\nWork on the ferry pier began on Tuesday morning.\n",
    );
    ctx.write(
        "archive/memo.md",
        "---\ntitle: Pier works memo\ndate: 2025-04-02\n---\n\nThe pier works memo lists the contractors.\n",
    );
    ctx.write("archive/pier.html", NEWS_PAGE);
    ctx.write(
        "archive/feed.jsonl",
        "{\"title\":\"Pier crane arrives\",\"text\":\"A floating crane arrived for the pier works.\",\"date\":\"2025-04-03\"}\n",
    );
    ctx.write("archive/brief.eml", NEWSLETTER);
    ctx.write_bytes("archive/report.pdf", &text_pdf(&report_pages()));
    ctx.write_bytes("archive/scan.pdf", &image_only_pdf());
    let run = ctx.run(&["ingest", "archive"]);
    assert_eq!(run.code, 3, "the scan is skipped: {}", run.stderr);
    for (format, line) in [
        ("text", "1 file, 1 record"),
        ("markdown", "1 file, 1 record"),
        ("html", "1 file, 1 record"),
        ("json", "1 file, 1 record"),
        ("email", "1 file, 1 record"),
        ("pdf", "1 file, 1 record"),
    ] {
        let found = run
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with(format) && l.contains(line));
        assert!(found.is_some(), "{format}: {line} in {}", run.stderr);
    }
    assert!(
        run.stderr
            .lines()
            .any(|l| l.trim_start().starts_with("pdf") && l.contains("1 skipped")),
        "{}",
        run.stderr
    );
    let stats = ctx.run(&["stats", "--json"]).json();
    for format in ["text", "markdown", "html", "json", "email", "pdf"] {
        assert_eq!(stats["by_format"][format], 1, "{stats}");
    }
    let hits = ctx.run(&["search", "pier", "--json"]).json_lines();
    let formats: std::collections::BTreeSet<String> = hits
        .iter()
        .map(|h| {
            let path = h["path"].as_str().unwrap();
            let ext = path.rsplit('.').next().unwrap();
            ext.split(':').next().unwrap().to_string()
        })
        .collect();
    for ext in ["txt", "md", "html", "jsonl", "eml", "pdf"] {
        assert!(formats.contains(ext), "{ext} in {formats:?}");
    }
}

#[test]
fn soft_hyphens_do_not_split_words_for_search_or_names() {
    // German sites mark where long words may break; so do some text exports.
    let ctx = TestContext::new();
    ctx.write(
        "archive/nachweise.html",
        "<html><head><title>Nachweise</title></head><body>\
         <h1>Neue Regeln für Genesenen\u{ad}nachweise</h1><p>Von Mat\u{ad}thi\u{ad}as Lauerer</p>\
         <p>Die Genesenen\u{ad}nachweise gelten künftig nur noch drei Monate, teilte das \
         Ministerium am Montag in Berlin mit.</p></body></html>",
    );
    ctx.write(
        "archive/export.txt",
        "Fristen im Herbst\n\nDie Sperr\u{ad}fristen für Dünger beginnen im Oktober, sagte \
         die Kammer.\n",
    );
    ctx.ingest();
    let hits = ctx
        .run(&["search", "Genesenennachweise", "--json"])
        .json_lines();
    assert_eq!(hits.len(), 1, "the page is found by the whole word");
    assert_eq!(hits[0]["authors"][0], "Matthias Lauerer");
    assert!(!hits[0]["text"].as_str().unwrap().contains('\u{ad}'));
    let hits = ctx.run(&["search", "Sperrfristen", "--json"]).json_lines();
    assert_eq!(
        hits.len(),
        1,
        "the text clipping is found by the whole word"
    );
}
