//! `morgue search --batch FILE`: every query of a file with the same filters, as hits or
//! as one summary line per query; a bad line is reported with its number and the rest run.

use super::{Args, OutputFormat, resolve_persons};
use crate::cli::{Context, ExitStatus, read_index};
use crate::index::ClippingIndex;
use crate::query::{BatchQuery, QueryTotals, SearchRequest, read_batch};
use crate::render;
use crate::render::terminal::shown;
use anyhow::{Context as _, Result, bail};
use std::io::Write;
use std::path::Path;

/// Runs every query of `file`.
pub fn run(args: &Args, file: &Path, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the batch file {}", file.display()))?;
    let index = read_index(context)?;
    let format = args.output.get();
    let mut totals: Vec<QueryTotals> = Vec::new();
    let (mut ran, mut matched, mut bad) = (0, 0, 0);
    for entry in read_batch(&text) {
        let prepared = entry
            .map_err(|e| (e.line, e.message))
            .and_then(|query| prepare(args, index, context, &query).map_err(|e| (query.line, e)));
        let (query, request) = match prepared {
            Ok(ready) => ready,
            Err((line, message)) => {
                eprintln!(
                    "{}",
                    shown(&format!("{}:{line}: {message}", file.display()))
                );
                bad += 1;
                continue;
            }
        };
        if ran == 0 && format == OutputFormat::Csv {
            if args.summary {
                render::csv::summary_header(out)?;
            } else {
                render::csv::batch_header(out)?;
            }
        }
        ran += 1;
        let found_any = if args.summary {
            let summary = query_totals(index, &query, &request)?;
            let any = summary.articles > 0;
            match format {
                OutputFormat::Json => {
                    render::json::line(out, &render::json::TotalsLine::from(&summary))?
                }
                OutputFormat::Csv => render::csv::totals(out, &summary)?,
                OutputFormat::Human => totals.push(summary),
            }
            any
        } else {
            print_hits(out, index, &query, &request, format, context)?
        };
        matched += usize::from(found_any);
    }
    if format == OutputFormat::Human && args.summary {
        render::human::query_totals(out, &totals, context.style)?;
    }
    if ran == 0 && bad > 0 {
        bail!("no line of {} holds a query that can run", file.display());
    }
    if ran == 0 {
        bail!(
            "{} holds no queries: write one per line, or a CSV with a query column",
            file.display()
        );
    }
    Ok(if matched > 0 {
        ExitStatus::Results
    } else {
        ExitStatus::NoResults
    })
}

/// The request for one line, with its persons resolved.
fn prepare(
    args: &Args,
    index: &ClippingIndex,
    context: &Context,
    query: &BatchQuery,
) -> Result<(BatchQuery, SearchRequest), String> {
    let mut request = args
        .request_for(std::slice::from_ref(&query.query))
        .map_err(|e| e.to_string())?;
    resolve_persons(index, &mut request.filters, context).map_err(|e| e.to_string())?;
    Ok((query.clone(), request))
}

/// What a query matches over the whole archive.
fn query_totals(
    index: &ClippingIndex,
    query: &BatchQuery,
    request: &SearchRequest,
) -> Result<QueryTotals> {
    let table = index.day_counts(&request.text, &request.filters)?;
    let (articles, stories, passages) = table.totals();
    Ok(QueryTotals {
        query: query.query.clone(),
        label: query.label.clone(),
        articles,
        stories,
        passages,
        first_date: table.first_day(),
        last_date: table.last_day(),
    })
}

/// Prints one query's hits; true when there were any.
fn print_hits(
    out: &mut dyn Write,
    index: &ClippingIndex,
    query: &BatchQuery,
    request: &SearchRequest,
    format: OutputFormat,
    context: &Context,
) -> Result<bool> {
    let found = index.search(request)?;
    for note in &found.notes {
        context.note(&format!("{}: {note}", query.query));
    }
    match format {
        OutputFormat::Json => render::json::lines(
            out,
            found
                .hits
                .iter()
                .map(|hit| render::json::BatchHitLine::new(&query.query, &query.label, hit)),
        )?,
        OutputFormat::Csv => {
            for hit in &found.hits {
                render::csv::batch_hit(out, &query.query, &query.label, hit)?;
            }
        }
        OutputFormat::Human => {
            render::human::batch_heading(
                out,
                &query.query,
                &query.label,
                &found.hits,
                context.style,
            )?;
            render::human::hits(out, &found.hits, context.style)?;
        }
    }
    Ok(!found.hits.is_empty())
}
