//! Shared by the API tests: a store holding the demo corpus, an in-process server on an
//! ephemeral loopback port, and a small HTTP/1.1 client.

#![allow(dead_code)]

pub mod events;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use marsad_core::Article;
use marsad_index::Store;
use marsad_ingest::dedup::{DedupOptions, dedup};
use marsad_ingest::{Event, Options};
use marsad_server::{ApiError, Config, Ingest, IngestReport};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The demo corpus folder of the binary crate.
pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../marsad/demo")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("demo folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.file_name().is_some_and(|n| n != "README.md") {
            out.push(p);
        }
    }
}

/// Every demo article, read and deduplicated as `marsad ingest` does within a batch.
pub fn demo_articles() -> Vec<Article> {
    let mut paths = Vec::new();
    files(&demo_dir(), &mut paths);
    let mut articles = Vec::new();
    for p in &paths {
        marsad_ingest::read_path(p, &Options::default(), &mut |e| {
            if let Event::Article(a) = e {
                articles.push(a);
            }
        });
    }
    dedup(&mut articles, &DedupOptions::default());
    articles
}

/// A fresh store with the demo corpus, annotated as `marsad ingest` does (entities and
/// actors through `marsad_extract::actors` and one registry).
pub fn demo_store() -> (tempfile::TempDir, Arc<Store>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    {
        let mut articles = demo_articles();
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let found = marsad_extract::actors::extract_batch(&bodies, 2);
        let mut registry = marsad_extract::actors::Registry::new();
        for (a, f) in articles.iter_mut().zip(&found) {
            (a.entities, a.actors) = registry.annotate(f);
        }
        let mut w = store.writer(1).expect("writer");
        w.put_actors(&registry.take_changed()).expect("actors");
        for a in &articles {
            w.add(a, None).expect("add");
        }
        w.finish().expect("finish");
    }
    (dir, Arc::new(store))
}

/// One shared read-only demo store for tests that do not write.
pub fn shared_store() -> Arc<Store> {
    static STORE: OnceLock<(tempfile::TempDir, Arc<Store>)> = OnceLock::new();
    STORE.get_or_init(demo_store).1.clone()
}

/// Stores uploads through the store writer (the binary wires its full ingest pipeline).
#[derive(Debug)]
pub struct TestIngest {
    /// Sleep this long first (to test the request time limit).
    pub delay: std::time::Duration,
}

impl Ingest for TestIngest {
    fn ingest(&self, store: &Store, name: &str, bytes: &[u8]) -> Result<IngestReport, ApiError> {
        std::thread::sleep(self.delay);
        let mut report = IngestReport::default();
        let mut articles = Vec::new();
        marsad_ingest::read_bytes(
            &format!("upload/{name}"),
            bytes,
            &Options::default(),
            &mut |e| match e {
                Event::Article(a) => articles.push(a),
                Event::Failed(e) => {
                    report.failed += 1;
                    report.errors.push(e.to_string());
                }
                Event::Skipped { .. } => {}
            },
        );
        report.read = articles.len() + report.failed;
        let mut w = store.writer(1).map_err(ApiError::from)?;
        for a in &articles {
            report.ids.push(a.id.clone());
            if w.add(a, None).map_err(ApiError::from)? {
                report.ingested += 1;
            } else {
                report.already_stored += 1;
            }
        }
        w.finish().map_err(ApiError::from)?;
        Ok(report)
    }
}

/// A running server.
pub struct TestServer {
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts a server over `store` on 127.0.0.1, port 0.
pub async fn start(
    store: Arc<Store>,
    mut config: Config,
    ingest: Option<Arc<dyn Ingest>>,
) -> TestServer {
    config.port = 0;
    let listener = tokio::net::TcpListener::bind(config.addr())
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = marsad_server::router(store, config, ingest);
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.expect("serve");
    });
    TestServer { addr, task }
}

/// A response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// Asserts the JSON error shape with `status` and `code`.
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert!(
            self.header("content-type")
                .is_some_and(|c| c.starts_with("application/json")),
            "error is not JSON: {:?}",
            self.headers
        );
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{v}"
        );
    }
}

/// Sends one request on a new connection. `path` is sent as is (no normalization).
pub async fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Vec<u8>>,
) -> Reply {
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(conn);
    let mut req = hyper::Request::builder().method(method).uri(path);
    let mut has_host = false;
    for (k, v) in headers {
        has_host |= k.eq_ignore_ascii_case("host");
        req = req.header(*k, *v);
    }
    if !has_host {
        req = req.header("host", format!("localhost:{}", addr.port()));
    }
    let req = req
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .expect("request");
    let response = sender.send_request(req).await.expect("response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    Reply {
        status,
        headers,
        body,
    }
}

pub async fn get(addr: SocketAddr, path: &str) -> Reply {
    send(addr, "GET", path, &[], None).await
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(*b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Slices `text` by chars.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}
