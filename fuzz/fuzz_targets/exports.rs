//! Any text as a news-database export (text or web page), and any bytes as a Word,
//! OpenDocument, MHTML, WARC or RTF file: no panic, and every article found has a body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::normalize::{exports, mhtml, office, rtf, warc};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Some(database) = exports::detect(text)
    {
        for (_, article) in exports::articles(text, database) {
            if let Ok(article) = article {
                assert!(!article.body.trim().is_empty());
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Some((_, articles)) = exports::html::export(text)
    {
        for (_, article) in articles {
            if let Ok(article) = article {
                assert!(!article.body.trim().is_empty());
            }
        }
    }
    let _ = office::read(data, office::Kind::Docx);
    let _ = office::read(data, office::Kind::Odt);
    let _ = mhtml::read(data);
    let _ = warc::read(data);
    let _ = rtf::text(data);
});
