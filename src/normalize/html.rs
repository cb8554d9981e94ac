//! Reads a saved web page: the article's main text without the page's furniture, and the
//! title, publication date, authors, site, address and topics its markup states.

use super::date::{find_dates, find_dates_in, fold_digits};
use super::junk::is_junk;
use super::text::{collapse_spaces as collapse, host_of};
use chrono::NaiveDate;
use dom_query::{Document, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

/// What a web page says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline.
    pub title: Option<String>,
    /// The original publication date, from the markup or the page's address.
    pub date: Option<NaiveDate>,
    /// A date read from the page's visible text, when the markup states none.
    pub text_date: Option<NaiveDate>,
    /// Writers named in the markup.
    pub authors: Vec<String>,
    /// The site or publisher.
    pub source: Option<String>,
    /// The page's own address.
    pub url: Option<String>,
    /// Keywords, tags and sections.
    pub topics: Vec<String>,
    /// The main text, one paragraph or heading per entry, junk lines removed.
    pub paragraphs: Vec<String>,
}

/// Real pages nest a few dozen levels deep, rarely a few hundred. Parsing grows with the
/// square of the depth (a page of 100,000 nested elements takes the HTML parser half a
/// minute), so a page nested deeper than this is refused as broken or hostile.
pub const MAX_NESTING: usize = 2000;

/// Elements that never hold other elements, or close themselves when the next one opens
/// (unclosed `<p>` and `<li>` are common): they do not add to the depth.
const NON_NESTING: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"p", b"li", b"option", b"td", b"tr", b"th", b"dt", b"dd",
    b"param", b"keygen", b"frame",
];

/// Elements whose content is text, not markup: a `<` inside them (`i<n` in a script)
/// opens nothing.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// How deeply the elements of `html` nest, measured by a tag scanner that reads tags the
/// way the HTML parser does (comments, raw-text elements and quoted attribute values are
/// skipped), in one pass and without building a tree.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            i = find_from(bytes, start + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find_from(bytes, start, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = name_start;
            continue;
        }
        let name = bytes[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = end_of_tag(bytes, name_start + name_len);
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 1) == Some(&b'/');
        i = (tag_end + 1).min(bytes.len());
        if NON_NESTING.contains(&name.as_slice()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            i = raw_text_end(bytes, i, &name);
            continue;
        }
        if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Position of `needle` in `bytes` at or after `from`.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// Position of the `>` that ends a tag whose name ends at `from`, skipping quoted
/// attribute values; the end of the text when the tag never closes.
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k,
            _ => {}
        }
    }
    bytes.len()
}

/// Where the text of a raw-text element that started at `from` ends: after its closing
/// tag, compared without case.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while let Some(offset) = bytes
        .get(k..)
        .and_then(|rest| rest.windows(2).position(|w| w == b"</"))
    {
        let at = k + offset + 2;
        let candidate = bytes.get(at..at + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return end_of_tag(bytes, at + name.len()) + 1;
        }
        k = at;
    }
    bytes.len()
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
        title,
        date,
        text_date,
        authors,
        source,
        url,
        topics,
        paragraphs,
    }
}

use chrono::Datelike;

/// Meta tags, structured data and headings gathered from a page before extraction
/// changes the tree.
#[derive(Debug, Default)]
struct Markup {
    /// `(name, content)` of every `<meta>`, name lower-cased.
    meta: Vec<(String, String)>,
    /// Article-like JSON-LD objects, outermost first.
    ld: Vec<Value>,
    /// Text of the `<h1>` elements, in order.
    h1: Vec<String>,
    /// The `<title>` element.
    title_tag: Option<String>,
    /// `<link rel="canonical">` or the address a browser noted when saving.
    canonical: Option<String>,
    /// `datetime` of `<time>` elements, those marked as publication first.
    times: Vec<String>,
    /// The page language from `<html lang>`.
    lang: Option<String>,
}

impl Markup {
    fn read(document: &Document, html: &str) -> Markup {
        let mut markup = Markup::default();
        // Microdata and RDFa put dates on any element: `<span itemprop="datePublished"
        // content="…">`, `<span property="schema:dateCreated" content="…">`.
        for node in document
            .select("meta, [itemprop][content], [itemprop][datetime], [property][content]")
            .nodes()
        {
            let name = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|attr| node.attr(attr))
                .map(|n| {
                    let n = n.trim().to_lowercase();
                    n.strip_prefix("schema:").map(str::to_string).unwrap_or(n)
                });
            let content = ["content", "datetime", "value"]
                .iter()
                .find_map(|attr| node.attr(attr));
            if let (Some(name), Some(content)) = (name, content) {
                let content = collapse(&content);
                if !content.is_empty() {
                    markup.meta.push((name, content));
                }
            }
        }
        for node in document
            .select(r#"script[type="application/ld+json"]"#)
            .nodes()
        {
            if let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) {
                collect_ld(&value, &mut markup.ld, 0);
            }
        }
        markup.h1 = document
            .select("h1")
            .nodes()
            .iter()
            .map(|n| collapse(&n.text()))
            .filter(|t| !t.is_empty())
            .collect();
        markup.title_tag = document
            .select("head title")
            .nodes()
            .first()
            .or(document.select("title").nodes().first())
            .map(|n| collapse(&n.text()))
            .filter(|t| !t.is_empty());
        markup.canonical = document
            .select(r#"link[rel="canonical"]"#)
            .nodes()
            .first()
            .and_then(|n| n.attr("href"))
            .map(|h| h.trim().to_string())
            .or_else(|| saved_from(html));
        markup.times = publication_times(document);
        markup.lang = document
            .select("html")
            .nodes()
            .first()
            .and_then(|n| n.attr("lang"))
            .map(|l| l.to_lowercase());
        markup
    }

    fn meta_values<'a>(&'a self, names: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        names.iter().flat_map(move |name| {
            self.meta
                .iter()
                .filter(move |(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        })
    }

    fn first_meta(&self, names: &[&str]) -> Option<String> {
        self.meta_values(names).next().map(str::to_string)
    }

    fn ld_strings(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for object in &self.ld {
            if let Some(value) = object.get(key) {
                strings_of(value, &mut out);
            }
        }
        out
    }

    fn own_url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.first_meta(&["og:url", "twitter:url"]))
            .or_else(|| self.ld_strings("url").into_iter().next())
    }

    fn site_name(&self) -> Option<String> {
        self.first_meta(&["og:site_name", "application-name", "twitter:site"])
            .map(|s| s.trim_start_matches('@').to_string())
            .or_else(|| {
                self.ld
                    .iter()
                    .filter_map(|o| o.get("publisher"))
                    .find_map(name_of)
            })
            .filter(|s| !s.is_empty() && s.chars().count() <= 80)
    }

    fn authors(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for object in &self.ld {
            if let Some(author) = object.get("author") {
                names_of(author, &mut out);
            }
        }
        if out.is_empty() {
            out.extend(
                self.meta_values(&["author", "article:author", "dc.creator", "parsely-author"])
                    .filter(|v| !v.starts_with("http"))
                    .map(str::to_string),
            );
        }
        let mut unique: Vec<String> = Vec::new();
        for name in out {
            let name = collapse(&name);
            if !name.is_empty()
                && name.chars().count() <= 80
                && !unique.iter().any(|u| u.eq_ignore_ascii_case(&name))
            {
                unique.push(name);
            }
        }
        unique
    }

    fn topics(&self) -> Vec<String> {
        let mut raw: Vec<String> = Vec::new();
        raw.extend(self.ld_strings("keywords"));
        raw.extend(self.ld_strings("articleSection"));
        raw.extend(
            self.meta_values(&[
                "keywords",
                "news_keywords",
                "article:tag",
                "article:section",
            ])
            .map(str::to_string),
        );
        let mut topics: Vec<String> = Vec::new();
        for value in raw {
            for topic in value.split([',', ';']) {
                let topic = collapse(topic);
                let good = !topic.is_empty()
                    && topic.chars().count() <= 60
                    && !topic.contains("://")
                    && !topics.iter().any(|t| t.eq_ignore_ascii_case(&topic));
                if good {
                    topics.push(topic);
                }
            }
        }
        topics.truncate(30);
        topics
    }

    /// The headline: the page's `<h1>` when the metadata agrees with it (or when it is
    /// the only long one), else the metadata's headline, else the `<title>`, without the
    /// site's name.
    fn title(&self, host: Option<&str>) -> Option<String> {
        let site = self.site_name();
        let declared: Vec<String> = self
            .ld_strings("headline")
            .into_iter()
            .chain(self.first_meta(&["og:title", "twitter:title", "dc.title"]))
            .chain(self.title_tag.clone())
            .map(|t| strip_site(&collapse(&decode_entities(&t)), site.as_deref(), host))
            .filter(|t| !t.is_empty())
            .collect();
        let headings: Vec<&String> = self
            .h1
            .iter()
            .filter(|h| fold(h).chars().count() >= 8 && !is_site_name(h, site.as_deref(), host))
            .collect();
        let agrees = |h: &str, d: &str| {
            let (h, d) = (fold(h), fold(d));
            let close = |long: &str, short: &str| {
                long.contains(short) && short.len() * 10 >= long.len() * 6
            };
            h == d || close(&d, &h) || close(&h, &d)
        };
        for h1 in &headings {
            if declared.iter().any(|d| agrees(h1, d)) {
                return Some((*h1).clone());
            }
        }
        if let [only] = headings.as_slice()
            && only.split_whitespace().count() >= 4
        {
            return Some((*only).clone());
        }
        declared
            .into_iter()
            .next()
            .or_else(|| self.h1.first().cloned())
    }

    /// True unless the page is in American English: everywhere else "02/10/2020" is the
    /// 2nd of October.
    fn day_first(&self) -> bool {
        self.lang
            .as_deref()
            .is_some_and(|lang| lang != "en" && lang != "en-us" && !lang.is_empty())
    }

    /// The publication date, from the most to the least reliable place a page states it.
    fn date(&self, url: Option<&str>, plausible: &dyn Fn(&NaiveDate) -> bool) -> Option<NaiveDate> {
        let stated: Vec<String> = self
            .ld_strings("datePublished")
            .into_iter()
            .chain(self.meta_values(PUBLISHED_META).map(str::to_string))
            .chain(self.ld_strings("dateCreated"))
            .chain(self.times.iter().cloned())
            .collect();
        let candidates: Vec<(NaiveDate, bool)> = stated
            .iter()
            .filter_map(|v| Some((machine_date(v)?, is_utc(v))))
            .filter(|(d, _)| plausible(d))
            .collect();
        let from_url = url.and_then(url_date).filter(|d| plausible(d));
        if let Some(&(date, utc)) = candidates.first() {
            if !utc {
                return Some(date);
            }
            // A UTC time is often the next or previous day where the page was written:
            // a date stated with the local offset, or in the address, is the local one.
            let near = |d: &NaiveDate| (*d - date).num_days().abs() == 1;
            let local = candidates
                .iter()
                .find(|(d, utc)| !utc && near(d))
                .map(|(d, _)| *d)
                .or(from_url.filter(near));
            return Some(local.unwrap_or(date));
        }
        from_url.or_else(|| {
            self.ld_strings("dateModified")
                .into_iter()
                .chain(self.meta_values(MODIFIED_META).map(str::to_string))
                .filter_map(|v| machine_date(&v))
                .find(|d| plausible(d))
        })
    }

    /// A date written in the page's text: first where the markup's class names speak of
    /// dates or bylines, then anywhere in the page. Only read for pages whose markup
    /// states no date, so most pages never pay for it.
    fn text_date(
        &self,
        document: &Document,
        plausible: &dyn Fn(&NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        date_texts(document)
            .iter()
            .flat_map(|t| {
                let mut dates: Vec<NaiveDate> = find_dates_in(t, self.day_first())
                    .into_iter()
                    .map(|(_, d)| d)
                    .collect();
                dates.extend(short_year_date(t));
                dates
            })
            .find(|d| plausible(d))
            .or_else(|| {
                // Scripts hold dates of their own (builds, caches); Readability drops
                // them too.
                document.select("script, style").remove();
                let page_text = collapse(&document.select("body").text());
                find_dates_in(&page_text, self.day_first())
                    .into_iter()
                    .map(|(_, d)| d)
                    .find(|d| plausible(d))
            })
    }
}

/// A publication date in the data a script-built page carries in its HTML
/// (`"publishedAt":"2025-04-29T…"` in a state object), for pages whose markup states none.
fn script_date(html: &str) -> Option<NaiveDate> {
    static FIELD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)["']?(?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|pubDate|firstPublished|first_published_at|createdAt|created_at|dateCreated)["']?\s*[:=]\s*["']([0-9]{4})(?:-|\\?/)([0-9]{2})(?:-|\\?/)([0-9]{2})"#,
        )
        .unwrap()
    });
    let html = fold_digits(html);
    let caps = FIELD.captures(&html)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// A day-first date with a two-digit year ("28.01.22"), as German and Swiss sites
/// print it next to a headline. Only read where the markup says a date is.
fn short_year_date(text: &str) -> Option<NaiveDate> {
    static SHORT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^0-9.])([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{2})(?:[^0-9.]|$)")
            .unwrap()
    });
    let text = fold_digits(text);
    let caps = SHORT.captures(&text)?;
    let year = 2000 + caps[3].parse::<i32>().ok()?;
    NaiveDate::from_ymd_opt(year, caps[2].parse().ok()?, caps[1].parse().ok()?)
}

/// True when a machine date carries a UTC time rather than the writer's local one.
fn is_utc(value: &str) -> bool {
    let value = value.trim();
    value.len() > 10
        && (value.ends_with('Z')
            || value.ends_with("+00:00")
            || value.ends_with("+0000")
            || value.ends_with("GMT")
            || value.ends_with("UTC"))
}

/// Meta names that state the original publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "date",
    "dc.date",
    "dcterms.date",
    "created",
    "article:created",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "og:pubdate",
    "date_published",
    "datecreated",
    "release_date",
];

/// Meta names of modification dates: a last resort, the original is preferred.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// Keeps JSON-LD objects that describe the page's article, looking into `@graph` and
/// lists.
fn collect_ld(value: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_ld(v, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_ld(graph, out, depth + 1);
            }
            let kinds = map.get("@type").map(|t| {
                let mut kinds = Vec::new();
                strings_of(t, &mut kinds);
                kinds
            });
            let article = kinds.as_ref().is_some_and(|kinds| {
                kinds.iter().any(|k| {
                    k.ends_with("Article")
                        || matches!(
                            k.as_str(),
                            "BlogPosting" | "Report" | "LiveBlogPosting" | "WebPage" | "Blog"
                        )
                })
            });
            if article {
                // Articles before generic pages: their fields are the more specific.
                let generic = kinds
                    .as_ref()
                    .is_some_and(|k| k.iter().all(|k| k == "WebPage" || k == "Blog"));
                if generic {
                    out.push(value.clone());
                } else {
                    let at = out
                        .iter()
                        .position(|v| {
                            v.get("@type")
                                .and_then(Value::as_str)
                                .is_some_and(|t| t == "WebPage" || t == "Blog")
                        })
                        .unwrap_or(out.len());
                    out.insert(at, value.clone());
                }
            }
            if let Some(entity) = map.get("mainEntity") {
                collect_ld(entity, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn strings_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        Value::Object(map) => {
            if let Some(v) = map.get("name").or(map.get("@value")) {
                strings_of(v, out);
            }
        }
        _ => {}
    }
}

fn name_of(value: &Value) -> Option<String> {
    let mut names = Vec::new();
    names_of(value, &mut names);
    names.into_iter().next()
}

fn names_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if !s.starts_with("http") => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| names_of(v, out)),
        Value::Object(map) => {
            if let Some(Value::String(name)) = map.get("name") {
                out.push(name.clone());
            }
        }
        _ => {}
    }
}

/// `datetime` values of `<time>` elements, those marked as the publication date first.
fn publication_times(document: &Document) -> Vec<String> {
    let mut marked = Vec::new();
    let mut other = Vec::new();
    for node in document
        .select("time, abbr.published, [data-utime]")
        .nodes()
    {
        let value = node
            .attr("datetime")
            .or_else(|| node.attr("title"))
            .map(|v| v.to_string())
            .or_else(|| {
                let utime = node.attr("data-utime")?;
                let secs: i64 = utime.trim().parse().ok()?;
                chrono::DateTime::from_timestamp(secs, 0).map(|t| t.to_rfc3339())
            })
            .unwrap_or_else(|| node.text().to_string());
        let hints = format!(
            "{} {} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("itemprop").unwrap_or_default(),
            if node.has_attr("pubdate") {
                "pubdate"
            } else {
                ""
            }
        )
        .to_lowercase();
        let updated = hints.contains("updated") || hints.contains("modified");
        if hints.contains("pub") || hints.contains("entry-date") || hints.contains("created") {
            marked.push(value);
        } else if !updated {
            other.push(value);
        }
    }
    marked.extend(other);
    marked
}

/// Short texts of elements whose class or id says they hold the date or byline.
fn date_texts(document: &Document) -> Vec<String> {
    const HINTS: &[&str] = &[
        "date", "datum", "time", "publish", "posted", "byline", "fecha", "meta", "author",
    ];
    let mut out = Vec::new();
    for node in document.select("[class], [id]").nodes() {
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_lowercase();
        if !HINTS.iter().any(|h| names.contains(h)) || names.contains("update") {
            continue;
        }
        let text = collapse(&node.text());
        if !text.is_empty() && text.len() <= 200 {
            out.push(text);
        }
        if out.len() >= 200 {
            break;
        }
    }
    out
}

/// A date from a machine-readable value: ISO 8601 or RFC 2822 first, then any written
/// date.
pub fn machine_date(value: &str) -> Option<NaiveDate> {
    let folded = fold_digits(value);
    let value = folded.trim();
    if let Some(head) = value.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(date);
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc2822(value) {
        return Some(time.date_naive());
    }
    if value.len() == 8
        && value.bytes().all(|b| b.is_ascii_digit())
        && let Ok(date) = NaiveDate::parse_from_str(value, "%Y%m%d")
    {
        return Some(date);
    }
    find_dates(value).first().map(|(_, d)| *d)
}

/// A date in a page address: `/2025/04/29/`, `/2025-04-29`, `20250429`.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    static URL_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[/_-])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?:[/_.-]|$)",
        )
        .unwrap()
    });
    let url = fold_digits(url);
    let path = url.split_once("://").map_or(url.as_ref(), |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let caps = URL_DATE.captures(path)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// The address a browser notes when it saves a page: `<!-- saved from url=(0042)https://… -->`.
fn saved_from(html: &str) -> Option<String> {
    let (_, rest) = super::text::head(html, 4096).split_once("saved from url=(")?;
    let (_, after_length) = rest.split_once(')')?;
    let url = after_length.split_whitespace().next()?;
    Some(url.trim_end_matches("-->").to_string())
}

/// True when `text` names the site rather than an article: its `og:site_name`, or the
/// main label of its host name.
fn is_site_name(text: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let text = letters(text);
    if text.is_empty() {
        return false;
    }
    if let Some(site) = site {
        let site = letters(site);
        if !site.is_empty() && (site.contains(&text) || text.contains(&site)) {
            return true;
        }
    }
    let label = host
        .and_then(|h| h.split('.').rev().nth(1))
        .map(letters)
        .unwrap_or_default();
    label.len() >= 4 && text.contains(&label) && text.len() <= label.len() * 3
}

/// Removes a site name a `<title>` carries: "Headline | Site", "Site - Headline".
fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " || ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ",
    ];
    for sep in SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !is_site_name(p, site, host))
            .collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return kept.join(sep);
        }
        // Without a site name to match, the site is the shorter end part.
        let first = parts[0];
        let last = parts[parts.len() - 1];
        let words = |s: &str| s.split_whitespace().count();
        if words(last) <= 4 && words(first) > words(last) {
            return parts[..parts.len() - 1].join(sep);
        }
        if words(first) <= 3 && words(last) > words(first) + 2 {
            return parts[1..].join(sep);
        }
    }
    title.to_string()
}

/// Decodes the entities a title can carry when a page escaped it twice ("&amp;#8211;").
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        match entity(after) {
            Some((c, used)) => {
                out.push(c);
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity stands for, given the text after its `&`, and how many bytes
/// the entity takes there (with its `;`).
fn entity(after: &str) -> Option<(char, usize)> {
    let end = after.bytes().take(11).position(|b| b == b';')?;
    let name = after.get(..end)?;
    let c = match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|d| d.parse().ok())
            };
            code.and_then(char::from_u32)?
        }
    };
    Some((c, end + 1))
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Elements that never hold the article, removed before extraction.
const FURNITURE: &str = "nav, footer, aside, form, button, noscript, iframe, svg, \
    [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
    [aria-hidden=true], .advert, .advertisement, .ad, .ads, .share, .social, .related, \
    .newsletter, .cookie, #cookie-banner, .comments, #comments";

/// The article's paragraphs: Readability's choice of the main block, split into lines
/// and cleared of the debris lines every saved page carries.
fn main_text(document: Document, title: Option<&str>) -> Vec<String> {
    document.select(FURNITURE).remove();
    remove_boilerplate_blocks(&document);
    let fallback = || body_text(&document.select("body"));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let text = match Readability::with_document(document.clone(), None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok())
    {
        Some(article) if !article.text_content.trim().is_empty() => {
            article.text_content.to_string()
        }
        _ => fallback(),
    };
    paragraphs(&text, title)
}

/// The text of a page on which the usual extraction found nothing: a short article whose
/// container carries a furniture word in its class, a page that keeps its text in
/// structured data, a page of a few lines. Tried in order: Readability on the untouched
/// page, the JSON-LD `articleBody`, the whole body's text, the page's description.
fn fallback_text(html: &str, markup: &Markup, title: Option<&str>) -> Vec<String> {
    let readability = || {
        let document = Document::from(html);
        document
            .select("script, style, noscript, template")
            .remove();
        let config = Config {
            text_mode: TextMode::Formatted,
            ..Config::default()
        };
        Readability::with_document(document, None, Some(config))
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map(|article| paragraphs(&article.text_content, title))
            .unwrap_or_default()
    };
    let structured = || {
        let text = markup.ld_strings("articleBody").join("\n");
        paragraphs(&text, title)
    };
    let body = || paragraphs(&body_text(&Document::from(html).select("body")), title);
    let description = || {
        let text = markup
            .first_meta(&["og:description", "description", "twitter:description"])
            .unwrap_or_default();
        paragraphs(&text, title)
    };
    [
        &readability as &dyn Fn() -> Vec<String>,
        &structured,
        &body,
        &description,
    ]
    .iter()
    .map(|attempt| attempt())
    .find(|found| !found.is_empty())
    .unwrap_or_default()
}

/// Words in a class or id that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "taglist",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "footer",
    "nav",
    "navigation",
    "menu",
    "caption",
    "figcaption",
    "credit",
    "gallery",
    "recommended",
    "trending",
    "outbrain",
    "taboola",
    "byline",
    "author",
    "meta",
    "toolbar",
    "banner",
    "pagination",
    "pager",
    "signup",
    "rating",
    "print",
    "disclaimer",
    "bio",
    "copyright",
];

/// Removes small blocks whose class or id names them as furniture, and blocks that are
/// mostly links: share bars, tag lists, "related" boxes, captions. Large blocks are kept
/// whatever their names say: an article container can carry "share" in its classes.
fn remove_boilerplate_blocks(document: &Document) {
    document.select("figcaption, .wp-caption-text").remove();
    let mut doomed = Vec::new();
    for node in document.select("body [class], body [id]").nodes() {
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_lowercase();
        let furniture = names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| FURNITURE_WORDS.contains(&word));
        if !furniture {
            continue;
        }
        let text_len = node.text().split_whitespace().map(str::len).sum::<usize>();
        if text_len < 400 || link_density(node) > 0.5 {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// The share of an element's text that sits inside links.
fn link_density(node: &dom_query::NodeRef) -> f64 {
    let total: usize = node.text().split_whitespace().map(str::len).sum();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = node
        .descendants_it()
        .filter(|n| n.node_name().is_some_and(|name| &*name == "a"))
        .map(|a| a.text().split_whitespace().map(str::len).sum::<usize>())
        .sum();
    linked as f64 / total as f64
}

fn body_text(body: &Selection) -> String {
    body.select("script, style, header").remove();
    body.formatted_text().to_string()
}

/// Splits extracted text into paragraphs, dropping junk lines and a repeat of the title.
pub fn paragraphs(text: &str, title: Option<&str>) -> Vec<String> {
    let title = title.map(fold);
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = collapse(line);
        if line.is_empty() || is_junk(&line) {
            continue;
        }
        if out.is_empty() && title.as_deref().is_some_and(|t| *t == fold(&line)) {
            continue;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn nesting_is_measured_without_parsing() {
        let cases = [
            ("<html><body><div><p>a<p>b</div></body></html>", 3),
            ("<img src=x><br>text", 0),
            // A script's comparisons and a style's selectors open no elements.
            (
                "<div><script>for(i=0;i<n;i++){if(a<b){x='<div>'}}</script></div>",
                1,
            ),
            ("<div><SCRIPT type=x>a<b</Script ><span>t</span></div>", 2),
            ("<div><style>a<b{}</style><!-- <div><div> --></div>", 1),
            (r#"<div title="<div><div>"><br/><span/></div>"#, 1),
            ("<div><![CDATA[<div>]]><?php echo '<div>' ?></div>", 1),
            ("a < b and c<3 and <-- arrows", 0),
        ];
        for (html, depth) in cases {
            assert_eq!(nesting_depth(html), depth, "{html}");
        }
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        // Unclosed raw text, comments and tags run to the end without panicking.
        for html in ["<script>x<y", "<!-- x", "<div a='x", "<", "</", "<é"] {
            assert!(nesting_depth(html) <= 1, "{html}");
        }
    }

    #[test]
    fn url_dates() {
        let cases = [
            ("https://x.com/2025/04/29/orrick-ruling", Some("2025-04-29")),
            ("https://x.com/news/2025-04-29-orrick", Some("2025-04-29")),
            ("https://x.com/a/20250429/story.html", Some("2025-04-29")),
            ("https://x.com/2025/04/story", None),
            ("https://x.com/item/12345678901", None),
            ("https://x.com/a?date=2025/04/29", None),
        ];
        for (url, expected) in cases {
            assert_eq!(
                url_date(url).map(|d| d.to_string()).as_deref(),
                expected,
                "{url}"
            );
        }
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        let cases = [
            (
                "Judge blocks order | The Ledger",
                Some("The Ledger"),
                "Judge blocks order",
            ),
            (
                "The Ledger - Judge blocks order",
                Some("The Ledger"),
                "Judge blocks order",
            ),
            (
                "Judge blocks order on sanctuary cities - Ledger",
                None,
                "Judge blocks order on sanctuary cities",
            ),
            (
                "Plain headline with no site",
                None,
                "Plain headline with no site",
            ),
        ];
        for (title, site, expected) in cases {
            assert_eq!(strip_site(title, site, None), expected, "{title}");
        }
        assert_eq!(
            strip_site(
                "Gregory Szorc's Digital Home | Notes on Python 3",
                None,
                Some("gregoryszorc.com")
            ),
            "Notes on Python 3"
        );
        assert_eq!(decode_entities("A &#8211; B &amp;&#x41;"), "A – B &A");
    }

    #[test]
    fn dates_in_script_data() {
        let cases = [
            (
                r#"<script>window.__STATE__={"publishedAt":"2025-04-29T10:00:00Z"}</script>"#,
                Some("2025-04-29"),
            ),
            (
                r#"{"publish_date":"2020\/02\/24","x":1}"#,
                Some("2020-02-24"),
            ),
            (r#"{"updatedAt":"2025-04-29T10:00:00Z"}"#, None),
        ];
        for (html, expected) in cases {
            assert_eq!(
                script_date(html).map(|d| d.to_string()).as_deref(),
                expected,
                "{html}"
            );
        }
    }

    #[test]
    fn machine_dates() {
        let cases = [
            ("2025-04-29T10:30:00+02:00", Some("2025-04-29")),
            ("Tue, 29 Apr 2025 10:30:00 GMT", Some("2025-04-29")),
            ("20250429", Some("2025-04-29")),
            ("29 April 2025", Some("2025-04-29")),
            ("٢٠٢٥-٠٤-٢٩T10:30:00Z", Some("2025-04-29")),
            ("２０２５-０４-２９", Some("2025-04-29")),
            ("२०२५-०४-२९", Some("2025-04-29")),
            ("soon", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                machine_date(value).map(|d| d.to_string()).as_deref(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn published_date_wins_over_updated_and_body_dates() {
        let html = r#"<html><head>
            <meta property="og:updated_time" content="2025-05-02T08:00:00Z">
            <meta property="article:published_time" content="2025-04-29T18:00:00Z">
            </head><body><article><p>The 1987 crash was recalled on 19 October 1987.</p>
            </article></body></html>"#;
        assert_eq!(
            read_page(html, None, today()).date.map(|d| d.to_string()),
            Some("2025-04-29".to_string())
        );
        let only_updated = r#"<html><head>
            <meta property="og:updated_time" content="2025-05-02T08:00:00Z"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(
            read_page(only_updated, None, today())
                .date
                .map(|d| d.to_string()),
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
        assert_eq!(page.title.as_deref(), Some("Judge blocks order"));
        assert_eq!(
            page.date.map(|d| d.to_string()).as_deref(),
            Some("2025-04-24")
        );
        assert_eq!(page.authors, ["Ana Ruiz"]);
        assert_eq!(page.topics, ["Courts", "Immigration"]);
        assert_eq!(page.source.as_deref(), Some("The Ledger"));
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
        assert_eq!(read_page(html, None, today()).date, None);
    }
}
