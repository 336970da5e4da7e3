//! The learned trigger detector: events the trigger lexicon has no row for.
//!
//! The lexicon names the triggers the rules know; the annotated articles use many more
//! (`صدّق الحكم`, `أحيلت`, `توصلت`, `السيطرة`, `إنقاذ`…), so about four in ten of the
//! annotated events have no rule candidate at all, vetoed or not. The detector reads every word the
//! rules left alone and gives it a probability for each event type: a multinomial logistic
//! regression over the word, its stem and clitics, and the stems around it, trained on the
//! annotated articles (`marsad train triggers`). A word whose likeliest type reaches the
//! model's threshold becomes an event of that type; its participants, certainty and date
//! are read as for any other event (`learned_event` in `events/mod.rs`).
//!
//! The model file (`data/events/detector.tsv`) is plain text: provenance notes, the class
//! order, the threshold, one bias line, then one `feature<TAB>weights` line per feature
//! (one weight per class, in class order), sorted by name.

use super::doc::Doc;
use super::vocab::clitic_free;
use crate::events::filter::{FilterError, model_lines};
use marsad_core::EventType;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The committed model, embedded in the binary.
pub const DETECTOR_TSV: &str = include_str!("../../data/events/detector.tsv");

/// Classes: no event first, then the event types in [`EventType::ALL`] order.
pub const CLASSES: usize = 1 + EventType::ALL.len();

/// The class of an event type.
pub fn class_of(kind: EventType) -> usize {
    1 + EventType::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// A trained detector.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerModel {
    weights: FxHashMap<String, [f32; CLASSES]>,
    bias: [f32; CLASSES],
    threshold: f32,
    notes: Vec<String>,
}

/// How the detector is trained.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the samples.
    pub epochs: usize,
    /// Step of the first pass (decays as 1/(1 + t/n)).
    pub step: f32,
    /// L2 penalty per sample on the weights.
    pub l2: f32,
    /// A feature must occur in this many samples to get weights.
    pub min_count: usize,
    /// Features whose every weight stays below this (in absolute value) are dropped after
    /// training: rare words of no event move their weights very little, and keeping them
    /// made the model file 5.8 MB instead of 0.4 MB for nothing the cross-validation saw.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            step: 0.2,
            l2: 1e-5,
            min_count: 2,
            prune: 0.1,
        }
    }
}

impl TriggerModel {
    /// The embedded model (parsed once); a model that finds nothing if the file were
    /// unreadable (a build defect a test catches).
    pub fn embedded() -> &'static TriggerModel {
        static MODEL: OnceLock<TriggerModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            TriggerModel::parse(DETECTOR_TSV).unwrap_or_else(|_| TriggerModel::none())
        })
    }

    /// A model that detects nothing.
    pub fn none() -> TriggerModel {
        TriggerModel {
            weights: FxHashMap::default(),
            bias: [0.0; CLASSES],
            threshold: f32::INFINITY,
            notes: Vec::new(),
        }
    }

    /// The probability of each class (no event first) for a word with `features`.
    pub fn probabilities(&self, features: &[String]) -> [f32; CLASSES] {
        let mut z = self.bias;
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (zi, wi) in z.iter_mut().zip(w) {
                    *zi += wi;
                }
            }
        }
        softmax(&mut z);
        z
    }

    /// The likeliest event type and its probability.
    pub fn best(&self, features: &[String]) -> (EventType, f32) {
        let p = self.probabilities(features);
        let mut best = (EventType::ALL[0], f32::NEG_INFINITY);
        for (k, kind) in EventType::ALL.iter().enumerate() {
            if p[k + 1] > best.1 {
                best = (*kind, p[k + 1]);
            }
        }
        best
    }

    /// The probability a word's likeliest type needs to become an event.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The model with another threshold.
    pub fn with_threshold(mut self, threshold: f32) -> TriggerModel {
        self.threshold = threshold;
        self
    }

    /// The model with provenance notes.
    pub fn with_notes(mut self, notes: Vec<String>) -> TriggerModel {
        self.notes = notes;
        self
    }

    /// Features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether no feature has weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<TriggerModel, FilterError> {
        let mut m = TriggerModel::none();
        let mut threshold = None;
        m.notes = model_lines(text, |line, key, value| {
            let err = |reason: &str| FilterError::Line {
                line,
                reason: reason.to_string(),
            };
            match key {
                "@classes" => {
                    let want: Vec<&str> = std::iter::once("NONE")
                        .chain(EventType::ALL.iter().map(|k| k.name()))
                        .collect();
                    if value.split(' ').collect::<Vec<_>>() != want {
                        return Err(err("the classes are not NONE and the event types in order"));
                    }
                }
                "@threshold" => {
                    threshold = Some(
                        value
                            .trim()
                            .parse::<f32>()
                            .ok()
                            .filter(|t| t.is_finite())
                            .ok_or_else(|| err("the threshold is not a number"))?,
                    );
                }
                _ if key.starts_with('@') && key != "@bias" => {
                    return Err(err("unknown header"));
                }
                _ => {
                    let parts: Vec<&str> = value.split(' ').collect();
                    if parts.len() != CLASSES {
                        return Err(err("not one weight per class"));
                    }
                    let mut w = [0f32; CLASSES];
                    for (slot, x) in w.iter_mut().zip(parts) {
                        *slot = x
                            .parse::<f32>()
                            .ok()
                            .filter(|x| x.is_finite())
                            .ok_or_else(|| err("a weight is not a number"))?;
                    }
                    if key == "@bias" {
                        m.bias = w;
                    } else {
                        m.weights.insert(key.to_string(), w);
                    }
                }
            }
            Ok(())
        })?;
        m.threshold = threshold.ok_or(FilterError::Line {
            line: 0,
            reason: "no @threshold line".to_string(),
        })?;
        Ok(m)
    }

    /// The model as a file.
    pub fn to_tsv(&self) -> String {
        let row = |w: &[f32; CLASSES]| {
            w.iter()
                .map(|x| format!("{}", round(*x)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut out = String::new();
        for n in &self.notes {
            out.push_str(&format!("# {n}\n"));
        }
        let classes: Vec<&str> = std::iter::once("NONE")
            .chain(EventType::ALL.iter().map(|k| k.name()))
            .collect();
        out.push_str(&format!("@classes\t{}\n", classes.join(" ")));
        out.push_str(&format!("@threshold\t{}\n", round(self.threshold)));
        out.push_str(&format!("@bias\t{}\n", row(&self.bias)));
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        for k in keys {
            out.push_str(&format!("{k}\t{}\n", row(&self.weights[k])));
        }
        out
    }
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn softmax(z: &mut [f32; CLASSES]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in z.iter_mut() {
        *x = (*x - m).exp();
        sum += *x;
    }
    for x in z.iter_mut() {
        *x /= sum;
    }
}

/// Trains on `(features, class)` samples by stochastic gradient descent over the samples in
/// order (deterministic); the threshold is left at 0.5. Features whose weights all stay
/// below `opts.prune` are dropped.
pub fn train(samples: &[(Vec<String>, usize)], opts: TrainOptions) -> TriggerModel {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (fs, _) in samples {
        for f in fs {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c >= opts.min_count.max(1))
        .map(|(n, _)| *n)
        .collect();
    names.sort_unstable();
    let index: FxHashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let rows: Vec<(Vec<usize>, usize)> = samples
        .iter()
        .map(|(fs, y)| {
            let mut ids: Vec<usize> = fs
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, (*y).min(CLASSES - 1))
        })
        .collect();
    let mut w = vec![[0f32; CLASSES]; names.len()];
    let mut b = [0f32; CLASSES];
    let n = rows.len().max(1) as f32;
    let mut t = 0f32;
    for _ in 0..opts.epochs.max(1) {
        for (ids, y) in &rows {
            let step = opts.step / (1.0 + t / n);
            t += 1.0;
            let mut z = b;
            for &i in ids {
                for (zc, wc) in z.iter_mut().zip(&w[i]) {
                    *zc += wc;
                }
            }
            softmax(&mut z);
            z[*y] -= 1.0;
            for (bc, g) in b.iter_mut().zip(&z) {
                *bc -= step * g;
            }
            for &i in ids {
                for (wc, g) in w[i].iter_mut().zip(&z) {
                    *wc -= step * (g + opts.l2 * *wc);
                }
            }
        }
    }
    let weights = names
        .iter()
        .zip(w)
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= opts.prune.max(0.0005)))
        .map(|(n, w)| (n.to_string(), w))
        .collect();
    TriggerModel {
        weights,
        bias: b,
        threshold: 0.5,
        notes: Vec::new(),
    }
}

/// Whether token `i` is a word the detector weighs: Arabic, at least three letters.
pub(crate) fn eligible(doc: &Doc<'_>, i: usize) -> bool {
    let k = doc.w.key(i);
    doc.w.is_word(i)
        && k.chars().count() >= 3
        && k.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// The stem the features use: the key without its proclitics and article, and without a
/// pronoun, plural or accusative ending when three letters remain.
fn stem(key: &str) -> &str {
    let k = clitic_free(key);
    for suffix in ["هما", "هم", "ها", "ه", "ات", "ون", "ين", "ا"] {
        if let Some(r) = k.strip_suffix(suffix)
            && r.chars().count() >= 3
        {
            return r;
        }
    }
    k
}

/// The stem of every token of `doc` (`""` for a token that is not a word): each word's
/// features read the stems of its neighbours, so they are computed once per text.
pub(crate) fn stems<'d>(doc: &'d Doc<'_>) -> Vec<&'d str> {
    (0..doc.len())
        .map(|i| {
            if doc.w.is_word(i) {
                stem(doc.w.key(i))
            } else {
                ""
            }
        })
        .collect()
}

/// Calls `f` with each of the detector's features of token `i` (`stems` from [`stems`]),
/// written into one reused buffer: extraction weighs every word no rule took, and
/// allocating or formatting each feature would cost more than the rest of the detector.
pub(crate) fn for_each_feature(
    doc: &Doc<'_>,
    stems: &[&str],
    i: usize,
    buf: &mut String,
    mut f: impl FnMut(&str),
) {
    let key = doc.w.key(i);
    let s = stems.get(i).copied().unwrap_or("");
    let free = clitic_free(key);
    let prefix = &key[..key.len() - free.len()];
    let at = |j: isize| -> &str {
        match usize::try_from(j).ok().and_then(|j| stems.get(j)) {
            Some(s) if !s.is_empty() => s,
            _ => "<>",
        }
    };
    let i = i as isize;
    let chars = key.chars().count();
    let last2 = key
        .char_indices()
        .nth(chars.saturating_sub(2))
        .map_or(key, |(b, _)| &key[b..]);
    let first4 = s.char_indices().nth(4).map_or(s, |(b, _)| &s[..b]);
    let mut emit = |parts: &[&str]| {
        buf.clear();
        for p in parts {
            buf.push_str(p);
        }
        f(buf);
    };
    emit(&["w=", key]);
    emit(&["s=", s]);
    emit(&["p=", prefix]);
    emit(&["s4=", first4]);
    emit(&["e2=", last2]);
    emit(&["s-2=", at(i - 2)]);
    emit(&["s-1=", at(i - 1)]);
    emit(&["s+1=", at(i + 1)]);
    emit(&["s+2=", at(i + 2)]);
    emit(&["bg=", at(i - 1), "_", s]);
}

/// The detector's features of token `i`, as strings (for training and explaining).
pub(crate) fn features(doc: &Doc<'_>, stems: &[&str], i: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(10);
    for_each_feature(doc, stems, i, &mut String::new(), |f| {
        out.push(f.to_string())
    });
    out
}

impl TriggerModel {
    /// The likeliest event type of token `i` and its probability, without allocating.
    pub(crate) fn best_at(
        &self,
        doc: &Doc<'_>,
        stems: &[&str],
        i: usize,
        buf: &mut String,
    ) -> (EventType, f32) {
        let mut z = self.bias;
        for_each_feature(doc, stems, i, buf, |f| {
            if let Some(w) = self.weights.get(f) {
                for (zi, wi) in z.iter_mut().zip(w) {
                    *zi += wi;
                }
            }
        });
        softmax(&mut z);
        let mut best = (EventType::ALL[0], f32::NEG_INFINITY);
        for (k, kind) in EventType::ALL.iter().enumerate() {
            if z[k + 1] > best.1 {
                best = (*kind, z[k + 1]);
            }
        }
        best
    }
}

/// A word the detector weighed in a body: where it is and its features, for `marsad train
/// triggers`.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectorToken {
    /// Char span of the word in the body.
    pub start: usize,
    pub end: usize,
    /// The detector's features.
    pub features: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn learns_words_and_round_trips() {
        let mut samples = Vec::new();
        for _ in 0..30 {
            samples.push((f(&["s=قتل", "s-1=مسلح"]), class_of(EventType::Assault)));
            samples.push((f(&["s=زار", "s-1=وزير"]), class_of(EventType::Consult)));
            samples.push((f(&["s=كتاب", "s-1=وزير"]), 0));
            samples.push((f(&["s=بيت", "s-1=مسلح"]), 0));
        }
        let m = train(&samples, TrainOptions::default()).with_threshold(0.4);
        assert_eq!(m.best(&f(&["s=قتل"])).0, EventType::Assault);
        assert_eq!(m.best(&f(&["s=زار"])).0, EventType::Consult);
        assert!(m.probabilities(&f(&["s=كتاب", "s-1=وزير"]))[0] > 0.5);
        let back = TriggerModel::parse(&m.to_tsv()).unwrap();
        assert_eq!(back.to_tsv(), m.to_tsv());
        assert_eq!(back.threshold(), 0.4);
    }

    #[test]
    fn bad_files_name_their_line() {
        let good = TriggerModel::none().with_threshold(0.5).to_tsv();
        assert!(TriggerModel::parse(&good).is_ok());
        let bad = format!("{good}x\t1 2\n");
        let e = TriggerModel::parse(&bad).unwrap_err().to_string();
        assert!(
            e.contains(&format!("line {}", good.lines().count() + 1)),
            "{e}"
        );
        assert!(TriggerModel::parse("@bias\t0\n").is_err());
    }

    #[test]
    fn the_embedded_model_reads() {
        let m = TriggerModel::parse(DETECTOR_TSV).expect("the embedded detector parses");
        assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
        assert!(m.len() > 100);
    }
}
