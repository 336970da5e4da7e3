//! Skip-gram word2vec with negative sampling (Mikolov et al. 2013), trained by our own code
//! so the clusters are reproducible: one thread, a seeded generator, a vocabulary sorted by
//! count then bytes. The embeddings only feed [`super::kmeans`]; they are not kept.

use crate::error::{Error, ErrorKind, Result};
use crate::rng::Rng;
use rustc_hash::FxHashMap;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Word2VecConfig {
    /// Embedding size.
    pub dim: usize,
    /// Largest context window on each side (the actual one is drawn in `1..=window`).
    pub window: usize,
    /// Negative samples per positive pair.
    pub negative: usize,
    /// Passes over the corpus.
    pub epochs: usize,
    /// Words seen fewer times are dropped from the vocabulary.
    pub min_count: u32,
    /// Keep at most this many words (the most frequent).
    pub max_vocab: usize,
    /// Sub-sampling threshold of frequent words.
    pub sample: f64,
    /// Initial learning rate (decays linearly to 1/10000 of it).
    pub learning_rate: f32,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for Word2VecConfig {
    fn default() -> Self {
        Word2VecConfig {
            dim: 64,
            window: 4,
            negative: 5,
            epochs: 2,
            min_count: 5,
            max_vocab: 120_000,
            sample: 1e-4,
            learning_rate: 0.025,
            seed: 1,
        }
    }
}

impl Word2VecConfig {
    /// A one-line description for file headers.
    pub fn describe(&self) -> String {
        format!(
            "word2vec skip-gram: dim {} window {} negative {} epochs {} min_count {} max_vocab {} sample {} lr {} seed {}",
            self.dim,
            self.window,
            self.negative,
            self.epochs,
            self.min_count,
            self.max_vocab,
            self.sample,
            self.learning_rate,
            self.seed
        )
    }
}

/// Collects a tokenized corpus in memory, interning words.
#[derive(Debug, Default)]
pub struct Corpus {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    counts: Vec<u64>,
    tokens: Vec<u32>,
    /// Start of each document in `tokens`.
    docs: Vec<usize>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document given as its word forms, in order.
    pub fn add_document<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.docs.push(self.tokens.len());
        for w in words {
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(w.into(), id);
                    self.words.push(w.into());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.tokens.push(id);
        }
    }

    /// Tokens added.
    pub fn tokens(&self) -> usize {
        self.tokens.len()
    }

    /// Documents added.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }
}

/// A trained embedding table.
#[derive(Debug, Clone)]
pub struct Embeddings {
    /// The vocabulary, by descending count then bytes.
    pub words: Vec<String>,
    /// Counts, aligned with `words`.
    pub counts: Vec<u64>,
    /// Row-major `words.len() × dim` vectors.
    pub vectors: Vec<f32>,
    /// Embedding size.
    pub dim: usize,
}

/// Trains skip-gram embeddings over `corpus`.
pub fn train(corpus: &Corpus, cfg: &Word2VecConfig) -> Result<Embeddings> {
    // The vocabulary: frequent enough, sorted by count then bytes so ids never depend on
    // the order words were met in.
    let mut order: Vec<u32> = (0..corpus.words.len() as u32)
        .filter(|&i| corpus.counts[i as usize] >= u64::from(cfg.min_count.max(1)))
        .collect();
    order.sort_by(|&a, &b| {
        corpus.counts[b as usize]
            .cmp(&corpus.counts[a as usize])
            .then(corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    order.truncate(cfg.max_vocab);
    if order.is_empty() || cfg.dim == 0 {
        return Err(Error::new(ErrorKind::NoData(
            "no word reaches the minimum count".into(),
        )));
    }
    let mut remap = vec![u32::MAX; corpus.words.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old as usize] = new as u32;
    }
    let v = order.len();
    let dim = cfg.dim;
    let counts: Vec<u64> = order.iter().map(|&o| corpus.counts[o as usize]).collect();
    let total: u64 = counts.iter().sum();

    // Documents as vocabulary ids; out-of-vocabulary tokens are dropped, as in word2vec.
    let mut docs: Vec<Vec<u32>> = Vec::with_capacity(corpus.docs.len());
    for (d, &start) in corpus.docs.iter().enumerate() {
        let end = corpus
            .docs
            .get(d + 1)
            .copied()
            .unwrap_or(corpus.tokens.len());
        docs.push(
            corpus.tokens[start..end]
                .iter()
                .map(|&t| remap[t as usize])
                .filter(|&t| t != u32::MAX)
                .collect(),
        );
    }

    // Keep probabilities for sub-sampling (word2vec's formula).
    let threshold = cfg.sample * total as f64;
    let keep: Vec<f32> = counts
        .iter()
        .map(|&c| {
            if cfg.sample <= 0.0 {
                1.0
            } else {
                (((c as f64 / threshold).sqrt() + 1.0) * threshold / c as f64).min(1.0) as f32
            }
        })
        .collect();

    // The noise distribution: unigram^0.75, as a table.
    const TABLE: usize = 4_000_000;
    let pow: Vec<f64> = counts.iter().map(|&c| (c as f64).powf(0.75)).collect();
    let norm: f64 = pow.iter().sum();
    let mut table = Vec::with_capacity(TABLE);
    let mut cum = 0.0;
    let mut w = 0usize;
    for i in 0..TABLE {
        if (i as f64 / TABLE as f64) > (cum + pow[w]) / norm && w + 1 < v {
            cum += pow[w];
            w += 1;
        }
        table.push(w as u32);
    }

    let mut rng = Rng::new(cfg.seed);
    let mut syn0: Vec<f32> = (0..v * dim)
        .map(|_| (rng.unit() - 0.5) / dim as f32)
        .collect();
    let mut syn1 = vec![0f32; v * dim];
    let mut grad = vec![0f32; dim];

    let planned = (docs.iter().map(Vec::len).sum::<usize>() * cfg.epochs.max(1)) as f64;
    let mut seen = 0usize;
    let mut kept: Vec<u32> = Vec::new();
    for _ in 0..cfg.epochs.max(1) {
        for doc in &docs {
            kept.clear();
            for &t in doc {
                if keep[t as usize] >= 1.0 || rng.unit() < keep[t as usize] {
                    kept.push(t);
                }
            }
            seen += doc.len();
            let progress = (seen as f64 / planned).min(1.0) as f32;
            let lr = (cfg.learning_rate * (1.0 - progress)).max(cfg.learning_rate * 1e-4);
            for (i, &center) in kept.iter().enumerate() {
                let b = 1 + rng.below(cfg.window.max(1));
                let lo = i.saturating_sub(b);
                let hi = (i + b + 1).min(kept.len());
                for (j, &context) in kept[lo..hi].iter().enumerate() {
                    if lo + j == i {
                        continue;
                    }
                    // Predict `center` from `context`: update syn0[context] and the output
                    // vectors of the center and the noise words.
                    let ctx = context as usize * dim;
                    grad.iter_mut().for_each(|g| *g = 0.0);
                    for n in 0..=cfg.negative {
                        let (target, label) = if n == 0 {
                            (center, 1.0f32)
                        } else {
                            let t = table[rng.below(TABLE)];
                            if t == center {
                                continue;
                            }
                            (t, 0.0)
                        };
                        let out = target as usize * dim;
                        let dot: f32 = syn0[ctx..ctx + dim]
                            .iter()
                            .zip(&syn1[out..out + dim])
                            .map(|(a, b)| a * b)
                            .sum();
                        let g = (label - sigmoid(dot)) * lr;
                        for k in 0..dim {
                            grad[k] += g * syn1[out + k];
                            syn1[out + k] += g * syn0[ctx + k];
                        }
                    }
                    for k in 0..dim {
                        syn0[ctx + k] += grad[k];
                    }
                }
            }
        }
    }
    Ok(Embeddings {
        words: order
            .iter()
            .map(|&o| corpus.words[o as usize].to_string())
            .collect(),
        counts,
        vectors: syn0,
        dim,
    })
}

#[inline]
fn sigmoid(x: f32) -> f32 {
    if x > 8.0 {
        1.0
    } else if x < -8.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two families of words that never share contexts must end up apart.
    fn toy_corpus() -> Corpus {
        let mut c = Corpus::new();
        let mut rng = Rng::new(7);
        let cities = ["موسكو", "لندن", "باريس", "برلين"];
        let people = ["أحمد", "محمد", "خالد", "سعيد"];
        for _ in 0..400 {
            let city = cities[rng.below(4)];
            let person = people[rng.below(4)];
            c.add_document([
                "وصل",
                "إلى",
                city,
                "اليوم",
                "قادما",
                "من",
                cities[rng.below(4)],
            ]);
            c.add_document([
                "قال",
                person,
                "إن",
                "الوضع",
                "جيد",
                "وأضاف",
                people[rng.below(4)],
            ]);
        }
        c
    }

    #[test]
    fn similar_contexts_give_similar_vectors() {
        let cfg = Word2VecConfig {
            dim: 16,
            epochs: 5,
            sample: 0.0,
            min_count: 1,
            ..Word2VecConfig::default()
        };
        let e = train(&toy_corpus(), &cfg).unwrap();
        let vec = |w: &str| {
            let i = e.words.iter().position(|x| x == w).unwrap();
            let v = &e.vectors[i * e.dim..(i + 1) * e.dim];
            let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter().map(|x| x / n).collect::<Vec<f32>>()
        };
        let cos = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        let same = cos(&vec("موسكو"), &vec("لندن"));
        let cross = cos(&vec("موسكو"), &vec("أحمد"));
        assert!(same > cross + 0.2, "same {same} cross {cross}");
    }

    #[test]
    fn is_deterministic() {
        let cfg = Word2VecConfig {
            dim: 8,
            epochs: 1,
            min_count: 1,
            ..Word2VecConfig::default()
        };
        let a = train(&toy_corpus(), &cfg).unwrap();
        let b = train(&toy_corpus(), &cfg).unwrap();
        assert_eq!(a.words, b.words);
        assert_eq!(a.vectors, b.vectors);
    }

    #[test]
    fn empty_corpus_is_an_error() {
        assert!(train(&Corpus::new(), &Word2VecConfig::default()).is_err());
    }
}
