//! Reads a saved web page: the article's main text without the page's furniture, and the
//! title, publication date, authors, site, address and topics its markup states.

mod dates;
mod extract;
mod markup;
mod nesting;

pub use dates::{machine_date, url_date};
pub use extract::paragraphs;
pub use nesting::{MAX_NESTING, nesting_depth};

use crate::clipping::{DateSource, Stated, StatedDate};
use crate::normalize::text::host_of;
use chrono::{Datelike, NaiveDate};
use dates::script_date;
use dom_query::Document;
use extract::{fallback_text, main_text};
use markup::Markup;

/// What a web page says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Headline, publication date (from the markup or the page's address), writers, site,
    /// address, keywords and sections, as the markup states them.
    pub stated: Stated,
    /// A date read from the page's visible text, when the markup states none.
    pub text_date: Option<NaiveDate>,
    /// The main text, one paragraph or heading per entry, junk lines removed.
    pub paragraphs: Vec<String>,
}

/// Publication dates before this are taken for mistakes: the web is younger.
const EARLIEST_WEB_YEAR: i32 = 1995;

/// Reads a page. `url` is the page's address when known from elsewhere (a JSON export's
/// field); `today` bounds plausible dates.
pub fn read_page(html: &str, url: Option<&str>, today: NaiveDate) -> Page {
    let document = Document::from(html);
    let markup = Markup::read(&document, html);
    let url = url
        .map(str::to_string)
        .or_else(|| markup.own_url())
        .filter(|u| u.starts_with("http"));
    let plausible = |date: &NaiveDate| {
        date.year() >= EARLIEST_WEB_YEAR && *date <= today + chrono::Days::new(1)
    };
    let date = markup
        .date(url.as_deref(), &plausible)
        .or_else(|| script_date(html).filter(|d| plausible(d)));
    let text_date = date
        .is_none()
        .then(|| markup.text_date(&document, &plausible))
        .flatten();
    let host_name = url.as_deref().and_then(host_of);
    let title = markup.title(host_name.as_deref());
    let source = markup
        .site_name()
        .or_else(|| url.as_deref().and_then(host_of));
    let authors = markup.authors();
    let topics = markup.topics();
    let paragraphs = main_text(document, title.as_deref());
    let paragraphs = if paragraphs.is_empty() {
        fallback_text(html, &markup, title.as_deref())
    } else {
        paragraphs
    };
    Page {
        stated: Stated {
            title,
            date: date.map(|date| StatedDate {
                date,
                source: DateSource::Metadata,
            }),
            authors,
            source,
            url,
            topics,
        },
        text_date,
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn published_date_wins_over_updated_and_body_dates() {
        let html = r#"<html><head>
            <meta property="og:updated_time" content="2025-05-02T08:00:00Z">
            <meta property="article:published_time" content="2025-04-29T18:00:00Z">
            </head><body><article><p>The 1987 crash was recalled on 19 October 1987.</p>
            </article></body></html>"#;
        assert_eq!(
            read_page(html, None, today())
                .stated
                .date
                .map(|d| d.date.to_string()),
            Some("2025-04-29".to_string())
        );
        let only_updated = r#"<html><head>
            <meta property="og:updated_time" content="2025-05-02T08:00:00Z"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(
            read_page(only_updated, None, today())
                .stated
                .date
                .map(|d| d.date.to_string()),
            Some("2025-05-02".to_string())
        );
    }

    #[test]
    fn json_ld_fields_are_read_from_a_graph() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Ledger"},
              {"@type":"NewsArticle","headline":"Judge blocks order",
               "datePublished":"2025-04-24","author":[{"@type":"Person","name":"Ana Ruiz"}],
               "keywords":["Courts","Immigration"],"publisher":{"@type":"Organization","name":"The Ledger"}}]}
            </script></head><body><h1>Judge blocks order</h1><p>Body.</p></body></html>"#;
        let page = read_page(html, None, today());
        assert_eq!(page.stated.title.as_deref(), Some("Judge blocks order"));
        assert_eq!(
            page.stated.date.map(|d| d.date.to_string()).as_deref(),
            Some("2025-04-24")
        );
        assert_eq!(page.stated.authors, ["Ana Ruiz"]);
        assert_eq!(page.stated.topics, ["Courts", "Immigration"]);
        assert_eq!(page.stated.source.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn pages_the_usual_extraction_empties_still_give_their_text() {
        // A brief whose only container carries a furniture word in its class.
        let brief = r#"<html><body><div class="story-meta-block"><p>The ferry to the
            outer islands resumed on Monday after a week of storms, officials said.</p></div>
            </body></html>"#;
        assert_eq!(
            read_page(brief, None, today()).paragraphs,
            [
                "The ferry to the outer islands resumed on Monday after a week of storms, officials said."
            ]
        );
        // A script-built page whose text is only in its structured data.
        let shell = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"Ferry resumes","articleBody":"The ferry resumed on Monday.\nIt had stopped for a week."}</script></head><body><div id="root"></div>
            <script>window.app=1</script></body></html>"#;
        let page = read_page(shell, None, today());
        assert_eq!(
            page.paragraphs,
            ["The ferry resumed on Monday.", "It had stopped for a week."]
        );
        // Only a description.
        let bare = r#"<html><head><meta name="description" content="Ferry resumes after storms.">
            </head><body></body></html>"#;
        assert_eq!(
            read_page(bare, None, today()).paragraphs,
            ["Ferry resumes after storms."]
        );
    }

    #[test]
    fn implausible_dates_are_ignored() {
        let html = r#"<html><head><meta name="date" content="2099-01-01">
            <meta name="pubdate" content="1970-01-01"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(read_page(html, None, today()).stated.date, None);
    }
}
