//! Splits bylines read from stdin, one per line, and prints `byline<TAB>author<TAB>outlet<TAB>
//! dateline` (`-` when absent), to review the parser on a corpus:
//!
//! ```sh
//! zstdcat ../shared/data/news_saudinewsnet/saudinewsnet_full.jsonl.zst \
//!     | jq -r '.author // ""' \
//!     | cargo run -q --release -p marsad-ingest --example bylines
//! ```

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let dash = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let b = marsad_ingest::byline::parse(&line);
        writeln!(
            out,
            "{line}\t{}\t{}\t{}",
            dash(b.author),
            dash(b.outlet),
            dash(b.dateline)
        )?;
    }
    Ok(())
}
