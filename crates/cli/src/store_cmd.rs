//! `attache ingest / events / tally / show / export`: the event store from the command line.

mod ingest;

use crate::reader_args::ReaderArgs;
use attache_export::ExportFormat;
use attache_pipeline::LexiconGroups;
use attache_printer::store as output;
pub use attache_printer::{ListFormat, PrintError, TallyBy, TallyFigure};
use attache_store::{EventStore, Filter, FilterParams, SqliteStore, StoreError};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

pub use ingest::ingest;

/// Where the database is: `--db`, else `$ATTACHE_DB`, else `attache.db` here.
#[derive(Args, Clone)]
pub struct DbArg {
    /// The database file [default: $ATTACHE_DB, else attache.db]
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
}

impl DbArg {
    pub(crate) fn path(&self) -> PathBuf {
        attache_store::database_path(self.db.clone())
    }
}

/// Which events a command works on, parsed by the HTTP API's parser with names resolved.
fn filter(params: &FilterParams) -> Result<Filter, StoreError> {
    Ok(params.parse_with(&LexiconGroups)?)
}

#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories (searched recursively): text, HTML, JSON Lines, CSV; `-` for stdin
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    reader: ReaderArgs,
    #[command(flatten)]
    data: crate::reader_args::DataArgs,
    /// Documents per transaction: a killed ingest loses at most one batch
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    batch: u32,
    /// How readily reports merge across documents; recorded in the database for later ingests
    /// [default: the recorded setting, else default]
    #[arg(long, value_name = "SETTING", value_parser = ["strict", "default", "loose"])]
    merge: Option<String>,
}

#[derive(Args)]
pub struct EventsArgs {
    #[command(flatten)]
    filter: FilterParams,
    #[command(flatten)]
    db: DbArg,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Args)]
pub struct TallyArgs {
    #[command(flatten)]
    filter: FilterParams,
    #[command(flatten)]
    db: DbArg,
    /// What a row is
    #[arg(long, value_enum, default_value_t = TallyBy::Actor)]
    by: TallyBy,
    /// What a row sums, per unit: the count, or a casualty
    #[arg(long, value_enum, default_value_t = TallyFigure::Count)]
    figure: TallyFigure,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Args)]
pub struct ShowArgs {
    /// The event id, as `attache events` lists it
    event_id: i64,
    #[command(flatten)]
    db: DbArg,
}

#[derive(Args)]
pub struct ExportArgs {
    /// One row per event, the columns of docs/export.md
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterParams,
    #[command(flatten)]
    db: DbArg,
}

fn fail(command: &str, error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("attache {command}: {error}");
    ExitCode::from(2)
}

/// Runs a query command on a database opened read-only, turning errors (a missing database,
/// another program's file) into messages.
fn run_query(
    command: &str,
    db: &DbArg,
    body: impl FnOnce(&SqliteStore, &mut dyn std::io::Write) -> Result<(), PrintError>,
) -> ExitCode {
    match output::query(&db.path(), body) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(command, &e),
    }
}

pub fn events(args: EventsArgs) -> ExitCode {
    run_query("events", &args.db, |store, out| {
        let events = store.events(&filter(&args.filter)?, &LexiconGroups)?;
        output::write_events(out, &events, args.format)
    })
}

pub fn tally(args: TallyArgs) -> ExitCode {
    let by = args.by.group_by();
    run_query("tally", &args.db, |store, out| {
        let tally = store.tally_of(
            &filter(&args.filter)?,
            by,
            args.figure.choice(),
            &LexiconGroups,
        )?;
        output::write_tally(out, &tally, args.format)
    })
}

pub fn show(args: ShowArgs) -> ExitCode {
    let mut found = true;
    let code = run_query("show", &args.db, |store, out| {
        match store.event_detail(args.event_id)? {
            Some(detail) => output::write_detail(out, &detail),
            None => {
                found = false;
                Ok(())
            }
        }
    });
    if !found {
        eprintln!(
            "attache show: no event {} in {}",
            args.event_id,
            args.db.path().display()
        );
        return ExitCode::FAILURE;
    }
    code
}

pub fn export(args: ExportArgs) -> ExitCode {
    run_query("export", &args.db, |store, out| {
        let events = store.events(&filter(&args.filter)?, &LexiconGroups)?;
        let (path, lexicon) = (args.output.as_deref(), attache_lexicon::Lexicon::embedded());
        attache_export::export_to(path, out, store, &events, lexicon, args.format)?;
        Ok(())
    })
}
