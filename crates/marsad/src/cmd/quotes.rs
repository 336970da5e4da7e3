//! `marsad quotes --speaker NAME | --actor ID [--from DAY] [--to DAY]`: what someone said,
//! with its certainty and source article, from the store.

use super::data::DataArgs;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use marsad_index::QuoteFilter;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A speaker's name or role (a part is enough: `المسماري`, `مصادر`).
    #[arg(long)]
    speaker: Option<String>,
    /// An actor id the speaker was linked to.
    #[arg(long)]
    actor: Option<String>,
    /// First publication day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DAY")]
    from: Option<String>,
    /// Last publication day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DAY")]
    to: Option<String>,
    /// At most this many quotes.
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// JSON Lines: one quote per line with its article id, title, outlet and date.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

fn day(s: &Option<String>, what: &str) -> Result<Option<NaiveDate>> {
    s.as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .with_context(|| format!("--{what} {d:?} is not a day like 2016-05-24"))
        })
        .transpose()
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.speaker.is_none() && args.actor.is_none() {
        bail!("say whose statements to list: --speaker NAME or --actor ID");
    }
    let filter = QuoteFilter {
        speaker: args.speaker.clone(),
        actor: args.actor.clone(),
        from: day(&args.from, "from")?,
        to: day(&args.to, "to")?,
        limit: Some(args.limit),
    };
    let store = args.data.open()?;
    let found = store.quotes(&filter)?;
    for s in &found {
        if args.json {
            let mut v = serde_json::to_value(&s.quote)?;
            v["article_id"] = serde_json::json!(s.article_id);
            v["title"] = serde_json::json!(s.title);
            v["outlet"] = serde_json::json!(s.outlet);
            v["published"] = serde_json::json!(s.published);
            println!("{}", serde_json::to_string(&v)?);
            continue;
        }
        let q = &s.quote;
        println!(
            "{}  {}{}  [{}{}]",
            s.published
                .as_deref()
                .map(|p| p.get(..10).unwrap_or(p))
                .unwrap_or("----------"),
            crate::term::rtl(q.who()),
            q.role
                .as_deref()
                .filter(|r| Some(*r) != q.speaker.as_deref())
                .map(|r| format!("، {}", crate::term::rtl(r)))
                .unwrap_or_default(),
            q.certainty.label,
            q.certainty
                .cue
                .as_deref()
                .map(|c| format!(": {}", crate::term::rtl(c)))
                .unwrap_or_default(),
        );
        let mark = if q.direct { "«»" } else { "" };
        println!("    {mark}{}", crate::term::rtl(&q.text));
        println!(
            "    {} {} ({})",
            s.article_id,
            crate::term::rtl(&s.title),
            s.outlet.as_deref().unwrap_or("?")
        );
    }
    if found.is_empty() {
        eprintln!("marsad: no stored quote matches");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
