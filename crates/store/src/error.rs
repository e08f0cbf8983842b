//! The store's one error type: which database, what was being done, and the cause.

use crate::filter::FilterError;
use std::path::PathBuf;

/// A storage failure, naming the database and what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An SQLite operation failed.
    #[error("{}: {doing}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        doing: String,
        #[source]
        source: rusqlite::Error,
    },
    /// Storing one document failed; nothing of its batch is kept.
    #[error("{}: storing document {document}: {source}", path.display())]
    Document {
        path: PathBuf,
        document: String,
        #[source]
        source: rusqlite::Error,
    },
    /// Bringing the schema up to `version` failed.
    #[error("{}: applying migration {version}: {source}", path.display())]
    Migration {
        path: PathBuf,
        version: usize,
        #[source]
        source: rusqlite::Error,
    },
    /// The file is not an attache database (another program's, or not SQLite at all); it is
    /// left untouched.
    #[error("{}: not an attache database ({why}); refusing to use it", path.display())]
    ForeignDatabase { path: PathBuf, why: String },
    #[error("{}: not a regular file; a database must be one", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: no database here (create one with `attache ingest`)", path.display())]
    Missing { path: PathBuf },
    #[error("{}: schema version {found} is newer than this attache knows ({known}); upgrade attache", path.display())]
    SchemaNewer {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    #[error("{}: schema version {found} is older than this attache's ({known}); `attache ingest` upgrades it", path.display())]
    SchemaOlder {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    /// The file could not be examined.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A filter value given as an option (`--until`) that does not parse.
    #[error("--{0}")]
    Filter(#[from] FilterError),
    /// The thread that writes batches ended without an answer (it panicked).
    #[error("the writer thread failed")]
    WriterFailed,
}
