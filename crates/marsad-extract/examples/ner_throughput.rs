//! Throughput of `NerModel::recognize` on raw news text (tokenization, sentence splitting,
//! features, decoding and the gazetteer layer), over a SaudiNewsNet JSONL file.
//!
//! `cargo run --release -p marsad-extract --example ner_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`
//! (`bench/ner.sh` runs it pinned to one core.)

use marsad_arabic::token::Tokens;
use marsad_extract::NerModel;
use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let texts = corpus::texts_from_args("ner_throughput")?;
    let tokens: usize = texts.iter().map(|t| Tokens::new(t).count()).sum();
    let model = NerModel::embedded();
    // Load the model before timing.
    let _ = model.recognize("تحميل");
    let t = Instant::now();
    let mut entities = 0;
    for text in &texts {
        entities += model.recognize(text).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "recognize: {} articles, {tokens} tokens, {entities} entities in {secs:.2}s = {:.0} tokens/s",
        texts.len(),
        tokens as f64 / secs
    );
    Ok(())
}
