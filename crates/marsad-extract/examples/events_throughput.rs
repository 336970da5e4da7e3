//! Throughput of event extraction over a SaudiNewsNet JSONL file, on one thread: the NER,
//! actor and quote stages are run first (untimed), then `events::extract` alone is timed, then
//! the whole `pipeline::extract` (NER + actors + quotes + events) for comparison.
//!
//! `cargo run --release -p marsad-extract --example events_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`

use marsad_extract::{NerModel, actors, events, pipeline, quotes};
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: events_throughput FILE.jsonl[.gz|.zst] [MAX_ARTICLES]")?;
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
    // Earlier stages, untimed; the lexicon and models are loaded here too.
    let _ = events::extract_text("استقبل الرئيس الوفد");
    let model = NerModel::embedded();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let e = model.recognize(t);
            let mentions = events::mentions_as_entities(&actors::resolve(t, &e));
            (mentions, quotes::extract_with(t, &e))
        })
        .collect();

    let t = Instant::now();
    let mut found = 0;
    for (text, (mentions, quotes)) in texts.iter().zip(&prepared) {
        found += events::extract(text, mentions, quotes).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "events::extract: {} articles, {found} events in {secs:.2}s = {:.0} articles/s",
        texts.len(),
        texts.len() as f64 / secs
    );

    let t = Instant::now();
    let mut total = 0;
    for text in &texts {
        total += pipeline::extract(text).events.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "pipeline::extract (NER + actors + quotes + events): {} articles in {secs:.2}s = {:.0} articles/s ({total} events)",
        texts.len(),
        texts.len() as f64 / secs
    );
    Ok(())
}
