//! `marsad train …`: rebuild the model files we commit.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Train {}

pub fn run(t: Train) -> Result<ExitCode> {
    match t {}
}
