//! marsad's face on the web: an HTTP API over the store, with an OpenAPI document generated
//! from the handlers and types, and an Arabic (right-to-left) web UI embedded in the binary.
//!
//! * [`api`]: the handlers, one file per resource, and the OpenAPI document (utoipa);
//! * [`data`]: where each feature's data comes from (the store's tables, or live extraction
//!   for one article); the one place to change when a stage lands;
//! * [`security`]: the middleware: token auth for writes, Host checks, time limits, JSON
//!   errors for every refusal, CORS only when configured;
//! * [`assets`]: the UI files (`ui/`), compiled in; nothing is fetched at run time.
//!
//! Safe by default: [`Config::default`] binds 127.0.0.1, is read-only (no token), allows no
//! cross-origin requests and limits bodies to 16 MiB and requests to 30 s.
//!
//! ```no_run
//! # async fn run(store: marsad_index::Store) -> std::io::Result<()> {
//! let config = marsad_server::Config::default();
//! let listener = tokio::net::TcpListener::bind(config.addr()).await?;
//! marsad_server::serve(listener, std::sync::Arc::new(store), config, None).await
//! # }
//! ```

pub mod api;
pub mod assets;
pub mod cache;
pub mod data;
mod error;
pub mod graph_formats;
pub mod security;

pub use axum::http::StatusCode;
pub use error::{ApiError, ErrorBody, ErrorDetail};

use axum::Router;
use marsad_index::Store;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// How the server runs. Every default is the safe one.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to bind (default 127.0.0.1: only this machine can connect).
    pub bind: IpAddr,
    /// The port (0 picks a free one).
    pub port: u16,
    /// The bearer token that allows writes (`POST /api/articles`); `None`: read-only.
    pub token: Option<String>,
    /// Origins allowed to call the API from a browser (CORS); empty: none.
    pub cors_origins: Vec<String>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Longest time a request may take before a 503 `timeout` answer.
    pub request_timeout: Duration,
    /// Bytes of API responses kept for repeated requests (0: no cache); see [`cache`].
    pub cache_bytes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8780,
            token: None,
            cors_origins: Vec::new(),
            body_limit: 16 << 20,
            request_timeout: Duration::from_secs(30),
            cache_bytes: 64 << 20,
        }
    }
}

impl Config {
    /// The socket address to bind.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.bind, self.port)
    }
}

/// What `POST /api/articles` returns for one upload.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct IngestReport {
    /// Articles and records read (ingested + duplicate + already stored + failed).
    pub read: usize,
    /// New articles stored as originals.
    pub ingested: usize,
    /// New articles stored as copies of an earlier one.
    pub duplicate: usize,
    /// Articles that were stored already (same id).
    pub already_stored: usize,
    /// Records that could not be read.
    pub failed: usize,
    /// Ids of the articles read from the upload, in order.
    pub ids: Vec<String>,
    /// One line per record that failed.
    pub errors: Vec<String>,
}

/// The write side, provided by the binary (which owns the ingest pipeline: readers, dedup,
/// batching). `name` is the upload's file name (its extension breaks format ties).
pub trait Ingest: Send + Sync + 'static {
    /// Reads `bytes` as one file and stores its articles. Runs on a blocking thread; the
    /// server calls it for one upload at a time.
    fn ingest(&self, store: &Store, name: &str, bytes: &[u8]) -> Result<IngestReport, ApiError>;
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    /// The store (read side).
    pub store: Arc<Store>,
    /// The configuration.
    pub config: Arc<Config>,
    /// The write side, when this server accepts uploads.
    pub ingest: Option<Arc<dyn Ingest>>,
    /// One upload at a time.
    pub ingest_lock: Arc<tokio::sync::Mutex<()>>,
    /// Annotation counts of `/api/stats`, with the article count they were made at (they
    /// change only when articles are added).
    pub counts: Arc<std::sync::Mutex<Option<(u64, api::types::AnnotationCounts)>>>,
    /// Whether the store changed.
    pub stamp: Arc<cache::StoreStamp>,
    /// Repeated API responses.
    pub cache: Arc<cache::ResponseCache>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.store)
            .field("config", &self.config)
            .field("ingest", &self.ingest.is_some())
            .finish()
    }
}

/// The whole application: API, UI and middleware.
pub fn router(store: Arc<Store>, config: Config, ingest: Option<Arc<dyn Ingest>>) -> Router {
    let state = AppState {
        store,
        config: Arc::new(config.clone()),
        ingest,
        ingest_lock: Arc::new(tokio::sync::Mutex::new(())),
        counts: Arc::new(std::sync::Mutex::new(None)),
        stamp: Arc::new(cache::StoreStamp::default()),
        cache: Arc::new(cache::ResponseCache::new(config.cache_bytes)),
    };
    let routes = api::routes(&state).merge(assets::routes());
    security::layers(routes, state)
}

/// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Arc<Store>,
    config: Config,
    ingest: Option<Arc<dyn Ingest>>,
) -> std::io::Result<()> {
    // Read the actor registry's counts before the first visitor asks (a second or so on a
    // large store); requests that need it meanwhile wait for the same read.
    let warm = store.clone();
    tokio::task::spawn_blocking(move || {
        let _ = data::actors::snapshot(&warm);
    });
    let app = router(store, config, ingest);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
