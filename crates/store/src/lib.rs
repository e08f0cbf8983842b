//! The event store: documents, the events coded from them, and the events merged across
//! documents, in an embedded SQLite database (WAL, no server) behind the [`EventStore`] trait so
//! that another backend can follow without touching the coder.
//!
//! Data flows in as [`IngestDocument`]s (a document and the events the coder found in it); each
//! event becomes a stored mention, merged with other documents' reports of the same event by the
//! rules of [`merge`]. Queries return [`StoredEvent`]s; [`tally`] counts them per group.

mod error;
pub mod filter;
pub mod merge;
mod sqlite;
pub mod tally;
#[cfg(test)]
mod test_events;

use attache_event::{Event, EventCategory};
use attache_text::Document;
use attache_text::hash::{FNV_OFFSET, fnv1a_extend};
use chrono::NaiveDate;
use serde::Serialize;

pub use error::StoreError;
pub use filter::{FilterError, FilterParams, FilterValueError, Vocabulary};
pub use merge::{DateSpan, Figure, FigureChoice, MergedEvent, Place};
pub use sqlite::{APPLICATION_ID, DocumentMention, SqliteStore, StoredDocument};
pub use tally::{ClaimRow, GroupBy, Tally, TallyRow};

/// One document to store, with the events the coder found in it.
#[derive(Debug, Clone)]
pub struct IngestDocument {
    pub document: Document,
    pub events: Vec<Event>,
    /// False when the caller skipped coding because the stored text looked the same: the
    /// store then keeps the stored version if it still is, and otherwise stores nothing and
    /// names the document in [`BatchSummary::stale`], so that no uncoded text ever replaces
    /// coded events.
    pub coded: bool,
}

impl IngestDocument {
    /// A document with the events the coder found in it.
    pub fn coded(document: Document, events: Vec<Event>) -> IngestDocument {
        IngestDocument {
            document,
            events,
            coded: true,
        }
    }

    /// A document not coded because its stored version looked unchanged.
    pub fn uncoded(document: Document) -> IngestDocument {
        IngestDocument {
            document,
            events: Vec::new(),
            coded: false,
        }
    }
}

/// What happened to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentOutcome {
    New,
    /// Same id, same text: nothing changed.
    Unchanged,
    /// Same id, new text: its old mentions were replaced.
    Replaced,
}

/// What one batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    pub new: usize,
    pub unchanged: usize,
    pub replaced: usize,
    /// Sentences that report at least one event.
    pub sentences: usize,
    /// Events coded from the documents (mentions stored).
    pub events: usize,
    /// Mentions that joined an event another report had already started.
    pub merged: usize,
    /// Merged events created.
    pub new_events: usize,
    /// Ids of uncoded documents whose stored version had changed by the time they were
    /// written (another writer, or an earlier document of the run): not stored; code them and
    /// store them again.
    pub stale: Vec<String>,
}

impl BatchSummary {
    pub fn add(&mut self, other: &BatchSummary) {
        self.new += other.new;
        self.unchanged += other.unchanged;
        self.replaced += other.replaced;
        self.sentences += other.sentences;
        self.events += other.events;
        self.merged += other.merged;
        self.new_events += other.new_events;
        self.stale.extend(other.stale.iter().cloned());
    }
}

/// Which events a query selects. Codes are ISO 3166 alpha-3 or organisation codes; a group
/// code expands to its members at each event's date through [`GroupMembers`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub category: Option<EventCategory>,
    pub mode: Option<String>,
    pub actor: Option<String>,
    pub recipient: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Case-insensitive words any mention's sentence contains.
    pub text: Option<String>,
    /// ISO 3166 alpha-3 code of a place of the event.
    pub country: Option<String>,
    /// GeoNames admin-1 code of a place of the event ("US.VA", "IQ.15").
    pub admin1: Option<String>,
    /// A town the event happened in or near lies within this circle.
    pub near: Option<Near>,
}

/// A circle on the map: `--near LAT,LON,KM`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub km: f64,
}

impl Near {
    /// Whether a point lies in the circle (great-circle distance).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let (lat1, lat2) = (self.lat.to_radians(), lat.to_radians());
        let dlon = (lon - self.lon).to_radians();
        let h = ((lat2 - lat1) / 2.0).sin().powi(2)
            + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin() <= self.km
    }

    /// Latitude and longitude bounds of a box around the circle, for the index.
    pub fn bounds(&self) -> ((f64, f64), (f64, f64)) {
        let dlat = self.km / 111.0;
        let cos = self.lat.to_radians().cos().max(0.01);
        let dlon = (self.km / (111.0 * cos)).min(180.0);
        (
            (self.lat - dlat, self.lat + dlat),
            (self.lon - dlon, self.lon + dlon),
        )
    }
}

/// Group membership over time ("EU" at 2022-04-05), supplied by the caller so that the store
/// does not depend on the dictionaries.
pub trait GroupMembers {
    /// Member codes of `group` at `date`, or `None` when `group` is not a group.
    fn members_at(&self, group: &str, date: NaiveDate) -> Option<Vec<String>>;
}

/// No groups: every code stands for itself.
pub struct NoGroups;

impl GroupMembers for NoGroups {
    fn members_at(&self, _group: &str, _date: NaiveDate) -> Option<Vec<String>> {
        None
    }
}

/// A merged event as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(flatten)]
    pub event: MergedEvent,
}

/// One report linked to a stored event, for `attache show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionDetail {
    pub mention: i64,
    pub document: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// "report", or "implied:ESP" for an actor's share of an aggregate claim.
    pub role: String,
    /// Why the report was merged into the event.
    pub reason: String,
    /// The coded event as the coder gave it.
    pub record: Event,
}

/// A stored event with every report behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDetail {
    #[serde(flatten)]
    pub stored: StoredEvent,
    pub mentions: Vec<MentionDetail>,
}

/// Counts of what a database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    pub documents: usize,
    pub mentions: usize,
    pub events: usize,
}

/// The storage interface the CLI works against.
pub trait EventStore {
    /// The content hash stored for a document id, to skip extracting unchanged documents.
    fn document_hash(&self, id: &str) -> Result<Option<String>, StoreError>;

    /// Whether the store holds `document` as it is (same id, same [`content_hash`]): storing
    /// it again would change nothing, so it need not be coded. The write transaction applies
    /// the same rule again (see [`IngestDocument::coded`]).
    fn unchanged(&self, document: &Document) -> Result<bool, StoreError> {
        let stored = self.document_hash(&document.id)?;
        Ok(stored.is_some_and(|hash| hash == content_hash(document)))
    }

    /// Stores a batch in one transaction: all of it, or (on error) none of it.
    fn ingest_batch(&mut self, batch: &[IngestDocument]) -> Result<BatchSummary, StoreError>;

    /// Events matching `filter`, oldest first.
    fn events(
        &self,
        filter: &Filter,
        groups: &dyn GroupMembers,
    ) -> Result<Vec<StoredEvent>, StoreError>;

    /// One event and its reports, or `None` when there is no such id.
    fn event_detail(&self, id: i64) -> Result<Option<EventDetail>, StoreError>;

    fn stats(&self) -> Result<StoreStats, StoreError>;

    /// Per-group counts of the matching events, with the aggregate claims beside them.
    fn tally(
        &self,
        filter: &Filter,
        by: GroupBy,
        groups: &dyn GroupMembers,
    ) -> Result<Tally, StoreError> {
        self.tally_of(filter, by, FigureChoice::Count, groups)
    }

    /// A tally of the chosen figure (the count, or a casualty kind), a row per group and unit.
    fn tally_of(
        &self,
        filter: &Filter,
        by: GroupBy,
        figure: FigureChoice,
        groups: &dyn GroupMembers,
    ) -> Result<Tally, StoreError> {
        let events = self.events(filter, groups)?;
        Ok(tally::tally_of(&events, filter, by, figure, groups))
    }
}

/// Where the database is: `explicit` (a `--db` option), else `$ATTACHE_DB`, else `attache.db`
/// in the current directory.
pub fn database_path(explicit: Option<std::path::PathBuf>) -> std::path::PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os("ATTACHE_DB")
                .filter(|v| !v.is_empty())
                .map(std::path::PathBuf::from)
        })
        .unwrap_or_else(|| std::path::PathBuf::from("attache.db"))
}

/// The hash that decides whether a stored document changed: FNV-1a 64 (hex) over its text and
/// publication details, so that a corrected date or outlet also replaces the old version.
/// Stable across runs and platforms.
pub fn content_hash(document: &Document) -> String {
    let p = &document.publication;
    let published = p.published.map(|d| d.to_string());
    let parts = [
        Some(document.text.as_str()),
        published.as_deref(),
        p.url.as_deref(),
        p.title.as_deref(),
        p.source.as_deref(),
    ];
    let mut hash = FNV_OFFSET;
    for part in parts {
        // A separator byte that text cannot contain keeps ("ab", "c") apart from ("a", "bc").
        hash = fnv1a_extend(hash, part.unwrap_or("").bytes().chain([0xff]));
    }
    format!("{hash:016x}")
}

/// Whether `code` (an actor or recipient code of an event on `day`) is selected by `wanted`,
/// which may be a group that stands for its members at that date.
pub fn code_matches(
    wanted: &str,
    code: &str,
    day: Option<NaiveDate>,
    groups: &dyn GroupMembers,
) -> bool {
    if wanted.eq_ignore_ascii_case(code) {
        return true;
    }
    let Some(day) = day else { return false };
    groups
        .members_at(wanted, day)
        .is_some_and(|members| members.iter().any(|m| m.eq_ignore_ascii_case(code)))
}

#[cfg(test)]
mod hash_tests {
    use super::content_hash;
    use attache_text::{Document, Publication};

    /// Stored hashes decide which documents are unchanged: the value must never change
    /// (computed with the hash as first written).
    #[test]
    fn content_hash_is_stable() {
        let document = Document {
            id: "a".into(),
            text: "Italy expelled 30 Russian diplomats.".into(),
            publication: Publication {
                published: chrono::NaiveDate::from_ymd_opt(2022, 4, 5),
                url: Some("https://example.org/a".into()),
                title: Some("Expulsions".into()),
                source: Some("FT".into()),
            },
        };
        assert_eq!(content_hash(&document), "6853418ac64f221d");
    }
}
