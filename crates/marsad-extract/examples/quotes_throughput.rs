//! Throughput of quote extraction over a SaudiNewsNet JSONL file: entities are recognized
//! once (untimed, as the pipeline does), then `quotes::extract_with` is timed alone over
//! every body, best of three passes on one thread.
//!
//! `cargo run --release -p marsad-extract --example quotes_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`

use marsad_extract::{NerModel, quotes};
use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let texts = corpus::texts_from_args("quotes_throughput")?;
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
