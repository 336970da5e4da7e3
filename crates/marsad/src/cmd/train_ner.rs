//! `marsad train ner`: train the NER tagger on ANERcorp-style data
//! (`crates/marsad-extract/data/ner.model`).
//!
//! With `--dev-fraction F` (default 0.1) the last F of the training sentences is held out
//! first: a model is trained on the rest and scored on that dev slice after every epoch,
//! which is how the epoch count and features were tuned; `--cv K` adds K-fold
//! cross-validation over the training file. The model written is then trained on all of the
//! training file with `--epochs`. With `--corpus` (SaudiNewsNet), a name lexicon is
//! self-trained first (see `marsad_extract::ner::lexicon`); the second pass (document
//! features over ±`--doc-window` sentences) is on by default. Training is deterministic.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_extract::ner::NerConfig;
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
    /// A JSONL corpus (optionally .gz/.zst; `title` and `content` of each record) to learn
    /// the name lexicon from by self-training; none trains without a lexicon.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Read at most this many records of --corpus.
    #[arg(long)]
    pub corpus_max: Option<usize>,
    /// Folds of the jackknife behind the lexicon features of the training sentences.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Ensemble size of the models that tag the corpus.
    #[arg(long, default_value_t = 2)]
    pub aux_ensemble: usize,
    /// Stems tagged fewer times in the corpus stay out of the lexicon.
    #[arg(long, default_value_t = 2)]
    pub lexicon_min_count: u32,
    /// Subtracted from the O score of every token before decoding (trades precision for
    /// recall).
    #[arg(long, default_value_t = 0.0)]
    pub o_penalty: f32,
    /// Sentences on each side of a sentence the second (document) pass sees; 0 trains a
    /// single pass.
    #[arg(long, default_value_t = 40)]
    pub doc_window: usize,
    /// Also report K-fold cross-validation over the training file (contiguous folds, so
    /// articles stay together): ten times the spans of the dev slice, for decisions the
    /// dev slice is too small to make. 0 skips it.
    #[arg(long, default_value_t = 0)]
    pub cv: usize,
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
    let corpus = match &args.corpus {
        Some(path) => {
            let mut texts = Vec::new();
            let max = args.corpus_max.unwrap_or(usize::MAX);
            let mut records = 0usize;
            input::for_each_article(path, |v| {
                records += 1;
                if records > max {
                    return;
                }
                for field in ["title", "content"] {
                    if let Some(t) = v.get(field).and_then(|t| t.as_str()) {
                        texts.push(t.to_string());
                    }
                }
            })?;
            eprintln!("marsad: corpus {}: {} texts", path.display(), texts.len());
            Some(texts)
        }
        None => None,
    };
    let corpus = corpus.as_deref();
    let config = |epochs: usize| NerConfig {
        perceptron: TrainConfig {
            epochs,
            seed: args.seed,
            min_feature_count: args.min_feature_count,
            lexical_dropout: args.lexical_dropout,
            ensemble: args.ensemble,
        },
        folds: args.folds,
        aux_ensemble: args.aux_ensemble,
        lexicon_min_count: args.lexicon_min_count,
        o_penalty: args.o_penalty,
        doc_window: args.doc_window,
    };
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
        let cfg = config(args.dev_epochs.unwrap_or(args.epochs));
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
        let mut m = NerModel::train(
            train,
            clusters.clone(),
            &cfg,
            corpus,
            "dev run",
            Some(&mut report),
        )?;
        let s = m.evaluate(dev, false);
        eprintln!(
            "  final (ensemble of {}): dev micro F1 {:.2} (P {:.2} R {:.2}) [{:.1}s]",
            cfg.perceptron.ensemble,
            s.micro().f1(),
            s.micro().precision(),
            s.micro().recall(),
            t.elapsed().as_secs_f64()
        );
        let mut line = Vec::new();
        for penalty in [0.0f32, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0] {
            m.set_o_penalty(penalty);
            line.push(format!(
                "{penalty}: {:.2}",
                m.evaluate(dev, false).micro().f1()
            ));
        }
        eprintln!("  dev micro F1 by O penalty: {}", line.join(", "));
    }

    if args.cv > 1 {
        let cfg = config(args.dev_epochs.unwrap_or(args.epochs));
        let t = Instant::now();
        let k = args.cv;
        let mut total = marsad_extract::ner::conll::Scores::default();
        const PENALTIES: [f32; 5] = [0.0, 2.0, 4.0, 6.0, 8.0];
        let mut by_penalty = vec![marsad_extract::ner::conll::Scores::default(); PENALTIES.len()];
        for fold in 0..k {
            let (a, b) = (fold * sentences.len() / k, (fold + 1) * sentences.len() / k);
            let train: Vec<_> = sentences[..a]
                .iter()
                .chain(&sentences[b..])
                .cloned()
                .collect();
            let mut m = NerModel::train(&train, clusters.clone(), &cfg, corpus, "cv run", None)?;
            let s = m.evaluate(&sentences[a..b], false);
            for (p, acc) in PENALTIES.iter().zip(&mut by_penalty) {
                m.set_o_penalty(*p);
                let s = m.evaluate(&sentences[a..b], false);
                for (t, x) in acc.per_kind.iter_mut().zip(s.per_kind) {
                    t.true_positives += x.true_positives;
                    t.predicted += x.predicted;
                    t.gold += x.gold;
                }
            }
            eprintln!(
                "  cv fold {}: micro F1 {:.2} [{:.1}s]",
                fold + 1,
                s.micro().f1(),
                t.elapsed().as_secs_f64()
            );
            for (t, x) in total.per_kind.iter_mut().zip(s.per_kind) {
                t.true_positives += x.true_positives;
                t.predicted += x.predicted;
                t.gold += x.gold;
            }
        }
        let per: Vec<String> = EntityKind::ALL
            .iter()
            .map(|k| format!("{} {:.1}", k.name(), total.kind(*k).f1()))
            .collect();
        eprintln!(
            "  {k}-fold cv: micro F1 {:.2} (P {:.2} R {:.2}; {})",
            total.micro().f1(),
            total.micro().precision(),
            total.micro().recall(),
            per.join(", ")
        );
        let line: Vec<String> = PENALTIES
            .iter()
            .zip(&by_penalty)
            .map(|(p, s)| format!("{p}: {:.2}", s.micro().f1()))
            .collect();
        eprintln!("  {k}-fold cv micro F1 by O penalty: {}", line.join(", "));
    }

    let Some(out) = args.out else {
        return Ok(ExitCode::SUCCESS);
    };
    let cfg = config(args.epochs);
    let source = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let description = format!(
        "averaged structured perceptron; train {} ({} sentences, {tokens} tokens); clusters {} ({} words); lexicon {}; epochs {}; min feature count {}; lexical dropout {}; ensemble {}; seed {}; O penalty {}; document window {}",
        source(&args.train),
        sentences.len(),
        source(&args.clusters),
        clusters.len(),
        match (&args.corpus, corpus) {
            (Some(p), Some(c)) => format!(
                "self-trained on {} ({} texts; {} folds, aux ensemble {}, min count {})",
                source(p),
                c.len(),
                cfg.folds,
                cfg.aux_ensemble,
                cfg.lexicon_min_count
            ),
            _ => "none".to_string(),
        },
        cfg.perceptron.epochs,
        cfg.perceptron.min_feature_count,
        cfg.perceptron.lexical_dropout,
        cfg.perceptron.ensemble,
        cfg.perceptron.seed,
        cfg.o_penalty,
        cfg.doc_window
    );
    let t = Instant::now();
    let model = NerModel::train(&sentences, clusters, &cfg, corpus, &description, None)?;
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
