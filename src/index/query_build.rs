//! Query values into tantivy queries, in one place: the query over article documents
//! (what ranks and filters articles), the query over passage documents (what picks the
//! passage to show and counts passages), the filters, and the expansion of prefixes,
//! wildcards and fuzzy words against the index's own dictionary.

use super::ClippingIndex;
use super::schema::{ARTICLE, NAME_ANALYZER, NEWS_ANALYZER, PASSAGE, to_tantivy_date};
use crate::clipping::folded_key;
use crate::error::{Error, Result};
use crate::fasthash::IntSet;
use crate::query::{Expr, Field, Filters, Matcher, Term as QueryTerm};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;
use tantivy::BitSet;
use tantivy::query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Scorer, Weight};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, RangeQuery, RegexQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field as TantivyField, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

/// Weight of a headline match relative to a match in the text.
const HEADLINE_BOOST: f32 = 1.5;
/// Most dictionary words one prefix, wildcard or fuzzy word expands to: enough for any
/// real word family, few enough that the query stays fast.
pub const MAX_EXPANSIONS: usize = 1000;

/// A clause of a boolean query.
pub(super) type Clause = (Occur, Box<dyn Query>);

/// Which reading of words written side by side to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tier {
    /// Every item is required.
    Every,
    /// Any item will do (only for words side by side at the top).
    Some,
}

/// Builds queries for one search against one searcher; remembers what it had to cut.
pub(super) struct Builder<'a> {
    pub(super) index: &'a ClippingIndex,
    pub(super) searcher: &'a Searcher,
    /// Notes for the user: expansions that were cut.
    pub(super) notes: RefCell<Vec<String>>,
    /// The analyzed words of every term built, expansions included: what to highlight.
    pub(super) highlights: RefCell<std::collections::HashSet<String>>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(index: &'a ClippingIndex, searcher: &'a Searcher) -> Builder<'a> {
        Builder {
            index,
            searcher,
            notes: RefCell::new(Vec::new()),
            highlights: RefCell::new(std::collections::HashSet::new()),
        }
    }

    fn fields(&self) -> &super::schema::Fields {
        &self.index.fields
    }

    /// The query over article documents for `expr`; `None` when it has no searchable
    /// words at all. It matches article documents alone: every field it asks is one only
    /// articles have, and its two other parts (articles found by number, and everything
    /// but some exclusions) require the kind themselves, so a search need not.
    pub(super) fn articles(&self, expr: &Expr, tier: Tier) -> Result<Option<Box<dyn Query>>> {
        Ok(match expr {
            Expr::Term(term) => self.article_term(term)?,
            Expr::Any(items) => {
                let alternatives = self.each(items, |e| self.articles(e, Tier::Every))?;
                boolean(alternatives, Occur::Should)
            }
            Expr::All { items, ranked } => {
                let occur = if tier == Tier::Some && *ranked {
                    Occur::Should
                } else {
                    Occur::Must
                };
                self.conjunction(items, occur, ARTICLE, |e| self.articles(e, Tier::Every))?
            }
            Expr::Not(_) => {
                self.conjunction(std::slice::from_ref(expr), Occur::Must, ARTICLE, |e| {
                    self.articles(e, Tier::Every)
                })?
            }
        })
    }

    /// The query over passage documents for `expr`: terms of the headline, byline or
    /// path do not choose passages and are left out; `None` when nothing is left.
    pub(super) fn passages(&self, expr: &Expr, tier: Tier) -> Result<Option<Box<dyn Query>>> {
        Ok(match expr {
            Expr::Term(term) => self.passage_term(term)?,
            Expr::Any(items) => {
                let alternatives = self.each(items, |e| self.passages(e, Tier::Every))?;
                boolean(alternatives, Occur::Should)
            }
            Expr::All { items, ranked } => {
                let occur = if tier == Tier::Some && *ranked {
                    Occur::Should
                } else {
                    Occur::Must
                };
                self.conjunction(items, occur, PASSAGE, |e| self.passages(e, Tier::Every))?
            }
            Expr::Not(_) => None,
        })
    }

    fn each(
        &self,
        items: &[Expr],
        build: impl Fn(&Expr) -> Result<Option<Box<dyn Query>>>,
    ) -> Result<Vec<Box<dyn Query>>> {
        let mut out = Vec::new();
        for item in items {
            out.extend(build(item)?);
        }
        Ok(out)
    }

    /// Positive items joined by `occur`; `Not` items excluded. Only exclusions: every
    /// document of the kind, less them.
    fn conjunction(
        &self,
        items: &[Expr],
        occur: Occur,
        kind: u64,
        build: impl Fn(&Expr) -> Result<Option<Box<dyn Query>>>,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut optional: Vec<Clause> = Vec::new();
        let mut positives = 0;
        for item in items {
            match item {
                Expr::Not(inner) => {
                    if let Some(query) = build(inner)? {
                        clauses.push((Occur::MustNot, query));
                    }
                }
                other => {
                    if let Some(query) = build(other)? {
                        // Field terms (`path:`, `author:`, `title:`) narrow like filters,
                        // also where words are optional.
                        let field_term = matches!(other, Expr::Term(t) if t.field != Field::Text);
                        if occur == Occur::Should && !field_term {
                            optional.push((Occur::Should, query));
                        } else {
                            clauses.push((Occur::Must, query));
                        }
                        positives += 1;
                    }
                }
            }
        }
        // Beside required clauses, optional ones would not be required at all: at least
        // one of them must match.
        if !optional.is_empty() {
            if clauses.iter().any(|(o, _)| *o == Occur::Must) {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(optional))));
            } else {
                clauses.extend(optional);
            }
        }
        if positives == 0 {
            if clauses.is_empty() {
                return Ok(None);
            }
            // Every document of the kind, scored 1 as tantivy's `AllQuery` scores.
            clauses.push((Occur::Must, kind_query(self.fields().kind, kind, 1.0)));
        }
        Ok(Some(Box::new(BooleanQuery::new(clauses))))
    }

    fn article_term(&self, term: &QueryTerm) -> Result<Option<Box<dyn Query>>> {
        let f = self.fields();
        Ok(match (term.field, &term.matcher) {
            (Field::Path, matcher) => Some(self.path_query(matcher)?),
            (Field::Author, matcher) => {
                let tokens = self.index.analyze(NAME_ANALYZER, &words_of(matcher));
                tokens_query(f.author, &tokens, 0, true)
            }
            (
                field,
                Matcher::Phrase {
                    words,
                    slack,
                    ordered,
                },
            ) => {
                let tokens = self.index.analyze(NEWS_ANALYZER, &words.join(" "));
                self.highlights.borrow_mut().extend(tokens.iter().cloned());
                self.phrase_in_articles(field, &tokens, *slack, *ordered)?
            }
            (field, matcher) => {
                let tokens = self.word_tokens(matcher)?;
                if tokens.is_empty() {
                    None
                } else {
                    self.words_in_articles(field, matcher, &tokens)
                }
            }
        })
    }

    /// A word (or a word's expansions) in the text or headline of articles. A word the
    /// analyzer splits in two ("U.S.") must stand as a phrase.
    fn words_in_articles(
        &self,
        field: Field,
        matcher: &Matcher,
        tokens: &[String],
    ) -> Option<Box<dyn Query>> {
        let f = self.fields();
        if let (Matcher::Word(_), [_, _, ..]) = (matcher, tokens) {
            return self
                .phrase_in_articles(field, tokens, 0, true)
                .ok()
                .flatten();
        }
        if let Matcher::Exact(_) = matcher {
            let exact = self.index.analyze(NAME_ANALYZER, &words_of(matcher));
            self.highlights.borrow_mut().extend(
                exact
                    .iter()
                    .flat_map(|w| self.index.analyze(NEWS_ANALYZER, w)),
            );
            // The exact-word field keeps no positions: several words must all be there.
            return tokens_query(f.body_exact, &exact, 0, false);
        }
        let alternatives: Vec<Box<dyn Query>> = tokens
            .iter()
            .map(|token| -> Box<dyn Query> {
                let headline = term_query(f.headline, token);
                match field {
                    Field::Title => headline,
                    _ => Box::new(BooleanQuery::new(vec![
                        (Occur::Should, term_query(f.body, token)),
                        (
                            Occur::Should,
                            Box::new(BoostQuery::new(headline, HEADLINE_BOOST)),
                        ),
                    ])),
                }
            })
            .collect();
        boolean(alternatives, Occur::Should).or_else(|| Some(Box::new(EmptyQuery)))
    }

    /// Words together in one passage (or in the headline): the article must hold a
    /// passage where they stand so; it is scored by the words over its whole text.
    fn phrase_in_articles(
        &self,
        field: Field,
        tokens: &[String],
        slack: u32,
        ordered: bool,
    ) -> Result<Option<Box<dyn Query>>> {
        let f = self.fields();
        if tokens.is_empty() {
            return Ok(None);
        }
        let headline: Box<dyn Query> = match tokens_query(f.headline, tokens, slack, ordered) {
            Some(q) => q,
            None => Box::new(EmptyQuery),
        };
        if field == Field::Title {
            return Ok(Some(headline));
        }
        let keys = self
            .index
            .articles_with_phrase(self.searcher, tokens, slack, ordered)?;
        let in_passage: Vec<Clause> = std::iter::once((
            Occur::Must,
            Box::new(ConstScoreQuery::new(self.articles_numbered(keys), 0.0)) as Box<dyn Query>,
        ))
        .chain(
            tokens
                .iter()
                .map(|t| (Occur::Should, term_query(f.body, t))),
        )
        .collect();
        Ok(Some(Box::new(BooleanQuery::new(vec![
            (Occur::Should, Box::new(BooleanQuery::new(in_passage))),
            (
                Occur::Should,
                Box::new(BoostQuery::new(headline, HEADLINE_BOOST)),
            ),
        ]))))
    }

    fn passage_term(&self, term: &QueryTerm) -> Result<Option<Box<dyn Query>>> {
        let f = self.fields();
        if term.field != Field::Text {
            return Ok(None);
        }
        Ok(match &term.matcher {
            Matcher::Phrase {
                words,
                slack,
                ordered,
            } => {
                let tokens = self.index.analyze(NEWS_ANALYZER, &words.join(" "));
                tokens_query(f.text, &tokens, *slack, *ordered)
            }
            Matcher::Word(word) => {
                let tokens = self.index.analyze(NEWS_ANALYZER, word);
                tokens_query(f.text, &tokens, 0, true)
            }
            matcher => {
                let tokens = self.word_tokens(matcher)?;
                boolean(
                    tokens.iter().map(|t| term_query(f.text, t)).collect(),
                    Occur::Should,
                )
                .or_else(|| Some(Box::new(EmptyQuery)))
            }
        })
    }

    /// The stemmed words a matcher stands for: the word itself, or what a prefix,
    /// wildcard or fuzzy word expands to in the dictionary.
    fn word_tokens(&self, matcher: &Matcher) -> Result<Vec<String>> {
        let words: Vec<String> = match matcher {
            Matcher::Word(word) | Matcher::Exact(word) => vec![word.clone()],
            Matcher::Prefix(_) | Matcher::Wildcard(_) | Matcher::Fuzzy { .. } => {
                self.expand(matcher)?
            }
            Matcher::Phrase { words, .. } => words.clone(),
        };
        let mut tokens: Vec<String> = Vec::new();
        for word in words {
            for token in self.index.analyze(NEWS_ANALYZER, &word) {
                if !tokens.contains(&token) {
                    tokens.push(token);
                }
            }
        }
        self.highlights.borrow_mut().extend(tokens.iter().cloned());
        Ok(tokens)
    }

    /// Dictionary words (folded, unstemmed) a prefix, wildcard or fuzzy word matches, at
    /// most [`MAX_EXPANSIONS`]; a note says when there were more.
    pub(super) fn expand(&self, matcher: &Matcher) -> Result<Vec<String>> {
        let field = self.fields().body_exact;
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut cut = false;
        let (shown, pattern) = match matcher {
            Matcher::Prefix(p) => (format!("{p}*"), Pattern::Prefix(fold_word(p))),
            Matcher::Wildcard(w) => (w.clone(), Pattern::Glob(fold_word(w))),
            Matcher::Fuzzy { word, distance } => {
                let folded = fold_word(word);
                let distance = distance.unwrap_or_else(|| fuzzy_distance(&folded));
                (
                    format!("{word}~{distance}"),
                    Pattern::Fuzzy(folded, distance),
                )
            }
            _ => return Ok(Vec::new()),
        };
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let dictionary = inverted.terms();
            let mut add = |bytes: &[u8]| {
                if found.len() >= MAX_EXPANSIONS {
                    cut = true;
                    return false;
                }
                if let Ok(word) = std::str::from_utf8(bytes) {
                    found.insert(word.to_string());
                }
                true
            };
            match &pattern {
                Pattern::Fuzzy(word, distance) => {
                    let query =
                        FuzzyTermQuery::new(Term::from_field_text(field, word), *distance, true);
                    let automaton = query
                        .automaton()
                        .map_err(|e| Error::index("fuzzy word", e))?;
                    let mut stream = dictionary
                        .search(automaton)
                        .into_stream()
                        .map_err(|e| Error::index("reading the dictionary", e))?;
                    while stream.advance() {
                        if !add(stream.key()) {
                            break;
                        }
                    }
                }
                Pattern::Prefix(prefix) | Pattern::Glob(prefix) => {
                    let literal = match &pattern {
                        Pattern::Glob(glob) => {
                            glob.split(['*', '?']).next().unwrap_or("").to_string()
                        }
                        _ => prefix.clone(),
                    };
                    let mut stream = dictionary
                        .range()
                        .ge(literal.as_bytes())
                        .into_stream()
                        .map_err(|e| Error::index("reading the dictionary", e))?;
                    while stream.advance() {
                        let key = stream.key();
                        if !key.starts_with(literal.as_bytes()) {
                            break;
                        }
                        let matches = match &pattern {
                            Pattern::Glob(glob) => {
                                std::str::from_utf8(key).is_ok_and(|w| glob_matches(glob, w))
                            }
                            _ => true,
                        };
                        if matches && !add(key) {
                            break;
                        }
                    }
                }
            }
        }
        if cut {
            self.notes.borrow_mut().push(format!(
                "{shown} matches more than {MAX_EXPANSIONS} words; searching the first {MAX_EXPANSIONS} (add letters to narrow it)"
            ));
        }
        Ok(found.into_iter().collect())
    }

    /// `path:` — paths with the value at the start of one of their folder or file names.
    fn path_query(&self, matcher: &Matcher) -> Result<Box<dyn Query>> {
        let value = words_of(matcher);
        let pattern = format!("(.*/)?{}.*", regex_escape(value.trim()));
        Ok(Box::new(
            RegexQuery::from_pattern(&pattern, self.fields().path)
                .map_err(|e| Error::index("path pattern", e))?,
        ))
    }

    /// Filters over article documents, every one required, none scored; each asks a field
    /// only articles have, so the article kind is not among them.
    pub(super) fn filters(&self, filters: &Filters) -> Result<Vec<Clause>> {
        let f = self.fields();
        let mut clauses: Vec<Clause> = Vec::new();
        let mut must = |query: Box<dyn Query>| {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0))))
        };
        for topic in &filters.topics {
            must(Box::new(TermQuery::new(
                Term::from_field_text(f.topic, &folded_key(topic)),
                IndexRecordOption::Basic,
            )));
        }
        for source in &filters.sources {
            let tokens = self.index.analyze(NAME_ANALYZER, source);
            if tokens.is_empty() {
                return Err(Error::Query(format!(
                    "source {source:?} has no letters or digits to match"
                )));
            }
            must(tokens_query(f.source, &tokens, 0, true).unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        for person in &filters.persons {
            let any: Vec<Box<dyn Query>> = person
                .keys
                .iter()
                .map(|key| term_query(f.person, key))
                .collect();
            // A person nobody in the archive matches: nothing can match.
            must(boolean(any, Occur::Should).unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        if filters.from.is_some() || filters.until.is_some() {
            let bound = |date: Option<chrono::NaiveDate>, inclusive: bool| match date {
                None => Bound::Unbounded,
                Some(d) => {
                    let term = Term::from_field_date_for_search(f.date, to_tantivy_date(d));
                    if inclusive {
                        Bound::Included(term)
                    } else {
                        Bound::Excluded(term)
                    }
                }
            };
            must(Box::new(RangeQuery::new(
                bound(filters.from, true),
                bound(filters.until, false),
            )));
        }
        Ok(clauses)
    }

    /// Scoring clauses for articles that name the persons asked for often.
    pub(super) fn person_weight(&self, filters: &Filters) -> Vec<Clause> {
        let f = self.fields();
        filters
            .persons
            .iter()
            .flat_map(|p| p.keys.iter())
            .map(|key| (Occur::Should, term_query(f.person, key)))
            .collect()
    }

    /// Passages that mention any of the persons asked for.
    pub(super) fn mentions(&self, filters: &Filters) -> Option<Box<dyn Query>> {
        let f = self.fields();
        let any: Vec<Box<dyn Query>> = filters
            .persons
            .iter()
            .flat_map(|p| p.keys.iter())
            .map(|key| {
                Box::new(TermQuery::new(
                    Term::from_field_text(f.mention, key),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        boolean(any, Occur::Should)
    }

    /// Article documents only.
    pub(super) fn article_kind(&self) -> Clause {
        (Occur::Must, kind_query(self.fields().kind, ARTICLE, 0.0))
    }

    /// Passage documents only.
    pub(super) fn passage_kind(&self) -> Clause {
        (Occur::Must, kind_query(self.fields().kind, PASSAGE, 0.0))
    }

    /// The article documents numbered `keys`.
    fn articles_numbered(&self, keys: Vec<u64>) -> Box<dyn Query> {
        if keys.len() <= FEW_ARTICLES {
            // Passages carry their article's number too.
            return Box::new(BooleanQuery::new(vec![
                (Occur::Must, articles_query(self.fields().article, keys)),
                self.article_kind(),
            ]));
        }
        Box::new(ArticlesNumbered {
            kind: self.fields().kind,
            keys: Arc::new(keys.into_iter().collect()),
        })
    }

    /// Passage documents of the given articles.
    pub(super) fn passages_of(&self, keys: impl IntoIterator<Item = u64>) -> Vec<Clause> {
        let f = self.fields();
        vec![
            self.passage_kind(),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(articles_query(f.article, keys), 0.0)),
            ),
        ]
    }
}

enum Pattern {
    Prefix(String),
    Glob(String),
    Fuzzy(String, u8),
}

/// Edits a fuzzy word allows when none is given: none under four letters ("cat~" is
/// cat), one up to seven, two from eight.
pub fn fuzzy_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A word as the exact-word dictionary holds it: lower case, accents folded.
fn fold_word(word: &str) -> String {
    folded_key(word)
}

/// True when `word` matches `glob` (`?` one character, `*` any run), whole.
pub fn glob_matches(glob: &str, word: &str) -> bool {
    let (glob, word): (Vec<char>, Vec<char>) = (glob.chars().collect(), word.chars().collect());
    // Classic two-pointer matching with backtracking to the last star.
    let (mut g, mut w) = (0, 0);
    let (mut star, mut star_w) = (None, 0);
    while w < word.len() {
        if g < glob.len() && (glob[g] == '?' || glob[g] == word[w]) {
            g += 1;
            w += 1;
        } else if g < glob.len() && glob[g] == '*' {
            star = Some(g);
            star_w = w;
            g += 1;
        } else if let Some(s) = star {
            g = s + 1;
            star_w += 1;
            w = star_w;
        } else {
            return false;
        }
    }
    glob[g..].iter().all(|&c| c == '*')
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The words a matcher was typed with.
fn words_of(matcher: &Matcher) -> String {
    match matcher {
        Matcher::Word(w) | Matcher::Exact(w) | Matcher::Prefix(w) | Matcher::Wildcard(w) => {
            w.clone()
        }
        Matcher::Fuzzy { word, .. } => word.clone(),
        Matcher::Phrase { words, .. } => words.join(" "),
    }
}

/// A BM25-scored match of one token.
pub(super) fn term_query(field: TantivyField, token: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, token),
        IndexRecordOption::WithFreqs,
    ))
}

/// Below this many articles, a set of articles is asked for term by term: a term set
/// builds a dictionary automaton in every segment (its first allocation alone cost a
/// timeline of 120 months, one article each, a fifth of its time).
const FEW_ARTICLES: usize = 32;

/// The documents of the given article numbers, unscored.
fn articles_query(field: TantivyField, keys: impl IntoIterator<Item = u64>) -> Box<dyn Query> {
    let terms: Vec<Term> = keys
        .into_iter()
        .map(|k| Term::from_field_u64(field, k))
        .collect();
    if terms.len() > FEW_ARTICLES {
        return Box::new(TermSetQuery::new(terms));
    }
    Box::new(BooleanQuery::new(
        terms
            .into_iter()
            .map(|term| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect(),
    ))
}

/// The article documents whose number is in a set of many, found by reading the number
/// of every article document: a term set of thousands of numbers walks the dictionary
/// with an automaton of all of them, which cost a phrase search at 100,000 clippings
/// three quarters of its time.
#[derive(Clone, Debug)]
struct ArticlesNumbered {
    kind: TantivyField,
    keys: Arc<IntSet<u64>>,
}

impl Query for ArticlesNumbered {
    fn weight(&self, _scoring: EnableScoring) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for ArticlesNumbered {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let numbers = reader.fast_fields().u64("article")?;
        let mut found = BitSet::with_max_value(reader.max_doc());
        let kind = Term::from_field_u64(self.kind, ARTICLE);
        let inverted = reader.inverted_index(self.kind)?;
        if let Some(mut articles) = inverted.read_postings(&kind, IndexRecordOption::Basic)? {
            let mut doc = articles.doc();
            while doc != TERMINATED {
                if numbers.first(doc).is_some_and(|n| self.keys.contains(&n)) {
                    found.insert(doc);
                }
                doc = articles.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(found), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() <= doc && scorer.seek(doc) == doc {
            Ok(Explanation::new(
                "an article numbered as asked",
                scorer.score(),
            ))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not an article numbered as asked"
            )))
        }
    }
}

/// Every document of `kind`, each scored `score`.
fn kind_query(field: TantivyField, kind: u64, score: Score) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_u64(field, kind),
            IndexRecordOption::Basic,
        )),
        score,
    ))
}

/// One token as a term query; several as a phrase (with `slack` for an ordered one) or,
/// unordered, as a conjunction: callers that need the exact proximity verify it.
pub(super) fn tokens_query(
    field: TantivyField,
    tokens: &[String],
    slack: u32,
    ordered: bool,
) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [token] => Some(term_query(field, token)),
        _ if ordered => {
            let mut phrase = PhraseQuery::new(
                tokens
                    .iter()
                    .map(|t| Term::from_field_text(field, t))
                    .collect(),
            );
            phrase.set_slop(slack);
            Some(Box::new(phrase))
        }
        _ => boolean(
            tokens.iter().map(|t| term_query(field, t)).collect(),
            Occur::Must,
        ),
    }
}

/// Queries joined by `occur`; `None` for none, the query itself for one.
pub(super) fn boolean(mut queries: Vec<Box<dyn Query>>, occur: Occur) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (occur, q)).collect(),
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_words() {
        let cases = [
            ("wom?n", "woman", true),
            ("wom?n", "women", true),
            ("wom?n", "womn", false),
            ("wom?n", "womans", false),
            ("s*ry", "story", true),
            ("s*ry", "sry", true),
            ("s*ry", "stories", false),
            ("*ing", "ruling", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
            ("caf?", "café", true),
        ];
        for (glob, word, expected) in cases {
            assert_eq!(glob_matches(glob, word), expected, "{glob} {word}");
        }
    }

    #[test]
    fn fuzzy_distance_grows_with_length() {
        assert_eq!(fuzzy_distance("cat"), 0);
        assert_eq!(fuzzy_distance("orick"), 1);
        assert_eq!(fuzzy_distance("injunction"), 2);
    }
}
