//! Splits YAML (`---`) or TOML (`+++`) front matter from the top of a clipping and reads
//! the fields morgue understands: title, date, topics, authors, source and url.

use super::byline;
use super::date::{citation_line, parse_date};
use crate::clipping::{AuthorsSource, DateSource, Stated, StatedDate};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Why front matter cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The opening fence has no closing one.
    #[error("{kind} front matter opened with {fence} is never closed; add a {fence} line after it")]
    Unclosed {
        /// YAML or TOML.
        kind: &'static str,
        /// The fence, `---` or `+++`.
        fence: &'static str,
    },
    /// The YAML or TOML does not parse.
    #[error("malformed {kind} front matter: {message}")]
    Malformed {
        /// YAML or TOML.
        kind: &'static str,
        /// The parser's first line of complaint.
        message: String,
    },
    /// It parses, but is not a map of fields.
    #[error("{kind} front matter is not a list of `key: value` fields")]
    NotFields {
        /// YAML or TOML.
        kind: &'static str,
    },
}

/// Splits front matter from `text`. Returns `Ok(None)` when there is none.
///
/// `strict` makes an unclosed fence an error (Markdown, where front matter is expected);
/// otherwise the text is taken as having no front matter.
pub fn split(text: &str, strict: bool) -> Result<Option<(Stated, &str)>, FrontMatterError> {
    let (fence, kind) = if text.starts_with("---") {
        ("---", "YAML")
    } else if text.starts_with("+++") {
        ("+++", "TOML")
    } else {
        return Ok(None);
    };
    let (first_line, rest) = text.split_once('\n').unwrap_or((text, ""));
    if first_line.trim_end() != fence {
        return Ok(None);
    }
    let Some((header, body)) = closing_fence(rest, fence) else {
        return if strict {
            Err(FrontMatterError::Unclosed { kind, fence })
        } else {
            Ok(None)
        };
    };
    let value = match kind {
        "YAML" => parse_yaml(header)?,
        _ => parse_toml(header)?,
    };
    let map = match value {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        _ => {
            return Err(FrontMatterError::NotFields { kind });
        }
    };
    Ok(Some((fields(&map), body)))
}

fn closing_fence<'a>(rest: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            return rest
                .split_at_checked(offset)
                .map(|(header, after)| (header, after.get(line.len()..).unwrap_or_default()));
        }
        offset += line.len();
    }
    None
}

fn parse_yaml(header: &str) -> Result<Value, FrontMatterError> {
    serde_saphyr::from_str::<Value>(header).map_err(|err| FrontMatterError::Malformed {
        kind: "YAML",
        message: first_line(&err.to_string()).to_string(),
    })
}

fn parse_toml(header: &str) -> Result<Value, FrontMatterError> {
    let table: toml::Table =
        header
            .parse()
            .map_err(|err: toml::de::Error| FrontMatterError::Malformed {
                kind: "TOML",
                message: first_line(&err.to_string()).to_string(),
            })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Reads the known fields from a parsed front matter map (also used for other formats'
/// metadata objects).
pub fn fields(map: &Map<String, Value>) -> Stated {
    let mut stated = read_fields(map);
    // "source: The Ledger, 18 June 1987": a citation in the source field names the
    // publication and, when no field does, the date.
    if let Some(citation) = stated.source.as_deref().and_then(citation_line) {
        stated.source = Some(citation.publication);
        stated.date.get_or_insert(StatedDate {
            date: citation.date,
            source: DateSource::Metadata,
        });
    }
    let authors_source = (!stated.authors.is_empty()).then_some(AuthorsSource::Metadata);
    Stated {
        authors_source,
        ..stated
    }
}

fn read_fields(map: &Map<String, Value>) -> Stated {
    // Names are tried in the order given: the first is the most specific.
    let get = |names: &[&str]| {
        names.iter().find_map(|name| {
            map.iter()
                .find(|(key, value)| key.eq_ignore_ascii_case(name) && !value.is_null())
                .map(|(_, value)| value)
        })
    };
    let (authors, agency) = get(&["authors", "author", "byline", "creator", "writer"])
        .map(writers_and_agency)
        .unwrap_or_default();
    Stated {
        title: get(&["title", "headline"]).and_then(single_string),
        date: get(&[
            "date",
            "published",
            "publishedat",
            "published_at",
            "pubdate",
            "publish_date",
            "date_publish",
            "date_published",
            "datepublished",
            "publication_date",
            "created",
            "created_at",
            "date_created",
        ])
        .and_then(date_value)
        .map(|date| StatedDate {
            date,
            source: DateSource::Metadata,
        }),
        topics: merged_lists(
            map,
            &[
                "tags",
                "topics",
                "categories",
                "keywords",
                "category",
                "section",
                "articlesection",
            ],
        ),
        persons: merged_lists(map, &["persons", "people"]),
        language: get(&["language", "lang", "inlanguage"]).and_then(single_string),
        authors,
        authors_source: None,
        // "author": "Jane Doe, Reuters": the agency is the source when none is named.
        source: get(&[
            "source",
            "source_name",
            "publisher",
            "site",
            "site_name",
            "sitename",
            "publication",
            "source_domain",
            "hostname",
        ])
        .and_then(single_string)
        .or(agency),
        url: get(&["url", "link", "canonical_url", "canonical"]).and_then(single_string),
    }
}

/// The writers a field names, each once, and a news agency named among them.
fn writers_and_agency(value: &Value) -> (Vec<String>, Option<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut agency = None;
    for text in list_of_strings(value) {
        let byline = byline::parse(&text, true);
        agency = agency.or(byline.agency);
        for name in byline.authors {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
    }
    (names, agency)
}

/// The items of every list under `names`, in that order, without repeats.
fn merged_lists(map: &Map<String, Value>, names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        for (key, value) in map {
            if !key.eq_ignore_ascii_case(name) {
                continue;
            }
            for item in list_of_strings(value) {
                if !out.iter().any(|seen| seen.eq_ignore_ascii_case(&item)) {
                    out.push(item);
                }
            }
        }
    }
    out
}

/// Numbers smaller than this are no timestamps (1973-03-03 in seconds): a year (1987), a
/// count or an identifier, which date nothing.
const SMALLEST_TIMESTAMP: i64 = 100_000_000;

/// A date written as text, as a number spelling it (`19870618`, `19870618103000`), or a
/// Unix timestamp in seconds or milliseconds.
fn date_value(value: &Value) -> Option<NaiveDate> {
    if let Some(number) = value.as_i64() {
        if let Some(date) = spelled_date(number) {
            return Some(date);
        }
        if number.abs() < SMALLEST_TIMESTAMP {
            return None;
        }
        // Ten-digit timestamps are seconds; thirteen-digit ones are milliseconds.
        let seconds = if number.abs() > 100_000_000_000 {
            number / 1000
        } else {
            number
        };
        return chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive());
    }
    let text = single_string(value)?;
    if let Ok(time) = chrono::DateTime::parse_from_rfc2822(&text) {
        return Some(time.date_naive());
    }
    parse_date(&text)
}

/// A number that spells a day as `YYYYMMDD`, or with the time as `YYYYMMDDhhmmss`.
fn spelled_date(number: i64) -> Option<NaiveDate> {
    let day = match number {
        10_000_000..=99_999_999 => number,
        10_000_000_000_000..=99_999_999_999_999 => number / 1_000_000,
        _ => return None,
    };
    let year = i32::try_from(day / 10_000).ok()?;
    let (month, day) = (((day / 100) % 100) as u32, (day % 100) as u32);
    (1600..=2100)
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year, month, day))
        .flatten()
}

/// A scalar, or an object's `name`, as a trimmed non-empty string.
fn single_string(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => return map.get("name").and_then(single_string),
        Value::Array(items) => return items.first().and_then(single_string),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A list, or a comma-separated string, as trimmed non-empty strings without repeats.
fn list_of_strings(value: &Value) -> Vec<String> {
    let items: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(single_string).collect(),
        Value::String(s) => s.split([',', ';']).map(|s| s.trim().to_string()).collect(),
        other => single_string(other).into_iter().collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !item.is_empty() && !out.iter().any(|seen| seen.eq_ignore_ascii_case(&item)) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn the_language_a_record_declares_is_kept() {
        let map = |value: serde_json::Value| value.as_object().cloned().unwrap();
        for (record, language) in [
            (serde_json::json!({"language": "de"}), Some("de")),
            (serde_json::json!({"lang": "pt-BR"}), Some("pt-BR")),
            (serde_json::json!({"inLanguage": ["fr"]}), Some("fr")),
            (serde_json::json!({"language": null}), None),
            (serde_json::json!({"title": "No language"}), None),
        ] {
            assert_eq!(
                fields(&map(record.clone())).language.as_deref(),
                language,
                "{record}"
            );
        }
    }

    #[test]
    fn an_agency_among_the_writers_is_the_source_when_none_is_named() {
        let map = |value: serde_json::Value| value.as_object().cloned().unwrap();
        let stated = fields(&map(serde_json::json!({"author": "Jane Doe, Reuters"})));
        assert_eq!(stated.authors, ["Jane Doe"]);
        assert_eq!(stated.source.as_deref(), Some("Reuters"));
        let stated = fields(&map(
            serde_json::json!({"author": "Jane Doe, Reuters", "source": "Daily Ledger"}),
        ));
        assert_eq!(stated.source.as_deref(), Some("Daily Ledger"));
    }

    #[test]
    fn a_citation_in_the_source_field_gives_the_publication_and_the_date() {
        let map = |value: serde_json::Value| value.as_object().cloned().unwrap();
        let stated = fields(&map(
            serde_json::json!({"source": "The Ledger, 18 June 1987"}),
        ));
        assert_eq!(stated.source.as_deref(), Some("The Ledger"));
        assert_eq!(stated.date.map(|d| d.date), ymd(1987, 6, 18));
        let stated = fields(&map(
            serde_json::json!({"source": "The Ledger, 18 June 1987", "date": "1987-06-19"}),
        ));
        assert_eq!(stated.date.map(|d| d.date), ymd(1987, 6, 19));
    }

    #[test]
    fn numbers_are_dates_only_when_they_spell_one_or_count_seconds() {
        let cases = [
            (serde_json::json!(551_534_400), ymd(1987, 6, 24)),
            (serde_json::json!(551_534_400_000_i64), ymd(1987, 6, 24)),
            (serde_json::json!(-300_000_000), ymd(1960, 6, 29)),
            (serde_json::json!(19_870_618), ymd(1987, 6, 18)),
            (serde_json::json!(19_870_618_103_000_i64), ymd(1987, 6, 18)),
            // A year, a count, an identifier: no day.
            (serde_json::json!(1987), None),
            (serde_json::json!(42), None),
            (serde_json::json!(12_345_678), None),
        ];
        for (value, expected) in cases {
            assert_eq!(date_value(&value), expected, "{value}");
        }
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: \"Judge blocks order\"\ndate: 2025-04-24\ntags: [Courts, Immigration]\nauthor: Jane Doe and John Roe\nsource: Daily Ledger\nurl: https://example.com/a\n---\nBody here.\n";
        let (fm, body) = split(text, true).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("Judge blocks order"));
        assert_eq!(fm.date.map(|d| d.date), ymd(2025, 4, 24));
        assert_eq!(fm.topics, ["Courts", "Immigration"]);
        assert_eq!(fm.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(fm.source.as_deref(), Some("Daily Ledger"));
        assert_eq!(fm.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(body, "Body here.\n");
    }

    #[test]
    fn yaml_lists_and_strings_of_topics() {
        let text = "---\ncategories:\n  - Politics\n  - politics\n  - Courts\nauthors:\n  - name: Ann Lee\npublished: April 3, 2024\n---\nx";
        let (fm, _) = split(text, true).unwrap().unwrap();
        assert_eq!(fm.topics, ["Politics", "Courts"]);
        assert_eq!(fm.authors, ["Ann Lee"]);
        assert_eq!(fm.date.map(|d| d.date), ymd(2024, 4, 3));
        let text = "---\nkeywords: climate, floods; weather\n---\nx";
        let (fm, _) = split(text, true).unwrap().unwrap();
        assert_eq!(fm.topics, ["climate", "floods", "weather"]);
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Floods\"\ndate = 2024-01-05\ntags = [\"Weather\"]\n+++\nBody";
        let (fm, body) = split(text, true).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("Floods"));
        assert_eq!(fm.date.map(|d| d.date), ymd(2024, 1, 5));
        assert_eq!(fm.topics, ["Weather"]);
        assert_eq!(body, "Body");
    }

    #[test]
    fn no_front_matter_and_broken_front_matter() {
        assert_eq!(split("Just text\n---\n", true).unwrap(), None);
        assert_eq!(split("----\nnot a fence", true).unwrap(), None);
        let unclosed = split("---\ntitle: x\nbody", true).unwrap_err().to_string();
        assert!(unclosed.contains("never closed"), "{unclosed}");
        assert_eq!(split("---\ntitle: x\nbody", false).unwrap(), None);
        let bad = split("---\ntitle: [unclosed\n---\nbody", true)
            .unwrap_err()
            .to_string();
        assert!(bad.starts_with("malformed YAML front matter"), "{bad}");
        let bad = split("+++\ntitle = \n+++\nbody", true)
            .unwrap_err()
            .to_string();
        assert!(bad.starts_with("malformed TOML front matter"), "{bad}");
        let scalar = split("---\njust a string\n---\nbody", true)
            .unwrap_err()
            .to_string();
        assert!(scalar.contains("not a list"), "{scalar}");
    }
}
