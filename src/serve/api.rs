//! The JSON API: the CLI's `--json` shapes, from the same wire types; JSON Lines streams
//! become arrays, and errors are `{"error": "…"}` with 400 or 404.

use super::params::{self, Params};
use super::{Failure, State, blocking, json_response};
use crate::catalog::Summary;
use crate::index::ClippingIndex;
use crate::render::json::{
    HitLine, PersonLine, ProfileObject, Record, StatsObject, TimelineObject, TopicLine,
};
use axum::extract::{Path, RawQuery, State as Extract};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct ErrorObject<'a> {
            error: &'a str,
        }
        let body = serde_json::to_string(&ErrorObject {
            error: &self.message,
        })
        .unwrap_or_default();
        json_response(self.status, body)
    }
}

fn ok<T: Serialize>(value: &T) -> Result<Response, Failure> {
    serde_json::to_string(value)
        .map(|body| json_response(StatusCode::OK, body))
        .map_err(|e| Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: e.to_string(),
        })
}

fn read_params(raw: Option<String>) -> Result<Params, Failure> {
    params::parse(raw.as_deref()).map_err(Failure::bad_request)
}

/// Runs a search as `morgue search` would, persons resolved; returns its notes too.
pub(super) fn run_search(
    index: &ClippingIndex,
    request: &mut crate::query::SearchRequest,
) -> Result<crate::index::Found, Failure> {
    let notes = resolve_persons(index, &mut request.filters)?;
    let mut found = index.search(request)?;
    found.notes.splice(0..0, notes);
    Ok(found)
}

pub(super) fn resolve_persons(
    index: &ClippingIndex,
    filters: &mut crate::query::Filters,
) -> Result<Vec<String>, Failure> {
    if filters.persons.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Summary::resolve_filters(index, filters)?)
}

/// `/api/search`: the hits of `morgue search --json`, as an array.
pub async fn search(state: Extract<State>, RawQuery(raw): RawQuery) -> Result<Response, Failure> {
    let params = read_params(raw)?;
    let mut request = params.request().map_err(Failure::bad_request)?;
    let found = blocking(&state, move |index| run_search(index, &mut request)).await?;
    ok(&found.hits.iter().map(HitLine::from).collect::<Vec<_>>())
}

/// `/api/records/ID`: the object of `morgue show --json`.
pub async fn record(state: Extract<State>, Path(id): Path<String>) -> Result<Response, Failure> {
    let clipping = blocking(&state, move |index| Ok(index.find_record(&id)?)).await?;
    ok(&Record::from(&clipping))
}

/// `/api/timeline`: the object of `morgue timeline --json`.
pub async fn timeline(state: Extract<State>, RawQuery(raw): RawQuery) -> Result<Response, Failure> {
    let params = read_params(raw)?;
    let timeline = blocking(&state, move |index| build_timeline(index, &params)).await?;
    ok(&TimelineObject::from(&timeline))
}

/// The timeline of a query and its filters, labelled as the CLI labels it.
pub(super) fn build_timeline(
    index: &ClippingIndex,
    params: &Params,
) -> Result<crate::timeline::Timeline, Failure> {
    let (text, mut filters) = params.parsed().map_err(Failure::bad_request)?;
    resolve_persons(index, &mut filters)?;
    let mut label = vec![params.q.clone()];
    label.extend(params.flags.person.iter().map(|p| format!("person:{p:?}")));
    let request = crate::timeline::TimelineRequest {
        query: label.join(" ").trim().to_string(),
        text,
        filters,
        by: params.by,
    };
    Ok(crate::timeline::build(index, &request)?)
}

/// `/api/persons`: the lines of `morgue persons --json` (`limit`, default 50).
pub async fn persons(state: Extract<State>, RawQuery(raw): RawQuery) -> Result<Response, Failure> {
    let limit = read_params(raw)?.limit.unwrap_or(50);
    let people = blocking(&state, move |index| Ok(Summary::people(index)?)).await?;
    let lines: Vec<PersonLine> = people.list().take(limit).map(PersonLine::from).collect();
    ok(&lines)
}

/// `/api/persons/NAME`: the profiles of `morgue persons NAME --json`, as an array (a
/// surname may name several people); 404 when it names nobody.
pub async fn person(state: Extract<State>, Path(name): Path<String>) -> Result<Response, Failure> {
    let profiles = blocking(&state, move |index| profiles(index, &name)).await?;
    ok(&profiles.iter().map(ProfileObject::from).collect::<Vec<_>>())
}

pub(super) fn profiles(
    index: &ClippingIndex,
    name: &str,
) -> Result<Vec<crate::catalog::PersonProfile>, Failure> {
    let manifest = index.manifest()?;
    let profiles = Summary::people(index)?.profiles(&manifest, name);
    if profiles.is_empty() {
        return Err(Failure::not_found(format!(
            "no person named {name:?} in the archive (`/persons` lists them)"
        )));
    }
    Ok(profiles)
}

/// `/api/topics`: the lines of `morgue topics --json`.
pub async fn topics(state: Extract<State>) -> Result<Response, Failure> {
    let topics = blocking(&state, |index| Ok(Summary::read(index)?.topics)).await?;
    ok(&topics.iter().map(TopicLine::from).collect::<Vec<_>>())
}

/// `/api/stats`: the object of `morgue stats --json`.
pub async fn stats(state: Extract<State>) -> Result<Response, Failure> {
    let stats = blocking(&state, stats_of).await?;
    ok(&StatsObject::from(&stats))
}

pub(super) fn stats_of(index: &ClippingIndex) -> Result<crate::catalog::Stats, Failure> {
    let mut stats = Summary::read(index)?.stats;
    stats.passages = index.passage_count()?;
    stats.index_bytes = index.size_bytes();
    Ok(stats)
}
