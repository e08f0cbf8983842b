//! `attache extract`: read reports, code their events, write them as JSON Lines or a table.
//! The work is `attache_pipeline::Pipeline` into an `attache_printer::EventWriter`; output keeps
//! input order, so the bytes written do not depend on `--threads`.
//!
//! Exit codes: 0 every input read; 1 some input failed (each failure is reported on stderr
//! as `path:line: reason` and the rest is still processed) or the extractor could not load;
//! 2 bad command line.

use crate::reader_args::{DataArgs, ReaderArgs};
use attache_pipeline::Pipeline;
use attache_printer::{EventWriter, Layout, extract_summary};
use attache_text::expand_paths;
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExtractArgs {
    /// Inputs: .txt, .html/.htm, .jsonl, .csv/.tsv files, or directories (walked recursively
    /// in sorted order). Other extensions are sniffed. `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    reader: ReaderArgs,
    #[command(flatten)]
    data: DataArgs,
    /// Output: JSON Lines (one event per line) or an aligned table. Default: table on a
    /// terminal, jsonl otherwise.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
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

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("attache extract: {message}");
    ExitCode::FAILURE
}

pub fn run(args: ExtractArgs) -> ExitCode {
    let data = args.data.user_data();
    let extractor = match (!args.documents).then(|| data.extractor()).transpose() {
        Ok(extractor) => extractor,
        Err(e) => return fail(format_args!("cannot load the extractor: {e}")),
    };
    let mut pipeline = Pipeline::new(extractor.as_ref(), args.reader.options());
    if let Some(threads) = args.threads {
        pipeline = match pipeline.threads(usize::from(threads)) {
            Ok(pipeline) => pipeline,
            Err(e) => return fail(format_args!("cannot start worker threads: {e}")),
        };
    }
    let table = args.format.map(|f| f == OutputFormat::Table);
    let layout = Layout::choose(args.documents, table);
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut writer = EventWriter::new(out, layout);
    let paths = if args.paths.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!(
                "attache extract: reading one report from standard input (end it with Ctrl-D)"
            );
        }
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let inputs = expand_paths(&paths);
    let progress = attache_printer::ByteProgress::for_run("extract", &pipeline, &inputs);
    let (summary, written) = pipeline.run(inputs, &mut writer, &mut |f| {
        attache_printer::ByteProgress::message(progress.terminal, &format!("attache extract: {f}"));
    });
    progress.finish();
    match written {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return fail(format_args!("cannot write output: {e}"));
        }
        _ => {}
    }
    let written = writer.written();
    eprintln!(
        "attache extract: {}",
        extract_summary(&summary, written, layout)
    );
    if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
