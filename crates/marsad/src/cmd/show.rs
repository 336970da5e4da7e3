//! `marsad show ID`: one article with its metadata (an id prefix is enough).

use super::data::DataArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article id, or a unique prefix of it.
    id: String,
    #[command(flatten)]
    data: DataArgs,
    /// Print the article as JSON (the `analyze --json` record, plus `copies`).
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.data.open()?;
    let matches = store.resolve_id(&args.id)?;
    let id = match matches.as_slice() {
        [] => bail!(
            "no article with id {:?}; `marsad search` lists ids",
            args.id
        ),
        [one] => one.clone(),
        many if many.contains(&args.id) => args.id.clone(),
        many => bail!(
            "{:?} matches several articles ({}); give more of the id",
            args.id,
            many.join(", ")
        ),
    };
    let Some(article) = store.get(&id)? else {
        bail!("article {id} vanished while reading; try again");
    };
    let copies = store.copies_of(&id)?;
    if args.json {
        let mut v = serde_json::to_value(&article)?;
        v["copies"] = serde_json::json!(copies);
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", crate::term::rtl(&article.title));
    println!("id         {}", article.id);
    println!(
        "source     {}{}",
        article.source.location,
        article
            .source
            .record
            .map(|r| format!("#{r}"))
            .unwrap_or_default()
    );
    println!("format     {}", article.format);
    if let Some(p) = &article.published {
        println!(
            "published  {p}{}",
            if p.is_local() { " (local time)" } else { "" }
        );
    }
    for (label, v) in [
        ("author", &article.author),
        ("outlet", &article.outlet),
        ("dateline", &article.dateline),
        ("url", &article.url),
    ] {
        if let Some(v) = v {
            println!("{label:<10} {}", crate::term::rtl(v));
        }
    }
    if article.genre != marsad_core::Genre::News {
        println!("genre      {}", article.genre.name());
    }
    if !article.tags.is_empty() {
        println!("tags       {}", crate::term::rtl(&article.tags.join("، ")));
    }
    if let Some(d) = &article.dup_of {
        println!("copy of    {d}");
    }
    if !copies.is_empty() {
        println!("copies     {}", copies.join(", "));
    }
    for d in &article.diagnostics {
        println!("note       {d}");
    }
    println!();
    for p in article.paragraphs() {
        println!("{}\n", crate::term::rtl(p));
    }
    Ok(ExitCode::SUCCESS)
}
