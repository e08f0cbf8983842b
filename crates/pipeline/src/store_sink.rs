//! [`StoreSink`]: coded documents into the event store, one transaction per batch, stored on
//! a thread of its own while the next batch is coded.

use crate::{Coded, Failure, Sink};
use attache_coder::Extractor;
use attache_store::{BatchSummary, EventStore, IngestDocument, StoreError};
use attache_text::Document;
use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;

/// A batch on its way to the writer, with how far through the inputs it is.
struct Batch {
    documents: Vec<IngestDocument>,
    inputs_done: usize,
}

/// What the writer stored, with what it had to code again.
#[derive(Debug, Default)]
pub struct Stored {
    pub summary: BatchSummary,
    /// Documents the writer had to code again (see [`BatchSummary::stale`]) and the coder
    /// failed on.
    pub failed: usize,
    /// Sentences read by coding again.
    pub sentences: usize,
}

/// What the writer tells after each committed batch.
pub struct Progress<'a> {
    /// Inputs read to the end before the batch's last document.
    pub inputs_done: usize,
    pub stored: &'a Stored,
    /// Documents coded again in this batch that the coder failed on.
    pub failures: &'a [Failure],
}

type Writer = JoinHandle<(Stored, Option<StoreError>)>;

/// Stores coded documents: each batch in one transaction (a killed run loses at most one
/// batch). A document is left uncoded when the store holds it unchanged, at its id's first
/// appearance in the run; the store itself decides "unchanged" inside the write transaction
/// and names any uncoded document whose stored version changed meanwhile as stale, which the
/// writer then codes and stores again, so uncoded text never replaces coded events.
pub struct StoreSink<L: EventStore> {
    /// A second connection, to ask which documents are unchanged while the writer writes.
    lookup: L,
    seen: HashSet<String>,
    batch: usize,
    pending: Vec<IngestDocument>,
    inputs_done: usize,
    sender: Option<mpsc::SyncSender<Batch>>,
    writer: Option<Writer>,
    stored: Stored,
}

impl<L: EventStore> StoreSink<L> {
    /// Writes through `store` on a thread of its own, `batch` documents per transaction;
    /// `progress` hears of each committed batch.
    pub fn new<W: EventStore + Send + 'static>(
        store: W,
        lookup: L,
        extractor: Arc<Extractor>,
        batch: usize,
        progress: impl FnMut(Progress) + Send + 'static,
    ) -> StoreSink<L> {
        // One batch waits while another is stored.
        let (sender, receiver) = mpsc::sync_channel::<Batch>(1);
        let writer = std::thread::spawn(move || write_all(store, &extractor, receiver, progress));
        StoreSink {
            lookup,
            seen: HashSet::new(),
            batch: batch.max(1),
            pending: Vec::new(),
            inputs_done: 0,
            sender: Some(sender),
            writer: Some(writer),
            stored: Stored::default(),
        }
    }

    /// What was stored: complete after [`Sink::finish`].
    pub fn stored(&self) -> &Stored {
        &self.stored
    }

    fn send(&mut self) -> Result<(), StoreError> {
        let batch = Batch {
            documents: std::mem::take(&mut self.pending),
            inputs_done: self.inputs_done,
        };
        let sent = self.sender.as_ref().is_some_and(|s| s.send(batch).is_ok());
        if sent { Ok(()) } else { self.join() }
    }

    /// Waits for the writer; its error, if it stopped on one.
    fn join(&mut self) -> Result<(), StoreError> {
        self.sender = None;
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let (stored, error) = writer
            .join()
            .unwrap_or_else(|_| (Stored::default(), Some(StoreError::WriterFailed)));
        self.stored = stored;
        error.map_or(Ok(()), Err)
    }
}

fn write_all<W: EventStore>(
    mut store: W,
    extractor: &Extractor,
    batches: mpsc::Receiver<Batch>,
    mut progress: impl FnMut(Progress),
) -> (Stored, Option<StoreError>) {
    let mut stored = Stored::default();
    for batch in batches {
        let mut failures = Vec::new();
        if let Err(e) = store_batch(
            &mut store,
            batch.documents,
            extractor,
            &mut stored,
            &mut failures,
        ) {
            return (stored, Some(e));
        }
        progress(Progress {
            inputs_done: batch.inputs_done,
            stored: &stored,
            failures: &failures,
        });
    }
    (stored, None)
}

/// Stores a batch; documents skipped as unchanged whose stored version changed meanwhile
/// (the store names them stale) are coded now and stored in a second transaction.
fn store_batch<W: EventStore>(
    store: &mut W,
    documents: Vec<IngestDocument>,
    extractor: &Extractor,
    stored: &mut Stored,
    failures: &mut Vec<Failure>,
) -> Result<(), StoreError> {
    let mut summary = store.ingest_batch(&documents)?;
    let stale: HashSet<String> = std::mem::take(&mut summary.stale).into_iter().collect();
    stored.summary.add(&summary);
    if stale.is_empty() {
        return Ok(());
    }
    let mut recoded = Vec::new();
    for item in documents
        .into_iter()
        .filter(|d| stale.contains(&d.document.id))
    {
        let document = item.document;
        let extract = || extractor.extract_counted(&document);
        match std::panic::catch_unwind(AssertUnwindSafe(extract)) {
            Ok((events, sentences)) => {
                stored.sentences += sentences;
                recoded.push(IngestDocument::coded(document, events));
            }
            Err(_) => {
                stored.failed += 1;
                failures.push(Failure::Coder { id: document.id });
            }
        }
    }
    let again = store.ingest_batch(&recoded)?;
    stored.summary.add(&again);
    Ok(())
}

impl<L: EventStore> Sink for StoreSink<L> {
    type Error = StoreError;

    fn needs_coding(&mut self, document: &Document) -> Result<bool, StoreError> {
        // The lookup shows the database as it was before this run's later writes: only an
        // id's first appearance may be judged unchanged by it.
        let first_time = self.seen.insert(document.id.clone());
        Ok(!(first_time && self.lookup.unchanged(document)?))
    }

    fn accept(&mut self, coded: Coded) -> Result<(), StoreError> {
        self.inputs_done = coded.inputs_done;
        self.pending.push(if coded.coded {
            IngestDocument::coded(coded.document, coded.events)
        } else {
            IngestDocument::uncoded(coded.document)
        });
        if self.pending.len() >= self.batch {
            self.send()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), StoreError> {
        if !self.pending.is_empty() {
            self.send()?;
        }
        self.join()
    }
}

impl<L: EventStore> Drop for StoreSink<L> {
    fn drop(&mut self) {
        // A run that stopped early still lets the writer commit what it was given.
        let _ = self.join();
    }
}
