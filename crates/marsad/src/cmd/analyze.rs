//! `marsad analyze`: read files and print what marsad sees in them.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to analyze.
    pub paths: Vec<PathBuf>,
    /// Print the tokens of each body, one per line with kind and spans.
    #[arg(long)]
    pub tokens: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let _ = args;
    Ok(ExitCode::SUCCESS)
}
