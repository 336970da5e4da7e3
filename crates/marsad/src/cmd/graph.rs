//! `marsad graph [--actor A --depth N] [--from D --to D] [--type T]… [--certainty C]
//! [--format json|dot|graphml|gexf]`: the actor graph from the store's events, on stdout.
//!
//! Nodes are actors, edges the events (clusters across articles) a source took towards a
//! target, with counts by type and certainty and cooperation/conflict totals. With
//! `--actor`, the actors within `--depth` steps of it and every edge among them. Dates
//! select months (edges are counted by the month of each event's first day).

use super::data::DataArgs;
use super::events::{actor_ids, certainty, day, event_types};
use anyhow::{Context, Result};
use marsad_core::Genre;
use marsad_index::{GraphFilter, graph};
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `{"nodes": […], "edges": […]}`.
    #[default]
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML (yEd, NetworkX, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the network around this actor (an id, or a name or alias: every actor it
    /// stands for).
    #[arg(long, value_name = "NAME|ID")]
    actor: Option<String>,
    /// With --actor: how many steps from it.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// First month (YYYY, YYYY-MM or YYYY-MM-DD: its month), inclusive.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last month, inclusive.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// A PLOVER event type; repeat it or separate with commas.
    #[arg(long = "type", value_name = "TYPE")]
    types: Vec<String>,
    /// Only events with this certainty.
    #[arg(long)]
    certainty: Option<String>,
    /// Only events reported in news, or only in opinion pieces.
    #[arg(long, value_enum)]
    genre: Option<super::events::GenreArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let types = event_types(&args.types)?;
    let certainty = certainty(args.certainty.as_deref())?;
    let (from, to) = (
        day(args.from.as_deref(), false)?,
        day(args.to.as_deref(), true)?,
    );
    let store = args.data.open()?;
    let actors = match &args.actor {
        Some(a) => actor_ids(&store, a)?,
        None => Vec::new(),
    };
    let g = store.event_graph(&GraphFilter {
        actors,
        depth: args.depth,
        from,
        to,
        types,
        certainty,
        genre: args.genre.map(Genre::from),
    })?;
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&g)? + "\n",
        Format::Dot => graph::dot(&g),
        Format::Graphml => graph::graphml(&g),
        Format::Gexf => graph::gexf(&g),
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("cannot write to stdout");
    }
    if g.edges.is_empty() && !store.has_events()? {
        eprintln!("marsad: the store holds no events (`marsad ingest` extracts them)");
    }
    Ok(ExitCode::SUCCESS)
}
