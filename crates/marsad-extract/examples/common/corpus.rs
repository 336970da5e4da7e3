//! The article bodies the throughput examples run over, read from a SaudiNewsNet JSONL
//! file (plain, `.gz` or `.zst`) named on the command line. Shared with `#[path]` by each
//! example; Cargo does not build this folder as an example of its own.

use std::io::{BufRead, BufReader};

/// The `content` of the first `MAX_ARTICLES` records (all when not given) of the file given
/// as the first argument; `example` names the program in the usage message.
pub fn texts_from_args(example: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| format!("usage: {example} FILE.jsonl[.gz|.zst] [MAX_ARTICLES]"))?;
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
    Ok(texts)
}
