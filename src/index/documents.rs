//! Records to tantivy documents and back: [`to_documents`] writes an article document and
//! one document per passage; the readers below turn stored documents into records and
//! hits again.

use super::schema::{ARTICLE, Fields, PASSAGE, from_tantivy_date, to_tantivy_date};
use crate::clipping::{AuthorsSource, Clipping, DateSource, Format, Person, folded_key};
use chrono::NaiveDate;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

/// Mentions of one person counted towards an article's score, at most: an article is
/// about a person, not ten times more about them for naming them ten times more.
const MAX_COUNTED_MENTIONS: usize = 8;

/// The article document and the passage documents of one record.
pub fn to_documents(
    clipping: &Clipping,
    article: u64,
    file_key: &str,
    story: u64,
    signature: &[u8],
    fields: &Fields,
) -> Vec<TantivyDocument> {
    let date = to_tantivy_date(clipping.date);
    let mut docs = Vec::with_capacity(clipping.passages.len() + 1);
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.kind, ARTICLE);
    doc.add_u64(fields.article, article);
    doc.add_text(fields.file, file_key);
    doc.add_date(fields.date, date);
    doc.add_text(fields.id, &clipping.id);
    doc.add_u64(fields.story, story);
    doc.add_bytes(fields.signature, signature);
    doc.add_text(fields.title, &clipping.title);
    doc.add_text(fields.headline, &clipping.title);
    let body = clipping.passages.join("\n");
    doc.add_text(fields.body, &body);
    doc.add_text(fields.body_exact, &clipping.title);
    doc.add_text(fields.body_exact, &body);
    doc.add_text(fields.date_source, clipping.date_source.name());
    if let Some(source) = clipping.authors_source {
        doc.add_text(fields.authors_source, source.name());
    }
    doc.add_text(fields.format, clipping.format.name());
    if let Some(source) = &clipping.source {
        doc.add_text(fields.source, source);
    }
    if let Some(url) = &clipping.url {
        doc.add_text(fields.url, url);
    }
    doc.add_text(fields.path, &clipping.path);
    for topic in &clipping.topics {
        doc.add_text(fields.topic, folded_key(topic));
        doc.add_text(fields.topic_name, topic);
    }
    for author in &clipping.authors {
        doc.add_text(fields.author, author);
    }
    for person in &clipping.persons {
        let key = folded_key(&person.name);
        for _ in 0..person.mentions.clamp(1, MAX_COUNTED_MENTIONS) {
            doc.add_text(fields.person, &key);
        }
    }
    doc.add_u64(fields.passages, clipping.passages.len() as u64);
    docs.push(doc);
    for (n, passage) in clipping.passages.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_u64(fields.kind, PASSAGE);
        doc.add_u64(fields.article, article);
        doc.add_text(fields.file, file_key);
        doc.add_u64(fields.passage, n as u64);
        doc.add_text(fields.text, passage);
        for &p in clipping.passage_persons.get(n).into_iter().flatten() {
            if let Some(person) = clipping.persons.get(p) {
                doc.add_text(fields.mention, folded_key(&person.name));
                doc.add_text(fields.mention_name, &person.name);
            }
        }
        docs.push(doc);
    }
    docs
}

/// Reads stored values out of documents.
pub struct Reader<'a> {
    /// The schema's fields.
    pub fields: &'a Fields,
}

impl Reader<'_> {
    /// A stored text, or an empty one.
    pub fn text(&self, doc: &TantivyDocument, field: Field) -> String {
        self.optional_text(doc, field).unwrap_or_default()
    }

    /// A stored text, when there is one.
    pub fn optional_text(&self, doc: &TantivyDocument, field: Field) -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    /// Every stored text of a field.
    pub fn all_text(&self, doc: &TantivyDocument, field: Field) -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// A stored number, or 0.
    pub fn number(&self, doc: &TantivyDocument, field: Field) -> u64 {
        doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
    }

    /// The stored publication date.
    pub fn date(&self, doc: &TantivyDocument) -> NaiveDate {
        doc.get_first(self.fields.date)
            .and_then(|v| v.as_datetime())
            .map(from_tantivy_date)
            .unwrap_or_default()
    }

    /// Where the stored date came from.
    pub fn date_source(&self, doc: &TantivyDocument) -> DateSource {
        DateSource::from_name(&self.text(doc, self.fields.date_source)).unwrap_or(DateSource::Mtime)
    }

    /// The record an article document and its passage documents (in order) stand for,
    /// with the persons the manifest keeps for it.
    pub fn clipping(
        &self,
        article: &TantivyDocument,
        passages: &[TantivyDocument],
        persons: Vec<Person>,
    ) -> Clipping {
        let f = self.fields;
        Clipping {
            id: self.text(article, f.id),
            path: self.text(article, f.path),
            format: Format::from_name(&self.text(article, f.format)).unwrap_or(Format::Text),
            title: self.text(article, f.title),
            date: self.date(article),
            date_source: self.date_source(article),
            source: self.optional_text(article, f.source),
            url: self.optional_text(article, f.url),
            authors: self.all_text(article, f.author),
            authors_source: AuthorsSource::from_name(&self.text(article, f.authors_source)),
            topics: self.all_text(article, f.topic_name),
            persons,
            passages: passages.iter().map(|doc| self.text(doc, f.text)).collect(),
            passage_persons: Vec::new(),
        }
    }
}
