//! `attache ingest`: `attache_pipeline::ingest` with progress on stderr. Each batch is stored
//! in one transaction while the next is coded, so a killed ingest leaves whole batches only,
//! and a rerun skips the documents stored unchanged.

use super::IngestArgs;
use attache_pipeline::IngestOptions;
use attache_printer::ByteProgress;
use attache_text::expand_paths;
use std::process::ExitCode;
use std::sync::Arc;

pub fn ingest(args: IngestArgs) -> ExitCode {
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("attache ingest: {e}");
        ExitCode::from(2)
    };
    let extractor = match args.data.user_data().extractor() {
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
        bytes_read: Arc::default(),
    };
    let total = attache_pipeline::input_bytes(&inputs);
    let progress = ByteProgress::start("ingest", total, Arc::clone(&options.bytes_read));
    let terminal = progress.terminal;
    let on_commit = move |p: attache_pipeline::Progress| {
        for failure in p.failures {
            ByteProgress::message(terminal, &format!("attache ingest: {failure}"));
        }
    };
    let ingested = attache_pipeline::ingest(
        inputs,
        &args.db.path(),
        &options,
        extractor,
        on_commit,
        &mut |failure| ByteProgress::message(terminal, &format!("attache ingest: {failure}")),
    );
    progress.finish();
    let done = match ingested {
        Ok(done) => done,
        Err(e) => return fail(&e),
    };
    println!(
        "{}",
        attache_printer::ingest_summary(&done.summary, done.failed, done.sentences, done.empty)
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
