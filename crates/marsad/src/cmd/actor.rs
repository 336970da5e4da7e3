//! `marsad actor NAME|ID [--json]`: one actor's profile from the store: who it is (type,
//! country, aliases, roles), the articles naming it and its events by month, the actors it
//! acted with or on by event type, and what it said most recently.
//!
//! A name several actors go by (a bare surname) shows the most mentioned and lists the
//! others' ids. A person also lists who may be them under a shorter or fuller name
//! (`Store::possibly_same`): the bare surname of a full name, and the reverse.

use super::data::DataArgs;
use crate::term::rtl;
use anyhow::{Result, bail};
use marsad_index::QuoteFilter;
use serde_json::json;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The actor: an id, or a name or alias (search form: diacritics and alef forms do not
    /// matter).
    name: String,
    /// How many counterparts and quotes to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print the profile as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.data.open()?;
    let found = store.actor(&args.name)?;
    let Some(top) = found.first() else {
        bail!(
            "no actor is known as {}; `marsad actors` lists them",
            rtl(&format!("«{}»", args.name.trim()))
        );
    };
    let id = vec![top.actor.id.clone()];
    let mentions = store.actor_mention_months(&id)?;
    let events = store.actor_event_months(&id)?;
    let mut counterparts = store.event_counterparts(&id)?;
    counterparts.truncate(args.limit);
    // Quotes come oldest first; the profile shows the latest.
    let mut quotes = store.quotes(&QuoteFilter {
        actor: Some(top.actor.id.clone()),
        ..QuoteFilter::default()
    })?;
    quotes.reverse();
    quotes.truncate(args.limit);
    let others: Vec<&str> = found[1..].iter().map(|s| s.actor.id.as_str()).collect();
    let possibly_same = store.possibly_same(&top.actor, args.limit)?;

    if args.json {
        // Months in calendar order, with articles naming the actor and its events.
        let mut months: BTreeMap<&str, serde_json::Value> = BTreeMap::new();
        for (m, n) in &mentions {
            months.insert(
                m,
                json!({"month": m, "articles": n, "events": 0,
                "cooperation": 0, "conflict": 0}),
            );
        }
        for e in &events {
            let v = months.entry(&e.month).or_insert_with(
                || json!({"month": e.month, "articles": 0, "events": 0, "cooperation": 0, "conflict": 0}),
            );
            v["events"] = json!(e.events);
            v["cooperation"] = json!(e.cooperation);
            v["conflict"] = json!(e.conflict);
        }
        let profile = json!({
            "actor": top,
            "also": others,
            "possibly_same": possibly_same,
            "months": months.into_values().collect::<Vec<_>>(),
            "counterparts": counterparts,
            "quotes": quotes.iter().map(|q| {
                let mut v = serde_json::to_value(&q.quote).unwrap_or_default();
                v["article_id"] = json!(q.article_id);
                v["title"] = json!(q.title);
                v["outlet"] = json!(q.outlet);
                v["published"] = json!(q.published);
                v
            }).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&profile)?);
        return Ok(ExitCode::SUCCESS);
    }

    let a = &top.actor;
    println!(
        "{}  ({}{})  {}",
        rtl(&a.name),
        a.kind.name(),
        a.country
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default(),
        a.id
    );
    let aliases: Vec<&str> = a
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|s| *s != a.name)
        .collect();
    if !aliases.is_empty() {
        println!("aliases    {}", rtl(&aliases.join(" · ")));
    }
    if !a.roles.is_empty() {
        println!("roles      {}", rtl(&a.roles.join(" · ")));
    }
    println!("mentions   {} in {} articles", top.mentions, top.articles);
    if !others.is_empty() {
        println!(
            "also       {} (other actors known as {})",
            others.join(", "),
            rtl(&format!("«{}»", args.name.trim()))
        );
    }
    if !possibly_same.is_empty() {
        let names: Vec<String> = possibly_same
            .iter()
            .map(|s| format!("{} {} ({})", rtl(&s.actor.name), s.actor.id, s.mentions))
            .collect();
        println!("maybe      {}", names.join(", "));
        println!("           (a bare surname never links articles: two people can share one)");
    }
    println!();
    println!("month      articles  events  cooperation  conflict");
    let mut months: BTreeMap<&str, (u64, u64, u64, u64)> = BTreeMap::new();
    for (m, n) in &mentions {
        months.entry(m).or_default().0 = *n;
    }
    for e in &events {
        let row = months.entry(&e.month).or_default();
        (row.1, row.2, row.3) = (e.events, e.cooperation, e.conflict);
    }
    for (m, (articles, events, coop, conflict)) in &months {
        println!("{m:<9}  {articles:>8}  {events:>6}  {coop:>11}  {conflict:>8}");
    }
    println!();
    if counterparts.is_empty() {
        println!("counterparts: no events with another actor");
    } else {
        println!("counterparts by event type:");
        for c in &counterparts {
            let types: Vec<String> = c
                .by_type
                .iter()
                .map(|(t, n)| format!("{} {n}", t.name()))
                .collect();
            println!(
                "  {:>4} events  {}  {}  [{}]  ({} by it, {} on it)",
                c.events,
                rtl(&c.name),
                c.actor,
                types.join(", "),
                c.as_target,
                c.as_source
            );
        }
    }
    println!();
    if quotes.is_empty() {
        println!("quotes: none linked to this actor");
    } else {
        println!("recent quotes:");
        for q in &quotes {
            println!(
                "  {}  [{}]  {}{}{}",
                q.published
                    .as_deref()
                    .map(|p| p.get(..10).unwrap_or(p))
                    .unwrap_or("----------"),
                q.quote.certainty.label,
                if q.quote.direct { "«" } else { "" },
                rtl(&q.quote.text),
                if q.quote.direct { "»" } else { "" },
            );
            println!(
                "              {} ({})",
                q.article_id,
                q.outlet.as_deref().unwrap_or("?")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
