//! Throughput of actor resolution over a SaudiNewsNet JSONL file: `NerModel::recognize`
//! alone, then `actors::resolve` on its entities, then the corpus registry, each timed
//! separately on one thread.
//!
//! `cargo run --release -p marsad-extract --example actors_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`

use marsad_arabic::token::Tokens;
use marsad_extract::NerModel;
use marsad_extract::actors::{self, Registry};
use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let texts = corpus::texts_from_args("actors_throughput")?;
    let tokens: usize = texts.iter().map(|t| Tokens::new(t).count()).sum();
    let model = NerModel::embedded();
    let _ = actors::extract("تحميل موسكو");

    let t = Instant::now();
    let entities: Vec<_> = texts.iter().map(|t| model.recognize(t)).collect();
    let ner = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let found: Vec<_> = texts
        .iter()
        .zip(&entities)
        .map(|(t, e)| actors::resolve(t, e))
        .collect();
    let resolve = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut registry = Registry::new();
    let mut linked = 0;
    for f in &found {
        let (ents, _) = registry.annotate(f);
        linked += ents.iter().filter(|e| e.actor.is_some()).count();
    }
    let assign = t.elapsed().as_secs_f64();

    let n_entities: usize = entities.iter().map(Vec::len).sum();
    assert!(linked > 0, "no mention was linked to an actor");
    println!(
        "{} articles, {tokens} tokens, {n_entities} entities, {linked} mentions linked to {} actors",
        texts.len(),
        registry.len()
    );
    println!(
        "recognize {ner:.2} s ({:.0} tokens/s) | resolve {resolve:.2} s ({:.0} tokens/s) | registry {assign:.2} s",
        tokens as f64 / ner,
        tokens as f64 / resolve
    );
    Ok(())
}
