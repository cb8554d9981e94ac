//! `morgue watch`: an incremental ingest, then the index kept in step with the folders
//! as files are saved, changed, renamed and deleted.

use super::ingest::LimitArgs;
use super::{Context, DEFAULT_ARCHIVE, ExitStatus};
use crate::ingest::IngestOptions;
use crate::ingest::watch::{WatchOptions, WatchReport, watch};
use crate::render;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Arguments of `morgue watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to watch (default: ./archive).
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
    /// Look for changes every SECONDS instead of listening for file-system events (for
    /// network mounts and other file systems without them).
    #[arg(long, value_name = "SECONDS")]
    pub poll: Option<f64>,
    /// Report each batch as a JSON line on stdout (the shape of `ingest --json`).
    #[arg(long)]
    pub json: bool,
}

/// The options `watch` shares with `ingest`, from its own flags.
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

/// Checks `--poll`.
pub fn poll_interval(poll: Option<f64>) -> Result<Option<Duration>> {
    match poll {
        None => Ok(None),
        Some(s) if s.is_finite() && (0.1..=86_400.0).contains(&s) => {
            Ok(Some(Duration::from_secs_f64(s)))
        }
        Some(_) => {
            anyhow::bail!("--poll must be a number of seconds from 0.1 to 86400, such as 10")
        }
    }
}

/// A flag that Ctrl-C and SIGTERM set; a second Ctrl-C ends the process at once.
pub fn stop_flag() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(signal, 1, stop.clone())
            .and_then(|_| signal_hook::flag::register(signal, stop.clone()))
            .context("cannot listen for Ctrl-C")?;
    }
    Ok(stop)
}

/// Runs `morgue watch` until Ctrl-C or SIGTERM.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_ARCHIVE)]
    } else {
        args.paths.clone()
    };
    let ingest = ingest_options(args.rebuild, args.wait, &args.limits, context)?;
    let options = WatchOptions {
        poll: poll_interval(args.poll)?,
        ..WatchOptions::default()
    };
    let stop = stop_flag()?;
    let mut failed_output = None;
    let mut report = |event: WatchReport| {
        if let Err(e) = report_event(&event, args.json, context, out) {
            failed_output.get_or_insert(e);
        }
    };
    watch(
        &context.index_dir,
        &paths,
        &ingest,
        &options,
        &stop,
        &mut report,
    )?;
    if let Some(e) = failed_output {
        return Err(e.into());
    }
    context.note("stopped; every batch is committed");
    Ok(ExitStatus::Results)
}

fn report_event(
    event: &WatchReport,
    json: bool,
    context: &Context,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match event {
        WatchReport::Note(note) => context.note(note),
        WatchReport::Initial(summary) | WatchReport::Batch(summary) if json => {
            render::json::line(out, &render::json::IngestObject::from(summary))?;
            out.flush()?;
        }
        WatchReport::Initial(summary) if !context.quiet => {
            render::human::ingest_summary(&mut std::io::stderr(), summary)?
        }
        WatchReport::Batch(summary) if !context.quiet => {
            render::human::watch_batch(&mut std::io::stderr(), summary)?
        }
        _ => {}
    }
    Ok(())
}
