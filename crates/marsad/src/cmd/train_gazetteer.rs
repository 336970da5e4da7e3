//! `marsad train gazetteer`: seed the person list of the gazetteer from the UniversalPetrarch
//! Arabic actor dictionary (`crates/marsad-extract/data/gazetteer/persons_petrarch.tsv`).
//! The cleaning rules are documented in `marsad_extract::gazetteer::petrarch`.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_extract::gazetteer::{Gazetteer, petrarch};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `actor_dict_ar_v4.txt` of UniversalPetrarch's Arabic dictionaries.
    #[arg(long)]
    pub petrarch: PathBuf,
    /// Where to write the person list.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = input::read_to_string(&args.petrarch)?;
    // Checked against the hand-written lists only, so the output never depends on itself.
    let known: Vec<(&str, &str)> = marsad_extract::gazetteer::EMBEDDED
        .iter()
        .copied()
        .filter(|(name, _)| *name != "persons_petrarch.tsv")
        .collect();
    let known = Gazetteer::from_sources(&known)?;
    let seeds = petrarch::extract_persons(&text, &known);
    if seeds.is_empty() {
        bail!("{}: no person found", args.petrarch.display());
    }
    let source = args
        .petrarch
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let out = petrarch::to_text(&seeds, &source);
    std::fs::write(&args.out, &out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "marsad: {} people; wrote {}",
        seeds.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
