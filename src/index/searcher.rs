//! Answers searches: builds tantivy queries from [`SearchRequest`] values, ranks passages
//! (all words before some), highlights matches, and reads records back.

use super::ClippingIndex;
use super::schema::{NAME_ANALYZER, NEWS_ANALYZER, from_tantivy_date, to_tantivy_date};
use crate::clipping::{Clipping, DateSource, Format, folded_key};
use crate::error::{Error, Result};
use crate::query::{self, Filters, SearchRequest, TextQuery};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DateTime, DocAddress, Order, ReloadPolicy, Searcher, TantivyDocument, Term};

/// One passage that answers a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Index of the passage in the article's passages.
    pub passage: usize,
    /// Relevance (BM25); 0 for filter-only listings.
    pub score: f32,
    /// Article title.
    pub title: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Publisher or site.
    pub source: Option<String>,
    /// File the article came from.
    pub path: String,
    /// Article topics.
    pub topics: Vec<String>,
    /// Persons this passage mentions.
    pub persons: Vec<String>,
    /// The passage.
    pub text: String,
    /// Byte ranges of matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Paths of near-identical copies collapsed into this hit.
    pub copies: Vec<String>,
}

/// Weight of a headline match relative to a passage-text match.
const HEADLINE_BOOST: f32 = 0.5;

type Clause = (Occur, Box<dyn Query>);

/// How many passages to look at per passage wanted when copies are collapsed.
const COLLAPSE_FETCH_FACTOR: usize = 4;

/// The queries for one request.
pub(super) struct BuiltQuery {
    kind: QueryKind,
    /// Passages matching this rank before the others of their tier: those that mention
    /// the persons asked for.
    prefer: Option<Box<dyn Query>>,
}

enum QueryKind {
    /// No words: every passage that passes the filters.
    FiltersOnly(Box<dyn Query>),
    /// Words: passages with all of them, then (when there are several) with any.
    Ranked {
        strict: Box<dyn Query>,
        loose: Option<Box<dyn Query>>,
    },
}

impl BuiltQuery {
    /// The query whose matches are counted: all words, or only the filters.
    pub(super) fn matching(&self) -> &dyn Query {
        match &self.kind {
            QueryKind::FiltersOnly(query) => query.as_ref(),
            QueryKind::Ranked { strict, .. } => strict.as_ref(),
        }
    }
}

impl ClippingIndex {
    pub(super) fn searcher(&self) -> Result<Searcher> {
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(reader.searcher())
    }

    /// Number of passages in the index.
    pub fn passage_count(&self) -> Result<u64> {
        Ok(self.searcher()?.num_docs())
    }

    /// Runs a search and returns at most `request.limit` passages, best first, with
    /// copies of one story collapsed into the first hit unless `request.all_copies`.
    pub fn search(&self, request: &SearchRequest) -> Result<Vec<Hit>> {
        let searcher = self.searcher()?;
        let built = self.build_query(&request.text, &request.filters)?;
        // Collapsing copies drops hits, so look further down the ranking.
        let fetch = if request.all_copies {
            request.limit
        } else {
            request.limit * COLLAPSE_FETCH_FACTOR
        };
        let ranked = self.rank(&searcher, &built, fetch)?;
        let terms = self.highlight_terms(&request.text);
        let forms: Vec<&str> = request
            .filters
            .persons
            .iter()
            .flat_map(|p| p.forms.iter().map(String::as_str))
            .collect();
        let mut owners: HashMap<u64, String> = HashMap::new();
        let mut hits: Vec<(Hit, u64)> = Vec::new();
        for (score, address) in ranked {
            let (mut hit, story) = self.hit(&searcher, address, score, &terms)?;
            if !forms.is_empty() {
                hit.highlights = merge_ranges(hit.highlights, name_ranges(&hit.text, &forms));
            }
            if !request.all_copies {
                let owner = owners.entry(story).or_insert_with(|| hit.path.clone());
                if *owner != hit.path {
                    continue;
                }
            }
            hits.push((hit, story));
            if hits.len() == request.limit {
                break;
            }
        }
        if !request.all_copies {
            let mut copies: HashMap<u64, Vec<String>> = HashMap::new();
            for (hit, story) in &mut hits {
                if !copies.contains_key(story) {
                    copies.insert(*story, self.copies(&searcher, *story, &hit.path)?);
                }
                hit.copies = copies[story].clone();
            }
        }
        Ok(hits.into_iter().map(|(hit, _)| hit).collect())
    }

    /// Paths of the records in `story` other than the one at `own_path`.
    fn copies(&self, searcher: &Searcher, story: u64, own_path: &str) -> Result<Vec<String>> {
        let query = BooleanQuery::new(vec![
            (Occur::Must, term_u64(self.fields.story, story)),
            (Occur::Must, term_u64(self.fields.passage, 0)),
        ]);
        let members = searcher.search(&query, &DocSetCollector)?;
        // Most stories have one record: the hit itself, no document to read.
        if members.len() < 2 {
            return Ok(Vec::new());
        }
        let mut paths: Vec<String> = members
            .into_iter()
            .map(|address| searcher.doc::<TantivyDocument>(address))
            .collect::<tantivy::Result<Vec<_>>>()?
            .iter()
            .map(|doc| self.text(doc, self.fields.path))
            .filter(|path| path != own_path)
            .collect();
        paths.sort();
        paths.dedup();
        Ok(paths)
    }

    /// Builds the tantivy queries for a text query and filters.
    pub(super) fn build_query(&self, text: &TextQuery, filters: &Filters) -> Result<BuiltQuery> {
        let prefer = self.mention_query(filters);
        let filters = self.filter_clauses(filters)?;
        let excluded: Vec<Clause> = text
            .excluded
            .iter()
            .filter_map(|term| self.term_query(term))
            .map(|q| (Occur::MustNot, q))
            .collect();
        let groups: Vec<Box<dyn Query>> = text
            .groups
            .iter()
            .filter_map(|g| self.group_query(g))
            .collect();
        if !text.is_empty() && groups.is_empty() {
            return Err(Error::Query(
                "the query has no searchable words; use letters or digits, or only filters"
                    .to_string(),
            ));
        }
        let with_filters = |mut clauses: Vec<Clause>| -> Box<dyn Query> {
            clauses.extend(clone_clauses(&filters));
            clauses.extend(clone_clauses(&excluded));
            Box::new(BooleanQuery::new(clauses))
        };
        if groups.is_empty() {
            return Ok(BuiltQuery {
                kind: QueryKind::FiltersOnly(with_filters(vec![(Occur::Must, Box::new(AllQuery))])),
                prefer,
            });
        }
        let strict = with_filters(
            groups
                .iter()
                .map(|q| (Occur::Must, q.box_clone()))
                .collect(),
        );
        let loose = (groups.len() > 1).then(|| {
            let any: Vec<Clause> = groups
                .iter()
                .map(|q| (Occur::Should, q.box_clone()))
                .collect();
            with_filters(vec![(Occur::Must, Box::new(BooleanQuery::new(any)))])
        });
        Ok(BuiltQuery {
            kind: QueryKind::Ranked { strict, loose },
            prefer,
        })
    }

    /// Passages that mention any of the persons asked for.
    fn mention_query(&self, filters: &Filters) -> Option<Box<dyn Query>> {
        let clauses: Vec<Clause> = filters
            .persons
            .iter()
            .flat_map(|p| p.keys.iter())
            .map(|key| {
                let term = Term::from_field_text(self.fields.mention, key);
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// The best `limit` passages: every word before some words; newest first without
    /// words; within each, passages mentioning the persons asked for first.
    fn rank(
        &self,
        searcher: &Searcher,
        built: &BuiltQuery,
        limit: usize,
    ) -> Result<Vec<(f32, DocAddress)>> {
        let Some(prefer) = &built.prefer else {
            return self.rank_tiers(searcher, &built.kind, limit);
        };
        let preferred = self.rank_tiers(searcher, &built.kind.requiring(prefer.as_ref()), limit)?;
        if preferred.len() >= limit {
            return Ok(preferred);
        }
        let seen: HashSet<DocAddress> = preferred.iter().map(|(_, a)| *a).collect();
        let rest = self.rank_tiers(searcher, &built.kind, limit + seen.len())?;
        let mut ranked = preferred;
        ranked.extend(rest.into_iter().filter(|(_, a)| !seen.contains(a)));
        ranked.truncate(limit);
        Ok(ranked)
    }

    fn rank_tiers(
        &self,
        searcher: &Searcher,
        kind: &QueryKind,
        limit: usize,
    ) -> Result<Vec<(f32, DocAddress)>> {
        match kind {
            QueryKind::FiltersOnly(query) => {
                let collector =
                    TopDocs::with_limit(limit).order_by_fast_field::<DateTime>("date", Order::Desc);
                Ok(searcher
                    .search(query.as_ref(), &collector)?
                    .into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect())
            }
            QueryKind::Ranked { strict, loose } => {
                let mut ranked = searcher.search(
                    strict.as_ref(),
                    &TopDocs::with_limit(limit).order_by_score(),
                )?;
                if let Some(loose) = loose
                    && ranked.len() < limit
                {
                    let seen: HashSet<DocAddress> = ranked.iter().map(|(_, a)| *a).collect();
                    let more = searcher.search(
                        loose.as_ref(),
                        &TopDocs::with_limit(limit + seen.len()).order_by_score(),
                    )?;
                    ranked.extend(more.into_iter().filter(|(_, a)| !seen.contains(a)));
                    ranked.truncate(limit);
                }
                Ok(ranked)
            }
        }
    }

    /// Reads a record back from its passages; `None` when no record has `id`.
    pub fn record(&self, id: &str) -> Result<Option<Clipping>> {
        let searcher = self.searcher()?;
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&query, &DocSetCollector)?;
        let mut docs: Vec<TantivyDocument> = addresses
            .into_iter()
            .map(|a| searcher.doc(a))
            .collect::<tantivy::Result<_>>()?;
        let Some(first) = docs.first() else {
            return Ok(None);
        };
        // The same text saved in two files has one id; show the first file's copy.
        let path = self.text(first, self.fields.path);
        docs.retain(|doc| self.text(doc, self.fields.path) == path);
        docs.sort_by_key(|doc| self.number(doc, self.fields.passage));
        let first = &docs[0];
        Ok(Some(Clipping {
            id: id.to_string(),
            path,
            format: Format::from_name(&self.text(first, self.fields.format))
                .unwrap_or(Format::Text),
            title: self.text(first, self.fields.title),
            date: self.date(first),
            date_source: self.date_source(first),
            source: self.optional_text(first, self.fields.source),
            url: self.optional_text(first, self.fields.url),
            authors: self.all_text(first, self.fields.author),
            topics: self.all_text(first, self.fields.topic_name),
            persons: super::schema::persons_from_stored(&self.text(first, self.fields.persons)),
            passage_persons: Vec::new(),
            passages: docs
                .iter()
                .map(|doc| self.text(doc, self.fields.text))
                .collect(),
        }))
    }

    /// Reads one passage as a hit, with its story number.
    pub(super) fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        terms: &HashSet<String>,
    ) -> Result<(Hit, u64)> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = self.text(&doc, self.fields.text);
        let story = self.number(&doc, self.fields.story);
        let hit = Hit {
            id: self.text(&doc, self.fields.id),
            passage: self.number(&doc, self.fields.passage) as usize,
            score,
            title: self.text(&doc, self.fields.title),
            date: self.date(&doc),
            date_source: self.date_source(&doc),
            source: self.optional_text(&doc, self.fields.source),
            path: self.text(&doc, self.fields.path),
            topics: self.all_text(&doc, self.fields.topic_name),
            persons: self.all_text(&doc, self.fields.mention_name),
            highlights: self.highlights(&text, terms),
            text,
            copies: Vec::new(),
        };
        Ok((hit, story))
    }

    /// Byte ranges of the words in `text` whose analyzed form is one of `terms`.
    pub fn highlights(&self, text: &str, terms: &HashSet<String>) -> Vec<[usize; 2]> {
        let mut ranges: Vec<[usize; 2]> = Vec::new();
        if terms.is_empty() {
            return ranges;
        }
        let mut analyzer = self.analyzer(NEWS_ANALYZER);
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if terms.contains(&token.text) {
                ranges.push([token.offset_from, token.offset_to]);
            }
        }
        ranges
    }

    /// The analyzed forms of every positive query word, for highlighting.
    pub fn highlight_terms(&self, text: &TextQuery) -> HashSet<String> {
        text.positive_terms()
            .flat_map(|term| match term {
                query::Term::Word(word) => self.analyze(NEWS_ANALYZER, word),
                query::Term::Phrase(words) => self.analyze(NEWS_ANALYZER, &words.join(" ")),
            })
            .collect()
    }

    fn analyzer(&self, name: &str) -> tantivy::tokenizer::TextAnalyzer {
        self.index
            .tokenizers()
            .get(name)
            .expect("analyzers are registered when the index is opened")
    }

    fn analyze(&self, analyzer: &str, text: &str) -> Vec<String> {
        let mut analyzer = self.analyzer(analyzer);
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        tokens
    }

    /// Matches a word or phrase in a passage's text, or in its article's headline (indexed
    /// on the article's first passage only, so a headline match brings up the article once,
    /// not every passage of it). `None` when the term has no words.
    fn term_query(&self, term: &query::Term) -> Option<Box<dyn Query>> {
        let tokens = match term {
            query::Term::Word(word) => self.analyze(NEWS_ANALYZER, word),
            query::Term::Phrase(words) => self.analyze(NEWS_ANALYZER, &words.join(" ")),
        };
        if tokens.is_empty() {
            return None;
        }
        let in_text = tokens_query(self.fields.text, &tokens, IndexRecordOption::WithFreqs);
        let in_headline = tokens_query(self.fields.headline, &tokens, IndexRecordOption::WithFreqs);
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Should, in_text),
            (
                Occur::Should,
                Box::new(BoostQuery::new(in_headline, HEADLINE_BOOST)),
            ),
        ])))
    }

    fn group_query(&self, group: &[query::Term]) -> Option<Box<dyn Query>> {
        let alternatives: Vec<Clause> = group
            .iter()
            .filter_map(|term| self.term_query(term))
            .map(|q| (Occur::Should, q))
            .collect();
        match alternatives.len() {
            0 => None,
            1 => alternatives.into_iter().next().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(alternatives))),
        }
    }

    fn filter_clauses(&self, filters: &Filters) -> Result<Vec<Clause>> {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut must = |query: Box<dyn Query>| {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0))))
        };
        for topic in &filters.topics {
            let term = Term::from_field_text(self.fields.topic, &folded_key(topic));
            must(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        for source in &filters.sources {
            let tokens = self.analyze(NAME_ANALYZER, source);
            if tokens.is_empty() {
                return Err(Error::Query(format!(
                    "source {source:?} has no letters or digits to match"
                )));
            }
            must(tokens_query(
                self.fields.source,
                &tokens,
                IndexRecordOption::Basic,
            ));
        }
        for person in &filters.persons {
            let any: Vec<Clause> = person
                .keys
                .iter()
                .map(|key| {
                    let term = Term::from_field_text(self.fields.person, key);
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            // A person nobody in the archive matches: nothing can match.
            must(if any.is_empty() {
                Box::new(tantivy::query::EmptyQuery)
            } else {
                Box::new(BooleanQuery::new(any))
            });
        }
        if filters.from.is_some() || filters.until.is_some() {
            let bound = |date: Option<chrono::NaiveDate>, inclusive: bool| match date {
                None => Bound::Unbounded,
                Some(d) => {
                    let term =
                        Term::from_field_date_for_search(self.fields.date, to_tantivy_date(d));
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

    fn text(&self, doc: &TantivyDocument, field: Field) -> String {
        self.optional_text(doc, field).unwrap_or_default()
    }

    fn optional_text(&self, doc: &TantivyDocument, field: Field) -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    fn all_text(&self, doc: &TantivyDocument, field: Field) -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    fn number(&self, doc: &TantivyDocument, field: Field) -> u64 {
        doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
    }

    fn date(&self, doc: &TantivyDocument) -> chrono::NaiveDate {
        doc.get_first(self.fields.date)
            .and_then(|v| v.as_datetime())
            .map(from_tantivy_date)
            .unwrap_or_default()
    }

    fn date_source(&self, doc: &TantivyDocument) -> DateSource {
        DateSource::from_name(&self.text(doc, self.fields.date_source)).unwrap_or(DateSource::Mtime)
    }
}

/// An exact match on a number field.
fn term_u64(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(field, value),
        IndexRecordOption::Basic,
    ))
}

/// A term query for one token, a phrase query for several.
fn tokens_query(field: Field, tokens: &[String], record: IndexRecordOption) -> Box<dyn Query> {
    if let [token] = tokens {
        Box::new(TermQuery::new(Term::from_field_text(field, token), record))
    } else {
        Box::new(PhraseQuery::new(
            tokens
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))
    }
}

fn clone_clauses(clauses: &[Clause]) -> Vec<Clause> {
    clauses
        .iter()
        .map(|(occur, q)| (*occur, q.box_clone()))
        .collect()
}

impl QueryKind {
    /// The same tiers, each also requiring `extra`.
    fn requiring(&self, extra: &dyn Query) -> QueryKind {
        let both = |query: &dyn Query| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(extra.box_clone(), 0.0)),
                ),
            ]))
        };
        match self {
            QueryKind::FiltersOnly(query) => QueryKind::FiltersOnly(both(query.as_ref())),
            QueryKind::Ranked { strict, loose } => QueryKind::Ranked {
                strict: both(strict.as_ref()),
                loose: loose.as_ref().map(|q| both(q.as_ref())),
            },
        }
    }
}

/// Byte ranges of whole-word, case-insensitive occurrences of any of `forms` in `text`.
fn name_ranges(text: &str, forms: &[&str]) -> Vec<[usize; 2]> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths (rare: "İ"); then offsets would not line up.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut ranges = Vec::new();
    for form in forms {
        let form = form.to_lowercase();
        if form.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = lower.get(from..).and_then(|rest| rest.find(&form)) {
            let start = from + at;
            let end = start + form.len();
            let before = lower.get(..start).and_then(|s| s.chars().next_back());
            let after = lower.get(end..).and_then(|s| s.chars().next());
            if !is_word(before) && !is_word(after) {
                ranges.push([start, end]);
            }
            from = end;
        }
    }
    ranges
}

/// Sorted, non-overlapping union of two lists of byte ranges.
fn merge_ranges(mut a: Vec<[usize; 2]>, b: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    a.extend(b);
    a.sort();
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for range in a {
        match merged.last_mut() {
            Some(last) if range[0] <= last[1] => last[1] = last[1].max(range[1]),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::ingest::{IngestOptions, ingest};
    use crate::query::{SearchRequest, parse_query};

    /// Pieces random queries are made of: words, operators, quotes, filters, odd
    /// characters.
    const PIECES: &[&str] = &[
        "harbour",
        "ferry",
        "OR",
        "or",
        "-",
        "-ferry",
        "\"",
        "“",
        "”",
        "\"harbour ferry\"",
        "topic:",
        "topic:weather",
        "source:",
        "date:",
        "date:2025",
        "date:2025-13",
        "after:2024-02-30",
        "before:",
        ":",
        "::",
        "*",
        "?",
        "(",
        ")",
        "\\",
        "é",
        "中文",
        "😀",
        "  ",
        "\t",
        "AND",
        "NOT",
        "+",
        "~2",
        "^3",
        "a",
        "1987",
        "---",
        "\"\"",
        "source:\"",
        "x:y",
    ];

    /// A small deterministic generator, so failures can be replayed.
    fn next(state: &mut u64) -> usize {
        *state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*state >> 33) as usize
    }

    #[test]
    fn any_query_string_gets_results_or_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        std::fs::write(
            archive.join("a.txt"),
            "Harbour ferry returns\nPublished: 3 March 2025\n\nThe harbour ferry returned on Monday.\nTopics: Weather\n",
        )
        .unwrap();
        let index_dir = dir.path().join("index");
        ingest(&index_dir, &[archive], &IngestOptions::default()).unwrap();
        let index = super::ClippingIndex::open(&index_dir).unwrap();
        let mut state = 7;
        for _ in 0..3000 {
            let count = 1 + next(&mut state) % 6;
            let query: String = (0..count)
                .map(|_| PIECES[next(&mut state) % PIECES.len()])
                .collect::<Vec<_>>()
                .join(if next(&mut state).is_multiple_of(3) {
                    ""
                } else {
                    " "
                });
            match parse_query(&query) {
                Err(message) => assert!(!message.is_empty() && !message.contains('\n'), "{query}"),
                Ok((text, filters)) => {
                    let request = SearchRequest {
                        text,
                        filters,
                        limit: 5,
                        all_copies: false,
                    };
                    match index.search(&request) {
                        Ok(_) | Err(crate::Error::Query(_)) => {}
                        Err(other) => panic!("{query:?} gave {other}"),
                    }
                }
            }
        }
    }
}
