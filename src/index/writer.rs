//! Changes to the index, made visible all at once: files replaced or removed, records
//! added, then one commit that also names the manifest describing the result.

use super::documents::to_documents;
use super::manifest::{self, Manifest};
use super::schema::SCHEMA_VERSION;
use super::{ClippingIndex, CommitInfo};
use crate::clipping::Clipping;
use crate::error::{Error, Result};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use tantivy::indexer::UserOperation;
use tantivy::schema::Document;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// File in the index folder naming the process that holds the writer lock.
const PID_FILE: &str = "ingest.pid";
/// How long to sleep between attempts when waiting for another writer.
const WAIT_STEP: std::time::Duration = std::time::Duration::from_millis(200);

/// Memory for the indexing threads together; tantivy flushes a segment when it is used up.
const WRITER_BUDGET_BYTES: usize = 256 * 1024 * 1024;

/// Records handed to the indexing threads and not yet indexed, at most. tantivy's queue
/// counts batches, and a record is one batch, so without this bound it would hold ten
/// thousand records (about 100 MB more at 100,000 clippings) when reading runs ahead.
const MAX_QUEUED_RECORDS: usize = 1024;
/// How long adding a record waits for the queue to shrink before going on anyway: an
/// indexing thread that died frees nothing, and its error is told by the next add.
const QUEUE_WAIT: Duration = Duration::from_secs(1);

/// Counts the records queued for indexing and holds back the adder past the bound.
#[derive(Default)]
struct Queue {
    queued: Mutex<usize>,
    shrunk: Condvar,
}

impl Queue {
    /// Waits (up to [`QUEUE_WAIT`] at a time) for room, then takes a place, given back
    /// when the last document holding it is dropped, once indexed.
    fn enter(self: &Arc<Self>) -> Arc<Place> {
        let mut queued = self.queued.lock().unwrap_or_else(|e| e.into_inner());
        while *queued >= MAX_QUEUED_RECORDS {
            let (guard, timeout) = self
                .shrunk
                .wait_timeout(queued, QUEUE_WAIT)
                .unwrap_or_else(|e| e.into_inner());
            queued = guard;
            if timeout.timed_out() {
                break;
            }
        }
        *queued += 1;
        Arc::new(Place(Arc::clone(self)))
    }
}

/// One record's place in the [`Queue`].
struct Place(Arc<Queue>);

impl Drop for Place {
    fn drop(&mut self) {
        let mut queued = self.0.queued.lock().unwrap_or_else(|e| e.into_inner());
        *queued = queued.saturating_sub(1);
        if *queued + 1 == MAX_QUEUED_RECORDS {
            self.0.shrunk.notify_one();
        }
    }
}

/// A document on its way to an indexing thread, holding its record's place in the queue.
struct Queued {
    doc: TantivyDocument,
    _place: Arc<Place>,
}

impl Document for Queued {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// The process named in the pid file, when it is still running: a killed ingest leaves
/// its file behind, and naming a dead process would send the user looking for it.
fn holder_pid(dir: &std::path::Path) -> Option<u32> {
    let pid: u32 = std::fs::read_to_string(dir.join(PID_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    process_running(pid).then_some(pid)
}

#[cfg(target_os = "linux")]
fn process_running(pid: u32) -> bool {
    std::path::Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_running(_pid: u32) -> bool {
    true
}

/// Pending changes to a [`ClippingIndex`]; nothing is visible until [`commit`](Self::commit).
pub struct ClippingWriter<'a> {
    index: &'a ClippingIndex,
    writer: IndexWriter<Queued>,
    queue: Arc<Queue>,
}

impl<'a> ClippingWriter<'a> {
    /// Takes the index's writer lock. When another process holds it, fails at once with
    /// that process's id, or with `wait` retries until it is free, telling `on_wait` once.
    pub fn new(
        index: &'a ClippingIndex,
        wait: bool,
        on_wait: &mut dyn FnMut(&str),
    ) -> Result<Self> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        let mut told = false;
        loop {
            match index
                .index
                .writer_with_num_threads(threads, WRITER_BUDGET_BYTES)
            {
                Ok(writer) => {
                    // Only a hint for the error message of a second writer, so failing to
                    // write it does not stop the ingest.
                    let _ =
                        std::fs::write(index.dir.join(PID_FILE), std::process::id().to_string());
                    return Ok(ClippingWriter {
                        index,
                        writer,
                        queue: Arc::default(),
                    });
                }
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    let pid = holder_pid(&index.dir);
                    if !wait {
                        return Err(Error::Busy {
                            path: index.dir.clone(),
                            pid,
                        });
                    }
                    if !told {
                        let holder = pid.map_or("another morgue process".to_string(), |pid| {
                            format!("process {pid}")
                        });
                        on_wait(&format!(
                            "waiting for {holder} to finish updating the index at {}",
                            index.dir.display()
                        ));
                        told = true;
                    }
                    std::thread::sleep(WAIT_STEP);
                }
                Err(other) => return Err(other.into()),
            }
        }
    }

    /// Removes every record read from the file with canonical path `key`.
    pub fn remove_file(&self, key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.file, key));
    }

    /// Removes every record.
    pub fn remove_all(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Adds a record of the file with canonical path `key` as article number `article`
    /// (from [`Manifest::take_article_number`]; passages point at their article by it: a
    /// record's id depends on its text only, so a text saved twice has one id but two
    /// articles), as part of `story`.
    pub fn add(
        &self,
        clipping: &Clipping,
        key: &str,
        article: u64,
        story: u64,
        signature: &[u8],
    ) -> Result<()> {
        // One batch: an indexing thread takes the record's documents together and in
        // order, so the passages are replayed from the body's analysis (`analysis`).
        let docs = to_documents(clipping, article, key, story, signature, &self.index.fields);
        let place = self.queue.enter();
        self.writer.run(docs.into_iter().map(|doc| {
            UserOperation::Add(Queued {
                doc,
                _place: Arc::clone(&place),
            })
        }))?;
        Ok(())
    }

    /// Makes every change visible at once, together with `manifest` and `summary` (the
    /// catalog's counts of it, kept as given). Until this returns, readers see the
    /// previous commit; if it never returns, the previous commit stays.
    pub fn commit(&mut self, manifest: &Manifest, summary: &[u8]) -> Result<()> {
        let generation = self.index.committed_generation()? + 1;
        manifest::save(&self.index.dir, generation, manifest)?;
        manifest::save_summary(&self.index.dir, generation, summary)?;
        let info = CommitInfo {
            schema: SCHEMA_VERSION,
            generation,
        };
        let payload =
            serde_json::to_string(&info).map_err(|e| Error::index("writing the commit", e))?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        manifest::remove_others(&self.index.dir, generation);
        Ok(())
    }

    /// Lets segment merges finish and gives up the writer lock.
    pub fn close(self) -> Result<()> {
        self.writer.wait_merging_threads()?;
        let _ = std::fs::remove_file(self.index.dir.join(PID_FILE));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queued(queue: &Queue) -> usize {
        *queue.queued.lock().unwrap()
    }

    #[test]
    fn a_full_queue_holds_the_adder_back_until_a_record_is_indexed() {
        let queue = Arc::new(Queue::default());
        let mut places: Vec<Arc<Place>> = (0..MAX_QUEUED_RECORDS).map(|_| queue.enter()).collect();
        let adder = {
            let queue = Arc::clone(&queue);
            std::thread::spawn(move || queue.enter())
        };
        std::thread::sleep(Duration::from_millis(200));
        assert!(!adder.is_finished(), "the adder went past a full queue");
        places.pop();
        let place = adder.join().unwrap();
        assert_eq!(queued(&queue), MAX_QUEUED_RECORDS);
        drop(places);
        assert_eq!(queued(&queue), 1);
        drop(place);
        assert_eq!(queued(&queue), 0);
    }

    #[test]
    fn a_record_keeps_its_place_until_its_last_document_is_dropped() {
        let queue = Arc::new(Queue::default());
        let place = queue.enter();
        let docs: Vec<Queued> = (0..3)
            .map(|_| Queued {
                doc: TantivyDocument::default(),
                _place: Arc::clone(&place),
            })
            .collect();
        drop(place);
        let mut docs = docs.into_iter();
        docs.next();
        docs.next();
        assert_eq!(queued(&queue), 1);
        docs.next();
        assert_eq!(queued(&queue), 0);
    }
}
