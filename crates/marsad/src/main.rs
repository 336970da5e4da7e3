//! The `marsad` binary: parses arguments, wires the libraries together, chooses exit codes.
//! Every subcommand lives in its own file under `cmd/`; quality gates under `eval/`.

mod cmd;
mod demo;
mod eval;
mod input;
mod term;

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
    /// Read files and directories into the store (incremental, idempotent, crash-safe).
    Ingest(cmd::ingest::Args),
    /// Search the store: words, "phrases", OR, -exclusions, outlet:/author:/tag: filters.
    Search(cmd::search::Args),
    /// Show one stored article with its metadata.
    Show(cmd::show::Args),
    /// What someone said: stored quotes by speaker or actor, with certainty and source.
    Quotes(cmd::quotes::Args),
    /// Counts, date range, outlets and sizes of the store.
    Stats(cmd::stats::Args),
    /// The most mentioned actors (people, governments, armies…) with their aliases and roles.
    Actors(cmd::actors::Args),
    /// One actor's profile: aliases, roles, mentions and events by month, counterparts, quotes.
    Actor(cmd::actor::Args),
    /// Events across articles (who did what to whom), filtered; as a table, JSON Lines or CSV.
    Events(cmd::events::Args),
    /// The actor graph of events, as JSON, DOT, GraphML or GEXF.
    Graph(cmd::graph::Args),
    /// Run a quality gate; exits non-zero when a figure is below its floor.
    #[command(subcommand)]
    Eval(eval::Eval),
    /// Train a model file (reproducibly) from data.
    #[command(subcommand)]
    Train(cmd::train::Train),
    /// Poll RSS/Atom feeds with conditional GET and print only new items.
    Watch(cmd::watch::Args),
    /// Serve the HTTP API and the Arabic web UI (127.0.0.1, read-only unless a token is set).
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Quotes(args) => cmd::quotes::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Actors(args) => cmd::actors::run(args),
        Command::Actor(args) => cmd::actor::run(args),
        Command::Events(args) => cmd::events::run(args),
        Command::Graph(args) => cmd::graph::run(args),
        Command::Eval(e) => eval::run(e),
        Command::Train(t) => cmd::train::run(t),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("marsad: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `marsad search … | head` closes stdout early. Rust ignores SIGPIPE, so the next
/// `println!` panics with "failed printing to stdout: Broken pipe"; a reader that went away
/// is not an error, so end quietly, as Unix tools do, instead of printing a panic.
fn quiet_on_closed_stdout() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info);
    }));
}
