//! A bounded HTTP/1.1 load generator for `bench/serve.sh`: N keep-alive connections send
//! GET requests for D seconds, cycling through a list of paths, and the latency of every
//! response is recorded (no sampling), with its body read to the end.
//!
//! ```sh
//! cargo run --release -p marsad-server --example loadgen -- \
//!     --addr 127.0.0.1:8780 --connections 50 --seconds 20 --paths paths.txt --label search
//! ```
//!
//! Prints one human line and one JSON line: requests, requests/s, p50, p90, p99 and max in
//! milliseconds, and errors (a status other than 2xx, or a failed connection or read).

use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

#[derive(Debug)]
struct Args {
    addr: String,
    connections: usize,
    seconds: f64,
    paths: Vec<String>,
    label: String,
}

fn parse_args() -> Result<Args, String> {
    let mut addr = None;
    let mut connections = 50;
    let mut seconds = 20.0;
    let mut paths_file = None;
    let mut label = "load".to_string();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--addr" => addr = Some(value()?),
            "--connections" => connections = value()?.parse().map_err(|e| format!("{e}"))?,
            "--seconds" => seconds = value()?.parse().map_err(|e| format!("{e}"))?,
            "--paths" => paths_file = Some(value()?),
            "--label" => label = value()?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let addr = addr.ok_or("--addr HOST:PORT is required")?;
    let file = paths_file.ok_or("--paths FILE is required (one request path per line)")?;
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let paths: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('/'))
        .map(str::to_string)
        .collect();
    if paths.is_empty() {
        return Err(format!("{file} has no request paths"));
    }
    if connections == 0 || seconds <= 0.0 {
        return Err("--connections and --seconds must be positive".into());
    }
    Ok(Args {
        addr,
        connections,
        seconds,
        paths,
        label,
    })
}

#[derive(Debug, Default)]
struct Tally {
    latencies_us: Vec<u64>,
    errors: u64,
    statuses: std::collections::BTreeMap<u16, u64>,
    transport_errors: u64,
    bytes: u64,
}

async fn connection(
    addr: String,
    paths: Arc<Vec<String>>,
    next: Arc<AtomicUsize>,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally::default();
    'reconnect: while Instant::now() < deadline {
        let stream = match TcpStream::connect(&addr).await {
            Ok(s) => s,
            Err(_) => {
                tally.transport_errors += 1;
                tally.errors += 1;
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (mut sender, conn) =
            match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
                Ok(pair) => pair,
                Err(_) => {
                    tally.transport_errors += 1;
                    tally.errors += 1;
                    continue;
                }
            };
        tokio::spawn(conn);
        while Instant::now() < deadline {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let path = &paths[i % paths.len()];
            let request = match Request::get(path.as_str())
                .header("host", "localhost")
                .body(Empty::<Bytes>::new())
            {
                Ok(r) => r,
                Err(_) => {
                    tally.errors += 1;
                    continue;
                }
            };
            let started = Instant::now();
            if sender.ready().await.is_err() {
                tally.transport_errors += 1;
                tally.errors += 1;
                continue 'reconnect;
            }
            let response = match sender.send_request(request).await {
                Ok(r) => r,
                Err(_) => {
                    tally.transport_errors += 1;
                    tally.errors += 1;
                    continue 'reconnect;
                }
            };
            let status = response.status().as_u16();
            let body = match response.into_body().collect().await {
                Ok(b) => b.to_bytes(),
                Err(_) => {
                    tally.transport_errors += 1;
                    tally.errors += 1;
                    continue 'reconnect;
                }
            };
            tally
                .latencies_us
                .push(started.elapsed().as_micros() as u64);
            tally.bytes += body.len() as u64;
            *tally.statuses.entry(status).or_default() += 1;
            if !(200..300).contains(&status) {
                tally.errors += 1;
            }
        }
    }
    tally
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

#[tokio::main]
async fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("loadgen: {e}");
            std::process::exit(2);
        }
    };
    let paths = Arc::new(args.paths);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(args.seconds);
    let tasks: Vec<_> = (0..args.connections)
        .map(|_| {
            tokio::spawn(connection(
                args.addr.clone(),
                paths.clone(),
                next.clone(),
                deadline,
            ))
        })
        .collect();
    let mut all = Tally::default();
    for t in tasks {
        match t.await {
            Ok(t) => {
                all.latencies_us.extend(t.latencies_us);
                all.errors += t.errors;
                all.transport_errors += t.transport_errors;
                all.bytes += t.bytes;
                for (s, n) in t.statuses {
                    *all.statuses.entry(s).or_default() += n;
                }
            }
            Err(_) => all.errors += 1,
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.latencies_us.sort_unstable();
    let n = all.latencies_us.len();
    let (p50, p90, p99) = (
        percentile(&all.latencies_us, 50.0),
        percentile(&all.latencies_us, 90.0),
        percentile(&all.latencies_us, 99.0),
    );
    let max = all
        .latencies_us
        .last()
        .map_or(f64::NAN, |m| *m as f64 / 1000.0);
    let statuses: Vec<String> = all
        .statuses
        .iter()
        .map(|(s, n)| format!("\"{s}\":{n}"))
        .collect();
    println!(
        "{}: {} connections, {:.1} s: {} requests ({:.0}/s), p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, errors {} ({} transport), {:.1} MB read",
        args.label,
        args.connections,
        elapsed,
        n,
        n as f64 / elapsed,
        p50,
        p90,
        p99,
        max,
        all.errors,
        all.transport_errors,
        all.bytes as f64 / 1e6
    );
    println!(
        "{{\"label\":\"{}\",\"connections\":{},\"seconds\":{:.3},\"requests\":{},\"rps\":{:.1},\"p50_ms\":{:.3},\"p90_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3},\"errors\":{},\"transport_errors\":{},\"statuses\":{{{}}}}}",
        args.label,
        args.connections,
        elapsed,
        n,
        n as f64 / elapsed,
        p50,
        p90,
        p99,
        max,
        all.errors,
        all.transport_errors,
        statuses.join(",")
    );
    if n == 0 {
        eprintln!("loadgen: no response at all from {}", args.addr);
        std::process::exit(1);
    }
}
