//! Where the time of one web search goes: runs the search page's request (two title words,
//! 20 hits) over a store with facets and snippets switched on and off, and prints the mean
//! wall time and CPU time per search of each variant on one thread. On a shared machine
//! the CPU time (from /proc, Linux only) is the steadier figure.
//!
//! Usage: cargo run --release -p marsad-index --example search_profile -- DATA_DIR [N]

use marsad_index::{SearchRequest, Store};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: search_profile DATA_DIR [N]")?);
    let n: usize = args.next().map_or(Ok(2000), |s| s.parse())?;
    let store = Store::open(&dir)?;
    let conn = rusqlite::Connection::open(dir.join("marsad.sqlite"))?;
    let mut st = conn.prepare("SELECT title FROM articles ORDER BY seq")?;
    let titles: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut queries = Vec::new();
    for t in &titles {
        let words: Vec<&str> = t
            .split_whitespace()
            .filter(|w| w.chars().count() > 2)
            .collect();
        for w in words.windows(2) {
            queries.push(format!("{} {}", w[0], w[1]));
        }
        if queries.len() >= n {
            break;
        }
    }
    queries.truncate(n);
    for (facets, snippets) in [(false, false), (false, true), (true, false), (true, true)] {
        let cpu0 = cpu_seconds();
        let start = Instant::now();
        let mut hits = 0;
        for q in &queries {
            let mut r = SearchRequest::new(q.as_str());
            r.limit = 20;
            r.facets = facets;
            r.snippets = snippets;
            hits += store.search(&r)?.hits.len();
        }
        let n = queries.len() as f64;
        let per = start.elapsed().as_secs_f64() * 1e3 / n;
        let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| (b - a) * 1e3 / n);
        println!(
            "facets {facets:5} snippets {snippets:5}: wall {per:.3} ms, cpu {} ms per search over {} queries ({hits} hits)",
            cpu.map_or("-".into(), |c| format!("{c:.3}")),
            queries.len()
        );
    }
    Ok(())
}

/// User + system CPU seconds of this thread, from /proc (clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesized command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
