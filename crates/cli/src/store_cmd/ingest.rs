//! `attache ingest`: read documents, code them in parallel, store them in input order.
//!
//! The main thread reads a batch, skips documents whose stored text is unchanged, and codes the
//! rest with rayon; a single writer thread stores each batch in one transaction while the next
//! is being coded. A killed ingest therefore leaves whole batches only, and a rerun skips them.

use super::{DbArg, IngestArgs};
use attache_coder::Extractor;
use attache_store::{BatchSummary, EventStore, IngestDocument, SqliteStore, content_hash};
use attache_text::{CsvColumns, Document, ReadOptions, expand_paths, read_documents};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// A batch on its way to the writer, with how far through the inputs it is.
struct Batch {
    documents: Vec<IngestDocument>,
    files_done: usize,
}

/// Progress on stderr: a bar redrawn in place on a terminal, a plain line now and then otherwise.
struct Progress {
    terminal: bool,
    files_total: usize,
    /// When the last plain line was written (or the run started).
    last: Option<Instant>,
}

impl Progress {
    fn new(files_total: usize) -> Progress {
        Progress {
            terminal: std::io::stderr().is_terminal(),
            files_total,
            last: Some(Instant::now()),
        }
    }

    fn stored(&mut self, files_done: usize, total: &BatchSummary, last_batch: bool) {
        let documents = total.new + total.unchanged + total.replaced;
        let mut err = std::io::stderr().lock();
        if self.terminal {
            const WIDTH: usize = 30;
            let filled = (files_done * WIDTH)
                .checked_div(self.files_total)
                .unwrap_or(WIDTH)
                .min(WIDTH);
            let _ = write!(
                err,
                "\r\x1b[K[{}{}] {files_done}/{} files, {documents} documents, {} events",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                self.files_total,
                total.events
            );
            if last_batch {
                let _ = writeln!(err);
            }
        } else if last_batch
            || self
                .last
                .is_none_or(|t| t.elapsed() >= Duration::from_secs(2))
        {
            self.last = Some(Instant::now());
            let _ = writeln!(
                err,
                "ingest: {files_done}/{} files, {documents} documents stored, {} events",
                self.files_total, total.events
            );
        }
    }

    /// Prints a message on its own line, clearing the bar first.
    fn message(terminal: bool, text: &str) {
        let clear = if terminal { "\r\x1b[K" } else { "" };
        eprintln!("{clear}{text}");
    }
}

/// Documents coded for a batch, the failures, and the sentences the coder read.
type Coded = (Vec<IngestDocument>, Vec<String>, usize);

/// Codes one document; a coder failure (a panic) is an error naming it, not the end of the run.
fn code_one(extractor: &Extractor, document: Document) -> Result<(IngestDocument, usize), String> {
    let extract = || extractor.extract_counted(&document);
    match std::panic::catch_unwind(AssertUnwindSafe(extract)) {
        Ok((events, sentences)) => Ok((IngestDocument::coded(document, events), sentences)),
        Err(_) => Err(format!(
            "{}: the coder failed on this document; not stored",
            document.id
        )),
    }
}

/// Codes the documents of a batch in parallel, in input order, skipping unchanged ones. A
/// document the coder fails on (a panic) is left out and reported, not the whole run.
///
/// `lookup` shows the database as it was before this run's later writes, so a document is
/// skipped only when its id has not been seen earlier in the run (`seen`); the store still
/// refuses an uncoded document whose stored version has changed since (see `stale`).
fn code_batch(
    documents: Vec<Document>,
    extractor: &Extractor,
    lookup: &SqliteStore,
    seen: &mut HashSet<String>,
) -> Result<Coded, attache_store::StoreError> {
    let mut unchanged = Vec::with_capacity(documents.len());
    for doc in &documents {
        let first_time = seen.insert(doc.id.clone());
        let stored = lookup.document_hash(&doc.id)?;
        unchanged.push(first_time && stored.is_some_and(|h| h == content_hash(doc)));
    }
    let coded: Vec<Result<(IngestDocument, usize), String>> = documents
        .into_par_iter()
        .zip(unchanged)
        .map(|(document, unchanged)| {
            // The writer sees the same hash and counts it unchanged; nothing to code.
            if unchanged {
                return Ok((IngestDocument::uncoded(document), 0));
            }
            code_one(extractor, document)
        })
        .collect();
    let mut stored = Vec::with_capacity(coded.len());
    let mut failures = Vec::new();
    let mut sentences = 0;
    for item in coded {
        match item {
            Ok((document, read)) => {
                stored.push(document);
                sentences += read;
            }
            Err(message) => failures.push(message),
        }
    }
    Ok((stored, failures, sentences))
}

/// What the writer stored, with what it had to code again.
#[derive(Default)]
struct Written {
    summary: BatchSummary,
    /// Documents coded again that the coder failed on.
    failures: Vec<String>,
    /// Sentences read by coding again.
    sentences: usize,
}

impl Written {
    fn add(&mut self, other: Written) {
        self.summary.add(&other.summary);
        self.failures.extend(other.failures);
        self.sentences += other.sentences;
    }
}

/// Stores a batch; documents skipped as unchanged whose stored version changed meanwhile
/// (the store names them stale) are coded now and stored in a second transaction.
fn store_batch(
    store: &mut SqliteStore,
    documents: Vec<IngestDocument>,
    extractor: &Extractor,
) -> Result<Written, attache_store::StoreError> {
    let mut summary = store.ingest_batch(&documents)?;
    let stale: HashSet<String> = std::mem::take(&mut summary.stale).into_iter().collect();
    let mut written = Written {
        summary,
        ..Written::default()
    };
    if stale.is_empty() {
        return Ok(written);
    }
    let mut recoded = Vec::new();
    for item in documents
        .into_iter()
        .filter(|d| stale.contains(&d.document.id))
    {
        match code_one(extractor, item.document) {
            Ok((document, read)) => {
                recoded.push(document);
                written.sentences += read;
            }
            Err(message) => written.failures.push(message),
        }
    }
    let again = store.ingest_batch(&recoded)?;
    written.summary.add(&again);
    Ok(written)
}

pub fn ingest(args: IngestArgs) -> ExitCode {
    let db_path = DbArg::path(&args.db);
    let extractor = match Extractor::load_default() {
        Ok(extractor) => extractor,
        Err(e) => {
            eprintln!("attache ingest: cannot load the coder: {e}");
            return ExitCode::from(2);
        }
    };
    let inputs = expand_paths(&args.paths);
    // Nothing to read: report it without creating a database.
    if inputs.iter().all(Result::is_err) {
        for input in inputs.iter().filter_map(|i| i.as_ref().err()) {
            eprintln!("attache ingest: {input}");
        }
        eprintln!("attache ingest: no input could be read; nothing stored");
        return ExitCode::FAILURE;
    }
    let (mut writer_store, lookup) = match SqliteStore::open(&db_path)
        .and_then(|w| SqliteStore::open(&db_path).map(|r| (w, r)))
    {
        Ok(stores) => stores,
        Err(e) => {
            eprintln!("attache ingest: {e}");
            return ExitCode::from(2);
        }
    };
    let options = ReadOptions {
        published: args.published,
        csv: CsvColumns {
            text: args.csv_text.clone(),
            id: args.csv_id.clone(),
            date: args.csv_date.clone(),
        },
    };
    let mut progress = Progress::new(inputs.len());
    let terminal = progress.terminal;
    let mut seen = HashSet::new();
    let batch_size = args.batch as usize;

    // Two batches in flight: one being stored while the next is coded.
    let (sender, receiver) = mpsc::sync_channel::<Batch>(1);
    let extractor = Arc::new(extractor);
    let writer_extractor = Arc::clone(&extractor);
    let writer = std::thread::spawn(move || {
        let mut total = Written::default();
        for batch in receiver {
            match store_batch(&mut writer_store, batch.documents, &writer_extractor) {
                Ok(written) => {
                    for failure in &written.failures {
                        Progress::message(terminal, &format!("attache ingest: {failure}"));
                    }
                    total.add(written);
                }
                Err(e) => return (total, Some(e)),
            }
            progress.stored(batch.files_done, &total.summary, false);
        }
        progress.stored(progress.files_total, &total.summary, true);
        (total, None)
    });

    let mut failed = 0usize;
    let mut sentences = 0usize;
    let mut pending: Vec<Document> = Vec::with_capacity(batch_size);
    let mut fatal = None;
    // Codes a batch and hands it to the writer: whether the writer still runs, and the
    // documents the coder failed on.
    let mut dispatch = |documents: Vec<Document>, files_done: usize| {
        code_batch(documents, &extractor, &lookup, &mut seen).map(|(documents, failures, read)| {
            let sent = sender
                .send(Batch {
                    documents,
                    files_done,
                })
                .is_ok();
            (sent, failures, read)
        })
    };
    let report_failures = |failures: Vec<String>| {
        for failure in &failures {
            Progress::message(terminal, &format!("attache ingest: {failure}"));
        }
        failures.len()
    };
    'inputs: for (index, input) in inputs.iter().enumerate() {
        let path = match input {
            Ok(path) => path,
            Err(e) => {
                failed += report_failures(vec![e.to_string()]);
                continue;
            }
        };
        for read in read_documents(path, &options) {
            match read {
                Ok(doc) => pending.push(doc),
                Err(e) => failed += report_failures(vec![e.to_string()]),
            }
            if pending.len() >= batch_size {
                match dispatch(std::mem::take(&mut pending), index) {
                    Ok((sent, failures, read)) => {
                        failed += report_failures(failures);
                        sentences += read;
                        if !sent {
                            break 'inputs;
                        }
                    }
                    Err(e) => {
                        fatal = Some(e);
                        break 'inputs;
                    }
                }
            }
        }
    }
    if !pending.is_empty() {
        match dispatch(std::mem::take(&mut pending), inputs.len()) {
            Ok((_, failures, read)) => {
                failed += report_failures(failures);
                sentences += read;
            }
            Err(e) => fatal = Some(e),
        }
    }
    // Closing the channel lets the writer finish.
    drop(sender);
    let (written, write_error) = writer.join().unwrap_or_else(|_| {
        (
            Written::default(),
            Some(attache_store::StoreError::new("the writer thread failed")),
        )
    });
    let total = written.summary;
    failed += written.failures.len();
    sentences += written.sentences;
    println!(
        "documents: {} new, {} unchanged, {} replaced, {} failed; sentences: {} ({} with events); \
         events: {}; mentions merged: {}",
        total.new,
        total.unchanged,
        total.replaced,
        failed,
        sentences,
        total.sentences,
        total.events,
        total.merged
    );
    if let Some(e) = write_error.or(fatal) {
        eprintln!("attache ingest: {e}");
        return ExitCode::from(2);
    }
    if failed > 0 {
        eprintln!("attache ingest: {failed} input(s) failed; the others are stored");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
