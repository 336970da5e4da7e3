//! `marsad eval ner`: entity-level precision, recall and F1 of the NER tagger on
//! ANERcorp-style gold data (`TOKEN TAG`, blank line between sentences).
//!
//! Scoring is CoNLL/seqeval-style (see `marsad_extract::ner::conll`): a span counts when
//! kind, start and end match; an `I-X` after a tag of another kind starts a span. The gate
//! is the micro-averaged F1 over all spans; the macro F1 (mean over the four kinds, what the
//! AraBERT paper reports) is printed alongside.
//!
//! The gold file is tagged as one document: the tagger's second pass lets each sentence see
//! how its first pass tagged the sentences around it (±40 sentences; ANERcorp marks no
//! article boundaries), never the gold tags.

use crate::input;
use anyhow::{Context, Result};
use marsad_extract::ner::conll;
use marsad_extract::{EntityKind, NerModel};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold data, e.g. ../shared/data/anercorp/test.txt.
    #[arg(long)]
    pub gold: PathBuf,
    /// Fail (exit 1) when the micro F1 is below this. The target is 78; the default
    /// is what the committed model reaches (74.50 on the ANERcorp test split), so the gate
    /// catches regressions without pretending.
    #[arg(long, default_value_t = 74.0)]
    pub floor: f64,
    /// A model file to score instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score what `recognize` returns (tagger plus the gazetteer layer) instead of the
    /// tagger alone.
    #[arg(long)]
    pub rules: bool,
    /// Also write `TOKEN GOLD PREDICTED` lines (conlleval's input format) to this file.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = input::read_to_string(&args.gold)?;
    let gold = conll::parse(&text)
        .map_err(|e| e.in_source(args.gold.display().to_string()))
        .context("cannot read the gold data")?;
    let owned;
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            owned = NerModel::from_bytes(&bytes)
                .map_err(|e| e.in_source(path.display().to_string()))?;
            &owned
        }
        None => NerModel::try_embedded().map_err(|e| anyhow::anyhow!("embedded model: {e}"))?,
    };
    if !model.gazetteer_is_current() {
        eprintln!(
            "marsad: warning: the gazetteer changed since this model was trained; retrain it with `marsad train ner`"
        );
    }
    let tokens: usize = gold.iter().map(|s| s.tokens.len()).sum();
    let t = Instant::now();
    let scores = model.evaluate(&gold, args.rules);
    let secs = t.elapsed().as_secs_f64();
    if let Some(path) = &args.predictions {
        let mut out = String::new();
        for (s, predicted) in gold.iter().zip(model.tag_gold(&gold, args.rules)) {
            for ((token, g), p) in s.tokens.iter().zip(&s.tags).zip(&predicted) {
                out.push_str(&format!("{token} {g} {p}\n"));
            }
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    }

    println!(
        "NER on {} ({} sentences, {tokens} tokens), {}",
        args.gold.display(),
        gold.len(),
        if args.rules {
            "tagger + gazetteer layer"
        } else {
            "tagger alone"
        }
    );
    println!("model: {}", model.description());
    println!(
        "{:<6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "type", "gold", "pred", "tp", "P", "R", "F1"
    );
    let row = |name: &str, c: conll::Counts| {
        println!(
            "{name:<6} {:>6} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}",
            c.gold,
            c.predicted,
            c.true_positives,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for k in EntityKind::ALL {
        row(k.name(), scores.kind(k));
    }
    let micro = scores.micro();
    row("micro", micro);
    println!("macro F1 {:.2}", scores.macro_f1());
    println!(
        "tagged in {secs:.2}s ({:.0} tokens/s, one thread, features included)",
        tokens as f64 / secs.max(1e-9)
    );
    if micro.f1() < args.floor {
        println!(
            "FAIL: micro F1 {:.2} is below the floor {:.2}",
            micro.f1(),
            args.floor
        );
        return Ok(ExitCode::FAILURE);
    }
    println!("ok: micro F1 {:.2} ≥ floor {:.2}", micro.f1(), args.floor);
    Ok(ExitCode::SUCCESS)
}
