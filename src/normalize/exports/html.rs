//! News-database exports saved as web pages: LexisNexis pages (the text layout set in
//! markup) and Factiva result pages (field codes in a table, or one block per article
//! whose header fields stand in unlabelled elements in a fixed order).

use super::{Database, Entry, articles, detect, factiva_article};
use crate::normalize::date::parse_date;
use crate::normalize::html::BLOCK_ELEMENTS;
use dom_query::{Document, NodeRef};

/// Markers of an export, looked for in the markup before anything is parsed: every web
/// page passes here, and almost none is an export.
const MARKERS: &[&str] = &[
    "DOCUMENTS",
    "DOCUMENT<",
    "End of Document",
    "Dokument ",
    "articleParagraph",
    "enArticle",
    ">HD<",
];

/// The markers as one pattern: the page is scanned once for all of them.
fn any_marker() -> &'static regex::Regex {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let alternatives: Vec<String> = MARKERS.iter().map(|m| regex::escape(m)).collect();
        regex::Regex::new(&alternatives.join("|")).expect("escaped literals form a pattern")
    });
    &PATTERN
}

/// Elements whose text is never the export's (scripts, styles, the results page's
/// forms and hidden fields).
const SKIPPED: &[&str] = &[
    "script", "style", "head", "noscript", "template", "textarea", "select", "button",
];

/// The articles of a page that is a news-database export; `None` for any other page.
pub fn export(html: &str) -> Option<(Database, Vec<Entry>)> {
    let head = crate::normalize::text::head(html, 512 * 1024);
    if !any_marker().is_match(head) {
        return None;
    }
    // The page is walked recursively: a hostile depth is left to the HTML reader, which
    // refuses it.
    if crate::normalize::html::nesting_depth(html) > crate::normalize::html::MAX_NESTING {
        return None;
    }
    let document = Document::from(html);
    let blocks = factiva_blocks(&document);
    if !blocks.is_empty() {
        return Some((Database::Factiva, blocks));
    }
    let text = page_text(&document);
    let database = detect(&text)?;
    Some((database, articles(&text, database)))
}

/// The page as the text exports are laid out: one line per block, a blank line after
/// each, and a table row's cells on one line (`HD` beside its value).
fn page_text(document: &Document) -> String {
    let mut out = String::new();
    for root in document.select("html").nodes() {
        walk(root, &mut out);
    }
    out
}

fn walk(node: &NodeRef, out: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            push_words(out, &child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().map(|n| n.to_ascii_lowercase());
        let name = name.as_deref().unwrap_or("");
        if SKIPPED.contains(&name) {
            continue;
        }
        match name {
            "br" => end_line(out),
            "td" | "th" => {
                walk(&child, out);
                out.push(' ');
            }
            // Cells are matched above: they sit side by side on a line.
            _ if BLOCK_ELEMENTS.contains(&name) => {
                end_paragraph(out);
                walk(&child, out);
                end_paragraph(out);
            }
            _ => walk(&child, out),
        }
    }
}

/// Appends text with its runs of white space (line breaks of the markup included) made
/// one space.
fn push_words(out: &mut String, text: &str) {
    let starts_with_space = text.starts_with(char::is_whitespace);
    let at_line_start = out.is_empty() || out.ends_with('\n') || out.ends_with(' ');
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        if !at_line_start && !text.is_empty() {
            out.push(' ');
        }
        return;
    };
    if starts_with_space && !at_line_start {
        out.push(' ');
    }
    out.push_str(first);
    for word in words {
        out.push(' ');
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn trim_line_end(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn end_line(out: &mut String) {
    trim_line_end(out);
    out.push('\n');
}

fn end_paragraph(out: &mut String) {
    trim_line_end(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

/// Factiva's article-per-block page: a block with a headline element and paragraphs.
fn factiva_blocks(document: &Document) -> Vec<Entry> {
    let blocks = document.select("div.article, div[class*=Article]");
    let mut entries = Vec::new();
    let mut kept: Vec<NodeRef> = Vec::new();
    for block in blocks.nodes() {
        // A block inside one already taken is part of that article.
        if kept
            .iter()
            .any(|k| block.ancestors_it(None).any(|a| a.id == k.id))
        {
            continue;
        }
        let selection = dom_query::Selection::from(*block);
        let headline = selection.select("[class*=Headline], [class*=headline]");
        let paragraphs = selection.select("p[class*=articleParagraph]");
        if !headline.exists() || !paragraphs.exists() {
            continue;
        }
        kept.push(*block);
        let mut fields = vec![("HD", one_line(&headline.text()))];
        fields.extend(header_fields(&selection));
        let body: Vec<String> = paragraphs
            .nodes()
            .iter()
            .map(|p| one_line(&p.text()))
            .filter(|p| !p.is_empty())
            .collect();
        fields.push(("TD", body.join("\n\n")));
        entries.push((entries.len() + 1, factiva_article(&fields)));
    }
    entries
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The header of one article block: the elements without attributes, in their fixed
/// order (byline, word count, date, time, source, section, page, language,
/// copyright), each recognised by its content since any of them may be missing.
fn header_fields(block: &dom_query::Selection) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    for div in block.select("div").nodes() {
        let bare = div.attrs().is_empty();
        let has_block_inside = div
            .descendants_it()
            .any(|d| d.node_name().is_some_and(|n| &*n == "div" || &*n == "p"));
        if !bare || has_block_inside {
            continue;
        }
        let value = one_line(&div.text());
        if value.is_empty() {
            continue;
        }
        let seen = |code: &str| fields.iter().any(|(c, _)| *c == code);
        if let Some(code) = header_code(&value, seen("WC"), seen("PD"), seen("SN"))
            && !seen(code)
        {
            fields.push((code, value));
        }
    }
    fields
}

/// Which field an unlabelled header value is.
fn header_code(
    value: &str,
    after_word_count: bool,
    after_date: bool,
    source_known: bool,
) -> Option<&'static str> {
    let lower = value.to_lowercase();
    if is_word_count(&lower) {
        return Some("WC");
    }
    if is_clock_time(&lower) {
        return Some("ET");
    }
    if lower.starts_with("copyright") || lower.starts_with('©') || lower.starts_with("(c)") {
        return Some("CY");
    }
    if LANGUAGES.contains(&lower.as_str()) {
        return Some("LA");
    }
    if !after_date && parse_date(value).is_some() {
        return Some("PD");
    }
    let by = ["by ", "von ", "par ", "door ", "di ", "por "]
        .iter()
        .any(|p| lower.starts_with(p));
    if by || !after_word_count {
        return Some("BY");
    }
    (after_date && !source_known).then_some("SN")
}

/// `1,234 words`, `850 Wörter`, `412 mots`, `96 woorden`.
fn is_word_count(lower: &str) -> bool {
    let Some((number, unit)) = lower.split_once(' ') else {
        return false;
    };
    number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && [
            "words", "word", "wörter", "mots", "woorden", "palabras", "parole", "palavras", "ord",
        ]
        .contains(&unit.trim())
}

/// `14:05`, `9:30 GMT`.
fn is_clock_time(lower: &str) -> bool {
    let first = lower.split_whitespace().next().unwrap_or("");
    let words = lower.split_whitespace().count();
    words <= 2
        && first.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
}

/// Language names as Factiva writes them in its own and the article's language.
const LANGUAGES: &[&str] = &[
    "english",
    "german",
    "deutsch",
    "french",
    "français",
    "francais",
    "dutch",
    "nederlands",
    "spanish",
    "español",
    "italian",
    "italiano",
    "portuguese",
    "português",
    "swedish",
    "danish",
    "norwegian",
    "finnish",
    "polish",
    "russian",
    "chinese",
    "japanese",
    "korean",
    "arabic",
    "turkish",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_told_apart_by_their_content() {
        let table = [
            ("By Ana Ruiz", false, false, false, Some("BY")),
            ("Ana Ruiz", false, false, false, Some("BY")),
            ("1,204 words", false, false, false, Some("WC")),
            ("850 Wörter", true, false, false, Some("WC")),
            ("4 March 2025", true, false, false, Some("PD")),
            ("5 März 2025", true, false, false, Some("PD")),
            ("14:05", true, true, false, Some("ET")),
            ("9:30 GMT", true, true, false, Some("ET")),
            ("The Daily Ledger", true, true, false, Some("SN")),
            ("DLEDG", true, true, true, None),
            ("Deutsch", true, true, true, Some("LA")),
            ("(c) 2025 The Daily Ledger", true, true, true, Some("CY")),
            ("Copyright 2025 Hafenblatt", true, true, true, Some("CY")),
        ];
        for (value, words, date, source, code) in table {
            assert_eq!(header_code(value, words, date, source), code, "{value}");
        }
    }

    #[test]
    fn markup_becomes_lines_with_table_cells_side_by_side() {
        let document = Document::from(
            "<html><head><title>x</title><style>p{}</style></head><body>\
             <table><tr><td><b>HD</b></td><td>Quay <i>repairs</i>\n begin</td></tr>\
             <tr><td>TD</td><td><p>First.</p><p>Second<br>line.</p></td></tr></table>\
             <input type=hidden value=\"nothing to read\"><textarea>state</textarea></body></html>",
        );
        assert_eq!(
            page_text(&document),
            "HD Quay repairs begin\n\nTD\n\nFirst.\n\nSecond\nline.\n\n"
        );
    }

    #[test]
    fn ordinary_pages_are_not_exports() {
        for html in [
            "<html><body><p>The quay reopened.</p></body></html>",
            "<html><body><h1>DOCUMENTS released</h1><p>The council published them.</p></body></html>",
        ] {
            assert!(export(html).is_none(), "{html}");
        }
    }
}
