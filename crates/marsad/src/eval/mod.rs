//! Quality gates: `marsad eval …`. Each prints its figures and fails below its floor.

mod dedup;
mod lucene;
mod ner;
mod quotes;
mod search;
mod segment;
mod snowball;

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Eval {
    /// Dedup recall on SaudiNewsNet's marked republications, with extra pairs to review.
    Dedup(dedup::Args),
    /// Normalization, light10 and the analyzer chain against Lucene's Arabic test vectors.
    Lucene(lucene::Args),
    /// The Snowball Arabic option against the official stemmer's output.
    Snowball(snowball::Args),
    /// Known-item retrieval on SaudiNewsNet for each analyzer preset (marsad must beat light10).
    Search(search::Args),
    /// Clitic segmentation against a gold segmented corpus (QCRI WikiNews).
    Segment(segment::Args),
    /// Named-entity recognition against ANERcorp-style gold (entity-level P/R/F1).
    Ner(ner::Args),
    /// Quote detection, speaker and certainty against marsad's own annotated SaudiNewsNet set.
    Quotes(quotes::Args),
}

pub fn run(e: Eval) -> Result<ExitCode> {
    match e {
        Eval::Dedup(args) => dedup::run(args),
        Eval::Lucene(args) => lucene::run(args),
        Eval::Snowball(args) => snowball::run(args),
        Eval::Segment(args) => segment::run(args),
        Eval::Search(args) => search::run(args),
        Eval::Ner(args) => ner::run(args),
        Eval::Quotes(args) => quotes::run(args),
    }
}
