//! News-database exports in their other shapes, end to end: LexisNexis and Factiva
//! exports saved as web pages, a Nexis Uni export saved as PDF, the classic layout's
//! labels in Dutch, and the database's own `PERSON` terms joined to the persons found.

use crate::common::TestContext;
use crate::common::pdf::text_pdf;
use serde_json::Value;

fn extract(ctx: &TestContext, path: &str) -> Vec<Value> {
    ctx.run(&["extract", "--json", path]).json_lines()
}

fn person_names(record: &Value) -> Vec<String> {
    record["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// A LexisNexis export saved as HTML: the text layout, one paragraph element per line,
/// label and value in spans of their own.
fn nexis_html() -> String {
    let mut out = String::from(
        "<HTML><HEAD><META http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\
         <STYLE>.c1 { text-align: center; }</STYLE></HEAD><BODY>",
    );
    let articles = [
        (
            "The Harbourton Gazette",
            "May 2, 2018 Wednesday",
            "Night ferry returns to the estuary",
            "Marisol Quintero-Vance",
            "The night ferry across the estuary runs again from Monday, Marisol Quintero-Vance of the ferry trust said.",
            "MARISOL QUINTERO-VANCE (91%); EDWARD O'HALLORAN (70%)",
        ),
        (
            "Coast Weekly",
            "May 9, 2018",
            "Ferry trust names a new skipper",
            "Rhea Okafor",
            "The ferry trust named a skipper for the night crossing on Friday.",
            "RHEA OKAFOR (60%)",
        ),
    ];
    for (n, (source, date, headline, byline, body, persons)) in articles.iter().enumerate() {
        out += &format!(
            "<!-- article {n} --><DOC NUMBER={n}><DOCFULL>\
             <DIV CLASS=\"c0\"><P CLASS=\"c1\"><SPAN CLASS=\"c2\">{} of 2 DOCUMENTS</SPAN></P></DIV>\
             <BR><DIV CLASS=\"c0\"><P CLASS=\"c1\"><SPAN CLASS=\"c2\">{source}</SPAN></P></DIV>\
             <DIV CLASS=\"c3\"><P CLASS=\"c1\"><SPAN CLASS=\"c2\">{date}</SPAN></P></DIV>\
             <DIV CLASS=\"c4\"><P CLASS=\"c5\"><SPAN CLASS=\"c6\">SECTION: </SPAN><SPAN CLASS=\"c2\">NEWS; Pg. 3</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">LENGTH: </SPAN><SPAN CLASS=\"c2\">212 words</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">HEADLINE: </SPAN><SPAN CLASS=\"c2\">{headline}</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">BYLINE: </SPAN><SPAN CLASS=\"c2\">{byline}</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">BODY:</SPAN></P>\
             <P CLASS=\"c7\"><SPAN CLASS=\"c2\">{body}</SPAN></P>\
             <P CLASS=\"c7\"><SPAN CLASS=\"c2\">Crossings take\n twenty minutes.</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">LOAD-DATE: </SPAN><SPAN CLASS=\"c2\">May 10, 2018</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">LANGUAGE: </SPAN><SPAN CLASS=\"c2\">ENGLISH</SPAN></P>\
             <P CLASS=\"c5\"><SPAN CLASS=\"c6\">PERSON: </SPAN><SPAN CLASS=\"c2\">{persons}</SPAN></P>\
             </DIV></DOCFULL></DOC>",
            n + 1
        );
    }
    out + "</BODY></HTML>"
}

#[test]
fn a_nexis_export_saved_as_a_web_page_gives_its_articles() {
    let ctx = TestContext::new();
    ctx.write("archive/nexis-ferry.html", &nexis_html());
    let records = extract(&ctx, "archive/nexis-ferry.html");
    assert_eq!(records.len(), 2, "{records:?}");
    let first = &records[0];
    assert_eq!(first["path"], "archive/nexis-ferry.html:1");
    assert_eq!(first["format"], "nexis");
    assert_eq!(first["title"], "Night ferry returns to the estuary");
    assert_eq!(first["source"], "The Harbourton Gazette");
    assert_eq!(first["date"], "2018-05-02");
    assert_eq!(first["date_source"], "metadata");
    assert_eq!(
        first["authors"],
        serde_json::json!(["Marisol Quintero-Vance"])
    );
    assert_eq!(first["passages"][1], "Crossings take twenty minutes.");
    assert!(!first.to_string().contains("LOAD-DATE"));
    assert!(!first.to_string().contains("DOCUMENTS"));
    // The database's PERSON terms: one joins the person the text names, the other (not
    // named in the text) is added in its own spelling.
    let names = person_names(first);
    assert!(
        names.iter().any(|n| n == "Marisol Quintero-Vance"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "Edward O'Halloran"), "{names:?}");
    assert_eq!(
        names.iter().filter(|n| n.contains("Quintero")).count(),
        1,
        "{names:?}"
    );
    assert_eq!(records[1]["date"], "2018-05-09");

    ctx.run(&["ingest", "archive"]);
    let hits = ctx
        .run(&["search", "--person", "Quintero-Vance", "--json"])
        .json_lines();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["path"], "archive/nexis-ferry.html:1");
}

/// A Factiva results page: one block per article, header fields unlabelled, a large
/// hidden form field, a script.
fn factiva_blocks_page() -> String {
    let hidden = "QUJD".repeat(20_000);
    let mut out = format!(
        "<html><head><script>var results = {{\"HD\": \"not an article\"}};</script></head><body>\
         <form><input type=\"hidden\" name=\"state\" value=\"{hidden}\"></form>"
    );
    let articles = [
        (
            "<div>By Ana Ruiz</div>",
            "412 words",
            "4 March 2025",
            "The Daily Ledger",
            "English",
            "(c) 2025 The Daily Ledger. All rights reserved.",
            "Quay repairs begin",
            [
                "Work to repair the quay began on Monday.",
                "The harbour master said it would take a month.",
            ],
        ),
        (
            "",
            "850 Wörter",
            "5 März 2025",
            "Hafenblatt",
            "Deutsch",
            "Copyright 2025 Hafenblatt",
            "Hafen öffnet wieder",
            [
                "Der Hafen öffnet am Freitag wieder für Fähren.",
                "Die Arbeiten dauerten vier Wochen.",
            ],
        ),
    ];
    for (n, (byline, words, date, source, language, copyright, headline, paragraphs)) in
        articles.iter().enumerate()
    {
        out += &format!(
            "<div id=\"article-DL{n}\" class=\"article enArticle\"><p></p>\
             <div id=\"hd\"><span class=\"enHeadline\">{headline}</span></div>\
             {byline}<div>{words}</div><div>{date}</div><div>{source}</div><div>DLEDG</div>\
             <div>A3</div><div>{language}</div><div>{copyright}</div>\
             <p class=\"articleParagraph enarticleParagraph\">{}</p>\
             <p class=\"articleParagraph enarticleParagraph\">{}</p>\
             <div>Document DLEDG00020250304el34000{n}</div></div>",
            paragraphs[0], paragraphs[1]
        );
    }
    out + "</body></html>"
}

#[test]
fn a_factiva_results_page_gives_one_record_per_article_block() {
    let ctx = TestContext::new();
    ctx.write("archive/factiva-results.html", &factiva_blocks_page());
    let records = extract(&ctx, "archive/factiva-results.html");
    assert_eq!(records.len(), 2, "{records:?}");
    assert!(records.iter().all(|r| r["format"] == "factiva"));
    let first = &records[0];
    assert_eq!(first["title"], "Quay repairs begin");
    assert_eq!(first["date"], "2025-03-04");
    assert_eq!(first["source"], "The Daily Ledger");
    assert_eq!(first["authors"], serde_json::json!(["Ana Ruiz"]));
    assert_eq!(
        first["passages"],
        serde_json::json!([
            "Work to repair the quay began on Monday.",
            "The harbour master said it would take a month."
        ])
    );
    let second = &records[1];
    assert_eq!(second["title"], "Hafen öffnet wieder");
    assert_eq!(second["date"], "2025-03-05");
    assert_eq!(second["source"], "Hafenblatt");
    assert_eq!(second["authors"], serde_json::json!([]));
    for record in &records {
        let text = record.to_string();
        for furniture in [
            "QUJD",
            "Document DLEDG",
            "words",
            "Wörter",
            "not an article",
        ] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
    }
}

#[test]
fn a_factiva_page_of_field_code_tables_is_read_like_the_text_export() {
    let ctx = TestContext::new();
    let row = |code: &str, value: &str| {
        format!("<tr><td class=\"index\"><b>{code}</b></td><td>{value}</td></tr>")
    };
    let mut page = String::from("<html><body>");
    for (n, (headline, date)) in [
        ("Ferry timetable changes", "7 March 2025"),
        ("Le bac change d'horaire", "8 mars 2025"),
    ]
    .iter()
    .enumerate()
    {
        page += "<div class=\"article\"><table border=\"0\">";
        page += &row("HD", &format!("<b>{headline}</b>"));
        page += &row("BY", "Ana Ruiz");
        page += &row("WC", "200 words");
        page += &row("PD", date);
        page += &row("SN", "The Daily Ledger");
        page += &row("LA", "English");
        page += &row(
            "LP",
            &format!("<p>The ferry leaves earlier from crossing {n}.</p>"),
        );
        page += &row(
            "TD",
            "<p>Commuters asked for the change.</p><p>It starts in April.</p>",
        );
        page += &row("AN", &format!("Document DLEDG00020250307el37000{n}"));
        page += "</table></div>";
    }
    page += "</body></html>";
    ctx.write("archive/factiva-table.htm", &page);
    let records = extract(&ctx, "archive/factiva-table.htm");
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["format"], "factiva");
    assert_eq!(records[0]["title"], "Ferry timetable changes");
    assert_eq!(records[1]["title"], "Le bac change d'horaire");
    assert_eq!(records[1]["date"], "2025-03-08");
    assert_eq!(
        records[0]["passages"],
        serde_json::json!([
            "The ferry leaves earlier from crossing 0.",
            "Commuters asked for the change.",
            "It starts in April."
        ])
    );
}

#[test]
fn a_nexis_uni_export_saved_as_pdf_gives_its_articles() {
    let ctx = TestContext::new();
    let lines = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let pages = vec![
        lines(&[
            "Results list",
            "Client/Matter: -None-",
            "Search Terms: lighthouse",
            "1. Lighthouse keeper retires",
            "2. Fog signal silenced",
            "Page 1 of 3",
        ]),
        lines(&[
            "Lighthouse keeper retires",
            "The Cape Courier",
            "June 2, 2023 Friday",
            "Copyright 2023 The Cape Courier All Rights Reserved",
            "Section: NEWS; Pg. 2",
            "Length: 320 words",
            "Byline: Rhea Okafor",
            "Body",
            "After forty years the keeper of the cape light handed over the keys on Thursday.",
            "Classification",
            "Language: ENGLISH",
            "Load-Date: June 20, 2023",
            "End of Document",
            "Page 2 of 3",
        ]),
        lines(&[
            "Fog signal silenced",
            "Coast Weekly",
            "June 9, 2023",
            "Copyright 2023 Coast Weekly",
            "Byline: Tomas Berg",
            "Body",
            "The fog horn at the point fell silent after neighbours complained about the noise.",
            "Load-Date: June 20, 2023",
            "End of Document",
            "Page 3 of 3",
        ]),
    ];
    ctx.write_bytes("archive/nexis-uni.pdf", &text_pdf(&pages));
    let records = extract(&ctx, "archive/nexis-uni.pdf");
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["format"], "nexis");
    assert_eq!(records[0]["path"], "archive/nexis-uni.pdf:1");
    assert_eq!(records[0]["title"], "Lighthouse keeper retires");
    assert_eq!(records[0]["date"], "2023-06-02");
    assert_eq!(records[1]["source"], "Coast Weekly");
    assert_eq!(records[1]["authors"], serde_json::json!(["Tomas Berg"]));
    for record in &records {
        let text = record.to_string();
        assert!(!text.contains("Page 2"), "{text}");
        assert!(!text.contains("Client/Matter"), "{text}");
    }
}

#[test]
fn the_classic_layout_is_read_with_its_dutch_labels() {
    let ctx = TestContext::new();
    let mut text = String::from("\u{feff}Zoekopdracht: veerpont\r\n\r\n");
    for (n, (date, headline)) in [
        ("12 maart 2019 dinsdag", "Veerpont vaart weer na storm"),
        ("14 maart 2019 donderdag", "Nieuwe steiger voor de veerpont"),
    ]
    .iter()
    .enumerate()
    {
        text += &format!(
            "                    Document {} van 2\r\n\r\n                 De Havenkrant\r\n\r\n                 {date}\r\n\r\nSECTIE: Binnenland; Blz. 4\r\n\r\nLENGTE: 312 woorden\r\n\r\nKOP: {headline}\r\n\r\nBYLINE: Sanne de Vries\r\n\r\nTEKST:\r\n\r\nDe veerpont tussen de twee oevers vaart sinds maandag weer, na een\r\nweek stilstand door de storm.\r\n\r\nDe schipper is blij.\r\n\r\nUPDATE: 15 maart 2019\r\n\r\nTAAL: DUT; NEDERLANDS\r\n\r\n",
            n + 1
        );
    }
    ctx.write("archive/lexisnexis-nl.txt", &text);
    let records = extract(&ctx, "archive/lexisnexis-nl.txt");
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["format"], "nexis");
    assert_eq!(records[0]["title"], "Veerpont vaart weer na storm");
    assert_eq!(records[0]["date"], "2019-03-12");
    assert_eq!(records[1]["date"], "2019-03-14");
    assert_eq!(records[0]["source"], "De Havenkrant");
    assert_eq!(records[0]["authors"], serde_json::json!(["Sanne de Vries"]));
    assert_eq!(
        records[0]["passages"][0],
        "De veerpont tussen de twee oevers vaart sinds maandag weer, na een week stilstand door de storm."
    );
    assert!(!records[0].to_string().contains("TAAL"));
    assert!(!records[0].to_string().contains("LENGTE"));
}

#[test]
fn a_doc_file_is_read_by_what_it_holds_and_old_binary_word_is_refused() {
    let ctx = TestContext::new();
    let mut rtf = String::from(r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}");
    for n in 1..=2 {
        rtf += &format!(
            r"\par {n} of 2 DOCUMENTS\par\par Coast Weekly\par\par June {n}, 2016 Thursday\par\par HEADLINE: Caf\'e9 terrace {n} reopens\par\par BODY:\par\par The terrace of caf\'e9 number {n} reopened on the quay.\par\par LOAD-DATE: June 9, 2016\par\par "
        );
    }
    rtf += "}";
    ctx.write("archive/NEXIS_EXPORT.DOC", &rtf);
    let mut binary = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    binary.extend(std::iter::repeat_n(0u8, 600));
    ctx.write_bytes("archive/minutes.doc", &binary);
    let ingest = ctx.run(&["ingest", "archive", "--json"]);
    assert_eq!(ingest.code, 3, "{}", ingest.stderr);
    let summary = ingest.json();
    assert_eq!(summary["formats"]["nexis"]["records"], 2, "{summary}");
    let skipped = summary["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{summary}");
    assert_eq!(skipped[0]["path"], "archive/minutes.doc");
    let reason = skipped[0]["reason"].as_str().unwrap();
    assert!(reason.contains("old binary Word document"), "{reason}");
    assert!(reason.contains(".docx"), "{reason}");
    let records = extract(&ctx, "archive/NEXIS_EXPORT.DOC");
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["title"], "Café terrace 2 reopens");
    assert_eq!(records[1]["date"], "2016-06-02");
}
