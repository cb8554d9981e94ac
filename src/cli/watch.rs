//! `morgue watch`: an incremental ingest, then the index kept in step with the folders
//! as files are saved, changed, renamed and deleted.

use super::ingest::SourceArgs;
use super::{Context, ExitStatus};
use crate::ingest::watch::{WatchOptions, WatchReport, watch};
use crate::render;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Arguments of `morgue watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to watch and how to read it, as for `ingest`.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Look for changes every SECONDS instead of listening for file-system events (for
    /// network mounts and other file systems without them).
    #[arg(long, value_name = "SECONDS")]
    pub poll: Option<f64>,
    /// Report each batch as a JSON line on stdout (the shape of `ingest --json`).
    #[arg(long)]
    pub json: bool,
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
    let paths = args.source.paths();
    let ingest = args.source.options(context)?;
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
