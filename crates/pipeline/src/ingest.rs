//! [`ingest`]: inputs read, coded and stored in one SQLite database: the work of
//! `attache ingest`, with the caller hearing of each committed batch and each failure.

use crate::{Failure, Pipeline, Progress, StoreSink};
use attache_coder::Extractor;
use attache_merge::Strictness;
use attache_store::{BatchSummary, SqliteStore, StoreError};
use attache_text::{InputError, ReadOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What an ingest stored and what failed on the way.
#[derive(Debug)]
pub struct Ingested {
    pub summary: BatchSummary,
    /// Inputs, records and documents that could not be read or coded.
    pub failed: usize,
    /// Sentences the coder read.
    pub sentences: usize,
    /// Records with empty text, skipped.
    pub empty: usize,
    /// The store failed midway: the batches committed before it are kept.
    pub error: Option<StoreError>,
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub read: ReadOptions,
    /// Documents per transaction: a killed ingest loses at most one batch.
    pub batch: usize,
    /// Recorded in the database for later ingests; `None` keeps the recorded setting.
    pub merge: Option<Strictness>,
    /// Bytes of input read so far, for a progress display.
    pub bytes_read: Arc<crate::BytesRead>,
}

/// Opens (or creates) the database at `db` twice (a writer and a lookup for unchanged
/// documents), then reads `inputs`, codes them and stores them batch by batch while the next
/// batch is coded. `on_commit` hears of each committed batch, `on_failure` of each input or
/// document that failed. An error opening the database is returned before anything is read.
pub fn ingest(
    inputs: Vec<Result<PathBuf, InputError>>,
    db: &Path,
    options: &IngestOptions,
    extractor: Arc<Extractor>,
    on_commit: impl FnMut(Progress) + Send + 'static,
    on_failure: &mut dyn FnMut(&Failure),
) -> Result<Ingested, StoreError> {
    let mut store = SqliteStore::open(db)?;
    let lookup = SqliteStore::open(db)?;
    if let Some(strictness) = options.merge {
        store.set_merge(strictness)?;
    }
    let batch = options.batch;
    let mut sink = StoreSink::new(store, lookup, Arc::clone(&extractor), batch, on_commit);
    let mut pipeline = Pipeline::new(Some(&extractor), options.read.clone());
    pipeline.batch_documents = batch;
    pipeline.bytes_read = Arc::clone(&options.bytes_read);
    let (read, stored) = pipeline.run(inputs, &mut sink, on_failure);
    let written = sink.stored();
    Ok(Ingested {
        summary: written.summary.clone(),
        failed: read.failed + written.failed,
        sentences: read.sentences + written.sentences,
        empty: read.empty,
        error: stored.err(),
    })
}
