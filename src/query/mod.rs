//! What a user asks for, as values: a boolean expression of terms (words, exact words,
//! prefixes, wildcards, fuzzy words, phrases and proximity, in the text, the headline,
//! the byline or the path), filters (topics, sources, persons, dates), and how results
//! are wanted. `parse` turns the query language into these values; `dates` reads dates.

pub mod batch;
pub mod dates;
pub mod parse;

pub use batch::{BatchLineError, BatchQuery, QueryTotals, read_batch};
pub use dates::{DATE_FORMS, DateRange, parse_date_range, parse_date_range_on};
pub use parse::{QueryError, parse_query, parse_query_on};

use chrono::NaiveDate;

/// Where a term is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The article's passages and headline.
    Text,
    /// The headline only (`title:`).
    Title,
    /// The writers' names (`author:`).
    Author,
    /// The file's path as shown (`path:`): a prefix of it, or a word of it.
    Path,
}

/// How a term matches words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// A word, stemmed and folded ("closing" finds "closed").
    Word(String),
    /// A word as written, folded but not stemmed (`=police`).
    Exact(String),
    /// Words starting with these letters (`sanctuar*`).
    Prefix(String),
    /// Words matching a pattern: `?` one letter, `*` any letters (`wom?n`).
    Wildcard(String),
    /// Words within an edit distance (`orick~`, `orick~1`); `None` chooses it from the
    /// word's length.
    Fuzzy {
        /// The word as typed.
        word: String,
        /// Edits allowed, at most 2.
        distance: Option<u8>,
    },
    /// Words together in one passage: in this order with at most `slack` other words
    /// between them in all (`"a b"`, `"a b"~5`), or in any order (`a NEAR/5 b`).
    Phrase {
        /// The words.
        words: Vec<String>,
        /// Other words allowed between them.
        slack: u32,
        /// Whether their order matters.
        ordered: bool,
    },
}

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Where.
    pub field: Field,
    /// How.
    pub matcher: Matcher,
}

/// A boolean expression of terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// One term.
    Term(Term),
    /// Every item. With `ranked` (words written side by side, no explicit `AND`),
    /// articles with every item come first and those with some follow.
    All {
        /// The items; `Not` items exclude.
        items: Vec<Expr>,
        /// Whether articles with only some items still count, after those with all.
        ranked: bool,
    },
    /// Any item (`OR`).
    Any(Vec<Expr>),
    /// Not this (`NOT`, `-`); only inside `All`.
    Not(Box<Expr>),
}

impl Expr {
    /// Every term not under a `Not`, for highlighting.
    pub fn positive_terms(&self) -> Vec<&Term> {
        let mut out = Vec::new();
        self.collect_positive(&mut out);
        out
    }

    fn collect_positive<'a>(&'a self, out: &mut Vec<&'a Term>) {
        match self {
            Expr::Term(term) => out.push(term),
            Expr::All { items, .. } | Expr::Any(items) => {
                items.iter().for_each(|item| item.collect_positive(out))
            }
            Expr::Not(_) => {}
        }
    }
}

/// The text part of a query: an expression, or nothing (filters only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// What to look for; `None` lists every article the filters let through.
    pub expr: Option<Expr>,
}

impl TextQuery {
    /// True when the query has no terms to rank by (filters only).
    pub fn is_empty(&self) -> bool {
        self.expr.is_none()
    }

    /// Every positive term, for highlighting.
    pub fn positive_terms(&self) -> Vec<&Term> {
        self.expr
            .as_ref()
            .map(Expr::positive_terms)
            .unwrap_or_default()
    }
}

/// A person asked for: the name as typed, and the people of the archive it names once
/// resolved against the archive (full names, folded, and every form they are written in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// The name as the user typed it.
    pub asked: String,
    /// Folded full names of the matching people; empty until resolved.
    pub keys: Vec<String>,
    /// Every form the matching people are written in, for highlighting.
    pub forms: Vec<String>,
}

impl PersonFilter {
    /// A filter for `name`, not yet resolved.
    pub fn new(name: &str) -> PersonFilter {
        PersonFilter {
            asked: name.trim().to_string(),
            ..PersonFilter::default()
        }
    }
}

/// Restrictions on which articles may match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Every topic must be present (case-insensitive).
    pub topics: Vec<String>,
    /// Every source must match the article's source words.
    pub sources: Vec<String>,
    /// Every person must be named in the article.
    pub persons: Vec<PersonFilter>,
    /// Earliest publication day, inclusive.
    pub from: Option<NaiveDate>,
    /// First day after the latest publication day allowed.
    pub until: Option<NaiveDate>,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
            && self.sources.is_empty()
            && self.persons.is_empty()
            && self.from.is_none()
            && self.until.is_none()
    }

    /// Narrows the date window to `range`.
    pub fn within(&mut self, range: DateRange) {
        self.after(range.start);
        self.before(range.end);
    }

    /// Drops days before `start`.
    pub fn after(&mut self, start: NaiveDate) {
        self.from = Some(self.from.map_or(start, |d| d.max(start)));
    }

    /// Drops days from `end` on.
    pub fn before(&mut self, end: NaiveDate) {
        self.until = Some(self.until.map_or(end, |d| d.min(end)));
    }
}

/// The order results come in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (newest first for filters only).
    #[default]
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

/// Passages shown per article unless asked otherwise.
pub const DEFAULT_PASSAGES: usize = 3;

/// A complete search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Terms to rank by.
    pub text: TextQuery,
    /// Restrictions.
    pub filters: Filters,
    /// Most articles returned.
    pub limit: usize,
    /// Show every copy of a story instead of collapsing copies into one hit.
    pub all_copies: bool,
    /// Order of the results.
    pub sort: Sort,
    /// Most passages shown per article: those that match, best first.
    pub passages: usize,
    /// Reorder the first articles by the words the best-ranked ones share (relevance
    /// feedback); off, articles are ranked by BM25 alone.
    pub feedback: bool,
}

impl SearchRequest {
    /// A request for `text` and `filters`, ranked, at most `limit` articles.
    pub fn new(text: TextQuery, filters: Filters, limit: usize) -> SearchRequest {
        SearchRequest {
            text,
            filters,
            limit,
            all_copies: false,
            sort: Sort::Relevance,
            passages: DEFAULT_PASSAGES,
            feedback: true,
        }
    }
}

/// Filters given beside the query (as CLI flags or URL parameters), before they are
/// checked: names, topics and sources as typed, dates as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterFlags {
    /// Persons, all of whom must be named.
    pub person: Vec<String>,
    /// Topics, all of which must be present.
    pub topic: Vec<String>,
    /// Sources.
    pub source: Vec<String>,
    /// A period the article is published within.
    pub on: Option<String>,
    /// First day of publication.
    pub from: Option<String>,
    /// Last day of publication.
    pub to: Option<String>,
}

/// Parses a query and adds the filters given beside it to those written in it; errors are
/// the one-line messages a user sees, naming the flag for a bad date.
pub fn parse_with_flags(query: &str, flags: &FilterFlags) -> Result<(TextQuery, Filters), String> {
    let (text, mut filters) = parse_query(query).map_err(|e| e.to_string())?;
    filters.topics.extend(flags.topic.iter().cloned());
    filters
        .persons
        .extend(flags.person.iter().map(|name| PersonFilter::new(name)));
    filters.sources.extend(flags.source.iter().cloned());
    let range = |flag: &str, value: &str| {
        parse_date_range(value).map_err(|message| format!("--{flag}: {message}"))
    };
    if let Some(on) = &flags.on {
        filters.within(range("on", on)?);
    }
    if let Some(from) = &flags.from {
        filters.after(range("from", from)?.start);
    }
    if let Some(to) = &flags.to {
        filters.before(range("to", to)?.end);
    }
    Ok((text, filters))
}
