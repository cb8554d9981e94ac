//! Reads a saved web page: the article's main text without the page's furniture, and the
//! title, publication date, authors, site, address and topics its markup states.

mod authors;
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

/// Elements that stand apart from the text beside them on screen (a line or paragraph
/// of their own, a table's rows): their text never runs into a neighbour's.
pub(crate) const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

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

/// No clipping is older than the first printed newspapers (1605): an earlier date is a
/// misreading. Pages of old stories state old dates, and those are kept.
const FIRST_NEWSPAPERS: i32 = 1605;

/// True for a date a page can have been published on: not before the first newspapers,
/// not after tomorrow (time zones), and not a zero value a template put in place of a
/// missing one (the Unix epoch, 1900-01-01).
fn plausible(date: &NaiveDate, today: NaiveDate) -> bool {
    let placeholder = date.month() == 1 && date.day() == 1 && matches!(date.year(), 1970 | 1900);
    date.year() >= FIRST_NEWSPAPERS && *date <= today + chrono::Days::new(1) && !placeholder
}

/// Reads a page. `url` is the page's address when known from elsewhere (a JSON export's
/// field); `today` bounds plausible dates.
pub fn read_page(html: &str, url: Option<&str>, today: NaiveDate) -> Page {
    let document = Document::from(html);
    let markup = Markup::read(&document, html);
    let url = url
        .map(str::to_string)
        .or_else(|| markup.own_url())
        .filter(|u| u.starts_with("http"));
    let plausible = |date: &NaiveDate| plausible(date, today);
    // Asked by more than one step of the date cascade, read once.
    let shown = std::cell::OnceCell::new();
    let visible = || *shown.get_or_init(|| markup.hinted_date(&document, &plausible));
    let date = markup
        .date(url.as_deref(), &plausible, &visible)
        .or_else(|| script_date(html).filter(|d| plausible(d)));
    // A date the page shows its readers beats one its markup gives only as a
    // modification's ("og:updated_time": published beats modified) or beside the
    // article (a related story's `<time>`).
    let text_date = date
        .is_none()
        .then(|| markup.text_date(&document, &plausible))
        .flatten();
    let date = date.or_else(|| {
        text_date
            .is_none()
            .then(|| markup.last_resort_date(&plausible))
            .flatten()
    });
    let host_name = url.as_deref().and_then(host_of);
    let title = markup.title(host_name.as_deref());
    let source = markup
        .site_name()
        .or_else(|| url.as_deref().and_then(host_of));
    let (authors, authors_source) = markup.authors(host_name.as_deref());
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
            authors_source,
            source,
            url,
            topics,
            persons: Vec::new(),
            language: markup.lang.clone(),
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
    fn a_visible_date_beats_a_modification_and_a_related_story_time() {
        let date = |html: &str| {
            let page = read_page(html, None, today());
            let stated = page.stated.date.map(|d| (d.date.to_string(), d.source));
            stated.or(page.text_date.map(|d| (d.to_string(), DateSource::Text)))
        };
        let story = r#"<article><h1>Port reopens</h1><p class="byline">By Ann Lee, 3 March 1998</p>
            <p>Ships sailed again on Monday after the storm.</p></article>"#;
        let updated = format!(
            r#"<html><head><meta property="og:updated_time" content="2024-06-01T00:00:00Z">
            </head><body>{story}</body></html>"#
        );
        assert_eq!(
            date(&updated),
            Some(("1998-03-03".to_string(), DateSource::Text))
        );
        let beside = format!(
            r#"<html><body><aside class="related"><time datetime="2024-11-20">Nov 20</time>
            <a href="/other">Other story</a></aside>{story}</body></html>"#
        );
        assert_eq!(
            date(&beside),
            Some(("1998-03-03".to_string(), DateSource::Text))
        );
        let beside_only = r#"<html><body><div class="teaser"><time datetime="2024-11-20">Nov 20</time>
            </div><p>Ships sailed again.</p></body></html>"#;
        assert_eq!(
            date(beside_only),
            Some(("2024-11-20".to_string(), DateSource::Metadata))
        );
    }

    #[test]
    fn utc_times_are_read_on_the_clock_of_the_page_country() {
        let page = |time: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="{time}"></head><body><p>Texto.</p></body></html>"#
            )
        };
        let date = |time: &str, url: &str| {
            read_page(&page(time), Some(url), today())
                .stated
                .date
                .map(|d| d.date.to_string())
        };
        let cases = [
            // Buenos Aires is three hours behind: 00:53 UTC is the evening before.
            (
                "2022-05-04T00:53:29.274Z",
                "https://diario.example.com.ar/nota",
                "2022-05-03",
            ),
            (
                "Wed, 04 May 2022 00:25:56 GMT",
                "https://diario.example.com.ar/nota",
                "2022-05-03",
            ),
            // Berlin in summer is two hours ahead, in winter one.
            (
                "2023-07-10T22:30:00Z",
                "https://zeitung.example.de/a",
                "2023-07-11",
            ),
            (
                "2023-01-10T22:30:00Z",
                "https://zeitung.example.de/a",
                "2023-01-10",
            ),
            (
                "2023-01-10T23:30:00Z",
                "https://zeitung.example.de/a",
                "2023-01-11",
            ),
            // Tokyo is nine hours ahead.
            (
                "2021-03-01T16:00:00Z",
                "https://shinbun.example.jp/k",
                "2021-03-02",
            ),
            // Blog software set to UTC shows readers the time it writes.
            (
                "2023-10-10T23:25:44+00:00",
                "https://blog.example.de/p",
                "2023-10-10",
            ),
            // No country to go by.
            (
                "2022-05-04T00:53:29Z",
                "https://news.example.com/a",
                "2022-05-04",
            ),
        ];
        for (time, url, expected) in cases {
            assert_eq!(date(time, url).as_deref(), Some(expected), "{time} {url}");
        }
    }

    #[test]
    fn headings_lose_their_style_sheets_and_cited_works_keep_their_dates() {
        let html = r#"<html><head><title>Kräne im Nebel | Hafenblatt</title>
            <meta property="og:site_name" content="Hafenblatt"></head><body>
            <h1><style>.css-x1{font-size:16px}</style>Kräne im Nebel</h1>
            <p>Am Kai standen die Kräne still.</p>
            <ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">
            <meta itemprop="datePublished" content="1999-03-01"></li></ol></body></html>"#;
        let page = read_page(html, None, today());
        assert_eq!(page.stated.title.as_deref(), Some("Kräne im Nebel"));
        assert_eq!(page.stated.date, None);
    }

    #[test]
    fn headings_lose_kickers_and_hidden_labels() {
        let cases = [
            (
                r#"<h1><span class="dachzeile">Hochwasser am Rhein</span>
                   <span class="headline">Pegel in Köln sinkt</span></h1>"#,
                "Pegel in Köln sinkt",
            ),
            (
                r#"<h1 class="entry-title"><span class="roofline">Bahnstreik </span>Züge stehen bis Freitag still</h1>"#,
                "Züge stehen bis Freitag still",
            ),
            (
                r#"<h1><span class="article-heading__kicker">Wahlen</span><span class="visually-hidden">: </span>
                   <span class="article-heading__title">Наблюдатели прибыли в Киев</span></h1>"#,
                "Наблюдатели прибыли в Киев",
            ),
            (
                r#"<h1>Harbour cranes stand idle<span class="element-invisible"> | PORT NEWS</span></h1>"#,
                "Harbour cranes stand idle",
            ),
            (
                r#"<h1>Zuschauer kehren in die Hallen zurück<br><small>02.02.2022 • Verband, Presse</small></h1>"#,
                "Zuschauer kehren in die Hallen zurück",
            ),
            // The part the page calls the headline, whatever the others are called.
            (
                r#"<h1><span class="text-green small">Energiepreise – Abschöpfung</span>
                   <span class="headline">Bundesregierung drosselt die Förderung</span></h1>"#,
                "Bundesregierung drosselt die Förderung",
            ),
            (
                r#"<h1 class="headline"><span class="kicker">Energiepreise</span>
                   Bundesregierung drosselt die Förderung</h1>"#,
                "Bundesregierung drosselt die Förderung",
            ),
            // Blog themes print the site's name as a heading linked to the front page.
            (
                r#"<h1 class="site-title"><a href="https://blog.example/" rel="home">Notes from the valley</a></h1>
                   <h1 class="entry-title">Flood gauges at the old mill</h1>"#,
                "Flood gauges at the old mill",
            ),
            // A heading that is nothing but its kicker element keeps it.
            (
                r#"<h1><span class="kicker">Élections régionales de 1998 en Corse</span></h1>"#,
                "Élections régionales de 1998 en Corse",
            ),
        ];
        for (heading, expected) in cases {
            let html = format!(
                "<html><head><title>Other words entirely</title></head><body>{heading}\
                 <p>Text of the story.</p></body></html>"
            );
            let page = read_page(&html, None, today());
            assert_eq!(page.stated.title.as_deref(), Some(expected), "{heading}");
        }
    }

    #[test]
    fn a_heading_that_is_one_part_of_the_title_is_the_headline() {
        let cases = [
            // The rest of the title is a site name nothing else on the page spells.
            (
                "»frag.jetzt« – ARSnova",
                "<h1>»frag.jetzt«</h1>",
                "»frag.jetzt«",
            ),
            (
                "Bielersee-Winterhechte | petri-heil.ch | Dein Fischereimagazin",
                "<h1>Bielersee-Winterhechte</h1>",
                "Bielersee-Winterhechte",
            ),
            // …but not the site's name printed as a heading linked to the front page.
            (
                "Hochwasser an der alten Mühle | TALBLOG",
                r#"<h1><a href="https://web.archive.org/web/2008/http://www.talblog.example/">TALBLOG</a></h1>
                   <h2>Hochwasser an der alten Mühle</h2>"#,
                "Hochwasser an der alten Mühle",
            ),
            // …nor its slogan.
            (
                "Flood gauges rise along the old mill race - Talblog",
                r#"<h1 class="tag-line">Notes from a valley on the river</h1><h1>€5</h1>"#,
                "Flood gauges rise along the old mill race",
            ),
            // That heading names the site, so the title loses it.
            (
                "Rinderleber mit Apfel und Zwiebel | Liebe geht durch den Magen",
                r#"<h1><a href="http://www.kochblog.example" title="Liebe geht durch den Magen">Liebe geht durch den Magen</a></h1>"#,
                "Rinderleber mit Apfel und Zwiebel",
            ),
            // …also when a theme glues it to the headline.
            (
                "Lawinenlage im JanuarDas Bergwetter-Tagebuch | Das Bergwetter-Tagebuch",
                r#"<h1 class="site-title"><a href="https://berge.example/">Das Bergwetter-Tagebuch</a></h1>
                   <h1 class="page-title">Lawinenlage im Januar</h1>"#,
                "Lawinenlage im Januar",
            ),
        ];
        for (title, body, expected) in cases {
            let html = format!(
                "<html><head><title>{title}</title></head><body>{body}\
                 <p>Text of the story.</p></body></html>"
            );
            let page = read_page(&html, None, today());
            assert_eq!(page.stated.title.as_deref(), Some(expected), "{title}");
        }
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

    /// The date a page's text shows, for a page whose markup states none.
    fn text_date(html: &str) -> Option<String> {
        read_page(html, None, today())
            .text_date
            .map(|d| d.to_string())
    }

    fn page_date(html: &str, url: Option<&str>) -> Option<String> {
        read_page(html, url, today())
            .stated
            .date
            .map(|d| d.date.to_string())
    }

    #[test]
    fn old_stories_keep_the_dates_their_markup_states() {
        let cases = [
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"1987-06-18"}</script>"#,
                "1987-06-18",
            ),
            (
                r#"<meta property="article:published_time" content="1962-02-20T09:00:00-05:00">"#,
                "1962-02-20",
            ),
            (r#"<meta name="date" content="18 June 1855">"#, "1855-06-18"),
            (
                r#"<span itemprop="datePublished" content="1969-07-21"></span>"#,
                "1969-07-21",
            ),
        ];
        for (markup, expected) in cases {
            let html =
                format!("<html><head>{markup}</head><body>{markup}<p>Text.</p></body></html>");
            assert_eq!(
                page_date(&html, None).as_deref(),
                Some(expected),
                "{markup}"
            );
        }
        // A visible date line on a page of an old story, with no markup at all.
        let visible = r#"<html><body><h1>Moon landing</h1><p class="date">Published July 21, 1969</p>
            <p>Text.</p></body></html>"#;
        assert_eq!(text_date(visible).as_deref(), Some("1969-07-21"));
    }

    #[test]
    fn dates_in_other_languages_in_markup_and_text() {
        let cases = [
            (
                r#"<meta name="date" content="4. April 2019">"#,
                "<p>Text.</p>",
            ),
            (
                r#"<meta name="date" content="4 avril 2019">"#,
                "<p>Text.</p>",
            ),
            ("", r#"<time>2019年4月4日</time><p>Text.</p>"#),
            ("", r#"<time>2019년 4월 4일</time><p>Text.</p>"#),
        ];
        for (head, body) in cases {
            let html = format!("<html><head>{head}</head><body>{body}</body></html>");
            assert_eq!(
                page_date(&html, None).as_deref(),
                Some("2019-04-04"),
                "{html}"
            );
        }
        let spanish =
            r#"<html><body><div class="fecha">4 de abril de 2019</div><p>Texto.</p></body></html>"#;
        let russian =
            r#"<html><body><div class="date">4 апреля 2019 г.</div><p>Текст.</p></body></html>"#;
        for html in [spanish, russian] {
            assert_eq!(text_date(html).as_deref(), Some("2019-04-04"), "{html}");
        }
    }

    #[test]
    fn a_date_in_a_list_item_does_not_run_into_the_next_item() {
        // No class names a date; the page's text is read item by item.
        let html = r#"<html><body><h1>Messenger ohne Regeln</h1>
            <ul class="info"><li><span>Datum:</span>26. Januar 2022</li><li><span>Ausgabejahr:</span>2022</li></ul>
            <p>Text der Meldung.</p></body></html>"#;
        assert_eq!(text_date(html).as_deref(), Some("2022-01-26"));
    }

    #[test]
    fn slash_dates_are_read_in_the_order_the_page_region_writes_them() {
        let page = |html_tag: &str, head: &str| {
            let html = format!(
                r#"{html_tag}<head>{head}</head><body><h1>Halls too full</h1>
                <span class="time">02/10/2020</span><p>Text of the story.</p></body></html>"#
            );
            text_date(&html)
        };
        let cases = [
            (r#"<html xml:lang="en-GB">"#, "", "2020-10-02"),
            (r#"<html lang="en-AU">"#, "", "2020-10-02"),
            (r#"<html lang="de">"#, "", "2020-10-02"),
            (
                r#"<html lang="en">"#,
                r#"<meta property="og:locale" content="en_GB">"#,
                "2020-10-02",
            ),
            (
                r#"<html lang="de">"#,
                r#"<meta property="og:locale" content="en_US">"#,
                "2020-10-02",
            ),
            (r#"<html lang="en-US">"#, "", "2020-02-10"),
            (r#"<html lang="en">"#, "", "2020-02-10"),
            ("<html>", "", "2020-02-10"),
        ];
        for (html_tag, head, expected) in cases {
            assert_eq!(
                page(html_tag, head).as_deref(),
                Some(expected),
                "{html_tag} {head}"
            );
        }
    }

    #[test]
    fn a_slashed_date_in_markup_is_read_the_way_the_page_agrees_with() {
        let page = |lang: &str, head: &str, body: &str| {
            let html = format!(
                r#"<html lang="{lang}"><head>{head}</head><body><h1>Port strike</h1>
                {body}<p>Text of the story.</p></body></html>"#
            );
            page_date(&html, None)
        };
        let published = r#"<meta property="article:published_time" content="10/05/2022 05:22 pm">"#;
        let cases = [
            // An unambiguous modified date beside it settles the order.
            (
                "es",
                format!(
                    r#"{published}<meta property="article:modified_time" content="2022/05/10 17:36">"#
                ),
                "",
                "2022-05-10",
            ),
            // So does the date the page shows, whatever the page's language.
            (
                "de",
                r#"<meta name="date" content="11/01/2023 12:43:42">"#.to_string(),
                r#"<p class="date">Erstellt am: 11.01.2023</p>"#,
                "2023-01-11",
            ),
            (
                "en",
                published.to_string(),
                r#"<p class="date">Posted 10 May 2022</p>"#,
                "2022-05-10",
            ),
            // Nothing settles it: month first, as machine-written values mostly are.
            ("es", published.to_string(), "", "2022-10-05"),
            // A date a month or more away from both readings settles nothing.
            (
                "es",
                published.to_string(),
                r#"<p class="date">Posted 20 December 2022</p>"#,
                "2022-10-05",
            ),
        ];
        for (lang, head, body, expected) in cases {
            assert_eq!(
                page(lang, &head, body).as_deref(),
                Some(expected),
                "{head} {body}"
            );
        }
    }

    #[test]
    fn an_unspecified_meta_date_gives_way_to_the_date_shown_a_few_days_before() {
        let page = |meta: &str, shown: &str| {
            format!(
                r#"<html><head>{meta}</head><body><h1>Mieterstreik</h1><ul><li class="Date"><time>{shown}</time></li></ul>
                <p>Text.</p></body></html>"#
            )
        };
        let built = r#"<meta name="date" content="2020-04-30">"#;
        // The page was built the day after the story it shows.
        assert_eq!(
            page_date(&page(built, "29.04.2020, 12:01 Uhr"), None).as_deref(),
            Some("2020-04-29")
        );
        // A date shown later than the tag, or weeks before it, is not this story's.
        for shown in ["2.05.2020, 09:00 Uhr", "3.03.2020, 09:00 Uhr"] {
            assert_eq!(
                page_date(&page(built, shown), None).as_deref(),
                Some("2020-04-30"),
                "{shown}"
            );
        }
        // A tag that says it holds the publication date keeps it.
        let published = r#"<meta property="article:published_time" content="2020-04-30">"#;
        assert_eq!(
            page_date(&page(published, "29.04.2020, 12:01 Uhr"), None).as_deref(),
            Some("2020-04-30")
        );
    }

    #[test]
    fn published_beats_updated_and_disagreements_are_settled() {
        let updated_first = r#"<html><body><div class="meta">Updated 9 May 2025 · Published 3 May 2025</div>
            <p>Text.</p></body></html>"#;
        assert_eq!(text_date(updated_first).as_deref(), Some("2025-05-03"));
        // JSON-LD and meta tags a week apart: the address sides with the meta tag here,
        // the visible date with JSON-LD there; with neither, JSON-LD wins.
        let disagree = |body: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2023-11-03T10:00:00+01:00"}}</script>
                <meta property="article:published_time" content="2023-11-10T10:00:00+01:00"></head><body>{body}<p>Text.</p></body></html>"#
            )
        };
        let html = disagree("");
        assert_eq!(
            page_date(&html, Some("https://ledger.example/2023/11/10/harbour")).as_deref(),
            Some("2023-11-10")
        );
        let html = disagree(r#"<span class="date">3. November 2023</span>"#);
        assert_eq!(page_date(&html, None).as_deref(), Some("2023-11-03"));
        assert_eq!(
            page_date(&disagree(""), None).as_deref(),
            Some("2023-11-03")
        );
    }

    #[test]
    fn utc_times_are_read_at_the_page_offset_and_comments_are_not_dates() {
        let html = r#"<html><head><meta property="article:published_time" content="2015-12-11T23:30:00+00:00"></head>
            <body><time class="entry-date" datetime="2015-12-12T00:30:00+01:00">12. Dezember 2015</time>
            <p>Text.</p><div class="comments"><time datetime="2015-12-13T08:00:00+01:00">13. Dezember</time></div>
            </body></html>"#;
        assert_eq!(page_date(html, None).as_deref(), Some("2015-12-12"));
        let only_comments = r#"<html><body><p>Text.</p><ol class="comment-list"><li>
            <time datetime="2015-12-13T08:00:00+01:00">13. Dezember 2015</time></li></ol></body></html>"#;
        assert_eq!(page_date(only_comments, None), None);
        assert_eq!(read_page(only_comments, None, today()).text_date, None);
    }

    #[test]
    fn a_date_labelled_as_published_wins_over_other_dates_shown_before_it() {
        // A list of other stories' dates comes first in the page; the story's own date is
        // labelled, in one language or another.
        let page = |label: &str, date: &str| {
            format!(
                r#"<html lang="de"><body><aside><ul class="more-news">
                <li><span class="news-date">01.02.2022 16:28</span> Skispringen live</li>
                <li><span class="news-date">13.01.2022</span> Zeitplan</li></ul></aside>
                <article><h1>Lindvik gewinnt</h1><small>{label} {date}</small>
                <p>Der Norweger sprang am 29.01.2022 am weitesten.</p></article></body></html>"#
            )
        };
        for (label, date, expected) in [
            ("Erstellt am:", "30.01.2022 18:36", "2022-01-30"),
            ("Veröffentlicht", "30. Januar 2022", "2022-01-30"),
            ("Datum:", "30.01.2022", "2022-01-30"),
            ("Published", "January 30, 2022", "2022-01-30"),
            ("Publié le", "30 janvier 2022", "2022-01-30"),
            ("Pubblicato il", "30 gennaio 2022", "2022-01-30"),
            ("Опубликовано", "30 января 2022", "2022-01-30"),
            // No label: the first date shown where the markup says dates are.
            ("", "30.01.2022", "2022-02-01"),
            // "Update:" is no "date:".
            ("Update:", "30.01.2022", "2022-02-01"),
        ] {
            let html = page(label, date);
            assert_eq!(
                text_date(&html).as_deref(),
                Some(expected),
                "{label} {date}"
            );
        }
    }

    #[test]
    fn a_readers_comment_date_is_not_the_date_shown_for_the_story() {
        let html = r#"<html lang="de"><body><article><h1>Das Autohaus ist alternativlos</h1>
            <div class="col"><h5 class="title-inline">Datum: </h5>03.02.2022</div><p>Text.</p></article>
            <section class="comments"><h4>Markus</h4><div class="comment__date">04.02.2022 - 00:00 Uhr</div>
            <p>Guter Artikel.</p></section></body></html>"#;
        assert_eq!(text_date(html).as_deref(), Some("2022-02-03"));
    }

    #[test]
    fn a_navigation_bar_showing_today_does_not_date_the_story() {
        let bar = [
            r#"<div class="navtop"><span class="mod_datetime"><time datetime="2023-11-01T13:56:20+01:00">Mittwoch, 01. November 2023</time></span></div>"#,
            r#"<nav><ul><li><time datetime="2023-11-01">1. November 2023</time></li></ul></nav>"#,
        ];
        for bar in bar {
            let html = format!(
                r#"<html lang="de"><body>{bar}<article><h1>Im Schlepptau</h1>
                <p><span class="text_datum">31. Oktober 2023.</span> Dragqueens sind Kunstfiguren.</p>
                </article></body></html>"#
            );
            let page = read_page(&html, None, today());
            let date = page.stated.date.map(|d| d.date).or(page.text_date);
            assert_eq!(
                date.map(|d| d.to_string()).as_deref(),
                Some("2023-10-31"),
                "{bar}"
            );
        }
        // A page wrapped whole in a navigation overlay keeps the date beside its headline.
        let wrapped = r#"<html lang="de"><body><div class="c-toggler--navigation-overlay-wrapper is-open">
            <main><div class="article"><div class="head"><h1>Italien</h1>
            <span class="heading__meta">Stand - 12.11.2021</span></div><p>Text.</p></div></main>
            </div></body></html>"#;
        assert_eq!(text_date(wrapped).as_deref(), Some("2021-11-12"));
    }

    #[test]
    fn the_description_dates_a_page_whose_text_shows_no_full_date() {
        let page = |description: &str, body: &str| {
            format!(
                r#"<html lang="it"><head><meta name="description" content="{description}"></head>
                <body><h1>Orso marsicano: 2019 un anno da record</h1><p>{body}</p></body></html>"#
            )
        };
        let record = "Orso marsicano: 2019 un anno da record (Notizia del 14 Gennaio 2020)";
        let cases = [
            (
                record,
                "( Pescasseroli, 14 Gennaio 20 ) Sono almeno 9 le femmine.",
                Some("2020-01-14"),
            ),
            // A date the text shows comes first; a year alone is no date.
            (
                record,
                "Pescasseroli, 15 gennaio 2020. Sono almeno 9.",
                Some("2020-01-15"),
            ),
            ("Il 2019, un anno da record", "Sono almeno 9.", None),
        ];
        for (description, body, expected) in cases {
            assert_eq!(
                text_date(&page(description, body)).as_deref(),
                expected,
                "{body}"
            );
        }
    }

    #[test]
    fn implausible_dates_are_ignored() {
        // The future, the Unix epoch a template prints for "no date", and a year before
        // the first printed newspapers.
        let html = r#"<html><head><meta name="date" content="2099-01-01">
            <meta name="pubdate" content="1970-01-01"><meta name="dc.date" content="1492-10-12"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(read_page(html, None, today()).stated.date, None);
    }
}
