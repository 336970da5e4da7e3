//! `marsad actors [--limit N] [--type T] [--json]`: the most mentioned actors in the store,
//! with their type, country, aliases and roles; `marsad actors NAME` looks one up by name,
//! alias or id.

use super::data::DataArgs;
use crate::term::rtl;
use anyhow::{Context, Result};
use marsad_core::ActorType;
use marsad_index::ActorStats;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show the actors this name, alias or id resolves to, instead of the top list.
    name: Option<String>,
    /// How many actors to list.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Only actors of this type: person, government, military, party, armed_group, igo,
    /// company, media, other.
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let kind = args
        .kind
        .as_deref()
        .map(|t| {
            ActorType::parse(t).with_context(|| {
                let names: Vec<&str> = ActorType::ALL.iter().map(|k| k.name()).collect();
                format!("--type {t:?}: use one of {}", names.join(", "))
            })
        })
        .transpose()?;
    let store = args.data.open()?;
    let rows = match &args.name {
        Some(name) => store
            .actor(name)?
            .into_iter()
            .filter(|r| kind.is_none_or(|k| r.actor.kind == k))
            .take(args.limit)
            .collect(),
        None => store.actors(args.limit, kind)?,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        match &args.name {
            Some(name) => eprintln!("marsad: no actor is known as {}", rtl(&format!("«{name}»"))),
            None => match kind {
                Some(k) => eprintln!("marsad: no actors of type {k} in the store"),
                None => eprintln!("marsad: no actors in the store (ingest articles first)"),
            },
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:>4}  {:>8}  {:>8}  {:<12} {:<4} name",
        "#", "mentions", "articles", "type", "iso"
    );
    for (i, r) in rows.iter().enumerate() {
        print_row(i + 1, r);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_row(rank: usize, r: &ActorStats) {
    let a = &r.actor;
    println!(
        "{rank:>4}  {:>8}  {:>8}  {:<12} {:<4} {}  {}",
        r.mentions,
        r.articles,
        a.kind.name(),
        a.country.as_deref().unwrap_or("-"),
        rtl(&a.name),
        a.id
    );
    let others: Vec<&str> = a
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|s| *s != a.name)
        .collect();
    if !others.is_empty() {
        println!("{:>40}aliases: {}", "", rtl(&others.join(" · ")));
    }
    if !a.roles.is_empty() {
        println!("{:>40}roles: {}", "", rtl(&a.roles.join(" · ")));
    }
}
