//! Turns a PDF's page texts into one article text: running headers, footers and page
//! numbers removed, pages joined.

use std::collections::HashMap;

/// Lines at the top and bottom of a page that can be running headers or footers.
const EDGE_LINES: usize = 3;

/// Joins page texts, leaving out lines that repeat at the edges of most pages and lines
/// that are only a page number.
pub fn article_text(pages: &[String]) -> String {
    let repeated = running_lines(pages);
    let mut out = String::new();
    for page in pages {
        for line in page.lines() {
            let trimmed = line.trim();
            if is_page_number(trimmed) || repeated.contains_key(&edge_key(trimmed)) {
                continue;
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Edge lines seen on at least half of the pages (and on two or more).
fn running_lines(pages: &[String]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mut seen: Vec<String> = Vec::new();
        let edges = lines
            .iter()
            .take(EDGE_LINES)
            .chain(lines.iter().rev().take(EDGE_LINES));
        for line in edges {
            let key = edge_key(line);
            if !key.is_empty() && !seen.contains(&key) {
                seen.push(key);
            }
        }
        for key in seen {
            *counts.entry(key).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    counts.retain(|_, n| *n >= needed);
    counts
}

/// A line with its digits removed, so "Ledger — page 3" and "Ledger — page 4" match.
fn edge_key(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .trim()
        .to_lowercase()
}

fn is_page_number(line: &str) -> bool {
    let lower = line.to_lowercase();
    let core = lower
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .trim_start_matches("page")
        .trim();
    let number = |text: &str| {
        let text = text.trim();
        !text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit())
    };
    // "3", "Page 3", "3 of 12"; not "1 of 25 DOCUMENTS", an export's separator.
    match core.split_once(" of ") {
        Some((page, pages)) => number(page) && number(pages),
        None => number(core),
    }
}

/// The text of a PDF that is a news-database export (LexisNexis saves its exports as PDF
/// too), with the page numbers left out; `None` for any other PDF. Running lines stay:
/// an export's `End of Document` often closes a page.
pub fn export_text(pages: &[String]) -> Option<(super::exports::Database, String)> {
    // The pages an export is recognised by (detection reads the first 64 KB): the whole
    // text is joined only for a PDF that is one.
    let mut first_bytes = 0;
    let first = pages
        .iter()
        .take_while(|page| {
            let before = first_bytes;
            first_bytes += page.len();
            before < 64 * 1024
        })
        .count();
    let database = super::exports::detect(&without_page_numbers(&pages[..first]))?;
    Some((database, without_page_numbers(pages)))
}

fn without_page_numbers(pages: &[String]) -> String {
    let mut text = String::new();
    for page in pages {
        for line in page.lines().filter(|l| !is_page_number(l.trim())) {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_headers_footers_and_page_numbers_go() {
        let bodies = [
            "The council met on Tuesday.",
            "Its vote was close.",
            "The mayor spoke after it.",
        ];
        let pages: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(n, body)| format!("The Ledger — Tuesday edition\n{body}\n\n- {} -\n", n + 1))
            .collect();
        let text = article_text(&pages);
        assert!(!text.contains("Tuesday edition"), "{text}");
        assert!(!text.contains("- 2 -"), "{text}");
        for body in bodies {
            assert!(text.contains(body), "{text}");
        }
    }

    #[test]
    fn page_numbers() {
        for line in ["3", "- 3 -", "Page 3", "page 3 of 10", "– 12 –"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["3 people died", "Page one story", "12345"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn a_single_page_keeps_its_edges() {
        let pages = vec!["Headline\nBody text.\nLast line.".to_string()];
        assert!(article_text(&pages).contains("Headline"));
    }
}
