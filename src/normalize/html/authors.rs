//! Who wrote a page, in a cascade with provenance as for dates: JSON-LD `author`
//! (people, strings, lists, and `@id` references into the `@graph`), author meta tags,
//! microdata and `rel=author` links, then the text of elements whose class or id says
//! byline or author. Every candidate goes through the byline reader.

use super::markup::{
    Markup, ancestors, class_names_one_of, decode_entities, host_label, in_nested_item,
    is_site_name, name_of, screen_text,
};
use crate::clipping::AuthorsSource;
use crate::clipping::folded_key;
use crate::normalize::byline::MAX_BYLINE_CHARS;
use crate::normalize::text::collapse_spaces as collapse;
use crate::normalize::{byline, persons};
use dom_query::Document;
use serde_json::Value;
use std::collections::HashMap;

/// Meta names that hold a writer's name, most specific first.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
];

/// Meta names under which a page names itself or its publisher.
const SITE_META: &[&str] = &[
    "og:site_name",
    "application-name",
    "twitter:site",
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
    "citation_publisher",
];

/// Elements marked up as the writer's name.
const AUTHOR_MARKUP: &str = "[itemprop=author], [rel=author], .author .fn, .vcard .fn, \
    .author-name, .byline-name, a[href*='/author/'], a[href*='/autor/'], a[href*='/auteur/']";

/// Elements whose class, id or test id names a byline or author box.
const BYLINE_BOXES: &str = "[class*=byline], [id*=byline], [data-testid*=byline], \
    [class*=author], [id*=author], [class*=autor], [class*=verfasser]";

/// Where comments and their writers' names live: never the article's byline.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "respond",
    "reply",
    "replies",
    "discussion",
];
/// Elements after the headline looked at for a byline line ("11.12.2019 - Ann Lee").
const NEAR_HEADLINE: usize = 3;

/// What the markup says about the page's writers, gathered before extraction.
#[derive(Debug, Default)]
pub(super) struct AuthorMarks {
    /// Texts of elements marked up as the writer's name.
    structured: Vec<String>,
    /// Texts of byline and author boxes.
    boxes: Vec<String>,
    /// Short lines right after the headline.
    near_headline: Vec<String>,
    /// Lines led by a label anywhere on the page ("Autor: …", "Von …", "Written by …").
    labelled: Vec<String>,
    /// Every JSON-LD object with an `@id`, by it.
    by_id: HashMap<String, Value>,
    /// Short texts that credit the page to someone ("© 2019 Ann Lee", "2006-2008 by
    /// Ann Lee").
    credits: Vec<String>,
}

impl AuthorMarks {
    pub(super) fn read(document: &Document, ld_roots: &[Value]) -> AuthorMarks {
        let mut marks = AuthorMarks::default();
        for root in ld_roots {
            index_ids(root, &mut marks.by_id, 0);
        }
        for node in document.select(AUTHOR_MARKUP).nodes() {
            if in_comments(node) || in_nested_item(node) {
                continue;
            }
            let text = node
                .attr("content")
                .map(|c| c.to_string())
                .unwrap_or_else(|| collapse(&screen_text(node)));
            if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                marks.structured.push(text);
            }
        }
        for node in document.select(BYLINE_BOXES).nodes() {
            let text = collapse(&screen_text(node));
            if !in_comments(node) && !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                marks.boxes.push(text);
            }
        }
        if let Some(h1) = document.select("h1").nodes().first() {
            let mut next = h1.next_element_sibling();
            for _ in 0..NEAR_HEADLINE {
                let Some(node) = next else { break };
                let text = collapse(&screen_text(&node));
                // "© Jonas Berg" under the headline credits the picture there.
                let credit = text.contains('©');
                if !credit && !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                    marks.near_headline.push(text);
                }
                next = node.next_element_sibling();
            }
        }
        marks.labelled = labelled_lines(document);
        marks.credits = credit_lines(document);
        marks
    }
}

/// Credit lines looked at: a page credits itself once or twice, in its footer.
const MAX_CREDITS: usize = 8;

/// Short texts that hold a copyright sign or word, or a year followed by "by", outside
/// scripts and comments.
fn credit_lines(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let root = document.root();
    for (piece, parent) in page_texts(&root) {
        let text = piece.text();
        if !(text.contains('©') || text.contains("opyright") || text.contains(" by ")) {
            continue;
        }
        if in_comments(&parent) || credits_a_picture(&parent) {
            continue;
        }
        // The holder may sit in a link or bold type beside the sign ("© 2019 <a>Ann
        // Lee</a>"): then the parent's text holds it.
        let own = collapse(&text);
        let whole = collapse(&parent.text());
        let line = if credit_holder(&own).is_some() {
            own
        } else if whole.chars().count() <= 200 && credit_holder(&whole).is_some() {
            whole
        } else {
            continue;
        };
        out.push(line);
        if out.len() >= MAX_CREDITS {
            break;
        }
    }
    out
}

/// Words in class names of the elements around a picture, whose credit names its
/// photographer, not the writer.
const PICTURE_WORDS: &[&str] = &[
    "image", "img", "gallery", "photo", "foto", "bild", "picture", "caption", "figure", "media",
];

/// Words before a copyright sign that make it a picture's credit.
const PICTURE_CREDITS: &[&str] = &[
    "bild",
    "foto",
    "photo",
    "image",
    "picture",
    "illustration",
    "grafik",
    "fotografía",
    "immagine",
    "credit",
];

/// True inside a figure or an element whose class speaks of pictures.
fn credits_a_picture(node: &dom_query::NodeRef) -> bool {
    ancestors(node, 6).any(|n| {
        matches!(n.node_name().as_deref(), Some("figure" | "figcaption"))
            || n.attr("class").is_some_and(|class| {
                let class = class.to_lowercase();
                PICTURE_WORDS.iter().any(|w| class.contains(w))
            })
    })
}

/// Where a credit's holder is cut off: the rights it reserves, a list of other parts.
const CREDIT_ENDS: &[&str] = &[
    "all rights",
    "alle rechte",
    "tous droits",
    "todos los derechos",
    "tutti i diritti",
    " | ",
    " · ",
    " • ",
    " - ",
    " – ",
    " — ",
    ",",
    ";",
    "(",
    "/",
];

/// The holder a credit line names: "© 2019 Sven Schreivogel" → "Sven Schreivogel",
/// "(Creative Commons) 2006-2008 by Martin Weber" → "Martin Weber". Not read for a
/// person or an organisation here; the caller decides.
fn credit_holder(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    // Byte positions in `lower` match `line` only when lower-casing kept every length.
    if lower.len() != line.len() {
        return None;
    }
    let after_sign = ["©", "(c)", "copyright"]
        .iter()
        .filter_map(|sign| lower.find(sign).map(|at| at + sign.len()))
        .min()
        .or_else(|| year_then_by(&lower))?;
    // "Bild 4: © Ann Lee", "Photo © Ann Lee": a picture's credit.
    let before = lower.get(..after_sign)?;
    if PICTURE_CREDITS.iter().any(|w| before.contains(w)) {
        return None;
    }
    // Signs, years and ranges, and "by" before the holder: "Copyright (c) 2012- Ann".
    let mut rest = line.get(after_sign..)?;
    loop {
        rest = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '©' | '-' | '–' | '.' | ':')
        });
        match ["(c)", "(C)", "copyright", "Copyright"]
            .iter()
            .find_map(|sign| rest.strip_prefix(sign))
        {
            Some(after) => rest = after,
            None => break,
        }
    }
    let rest = ["by ", "By ", "von ", "par "]
        .iter()
        .find_map(|by| rest.strip_prefix(by))
        .unwrap_or(rest);
    let rest_lower = rest.to_lowercase();
    let end = CREDIT_ENDS
        .iter()
        .filter_map(|stop| rest_lower.find(stop))
        .min()
        .unwrap_or(rest.len());
    let holder = rest.get(..end)?.trim().trim_end_matches('.');
    (!holder.is_empty()).then_some(holder)
}

/// Just past a "by" that follows a year or a range of years ("2006-2008 by"), the way
/// licence credits name their holder without a copyright sign.
fn year_then_by(lower: &str) -> Option<usize> {
    let at = lower.find(" by ")?;
    let before = lower.get(..at)?;
    let last = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let year = last.rsplit(['-', '–']).next().unwrap_or_default();
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then_some(at)
}

/// Labels that stand alone before the name they introduce, in an element of their own
/// or before a link ("<h4>Autor</h4><p>Ann Lee</p>", "von <a>Ann Lee</a>"), besides the
/// [`AUTHOR_LABELS`].
const LONE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "verfasst von",
    "written by",
    "geschrieben von",
    "text",
];
/// Lines looked at for labels: a page names its writer once or twice.
const MAX_LABELLED: usize = 8;

/// The text nodes of a page that a reader sees, each with its element: not in scripts,
/// style sheets, the `<title>` or a list's options.
fn page_texts<'a>(
    root: &'a dom_query::NodeRef<'a>,
) -> impl Iterator<Item = (dom_query::NodeRef<'a>, dom_query::NodeRef<'a>)> + 'a {
    root.descendants_it()
        .filter(|node| node.is_text())
        .filter_map(|node| Some((node, node.parent()?)))
        .filter(|(_, parent)| {
            !matches!(
                parent.node_name().as_deref(),
                Some("script" | "style" | "title" | "option")
            )
        })
}

/// Short lines that a byline label leads, in page order, outside comments and scripts.
fn labelled_lines(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let root = document.root();
    for (node, parent) in page_texts(&root) {
        if out.len() >= MAX_LABELLED {
            break;
        }
        let own = collapse(&node.text());
        let own = own.trim_start_matches(|c: char| !c.is_alphanumeric());
        if own.is_empty() || own.chars().count() > MAX_BYLINE_CHARS {
            continue;
        }
        let lowered = own.trim_end_matches([':', ' ']).to_lowercase();
        let alone =
            LONE_LABELS.contains(&lowered.as_str()) || AUTHOR_LABELS.contains(&lowered.as_str());
        let unlabelled_names = after_author_label(own);
        let led =
            alone || unlabelled_names.is_some() || (byline::opens_byline(own) && own.contains(' '));
        if !led || in_comments(&parent) {
            continue;
        }
        let line = if let Some(names) = unlabelled_names {
            format!("Autor: {names}")
        } else if alone {
            let mut following = text_after(&node);
            if following.is_empty() {
                following = text_after(&parent);
            }
            format!("{}: {following}", own.trim_end_matches([':', ' ']))
        } else {
            format!("{own} {}", text_after(&node))
        };
        out.push(collapse(&line));
    }
    out
}

/// Words that name the writers when they stand alone before the names, or open a short
/// line with or without a colon.
const AUTHOR_LABELS: &[&str] = &[
    "author",
    "authors",
    "autor",
    "autorin",
    "autoren",
    "auteur",
    "auteurs",
    "autrice",
    "autore",
    "autori",
    "verfasser",
    "verfasserin",
];

/// The names after an author label opening a short line without a colon ("Autoren
/// Jelko Djuren und Jutta Klaukien"): the label, then a capitalised word, and no more
/// than a byline's words.
fn after_author_label(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(' ')?;
    let rest = rest.trim();
    let capitalised = rest.chars().next().is_some_and(char::is_uppercase);
    (AUTHOR_LABELS.contains(&label.to_lowercase().as_str())
        && capitalised
        && rest.split_whitespace().count() <= 8)
        .then_some(rest)
}

/// The text of the nodes after `node` within its parent, up to the end of the line: a
/// line break, or the first block element taken whole.
fn text_after(node: &dom_query::NodeRef) -> String {
    let mut text = String::new();
    let mut next = node.next_sibling();
    while let Some(sibling) = next {
        let name = sibling.node_name();
        let name = name.as_deref().unwrap_or_default();
        if matches!(name, "br" | "hr") {
            if text.trim().is_empty() {
                next = sibling.next_sibling();
                continue;
            }
            break;
        }
        text.push(' ');
        text.push_str(&sibling.text());
        let block = matches!(name, "p" | "div" | "li" | "h2" | "h3" | "h4" | "h5" | "h6");
        if block || text.chars().count() > MAX_BYLINE_CHARS {
            break;
        }
        next = sibling.next_sibling();
    }
    collapse(&text)
}

/// Collects every object with an `@id`, looking into lists and nested objects.
fn index_ids(value: &Value, out: &mut HashMap<String, Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| index_ids(v, out, depth + 1)),
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("@id")
                && map.len() > 1
            {
                out.entry(id.clone()).or_insert_with(|| value.clone());
            }
            map.values().for_each(|v| index_ids(v, out, depth + 1));
        }
        _ => {}
    }
}

impl Markup {
    /// The writers and where they were found: structured data and markup are metadata,
    /// bylines in the page's text are text. The site itself is a writer only when
    /// nothing else is named (a personal blog, an organisation's own page); an
    /// organisation in JSON-LD only when no person is named anywhere.
    pub(super) fn authors(&self, host: Option<&str>) -> (Vec<String>, Option<AuthorsSource>) {
        // Every name the page gives itself: its name, a handle ("@NatGeoUK") or a
        // publisher tag may stand where a writer's name goes.
        let mut sites: Vec<String> = self
            .meta_values(SITE_META)
            .map(|s| s.trim_start_matches('@').to_string())
            .collect();
        sites.extend(
            self.ld
                .iter()
                .filter_map(|o| o.get("publisher"))
                .filter_map(name_of),
        );
        let is_site = |name: &str| {
            is_site_name(name, None, host)
                || sites.iter().any(|s| is_site_name(name, Some(s), None))
        };
        let cascade = self.author_cascade();
        let not_site = |names: &Vec<String>| -> Vec<String> {
            names.iter().filter(|n| !is_site(n)).cloned().collect()
        };
        let chosen = cascade
            .iter()
            .map(|(names, source)| (not_site(names), *source))
            .find(|(names, _)| !names.is_empty())
            .or_else(|| cascade.iter().find(|(n, _)| !n.is_empty()).cloned());
        if let Some((names, source)) = chosen {
            // A first name or handle alone ("Nils", "gabor_munier") gives way to the full
            // name stated elsewhere on the page.
            let fuller: Vec<String> = cascade.into_iter().flat_map(|(n, _)| n).collect();
            return (complete(names, &fuller), Some(source));
        }
        if let Some(owner) = self.owner_named_by_host(host) {
            return (vec![owner], Some(AuthorsSource::Metadata));
        }
        if let Some(holder) = self.credited_person(&is_site) {
            return (vec![holder], Some(AuthorsSource::Text));
        }
        let mut organisations = Vec::new();
        for object in &self.ld {
            if let Some(author) = object.get("author").or_else(|| object.get("creator")) {
                self.ld_names(author, &mut Vec::new(), &mut organisations, 0);
            }
        }
        let organisations = all_names(&organisations, true);
        let source = (!organisations.is_empty()).then_some(AuthorsSource::Metadata);
        (organisations, source)
    }

    /// The person a personal site is named after, when its title or site name spells
    /// the address ("… | Wolfgang Michal" on wolfgangmichal.de, "Gregory Szorc's
    /// Digital Home" on gregoryszorc.com): the site's writer, when no other is named.
    fn owner_named_by_host(&self, host: Option<&str>) -> Option<String> {
        let label = letters(host_label(host?)?);
        if label.chars().count() < 6 {
            return None;
        }
        let mut names: Vec<String> = self.site_name().into_iter().collect();
        if let Some(title) = &self.title_tag {
            names.extend(
                title
                    .split(['|', '-', '–', '—', '»', '·', ':'])
                    .map(str::to_string),
            );
        }
        names.iter().find_map(|part| {
            let part = collapse(part);
            // "Gregory Szorc's Digital Home": the owner is who the possessive names.
            let owner = part
                .split_once(['\'', '’'])
                .map_or(part.as_str(), |(before, _)| before);
            let name = byline::clean_name(owner.trim(), false)?;
            // "Royal Road" on royalroad.com is a site: a person's name opens with a
            // given name.
            let given = name.split(' ').next().unwrap_or_default().to_lowercase();
            let person = persons::model().is_some_and(|m| m.is_first_name(&given));
            (person && name.contains(' ') && letters(&name) == label).then_some(name)
        })
    }

    /// The person a credit line names ("© 2019 Sven Schreivogel"), when nothing else
    /// names a writer: a name of two or three capitalised words that opens with a given
    /// name the tagger knows, so that the companies most credits name are left out.
    fn credited_person(&self, is_site: &dyn Fn(&str) -> bool) -> Option<String> {
        let model = persons::model()?;
        self.authors.credits.iter().find_map(|line| {
            let name = byline::clean_name(credit_holder(line)?, false)?;
            let words: Vec<&str> = name.split(' ').collect();
            let person_shaped = (2..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !words.iter().any(|w| byline::is_company_word(w))
                && !name.chars().any(|c| c.is_ascii_digit())
                && model.is_first_name(&words[0].to_lowercase());
            (person_shaped && !is_site(&name)).then_some(name)
        })
    }

    /// Every place a page names its writers, most trustworthy first.
    fn author_cascade(&self) -> Vec<(Vec<String>, AuthorsSource)> {
        let mut stated = Vec::new();
        for object in &self.ld {
            if let Some(author) = object.get("author").or_else(|| object.get("creator")) {
                self.ld_names(author, &mut stated, &mut Vec::new(), 0);
            }
        }
        stated.extend(
            self.meta_values(AUTHOR_META)
                .filter(|v| !v.starts_with("http"))
                .map(|v| v.trim_start_matches('@').to_string()),
        );
        let marks = &self.authors;
        let opened: Vec<String> = marks
            .near_headline
            .iter()
            .filter(|line| byline::opens_byline(line))
            .cloned()
            .collect();
        vec![
            (all_names(&stated, true), AuthorsSource::Metadata),
            (all_names(&self.written_by(), true), AuthorsSource::Metadata),
            (first_names(&opened, true), AuthorsSource::Text),
            (
                first_names(&marks.structured, true),
                AuthorsSource::Metadata,
            ),
            (box_names(&marks.boxes), AuthorsSource::Text),
            (first_names(&marks.labelled, false), AuthorsSource::Text),
            (unlabelled_names(&marks.near_headline), AuthorsSource::Text),
        ]
    }

    /// The reading-time cards sharing tools write: `twitter:label1` "Written by" (in the
    /// page's language) beside `twitter:data1` holding the name.
    fn written_by(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, label) in &self.meta {
            let Some(number) = name.strip_prefix("twitter:label") else {
                continue;
            };
            let label = label.to_lowercase();
            let says_writer = label.contains("author")
                || label.contains("autor")
                || label.contains("verfasst")
                || label.split_whitespace().last().is_some_and(|w| {
                    matches!(
                        w,
                        "by" | "von" | "par" | "por" | "da" | "di" | "door" | "av" | "af"
                    )
                });
            if says_writer {
                let data = format!("twitter:data{number}");
                out.extend(self.meta_values(&[data.as_str()]).map(str::to_string));
            }
        }
        out
    }

    /// Names in a JSON-LD `author` value: strings and people into `people`,
    /// organisations into `organisations`, through lists and references to `@graph`
    /// objects.
    fn ld_names(
        &self,
        value: &Value,
        people: &mut Vec<String>,
        organisations: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > 4 {
            return;
        }
        match value {
            Value::String(s) if !s.starts_with("http") => people.push(s.clone()),
            Value::Array(items) => items
                .iter()
                .for_each(|v| self.ld_names(v, people, organisations, depth + 1)),
            Value::Object(map) => {
                let organisation = map
                    .get("@type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.contains("Organization"));
                match map.get("name").and_then(Value::as_str) {
                    Some(name) if organisation => organisations.push(name.to_string()),
                    Some(name) => {
                        let description = map.get("description").and_then(Value::as_str);
                        let fuller = description.and_then(|d| name_opening(name, d));
                        people.push(fuller.unwrap_or_else(|| name.to_string()));
                    }
                    None => {
                        let referenced = map
                            .get("@id")
                            .and_then(Value::as_str)
                            .and_then(|id| self.authors.by_id.get(id));
                        if let Some(object) = referenced {
                            self.ld_names(object, people, organisations, depth + 1);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Words after a given name that a biography may add to it ("Nils Pickert ist freier
/// Autor" for a person named "Nils").
const MAX_SURNAME_WORDS: usize = 2;

/// The full name a person's biography opens with, when the stated name is one word
/// (blog software states the writer's display name, often a first name, beside the
/// biography the writer wrote).
fn name_opening(name: &str, description: &str) -> Option<String> {
    let name = name.trim();
    if name.contains(' ') || name.is_empty() {
        return None;
    }
    let mut words = description.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case(name) {
        return None;
    }
    let surname: Vec<&str> = words
        .take(MAX_SURNAME_WORDS)
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .collect();
    if surname.is_empty() {
        return None;
    }
    let full = format!("{name} {}", surname.join(" "));
    byline::clean_name(&full, false)
}

/// Every name the candidates hold (the writers structured data lists).
fn all_names(candidates: &[String], loose: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for candidate in candidates {
        for name in byline::parse(&decode_entities(candidate), loose).authors {
            if !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
    }
    out
}

/// The names of the first candidate that names anyone: a page's byline comes before
/// the other names its markup carries (related articles, reviewers, references).
fn first_names(candidates: &[String], loose: bool) -> Vec<String> {
    first_names_kept(candidates, loose, |_, _| true)
}

/// [`first_names`], keeping only the names `keep` accepts (given the candidate's text).
fn first_names_kept(
    candidates: &[String],
    loose: bool,
    keep: impl Fn(&str, &str) -> bool,
) -> Vec<String> {
    candidates
        .iter()
        // "Zur Erinnerung:": a line that ends in a colon introduces something.
        .filter(|candidate| !candidate.trim_end().ends_with(':'))
        .map(|candidate| {
            let text = decode_entities(candidate);
            let mut names = byline::parse(&text, loose).authors;
            names.retain(|name| keep(&text, name));
            names
        })
        .find(|authors| !authors.is_empty())
        .unwrap_or_default()
}

/// The names of the first line near the headline that names a person without a byline's
/// opening word. Such lines are as often menus, kickers and captions ("Inhalt Aktuelles
/// Sicherheit", "Cricket World Cup"), whose capitalised words read like names: a name
/// counts when it opens with a known given name or the line dates the story
/// ("25.10.2022 - Reiner Nagel").
fn unlabelled_names(lines: &[String]) -> Vec<String> {
    first_names_kept(lines, false, |line, name| {
        byline::has_date_piece(line) || byline::opens_with_given_name(name)
    })
}

/// The names of the first author box that names anyone; a box that opens like a byline
/// ("von Ulrike", "by gizzmo") may name a first name or a handle.
fn box_names(boxes: &[String]) -> Vec<String> {
    boxes
        .iter()
        .map(|text| {
            let text = decode_entities(text);
            byline::parse(&text, byline::opens_byline(&text)).authors
        })
        .find(|authors| !authors.is_empty())
        .unwrap_or_default()
}

/// The letters and digits of `s`, folded, for comparing names with addresses.
fn letters(s: &str) -> String {
    folded_key(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// One-word names replaced by a longer name that starts with them ("Nils" → "Nils
/// Pickert") or spells the same letters ("gabor_munier" → "Gàbor Muniér"), when one is
/// known.
fn complete(names: Vec<String>, known: &[String]) -> Vec<String> {
    // "Nils" completed may repeat a "Nils Pickert" named beside it.
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .map(|name| {
            if name.contains(' ') {
                return name;
            }
            let prefix = format!("{} ", name.to_lowercase());
            let handle = letters(&name);
            known
                .iter()
                .find(|k| {
                    k.contains(' ')
                        && (k.to_lowercase().starts_with(&prefix)
                            || (handle.len() >= 6 && letters(k) == handle))
                })
                .cloned()
                .unwrap_or(name)
        })
        .filter(|name| seen.insert(name.to_lowercase()))
        .collect()
}

/// True when `node` sits in a comments section.
pub(super) fn in_comments(node: &dom_query::NodeRef) -> bool {
    ancestors(node, 12).any(|n| is_comments(&n))
}

/// True when `node`'s class or id names a comments section ("comment-list",
/// "respond"), word by word, so that "commentary" is not one.
pub(super) fn is_comments(node: &dom_query::NodeRef) -> bool {
    // Themes mark the whole page or post "comments-open".
    if matches!(
        node.node_name().as_deref(),
        Some("html" | "body" | "article" | "main")
    ) {
        return false;
    }
    class_names_one_of(node, COMMENT_WORDS)
}

#[cfg(test)]
mod tests {
    use super::super::read_page;
    use super::credit_holder;
    use crate::clipping::AuthorsSource;
    use chrono::NaiveDate;

    fn authors(html: &str) -> (Vec<String>, Option<AuthorsSource>) {
        let page = read_page(html, None, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        (page.stated.authors, page.stated.authors_source)
    }

    fn page(head: &str, body: &str) -> String {
        format!(
            "<html><head>{head}</head><body>{body}<p>The council met on Monday.</p></body></html>"
        )
    }

    #[test]
    fn writers_are_found_wherever_pages_state_them() {
        use AuthorsSource::{Metadata, Text};
        let cases: Vec<(String, &[&str], AuthorsSource)> = vec![
            // JSON-LD people, a list with an `@id` reference into the graph.
            (
                page(
                    r#"<script type="application/ld+json">{"@graph":[
                {"@type":"NewsArticle","author":[{"@id":"p1"},{"@type":"Person","name":"Zoë Brandt"}]},
                {"@type":"Person","@id":"p1","name":"Tomás Ibarra"}]}</script>"#,
                    "",
                ),
                &["Tomás Ibarra", "Zoë Brandt"],
                Metadata,
            ),
            // A hand-written block with a line break inside a string.
            (
                page(
                    "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"description\":\"Two\nlines\",\"author\":{\"@type\":\"Person\",\"name\":\"Ilse Vogt\"}}</script>",
                    "",
                ),
                &["Ilse Vogt"],
                Metadata,
            ),
            // Meta tags, split into people, the agency dropped.
            (
                page(
                    r#"<meta name="author" content="Ann Lee, Bo Chen &amp; Cy Dunn | Reuters">"#,
                    "",
                ),
                &["Ann Lee", "Bo Chen", "Cy Dunn"],
                Metadata,
            ),
            (
                page(
                    r#"<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karla Hesse">"#,
                    "",
                ),
                &["Karla Hesse"],
                Metadata,
            ),
            // A byline box with the date run on; the headline's own byline line beats
            // writers' names in a sidebar of other stories.
            (
                page(
                    "",
                    r#"<h1>Hafen wird erweitert</h1><p class="byline__author">VON <a>MORITZ HALLER</a> am 21. April 2020</p>"#,
                ),
                &["MORITZ HALLER"],
                Text,
            ),
            (
                page(
                    "",
                    r#"<aside><a rel="author" href="/a/x">Pia Sander</a></aside><h1>Harbour grows</h1><div>By Emil Dorn 8 January 2020, 3:51 pm</div>"#,
                ),
                &["Emil Dorn"],
                Text,
            ),
            // A label in its own element, then the name.
            (
                page(
                    "",
                    r#"<h1>Hafen</h1><p>Text.</p><h4>Autor</h4><p><a href="/p/1">Nikola Hruby</a>, </p>"#,
                ),
                &["Nikola Hruby"],
                Text,
            ),
            (
                page(
                    "",
                    r#"<h1>Hafen</h1><p><strong>Autorin: Uta Berger, Projektleiterin in Tunis.</strong></p>"#,
                ),
                &["Uta Berger"],
                Text,
            ),
            // A one-word name opened like a byline in an author box, completed from the
            // full name elsewhere; a handle completed from the name it spells.
            (
                page(
                    r#"<meta name="author" content="gabor_munier">"#,
                    r#"<div class="author">Autor: Gàbor Muniér</div>"#,
                ),
                &["Gàbor Muniér"],
                Metadata,
            ),
            (
                page("", r#"<div class="field-author">von <a>Ulrike</a></div>"#),
                &["Ulrike"],
                Text,
            ),
            // Given and family name in blocks of their own: read apart, as on screen.
            (
                page(
                    "",
                    r#"<aside><a href="/author/lm"><div class="first">Lena</div><div class="last">Marx</div></a></aside><h1>Hafen</h1>"#,
                ),
                &["Lena Marx"],
                Metadata,
            ),
        ];
        for (html, expected, source) in cases {
            let (names, found) = authors(&html);
            assert_eq!(names, expected, "{html}");
            assert_eq!(found, Some(source), "{html}");
        }
    }

    #[test]
    fn fuller_names_come_from_biographies_and_personal_sites() {
        let biography = page(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"p9"}},
            {"@type":"Person","@id":"p9","name":"Jörg","description":"Jörg Wendtlandt schreibt über Häfen und Schiffe."}]}</script>"#,
            "",
        );
        assert_eq!(authors(&biography).0, ["Jörg Wendtlandt"]);
        // A biography that does not open with the name leaves it as stated.
        let other = page(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Jörg","description":"Schreibt über Häfen."}}</script>"#,
            "",
        );
        assert_eq!(authors(&other).0, ["Jörg"]);
        let personal = page(
            r#"<title>Notes on harbours | Wolfgang Hellmich</title><link rel="canonical" href="https://www.wolfganghellmich.example/notes/">"#,
            "<h1>Notes on harbours</h1>",
        );
        assert_eq!(
            authors(&personal),
            (
                vec!["Wolfgang Hellmich".to_string()],
                Some(AuthorsSource::Metadata)
            )
        );
        let possessive = page(
            r#"<title>Wolfgang Hellmich's Notebook | On harbours</title><link rel="canonical" href="https://wolfganghellmich.example/on-harbours">"#,
            "<h1>On harbours</h1>",
        );
        assert_eq!(authors(&possessive).0, ["Wolfgang Hellmich"]);
        // A site named like its address but not after a person writes nothing.
        let site = page(
            r#"<title>Notes on harbours | Harbour Almanac</title><link rel="canonical" href="https://harbouralmanac.example/notes/">"#,
            "<h1>Notes on harbours</h1>",
        );
        assert_eq!(authors(&site), (vec![], None));
    }

    #[test]
    fn cited_works_and_link_labels_name_no_writer() {
        // A reference list's microdata names the cited papers' authors.
        let references = page(
            r#"<meta name="citation_author" content="Amal R. Haddad">"#,
            r#"<ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle"><meta itemprop="author" content="K. Ito, P. Brandt"><meta itemprop="datePublished" content="1999"></li></ol>"#,
        );
        assert_eq!(authors(&references).0, ["Amal R. Haddad"]);
        let label = page(
            "",
            r#"<div class="post-author"><a href="/autoren/team/">Alle Beiträge</a></div>"#,
        );
        assert_eq!(authors(&label), (vec![], None));
        let profile = page(
            "",
            r#"<a rel="author" href="/profile/1">Afficher mon profil complet</a>"#,
        );
        assert_eq!(authors(&profile), (vec![], None));
        let lead_in = page("", "<h1>Psyop</h1><p>Zur Erinnerung:</p>");
        assert_eq!(authors(&lead_in), (vec![], None));
        // The site's own handle in the author tag gives way to the byline.
        let handle = page(
            r#"<meta property="article:author" content="@HarbourDailyUK"><meta property="twitter:site" content="@harbourdailyuk">"#,
            r#"<h1>Goats rule the island</h1><p class="byline">By Mirela Stanek</p>"#,
        );
        assert_eq!(authors(&handle).0, ["Mirela Stanek"]);
    }

    #[test]
    fn an_author_label_without_a_colon_opens_a_byline() {
        let page = |line: &str| {
            format!(
                r#"<html><body><h1>Sperrfristen für Dünger</h1><p>Ein langer Text über
                Fristen, Felder und Flüsse im Herbst.</p><p>{line}</p></body></html>"#
            )
        };
        assert_eq!(
            authors(&page("Autoren Jelko Djuren und Jutta Klaukien")).0,
            ["Jelko Djuren", "Jutta Klaukien"]
        );
        assert_eq!(
            authors(&page("Auteur Élise Marchand")).0,
            ["Élise Marchand"]
        );
        // A sentence that opens with the word is no byline.
        assert_eq!(
            authors(&page("Autoren wie Thomas Mann und Hermann Hesse schrieben über Flüsse, Felder und Fristen im Herbst.")).0,
            Vec::<String>::new()
        );
    }

    #[test]
    fn credit_lines_give_their_holder() {
        let cases = [
            ("© 2019 Sven Schreivogel", Some("Sven Schreivogel")),
            (
                "Copyright © 2004–2011 by Ana Ruiz. All rights reserved.",
                Some("Ana Ruiz"),
            ),
            (
                "(Creative Commons) 2006-2008 by Martin Weber",
                Some("Martin Weber"),
            ),
            (
                "© Hafenblatt Verlag | Impressum | Datenschutz",
                Some("Hafenblatt Verlag"),
            ),
            ("(c) 2022 Élodie Marchand, Lyon", Some("Élodie Marchand")),
            (
                "Copyright (c) 2012- Gregory Szorc. All rights reserved.",
                Some("Gregory Szorc"),
            ),
            ("Bild 4: © John Arano", None),
            ("Photo © Ana Ruiz / Agence", None),
            ("Written by the desk", None),
            ("Posted in 2019 by", None),
        ];
        for (line, expected) in cases {
            assert_eq!(credit_holder(line), expected, "{line}");
        }
    }

    #[test]
    fn a_person_credited_in_the_footer_is_the_writer_when_nobody_else_is() {
        let page = |footer: &str| {
            format!(
                r#"<html><head><title>Wassermühlen</title></head><body><h1>Wassermühlen am Fluss</h1>
                <p>Ein langer Text über Mühlen und das Wasser, das sie treibt.</p>
                <figure><img src="m.jpg"><figcaption>© Jonas Berg</figcaption></figure>
                <footer>{footer}</footer></body></html>"#
            )
        };
        assert_eq!(
            authors(&page("<p>© 2019 Sven Schreivogel</p>")),
            (
                vec!["Sven Schreivogel".to_string()],
                Some(AuthorsSource::Text)
            )
        );
        // A company's credit, and a picture's alone, name no writer.
        assert_eq!(
            authors(&page("<p>© 2021 Axel Springer SE</p>")).0,
            Vec::<String>::new()
        );
        assert_eq!(authors(&page("")).0, Vec::<String>::new());
        // A byline wins over the credit.
        let with_byline = page("<p>© 2019 Sven Schreivogel</p>")
            .replace("<h1>", r#"<p class="byline">Von Lena Hartmann</p><h1>"#);
        assert_eq!(authors(&with_byline).0, ["Lena Hartmann"]);
    }

    #[test]
    fn a_first_name_completed_does_not_repeat_the_full_name() {
        let html = page(
            r#"<script type="application/ld+json">{"@type":"Article","author":[{"@type":"Person","name":"Nils"},{"@type":"Person","name":"Nils Okafor"}]}</script>"#,
            "",
        );
        assert_eq!(authors(&html).0, ["Nils Okafor"]);
    }

    #[test]
    fn a_line_near_the_headline_without_a_byline_word_names_people_only() {
        let near = |line: &str| {
            page(
                "",
                &format!(r#"<h1>Neue Radwege für die Altstadt</h1><p>{line}</p>"#),
            )
        };
        // Menus, kickers and labels under a headline: capitalised words, no people.
        for line in [
            "Inhalt Aktuelles Sicherheit Natur und Klima Reiseinfos",
            "Cricket World Cup",
            "Gemahlener Kaffee Espresso",
            "In Gottesdiensten",
        ] {
            assert_eq!(authors(&near(line)), (vec![], None), "{line}");
        }
        // A known given name, or a date of its own beside the name.
        for (line, name) in [
            ("Amelie Hartung", "Amelie Hartung"),
            ("25.10.2022 - Reinbert Olk", "Reinbert Olk"),
        ] {
            assert_eq!(
                authors(&near(line)),
                (vec![name.to_string()], Some(AuthorsSource::Text)),
                "{line}"
            );
        }
    }

    #[test]
    fn sites_publishers_and_organisations_are_not_writers() {
        let publisher = page(
            r#"<meta name="author" content="Prisma Média"><meta name="author" content="Marie Lenoir">
            <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Prisma Média"}}</script>"#,
            "",
        );
        assert_eq!(authors(&publisher).0, ["Marie Lenoir"]);
        // Named nowhere else as the publisher, a company's name is still not a writer's.
        for company in [
            "Prisma Média",
            "Hubert Burda Media",
            "Axel Springer SE",
            "Grupo Clarín",
        ] {
            let html = page(
                &format!(
                    r#"<meta name="author" content="{company}">
                    <script type="application/ld+json">{{"@type":"NewsArticle","author":{{"@type":"Person","name":"Marie Lenoir"}}}}</script>"#
                ),
                "",
            );
            assert_eq!(authors(&html).0, ["Marie Lenoir"], "{company}");
        }
        let foundation = page(
            r#"<meta name="author" content="Hanns-Weber-Stiftung e.V.">"#,
            "",
        );
        assert_eq!(authors(&foundation), (vec![], None));
        let places = page(
            r#"<meta name="author" content="hessenradio.de, Frankfurt, Germany">"#,
            "",
        );
        assert_eq!(authors(&places).0, Vec::<String>::new());
        let placeholder = page(r#"<meta name="author" content="null">"#, "");
        assert_eq!(authors(&placeholder).0, Vec::<String>::new());
        // A personal site whose name is its owner's: the site is the writer then.
        let blog = page(
            r#"<meta property="og:site_name" content="Wendelin Schaal">"#,
            r#"<div class="author-box">Von: Wendelin Schaal</div>"#,
        );
        assert_eq!(authors(&blog).0, ["Wendelin Schaal"]);
    }
}
