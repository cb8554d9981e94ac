//! Measures how well `search` ranks articles, against two peers on the same records:
//! SQLite FTS5 (porter tokenizer, `bm25()`, title and body columns) and whole-article
//! BM25 (tantivy used directly: one document per article, title and body, English stems).
//!
//! Built from Reuters-21578 (read from `../shared/corpora`, skipped with a note when
//! absent), every story written as a text clipping and ingested by morgue:
//! - *headline queries*: a story's headline; relevant = the other stories sharing one of
//!   its TOPICS and one of its ORGS or PLACES, sent within three days of it (the story
//!   itself is left out of every ranking);
//! - *known-item queries*: one sentence of a story's body; relevant = that story (and any
//!   story with the same text).
//!
//! morgue is measured twice: as it ranks (with relevance feedback) and with BM25 alone.
//! Reported per system: nDCG@10 (binary gains), MRR@10 and P@5, over the articles each
//! system returns (morgue's hits are folded to their articles, copies not collapsed).
//!
//! Usage: `cargo run --release --example eval_relevance -- [CORPORA_DIR] [--verbose]`

#[path = "common/reuters.rs"]
mod reuters;

use morgue::index::ClippingIndex;
use morgue::ingest::{IngestOptions, ingest};
use morgue::query::{SearchRequest, parse_query};
use reuters::Story;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Results looked at per query.
const DEPTH: usize = 10;
/// Every this many stories, one becomes a query.
const QUERY_EVERY: usize = 23;

/// A query, and the stories (by index) that answer it.
struct Query {
    text: String,
    /// The story the query was made from, left out of rankings of headline queries.
    from: Option<usize>,
    relevant: HashSet<usize>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let corpora = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("../shared/corpora"), PathBuf::from);
    let stories: Vec<Story> = reuters::stories(&corpora.join("reuters21578"))
        .into_iter()
        .filter(|s| !s.title.is_empty() && s.day().is_some() && s.clipping().is_some())
        .collect();
    if stories.is_empty() {
        println!(
            "skipped: no Reuters-21578 corpus under {}",
            corpora.display()
        );
        return;
    }
    let headline = headline_queries(&stories);
    let known = known_item_queries(&stories);
    println!(
        "Reuters-21578: {} stories, {} headline queries, {} known-item queries",
        stories.len(),
        headline.len(),
        known.len()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let morgue = Morgue::build(dir.path(), &stories);
    let bm25_only = Morgue {
        index: ClippingIndex::open(&dir.path().join("index")).expect("the index"),
        feedback: false,
    };
    let fts = Fts::build(&stories);
    let bm25 = Bm25::build(&stories);
    println!("\n| system | headline nDCG@10 | MRR@10 | P@5 | known-item nDCG@10 | MRR@10 |");
    println!("|---|---|---|---|---|---|");
    let systems: [(&str, &dyn Search); 4] = [
        ("morgue", &morgue),
        ("morgue without relevance feedback", &bm25_only),
        ("SQLite FTS5 (porter, bm25(), title + body)", &fts),
        ("whole-article BM25 (tantivy, English stems)", &bm25),
    ];
    for (name, system) in systems {
        let h = score(system, &headline, verbose.then_some(name));
        let k = score(system, &known, None);
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            h.ndcg, h.mrr, h.p5, k.ndcg, k.mrr
        );
    }
}

/// Lower-case words only: headlines in capitals would otherwise read as operators.
fn query_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn headline_queries(stories: &[Story]) -> Vec<Query> {
    let mut queries = Vec::new();
    for (i, story) in stories.iter().enumerate().step_by(QUERY_EVERY) {
        let (Some(day), false) = (story.day(), story.topics.is_empty()) else {
            continue;
        };
        let relevant: HashSet<usize> = stories
            .iter()
            .enumerate()
            .filter(|&(j, other)| {
                j != i
                    && other.day().is_some_and(|d| (d - day).num_days().abs() <= 3)
                    && shares(&story.topics, &other.topics)
                    && (shares(&story.orgs, &other.orgs) || shares(&story.places, &other.places))
            })
            .map(|(j, _)| j)
            .collect();
        let text = query_words(&story.title);
        if !relevant.is_empty() && text.split(' ').count() >= 2 {
            queries.push(Query {
                text,
                from: Some(i),
                relevant,
            });
        }
    }
    queries
}

fn known_item_queries(stories: &[Story]) -> Vec<Query> {
    let mut same_body: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, story) in stories.iter().enumerate() {
        same_body.entry(story.body.as_str()).or_default().push(i);
    }
    let mut queries = Vec::new();
    for story in stories.iter().skip(QUERY_EVERY / 2).step_by(QUERY_EVERY) {
        let flat = story.body.split_whitespace().collect::<Vec<_>>().join(" ");
        let sentence = flat
            .split(". ")
            .skip(1)
            .chain(flat.split(". ").take(1))
            .find(|s| s.split(' ').count() >= 8);
        let Some(sentence) = sentence else { continue };
        queries.push(Query {
            text: query_words(sentence),
            from: None,
            relevant: same_body[story.body.as_str()].iter().copied().collect(),
        });
    }
    queries
}

/// Anything that ranks stories for a query.
trait Search {
    /// Story indexes, best first, at most `limit`.
    fn search(&self, query: &str, limit: usize) -> Vec<usize>;
}

#[derive(Default)]
struct Scores {
    ndcg: f64,
    mrr: f64,
    p5: f64,
}

fn score(system: &dyn Search, queries: &[Query], show_misses: Option<&str>) -> Scores {
    let mut total = Scores::default();
    for query in queries {
        let ranked: Vec<usize> = system
            .search(&query.text, DEPTH + 1)
            .into_iter()
            .filter(|&s| Some(s) != query.from)
            .take(DEPTH)
            .collect();
        let gains: Vec<bool> = ranked.iter().map(|s| query.relevant.contains(s)).collect();
        let dcg: f64 = gains
            .iter()
            .enumerate()
            .filter(|(_, g)| **g)
            .map(|(r, _)| 1.0 / ((r + 2) as f64).log2())
            .sum();
        let ideal: f64 = (0..query.relevant.len().min(DEPTH))
            .map(|r| 1.0 / ((r + 2) as f64).log2())
            .sum();
        let ndcg = dcg / ideal;
        total.ndcg += ndcg;
        total.mrr += gains
            .iter()
            .position(|g| *g)
            .map_or(0.0, |r| 1.0 / (r + 1) as f64);
        total.p5 += gains.iter().take(5).filter(|g| **g).count() as f64 / 5.0;
        if let Some(name) = show_misses {
            println!("{name}\t{ndcg:.3}\t{}", query.text);
        }
    }
    let n = queries.len().max(1) as f64;
    Scores {
        ndcg: total.ndcg / n,
        mrr: total.mrr / n,
        p5: total.p5 / n,
    }
}

/// morgue, through its own ingest and search.
struct Morgue {
    index: ClippingIndex,
    /// Whether relevance feedback reorders the first ranking (morgue's default).
    feedback: bool,
}

impl Morgue {
    fn build(dir: &Path, stories: &[Story]) -> Morgue {
        let archive = dir.join("archive");
        std::fs::create_dir_all(&archive).expect("an archive folder");
        for (i, story) in stories.iter().enumerate() {
            let text = story
                .clipping()
                .expect("stories were filtered for clippings");
            std::fs::write(archive.join(format!("{i:05}.txt")), text).expect("a clipping");
        }
        let index_dir = dir.join("index");
        ingest(&index_dir, &[archive], &IngestOptions::default()).expect("ingest");
        Morgue {
            index: ClippingIndex::open(&index_dir).expect("the index"),
            feedback: true,
        }
    }
}

impl Search for Morgue {
    fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let (text, filters) = parse_query(query).expect("plain words parse");
        let mut request = SearchRequest::new(text, filters, limit);
        request.all_copies = true;
        request.feedback = self.feedback;
        let mut seen = HashSet::new();
        self.index
            .search(&request)
            .unwrap_or_default()
            .hits
            .into_iter()
            .filter_map(|hit| {
                let name = Path::new(&hit.path).file_stem()?.to_str()?.to_string();
                name.parse::<usize>().ok()
            })
            .filter(|story| seen.insert(*story))
            .take(limit)
            .collect()
    }
}

/// SQLite FTS5 over the same headlines and bodies.
struct Fts {
    db: rusqlite::Connection,
}

impl Fts {
    fn build(stories: &[Story]) -> Fts {
        let db = rusqlite::Connection::open_in_memory().expect("SQLite");
        db.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61');",
        )
        .expect("an FTS5 table");
        let tx = db.unchecked_transaction().expect("a transaction");
        for (i, story) in stories.iter().enumerate() {
            tx.execute(
                "INSERT INTO docs(rowid, title, body) VALUES (?1, ?2, ?3)",
                rusqlite::params![i as i64, story.title, story.body],
            )
            .expect("an insert");
        }
        tx.commit().expect("a commit");
        Fts { db }
    }
}

impl Search for Fts {
    fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let any: Vec<String> = query.split(' ').map(|w| format!("\"{w}\"")).collect();
        let mut statement = self
            .db
            .prepare_cached(
                "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT ?2",
            )
            .expect("a query");
        statement
            .query_map(rusqlite::params![any.join(" OR "), limit as i64], |row| {
                row.get::<_, i64>(0)
            })
            .map(|rows| rows.flatten().map(|r| r as usize).collect())
            .unwrap_or_default()
    }
}

/// tantivy used directly: one document per article.
struct Bm25 {
    searcher: tantivy::Searcher,
    parser: tantivy::query::QueryParser,
    id: tantivy::schema::Field,
}

impl Bm25 {
    fn build(stories: &[Story]) -> Bm25 {
        use tantivy::schema::{INDEXED, STORED, Schema, TextFieldIndexing, TextOptions};
        let mut schema = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let title = schema.add_text_field("title", text.clone());
        let body = schema.add_text_field("body", text);
        let id = schema.add_u64_field("id", INDEXED | STORED);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer = index.writer(100_000_000).expect("a writer");
        for (i, story) in stories.iter().enumerate() {
            writer
                .add_document(tantivy::doc!(title => story.title.clone(), body => story.body.clone(), id => i as u64))
                .expect("a document");
        }
        writer.commit().expect("a commit");
        let reader = index.reader().expect("a reader");
        Bm25 {
            searcher: reader.searcher(),
            parser: tantivy::query::QueryParser::for_index(&index, vec![title, body]),
            id,
        }
    }
}

impl Search for Bm25 {
    fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        use tantivy::schema::Value;
        let Ok(query) = self.parser.parse_query(query) else {
            return Vec::new();
        };
        let top = tantivy::collector::TopDocs::with_limit(limit).order_by_score();
        self.searcher
            .search(&query, &top)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(_, address)| {
                let doc: tantivy::TantivyDocument = self.searcher.doc(address).ok()?;
                doc.get_first(self.id)?.as_u64().map(|n| n as usize)
            })
            .collect()
    }
}
