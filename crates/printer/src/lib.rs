//! How attache writes what it finds, behind the sinks of `attache-pipeline` (ripgrep's printer
//! is the model): [`EventWriter`] writes coded events as JSON Lines or an aligned table (or
//! the documents as read) and is a [`attache_pipeline::Sink`]; [`store`] writes stored
//! events, tallies and event details (exports are `attache-export`); [`nlp`] writes parser scores; [`ByteProgress`] shows a long run's progress on
//! stderr. Output errors stay [`std::io::Error`]s, so a closed pipe is known by its kind.

mod events;
mod lexicon;
pub mod nlp;
mod progress;
pub mod store;
mod terminal;

pub use events::{EventWriter, Layout};
pub use lexicon::lexicon_matches;
pub use progress::{ByteProgress, bar as progress_bar, extract_summary, ingest_summary};

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

/// Which figure a tally sums: the count, or a casualty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum TallyFigure {
    Count,
    Killed,
    Injured,
    Missing,
    Arrested,
}

impl TallyFigure {
    pub fn choice(self) -> attache_store::FigureChoice {
        use attache_event::CasualtyKind as K;
        use attache_store::FigureChoice as F;
        match self {
            TallyFigure::Count => F::Count,
            TallyFigure::Killed => F::Casualty(K::Killed),
            TallyFigure::Injured => F::Casualty(K::Injured),
            TallyFigure::Missing => F::Casualty(K::Missing),
            TallyFigure::Arrested => F::Casualty(K::Arrested),
        }
    }
}

/// Writing stored data failed: the output, or the store read on the way.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    /// Boxed: the store's and the exporter's errors are large, and a `Result` carries its
    /// error by value.
    #[error(transparent)]
    Store(Box<StoreError>),
    #[error(transparent)]
    Export(Box<attache_export::ExportError>),
}

impl From<StoreError> for PrintError {
    fn from(e: StoreError) -> Self {
        PrintError::Store(Box::new(e))
    }
}

impl From<attache_export::ExportError> for PrintError {
    fn from(e: attache_export::ExportError) -> Self {
        PrintError::Export(Box::new(e))
    }
}

impl PrintError {
    /// The reader went away (`| head`): the end of the output, not a failure.
    pub fn is_closed_pipe(&self) -> bool {
        match self {
            PrintError::Output(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
            PrintError::Export(e) => e.is_closed_pipe(),
            PrintError::Store(_) => false,
        }
    }
}
