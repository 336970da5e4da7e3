//! `marsad eval quotes`: quote detection, speaker and certainty against marsad's own gold
//! (`crates/marsad-extract/tests/gold/quotes.jsonl`, offsets into SaudiNewsNet `content`;
//! the guide is `docs/annotation.md`).
//!
//! * **Detection**: a predicted quote matches a gold quote when their content spans overlap
//!   by at least half of *each* span (one-to-one, greedy by overlap). P/R/F1 over quotes.
//! * **Speaker** (over matched quotes): correct when the predicted name-or-role and the gold
//!   name-or-role mention share all the words of the shorter one (folded). The strict
//!   figure asks for the gold *name* when the gold has one.
//! * **Certainty** (over matched quotes): accuracy and a confusion matrix.
//!
//! Figures are printed for the tuning part (gold `order` < 84, the first 70% in the
//! documented sha1 order), the held-out part, and all; the floors gate "all".

use super::{
    Confusion, GoldRef, TUNE_ORDER, add_confusion, certainty_index as index, f1, folded_words,
    greedy_one_to_one, load_gold, print_confusion, ratio,
};
use anyhow::Result;
use marsad_core::{CertaintyLabel, Quote};
use marsad_extract::quotes::extract;
use serde::Deserialize;
use std::collections::HashMap as FxHashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The gold quotes (JSONL, one article per line).
    #[arg(long, default_value = "crates/marsad-extract/tests/gold/quotes.jsonl")]
    pub gold: PathBuf,
    /// The corpus the gold offsets point into (SaudiNewsNet sample, `.jsonl.gz`).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Fail when the detection F1 (all articles) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_f1: f64,
    /// Fail when the speaker accuracy (all) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_speaker: f64,
    /// Fail when the certainty accuracy (all) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_certainty: f64,
    /// Print every miss, false alarm and wrong label of the tuning part.
    #[arg(long)]
    pub errors: bool,
}

#[derive(Debug, Deserialize)]
struct GoldArticle {
    #[serde(flatten)]
    head: GoldRef,
    quotes: Vec<GoldQuote>,
}

#[derive(Debug, Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    #[allow(dead_code)]
    direct: bool,
    #[allow(dead_code)]
    cue: [usize; 2],
    speaker: Option<[usize; 2]>,
    role: Option<[usize; 2]>,
    certainty: String,
}

#[derive(Debug, Default, Clone)]
struct Tally {
    gold: usize,
    predicted: usize,
    matched: usize,
    speaker_ok: usize,
    speaker_strict_ok: usize,
    certainty_ok: usize,
    confusion: Confusion,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.speaker_ok += o.speaker_ok;
        self.speaker_strict_ok += o.speaker_strict_ok;
        self.certainty_ok += o.certainty_ok;
        add_confusion(&mut self.confusion, &o.confusion);
    }
    fn p(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    fn r(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        f1(self.p(), self.r())
    }
    fn speaker(&self) -> f64 {
        ratio(self.speaker_ok, self.matched)
    }
    fn certainty(&self) -> f64 {
        ratio(self.certainty_ok, self.matched)
    }
}

fn chars_of(text: &[char], span: [usize; 2]) -> String {
    text.get(span[0]..span[1].min(text.len()))
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

/// True when the shorter phrase's words all appear in the longer one.
fn same_speaker(a: &str, b: &str) -> bool {
    let (wa, wb) = (folded_words(a), folded_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.iter().all(|w| long.contains(w))
}

fn overlap_ok(gs: usize, ge: usize, ps: usize, pe: usize) -> Option<usize> {
    let inter = ge.min(pe).saturating_sub(gs.max(ps));
    (inter * 2 >= ge - gs && inter * 2 >= pe - ps && inter > 0).then_some(inter)
}

fn score(g: &GoldArticle, text: &[char], pred: &[Quote], errors: bool) -> Tally {
    let mut t = Tally {
        gold: g.quotes.len(),
        predicted: pred.len(),
        ..Tally::default()
    };
    // Greedy one-to-one matching by largest overlap.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, gq) in g.quotes.iter().enumerate() {
        for (pi, pq) in pred.iter().enumerate() {
            if let Some(o) = overlap_ok(gq.start, gq.end, pq.start, pq.end) {
                pairs.push((o, gi, pi));
            }
        }
    }
    let mut gold_used = vec![false; g.quotes.len()];
    let mut pred_used = vec![false; pred.len()];
    for (gi, pi) in greedy_one_to_one(pairs, g.quotes.len(), pred.len()) {
        gold_used[gi] = true;
        pred_used[pi] = true;
        t.matched += 1;
        let gq = &g.quotes[gi];
        let pq = &pred[pi];
        let gname = gq.speaker.map(|s| chars_of(text, s));
        let grole = gq.role.map(|s| chars_of(text, s));
        let candidates: Vec<&str> = pq
            .speaker
            .iter()
            .chain(pq.role.iter())
            .map(String::as_str)
            .collect();
        let golds: Vec<&str> = gname
            .iter()
            .chain(grole.iter())
            .map(String::as_str)
            .collect();
        let ok = candidates
            .iter()
            .any(|c| golds.iter().any(|g| same_speaker(c, g)));
        let strict = match &gname {
            Some(n) => pq.speaker.as_deref().is_some_and(|s| same_speaker(s, n)),
            None => ok,
        };
        t.speaker_ok += usize::from(ok);
        t.speaker_strict_ok += usize::from(strict);
        let gl = CertaintyLabel::parse(&gq.certainty).unwrap_or(CertaintyLabel::Confirmed);
        t.confusion[index(gl)][index(pq.certainty.label)] += 1;
        t.certainty_ok += usize::from(gl == pq.certainty.label);
        if errors && (!ok || gl != pq.certainty.label) {
            println!(
                "  {} #{}: speaker gold {:?}/{:?} pred {:?}/{:?}; certainty gold {} pred {} ({:?}) | {}",
                g.head.id,
                g.head.order,
                gname,
                grole,
                pq.speaker,
                pq.role,
                gl,
                pq.certainty.label,
                pq.certainty.cue,
                pq.text.chars().take(60).collect::<String>()
            );
        }
    }
    if errors {
        for (gi, gq) in g.quotes.iter().enumerate() {
            if !gold_used[gi] {
                println!(
                    "  {} #{} MISS: {}",
                    g.head.id,
                    g.head.order,
                    chars_of(text, [gq.start, gq.end])
                        .chars()
                        .take(90)
                        .collect::<String>()
                );
            }
        }
        for (pi, pq) in pred.iter().enumerate() {
            if !pred_used[pi] {
                println!(
                    "  {} #{} FALSE [{}]: {}",
                    g.head.id,
                    g.head.order,
                    pq.cue,
                    pq.text.chars().take(90).collect::<String>()
                );
            }
        }
    }
    t
}

fn report(name: &str, articles: usize, t: &Tally) {
    println!(
        "{name:<9} articles {articles:>3}  gold {:>3}  predicted {:>3}  matched {:>3}  P {:.3}  R {:.3}  F1 {:.3}  speaker {:.3} (strict {:.3})  certainty {:.3}",
        t.gold,
        t.predicted,
        t.matched,
        t.p(),
        t.r(),
        t.f1(),
        t.speaker(),
        ratio(t.speaker_strict_ok, t.matched),
        t.certainty()
    );
}

pub fn run(args: Args) -> Result<ExitCode> {
    let gold = load_gold(&args.gold, &args.corpus, |g: &GoldArticle| &g.head)?;
    let mut tune = Tally::default();
    let mut held = Tally::default();
    let (mut n_tune, mut n_held) = (0, 0);
    let mut by_outlet: FxHashMap<String, Tally> = FxHashMap::new();
    for (g, content) in &gold {
        let text: Vec<char> = content.chars().collect();
        let pred = extract(content);
        let is_tune = g.head.order < TUNE_ORDER;
        let t = score(g, &text, &pred, args.errors && is_tune);
        by_outlet.entry(g.head.source.clone()).or_default().add(&t);
        if is_tune {
            tune.add(&t);
            n_tune += 1;
        } else {
            held.add(&t);
            n_held += 1;
        }
    }
    let mut all = tune.clone();
    all.add(&held);
    println!(
        "quotes: {} gold articles ({} tune, {} held out), overlap ≥ 50% of each span",
        gold.len(),
        n_tune,
        n_held
    );
    report("tune", n_tune, &tune);
    report("held-out", n_held, &held);
    report("all", gold.len(), &all);
    println!("\nby outlet (all):");
    let mut outlets: Vec<_> = by_outlet.into_iter().collect();
    outlets.sort_by(|a, b| a.0.cmp(&b.0));
    for (o, t) in &outlets {
        println!(
            "  {o:<13} gold {:>3}  F1 {:.3}  speaker {:.3}  certainty {:.3}",
            t.gold,
            t.f1(),
            t.speaker(),
            t.certainty()
        );
    }
    print_confusion("all", &all.confusion);
    let mut failed = false;
    for (name, value, floor) in [
        ("detection F1", all.f1(), args.floor_f1),
        ("speaker accuracy", all.speaker(), args.floor_speaker),
        ("certainty accuracy", all.certainty(), args.floor_certainty),
    ] {
        if value < floor {
            println!("FAIL: {name} {value:.3} is below the floor {floor:.3}");
            failed = true;
        }
    }
    if failed {
        return Ok(ExitCode::FAILURE);
    }
    println!("ok: every figure is at or above its floor");
    Ok(ExitCode::SUCCESS)
}
