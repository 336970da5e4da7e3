//! When to poll next: the regular interval, exponential backoff after errors, the server's
//! Retry-After, and a minimum gap between requests to the same host. Pure functions of
//! time, so they are tested without clocks.

use std::time::Duration;

/// Polling policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Time between polls of a healthy feed.
    pub interval: Duration,
    /// First delay after an error; doubles with each consecutive error…
    pub backoff_base: Duration,
    /// …up to this.
    pub backoff_max: Duration,
    /// Minimum time between two requests to the same host.
    pub per_host_gap: Duration,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            interval: Duration::from_secs(15 * 60),
            backoff_base: Duration::from_secs(60),
            backoff_max: Duration::from_secs(6 * 3600),
            per_host_gap: Duration::from_secs(5),
        }
    }
}

/// Deterministic jitter in [0.9, 1.1) from a key, so feeds that fail together do not
/// retry together, and tests stay reproducible.
fn jitter(key: &str, attempt: u32) -> f64 {
    let h = xxhash_rust::xxh3::xxh3_64(format!("{key}\u{1f}{attempt}").as_bytes());
    0.9 + (h % 1000) as f64 / 5000.0
}

impl Policy {
    /// The delay before the next poll after `failures` consecutive errors (0 = healthy).
    /// A server's Retry-After is honoured when it asks for longer, up to the maximum.
    pub fn delay(&self, key: &str, failures: u32, retry_after: Option<Duration>) -> Duration {
        let base = if failures == 0 {
            self.interval
        } else {
            let exp = failures.saturating_sub(1).min(30);
            let d = self.backoff_base.saturating_mul(1u32 << exp.min(20));
            d.min(self.backoff_max)
                .mul_f64(jitter(key, failures))
                .min(self.backoff_max)
        };
        match retry_after {
            Some(r) if r > base => r.min(self.backoff_max.max(self.interval)),
            _ => base,
        }
    }
}

/// Parses a Retry-After header given in seconds (the HTTP-date form is rare for feeds and
/// is treated as absent).
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    v.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// The lower-cased host of a URL, the key of per-host politeness.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            interval: Duration::from_secs(600),
            backoff_base: Duration::from_secs(60),
            backoff_max: Duration::from_secs(3600),
            per_host_gap: Duration::from_secs(5),
        }
    }

    #[test]
    fn healthy_feeds_wait_the_interval() {
        assert_eq!(policy().delay("f", 0, None), Duration::from_secs(600));
    }

    #[test]
    fn errors_back_off_exponentially_with_bounded_jitter_and_a_cap() {
        let p = policy();
        let mut prev = Duration::ZERO;
        for failures in 1..=6 {
            let d = p.delay("https://a.example/rss", failures, None);
            let nominal = 60.0 * f64::from(1u32 << (failures - 1));
            let nominal = nominal.min(3600.0);
            assert!(
                d.as_secs_f64() >= nominal * 0.9 - 1e-9
                    && d.as_secs_f64() <= (nominal * 1.1).min(3600.0),
                "{failures}: {d:?}"
            );
            assert!(
                d >= prev || d.as_secs() >= 3240,
                "never shrinks before the cap"
            );
            prev = d;
        }
        assert!(p.delay("x", 40, None) <= Duration::from_secs(3600));
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let p = policy();
        assert_eq!(
            p.delay("f", 1, Some(Duration::from_secs(900))),
            Duration::from_secs(900)
        );
        assert_eq!(
            p.delay("f", 1, Some(Duration::from_secs(99_999))),
            Duration::from_secs(3600)
        );
        assert_eq!(
            p.delay("f", 0, Some(Duration::from_secs(5))),
            Duration::from_secs(600)
        );
        assert_eq!(parse_retry_after(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://User@News.Example:8080/rss?x=1"),
            "news.example:8080"
        );
        assert_eq!(host_of("http://127.0.0.1:4000/feed.xml"), "127.0.0.1:4000");
    }
}
