//! The `attache` command: a thin layer over the pipeline crates. Each subcommand lives in its
//! own module and returns the process exit code.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The standard `println!` and `eprintln!` panic when the stream is a closed pipe
// (`attache ingest ... 2>&1 | head -1`), which would end an ingest midway with exit 101. In
// this crate they write what they can and ignore a reader that went away; data output goes
// through io::Write and stops on its own error. Defined before the modules so that they all
// use these.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}
macro_rules! print {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// What a subcommand's steps return: any library error, shown with its message.
type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

mod eval_cmd;
mod extract_cmd;
mod lexicon_cmd;
mod nlp_cmd;
mod reader_args;
mod serve_cmd;
mod split_cmd;
mod store_cmd;

#[derive(Parser)]
#[command(
    name = "attache",
    version,
    about = "News text in, a sourced, deduplicated database of political events out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read reports and write PLOVER events with counts, dates and spans.
    Extract(extract_cmd::ExtractArgs),
    /// Tokenizer, tagger and parser: train, evaluate, parse.
    #[command(subcommand)]
    Nlp(nlp_cmd::NlpCommand),
    /// Store reports' events in the database, merging what reports share.
    Ingest(store_cmd::IngestArgs),
    /// List stored events.
    Events(store_cmd::EventsArgs),
    /// Count stored events per actor, recipient, month or category, with sources.
    Tally(store_cmd::TallyArgs),
    /// One stored event with every mention and why they were merged.
    Show(store_cmd::ShowArgs),
    /// Undo a wrong merge: take a mention out of an event; later ingests keep it apart.
    Split(split_cmd::SplitArgs),
    /// Export stored events.
    Export(store_cmd::ExportArgs),
    /// Score attache against gold standards.
    #[command(subcommand)]
    Eval(eval_cmd::EvalCommand),
    /// Browse the store in a web browser, or query it as JSON (read-only).
    Serve(serve_cmd::ServeArgs),
    /// A user's dictionaries: check them, or see how a phrase resolves.
    #[command(subcommand)]
    Lexicon(lexicon_cmd::LexiconCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Nlp(cmd) => nlp_cmd::run(cmd),
        Command::Ingest(args) => store_cmd::ingest(args),
        Command::Events(args) => store_cmd::events(args),
        Command::Tally(args) => store_cmd::tally(args),
        Command::Show(args) => store_cmd::show(args),
        Command::Split(args) => split_cmd::run(args),
        Command::Export(args) => store_cmd::export(args),
        Command::Eval(cmd) => eval_cmd::run(cmd),
        Command::Serve(args) => serve_cmd::run(args),
        Command::Lexicon(cmd) => lexicon_cmd::run(cmd),
    }
}
