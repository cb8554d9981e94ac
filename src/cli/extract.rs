//! `morgue extract`: normalize files and print their records, without touching the index.

use super::{Context, ExitStatus};
use crate::ingest::clippings_from_bytes;
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
        let (clippings, failures) = match input::read_bytes(file, max_bytes) {
            Ok(bytes) => clippings_from_bytes(file, &bytes, today),
            Err(skip) => (Vec::new(), vec![skip]),
        };
        skipped.extend(failures);
        for clipping in clippings {
            if args.json {
                render::json::line(out, &clipping)?;
            } else {
                if printed > 0 {
                    writeln!(out)?;
                }
                render::human::clipping(out, &clipping, context.style)?;
            }
            printed += 1;
        }
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
