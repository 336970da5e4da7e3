//! `marsad train events`: the learned event filter (`crates/marsad-extract/data/events/filter.tsv`).
//!
//! The rules extract their candidates from every annotated article outside the held-out part
//! (`order` 120–179 is never read here); a candidate is an event when it matches a gold event
//! the way the scorer matches (same type, overlapping triggers, one to one). A logistic
//! regression learns from those labels. The events the rules keep on their own are always
//! kept, and the threshold a vetoed candidate needs is chosen on out-of-fold predictions
//! (k contiguous folds of articles): the best event F1 (which counts the gold events no
//! candidate reaches) among the thresholds whose rescued candidates are events at least as
//! often as the rules' own events are. Deterministic: the same gold, corpus and options give
//! the same file.

use crate::eval::events::{GoldArticle, check_gold, typed_matches};
use crate::eval::{EVENTS_HELD_OUT, load_gold};
use anyhow::{Context, Result, bail};
use marsad_extract::events::Candidates;
use marsad_extract::events::filter::{self, TrainOptions};
use marsad_extract::events::rescuable;
use marsad_extract::pipeline::extract_candidates_batch;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the learned event models train on: the gold, the corpus it points into, and the
/// folds of the cross-validation that picks their thresholds (shared by `train events` and
/// `train roles`).
#[derive(Debug, clap::Args)]
pub struct TrainingData {
    /// marsad's event gold (JSONL, one article per line).
    #[arg(long, default_value = "crates/marsad-extract/tests/gold/events.jsonl")]
    pub gold: PathBuf,
    /// The corpus the gold offsets point into (the SaudiNewsNet sample, `.jsonl.gz`).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Folds of the cross-validation that picks the thresholds.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: TrainingData,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// L2 penalty.
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    pub l2: f32,
    /// Gradient steps.
    #[arg(long, default_value_t = TrainOptions::default().iterations)]
    pub iterations: usize,
    /// Minimum number of candidates a feature must occur in.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: usize,
}

/// One training article: its candidates' features, their labels, the rules that vetoed
/// each, and its gold count.
struct Article {
    samples: Vec<(Vec<String>, bool)>,
    vetoed: Vec<bool>,
    rescuable: Vec<bool>,
    vetoes: Vec<Vec<&'static str>>,
    gold: usize,
}

/// An out-of-fold prediction: probability, is an event, was vetoed.
type Scored = (f32, bool, bool);

/// Event F1 at a threshold: here, when every candidate no rule vetoed is kept, and the
/// vetoed ones with `p >= threshold` (`train triggers` uses it for the detected words).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Score {
    pub threshold: f32,
    pub kept: usize,
    pub correct: usize,
    pub gold: usize,
}

impl Score {
    pub fn p(&self) -> f64 {
        self.correct as f64 / self.kept.max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn score_at(scored: &[Scored], gold: usize, threshold: f32) -> Score {
    let mut s = Score {
        threshold,
        gold,
        ..Score::default()
    };
    for &(p, y, vetoed) in scored {
        if !vetoed || p >= threshold {
            s.kept += 1;
            s.correct += usize::from(y);
        }
    }
    s
}

/// The threshold (on a 0.01 grid) with the best F1; the lowest wins ties, keeping recall.
/// With `precise`, only among thresholds whose rescued candidates are events at least as
/// often as the rules' own events are: the filter adds recall, but never makes what a user
/// reads less precise.
fn best_threshold(scored: &[Scored], gold: usize, precise: bool) -> Score {
    let rules = score_at(scored, gold, 1.01);
    let mut best = rules;
    for i in 0..=100 {
        let s = score_at(scored, gold, i as f32 / 100.0);
        let rescued = (s.kept - rules.kept) as f64;
        let rescued_true = (s.correct - rules.correct) as f64;
        let ok = !precise || rescued_true >= rules.p() * rescued;
        if ok && s.f1() > best.f1() + 1e-9 {
            best = s;
        }
    }
    best
}

/// The annotated articles outside the held-out part, in `order`, and the rules' candidate
/// events of each: what the learned event models train on. Fewer articles than `folds` is
/// an error naming both.
pub(crate) fn training_set(data: &TrainingData) -> Result<(Vec<GoldArticle>, Vec<Candidates>)> {
    let (gold_path, corpus, folds) = (&data.gold, &data.corpus, data.folds);
    if folds < 2 {
        bail!("--folds must be at least 2");
    }
    let mut gold = load_gold(gold_path, corpus, |g: &GoldArticle| &g.head)?;
    for (g, _) in &gold {
        check_gold(g)?;
    }
    gold.retain(|(g, _)| !EVENTS_HELD_OUT.contains(&g.head.order));
    gold.sort_by_key(|(g, _)| g.head.order);
    if gold.len() < folds {
        bail!(
            "{}: {} articles outside the held-out part, fewer than the {} folds of --folds",
            gold_path.display(),
            gold.len(),
            folds
        );
    }
    let texts: Vec<&str> = gold.iter().map(|(_, c)| c.as_str()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let found = extract_candidates_batch(&texts, threads)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    Ok((gold.into_iter().map(|(g, _)| g).collect(), found))
}

/// A path's file name, for the model's provenance (the folder differs from machine to
/// machine, and the file must not).
pub(crate) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let opts = TrainOptions {
        l2: args.l2,
        iterations: args.iterations,
        min_count: args.min_count,
        ..TrainOptions::default()
    };
    let (gold, found) = training_set(&args.data)?;
    let articles: Vec<Article> = gold
        .iter()
        .zip(found)
        .map(|(g, cands)| {
            // The rules' candidates only: the detector is trained after the filter and
            // must not change what the filter learns.
            let cands = marsad_extract::events::without_learned(&cands);
            let mut labels = vec![false; cands.events.len()];
            for (_, pi) in typed_matches(&g.events, &cands.events) {
                labels[pi] = true;
            }
            Article {
                samples: cands.features.into_iter().zip(labels).collect(),
                vetoed: cands.vetoes.iter().map(|v| !v.is_empty()).collect(),
                rescuable: cands.events.iter().map(rescuable).collect(),
                vetoes: cands.vetoes,
                gold: g.events.len(),
            }
        })
        .collect();
    let n_gold: usize = articles.iter().map(|a| a.gold).sum();
    let n_cand: usize = articles.iter().map(|a| a.samples.len()).sum();
    let n_true: usize = articles
        .iter()
        .flat_map(|a| &a.samples)
        .filter(|(_, y)| *y)
        .count();

    // How often each veto is wrong: candidates it vetoed that are annotated events (alone:
    // vetoed by this rule only).
    let mut by_veto: std::collections::BTreeMap<&str, [usize; 4]> = Default::default();
    for a in &articles {
        for ((_, y), v) in a.samples.iter().zip(&a.vetoes) {
            for r in v {
                let c = by_veto.entry(r).or_default();
                c[0] += 1;
                c[1] += usize::from(*y);
                if v.len() == 1 {
                    c[2] += 1;
                    c[3] += usize::from(*y);
                }
            }
        }
    }
    eprintln!(
        "vetoes: candidates, of them annotated events; the same for candidates this rule alone vetoed"
    );
    for (r, c) in &by_veto {
        eprintln!(
            "  {r:<16} {:>5} {:>4}   {:>5} {:>4}",
            c[0], c[1], c[2], c[3]
        );
    }

    // Out-of-fold probabilities: contiguous folds of articles in `order`.
    let k = args.data.folds;
    let fold_of = |i: usize| i * k / articles.len();
    let mut scored: Vec<Scored> = Vec::with_capacity(n_cand);
    for f in 0..k {
        let train_set: Vec<(Vec<String>, bool)> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != f)
            .flat_map(|(_, a)| a.samples.iter().cloned())
            .collect();
        let model = filter::train(&train_set, opts);
        for (_, a) in articles
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) == f)
        {
            for (((x, y), v), r) in a.samples.iter().zip(&a.vetoed).zip(&a.rescuable) {
                // A candidate that cannot be rescued is scored as never kept.
                let p = if *v && !*r {
                    -1.0
                } else {
                    model.probability(x)
                };
                scored.push((p, *y, *v));
            }
        }
    }
    let rules = score_at(&scored, n_gold, 1.01);
    let best = best_threshold(&scored, n_gold, true);
    let n_vetoed = scored.iter().filter(|s| s.2).count();
    let n_vetoed_true = scored.iter().filter(|s| s.2 && s.1).count();
    eprintln!(
        "marsad: {} articles (held-out order {}..{} left out), {n_gold} gold events, {n_cand} rule candidates ({n_vetoed} vetoed), {n_true} of them events ({n_vetoed_true} vetoed)",
        articles.len(),
        EVENTS_HELD_OUT.start,
        EVENTS_HELD_OUT.end
    );
    eprintln!(
        "{k}-fold cross-validation (out-of-fold probabilities; the rules' own events are always kept):"
    );
    eprintln!("  vetoed kept at   kept  events      P      R     F1");
    let rows = [
        (rules, "no vetoed candidate: the rules alone"),
        (score_at(&scored, n_gold, 0.0), "every vetoed candidate"),
        (score_at(&scored, n_gold, 0.5), "p >= 0.5"),
        (
            best_threshold(&scored, n_gold, false),
            "best F1 at any precision",
        ),
        (best, "best, written to the model"),
    ];
    for (s, what) in rows {
        eprintln!(
            "  {:>14} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}  ({what})",
            if s.threshold > 1.0 {
                "never".to_string()
            } else {
                format!("p >= {:.2}", s.threshold)
            },
            s.kept,
            s.correct,
            s.p(),
            s.r(),
            s.f1()
        );
    }
    let all: Vec<(Vec<String>, bool)> = articles.into_iter().flat_map(|a| a.samples).collect();
    let model = filter::train(&all, opts)
        .with_threshold(best.threshold)
        .with_notes(vec![
            "marsad event filter: logistic regression over the rules' candidate events (crates/marsad-extract/src/events/filter.rs)".to_string(),
            format!(
                "rebuild: marsad train events --gold {} --corpus {} --out <this file> --folds {k} --l2 {} --iterations {} --min-count {}",
                file_name(&args.data.gold),
                file_name(&args.data.corpus),
                opts.l2,
                opts.iterations,
                opts.min_count
            ),
            format!(
                "trained on {n_cand} candidates ({n_true} events) of the gold outside order {}..{}; threshold from {k}-fold cross-validation: P {:.3} R {:.3} F1 {:.3} (rules alone F1 {:.3})",
                EVENTS_HELD_OUT.start,
                EVENTS_HELD_OUT.end,
                best.p(),
                best.r(),
                best.f1(),
                rules.f1()
            ),
        ]);
    write_model(&args.out, &model.to_tsv(), model.len(), model.threshold())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a learned event model's file and says so (shared by `train events` and `train
/// triggers`).
pub(crate) fn write_model(out: &Path, tsv: &str, features: usize, threshold: f32) -> Result<()> {
    std::fs::write(out, tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "marsad: wrote {} ({features} features, threshold {threshold:.2})",
        out.display()
    );
    Ok(())
}
