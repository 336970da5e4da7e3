//! `marsad analyze FILE|DIR… [--json] [--tokens]`: read articles from every form an archive
//! comes in, mark duplicates, and print them.
//!
//! * default: a human-readable record per article on stdout;
//! * `--json`: JSON Lines, one article per line (the schema of docs/output.md);
//! * `--tokens`: each body's tokens, one per line: `start..end byte_start..byte_end kind text`.
//!
//! Every file or record that cannot be read gets one line on stderr,
//! `marsad: <file>[#record]: <reason>`, and the batch goes on. The counts
//! read / ingested / duplicate / failed close the run on stderr.
//!
//! Exit codes: 0 when at least one article was read; 1 when nothing could be read (no input
//! file, or every input failed); 2 for usage errors.

use anyhow::{Context, Result};
use marsad_arabic::token::tokenize;
use marsad_core::Article;
use marsad_extract::actors::Registry;
use marsad_extract::events::detect::TriggerModel;
use marsad_extract::events::filter::EventFilter;
use marsad_extract::events::roles::RoleModel;
use marsad_extract::pipeline;
use marsad_ingest::dedup::{DedupOptions, dedup};
use marsad_ingest::{Event, Options, Summary, ingest_paths};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and directories to read (directories recursively; gzip/zstd transparently).
    #[arg(required_unless_present = "demo")]
    pub paths: Vec<PathBuf>,
    /// Read the demo corpus compiled into the binary (fiction written for marsad).
    #[arg(long)]
    pub demo: bool,
    /// Write JSON Lines, one article per line, to stdout.
    #[arg(long, conflicts_with = "tokens")]
    pub json: bool,
    /// Print the tokens of each body, one per line with kind and spans.
    #[arg(long)]
    pub tokens: bool,
    /// Find entities, actors, quotes and events (always on with --json); prints actors,
    /// entities and events per article.
    #[arg(long, conflicts_with = "tokens")]
    pub entities: bool,
    /// Explain the events: every candidate event the trigger rules built, kept or dropped,
    /// with the learned filter's probability and the rules that vetoed it; under a kept
    /// event, its learned participants and the likeliest candidates for them.
    #[arg(long, conflicts_with_all = ["tokens", "json", "entities"])]
    pub candidates: bool,
    /// With --json: read and deduplicate only, leaving entities, actors, quotes and events
    /// empty (the fast path, for converting archives).
    #[arg(long, requires = "json")]
    pub no_extract: bool,
    /// Only mark exact duplicates, not near-duplicates.
    #[arg(long)]
    pub exact_dups_only: bool,
    /// A JSON object mapping outlet ids (a JSONL `source` such as "alweeam") to names.
    #[arg(long, value_name = "FILE")]
    pub outlet_names: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut opts = Options::default();
    if let Some(p) = &args.outlet_names {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        let names: HashMap<String, String> = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a JSON object of strings", p.display()))?;
        opts.json.outlet_names = names;
    }
    let mut summary = Summary::default();
    let mut articles: Vec<Article> = Vec::new();
    let stderr = std::io::stderr();
    let mut sink = |event| match event {
        Event::Article(a) => articles.push(a),
        Event::Failed(e) => {
            summary.failed += 1;
            let _ = writeln!(stderr.lock(), "marsad: {e}");
        }
        Event::Skipped { .. } => summary.skipped += 1,
    };
    if args.demo {
        crate::demo::read(&opts, &mut sink);
    }
    ingest_paths(&args.paths, &opts, &mut sink);
    let dedup_opts = DedupOptions {
        near: !args.exact_dups_only,
        ..DedupOptions::default()
    };
    let report = dedup(&mut articles, &dedup_opts);
    summary.duplicate = report.exact + report.near;
    summary.ingested = articles.len() - summary.duplicate;
    summary.read = summary.ingested + summary.duplicate + summary.failed;
    if (args.json && !args.no_extract) || args.entities {
        annotate(&mut articles);
    }

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.candidates {
        write_candidates(&mut out, &articles)
    } else {
        write_articles(&mut out, &articles, &args)
    }
    .and_then(|()| out.flush());
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("cannot write to stdout");
    }
    eprintln!(
        "marsad: read {}, ingested {}, duplicate {} ({} exact, {} near), failed {}{}",
        summary.read,
        summary.ingested,
        summary.duplicate,
        report.exact,
        report.near,
        summary.failed,
        if summary.skipped > 0 {
            format!(", skipped {} non-article records", summary.skipped)
        } else {
            String::new()
        }
    );
    Ok(if summary.articles() == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_articles(out: &mut impl Write, articles: &[Article], args: &Args) -> std::io::Result<()> {
    for a in articles {
        if args.json {
            serde_json::to_writer(&mut *out, a)?;
            out.write_all(b"\n")?;
        } else if args.tokens {
            writeln!(out, "# {} {}", a.source, a.id)?;
            for t in tokenize(&a.body) {
                writeln!(out, "{}", t.line(&a.body))?;
            }
        } else {
            write_human(out, a)?;
        }
    }
    Ok(())
}

/// `--candidates`: each article's candidate events, one line each: kept (`+`) or dropped
/// (`-`), the filter's probability (the detector's for a learned trigger), type, trigger,
/// participants, certainty and vetoes.
fn write_candidates(out: &mut impl Write, articles: &[Article]) -> std::io::Result<()> {
    let model = EventFilter::embedded();
    let roles = RoleModel::embedded();
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let found = pipeline::extract_candidates_batch(&bodies, threads);
    for (a, (x, c)) in articles.iter().zip(found) {
        writeln!(
            out,
            "# {} {}: {} candidates, {} events (a vetoed candidate is kept at p >= {:.2})",
            a.source,
            a.id,
            c.events.len(),
            x.events.len(),
            model.threshold()
        )?;
        for (i, ((e, f), vetoes)) in c.events.iter().zip(&c.features).zip(&c.vetoes).enumerate() {
            let kept = x
                .events
                .iter()
                .find(|k| k.kind == e.kind && k.cue_start == e.cue_start && k.cue_end == e.cue_end);
            let name = |arg: &Option<marsad_core::Argument>| {
                arg.as_ref().map_or("-".to_string(), |a| a.name.clone())
            };
            // A word the learned detector took: its probability is the detector's.
            let learned = c.is_learned(i);
            let p = if learned {
                c.tokens
                    .iter()
                    .find(|t| t.start == e.cue_start)
                    .map_or(f32::NAN, |t| TriggerModel::embedded().best(&t.features).1)
            } else {
                model.probability(f)
            };
            writeln!(
                out,
                "{} {:.2} {:<9} [{}] {}..{}  {} → {}  {}{}",
                if kept.is_some() { '+' } else { '-' },
                p,
                e.kind.name(),
                e.cue,
                e.cue_start,
                e.cue_end,
                name(&e.source),
                name(&e.target),
                e.certainty.label,
                if learned {
                    format!(
                        "  learned trigger (kept at p >= {:.2})",
                        TriggerModel::embedded().threshold()
                    )
                } else if vetoes.is_empty() {
                    String::new()
                } else {
                    format!("  vetoed: {}", vetoes.join(", "))
                }
            )?;
            // The learned participants of a kept event, and the candidates they were chosen
            // from, likeliest first.
            if let (Some(k), Some(ch)) = (kept, c.roles.get(i).filter(|r| !r.spans.is_empty())) {
                writeln!(
                    out,
                    "    participants: {} → {}",
                    name(&k.source),
                    name(&k.target)
                )?;
                let mut scored: Vec<(f32, f32, &str)> = ch
                    .spans
                    .iter()
                    .zip(ch.source.iter().zip(&ch.target))
                    .map(|(a, (s, t))| {
                        (
                            roles.source.probability(s),
                            roles.target.probability(t),
                            a.name.as_str(),
                        )
                    })
                    .collect();
                scored.sort_by(|a, b| b.0.max(b.1).total_cmp(&a.0.max(a.1)));
                for (ps, pt, n) in scored.iter().take(4) {
                    writeln!(out, "      source {ps:.2}  target {pt:.2}  {n}")?;
                }
            }
        }
    }
    Ok(())
}

/// Named entities, actors, quotes and events for every article, in input order, with actor
/// ids from one registry over the whole run (so the same actor has the same id in every
/// line).
fn annotate(articles: &mut [Article]) {
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let found = pipeline::extract_batch(&bodies, threads);
    let mut registry = Registry::new();
    for (a, f) in articles.iter_mut().zip(found) {
        (a.entities, a.actors) = registry.annotate(&f.actors);
        a.quotes = f.quotes;
        pipeline::link_speakers(&mut a.quotes, &a.entities);
        a.events = f.events;
        pipeline::link_events(&mut a.events, &a.entities, a.published.as_ref());
    }
}

fn write_human(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "{}  [{}]  {}", a.source, a.format, a.id)?;
    writeln!(out, "  title:      {}", a.title)?;
    match &a.published {
        Some(p) => writeln!(
            out,
            "  published:  {p}{}",
            if p.is_local() {
                " (local time, zone unknown)"
            } else {
                ""
            }
        )?,
        None => writeln!(out, "  published:  -")?,
    }
    writeln!(out, "  author:     {}", opt(&a.author))?;
    writeln!(out, "  outlet:     {}", opt(&a.outlet))?;
    if a.dateline.is_some() {
        writeln!(out, "  dateline:   {}", opt(&a.dateline))?;
    }
    if a.genre != marsad_core::Genre::News {
        writeln!(out, "  genre:      {}", a.genre.name())?;
    }
    writeln!(
        out,
        "  tags:       {}",
        if a.tags.is_empty() {
            "-".into()
        } else {
            a.tags.join(" · ")
        }
    )?;
    writeln!(
        out,
        "  body:       {} paragraphs, {} chars, language {}",
        a.paragraphs().count(),
        a.body.chars().count(),
        a.language
    )?;
    if let Some(d) = &a.dup_of {
        writeln!(out, "  dup_of:     {d}")?;
    }
    for d in &a.diagnostics {
        writeln!(out, "  warning:    {d}")?;
    }
    for x in &a.actors {
        writeln!(
            out,
            "  actor:      {}  [{}{}]  {}  aliases: {}{}",
            x.name,
            x.kind,
            x.country
                .as_deref()
                .map_or(String::new(), |c| format!(", {c}")),
            x.id,
            x.aliases.join(" · "),
            if x.roles.is_empty() {
                String::new()
            } else {
                format!("  roles: {}", x.roles.join(" · "))
            }
        )?;
    }
    for e in &a.entities {
        let actor = e
            .actor
            .as_ref()
            .and_then(|id| a.actors.iter().find(|x| &x.id == id))
            .map_or(String::new(), |x| format!("  → {}", x.name));
        writeln!(
            out,
            "  entity:     {}..{} {}{} {}{actor}",
            e.start,
            e.end,
            e.kind,
            if e.nominal { " (nominal)" } else { "" },
            e.text
        )?;
    }
    for e in &a.events {
        let party = |p: &Option<marsad_core::Argument>| {
            p.as_ref()
                .map_or_else(|| "?".to_string(), |p| p.name.clone())
        };
        writeln!(
            out,
            "  event:      {}..{} {} {} → {}{}{} [{}] {}",
            e.start,
            e.end,
            e.kind,
            party(&e.source),
            party(&e.target),
            e.location
                .as_ref()
                .map_or(String::new(), |l| format!(" @ {}", l.name)),
            e.date
                .as_ref()
                .and_then(|d| d.value.as_deref())
                .map_or(String::new(), |d| format!(" on {d}")),
            e.certainty.label,
            e.cue
        )?;
    }
    writeln!(out)
}
