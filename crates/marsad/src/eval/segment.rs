//! `marsad eval segment`: clitic segmentation against a gold segmented corpus (QCRI's
//! WikiNews, `segmented_token<TAB>POS` per line, e.g. `و+ال+تلفزيون` TAB `CONJ+DET+NOUN`).
//!
//! # Reducing the gold to marsad's clitics
//!
//! The gold splits more than clitics: noun suffixes (ة، ات، ين, tagged NSUFF), verb subject
//! suffixes (ت، وا, tagged PRON), case endings. Each gold token is reduced to
//! (proclitics, stem, enclitic):
//!
//! * proclitics: the leading segments, from the first, that are one of و ف ب ك ل ال س and
//!   tagged CONJ, PREP, DET, FUT_PART or PART; at least one segment is left after them;
//! * enclitic: the last segment, if tagged PRON, one of ه ها هم هما هن ك كم كن نا ني ي,
//!   and preceded by a stem or by a preposition (ل+ه is a preposition and a pronoun;
//!   و+هم is a conjunction and the free pronoun هم);
//! * stem: everything in between, concatenated (possibly empty: ل+ه).
//!
//! The gold writes the article after ل in full (ل+ال+مؤتمر for للمؤتمر); the surface word is
//! rebuilt by dropping that alef. The gold writes للجنة as ل+لجن+ة (no article segment);
//! marsad's reading ل + لجنة reduces to the same thing.
//!
//! Scored tokens are those whose surface word is made of Arabic letters only (punctuation,
//! numbers and Latin words are left out). The gate is the word-level exact-match accuracy
//! of marsad's default (lossless) segmenter; the naive "strip every clitic-looking letter"
//! baseline, no segmentation at all, and the folded (search) segmenter on folded words are
//! printed for comparison.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::chars::is_arabic_letter;
use marsad_arabic::normalize::{Folds, normalize};
use marsad_arabic::segment::{Segmentation, Segmenter};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The gold file (`segmented_token<TAB>POS`, one header line; `.gz`/`.zst` read as such).
    #[arg(long)]
    gold: PathBuf,
    /// Lowest acceptable word accuracy of the default segmenter, as a fraction.
    #[arg(long, default_value_t = 0.98)]
    floor: f64,
    /// Error examples to list per error type.
    #[arg(long, default_value_t = 5)]
    examples: usize,
}

const PROCLITICS: [&str; 7] = ["و", "ف", "ب", "ك", "ل", "ال", "س"];
const PROCLITIC_TAGS: [&str; 5] = ["CONJ", "PREP", "DET", "FUT_PART", "PART"];
const ENCLITICS: [&str; 11] = [
    "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا", "ني", "ي",
];

/// A word split into (proclitic forms, stem, enclitic), the unit of comparison.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Split {
    proclitics: Vec<String>,
    stem: String,
    enclitic: String,
}

impl Split {
    fn of(s: &Segmentation<'_>) -> Split {
        Split {
            proclitics: s
                .proclitics()
                .iter()
                .map(|p| p.clitic.form().to_owned())
                .collect(),
            stem: s.stem().to_owned(),
            enclitic: s.suffix().to_owned(),
        }
    }

    fn folded(&self) -> Split {
        let f = |s: &str| normalize(s, Folds::SEARCH).text;
        Split {
            proclitics: self.proclitics.clone(),
            stem: f(&self.stem),
            enclitic: f(&self.enclitic),
        }
    }

    fn show(&self) -> String {
        let mut parts: Vec<&str> = self.proclitics.iter().map(String::as_str).collect();
        parts.push(&self.stem);
        parts.push(&self.enclitic);
        parts.retain(|p| !p.is_empty());
        parts.join("+")
    }
}

struct GoldWord {
    surface: String,
    split: Split,
}

/// Reads the gold and reduces it (see the module docs). Returns the scored words and the
/// number of tokens left out.
fn read_gold(path: &Path) -> Result<(Vec<GoldWord>, usize)> {
    let mut words = Vec::new();
    let mut skipped = 0;
    for (i, line) in input::open(path)?.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        let line = line.trim_end_matches('\r');
        if i == 0 || line.trim().is_empty() {
            continue;
        }
        let Some((segs, tags)) = line.split_once('\t') else {
            bail!("{}: line {} has no tab", path.display(), i + 1);
        };
        let segs: Vec<String> = segs
            .split('+')
            .map(|s| normalize(s, Folds::LOSSLESS).text)
            .collect();
        let tags: Vec<&str> = tags.trim().split('+').collect();
        if segs.len() != tags.len() || segs.iter().any(String::is_empty) {
            skipped += 1;
            continue;
        }
        match reduce(&segs, &tags) {
            Some(w) => words.push(w),
            None => skipped += 1,
        }
    }
    Ok((words, skipped))
}

fn reduce(segs: &[String], tags: &[&str]) -> Option<GoldWord> {
    let n = segs.len();
    let mut surface = String::new();
    for (i, s) in segs.iter().enumerate() {
        // ل + ال is written لل.
        if s == "ال" && i > 0 && segs[i - 1] == "ل" && tags[i] == "DET" {
            surface.push('ل');
        } else {
            surface.push_str(s);
        }
    }
    if surface.is_empty() || !surface.chars().all(is_arabic_letter) {
        return None;
    }
    let mut pro = 0;
    while pro + 1 < n
        && PROCLITICS.contains(&segs[pro].as_str())
        && PROCLITIC_TAGS.contains(&tags[pro])
    {
        pro += 1;
    }
    // A pronoun right after the proclitics is an enclitic only after a preposition (ل+ه);
    // after a conjunction it is a word of its own (و+هم).
    let enc = n >= 2
        && n > pro
        && (n - 1 > pro || (pro > 0 && tags[pro - 1] == "PREP"))
        && tags[n - 1] == "PRON"
        && ENCLITICS.contains(&segs[n - 1].as_str());
    let stem_end = if enc { n - 1 } else { n };
    Some(GoldWord {
        surface,
        split: Split {
            proclitics: segs[..pro].to_vec(),
            stem: segs[pro..stem_end].concat(),
            enclitic: if enc {
                segs[n - 1].clone()
            } else {
                String::new()
            },
        },
    })
}

/// How a predicted split differs from the gold one, for the error table.
fn error_type(gold: &Split, got: &Split) -> String {
    let side = |g: &[String], p: &[String]| -> Option<String> {
        if g == p {
            None
        } else {
            Some(format!("[{}]→[{}]", g.join("+"), p.join("+")))
        }
    };
    let mut parts = Vec::new();
    if let Some(s) = side(&gold.proclitics, &got.proclitics) {
        parts.push(format!("proclitics {s}"));
    }
    if gold.enclitic != got.enclitic {
        parts.push(format!("enclitic [{}]→[{}]", gold.enclitic, got.enclitic));
    }
    if parts.is_empty() {
        parts.push("stem only".to_owned());
    }
    parts.join(", ")
}

struct Score {
    correct: usize,
    total: usize,
}

impl Score {
    fn of(words: &[GoldWord], mut f: impl FnMut(&GoldWord) -> bool) -> Score {
        let correct = words.iter().filter(|w| f(w)).count();
        Score {
            correct,
            total: words.len(),
        }
    }

    fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    fn line(&self, name: &str) -> String {
        format!(
            "  {name:<44} {:>6.2}%  ({} / {})",
            100.0 * self.accuracy(),
            self.correct,
            self.total
        )
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (words, skipped) = read_gold(&args.gold)?;
    if words.is_empty() {
        bail!("{}: no Arabic word tokens", args.gold.display());
    }
    let seg = Segmenter::default();
    let folded_seg = Segmenter::folded();

    let gold_segmented = words.iter().filter(|w| w.split.stem != w.surface).count();
    println!(
        "segment: {} Arabic word tokens scored ({} other tokens left out), {} ({:.1}%) with clitics in the gold",
        words.len(),
        skipped,
        gold_segmented,
        100.0 * gold_segmented as f64 / words.len() as f64
    );

    let mut errors: BTreeMap<String, BTreeMap<(String, String), usize>> = BTreeMap::new();
    let marsad = Score::of(&words, |w| {
        let got = Split::of(&seg.segment(&w.surface));
        let ok = got == w.split;
        if !ok {
            *errors
                .entry(error_type(&w.split, &got))
                .or_default()
                .entry((
                    w.surface.clone(),
                    format!("{} ≠ {}", got.show(), w.split.show()),
                ))
                .or_default() += 1;
        }
        ok
    });
    let naive = Score::of(&words, |w| {
        Split::of(&Segmenter::segment_unguarded(&w.surface)) == w.split
    });
    let none = Score::of(&words, |w| {
        w.split.proclitics.is_empty() && w.split.enclitic.is_empty()
    });
    let folded = Score::of(&words, |w| {
        let surface = normalize(&w.surface, Folds::SEARCH).text;
        Split::of(&folded_seg.segment(&surface)) == w.split.folded()
    });

    println!("word accuracy (exact proclitics, stem and enclitic):");
    println!("{}", marsad.line("marsad (lossless words)"));
    println!("{}", folded.line("marsad folded (search-folded words)"));
    println!("{}", naive.line("naive: strip every clitic-looking affix"));
    println!("{}", none.line("no segmentation"));

    type ErrorType<'a> = (usize, &'a String, &'a BTreeMap<(String, String), usize>);
    let mut types: Vec<ErrorType<'_>> = errors
        .iter()
        .map(|(t, ex)| (ex.values().sum(), t, ex))
        .collect();
    types.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    println!("top error types (count: gold → marsad; examples as marsad ≠ gold):");
    for (n, t, ex) in types.iter().take(12) {
        let mut ex: Vec<(&(String, String), &usize)> = ex.iter().collect();
        ex.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let shown: Vec<String> = ex
            .iter()
            .take(args.examples)
            .map(|((_, s), k)| format!("{s} ×{k}"))
            .collect();
        println!("  {n:>4}  {t}: {}", shown.join("; "));
    }

    // Speed, after a warm-up pass that fills the memo: all scored words, then the words of
    // the lexicon (one memo lookup each) and the others (decided from counts every time).
    let all: Vec<&str> = words.iter().map(|w| w.surface.as_str()).collect();
    let (known, unknown): (Vec<&str>, Vec<&str>) = all.iter().partition(|w| seg.count(w) > 0);
    let time = |set: &[&str]| -> f64 {
        let rounds = 50;
        let mut sink = 0usize;
        for w in set {
            sink += seg.segment(w).stem().len();
        }
        let start = Instant::now();
        for _ in 0..rounds {
            for w in set {
                sink += black_box(seg.segment(black_box(w))).stem().len();
            }
        }
        black_box(sink);
        start.elapsed().as_nanos() as f64 / (rounds * set.len().max(1)) as f64
    };
    let per_word = time(&all);
    println!(
        "speed (one core, warm memo): {per_word:.0} ns per word ({:.1} M words/s); \
         {:.0} ns for the {} words in the lexicon, {:.0} ns for the {} others",
        1e3 / per_word,
        time(&known),
        known.len(),
        time(&unknown),
        unknown.len()
    );

    let acc = marsad.accuracy();
    if acc < args.floor {
        println!(
            "FAIL: accuracy {:.2}% is below the floor {:.2}%",
            100.0 * acc,
            100.0 * args.floor
        );
        return Ok(ExitCode::FAILURE);
    }
    println!(
        "ok: accuracy {:.2}% ≥ floor {:.2}%",
        100.0 * acc,
        100.0 * args.floor
    );
    Ok(ExitCode::SUCCESS)
}
