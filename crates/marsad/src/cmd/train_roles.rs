//! `marsad train roles`: the learned participant models
//! (`crates/marsad-extract/data/events/source.tsv` and `target.tsv`).
//!
//! The rules extract their candidate events from every annotated article outside the
//! held-out part (`order` 120–179 is never read here), each with its candidate participants
//! (`marsad_extract::events::roles`). For every candidate event that matches a gold event the
//! way the scorer matches (same type, overlapping triggers, one to one), a candidate phrase is
//! the source (the target) when it overlaps the gold source (target) span: the scorer's rule
//! for a right participant. A gold participant no candidate reaches teaches nothing and is
//! left out of training, but counts as an error in the figures. One logistic regression per
//! role learns from those labels. Each role's threshold (what the likeliest candidate needs
//! to fill an empty role) and margin (by how much it must beat the rules' choice to replace
//! it) are chosen on out-of-fold predictions (k contiguous folds of articles) by the
//! one-standard-error rule: the setting closest to the rules among those within one standard
//! error of the best accuracy. Deterministic: the same gold, corpus and options give the same
//! files.

use super::train_events::{TrainingData, file_name, training_set};
use crate::eval::EVENTS_HELD_OUT;
use crate::eval::events::{arg_ok, typed_matches};
use anyhow::{Context, Result, bail};
use marsad_core::Argument;
use marsad_extract::events::filter::{self, EventFilter, TrainOptions};
use marsad_extract::events::roles::{Role, RoleChoices, RoleModel, decide_with};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: TrainingData,
    /// Where to write the source model.
    #[arg(long)]
    pub source_out: PathBuf,
    /// Where to write the target model.
    #[arg(long)]
    pub target_out: PathBuf,
    /// L2 penalty (lower than the event filter's: chosen by cross-validation, 0.0005
    /// against 0.001 to 0.02).
    #[arg(long, default_value_t = 0.0005)]
    pub l2: f32,
    /// Gradient steps.
    #[arg(long, default_value_t = TrainOptions::default().iterations)]
    pub iterations: usize,
    /// Minimum number of candidates a feature must occur in.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: usize,
}

/// One matched event: its candidates, the gold and the rules' participants.
struct Matched {
    article: usize,
    choices: RoleChoices,
    gold: [Option<[usize; 2]>; 2],
    rules: [Option<Argument>; 2],
}

impl Matched {
    fn features(&self, role: usize) -> &[Vec<String>] {
        self.choices.features(Role::BOTH[role])
    }

    /// Per candidate, whether it is right for `role`: it overlaps the gold span (none is
    /// when the gold names nobody).
    fn labels(&self, role: usize) -> Vec<bool> {
        let gold = self.gold[role];
        self.choices
            .spans
            .iter()
            .map(|s| gold.is_some_and(|g| s.start < g[1] && g[0] < s.end))
            .collect()
    }

    /// Whether the right answer for `role` is among the choices: "nobody", or a candidate
    /// overlapping the gold span.
    fn reachable(&self, role: usize) -> bool {
        self.gold[role].is_none() || self.labels(role).contains(&true)
    }

    /// The training samples of `role`: every candidate with its label; none when the gold
    /// span is given but no candidate reaches it.
    fn samples(&self, role: usize) -> Vec<(Vec<String>, bool)> {
        if !self.reachable(role) {
            return Vec::new();
        }
        self.features(role)
            .iter()
            .cloned()
            .zip(self.labels(role))
            .collect()
    }
}

/// A role's threshold and margin.
#[derive(Debug, Clone, Copy)]
struct Setting {
    threshold: f32,
    margin: f32,
}

/// Per matched event and role, the out-of-fold probabilities of its candidates.
type Probs = Vec<[Vec<f32>; 2]>;

/// The candidate each role gets, as `RoleModel::decide` chooses.
fn decide(m: &Matched, p: &[Vec<f32>; 2], s: [Setting; 2]) -> [Option<usize>; 2] {
    let (source, target) = decide_with(
        &m.choices,
        [&p[0], &p[1]],
        [(s[0].threshold, s[0].margin), (s[1].threshold, s[1].margin)],
    );
    [source, target]
}

/// How many matched events get `role` right with these settings.
fn correct(events: &[Matched], probs: &Probs, s: [Setting; 2], role: usize) -> usize {
    events
        .iter()
        .zip(probs)
        .filter(|(m, p)| {
            let chosen = decide(m, p, s)[role];
            arg_ok(m.gold[role], chosen.map(|i| &m.choices.spans[i]))
        })
        .count()
}

/// Margins tried: from always replacing the rules' choice when another candidate is more
/// probable (0) to never (infinite).
const MARGINS: [f32; 8] = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, f32::INFINITY];

/// The setting of `role` (thresholds on a 0.01 grid, the margins above), the others fixed,
/// by the one-standard-error rule: among the settings whose accuracy is within one standard
/// error of the best, the one closest to the rules (the largest margin, then the largest
/// threshold). Over a few hundred events the accuracy is flat across a wide band of
/// settings, and within it the data cannot tell them apart; the rules' reading rests on
/// tests of its own, so they keep it.
fn best_setting(
    events: &[Matched],
    probs: &Probs,
    fixed: [Setting; 2],
    role: usize,
) -> (Setting, usize) {
    let mut all = Vec::new();
    for margin in MARGINS {
        for i in 0..=100 {
            let mut s = fixed;
            s[role] = Setting {
                threshold: i as f32 / 100.0,
                margin,
            };
            all.push((s[role], correct(events, probs, s, role)));
        }
    }
    let n = events.len().max(1) as f64;
    let top = all.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let p = top as f64 / n;
    let se = (p * (1.0 - p) / n).sqrt() * n;
    let floor = top as f64 - se;
    all.into_iter()
        .filter(|(_, c)| *c as f64 >= floor)
        .max_by(|(a, _), (b, _)| {
            a.margin
                .total_cmp(&b.margin)
                .then(a.threshold.total_cmp(&b.threshold))
        })
        .unwrap_or((fixed[role], 0))
}

const ROLES: [&str; 2] = ["source", "target"];

pub fn run(args: Args) -> Result<ExitCode> {
    let opts = TrainOptions {
        l2: args.l2,
        iterations: args.iterations,
        min_count: args.min_count,
        ..TrainOptions::default()
    };
    let (gold, found) = training_set(&args.data)?;
    let mut events: Vec<Matched> = Vec::new();
    for (article, (g, cands)) in gold.iter().zip(found).enumerate() {
        for (gi, pi) in typed_matches(&g.events, &cands.events) {
            let Some(choices) = cands.roles.get(pi).filter(|c| !c.spans.is_empty()) else {
                continue;
            };
            let e = &cands.events[pi];
            events.push(Matched {
                article,
                choices: choices.clone(),
                gold: [g.events[gi].source, g.events[gi].target],
                rules: [e.source.clone(), e.target.clone()],
            });
        }
    }
    if events.is_empty() {
        bail!(
            "{}: no candidate event matches a gold event",
            args.data.gold.display()
        );
    }
    let n = events.len();
    let k = args.data.folds;
    let fold_of = |article: usize| article * k / gold.len();
    let mut probs: Probs = vec![[Vec::new(), Vec::new()]; n];
    for f in 0..k {
        for role in 0..2 {
            let train_set: Vec<(Vec<String>, bool)> = events
                .iter()
                .filter(|m| fold_of(m.article) != f)
                .flat_map(|m| m.samples(role))
                .collect();
            let model = filter::train(&train_set, opts);
            for (m, p) in events.iter().zip(probs.iter_mut()) {
                if fold_of(m.article) == f {
                    p[role] = m
                        .features(role)
                        .iter()
                        .map(|x| model.probability(x))
                        .collect();
                }
            }
        }
    }
    let start = Setting {
        threshold: 0.5,
        margin: 0.0,
    };
    // Each role's choice depends on the other's (an overlap goes to the surer role): two
    // rounds of coordinate search.
    let mut settings = [start, start];
    for _ in 0..2 {
        for role in 0..2 {
            settings[role] = best_setting(&events, &probs, settings, role).0;
        }
    }
    eprintln!("{k}-fold cross-validation, right participants by margin (best threshold for each):");
    eprintln!("  margin   source   target");
    for margin in MARGINS {
        let mut row = [0.0; 2];
        for role in 0..2 {
            let mut best = 0;
            for i in 0..=100 {
                let mut s = settings;
                s[role] = Setting {
                    threshold: i as f32 / 100.0,
                    margin,
                };
                best = best.max(correct(&events, &probs, s, role));
            }
            row[role] = best as f64 / events.len() as f64;
        }
        eprintln!("  {margin:>6} {:>8.3} {:>8.3}", row[0], row[1]);
    }
    eprintln!(
        "marsad: {} articles (held-out order {}..{} left out), {n} candidate events matching a gold event",
        gold.len(),
        EVENTS_HELD_OUT.start,
        EVENTS_HELD_OUT.end
    );
    eprintln!("{k}-fold cross-validation, right participants of the {n} matched events:");
    eprintln!("  role    gold given  reachable   rules   model  threshold  margin");
    let mut notes = Vec::new();
    for role in 0..2 {
        let given = events.iter().filter(|m| m.gold[role].is_some()).count();
        let reachable = events.iter().filter(|m| m.reachable(role)).count();
        let rules = events
            .iter()
            .filter(|m| arg_ok(m.gold[role], m.rules[role].as_ref()))
            .count();
        let model = correct(&events, &probs, settings, role);
        let ratio = |c: usize| c as f64 / n as f64;
        eprintln!(
            "  {:<7} {given:>10} {:>10.3} {:>7.3} {:>7.3} {:>10.2} {:>7}",
            ROLES[role],
            ratio(reachable),
            ratio(rules),
            ratio(model),
            settings[role].threshold,
            settings[role].margin
        );
        notes.push(format!(
            "{k}-fold cross-validation over {n} matched events: {} right {:.3} (rules alone {:.3}, reachable {:.3})",
            ROLES[role],
            ratio(model),
            ratio(rules),
            ratio(reachable)
        ));
    }
    for (role, out) in [&args.source_out, &args.target_out].into_iter().enumerate() {
        let all: Vec<(Vec<String>, bool)> = events.iter().flat_map(|m| m.samples(role)).collect();
        let model: EventFilter = filter::train(&all, opts)
            .with_threshold(settings[role].threshold)
            .with_notes(vec![
                format!(
                    "marsad {} model: logistic regression over an event's candidate participants (crates/marsad-extract/src/events/roles.rs)",
                    ROLES[role]
                ),
                format!(
                    "rebuild: marsad train roles --gold {} --corpus {} --source-out <source.tsv> --target-out <target.tsv> --folds {k} --l2 {} --iterations {} --min-count {}",
                    file_name(&args.data.gold),
                    file_name(&args.data.corpus),
                    opts.l2,
                    opts.iterations,
                    opts.min_count
                ),
                format!(
                    "trained on {} candidates of {n} matched events of the gold outside order {}..{}",
                    all.len(),
                    EVENTS_HELD_OUT.start,
                    EVENTS_HELD_OUT.end
                ),
                notes[role].clone(),
            ]);
        std::fs::write(out, RoleModel::file(&model, settings[role].margin))
            .with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!(
            "marsad: wrote {} ({} features, threshold {:.2}, margin {})",
            out.display(),
            model.len(),
            model.threshold(),
            settings[role].margin
        );
    }
    Ok(ExitCode::SUCCESS)
}
