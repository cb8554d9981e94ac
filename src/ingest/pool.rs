//! Reading threads with a watchdog: jobs run on a few worker threads and their results
//! come back in job order; a job that runs past its time limit is given up (its result
//! replaced by a time-out) and its thread left behind, so one stuck reader never stalls
//! the rest.
//!
//! A thread cannot be stopped from outside, so a stuck one is abandoned, not killed: it
//! keeps its core until its work ends or the process exits, and a fresh thread takes its
//! place. Readers are written to finish in time linear in their input; the limit is the
//! guard for the bug nobody has found yet. (PDFs, read by a library, run in a child
//! process that can be killed: see `input::pdf`.)

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Stack for reading threads: deeply nested pages recurse in the HTML libraries.
const STACK_BYTES: usize = 16 * 1024 * 1024;
/// How often the watchdog looks at the running jobs.
const TICK: Duration = Duration::from_millis(50);

/// The work a pool does for each job.
pub type Work<J, R> = Arc<dyn Fn(&J) -> R + Send + Sync>;

/// Jobs waiting for a worker, each with its number.
type Queue<J> = Arc<Mutex<Receiver<(usize, Arc<J>)>>>;

/// What one worker is doing: the job it started and when.
type Slot = Mutex<Option<(usize, Instant)>>;

/// How a pool runs.
#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    /// Worker threads.
    pub workers: usize,
    /// Time one job may take before it is given up.
    pub time_limit: Duration,
    /// Jobs handed out beyond the next one whose result is awaited: bounds how many
    /// results wait in memory.
    pub window: usize,
}

/// One worker thread, as the coordinator sees it.
struct Worker {
    slot: Arc<Slot>,
    abandoned: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

/// Runs `work` on every job and hands the results to `sink` in job order. A job still
/// running after `options.time_limit` gets `timed_out(job)` as its result instead.
/// Stops at the first error `sink` returns.
///
/// Jobs are drawn from `jobs` only as the window allows, so a source that makes jobs as
/// it goes (the pages of a web archive read record by record) is held in memory only a
/// window at a time.
pub fn run_in_order<J, R, E>(
    jobs: impl IntoIterator<Item = J>,
    options: PoolOptions,
    work: Work<J, R>,
    timed_out: impl Fn(&J) -> R,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    J: Send + Sync + 'static,
    R: Send + 'static,
{
    let mut jobs = jobs.into_iter();
    let window = options.window.max(1);
    let (job_sender, job_receiver) = mpsc::sync_channel::<(usize, Arc<J>)>(window);
    let job_receiver = Arc::new(Mutex::new(job_receiver));
    let (result_sender, results) = mpsc::channel::<(usize, R)>();
    let spawn = |workers: &mut Vec<Worker>| {
        workers.push(spawn_worker(
            Arc::clone(&work),
            Arc::clone(&job_receiver),
            result_sender.clone(),
        ))
    };
    let mut workers: Vec<Worker> = Vec::new();
    for _ in 0..options.workers.max(1) {
        spawn(&mut workers);
    }
    let mut state = Progress::default();
    let outcome = (|| {
        state.feed(&mut jobs, &job_sender, window);
        while !(state.exhausted && state.next_result == state.next_job) {
            match results.recv_timeout(TICK) {
                Ok((index, result)) => {
                    // A result given up on (timed out) is stale, even once delivered.
                    if index >= state.next_result && !state.given_up.contains(&index) {
                        state.waiting.insert(index, result);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                // Every worker is gone; cannot happen while this side holds a sender.
                Err(RecvTimeoutError::Disconnected) => break,
            }
            for k in 0..workers.len() {
                let overdue = overdue_job(&workers[k], options.time_limit);
                if let Some(index) = overdue.filter(|i| !state.given_up.contains(i)) {
                    state.given_up.insert(index);
                    if let Some(job) = state.running.get(&index) {
                        state.waiting.insert(index, timed_out(job));
                    }
                    workers[k].abandoned.store(true, Ordering::SeqCst);
                    workers[k].handle = None;
                    spawn(&mut workers);
                }
            }
            workers.retain(|w| w.handle.is_some());
            while let Some(result) = state.waiting.remove(&state.next_result) {
                state.running.remove(&state.next_result);
                state.given_up.remove(&state.next_result);
                sink(result)?;
                state.next_result += 1;
            }
            state.feed(&mut jobs, &job_sender, window);
        }
        Ok(())
    })();
    drop(job_sender);
    drop(result_sender);
    for worker in workers {
        if let Some(handle) = worker.handle {
            let _ = handle.join();
        }
    }
    outcome
}

/// The coordinator's bookkeeping.
struct Progress<J, R> {
    /// The number of the next job drawn from the source.
    next_job: usize,
    /// The next job whose result goes to the sink.
    next_result: usize,
    /// Whether the source has no more jobs.
    exhausted: bool,
    /// Jobs handed out whose results have not gone to the sink (a time-out is made
    /// from its job).
    running: BTreeMap<usize, Arc<J>>,
    /// Results that came back before their turn.
    waiting: BTreeMap<usize, R>,
    /// Jobs given up for running too long; their late results are dropped.
    given_up: HashSet<usize>,
}

impl<J, R> Default for Progress<J, R> {
    fn default() -> Self {
        Progress {
            next_job: 0,
            next_result: 0,
            exhausted: false,
            running: BTreeMap::new(),
            waiting: BTreeMap::new(),
            given_up: HashSet::new(),
        }
    }
}

impl<J, R> Progress<J, R> {
    /// Draws and hands out jobs until `window` are ahead of the next result awaited.
    fn feed(
        &mut self,
        jobs: &mut impl Iterator<Item = J>,
        sender: &SyncSender<(usize, Arc<J>)>,
        window: usize,
    ) {
        while !self.exhausted && self.next_job < self.next_result + window {
            let Some(job) = jobs.next() else {
                self.exhausted = true;
                return;
            };
            let job = Arc::new(job);
            self.running.insert(self.next_job, Arc::clone(&job));
            // The channel holds `window` jobs and fewer than that are ever unfinished,
            // so this never waits; it fails only when every worker is gone.
            if sender.send((self.next_job, job)).is_err() {
                self.exhausted = true;
                return;
            }
            self.next_job += 1;
        }
    }
}

/// The job a worker has been running for longer than `limit`, if any.
fn overdue_job(worker: &Worker, limit: Duration) -> Option<usize> {
    let slot = worker.slot.lock().ok()?;
    slot.filter(|(_, started)| started.elapsed() > limit)
        .map(|(index, _)| index)
}

fn spawn_worker<J, R>(work: Work<J, R>, queue: Queue<J>, results: Sender<(usize, R)>) -> Worker
where
    J: Send + Sync + 'static,
    R: Send + 'static,
{
    let slot: Arc<Slot> = Arc::new(Mutex::new(None));
    let abandoned = Arc::new(AtomicBool::new(false));
    let (my_slot, my_abandoned) = (Arc::clone(&slot), Arc::clone(&abandoned));
    let handle = std::thread::Builder::new()
        .name("morgue-reader".to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            loop {
                let next = queue.lock().ok().and_then(|q| q.recv().ok());
                let Some((index, job)) = next else { return };
                set_slot(&my_slot, Some((index, Instant::now())));
                let result = work(&job);
                drop(job);
                set_slot(&my_slot, None);
                // A worker given up on stops once its job ends; its result is stale.
                if my_abandoned.load(Ordering::SeqCst) || results.send((index, result)).is_err() {
                    return;
                }
            }
        })
        .ok();
    Worker {
        slot,
        abandoned,
        handle,
    }
}

fn set_slot(slot: &Slot, value: Option<(usize, Instant)>) {
    if let Ok(mut slot) = slot.lock() {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(time_limit_ms: u64) -> PoolOptions {
        PoolOptions {
            workers: 2,
            time_limit: Duration::from_millis(time_limit_ms),
            window: 4,
        }
    }

    #[test]
    fn results_come_back_in_job_order() {
        let jobs: Vec<u64> = (0..200).collect();
        let work: Work<u64, u64> = Arc::new(|&n| {
            // Later jobs finish first now and then.
            std::thread::sleep(Duration::from_micros((200 - n) % 7 * 100));
            n * 2
        });
        let mut seen = Vec::new();
        run_in_order(
            jobs,
            options(10_000),
            work,
            |_| u64::MAX,
            |r| {
                seen.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..200).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_job_that_never_ends_is_given_up_and_the_rest_go_on() {
        let jobs: Vec<u64> = (0..20).collect();
        let work: Work<u64, Option<u64>> = Arc::new(|&n| {
            if n == 3 || n == 11 {
                loop {
                    std::thread::sleep(Duration::from_secs(3600));
                }
            }
            Some(n)
        });
        let started = Instant::now();
        let mut seen = Vec::new();
        run_in_order(
            jobs,
            options(300),
            work,
            |_| None,
            |r| {
                seen.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let expected: Vec<Option<u64>> =
            (0..20).map(|n| (n != 3 && n != 11).then_some(n)).collect();
        assert_eq!(seen, expected);
        assert!(started.elapsed() < Duration::from_secs(30));
    }

    #[test]
    fn jobs_are_drawn_from_their_source_a_window_at_a_time() {
        let drawn = std::cell::Cell::new(0usize);
        let source = (0..500u64).inspect(|_| drawn.set(drawn.get() + 1));
        let work: Work<u64, u64> = Arc::new(|&n| n);
        let mut consumed = 0usize;
        let mut most_ahead = 0usize;
        run_in_order(
            source,
            options(10_000),
            work,
            |_| 0,
            |_| {
                consumed += 1;
                most_ahead = most_ahead.max(drawn.get() - consumed);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(consumed, 500);
        assert!(
            most_ahead < 4,
            "{most_ahead} jobs drawn ahead of a window of 4"
        );
    }

    #[test]
    fn the_sink_can_stop_the_run() {
        let work: Work<u64, u64> = Arc::new(|&n| n);
        let mut seen = 0;
        let stopped = run_in_order(
            0..100u64,
            options(10_000),
            work,
            |_| 0,
            |n| {
                seen += 1;
                if n == 5 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!((stopped, seen), (Err("stop"), 6));
    }
}
