//! What the server remembers between requests, and how it notices that the store changed.
//!
//! * [`StoreStamp`]: the store's article count and index document count, re-read at most
//!   once per [`RECHECK`]. An upload through this server, or a `marsad ingest` run by another
//!   process into the same data directory, changes it.
//! * [`ResponseCache`]: successful `GET /api/…` responses, keyed by path and query, bounded
//!   in bytes and entries (least recently used out first), emptied whenever the stamp
//!   changes. Search results, facets and profiles are pure functions of the store, so a
//!   repeated request is answered from memory; responses carry `x-marsad-cache: hit|miss`.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use marsad_index::Store;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the store's stamp is re-read.
pub const RECHECK: Duration = Duration::from_secs(1);

/// The largest response body kept.
pub const MAX_ENTRY_BYTES: usize = 2 << 20;

/// The most entries kept.
pub const MAX_ENTRIES: usize = 20_000;

/// `(articles, index documents)`.
pub type Stamp = (u64, u64);

/// The store's state, as far as caches care.
#[derive(Debug, Default)]
pub struct StoreStamp {
    /// The last stamp read, and when.
    inner: Mutex<(Option<Stamp>, Option<Instant>)>,
}

impl StoreStamp {
    /// The current stamp: `(articles, index documents)`, re-read when older than
    /// [`RECHECK`] (blocking: a SQLite count and an index reload).
    pub fn current(&self, store: &Store) -> Stamp {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if let (Some(stamp), Some(at)) = (g.0, g.1) {
            if at.elapsed() < RECHECK {
                return stamp;
            }
        }
        let stamp = (store.count().unwrap_or(0), store.index_count().unwrap_or(0));
        *g = (Some(stamp), Some(Instant::now()));
        stamp
    }

    /// Forgets the stamp, so the next call re-reads it (after this server wrote).
    pub fn invalidate(&self) {
        *self.inner.lock().unwrap_or_else(|p| p.into_inner()) = (None, None);
    }
}

#[derive(Debug)]
struct Entry {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Bytes,
    used: u64,
}

#[derive(Debug, Default)]
struct Inner {
    stamp: Option<Stamp>,
    map: HashMap<String, Entry>,
    bytes: usize,
    clock: u64,
}

/// A bounded cache of successful API responses.
#[derive(Debug)]
pub struct ResponseCache {
    max_bytes: usize,
    inner: Mutex<Inner>,
}

impl ResponseCache {
    /// A cache holding at most `max_bytes` of bodies (0 disables it).
    pub fn new(max_bytes: usize) -> ResponseCache {
        ResponseCache {
            max_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The cached response for `key` under `stamp` (a different stamp empties the cache).
    fn get(&self, key: &str, stamp: Stamp) -> Option<Response> {
        let mut g = self.lock();
        if g.stamp != Some(stamp) {
            g.map.clear();
            g.bytes = 0;
            g.stamp = Some(stamp);
            return None;
        }
        g.clock += 1;
        let now = g.clock;
        let e = g.map.get_mut(key)?;
        e.used = now;
        let mut r = Response::new(Body::from(e.body.clone()));
        *r.status_mut() = e.status;
        if let Some(ct) = &e.content_type {
            r.headers_mut().insert(header::CONTENT_TYPE, ct.clone());
        }
        Some(r)
    }

    fn put(&self, key: String, stamp: Stamp, mut entry: Entry) {
        let mut g = self.lock();
        if g.stamp != Some(stamp) {
            return;
        }
        // A new entry counts as just used: the least recently used ones go first.
        g.clock += 1;
        entry.used = g.clock;
        let size = entry.body.len() + key.len();
        if size > self.max_bytes {
            return;
        }
        while (g.bytes + size > self.max_bytes || g.map.len() >= MAX_ENTRIES) && !g.map.is_empty() {
            let oldest = g
                .map
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                if let Some(e) = g.map.remove(&k) {
                    g.bytes -= e.body.len() + k.len();
                }
            }
        }
        if g.bytes + size <= self.max_bytes {
            g.bytes += size;
            if let Some(old) = g.map.insert(key.clone(), entry) {
                g.bytes -= old.body.len() + key.len();
            }
        }
    }

    /// Empties the cache (after this server wrote to the store).
    pub fn clear(&self) {
        let mut g = self.lock();
        g.map.clear();
        g.bytes = 0;
        g.stamp = None;
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.lock().map.len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The caching middleware for `GET /api/…`.
pub async fn layer(State(state): State<crate::AppState>, request: Request, next: Next) -> Response {
    let cacheable = state.cache.max_bytes > 0
        && request.method() == Method::GET
        && request.uri().path().starts_with("/api/");
    if !cacheable {
        return next.run(request).await;
    }
    let key = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    let (store, stamps) = (state.store.clone(), state.stamp.clone());
    let stamp = match tokio::task::spawn_blocking(move || stamps.current(&store)).await {
        Ok(s) => s,
        Err(_) => return next.run(request).await,
    };
    if let Some(mut hit) = state.cache.get(&key, stamp) {
        hit.headers_mut()
            .insert("x-marsad-cache", HeaderValue::from_static("hit"));
        return hit;
    }
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let small = http_body::Body::size_hint(response.body())
        .exact()
        .is_some_and(|n| n <= MAX_ENTRY_BYTES as u64);
    if response.status() != StatusCode::OK || !is_json || !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_ENTRY_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            return crate::ApiError::internal(format!("reading the response: {e}")).into_response();
        }
    };
    state.cache.put(
        key,
        stamp,
        Entry {
            status: parts.status,
            content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
            body: body.clone(),
            used: 0,
        },
    );
    parts
        .headers
        .insert("x-marsad-cache", HeaderValue::from_static("miss"));
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize) -> Entry {
        Entry {
            status: StatusCode::OK,
            content_type: None,
            body: Bytes::from(vec![b'x'; n]),
            used: 0,
        }
    }

    #[test]
    fn least_recently_used_goes_first_and_a_new_stamp_empties() {
        let c = ResponseCache::new(300);
        let s = (1, 1);
        assert!(c.get("a", s).is_none()); // sets the stamp
        c.put("a".into(), s, entry(120));
        c.put("b".into(), s, entry(120));
        assert!(c.get("a", s).is_some()); // a is now newer than b
        c.put("c".into(), s, entry(120)); // 3 × 121 bytes > 300: b goes
        assert!(c.get("b", s).is_none());
        assert!(c.get("a", s).is_some());
        assert!(c.get("c", s).is_some());
        c.put("d".into(), s, entry(120)); // a was used before c: a goes
        assert!(c.get("a", s).is_none());
        assert!(c.get("c", s).is_some() && c.get("d", s).is_some());
        assert_eq!(c.len(), 2);
        // Larger than the whole cache: not kept, and nothing is evicted for it.
        c.put("big".into(), s, entry(1000));
        assert!(c.get("big", s).is_none());
        assert_eq!(c.len(), 2);
        // Another stamp: everything is forgotten.
        assert!(c.get("c", (2, 2)).is_none());
        assert!(c.is_empty());
        // A put under an old stamp is dropped.
        c.put("e".into(), s, entry(10));
        assert!(c.is_empty());
    }
}
