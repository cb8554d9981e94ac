//! The normalized record every input format becomes: a dated clipping with its passages.

use chrono::NaiveDate;

/// The file format a clipping was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Plain text, `.txt` or no extension.
    Text,
    /// Markdown, `.md`, with optional YAML or TOML front matter.
    Markdown,
    /// A saved web page, `.html` or `.htm`.
    Html,
    /// A JSON export: `.json` (one record or an array), `.jsonl` / `.ndjson` (one per line).
    Json,
    /// An e-mail, `.eml`, or a mailbox of them, `.mbox`.
    Email,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document, `.docx`.
    Docx,
    /// An OpenDocument text, `.odt`.
    Odt,
    /// An article of a LexisNexis export (text or Word), `file:N`.
    Nexis,
    /// An article of a Factiva export (text), `file:N`.
    Factiva,
    /// A web page saved as one file, `.mhtml` or `.mht`.
    Mhtml,
    /// A page captured in a web archive, `.warc` or `.warc.gz`, `file:N`.
    Warc,
    /// A Rich Text Format document, `.rtf`.
    Rtf,
    /// A `.doc` file: read by what it holds (RTF, a web page or text, as news databases
    /// and older tools save them); the old binary Word format itself is not read.
    Doc,
}

impl Format {
    /// Every format, in the order their codes are stored on disk (new ones go last).
    pub const ALL: [Format; 14] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Email,
        Format::Pdf,
        Format::Docx,
        Format::Odt,
        Format::Nexis,
        Format::Factiva,
        Format::Mhtml,
        Format::Warc,
        Format::Rtf,
        Format::Doc,
    ];

    /// The lower-case name used in JSON and summaries.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Email => "email",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Nexis => "nexis",
            Format::Factiva => "factiva",
            Format::Mhtml => "mhtml",
            Format::Warc => "warc",
            Format::Rtf => "rtf",
            Format::Doc => "doc",
        }
    }

    /// Parses a name written by [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Where a clipping's publication date was found, from most to least trustworthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateSource {
    /// A metadata field of the file (front matter, a JSON field, an e-mail header).
    Metadata,
    /// A date line near the top or bottom of the text ("Published 3 March 2025").
    Text,
    /// A date in the file name or its folders.
    Filename,
    /// The file's modification time: the clipping is effectively undated.
    Mtime,
}

impl DateSource {
    /// The lower-case name used in JSON and summaries.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Text => "text",
            DateSource::Filename => "filename",
            DateSource::Mtime => "mtime",
        }
    }

    /// Parses a name written by [`DateSource::name`].
    pub fn from_name(name: &str) -> Option<DateSource> {
        match name {
            "metadata" => Some(DateSource::Metadata),
            "text" => Some(DateSource::Text),
            "filename" => Some(DateSource::Filename),
            "mtime" => Some(DateSource::Mtime),
            _ => None,
        }
    }
}

/// A person named in a clipping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name used in the clipping.
    pub name: String,
    /// Other forms that refer to the same person ("Orrick", "Judge William Orrick").
    pub aliases: Vec<String>,
    /// Roles or titles given to the person ("judge", "mayor of Portland").
    pub roles: Vec<String>,
    /// How many times the person is mentioned.
    pub mentions: usize,
}

/// Where a clipping's writers were named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthorsSource {
    /// In metadata: front matter, a JSON field, structured data or markup of a page.
    Metadata,
    /// In the text: a byline line, or a page's byline box.
    Text,
}

impl AuthorsSource {
    /// The lower-case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            AuthorsSource::Metadata => "metadata",
            AuthorsSource::Text => "text",
        }
    }

    /// Parses a name written by [`AuthorsSource::name`].
    pub fn from_name(name: &str) -> Option<AuthorsSource> {
        match name {
            "metadata" => Some(AuthorsSource::Metadata),
            "text" => Some(AuthorsSource::Text),
            _ => None,
        }
    }
}

/// A publication date as a file states it, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatedDate {
    /// The day.
    pub date: NaiveDate,
    /// Where it was stated: metadata, or a date line of the text.
    pub source: DateSource,
}

/// What a file says about its article, wherever it says it (front matter, markup, a
/// JSON record's fields, e-mail headers, the header and footer lines of the text): the
/// one metadata type every reader fills in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<StatedDate>,
    /// Writers.
    pub authors: Vec<String>,
    /// Where the writers were named; `None` when no writer is.
    pub authors_source: Option<AuthorsSource>,
    /// Publisher or site.
    pub source: Option<String>,
    /// Address of the original.
    pub url: Option<String>,
    /// Topics or tags, in the order given.
    pub topics: Vec<String>,
    /// People the source's own classification names (a news database's `PERSON` terms),
    /// joined to the persons found in the text.
    pub persons: Vec<String>,
    /// The language the file declares its text is in (an HTML page's `lang`), as a
    /// language tag ("de", "pt-BR").
    pub language: Option<String>,
}

impl Stated {
    /// Fills what `self` leaves open from `other`: the one rule by which every reader's
    /// metadata is merged. `self` is the more trustworthy; its values win, and topics are
    /// joined (case aside, each once).
    pub fn fill_from(&mut self, other: Stated) {
        self.title = self.title.take().or(other.title);
        self.date = self.date.or(other.date);
        if self.authors.is_empty() {
            self.authors = other.authors;
            self.authors_source = other.authors_source;
        }
        self.source = self.source.take().or(other.source);
        self.url = self.url.take().or(other.url);
        self.language = self.language.take().or(other.language);
        for topic in other.topics {
            if !self.topics.iter().any(|t| t.eq_ignore_ascii_case(&topic)) {
                self.topics.push(topic);
            }
        }
        for person in other.persons {
            if !self.persons.iter().any(|p| p.eq_ignore_ascii_case(&person)) {
                self.persons.push(person);
            }
        }
    }
}

/// One clipping, normalized: what the index stores and what `extract` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clipping {
    /// Stable id: a hash of the normalized title and passages.
    pub id: String,
    /// The file the clipping came from, as given or found.
    pub path: String,
    /// The format of that file.
    pub format: Format,
    /// Headline, or a short title made from the first sentence.
    pub title: String,
    /// Publication date (day precision).
    pub date: NaiveDate,
    /// Where `date` came from.
    pub date_source: DateSource,
    /// Publisher or site, when stated.
    pub source: Option<String>,
    /// Address of the original, when stated.
    pub url: Option<String>,
    /// Writers named in a byline or metadata.
    pub authors: Vec<String>,
    /// Where they were named; `None` when no writer is.
    pub authors_source: Option<AuthorsSource>,
    /// Topics or tags, in the order given.
    pub topics: Vec<String>,
    /// Persons named in the text.
    pub persons: Vec<Person>,
    /// The article's paragraphs in order, junk removed.
    pub passages: Vec<String>,
    /// For each passage, the indexes into `persons` of the people it mentions.
    pub passage_persons: Vec<Vec<usize>>,
}

/// Computes the stable id of a clipping from its title and passages.
///
/// The id depends on content only, so the same article saved twice gets the same id.
pub fn clipping_id(title: &str, passages: &[String]) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(title.trim().to_lowercase().as_bytes());
    for passage in passages {
        hasher.update(b"\n");
        hasher.update(passage.as_bytes());
    }
    format!("{:016x}", hasher.digest())
}

/// The number form of a record id (ids are 16 hex digits), used for story ids.
pub fn id_number(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or_else(|_| xxhash_rust::xxh3::xxh3_64(id.as_bytes()))
}

/// A name folded for matching: accents removed, lower case, single spaces.
///
/// Topics and sources are filtered by this key, so "Politics", "politics" and
/// "POLITICS " are one topic, and "Müller" matches "Muller".
pub fn folded_key(text: &str) -> String {
    // Most keys are ASCII, where decomposing changes nothing: one pass, one allocation
    // (person names are folded several times per article at ingest).
    if text.is_ascii() {
        let mut key = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return key;
    }
    folded_key_decomposed(text)
}

/// [`folded_key`] for any text: accents taken off by decomposing.
fn folded_key_decomposed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let stripped: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    stripped
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_depends_on_content_not_case_of_title() {
        let passages = vec!["One.".to_string(), "Two.".to_string()];
        let a = clipping_id("A Title", &passages);
        assert_eq!(a, clipping_id("a title", &passages));
        assert_ne!(a, clipping_id("A Title", &passages[..1]));
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn ascii_keys_fold_as_decomposed_ones_do() {
        for text in [
            "  US   News ",
            "O'Brien-Smith\tJr.",
            "a\u{b}b\u{c}c\r\nd",
            "",
            "   ",
            "X Æ",
        ] {
            assert_eq!(folded_key(text), folded_key_decomposed(text), "{text:?}");
        }
    }

    #[test]
    fn folded_keys_ignore_case_accents_and_spacing() {
        assert_eq!(folded_key("  US   News "), "us news");
        assert_eq!(folded_key("Müller"), "muller");
        assert_eq!(folded_key("ÉCONOMIE"), "economie");
    }

    #[test]
    fn names_round_trip() {
        for source in [
            DateSource::Metadata,
            DateSource::Text,
            DateSource::Filename,
            DateSource::Mtime,
        ] {
            assert_eq!(DateSource::from_name(source.name()), Some(source));
        }
        for format in [
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::Json,
            Format::Email,
            Format::Pdf,
        ] {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
    }
}
