//! Relevance feedback: the words the best first-pass articles share reorder the articles
//! a query found. Articles about one event repeat its names and places, so an article
//! that the query's own words rank low but that shares those words with the top rises;
//! nothing the query did not find is added, and tiers keep their order.

use super::ClippingIndex;
use super::documents::Reader;
use super::query_build::Builder;
use super::ranking::{ArticleColumns, ArticleQueries, KindStatistics, Ranked, idf};
use super::schema::{NAME_ANALYZER, NEWS_ANALYZER};
use crate::error::Result;
use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use tantivy::collector::DocSetCollector;
use tantivy::query::{
    BooleanQuery, BoostQuery, EnableScoring, Occur, Query, RangeQuery, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

/// How many of the first ranking's stories lend their words: enough that one odd article
/// cannot steer, few enough that they are still about the query.
const FEEDBACK_STORIES: usize = 5;
/// How many words they lend.
const FEEDBACK_WORDS: usize = 12;
/// How deep into each tier articles are reordered.
pub(super) const RERANK_DEPTH: usize = 100;
/// Share of the query's own words in the final score (the rest is the feedback's).
const QUERY_SHARE: f32 = 0.7;
/// Passages read from each article: the opening of a long article says what it is about,
/// and a clipping of thousands of paragraphs must not slow every search that finds it.
const FEEDBACK_PASSAGES: u64 = 40;
/// Words shorter than this are mostly grammar, whatever the language.
const MIN_WORD_CHARS: usize = 3;

/// Relevance feedback for one query: the words the best first-pass articles share, each
/// with the weight its BM25 score over articles adds to an article's score, and what it
/// adds to each article of the first ranking it was drawn from.
pub(super) struct Feedback {
    words: Vec<(Term, f32)>,
    extra: HashMap<DocAddress, f32>,
}

impl Feedback {
    /// The query that adds the feedback's score to whatever it is joined to.
    pub(super) fn query(&self) -> Box<dyn Query> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .words
            .iter()
            .map(|(term, weight)| {
                let word = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                let boosted: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(word), *weight));
                (Occur::Should, boosted)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Adds the feedback's score to each article of the first ranking it was drawn from,
    /// `tiers`, and reorders each tier.
    pub(super) fn rerank(&self, tiers: &mut [Vec<Ranked>]) {
        for tier in tiers.iter_mut() {
            for article in tier.iter_mut() {
                article.score += self.extra.get(&article.address).copied().unwrap_or(0.0);
            }
            tier.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
    }
}

impl ClippingIndex {
    /// The feedback of a first ranking `tiers` (each tier's first articles, best first)
    /// for `queries`; `None` when fewer than two stories lend words or none match.
    pub(super) fn feedback(
        &self,
        searcher: &Searcher,
        stats: &KindStatistics,
        queries: &ArticleQueries,
        tiers: &[Vec<Ranked>],
        columns: &mut ArticleColumns,
    ) -> Result<Option<Feedback>> {
        let top = top_stories(tiers);
        if top.len() < 2 {
            return Ok(None);
        }
        let words = self.feedback_words(searcher, stats, &top, &queries.words, columns)?;
        let mut addresses: Vec<DocAddress> = tiers.iter().flatten().map(|r| r.address).collect();
        addresses.sort();
        let mut feedback = Feedback {
            words: Vec::with_capacity(words.len()),
            extra: HashMap::new(),
        };
        for (word, weight) in words {
            let term = Term::from_field_text(self.fields.body, &word);
            let query = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            let scoring = query.weight(EnableScoring::enabled_from_statistics_provider(
                stats, searcher,
            ))?;
            add_scores(
                searcher,
                scoring.as_ref(),
                weight,
                &addresses,
                &mut feedback.extra,
            )?;
            feedback.words.push((term, weight));
        }
        // The best feedback match weighs against the best first-pass score as
        // (1 - QUERY_SHARE) to QUERY_SHARE, whatever the query's length or form (a prefix
        // may stand for a thousand words).
        let best_first = tiers
            .iter()
            .flatten()
            .map(|r| r.score)
            .fold(0.0f32, f32::max);
        let best_extra = feedback.extra.values().copied().fold(0.0f32, f32::max);
        if best_extra <= 0.0 {
            return Ok(None);
        }
        let scale = best_first * (1.0 - QUERY_SHARE) / QUERY_SHARE / best_extra;
        for (_, weight) in &mut feedback.words {
            *weight *= scale;
        }
        for extra in feedback.extra.values_mut() {
            *extra *= scale;
        }
        Ok(Some(feedback))
    }

    /// The words of the `top` articles (score, key), weighed by how much of each article
    /// they make up, how well the article ranked, and how rare they are across the
    /// archive; the best [`FEEDBACK_WORDS`]. A word the articles use only once says
    /// little about what they are about and is passed over.
    fn feedback_words(
        &self,
        searcher: &Searcher,
        stats: &KindStatistics,
        top: &[(f32, u64)],
        asked: &HashSet<String>,
        columns: &mut ArticleColumns,
    ) -> Result<Vec<(String, f32)>> {
        let total_score: f32 = top.iter().map(|(s, _)| s).sum();
        let keys = top.iter().map(|(_, key)| *key);
        let texts = self.passage_texts(searcher, keys, columns)?;
        // Words are counted as written and only those used twice are stemmed: stemming
        // every word of five articles would cost more than the rest of the feedback.
        let mut words = self.analyzer(NAME_ANALYZER);
        // word → (weight over the articles, times used)
        let mut used: HashMap<String, (f32, u32)> = HashMap::new();
        for &(score, key) in top {
            let mut counts: HashMap<String, u32> = HashMap::new();
            let mut length = 0u32;
            for text in texts.get(&key).into_iter().flatten() {
                let mut stream = words.token_stream(text);
                while stream.advance() {
                    length += 1;
                    let word = &stream.token().text;
                    if word.chars().count() >= MIN_WORD_CHARS {
                        *counts.entry(word.clone()).or_default() += 1;
                    }
                }
            }
            let share = score / total_score / length.max(1) as f32;
            for (word, n) in counts {
                let entry = used.entry(word).or_default();
                entry.0 += share * n as f32;
                entry.1 += n;
            }
        }
        let mut stems = self.analyzer(NEWS_ANALYZER);
        let mut by_stem: HashMap<String, f32> = HashMap::new();
        for (word, (weight, times)) in used {
            if times < 2 {
                continue;
            }
            let mut stream = stems.token_stream(&word);
            while stream.advance() {
                let stem = &stream.token().text;
                if !asked.contains(stem) {
                    *by_stem.entry(stem.clone()).or_default() += weight;
                }
            }
        }
        let mut candidates: Vec<(String, f32)> = by_stem.into_iter().collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // Rarity is looked up in the dictionary of every segment, the costly part: words
        // are taken most used first, and the look-ups stop once even a word no other
        // article uses could no longer make the list.
        let articles = stats.documents() as f64;
        let rarest = idf(1.0, articles) as f32;
        let mut weighed: Vec<(String, f32)> = Vec::new();
        let mut floor = 0.0f32;
        for (word, weight) in candidates {
            if weighed.len() >= FEEDBACK_WORDS && weight * rarest <= floor {
                break;
            }
            let df = searcher.doc_freq(&Term::from_field_text(self.fields.body, &word))?;
            weighed.push((word, weight * idf(df as f64, articles) as f32));
            if weighed.len() >= FEEDBACK_WORDS {
                weighed.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                weighed.truncate(FEEDBACK_WORDS);
                floor = weighed[FEEDBACK_WORDS - 1].1;
            }
        }
        weighed.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(weighed)
    }

    /// The first [`FEEDBACK_PASSAGES`] passage texts of the articles `keys`, by article
    /// key, in one search.
    fn passage_texts(
        &self,
        searcher: &Searcher,
        keys: impl IntoIterator<Item = u64>,
        columns: &mut ArticleColumns,
    ) -> Result<HashMap<u64, Vec<String>>> {
        let builder = Builder::new(self, searcher);
        let mut clauses = builder.passages_of(keys);
        let opening = RangeQuery::new(
            Bound::Included(Term::from_field_u64(self.fields.passage, 0)),
            Bound::Excluded(Term::from_field_u64(self.fields.passage, FEEDBACK_PASSAGES)),
        );
        clauses.push((Occur::Must, Box::new(opening)));
        let query = BooleanQuery::new(clauses);
        let read = Reader {
            fields: &self.fields,
        };
        let mut texts: HashMap<u64, Vec<String>> = HashMap::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            let key = columns.article(searcher, address)?;
            let doc: TantivyDocument = searcher.doc(address)?;
            texts
                .entry(key)
                .or_default()
                .push(read.text(&doc, self.fields.text));
        }
        Ok(texts)
    }
}

/// The scores and article keys of the first [`FEEDBACK_STORIES`] stories ranked, one
/// article each (copies would lend the same words twice).
fn top_stories(tiers: &[Vec<Ranked>]) -> Vec<(f32, u64)> {
    let mut stories = HashSet::new();
    tiers
        .iter()
        .flatten()
        .filter(|r| r.score > 0.0 && stories.insert(r.story))
        .take(FEEDBACK_STORIES)
        .map(|r| (r.score, r.key))
        .collect()
}

/// Adds `boost` times the score `weight` gives each of `addresses` (sorted) into
/// `scores`, segment by segment, as a scorer only moves forward.
fn add_scores(
    searcher: &Searcher,
    weight: &dyn Weight,
    boost: f32,
    addresses: &[DocAddress],
    scores: &mut HashMap<DocAddress, f32>,
) -> Result<()> {
    for segment in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let reader = searcher.segment_reader(segment[0].segment_ord);
        let mut scorer = weight.scorer(reader, boost)?;
        for address in segment {
            let current = scorer.doc();
            if current == TERMINATED {
                break;
            }
            if current <= address.doc_id && scorer.seek(address.doc_id) == address.doc_id {
                *scores.entry(*address).or_default() += scorer.score();
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::index::ClippingIndex;
    use crate::ingest::{IngestOptions, ingest};
    use crate::query::{SearchRequest, parse_query};

    /// Files in ranking order for "ferry strike", with feedback on or off.
    fn ranking(index: &ClippingIndex, feedback: bool) -> Vec<String> {
        let (text, filters) = parse_query("ferry strike").unwrap();
        let mut request = SearchRequest::new(text, filters, 10);
        request.feedback = feedback;
        let hits = index.search(&request).unwrap().hits;
        let mut files: Vec<String> = hits.into_iter().map(|h| h.path).collect();
        files.dedup();
        files
    }

    #[test]
    fn feedback_reorders_what_the_words_found_and_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let write = |name: &str, text: &str| std::fs::write(archive.join(name), text).unwrap();
        write(
            "strike.txt",
            "Ferry strike halts crossings\n\nThe ferry strike stopped every crossing to Västerö. Union leader Maja Lindqvist said the crews want new rotas.\n\nLindqvist said the crossings to Västerö stay stopped until the rotas change.\n",
        );
        write(
            "talks.txt",
            "Talks on crew rotas resume\n\nUnion leader Maja Lindqvist met the operator about the rotas for the Västerö crossings. The operator said new rotas were ready.\n\nLindqvist said the strike could end once the crews see the rotas, and the ferry would sail by Monday.\n",
        );
        write(
            "museum.txt",
            "Museum opening\n\nA model ferry and photographs of the 1921 dock strike open the new museum.\n",
        );
        write(
            "rotas.txt",
            "Crossings to Västerö\n\nLindqvist said crews will vote on the rotas for the Västerö crossings.\n",
        );
        for n in 0..4 {
            write(
                &format!("weather-{n}.txt"),
                &format!("Weather {n}\n\nRain is expected on the coast on day {n}.\n"),
            );
        }
        let index_dir = dir.path().join("index");
        ingest(&index_dir, &[archive], &IngestOptions::default()).unwrap();
        let index = ClippingIndex::open(&index_dir).unwrap();
        let plain = ranking(&index, false);
        let fed = ranking(&index, true);
        let at = |files: &[String], name: &str| files.iter().position(|f| f.ends_with(name));
        // BM25 alone puts the passing mention above the second report...
        assert!(
            at(&plain, "museum.txt") < at(&plain, "talks.txt"),
            "{plain:?}"
        );
        // ...the words the top reports share (Lindqvist, rotas, Västerö) lift it.
        assert!(at(&fed, "talks.txt") < at(&fed, "museum.txt"), "{fed:?}");
        assert_eq!(at(&fed, "strike.txt"), Some(0), "{fed:?}");
        // The same articles either way: an article without the words is never added.
        let (mut a, mut b) = (plain.clone(), fed.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert_eq!(at(&fed, "rotas.txt"), None);
    }
}
