//! `attache split EVENT MENTION`: undo a wrong merge by hand. The mention leaves the event for
//! an event of its own, and later ingests keep it apart from the event's other mentions.

use crate::store_cmd::DbArg;
use attache_store::SqliteStore;
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct SplitArgs {
    /// The event id, as `attache events` lists it.
    event: i64,
    /// The mention id, as `attache show EVENT` lists it.
    mention: i64,
    #[command(flatten)]
    db: DbArg,
}

pub fn run(args: SplitArgs) -> ExitCode {
    let result = SqliteStore::open_existing(&args.db.path())
        .and_then(|mut store| store.split(args.event, args.mention));
    match result {
        Ok(Some(id)) => {
            println!(
                "mention {} is now event {id}; it stays apart from event {}",
                args.mention, args.event
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!(
                "attache split: mention {} is not part of event {}",
                args.mention, args.event
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("attache split: {e}");
            ExitCode::from(2)
        }
    }
}
