//! Reads JSON exports of news APIs, scrapers and hand-made collections: one record, an
//! array of records, a response object holding the array, or JSON Lines.

use super::Body;
use super::frontmatter::fields;
use crate::clipping::Stated;
use crate::input::Failure;
use serde_json::{Map, Value};

/// One article found in a JSON file, before normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The file, with `:N` for the record's 1-based line (JSON Lines) or position in an
    /// array; the file alone when it holds one record.
    pub path: String,
    /// Title, date, topics, authors, source and url, read under their common names.
    pub fields: Stated,
    /// The article text.
    pub body: Body,
}

/// The path of the record at `position` of the file `path`.
pub fn record_path(path: &str, position: Option<usize>) -> String {
    match position {
        Some(n) => format!("{path}:{n}"),
        None => path.to_string(),
    }
}

/// Field names that hold the article text, most specific first.
const TEXT_FIELDS: &[&str] = &[
    "body",
    "text",
    "maintext",
    "articlebody",
    "article",
    "content",
    "raw_text",
    "full_text",
    "description",
    "summary",
];
/// Field names that hold the article as HTML.
const HTML_FIELDS: &[&str] = &["html", "body_html", "content_html", "raw_html"];
/// Keys under which API responses nest their list of articles.
const LIST_FIELDS: &[&str] = &[
    "articles",
    "items",
    "results",
    "records",
    "data",
    "posts",
    "documents",
];

/// Reads every record of a JSON (`lines == false`) or JSON Lines file. A broken line is an
/// error for that line only.
pub fn records(text: &str, lines: bool, path: &str) -> Vec<Result<Record, Failure>> {
    let mended = mend_surrogates(text);
    let text = mended.as_ref();
    if !lines {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => return records_of_value(value, path),
            // A `.json` file that is really JSON Lines reads as such.
            Err(_) if looks_like_lines(text) => {}
            Err(err) => {
                return vec![Err(Failure::new(path, format!("invalid JSON ({err})")))];
            }
        }
    }
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let position = Some(i + 1);
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(map)) => record(map, position, path),
                Ok(_) => Err(Failure::new(
                    record_path(path, position),
                    "not a JSON object".to_string(),
                )),
                Err(err) => Err(Failure::new(
                    record_path(path, position),
                    format!("invalid JSON ({err})"),
                )),
            }
        })
        .collect()
}

/// Replaces escaped UTF-16 surrogates that do not form a pair (`"\ud83d"` alone, as
/// scrapers write when they cut an emoji in two) with `\ufffd`: the JSON parser refuses
/// them, and one broken character should not cost a whole record.
fn mend_surrogates(text: &str) -> std::borrow::Cow<'_, str> {
    /// The value of a `\uXXXX` escape starting at byte `at`, when there is one.
    fn escape_at(bytes: &[u8], at: usize) -> Option<u16> {
        let hex = bytes.get(at + 2..at + 6)?;
        if bytes.get(at..at + 2)? != b"\\u" {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    }
    let bytes = text.as_bytes();
    if !text.contains("\\u") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut lone: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // An escaped backslash is not the start of an escape.
        if bytes.get(i + 1) == Some(&b'\\') {
            i += 2;
            continue;
        }
        match escape_at(bytes, i) {
            Some(0xD800..=0xDBFF) => {
                let low = escape_at(bytes, i + 6);
                if low.is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) {
                    i += 12;
                    continue;
                }
                lone.push(i);
                i += 6;
            }
            Some(0xDC00..=0xDFFF) => {
                lone.push(i);
                i += 6;
            }
            _ => i += 2,
        }
    }
    if lone.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in lone {
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push_str("\\ufffd");
        from = at + 6;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first_two = [lines.next(), lines.next()];
    first_two
        .iter()
        .all(|l| l.is_some_and(|l| serde_json::from_str::<Value>(l).is_ok()))
}

fn records_of_value(value: Value, path: &str) -> Vec<Result<Record, Failure>> {
    match value {
        Value::Array(items) => numbered(items, path),
        Value::Object(mut map) => {
            let list = LIST_FIELDS.iter().find_map(|key| match map.get(*key) {
                Some(Value::Array(items)) if items.iter().any(Value::is_object) => {
                    Some(key.to_string())
                }
                _ => None,
            });
            match list.and_then(|key| map.remove(&key)) {
                Some(Value::Array(items)) => numbered(items, path),
                // `{"id1": {…}, "id2": {…}}`: an export keyed by article id.
                _ if body_of(&map).is_none() && is_keyed_collection(&map) => {
                    numbered(map.into_iter().map(|(_, v)| v).collect(), path)
                }
                _ => vec![record(map, None, path)],
            }
        }
        _ => vec![Err(Failure::new(
            record_path(path, None),
            "a JSON file must hold an object or an array of objects".to_string(),
        ))],
    }
}

/// True when every value of an object is an object and some hold an article.
fn is_keyed_collection(map: &Map<String, Value>) -> bool {
    !map.is_empty()
        && map.values().all(Value::is_object)
        && map
            .values()
            .filter_map(Value::as_object)
            .any(|article| body_of(article).is_some())
}

fn numbered(items: Vec<Value>, path: &str) -> Vec<Result<Record, Failure>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Object(map) => record(map, Some(i + 1), path),
            _ => Err(Failure::new(
                record_path(path, Some(i + 1)),
                "not a JSON object".to_string(),
            )),
        })
        .collect()
}

fn record(map: Map<String, Value>, position: Option<usize>, path: &str) -> Result<Record, Failure> {
    let body = body_of(&map).ok_or_else(|| {
        Failure::new(
            record_path(path, position),
            format!(
                "no article text (looked for {})",
                TEXT_FIELDS[..6].join(", ")
            ),
        )
    })?;
    Ok(Record {
        path: record_path(path, position),
        fields: fields(&map),
        body,
    })
}

fn body_of(map: &Map<String, Value>) -> Option<Body> {
    let field = |names: &[&str]| {
        names.iter().find_map(|name| {
            map.iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .and_then(|(_, value)| text_of(value))
        })
    };
    if let Some(html) = field(HTML_FIELDS) {
        return Some(Body::Html(html));
    }
    let text = field(TEXT_FIELDS)?;
    Some(if looks_like_html(&text) {
        Body::Html(text)
    } else {
        Body::Text(strip_truncation(&text))
    })
}

/// A string, or the paragraphs of a list of strings.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

fn looks_like_html(text: &str) -> bool {
    let lower = super::text::head(text, 2000).to_ascii_lowercase();
    ["<p>", "<p ", "<div", "<br", "<html", "</a>", "<article"]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// NewsAPI cuts `content` with a marker such as "… [+2345 chars]"; the marker is not text.
fn strip_truncation(text: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.ends_with("chars]")
        && let Some((kept, _)) = trimmed.rsplit_once("[+")
    {
        return kept.trim_end().to_string();
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(results: Vec<Result<Record, Failure>>) -> Vec<Record> {
        results.into_iter().map(Result::unwrap).collect()
    }

    #[test]
    fn shapes_of_json_files() {
        let one = r#"{"title":"A","text":"Body a."}"#;
        let array = r#"[{"title":"A","text":"Body a."},{"headline":"B","content":"Body b."}]"#;
        let response = r#"{"status":"ok","totalResults":1,"articles":[{"title":"A","description":"D","content":"Body a. [+120 chars]","source":{"id":null,"name":"Ledger"},"publishedAt":"2025-04-24T10:00:00Z"}]}"#;
        assert_eq!(ok(records(one, false, "f.json"))[0].path, "f.json");
        let two = ok(records(array, false, "f.json"));
        assert_eq!(two.len(), 2);
        assert_eq!(two[1].path, "f.json:2");
        assert_eq!(two[1].fields.title.as_deref(), Some("B"));
        let news = ok(records(response, false, "f.json"));
        assert_eq!(news.len(), 1);
        assert_eq!(news[0].fields.source.as_deref(), Some("Ledger"));
        assert_eq!(news[0].fields.date.unwrap().date.to_string(), "2025-04-24");
        assert_eq!(news[0].body, Body::Text("Body a.".to_string()));
    }

    #[test]
    fn an_object_keyed_by_article_id_holds_one_record_per_key() {
        let text = r#"{"a1": {"title": "A", "text": "Body a."}, "b2": {"title": "B", "text": "Body b."}, "c3": {"title": "only a title"}}"#;
        let results = records(text, false, "f.json");
        assert_eq!(results.len(), 3);
        assert_eq!(
            results[1].as_ref().unwrap().fields.title.as_deref(),
            Some("B")
        );
        assert_eq!(results[2].as_ref().unwrap_err().path, "f.json:3");
        // An article whose fields are objects is still one article.
        let one = r#"{"title": "A", "text": "Body.", "source": {"name": "Ledger"}}"#;
        assert_eq!(records(one, false, "f.json").len(), 1);
    }

    #[test]
    fn lone_escaped_surrogates_become_replacement_characters() {
        let text = r#"{"title":"Cut \ud83d emoji \udc00 here","text":"Pair \ud83d\ude00 kept, \\ud800 is text."}"#;
        let record = &ok(records(text, false, "f.json"))[0];
        assert_eq!(
            record.fields.title.as_deref(),
            Some("Cut \u{fffd} emoji \u{fffd} here")
        );
        assert_eq!(
            record.body,
            Body::Text("Pair 😀 kept, \\ud800 is text.".to_string())
        );
        assert!(matches!(
            mend_surrogates("no escapes"),
            std::borrow::Cow::Borrowed(_)
        ));
        for cut in [r#""\ud83d"#, r#""\u"#, r#""\ud8"#, "\\"] {
            let _ = mend_surrogates(cut);
        }
    }

    #[test]
    fn broken_lines_are_reported_by_number_and_the_rest_read() {
        let text = "{\"title\":\"A\",\"text\":\"x\"}\n\n{\"title\": oops\n{\"title\":\"C\",\"maintext\":\"y\"}\n[1]\n";
        let results = records(text, true, "f.json");
        assert_eq!(results.len(), 4);
        assert!(results[0].is_ok());
        let err = results[1].as_ref().unwrap_err();
        assert_eq!(err.path, "f.json:3");
        assert!(err.reason.starts_with("invalid JSON"), "{}", err.reason);
        assert_eq!(results[2].as_ref().unwrap().path, "f.json:4");
        assert_eq!(results[3].as_ref().unwrap_err().reason, "not a JSON object");
    }

    #[test]
    fn html_bodies_are_marked_for_the_html_extractor() {
        let text = r#"{"title":"A","html":"<p>One.</p>"}"#;
        assert!(matches!(
            ok(records(text, false, "f.json"))[0].body,
            Body::Html(_)
        ));
        let text = r#"{"title":"A","content":"<div><p>One.</p></div>"}"#;
        assert!(matches!(
            ok(records(text, false, "f.json"))[0].body,
            Body::Html(_)
        ));
    }

    #[test]
    fn a_record_without_text_is_an_error() {
        let results = records(r#"[{"title":"only a title"}]"#, false, "f.json");
        assert!(
            results[0]
                .as_ref()
                .unwrap_err()
                .reason
                .starts_with("no article text")
        );
    }

    #[test]
    fn news_please_and_trafilatura_field_names() {
        let np = r#"{"title":"T","maintext":"Body.","date_publish":"2025-04-24 10:00:00","authors":["Ana Ruiz"],"source_domain":"ledger.example","url":"https://ledger.example/a"}"#;
        let r = &ok(records(np, false, "f.json"))[0];
        assert_eq!(r.fields.date.unwrap().date.to_string(), "2025-04-24");
        assert_eq!(r.fields.authors, ["Ana Ruiz"]);
        assert_eq!(r.fields.source.as_deref(), Some("ledger.example"));
        let tf = r#"{"title":"T","text":"Body.","date":"2025-04-24","author":"Ana Ruiz; Bo Li","sitename":"Ledger","categories":"Courts","tags":"Law, Cities"}"#;
        let r = &ok(records(tf, false, "f.json"))[0];
        assert_eq!(r.fields.source.as_deref(), Some("Ledger"));
        assert_eq!(r.fields.topics, ["Law", "Cities", "Courts"]);
    }
}
