//! `marsad train triggers`: the learned trigger detector
//! (`crates/marsad-extract/data/events/detector.tsv`).
//!
//! Every word of the annotated articles outside the held-out part that no rule read as a
//! trigger (see `marsad_extract::events::detect`) is a sample: of the class of the gold event
//! whose trigger starts in it, or of no event. A multinomial logistic regression learns from
//! them. The threshold a word's likeliest type needs is chosen on out-of-fold predictions
//! (k contiguous folds of articles): the best event F1 of the extraction (the rules' events
//! as the embedded filter keeps them, plus the detected words) among the thresholds whose
//! detected words are events at least as often as the rules' own events are. So the
//! detector adds recall without making what a user reads less precise. Train it after the
//! event filter (`train events`) and before the participant models (`train roles`), which
//! weigh its events too. Deterministic.

use super::train_events::{Score, TrainingData, file_name, training_set, write_model};
use crate::eval::EVENTS_HELD_OUT;
use crate::eval::events::{scored_event, typed_matches};
use anyhow::Result;
use marsad_core::{Event, EventType};
use marsad_extract::events::detect::{self, TrainOptions, class_of};
use marsad_extract::events::filter::EventFilter;
use marsad_extract::events::{select, without_learned};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: TrainingData,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Passes over the samples.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// L2 penalty per sample.
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    pub l2: f32,
    /// Minimum number of words a feature must occur in.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: usize,
    /// Features whose weights all stay below this are dropped.
    #[arg(long, default_value_t = TrainOptions::default().prune)]
    pub prune: f32,
}

/// Event F1 of the rules' kept events plus the detected words with `p >= threshold`, and
/// how many words were added and how many of those are events.
#[derive(Debug, Clone, Copy, Default)]
struct Detected {
    score: Score,
    added: usize,
    added_correct: usize,
}

/// One article: the gold, the rules' kept events, and each weighed word's out-of-fold
/// best type and probability with its span.
struct Scored<'a> {
    gold: &'a [crate::eval::events::GoldEvent],
    kept: Vec<Event>,
    words: Vec<(EventType, f32, usize, usize)>,
}

fn score_at(articles: &[Scored<'_>], threshold: f32) -> Detected {
    let mut s = Detected {
        score: Score {
            threshold,
            ..Score::default()
        },
        ..Detected::default()
    };
    for a in articles {
        let mut pred = a.kept.clone();
        let n_rules = pred.len();
        pred.extend(
            a.words
                .iter()
                .filter(|w| w.1 >= threshold)
                .map(|&(k, _, st, en)| scored_event(k, st, en)),
        );
        let matches = typed_matches(a.gold, &pred);
        s.score.kept += pred.len();
        s.score.correct += matches.len();
        s.added += pred.len() - n_rules;
        s.added_correct += matches.iter().filter(|(_, p)| *p >= n_rules).count();
        s.score.gold += a.gold.len();
    }
    s
}

pub fn run(args: Args) -> Result<ExitCode> {
    let opts = TrainOptions {
        epochs: args.epochs,
        l2: args.l2,
        min_count: args.min_count,
        prune: args.prune,
        ..TrainOptions::default()
    };
    let (gold, found) = training_set(&args.data)?;
    // Samples: each weighed word, of the class of the gold event whose trigger starts in it.
    let samples: Vec<Vec<(Vec<String>, usize)>> = gold
        .iter()
        .zip(&found)
        .map(|(g, cands)| {
            cands
                .tokens
                .iter()
                .map(|t| {
                    let class = g
                        .events
                        .iter()
                        .find(|e| t.start <= e.trigger[0] && e.trigger[0] < t.end)
                        .map_or(0, |e| class_of(e.kind));
                    (t.features.clone(), class)
                })
                .collect()
        })
        .collect();
    let n_words: usize = samples.iter().map(Vec::len).sum();
    let n_pos: usize = samples.iter().flatten().filter(|(_, c)| *c > 0).count();
    let n_gold: usize = gold.iter().map(|g| g.events.len()).sum();

    // Out-of-fold predictions: contiguous folds of articles in `order`.
    let k = args.data.folds;
    let fold_of = |i: usize| i * k / gold.len();
    let mut words: Vec<Vec<(EventType, f32, usize, usize)>> = vec![Vec::new(); gold.len()];
    for f in 0..k {
        let train: Vec<(Vec<String>, usize)> = samples
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != f)
            .flat_map(|(_, s)| s.iter().cloned())
            .collect();
        let model = detect::train(&train, opts);
        for (i, cands) in found.iter().enumerate().filter(|(i, _)| fold_of(*i) == f) {
            words[i] = cands
                .tokens
                .iter()
                .map(|t| {
                    let (kind, p) = model.best(&t.features);
                    (kind, p, t.start, t.end)
                })
                .collect();
        }
    }
    let articles: Vec<Scored<'_>> = gold
        .iter()
        .zip(&found)
        .zip(words)
        .map(|((g, cands), words)| Scored {
            gold: &g.events,
            kept: select(&without_learned(cands), EventFilter::embedded()),
            words,
        })
        .collect();
    let rules = score_at(&articles, f32::INFINITY);
    let mut best = rules;
    let mut rows = Vec::new();
    for i in 1..100 {
        let s = score_at(&articles, i as f32 / 100.0);
        let precise = s.added_correct as f64 >= rules.score.p() * s.added as f64;
        if precise && s.score.f1() > best.score.f1() + 1e-9 {
            best = s;
        }
        if i % 10 == 0 {
            rows.push(s);
        }
    }
    eprintln!(
        "marsad: {} articles (held-out order {}..{} left out), {n_gold} gold events, {n_words} words no rule took ({n_pos} of them start a gold event)",
        gold.len(),
        EVENTS_HELD_OUT.start,
        EVENTS_HELD_OUT.end,
    );
    eprintln!(
        "{k}-fold cross-validation (out-of-fold probabilities; the rules' events as the embedded filter keeps them):"
    );
    eprintln!("  detected at   added  events   kept  events      P      R     F1");
    let line = |d: &Detected, what: &str| {
        let s = &d.score;
        eprintln!(
            "  {:>11} {:>7} {:>7} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}  {what}",
            if s.threshold.is_finite() {
                format!("p >= {:.2}", s.threshold)
            } else {
                "never".to_string()
            },
            d.added,
            d.added_correct,
            s.kept,
            s.correct,
            s.p(),
            s.r(),
            s.f1()
        )
    };
    line(&rules, "(the rules and the filter alone)");
    for s in &rows {
        line(s, "");
    }
    line(&best, "(best, written to the model)");

    let all: Vec<(Vec<String>, usize)> = samples.into_iter().flatten().collect();
    let model = detect::train(&all, opts)
        .with_threshold(if best.score.threshold.is_finite() {
            best.score.threshold
        } else {
            1.0
        })
        .with_notes(vec![
            "marsad trigger detector: multinomial logistic regression over the words no trigger rule took (crates/marsad-extract/src/events/detect.rs)".to_string(),
            format!(
                "rebuild: marsad train triggers --gold {} --corpus {} --out <this file> --folds {k} --epochs {} --l2 {} --min-count {} --prune {}",
                file_name(&args.data.gold),
                file_name(&args.data.corpus),
                opts.epochs,
                opts.l2,
                opts.min_count,
                opts.prune
            ),
            format!(
                "trained on {n_words} words ({n_pos} start a gold event) of the gold outside order {}..{}; threshold from {k}-fold cross-validation: P {:.3} R {:.3} F1 {:.3} (without the detector F1 {:.3})",
                EVENTS_HELD_OUT.start,
                EVENTS_HELD_OUT.end,
                best.score.p(),
                best.score.r(),
                best.score.f1(),
                rules.score.f1()
            ),
        ]);
    write_model(&args.out, &model.to_tsv(), model.len(), model.threshold())?;
    Ok(ExitCode::SUCCESS)
}
