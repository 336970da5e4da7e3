//! `marsad eval snowball`: marsad's Snowball option against stems of the official Snowball
//! Arabic stemmer, plus informative stemmer figures.
//!
//! The vectors are `word<TAB>stem<TAB>vocab_source` after a `#` header. The gate is the
//! agreement of [`StemmerKind::Snowball`] with the expected stems (`--floor`, 100% by
//! default). Not gated, and printed for comparison: how many stems each stemmer makes of
//! the vocabulary (fewer = more conflation), its speed on it, and — with `--golden` — the
//! agreement of each stemmer with a word/stem/root gold list.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::normalize::{Folds, normalize};
use marsad_arabic::stem::{BuiltinGuard, Stemmer, StemmerKind};
use std::collections::{BTreeMap, HashSet};
use std::hint::black_box;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The vectors file (`word, stem, vocab_source`, tab-separated; `.gz`/`.zst` read as such).
    #[arg(long)]
    vectors: PathBuf,
    /// Fewest rows that must agree, as a fraction.
    #[arg(long, default_value_t = 1.0)]
    floor: f64,
    /// Also report agreement with a `word<TAB>stem<TAB>root` gold list (informative).
    #[arg(long)]
    golden: Option<PathBuf>,
    /// Differing examples to list.
    #[arg(long, default_value_t = 20)]
    examples: usize,
}

struct Row {
    word: String,
    stem: String,
    source: String,
}

fn read_rows(path: &Path, fields: usize) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for (i, line) in input::open(path)?.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        // A `#` header (vectors) or a `word<TAB>…` column line (golden list).
        if line.starts_with('#') || (i == 0 && line.starts_with("word\t")) || line.trim().is_empty()
        {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != fields {
            bail!(
                "{}: line {} has {} fields, expected {fields}",
                path.display(),
                i + 1,
                f.len()
            );
        }
        rows.push(Row {
            word: f[0].to_owned(),
            stem: f[1].to_owned(),
            source: f[2].to_owned(),
        });
    }
    if rows.is_empty() {
        bail!("{}: no rows", path.display());
    }
    Ok(rows)
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let rows = read_rows(&args.vectors, 3)?;
    let snowball = Stemmer::new(StemmerKind::Snowball);

    let mut per_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut agree = 0;
    let mut differing = Vec::new();
    for row in &rows {
        let got = snowball.stem_cow(&row.word);
        let e = per_source.entry(&row.source).or_default();
        e.1 += 1;
        if got == row.stem {
            agree += 1;
            e.0 += 1;
        } else if differing.len() < args.examples {
            differing.push(format!("    {}\t{} (expected {})", row.word, got, row.stem));
        }
    }
    let rate = agree as f64 / rows.len() as f64;
    println!("Snowball Arabic vectors: {}", args.vectors.display());
    println!(
        "  snowball (rust-stemmers) agreement: {agree}/{} = {:.3}%  (floor {:.1}%)",
        rows.len(),
        100.0 * rate,
        100.0 * args.floor
    );
    for (source, (a, n)) in &per_source {
        println!("    {source:<22} {a}/{n} = {:.3}%", pct(*a, *n));
    }
    if !differing.is_empty() {
        println!("  differing examples (word, ours, expected):");
        for d in &differing {
            println!("{d}");
        }
    }

    report_stemmers(&rows);
    if let Some(golden) = &args.golden {
        report_golden(golden)?;
    }

    if rate + 1e-12 < args.floor {
        println!("  BELOW FLOOR");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The input each stemmer expects: Snowball normalizes by itself, light10 takes Lucene's
/// normalization, marsad its search form.
fn prepared(kind: StemmerKind, word: &str) -> String {
    match kind {
        StemmerKind::Snowball | StemmerKind::None => word.to_owned(),
        StemmerKind::Light10 => normalize(word, Folds::LUCENE).text,
        StemmerKind::Marsad => normalize(word, Folds::SEARCH).text,
    }
}

/// Every stemmer with a label: the four kinds, and marsad with its data-free guard.
fn stemmers() -> Vec<(String, Stemmer)> {
    let mut all: Vec<(String, Stemmer)> = StemmerKind::ALL
        .into_iter()
        .map(|k| (k.name().to_owned(), Stemmer::new(k)))
        .collect();
    all.insert(
        3,
        (
            "marsad/builtin-guard".to_owned(),
            Stemmer::marsad_with_guard(Arc::new(BuiltinGuard)),
        ),
    );
    all
}

/// Distinct stems and speed of each stemmer on the vocabulary (informative).
fn report_stemmers(rows: &[Row]) {
    println!("  stemmers on this vocabulary (informative; one core):");
    for (label, stemmer) in stemmers() {
        let kind = stemmer.kind();
        let words: Vec<String> = rows.iter().map(|r| prepared(kind, &r.word)).collect();
        let mut out = String::new();
        let stems: HashSet<String> = words
            .iter()
            .map(|w| {
                out.clear();
                stemmer.stem(w, &mut out);
                out.clone()
            })
            .collect();
        // Time the stemmer alone, on prepared words, into a reused buffer.
        let mut passes = 0usize;
        let start = Instant::now();
        while passes < 3 || start.elapsed().as_secs_f64() < 0.5 {
            for w in &words {
                out.clear();
                stemmer.stem(black_box(w), &mut out);
                black_box(&out);
            }
            passes += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "    {label:<20} {:>6} distinct stems of {} words   {:>7.2} M words/s",
            stems.len(),
            words.len(),
            (passes * words.len()) as f64 / secs / 1e6
        );
    }
}

/// Agreement of each stemmer with a word/stem/root gold list, compared in search form.
fn report_golden(path: &Path) -> Result<()> {
    let rows = read_rows(path, 3)?;
    println!(
        "  golden corpus {} ({} rows; stems compared in search form; informative):",
        path.display(),
        rows.len()
    );
    for (label, stemmer) in stemmers() {
        let kind = stemmer.kind();
        let mut out = String::new();
        let agree = rows
            .iter()
            .filter(|r| {
                out.clear();
                stemmer.stem(&prepared(kind, &r.word), &mut out);
                normalize(&out, Folds::SEARCH).text == normalize(&r.stem, Folds::SEARCH).text
            })
            .count();
        println!(
            "    {label:<20} {agree}/{} = {:.1}%",
            rows.len(),
            pct(agree, rows.len())
        );
    }
    Ok(())
}
