//! `marsad stats`: what the store holds.

use super::data::DataArgs;
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.data.open()?;
    let s = store.stats()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("data directory  {}", s.data_dir.display());
    println!(
        "articles        {} ({} duplicates)",
        s.articles, s.duplicates
    );
    if s.index_documents != s.articles {
        println!(
            "index documents {} (an ingest is running, or was killed: the next `marsad ingest` repairs it)",
            s.index_documents
        );
    }
    println!("files           {} ({} failed)", s.files, s.failed_files);
    println!(
        "published       {} … {}",
        s.earliest.as_deref().unwrap_or("-"),
        s.latest.as_deref().unwrap_or("-")
    );
    println!("index size      {}", human(s.index_bytes));
    println!("database size   {}", human(s.db_bytes));
    if !s.outlets.is_empty() {
        println!("outlets:");
        for (outlet, n) in &s.outlets {
            let name = if outlet.is_empty() {
                "(unknown)"
            } else {
                outlet
            };
            println!("  {n:>8}  {}", crate::term::rtl(name));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut u = 0;
    while v >= 1000.0 && u + 1 < UNITS.len() {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
