//! `watch` against a local HTTP server serving fixture feeds: conditional GET (304),
//! only-new items, and failure accounting. Backoff timing is pure logic, tested in
//! `watch::backoff`; nothing here asserts on elapsed time.

use marsad_ingest::watch::{Policy, PollOutcome, Poller, WatchState};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn item(n: usize) -> String {
    format!(
        "<item><title>خبر رقم {n}</title><guid>urn:fx:{n}</guid><pubDate>Tue, 14 Mar 2023 0{n}:00:00 +0300</pubDate>\
         <description>نص الخبر رقم {n} كما نشرته الوكالة في نشرتها الصباحية.</description></item>"
    )
}

fn feed(items: usize) -> String {
    let body: String = (1..=items).map(item).collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>وكالة تجريبية</title>{body}</channel></rss>"
    )
}

/// A one-thread HTTP/1.1 server: `/feed.xml` serves version `version` (1: two items,
/// ETag "v1"; 2: three items, ETag "v2") and answers 304 to a matching If-None-Match;
/// `/broken` answers 503 with Retry-After. Every request's If-None-Match is logged.
/// Each request's path and If-None-Match header, in arrival order.
type RequestLog = Arc<Mutex<Vec<(String, Option<String>)>>>;

struct Server {
    url: String,
    version: Arc<AtomicUsize>,
    seen: RequestLog,
}

fn serve(max_requests: usize) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let version = Arc::new(AtomicUsize::new(1));
    let seen: RequestLog = Arc::new(Mutex::new(Vec::new()));
    let (v, s) = (version.clone(), seen.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_requests) {
            let Ok(mut stream) = stream else { continue };
            stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .to_string();
            let mut inm = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((k, val)) = line.split_once(':')
                    && k.eq_ignore_ascii_case("if-none-match")
                {
                    inm = Some(val.trim().to_string());
                }
            }
            s.lock().unwrap().push((path.clone(), inm.clone()));
            let version = v.load(Ordering::SeqCst);
            let etag = format!("\"v{version}\"");
            let response = if path == "/broken" {
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_string()
            } else if inm.as_deref() == Some(etag.as_str()) {
                format!("HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n")
            } else {
                let body = feed(version + 1);
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nETag: {etag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            };
            stream.write_all(response.as_bytes()).ok();
        }
    });
    Server { url, version, seen }
}

#[test]
fn conditional_get_and_only_new_items() {
    let server = serve(5);
    let feed_url = format!("{}/feed.xml", server.url);
    let mut poller = Poller::new(WatchState::default(), Duration::from_secs(10), 1 << 20);

    let PollOutcome::Fetched { new, items, failed } = poller.poll(&feed_url) else {
        panic!("first poll should fetch")
    };
    assert_eq!((new.len(), items, failed.len()), (2, 2, 0));
    assert_eq!(new[0].title, "خبر رقم 1");
    assert_eq!(new[0].outlet.as_deref(), Some("وكالة تجريبية"));

    // Unchanged: the validator goes back and the server answers 304.
    assert!(matches!(poller.poll(&feed_url), PollOutcome::NotModified));

    // A new item appears: only it is new.
    server.version.store(2, Ordering::SeqCst);
    let PollOutcome::Fetched { new, items, .. } = poller.poll(&feed_url) else {
        panic!("third poll should fetch")
    };
    assert_eq!(items, 3);
    assert_eq!(
        new.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
        ["خبر رقم 3"]
    );

    // The state survives a restart: a fresh poller with the saved state sees nothing new.
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("watch.json");
    poller.state.save(&state_file).unwrap();
    let mut restarted = Poller::new(
        WatchState::load(&state_file).unwrap(),
        Duration::from_secs(10),
        1 << 20,
    );
    assert!(matches!(
        restarted.poll(&feed_url),
        PollOutcome::NotModified
    ));

    let seen = server.seen.lock().unwrap().clone();
    let inm: Vec<Option<&str>> = seen.iter().map(|(_, h)| h.as_deref()).collect();
    assert_eq!(inm, [None, Some("\"v1\""), Some("\"v1\""), Some("\"v2\"")]);
}

#[test]
fn failures_count_up_and_carry_retry_after() {
    let server = serve(3);
    let url = format!("{}/broken", server.url);
    let mut poller = Poller::new(WatchState::default(), Duration::from_secs(10), 1 << 20);
    for expected_failures in 1..=2 {
        let PollOutcome::Failed { error, retry_after } = poller.poll(&url) else {
            panic!("should fail")
        };
        assert!(error.to_string().ends_with("HTTP 503"), "{error}");
        assert_eq!(retry_after, Some(Duration::from_secs(120)));
        assert_eq!(poller.state.feeds[&url].failures, expected_failures);
    }
    // The scheduler's delay for this state honours the server's Retry-After.
    let policy = Policy::default();
    assert!(policy.delay(&url, 2, Some(Duration::from_secs(120))) >= Duration::from_secs(120));
    // A refused connection is a failure too, not a panic.
    let mut p = Poller::new(WatchState::default(), Duration::from_secs(2), 1 << 20);
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}/feed.xml", closed.local_addr().unwrap());
    drop(closed);
    assert!(matches!(p.poll(&dead), PollOutcome::Failed { .. }));
}
