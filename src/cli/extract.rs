//! `morgue extract`: normalize files and print their records, without touching the index.

use super::output::OutputFormat;
use super::{Context, ExitStatus};
use crate::ingest::{self, FileReader, pool};
use crate::input;
use crate::normalize::Reading;
use crate::render;
use crate::render::terminal::shown;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Arguments of `morgue extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Reading limits.
    #[command(flatten)]
    pub limits: super::ingest::LimitArgs,
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// Runs `morgue extract`: every readable record is printed, every file that cannot be
/// read is listed on stderr with its reason (exit 3 when there are any).
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let limits = args.limits.resolve()?;
    input::check_paths(&args.paths)?;
    let found = input::find_files(&args.paths, None);
    let mut skipped = found.skipped;
    let reader = FileReader {
        reading: Reading {
            today: chrono::Utc::now().date_naive(),
            pdf: limits.pdf,
        },
        max_bytes: limits.max_file_bytes,
    };
    let timeout = limits.file_timeout;
    let work: pool::Work<input::SourceFile, _> = Arc::new(move |file| reader.read(file, "read"));
    let mut printed = 0;
    let format = args.output.get();
    pool::run_in_order(
        found.files,
        ingest::reading_pool(timeout),
        work,
        |file| vec![Err(ingest::timed_out(file, timeout))],
        |results| -> Result<()> {
            for result in results {
                match result {
                    Ok(clipping) => {
                        match format {
                            OutputFormat::Json => {
                                render::json::line(out, &render::json::Record::from(&clipping))?
                            }
                            OutputFormat::Csv => {
                                if printed == 0 {
                                    render::csv::record_header(out)?;
                                }
                                render::csv::record(out, &clipping)?;
                            }
                            OutputFormat::Human => {
                                if printed > 0 {
                                    writeln!(out)?;
                                }
                                render::human::clipping(out, &clipping, context.style)?;
                            }
                        }
                        printed += 1;
                    }
                    Err(failure) => skipped.push(failure),
                }
            }
            Ok(())
        },
    )?;
    for skip in &skipped {
        eprintln!(
            "{}",
            shown(&format!("skipped {}: {}", skip.path, skip.reason))
        );
    }
    Ok(match (printed, skipped.is_empty()) {
        (0, true) => ExitStatus::NoResults,
        (_, true) => ExitStatus::Results,
        (_, false) => ExitStatus::SomeSkipped,
    })
}
