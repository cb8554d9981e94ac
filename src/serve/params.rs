//! URL query parameters, named like the CLI flags, turned into the same request values.

use crate::query::{FilterFlags, SearchRequest, Sort, TextQuery, parse_with_flags};
use crate::timeline::Unit;

/// Most articles a page or an API call may ask for, so one request stays bounded.
const MOST_ARTICLES: usize = 200;
/// Articles per search page.
pub const PAGE_SIZE: usize = 10;

/// Everything a page or an API route reads from its query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    /// The query, in the CLI's language.
    pub q: String,
    /// The filters beside it.
    pub flags: FilterFlags,
    /// Period length for timelines.
    pub by: Option<Unit>,
    /// Most articles (the CLI's `--limit`).
    pub limit: Option<usize>,
    /// Passages per article (the CLI's `--passages`).
    pub passages: Option<usize>,
    /// Page number of a search page, from 1.
    pub page: usize,
    /// Every copy instead of one hit per story.
    pub all_copies: bool,
    /// Order of articles.
    pub sort: Sort,
}

/// Reads a query string; a malformed number or unit is a message for the user.
pub fn parse(raw: Option<&str>) -> Result<Params, String> {
    let mut params = Params {
        page: 1,
        ..Params::default()
    };
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim().to_string();
        let flags = &mut params.flags;
        match key.as_ref() {
            "q" => params.q = value,
            _ if value.is_empty() => {}
            "person" => flags.person.push(value),
            "topic" => flags.topic.push(value),
            "source" => flags.source.push(value),
            "on" => flags.on = Some(value),
            "from" => flags.from = Some(value),
            "to" => flags.to = Some(value),
            "by" => params.by = Some(unit(&value)?),
            "limit" => params.limit = Some(count("limit", &value, MOST_ARTICLES)?),
            "passages" => params.passages = Some(count("passages", &value, 50)?),
            "page" => params.page = count("page", &value, 1000)?,
            "all_copies" => params.all_copies = value != "false" && value != "0",
            "sort" => params.sort = sort(&value)?,
            _ => {}
        }
    }
    Ok(params)
}

fn count(name: &str, value: &str, most: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=most).contains(&n) => Ok(n),
        _ => Err(format!("{name}={value:?} is not a number from 1 to {most}")),
    }
}

fn unit(value: &str) -> Result<Unit, String> {
    match value {
        "day" => Ok(Unit::Day),
        "week" => Ok(Unit::Week),
        "month" => Ok(Unit::Month),
        "year" => Ok(Unit::Year),
        _ => Err(format!("by={value:?} is not one of day, week, month, year")),
    }
}

fn sort(value: &str) -> Result<Sort, String> {
    match value {
        "relevance" => Ok(Sort::Relevance),
        "newest" => Ok(Sort::Newest),
        "oldest" => Ok(Sort::Oldest),
        _ => Err(format!(
            "sort={value:?} is not one of relevance, newest, oldest"
        )),
    }
}

impl Params {
    /// The query and filters as values, checked.
    pub fn parsed(&self) -> Result<(TextQuery, crate::query::Filters), String> {
        parse_with_flags(&self.q, &self.flags)
    }

    /// The search the CLI would run for the same flags (`limit` default 10).
    pub fn request(&self) -> Result<SearchRequest, String> {
        self.request_for(self.limit.unwrap_or(10))
    }

    /// The search behind one page of results: enough articles for the pages up to this
    /// one, and one more to know whether another page follows.
    pub fn page_request(&self) -> Result<SearchRequest, String> {
        self.request_for((self.page * PAGE_SIZE + 1).min(MOST_ARTICLES * 5))
    }

    fn request_for(&self, limit: usize) -> Result<SearchRequest, String> {
        let (text, filters) = self.parsed()?;
        let mut request = SearchRequest::new(text, filters, limit);
        request.all_copies = self.all_copies;
        request.passages = self.passages.unwrap_or(3);
        request.sort = self.sort;
        Ok(request)
    }

    /// The query string that asks for these parameters again, with `changes` applied
    /// (a value of `None` drops the key): links that keep the whole search.
    pub fn link(&self, path: &str, changes: &[(&str, Option<&str>)]) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut push = |key: &str, value: &str| pairs.push((key.to_string(), value.to_string()));
        if !self.q.is_empty() {
            push("q", &self.q);
        }
        for p in &self.flags.person {
            push("person", p);
        }
        for t in &self.flags.topic {
            push("topic", t);
        }
        for s in &self.flags.source {
            push("source", s);
        }
        for (key, value) in [
            ("on", &self.flags.on),
            ("from", &self.flags.from),
            ("to", &self.flags.to),
        ] {
            if let Some(v) = value {
                push(key, v);
            }
        }
        if let Some(by) = self.by {
            push("by", by.name());
        }
        if self.all_copies {
            push("all_copies", "1");
        }
        if self.sort != Sort::Relevance {
            push("sort", sort_name(self.sort));
        }
        for (key, value) in changes {
            pairs.retain(|(k, _)| k != key);
            if let Some(v) = value {
                pairs.push((key.to_string(), v.to_string()));
            }
        }
        if pairs.is_empty() {
            return path.to_string();
        }
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            query.append_pair(k, v);
        }
        format!("{path}?{}", query.finish())
    }
}

/// The name a sort order has in URLs and on the command line.
pub fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
    }
}

/// One URL path segment, percent-encoded (names and ids in `/persons/NAME`).
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_become_lists_and_numbers_are_checked() {
        let p = parse(Some(
            "q=judge+funds&person=Orrick&person=Breyer&from=2025-04&limit=5",
        ))
        .unwrap();
        assert_eq!(p.q, "judge funds");
        assert_eq!(p.flags.person, ["Orrick", "Breyer"]);
        assert_eq!(p.flags.from.as_deref(), Some("2025-04"));
        assert_eq!(p.limit, Some(5));
        assert!(parse(Some("limit=0")).unwrap_err().contains("limit"));
        assert!(parse(Some("by=decade")).unwrap_err().contains("day, week"));
        assert!(parse(Some("page=x")).is_err());
    }

    #[test]
    fn links_keep_the_search_and_apply_changes() {
        let p = parse(Some("q=%C3%A9t%C3%A9+%26+co&topic=a%2Fb&page=2")).unwrap();
        assert_eq!(p.q, "été & co");
        let link = p.link("/search", &[("page", Some("3"))]);
        assert_eq!(link, "/search?q=%C3%A9t%C3%A9+%26+co&topic=a%2Fb&page=3");
        assert_eq!(
            parse(link.split_once('?').map(|x| x.1))
                .unwrap()
                .flags
                .topic,
            ["a/b"]
        );
        assert_eq!(
            p.link("/search", &[("topic", None)]),
            "/search?q=%C3%A9t%C3%A9+%26+co"
        );
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(path_segment("José Ruiz/../x"), "Jos%C3%A9%20Ruiz%2F..%2Fx");
    }
}
