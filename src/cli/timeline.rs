//! `morgue timeline`: how coverage rose and fell, as a chart, JSON, CSV or SVG.

use super::output::OutputFormat;
use super::search::{FilterArgs, parse_with_filters};
use super::{Context, ExitStatus, read_index};
use crate::render;
use crate::timeline::{self, TimelineRequest, Unit};
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `morgue timeline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words and filters, as for `search`; periods count passages with every word.
    pub query: Vec<String>,
    /// Filters; `--from`/`--to`/`--on` also fix the span shown.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Period length (default: chosen from the span, 10 to 60 periods).
    #[arg(long, value_enum)]
    pub by: Option<UnitArg>,
    /// Output format (JSON: one object).
    #[command(flatten)]
    pub output: super::output::FormatArgs,
    /// Also write the chart as an SVG image to FILE.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

/// Period lengths, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    /// Calendar days.
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl From<UnitArg> for Unit {
    fn from(unit: UnitArg) -> Unit {
        match unit {
            UnitArg::Day => Unit::Day,
            UnitArg::Week => Unit::Week,
            UnitArg::Month => Unit::Month,
            UnitArg::Year => Unit::Year,
        }
    }
}

/// Runs `morgue timeline`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let (text, mut filters) = parse_with_filters(&args.query, &args.filters)?;
    let index = read_index(context)?;
    super::search::resolve_persons(index, &mut filters, context)?;
    // The label names what is counted: the words, and the persons given as flags.
    let mut label = args.query.clone();
    label.extend(args.filters.person.iter().map(|p| format!("person:{p:?}")));
    let request = TimelineRequest {
        query: label.join(" "),
        text,
        filters,
        by: args.by.map(Unit::from),
    };
    let timeline = timeline::build(index, &request)?;
    if let Some(path) = &args.svg {
        let svg = render::svg::timeline(&timeline);
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
        context.note(&format!("chart written to {}", path.display()));
    }
    match args.output.get() {
        OutputFormat::Json => {
            render::json::line(out, &render::json::TimelineObject::from(&timeline))?
        }
        OutputFormat::Csv => render::csv::timeline(out, &timeline)?,
        OutputFormat::Human => render::human::timeline(out, &timeline, context.style)?,
    }
    Ok(if timeline.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}
