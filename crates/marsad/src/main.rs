//! The `marsad` binary: parses arguments, wires the libraries together, chooses exit codes.
//! Every subcommand lives in its own file under `cmd/`; quality gates under `eval/`.

mod cmd;
mod eval;
mod input;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// marsad (مرصد): an Arabic news observatory.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyze articles or text files and print what marsad reads in them.
    Analyze(cmd::analyze::Args),
    /// Run a quality gate; exits non-zero when a figure is below its floor.
    #[command(subcommand)]
    Eval(eval::Eval),
    /// Train a model file (reproducibly) from data.
    #[command(subcommand)]
    Train(cmd::train::Train),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Eval(e) => eval::run(e),
        Command::Train(t) => cmd::train::run(t),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("marsad: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
