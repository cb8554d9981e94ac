//! `morgue show`, `morgue stats` and `morgue topics`: single records and summaries.

use super::output::OutputFormat;
use super::{Context, ExitStatus, read_index};
use crate::clipping::Clipping;
use crate::render;
use anyhow::Result;
use std::io::Write;

/// Arguments of `morgue show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id (as printed by `search --json`), or a unique prefix of at least 6 characters.
    pub id: String,
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// Arguments of `morgue stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// Arguments of `morgue persons`.
#[derive(Debug, clap::Args)]
pub struct PersonsArgs {
    /// A full name, surname or alias: show that person's profile.
    pub name: Option<String>,
    /// List at most this many persons.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// Runs `morgue persons [NAME]`.
pub fn persons(args: PersonsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = read_index(context)?;
    if let Some(name) = &args.name {
        let manifest = index.manifest()?;
        let profiles = crate::catalog::Summary::people(index)?.profiles(&manifest, name);
        if profiles.len() > 1 {
            let names: Vec<&str> = profiles.iter().map(|p| p.person.name.as_str()).collect();
            context.note(&format!(
                "{name:?} names {} people: {}",
                profiles.len(),
                names.join(", ")
            ));
        }
        for (n, profile) in profiles.iter().enumerate() {
            match args.output.get() {
                OutputFormat::Json => {
                    render::json::line(out, &render::json::ProfileObject::from(profile))?
                }
                OutputFormat::Csv => render::csv::profile(out, profile)?,
                OutputFormat::Human => {
                    if n > 0 {
                        writeln!(out)?;
                    }
                    render::human::person_profile(out, profile, context.style)?;
                }
            }
        }
        if profiles.is_empty() {
            context.note(&format!(
                "no person named {name:?} in the archive (`morgue persons` lists them)"
            ));
            return Ok(ExitStatus::NoResults);
        }
        return Ok(ExitStatus::Results);
    }
    let persons: Vec<_> = crate::catalog::Summary::people(index)?
        .list()
        .take(args.limit)
        .cloned()
        .collect();
    match args.output.get() {
        OutputFormat::Json => {
            render::json::lines(out, persons.iter().map(render::json::PersonLine::from))?
        }
        OutputFormat::Csv => render::csv::persons(out, &persons)?,
        OutputFormat::Human => render::human::persons(out, &persons, context.style)?,
    }
    Ok(if persons.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}

/// Arguments of `morgue topics`.
#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// The record `asked` names: a full id, or a unique prefix of at least six characters.
pub fn find_record(index: &crate::index::ClippingIndex, asked: &str) -> Result<Clipping> {
    Ok(index.find_record(asked)?)
}

/// Runs `morgue show`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = read_index(context)?;
    let clipping = find_record(index, &args.id)?;
    match args.output.get() {
        OutputFormat::Json => render::json::line(out, &render::json::Record::from(&clipping))?,
        OutputFormat::Csv => {
            render::csv::record_header(out)?;
            render::csv::record(out, &clipping)?;
        }
        OutputFormat::Human => render::human::clipping(out, &clipping, context.style)?,
    }
    Ok(ExitStatus::Results)
}

/// Runs `morgue stats`.
pub fn stats(args: StatsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = read_index(context)?;
    let mut stats = crate::catalog::Summary::read(index)?.stats;
    stats.passages = index.passage_count()?;
    stats.index_bytes = index.size_bytes();
    match args.output.get() {
        OutputFormat::Json => render::json::line(out, &render::json::StatsObject::from(&stats))?,
        OutputFormat::Csv => render::csv::stats(out, &stats)?,
        OutputFormat::Human => render::human::stats(out, &stats)?,
    }
    Ok(if stats.articles == 0 {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}

/// Runs `morgue topics`.
pub fn topics(args: TopicsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let topics = crate::catalog::Summary::read(read_index(context)?)?.topics;
    match args.output.get() {
        OutputFormat::Json => {
            render::json::lines(out, topics.iter().map(render::json::TopicLine::from))?
        }
        OutputFormat::Csv => render::csv::topics(out, &topics)?,
        OutputFormat::Human => render::human::topics(out, &topics, context.style)?,
    }
    Ok(if topics.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}
