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

/// What a connection keeps from one committed batch for its next: valid while no other
/// connection wrote (the caller compares `PRAGMA data_version`).
pub(super) struct Kept {
    clusters: Clusters,
    words: WordCounts,
    events: ParsedEvents,
}

/// Merged events [`ParsedEvents`] keeps between batches, at most.
const EVENTS_KEPT: usize = 1 << 16;

impl BatchState {
    /// The state at the start of a transaction: what the last batch kept, else read afresh.
    pub fn new(tx: &Transaction, policy: Policy, kept: Option<Kept>) -> rusqlite::Result<Self> {
        let kept = match kept {
            Some(kept) => kept,
            None => Kept {
                clusters: super::clusters::load(tx)?,
                words: WordCounts::load(tx)?,
                events: ParsedEvents::default(),
            },
        };
        Ok(BatchState {
            policy,
            clusters: kept.clusters,
            words: kept.words,
            events: kept.events,
            kept_apart: tx
                .query_row("SELECT EXISTS (SELECT 1 FROM kept_apart)", [], |r| r.get(0))?,
        })
    }

    /// What the next batch may keep, once this one is committed (`words` saved).
    pub fn keep(mut self) -> Kept {
        if self.events.0.len() > EVENTS_KEPT {
            self.events.0.clear();
        }
        Kept {
            clusters: self.clusters,
            words: self.words,
            events: self.events,
        }
    }
}

/// Merged events read, each with the JSON it was parsed from: an event whose stored JSON is
/// still the same is not parsed again.
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
