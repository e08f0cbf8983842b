//! [`Pipeline`]: the reader thread, the coding pool and the in-order hand-over to a [`Sink`].

use attache_coder::Extractor;
use attache_event::Event;
use attache_text::{Document, InputError, ReadOptions, read_documents};
use rayon::prelude::*;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

/// One document and what the coder found in it, handed to a sink in input order.
#[derive(Debug)]
pub struct Coded {
    pub document: Document,
    pub events: Vec<Event>,
    /// Sentences the coder read (0 when it did not read the document).
    pub sentences: usize,
    /// Whether the coder read the document: false when the pipeline only reads, or when the
    /// sink said it holds the document unchanged.
    pub coded: bool,
    /// Inputs read to the end before this document: for progress reports.
    pub inputs_done: usize,
}

/// Something that could not be read or coded; the run goes on without it.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// An input, or one record of it, could not be read (the error names file and line).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The coder panicked on a document (a bug); the document is left out.
    #[error("{id}: the coder failed on this document (a bug: please report it with the document)")]
    Coder { id: String },
}

/// Where coded documents go, in input order.
pub trait Sink {
    type Error;

    /// Whether `document` needs coding; a sink that already holds it unchanged says no, and
    /// receives it uncoded.
    fn needs_coding(&mut self, _document: &Document) -> Result<bool, Self::Error> {
        Ok(true)
    }

    /// One document with its events. An error ends the run (a closed pipe, a full disk).
    fn accept(&mut self, coded: Coded) -> Result<(), Self::Error>;

    /// After the last document: flush what is buffered.
    fn finish(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// What a run read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Inputs, records and documents that failed (each reported as a [`Failure`]).
    pub failed: usize,
    /// Sentences the coder read.
    pub sentences: usize,
    /// Records with no text (empty or only spaces): nothing to read, skipped, not failures.
    pub empty: usize,
}

/// How far the reader is through the inputs, in bytes, for progress reports: the files read
/// to the end, plus the text of the documents read from the current one. Shared with the
/// reader thread; [`input_bytes`] gives the total to compare it with.
#[derive(Debug, Default)]
pub struct BytesRead(AtomicU64);

impl BytesRead {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn set(&self, bytes: u64) {
        self.0.store(bytes, Ordering::Relaxed);
    }
}

/// The size of the inputs in bytes, or `None` when one is standard input or cannot be
/// measured (nothing to show a fraction of).
pub fn input_bytes(inputs: &[Result<PathBuf, InputError>]) -> Option<u64> {
    inputs
        .iter()
        .filter_map(|i| i.as_ref().ok())
        .map(|path| {
            (path.as_os_str() != "-")
                .then(|| std::fs::metadata(path).ok().map(|m| m.len()))
                .flatten()
        })
        .sum()
}

/// A document or a failure, in the order the inputs gave them.
type Item = Result<(Document, usize), Failure>;

/// Reads, codes and hands over; see the crate documentation.
pub struct Pipeline<'a> {
    /// `None` to pass documents through as read (`attache extract --documents`).
    extractor: Option<&'a Extractor>,
    read: ReadOptions,
    pool: Option<rayon::ThreadPool>,
    /// A batch goes to the coder when it holds this many documents ...
    pub batch_documents: usize,
    /// ... or this much text, so memory stays flat however large the input.
    pub batch_bytes: usize,
    /// Bytes read so far (see [`BytesRead`]).
    pub bytes_read: Arc<BytesRead>,
}

/// Batches waiting between the reader and the coder.
const BATCHES_IN_FLIGHT: usize = 2;

impl<'a> Pipeline<'a> {
    pub fn new(extractor: Option<&'a Extractor>, read: ReadOptions) -> Pipeline<'a> {
        Pipeline {
            extractor,
            read,
            pool: None,
            batch_documents: 256,
            batch_bytes: 16 << 20,
            bytes_read: Arc::default(),
        }
    }

    /// Codes on `threads` worker threads instead of rayon's global pool (all cores).
    pub fn threads(mut self, threads: usize) -> Result<Self, rayon::ThreadPoolBuildError> {
        self.pool = Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()?,
        );
        Ok(self)
    }

    /// Runs the inputs (paths as [`attache_text::expand_paths`] gives them) through the coder
    /// into `sink`. Each failure goes to `report` as it is met, in input order. A sink error
    /// stops the run; what was read until then is summed up either way.
    pub fn run<S: Sink>(
        &self,
        inputs: Vec<Result<PathBuf, InputError>>,
        sink: &mut S,
        report: &mut dyn FnMut(&Failure),
    ) -> (Summary, Result<(), S::Error>) {
        let (batches, received) = mpsc::sync_channel::<Vec<Item>>(BATCHES_IN_FLIGHT);
        let mut summary = Summary::default();
        let result = std::thread::scope(|scope| {
            scope.spawn(|| self.read_batches(inputs, batches));
            for batch in received {
                // Leaving the loop drops the receiver, which stops the reader.
                self.code_batch(batch, sink, report, &mut summary)?;
            }
            sink.finish()
        });
        (summary, result)
    }

    fn code_batch<S: Sink>(
        &self,
        batch: Vec<Item>,
        sink: &mut S,
        report: &mut dyn FnMut(&Failure),
        summary: &mut Summary,
    ) -> Result<(), S::Error> {
        let mut work = Vec::with_capacity(batch.len());
        for item in batch {
            match item {
                Ok((document, _)) if document.text.trim().is_empty() => summary.empty += 1,
                Ok((document, inputs_done)) => {
                    summary.documents += 1;
                    let code = self.extractor.is_some() && sink.needs_coding(&document)?;
                    work.push(Ok((document, inputs_done, code)));
                }
                Err(failure) => work.push(Err(failure)),
            }
        }
        let coded: Vec<Result<Coded, Failure>> = match &self.pool {
            Some(pool) => pool.install(|| self.code_all(work)),
            None => self.code_all(work),
        };
        for item in coded {
            match item {
                Ok(coded) => {
                    summary.sentences += coded.sentences;
                    sink.accept(coded)?;
                }
                Err(failure) => {
                    summary.failed += 1;
                    report(&failure);
                }
            }
        }
        Ok(())
    }

    fn code_all(
        &self,
        work: Vec<Result<(Document, usize, bool), Failure>>,
    ) -> Vec<Result<Coded, Failure>> {
        work.into_par_iter()
            .map(|item| {
                let (document, inputs_done, code) = item?;
                let Some(extractor) = self.extractor.filter(|_| code) else {
                    return Ok(Coded {
                        document,
                        events: Vec::new(),
                        sentences: 0,
                        coded: false,
                        inputs_done,
                    });
                };
                // One document must not end a run over millions (the panic message is on
                // stderr already).
                let extract = || extractor.extract_counted(&document);
                match std::panic::catch_unwind(AssertUnwindSafe(extract)) {
                    Ok((events, sentences)) => Ok(Coded {
                        document,
                        events,
                        sentences,
                        coded: true,
                        inputs_done,
                    }),
                    Err(_) => Err(Failure::Coder { id: document.id }),
                }
            })
            .collect()
    }

    /// Reads every input in order, sending documents and failures in bounded batches.
    fn read_batches(
        &self,
        inputs: Vec<Result<PathBuf, InputError>>,
        batches: mpsc::SyncSender<Vec<Item>>,
    ) {
        let mut batch: Vec<Item> = Vec::new();
        let (mut batch_documents, mut batch_bytes) = (0, 0);
        let mut files_bytes: u64 = 0;
        for (index, input) in inputs.into_iter().enumerate() {
            let path = match input {
                Ok(path) => path,
                Err(e) => {
                    batch.push(Err(e.into()));
                    continue;
                }
            };
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let mut in_file: u64 = 0;
            for read in read_documents(&path, &self.read) {
                let item = read.map(|doc| (doc, index)).map_err(Failure::from);
                if let Ok((doc, _)) = &item {
                    batch_documents += 1;
                    batch_bytes += doc.text.len();
                    in_file = (in_file + doc.text.len() as u64).min(size);
                    self.bytes_read.set(files_bytes + in_file);
                }
                batch.push(item);
                if batch_documents >= self.batch_documents || batch_bytes >= self.batch_bytes {
                    (batch_documents, batch_bytes) = (0, 0);
                    if batches.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                }
            }
            files_bytes += size;
            self.bytes_read.set(files_bytes);
        }
        if !batch.is_empty() {
            let _ = batches.send(batch);
        }
    }
}
