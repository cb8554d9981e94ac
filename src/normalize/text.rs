//! Reads the body of a text or Markdown clipping: metadata lines near the top and bottom
//! (date, byline, source, url, `Topics:` trailer), the headline, and the passages.

use super::byline::MAX_BYLINE_CHARS;
use super::date::{Citation, DateLine, citation_line, date_line, dateline_date};
use super::junk::{copyright_owner, is_junk};
use super::lexicon::{NEWS_AGENCIES, is_name_particle};
use crate::clipping::{AuthorsSource, DateSource, Stated, StatedDate};
use regex::Regex;
use std::sync::LazyLock;

/// What the body of a text clipping says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TextParts {
    /// The headline, the date of a date line, the byline's writers, a `Source:` line,
    /// a URL line and a `Topics:` trailer, as far as the text states them.
    pub stated: Stated,
    /// True when the only date line gives an update, not the publication.
    pub updated: bool,
    /// True when the date is a citation line's, which a date line overrides.
    pub cited: bool,
    /// The article's paragraphs, headings joined to the paragraph they introduce.
    pub passages: Vec<String>,
}

/// How many non-blank lines at the top may hold a title, date, byline or source.
const HEADER_LINES: usize = 8;
/// How many non-blank lines at the bottom may hold a date, source or topic trailer.
const FOOTER_LINES: usize = 5;
/// Paragraphs longer than this are split at sentence ends.
const MAX_PASSAGE_CHARS: usize = 1200;
/// Target length of the pieces a long paragraph is split into.
const PASSAGE_TARGET_CHARS: usize = 700;

static TOPICS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:topics|tags|tagged|tagged with|categories|category|filed under|keywords|subjects)\s*:\s*(.+)$").unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|words by|author|authors)\s*:?\s+(.+)$").unwrap()
});
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:source|publisher|published by|publication|site|outlet|newspaper)\s*:\s*(.+)$",
    )
    .unwrap()
});
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:url|link|source|original|canonical|read online)\s*:\s*)?<?(https?://[^\s<>]+)>?$").unwrap()
});
static TITLE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:title|headline)\s*:\s*(.+)$").unwrap());
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let agencies: Vec<String> = NEWS_AGENCIES.iter().map(|a| regex::escape(a)).collect();
    Regex::new(&format!(
        r"^\p{{Lu}}[\p{{Lu}}\s.,'-]{{1,40}}(?:,\s*[\p{{L}}.]+\.?\s*[0-9]{{1,2}})?\s*\(({})\)",
        agencies.join("|")
    ))
    .unwrap()
});

/// One line of the body as the parser sees it.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    indented: bool,
    heading: bool,
    list_item: bool,
    /// Debris, decided once per line.
    junk: bool,
}

impl Line {
    /// A line of plain text (junk is decided later, for all lines at once).
    fn plain(text: String, indented: bool) -> Line {
        Line {
            text,
            indented,
            heading: false,
            list_item: false,
            junk: false,
        }
    }
}

/// What a line near the top or bottom turned out to be.
enum Meta {
    Date(DateLine),
    Authors(Vec<String>, Option<String>),
    Source(String),
    Citation(Citation),
    Url(String),
    Title(String),
    Topics(Vec<String>),
}

/// Parses a clipping body. `markdown` enables Markdown syntax handling.
pub fn parse(body: &str, markdown: bool) -> TextParts {
    parse_with(body, markdown, true, true)
}

/// Like [`parse`], for a body whose headline is already known from metadata: the first
/// line stays text even when it reads like a headline.
pub fn parse_body(body: &str, markdown: bool) -> TextParts {
    parse_with(body, markdown, false, true)
}

/// Like [`parse`] (`find_title`) or [`parse_body`], for the main text of a web page,
/// whose dates its markup and the page reader have weighed: a line citing a publication
/// and a date there is text (a book's publisher and release date in a review), not the
/// page's citation.
pub fn parse_page_text(body: &str, find_title: bool) -> TextParts {
    parse_with(body, false, find_title, false)
}

fn parse_with(body: &str, markdown: bool, find_title: bool, citations: bool) -> TextParts {
    let lines = split_lines(body, markdown);
    let mut parts = TextParts::default();
    let mut consumed = vec![false; lines.len()];
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty() && !lines[i].junk)
        .collect();

    read_footer(&lines, &content, &mut consumed, &mut parts, citations);
    read_header(&lines, &content, &mut consumed, &mut parts, citations);
    if find_title && parts.stated.title.is_none() {
        take_title(&lines, &content, &mut consumed, &mut parts, markdown);
    }

    let paragraphs = paragraphs(&lines, &consumed, markdown);
    parts.passages = passages(paragraphs, markdown);
    if parts.stated.date.is_none() {
        let date = story_opening(&parts).find_map(dateline_date);
        parts.stated.date = date.map(|date| StatedDate {
            date,
            source: DateSource::Text,
        });
    }
    if parts.stated.source.is_none() {
        parts.stated.source = parts
            .passages
            .first()
            .and_then(|p| WIRE_DATELINE.captures(p))
            .map(|caps| caps[1].to_string());
    }
    if parts.stated.source.is_none() {
        parts.stated.source = lines
            .iter()
            .filter(|line| line.junk)
            .find_map(|line| copyright_owner(&line.text));
    }
    if parts.stated.source.is_none() {
        parts.stated.source = parts.stated.url.as_deref().and_then(host_of);
    }
    if !parts.stated.authors.is_empty() {
        parts.stated.authors_source = Some(AuthorsSource::Text);
    }
    parts
}

fn split_lines(body: &str, markdown: bool) -> Vec<Line> {
    let mut in_fence = false;
    let mut lines: Vec<Line> = body
        .lines()
        .map(|raw| {
            let indented = raw.starts_with("  ") || raw.starts_with('\t');
            let trimmed = raw.trim();
            if markdown && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
                in_fence = !in_fence;
                return Line::plain(String::new(), indented);
            }
            if markdown && !in_fence {
                markdown_line(trimmed, indented)
            } else {
                Line::plain(collapse_spaces(trimmed), indented)
            }
        })
        .collect();
    for line in &mut lines {
        line.junk = is_junk(&line.text);
    }
    lines
}

static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap());
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
static MD_EMPHASIS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        r"\*\*(\S(?:.*?\S)?)\*\*",
        r"__(\S(?:.*?\S)?)__",
        r"\*(\S(?:.*?\S)?)\*",
        r"`([^`]+)`",
    ]
    .map(|pattern| Regex::new(pattern).unwrap())
});
static MD_HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]*>|<!--.*?-->").unwrap());
static MD_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+]|[0-9]{1,3}[.)])\s+").unwrap());

fn markdown_line(trimmed: &str, indented: bool) -> Line {
    let mut text = trimmed.trim_start_matches('>').trim_start();
    let mut heading = false;
    if let Some(stripped) = text.strip_prefix('#') {
        heading = true;
        text = stripped
            .trim_start_matches('#')
            .trim()
            .trim_end_matches('#')
            .trim_end();
    }
    let is_rule = text.len() >= 3 && text.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '));
    if is_rule {
        return Line::plain(String::new(), indented);
    }
    let list_item = MD_LIST.is_match(text);
    let text = MD_LIST.replace(text, "");
    let text = MD_IMAGE.replace_all(&text, "");
    let text = MD_LINK.replace_all(&text, "$1");
    let text = MD_HTML_TAG.replace_all(&text, "");
    let mut text = text.into_owned();
    for pattern in MD_EMPHASIS.iter() {
        text = pattern.replace_all(&text, "$1").into_owned();
    }
    Line {
        text: collapse_spaces(text.trim()),
        indented,
        heading,
        list_item,
        junk: false,
    }
}

/// The longest start of `text` of at most `max_bytes` bytes that ends between two
/// characters: cutting a `&str` at a computed byte index panics inside a multi-byte
/// character (`’`, `é`, CJK), and one such file once took a whole ingest down.
pub fn head(text: &str, max_bytes: usize) -> &str {
    text.split_at_checked(text.floor_char_boundary(max_bytes))
        .map_or(text, |(head, _)| head)
}

/// The shortest end of `text` of at most `max_bytes` bytes that starts between two
/// characters; the mirror of [`head`].
pub fn tail(text: &str, max_bytes: usize) -> &str {
    let start = text.ceil_char_boundary(text.len().saturating_sub(max_bytes));
    text.split_at_checked(start).map_or(text, |(_, tail)| tail)
}

/// Han, kana and Hangul: the scripts that run words together, and Latin words into them
/// ("Tori Amos等歌手").
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// True when `text` has more than `chars` characters. Counts no further than needed:
/// this turns away most paragraphs of a story, which are far longer than a metadata line.
pub fn longer_than(text: &str, chars: usize) -> bool {
    text.len() > chars && text.chars().nth(chars).is_some()
}

pub(super) fn collapse_spaces(text: &str) -> String {
    // Most lines are ASCII with single spaces between words: copied as they are, without
    // a pass over their words (a twentieth of reading a text clipping).
    if is_collapsed(text.as_bytes()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True for ASCII text whose words are parted by single spaces, with none at either end:
/// text that [`collapse_spaces`] would give back unchanged. Other text (tabs, runs of
/// spaces, anything beyond ASCII, where Unicode has spaces of its own) says false.
fn is_collapsed(bytes: &[u8]) -> bool {
    let mut after_space = true;
    for &b in bytes {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    !after_space || bytes.is_empty()
}

fn read_footer(
    lines: &[Line],
    content: &[usize],
    consumed: &mut [bool],
    parts: &mut TextParts,
    citations: bool,
) {
    for (rank, &i) in content.iter().rev().take(FOOTER_LINES).enumerate() {
        let Some(meta) = line_meta(lines, content, consumed, i, rank < 3, citations) else {
            break;
        };
        consumed[i] = true;
        apply_meta(meta, parts);
    }
}

/// Where the story opens: its first passage, and the second when the first may be the
/// headline kept as text ("… EXPORTS TO U.S." ends like a sentence): no headline was
/// found, or it is that passage.
fn story_opening(parts: &TextParts) -> impl Iterator<Item = &str> {
    let may_be_headline = parts.passages.first().is_some_and(|first| {
        parts
            .stated
            .title
            .as_deref()
            .is_none_or(|title| first.trim_end_matches('.') == title.trim_end_matches('.'))
    });
    let count = if may_be_headline { 2 } else { 1 };
    parts.passages.iter().take(count).map(String::as_str)
}

/// What line `i` near the top or bottom states, if anything; a citation only when
/// `citations` are read and the line stands apart.
fn line_meta(
    lines: &[Line],
    content: &[usize],
    consumed: &[bool],
    i: usize,
    allow_topics: bool,
    citations: bool,
) -> Option<Meta> {
    classify_meta(&lines[i].text, allow_topics).filter(|meta| {
        !matches!(meta, Meta::Citation(_))
            || (citations && stands_apart(lines, content, consumed, i))
    })
}

/// False for a citation line that ends a paragraph of the story ("… sold to\nCetek
/// System Inc on Jan 30, 1987."): a citation stands after a blank line, the headline or
/// another line of metadata.
fn stands_apart(lines: &[Line], content: &[usize], consumed: &[bool], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let previous = i - 1;
    lines[previous].text.is_empty() || consumed[previous] || content.first() == Some(&previous)
}

fn read_header(
    lines: &[Line],
    content: &[usize],
    consumed: &mut [bool],
    parts: &mut TextParts,
    citations: bool,
) {
    for &i in content.iter().take(HEADER_LINES) {
        if consumed[i] {
            continue;
        }
        if let Some(meta) = line_meta(lines, content, consumed, i, false, citations) {
            consumed[i] = true;
            apply_meta(meta, parts);
        }
    }
}

fn classify_meta(text: &str, allow_topics: bool) -> Option<Meta> {
    let text = without_emphasis(text);
    if allow_topics && let Some(caps) = TOPICS_LINE.captures(text) {
        return Some(Meta::Topics(split_list(&caps[1])));
    }
    if let Some(found) = date_line(text) {
        return Some(Meta::Date(found));
    }
    if let Some(citation) = citation_line(text) {
        return Some(Meta::Citation(citation));
    }
    if let Some(caps) = TITLE_LINE.captures(text) {
        return Some(Meta::Title(caps[1].trim().to_string()));
    }
    if let Some(caps) = URL_LINE.captures(text) {
        return Some(Meta::Url(caps[1].to_string()));
    }
    if let Some(caps) = SOURCE_LINE.captures(text) {
        return Some(Meta::Source(caps[1].trim().to_string()));
    }
    // "By 1978, they had won a talent contest …": a paragraph, not a byline.
    if longer_than(text, MAX_BYLINE_CHARS) {
        return None;
    }
    if let Some(caps) = BYLINE.captures(text) {
        let (authors, agency) = byline_names(&caps[1]);
        // "By Staff Writer" names no one, but is still a byline, not article text.
        if !authors.is_empty() || agency.is_some() || is_title_cased(&caps[1]) {
            return Some(Meta::Authors(authors, agency));
        }
    }
    // "Von Anna Beck", "Par Élodie Martin", "Autorin: Uta Berger": openers in other
    // languages count when they lead to a name.
    if super::byline::opens_byline(text) {
        let (authors, agency) = byline_names(text);
        if !authors.is_empty() {
            return Some(Meta::Authors(authors, agency));
        }
    }
    if let Some(signed) = super::byline::signed_line(text) {
        return Some(Meta::Authors(signed.authors, signed.agency));
    }
    None
}

/// A line set in emphasis as a whole ("*By Jane Doe*", "**Published March 3, 2025**",
/// "_by Jane Doe_"), as text pasted from Markdown keeps it, without the marks.
fn without_emphasis(text: &str) -> &str {
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = text
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
            && !inner.trim().is_empty()
        {
            return inner.trim();
        }
    }
    text
}

fn apply_meta(meta: Meta, parts: &mut TextParts) {
    let stated = &mut parts.stated;
    match meta {
        Meta::Date(found) => {
            if let Some(author) = &found.author
                && !stated.authors.contains(author)
            {
                stated.authors.push(author.clone());
            }
            // A publication date beats an update date; the first of each kind wins.
            let better = stated.date.is_none() || parts.cited || (parts.updated && !found.updated);
            if better {
                stated.date = Some(StatedDate {
                    date: found.date,
                    source: DateSource::Text,
                });
                parts.updated = found.updated;
                parts.cited = false;
            }
        }
        Meta::Authors(authors, agency) => {
            for author in authors {
                if !stated.authors.contains(&author) {
                    stated.authors.push(author);
                }
            }
            if stated.source.is_none() {
                stated.source = agency;
            }
        }
        Meta::Source(source) => stated.source = Some(source),
        Meta::Citation(citation) => {
            // A date line beats a citation's date (it is the page's own); the first
            // citation names the source unless a `Source:` line did.
            if stated.date.is_none() {
                stated.date = Some(StatedDate {
                    date: citation.date,
                    source: DateSource::Text,
                });
                parts.cited = true;
            }
            stated.source.get_or_insert(citation.publication);
        }
        Meta::Url(url) => stated.url = stated.url.take().or(Some(url)),
        Meta::Title(title) => stated.title = stated.title.take().or(Some(title)),
        Meta::Topics(topics) => stated.fill_from(Stated {
            topics,
            ..Stated::default()
        }),
    }
}

fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text.split([',', ';', '|', '·', '•']) {
        let item = item.trim().trim_end_matches('.').trim();
        if !item.is_empty() && !out.iter().any(|seen| seen.eq_ignore_ascii_case(item)) {
            out.push(item.to_string());
        }
    }
    out
}

/// Splits a byline into person names and an agency ("Jane Doe and John Roe, Reuters").
fn byline_names(text: &str) -> (Vec<String>, Option<String>) {
    let byline = super::byline::parse(text, false);
    (byline.authors, byline.agency)
}

/// True for a few capitalized words ("Staff Writer", "Our Foreign Desk").
fn is_title_cased(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| is_name_particle(w) || w.chars().next().is_some_and(char::is_uppercase))
}

pub(super) fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// Takes the headline: a Markdown H1 before the text, or a first line that reads as one.
fn take_title(
    lines: &[Line],
    content: &[usize],
    consumed: &mut [bool],
    parts: &mut TextParts,
    markdown: bool,
) {
    let remaining: Vec<usize> = content.iter().copied().filter(|&i| !consumed[i]).collect();
    let Some(&first) = remaining.first() else {
        return;
    };
    if remaining.len() < 2 {
        return;
    }
    let line = &lines[first];
    let is_title = if markdown {
        line.heading
    } else {
        reads_as_headline(&line.text) && !starts_wrapped_paragraph(lines, consumed, first)
    };
    if is_title {
        consumed[first] = true;
        parts.stated.title = Some(line.text.clone());
    }
}

/// True when a line is short, unpunctuated at its end, and so reads as a headline.
fn reads_as_headline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=25).contains(&words)
        && text.chars().count() <= 150
        && !text.ends_with(['.', ',', ';', ':'])
        && !text.starts_with(|c: char| c.is_lowercase())
}

/// True when the line at `i` is the first line of a hard-wrapped paragraph rather than
/// a headline above it: the next line continues it, or it is long and unpunctuated above
/// lines of about its own length.
fn starts_wrapped_paragraph(lines: &[Line], consumed: &[bool], i: usize) -> bool {
    let block: Vec<&Line> = (i..lines.len())
        .take_while(|&k| !lines[k].text.is_empty())
        .filter(|&k| !consumed[k] && !lines[k].junk)
        .map(|k| &lines[k])
        .collect();
    if block.len() < 2 {
        return false;
    }
    if block[1].text.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let first = block[0].text.chars().count();
    let longest = block[1..]
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    longest <= 100 && first >= 50 && first * 10 > longest * 6 && !ends_sentence(&block[0].text)
}

/// A paragraph before headings are joined.
#[derive(Debug)]
struct Paragraph {
    text: String,
    heading: bool,
}

fn paragraphs(lines: &[Line], consumed: &[bool], markdown: bool) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<&Line> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let separator = consumed[i] || line.text.is_empty() || line.junk;
        if separator {
            flush_block(&mut block, markdown, &mut out);
        } else {
            block.push(line);
        }
    }
    flush_block(&mut block, markdown, &mut out);
    out
}

fn flush_block(block: &mut Vec<&Line>, markdown: bool, out: &mut Vec<Paragraph>) {
    if block.is_empty() {
        return;
    }
    if markdown {
        join_markdown_block(block, out);
    } else if is_hard_wrapped(block) {
        join_wrapped_block(block, out);
    } else {
        out.extend(block.iter().map(|line| Paragraph {
            text: line.text.clone(),
            heading: false,
        }));
    }
    block.clear();
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':'])
}

/// A block is hard-wrapped when its lines are short and most break mid-sentence.
fn is_hard_wrapped(block: &[&Line]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let longest = block
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    let open_ends = block[..block.len() - 1]
        .iter()
        .filter(|l| !ends_sentence(&l.text))
        .count();
    longest <= 100 && open_ends * 2 >= block.len() - 1
}

fn join_wrapped_block(block: &[&Line], out: &mut Vec<Paragraph>) {
    let mut current = String::new();
    for (i, line) in block.iter().enumerate() {
        // An indented line after a finished sentence starts a new paragraph.
        let starts_new = i > 0 && line.indented && ends_sentence(&current);
        if starts_new {
            out.push(Paragraph {
                text: std::mem::take(&mut current),
                heading: false,
            });
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line.text);
    }
    if !current.is_empty() {
        out.push(Paragraph {
            text: current,
            heading: false,
        });
    }
}

fn join_markdown_block(block: &[&Line], out: &mut Vec<Paragraph>) {
    let mut current = String::new();
    for line in block {
        if line.heading || line.list_item {
            if !current.is_empty() {
                out.push(Paragraph {
                    text: std::mem::take(&mut current),
                    heading: false,
                });
            }
            if line.heading {
                out.push(Paragraph {
                    text: line.text.clone(),
                    heading: true,
                });
                continue;
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line.text);
    }
    if !current.is_empty() {
        out.push(Paragraph {
            text: current,
            heading: false,
        });
    }
}

/// True when a plain-text paragraph is a subheading for the paragraph after it.
fn is_text_heading(paragraph: &Paragraph, next: Option<&Paragraph>) -> bool {
    let text = &paragraph.text;
    let words = text.split_whitespace().count();
    words <= 12
        && text.chars().count() <= 100
        && !text.ends_with(['.', ',', ';', ':', '"', '”', '\''])
        && !text.starts_with(|c: char| c.is_lowercase())
        && next.is_some_and(|n| n.text.chars().count() > text.chars().count())
}

fn passages(mut paragraphs: Vec<Paragraph>, markdown: bool) -> Vec<String> {
    if !markdown {
        for i in 0..paragraphs.len() {
            let heading = is_text_heading(&paragraphs[i], paragraphs.get(i + 1));
            paragraphs[i].heading = heading;
        }
    }
    let mut out = Vec::new();
    let mut headings: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        if paragraph.heading {
            headings.push(paragraph.text);
            continue;
        }
        let pieces = split_long(&paragraph.text);
        for (n, piece) in pieces.into_iter().enumerate() {
            if n == 0 && !headings.is_empty() {
                headings.push(piece);
                out.push(headings.join("\n"));
                headings.clear();
            } else {
                out.push(piece);
            }
        }
    }
    if !headings.is_empty() {
        out.push(headings.join("\n"));
    }
    out
}

/// Splits a very long paragraph into pieces of whole sentences.
fn split_long(text: &str) -> Vec<String> {
    if text.chars().count() <= MAX_PASSAGE_CHARS {
        return vec![text.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    for sentence in sentences(text) {
        if !current.is_empty()
            && current.chars().count() + sentence.chars().count() > PASSAGE_TARGET_CHARS
        {
            pieces.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(sentence);
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col", "capt",
    "prof", "inc", "ltd", "co", "corp", "vs", "etc", "no", "mt", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "rev", "hon", "sgt", "gov't",
];

/// Splits text into sentences at `.`, `!` or `?` followed by a space and a capital or quote.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Skip closing quotes and brackets after the stop.
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
            j += 1;
        }
        let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
        let next_starts_sentence = chars[j..]
            .iter()
            .find(|(_, ch)| !ch.is_whitespace())
            .is_some_and(|&(_, ch)| {
                ch.is_uppercase()
                    || ch.is_ascii_digit()
                    || matches!(ch, '"' | '“' | '‘' | '\'' | '(')
            });
        if !followed_by_space || !next_starts_sentence {
            continue;
        }
        if c == '.' && is_abbreviation(text.get(start..pos).unwrap_or_default()) {
            continue;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        let sentence = text.get(start..end).unwrap_or_default().trim();
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = end;
    }
    let rest = text.get(start..).unwrap_or_default().trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    // Single letters are initials ("J. Smith").
    (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
        || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests;
