//! The learned event filter: a logistic regression that decides which of the candidates the
//! rules vetoed are events after all.
//!
//! The trigger rules ([`super::candidates`]) judge each trigger they find, and a trigger a
//! rule judged no event used to be dropped on the rule's word alone. For four of those
//! rules (`SOFT_VETOES` in `events/mod.rs`: a reference back to an event told earlier, no
//! named participant, an unnamed act with no place, praise in a sports sentence), the
//! candidates they veto in the training articles are annotated events about one time in
//! six (168 of 1,034), while the rules miss about half the annotated events. So a candidate
//! one of them vetoes is now built in full
//! (participants, certainty) and weighed: the vetoes themselves are features, beside the
//! trigger word and its type, its form (verb, definite noun, light verb), the words around
//! it, which participants were found and whether they are names, the certainty, whether it
//! sits in a quote, how many candidates share its sentence and whether an earlier event had
//! its type. The weights are learned from candidates matched against annotated events
//! (`marsad train events`). The events the rules keep on their own are always kept: the
//! filter only overrules a veto, so it adds recall and never takes away what the rules
//! found.
//!
//! The model file (`data/events/filter.tsv`) is plain text: provenance notes, the bias and
//! the threshold, then one `feature<TAB>weight` line per feature, sorted by name, so a
//! rebuild diffs line by line.

use crate::entity::{Entity, EntityKind};
use marsad_core::{Event, Quote};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use thiserror::Error;

/// The committed model, embedded in the binary.
pub const FILTER_TSV: &str = include_str!("../../data/events/filter.tsv");

/// A model file that cannot be read.
#[derive(Debug, Error)]
pub enum FilterError {
    /// A line is neither a header nor `feature<TAB>weight`.
    #[error("event model file (filter or roles), line {line}: {reason}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// A trained filter: weights over the features of [`features`], a bias, and the probability
/// a vetoed candidate needs to be kept.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFilter {
    weights: FxHashMap<String, f32>,
    bias: f32,
    threshold: f32,
    /// Free-text provenance lines (`# …` after the header), kept when written back.
    notes: Vec<String>,
}

impl EventFilter {
    /// The embedded model (parsed once).
    pub fn embedded() -> &'static EventFilter {
        static MODEL: OnceLock<EventFilter> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The embedded file is ours and checked by a test; an unreadable one would be a
            // build defect, and rescuing no vetoed candidate (the rules alone) is the safe
            // fallback.
            EventFilter::parse(FILTER_TSV)
                .unwrap_or_else(|_| EventFilter::keep_all().with_threshold(f32::INFINITY))
        })
    }

    /// A filter that keeps every candidate (threshold 0).
    pub fn keep_all() -> EventFilter {
        EventFilter {
            weights: FxHashMap::default(),
            bias: 0.0,
            threshold: 0.0,
            notes: Vec::new(),
        }
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<EventFilter, FilterError> {
        let mut f = EventFilter::keep_all();
        let mut threshold = None;
        f.notes = model_lines(text, |line, key, value| {
            let err = |reason: &str| FilterError::Line {
                line,
                reason: reason.to_string(),
            };
            let value: f32 = value
                .trim()
                .parse()
                .map_err(|_| err("the weight is not a number"))?;
            if !value.is_finite() {
                return Err(err("the weight is not finite"));
            }
            match key {
                "@bias" => f.bias = value,
                "@threshold" => threshold = Some(value),
                _ if key.starts_with('@') => return Err(err("unknown header")),
                _ => {
                    f.weights.insert(key.to_string(), value);
                }
            }
            Ok(())
        })?;
        f.threshold = threshold.ok_or(FilterError::Line {
            line: 0,
            reason: "no @threshold line".to_string(),
        })?;
        Ok(f)
    }

    /// The model as a file: provenance notes, bias, threshold, then features by name.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for n in &self.notes {
            out.push_str("# ");
            out.push_str(n);
            out.push('\n');
        }
        out.push_str(&format!("@bias\t{}\n", round(self.bias)));
        out.push_str(&format!("@threshold\t{}\n", round(self.threshold)));
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        for k in keys {
            out.push_str(&format!("{k}\t{}\n", round(self.weights[k])));
        }
        out
    }

    /// Sets the provenance notes written at the top of the file.
    pub fn with_notes(mut self, notes: Vec<String>) -> EventFilter {
        self.notes = notes;
        self
    }

    /// The probability that a candidate with these features is an event.
    pub fn probability(&self, features: &[String]) -> f32 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f32>();
        sigmoid(z)
    }

    /// Whether a vetoed candidate with these features is kept.
    pub fn keep(&self, features: &[String]) -> bool {
        self.probability(features) >= self.threshold
    }

    /// The probability a vetoed candidate needs.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// How many features carry a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether no feature carries a weight (the keep-all filter).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// Reads the lines of an event model file (the filter's, the role models', the trigger
/// detector's): blank lines are skipped, `# …` lines are provenance notes (returned), and
/// every other line is `key<TAB>value`, handed to `entry(line number, key, value)`.
pub(crate) fn model_lines(
    text: &str,
    mut entry: impl FnMut(usize, &str, &str) -> Result<(), FilterError>,
) -> Result<Vec<String>, FilterError> {
    let mut notes = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(note) = line.strip_prefix('#') {
            notes.push(note.trim().to_string());
            continue;
        }
        let (key, value) = line.split_once('\t').ok_or(FilterError::Line {
            line: i + 1,
            reason: "no tab".to_string(),
        })?;
        entry(i + 1, key, value)?;
    }
    Ok(notes)
}

fn round(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// How a model is trained.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// L2 penalty on the weights (not the bias), per sample.
    pub l2: f32,
    /// Full-batch gradient steps.
    pub iterations: usize,
    /// Adagrad's base step.
    pub step: f32,
    /// A feature must occur in this many training candidates to get a weight.
    pub min_count: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            l2: 0.005,
            iterations: 400,
            step: 0.3,
            min_count: 3,
        }
    }
}

/// Trains a logistic regression on `(features, is_event)` samples; the threshold is left at
/// 0.5 (see [`EventFilter::with_threshold`]). Deterministic: full-batch steps over the
/// samples in order.
pub fn train(samples: &[(Vec<String>, bool)], opts: TrainOptions) -> EventFilter {
    // Feature ids for features seen often enough.
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (fs, _) in samples {
        for f in fs {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c >= opts.min_count)
        .map(|(k, _)| *k)
        .collect();
    names.sort_unstable();
    let id: FxHashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let rows: Vec<(Vec<usize>, f32)> = samples
        .iter()
        .map(|(fs, y)| {
            let mut ids: Vec<usize> = fs
                .iter()
                .filter_map(|f| id.get(f.as_str()).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, if *y { 1.0 } else { 0.0 })
        })
        .collect();
    let n = rows.len().max(1) as f32;
    let mut w = vec![0f32; names.len()];
    let mut b = 0f32;
    let mut gw = vec![0f32; names.len()];
    let mut acc_w = vec![1e-8f32; names.len()];
    let mut acc_b = 1e-8f32;
    for _ in 0..opts.iterations {
        gw.iter_mut().for_each(|g| *g = 0.0);
        let mut gb = 0f32;
        for (ids, y) in &rows {
            let z = b + ids.iter().map(|&i| w[i]).sum::<f32>();
            let d = sigmoid(z) - y;
            gb += d;
            for &i in ids {
                gw[i] += d;
            }
        }
        gb /= n;
        acc_b += gb * gb;
        b -= opts.step * gb / acc_b.sqrt();
        for i in 0..w.len() {
            let g = gw[i] / n + opts.l2 * w[i];
            acc_w[i] += g * g;
            w[i] -= opts.step * g / acc_w[i].sqrt();
        }
    }
    let weights = names
        .iter()
        .zip(&w)
        .filter(|(_, v)| round(**v) != 0.0)
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    EventFilter {
        weights,
        bias: b,
        threshold: 0.5,
        notes: Vec::new(),
    }
}

impl EventFilter {
    /// The same model with another threshold.
    pub fn with_threshold(mut self, threshold: f32) -> EventFilter {
        self.threshold = threshold;
        self
    }
}

/// The features of the candidates in `events` (one article's candidates, in order) that
/// `wanted` selects, read from the body's chars, the entities the extractor was given, the
/// quotes, the rules' vetoes and `forms` (what the matcher read each trigger as:
/// `pos=…`, `stack=…`, `form=…`); the others get none (the extraction only weighs vetoed
/// candidates).
pub fn features(
    chars: &[char],
    entities: &[Entity],
    quotes: &[Quote],
    events: &[Event],
    vetoes: &[Vec<&'static str>],
    forms: &[Vec<String>],
    wanted: impl Fn(usize) -> bool,
) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        if !wanted(i) {
            out.push(Vec::new());
            continue;
        }
        let t = e.kind.name();
        let mut f: Vec<String> = Vec::with_capacity(40);
        let mut add = |s: String| f.push(s);
        add(format!("t={t}"));
        let vetoed = vetoes.get(i).map(|v| v.as_slice()).unwrap_or_default();
        if vetoed.is_empty() {
            add("rules".to_string());
            add(format!("rules|{t}"));
        }
        for v in vetoed {
            add(format!("veto={v}"));
            add(format!("veto={v}|{t}"));
        }
        add(format!("vetoes={}", vetoed.len().min(3)));
        let cue_words: Vec<String> = words_in(chars, e.cue_start, e.cue_end);
        let first = cue_words.first().cloned().unwrap_or_default();
        let head = crate::claims::words::strip_conjunction(&first).to_string();
        let stem = strip_article(&head);
        add(format!("cue={}", cue_words.join("_")));
        add(format!("head={head}|{t}"));
        add(format!("stem={stem}"));
        add(format!("stem={stem}|{t}"));
        add(format!("words={}", cue_words.len().min(3)));
        add(format!("shape={}|{t}", shape(&head)));
        if head != first {
            add("conj".to_string());
        }
        let prev = word_before(chars, e.cue_start);
        let next = word_after(chars, e.cue_end);
        add(format!("prev={}", prev.as_deref().unwrap_or("^")));
        add(format!("next={}", next.as_deref().unwrap_or("$")));
        add(format!("prev={}|{t}", prev.as_deref().unwrap_or("^")));
        // A bag of the words a little further out (the sentence's topic: a match, a law, a
        // festival), within the sentence.
        let before = words_in(
            chars,
            e.start.max(e.cue_start.saturating_sub(40)),
            e.cue_start,
        );
        for w in before.iter().rev().skip(1).take(3) {
            add(format!("near={w}"));
        }
        let after = words_in(chars, e.cue_end, e.end.min(e.cue_end + 40));
        for w in after.iter().skip(1).take(3) {
            add(format!("near={w}"));
        }
        let head_word = |a: &Option<marsad_core::Argument>| {
            a.as_ref()
                .and_then(|a| words_in(chars, a.start, a.end).into_iter().next())
                .map(|w| strip_article(crate::claims::words::strip_conjunction(&w)))
        };
        if let Some(w) = head_word(&e.source) {
            add(format!("src_word={w}"));
        }
        if let Some(w) = head_word(&e.target) {
            add(format!("tgt_word={w}"));
        }
        let role = |a: &Option<marsad_core::Argument>| match a {
            None => "none".to_string(),
            Some(a) => entities
                .iter()
                .filter(|n| n.start < a.end && a.start < n.end)
                .map(|n| kind_name(n.kind))
                .next()
                .unwrap_or("text")
                .to_string(),
        };
        let src = role(&e.source);
        let tgt = role(&e.target);
        add(format!("src={src}"));
        add(format!("tgt={tgt}"));
        add(format!("src={src}|{t}"));
        add(format!("tgt={tgt}|{t}"));
        add(format!("args={}{}", src != "none", tgt != "none"));
        if e.location.is_some() {
            add("loc".to_string());
        }
        if e.date.is_some() {
            add("date".to_string());
        }
        if let Some(m) = &e.mode {
            add(format!("mode={m}"));
        }
        let cert = e.certainty.label.name();
        add(format!("cert={cert}"));
        add(format!("cert={cert}|{t}"));
        if e.attributed_to.is_some() {
            add("attributed".to_string());
        }
        let quoted = quotes
            .iter()
            .any(|q| q.start <= e.cue_start && e.cue_end <= q.end);
        add(format!("quoted={quoted}"));
        let same_sentence = events
            .iter()
            .filter(|o| o.start == e.start && o.end == e.end)
            .count();
        add(format!("in_sentence={}", same_sentence.min(4)));
        let earlier_same = events[..i]
            .iter()
            .zip(vetoes)
            .filter(|(o, v)| o.kind == e.kind && v.is_empty())
            .count();
        add(format!("earlier_same={}", earlier_same.min(2)));
        add(format!("earlier_same={}|{t}", earlier_same.min(2)));
        for x in forms.get(i).into_iter().flatten() {
            add(format!("{x}|t={t}"));
            add(x.clone());
        }
        out.push(f);
    }
    out
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Per => "per",
        EntityKind::Org => "org",
        EntityKind::Loc => "loc",
        EntityKind::Misc => "misc",
    }
}

/// A word's outline: the class of its first letters and of its last, enough to tell an
/// imperfect verb (يـ، تـ), a definite noun (الـ), a prepositional phrase (بالـ، لـ) or a
/// feminine noun (ـة) apart.
fn shape(w: &str) -> String {
    let c: Vec<char> = w.chars().collect();
    let lead = if w.starts_with("ال") {
        "al"
    } else if w.starts_with("بال") || w.starts_with("لل") {
        "pal"
    } else {
        match c.first() {
            Some('ي' | 'ت' | 'ن') => "impf",
            Some('ا' | 'أ' | 'إ') => "alef",
            Some('ب' | 'ل' | 'ك') => "prep",
            Some('م') => "mim",
            _ => "other",
        }
    };
    let end = match c.last() {
        Some('ة' | 'ه') => "ta",
        Some('ا') => "a",
        Some('و' | 'ي') => "wy",
        Some('ت') => "t",
        Some('ن') => "n",
        _ => "c",
    };
    format!("{lead}-{end}")
}

/// The word without the article or a preposition glued to it.
fn strip_article(w: &str) -> String {
    for p in ["بال", "لل", "ال", "كال"] {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return rest.to_string();
        }
    }
    w.to_string()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '\u{64B}'..='\u{652}' | '\u{640}')
}

/// The folded words of `chars[a..b]` (diacritics and tatweel dropped).
fn words_in(chars: &[char], a: usize, b: usize) -> Vec<String> {
    let b = b.min(chars.len());
    let a = a.min(b);
    let mut out = Vec::new();
    let mut cur = String::new();
    for &c in &chars[a..b] {
        if is_word_char(c) {
            cur.push(c);
        } else if matches!(c, '\u{64B}'..='\u{652}' | '\u{640}') {
            continue;
        } else if !cur.is_empty() {
            out.push(crate::claims::words::fold(&cur));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(crate::claims::words::fold(&cur));
    }
    out
}

/// The word right before char `pos` (punctuation in between: none).
fn word_before(chars: &[char], pos: usize) -> Option<String> {
    let mut i = pos.min(chars.len());
    while i > 0 && chars[i - 1].is_whitespace() {
        i -= 1;
    }
    let end = i;
    while i > 0 && (is_word_char(chars[i - 1]) || matches!(chars[i - 1], '\u{64B}'..='\u{652}')) {
        i -= 1;
    }
    (i < end).then(|| words_in(chars, i, end).join("_"))
}

/// The word right after char `pos` (punctuation in between: none).
fn word_after(chars: &[char], pos: usize) -> Option<String> {
    let mut i = pos.min(chars.len());
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    let start = i;
    while i < chars.len() && (is_word_char(chars[i]) || matches!(chars[i], '\u{64B}'..='\u{652}')) {
        i += 1;
    }
    (start < i).then(|| words_in(chars, start, i).join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parses_and_round_trips() {
        let m = EventFilter::parse(FILTER_TSV).unwrap();
        assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
        assert!(!m.is_empty());
        assert_eq!(EventFilter::parse(&m.to_tsv()).unwrap(), m);
    }

    #[test]
    fn bad_lines_name_their_line() {
        let e = EventFilter::parse("@threshold\t0.4\nt=ACCUSE 1.0\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(EventFilter::parse("t=ACCUSE\t1.0\n").is_err());
        assert!(EventFilter::parse("@threshold\tNaN\n").is_err());
        let e = EventFilter::parse("t=ACCUSE\t0.4\n").unwrap_err();
        assert!(e.to_string().contains("@threshold"), "{e}");
    }

    #[test]
    fn training_learns_a_separating_feature() {
        // "good" marks events, "bad" non-events; "noise" is on both sides.
        let mut samples = Vec::new();
        for i in 0..40 {
            let y = i % 2 == 0;
            let mut f = vec!["noise".to_string()];
            f.push(if y { "good" } else { "bad" }.to_string());
            samples.push((f, y));
        }
        let m = train(&samples, TrainOptions::default());
        assert!(m.keep(&["good".to_string(), "noise".to_string()]));
        assert!(!m.keep(&["bad".to_string(), "noise".to_string()]));
        assert!(m.clone().with_threshold(0.0).keep(&["bad".to_string()]));
        // Unknown features leave the bias alone.
        let p = m.probability(&["unseen".to_string()]);
        assert!((0.3..0.7).contains(&p), "{p}");
    }

    #[test]
    fn words_around_a_cue_are_folded_and_stop_at_punctuation() {
        let text: Vec<char> = "قال إنّ الوزير، استقبل أمس".chars().collect();
        let s: String = text.iter().collect();
        let cue = s.find("استقبل").unwrap();
        let cue = s[..cue].chars().count();
        assert_eq!(word_before(&text, cue), None);
        assert_eq!(word_after(&text, cue + 6).as_deref(), Some("امس"));
        assert_eq!(words_in(&text, 0, 7), vec!["قال", "ان"]);
    }
}
