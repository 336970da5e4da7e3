//! `marsad serve [--bind ADDR] [--port N] [--data DIR | --demo]`: the HTTP API and the
//! Arabic web UI (`marsad_server`), with this binary's ingest pipeline behind
//! `POST /api/articles` when a token is configured.
//!
//! `--demo` ingests the demo corpus compiled into the binary into a fresh temporary data
//! directory (removed on exit), then serves it.
//!
//! The first line on stdout is `marsad: serving http://ADDR:PORT/`, so scripts and tests
//! that pass `--port 0` learn the port that was picked.

use super::data::DataArgs;
use super::ingest::Ingestor;
use anyhow::{Context, Result, bail};
use marsad_index::Store;
use marsad_ingest::{Event, Options};
use marsad_server::{ApiError, Config, Ingest, IngestReport, StatusCode};
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes: POST /api/articles needs `Authorization: Bearer <token>`, with the token \
from $MARSAD_TOKEN or --token-file; without one the server is read-only. The API is described at \
/api/openapi.json and in docs/api.md."
)]
pub struct Args {
    /// Address to listen on. The default answers only this machine; 0.0.0.0 opens it to the network.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port (0 picks a free one, printed on the first line).
    #[arg(long, default_value_t = 8780)]
    port: u16,
    #[command(flatten)]
    data: DataArgs,
    /// Serve the demo corpus compiled into the binary (ingested into a temporary directory).
    #[arg(long, conflicts_with = "data")]
    demo: bool,
    /// A file holding the bearer token that allows uploads (else $MARSAD_TOKEN).
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// Allow browser calls from this origin (CORS), e.g. `https://intranet.example`; repeatable.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// Largest request body, in MiB.
    #[arg(long, default_value_t = 16)]
    max_body_mb: usize,
    /// Longest time a request may take, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// MiB of API responses kept for repeated requests (0 turns the cache off).
    #[arg(long, default_value_t = 64)]
    cache_mb: usize,
    /// Worker threads of the HTTP runtime (default: the number of cores).
    #[arg(long)]
    threads: Option<usize>,
}

/// The token, from `--token-file` or `$MARSAD_TOKEN`; short tokens are refused.
fn token(args: &Args) -> Result<Option<String>> {
    let raw = match &args.token_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the token file {}", path.display()))?,
        ),
        None => std::env::var("MARSAD_TOKEN").ok(),
    };
    match raw.map(|t| t.trim().to_string()) {
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) if t.len() < 16 || t.chars().any(|c| c.is_whitespace() || c.is_control()) => bail!(
            "the token must be at least 16 characters without spaces (e.g. `openssl rand -hex 24`)"
        ),
        Some(t) => Ok(Some(t)),
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = Config {
        bind: args.bind,
        port: args.port,
        token: token(&args)?,
        cors_origins: args.cors_origins.clone(),
        body_limit: args.max_body_mb.max(1) << 20,
        request_timeout: Duration::from_secs(args.timeout.max(1)),
        cache_bytes: args.cache_mb << 20,
    };
    // The demo's directory lives until the server stops.
    let (store, _demo_dir) = if args.demo {
        let dir = tempfile::Builder::new()
            .prefix("marsad-demo-")
            .tempdir()
            .context("cannot create a temporary data directory for the demo")?;
        let store = Store::open(dir.path())?;
        let mut ingestor = Ingestor::new(&store, 2, 20_000)?;
        ingestor.demo(&Options::default())?;
        ingestor.finish()?;
        (store, Some(dir))
    } else {
        (args.data.open()?, None)
    };
    let store = Arc::new(store);
    let articles = store.count()?;
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if let Some(n) = args.threads {
        runtime.worker_threads(n.max(1));
    }
    let runtime = runtime.build().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr())
            .await
            .with_context(|| {
                format!(
                    "cannot listen on {} (is another server using the port? choose one with --port N, or --port 0 for any free port)",
                    config.addr()
                )
            })?;
        let addr = listener.local_addr()?;
        let host = if addr.ip().is_unspecified() {
            "localhost".to_string()
        } else {
            match addr.ip() {
                IpAddr::V6(ip) => format!("[{ip}]"),
                IpAddr::V4(ip) => ip.to_string(),
            }
        };
        println!("marsad: serving http://{host}:{}/", addr.port());
        std::io::stdout().flush()?;
        eprintln!(
            "marsad: {articles} articles{}; {}; Ctrl-C stops",
            if args.demo { " (demo corpus)" } else { "" },
            if config.token.is_some() {
                "uploads allowed with the token"
            } else {
                "read-only"
            }
        );
        if !addr.ip().is_loopback() {
            eprintln!(
                "marsad: warning: listening on {}, reachable from the network",
                addr.ip()
            );
        }
        let ingest: Option<Arc<dyn Ingest>> = config
            .token
            .is_some()
            .then(|| Arc::new(BinaryIngest) as Arc<dyn Ingest>);
        marsad_server::serve(listener, store, config, ingest)
            .await
            .context("the server stopped with an error")
    })?;
    eprintln!("marsad: stopped");
    Ok(ExitCode::SUCCESS)
}

/// `POST /api/articles` through the same pipeline as `marsad ingest` (readers, dedup across
/// the store, crash-safe batches).
struct BinaryIngest;

impl Ingest for BinaryIngest {
    fn ingest(&self, store: &Store, name: &str, bytes: &[u8]) -> Result<IngestReport, ApiError> {
        let internal = |e: anyhow::Error| match e.downcast_ref::<marsad_index::Error>() {
            Some(marsad_index::Error::Locked { .. }) => ApiError::new(
                StatusCode::CONFLICT,
                "store_locked",
                "another process is writing to the store; retry when it has finished",
            ),
            _ => ApiError::internal(format!("{e:#}")),
        };
        let mut ingestor = Ingestor::new(store, 1, 20_000).map_err(internal)?;
        let location = format!("upload/{name}");
        let opts = Options::default();
        let mut ids = Vec::new();
        let mut errors = Vec::new();
        ingestor
            .file(
                &location,
                bytes.len() as u64,
                0,
                true,
                |sink| {
                    marsad_ingest::read_bytes(&location, bytes, &opts, &mut |event| {
                        if let Event::Article(a) = &event {
                            ids.push(a.id.clone());
                        }
                        sink(event)
                    })
                },
                &mut |e| errors.push(e.to_string()),
            )
            .map_err(internal)?;
        let summary = ingestor.finish().map_err(internal)?;
        let s = serde_json::to_value(&summary).map_err(|e| ApiError::internal(e.to_string()))?;
        let n = |k: &str| s[k].as_u64().unwrap_or(0) as usize;
        Ok(IngestReport {
            read: n("read"),
            ingested: n("ingested"),
            duplicate: n("duplicate"),
            already_stored: n("already_stored"),
            failed: n("failed"),
            ids,
            errors,
        })
    }
}
