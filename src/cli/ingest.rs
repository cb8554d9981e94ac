//! `morgue ingest`: bring the index up to date with folders of clippings.

use super::output::OutputFormat;
use super::{Context, DEFAULT_ARCHIVE, ExitStatus};
use crate::ingest::{IngestOptions, ingest};
use crate::input::pdf::PdfReader;
use crate::render;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `morgue ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to read and how.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format.
    #[command(flatten)]
    pub output: super::output::FormatArgs,
}

/// What `ingest` and `watch` read and how: the folders, a rebuild, limits, waiting.
#[derive(Debug, clap::Args)]
pub struct SourceArgs {
    /// Files or folders to read (default: ./archive).
    pub paths: Vec<PathBuf>,
    /// Start from an empty index instead of updating the existing one.
    #[arg(long)]
    pub rebuild: bool,
    /// Reading limits.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// If another process is updating the index, wait for it instead of failing.
    #[arg(long)]
    pub wait: bool,
}

impl SourceArgs {
    /// The paths given, or ./archive.
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(DEFAULT_ARCHIVE)]
        } else {
            self.paths.clone()
        }
    }

    /// The library's options for these flags.
    pub fn options(&self, context: &Context) -> Result<IngestOptions> {
        ingest_options(self.rebuild, self.wait, &self.limits, context)
    }
}

/// Ingest options from the flags, with progress and notes as the context allows.
pub fn ingest_options(
    rebuild: bool,
    wait: bool,
    limits: &LimitArgs,
    context: &Context,
) -> Result<IngestOptions> {
    let limits = limits.resolve()?;
    Ok(IngestOptions {
        rebuild,
        progress: context.stderr_tty && !context.quiet,
        max_file_bytes: limits.max_file_bytes,
        wait,
        file_timeout: limits.file_timeout,
        pdf: limits.pdf,
        note: (!context.quiet).then_some(super::print_note as fn(&str)),
        settle: None,
    })
}

/// Limits on reading one file, shared by `ingest`, `extract` and `watch`.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Skip files larger than this many megabytes (web archives are read as a stream and
    /// have no limit).
    #[arg(long, value_name = "MB", default_value_t = 64.0)]
    pub max_file_size: f64,
    /// Skip a file whose reading takes longer than this many seconds (for a web archive:
    /// each captured page).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub file_timeout: f64,
}

/// The limits, checked and in the library's units.
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Time one file may take.
    pub file_timeout: Duration,
    /// How PDFs are read: in a child process of this binary, within the time limit.
    pub pdf: PdfReader,
}

impl LimitArgs {
    /// Checks the limits and turns them into the library's units.
    pub fn resolve(&self) -> Result<Limits> {
        if !(self.max_file_size.is_finite() && self.max_file_size > 0.0) {
            anyhow::bail!("--max-file-size must be a positive number of megabytes, such as 64");
        }
        if !(self.file_timeout.is_finite() && self.file_timeout > 0.0 && self.file_timeout < 1e6) {
            anyhow::bail!("--file-timeout must be a positive number of seconds, such as 30");
        }
        let file_timeout = Duration::from_secs_f64(self.file_timeout);
        Ok(Limits {
            max_file_bytes: (self.max_file_size * 1_000_000.0) as u64,
            file_timeout,
            pdf: PdfReader::child_of_current_exe(file_timeout).unwrap_or_default(),
        })
    }
}

impl Default for LimitArgs {
    fn default() -> Self {
        LimitArgs {
            max_file_size: 64.0,
            file_timeout: 30.0,
        }
    }
}

/// Runs `morgue ingest`; exits 3 when some files were skipped.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let options = args.source.options(context)?;
    let summary = ingest(&context.index_dir, &args.source.paths(), &options)?;
    match args.output.get() {
        OutputFormat::Json => render::json::line(out, &render::json::IngestObject::from(&summary))?,
        OutputFormat::Csv => render::csv::ingest(out, &summary)?,
        OutputFormat::Human if !context.quiet => {
            render::human::ingest_summary(&mut std::io::stderr(), &summary)?
        }
        OutputFormat::Human => {}
    }
    Ok(if summary.skipped.is_empty() {
        ExitStatus::Results
    } else {
        ExitStatus::SomeSkipped
    })
}
