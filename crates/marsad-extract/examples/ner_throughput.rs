//! Throughput of `NerModel::recognize` on raw news text (tokenization, sentence splitting,
//! features, decoding and the gazetteer layer), over a SaudiNewsNet JSONL file.
//!
//! `cargo run --release -p marsad-extract --example ner_throughput -- FILE.jsonl.gz [MAX_ARTICLES]`
//! (`bench/ner.sh` runs it pinned to one core.)

use marsad_arabic::token::Tokens;
use marsad_extract::NerModel;
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: ner_throughput FILE.jsonl[.gz|.zst] [MAX_ARTICLES]")?;
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
