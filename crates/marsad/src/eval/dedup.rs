//! `marsad eval dedup`: dedup recall on SaudiNewsNet's 576 marked republications, the extra
//! pairs found, and a sample of them for a human to judge precision.
//!
//! SaudiNewsNet marks `dup_of` on articles whose content is identical to an earlier one.
//! marsad must flag every one of them (recall); anything else it flags is an "extra" pair,
//! either a near-duplicate the corpus does not mark or a mistake, which only reading tells.

use anyhow::{Result, bail};
use marsad_core::Article;
use marsad_ingest::dedup::{DedupOptions, dedup_with, fingerprints};
use marsad_ingest::{Event, Options, read_path};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// SaudiNewsNet JSONL (gz/zst).
    #[arg(
        long,
        default_value = "../shared/data/news_saudinewsnet/saudinewsnet_full.jsonl.zst"
    )]
    pub corpus: PathBuf,
    /// Fail when recall on the marked republications is below this.
    #[arg(long, default_value_t = 0.99)]
    pub floor: f64,
    /// How many extra pairs to print for manual review.
    #[arg(long, default_value_t = 30)]
    pub sample: usize,
    /// Start the sample this many pairs in (to review a fresh sample).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Only exact duplicates.
    #[arg(long)]
    pub exact_only: bool,
}

fn head(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    t.replace('\n', " ")
}

pub fn run(args: Args) -> Result<ExitCode> {
    // The reference: id → dup_of, straight from the records.
    let mut reference: HashMap<String, Option<String>> = HashMap::new();
    crate::input::for_each_article(&args.corpus, |v| {
        if let Some(id) = v.get("id").and_then(|x| x.as_str()) {
            reference.insert(
                id.to_string(),
                v.get("dup_of").and_then(|x| x.as_str()).map(String::from),
            );
        }
    })?;
    let marked = reference.values().filter(|d| d.is_some()).count();
    if marked == 0 {
        bail!(
            "{} marks no dup_of; not a SaudiNewsNet file?",
            args.corpus.display()
        );
    }

    let t0 = Instant::now();
    let mut articles: Vec<Article> = Vec::new();
    let mut failed = 0usize;
    read_path(&args.corpus, &Options::default(), &mut |e| match e {
        Event::Article(a) => articles.push(a),
        Event::Failed(e) => {
            failed += 1;
            eprintln!("marsad: {e}");
        }
        Event::Skipped { .. } => {}
    });
    let parse = t0.elapsed();
    let t1 = Instant::now();
    let opts = DedupOptions {
        near: !args.exact_only,
        ..DedupOptions::default()
    };
    let fps = fingerprints(&articles, opts.threads);
    let report = dedup_with(&mut articles, &fps, &opts);
    let dedup_time = t1.elapsed();

    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let by_ext: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.external_id.as_deref().map(|e| (e, i)))
        .collect();
    let ext = |i: usize| articles[i].external_id.clone().unwrap_or_default();
    // The cluster of an article: the original it points at, or itself.
    let root = |i: usize| {
        articles[i]
            .dup_of
            .as_deref()
            .and_then(|d| by_id.get(d))
            .copied()
            .unwrap_or(i)
    };
    // The corpus's dup_of follows its file order, which is not always time order: a copy
    // extracted earlier can be marked as the duplicate of a later one. A republication is
    // found when both land in one cluster, whichever marsad calls the original.
    let mut copies_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(Some(orig)) = a.external_id.as_deref().and_then(|e| reference.get(e)) {
            copies_of.entry(orig.as_str()).or_default().push(i);
        }
    }
    let mut flagged = 0;
    let mut same_direction = 0;
    let mut missed = Vec::new();
    let mut extra = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let want = reference
            .get(a.external_id.as_deref().unwrap_or(""))
            .cloned()
            .flatten();
        match want.as_deref().and_then(|w| by_ext.get(w)).copied() {
            Some(orig) => {
                if root(i) == root(orig) {
                    flagged += 1;
                    if articles[i].dup_of.is_some() {
                        same_direction += 1;
                    }
                } else {
                    missed.push(i);
                }
            }
            None => {
                // An extra pair: marsad marks a duplicate that the corpus does not, unless the
                // corpus marks the pair the other way round.
                if let Some(g) = a.dup_of.as_deref().and_then(|d| by_id.get(d)).copied() {
                    let reverse = copies_of
                        .get(a.external_id.as_deref().unwrap_or(""))
                        .is_some_and(|cs| cs.iter().any(|&c| root(c) == root(i)));
                    if !reverse {
                        extra.push((i, g));
                    }
                }
            }
        }
    }
    let recall = flagged as f64 / marked as f64;
    let mb = std::fs::metadata(&args.corpus)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    println!(
        "corpus: {} ({} articles, {failed} failed, {mb:.1} MB on disk)",
        args.corpus.display(),
        articles.len()
    );
    println!(
        "parse: {:.2} s ({:.0} articles/s); fingerprint + dedup: {:.2} s",
        parse.as_secs_f64(),
        articles.len() as f64 / parse.as_secs_f64(),
        dedup_time.as_secs_f64()
    );
    println!(
        "marked republications: {marked}; in the same duplicate cluster as their original: {flagged} (recall {recall:.4}); of these marked as the later copy: {same_direction}"
    );
    println!(
        "marsad duplicates: {} exact, {} near; extra pairs (not marked in the corpus): {}",
        report.exact,
        report.near,
        extra.len()
    );
    for &i in missed.iter().take(10) {
        println!("missed: {} {}", ext(i), head(&articles[i].title, 60));
    }
    let near: HashMap<usize, (f64, f64)> = report
        .near_pairs
        .iter()
        .map(|p| (p.later, (p.jaccard, p.containment)))
        .collect();
    // A deterministic spread over the extra pairs: every k-th.
    let step = (extra.len() / args.sample.max(1)).max(1);
    for (n, &(i, g)) in extra
        .iter()
        .skip(args.offset)
        .step_by(step)
        .take(args.sample)
        .enumerate()
    {
        let sim = near.get(&i).map_or(
            "exact copy (normalized text) of a member of the cluster".to_string(),
            |(j, c)| format!("jaccard {j:.2}, containment {c:.2}"),
        );
        println!("\nextra #{:02}: {} → {} ({sim})", n + 1, ext(i), ext(g));
        println!(
            "  later:   [{}] {} | {}",
            articles[i].outlet.as_deref().unwrap_or("-"),
            head(&articles[i].title, 70),
            head(&articles[i].body, 110)
        );
        println!(
            "  earlier: [{}] {} | {}",
            articles[g].outlet.as_deref().unwrap_or("-"),
            head(&articles[g].title, 70),
            head(&articles[g].body, 110)
        );
    }
    if recall < args.floor {
        eprintln!(
            "marsad: dedup recall {recall:.4} is below the floor {}",
            args.floor
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
