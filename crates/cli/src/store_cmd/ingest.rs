//! `attache ingest`: `attache_pipeline::Pipeline` into a `StoreSink`, with progress on stderr.
//! Each batch is stored in one transaction while the next is coded, so a killed ingest leaves
//! whole batches only, and a rerun skips the documents stored unchanged.

use super::IngestArgs;
use attache_coder::Extractor;
use attache_pipeline::{Pipeline, StoreSink};
use attache_printer::IngestProgress;
use attache_store::SqliteStore;
use attache_text::expand_paths;
use std::process::ExitCode;
use std::sync::Arc;

pub fn ingest(args: IngestArgs) -> ExitCode {
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("attache ingest: {e}");
        ExitCode::from(2)
    };
    let extractor = match Extractor::load_default() {
        Ok(extractor) => Arc::new(extractor),
        Err(e) => return fail(&format_args!("cannot load the coder: {e}")),
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
    let db = args.db.path();
    let (mut store, lookup) =
        match SqliteStore::open(&db).and_then(|w| Ok((w, SqliteStore::open(&db)?))) {
            Ok(stores) => stores,
            Err(e) => return fail(&e),
        };
    let strictness = args
        .merge
        .as_deref()
        .and_then(attache_merge::Strictness::parse);
    if let Some(Err(e)) = strictness.map(|s| store.set_merge(s)) {
        return fail(&e);
    }
    let mut progress = IngestProgress::new(inputs.len());
    let (terminal, files_total) = (progress.terminal, progress.files_total);
    let on_commit = move |p: attache_pipeline::Progress| {
        for failure in p.failures {
            IngestProgress::message(terminal, &format!("attache ingest: {failure}"));
        }
        progress.stored(p.inputs_done, &p.stored.summary, false);
    };
    let batch = args.batch as usize;
    let mut sink = StoreSink::new(store, lookup, Arc::clone(&extractor), batch, on_commit);
    let mut pipeline = Pipeline::new(Some(&extractor), args.reader.options());
    pipeline.batch_documents = batch;
    let (read, stored) = pipeline.run(inputs, &mut sink, &mut |failure| {
        IngestProgress::message(terminal, &format!("attache ingest: {failure}"));
    });
    let total = &sink.stored().summary;
    IngestProgress::new(files_total).stored(files_total, total, true);
    let failed = read.failed + sink.stored().failed;
    let sentences = read.sentences + sink.stored().sentences;
    println!(
        "{}",
        attache_printer::ingest_summary(total, failed, sentences)
    );
    if let Err(e) = stored {
        return fail(&e);
    }
    if failed > 0 {
        eprintln!("attache ingest: {failed} input(s) failed; the others are stored");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
