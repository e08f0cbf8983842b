//! `attache extract`: read reports, code their events, write them as JSON Lines or a table.
//!
//! Reading runs on one thread and feeds bounded batches of documents to the extractor, which
//! codes a batch on all cores; output keeps input order (document order, then the extractor's
//! order), so the bytes written do not depend on `--threads`.
//!
//! Exit codes: 0 every input read; 1 some input failed (each failure is reported on stderr
//! as `path:line: reason` and the rest is still processed) or the extractor could not load;
//! 2 bad command line.

#[path = "extract/output.rs"]
mod output;

use attache_coder::Extractor;
use attache_event::Event;
use attache_text::{
    CsvColumns, Document, ReadOptions, expand_paths, parse_published, read_documents,
};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use output::{EventWriter, Sink};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

#[derive(Args)]
pub struct ExtractArgs {
    /// Inputs: .txt, .html/.htm, .jsonl, .csv/.tsv files, or directories (walked recursively
    /// in sorted order). Other extensions are sniffed. `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Publication date of documents that carry none; relative dates count from it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,
    /// Output: JSON Lines (one event per line) or an aligned table. Default: table on a
    /// terminal, jsonl otherwise.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// CSV column holding the report text.
    #[arg(long, value_name = "COL", default_value = "text")]
    csv_text: String,
    /// CSV column holding the document id (default: a column named `id`, else `path:line`).
    #[arg(long, value_name = "COL")]
    csv_id: Option<String>,
    /// CSV column holding the publication date (default: a column named `published` or `date`).
    #[arg(long, value_name = "COL")]
    csv_date: Option<String>,
    /// Write the documents as read (JSON Lines: id, text, published, url, title, source)
    /// instead of events: the exact text every event span points into.
    #[arg(long)]
    documents: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Jsonl,
    Table,
}

/// A batch is handed to the workers when it holds this many documents or this much text,
/// so memory stays flat however large the input.
const BATCH_DOCUMENTS: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

/// Batches waiting between the reader and the workers.
const BATCHES_IN_FLIGHT: usize = 2;

pub fn run(args: ExtractArgs) -> ExitCode {
    let opts = ReadOptions {
        published: args.published,
        csv: CsvColumns {
            text: args.csv_text.clone(),
            id: args.csv_id.clone(),
            date: args.csv_date.clone(),
        },
    };
    let extractor = if args.documents {
        None
    } else {
        match Extractor::load_default() {
            Ok(extractor) => Some(extractor),
            Err(e) => {
                eprintln!("attache extract: cannot load the extractor: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = args.threads {
        pool = pool.num_threads(usize::from(threads));
    }
    let pool = match pool.build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("attache extract: cannot start worker threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = match (args.documents, format) {
        (true, _) => EventWriter::new(out, Sink::Documents),
        (false, OutputFormat::Jsonl) => EventWriter::new(out, Sink::Jsonl),
        (false, OutputFormat::Table) => EventWriter::new(out, Sink::Table),
    };
    let paths = if args.paths.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!(
                "attache extract: reading one report from standard input (end it with Ctrl-D)"
            );
        }
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };

    let (batches, received) = mpsc::sync_channel::<Vec<Document>>(BATCHES_IN_FLIGHT);
    let mut write_error = None;
    let mut coder_failures = 0;
    let (documents, read_failures) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_batches(&paths, &opts, batches));
        for batch in received {
            let result = match &extractor {
                Some(extractor) => {
                    let coded: Vec<_> =
                        pool.install(|| batch.par_iter().map(|doc| code(extractor, doc)).collect());
                    coded
                        .iter()
                        .zip(&batch)
                        .try_for_each(|(events, doc)| match events {
                            Some(events) => writer.events(events),
                            None => {
                                coder_failures += 1;
                                eprintln!(
                                    "attache extract: {}: the coder failed on this document \
                                 (a bug: please report it with the document)",
                                    doc.id
                                );
                                Ok(())
                            }
                        })
                }
                None => batch.iter().try_for_each(|doc| writer.document(doc)),
            };
            if let Err(e) = result {
                // Dropping the receiver (leaving the loop) stops the reader at its next batch.
                write_error = Some(e);
                break;
            }
        }
        reader.join().unwrap_or((0, 1))
    });
    let failures = read_failures + coder_failures;
    let written = writer.written();
    let flushed = writer.finish();
    match write_error.or(flushed.err()) {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Some(e) => {
            eprintln!("attache extract: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
        None => {}
    }
    let what = if args.documents {
        "documents"
    } else {
        "events"
    };
    eprintln!(
        "attache extract: {documents} documents read, {failures} failed, {written} {what} written"
    );
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The events of one document, or `None` when the coder panicked on it: one document must
/// not end a run over millions (the panic message is on stderr already).
fn code(extractor: &Extractor, doc: &Document) -> Option<Vec<Event>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(doc))).ok()
}

/// Reads every input in order, sending documents in batches and reporting each bad input on
/// stderr as it is met. Returns (documents read, failures).
fn read_batches(
    paths: &[PathBuf],
    opts: &ReadOptions,
    batches: mpsc::SyncSender<Vec<Document>>,
) -> (usize, usize) {
    let mut documents = 0;
    let mut failures = 0;
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    let mut report = |error: &dyn std::fmt::Display| {
        failures += 1;
        let _ = writeln!(std::io::stderr().lock(), "attache extract: {error}");
    };
    for path in expand_paths(paths) {
        let path = match path {
            Ok(path) => path,
            Err(e) => {
                report(&e);
                continue;
            }
        };
        for read in read_documents(&path, opts) {
            let doc = match read {
                Ok(doc) => doc,
                Err(e) => {
                    report(&e);
                    continue;
                }
            };
            documents += 1;
            batch_bytes += doc.text.len();
            batch.push(doc);
            if batch.len() >= BATCH_DOCUMENTS || batch_bytes >= BATCH_BYTES {
                batch_bytes = 0;
                if batches.send(std::mem::take(&mut batch)).is_err() {
                    // The writer stopped (closed pipe); nothing more will be written.
                    return (documents, failures);
                }
            }
        }
    }
    if !batch.is_empty() {
        let _ = batches.send(batch);
    }
    (documents, failures)
}
