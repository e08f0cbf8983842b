//! Read connections to the store, used from tokio's blocking threads: SQLite calls block, so
//! they never run on the threads that serve sockets.

use crate::ServeError;
use crate::error::ApiError;
use attache_store::SqliteStore;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// At most this many queries run at once; further requests wait their turn.
const CONNECTIONS: usize = 8;

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    permits: Semaphore,
}

fn open(path: &Path) -> Result<SqliteStore, attache_store::StoreError> {
    SqliteStore::open_read_only(path)
}

impl Pool {
    /// Opens one connection now, so that a missing or foreign database stops the start.
    pub fn open(path: &Path) -> Result<Pool, ServeError> {
        let first = open(path).map_err(ServeError::Store)?;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Semaphore::new(CONNECTIONS),
        })
    }

    /// Runs `query` on a connection on a blocking thread.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        query: impl FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is stopping"))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let result = query(&store);
            pool.give_back(store);
            result
        })
        .await
        .map_err(|_| ApiError::internal("a query failed unexpectedly"))?
    }

    fn take(&self) -> Result<SqliteStore, ApiError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => open(&self.path).map_err(ApiError::from),
        }
    }

    fn give_back(&self, store: SqliteStore) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}
