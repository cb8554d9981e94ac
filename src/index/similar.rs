//! "More like this": the words that set one record apart from the archive, as a query.
//! Its words are weighed by how often the record uses them against how many articles
//! use them at all (tf-idf over the article documents), then searched for as any of them,
//! so the articles that share most of those words, and the rarest, rank first (BM25 over
//! whole articles, as any search).

use super::ClippingIndex;
use super::schema::{ARTICLE, NAME_ANALYZER};
use crate::Result;
use crate::clipping::Clipping;
use crate::query::{Expr, Field, Matcher, Term as QueryTerm, TextQuery};
use std::collections::HashMap;
use tantivy::Term;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TokenStream;

/// Words shorter than this say little about what a story is about.
const MIN_WORD_CHARS: usize = 3;

impl ClippingIndex {
    /// At most `count` words of `clipping` that best tell it from the rest of the archive,
    /// as a query that finds any of them; `None` when it has no such word.
    pub fn like_this(&self, clipping: &Clipping, count: usize) -> Result<Option<TextQuery>> {
        let searcher = self.searcher()?;
        let articles = searcher.search(
            &TermQuery::new(
                Term::from_field_u64(self.fields.kind, ARTICLE),
                IndexRecordOption::Basic,
            ),
            &tantivy::collector::Count,
        )? as f64;
        let mut analyzer = self
            .index
            .tokenizers()
            .get(NAME_ANALYZER)
            .expect("registered on open");
        let mut uses: HashMap<String, u32> = HashMap::new();
        for text in std::iter::once(&clipping.title).chain(&clipping.passages) {
            let mut tokens = analyzer.token_stream(text);
            while tokens.advance() {
                let word = &tokens.token().text;
                if word.chars().count() >= MIN_WORD_CHARS
                    && !word.chars().all(|c| c.is_ascii_digit())
                {
                    *uses.entry(word.clone()).or_default() += 1;
                }
            }
        }
        let mut weighed: Vec<(f64, String)> = Vec::new();
        for (word, n) in uses {
            let term = Term::from_field_text(self.fields.body_exact, &word);
            let df = searcher.doc_freq(&term)? as f64;
            // A word no other article uses finds nothing; one most use finds everything.
            if df < 2.0 || df > articles / 2.0 {
                continue;
            }
            let rarity = super::ranking::idf(df, articles);
            weighed.push((f64::from(n).sqrt() * rarity, word));
        }
        weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let terms: Vec<Expr> = weighed
            .into_iter()
            .take(count)
            .map(|(_, word)| {
                Expr::Term(QueryTerm {
                    field: Field::Text,
                    matcher: Matcher::Word(word),
                })
            })
            .collect();
        if terms.is_empty() {
            return Ok(None);
        }
        Ok(Some(TextQuery {
            expr: Some(Expr::Any(terms)),
        }))
    }
}
