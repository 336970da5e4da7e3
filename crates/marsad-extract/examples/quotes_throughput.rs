//! Throughput of quote extraction over a SaudiNewsNet JSONL file: entities are recognized
//! once (untimed, as the pipeline does), then `quotes::extract_with` is timed alone over
//! every body, best of three passes on one thread.
//!
//! `cargo run --release -p marsad-extract --example quotes_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`

use marsad_extract::{NerModel, quotes};
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: quotes_throughput FILE.jsonl[.gz|.zst] [MAX_ARTICLES]")?;
    let max: usize = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(usize::MAX);
    let file = std::fs::File::open(&path)?;
    let reader: Box<dyn std::io::Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else if path.ends_with(".zst") {
        Box::new(zstd::Decoder::new(file)?)
    } else {
        Box::new(file)
    };
    let mut texts = Vec::new();
    for line in BufReader::new(reader).lines().take(max) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(t) = v.get("content").and_then(|c| c.as_str()) {
            texts.push(t.to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let model = NerModel::embedded();
    let entities: Vec<_> = texts.iter().map(|t| model.recognize(t)).collect();
    // Warm the lexicons before timing.
    let _ = quotes::extract("وقال الوزير إن الاجتماع انتهى.");

    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..3 {
        let t = Instant::now();
        found = texts
            .iter()
            .zip(&entities)
            .map(|(t, e)| quotes::extract_with(t, e).len())
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "quotes: {} articles, {:.1} MB, {found} quotes in {:.3} s: {:.0} articles/s, {:.2} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        best,
        texts.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
    Ok(())
}
