//! What a user asks for, as values: query words, phrases, exclusions and alternatives,
//! topic/source/date filters, and the hits that answer them.

use chrono::{Datelike, Days, Months, NaiveDate};

/// One thing to look for in passage text and titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A single word (stemmed and folded when matched).
    Word(String),
    /// Words that must appear together, in order.
    Phrase(Vec<String>),
}

/// The text part of a query.
///
/// Every group is one requirement; the terms inside a group are alternatives joined by
/// `OR`. Passages that satisfy every group rank before passages that satisfy some.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// Requirements, each a list of alternatives.
    pub groups: Vec<Vec<Term>>,
    /// Terms that must not appear.
    pub excluded: Vec<Term>,
}

impl TextQuery {
    /// True when the query has no words to rank by (filters only).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every positive term, for highlighting.
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }
}

/// A half-open range of days: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// First day in the range.
    pub start: NaiveDate,
    /// First day after the range.
    pub end: NaiveDate,
}

/// A person asked for: the name as typed, and the people of the archive it names once
/// resolved against the index (full names, folded, and every form they are written in).
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

/// Restrictions on which articles' passages may match.
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

/// A complete search: text, filters and how many passages to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Words and phrases to rank by.
    pub text: TextQuery,
    /// Restrictions.
    pub filters: Filters,
    /// Maximum number of passages returned.
    pub limit: usize,
    /// Show every copy of a story instead of collapsing copies into one hit.
    pub all_copies: bool,
}

/// The accepted date forms, quoted in every date error.
pub const DATE_FORMS: &str =
    "YYYY, YYYY-MM or YYYY-MM-DD (for example 2025, 2025-04 or 2025-04-29)";

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the days it covers.
pub fn parse_date_range(text: &str) -> Result<DateRange, String> {
    // `{:?}` escapes line breaks and control characters: errors stay on one line.
    let bad = || format!("invalid date {text:?}: use {DATE_FORMS}");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| {
            if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
                None
            } else {
                p.parse().ok()
            }
        })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    if parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() > 2) {
        return Err(bad());
    }
    let year = numbers[0] as i32;
    let (start, end) = match numbers[..] {
        [_] => {
            let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
            (start, start.with_year(year + 1).ok_or_else(bad)?)
        }
        [_, month] => {
            let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
            (
                start,
                start.checked_add_months(Months::new(1)).ok_or_else(bad)?,
            )
        }
        [_, month, day] => {
            let start = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)?;
            (start, start.checked_add_days(Days::new(1)).ok_or_else(bad)?)
        }
        _ => return Err(bad()),
    };
    Ok(DateRange { start, end })
}

/// Splits a query string into its text query and the filters written inside it
/// (`topic:`, `source:`, `person:`, `date:`, `after:`, `before:`).
pub fn parse_query(input: &str) -> Result<(TextQuery, Filters), String> {
    let mut query = TextQuery::default();
    let mut filters = Filters::default();
    let mut join_next = false;
    for token in lex(input)? {
        match token {
            Token::Or => {
                if query.groups.is_empty() {
                    return Err("OR needs a word on both sides, as in `judge OR court`".to_string());
                }
                join_next = true;
            }
            Token::Filter(field, value) => apply_filter(&field, &value, &mut filters)?,
            Token::Term {
                term,
                negated: true,
            } => query.excluded.push(term),
            Token::Term {
                term,
                negated: false,
            } => {
                match query.groups.last_mut() {
                    Some(group) if join_next => group.push(term),
                    _ => query.groups.push(vec![term]),
                }
                join_next = false;
            }
        }
    }
    if join_next {
        return Err("OR needs a word on both sides, as in `judge OR court`".to_string());
    }
    Ok((query, filters))
}

fn apply_filter(field: &str, value: &str, filters: &mut Filters) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!(
            "`{field}:` needs a value, as in `{field}:{}`",
            example_for(field)
        ));
    }
    match field {
        "topic" => filters.topics.push(value.to_string()),
        "person" => filters.persons.push(PersonFilter::new(value)),
        "source" => filters.sources.push(value.to_string()),
        "date" => filters.within(parse_date_range(value)?),
        "after" => filters.after(parse_date_range(value)?.start),
        "before" => filters.before(parse_date_range(value)?.end),
        _ => unreachable!("lexer only emits known filter fields"),
    }
    Ok(())
}

fn example_for(field: &str) -> &'static str {
    match field {
        "topic" => "politics",
        "source" => "reuters",
        "person" => "orrick",
        _ => "2025-04",
    }
}

/// Filter fields understood inside a query.
const FILTER_FIELDS: &[&str] = &["topic", "source", "person", "date", "after", "before"];

#[derive(Debug, PartialEq)]
enum Token {
    Term { term: Term, negated: bool },
    Or,
    Filter(String, String),
}

#[allow(clippy::string_slice)] // replaced by the query-language parser
fn lex(input: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let negated =
            rest.starts_with('-') && rest.len() > 1 && !rest[1..].starts_with(char::is_whitespace);
        if negated {
            rest = &rest[1..];
        }
        if let Some(after_quote) = rest.strip_prefix(['"', '“']) {
            let end = after_quote
                .find(['"', '”'])
                .ok_or_else(|| "a quoted phrase is not closed: add the closing \"".to_string())?;
            let words: Vec<String> = after_quote[..end]
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if !words.is_empty() {
                tokens.push(Token::Term {
                    term: Term::Phrase(words),
                    negated,
                });
            }
            rest = after_quote[end..]
                .trim_start_matches(['"', '”'])
                .trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if let Some((field, _)) = word.split_once(':')
            && FILTER_FIELDS.contains(&field.to_lowercase().as_str())
            && !negated
        {
            let after_colon = &rest[field.len() + 1..];
            let (value, used) = filter_value(after_colon)?;
            tokens.push(Token::Filter(field.to_lowercase(), value));
            rest = after_colon[used..].trim_start();
            continue;
        }
        if word == "OR" && !negated {
            tokens.push(Token::Or);
        } else if !word.is_empty() {
            tokens.push(Token::Term {
                term: Term::Word(word.to_string()),
                negated,
            });
        }
        rest = rest[end..].trim_start();
    }
    Ok(tokens)
}

/// Reads a filter's value, which may be quoted (`source:"Daily Ledger"`), from the text
/// right after the colon. Returns the value and how many bytes it took.
#[allow(clippy::string_slice)]
fn filter_value(after_colon: &str) -> Result<(String, usize), String> {
    if let Some(quoted) = after_colon.strip_prefix(['"', '“']) {
        let open_len = after_colon.len() - quoted.len();
        let end = quoted
            .find(['"', '”'])
            .ok_or_else(|| "a quoted filter value is not closed: add the closing \"".to_string())?;
        let close_len = quoted[end..].chars().next().map_or(1, char::len_utf8);
        return Ok((quoted[..end].to_string(), open_len + end + close_len));
    }
    let end = after_colon
        .find(char::is_whitespace)
        .unwrap_or(after_colon.len());
    Ok((after_colon[..end].to_string(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Term {
        Term::Word(w.to_string())
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let (query, filters) =
            parse_query(r#"orrick "federal funds" -appeal judge OR court"#).unwrap();
        assert_eq!(
            query.groups,
            vec![
                vec![word("orrick")],
                vec![Term::Phrase(vec!["federal".into(), "funds".into()])],
                vec![word("judge"), word("court")],
            ]
        );
        assert_eq!(query.excluded, vec![word("appeal")]);
        assert!(filters.is_empty());
    }

    #[test]
    fn filters_inside_the_query() {
        let (query, filters) = parse_query(
            r#"funding topic:Politics source:"Daily Ledger" date:2025-04 after:2025-04-10"#,
        )
        .unwrap();
        assert_eq!(query.groups, vec![vec![word("funding")]]);
        assert_eq!(filters.topics, ["Politics"]);
        assert_eq!(filters.sources, ["Daily Ledger"]);
        assert_eq!(filters.from, NaiveDate::from_ymd_opt(2025, 4, 10));
        assert_eq!(filters.until, NaiveDate::from_ymd_opt(2025, 5, 1));
        let (_, filters) = parse_query("before:2025-02").unwrap();
        assert_eq!(filters.until, NaiveDate::from_ymd_opt(2025, 3, 1));
    }

    #[test]
    fn bad_queries_say_what_is_wrong() {
        let cases = [
            (r#"open "phrase"#, "not closed"),
            ("OR judge", "OR needs"),
            ("judge OR", "OR needs"),
            ("date:2025-13", "YYYY-MM-DD"),
            ("topic:", "needs a value"),
            (r#"source:"open"#, "not closed"),
        ];
        for (input, message) in cases {
            let err = parse_query(input).unwrap_err();
            assert!(err.contains(message), "{input}: {err}");
        }
    }

    #[test]
    fn errors_stay_on_one_line_whatever_the_input() {
        // Found by fuzzing: a quoted filter value with a line break in it.
        for input in ["date:\"2025\n-13\"", "before:\"x\ny\"", "date:\"\r\u{1}\""] {
            let err = parse_query(input).unwrap_err();
            assert!(!err.contains('\n') && !err.contains('\r'), "{err}");
        }
    }

    #[test]
    fn unknown_fields_and_lone_dashes_are_words() {
        let (query, _) = parse_query("10:30 - ratio").unwrap();
        assert_eq!(
            query.groups,
            vec![vec![word("10:30")], vec![word("-")], vec![word("ratio")]]
        );
    }

    #[test]
    fn date_ranges() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let cases = [
            ("2025", d(2025, 1, 1), d(2026, 1, 1)),
            ("2025-04", d(2025, 4, 1), d(2025, 5, 1)),
            ("2025-12", d(2025, 12, 1), d(2026, 1, 1)),
            ("2025-04-29", d(2025, 4, 29), d(2025, 4, 30)),
            ("2024-02-29", d(2024, 2, 29), d(2024, 3, 1)),
        ];
        for (text, start, end) in cases {
            assert_eq!(
                parse_date_range(text),
                Ok(DateRange { start, end }),
                "{text}"
            );
        }
        for bad in [
            "2025-13",
            "25",
            "2025-4-311",
            "2025/04",
            "april",
            "2025-02-30",
            "",
            "2025-",
        ] {
            let err = parse_date_range(bad).unwrap_err();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }
}
