//! `marsad search QUERY`: ranked, filtered, highlighted search over the store.

use super::data::DataArgs;
use crate::term::{color, highlight, rtl};
use anyhow::{Context, Result};
use marsad_core::{EventType, Genre};
use marsad_index::SearchRequest;
use marsad_index::search::parse_day;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "QUERY syntax: words (all must match), \"a phrase\", a OR b, -excluded, \
outlet:\"…\", author:\"…\", tag:…, genre:opinion, title:word. Words match across diacritics, alef forms and clitics."
)]
pub struct Args {
    /// The query.
    query: Vec<String>,
    #[command(flatten)]
    data: DataArgs,
    /// Earliest publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Latest publication date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,
    /// Hits per page.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Also count hits by outlet, by month, by actor and by event type.
    #[arg(long)]
    facets: bool,
    /// Only articles that mention this actor, under any alias (a name, an alias or an id;
    /// see `marsad actors`).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Only articles reporting an event of this PLOVER type (CONSULT, ASSAULT…); repeat for
    /// any of several.
    #[arg(long = "type", value_name = "TYPE")]
    types: Vec<String>,
    /// Only news, or only opinion pieces (columns, editorials); the same as `genre:news` or
    /// `genre:opinion` in the query.
    #[arg(long, value_enum)]
    genre: Option<super::events::GenreArg>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let day = |s: &Option<String>, end: bool, flag: &str| -> Result<_> {
        s.as_deref()
            .map(|v| {
                parse_day(v, end)
                    .with_context(|| format!("{flag} {v:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
            })
            .transpose()
    };
    let event_types = args
        .types
        .iter()
        .map(|t| {
            EventType::parse(t)
                .map(|t| t.name().to_string())
                .with_context(|| {
                    format!(
                        "--type {t:?}: one of {}",
                        EventType::ALL.map(EventType::name).join(", ")
                    )
                })
        })
        .collect::<Result<Vec<_>>>()?;
    let request = SearchRequest {
        query: match args.genre {
            Some(g) => format!("{} genre:{}", args.query.join(" "), Genre::from(g).name()),
            None => args.query.join(" "),
        },
        from: day(&args.from, false, "--from")?,
        to: day(&args.to, true, "--to")?,
        limit: args.limit,
        offset: args.offset,
        facets: args.facets,
        snippets: true,
        actor: args.actor.clone(),
        event_types,
    };
    let store = args.data.open()?;
    let results = store.search(&request)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(ExitCode::SUCCESS);
    }
    let color = color();
    let shown = results.hits.len();
    println!(
        "{} result{} for {}{}{}",
        results.total,
        if results.total == 1 { "" } else { "s" },
        rtl(&format!("«{}»", request.query)),
        request.actor.as_ref().map_or(String::new(), |a| format!(
            " mentioning actor {}",
            rtl(&format!("«{a}»"))
        )),
        if shown > 0 {
            format!(" (showing {}–{})", args.offset + 1, args.offset + shown)
        } else {
            String::new()
        },
    );
    for (i, hit) in results.hits.iter().enumerate() {
        println!();
        println!("{:>3}. {}", args.offset + i + 1, rtl(&hit.title));
        let mut meta = Vec::new();
        meta.extend(hit.outlet.clone());
        if hit.genre != Genre::News.name() {
            meta.push(hit.genre.clone());
        }
        meta.extend(hit.published.clone());
        meta.push(hit.id.chars().take(16).collect());
        if let Some(d) = &hit.dup_of {
            meta.push(format!(
                "copy of {}",
                d.chars().take(16).collect::<String>()
            ));
        }
        println!("     {}", rtl(&meta.join(" · ")));
        if let Some(s) = &hit.snippet {
            let text = s.text.replace('\n', " ");
            println!("     {}", rtl(&highlight(&text, &s.highlights, color)));
        }
    }
    if let Some(f) = &results.facets {
        println!("\nby outlet:");
        for (o, n) in &f.outlets {
            println!("  {n:>8}  {}", rtl(o));
        }
        println!("by month:");
        for (m, n) in &f.months {
            println!("  {m}  {n:>8}");
        }
        if !f.actors.is_empty() {
            println!("by actor:");
            for a in &f.actors {
                println!("  {:>8}  {}", a.hits, rtl(&a.name));
            }
        }
        println!("by genre:");
        for (g, n) in &f.genres {
            println!("  {n:>8}  {g}");
        }
        if !f.event_types.is_empty() {
            println!("by event type:");
            for (t, n) in &f.event_types {
                println!("  {n:>8}  {t}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
