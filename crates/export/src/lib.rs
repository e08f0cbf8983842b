//! Analysis-ready exports of the event store: one row per stored event with one column schema
//! ([`COLUMNS`], documented in `docs/export.md`) written as CSV, JSON Lines or Parquet.
//!
//! Each row has an `event_id` derived from the reports behind the event (their documents'
//! content hashes and trigger spans), so two databases that hold the same reports give the
//! same ids, whatever order they were ingested in; rows are ordered by date, then id, and
//! every list in a row follows one canonical order of the reports. The export reads the event
//! record's JSON contract by field name for the place, casualties and date precision, so it
//! fills those columns wherever the coder gives them.

mod id;
#[cfg(feature = "parquet")]
mod parquet;
mod row;
mod schema;
mod text;

pub use id::{MentionKey, event_id};
pub use row::{Row, derived_precision};
pub use schema::{COLUMNS, Column, Kind, Value};

use attache_lexicon::Lexicon;
use attache_store::{EventStore, StoreError, StoredEvent};
use std::collections::HashMap;
use std::io::Write;

/// The formats of `attache export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ExportFormat {
    Csv,
    Jsonl,
    /// Needs the `parquet` feature (on by default).
    Parquet,
}

/// An export that failed: the output, the store read on the way, or the Parquet encoder.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing Parquet: {0}")]
    Parquet(String),
    #[error("this build has no Parquet output (built without the `parquet` feature)")]
    NoParquet,
    #[error("Parquet is binary: give --output FILE or redirect standard output")]
    BinaryToTerminal,
}

impl ExportError {
    /// The reader went away (`| head`): the end of the output, not a failure.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, ExportError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Whether this build writes Parquet.
pub const PARQUET: bool = cfg!(feature = "parquet");

/// The rows of `events` (as [`EventStore::events`] selected them), ordered by first day
/// (undated last), then id. `lexicon` names the actor codes.
pub fn rows(
    store: &impl EventStore,
    events: &[StoredEvent],
    lexicon: &Lexicon,
) -> Result<Vec<Row>, StoreError> {
    let mut hashes: HashMap<String, String> = HashMap::new();
    let mut rows = Vec::with_capacity(events.len());
    for stored in events {
        let Some(detail) = store.event_detail(stored.id)? else {
            continue;
        };
        for m in &detail.mentions {
            if !hashes.contains_key(&m.document)
                && let Some(hash) = store.document_hash(&m.document)?
            {
                hashes.insert(m.document.clone(), hash);
            }
        }
        rows.push(row::build(&detail, &hashes, lexicon));
    }
    rows.sort_by(|a, b| {
        let key = |r: &Row| (r.date_start().is_none(), r.date_start());
        key(a)
            .cmp(&key(b))
            .then_with(|| a.event_id().cmp(b.event_id()))
    });
    Ok(rows)
}

/// Writes `rows` in `format`.
pub fn write(out: &mut dyn Write, rows: &[Row], format: ExportFormat) -> Result<(), ExportError> {
    match format {
        ExportFormat::Csv => {
            text::write_csv_header(out)?;
            for row in rows {
                text::write_csv_row(out, row)?;
            }
        }
        ExportFormat::Jsonl => {
            for row in rows {
                text::write_jsonl_row(out, row)?;
            }
        }
        ExportFormat::Parquet => out.write_all(&to_parquet(rows)?)?,
    }
    Ok(())
}

/// The rows as one Parquet file.
#[cfg(feature = "parquet")]
pub fn to_parquet(rows: &[Row]) -> Result<Vec<u8>, ExportError> {
    parquet::to_parquet(rows)
}

/// The rows as one Parquet file: not in this build.
#[cfg(not(feature = "parquet"))]
pub fn to_parquet(_rows: &[Row]) -> Result<Vec<u8>, ExportError> {
    Err(ExportError::NoParquet)
}

/// [`export`] into the file `path`, or into `stdout` when there is none; Parquet is refused
/// on a terminal (it is binary).
pub fn export_to(
    path: Option<&std::path::Path>,
    stdout: &mut dyn Write,
    store: &impl EventStore,
    events: &[StoredEvent],
    lexicon: &Lexicon,
    format: ExportFormat,
) -> Result<usize, ExportError> {
    let Some(path) = path else {
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        if terminal && format == ExportFormat::Parquet {
            return Err(ExportError::BinaryToTerminal);
        }
        return export(stdout, store, events, lexicon, format);
    };
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let rows = export(&mut file, store, events, lexicon, format)?;
    file.flush()?;
    Ok(rows)
}

/// Reads `events` from `store` and writes them in `format`; returns the rows written.
pub fn export(
    out: &mut dyn Write,
    store: &impl EventStore,
    events: &[StoredEvent],
    lexicon: &Lexicon,
    format: ExportFormat,
) -> Result<usize, ExportError> {
    if format == ExportFormat::Parquet && !PARQUET {
        return Err(ExportError::NoParquet);
    }
    let rows = rows(store, events, lexicon)?;
    write(out, &rows, format)?;
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_unique_snake_case() {
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        assert!(names.iter().all(|n| {
            n.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        }));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
    }
}
