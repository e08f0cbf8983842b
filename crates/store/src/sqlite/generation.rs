//! Whether the database changed: for callers that keep query results between queries.

use super::SqliteStore;
use crate::StoreError;

impl SqliteStore {
    /// SQLite's `data_version` for this connection: it changes whenever another connection
    /// (another process included) commits to the database, so results read through other
    /// connections stay valid while it does not change. Compare values of one connection only.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(self.err("reading the data version"))
    }
}
