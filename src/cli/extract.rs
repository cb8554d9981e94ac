//! `morgue extract`: normalize files and print their records, without touching the index.

use super::{Context, ExitStatus};
use crate::ingest::clipping_from_bytes;
use crate::input;
use crate::render;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `morgue extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 64.0)]
    pub max_file_size: f64,
    /// Print records as JSON Lines.
    #[arg(long)]
    pub json: bool,
}

/// Runs `morgue extract`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let max_bytes = super::ingest::max_file_bytes(args.max_file_size)?;
    let found = input::find_files(&args.paths, None);
    let mut skipped = found.skipped;
    let today = chrono::Utc::now().date_naive();
    let mut printed = 0;
    for file in &found.files {
        let record = input::read_bytes(file, max_bytes)
            .and_then(|bytes| clipping_from_bytes(file, &bytes, today));
        match record {
            Ok(clipping) if args.json => render::json::line(out, &clipping)?,
            Ok(clipping) => {
                if printed > 0 {
                    writeln!(out)?;
                }
                render::human::clipping(out, &clipping, context.style)?;
            }
            Err(skip) => {
                skipped.push(skip);
                continue;
            }
        }
        printed += 1;
    }
    for skip in &skipped {
        eprintln!("skipped {}: {}", skip.path, skip.reason);
    }
    Ok(match (printed, skipped.is_empty()) {
        (0, true) => ExitStatus::NoResults,
        (0, false) => ExitStatus::Error,
        (_, true) => ExitStatus::Results,
        (_, false) => ExitStatus::SomeSkipped,
    })
}
