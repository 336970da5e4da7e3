//! Throughput of event extraction over a SaudiNewsNet JSONL file, on one thread: the NER,
//! actor and quote stages are run first (untimed), then `events::extract` alone is timed, then
//! the whole `pipeline::extract` (NER + actors + quotes + events) for comparison.
//!
//! `cargo run --release -p marsad-extract --example events_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`

use marsad_extract::{NerModel, actors, events, pipeline, quotes};
use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let texts = corpus::texts_from_args("events_throughput")?;
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
