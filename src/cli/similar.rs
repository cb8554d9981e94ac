//! `morgue similar ID`: the articles closest to one record, its own copies left out.

use super::output::{FormatArgs, OutputFormat};
use super::show::find_record;
use super::{Context, ExitStatus, read_index};
use crate::query::{Filters, SearchRequest};
use crate::render;
use anyhow::Result;
use std::io::Write;

/// Words of the record a search for similar articles looks for.
const LIKE_THIS_WORDS: usize = 25;

/// Arguments of `morgue similar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id (as printed by `search --json`), or a unique prefix of at least 6 characters.
    pub id: String,
    /// Most articles shown.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,
    /// Most passages shown per article.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub passages: u16,
    /// Output format.
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Runs `morgue similar`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = read_index(context)?;
    let clipping = find_record(index, &args.id)?;
    let Some(text) = index.like_this(&clipping, LIKE_THIS_WORDS)? else {
        context.note("the record has no words that other articles share");
        return Ok(ExitStatus::NoResults);
    };
    let limit = usize::from(args.limit);
    let mut request = SearchRequest::new(text, Filters::default(), limit + 1);
    request.passages = usize::from(args.passages);
    let found = index.search(&request)?;
    // The record's own story comes back first: it, or a copy with it among its copies.
    let own = |hit: &crate::index::Hit| {
        hit.id == clipping.id || hit.path == clipping.path || hit.copies.contains(&clipping.path)
    };
    let mut kept_ids: Vec<&str> = Vec::new();
    let hits: Vec<crate::index::Hit> = found
        .hits
        .iter()
        .filter(|hit| !own(hit))
        .filter(|hit| {
            if kept_ids.contains(&hit.id.as_str()) {
                return true;
            }
            if kept_ids.len() < limit {
                kept_ids.push(&hit.id);
                return true;
            }
            false
        })
        .cloned()
        .collect();
    match args.output.get() {
        OutputFormat::Json => {
            render::json::lines(out, hits.iter().map(render::json::HitLine::from))?
        }
        OutputFormat::Csv => render::csv::hits(out, &hits)?,
        OutputFormat::Human => render::human::hits(out, &hits, context.style)?,
    }
    Ok(if hits.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}
