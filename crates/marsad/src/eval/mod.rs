//! Quality gates: `marsad eval …`. Each prints its figures and fails below its floor.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Eval {}

pub fn run(e: Eval) -> Result<ExitCode> {
    match e {}
}
