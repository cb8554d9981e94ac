//! Answers searches: ranks articles, collapses copies of one story, picks and highlights
//! each article's passage, and reads records back.

use super::ClippingIndex;
use super::documents::Reader;
use super::query_build::Builder;
use super::ranking::Ranked;
use super::schema::{ARTICLE, NAME_ANALYZER, PASSAGE};
use super::stem::StemMemory;
use crate::clipping::{Clipping, DateSource};
use crate::error::Result;
use crate::query::SearchRequest;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, ReloadPolicy, Searcher, TantivyDocument, Term};

/// How many articles to look at per article wanted when copies are collapsed.
const COLLAPSE_FETCH_FACTOR: usize = 4;

/// One passage that answers a search: the best passage of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Index of the passage in the article's passages.
    pub passage: usize,
    /// The article's relevance (BM25 over the article, plus relevance feedback for the
    /// first articles); 0 for listings by date.
    pub score: f32,
    /// Article title.
    pub title: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Publisher or site.
    pub source: Option<String>,
    /// Writers of the article.
    pub authors: Vec<String>,
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

/// What a search found, and what the user should know about how.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Notes: a prefix or fuzzy word that matched too many words, and the like.
    pub notes: Vec<String>,
}

impl ClippingIndex {
    pub(super) fn searcher(&self) -> Result<Searcher> {
        Ok(self.reader()?.searcher())
    }

    fn reader(&self) -> Result<&tantivy::IndexReader> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader);
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(self.reader.get_or_init(|| reader))
    }

    /// Makes later searches see the last commit (another process may have committed
    /// since the index was opened).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader()?.reload()?)
    }

    /// Number of passages in the index.
    pub fn passage_count(&self) -> Result<u64> {
        let searcher = self.searcher()?;
        let query = TermQuery::new(
            Term::from_field_u64(self.fields.kind, PASSAGE),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&query, &tantivy::collector::Count)? as u64)
    }

    /// Runs a search: at most `request.limit` articles, best first, each with its best
    /// passages (at most `request.passages`, best first), copies of one story collapsed
    /// into the first unless `request.all_copies`.
    pub fn search(&self, request: &SearchRequest) -> Result<Found> {
        let searcher = self.searcher()?;
        let builder = Builder::new(self, &searcher);
        let queries = self.article_queries(&builder, &request.text, &request.filters)?;
        let fetch = if request.all_copies {
            request.limit
        } else {
            request.limit * COLLAPSE_FETCH_FACTOR
        };
        let ranked = self.rank_articles(&searcher, &queries, request, fetch)?;
        let kept = if request.all_copies {
            ranked
        } else {
            one_per_story(ranked)
        };
        let kept: Vec<Ranked> = kept.into_iter().take(request.limit).collect();
        let keys: Vec<u64> = kept.iter().map(|r| r.key).collect();
        let passages = self.best_passages(
            &searcher,
            &builder,
            &request.text,
            &request.filters,
            &keys,
            request.passages,
        )?;
        let terms = builder.highlights.borrow().clone();
        let forms: Vec<&str> = request
            .filters
            .persons
            .iter()
            .flat_map(|p| p.forms.iter().map(String::as_str))
            .collect();
        let mut hits = Vec::with_capacity(kept.len());
        for article in &kept {
            let chosen: Vec<Option<&(f32, DocAddress)>> = match passages.get(&article.key) {
                Some(list) if !list.is_empty() => list.iter().map(Some).collect(),
                _ => vec![None],
            };
            let copies = if request.all_copies {
                Vec::new()
            } else {
                let path = Reader {
                    fields: &self.fields,
                }
                .text(&searcher.doc(article.address)?, self.fields.path);
                self.copies(&searcher, article.story, &path)?
            };
            for passage in chosen {
                let mut hit = self.hit(&searcher, article, passage, &terms)?;
                if !forms.is_empty() {
                    hit.highlights = merge_ranges(hit.highlights, name_ranges(&hit.text, &forms));
                }
                hit.copies = copies.clone();
                hits.push(hit);
            }
        }
        let notes = builder.notes.borrow().clone();
        Ok(Found { hits, notes })
    }

    /// A hit from an article and its chosen passage (its first when none was chosen).
    pub(super) fn hit(
        &self,
        searcher: &Searcher,
        article: &Ranked,
        passage: Option<&(f32, DocAddress)>,
        terms: &HashSet<String>,
    ) -> Result<Hit> {
        let f = &self.fields;
        let read = Reader { fields: f };
        let doc: TantivyDocument = searcher.doc(article.address)?;
        let passage_doc: Option<TantivyDocument> = match passage {
            Some((_, address)) => Some(searcher.doc(*address)?),
            None => self.passage_docs(searcher, article.key)?.into_iter().next(),
        };
        let (number, text, persons) = match &passage_doc {
            Some(p) => (
                read.number(p, f.passage) as usize,
                read.text(p, f.text),
                read.all_text(p, f.mention_name),
            ),
            None => (0, String::new(), Vec::new()),
        };
        Ok(Hit {
            id: read.text(&doc, f.id),
            passage: number,
            score: article.score,
            title: read.text(&doc, f.title),
            date: read.date(&doc),
            date_source: read.date_source(&doc),
            source: read.optional_text(&doc, f.source),
            authors: read.all_text(&doc, f.author),
            path: read.text(&doc, f.path),
            topics: read.all_text(&doc, f.topic_name),
            persons,
            highlights: self.highlights(&text, terms),
            text,
            copies: Vec::new(),
        })
    }

    /// The passage documents of one article, in order.
    fn passage_docs(&self, searcher: &Searcher, key: u64) -> Result<Vec<TantivyDocument>> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (Occur::Must, term_u64(f.kind, PASSAGE)),
            (Occur::Must, term_u64(f.article, key)),
        ]);
        let mut docs: Vec<TantivyDocument> = searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .map(|a| searcher.doc(a))
            .collect::<tantivy::Result<_>>()?;
        let read = Reader { fields: f };
        docs.sort_by_key(|d| read.number(d, f.passage));
        Ok(docs)
    }

    /// Paths of the articles in `story` other than the one at `own_path`.
    fn copies(&self, searcher: &Searcher, story: u64, own_path: &str) -> Result<Vec<String>> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (Occur::Must, term_u64(f.kind, ARTICLE)),
            (Occur::Must, term_u64(f.story, story)),
        ]);
        let members = searcher.search(&query, &DocSetCollector)?;
        // Most stories have one record: the hit itself, no document to read.
        if members.len() < 2 {
            return Ok(Vec::new());
        }
        let read = Reader { fields: f };
        let mut paths: Vec<String> = members
            .into_iter()
            .map(|address| searcher.doc::<TantivyDocument>(address))
            .collect::<tantivy::Result<Vec<_>>>()?
            .iter()
            .map(|doc| read.text(doc, f.path))
            .filter(|path| path != own_path)
            .collect();
        paths.sort();
        paths.dedup();
        Ok(paths)
    }

    /// Reads a record back; `None` when no record has `id`. The same text saved in two
    /// files has one id; the first file's copy is shown.
    pub fn record(&self, id: &str) -> Result<Option<Clipping>> {
        let searcher = self.searcher()?;
        let f = &self.fields;
        let query = self.articles_with_id(id);
        let read = Reader { fields: f };
        let mut articles: Vec<(String, DocAddress)> = Vec::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            articles.push((read.text(&doc, f.path), address));
        }
        articles.sort();
        let Some((_, address)) = articles.first() else {
            return Ok(None);
        };
        let article: TantivyDocument = searcher.doc(*address)?;
        let key = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64("article")?
            .first(address.doc_id)
            .unwrap_or(0);
        let passages = self.passage_docs(&searcher, key)?;
        let persons = self
            .manifest()?
            .records()
            .find(|r| r.id == id)
            .map(|r| r.persons.clone())
            .unwrap_or_default();
        Ok(Some(read.clipping(&article, &passages, persons)))
    }

    /// The article documents of record `id` (one per file that holds its text).
    fn articles_with_id(&self, id: &str) -> BooleanQuery {
        BooleanQuery::new(vec![
            (Occur::Must, term_u64(self.fields.kind, ARTICLE)),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ])
    }

    /// Paths of the other articles in the story of record `id` (reprints, the same text
    /// saved twice), sorted; empty when it has none. The record itself is its first path,
    /// as [`record`](Self::record) shows it.
    pub fn copies_of(&self, id: &str) -> Result<Vec<String>> {
        let searcher = self.searcher()?;
        let f = &self.fields;
        let read = Reader { fields: f };
        let mut own: Vec<(String, Option<u64>)> = Vec::new();
        for address in searcher.search(&self.articles_with_id(id), &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let story = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("story")?
                .first(address.doc_id);
            own.push((read.text(&doc, f.path), story));
        }
        own.sort();
        let Some((shown, story)) = own.first().cloned() else {
            return Ok(Vec::new());
        };
        let mut paths: Vec<String> = own.into_iter().skip(1).map(|(path, _)| path).collect();
        if let Some(story) = story {
            let in_story = BooleanQuery::new(vec![
                (Occur::Must, term_u64(f.kind, ARTICLE)),
                (Occur::Must, term_u64(f.story, story)),
            ]);
            for address in searcher.search(&in_story, &DocSetCollector)? {
                let doc: TantivyDocument = searcher.doc(address)?;
                paths.push(read.text(&doc, f.path));
            }
        }
        paths.retain(|path| *path != shown);
        paths.sort();
        paths.dedup();
        Ok(paths)
    }

    /// Byte ranges of the query's words in each of `passages`: what a record page marks.
    pub fn passage_highlights(
        &self,
        text: &crate::query::TextQuery,
        passages: &[String],
    ) -> Result<Vec<Vec<[usize; 2]>>> {
        let searcher = self.searcher()?;
        let builder = Builder::new(self, &searcher);
        self.article_queries(&builder, text, &crate::query::Filters::default())?;
        let terms = builder.highlights.borrow().clone();
        Ok(passages
            .iter()
            .map(|p| self.highlights(p, &terms))
            .collect())
    }

    /// Byte ranges of the words in `text` whose analyzed form is one of `terms`.
    pub fn highlights(&self, text: &str, terms: &HashSet<String>) -> Vec<[usize; 2]> {
        let mut ranges: Vec<[usize; 2]> = Vec::new();
        if terms.is_empty() {
            return ranges;
        }
        // English (Porter 2) stems keep their word's first letter, so only a word that
        // opens with the first letter of a term can stem to it: the others, most words
        // of a passage, are not stemmed (stemming was a tenth of a search's instructions).
        let initials: Vec<char> = terms.iter().filter_map(|t| t.chars().next()).collect();
        let mut words = self.analyzer(NAME_ANALYZER);
        let mut stems = StemMemory::default();
        let mut stem = String::new();
        let mut stream = words.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if !token
                .text
                .chars()
                .next()
                .is_some_and(|c| initials.contains(&c))
            {
                continue;
            }
            stem.clear();
            stem.push_str(&token.text);
            stems.stem(&mut stem);
            if terms.contains(&stem) {
                ranges.push([token.offset_from, token.offset_to]);
            }
        }
        ranges
    }

    pub(super) fn analyzer(&self, name: &str) -> tantivy::tokenizer::TextAnalyzer {
        self.index
            .tokenizers()
            .get(name)
            .expect("analyzers are registered when the index is opened")
    }

    /// The tokens `text` analyzes to.
    pub(super) fn analyze(&self, analyzer: &str, text: &str) -> Vec<String> {
        let mut analyzer = self.analyzer(analyzer);
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        tokens
    }
}

/// The first article of each story, in ranking order.
fn one_per_story(ranked: Vec<Ranked>) -> Vec<Ranked> {
    let mut stories: HashMap<u64, ()> = HashMap::new();
    ranked
        .into_iter()
        .filter(|r| stories.insert(r.story, ()).is_none())
        .collect()
}

/// An exact match on a number field.
pub(super) fn term_u64(field: tantivy::schema::Field, value: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(field, value),
        IndexRecordOption::Basic,
    ))
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
        "~9",
        "^3",
        "NEAR/2",
        "NEAR/",
        "ferr*",
        "f?rry",
        "harbor~",
        "=ferry",
        "title:",
        "title:harbour",
        "author:\"",
        "path:",
        "path:archive/",
        "*",
        "date:last-month",
        "after:30d",
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
                Err(err) => {
                    let message = err.to_string();
                    assert!(!message.is_empty() && !message.contains('\n'), "{query}")
                }
                Ok((text, filters)) => {
                    let request = SearchRequest::new(text, filters, 5);
                    match index.search(&request) {
                        Ok(_) | Err(crate::Error::Query(_)) => {}
                        Err(other) => panic!("{query:?} gave {other}"),
                    }
                }
            }
        }
    }

    /// A text clipping of one passage, numbered `article`.
    fn one_passage_article(
        article: u64,
        path: String,
        title: String,
        date: chrono::NaiveDate,
        passage: String,
    ) -> crate::clipping::Clipping {
        crate::clipping::Clipping {
            id: format!("{article:016x}"),
            path,
            format: crate::clipping::Format::Text,
            title,
            date,
            date_source: crate::clipping::DateSource::Text,
            source: None,
            url: None,
            authors: Vec::new(),
            authors_source: None,
            topics: Vec::new(),
            persons: Vec::new(),
            passages: vec![passage],
            passage_persons: Vec::new(),
        }
    }

    #[test]
    fn equal_scores_rank_by_article_number_not_by_where_documents_landed() {
        use crate::index::{ClippingIndex, ClippingWriter, Manifest};
        // Thirty articles that score alike for "harbour", added newest number first so
        // that document order and article order disagree.
        let dir = tempfile::tempdir().unwrap();
        let index = ClippingIndex::create(dir.path()).unwrap();
        let mut writer = ClippingWriter::new(&index, false, &mut |_| {}).unwrap();
        for article in (0..30u64).rev() {
            let figure = 1000 + article;
            let clipping = one_passage_article(
                article,
                format!("report-{article:02}.txt"),
                format!("Ferry report {figure}"),
                chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
                format!("The harbour ferry carried {figure} passengers."),
            );
            writer
                .add(&clipping, &clipping.path, article, article, &[])
                .unwrap();
        }
        writer.commit(&Manifest::default(), &[]).unwrap();
        let index = ClippingIndex::open(dir.path()).unwrap();
        // By relevance, and by date, where all thirty share a day.
        for sort in [crate::query::Sort::Relevance, crate::query::Sort::Newest] {
            let (text, filters) = parse_query("harbour").unwrap();
            let mut request = SearchRequest::new(text, filters, 5);
            request.sort = sort;
            let found = index.search(&request).unwrap();
            let paths: Vec<&str> = found.hits.iter().map(|h| h.path.as_str()).collect();
            let expected = [
                "report-00",
                "report-01",
                "report-02",
                "report-03",
                "report-04",
            ]
            .map(|name| format!("{name}.txt"));
            assert_eq!(paths, expected, "{sort:?}");
        }
    }

    #[test]
    fn listings_by_date_across_segments_match_a_plain_sort() {
        use crate::index::{ClippingIndex, ClippingWriter, Manifest};
        use crate::query::Sort;
        let dir = tempfile::tempdir().unwrap();
        let index = ClippingIndex::create(dir.path()).unwrap();
        // Ninety articles in three commits (three segments or more), nine of them removed
        // in a fourth: the first commit
        // holds the middle years, the second the oldest and the newest, the third dates
        // shared with the others; many articles share a day.
        let mut dated: Vec<(u64, chrono::NaiveDate)> = Vec::new();
        for commit in 0..3u64 {
            let mut writer = ClippingWriter::new(&index, false, &mut |_| {}).unwrap();
            for n in 0..30u64 {
                // Numbers interleave across commits, so that ties cross segments.
                let article = (n * 7) % 30 * 3 + commit;
                let year = match commit {
                    0 => 1990 + (n % 5) as i32,
                    1 if n % 2 == 0 => 1961 + (n % 3) as i32,
                    1 => 2024 + (n % 3) as i32,
                    _ => [1961, 1992, 2026][(n % 3) as usize],
                };
                let date = chrono::NaiveDate::from_ymd_opt(year, 1 + (n % 2) as u32, 9).unwrap();
                let clipping = one_passage_article(
                    article,
                    format!("ferry-{article:02}.txt"),
                    format!("Ferry notes {article}"),
                    date,
                    format!("The harbour ferry log, entry {}.", article * 13),
                );
                writer
                    .add(&clipping, &clipping.path, article, article, &[])
                    .unwrap();
                dated.push((article, date));
            }
            writer.commit(&Manifest::default(), &[]).unwrap();
        }
        // Then every tenth article is removed, the newest and oldest among them: the
        // listing must pass over deleted documents.
        let mut writer = ClippingWriter::new(&index, false, &mut |_| {}).unwrap();
        dated.retain(|&(article, _)| {
            let keep = article % 10 != 4;
            if !keep {
                writer.remove_file(&format!("ferry-{article:02}.txt"));
            }
            keep
        });
        writer.commit(&Manifest::default(), &[]).unwrap();
        let index = ClippingIndex::open(dir.path()).unwrap();
        assert!(index.searcher().unwrap().segment_readers().len() >= 3);
        assert_eq!(dated.len(), 81);
        for (sort, limit) in [
            (Sort::Newest, 1),
            (Sort::Newest, 7),
            (Sort::Oldest, 7),
            (Sort::Newest, 40),
            (Sort::Oldest, 59),
            (Sort::Oldest, 200),
        ] {
            let mut expected = dated.clone();
            expected.sort_by(|a, b| {
                let by_date = match sort {
                    Sort::Oldest => a.1.cmp(&b.1),
                    _ => b.1.cmp(&a.1),
                };
                by_date.then(a.0.cmp(&b.0))
            });
            let expected: Vec<String> = expected
                .iter()
                .take(limit)
                .map(|(article, _)| format!("ferry-{article:02}.txt"))
                .collect();
            let (text, filters) = parse_query("harbour").unwrap();
            let mut request = SearchRequest::new(text, filters, limit);
            request.sort = sort;
            // Exactly `limit` articles are listed (none fetched extra for copies).
            request.all_copies = true;
            let found = index.search(&request).unwrap();
            let paths: Vec<String> = found.hits.iter().map(|h| h.path.clone()).collect();
            assert_eq!(paths, expected, "{sort:?}, {limit}");
        }
    }

    #[test]
    fn highlights_are_those_of_stemming_every_word() {
        use crate::index::schema::NEWS_ANALYZER;
        use std::collections::HashSet;
        let dir = tempfile::tempdir().unwrap();
        let index = crate::index::ClippingIndex::create(dir.path()).unwrap();
        // Words whose stems are not prefixes of them, exceptional forms, accents,
        // capitals, a word too long to index, and words of other languages.
        let text = "Dying skies, lying ties: the Cities' happy news was early and only gently \
                    ugly. Yelling Yves tied cries; ÉCONOMIE économique Straße straße spent \
                    spending Spends spendthrift plans PLANNED planning government governs \
                    Governance supercalifragilisticexpialidociousandevenlongerwords idly sky.";
        let stem_all = |terms: &HashSet<String>| -> Vec<[usize; 2]> {
            let mut analyzer = index.analyzer(NEWS_ANALYZER);
            let mut stream = analyzer.token_stream(text);
            let mut ranges = Vec::new();
            while stream.advance() {
                let token = stream.token();
                if terms.contains(&token.text) {
                    ranges.push([token.offset_from, token.offset_to]);
                }
            }
            ranges
        };
        for asked in [
            "die",
            "sky lie tie",
            "city happy news",
            "early only gentle ugly",
            "yell yves tie cry",
            "economie economique strasse",
            "spend plan govern",
            "idle",
            "",
        ] {
            let terms: HashSet<String> = index.analyze(NEWS_ANALYZER, asked).into_iter().collect();
            let expected = stem_all(&terms);
            assert_eq!(index.highlights(text, &terms), expected, "{asked:?}");
            assert!(
                asked.is_empty() || !expected.is_empty(),
                "{asked:?} marks nothing"
            );
        }
    }
}
