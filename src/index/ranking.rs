//! How results are ranked: articles are scored with BM25 over their whole text and
//! headline (word rarity counted over articles), those with every word side by side
//! first, then those with some, and reordered by relevance feedback (`feedback.rs`);
//! then, within each article, the passage to show is the one with every word (and the
//! persons asked for), else the best of those with some.

use super::ClippingIndex;
use super::feedback::RERANK_DEPTH;
use super::query_build::{Builder, Clause, Tier};
use super::schema::{ARTICLE, PASSAGE};
use crate::error::Result;
use crate::query::{Filters, SearchRequest, Sort, TextQuery};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{
    Collector, SegmentCollector, SegmentSortKeyComputer, SortKeyComputer, TopDocs,
};
use tantivy::columnar::Column;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocAddress, DocId, DocSet, Order, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED,
};

/// A passage with every word outranks any passage with some of them...
const EVERY_WORD_BONUS: f32 = 100.0;
/// ...and, when persons are asked for, one that mentions them outranks one that does not.
const MENTION_BONUS: f32 = 1000.0;

/// BM25 statistics counted over one kind of document. The index holds articles and
/// passages side by side; counted over both, every word looks rarer and every article
/// longer than it is (tantivy counts documents per index, not per field), which is the
/// very distortion article documents exist to remove.
pub(super) struct KindStatistics<'a> {
    searcher: &'a Searcher,
    documents: u64,
}

impl<'a> KindStatistics<'a> {
    /// Statistics over the documents of `kind` ([`ARTICLE`] or [`PASSAGE`]).
    pub(super) fn new(index: &ClippingIndex, searcher: &'a Searcher, kind: u64) -> Result<Self> {
        let term = tantivy::Term::from_field_u64(index.fields.kind, kind);
        Ok(KindStatistics {
            searcher,
            documents: searcher.doc_freq(&term)?.max(1),
        })
    }

    /// How many documents of the kind there are.
    pub(super) fn documents(&self) -> u64 {
        self.documents
    }
}

/// BM25's rarity of a word that `df` of `documents` documents use (tantivy's formula).
pub(super) fn idf(df: f64, documents: f64) -> f64 {
    (1.0 + (documents - df + 0.5) / (df + 0.5)).ln()
}

impl Bm25StatisticsProvider for KindStatistics<'_> {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.documents)
    }

    fn doc_freq(&self, term: &tantivy::Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

/// The `article` and `story` columns of each segment, opened once per search: opening a
/// column decodes its header, which costs more than reading a hundred values from it.
#[derive(Default)]
pub(super) struct ArticleColumns {
    segments: HashMap<SegmentOrdinal, (Column<u64>, Column<u64>)>,
}

impl ArticleColumns {
    fn of(
        &mut self,
        searcher: &Searcher,
        segment: SegmentOrdinal,
    ) -> Result<&(Column<u64>, Column<u64>)> {
        if let std::collections::hash_map::Entry::Vacant(entry) = self.segments.entry(segment) {
            let columns = searcher.segment_reader(segment).fast_fields();
            entry.insert((columns.u64("article")?, columns.u64("story")?));
        }
        Ok(&self.segments[&segment])
    }

    /// The article number of the document at `address`.
    pub(super) fn article(&mut self, searcher: &Searcher, address: DocAddress) -> Result<u64> {
        let (articles, _) = self.of(searcher, address.segment_ord)?;
        Ok(articles.first(address.doc_id).unwrap_or(0))
    }

    /// The article at `address` as ranked with `score`.
    fn ranked(&mut self, searcher: &Searcher, score: f32, address: DocAddress) -> Result<Ranked> {
        let (articles, stories) = self.of(searcher, address.segment_ord)?;
        Ok(Ranked {
            address,
            score,
            key: articles.first(address.doc_id).unwrap_or(0),
            story: stories.first(address.doc_id).unwrap_or(0),
        })
    }
}

/// An article in a ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ranked {
    pub address: DocAddress,
    pub score: f32,
    /// The article's number, shared with its passages.
    pub key: u64,
    /// Its story: copies share it.
    pub story: u64,
}

/// The article queries of one request, in the order their matches rank.
pub(super) struct ArticleQueries {
    /// Articles with every word (or the filters alone), then those with some.
    pub tiers: Vec<Box<dyn Query>>,
    /// Whether there are words to rank by.
    pub scored: bool,
    /// The analyzed words asked for (expansions included).
    pub words: HashSet<String>,
}

impl ClippingIndex {
    /// The article queries for `text` and `filters`.
    pub(super) fn article_queries(
        &self,
        builder: &Builder,
        text: &TextQuery,
        filters: &Filters,
    ) -> Result<ArticleQueries> {
        let filter_clauses = builder.filters(filters)?;
        let person_weight = builder.person_weight(filters);
        let with = |query: Box<dyn Query>| -> Box<dyn Query> {
            let mut clauses: Vec<Clause> = vec![(Occur::Must, query)];
            clauses.extend(clone_clauses(&filter_clauses));
            clauses.extend(clone_clauses(&person_weight));
            Box::new(BooleanQuery::new(clauses))
        };
        let Some(expr) = &text.expr else {
            // Filters alone: every article they leave, none scored.
            let (_, articles) = builder.article_kind();
            return Ok(ArticleQueries {
                tiers: vec![with(articles)],
                scored: false,
                words: HashSet::new(),
            });
        };
        // The word queries match article documents alone: no kind to require.
        let every = builder.articles(expr, Tier::Every)?.ok_or_else(no_words)?;
        let mut tiers = vec![with(every)];
        if let Some(some) = builder.articles(expr, Tier::Some)?
            && matches!(expr, crate::query::Expr::All { ranked: true, .. })
        {
            tiers.push(with(some));
        }
        Ok(ArticleQueries {
            tiers,
            scored: true,
            words: builder.highlights.borrow().clone(),
        })
    }

    /// The best `limit` articles: each tier's in score order, reordered by relevance
    /// feedback when the request wants it (or by date when asked, or when there are no
    /// words), earlier tiers first.
    pub(super) fn rank_articles(
        &self,
        searcher: &Searcher,
        queries: &ArticleQueries,
        request: &SearchRequest,
        limit: usize,
    ) -> Result<Vec<Ranked>> {
        let by_date = match (request.sort, queries.scored) {
            (Sort::Newest, _) | (Sort::Relevance, false) => Some(Order::Desc),
            (Sort::Oldest, _) => Some(Order::Asc),
            (Sort::Relevance, true) => None,
        };
        let stats = KindStatistics::new(self, searcher, ARTICLE)?;
        let feedback = request.feedback && by_date.is_none() && queries.scored;
        // Feedback reorders the first RERANK_DEPTH of each tier, so that many are read.
        let depth = if feedback {
            limit.max(RERANK_DEPTH)
        } else {
            limit
        };
        let mut columns = ArticleColumns::default();
        let mut by_tier =
            self.first_pass(searcher, &stats, queries, by_date, depth, &mut columns)?;
        if feedback
            && let Some(feedback) =
                self.feedback(searcher, &stats, queries, &by_tier, &mut columns)?
        {
            feedback.rerank(&mut by_tier);
        }
        let mut ranked: Vec<Ranked> = by_tier.into_iter().flatten().collect();
        ranked.truncate(limit);
        Ok(ranked)
    }

    /// The first `depth` articles, tier by tier (an article in one tier is left out of
    /// the later ones), by BM25 over articles, or by date when `by_date` says so (then
    /// only the last, widest tier: every matching article counts alike).
    pub(super) fn first_pass(
        &self,
        searcher: &Searcher,
        stats: &KindStatistics,
        queries: &ArticleQueries,
        by_date: Option<Order>,
        depth: usize,
        columns: &mut ArticleColumns,
    ) -> Result<Vec<Vec<Ranked>>> {
        let mut seen: HashSet<DocAddress> = HashSet::new();
        let mut by_tier: Vec<Vec<Ranked>> = Vec::new();
        let tiers = if by_date.is_some() {
            &queries.tiers[queries.tiers.len() - 1..]
        } else {
            &queries.tiers[..]
        };
        for query in tiers {
            if seen.len() >= depth {
                break;
            }
            let wanted = depth + seen.len();
            // Equal dates and equal scores (a word once in articles of one length) are
            // common; they are broken by article number, which the same files always get,
            // not by where an indexing thread happened to put a document: otherwise two
            // ingests of one archive could rank, and draw feedback, differently.
            let found: Vec<(f32, DocAddress)> = match by_date {
                Some(order) => super::listing::by_date(searcher, query.as_ref(), order, wanted)?
                    .into_iter()
                    .map(|address| (0.0, address))
                    .collect(),
                None => searcher
                    .search_with_statistics_provider(
                        query.as_ref(),
                        &TopDocs::with_limit(wanted).order_by(ScoreThenArticle),
                        stats,
                    )?
                    .into_iter()
                    .map(|((score, _), address)| (score, address))
                    .collect(),
            };
            let mut tier = Vec::with_capacity(found.len());
            for (score, address) in found {
                if seen.insert(address) {
                    tier.push(columns.ranked(searcher, score, address)?);
                }
            }
            by_tier.push(tier);
        }
        Ok(by_tier)
    }

    /// For each article, the passages to show, best first, at most `per_article`: those
    /// mentioning the persons asked for first, then those with every word, then by BM25
    /// over passages; passages that match nothing only when none does (the first).
    pub(super) fn best_passages(
        &self,
        searcher: &Searcher,
        builder: &Builder,
        text: &TextQuery,
        filters: &Filters,
        keys: &[u64],
        per_article: usize,
    ) -> Result<HashMap<u64, Vec<(f32, DocAddress)>>> {
        if keys.is_empty() {
            return Ok(HashMap::new());
        }
        let mut clauses = builder.passages_of(keys.iter().copied());
        if let Some(expr) = &text.expr {
            if let Some(every) = builder.passages(expr, Tier::Every)? {
                clauses.push((
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(every, EVERY_WORD_BONUS)),
                ));
            }
            if let Some(some) = builder.passages(expr, Tier::Some)? {
                clauses.push((Occur::Should, some));
            }
        }
        if let Some(mentions) = builder.mentions(filters) {
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(mentions, MENTION_BONUS)),
            ));
        }
        let collector = BestPerArticle {
            keys: Arc::new(keys.iter().copied().collect()),
            per_article: per_article.max(1),
        };
        let stats = KindStatistics::new(self, searcher, PASSAGE)?;
        Ok(searcher.search_with_statistics_provider(
            &BooleanQuery::new(clauses),
            &collector,
            &stats,
        )?)
    }

    /// The articles with a passage where `tokens` stand together: in order with at most
    /// `slack` other words between them in all, or in any order with at most `slack`
    /// words between them.
    pub(super) fn articles_with_phrase(
        &self,
        searcher: &Searcher,
        tokens: &[String],
        slack: u32,
        ordered: bool,
    ) -> Result<Vec<u64>> {
        if !(ordered && slack == 0) {
            return self.articles_with_words_near(searcher, tokens, slack, ordered);
        }
        let f = &self.fields;
        let Some(candidates) = super::query_build::tokens_query(f.text, tokens, slack, ordered)
        else {
            return Ok(Vec::new());
        };
        // tantivy's phrase answers the exact phrase exactly.
        let mut keys = searcher.search(candidates.as_ref(), &ArticleOfPassage)?;
        keys.sort_unstable();
        keys.dedup();
        Ok(keys)
    }

    /// The articles with a passage where `tokens` stand within `slack` words of each
    /// other, checked on the positions the index keeps for each passage's words, so
    /// that it means what the documentation says (tantivy's slop counts otherwise) and
    /// no passage has to be read back and analysed again.
    fn articles_with_words_near(
        &self,
        searcher: &Searcher,
        tokens: &[String],
        slack: u32,
        ordered: bool,
    ) -> Result<Vec<u64>> {
        let field = self.fields.text;
        let mut distinct: Vec<&String> = Vec::new();
        for token in tokens {
            if !distinct.contains(&token) {
                distinct.push(token);
            }
        }
        // Each wanted word as the number of its distinct form.
        let wanted: Vec<u32> = tokens
            .iter()
            .map(|t| distinct.iter().position(|d| *d == t).unwrap_or(0) as u32)
            .collect();
        let mut keys = Vec::new();
        let mut positions = Vec::new();
        let mut words: Vec<u32> = Vec::new();
        'segments: for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut postings = Vec::with_capacity(distinct.len());
            for token in &distinct {
                let term = tantivy::Term::from_field_text(field, token);
                let read = inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions);
                match read.map_err(|e| crate::Error::index("reading positions", e))? {
                    Some(p) => postings.push(p),
                    None => continue 'segments,
                }
            }
            let articles = segment.fast_fields().u64("article")?;
            while let Some(doc) = next_common_doc(&mut postings) {
                if !segment.is_deleted(doc) {
                    // The passage as a row of word numbers: the wanted forms where they
                    // stand, NOT_WANTED everywhere else.
                    words.clear();
                    for (form, p) in postings.iter_mut().enumerate() {
                        p.positions(&mut positions);
                        for &at in &positions {
                            let at = at as usize;
                            if words.len() <= at {
                                words.resize(at + 1, NOT_WANTED);
                            }
                            words[at] = form as u32;
                        }
                    }
                    if stand_together(&words, &wanted, slack, ordered)
                        && let Some(key) = articles.first(doc)
                    {
                        keys.push(key);
                    }
                }
                postings[0].advance();
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Ok(keys)
    }
}

/// A word that is none of those asked for, in a passage written as word numbers.
const NOT_WANTED: u32 = u32::MAX;

/// Moves every postings list to the next document they all hold, and returns it;
/// `None` when one of them has run out.
fn next_common_doc(postings: &mut [SegmentPostings]) -> Option<DocId> {
    loop {
        let target = postings.iter().map(|p| p.doc()).max()?;
        if target == TERMINATED {
            return None;
        }
        let mut aligned = true;
        for p in postings.iter_mut() {
            if p.doc() < target && p.seek(target) != target {
                aligned = false;
            }
        }
        if aligned {
            return Some(target);
        }
    }
}

fn no_words() -> crate::Error {
    crate::Error::Query(
        "the query has no searchable words; use letters or digits, or only filters".to_string(),
    )
}

fn clone_clauses(clauses: &[Clause]) -> Vec<Clause> {
    clauses
        .iter()
        .map(|(occur, q)| (*occur, q.box_clone()))
        .collect()
}

/// True when `wanted` stand together in `words`: in order with at most `slack` other
/// words between them in all, or (unordered) in any order, each once, spread over at
/// most `wanted.len() + slack` words.
pub fn stand_together<T: PartialEq>(words: &[T], wanted: &[T], slack: u32, ordered: bool) -> bool {
    let slack = slack as usize;
    if wanted.is_empty() {
        return false;
    }
    if ordered {
        // From each place the first word stands, take every next word at its nearest
        // place after the last: the tightest fit starting there.
        return words
            .iter()
            .enumerate()
            .filter(|(_, w)| **w == wanted[0])
            .any(|(start, _)| {
                let mut at = start;
                let mut between = 0;
                for next in &wanted[1..] {
                    match words[at + 1..].iter().position(|w| w == next) {
                        Some(offset) => {
                            between += offset;
                            at += offset + 1;
                        }
                        None => return false,
                    }
                    if between > slack {
                        return false;
                    }
                }
                true
            });
    }
    // Any order: a window of wanted.len() + slack words holding every wanted word.
    let window = wanted.len() + slack;
    (0..words.len()).any(|start| {
        let end = (start + window).min(words.len());
        let mut used = vec![false; end - start];
        wanted.iter().all(
            |w| match (start..end).find(|&i| !used[i - start] && words[i] == *w) {
                Some(i) => {
                    used[i - start] = true;
                    true
                }
                None => false,
            },
        )
    })
}

/// The article number of every matching passage.
struct ArticleOfPassage;

struct ArticleOfPassageSegment {
    articles: Column<u64>,
    found: Vec<u64>,
}

impl Collector for ArticleOfPassage {
    type Fruit = Vec<u64>;
    type Child = ArticleOfPassageSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(ArticleOfPassageSegment {
            articles: reader.fast_fields().u64("article")?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for ArticleOfPassageSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.found.extend(self.articles.first(doc));
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

/// The best-scoring passages of each article asked for, at most `per_article`, ties to
/// the earlier passage; a passage that matches nothing (score 0) only when it would be
/// the article's first.
struct BestPerArticle {
    keys: Arc<HashSet<u64>>,
    per_article: usize,
}

/// A candidate passage: score, passage number, address.
type Candidate = (f32, u64, DocAddress);

struct BestPerArticleSegment {
    segment: SegmentOrdinal,
    keys: Arc<HashSet<u64>>,
    per_article: usize,
    articles: Column<u64>,
    numbers: Column<u64>,
    best: HashMap<u64, Vec<Candidate>>,
}

impl Collector for BestPerArticle {
    type Fruit = HashMap<u64, Vec<(f32, DocAddress)>>;
    type Child = BestPerArticleSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(BestPerArticleSegment {
            segment,
            keys: Arc::clone(&self.keys),
            per_article: self.per_article,
            articles: reader.fast_fields().u64("article")?,
            numbers: reader.fast_fields().u64("passage")?,
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<u64, Vec<Candidate>>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut merged: HashMap<u64, Vec<Candidate>> = HashMap::new();
        for fruit in fruits {
            for (key, candidates) in fruit {
                let into = merged.entry(key).or_default();
                for candidate in candidates {
                    keep(into, candidate, self.per_article);
                }
            }
        }
        Ok(merged
            .into_iter()
            .map(|(key, mut candidates)| {
                // Nothing-matching passages are only a fallback.
                if candidates.iter().any(|c| c.0 > 0.0) {
                    candidates.retain(|c| c.0 > 0.0);
                } else {
                    candidates.truncate(1);
                }
                let shown = candidates.into_iter().map(|(s, _, a)| (s, a)).collect();
                (key, shown)
            })
            .collect())
    }
}

/// Orders candidates best first: higher score, then earlier passage.
fn order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Adds `candidate` to the best `limit` of `list`, kept sorted.
fn keep(list: &mut Vec<Candidate>, candidate: Candidate, limit: usize) {
    let at = list.partition_point(|c| order(c, &candidate).is_lt());
    if at < limit {
        list.insert(at, candidate);
        list.truncate(limit);
    }
}

impl SegmentCollector for BestPerArticleSegment {
    type Fruit = HashMap<u64, Vec<Candidate>>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(key) = self.articles.first(doc) else {
            return;
        };
        if !self.keys.contains(&key) {
            return;
        }
        let number = self.numbers.first(doc).unwrap_or(u64::MAX);
        let candidate = (score, number, DocAddress::new(self.segment, doc));
        keep(
            self.best.entry(key).or_default(),
            candidate,
            self.per_article,
        );
    }

    fn harvest(self) -> Self::Fruit {
        self.best
    }
}

#[cfg(test)]
mod tests {
    use super::stand_together;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn proximity_counts_the_words_between() {
        let text = words("the judge said federal funds for the city would stay");
        let pair = words("judge funds");
        assert!(!stand_together(&text, &pair, 0, true));
        assert!(!stand_together(&text, &pair, 1, true));
        assert!(stand_together(&text, &pair, 2, true));
        assert!(!stand_together(&text, &words("funds judge"), 5, true));
        assert!(stand_together(&text, &words("funds judge"), 2, false));
        assert!(!stand_together(&text, &words("funds judge"), 1, false));
        assert!(stand_together(&text, &words("federal funds"), 0, true));
        assert!(stand_together(&text, &words("judge federal city"), 5, true));
        assert!(stand_together(&text, &words("judge federal city"), 4, true));
        assert!(!stand_together(
            &text,
            &words("judge federal city"),
            3,
            true
        ));
        // A word wanted twice needs two places.
        assert!(!stand_together(&words("a b"), &words("a a"), 3, false));
        assert!(stand_together(&words("a x a"), &words("a a"), 1, false));
    }
}

/// Articles by score, equal scores by article number (see [`ClippingIndex::first_pass`]),
/// collected as tantivy collects by score alone: through the query's pruning walk
/// (block-WAND), which skips documents that cannot enter the top. Its bound is kept just
/// below the lowest score taken, so an article that ties with it still comes to be
/// compared by number.
#[derive(Debug, Clone, Copy)]
struct ScoreThenArticle;

/// A score with its article number, higher first: equal scores put the lower number
/// first.
type ScoreKey = (Score, std::cmp::Reverse<u64>);

impl SortKeyComputer for ScoreThenArticle {
    type SortKey = ScoreKey;
    type Child = SegmentScoreThenArticle;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

    fn segment_sort_key_computer(&self, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(SegmentScoreThenArticle {
            articles: reader.fast_fields().u64("article")?,
        })
    }

    fn collect_segment_top_k(
        &self,
        k: usize,
        weight: &dyn tantivy::query::Weight,
        reader: &SegmentReader,
        segment_ord: u32,
    ) -> tantivy::Result<Vec<(ScoreKey, DocAddress)>> {
        let mut keys = self.segment_sort_key_computer(reader)?;
        let alive = reader.alive_bitset();
        let mut top: std::collections::BinaryHeap<std::cmp::Reverse<Entry>> =
            std::collections::BinaryHeap::with_capacity(k + 1);
        let mut bound = Score::MIN;
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if k == 0 || alive.is_some_and(|a| a.is_deleted(doc)) {
                return bound;
            }
            top.push(std::cmp::Reverse(Entry {
                key: keys.segment_sort_key(doc, score),
                doc,
            }));
            if top.len() > k {
                top.pop();
            }
            if top.len() == k
                && let Some(lowest) = top.peek()
            {
                bound = lowest.0.key.0.next_down();
            }
            bound
        })?;
        Ok(top
            .into_iter()
            .map(|entry| (entry.0.key, DocAddress::new(segment_ord, entry.0.doc)))
            .collect())
    }
}

/// One document in [`ScoreThenArticle`]'s heap, ordered by its key.
struct Entry {
    key: ScoreKey,
    doc: DocId,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key
            .0
            .total_cmp(&other.key.0)
            .then_with(|| self.key.1.cmp(&other.key.1))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Entry {}

/// [`ScoreThenArticle`] within one segment.
struct SegmentScoreThenArticle {
    articles: Column<u64>,
}

impl SegmentSortKeyComputer for SegmentScoreThenArticle {
    type SortKey = ScoreKey;
    type SegmentSortKey = ScoreKey;
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> ScoreKey {
        let article = self.articles.first(doc).unwrap_or(u64::MAX);
        (score, std::cmp::Reverse(article))
    }

    fn convert_segment_sort_key(&self, key: ScoreKey) -> ScoreKey {
        key
    }
}
