//! `morgue show`, `morgue stats` and `morgue topics`: single records and summaries.

use super::{Context, ExitStatus, open_index};
use crate::error::Error;
use crate::render;
use anyhow::Result;
use std::io::Write;

/// Arguments of `morgue show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id (as printed by `search --json`), or a unique prefix of at least 6 characters.
    pub id: String,
    /// Print the record as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `morgue stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `morgue persons`.
#[derive(Debug, clap::Args)]
pub struct PersonsArgs {
    /// A full name, surname or alias: show that person's profile.
    pub name: Option<String>,
    /// List at most this many persons.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print as JSON (a list as JSON Lines, a profile as one object).
    #[arg(long)]
    pub json: bool,
}

/// Runs `morgue persons [NAME]`.
pub fn persons(args: PersonsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = open_index(context)?;
    if let Some(name) = &args.name {
        let manifest = index.manifest()?;
        let profiles = crate::catalog::People::of(&manifest).profiles(&manifest, name);
        if profiles.len() > 1 {
            let names: Vec<&str> = profiles.iter().map(|p| p.person.name.as_str()).collect();
            context.note(&format!(
                "{name:?} names {} people: {}",
                profiles.len(),
                names.join(", ")
            ));
        }
        for (n, profile) in profiles.iter().enumerate() {
            if args.json {
                render::json::line(out, &render::json::ProfileObject::from(profile))?;
            } else {
                if n > 0 {
                    writeln!(out)?;
                }
                render::human::person_profile(out, profile, context.style)?;
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
    let persons: Vec<_> = crate::catalog::People::of(&index.manifest()?)
        .list()
        .take(args.limit)
        .cloned()
        .collect();
    if args.json {
        render::json::lines(out, persons.iter().map(render::json::PersonLine::from))?;
    } else {
        render::human::persons(out, &persons, context.style)?;
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
    /// Print as JSON Lines.
    #[arg(long)]
    pub json: bool,
}

/// Smallest id prefix accepted, so a prefix rarely matches two records.
const MIN_ID_PREFIX: usize = 6;

/// Runs `morgue show`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = open_index(context)?;
    let wanted = args.id.trim().to_lowercase();
    let id = if wanted.len() >= MIN_ID_PREFIX && wanted.len() < 16 {
        let manifest = index.manifest()?;
        let mut ids: Vec<&str> = manifest
            .records()
            .map(|r| r.id.as_str())
            .filter(|id| id.starts_with(&wanted))
            .collect();
        ids.dedup();
        match ids[..] {
            [one] => one.to_string(),
            [] => return Err(Error::UnknownId(args.id).into()),
            _ => anyhow::bail!(
                "id prefix {:?} matches {} records; give more characters",
                args.id,
                ids.len()
            ),
        }
    } else {
        wanted
    };
    let Some(clipping) = index.record(&id)? else {
        return Err(Error::UnknownId(args.id).into());
    };
    if args.json {
        render::json::line(out, &render::json::Record::from(&clipping))?;
    } else {
        render::human::clipping(out, &clipping, context.style)?;
    }
    Ok(ExitStatus::Results)
}

/// Runs `morgue stats`.
pub fn stats(args: StatsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = open_index(context)?;
    let stats = crate::catalog::stats(
        &index.manifest()?,
        index.passage_count()?,
        index.size_bytes(),
    );
    if args.json {
        render::json::line(out, &render::json::StatsObject::from(&stats))?;
    } else {
        render::human::stats(out, &stats)?;
    }
    Ok(if stats.articles == 0 {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}

/// Runs `morgue topics`.
pub fn topics(args: TopicsArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let topics = crate::catalog::topics(&open_index(context)?.manifest()?);
    if args.json {
        render::json::lines(out, topics.iter().map(render::json::TopicLine::from))?;
    } else {
        render::human::topics(out, &topics, context.style)?;
    }
    Ok(if topics.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}
