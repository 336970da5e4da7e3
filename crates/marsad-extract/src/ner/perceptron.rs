//! Training: an averaged structured perceptron (Collins 2002) with first-order Viterbi.
//!
//! Weights and their running sums are integers (`i32` and `i64`), so training is exact and
//! reproducible; the averaged weights `w - u / c` become `f32` only at the end. Sentences are
//! visited in a seeded shuffled order each epoch.

use super::decode::{Transitions, viterbi};
use super::features::{LEXICAL_FEATURES, SentenceFeatures};
use super::model::Weights;
use super::tags::NUM_TAGS;
use crate::error::{Error, ErrorKind, Result};
use crate::rng::Rng;
use rustc_hash::FxHashMap;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Features seen fewer times in the training data are ignored.
    pub min_feature_count: u32,
    /// Probability, per token and epoch, of hiding the token's identity features (its word,
    /// stem and word bigrams), so the weights of context, cluster, affix and gazetteer
    /// features learn to recognize names the training data never showed.
    pub lexical_dropout: f32,
    /// Models trained with seeds `seed, seed + 1, …` whose weights are averaged.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 15,
            seed: 1,
            min_feature_count: 1,
            lexical_dropout: 0.0,
            ensemble: 1,
        }
    }
}

/// A training sentence: its features and gold tag indices.
#[derive(Debug, Clone)]
pub struct TrainingSentence {
    /// Features, from [`super::features::Extractor`].
    pub features: SentenceFeatures,
    /// Gold tag index of each token.
    pub gold: Vec<usize>,
}

/// Called after each epoch with the averaged weights so far.
pub type EpochCallback<'a> = &'a mut dyn FnMut(usize, &Weights);

/// Trains on `sentences`. After each epoch, `on_epoch(epoch, &averaged)` is called when
/// given (for tuning the number of epochs on held-out data).
pub fn train(
    sentences: &[TrainingSentence],
    cfg: &TrainConfig,
    mut on_epoch: Option<EpochCallback<'_>>,
) -> Result<Weights> {
    if sentences.iter().all(|s| s.gold.is_empty()) {
        return Err(Error::new(ErrorKind::NoData("no training tokens".into())));
    }
    // Feature index over keys frequent enough, numbered in ascending key order.
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for s in sentences {
        for &k in s.features.keys.iter().chain(&s.features.extra) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|&(_, &c)| c >= cfg.min_feature_count.max(1))
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    drop(counts);
    let index: FxHashMap<u64, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();

    // Each sentence as feature ids per token, with the number of leading identity features
    // (those of them that survived the count cut-off).
    let data: Vec<(Vec<u32>, Vec<usize>, Vec<usize>)> = sentences
        .iter()
        .map(|s| {
            let mut ids = Vec::with_capacity(s.features.keys.len());
            let mut offsets = Vec::with_capacity(s.features.offsets.len());
            let mut lexical = Vec::with_capacity(s.features.len());
            offsets.push(0);
            for i in 0..s.features.len() {
                let keys = s.features.token(i);
                let lex = keys.len().min(LEXICAL_FEATURES);
                let before = ids.len();
                ids.extend(keys[..lex].iter().filter_map(|k| index.get(k).copied()));
                lexical.push(ids.len() - before);
                ids.extend(keys[lex..].iter().filter_map(|k| index.get(k).copied()));
                let extra = s.features.token_extra(i);
                ids.extend(extra.iter().filter_map(|k| index.get(k).copied()));
                offsets.push(ids.len());
            }
            (ids, offsets, lexical)
        })
        .collect();

    let nf = keys.len();
    let mut w = vec![0i32; nf * NUM_TAGS];
    let mut u = vec![0i64; nf * NUM_TAGS];
    let mut tw = [[0i32; NUM_TAGS]; NUM_TAGS + 1];
    let mut tu = [[0i64; NUM_TAGS]; NUM_TAGS + 1];
    let mut c: i64 = 1;

    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut emissions: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut pred = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for epoch in 1..=cfg.epochs.max(1) {
        rng.shuffle(&mut order);
        for &si in &order {
            let gold = &sentences[si].gold;
            let (ids, offsets, lexical) = &data[si];
            let n = gold.len();
            if n == 0 {
                continue;
            }
            starts.clear();
            for i in 0..n {
                let drop = cfg.lexical_dropout > 0.0 && rng.unit() < cfg.lexical_dropout;
                starts.push(offsets[i] + if drop { lexical[i] } else { 0 });
            }
            emissions.clear();
            for i in 0..n {
                let mut e = [0f32; NUM_TAGS];
                for &f in &ids[starts[i]..offsets[i + 1]] {
                    let row = &w[f as usize * NUM_TAGS..(f as usize + 1) * NUM_TAGS];
                    for y in 0..NUM_TAGS {
                        e[y] += row[y] as f32;
                    }
                }
                emissions.push(e);
            }
            let trans: Transitions =
                std::array::from_fn(|p| std::array::from_fn(|y| tw[p][y] as f32));
            viterbi(&emissions, &trans, &mut pred);
            if pred != *gold {
                for i in 0..n {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &f in &ids[starts[i]..offsets[i + 1]] {
                            let base = f as usize * NUM_TAGS;
                            w[base + g] += 1;
                            u[base + g] += c;
                            w[base + p] -= 1;
                            u[base + p] -= c;
                        }
                    }
                    let gp = if i == 0 { NUM_TAGS } else { gold[i - 1] };
                    let pp = if i == 0 { NUM_TAGS } else { pred[i - 1] };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1;
        }
        if let Some(f) = on_epoch.as_mut() {
            let avg = averaged(&keys, &w, &u, &tw, &tu, c);
            f(epoch, &avg);
        }
    }
    Ok(averaged(&keys, &w, &u, &tw, &tu, c))
}

/// The averaged weights `w - u / c`, dropping features whose weights are all zero.
fn averaged(
    keys: &[u64],
    w: &[i32],
    u: &[i64],
    tw: &[[i32; NUM_TAGS]; NUM_TAGS + 1],
    tu: &[[i64; NUM_TAGS]; NUM_TAGS + 1],
    c: i64,
) -> Weights {
    let cf = c as f64;
    let avg = |w: i32, u: i64| (w as f64 - u as f64 / cf) as f32;
    let mut out_keys = Vec::new();
    let mut rows = Vec::new();
    for (f, &k) in keys.iter().enumerate() {
        let row: [f32; NUM_TAGS] =
            std::array::from_fn(|y| avg(w[f * NUM_TAGS + y], u[f * NUM_TAGS + y]));
        if row.iter().any(|&x| x != 0.0) {
            out_keys.push(k);
            rows.push(row);
        }
    }
    let trans: Transitions =
        std::array::from_fn(|p| std::array::from_fn(|y| avg(tw[p][y], tu[p][y])));
    Weights::new(out_keys, rows, trans)
}
