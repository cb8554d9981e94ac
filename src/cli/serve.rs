//! `morgue serve`: the archive in a browser, and a JSON API, on this machine only unless
//! told otherwise.

use super::{Context, ExitStatus, open_index};
use anyhow::{Context as _, Result};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Arguments of `morgue serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on; anything but 127.0.0.1 / ::1 lets other machines
    /// read the archive. Port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// Open the search page in the default browser once listening.
    #[arg(long)]
    pub open: bool,
    /// Keep the index in step with the archive while serving, as `morgue watch` does:
    /// new clippings appear in the pages without a restart.
    #[arg(long)]
    pub watch: bool,
    /// With --watch: a folder to watch (repeatable; default ./archive).
    #[arg(long, value_name = "PATH", requires = "watch")]
    pub folder: Vec<PathBuf>,
    /// With --watch: look for changes every SECONDS instead of listening for events.
    #[arg(long, value_name = "SECONDS", requires = "watch")]
    pub poll: Option<f64>,
}

/// Runs `morgue serve` until Ctrl-C.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = open_index(context)?;
    if crate::serve::is_public(&args.bind) {
        context.note(&format!(
            "warning: listening on {}: anyone who can reach this machine on the network can read the archive",
            args.bind
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = if args.watch {
        Some(start_watcher(&args, context, stop.clone())?)
    } else {
        None
    };
    let index_dir = context.index_dir.display().to_string();
    let served = crate::serve::serve(index, args.bind, |address| {
        let url = format!("http://{address}/");
        let _ = writeln!(out, "{url}");
        let _ = out.flush();
        context.note(&format!("serving {index_dir}/ at {url} (Ctrl-C stops)"));
        if args.open {
            open_browser(&url);
        }
    })
    .with_context(|| format!("cannot serve on {}", args.bind));
    stop.store(true, Ordering::SeqCst);
    if let Some(watcher) = watcher {
        match watcher.join() {
            Ok(Err(e)) => context.note(&format!("the watcher stopped: {e}")),
            Err(_) => context.note("the watcher stopped with an internal error"),
            Ok(Ok(())) => {}
        }
    }
    served?;
    context.note("stopped");
    Ok(ExitStatus::Results)
}

type Watcher = std::thread::JoinHandle<crate::Result<()>>;

/// Runs the watcher on its own thread until `stop` is set; its batches are reported on
/// stderr, and the server sees each commit on its next request.
fn start_watcher(args: &Args, context: &Context, stop: Arc<AtomicBool>) -> Result<Watcher> {
    let ingest = super::ingest::ingest_options(false, false, &Default::default(), context)?;
    let options = crate::ingest::watch::WatchOptions {
        poll: super::watch::poll_interval(args.poll)?,
        ..Default::default()
    };
    let folders = if args.folder.is_empty() {
        vec![PathBuf::from(super::DEFAULT_ARCHIVE)]
    } else {
        args.folder.clone()
    };
    let index_dir = context.index_dir.clone();
    let quiet = context.quiet;
    Ok(std::thread::spawn(move || {
        let mut report = |event: crate::ingest::watch::WatchReport| {
            use crate::ingest::watch::WatchReport;
            match event {
                _ if quiet => {}
                WatchReport::Note(note) => super::print_note(&note),
                WatchReport::Batch(summary) => {
                    let _ = crate::render::human::watch_batch(&mut std::io::stderr(), &summary);
                }
                WatchReport::Initial(_) => {}
            }
        };
        crate::ingest::watch::watch(&index_dir, &folders, &ingest, &options, &stop, &mut report)
    }))
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("could not start {opener}; open {url} yourself");
    }
}
