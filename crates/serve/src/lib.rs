//! `attache serve`: the event store over HTTP, read-only. A JSON API (documented in
//! `docs/api.md`) and a web page embedded in the binary (no CDN, no network) that shows, beside
//! every event, table row and tally figure, the sentences it came from.
//!
//! Safe by default: it binds to loopback; binding beyond it needs a token that every request
//! must carry ([`access`]); the database is opened for reading; filter values reach SQL only as
//! parameters (through the store); the page writes data as text, never as HTML; requests are
//! limited in size and time.

pub mod access;
mod api;
mod assets;
mod cache;
mod error;
mod params;
mod pool;
mod views;

use access::Access;
use attache_store::GroupMembers;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use error::ServeError;

/// Group membership over time, shared by the request handlers.
pub type Groups = Arc<dyn GroupMembers + Send + Sync>;

/// What `attache serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Required of every request when set; required to be set beyond loopback.
    pub token: Option<String>,
    /// The longest a request may take before it is answered 503.
    pub request_timeout: Duration,
}

impl ServeConfig {
    pub fn new(db: PathBuf, addr: SocketAddr, token: Option<String>) -> ServeConfig {
        ServeConfig {
            db,
            addr,
            token,
            request_timeout: Duration::from_secs(10),
        }
    }
}

/// What the handlers share.
pub(crate) struct AppState {
    pub pool: Arc<pool::Pool>,
    pub cache: cache::EventCache,
    pub groups: Groups,
    pub access: Access,
    pub request_timeout: Duration,
}

/// A server running on its own threads until [`RunningServer::stop`] or Ctrl-C.
pub struct RunningServer {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

impl RunningServer {
    /// The address it listens on (the port chosen when asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Blocks until the server ends (Ctrl-C).
    pub fn wait(mut self) -> Result<(), ServeError> {
        self.join()
    }

    /// Stops the server and waits for it.
    pub fn stop(mut self) -> Result<(), ServeError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.join()
    }

    fn join(&mut self) -> Result<(), ServeError> {
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(ServeError::Panicked),
            None => Ok(()),
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.join();
    }
}

/// The routes, for a store already opened.
fn router(state: Arc<AppState>) -> Router {
    api::routes()
        .merge(assets::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            access::guard,
        ))
        .with_state(state)
}

/// Checks the address and token, opens the database and starts serving on background threads.
pub fn start(config: ServeConfig, groups: Groups) -> Result<RunningServer, ServeError> {
    let access = Access::new(config.addr, config.token.clone())?;
    let pool = pool::Pool::open(&config.db)?;
    let cache = cache::EventCache::open(&config.db)?;
    let listener = std::net::TcpListener::bind(config.addr).map_err(|source| ServeError::Bind {
        addr: config.addr,
        source,
    })?;
    let addr = listener.local_addr().map_err(|source| ServeError::Bind {
        addr: config.addr,
        source,
    })?;
    listener.set_nonblocking(true).map_err(ServeError::Server)?;
    let access = access.with_bound(addr);
    let state = Arc::new(AppState {
        pool: Arc::new(pool),
        cache,
        groups,
        access,
        request_timeout: config.request_timeout,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("attache-serve")
        .build()
        .map_err(ServeError::Server)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            let listener =
                tokio::net::TcpListener::from_std(listener).map_err(ServeError::Server)?;
            let shutdown = async move {
                tokio::select! {
                    _ = stopped => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            };
            axum::serve(listener, router(state))
                .with_graceful_shutdown(shutdown)
                .await
                .map_err(ServeError::Server)
        })
    });
    Ok(RunningServer {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    })
}
