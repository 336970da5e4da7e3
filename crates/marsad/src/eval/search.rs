//! `marsad eval search`: known-item retrieval on SaudiNewsNet, one line per analyzer.
//!
//! Index the body of every article; for each article of the evaluation split that is not a
//! copy and has a title, query with the title; the article and its identical copies are
//! relevant. The gate: with the classic disjunctive query, marsad's chain must beat light10
//! (Lucene's algorithm) on MRR@10 in the same run; `--floor` adds an absolute floor for
//! marsad's search as it ranks (with proximity).

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::analyzer::Preset;
use marsad_index::retrieval::{self, Doc, Metrics, QueryShape};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SaudiNewsNet JSONL file (`.zst`/`.gz` read transparently).
    #[arg(long)]
    corpus: PathBuf,
    /// The split whose articles are queries.
    #[arg(long, default_value = "test")]
    split: String,
    /// Analyzer presets to run (comma-separated): plain, normalize, snowball, light10, marsad.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "plain,normalize,snowball,light10,marsad"
    )]
    presets: Vec<String>,
    /// Indexing threads. One by default: the segment layout, and so the last digits of
    /// the figures, then do not depend on thread timing.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// An absolute MRR@10 floor for marsad's search (or+proximity), on top of its chain
    /// beating light10.
    #[arg(long)]
    floor: Option<f64>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let presets = args
        .presets
        .iter()
        .map(|p| Preset::parse(p).with_context(|| format!("unknown preset {p:?}")))
        .collect::<Result<Vec<_>>>()?;
    let mut docs = Vec::new();
    input::for_each_article(&args.corpus, |v| {
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let dup_of = v.get("dup_of").and_then(|x| x.as_str()).map(str::to_string);
        let title = s("title");
        let is_query = s("split") == args.split && dup_of.is_none() && !title.trim().is_empty();
        docs.push(Doc {
            id: s("id"),
            title,
            body: s("content"),
            is_query,
            dup_of,
        });
    })?;
    if docs.is_empty() {
        bail!("{} holds no articles", args.corpus.display());
    }
    eprintln!(
        "eval search: {} articles, {} queries (split {:?})",
        docs.len(),
        docs.iter().filter(|d| d.is_query).count(),
        args.split
    );
    let mut results: Vec<Metrics> = Vec::new();
    if !args.json {
        println!(
            "| analyzer | query | MRR@10 | R@1 | R@10 | R@100 | queries | index s | docs/s | index/body | p50 ms | p90 ms | p99 ms |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }
    for preset in presets {
        // The proximity shape is what marsad's search does; it is run for light10 too, so
        // the comparison stays like for like.
        let shapes: &[QueryShape] = match preset {
            Preset::Light10 | Preset::Marsad => &[QueryShape::Disjunction, QueryShape::Proximity],
            _ => &[QueryShape::Disjunction],
        };
        for m in retrieval::evaluate(&docs, preset, shapes, args.threads)? {
            if !args.json {
                println!(
                    "| {} | {} | {:.4} | {:.4} | {:.4} | {:.4} | {} | {:.1} | {:.0} | {:.3} | {:.2} | {:.2} | {:.2} |",
                    m.analyzer,
                    m.shape.name(),
                    m.mrr_at_10,
                    m.recall_at_1,
                    m.recall_at_10,
                    m.recall_at_100,
                    m.queries,
                    m.index_secs,
                    docs.len() as f64 / m.index_secs,
                    m.index_bytes as f64 / m.body_bytes.max(1) as f64,
                    m.latency_ms[0],
                    m.latency_ms[1],
                    m.latency_ms[2],
                );
            }
            results.push(m);
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    }
    let mrr = |name: &str, shape: QueryShape| {
        results
            .iter()
            .find(|m| m.analyzer == name && m.shape == shape)
            .map(|m| m.mrr_at_10)
    };
    let mut ok = true;
    if let (Some(ours), Some(light10)) = (
        mrr("marsad", QueryShape::Disjunction),
        mrr("light10", QueryShape::Disjunction),
    ) {
        if ours <= light10 {
            eprintln!(
                "FAIL: marsad MRR@10 {ours:.4} does not beat light10 {light10:.4} (same run, same queries)"
            );
            ok = false;
        } else {
            eprintln!(
                "ok: marsad MRR@10 {ours:.4} > light10 {light10:.4} (the floor, measured in this run)"
            );
        }
    }
    if let (Some(floor), Some(best)) = (args.floor, mrr("marsad", QueryShape::Proximity)) {
        if best < floor {
            eprintln!("FAIL: marsad (or+proximity) MRR@10 {best:.4} is below the floor {floor:.4}");
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
