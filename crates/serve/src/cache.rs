//! Matching events kept between requests while the database does not change. The server never
//! writes, so an answer can only change when another process (`attache ingest`) commits; a
//! connection of its own watches SQLite's `data_version` for that and empties the cache when it
//! moves. A dashboard's repeated queries then cost a lookup, not a read of every event.

use crate::ServeError;
use crate::error::ApiError;
use attache_store::{EventStore, Filter, GroupMembers, SqliteStore, StoredEvent};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// At most this many events are kept, over all cached queries; then the cache starts afresh.
const MAX_CACHED_EVENTS: usize = 200_000;

pub struct EventCache {
    watcher: Mutex<SqliteStore>,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    version: i64,
    by_filter: HashMap<String, Arc<Vec<StoredEvent>>>,
    events: usize,
}

impl EventCache {
    pub fn open(path: &Path) -> Result<EventCache, ServeError> {
        let watcher = SqliteStore::open_read_only(path).map_err(ServeError::Store)?;
        let version = watcher.data_version().map_err(ServeError::Store)?;
        Ok(EventCache {
            watcher: Mutex::new(watcher),
            entries: Mutex::new(Entries {
                version,
                ..Entries::default()
            }),
        })
    }

    fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
        mutex
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The database's version now; forgets everything cached under an older one.
    fn current_version(&self) -> Result<i64, ApiError> {
        let version = Self::lock(&self.watcher).data_version()?;
        let mut entries = Self::lock(&self.entries);
        if entries.version != version {
            *entries = Entries {
                version,
                ..Entries::default()
            };
        }
        Ok(version)
    }

    /// The events matching `filter`, read through `store` unless already known.
    pub fn events(
        &self,
        store: &SqliteStore,
        filter: &Filter,
        groups: &dyn GroupMembers,
    ) -> Result<Arc<Vec<StoredEvent>>, ApiError> {
        let key = format!("{filter:?}");
        let version = self.current_version()?;
        if let Some(hit) = Self::lock(&self.entries).by_filter.get(&key) {
            return Ok(Arc::clone(hit));
        }
        let events = Arc::new(store.events(filter, groups)?);
        let mut entries = Self::lock(&self.entries);
        // Keep it only if nothing was committed since the version was read: what was read may
        // predate that commit.
        if entries.version == version && events.len() <= MAX_CACHED_EVENTS {
            if entries.events + events.len() > MAX_CACHED_EVENTS {
                entries.by_filter.clear();
                entries.events = 0;
            }
            entries.events += events.len();
            entries.by_filter.insert(key, Arc::clone(&events));
        }
        Ok(events)
    }
}
