//! `attache ingest`: `attache_pipeline::ingest` with progress on stderr. Each batch is stored
//! in one transaction while the next is coded, so a killed ingest leaves whole batches only,
//! and a rerun skips the documents stored unchanged.

use super::IngestArgs;
use attache_coder::Extractor;
use attache_pipeline::IngestOptions;
use attache_printer::IngestProgress;
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
    let options = IngestOptions {
        read: args.reader.options(),
        batch: args.batch as usize,
        merge: args
            .merge
            .as_deref()
            .and_then(attache_merge::Strictness::parse),
    };
    let mut progress = IngestProgress::new(inputs.len());
    let (terminal, files_total) = (progress.terminal, progress.files_total);
    let on_commit = move |p: attache_pipeline::Progress| {
        for failure in p.failures {
            IngestProgress::message(terminal, &format!("attache ingest: {failure}"));
        }
        progress.stored(p.inputs_done, &p.stored.summary, false);
    };
    let ingested = attache_pipeline::ingest(
        inputs,
        &args.db.path(),
        &options,
        extractor,
        on_commit,
        &mut |failure| IngestProgress::message(terminal, &format!("attache ingest: {failure}")),
    );
    let done = match ingested {
        Ok(done) => done,
        Err(e) => return fail(&e),
    };
    IngestProgress::new(files_total).stored(files_total, &done.summary, true);
    println!(
        "{}",
        attache_printer::ingest_summary(&done.summary, done.failed, done.sentences)
    );
    if let Some(e) = done.error {
        return fail(&e);
    }
    if done.failed > 0 {
        eprintln!(
            "attache ingest: {} input(s) failed; the others are stored",
            done.failed
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
