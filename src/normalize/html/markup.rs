//! What a page's markup states about its article: meta tags, JSON-LD objects, headings,
//! the canonical address; and the headline without the site's name.

use super::authors::AuthorMarks;
use super::dates::publication_times;
use crate::normalize::text::{collapse_spaces as collapse, is_cjk};
use dom_query::Document;
use serde_json::Value;

/// Meta tags, structured data and headings gathered from a page before extraction
/// changes the tree.
#[derive(Debug, Default)]
pub(super) struct Markup {
    /// `(name, content)` of every `<meta>`, name lower-cased.
    pub(super) meta: Vec<(String, String)>,
    /// Article-like JSON-LD objects, outermost first.
    pub(super) ld: Vec<Value>,
    /// Text of the `<h1>` elements, in order, but those that hold the site's name.
    pub(super) h1: Vec<String>,
    /// Text of the `<h1>` elements that hold the site's name.
    pub(super) site_headings: Vec<String>,
    /// The `<title>` element.
    pub(super) title_tag: Option<String>,
    /// `<link rel="canonical">` or the address a browser noted when saving.
    pub(super) canonical: Option<String>,
    /// `datetime` of `<time>` elements, those marked as publication first.
    pub(super) times: Vec<String>,
    /// `datetime` values of `<time>` elements beside the article (a sidebar's, a related
    /// story's): a page's date only when nothing else dates it.
    pub(super) times_beside: Vec<String>,
    /// The page language from `<html lang>` (or XHTML's `xml:lang`), in lower case.
    pub(super) lang: Option<String>,
    /// What the markup says about the writers.
    pub(super) authors: AuthorMarks,
}

impl Markup {
    pub(super) fn read(document: &Document, html: &str) -> Markup {
        let mut markup = Markup::default();
        // Microdata and RDFa put dates on any element: `<span itemprop="datePublished"
        // content="…">`, `<span property="schema:dateCreated" content="…">`.
        for node in document
            .select("meta, [itemprop][content], [itemprop][datetime], [property][content]")
            .nodes()
        {
            if in_nested_item(node) {
                continue;
            }
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
        let mut ld_roots = Vec::new();
        for node in document
            .select(r#"script[type="application/ld+json"]"#)
            .nodes()
        {
            if let Some(value) = parse_ld(&node.text()) {
                collect_ld(&value, &mut markup.ld, 0);
                ld_roots.push(value);
            }
        }
        markup.authors = AuthorMarks::read(document, &ld_roots);
        for heading in document.select("h1").nodes() {
            let text = collapse(&visible_text(heading));
            if text.is_empty() {
                continue;
            }
            if is_site_heading(heading) {
                markup.site_headings.push(text);
            } else {
                markup.h1.push(text);
            }
        }
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
        (markup.times, markup.times_beside) = publication_times(document);
        markup.lang = document
            .select("html")
            .nodes()
            .first()
            .and_then(|n| n.attr("lang").or_else(|| n.attr("xml:lang")))
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty());
        markup
    }

    pub(super) fn meta_values<'a>(
        &'a self,
        names: &'a [&str],
    ) -> impl Iterator<Item = &'a str> + 'a {
        names.iter().flat_map(move |name| {
            self.meta
                .iter()
                .filter(move |(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        })
    }

    pub(super) fn first_meta(&self, names: &[&str]) -> Option<String> {
        self.meta_values(names).next().map(str::to_string)
    }

    pub(super) fn ld_strings(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for object in &self.ld {
            if let Some(value) = object.get(key) {
                strings_of(value, &mut out);
            }
        }
        out
    }

    pub(super) fn own_url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.first_meta(&["og:url", "twitter:url"]))
            .or_else(|| self.ld_strings("url").into_iter().next())
    }

    pub(super) fn site_name(&self) -> Option<String> {
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

    pub(super) fn topics(&self) -> Vec<String> {
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
    pub(super) fn title(&self, host: Option<&str>) -> Option<String> {
        // Soft hyphens and zero-width marks are for line breaking, not part of the words.
        self.headline(host).map(|t| {
            t.replace(
                [
                    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
                ],
                "",
            )
        })
    }

    fn headline(&self, host: Option<&str>) -> Option<String> {
        let site = self.site_name();
        let sites = SiteNames {
            declared: site.as_deref(),
            headings: &self.site_headings,
            host,
        };
        // As stated, and without the site's name.
        let stated: Vec<String> = self
            .ld_strings("headline")
            .into_iter()
            .chain(self.first_meta(&["og:title", "twitter:title", "dc.title"]))
            .chain(self.title_tag.clone())
            .map(|t| collapse(&decode_entities(&t)))
            .collect();
        let declared: Vec<String> = stated
            .iter()
            .map(|t| strip_site(t, &sites))
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
            if let Some(d) = declared.iter().find(|d| agrees(h1, d)) {
                // "Tunesien Große Aufgaben…" against "Große Aufgaben…": the heading
                // runs its kicker into the headline the metadata states alone.
                let kicker = fold(h1).ends_with(&fold(d)) && fold(h1) != fold(d);
                return Some(if kicker { d.clone() } else { (*h1).clone() });
            }
        }
        // "»frag.jetzt« – ARSnova", "Bielersee-Winterhechte | petri-heil.ch | Dein
        // Schweizer Fischereimagazin": a heading that is one whole part of a declared
        // title is its headline, and the other parts name the site, however they do.
        let is_title_part = |h: &str| {
            let h = fold(h);
            !h.is_empty()
                && stated.iter().any(|d| {
                    SPACED_SEPARATORS
                        .iter()
                        .any(|sep| d.contains(sep) && d.split(sep).any(|part| fold(part) == h))
                })
        };
        if let Some(part) = self
            .h1
            .iter()
            .find(|h| !is_site_name(h, site.as_deref(), host) && is_title_part(h))
        {
            return Some(part.clone());
        }
        if let [only] = headings.as_slice()
            && only.split_whitespace().count() >= 4
        {
            return Some((*only).clone());
        }
        // A metadata title cut short (an unescaped quote ends the attribute) gives way to
        // a later one that goes on from it.
        let Some(first) = declared.first() else {
            return self.h1.first().cloned();
        };
        let longer = declared.iter().find(|d| {
            d.strip_prefix(first.trim_end())
                .is_some_and(|rest| rest.trim_start().starts_with(['"', '\'']))
        });
        Some(longer.unwrap_or(first).clone())
    }
}

/// The text of a heading without its style sheets and scripts (CSS-in-JS libraries put
/// `<style>` elements inside headings), its hidden labels, and a kicker or secondary
/// text set in an element of its own (`<span class="dachzeile">`, `<small>`): the
/// headline is what the reader sees as the headline. The kicker stays when nothing else
/// is left.
fn visible_text(node: &dom_query::NodeRef) -> String {
    // `<h1><span class="topic">…</span><span class="headline">…</span></h1>`: the part
    // the page itself calls the headline.
    let marked = node.descendants_it().find(|n| {
        n.is_element()
            && n.id != node.id
            && n.attr("class").is_some_and(|class| {
                class
                    .split_whitespace()
                    .any(|word| word.to_ascii_lowercase().contains("headline"))
            })
    });
    if let Some(marked) = marked {
        let text = text_without(&marked, is_code);
        if text.chars().any(char::is_alphanumeric) {
            return text;
        }
    }
    let headline = text_without(node, |n| is_code(n) || is_kicker(n));
    if headline.chars().any(char::is_alphanumeric) {
        headline
    } else {
        text_without(node, is_code)
    }
}

/// The text of an element as it reads on screen: the texts of block elements (two
/// `<div>`s in one link, a `<br>`) are kept apart by a space, which `text()` glues
/// ("ABOUTFINTECH" and "Tobias Baumgarten" in one author link). Scripts and styles are
/// left out. Walked with a stack of its own, not by recursion: a page may nest its
/// elements a thousand levels deep.
pub(super) fn screen_text(node: &dom_query::NodeRef) -> String {
    let mut text = String::new();
    // Nodes still to read, last first; `None` marks the end of a block.
    let mut stack: Vec<Option<dom_query::NodeRef>> = node.children_it(true).map(Some).collect();
    while let Some(next) = stack.pop() {
        let Some(child) = next else {
            text.push(' ');
            continue;
        };
        if child.is_text() {
            text.push_str(&child.text());
        } else if child.is_element() && !is_code(&child) {
            let block = child
                .node_name()
                .is_some_and(|name| super::BLOCK_ELEMENTS.contains(&name.as_ref()));
            // Two elements side by side hold two fields ("<span class=name>…</span><span
            // class=role>…</span>"); a word split by markup has text beside it.
            let after_element = child.prev_sibling().is_some_and(|p| p.is_element());
            if block || after_element {
                text.push(' ');
            }
            if block {
                stack.push(None);
            }
            stack.extend(child.children_it(true).map(Some));
        }
    }
    text
}

/// `node` and its ancestors, nearest first, `levels` of them at most.
pub(super) fn ancestors<'a>(
    node: &dom_query::NodeRef<'a>,
    levels: usize,
) -> impl Iterator<Item = dom_query::NodeRef<'a>> + use<'a> {
    std::iter::successors(Some(*node), |n| n.parent()).take(levels)
}

/// True when a word of `node`'s class or id, in lower case and cut at every character
/// that is not a letter or digit, is one of `words` ("comment-list" holds "comment";
/// "commentary" holds none).
pub(super) fn class_names_one_of(node: &dom_query::NodeRef, words: &[&str]) -> bool {
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| words.contains(&w))
}

fn text_without(node: &dom_query::NodeRef, skip: impl Fn(&dom_query::NodeRef) -> bool) -> String {
    if !node.descendants_it().any(|n| n.is_element() && skip(&n)) {
        return node.text().to_string();
    }
    let mut text = String::new();
    for piece in node.descendants_it().filter(|n| n.is_text()) {
        let skipped = std::iter::successors(piece.parent(), |n| n.parent())
            .take_while(|n| n.id != node.id)
            .any(|n| skip(&n));
        if !skipped {
            text.push_str(&piece.text());
        } else if !text.ends_with(' ') {
            // A hidden ": " between kicker and headline must not glue their words.
            text.push(' ');
        }
    }
    text
}

fn is_code(node: &dom_query::NodeRef) -> bool {
    matches!(
        node.node_name().as_deref(),
        Some("style" | "script" | "noscript" | "template")
    )
}

/// True for a heading that holds the site's name or slogan, as blog themes print them on
/// every page: its class says so, or all its text is a link to the site's front page.
fn is_site_heading(node: &dom_query::NodeRef) -> bool {
    let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
    if [
        "site-title",
        "site-name",
        "site-description",
        "logo",
        "brand",
        "tagline",
        "tag-line",
        "slogan",
    ]
    .iter()
    .any(|word| class.contains(word))
    {
        return true;
    }
    let links: Vec<_> = node
        .descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("a"))
        .collect();
    let [link] = links.as_slice() else {
        return false;
    };
    let to_front_page = link.attr("rel").is_some_and(|r| r.contains("home"))
        || link.attr("href").is_some_and(|href| is_front_page(&href));
    to_front_page && fold(&link.text()) == fold(&node.text())
}

/// "/", "https://blog.example/", and a web archive's copy of either
/// ("https://web.archive.org/web/2008…/http://www.dimido.de/").
fn is_front_page(href: &str) -> bool {
    let href = href.trim();
    if href == "/" {
        return true;
    }
    // What follows a web archive's "/http" is "://host/…" or "s://host/…".
    let address = href
        .rsplit_once("/http")
        .map_or(href, |(_, original)| original);
    let Some((_, rest)) = address.split_once("://") else {
        return false;
    };
    rest.split_once('/').is_none_or(|(_, path)| path.is_empty())
}

/// Words in a class name that mark a heading's kicker or a label hidden from sight,
/// in the names news sites give them (German sites say "Dachzeile" and "roofline").
const KICKER_CLASS_PARTS: &[&str] = &[
    "kicker",
    "roofline",
    "dachzeile",
    "spitzmarke",
    "overline",
    "topline",
    "toptitle",
    "supertitle",
    "eyebrow",
    "topic-label",
];
const HIDDEN_CLASSES: &[&str] = &[
    "aural",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "element-invisible",
    "invisible",
    "hidden",
];

fn is_kicker(node: &dom_query::NodeRef) -> bool {
    // `<h1>Headline <small>date · section</small></h1>`: the secondary text style
    // sheets such as Bootstrap give headings.
    if node.node_name().as_deref() == Some("small") {
        return true;
    }
    node.attr("class").is_some_and(|class| {
        class.split_whitespace().any(|word| {
            let word = word.to_ascii_lowercase();
            HIDDEN_CLASSES.contains(&word.as_str())
                || KICKER_CLASS_PARTS.iter().any(|part| word.contains(part))
        })
    })
}

/// Items that hold the page's own article when nested in another item's property
/// (`<article itemprop="mainEntity" itemscope>`); any other nested item is something
/// the page cites, reviews or lists, with its own writers and dates.
const OWN_ITEM_PROPERTIES: &[&str] = &["mainentity", "mainentityofpage", "blogpost"];

/// True when a microdata property belongs to an item nested in another one (a reference
/// list's `itemprop="citation"`, a review, a related story), not to the page.
pub(super) fn in_nested_item(node: &dom_query::NodeRef) -> bool {
    if node.attr("itemprop").is_none() {
        return false;
    }
    std::iter::successors(node.parent(), |n| n.parent())
        .take(40)
        .filter(|n| n.has_attr("itemscope"))
        .filter_map(|n| n.attr("itemprop"))
        .any(|property| {
            let property = property.trim().to_lowercase();
            !OWN_ITEM_PROPERTIES.contains(&property.as_str())
                && !matches!(property.as_str(), "author" | "creator")
        })
}

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
                            "BlogPosting"
                                | "Report"
                                | "LiveBlogPosting"
                                | "SocialMediaPosting"
                                | "DiscussionForumPosting"
                                | "Recipe"
                                | "Review"
                                | "WebPage"
                                | "Blog"
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

pub(super) fn name_of(value: &Value) -> Option<String> {
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

/// A JSON-LD block; hand-written ones often break lines inside strings, which JSON
/// forbids, so a block that fails is read again with its control characters as spaces.
fn parse_ld(text: &str) -> Option<Value> {
    let text = text.trim();
    serde_json::from_str::<Value>(text).ok().or_else(|| {
        let spaced: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str::<Value>(&spaced).ok()
    })
}

/// The address a browser notes when it saves a page: `<!-- saved from url=(0042)https://… -->`.
fn saved_from(html: &str) -> Option<String> {
    let (_, rest) = crate::normalize::text::head(html, 4096).split_once("saved from url=(")?;
    let (_, after_length) = rest.split_once(')')?;
    let url = after_length.split_whitespace().next()?;
    Some(url.trim_end_matches("-->").to_string())
}

/// Section labels blog software puts between the site's name and the post's
/// ("Site » Blog Archive » Post").
const ARCHIVE_LABELS: &[&str] = &[
    "blog archive",
    "blog archiv",
    "archives",
    "archive",
    "archiv",
];

fn is_archive_label(part: &str) -> bool {
    let part = part.trim().to_lowercase();
    ARCHIVE_LABELS.contains(&part.as_str())
}

/// True when `text` names the site rather than an article: its `og:site_name`, or the
/// main label of its host name.
pub(super) fn is_site_name(text: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let text = lower_letters(text);
    if text.is_empty() {
        return false;
    }
    if let Some(site) = site {
        let site = lower_letters(site);
        // Two letters ("FT", "JF") are too few to recognise a site by.
        let enough = |s: &str| s.chars().count() >= 3;
        if enough(&site) && enough(&text) && (site.contains(&text) || text.contains(&site)) {
            return true;
        }
    }
    let label = host
        .and_then(host_label)
        .map(lower_letters)
        .unwrap_or_default();
    label.len() >= 4 && text.contains(&label) && text.len() <= label.len() * 3
}

/// The main label of a host name, the one that names the site ("ledger" in
/// "www.ledger.example").
pub(super) fn host_label(host: &str) -> Option<&str> {
    host.split('.').rev().nth(1)
}

/// What a page calls its site: the name it declares (`og:site_name` and the like), the
/// headings that print it, and the host.
struct SiteNames<'a> {
    declared: Option<&'a str>,
    headings: &'a [String],
    host: Option<&'a str>,
}

impl SiteNames<'_> {
    /// True when a title part names the site. A declared name also matches a part it
    /// holds or that holds it ("Ledger" for "The Ledger"); a heading only a part that
    /// holds all of it, since such headings are often the site's longer description
    /// ("Stiftung Offshore-Windenergie" leaves "Offshore-Windenergie – Sauberer Strom…").
    /// True when a title part is the site's declared name or its address's name, all
    /// of it and nothing more ("The Ledger", "theledger").
    fn is_exactly(&self, part: &str) -> bool {
        let part = lower_letters(part);
        !part.is_empty()
            && (self.declared.is_some_and(|d| lower_letters(d) == part)
                || self
                    .host
                    .and_then(host_label)
                    .is_some_and(|label| lower_letters(label) == part))
    }

    fn named_by(&self, part: &str) -> bool {
        is_site_name(part, self.declared, self.host)
            || self.headings.iter().any(|heading| {
                let heading = lower_letters(heading);
                heading.chars().count() >= 3 && lower_letters(part).contains(&heading)
            })
    }
}

/// A name's letters and digits in lower case: how site names are compared ("The
/// Ledger", "the-ledger", "TheLedger").
fn lower_letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Removes a site name a `<title>` carries: "Headline | Site", "Site - Headline",
/// "标题_新华网", "見出し｜サイト". End parts that name the site go first, one at a time
/// ("Headline » site.example | Site slogan"); only when none does is the shorter end
/// part taken for the site.
fn strip_site(title: &str, sites: &SiteNames) -> String {
    let mut title = title.to_string();
    let mut matched = false;
    for _ in 0..4 {
        match without_site_part(&title, sites) {
            Some(stripped) => {
                title = stripped;
                matched = true;
            }
            None => break,
        }
    }
    if matched {
        return title;
    }
    without_short_end(&title).unwrap_or(title)
}

/// Separators written with spaces around them.
const SPACED_SEPARATORS: &[&str] = &[
    " | ", " || ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " › ", " • ", " ｜ ", " _ ",
    " / ",
];

/// Separators written without spaces, as CJK titles and some others write them. They
/// also stand inside headlines ("武汉的声音：…", "Benko-Firma"), so only an end part that
/// is the site's name goes; in CJK titles also a short end after a dash or bar.
const BARE_SEPARATORS: &[&str] = &["｜", "|", "丨", "_", "－", "-", "—", "–", "：", "・", "＠"];
const BARE_END_SEPARATORS: &[&str] = &["｜", "|", "丨", "_", "－", "-"];

/// The title without the parts that name the site, when one does.
fn without_site_part(title: &str, sites: &SiteNames) -> Option<String> {
    for sep in SPACED_SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        // "Headline — Site — Breaking news, sport and weather": what follows the site's
        // name after the headline is the site's slogan.
        let end = parts
            .iter()
            .position(|p| sites.named_by(p))
            .filter(|&at| at > 0)
            .unwrap_or(parts.len());
        let kept: Vec<&str> = parts
            .iter()
            .take(end)
            .copied()
            .filter(|p| !sites.named_by(p) && !is_archive_label(p))
            .collect();
        if parts.len() > 1 && !kept.is_empty() && kept.len() < parts.len() {
            // "Site » Blog Archive » Headline": the section goes with the site.
            return Some(shorter_end_dropped(&kept, sep).unwrap_or_else(|| kept.join(sep)));
        }
    }
    // "The Ledger: Judge blocks order": the site's name before a colon. A colon also
    // follows a headline's kicker ("Energiekrise: …"), so only the site's name goes.
    if let Some((first, rest)) = title.split_once(": ")
        && sites.is_exactly(first)
        && !rest.trim().is_empty()
    {
        return Some(rest.trim().to_string());
    }
    // "Truckwash A31Das etwas andere Branchenbuch": the site's name printed as a heading
    // glued to the end of the headline by a theme's title template.
    for heading in sites.headings {
        if let Some(head) = title.strip_suffix(heading.as_str())
            && heading.chars().count() >= 10
            && head.ends_with(|c: char| c.is_alphanumeric() || c.is_ascii_punctuation())
            && head.chars().any(char::is_alphabetic)
        {
            return Some(head.trim().to_string());
        }
    }
    // Without spaces, a part that holds more than the site's name is the headline's.
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    let longest = sites
        .headings
        .iter()
        .map(|s| letters(s))
        .chain(sites.declared.map(letters))
        .chain(sites.host.map(letters))
        .max()
        .unwrap_or(0);
    let just_site = |part: &str| sites.named_by(part) && letters(part) <= longest;
    for sep in BARE_SEPARATORS {
        // In Latin script a hyphen or underscore without spaces joins words
        // ("GdP-Vize", "rete-mirabile.net"); only CJK titles run the site on with one.
        if matches!(*sep, "-" | "_") && !title.chars().any(is_cjk) {
            continue;
        }
        if let Some((head, last)) = title.rsplit_once(sep)
            && !head.trim().is_empty()
            && just_site(last)
        {
            return Some(head.trim().to_string());
        }
        if let Some((first, rest)) = title.split_once(sep)
            && !rest.trim().is_empty()
            && just_site(first)
        {
            return Some(rest.trim().to_string());
        }
    }
    None
}

/// The title without a short end part, when nothing names the site.
fn without_short_end(title: &str) -> Option<String> {
    for sep in SPACED_SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        if let Some(stripped) = shorter_end_dropped(&parts, sep) {
            return Some(stripped);
        }
    }
    let chars = |s: &str| s.chars().count();
    BARE_END_SEPARATORS.iter().find_map(|sep| {
        let (head, last) = title.rsplit_once(sep)?;
        let last = last.trim();
        (head.chars().any(is_cjk) && chars(last) <= 8 && chars(head) >= 3 * chars(last))
            .then(|| head.trim().to_string())
    })
}

/// Without a site name to match, the site (or section) is the shorter end part.
fn shorter_end_dropped(parts: &[&str], sep: &str) -> Option<String> {
    if parts.len() < 2 {
        return None;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    let words = |s: &str| s.split_whitespace().count();
    if words(last) <= 4 && words(first) > words(last) {
        return Some(parts[..parts.len() - 1].join(sep));
    }
    if words(first) <= 3 && words(last) > words(first) + 2 {
        return Some(parts[1..].join(sep));
    }
    None
}

/// Decodes the entities a title can carry when a page escaped it twice ("&amp;#8211;").
pub(super) fn decode_entities(text: &str) -> String {
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
        "szlig" => 'ß',
        _ if accented(name).is_some() => accented(name)?,
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

/// The letter a Latin-1 accent entity names ("oacute" → 'ó', "Uuml" → 'Ü'): its base
/// letter with the combining mark, composed.
fn accented(name: &str) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    const MARKS: &[(&str, char)] = &[
        ("acute", '\u{301}'),
        ("grave", '\u{300}'),
        ("circ", '\u{302}'),
        ("tilde", '\u{303}'),
        ("uml", '\u{308}'),
        ("ring", '\u{30a}'),
        ("cedil", '\u{327}'),
    ];
    let mut chars = name.chars();
    let base = chars.next().filter(char::is_ascii_alphabetic)?;
    let mark = MARKS.iter().find(|(m, _)| chars.as_str() == *m)?.1;
    let mut composed = [base, mark].into_iter().nfc();
    let letter = composed.next()?;
    composed.next().is_none().then_some(letter)
}

pub(super) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_text_keeps_blocks_apart_and_inline_runs_together() {
        let deep = format!(
            "<a>{}Ann Lee{}</a>",
            "<div>".repeat(1500),
            "</div>".repeat(1500)
        );
        let cases = [
            (
                "<a><div>ABOUT</div><div>Tobias Baum</div></a>",
                "ABOUT Tobias Baum",
            ),
            ("<a>Jo<b>hn</b> Roe</a>", "John Roe"),
            ("<a>Ann<br>Lee</a>", "Ann Lee"),
            (
                "<a><p>Ann</p><p>Lee</p><script>var x = 1;</script></a>",
                "Ann Lee",
            ),
            ("<a><span>Ann</span><span> Lee</span></a>", "Ann Lee"),
            (
                "<a><span class=\"name\">Ann Lee</span><span class=\"role\">Reporter</span></a>",
                "Ann Lee Reporter",
            ),
            (deep.as_str(), "Ann Lee"),
        ];
        for (html, expected) in cases {
            let document = Document::from(format!("<html><body>{html}</body></html>"));
            let link = document.select("a");
            let node = link.nodes().first().expect("a link");
            assert_eq!(collapse(&screen_text(node)), expected, "{html}");
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
            (
                "The Ledger: Judge blocks order",
                Some("The Ledger"),
                "Judge blocks order",
            ),
            (
                "Ledger Report: Judge blocks order",
                Some("The Ledger"),
                "Ledger Report: Judge blocks order",
            ),
            (
                "Judge blocks order « The Ledger",
                Some("The Ledger"),
                "Judge blocks order",
            ),
            (
                "Judge blocks order — The Ledger — Breaking news, sport and weather",
                Some("The Ledger"),
                "Judge blocks order",
            ),
        ];
        for (title, site, expected) in cases {
            let sites = SiteNames {
                declared: site,
                headings: &[],
                host: None,
            };
            assert_eq!(strip_site(title, &sites), expected, "{title}");
        }
        assert_eq!(
            strip_site(
                "Gregory Szorc's Digital Home | Notes on Python 3",
                &SiteNames {
                    declared: None,
                    headings: &[],
                    host: Some("gregoryszorc.com"),
                }
            ),
            "Notes on Python 3"
        );
        assert_eq!(decode_entities("A &#8211; B &amp;&#x41;"), "A – B &A");
        assert_eq!(
            decode_entities("Redacci&oacute;n &Uuml;ber"),
            "Redacción Über"
        );
    }

    #[test]
    fn site_names_go_in_every_separator_style() {
        let cases = [
            (
                "港口扩建工程启动：市民关注交通-东海日报",
                Some("东海日报"),
                "港口扩建工程启动：市民关注交通",
            ),
            (
                "港口扩建工程启动_东海日报",
                Some("东海日报"),
                "港口扩建工程启动",
            ),
            (
                "港口の拡張工事が始まる｜東海新聞",
                Some("東海新聞"),
                "港口の拡張工事が始まる",
            ),
            (
                "港口の拡張工事：市民の声・東海新聞",
                Some("東海新聞"),
                "港口の拡張工事：市民の声",
            ),
            (
                "港口の拡張工事が始まる＠東海新聞",
                Some("東海新聞"),
                "港口の拡張工事が始まる",
            ),
            (
                "항구 확장 공사 시작－동해일보",
                Some("동해일보"),
                "항구 확장 공사 시작",
            ),
            // No site name to match: a short end after a dash in a CJK title is the site's.
            (
                "港口扩建工程今日正式启动-东海网",
                None,
                "港口扩建工程今日正式启动",
            ),
            // Dashes and colons inside a headline stay.
            (
                "Benko-Firma Signa in Sorge",
                Some("Börsenwelt"),
                "Benko-Firma Signa in Sorge",
            ),
            (
                "Hafen: Bau beginnt",
                Some("Hafenblatt"),
                "Hafen: Bau beginnt",
            ),
            // A hyphen that joins words is not a separator, even beside the site's name.
            (
                "HfB-Vize Krämer: Mangelnde Wertschätzung",
                Some("HfB"),
                "HfB-Vize Krämer: Mangelnde Wertschätzung",
            ),
            (
                "20 Jahre hafen-blatt.example",
                Some("blatt.example"),
                "20 Jahre hafen-blatt.example",
            ),
            // Blog software's archive label goes with the site's name.
            (
                "Hafenblatt » Blog Archiv » Kräne im Nebel",
                Some("Hafenblatt"),
                "Kräne im Nebel",
            ),
            // Several site parts, one after another.
            (
                "Harbour works begin » ledger.example | Ledger daily",
                Some("ledger.example | Ledger daily"),
                "Harbour works begin",
            ),
        ];
        for (title, site, expected) in cases {
            let sites = SiteNames {
                declared: site,
                headings: &[],
                host: None,
            };
            assert_eq!(strip_site(title, &sites), expected, "{title}");
        }
    }
}
