//! Reading data files, compressed or not, for the eval and train commands.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Opens `path` for buffered reading, decompressing `.gz` and `.zst` transparently.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let name = path.to_string_lossy();
    let reader: Box<dyn Read> = if name.ends_with(".zst") {
        Box::new(
            zstd::Decoder::new(file)
                .with_context(|| format!("cannot read zstd stream {}", path.display()))?,
        )
    } else if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::with_capacity(1 << 16, reader)))
}

/// Reads the whole of `path` (decompressed) as UTF-8.
pub fn read_to_string(path: &Path) -> Result<String> {
    let mut s = String::new();
    open(path)?
        .read_to_string(&mut s)
        .with_context(|| format!("{} is not valid UTF-8 text", path.display()))?;
    Ok(s)
}

/// Calls `f` with the `content` (and `title`) of every JSONL record of a SaudiNewsNet-style
/// file; records without content are skipped.
pub fn for_each_article(path: &Path, mut f: impl FnMut(&serde_json::Value)) -> Result<usize> {
    let mut n = 0;
    for (i, line) in open(path)?.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}: line {} is not JSON", path.display(), i + 1))?;
        f(&v);
        n += 1;
    }
    Ok(n)
}
