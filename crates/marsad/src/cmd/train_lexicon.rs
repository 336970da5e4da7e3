//! `marsad train lexicon`: count the word types of a news corpus into the frequency lexicon
//! that guards clitic segmentation (`crates/marsad-arabic/data/segment-lexicon.tsv`).
//!
//! The output is deterministic: it depends only on the corpus and `--min-count`, never on
//! hash order or on where the corpus file lives.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::segment::lexicon::LexiconBuilder;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSONL corpus (optionally .gz/.zst) whose records have `title` and `content`.
    #[arg(long)]
    pub corpus: PathBuf,
    /// Where to write the lexicon.
    #[arg(long)]
    pub out: PathBuf,
    /// Keep only types seen at least this many times (keeps the committed file small).
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut builder = LexiconBuilder::new();
    let records = input::for_each_article(&args.corpus, |v| {
        for field in ["title", "content"] {
            if let Some(text) = v.get(field).and_then(|t| t.as_str()) {
                builder.add_text(text);
            }
        }
    })?;
    if builder.tokens() == 0 {
        bail!("{}: no Arabic words found", args.corpus.display());
    }
    let source = args
        .corpus
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = builder.to_text(args.min_count, &source);
    std::fs::write(&args.out, &text)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "marsad: {records} records, {} Arabic word tokens, {} types; wrote {} ({} bytes)",
        builder.tokens(),
        builder.types(),
        args.out.display(),
        text.len()
    );
    Ok(ExitCode::SUCCESS)
}
