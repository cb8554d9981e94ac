//! The article's text: page furniture removed, Readability's choice of the main block,
//! debris lines dropped, and fallbacks for pages on which that finds nothing.

use super::markup::{Markup, fold};
use crate::normalize::junk::is_junk;
use crate::normalize::text::collapse_spaces as collapse;
use dom_query::{Document, Selection};
use dom_smoothie::{Config, Readability, TextMode};

/// Elements that never hold the article, removed before extraction.
const FURNITURE: &str = "nav, footer, aside, form, button, noscript, iframe, svg, \
    [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
    [aria-hidden=true], .advert, .advertisement, .ad, .ads, .share, .social, .related, \
    .newsletter, .cookie, #cookie-banner, .comments, #comments";

/// The article's paragraphs: Readability's choice of the main block, split into lines
/// and cleared of the debris lines every saved page carries.
pub(super) fn main_text(document: Document, title: Option<&str>) -> Vec<String> {
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
pub(super) fn fallback_text(html: &str, markup: &Markup, title: Option<&str>) -> Vec<String> {
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
