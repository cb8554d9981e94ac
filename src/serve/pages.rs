//! The web pages: server-rendered HTML that works without JavaScript, every value from a
//! clipping escaped by the template, one stylesheet built into the binary.

use super::api::{build_timeline, profiles, run_search, stats_of};
use super::params::{self, PAGE_SIZE, Params, path_segment};
use super::{Failure, State, blocking};
use crate::catalog::{PersonProfile, Summary};
use crate::clipping::{Clipping, DateSource};
use crate::index::Hit;
use crate::render::human::date_label;
use axum::extract::{Path, RawQuery, State as Extract};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLESHEET: &str = include_str!("style.css");

/// `/assets/style.css`.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// Any other path: a 404 page (nothing outside the index is ever read).
pub async fn not_found() -> Response {
    error_page(&Params::default(), Failure::not_found("no such page"))
}

fn page(status: StatusCode, title: &str, params: &Params, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · morgue" }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                header {
                    a.brand href="/" { "morgue" }
                    nav {
                        a href=(params.link("/search", &[])) { "Search" }
                        a href=(params.link("/timeline", &[])) { "Timeline" }
                        a href="/persons" { "Persons" }
                        a href="/topics" { "Topics" }
                    }
                }
                main { (body) }
            }
        }
    };
    (status, Html(markup.into_string())).into_response()
}

fn error_page(params: &Params, failure: Failure) -> Response {
    let heading = match failure.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Cannot run this query",
        _ => "Something went wrong",
    };
    let body = html! {
        (search_form(params))
        section.error {
            h1 { (heading) }
            p.message { (failure.message) }
        }
    };
    page(failure.status, heading, params, body)
}

/// Runs a page's work; a failure becomes the error page with the form still filled in.
async fn answer(
    state: &State,
    params: Params,
    work: impl FnOnce(&crate::index::ClippingIndex, &Params) -> Result<Response, Failure>
    + Send
    + 'static,
) -> Response {
    let kept = params.clone();
    match blocking(state, move |index| work(index, &params)).await {
        Ok(response) => response,
        Err(failure) => error_page(&kept, failure),
    }
}

fn read_params(raw: Option<String>) -> Result<Params, Box<Response>> {
    params::parse(raw.as_deref()).map_err(|message| {
        Box::new(error_page(
            &Params::default(),
            Failure::bad_request(message),
        ))
    })
}

fn search_form(params: &Params) -> Markup {
    let first = |list: &[String]| list.first().cloned().unwrap_or_default();
    html! {
        form.search action="/search" method="get" role="search" {
            input type="search" name="q" value=(params.q) autofocus
                placeholder="words, \"phrases\", sanctuar*, orick~1, title:…, NOT …"
                aria-label="Query";
            button type="submit" { "Search" }
            details.filters open[!params.flags.person.is_empty() || !params.flags.topic.is_empty()
                || !params.flags.source.is_empty() || params.flags.from.is_some()
                || params.flags.to.is_some() || params.flags.on.is_some()] {
                summary { "Filters" }
                label { "From " input type="text" name="from" value=[params.flags.from.as_deref()] placeholder="2025-04, 30d"; }
                label { "To " input type="text" name="to" value=[params.flags.to.as_deref()] placeholder="2025-05-31"; }
                label { "On " input type="text" name="on" value=[params.flags.on.as_deref()] placeholder="2025-W17"; }
                label { "Person " input type="text" name="person" value=(first(&params.flags.person)); }
                label { "Topic " input type="text" name="topic" value=(first(&params.flags.topic)); }
                label { "Source " input type="text" name="source" value=(first(&params.flags.source)); }
                label { "Order "
                    select name="sort" {
                        @for sort in [crate::query::Sort::Relevance, crate::query::Sort::Newest, crate::query::Sort::Oldest] {
                            option value=(params::sort_name(sort)) selected[params.sort == sort] { (params::sort_name(sort)) }
                        }
                    }
                }
                label.check { input type="checkbox" name="all_copies" value="1" checked[params.all_copies]; " every copy" }
            }
        }
    }
}

/// Text with its matched byte ranges wrapped in `<mark>`; ranges that do not fall on
/// character boundaries are left unmarked rather than trusted.
fn marked(text: &str, ranges: &[[usize; 2]]) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for &[start, end] in ranges {
        if start < at {
            continue;
        }
        if let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) {
            parts.push((false, before));
            parts.push((true, word));
            at = end;
        }
    }
    parts.push((false, text.get(at..).unwrap_or("")));
    html! {
        @for (mark, part) in parts {
            @if mark { mark { (part) } } @else { (part) }
        }
    }
}

fn date_of(date: chrono::NaiveDate, source: DateSource) -> Markup {
    html! {
        time datetime=(date.to_string()) title=(format!("date from {}", source.name())) {
            (date_label(date, source))
        }
    }
}

fn person_link(name: &str) -> String {
    format!("/persons/{}", path_segment(name))
}

fn record_link(id: &str, params: &Params, passage: Option<usize>) -> String {
    let mut link = params.link(&format!("/records/{}", path_segment(id)), &[]);
    if let Some(n) = passage {
        link.push_str(&format!("#p{}", n + 1));
    }
    link
}

/// `/`: the search box and what the archive holds.
pub async fn home(state: Extract<State>) -> Response {
    answer(&state, Params::default(), |index, params| {
        let stats = stats_of(index)?;
        let span = match (stats.first_date, stats.last_date) {
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        };
        let body = html! {
            (search_form(params))
            p.summary {
                (stats.articles) " articles, " (stats.passages) " passages, "
                (stats.persons) " persons, " (stats.topics) " topics" (span)
            }
        };
        Ok(page(StatusCode::OK, "Search", params, body))
    })
    .await
}

/// `/search`: hits grouped by article, copies collapsed, ten articles a page.
pub async fn search(state: Extract<State>, RawQuery(raw): RawQuery) -> Response {
    let params = match read_params(raw) {
        Ok(p) => p,
        Err(response) => return *response,
    };
    answer(&state, params, |index, params| {
        let mut request = params.page_request().map_err(Failure::bad_request)?;
        let found = run_search(index, &mut request)?;
        let articles = group_by_article(&found.hits);
        let skip = (params.page - 1) * PAGE_SIZE;
        let more = articles.len() > skip + PAGE_SIZE;
        let shown: Vec<&[Hit]> = articles.into_iter().skip(skip).take(PAGE_SIZE).collect();
        let title = if params.q.is_empty() { "Search".to_string() } else { params.q.clone() };
        let body = html! {
            (search_form(params))
            @for note in &found.notes { p.note { (note) } }
            @if shown.is_empty() {
                section.empty {
                    h1 { "No results" }
                    p { "Nothing matches. Try fewer words, a prefix (" code { "sanctuar*" } "), a fuzzy word ("
                        code { "orick~1" } ") or a wider date range." }
                }
            } @else {
                p.count {
                    "Articles " (skip + 1) "–" (skip + shown.len()) @if more { " of more" }
                    " · " a href=(params.link("/timeline", &[])) { "timeline of these results" }
                }
                ol.hits start=(skip + 1) {
                    @for passages in &shown { (article_hit(passages, params)) }
                }
                nav.pages {
                    @if params.page > 1 {
                        a rel="prev" href=(params.link("/search", &[("page", Some(&(params.page - 1).to_string()))])) { "← Previous" }
                    }
                    @if more {
                        a rel="next" href=(params.link("/search", &[("page", Some(&(params.page + 1).to_string()))])) { "Next →" }
                    }
                }
            }
        };
        Ok(page(StatusCode::OK, &title, params, body))
    })
    .await
}

/// Consecutive hits of one article, in the order the searcher ranked the articles.
fn group_by_article(hits: &[Hit]) -> Vec<&[Hit]> {
    hits.chunk_by(|a, b| a.id == b.id).collect()
}

fn article_hit(passages: &[Hit], params: &Params) -> Markup {
    let first = &passages[0];
    html! {
        li.hit {
            h2 { a href=(record_link(&first.id, params, None)) { (first.title) } }
            p.meta {
                (date_of(first.date, first.date_source))
                @if let Some(source) = &first.source { " · " span.source { (source) } }
                @if !first.authors.is_empty() { " · by " span.authors { (first.authors.join(", ")) } }
            }
            @for hit in passages {
                blockquote.passage {
                    a.anchor href=(record_link(&hit.id, params, Some(hit.passage))) { "¶" (hit.passage + 1) }
                    " " (marked(&hit.text, &hit.highlights))
                }
            }
            @let persons = persons_of(passages);
            @if !persons.is_empty() {
                p.persons { "Persons: "
                    @for (n, name) in persons.iter().enumerate() {
                        @if n > 0 { ", " }
                        a href=(person_link(name)) { (name) }
                    }
                }
            }
            p.path { code { (first.path) } }
            @if !first.copies.is_empty() {
                details.copies {
                    summary { "+" (first.copies.len()) " copies" }
                    ul { @for path in &first.copies { li { code { (path) } } } }
                }
            }
        }
    }
}

fn persons_of(passages: &[Hit]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for name in passages.iter().flat_map(|h| h.persons.iter()) {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    names
}

/// `/records/ID`: the record in full, the passages matching `q` marked.
pub async fn record(
    state: Extract<State>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = match read_params(raw) {
        Ok(p) => p,
        Err(response) => return *response,
    };
    answer(&state, params, move |index, params| {
        let clipping = index.find_record(&id)?;
        let (text, _) = params.parsed().map_err(Failure::bad_request)?;
        let marks = index.passage_highlights(&text, &clipping.passages)?;
        let copies = index.copies_of(&clipping.id)?;
        let body = record_body(&clipping, &marks, &copies, params);
        Ok(page(StatusCode::OK, &clipping.title, params, body))
    })
    .await
}

fn record_body(
    c: &Clipping,
    marks: &[Vec<[usize; 2]>],
    copies: &[String],
    params: &Params,
) -> Markup {
    let matched = marks.iter().filter(|m| !m.is_empty()).count();
    let url = c
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    html! {
        article.record {
            h1 { (c.title) }
            dl.fields {
                dt { "Date" } dd { (date_of(c.date, c.date_source)) " (from " (c.date_source.name()) ")" }
                dt { "Source" } dd { (c.source.as_deref().unwrap_or("–")) }
                dt { "Authors" } dd {
                    @if c.authors.is_empty() { "–" } @else { (c.authors.join(", ")) }
                    @if let (Some(from), false) = (c.authors_source, c.authors.is_empty()) { " (from " (from.name()) ")" }
                }
                dt { "Topics" } dd {
                    @if c.topics.is_empty() { "–" }
                    @for (n, topic) in c.topics.iter().enumerate() {
                        @if n > 0 { ", " }
                        a href=(Params::default().link("/search", &[("topic", Some(topic))])) { (topic) }
                    }
                }
                dt { "Persons" } dd {
                    @if c.persons.is_empty() { "–" }
                    ul.persons { @for p in &c.persons {
                        li {
                            a href=(person_link(&p.name)) { (p.name) }
                            @if !p.roles.is_empty() { " — " (p.roles.join("; ")) }
                            @if !p.aliases.is_empty() { " (also " (p.aliases.join(", ")) ")" }
                            " · " (p.mentions) " mentions"
                        }
                    } }
                }
                dt { "URL" } dd { @if let Some(u) = url { a href=(u) rel="noreferrer noopener" { (u) } } @else { (c.url.as_deref().unwrap_or("–")) } }
                dt { "File" } dd { code { (c.path) } " (" (c.format.name()) ")" }
                dt { "Copies" } dd {
                    @if copies.is_empty() { "–" }
                    ul.copies { @for path in copies { li { code { (path) } } } }
                }
                dt { "Id" } dd { code { (c.id) } }
            }
            @if !params.q.is_empty() {
                p.note { (matched) " of " (c.passages.len()) " passages match " q { (params.q) } " · "
                    a href=(params.link("/search", &[])) { "back to the results" } }
            }
            @for (n, text) in c.passages.iter().enumerate() {
                @let mark = marks.get(n).map(Vec::as_slice).unwrap_or(&[]);
                p.passage.matched[!mark.is_empty()] id=(format!("p{}", n + 1)) {
                    span.anchor { "¶" (n + 1) } " " (marked(text, mark))
                }
            }
        }
    }
}

/// `/timeline`: the chart for the query and filters, each bar a link to its period.
pub async fn timeline(state: Extract<State>, RawQuery(raw): RawQuery) -> Response {
    let params = match read_params(raw) {
        Ok(p) => p,
        Err(response) => return *response,
    };
    answer(&state, params, |index, params| {
        let timeline = build_timeline(index, params)?;
        let link = |bucket: &crate::timeline::Bucket| {
            let (from, to) = (bucket.start.to_string(), bucket.end.to_string());
            params.link("/search", &[("on", None), ("from", Some(&from)), ("to", Some(&to)), ("by", None)])
        };
        let chart = crate::render::svg::timeline_with_links(&timeline, &link);
        let body = html! {
            (search_form(params))
            nav.units { "Per "
                @for unit in ["day", "week", "month", "year"] {
                    @if timeline.by.name() == unit { strong { (unit) } }
                    @else { a href=(params.link("/timeline", &[("by", Some(unit))])) { (unit) } }
                    " "
                }
            }
            @if timeline.is_empty() {
                section.empty { h1 { "No results" } p { "Nothing matches in any period." } }
            } @else {
                figure.chart { (PreEscaped(chart)) }
                table.periods {
                    thead { tr { th { "Period" } th { "Stories" } th { "Passages" } th { "Top passage" } } }
                    tbody { @for bucket in timeline.buckets.iter().filter(|b| b.stories > 0) {
                        tr {
                            td { a href=(link(bucket)) { (timeline.by.label(bucket.start)) } }
                            td.n { (bucket.stories) } td.n { (bucket.passages) }
                            td { @if let Some(top) = &bucket.top {
                                a href=(record_link(&top.id, params, Some(top.passage))) { (top.title) }
                            } }
                        }
                    } }
                }
            }
        };
        Ok(page(StatusCode::OK, "Timeline", params, body))
    })
    .await
}

/// `/persons`: everyone named, most named first.
pub async fn persons(state: Extract<State>) -> Response {
    answer(&state, Params::default(), |index, params| {
        let people = Summary::people(index)?;
        let body = html! {
            h1 { "Persons" }
            table.list {
                thead { tr { th { "Name" } th { "Roles" } th { "Articles" } th { "Mentions" } th { "First" } th { "Last" } } }
                tbody { @for p in people.list().take(500) {
                    tr {
                        td { a href=(person_link(&p.name)) { (p.name) }
                            @if !p.aliases.is_empty() { span.aliases { " (" (p.aliases.join(", ")) ")" } } }
                        td { (p.roles.iter().take(2).cloned().collect::<Vec<_>>().join("; ")) }
                        td.n { (p.articles) } td.n { (p.mentions) }
                        td { (p.first_date) } td { (p.last_date) }
                    }
                } }
            }
        };
        Ok(page(StatusCode::OK, "Persons", params, body))
    })
    .await
}

/// `/persons/NAME`: a profile for each person the name means.
pub async fn person(state: Extract<State>, Path(name): Path<String>) -> Response {
    answer(&state, Params::default(), move |index, params| {
        let found = profiles(index, &name)?;
        let body = html! {
            @if found.len() > 1 { p.note { (name) " names " (found.len()) " people." } }
            @for profile in &found { (profile_section(profile)) }
        };
        Ok(page(StatusCode::OK, &name, params, body))
    })
    .await
}

fn profile_section(profile: &PersonProfile) -> Markup {
    let p = &profile.person;
    let search = Params::default().link("/search", &[("person", Some(&p.name))]);
    let most = profile
        .months
        .iter()
        .map(|m| m.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    html! {
        section.profile {
            h1 { (p.name) }
            @if !p.aliases.is_empty() { p { "Also written: " (p.aliases.join(", ")) } }
            @if !p.roles.is_empty() { p { "Roles: " (p.roles.join("; ")) } }
            p { (p.articles) " articles, " (p.mentions) " mentions, " (p.first_date) " to " (p.last_date)
                " · " a href=(search) { "their passages" }
                " · " a href=(Params::default().link("/timeline", &[("person", Some(&p.name))])) { "timeline" } }
            h2 { "Articles per month" }
            table.months { tbody { @for month in &profile.months {
                tr { td { (month.month) } td.bar {
                    meter min="0" max=(most) value=(month.articles) { (month.articles) }
                    " " (month.articles)
                } }
            } } }
            @if !profile.named_with.is_empty() {
                h2 { "Named alongside" }
                ul { @for other in &profile.named_with {
                    li { a href=(person_link(&other.name)) { (other.name) } " · " (other.articles) " articles" }
                } }
            }
        }
    }
}

/// `/topics`: topics with article counts and first and last dates.
pub async fn topics(state: Extract<State>) -> Response {
    answer(&state, Params::default(), |index, params| {
        let topics = Summary::read(index)?.topics;
        let body = html! {
            h1 { "Topics" }
            table.list {
                thead { tr { th { "Topic" } th { "Articles" } th { "First" } th { "Last" } } }
                tbody { @for t in &topics {
                    tr {
                        td { a href=(Params::default().link("/search", &[("topic", Some(&t.topic))])) { (t.topic) } }
                        td.n { (t.articles) } td { (t.first_date) } td { (t.last_date) }
                    }
                } }
            }
        };
        Ok(page(StatusCode::OK, "Topics", params, body))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_ranges_and_escape_everything() {
        let text = "<b>Orrick</b> ruled; café";
        let markup = marked(text, &[[3, 9], [21, 26]]).into_string();
        assert_eq!(
            markup,
            "&lt;b&gt;<mark>Orrick</mark>&lt;/b&gt; ruled; <mark>café</mark>"
        );
    }

    #[test]
    fn ranges_off_character_boundaries_are_ignored() {
        let markup = marked("café", &[[0, 4]]).into_string();
        assert_eq!(markup, "café");
        let markup = marked("ab", &[[1, 9]]).into_string();
        assert_eq!(markup, "ab");
    }
}
