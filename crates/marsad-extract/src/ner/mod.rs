//! Named-entity recognition for Arabic news: PER, ORG, LOC, MISC.
//!
//! The tagger is an averaged structured perceptron ([`perceptron`]) with first-order
//! Viterbi decoding ([`decode`]) over hashed features ([`features`]): word forms, clitic
//! stems, affixes, shapes, corpus frequency, unsupervised word clusters learned from
//! SaudiNewsNet ([`word2vec`] + [`kmeans`] → [`clusters`]), gazetteer membership, and a
//! name lexicon self-trained on SaudiNewsNet ([`lexicon`]). It tags a document in two
//! passes: the first tags each sentence alone, the second adds how the first tagged the
//! other mentions of each word in the surrounding sentences ([`doc`]). Features that come
//! from a model's output are jackknifed in training (each training sentence gets them from a
//! model that did not see it). It is trained on ANERcorp by `marsad train ner`; the model
//! file ([`model`]) is compiled into the binary and loaded on first use.
//!
//! * [`NerModel::tag_tokens`] tags one pre-tokenized sentence with the model alone, in
//!   ANERcorp's conventions; [`Tagger::tag_document`] tags the sentences of a document
//!   (that is what `marsad eval ner` scores, the gold file as one document).
//! * [`NerModel::recognize`] tokenizes raw text with marsad's tokenizer, splits sentences,
//!   tags them, adds the gazetteer layer of `rules` (government bodies such as حكومة
//!   الوفاق and listed places), spreads the people it found to bare mentions of their
//!   surname elsewhere in the text, and returns entities with char offsets into the input.
//!   A proclitic on an entity's first word (وأمريكا, بموسكو) is left out of its span.

pub mod clusters;
pub mod conll;
pub mod decode;
pub mod doc;
pub mod features;
pub mod kmeans;
pub mod lexicon;
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
use lexicon::{Lexicon, LexiconBuilder};
use marsad_arabic::normalize::{Folds, fold_char};
use marsad_arabic::sentence::sentences_from_tokens;
use marsad_arabic::token::tokenize;
use model::{Fused, ModelData, Weights};
use perceptron::{TrainConfig, TrainingSentence};
use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

/// The model compiled into the binary (`crates/marsad-extract/data/ner.model`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/ner.model");

static EMBEDDED: LazyLock<Result<NerModel>> =
    LazyLock::new(|| NerModel::from_bytes(EMBEDDED_MODEL));
static EMPTY: LazyLock<NerModel> = LazyLock::new(NerModel::empty);

thread_local! {
    /// The tagger [`NerModel::recognize`] uses for the embedded model on this thread.
    static EMBEDDED_TAGGER: RefCell<Option<Tagger<'static>>> = const { RefCell::new(None) };
}

/// A text of more tokens than this does not leave its tagger's buffers to the next text
/// (its feature keys alone take some 500 bytes a token).
const KEEP_TAGGER_TOKENS: usize = 4_000;

/// Called after each training epoch with the model so far.
pub type ModelCallback<'a> = &'a mut dyn FnMut(usize, &NerModel);

/// A trained tagger with its cluster table.
#[derive(Debug, Clone)]
pub struct NerModel {
    weights: Weights,
    /// The second pass (see [`doc`]): sentences of context on each side, and its weights.
    doc: Option<(usize, Weights)>,
    /// Both passes' weights under one index, for tagging.
    fused: Arc<Fused>,
    /// Subtracted from every token's `O` score before decoding: the perceptron's errors are
    /// mostly missed names, so trading a little precision for recall raises F1.
    o_penalty: f32,
    lexicon: Option<Arc<Lexicon>>,
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
            doc: None,
            fused: Arc::default(),
            o_penalty: 0.0,
            lexicon: None,
            clusters: Arc::new(Clusters::default()),
            description: "empty model".into(),
            gazetteer_fingerprint: gazetteer_fingerprint(),
        }
    }

    /// Loads a model file (see [`model`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel> {
        let d = ModelData::from_bytes(bytes)?;
        Ok(NerModel {
            fused: Arc::new(Fused::new(&d.weights, d.doc.as_ref().map(|(_, w)| w))),
            weights: d.weights,
            doc: d.doc,
            o_penalty: d.o_penalty,
            lexicon: d.lexicon.map(Arc::new),
            clusters: Arc::new(d.clusters),
            description: d.description,
            gazetteer_fingerprint: d.gazetteer_fingerprint,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        ModelData {
            weights: self.weights.clone(),
            doc: self.doc.clone(),
            o_penalty: self.o_penalty,
            lexicon: self.lexicon.as_deref().cloned(),
            clusters: (*self.clusters).clone(),
            description: self.description.clone(),
            gazetteer_fingerprint: self.gazetteer_fingerprint,
        }
        .to_bytes()
    }

    /// Sets the second pass (and rebuilds the fused table).
    fn set_second(&mut self, window: usize, weights: Weights) {
        self.fused = Arc::new(Fused::new(&self.weights, Some(&weights)));
        self.doc = Some((window, weights));
    }

    /// Sets the penalty subtracted from every token's `O` score before decoding.
    pub fn set_o_penalty(&mut self, penalty: f32) {
        self.o_penalty = penalty;
    }

    /// How the model was trained.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of features with a weight (both passes).
    pub fn num_features(&self) -> usize {
        self.weights.len() + self.doc.as_ref().map_or(0, |(_, w)| w.len())
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
            extractor: Extractor::new(&self.clusters, Gazetteer::for_tagger())
                .with_lexicon(self.lexicon.as_deref()),
            features: Vec::new(),
            emissions: Vec::new(),
            second: Vec::new(),
            first: Vec::new(),
            path: Vec::new(),
            forms: Vec::new(),
        }
    }

    /// Tags one pre-tokenized sentence with the model alone (ANERcorp conventions).
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tagger().tag(tokens)
    }

    /// Finds the entities of a raw text: tokenizes, splits sentences, tags and applies the
    /// gazetteer layer. Offsets are chars of `text`. Never fails.
    pub fn recognize(&self, text: &str) -> Vec<Entity> {
        let embedded = NerModel::embedded();
        if !std::ptr::eq(self, embedded) {
            return self.recognize_with(&mut self.tagger(), text);
        }
        // The embedded model tags with a tagger kept per thread, so that a document reuses
        // the buffers of the last one instead of allocating its own.
        EMBEDDED_TAGGER.with(|cell| match cell.try_borrow_mut() {
            Ok(mut slot) => {
                let tagger = slot.get_or_insert_with(|| embedded.tagger());
                let (entities, tokens) = embedded.recognize_counting(tagger, text);
                if tokens > KEEP_TAGGER_TOKENS {
                    // Its buffers are sized for this long text: let them go.
                    *slot = None;
                }
                entities
            }
            // Only reachable by a re-entrant call, which nothing makes.
            Err(_) => embedded.recognize_with(&mut embedded.tagger(), text),
        })
    }

    /// [`NerModel::recognize`] with `tagger` (a tagger of this model).
    fn recognize_with(&self, tagger: &mut Tagger<'_>, text: &str) -> Vec<Entity> {
        self.recognize_counting(tagger, text).0
    }

    /// [`NerModel::recognize_with`], also returning the number of tokens of `text`.
    fn recognize_counting(&self, tagger: &mut Tagger<'_>, text: &str) -> (Vec<Entity>, usize) {
        let tokens = tokenize(text);
        // Entities as (token index of the first token, token index after the last, clitic
        // letters, kind), over the whole text.
        let mut found: Vec<(usize, usize, usize, EntityKind)> = Vec::new();
        let sentences = sentences_from_tokens(text, &tokens);
        let texts: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| {
                tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| t.text(text))
                    .collect()
            })
            .collect();
        for (sentence, candidates) in sentences.iter().zip(tagger.candidates(&texts, true)) {
            let base = sentence.tokens.start;
            for c in candidates {
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
        (out, tokens.len())
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

    /// Trains a model on `train` with `clusters` (see [`NerConfig`]). With a `corpus` of raw
    /// texts, a name lexicon is learned from it by self-training first (see [`lexicon`]).
    /// `on_epoch(epoch, model)` is called after every epoch of the first ensemble member of
    /// the final model with its averaged model so far (for tuning on held-out data).
    pub fn train(
        train: &[TaggedSentence],
        clusters: Clusters,
        cfg: &NerConfig,
        corpus: Option<&[String]>,
        description: &str,
        mut on_epoch: Option<ModelCallback<'_>>,
    ) -> Result<NerModel> {
        if train.is_empty() {
            return Err(Error::new(ErrorKind::NoData(
                "no training sentences".into(),
            )));
        }
        let clusters = Arc::new(clusters);
        let base = |weights: Weights, lexicon: Option<Arc<Lexicon>>| NerModel {
            fused: Arc::new(Fused::new(&weights, None)),
            weights,
            doc: None,
            o_penalty: cfg.o_penalty,
            lexicon,
            clusters: Arc::clone(&clusters),
            description: description.to_string(),
            gazetteer_fingerprint: gazetteer_fingerprint(),
        };
        // Features that come from a model's output (the lexicon, the first pass) must, for a
        // training sentence, come from a model that did not see it, or the tagger would learn
        // to trust them more than they deserve on new text: sentences of fold k get them from
        // a model trained without fold k (jackknifing), new text from a model trained on
        // everything.
        let folds = fold_bounds(train.len(), cfg.folds);
        let without = |k: usize| -> Vec<usize> {
            (0..train.len()).filter(|i| !folds[k].contains(i)).collect()
        };
        let aux = TrainConfig {
            ensemble: cfg.aux_ensemble,
            ..cfg.perceptron.clone()
        };
        let mut lexicons: Vec<Option<Arc<Lexicon>>> = vec![None; folds.len()];
        let mut lexicon = None;
        if let Some(corpus) = corpus {
            let plain = featurize(train, &clusters, &[]);
            let mut taggers = Vec::with_capacity(folds.len() + 1);
            if folds.len() > 1 {
                for k in 0..folds.len() {
                    taggers.push(train_weights(&subset(&plain, &without(k)), &aux, None)?);
                }
            }
            taggers.push(train_weights(&plain, &aux, None)?);
            let mut learnt = learn_lexicons(&taggers, &clusters, corpus, cfg.lexicon_min_count);
            lexicon = learnt.pop().map(Arc::new);
            if folds.len() > 1 {
                for (slot, l) in lexicons.iter_mut().zip(learnt) {
                    *slot = Some(Arc::new(l));
                }
            } else {
                // Too little data to leave any out: the one model's lexicon for all.
                lexicons = vec![lexicon.clone()];
            }
        }
        let per_sentence: Vec<Option<&Lexicon>> = folds
            .iter()
            .zip(&lexicons)
            .flat_map(|(r, l)| std::iter::repeat_n(l.as_deref(), r.len()))
            .collect();
        let mut data = featurize(train, &clusters, &per_sentence);
        let mut callback = |epoch: usize, w: &Weights, doc: Option<(usize, &Weights)>| {
            if let Some(f) = on_epoch.as_mut() {
                let mut m = base(w.clone(), lexicon.clone());
                if let Some((window, w2)) = doc {
                    m.set_second(window, w2.clone());
                }
                f(epoch, &m);
            }
        };
        if cfg.doc_window == 0 {
            let weights = train_weights(
                &data,
                &cfg.perceptron,
                Some(&mut |e, w| callback(e, w, None)),
            )?;
            return Ok(base(weights, lexicon.clone()));
        }
        // The second pass learns from first-pass tags of models that did not see the
        // sentence.
        let mut first: Vec<Vec<usize>> = vec![Vec::new(); train.len()];
        let mut emissions = Vec::new();
        for (k, range) in folds.iter().enumerate() {
            let w = if folds.len() > 1 {
                train_weights(&subset(&data, &without(k)), &aux, None)?
            } else {
                train_weights(&data, &aux, None)?
            };
            for i in range.clone() {
                decode_with(&w, &data[i].features, 0.0, &mut emissions, &mut first[i]);
            }
        }
        let weights = train_weights(&data, &cfg.perceptron, None)?;
        let mut features: Vec<SentenceFeatures> = data
            .iter_mut()
            .map(|d| std::mem::take(&mut d.features))
            .collect();
        doc::add_features(&mut features, &first, cfg.doc_window);
        for (d, f) in data.iter_mut().zip(features) {
            d.features = f;
        }
        let second = train_weights(
            &data,
            &cfg.perceptron,
            Some(&mut |e, w2| callback(e, &weights, Some((cfg.doc_window, w2)))),
        )?;
        let mut model = base(weights, lexicon.clone());
        model.set_second(cfg.doc_window, second);
        Ok(model)
    }

    /// Entity-level scores of the model on `gold` (model alone, or with the gazetteer layer
    /// of `recognize` when `rules` is set).
    pub fn evaluate(&self, gold: &[TaggedSentence], rules: bool) -> Scores {
        let mut scores = Scores::default();
        for (s, predicted) in gold.iter().zip(self.tag_gold(gold, rules)) {
            scores.add(&s.tags, &predicted);
        }
        scores
    }

    /// Tags the sentences of `gold` as one document (the model alone, or with the gazetteer
    /// layer when `rules` is set).
    pub fn tag_gold(&self, gold: &[TaggedSentence], rules: bool) -> Vec<Vec<Tag>> {
        let sentences: Vec<&[String]> = gold.iter().map(|s| s.tokens.as_slice()).collect();
        let mut tagger = self.tagger();
        if rules {
            tagger.tag_document_with_rules(&sentences)
        } else {
            tagger.tag_document(&sentences)
        }
    }
}

/// Training settings of the whole model.
#[derive(Debug, Clone, PartialEq)]
pub struct NerConfig {
    /// Settings of the final perceptron.
    pub perceptron: TrainConfig,
    /// Folds of the jackknife that gives training sentences lexicon features from models
    /// that did not see them.
    pub folds: usize,
    /// Ensemble size of the auxiliary models (those that tag the corpus).
    pub aux_ensemble: usize,
    /// Stems tagged fewer times in the corpus stay out of the lexicon.
    pub lexicon_min_count: u32,
    /// See [`NerModel`]'s `o_penalty`.
    pub o_penalty: f32,
    /// Sentences on each side the second pass sees (see [`doc`]); 0: no second pass.
    pub doc_window: usize,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            perceptron: TrainConfig::default(),
            folds: 5,
            aux_ensemble: 2,
            lexicon_min_count: 2,
            o_penalty: 0.0,
            doc_window: 0,
        }
    }
}

/// `folds` contiguous ranges covering `0..n` (fewer when `n` is small; at least one).
fn fold_bounds(n: usize, folds: usize) -> Vec<std::ops::Range<usize>> {
    let k = folds.clamp(1, n.max(1));
    (0..k).map(|f| f * n / k..(f + 1) * n / k).collect()
}

/// Averaged perceptron weights, an ensemble of `cfg.ensemble` seeds.
fn train_weights(
    data: &[TrainingSentence],
    cfg: &TrainConfig,
    on_epoch: Option<perceptron::EpochCallback<'_>>,
) -> Result<Weights> {
    let mut members = Vec::with_capacity(cfg.ensemble.max(1));
    members.push(perceptron::train(data, cfg, on_epoch)?);
    for k in 1..cfg.ensemble.max(1) {
        let member = TrainConfig {
            seed: cfg.seed.wrapping_add(k as u64),
            ..cfg.clone()
        };
        members.push(perceptron::train(data, &member, None)?);
    }
    Ok(if members.len() == 1 {
        members.pop().unwrap_or_else(Weights::empty)
    } else {
        Weights::average(&members)
    })
}

/// Tags `corpus` (sentence by sentence, as `recognize` splits it) with each of `taggers`
/// (first-pass weights without lexicon features) and counts, per tagger, the tags every word
/// stem received. The features of a sentence are computed once for all taggers.
fn learn_lexicons(
    taggers: &[Weights],
    clusters: &Clusters,
    corpus: &[String],
    min_count: u32,
) -> Vec<Lexicon> {
    let mut ex = Extractor::new(clusters, Gazetteer::for_tagger());
    let mut builders: Vec<LexiconBuilder> = taggers.iter().map(|_| LexiconBuilder::new()).collect();
    let mut features = SentenceFeatures::default();
    let mut emissions = Vec::new();
    let mut path = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for text in corpus {
        let tokens = tokenize(text);
        for sentence in sentences_from_tokens(text, &tokens) {
            let sent = &tokens[sentence.tokens.clone()];
            texts.clear();
            texts.extend(sent.iter().map(|t| t.text(text)));
            if texts.is_empty() {
                continue;
            }
            ex.extract(&texts, &mut features);
            for (w, builder) in taggers.iter().zip(&mut builders) {
                decode_with(w, &features, 0.0, &mut emissions, &mut path);
                for (i, t) in sent.iter().enumerate() {
                    if t.kind.is_word() {
                        builder.add(ex.stem(i), Tag::from_index(path[i]).kind());
                    }
                }
            }
        }
    }
    let comment = format!(
        "self-training over {} texts; stems seen at least {min_count} times and tagged as a name at least once",
        corpus.len()
    );
    builders
        .into_iter()
        .map(|b| b.finish(min_count, vec![comment.clone()]))
        .collect()
}

/// Features and gold tags of tagged sentences; sentence `i` has the lexicon features of
/// `lexicons[i]` (none when the slice is shorter).
fn featurize(
    sentences: &[TaggedSentence],
    clusters: &Clusters,
    lexicons: &[Option<&Lexicon>],
) -> Vec<TrainingSentence> {
    let mut ex = Extractor::new(clusters, Gazetteer::for_tagger());
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut features = SentenceFeatures::default();
            ex.set_lexicon(lexicons.get(i).copied().flatten());
            ex.extract(&tokens, &mut features);
            TrainingSentence {
                features,
                gold: s.tags.iter().map(|t| t.index()).collect(),
            }
        })
        .collect()
}

/// The sentences of `data` at `indices`.
fn subset(data: &[TrainingSentence], indices: &[usize]) -> Vec<TrainingSentence> {
    indices.iter().map(|&i| data[i].clone()).collect()
}

/// Tags sentences with one model, reusing its buffers.
#[derive(Debug)]
pub struct Tagger<'m> {
    model: &'m NerModel,
    extractor: Extractor<'m>,
    /// Features of the sentences of the current document.
    features: Vec<SentenceFeatures>,
    emissions: Vec<[f32; NUM_TAGS]>,
    /// Second-pass emission scores of each sentence.
    second: Vec<Vec<[f32; NUM_TAGS]>>,
    /// First-pass tag indices of each sentence.
    first: Vec<Vec<usize>>,
    /// Final tag indices of each sentence.
    path: Vec<Vec<usize>>,
    /// Word forms of each sentence's tokens, for the gazetteer layer (strings reused from
    /// document to document).
    forms: Vec<Vec<String>>,
}

impl Tagger<'_> {
    /// Tags a sentence with the model alone, as a document of its own.
    pub fn tag(&mut self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// Tags the sentences of a document with the model alone: the second pass lets each
    /// sentence see how the first tagged the sentences around it.
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&mut self, sentences: &[S]) -> Vec<Vec<Tag>> {
        self.run(sentences);
        self.path[..sentences.len()]
            .iter()
            .map(|p| p.iter().map(|&y| Tag::from_index(y)).collect())
            .collect()
    }

    /// Tags the sentences of a document with the model and the gazetteer layer (what
    /// `recognize` does), as BIO tags.
    pub fn tag_document_with_rules<S: AsRef<[T]>, T: AsRef<str>>(
        &mut self,
        sentences: &[S],
    ) -> Vec<Vec<Tag>> {
        let candidates = self.candidates(sentences, true);
        sentences
            .iter()
            .zip(candidates)
            .map(|(tokens, cands)| {
                let mut tags = vec![Tag::O; tokens.as_ref().len()];
                for c in cands {
                    tags[c.start] = Tag::B(c.kind);
                    for t in &mut tags[c.start + 1..c.end] {
                        *t = Tag::I(c.kind);
                    }
                }
                tags
            })
            .collect()
    }

    /// Runs both passes over the sentences of a document, leaving the features in
    /// `self.features` and the tags in `self.path`.
    fn run<S: AsRef<[T]>, T: AsRef<str>>(&mut self, sentences: &[S]) {
        let n = sentences.len();
        if self.features.len() < n {
            self.features.resize_with(n, SentenceFeatures::default);
            self.second.resize_with(n, Vec::new);
            self.first.resize_with(n, Vec::new);
            self.path.resize_with(n, Vec::new);
            self.forms.resize_with(n, Vec::new);
        }
        let model = self.model;
        let fused = &model.fused;
        let mut tokens: Vec<&str> = Vec::new();
        for (s, sentence) in sentences.iter().enumerate() {
            tokens.clear();
            tokens.extend(sentence.as_ref().iter().map(AsRef::as_ref));
            self.extractor.extract(&tokens, &mut self.features[s]);
            self.extractor.forms_into(&mut self.forms[s]);
            fused.emissions(&self.features[s], &mut self.emissions, &mut self.second[s]);
            if model.doc.is_none() {
                subtract_o(&mut self.emissions, model.o_penalty);
            }
            decode::viterbi(&self.emissions, &model.weights.trans, &mut self.first[s]);
        }
        match &model.doc {
            Some((window, weights)) => {
                doc::add_features(&mut self.features[..n], &self.first[..n], *window);
                for s in 0..n {
                    fused.add_second(&self.features[s], &mut self.second[s]);
                    subtract_o(&mut self.second[s], model.o_penalty);
                    decode::viterbi(&self.second[s], &weights.trans, &mut self.path[s]);
                }
            }
            None => {
                for s in 0..n {
                    self.path[s].clone_from(&self.first[s]);
                }
            }
        }
    }

    /// The entities of each sentence of a document: the model's spans, plus the gazetteer
    /// layer when `rules` is set.
    fn candidates<S: AsRef<[T]>, T: AsRef<str>>(
        &mut self,
        sentences: &[S],
        rules: bool,
    ) -> Vec<Vec<rules::Candidate>> {
        self.run(sentences);
        let mut out = Vec::with_capacity(sentences.len());
        for s in 0..sentences.len() {
            let tags: Vec<Tag> = self.path[s].iter().map(|&y| Tag::from_index(y)).collect();
            let model: Vec<rules::Candidate> = tags::spans(&tags)
                .into_iter()
                .map(|sp| rules::Candidate {
                    kind: sp.kind,
                    start: sp.start,
                    end: sp.end,
                    clitic_letters: self.features[s].clitic_letters[sp.start],
                })
                .collect();
            out.push(if rules && !tags.is_empty() {
                let forms: Vec<&str> = self.forms[s].iter().map(String::as_str).collect();
                rules::apply_forms(&forms, model, Gazetteer::embedded())
            } else {
                model
            });
        }
        out
    }
}

/// Subtracts `penalty` from the `O` score of every token.
fn subtract_o(emissions: &mut [[f32; NUM_TAGS]], penalty: f32) {
    if penalty != 0.0 {
        for e in emissions {
            e[0] -= penalty;
        }
    }
}

/// Emission scores of `features` under `weights`, less `o_penalty` on `O`, then Viterbi.
fn decode_with(
    weights: &Weights,
    features: &SentenceFeatures,
    o_penalty: f32,
    emissions: &mut Vec<[f32; NUM_TAGS]>,
    out: &mut Vec<usize>,
) {
    weights.emissions(features, emissions);
    if o_penalty != 0.0 {
        for e in emissions.iter_mut() {
            e[0] -= o_penalty;
        }
    }
    decode::viterbi(emissions, &weights.trans, out);
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
