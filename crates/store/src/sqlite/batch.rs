//! What one write transaction keeps in memory while it stores a batch of documents, so that
//! each document does not read it again from the database.

use super::parse_merged;
use super::vectors::WordCounts;
use crate::merge::{Clusters, MergedEvent};
use attache_merge::Policy;
use rusqlite::Transaction;
use std::collections::HashMap;

/// The state of one `ingest_batch` transaction; dropped with the transaction on error.
pub(super) struct BatchState {
    pub policy: Policy,
    pub clusters: Clusters,
    pub words: WordCounts,
    pub events: ParsedEvents,
    /// Whether any mentions were split apart by hand (`kept_apart` has rows); nothing in a
    /// batch adds any.
    pub kept_apart: bool,
}

impl BatchState {
    pub fn new(tx: &Transaction, policy: Policy, clusters: Clusters) -> rusqlite::Result<Self> {
        Ok(BatchState {
            policy,
            clusters,
            words: WordCounts::load(tx)?,
            events: ParsedEvents::default(),
            kept_apart: tx
                .query_row("SELECT EXISTS (SELECT 1 FROM kept_apart)", [], |r| r.get(0))?,
        })
    }
}

/// Merged events read in this transaction, each with the JSON it was parsed from: an event
/// whose stored JSON is still the same is not parsed again.
#[derive(Default)]
pub(super) struct ParsedEvents(HashMap<i64, (String, MergedEvent)>);

impl ParsedEvents {
    /// Parses event `id` stored as `json`, unless it was parsed from the same JSON before.
    pub fn read(&mut self, id: i64, json: &str) -> rusqlite::Result<()> {
        if self.0.get(&id).is_some_and(|(seen, _)| seen == json) {
            return Ok(());
        }
        let event = parse_merged(json, id)?;
        self.0.insert(id, (json.to_string(), event));
        Ok(())
    }

    /// An event [`ParsedEvents::read`] gave.
    pub fn get(&self, id: i64) -> &MergedEvent {
        &self.0[&id].1
    }

    /// Takes event `id` out to change it.
    pub fn take(&mut self, id: i64) -> MergedEvent {
        self.0.remove(&id).expect("a parsed event").1
    }
}
