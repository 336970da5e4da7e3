//! Polling feeds: conditional GET (ETag / Last-Modified), only new items, backoff on errors,
//! politeness per host. [`Poller::poll`] does one request; [`Scheduler`] decides when, and
//! the `marsad watch` command drives both with the real clock.

pub mod backoff;
mod state;

pub use backoff::{Policy, host_of, parse_retry_after};
pub use state::{FeedState, WatchState};

use crate::error::{ErrorKind, IngestError};
use crate::feed::read_feed;
use crate::limits::human_bytes;
use marsad_core::{Article, Source};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// What one poll of a feed gave.
#[derive(Debug)]
pub enum PollOutcome {
    /// 304: nothing changed since the last poll.
    NotModified,
    /// The feed was fetched; `new` holds the items not seen before, `items` counts all.
    Fetched {
        new: Vec<Article>,
        items: usize,
        failed: Vec<IngestError>,
    },
    /// The request or the feed failed; `retry_after` when the server asked for a delay.
    Failed {
        error: IngestError,
        retry_after: Option<Duration>,
    },
}

/// Fetches feeds with conditional GET and remembers what it has seen.
#[derive(Debug)]
pub struct Poller {
    agent: ureq::Agent,
    /// Validators and seen items per feed; persist it with [`WatchState::save`].
    pub state: WatchState,
    max_bytes: u64,
}

impl Poller {
    /// A poller with `state` (load it with [`WatchState::load`] to resume).
    pub fn new(state: WatchState, timeout: Duration, max_bytes: u64) -> Poller {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .user_agent(concat!(
                "marsad/",
                env!("CARGO_PKG_VERSION"),
                " (news observatory; polite polling)"
            ))
            .build()
            .into();
        Poller {
            agent,
            state,
            max_bytes,
        }
    }

    /// Polls `url` once.
    pub fn poll(&mut self, url: &str) -> PollOutcome {
        let fs = self.state.feeds.entry(url.to_string()).or_default();
        let fail = |k: ErrorKind| IngestError::new(Source::file(url), k);
        let mut req = self.agent.get(url).header(
            "Accept",
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
        );
        if let Some(etag) = &fs.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &fs.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
        let resp = match req.call() {
            Ok(r) => r,
            Err(e) => {
                fs.failures += 1;
                return PollOutcome::Failed {
                    error: fail(ErrorKind::Http(format!("request failed: {e}"))),
                    retry_after: None,
                };
            }
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if status == 304 {
            fs.failures = 0;
            return PollOutcome::NotModified;
        }
        if !(200..300).contains(&status) {
            fs.failures += 1;
            let retry_after = header("retry-after").as_deref().and_then(parse_retry_after);
            return PollOutcome::Failed {
                error: fail(ErrorKind::Http(format!("HTTP {status}"))),
                retry_after,
            };
        }
        let etag = header("etag");
        let last_modified = header("last-modified");
        let body = match resp
            .into_body()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
        {
            Ok(b) => b,
            Err(e) => {
                fs.failures += 1;
                let k = match e {
                    ureq::Error::BodyExceedsLimit(_) => ErrorKind::TooLarge {
                        what: "feed",
                        limit: human_bytes(self.max_bytes),
                    },
                    other => ErrorKind::Http(format!("reading the body failed: {other}")),
                };
                return PollOutcome::Failed {
                    error: fail(k),
                    retry_after: None,
                };
            }
        };
        let items = match read_feed(url, &body) {
            Ok(items) => items,
            Err(k) => {
                fs.failures += 1;
                return PollOutcome::Failed {
                    error: fail(k),
                    retry_after: None,
                };
            }
        };
        // Validators are stored only once the body parsed, so a broken fetch is retried in full.
        fs.etag = etag;
        fs.last_modified = last_modified;
        fs.failures = 0;
        let total = items.len();
        let mut new = Vec::new();
        let mut failed = Vec::new();
        for item in items {
            match item {
                Ok(a) => {
                    if fs.remember(&item_key(&a)) {
                        new.push(a);
                    }
                }
                Err(e) => failed.push(e),
            }
        }
        PollOutcome::Fetched {
            new,
            items: total,
            failed,
        }
    }
}

/// What identifies a feed item across polls: its guid, else its link, else its content id.
pub fn item_key(a: &Article) -> String {
    a.external_id
        .clone()
        .or_else(|| a.url.clone())
        .unwrap_or_else(|| a.id.clone())
}

/// When each feed is due, with backoff and per-host gaps.
#[derive(Debug)]
pub struct Scheduler {
    policy: Policy,
    due: Vec<(String, Instant)>,
    host_last: HashMap<String, Instant>,
}

impl Scheduler {
    /// All `feeds` due at `now`.
    pub fn new(policy: Policy, feeds: &[String], now: Instant) -> Scheduler {
        Scheduler {
            policy,
            due: feeds.iter().map(|f| (f.clone(), now)).collect(),
            host_last: HashMap::new(),
        }
    }

    /// The feed to poll next and the instant to poll it, honouring the per-host gap.
    pub fn next(&self) -> Option<(String, Instant)> {
        self.due
            .iter()
            .map(|(f, t)| {
                let host_ready = self
                    .host_last
                    .get(&host_of(f))
                    .map(|&l| l + self.policy.per_host_gap);
                (f.clone(), host_ready.map_or(*t, |h| h.max(*t)))
            })
            .min_by_key(|(_, t)| *t)
    }

    /// Records a poll of `feed` at `now` that ended with `failures` consecutive errors.
    pub fn done(&mut self, feed: &str, now: Instant, failures: u32, retry_after: Option<Duration>) {
        self.host_last.insert(host_of(feed), now);
        let delay = self.policy.delay(feed, failures, retry_after);
        if let Some(slot) = self.due.iter_mut().find(|(f, _)| f == feed) {
            slot.1 = now + delay;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduler_spaces_requests_to_one_host_and_backs_off() {
        let t0 = Instant::now();
        let policy = Policy {
            interval: Duration::from_secs(600),
            backoff_base: Duration::from_secs(60),
            backoff_max: Duration::from_secs(3600),
            per_host_gap: Duration::from_secs(10),
        };
        let feeds = vec![
            "http://a.test/1".to_string(),
            "http://a.test/2".to_string(),
            "http://b.test/".to_string(),
        ];
        let mut s = Scheduler::new(policy, &feeds, t0);
        let (f, at) = s.next().unwrap();
        assert_eq!((f.as_str(), at), ("http://a.test/1", t0));
        s.done(&f, t0, 0, None);
        // The other feed on a.test waits for the host gap; b.test does not.
        let (f, at) = s.next().unwrap();
        assert_eq!((f.as_str(), at), ("http://b.test/", t0));
        s.done(&f, t0, 2, None);
        let (f, at) = s.next().unwrap();
        assert_eq!(
            (f.as_str(), at),
            ("http://a.test/2", t0 + Duration::from_secs(10))
        );
        s.done(&f, at, 0, None);
        // b.test failed twice: about 120 s of backoff, before the 600 s interval of the others.
        let (f, at) = s.next().unwrap();
        assert_eq!(f, "http://b.test/");
        let wait = (at - t0).as_secs_f64();
        assert!((108.0..=132.0).contains(&wait), "{wait}");
    }
}
