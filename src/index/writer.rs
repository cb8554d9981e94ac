//! Changes to the index, made visible all at once: files replaced or removed, records
//! added, then one commit that also names the manifest describing the result.

use super::manifest::{self, Manifest};
use super::schema::{SCHEMA_VERSION, to_documents};
use super::{ClippingIndex, CommitInfo};
use crate::clipping::Clipping;
use crate::error::{Error, Result};
use crate::story::Signature;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Memory for the indexing threads together; tantivy flushes a segment when it is used up.
const WRITER_BUDGET_BYTES: usize = 256 * 1024 * 1024;

/// Pending changes to a [`ClippingIndex`]; nothing is visible until [`commit`](Self::commit).
pub struct ClippingWriter<'a> {
    index: &'a ClippingIndex,
    writer: IndexWriter<TantivyDocument>,
}

impl<'a> ClippingWriter<'a> {
    /// Takes the index's writer lock; fails at once when another process holds it.
    pub fn new(index: &'a ClippingIndex) -> Result<Self> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        let writer = index
            .index
            .writer_with_num_threads(threads, WRITER_BUDGET_BYTES)
            .map_err(|err| match err {
                tantivy::TantivyError::LockFailure(..) => Error::Busy(index.dir.clone()),
                other => other.into(),
            })?;
        Ok(ClippingWriter { index, writer })
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

    /// Adds a record read from the file with canonical path `key`, as part of `story`.
    pub fn add(
        &self,
        clipping: &Clipping,
        key: &str,
        story: u64,
        signature: &Signature,
    ) -> Result<()> {
        let signature = signature.to_bytes();
        for doc in to_documents(clipping, key, story, &signature, &self.index.fields) {
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Makes every change visible at once, together with `manifest`. Until this returns,
    /// readers see the previous commit; if it never returns, the previous commit stays.
    pub fn commit(mut self, manifest: &Manifest) -> Result<()> {
        let generation = self.index.generation + 1;
        manifest::save(&self.index.dir, generation, manifest)?;
        let info = CommitInfo {
            schema: SCHEMA_VERSION,
            generation,
        };
        let payload = serde_json::to_string(&info).map_err(|e| Error::Index(e.to_string()))?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.writer.wait_merging_threads()?;
        manifest::remove_others(&self.index.dir, generation);
        Ok(())
    }
}
