//! Keeps an index in step with folders while files change: file-system events (or a
//! poll) gathered into batches, each batch one incremental update in one commit, the
//! writer lock held throughout.

use super::{IngestOptions, IngestSummary, Updater, with_updater};
use crate::error::Result;
use crate::input;
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How often the loop looks at the stop flag while nothing happens.
const TICK: Duration = Duration::from_millis(200);
/// Poll interval used when the system runs out of file-system watches.
const FALLBACK_POLL: Duration = Duration::from_secs(10);

/// How the watcher notices changes and when it reads them.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Poll the folders at this interval instead of listening for events (network mounts
    /// and other file systems without events).
    pub poll: Option<Duration>,
    /// Quiet time after the last event before a batch runs.
    pub debounce: Duration,
    /// A file must have been left alone this long before it is read, so a download or a
    /// save in progress is never indexed half-written.
    pub settle: Duration,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            poll: None,
            debounce: Duration::from_millis(500),
            settle: Duration::from_secs(1),
        }
    }
}

/// What the watcher has to say, as it happens.
#[derive(Debug)]
pub enum WatchReport {
    /// The first update, over everything, before watching starts.
    Initial(IngestSummary),
    /// A later batch that changed something (or skipped a file).
    Batch(IngestSummary),
    /// Something the user should know: how changes are followed, a fallback.
    Note(String),
}

/// Watches `paths` until `stop` is set, then finishes the batch at hand and returns.
pub fn watch(
    index_dir: &Path,
    paths: &[PathBuf],
    ingest: &IngestOptions,
    options: &WatchOptions,
    stop: &AtomicBool,
    report: &mut dyn FnMut(WatchReport),
) -> Result<()> {
    input::check_paths(paths)?;
    let ingest = IngestOptions {
        settle: Some(options.settle),
        ..ingest.clone()
    };
    with_updater(index_dir, &ingest, |updater| {
        let first = updater.update(paths, ingest.rebuild)?;
        let mut retry_at = retry_after(&first, options.settle);
        report(WatchReport::Initial(first));
        let mut source = Source::start(paths, index_dir, options, report);
        while !stop.load(Ordering::SeqCst) {
            let mut due = source.wait_for_change();
            if retry_at.is_some_and(|at| Instant::now() >= at) {
                due = true;
            }
            if !due {
                continue;
            }
            let summary = update(updater, paths)?;
            retry_at = retry_after(&summary, options.settle);
            if changed(&summary) {
                report(WatchReport::Batch(summary));
            }
        }
        Ok(())
    })
}

fn update(updater: &mut Updater, paths: &[PathBuf]) -> Result<IngestSummary> {
    // A watched folder may have been removed or renamed since: update what is left.
    let present: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    updater.update(&present, false)
}

/// When files were left for later because they were still changing, look again as soon
/// as the youngest of them has been left alone long enough.
fn retry_after(summary: &IngestSummary, settle: Duration) -> Option<Instant> {
    let wait = summary.settles_in.unwrap_or(settle).min(settle);
    (summary.deferred > 0).then(|| Instant::now() + wait + Duration::from_millis(20))
}

/// Whether a batch is worth reporting.
pub fn changed(summary: &IngestSummary) -> bool {
    summary.added + summary.updated + summary.removed > 0 || !summary.skipped.is_empty()
}

/// Where changes come from: events through a debouncer, or the clock.
enum Source {
    Events {
        // Kept alive: dropping it stops the events.
        _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
        events: Receiver<DebounceEventResult>,
        ignore: Option<PathBuf>,
    },
    Polling {
        every: Duration,
        next: Instant,
    },
}

impl Source {
    fn start(
        paths: &[PathBuf],
        index_dir: &Path,
        options: &WatchOptions,
        report: &mut dyn FnMut(WatchReport),
    ) -> Source {
        if let Some(every) = options.poll {
            report(WatchReport::Note(format!(
                "polling every {} s for changes",
                every.as_secs_f64()
            )));
            return Source::polling(every);
        }
        let ignore = std::fs::canonicalize(index_dir).ok();
        match listen(paths, options.debounce, ignore) {
            Ok(source) => {
                report(WatchReport::Note(
                    "watching for changes (Ctrl-C stops)".to_string(),
                ));
                source
            }
            Err(reason) => {
                report(WatchReport::Note(format!(
                    "{reason}; polling every {} s instead (or choose with --poll SECONDS)",
                    FALLBACK_POLL.as_secs()
                )));
                Source::polling(FALLBACK_POLL)
            }
        }
    }

    fn polling(every: Duration) -> Source {
        Source::Polling {
            every,
            next: Instant::now() + every,
        }
    }

    /// Waits a tick for news; true when a batch should run now.
    fn wait_for_change(&mut self) -> bool {
        match self {
            Source::Polling { every, next } => {
                std::thread::sleep(TICK);
                if Instant::now() < *next {
                    return false;
                }
                *next = Instant::now() + *every;
                true
            }
            Source::Events { events, ignore, .. } => {
                let mut due = false;
                let mut wait = TICK;
                // Take everything that has arrived, so a burst makes one batch.
                loop {
                    match events.recv_timeout(wait) {
                        Ok(result) => due |= worth_a_batch(&result, ignore.as_deref()),
                        Err(RecvTimeoutError::Timeout) => return due,
                        Err(RecvTimeoutError::Disconnected) => {
                            std::thread::sleep(TICK);
                            return due;
                        }
                    }
                    wait = Duration::from_millis(1);
                }
            }
        }
    }
}

fn listen(
    paths: &[PathBuf],
    debounce: Duration,
    ignore: Option<PathBuf>,
) -> std::result::Result<Source, String> {
    let (sender, events) = channel();
    let mut debouncer = new_debouncer(debounce, None, move |result: DebounceEventResult| {
        let _ = sender.send(result);
    })
    .map_err(|e| describe(&e))?;
    for path in paths {
        debouncer
            .watch(path, RecursiveMode::Recursive)
            .map_err(|e| describe(&e))?;
    }
    Ok(Source::Events {
        _debouncer: debouncer,
        events,
        ignore,
    })
}

/// Why events cannot be had, in words that say what to do.
fn describe(error: &notify::Error) -> String {
    match error.kind {
        notify::ErrorKind::MaxFilesWatch => "the system's limit of watched folders is reached (raise it with `sysctl fs.inotify.max_user_watches=524288`)".to_string(),
        _ => format!("file-system events are not available here ({error})"),
    }
}

/// Whether a debounced group of events touches the archive: reads of files (ours
/// included) and changes inside the index folder do not.
fn worth_a_batch(result: &DebounceEventResult, ignore: Option<&Path>) -> bool {
    match result {
        // An error (a watch lost, events dropped): look at everything again.
        Err(_) => true,
        Ok(events) => events.iter().any(|event| {
            !matches!(event.kind, EventKind::Access(_))
                && event
                    .paths
                    .iter()
                    .any(|path| ignore.is_none_or(|dir| !path.starts_with(dir)))
        }),
    }
}
