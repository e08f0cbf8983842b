//! [`StoreSink`]: coded documents into the event store, one transaction per batch, stored on
//! a thread of its own while the next batch is coded.

use crate::{Coded, Sink};
use attache_store::{BatchSummary, EventStore, IngestDocument, StoreError};
use attache_text::Document;
use std::sync::mpsc;
use std::thread::JoinHandle;

/// A batch on its way to the writer, with how far through the inputs it is.
struct Batch {
    documents: Vec<IngestDocument>,
    inputs_done: usize,
}

type Writer = JoinHandle<(BatchSummary, Option<StoreError>)>;

/// Stores coded documents: each batch in one transaction (a killed run loses at most one
/// batch), documents the store holds unchanged skipped before coding.
pub struct StoreSink<L: EventStore> {
    /// A second connection, to ask which documents are unchanged while the writer writes.
    lookup: L,
    batch: usize,
    pending: Vec<IngestDocument>,
    inputs_done: usize,
    sender: Option<mpsc::SyncSender<Batch>>,
    writer: Option<Writer>,
    total: BatchSummary,
}

impl<L: EventStore> StoreSink<L> {
    /// Writes through `store` on a thread of its own, `batch` documents per transaction;
    /// `stored` hears of each committed batch (inputs read so far, running totals).
    pub fn new<W: EventStore + Send + 'static>(
        mut store: W,
        lookup: L,
        batch: usize,
        mut stored: impl FnMut(usize, &BatchSummary) + Send + 'static,
    ) -> StoreSink<L> {
        // One batch waits while another is stored.
        let (sender, receiver) = mpsc::sync_channel::<Batch>(1);
        let writer = std::thread::spawn(move || {
            let mut total = BatchSummary::default();
            for batch in receiver {
                match store.ingest_batch(&batch.documents) {
                    Ok(summary) => total.add(&summary),
                    Err(e) => return (total, Some(e)),
                }
                stored(batch.inputs_done, &total);
            }
            (total, None)
        });
        StoreSink {
            lookup,
            batch: batch.max(1),
            pending: Vec::new(),
            inputs_done: 0,
            sender: Some(sender),
            writer: Some(writer),
            total: BatchSummary::default(),
        }
    }

    /// What was stored: complete after [`Sink::finish`].
    pub fn total(&self) -> &BatchSummary {
        &self.total
    }

    fn send(&mut self) -> Result<(), StoreError> {
        let documents = std::mem::take(&mut self.pending);
        let batch = Batch {
            documents,
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
        let (total, error) = writer
            .join()
            .unwrap_or_else(|_| (BatchSummary::default(), Some(StoreError::WriterPanicked)));
        self.total = total;
        error.map_or(Ok(()), Err)
    }
}

impl<L: EventStore> Sink for StoreSink<L> {
    type Error = StoreError;

    fn needs_coding(&mut self, document: &Document) -> Result<bool, StoreError> {
        // The writer sees the same content and counts it unchanged; nothing to code.
        Ok(!self.lookup.unchanged(document)?)
    }

    fn accept(&mut self, coded: Coded) -> Result<(), StoreError> {
        self.inputs_done = coded.inputs_done;
        self.pending.push(IngestDocument {
            document: coded.document,
            events: coded.events,
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
