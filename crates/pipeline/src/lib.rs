//! The pipeline as a library: documents in, coded events out, in input order, into a [`Sink`].
//!
//! [`Pipeline::run`] reads the inputs on one thread, hands bounded batches of documents to the
//! coder on a thread pool (a panic in one document is caught and reported as a [`Failure`],
//! never the end of the run), and pushes each document's events to the sink in input order, so
//! what a sink sees does not depend on the number of threads. Sinks: the printers of
//! `attache-printer` (JSON Lines, table, documents) and [`StoreSink`] (the event store);
//! a caller's own sink is a few lines (see `tests/custom_sink.rs`).

mod data;
mod driver;
mod groups;
mod ingest;
mod store_sink;

pub use data::{UserData, UserDataError};
pub use driver::{BytesRead, Coded, Failure, Pipeline, Sink, Summary, input_bytes};
pub use groups::LexiconGroups;
pub use ingest::{IngestOptions, Ingested, ingest};
pub use store_sink::{Progress, StoreSink, Stored};
