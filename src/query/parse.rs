//! The query language, read into values: words and `"phrases"`, `AND` / `OR` / `NOT`
//! (and `-word`) with parentheses, prefixes (`sanctuar*`), wildcards (`wom?n`), fuzzy
//! words (`orick~1`), proximity (`"judge funds"~5`, `judge NEAR/5 funds`), exact words
//! (`=police`), fields (`title:`, `author:`, `path:`) and filters (`topic:`, `source:`,
//! `person:`, `date:`, `after:`, `before:`).
//!
//! Precedence, tightest first: `NOT` and `-`, then `NEAR/N`, then `AND` (or words side
//! by side), then `OR`.

use super::dates::{DateError, parse_date_range_on};
use super::{Expr, Field, Filters, Matcher, PersonFilter, Term, TextQuery};
use chrono::NaiveDate;

/// Largest fuzzy edit distance: more matches nearly everything.
pub const MAX_FUZZY_DISTANCE: u8 = 2;

/// Why a query cannot be read; the message says where and what to do, on one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Something in the query's syntax is off.
    #[error("{message}")]
    Syntax {
        /// What is wrong, where, and how to fix it.
        message: String,
    },
    /// A date inside the query is not a date.
    #[error(transparent)]
    Date(#[from] DateError),
}

fn syntax(message: String) -> QueryError {
    // `{:?}`-quoted pieces keep it on one line; this catches anything else.
    QueryError::Syntax {
        message: message.replace(['\n', '\r'], " "),
    }
}

/// Filters that may be written inside a query.
const FILTER_FIELDS: &[&str] = &["topic", "source", "person", "date", "after", "before"];

/// One piece of the query, with the column (1-based, in characters) it starts at.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Near(u32),
    /// A word, phrase or field term, `-` before it for negation.
    Term {
        term: Term,
        negated: bool,
    },
    /// A filter such as `topic:politics`.
    Filter {
        field: String,
        value: String,
    },
}

/// Reads a query, counting relative dates from today's local date.
pub fn parse_query(input: &str) -> Result<(TextQuery, Filters), QueryError> {
    parse_query_on(input, chrono::Local::now().date_naive())
}

/// Reads a query, counting relative dates (`date:last-month`) from `today`.
pub fn parse_query_on(input: &str, today: NaiveDate) -> Result<(TextQuery, Filters), QueryError> {
    let tokens = lex(input)?;
    let mut parser = Parser {
        tokens,
        next: 0,
        filters: Filters::default(),
        today,
        depth: 0,
    };
    let expr = parser.or_expr()?;
    if let Some((token, column)) = parser.peek_with_column() {
        return Err(syntax(match token {
            Token::Close => format!(
                "unbalanced parenthesis: `)` at column {column} closes nothing; remove it or add `(` before it"
            ),
            _ => format!("unexpected text at column {column}"),
        }));
    }
    Ok((TextQuery { expr }, parser.filters))
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    next: usize,
    filters: Filters,
    today: NaiveDate,
    /// Nesting inside parentheses, `OR` or `NOT`, where filters cannot stand.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(t, _)| t)
    }

    fn peek_with_column(&self) -> Option<(&Token, usize)> {
        self.tokens.get(self.next).map(|(t, c)| (t, *c))
    }

    fn column(&self) -> usize {
        self.tokens
            .get(self.next)
            .map_or_else(|| self.tokens.last().map_or(1, |(_, c)| c + 1), |(_, c)| *c)
    }

    fn take(&mut self) -> Option<(Token, usize)> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    /// `a OR b OR c`.
    fn or_expr(&mut self) -> Result<Option<Expr>, QueryError> {
        let column = self.column();
        let first = self.and_expr()?;
        if self.peek() != Some(&Token::Or) {
            return Ok(first);
        }
        let mut items = vec![first.ok_or_else(|| operand_missing("OR", column))?];
        while let Some((Token::Or, column)) = self.peek_with_column().map(|(t, c)| (t.clone(), c)) {
            self.next += 1;
            self.depth += 1;
            let item = self.and_expr();
            self.depth -= 1;
            items.push(item?.ok_or_else(|| operand_missing("OR", column))?);
        }
        let only_exclusions = |e: &Expr| match e {
            Expr::Not(_) => true,
            Expr::All { items, .. } => items.iter().all(|i| matches!(i, Expr::Not(_))),
            _ => false,
        };
        if items.iter().any(only_exclusions) {
            return Err(syntax(
                "NOT and - exclude from something beside them; write `court -appeal`, not `court OR -appeal`".to_string(),
            ));
        }
        Ok(Some(Expr::Any(items)))
    }

    /// Items side by side, or joined by `AND`.
    fn and_expr(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut items = Vec::new();
        let mut explicit = false;
        loop {
            match self.peek() {
                None | Some(Token::Close) | Some(Token::Or) => break,
                Some(Token::And) => {
                    let column = self.column();
                    self.next += 1;
                    explicit = true;
                    if items.is_empty()
                        || matches!(
                            self.peek(),
                            None | Some(Token::Close | Token::Or | Token::And)
                        )
                    {
                        return Err(operand_missing("AND", column));
                    }
                }
                Some(_) => {
                    if let Some(item) = self.unary()? {
                        items.push(item);
                    }
                }
            }
        }
        Ok(match items.len() {
            0 => None,
            1 if !matches!(items[0], Expr::Not(_)) => items.pop(),
            _ => Some(Expr::All {
                items,
                ranked: !explicit,
            }),
        })
    }

    /// `NOT x`, `-x`, or `x`.
    fn unary(&mut self) -> Result<Option<Expr>, QueryError> {
        if let Some(Token::Not) = self.peek() {
            let column = self.column();
            self.next += 1;
            self.depth += 1;
            let inner = self.unary();
            self.depth -= 1;
            return match inner? {
                Some(Expr::Not(_)) | None => Err(operand_missing("NOT", column)),
                Some(inner) => Ok(Some(Expr::Not(Box::new(inner)))),
            };
        }
        self.near()
    }

    /// `a NEAR/5 b`.
    fn near(&mut self) -> Result<Option<Expr>, QueryError> {
        let left = self.primary()?;
        let Some(Token::Near(slack)) = self.peek().cloned() else {
            return Ok(left);
        };
        let column = self.column();
        self.next += 1;
        let right = self.primary()?;
        let word = |e: &Option<Expr>| match e {
            Some(Expr::Term(Term {
                field: Field::Text,
                matcher: Matcher::Word(w),
            })) => Some(w.clone()),
            _ => None,
        };
        match (word(&left), word(&right)) {
            (Some(a), Some(b)) if !matches!(self.peek(), Some(Token::Near(_))) => {
                Ok(Some(Expr::Term(Term {
                    field: Field::Text,
                    matcher: Matcher::Phrase {
                        words: vec![a, b],
                        slack,
                        ordered: false,
                    },
                })))
            }
            _ => Err(syntax(format!(
                "NEAR/{slack} at column {column} joins two plain words, as in `judge NEAR/5 funds`"
            ))),
        }
    }

    /// A term, a filter, or a parenthesized expression.
    fn primary(&mut self) -> Result<Option<Expr>, QueryError> {
        let column = self.column();
        match self.take() {
            Some((Token::Open, _)) => {
                self.depth += 1;
                let inner = self.or_expr();
                self.depth -= 1;
                let inner = inner?;
                match self.take() {
                    Some((Token::Close, _)) => {}
                    _ => {
                        return Err(syntax(format!(
                            "unbalanced parenthesis: `(` at column {column} is not closed; add `)`"
                        )));
                    }
                }
                inner
                    .map(Some)
                    .ok_or_else(|| syntax(format!("empty parentheses at column {column}")))
            }
            Some((Token::Term { term, negated }, _)) => {
                let term = Expr::Term(term);
                Ok(Some(if negated {
                    Expr::Not(Box::new(term))
                } else {
                    term
                }))
            }
            Some((Token::Filter { field, value }, _)) => {
                if self.depth > 0 {
                    return Err(syntax(format!(
                        "the filter `{field}:` at column {column} applies to the whole query; write it outside parentheses, OR and NOT"
                    )));
                }
                self.apply_filter(&field, &value)?;
                Ok(None)
            }
            Some((Token::Close, _)) => Err(syntax(format!(
                "unbalanced parenthesis: `)` at column {column} closes nothing; remove it or add `(` before it"
            ))),
            Some((Token::Near(slack), _)) => Err(syntax(format!(
                "NEAR/{slack} at column {column} joins two plain words, as in `judge NEAR/5 funds`"
            ))),
            Some((Token::Or | Token::And | Token::Not, _)) | None => Ok(None),
        }
    }

    fn apply_filter(&mut self, field: &str, value: &str) -> Result<(), QueryError> {
        if value.trim().is_empty() {
            return Err(syntax(format!(
                "`{field}:` needs a value, as in `{field}:{}`",
                example_for(field)
            )));
        }
        let range = |value: &str| parse_date_range_on(value, self.today);
        match field {
            "topic" => self.filters.topics.push(value.to_string()),
            "person" => self.filters.persons.push(PersonFilter::new(value)),
            "source" => self.filters.sources.push(value.to_string()),
            "date" => {
                let r = range(value)?;
                self.filters.within(r);
            }
            "after" => {
                let r = range(value)?;
                self.filters.after(r.start);
            }
            "before" => {
                let r = range(value)?;
                self.filters.before(r.end);
            }
            _ => unreachable!("the lexer only makes known filters"),
        }
        Ok(())
    }
}

fn operand_missing(operator: &str, column: usize) -> QueryError {
    let example = match operator {
        "OR" => "`judge OR court`",
        "AND" => "`judge AND court`",
        _ => "`court NOT appeal`",
    };
    syntax(format!(
        "{operator} at column {column} needs a word on {} side, as in {example}",
        if operator == "NOT" {
            "its right"
        } else {
            "each"
        }
    ))
}

fn example_for(field: &str) -> &'static str {
    match field {
        "topic" => "politics",
        "source" => "reuters",
        "person" => "orrick",
        _ => "2025-04",
    }
}

/// Splits the query into tokens.
fn lex(input: &str) -> Result<Vec<(Token, usize)>, QueryError> {
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                tokens.push((Token::Open, column));
                i += 1;
                continue;
            }
            ')' => {
                tokens.push((Token::Close, column));
                i += 1;
                continue;
            }
            _ => {}
        }
        // `-` right before a word, phrase or parenthesis negates it.
        let negated = c == '-' && chars.get(i + 1).is_some_and(|(_, n)| !n.is_whitespace());
        if negated {
            i += 1;
            if chars.get(i).is_some_and(|(_, n)| *n == '(') {
                tokens.push((Token::Not, column));
                continue;
            }
        }
        if is_quote(chars[i].1) {
            let (words, slack, end) = phrase(&chars, i, column)?;
            i = end;
            if !words.is_empty() {
                let term = phrase_term(Field::Text, words, slack);
                tokens.push((Token::Term { term, negated }, column));
            }
            continue;
        }
        let start = i;
        while i < chars.len() && !ends_word(chars[i].1) {
            i += 1;
        }
        let piece: String = chars[start..i].iter().map(|(_, c)| c).collect();
        if let Some((name, rest_at)) = field_name(&piece) {
            // `title:"sea wall"`, `topic:politics`, `source:"Daily Ledger"`.
            let value_start = start + rest_at;
            let (value, phrase_words, end) =
                if chars.get(value_start).is_some_and(|(_, c)| is_quote(*c)) {
                    let (words, slack, end) = phrase(&chars, value_start, value_start + 1)?;
                    (words.join(" "), Some((words, slack)), end)
                } else {
                    let value: String = chars[value_start..i].iter().map(|(_, c)| c).collect();
                    (value, None, i)
                };
            i = end;
            let token = if FILTER_FIELDS.contains(&name.as_str()) {
                if negated {
                    return Err(syntax(format!(
                        "filters cannot be excluded: `-{name}:` at column {column}; use the filter without `-`"
                    )));
                }
                Token::Filter { field: name, value }
            } else {
                let field = match name.as_str() {
                    "title" => Field::Title,
                    "author" => Field::Author,
                    _ => Field::Path,
                };
                let term = match phrase_words {
                    Some((words, slack)) => phrase_term(field, words, slack),
                    None if value.is_empty() => {
                        return Err(syntax(format!(
                            "`{name}:` at column {column} needs a value, as in `{name}:{}`",
                            match field {
                                Field::Title => "injunction",
                                Field::Author => "doe",
                                _ => "2025/",
                            }
                        )));
                    }
                    None if field == Field::Path => Term {
                        field,
                        matcher: Matcher::Prefix(value),
                    },
                    None => Term {
                        field,
                        matcher: word_matcher(&value, column)?,
                    },
                };
                Token::Term { term, negated }
            };
            tokens.push((token, column));
            continue;
        }
        let token = match piece.as_str() {
            "AND" if !negated => Token::And,
            "OR" if !negated => Token::Or,
            "NOT" if !negated => Token::Not,
            _ => match near_slack(&piece) {
                Some(slack) if !negated => Token::Near(slack?),
                _ => Token::Term {
                    term: Term {
                        field: Field::Text,
                        matcher: word_matcher(&piece, column)?,
                    },
                    negated,
                },
            },
        };
        tokens.push((token, column));
    }
    Ok(tokens)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')') || is_quote(c)
}

/// The field of `name:value`, lower-cased, and where its value starts; `None` for words
/// with a colon that are not fields ("10:30").
fn field_name(piece: &str) -> Option<(String, usize)> {
    let (name, _) = piece.split_once(':')?;
    let lower = name.to_ascii_lowercase();
    let known = FILTER_FIELDS.contains(&lower.as_str())
        || matches!(lower.as_str(), "title" | "author" | "path");
    known.then(|| {
        let at = name.chars().count() + 1;
        (lower, at)
    })
}

/// `NEAR/5` → `Some(Ok(5))`; `NEAR/x` → an error; anything else → `None`.
fn near_slack(piece: &str) -> Option<Result<u32, QueryError>> {
    let number = piece.strip_prefix("NEAR/")?;
    Some(number.parse().map_err(|_| {
        syntax(format!(
            "NEAR needs a number of words, as in `judge NEAR/5 funds` (got {piece:?})"
        ))
    }))
}

/// Reads a quoted phrase starting at `chars[start]` (the quote) and an optional `~N`
/// after it. Returns the words, the slack and where reading stopped.
fn phrase(
    chars: &[(usize, char)],
    start: usize,
    column: usize,
) -> Result<(Vec<String>, u32, usize), QueryError> {
    let mut end = start + 1;
    while end < chars.len() && !is_quote(chars[end].1) {
        end += 1;
    }
    if end >= chars.len() {
        return Err(syntax(format!(
            "a quoted phrase opened at column {column} is not closed; add the closing \""
        )));
    }
    let text: String = chars[start + 1..end].iter().map(|(_, c)| c).collect();
    let words = text.split_whitespace().map(str::to_string).collect();
    let mut next = end + 1;
    let mut slack = 0;
    if chars.get(next).is_some_and(|(_, c)| *c == '~') {
        let digits_start = next + 1;
        let mut k = digits_start;
        while chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit()) {
            k += 1;
        }
        let digits: String = chars[digits_start..k].iter().map(|(_, c)| c).collect();
        slack = digits.parse().map_err(|_| {
            syntax(format!(
                "`~` after the phrase at column {column} needs a number of words, as in `\"judge funds\"~5`"
            ))
        })?;
        next = k;
    }
    Ok((words, slack, next))
}

fn phrase_term(field: Field, words: Vec<String>, slack: u32) -> Term {
    let matcher = if words.len() == 1 && slack == 0 {
        Matcher::Word(words.into_iter().next().unwrap_or_default())
    } else {
        Matcher::Phrase {
            words,
            slack,
            ordered: true,
        }
    };
    Term { field, matcher }
}

/// A word with its marks read: `=word`, `word~N`, `pre*`, `wo?d`.
fn word_matcher(piece: &str, column: usize) -> Result<Matcher, QueryError> {
    if let Some(exact) = piece.strip_prefix('=').filter(|w| !w.is_empty()) {
        return Ok(Matcher::Exact(exact.to_string()));
    }
    if let Some((word, distance)) = piece.rsplit_once('~')
        && !word.is_empty()
        && (distance.is_empty() || distance.bytes().all(|b| b.is_ascii_digit()))
    {
        let distance = if distance.is_empty() {
            None
        } else {
            let n: u8 = distance.parse().unwrap_or(u8::MAX);
            if n > MAX_FUZZY_DISTANCE {
                return Err(syntax(format!(
                    "the fuzzy distance at column {column} is {distance}; use 0, 1 or 2 (`orick~1`)"
                )));
            }
            Some(n)
        };
        return Ok(Matcher::Fuzzy {
            word: word.to_string(),
            distance,
        });
    }
    if piece.contains(['*', '?']) {
        let letters = piece.chars().filter(|c| c.is_alphanumeric()).count();
        if letters == 0 {
            return Err(syntax(format!(
                "the wildcard at column {column} needs letters with it, as in `sanctuar*` or `wom?n`"
            )));
        }
        let prefix_only = piece
            .strip_suffix('*')
            .is_some_and(|head| !head.contains(['*', '?']));
        return Ok(if prefix_only {
            Matcher::Prefix(piece.trim_end_matches('*').to_string())
        } else {
            Matcher::Wildcard(piece.to_string())
        });
    }
    Ok(Matcher::Word(piece.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 4, 30).unwrap()
    }

    fn parse(input: &str) -> (Option<Expr>, Filters) {
        let (text, filters) = parse_query_on(input, today()).unwrap();
        (text.expr, filters)
    }

    fn word(w: &str) -> Expr {
        Expr::Term(Term {
            field: Field::Text,
            matcher: Matcher::Word(w.to_string()),
        })
    }

    fn matcher(m: Matcher) -> Expr {
        Expr::Term(Term {
            field: Field::Text,
            matcher: m,
        })
    }

    fn ranked(items: Vec<Expr>) -> Expr {
        Expr::All {
            items,
            ranked: true,
        }
    }

    #[test]
    fn words_side_by_side_are_ranked_all_then_some() {
        assert_eq!(
            parse("judge injunction").0,
            Some(ranked(vec![word("judge"), word("injunction")]))
        );
        assert_eq!(parse("judge").0, Some(word("judge")));
        assert_eq!(parse("").0, None);
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        // a OR b c  =  a OR (b c);  NOT binds to the next item only.
        assert_eq!(
            parse("a OR b c").0,
            Some(Expr::Any(vec![
                word("a"),
                ranked(vec![word("b"), word("c")])
            ]))
        );
        assert_eq!(
            parse("a AND b OR c").0,
            Some(Expr::Any(vec![
                Expr::All {
                    items: vec![word("a"), word("b")],
                    ranked: false
                },
                word("c"),
            ]))
        );
        assert_eq!(
            parse("court NOT appeal ruling").0,
            Some(ranked(vec![
                word("court"),
                Expr::Not(Box::new(word("appeal"))),
                word("ruling")
            ]))
        );
        assert_eq!(
            parse("(a OR b) -c").0,
            Some(ranked(vec![
                Expr::Any(vec![word("a"), word("b")]),
                Expr::Not(Box::new(word("c"))),
            ]))
        );
        assert_eq!(
            parse("-(a b) c").0,
            Some(ranked(vec![
                Expr::Not(Box::new(ranked(vec![word("a"), word("b")]))),
                word("c"),
            ]))
        );
        // Lower-case operators are words.
        assert_eq!(
            parse("war and peace").0,
            Some(ranked(vec![word("war"), word("and"), word("peace")]))
        );
    }

    #[test]
    fn every_term_form() {
        let cases = [
            ("sanctuar*", Matcher::Prefix("sanctuar".into())),
            ("wom?n", Matcher::Wildcard("wom?n".into())),
            ("s*ry", Matcher::Wildcard("s*ry".into())),
            (
                "orick~",
                Matcher::Fuzzy {
                    word: "orick".into(),
                    distance: None,
                },
            ),
            (
                "orick~1",
                Matcher::Fuzzy {
                    word: "orick".into(),
                    distance: Some(1),
                },
            ),
            ("=police", Matcher::Exact("police".into())),
            (
                "\"judge funds\"~5",
                Matcher::Phrase {
                    words: vec!["judge".into(), "funds".into()],
                    slack: 5,
                    ordered: true,
                },
            ),
            (
                "“federal funds”",
                Matcher::Phrase {
                    words: vec!["federal".into(), "funds".into()],
                    slack: 0,
                    ordered: true,
                },
            ),
            (
                "judge NEAR/5 funds",
                Matcher::Phrase {
                    words: vec!["judge".into(), "funds".into()],
                    slack: 5,
                    ordered: false,
                },
            ),
            ("10:30", Matcher::Word("10:30".into())),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input).0, Some(matcher(expected)), "{input}");
        }
        let field = |field, m| Some(Expr::Term(Term { field, matcher: m }));
        assert_eq!(
            parse("title:injunction").0,
            field(Field::Title, Matcher::Word("injunction".into()))
        );
        assert_eq!(
            parse("Author:\"Jane Doe\"").0,
            field(
                Field::Author,
                Matcher::Phrase {
                    words: vec!["Jane".into(), "Doe".into()],
                    slack: 0,
                    ordered: true
                }
            )
        );
        assert_eq!(
            parse("path:2025/").0,
            field(Field::Path, Matcher::Prefix("2025/".into()))
        );
    }

    #[test]
    fn filters_inside_the_query_and_relative_dates() {
        let (expr, filters) =
            parse(r#"funding topic:Politics source:"Daily Ledger" date:2025-04 after:2025-04-10"#);
        assert_eq!(expr, Some(word("funding")));
        assert_eq!(filters.topics, ["Politics"]);
        assert_eq!(filters.sources, ["Daily Ledger"]);
        assert_eq!(filters.from, NaiveDate::from_ymd_opt(2025, 4, 10));
        assert_eq!(filters.until, NaiveDate::from_ymd_opt(2025, 5, 1));
        let (_, filters) = parse("date:last-month");
        assert_eq!(filters.from, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(filters.until, NaiveDate::from_ymd_opt(2025, 4, 1));
        let (_, filters) = parse("after:30d");
        assert_eq!(filters.from, NaiveDate::from_ymd_opt(2025, 3, 31));
    }

    #[test]
    fn bad_queries_say_what_and_where() {
        let cases = [
            ("open \"phrase", "not closed", "column 6"),
            ("OR judge", "OR at column 1", "each side"),
            ("judge OR", "OR at column 7", "each side"),
            ("judge AND", "AND at column 7", "each side"),
            ("foo AND (bar", "`(` at column 9 is not closed", "add `)`"),
            ("foo bar)", "`)` at column 8 closes nothing", "remove it"),
            ("()", "empty parentheses", "column 1"),
            ("date:2025-13", "invalid date", "YYYY-MM-DD"),
            ("topic:", "needs a value", "topic:politics"),
            ("source:\"open", "not closed", "closing"),
            ("orick~3", "fuzzy distance", "0, 1 or 2"),
            ("* x", "wildcard at column 1", "sanctuar*"),
            ("judge NEAR/x funds", "NEAR needs a number", "NEAR/5"),
            ("judge NEAR/3", "NEAR/3 at column 7", "two plain words"),
            ("a OR -b", "NOT and - exclude", "court -appeal"),
            ("(topic:x OR y)", "applies to the whole query", "outside"),
            ("-topic:x y", "cannot be excluded", "without `-`"),
            ("NOT", "NOT at column 1", "its right"),
            ("\"a b\"~x", "`~` after the phrase", "number of words"),
        ];
        for (input, first, second) in cases {
            let err = parse_query_on(input, today()).unwrap_err().to_string();
            assert!(
                err.contains(first) && err.contains(second),
                "{input}: {err}"
            );
            assert!(!err.contains('\n'), "{input}");
        }
    }

    #[test]
    fn errors_stay_on_one_line_whatever_the_input() {
        for input in [
            "date:\"2025\n-13\"",
            "before:\"x\ny\"",
            "date:\"\r\u{1}\"",
            "(\n",
        ] {
            let err = parse_query_on(input, today()).unwrap_err().to_string();
            assert!(!err.contains('\n') && !err.contains('\r'), "{err}");
        }
    }
}
