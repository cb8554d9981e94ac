//! Changes to the index, made visible all at once: files replaced or removed, records
//! added, then one commit that also names the manifest describing the result.

use super::documents::to_documents;
use super::manifest::{self, Manifest};
use super::schema::SCHEMA_VERSION;
use super::{ClippingIndex, CommitInfo};
use crate::clipping::Clipping;
use crate::error::{Error, Result};
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// File in the index folder naming the process that holds the writer lock.
const PID_FILE: &str = "ingest.pid";
/// How long to sleep between attempts when waiting for another writer.
const WAIT_STEP: std::time::Duration = std::time::Duration::from_millis(200);

/// Memory for the indexing threads together; tantivy flushes a segment when it is used up.
const WRITER_BUDGET_BYTES: usize = 256 * 1024 * 1024;

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
    writer: IndexWriter<TantivyDocument>,
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
                    return Ok(ClippingWriter { index, writer });
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
        self.writer.run(docs.into_iter().map(UserOperation::Add))?;
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
