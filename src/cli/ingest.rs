//! `morgue ingest`: bring the index up to date with folders of clippings.

use super::{Context, DEFAULT_ARCHIVE, ExitStatus};
use crate::ingest::{IngestOptions, ingest};
use crate::render;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `morgue ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read (default: ./archive).
    pub paths: Vec<PathBuf>,
    /// Start from an empty index instead of updating the existing one.
    #[arg(long)]
    pub rebuild: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 64.0)]
    pub max_file_size: f64,
    /// If another process is updating the index, wait for it instead of failing.
    #[arg(long)]
    pub wait: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Converts a `--max-file-size` in megabytes to bytes, refusing nonsense.
pub fn max_file_bytes(megabytes: f64) -> Result<u64> {
    if !(megabytes.is_finite() && megabytes > 0.0) {
        anyhow::bail!("--max-file-size must be a positive number of megabytes, such as 64");
    }
    Ok((megabytes * 1_000_000.0) as u64)
}

/// Runs `morgue ingest`; exits 3 when some files were skipped.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_ARCHIVE)]
    } else {
        args.paths
    };
    let options = IngestOptions {
        rebuild: args.rebuild,
        progress: context.stderr_tty && !context.quiet,
        max_file_bytes: max_file_bytes(args.max_file_size)?,
        wait: args.wait,
    };
    let summary = ingest(&context.index_dir, &paths, &options)?;
    if args.json {
        render::json::line(out, &summary)?;
    } else if !context.quiet {
        render::human::ingest_summary(&mut std::io::stderr(), &summary)?;
    }
    Ok(if summary.skipped.is_empty() {
        ExitStatus::Results
    } else {
        ExitStatus::SomeSkipped
    })
}
