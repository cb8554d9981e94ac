//! Answers searches: builds tantivy queries from [`SearchRequest`] values, ranks passages
//! (all words before some), highlights matches, and reads records back.

use super::ClippingIndex;
use super::schema::{NAME_ANALYZER, NEWS_ANALYZER, from_tantivy_date, to_tantivy_date};
use crate::clipping::{Clipping, DateSource, Format, folded_key};
use crate::error::{Error, Result};
use crate::query::{self, Filters, Hit, SearchRequest, TextQuery};
use std::collections::HashSet;
use std::ops::Bound;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DateTime, DocAddress, Order, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Weight of a title match relative to a passage-text match: the title is shared by
/// every passage of an article, so it should tip the balance, not decide it.
const TITLE_BOOST: f32 = 0.5;

type Clause = (Occur, Box<dyn Query>);

impl ClippingIndex {
    fn searcher(&self) -> Result<Searcher> {
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

    /// Runs a search and returns at most `request.limit` passages, best first.
    pub fn search(&self, request: &SearchRequest) -> Result<Vec<Hit>> {
        let searcher = self.searcher()?;
        let filters = self.filter_clauses(&request.filters)?;
        let excluded: Vec<Clause> = request
            .text
            .excluded
            .iter()
            .filter_map(|term| self.term_query(term))
            .map(|q| (Occur::MustNot, q))
            .collect();
        let groups: Vec<Box<dyn Query>> = request
            .text
            .groups
            .iter()
            .filter_map(|g| self.group_query(g))
            .collect();
        if !request.text.is_empty() && groups.is_empty() {
            return Err(Error::Query(
                "the query has no searchable words; use letters or digits, or only filters"
                    .to_string(),
            ));
        }
        let highlight_terms = self.highlight_terms(&request.text);
        if groups.is_empty() {
            let mut clauses: Vec<Clause> = vec![(Occur::Must, Box::new(AllQuery))];
            clauses.extend(clone_clauses(&filters));
            clauses.extend(clone_clauses(&excluded));
            let collector = TopDocs::with_limit(request.limit)
                .order_by_fast_field::<DateTime>("date", Order::Desc);
            let found = searcher.search(&BooleanQuery::new(clauses), &collector)?;
            return found
                .into_iter()
                .map(|(_, address)| self.hit(&searcher, address, 0.0, &highlight_terms))
                .collect();
        }

        // Passages with every word first, then passages with some of them.
        let mut strict: Vec<Clause> = groups
            .iter()
            .map(|q| (Occur::Must, q.box_clone()))
            .collect();
        strict.extend(clone_clauses(&filters));
        strict.extend(clone_clauses(&excluded));
        let strict_hits = searcher.search(
            &BooleanQuery::new(strict),
            &TopDocs::with_limit(request.limit).order_by_score(),
        )?;
        let mut ranked: Vec<(f32, DocAddress)> = strict_hits;
        if ranked.len() < request.limit && groups.len() > 1 {
            let any: Vec<Clause> = groups
                .iter()
                .map(|q| (Occur::Should, q.box_clone()))
                .collect();
            let mut loose: Vec<Clause> = vec![(Occur::Must, Box::new(BooleanQuery::new(any)))];
            loose.extend(clone_clauses(&filters));
            loose.extend(clone_clauses(&excluded));
            let seen: HashSet<DocAddress> = ranked.iter().map(|(_, a)| *a).collect();
            let more = searcher.search(
                &BooleanQuery::new(loose),
                &TopDocs::with_limit(request.limit + seen.len()).order_by_score(),
            )?;
            ranked.extend(more.into_iter().filter(|(_, a)| !seen.contains(a)));
            ranked.truncate(request.limit);
        }
        ranked
            .into_iter()
            .map(|(score, address)| self.hit(&searcher, address, score, &highlight_terms))
            .collect()
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
            persons: Vec::new(),
            passages: docs
                .iter()
                .map(|doc| self.text(doc, self.fields.text))
                .collect(),
        }))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        terms: &HashSet<String>,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = self.text(&doc, self.fields.text);
        Ok(Hit {
            id: self.text(&doc, self.fields.id),
            passage: self.number(&doc, self.fields.passage) as usize,
            score,
            title: self.text(&doc, self.fields.title),
            date: self.date(&doc),
            date_source: self.date_source(&doc),
            source: self.optional_text(&doc, self.fields.source),
            path: self.text(&doc, self.fields.path),
            topics: self.all_text(&doc, self.fields.topic_name),
            persons: Vec::new(),
            highlights: self.highlights(&text, terms),
            text,
            copies: Vec::new(),
        })
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

    /// Matches a word or phrase in a passage's text, or in its article's title on the
    /// article's first passage (so a title match brings up the article once, not every
    /// passage of it); a title match raises every passage's score. `None` when the term
    /// has no words.
    fn term_query(&self, term: &query::Term) -> Option<Box<dyn Query>> {
        let tokens = match term {
            query::Term::Word(word) => self.analyze(NEWS_ANALYZER, word),
            query::Term::Phrase(words) => self.analyze(NEWS_ANALYZER, &words.join(" ")),
        };
        if tokens.is_empty() {
            return None;
        }
        let in_text = tokens_query(self.fields.text, &tokens, IndexRecordOption::WithFreqs);
        let in_title = || tokens_query(self.fields.title, &tokens, IndexRecordOption::WithFreqs);
        let lead = TermQuery::new(
            Term::from_field_u64(self.fields.passage, 0),
            IndexRecordOption::Basic,
        );
        let title_on_lead = BooleanQuery::new(vec![
            (Occur::Must, in_title()),
            (Occur::Must, Box::new(lead)),
        ]);
        let matches = BooleanQuery::new(vec![
            (Occur::Should, in_text),
            (
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(title_on_lead), 0.0)),
            ),
        ]);
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(matches)),
            (
                Occur::Should,
                Box::new(BoostQuery::new(in_title(), TITLE_BOOST)),
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
                    "source '{source}' has no letters or digits to match"
                )));
            }
            must(tokens_query(
                self.fields.source,
                &tokens,
                IndexRecordOption::Basic,
            ));
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
