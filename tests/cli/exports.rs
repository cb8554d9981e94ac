//! News-database exports, office documents and saved pages, end to end: LexisNexis
//! (classic text and Nexis Uni Word files), Factiva text exports, `.docx` and `.odt`
//! clippings, MHTML pages.

use crate::common::TestContext;
use serde_json::Value;
use std::io::Write;

const TOWNS: [&str; 5] = [
    "Harbourton",
    "Saltmarsh",
    "Kirkby Quay",
    "Lindfjord",
    "São Brás",
];

/// A classic LexisNexis text export of `count` articles (CRLF, a BOM, hard-wrapped body);
/// article `broken` has no body.
fn classic_export(count: usize, broken: usize) -> String {
    let mut out =
        String::from("\u{feff}Download Request: Current search\r\nTerms: harbour\r\n\r\n");
    for n in 1..=count {
        let town = TOWNS[n % TOWNS.len()];
        out += &format!("                              {n} of {count} DOCUMENTS\r\n\r\n");
        out += &format!("                    Copyright 2019 The {town} Gazette\r\n");
        out += &format!("                         The {town} Gazette\r\n\r\n");
        out += &format!("                          March {n}, 2019 Friday\r\n\r\n");
        out += "SECTION: LOCAL; Pg. 4\r\n\r\nLENGTH: 120 words\r\n\r\n";
        out += &format!("HEADLINE: {town} harbour dues rise for the {n}th time\r\n\r\n");
        out += "BYLINE: Ines Calloway; Tomas Berg\r\n\r\n";
        if n != broken {
            out += "BODY:\r\n\r\n";
            out += &format!(
                "The harbour board of {town} raised mooring dues on Thursday, the\r\nboard's chair said, citing repairs to breakwater number {n}.\r\n\r\n"
            );
            out += "Fishing crews said the rise would hit small boats hardest.\r\n\r\n";
        }
        out += &format!(
            "LOAD-DATE: March {}, 2019\r\n\r\nLANGUAGE: ENGLISH\r\n\r\nSUBJECT: PORTS (92%); FEES (80%)\r\n\r\n",
            n + 1
        );
    }
    out
}

fn docx(paragraphs: &[String]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            let text = p.replace('&', "&amp;").replace('<', "&lt;");
            format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
        })
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"urn:w\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.start_file("docProps/core.xml", options).unwrap();
    zip.write_all(b"<cp:coreProperties xmlns:cp=\"a\" xmlns:dcterms=\"b\"><dcterms:created>2021-09-14T08:00:00Z</dcterms:created></cp:coreProperties>").unwrap();
    zip.finish().unwrap().into_inner()
}

fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{p}</text:p>"))
        .collect();
    let content = format!(
        "<office:document-content><office:body><office:text><text:h>Ferry timetable changes</text:h>{body}</office:text></office:body></office:document-content>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", options).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .unwrap();
    zip.start_file("content.xml", options).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn extract(ctx: &TestContext, path: &str) -> Vec<Value> {
    ctx.run(&["extract", "--json", path]).json_lines()
}

#[test]
fn a_classic_export_becomes_one_record_per_article() {
    let ctx = TestContext::new();
    ctx.write("archive/nexis-harbour.txt", &classic_export(25, 13));
    let ingest = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(
        ingest.code, 3,
        "one broken article is reported: {}",
        ingest.stderr
    );
    let summary = ingest.json();
    assert_eq!(summary["formats"]["nexis"]["records"], 24, "{summary}");
    assert_eq!(summary["formats"]["nexis"]["files"], 1, "{summary}");
    assert!(
        summary["formats"]["text"].is_null(),
        "the export counts as nexis: {summary}"
    );
    let skipped = summary["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["path"], "archive/nexis-harbour.txt:13");
    assert!(skipped[0]["reason"].as_str().unwrap().contains("no body"));

    let records = extract(&ctx, "archive/nexis-harbour.txt");
    assert_eq!(records.len(), 24);
    let seventh = records
        .iter()
        .find(|r| r["path"] == "archive/nexis-harbour.txt:7")
        .unwrap();
    assert_eq!(seventh["format"], "nexis");
    assert_eq!(
        seventh["title"],
        "Kirkby Quay harbour dues rise for the 7th time"
    );
    assert_eq!(seventh["date"], "2019-03-07");
    assert_eq!(seventh["date_source"], "metadata");
    assert_eq!(seventh["source"], "The Kirkby Quay Gazette");
    assert_eq!(
        seventh["authors"],
        serde_json::json!(["Ines Calloway", "Tomas Berg"])
    );
    assert_eq!(seventh["topics"], serde_json::json!(["Ports", "Fees"]));
    let passages = seventh["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 2);
    assert!(
        passages[0]
            .as_str()
            .unwrap()
            .contains("breakwater number 7.")
    );
    let furniture = ["LOAD-DATE", "LANGUAGE", "Copyright", "SECTION", "DOCUMENTS"];
    for p in passages {
        assert!(
            furniture.iter().all(|f| !p.as_str().unwrap().contains(f)),
            "{p}"
        );
    }

    let hits = ctx
        .run(&["search", "breakwater", "--on", "2019-03-07", "--json"])
        .json_lines();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"], "archive/nexis-harbour.txt:7");
}

#[test]
fn a_nexis_uni_word_export_skips_its_cover_page() {
    let ctx = TestContext::new();
    let mut paragraphs: Vec<String> = vec![
        "Results list".into(),
        "Client/Matter: -None-".into(),
        "Search Terms: lighthouse".into(),
        "1. Lighthouse keeper retires".into(),
        "2. Fog signal silenced".into(),
    ];
    for (title, source, date, body) in [
        (
            "Lighthouse keeper retires",
            "The Cape Courier",
            "June 2, 2023 Friday",
            "After forty years the keeper of the cape light handed over the keys on Thursday.",
        ),
        (
            "Fog signal silenced",
            "Coast Weekly",
            "June 9, 2023",
            "The fog horn at the point fell silent after neighbours complained about the noise.",
        ),
    ] {
        paragraphs.extend([title, source, date].map(String::from));
        paragraphs.push(format!("Copyright 2023 {source} All Rights Reserved"));
        paragraphs.extend(
            [
                "Section: NEWS; Pg. 2",
                "Length: 320 words",
                "Byline:\u{a0}Rhea Okafor",
                "Body",
            ]
            .map(String::from),
        );
        paragraphs.push(body.to_string());
        paragraphs.push("The harbour office confirmed the change.".into());
        paragraphs.extend(
            [
                "Classification",
                "Language: ENGLISH",
                "Subject: LIGHTHOUSES (90%)",
                "Load-Date: June 20, 2023",
                "End of Document",
            ]
            .map(String::from),
        );
    }
    ctx.write_bytes("archive/nexis-uni.docx", &docx(&paragraphs));
    let records = extract(&ctx, "archive/nexis-uni.docx");
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["path"], "archive/nexis-uni.docx:1");
    assert_eq!(records[0]["format"], "nexis");
    assert_eq!(records[0]["title"], "Lighthouse keeper retires");
    assert_eq!(records[0]["source"], "The Cape Courier");
    assert_eq!(records[0]["date"], "2023-06-02");
    assert_eq!(records[0]["authors"], serde_json::json!(["Rhea Okafor"]));
    assert_eq!(records[1]["date"], "2023-06-09");
    assert!(
        records
            .iter()
            .all(|r| !r.to_string().contains("Client/Matter"))
    );
    assert!(records.iter().all(|r| !r.to_string().contains("Load-Date")));
}

#[test]
fn a_factiva_export_splits_on_its_field_codes() {
    let ctx = TestContext::new();
    let mut text = String::new();
    for (n, (headline, source, date)) in [
        ("Quay repairs begin", "The Daily Ledger", "4 March 2025"),
        ("Hafen öffnet wieder", "Hafenblatt", "5 März 2025"),
        ("Le port rouvre", "Le Courrier du Port", "6 mars 2025"),
    ]
    .iter()
    .enumerate()
    {
        text += &format!(
            "HD\n{headline}\nBY Ana Ruiz\nWC 90 words\nPD {date}\nSN {source}\nSC DL\nLA English\nCY (c) 2025 {source}\nLP\nWork on quay number {n} began on Monday.\n\nTD\nThe harbour master said it\nwould take a month.\nNS gcat\nAN Document DLEDG0002025030{n}el34000{n}\n\n"
        );
    }
    ctx.write("archive/factiva.txt", &text);
    let records = extract(&ctx, "archive/factiva.txt");
    assert_eq!(records.len(), 3);
    let dates: Vec<&str> = records
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2025-03-04", "2025-03-05", "2025-03-06"]);
    assert_eq!(records[1]["title"], "Hafen öffnet wieder");
    assert_eq!(records[2]["source"], "Le Courrier du Port");
    assert!(records.iter().all(|r| r["format"] == "factiva"));
    assert_eq!(
        records[0]["passages"][1],
        "The harbour master said it would take a month."
    );
    assert!(
        records
            .iter()
            .all(|r| !r.to_string().contains("Document DLEDG"))
    );
}

#[test]
fn word_and_opendocument_files_are_single_clippings() {
    let ctx = TestContext::new();
    ctx.write_bytes(
        "archive/notes/interview.docx",
        &docx(&[
            "Interview with the harbour master".into(),
            "Published: 12 October 2024".into(),
            "The harbour master said the dredging would finish in spring & cost less.".into(),
        ]),
    );
    ctx.write_bytes(
        "archive/notes/draft.docx",
        &docx(&[
            "Draft on tides".into(),
            "Tides were higher than forecast all week.".into(),
        ]),
    );
    ctx.write_bytes(
        "archive/notes/ferry.odt",
        &odt(&[
            "The winter ferry timetable starts on Monday.",
            "Two crossings are cut.",
        ]),
    );
    let ingest = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let summary = ingest.json();
    assert_eq!(summary["formats"]["docx"]["records"], 2);
    assert_eq!(summary["formats"]["odt"]["records"], 1);
    let interview = &extract(&ctx, "archive/notes/interview.docx")[0];
    assert_eq!(interview["title"], "Interview with the harbour master");
    assert_eq!(interview["date"], "2024-10-12");
    assert!(
        interview["passages"][0]
            .as_str()
            .unwrap()
            .contains("spring & cost")
    );
    // No date in the text: the document's creation date, not the file's time.
    let draft = &extract(&ctx, "archive/notes/draft.docx")[0];
    assert_eq!(
        (draft["date"].as_str(), draft["date_source"].as_str()),
        (Some("2021-09-14"), Some("metadata"))
    );
    let ferry = &extract(&ctx, "archive/notes/ferry.odt")[0];
    assert_eq!(ferry["title"], "Ferry timetable changes");
    assert_eq!(ferry["format"], "odt");
    let hits = ctx.run(&["search", "dredging", "--json"]).json_lines();
    assert_eq!(hits[0]["path"], "archive/notes/interview.docx");
}

#[test]
fn a_broken_office_file_is_skipped_with_its_reason() {
    let ctx = TestContext::with_archive();
    ctx.write_bytes(
        "archive/broken.docx",
        b"PK\x03\x04 this is not really a zip",
    );
    ctx.write_bytes("archive/empty.odt", b"");
    let ingest = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(ingest.code, 3);
    let summary = ingest.json();
    let reasons: Vec<String> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("broken.docx") && r.contains("zip")),
        "{reasons:?}"
    );
    assert_eq!(summary["added"], 4);
}

#[test]
fn an_mhtml_page_is_read_through_the_html_reader() {
    let ctx = TestContext::new();
    let page = concat!(
        "From: <Saved by Blink>\r\n",
        "Snapshot-Content-Location: https://news.example/quay\r\n",
        "Subject: Quay reopens\r\n",
        "Date: Sat, 8 Feb 2025 10:00:00 -0000\r\n",
        "MIME-Version: 1.0\r\n",
        "Content-Type: multipart/related; type=\"text/html\"; boundary=\"--x\"\r\n\r\n",
        "----x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
        "<html><head><meta charset=3D\"windows-1252\"><title>Quay reopens</title>",
        "<meta property=3D\"article:published_time\" content=3D\"2025-02-06T08:00:00Z\"></head>",
        "<body><nav>Home | World</nav><article><h1>Quay reopens</h1><p>The quay reopened to fishing=\r\n",
        " boats on Thursday, and the caf=E9 by the slipway served its first breakfast in a month.</p>",
        "<p>Repairs to the sea wall cost less than the council feared.</p></article></body></html>\r\n",
        "----x\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n----x--\r\n",
    );
    ctx.write("archive/quay.mhtml", page);
    let records = extract(&ctx, "archive/quay.mhtml");
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["format"], "mhtml");
    assert_eq!(record["title"], "Quay reopens");
    assert_eq!(record["url"], "https://news.example/quay");
    assert_eq!(
        (record["date"].as_str(), record["date_source"].as_str()),
        (Some("2025-02-06"), Some("metadata"))
    );
    let text = record["passages"].to_string();
    assert!(text.contains("café by the slipway"), "{text}");
    assert!(text.contains("fishing boats"), "{text}");
    assert!(!text.contains("Home | World"), "{text}");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    gzip(&out)
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

#[test]
fn a_web_archive_gives_one_record_per_captured_page() {
    let ctx = TestContext::new();
    let story = |extra: &str| {
        format!(
            "<html><head><title>Pier closes for repairs | Coast Times</title><meta property=\"article:published_time\" content=\"2022-08-01T09:00:00+01:00\"></head><body><nav>Home</nav><article><h1>Pier closes for repairs</h1><p>The pier closed on Monday so that engineers could replace rotten boards along its whole length.</p><p>The council said it would reopen before the autumn half-term{extra}.</p></article></body></html>"
        )
    };
    let undated = "<html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1><p>High water at the harbour mouth falls two hours after the town quay, the harbour office says.</p></article></body></html>";
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "warcinfo",
        "",
        "2024-01-02T03:04:05Z",
        b"software: archiver",
    ));
    warc.extend(warc_record(
        "request",
        "https://coast.example/pier",
        "2024-01-02T03:04:05Z",
        b"GET /pier HTTP/1.1\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://coast.example/pier",
        "2024-01-02T03:04:05Z",
        &http(
            "200 OK",
            "Content-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\n",
            &gzip(story("").as_bytes()),
        ),
    ));
    warc.extend(warc_record(
        "response",
        "https://coast.example/pier?utm=1",
        "2024-03-02T03:04:05Z",
        &http(
            "200 OK",
            "Content-Type: text/html\r\n",
            story(" at the latest").as_bytes(),
        ),
    ));
    warc.extend(warc_record(
        "response",
        "https://coast.example/tides",
        "2024-01-02T03:05:00Z",
        &http("200 OK", "Content-Type: text/html\r\n", undated.as_bytes()),
    ));
    warc.extend(warc_record(
        "response",
        "https://coast.example/old",
        "2024-01-02T03:05:00Z",
        &http("302 Found", "Location: /pier\r\n", b""),
    ));
    warc.extend(warc_record(
        "response",
        "https://coast.example/logo.png",
        "2024-01-02T03:05:00Z",
        &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
    ));
    warc.extend(warc_record(
        "metadata",
        "https://coast.example/pier",
        "2024-01-02T03:05:00Z",
        b"outlinks: none",
    ));
    ctx.write_bytes("archive/coast.warc.gz", &warc);
    let ingest = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let warc_summary = &ingest.json()["formats"]["warc"];
    assert_eq!(warc_summary["records"], 3);
    assert_eq!(warc_summary["files"], 1);
    assert_eq!(
        warc_summary["passed_over"],
        serde_json::json!({
            "metadata": 1,
            "not HTML (image/png)": 1,
            "redirect (302)": 1,
            "request": 1,
            "warcinfo": 1
        })
    );
    let human = ctx.run(&["ingest", "archive", "--rebuild"]);
    assert!(
        human.stderr.contains(
            "not pages: metadata 1, not HTML (image/png) 1, redirect (302) 1, request 1, warcinfo 1"
        ),
        "{}",
        human.stderr
    );
    let records = extract(&ctx, "archive/coast.warc.gz");
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "archive/coast.warc.gz:3",
            "archive/coast.warc.gz:4",
            "archive/coast.warc.gz:5"
        ]
    );
    assert_eq!(records[0]["title"], "Pier closes for repairs");
    assert_eq!(records[0]["url"], "https://coast.example/pier");
    assert_eq!(records[0]["date"], "2022-08-01");
    assert_eq!(records[0]["format"], "warc");
    // A page that states no date gets its capture day, shown as undated.
    assert_eq!(
        (
            records[2]["date"].as_str(),
            records[2]["date_source"].as_str()
        ),
        (Some("2024-01-02"), Some("mtime"))
    );
    // Two captures of one story are one hit with a copy.
    let hits = ctx.run(&["search", "rotten boards", "--json"]).json_lines();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["copies"].as_array().unwrap().len(), 1);
}

/// A WARC of `pages` captured pages, each about a numbered quay, with a request record
/// before each.
fn quay_archive(pages: usize) -> Vec<u8> {
    let mut warc = Vec::new();
    for n in 1..=pages {
        let uri = format!("https://coast.example/quay-{n}");
        warc.extend(warc_record(
            "request",
            &uri,
            "2024-05-06T07:08:09Z",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        let page = format!(
            "<html><head><title>Quay {n} reopens</title><meta property=\"article:published_time\" content=\"2023-04-{:02}\"></head><body><article><h1>Quay {n} reopens</h1><p>Quay number {n} reopened to fishing boats after the storm repairs, the harbour office said.</p></article></body></html>",
            n % 28 + 1
        );
        warc.extend(warc_record(
            "response",
            &uri,
            "2024-05-06T07:08:09Z",
            &http("200 OK", "Content-Type: text/html\r\n", page.as_bytes()),
        ));
    }
    warc
}

#[test]
fn a_web_archive_is_read_page_by_page_and_kept_in_step() {
    let ctx = TestContext::new();
    ctx.write_bytes("archive/quays.warc.gz", &quay_archive(40));
    let first = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let summary = first.json();
    assert_eq!(summary["added"], 1);
    assert_eq!(summary["formats"]["warc"]["records"], 40);
    assert_eq!(summary["formats"]["warc"]["passed_over"]["request"], 40);
    let again = ctx.run(&["ingest", "archive", "--json"]).json();
    assert_eq!(again["unchanged"], 1, "{again}");

    // The archive shrinks: the pages it no longer holds leave the index.
    ctx.write_bytes("archive/quays.warc.gz", &quay_archive(10));
    let shrunk = ctx.run(&["ingest", "archive", "--json"]).json();
    assert_eq!(shrunk["updated"], 1, "{shrunk}");
    assert_eq!(shrunk["formats"]["warc"]["records"], 10);
    let stats = ctx.run(&["stats", "--json"]).json();
    assert_eq!(stats["articles"], 10, "{stats}");
    assert_eq!(
        ctx.run(&["search", "\"number 35\"", "--json"]).code,
        1,
        "a page gone from the archive is gone from the index"
    );

    // Cut short in the middle of a record: the pages before it are kept, the break is
    // reported, and the index stays whole.
    let mut cut = quay_archive(6);
    let whole_records: usize = quay_archive(5).len();
    cut.truncate(whole_records + 30);
    ctx.write_bytes("archive/quays.warc.gz", &cut);
    let broken = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(broken.code, 3, "{}", broken.stderr);
    let summary = broken.json();
    assert_eq!(summary["formats"]["warc"]["records"], 5, "{summary}");
    let reason = summary["skipped"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("after record 10"), "{reason}");
    let hits = ctx.run(&["search", "quay", "--json"]).json_lines();
    assert_eq!(hits.len(), 5);
}

#[test]
fn rtf_clippings_and_rtf_exports_are_read() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/column.rtf",
        r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Calibri;}}{\info{\author Someone}}\f0 Caf\'e9 owners fight quay parking plan\par Published: 14 May 2024\par\par Owners of the caf\'e9s along the quay say the parking plan will empty their terraces.\par}",
    );
    let mut export = String::from(r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}");
    for n in 1..=3 {
        export += &format!(
            r"{{\pict\pngblip 89504e470d0a}}\par {n} of 3 DOCUMENTS\par\par Copyright 2016 Coast Weekly\par Coast Weekly\par\par June {n}, 2016 Thursday\par\par HEADLINE: Lifeboat crew {n} honoured\par\par BODY:\par\par The lifeboat crew number {n} was honoured for a rescue in the estuary.\par\par LOAD-DATE: June 9, 2016\par\par "
        );
    }
    export += "}";
    ctx.write("archive/nexis.rtf", &export);
    let column = &extract(&ctx, "archive/column.rtf")[0];
    assert_eq!(column["format"], "rtf");
    assert_eq!(column["title"], "Café owners fight quay parking plan");
    assert_eq!(column["date"], "2024-05-14");
    assert!(!column.to_string().contains("Someone"));
    let records = extract(&ctx, "archive/nexis.rtf");
    assert_eq!(records.len(), 3, "{records:?}");
    assert_eq!(records[1]["format"], "nexis");
    assert_eq!(records[1]["title"], "Lifeboat crew 2 honoured");
    assert_eq!(records[1]["date"], "2016-06-02");
    assert_eq!(records[1]["source"], "Coast Weekly");
    assert!(!records[1].to_string().contains("89504e47"));
}
