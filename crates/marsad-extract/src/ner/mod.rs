//! Named-entity recognition for Arabic news: PER, ORG, LOC, MISC.
//!
//! The tagger is an averaged structured perceptron ([`perceptron`]) with first-order
//! Viterbi decoding ([`decode`]) over hashed features ([`features`]): word forms, clitic
//! stems, affixes, shapes, corpus frequency, unsupervised word clusters learned from
//! SaudiNewsNet ([`word2vec`] + [`kmeans`] → [`clusters`]) and gazetteer membership. It is
//! trained on ANERcorp by `marsad train ner`; the model file ([`model`]) is compiled into
//! the binary and loaded on first use.
//!
//! * [`NerModel::tag_tokens`] tags pre-tokenized text with the model alone, in ANERcorp's
//!   conventions (that is what `marsad eval ner` scores).
//! * [`NerModel::recognize`] tokenizes raw text with marsad's tokenizer, splits sentences,
//!   tags them, adds the gazetteer layer of [`rules`] (government bodies such as حكومة
//!   الوفاق and listed places), spreads the people it found to bare mentions of their
//!   surname elsewhere in the text, and returns entities with char offsets into the input.
//!   A proclitic on an entity's first word (وأمريكا, بموسكو) is left out of its span.

pub mod clusters;
pub mod conll;
pub mod decode;
pub mod features;
pub mod kmeans;
pub mod model;
pub mod perceptron;
mod rules;
pub mod tags;
pub mod word2vec;

pub use tags::{NUM_TAGS, Tag, TagSpan};

use crate::entity::{Entity, EntityKind};
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{self, Gazetteer};
use clusters::Clusters;
use conll::{Scores, TaggedSentence};
use features::{Extractor, SentenceFeatures};
use marsad_arabic::normalize::{Folds, fold_char};
use marsad_arabic::sentence::sentences_from_tokens;
use marsad_arabic::token::tokenize;
use model::{ModelData, Weights};
use perceptron::{TrainConfig, TrainingSentence};
use std::sync::{Arc, LazyLock};

/// The model compiled into the binary (`crates/marsad-extract/data/ner.model`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/ner.model");

static EMBEDDED: LazyLock<Result<NerModel>> =
    LazyLock::new(|| NerModel::from_bytes(EMBEDDED_MODEL));
static EMPTY: LazyLock<NerModel> = LazyLock::new(NerModel::empty);

/// Called after each training epoch with the model so far.
pub type ModelCallback<'a> = &'a mut dyn FnMut(usize, &NerModel);

/// A trained tagger with its cluster table.
#[derive(Debug, Clone)]
pub struct NerModel {
    weights: Weights,
    clusters: Arc<Clusters>,
    description: String,
    gazetteer_fingerprint: u64,
}

/// A fingerprint of the gazetteer lists the tagger's features use; a model records the one it
/// was trained with, so a stale model can be detected after the lists change.
pub fn gazetteer_fingerprint() -> u64 {
    let mut bytes = Vec::new();
    for (name, text) in gazetteer::EMBEDDED
        .iter()
        .filter(|(name, _)| gazetteer::TAGGER_LISTS.contains(name))
    {
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(0);
    }
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

impl NerModel {
    /// The embedded model, or — should it fail to load, which a test rules out — an empty
    /// model that finds nothing but the gazetteer layer. See [`NerModel::try_embedded`].
    pub fn embedded() -> &'static NerModel {
        match &*EMBEDDED {
            Ok(m) => m,
            Err(_) => &EMPTY,
        }
    }

    /// The embedded model, or why it could not be loaded.
    pub fn try_embedded() -> std::result::Result<&'static NerModel, &'static Error> {
        EMBEDDED.as_ref()
    }

    /// A model with no weights (every token `O`).
    pub fn empty() -> NerModel {
        NerModel {
            weights: Weights::empty(),
            clusters: Arc::new(Clusters::default()),
            description: "empty model".into(),
            gazetteer_fingerprint: gazetteer_fingerprint(),
        }
    }

    /// Loads a model file (see [`model`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel> {
        let d = ModelData::from_bytes(bytes)?;
        Ok(NerModel {
            weights: d.weights,
            clusters: Arc::new(d.clusters),
            description: d.description,
            gazetteer_fingerprint: d.gazetteer_fingerprint,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        ModelData {
            weights: self.weights.clone(),
            clusters: (*self.clusters).clone(),
            description: self.description.clone(),
            gazetteer_fingerprint: self.gazetteer_fingerprint,
        }
        .to_bytes()
    }

    /// How the model was trained.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of features with a weight.
    pub fn num_features(&self) -> usize {
        self.weights.len()
    }

    /// Words in the cluster table.
    pub fn num_cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// False when the gazetteer lists changed since the model was trained (retrain it).
    pub fn gazetteer_is_current(&self) -> bool {
        self.gazetteer_fingerprint == gazetteer_fingerprint()
    }

    /// A tagger with reusable buffers, for tagging many sentences.
    pub fn tagger(&self) -> Tagger<'_> {
        Tagger {
            model: self,
            extractor: Extractor::new(&self.clusters, Gazetteer::for_tagger()),
            features: SentenceFeatures::default(),
            emissions: Vec::new(),
            path: Vec::new(),
        }
    }

    /// Tags one pre-tokenized sentence with the model alone (ANERcorp conventions).
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tagger().tag(tokens)
    }

    /// Finds the entities of a raw text: tokenizes, splits sentences, tags and applies the
    /// gazetteer layer. Offsets are chars of `text`. Never fails.
    pub fn recognize(&self, text: &str) -> Vec<Entity> {
        let mut tagger = self.tagger();
        let tokens = tokenize(text);
        // Entities as (token index of the first token, token index after the last, clitic
        // letters, kind), over the whole text.
        let mut found: Vec<(usize, usize, usize, EntityKind)> = Vec::new();
        for sentence in sentences_from_tokens(text, &tokens) {
            let base = sentence.tokens.start;
            let texts: Vec<&str> = tokens[sentence.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect();
            for c in tagger.candidates(&texts, true) {
                found.push((base + c.start, base + c.end, c.clitic_letters, c.kind));
            }
        }
        self.propagate_names(text, &tokens, &mut found);
        let mut char_of_byte = CharCounter::new(text);
        let mut out = Vec::with_capacity(found.len());
        for (start, end, clitic_letters, kind) in found {
            let first = &tokens[start];
            let byte_start = first.byte_start + clitic_bytes(first.text(text), clitic_letters);
            let byte_end = tokens[end - 1].byte_end;
            out.push(Entity {
                kind,
                start: char_of_byte.chars_before(byte_start),
                end: char_of_byte.chars_before(byte_end),
                text: text[byte_start..byte_end].to_string(),
            });
        }
        out
    }

    /// One sense per document for people: once the tagger has found a person, a bare
    /// mention of the same name or surname elsewhere in the text is that person too
    /// (خليفة حفتر … بقيادة حفتر). Only names the corpus counts as rare qualify, so a
    /// surname that is also a common word (الأمين) never spreads.
    fn propagate_names(
        &self,
        text: &str,
        tokens: &[marsad_arabic::token::Token],
        found: &mut Vec<(usize, usize, usize, EntityKind)>,
    ) {
        const MAX_COUNT: u32 = 1_000;
        let stem_of = |i: usize| -> (String, usize) {
            let mut form = String::new();
            features::word_form(tokens[i].text(text), &mut form);
            let split = features::split_proclitics(&form, &self.clusters);
            let skip: usize = form
                .chars()
                .take(split.clitic_letters)
                .map(char::len_utf8)
                .sum();
            (form[skip..].to_string(), split.clitic_letters)
        };
        let mut names: Vec<String> = Vec::new();
        for &(start, end, _, kind) in found.iter() {
            if kind == EntityKind::Per {
                let (name, _) = stem_of(end - 1);
                let rare = self.clusters.count(&name) <= MAX_COUNT;
                let listed = Gazetteer::embedded().single_token_mask(&name) != 0;
                if rare && !listed && name.chars().count() >= 3 && end > start {
                    names.push(name);
                }
            }
        }
        if names.is_empty() {
            return;
        }
        names.sort_unstable();
        names.dedup();
        let mut covered = vec![false; tokens.len()];
        for &(start, end, _, _) in found.iter() {
            covered[start..end].iter_mut().for_each(|c| *c = true);
        }
        let mut added = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if covered[i] || !t.kind.is_word() {
                continue;
            }
            let (name, clitic) = stem_of(i);
            if names.binary_search(&name).is_ok() {
                added.push((i, i + 1, clitic, EntityKind::Per));
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_unstable_by_key(|&(s, e, _, _)| (s, e));
        }
    }

    /// Trains a model on `train` with `clusters`. `on_epoch(epoch, model)` is called after
    /// every epoch of the first ensemble member with its averaged model so far (for tuning
    /// on held-out data).
    pub fn train(
        train: &[TaggedSentence],
        clusters: Clusters,
        cfg: &TrainConfig,
        description: &str,
        mut on_epoch: Option<ModelCallback<'_>>,
    ) -> Result<NerModel> {
        if train.is_empty() {
            return Err(Error::new(ErrorKind::NoData(
                "no training sentences".into(),
            )));
        }
        let clusters = Arc::new(clusters);
        let data = featurize(train, &clusters);
        let fingerprint = gazetteer_fingerprint();
        let wrap = |weights: Weights| NerModel {
            weights,
            clusters: Arc::clone(&clusters),
            description: description.to_string(),
            gazetteer_fingerprint: fingerprint,
        };
        let mut callback = |epoch: usize, w: &Weights| {
            if let Some(f) = on_epoch.as_mut() {
                f(epoch, &wrap(w.clone()));
            }
        };
        let mut members = Vec::with_capacity(cfg.ensemble.max(1));
        members.push(perceptron::train(&data, cfg, Some(&mut callback))?);
        for k in 1..cfg.ensemble.max(1) {
            let member = TrainConfig {
                seed: cfg.seed.wrapping_add(k as u64),
                ..cfg.clone()
            };
            members.push(perceptron::train(&data, &member, None)?);
        }
        let weights = if members.len() == 1 {
            members.pop().unwrap_or_else(Weights::empty)
        } else {
            Weights::average(&members)
        };
        Ok(wrap(weights))
    }

    /// Entity-level scores of the model on `gold` (model alone, or with the gazetteer layer
    /// of `recognize` when `rules` is set).
    pub fn evaluate(&self, gold: &[TaggedSentence], rules: bool) -> Scores {
        let mut tagger = self.tagger();
        let mut scores = Scores::default();
        for s in gold {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let predicted = if rules {
                tagger.tag_with_rules(&tokens)
            } else {
                tagger.tag(&tokens)
            };
            scores.add(&s.tags, &predicted);
        }
        scores
    }
}

/// Features and gold tags of tagged sentences.
fn featurize(sentences: &[TaggedSentence], clusters: &Clusters) -> Vec<TrainingSentence> {
    let mut ex = Extractor::new(clusters, Gazetteer::for_tagger());
    sentences
        .iter()
        .map(|s| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut features = SentenceFeatures::default();
            ex.extract(&tokens, &mut features);
            TrainingSentence {
                features,
                gold: s.tags.iter().map(|t| t.index()).collect(),
            }
        })
        .collect()
}

/// Tags sentences with one model, reusing its buffers.
#[derive(Debug)]
pub struct Tagger<'m> {
    model: &'m NerModel,
    extractor: Extractor<'m>,
    features: SentenceFeatures,
    emissions: Vec<[f32; NUM_TAGS]>,
    path: Vec<usize>,
}

impl Tagger<'_> {
    /// Tags a sentence with the model alone.
    pub fn tag(&mut self, tokens: &[&str]) -> Vec<Tag> {
        self.run(tokens);
        self.path.iter().map(|&y| Tag::from_index(y)).collect()
    }

    /// Tags a sentence with the model and the gazetteer layer (what `recognize` does), as
    /// BIO tags.
    pub fn tag_with_rules(&mut self, tokens: &[&str]) -> Vec<Tag> {
        let mut tags = vec![Tag::O; tokens.len()];
        for c in self.candidates(tokens, true) {
            tags[c.start] = Tag::B(c.kind);
            for t in &mut tags[c.start + 1..c.end] {
                *t = Tag::I(c.kind);
            }
        }
        tags
    }

    fn run(&mut self, tokens: &[&str]) {
        self.extractor.extract(tokens, &mut self.features);
        self.model
            .weights
            .emissions(&self.features, &mut self.emissions);
        decode::viterbi(&self.emissions, &self.model.weights.trans, &mut self.path);
    }

    fn candidates(&mut self, tokens: &[&str], rules: bool) -> Vec<rules::Candidate> {
        if tokens.is_empty() {
            return Vec::new();
        }
        self.run(tokens);
        let tags: Vec<Tag> = self.path.iter().map(|&y| Tag::from_index(y)).collect();
        let model: Vec<rules::Candidate> = tags::spans(&tags)
            .into_iter()
            .map(|s| rules::Candidate {
                kind: s.kind,
                start: s.start,
                end: s.end,
                clitic_letters: self.features.clitic_letters[s.start],
            })
            .collect();
        if rules {
            rules::apply(tokens, model, Gazetteer::embedded())
        } else {
            model
        }
    }
}

/// Bytes of `token` taken by its first `letters` letters as the search form counts them
/// (marks and tatweel after a letter go with it). Never more than the token, and never the
/// whole token.
fn clitic_bytes(token: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut buf = String::new();
    let mut end = 0;
    for (b, c) in token.char_indices() {
        buf.clear();
        fold_char(c, Folds::SEARCH, &mut buf);
        if buf.is_empty() {
            // A mark or control: it belongs to the letter before it.
            end = b + c.len_utf8();
            continue;
        }
        if seen == letters {
            break;
        }
        seen += buf.chars().count();
        end = b + c.len_utf8();
    }
    if end >= token.len() { 0 } else { end }
}

/// Converts increasing byte offsets of a text to char offsets in one forward pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Chars before byte `b` (a char boundary). Offsets may go backwards; it then recounts.
    fn chars_before(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests;
