//! How attache writes what it finds, behind the sinks of `attache-pipeline` (ripgrep's printer
//! is the model): [`EventWriter`] writes coded events as JSON Lines or an aligned table (or
//! the documents as read) and is a [`attache_pipeline::Sink`]; [`store`] writes stored
//! events, tallies, event details and exports; [`nlp`] writes parser scores; [`IngestProgress`] reports an ingest on
//! stderr. Output errors stay [`std::io::Error`]s, so a closed pipe is known by its kind.

mod events;
pub mod nlp;
mod progress;
pub mod store;
mod terminal;

pub use events::{EventWriter, Layout};
pub use progress::{IngestProgress, extract_summary, ingest_summary};

use attache_store::StoreError;

/// Output formats for lists of stored events and tallies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ListFormat {
    Table,
    Jsonl,
    Csv,
}

/// What a tally row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum TallyBy {
    Actor,
    Recipient,
    Month,
    Event,
}

impl TallyBy {
    pub fn group_by(self) -> attache_store::GroupBy {
        use attache_store::GroupBy;
        match self {
            TallyBy::Actor => GroupBy::Actor,
            TallyBy::Recipient => GroupBy::Recipient,
            TallyBy::Month => GroupBy::Month,
            TallyBy::Event => GroupBy::Event,
        }
    }
}

/// Output formats for exports: every event with its mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

/// Writing stored data failed: the output, or the store read on the way.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PrintError {
    /// The reader went away (`| head`): the end of the output, not a failure.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, PrintError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
