//! `marsad train ner`: train the NER tagger on ANERcorp-style data
//! (`crates/marsad-extract/data/ner.model`).
//!
//! With `--dev-fraction F` (default 0.1) the last F of the training sentences is held out
//! first: a model is trained on the rest and scored on that dev slice after every epoch,
//! which is how the epoch count and features were tuned. The model written is then trained
//! on all of the training file with `--epochs`. Training is deterministic.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_extract::ner::clusters::Clusters;
use marsad_extract::ner::conll;
use marsad_extract::ner::perceptron::TrainConfig;
use marsad_extract::{EntityKind, NerModel};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Training data: `TOKEN TAG` lines, blank line between sentences.
    #[arg(long)]
    pub train: PathBuf,
    /// The word clusters file (from `marsad train clusters`).
    #[arg(long)]
    pub clusters: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Epochs of the final model.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
    /// Fraction of the training sentences (taken from the end) held out to report dev
    /// scores per epoch before the final training; 0 skips it.
    #[arg(long, default_value_t = 0.1)]
    pub dev_fraction: f64,
    /// Epochs of the dev run (defaults to --epochs).
    #[arg(long)]
    pub dev_epochs: Option<usize>,
    /// Ignore features seen fewer times in training.
    #[arg(long, default_value_t = 1)]
    pub min_feature_count: u32,
    /// Probability of hiding a token's identity features in an epoch (see
    /// `TrainConfig::lexical_dropout`).
    #[arg(long, default_value_t = 0.4)]
    pub lexical_dropout: f32,
    /// Number of models (seeds seed, seed+1, …) whose weights are averaged.
    #[arg(long, default_value_t = 5)]
    pub ensemble: usize,
    /// Seed of the shuffling and of the dropout.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = input::read_to_string(&args.train)?;
    let sentences = conll::parse(&text)
        .map_err(|e| e.in_source(args.train.display().to_string()))
        .context("cannot read the training data")?;
    if sentences.is_empty() {
        bail!("{}: no sentences", args.train.display());
    }
    let clusters_text = input::read_to_string(&args.clusters)?;
    let clusters = Clusters::parse(&clusters_text)
        .map_err(|e| e.in_source(args.clusters.display().to_string()))?;
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "marsad: {} sentences, {tokens} tokens; {} cluster words",
        sentences.len(),
        clusters.len()
    );

    if args.dev_fraction > 0.0 {
        if args.dev_fraction.is_nan() || args.dev_fraction >= 1.0 {
            bail!("--dev-fraction must be below 1");
        }
        let n_dev = ((sentences.len() as f64) * args.dev_fraction).ceil() as usize;
        let (train, dev) = sentences.split_at(sentences.len() - n_dev);
        let cfg = TrainConfig {
            epochs: args.dev_epochs.unwrap_or(args.epochs),
            seed: args.seed,
            min_feature_count: args.min_feature_count,
            lexical_dropout: args.lexical_dropout,
            ensemble: args.ensemble,
        };
        eprintln!(
            "marsad: dev run: training on the first {} sentences, scoring the last {}",
            train.len(),
            dev.len()
        );
        let t = Instant::now();
        let mut report = |epoch: usize, m: &NerModel| {
            let s = m.evaluate(dev, false);
            let per: Vec<String> = EntityKind::ALL
                .iter()
                .map(|k| format!("{} {:.1}", k.name(), s.kind(*k).f1()))
                .collect();
            eprintln!(
                "  epoch {epoch:>2}: dev micro F1 {:.2} (P {:.2} R {:.2}; {}) [{:.1}s]",
                s.micro().f1(),
                s.micro().precision(),
                s.micro().recall(),
                per.join(", "),
                t.elapsed().as_secs_f64()
            );
        };
        let m = NerModel::train(train, clusters.clone(), &cfg, "dev run", Some(&mut report))?;
        if cfg.ensemble > 1 {
            let s = m.evaluate(dev, false);
            eprintln!(
                "  ensemble of {}: dev micro F1 {:.2} (P {:.2} R {:.2})",
                cfg.ensemble,
                s.micro().f1(),
                s.micro().precision(),
                s.micro().recall()
            );
        }
    }

    let Some(out) = args.out else {
        return Ok(ExitCode::SUCCESS);
    };
    let cfg = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_feature_count: args.min_feature_count,
        lexical_dropout: args.lexical_dropout,
        ensemble: args.ensemble,
    };
    let source = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let description = format!(
        "averaged structured perceptron; train {} ({} sentences, {tokens} tokens); clusters {} ({} words); epochs {}; min feature count {}; lexical dropout {}; ensemble {}; seed {}",
        source(&args.train),
        sentences.len(),
        source(&args.clusters),
        clusters.len(),
        cfg.epochs,
        cfg.min_feature_count,
        cfg.lexical_dropout,
        cfg.ensemble,
        cfg.seed
    );
    let t = Instant::now();
    let model = NerModel::train(&sentences, clusters, &cfg, &description, None)?;
    let bytes = model.to_bytes()?;
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "marsad: trained on all {} sentences in {:.1}s; {} features; wrote {} ({} bytes)",
        sentences.len(),
        t.elapsed().as_secs_f64(),
        model.num_features(),
        out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
