//! Feature extraction for the tagger: every token becomes a list of hashed feature keys.
//!
//! Each feature is a template id plus a string (a word form, a cluster path, a gazetteer
//! kind…), hashed with XXH3-64 into a `u64` key; the model stores weights by key. Templates,
//! over a sentence `w` with the current token `w0`:
//!
//! | family | templates |
//! |---|---|
//! | words | search form of w-2 … w+2; the bigrams w-1 w0 and w0 w+1 |
//! | clitics | the proclitic run of w0 (و، بال، لل…) and the stem left after it, for w-1, w0, w+1 |
//! | affixes | first 1–4 letters of the stem, last 1–4 letters of the word, letter trigrams of the stem; first and last 1–3 letters of the stems of w-1 and w+1 |
//! | shape | character-class shape of w0 and of the window w-1 w0 w+1; length; first in sentence |
//! | corpus | log2 frequency of w0 in SaudiNewsNet, and for words it never saw, the stem and cluster of w-1; cluster paths (3 levels) of w-2 … w+2 and of the stem; cluster bigrams |
//! | gazetteer | kinds (country, capital, org, title, body, given name…) of the longest gazetteer match covering w-2 … w+2, with B/I position |
//! | lexicon | when the model has a name lexicon ([`super::lexicon`]): the share bins of each kind for the stems of w-1, w0, w+1, and the top kind with its count bin for w0 |
//!
//! The second pass adds document features of its own ([`super::doc`]).
//!
//! Word forms are marsad's search form ([`Folds::SEARCH`]) with every digit written `0`, so
//! أمريكا/امريكا and ٢٠١٦/2016 meet. The proclitic splitter strips an article run (ال، وال،
//! بال، لل…) whenever two letters remain, and a bare و ف ب ك ل (or two of them) only when
//! the corpus knows the rest as a word at least twice as often as the whole (وأمريكا →
//! أمريكا, but وليد and بغداد stay whole).

use super::clusters::{Clusters, LEVELS, WordInfo};
use super::lexicon::{self, Lexicon};
use crate::gazetteer::{EntryKind, Gazetteer};
use marsad_arabic::normalize::{Folds, normalize_into};
use xxhash_rust::xxh3::xxh3_64;

/// Version of the feature set; a model records it and refuses to load with another.
pub const FEATURE_VERSION: u32 = 2;

/// The word form features and clusters use: search folds, digits as `0`.
pub fn word_form(token: &str, out: &mut String) {
    out.clear();
    normalize_into(token, Folds::SEARCH, out);
    if out.bytes().any(|b| b.is_ascii_digit()) {
        *out = out
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
    }
}

/// Article runs, longest first: a conjunction or preposition then ال, or لل.
const ARTICLE_RUNS: [&str; 11] = [
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "ال",
];
/// Proclitic runs without article, longest first. The future prefix س (and وس) only
/// matters for verbs and is kept out of splitting.
const BARE_RUNS: [&str; 11] = ["وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل"];

/// A word split into its proclitic run and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The proclitic run (`""` when none), including an article.
    pub prefix: &'a str,
    /// What follows the run.
    pub stem: &'a str,
    /// Letters of the run that are not the article (و of وال, ب of بال; 0 for ال and لل).
    pub clitic_letters: usize,
}

/// Splits a word form (see [`word_form`]) into proclitics and stem, guarded by `clusters`'
/// corpus counts.
pub fn split_proclitics<'a>(form: &'a str, clusters: &Clusters) -> Split<'a> {
    split_known(form, clusters.get(form), clusters).0
}

/// Letters a proclitic run can begin with: every run of [`ARTICLE_RUNS`] and [`BARE_RUNS`]
/// starts with one of them, so a word starting with none of them has no run.
const RUN_INITIALS: [char; 6] = ['و', 'ف', 'ب', 'ك', 'ل', 'ا'];

/// [`split_proclitics`] given the cluster entry of the whole form (`whole`), also returning
/// the cluster entry of the stem when the split already looked it up (`Some(entry)`; `None`
/// when it did not).
fn split_known<'a>(
    form: &'a str,
    whole: Option<WordInfo>,
    clusters: &Clusters,
) -> (Split<'a>, Option<Option<WordInfo>>) {
    let unsplit = Split {
        prefix: "",
        stem: form,
        clitic_letters: 0,
    };
    if !form.starts_with(RUN_INITIALS) {
        return (unsplit, Some(whole));
    }
    let letters = form.chars().count();
    for run in ARTICLE_RUNS {
        if let Some(stem) = form.strip_prefix(run)
            && letters - run.chars().count() >= 2
        {
            // The article is part of the name (الجيش); only what precedes it is a clitic.
            // For لل the ل of the article is the one written, so nothing precedes it.
            let split = Split {
                prefix: run,
                stem,
                clitic_letters: run.chars().count() - 2,
            };
            return (split, None);
        }
    }
    let whole_count = whole.map_or(0, |w| w.count);
    for run in BARE_RUNS {
        if let Some(stem) = form.strip_prefix(run)
            && letters - run.chars().count() >= 3
        {
            let rest = clusters.get(stem);
            let rest_count = rest.map_or(0, |w| w.count);
            if rest_count >= 5 && u64::from(rest_count) >= 2 * u64::from(whole_count) {
                let split = Split {
                    prefix: run,
                    stem,
                    clitic_letters: run.chars().count(),
                };
                return (split, Some(rest));
            }
        }
    }
    (unsplit, Some(whole))
}

// Template ids. Never renumber: the model stores hashes of them.
const T_BIAS: u8 = 0;
const T_WORD: u8 = 1; // +offset 0..5 for w-2..w+2
const T_STEM: u8 = 6; // +0..3 for w-1..w+1
const T_PREFIX: u8 = 9;
const T_STEM_PRE: u8 = 10; // +0..3 for 1..3 letters
const T_SUF: u8 = 13; // +0..3
const T_SHAPE: u8 = 16;
const T_SHAPE3: u8 = 17;
const T_LEN: u8 = 18;
const T_FREQ: u8 = 19;
const T_CLUSTER: u8 = 20; // + 3*offset + level, offsets w-2..w+2
const T_STEM_CLUSTER: u8 = 35; // + level
const T_GAZ: u8 = 38; // + offset 0..5
const T_BIGRAM_L: u8 = 43;
const T_BIGRAM_R: u8 = 44;
const T_CL_BIGRAM_L: u8 = 45;
const T_CL_BIGRAM_R: u8 = 46;
const T_FIRST: u8 = 47;
const T_PREV_FORM_STEM: u8 = 48;
const T_STEM_PRE4: u8 = 49;
const T_SUF4: u8 = 50;
const T_CHAR3: u8 = 51;
const T_OOV_PREV: u8 = 52;
const T_OOV_PREV_CLUSTER: u8 = 53;
const T_NEIGHBOR_PRE: u8 = 54; // + 3 * (0 for w-1, 1 for w+1) + (letters - 1)
const T_NEIGHBOR_SUF: u8 = 60; // same layout
// 66 and 67 were quotation features, measured and rejected (see docs/benchmarks.md).
const T_LEX: u8 = 68; // + offset 0..3 for w-1..w+1
const T_LEX_TOP: u8 = 71;

/// How many identity features of w0 lead each token's keys (w0, its stem, the word bigrams).
pub const LEXICAL_FEATURES: usize = 5;

/// What is computed once per token before the templates run.
#[derive(Debug, Clone, Default)]
struct TokenInfo {
    form: String,
    prefix_end: usize,
    clitic_letters: usize,
    shape: String,
    freq: u8,
    /// Cluster path of the form (or of its stem when the form is unknown).
    cluster: Option<[u16; LEVELS]>,
    stem_cluster: Option<[u16; LEVELS]>,
    /// Gazetteer kinds covering the token and whether it begins the match.
    gaz_mask: u16,
    gaz_begin: bool,
    /// Share bins of the stem in the name lexicon, per kind (see [`lexicon::bins`]); all 0
    /// when the stem is not in it.
    lex: [u8; 4],
    /// Count bin of the stem in the lexicon (0 when absent).
    lex_count: u8,
}

/// Features of a sentence: keys of token `i` are `keys[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// All keys, token after token.
    pub keys: Vec<u64>,
    /// Token boundaries in `keys` (`len() == tokens + 1`).
    pub offsets: Vec<usize>,
    /// Proclitic letters (outside the article) at the start of each token's search form.
    pub clitic_letters: Vec<usize>,
    /// Hash of each token's stem (see [`Extractor::stem`]), 0 for tokens that are not words
    /// of at least two letters: what document features match mentions by.
    pub stems: Vec<u64>,
    /// Features added by a second pass (see [`super::doc`]), token after token; empty when
    /// there are none.
    pub extra: Vec<u64>,
    /// Token boundaries in `extra` (`len() == tokens + 1`, or empty).
    pub extra_offsets: Vec<usize>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The second-pass keys of token `i` (empty when there are none).
    pub fn token_extra(&self, i: usize) -> &[u64] {
        if self.extra_offsets.len() > i + 1 {
            &self.extra[self.extra_offsets[i]..self.extra_offsets[i + 1]]
        } else {
            &[]
        }
    }
}

/// Computes features with a cluster table and a gazetteer; reusable buffers inside.
#[derive(Debug)]
pub struct Extractor<'m> {
    clusters: &'m Clusters,
    gazetteer: &'m Gazetteer,
    lexicon: Option<&'m Lexicon>,
    infos: Vec<TokenInfo>,
    /// Tokens of the current sentence (`infos` may be longer, its tail is stale).
    len: usize,
    buf: Vec<u8>,
}

impl<'m> Extractor<'m> {
    /// An extractor over `clusters` and `gazetteer`.
    pub fn new(clusters: &'m Clusters, gazetteer: &'m Gazetteer) -> Self {
        Extractor {
            clusters,
            gazetteer,
            lexicon: None,
            infos: Vec::new(),
            len: 0,
            buf: Vec::with_capacity(64),
        }
    }

    /// Adds the name-lexicon features (see [`lexicon`]).
    pub fn with_lexicon(mut self, lexicon: Option<&'m Lexicon>) -> Self {
        self.lexicon = lexicon;
        self
    }

    /// Replaces the name lexicon.
    pub fn set_lexicon(&mut self, lexicon: Option<&'m Lexicon>) {
        self.lexicon = lexicon;
    }

    /// The stem (search form without proclitics and article) of token `i` of the sentence
    /// last extracted: the key of the name lexicon.
    pub fn stem(&self, i: usize) -> &str {
        let info = &self.infos[i];
        &info.form[info.prefix_end..]
    }

    /// Copies the word forms ([`word_form`]) of the sentence last extracted into `out`,
    /// reusing its strings.
    pub fn forms_into(&self, out: &mut Vec<String>) {
        let infos = &self.infos[..self.len];
        out.truncate(infos.len());
        for (o, i) in out.iter_mut().zip(infos) {
            o.clone_from(&i.form);
        }
        let have = out.len();
        out.extend(infos[have..].iter().map(|i| i.form.clone()));
    }

    /// The features of a sentence given as token texts.
    pub fn extract(&mut self, tokens: &[&str], out: &mut SentenceFeatures) {
        out.keys.clear();
        out.offsets.clear();
        out.clitic_letters.clear();
        out.stems.clear();
        out.extra.clear();
        out.extra_offsets.clear();
        self.prepare(tokens);
        let n = tokens.len();
        out.offsets.push(0);
        for i in 0..n {
            self.token_features(i, &mut out.keys);
            out.offsets.push(out.keys.len());
            out.clitic_letters.push(self.infos[i].clitic_letters);
            let stem = self.stem(i);
            let wordy = stem.chars().nth(1).is_some() && stem.chars().all(is_alphabetic);
            out.stems
                .push(if wordy { xxh3_64(stem.as_bytes()) } else { 0 });
        }
    }

    fn prepare(&mut self, tokens: &[&str]) {
        let n = tokens.len();
        self.len = n;
        if self.infos.len() < n {
            self.infos.resize_with(n, TokenInfo::default);
        }
        for (i, t) in tokens.iter().enumerate() {
            let info = &mut self.infos[i];
            word_form(t, &mut info.form);
            // One lookup of the form serves the splitter, the frequency and the cluster.
            let whole = self.clusters.get(&info.form);
            let (split, stem_entry) = split_known(&info.form, whole, self.clusters);
            info.prefix_end = split.prefix.len();
            info.clitic_letters = split.clitic_letters;
            shape(t, &mut info.shape);
            let count = whole.map_or(0, |w| w.count);
            info.freq = if count == 0 {
                0
            } else {
                (32 - count.leading_zeros()) as u8
            };
            let stem = &info.form[info.prefix_end..];
            info.stem_cluster = stem_entry
                .unwrap_or_else(|| self.clusters.get(stem))
                .map(|w| w.path);
            info.cluster = whole.map(|w| w.path).or_else(|| {
                // Unknown with its clitics: try without the conjunction/preposition
                // (keeping the article), then the bare stem.
                let clitic_bytes: usize = info
                    .form
                    .chars()
                    .take(info.clitic_letters)
                    .map(char::len_utf8)
                    .sum();
                // Without clitic letters that is the form again (unknown), and when they
                // are the whole run it is the stem: only an article run leaves a new word.
                if clitic_bytes == 0 || clitic_bytes == info.prefix_end {
                    None
                } else {
                    self.clusters
                        .get(&info.form[clitic_bytes..])
                        .map(|w| w.path)
                }
                .or(info.stem_cluster)
            });
            info.gaz_mask = 0;
            info.gaz_begin = false;
            (info.lex, info.lex_count) = self
                .lexicon
                .and_then(|l| l.get(stem))
                .map_or(([0; 4], 0), lexicon::bins);
        }
        let forms: Vec<&str> = self.infos[..n].iter().map(|i| i.form.as_str()).collect();
        let matches = self.gazetteer.find_normalized(&forms);
        for m in matches {
            let mask = m.kind_mask();
            for j in m.start..m.end {
                self.infos[j].gaz_mask = mask;
                self.infos[j].gaz_begin = j == m.start;
            }
        }
    }

    fn token_features(&mut self, i: usize, keys: &mut Vec<u64>) {
        let infos = &self.infos[..self.len];
        let buf = &mut self.buf;
        let len = infos.len();
        let at = |k: isize| -> Option<&TokenInfo> {
            let j = i as isize + k;
            (j >= 0 && (j as usize) < len).then(|| &infos[j as usize])
        };
        const BOS: &[u8] = b"<s>";
        const EOS: &[u8] = b"</s>";
        let pad = |k: isize| if k < 0 { BOS } else { EOS };
        let mut push = |template: u8, parts: &[&[u8]]| keys.push(key(buf, template, parts));

        let info = &infos[i];
        let form = info.form.as_bytes();
        let stem = &info.form[info.prefix_end..];
        let prev = at(-1).map_or(BOS, |t| t.form.as_bytes());
        let next = at(1).map_or(EOS, |t| t.form.as_bytes());
        // Identity features of w0 first: training may drop them (see `lexical`).
        push(T_WORD + 2, &[form]);
        push(T_STEM + 1, &[stem.as_bytes()]);
        push(T_BIGRAM_L, &[prev, form]);
        push(T_BIGRAM_R, &[form, next]);
        push(T_PREV_FORM_STEM, &[prev, stem.as_bytes()]);
        push(T_BIAS, &[]);
        for (o, k) in (-2isize..=2).enumerate() {
            if k != 0 {
                let w = at(k).map_or(pad(k), |t| t.form.as_bytes());
                push(T_WORD + o as u8, &[w]);
            }
        }
        for (o, k) in [(0u8, -1isize), (2, 1)] {
            let s = at(k).map_or(pad(k), |t| &t.form.as_bytes()[t.prefix_end..]);
            push(T_STEM + o, &[s]);
        }
        push(T_PREFIX, &[&form[..info.prefix_end]]);
        let stem_letters = stem.chars().count();
        let form_letters = info.form.chars().count();
        for n in 1..=4usize {
            let (pre, suf) = if n == 4 {
                (T_STEM_PRE4, T_SUF4)
            } else {
                (T_STEM_PRE + (n - 1) as u8, T_SUF + (n - 1) as u8)
            };
            if stem_letters > n {
                let cut = stem.char_indices().nth(n).map_or(stem.len(), |(b, _)| b);
                push(pre, &[&stem.as_bytes()[..cut]]);
            }
            if form_letters > n {
                let cut = info
                    .form
                    .char_indices()
                    .nth(form_letters - n)
                    .map_or(0, |(b, _)| b);
                push(suf, &[&form[cut..]]);
            }
        }
        // Letter trigrams of the stem: transliterated foreign names (رامسفيلد, وودورد) share
        // letter patterns that no word list covers.
        if stem_letters >= 4 {
            // Char boundaries of the stem, the last four in a ring: each new one closes the
            // trigram that began three boundaries before it.
            let mut ring = [0usize; 4];
            let bounds = stem.char_indices().map(|(b, _)| b).chain([stem.len()]);
            for (n, b) in bounds.enumerate() {
                ring[n % 4] = b;
                if n >= 3 {
                    push(T_CHAR3, &[&stem.as_bytes()[ring[(n - 3) % 4]..b]]);
                }
            }
        }
        // Unknown to the corpus, by what precedes it: the context of an unseen name.
        if info.freq == 0 {
            let prev_stem = at(-1).map_or(BOS, |t| &t.form.as_bytes()[t.prefix_end..]);
            push(T_OOV_PREV, &[prev_stem]);
            let prev_cluster = at(-1)
                .and_then(|t| t.cluster)
                .map_or([0xff; 6], |p| path_bytes(&p, 1));
            push(T_OOV_PREV_CLUSTER, &[&prev_cluster]);
        }
        // Leading and trailing letters of the neighbours' stems.
        for (o, k) in [(0u8, -1isize), (1, 1)] {
            if let Some(t) = at(k) {
                let st = &t.form[t.prefix_end..];
                let letters = st.chars().count();
                for n in 1..=3usize {
                    if letters > n {
                        let cut = st.char_indices().nth(n).map_or(st.len(), |(b, _)| b);
                        push(
                            T_NEIGHBOR_PRE + 3 * o + (n - 1) as u8,
                            &[&st.as_bytes()[..cut]],
                        );
                        let cut = st.char_indices().nth(letters - n).map_or(0, |(b, _)| b);
                        push(
                            T_NEIGHBOR_SUF + 3 * o + (n - 1) as u8,
                            &[&st.as_bytes()[cut..]],
                        );
                    }
                }
            }
        }
        push(T_SHAPE, &[info.shape.as_bytes()]);
        let shape_prev = at(-1).map_or(BOS, |t| t.shape.as_bytes());
        let shape_next = at(1).map_or(EOS, |t| t.shape.as_bytes());
        push(T_SHAPE3, &[shape_prev, info.shape.as_bytes(), shape_next]);
        push(T_LEN, &[&[form_letters.min(12) as u8]]);
        push(T_FREQ, &[&[info.freq]]);
        if i == 0 {
            push(T_FIRST, &[]);
        }
        for (o, k) in (-2isize..=2).enumerate() {
            let t = at(k);
            for level in 0..LEVELS {
                let template = T_CLUSTER + (3 * o + level) as u8;
                match (t.and_then(|t| t.cluster), t) {
                    (Some(p), _) => push(template, &[&path_bytes(&p, level)]),
                    // Unknown to the corpus: one shared feature (rare names live here).
                    (None, Some(_)) if level == 0 => push(template, &[b"?"]),
                    (None, None) if level == 0 => push(template, &[pad(k)]),
                    _ => {}
                }
            }
        }
        if let Some(p) = info.stem_cluster {
            for level in 0..LEVELS {
                push(T_STEM_CLUSTER + level as u8, &[&path_bytes(&p, level)]);
            }
        }
        for (o, k) in (-2isize..=2).enumerate() {
            if let Some(t) = at(k) {
                let pos = if t.gaz_begin { b'B' } else { b'I' };
                for (bit, kind) in EntryKind::ALL.iter().enumerate() {
                    if t.gaz_mask & (1 << bit) != 0 {
                        push(T_GAZ + o as u8, &[&[*kind as u8, pos]]);
                    }
                }
            }
        }
        let cl = |t: Option<&TokenInfo>| -> [u8; 4] {
            match t {
                Some(t) => t.cluster.map_or([0xff, 0xff, 0xff, 0xfe], |p| {
                    let b = path_bytes(&p, 1);
                    [b[0], b[1], b[2], b[3]]
                }),
                None => [0xff; 4],
            }
        };
        let (cp, c0, cn) = (cl(at(-1)), cl(Some(info)), cl(at(1)));
        push(T_CL_BIGRAM_L, &[&cp, &c0]);
        push(T_CL_BIGRAM_R, &[&c0, &cn]);
        if self.lexicon.is_some() {
            for (o, k) in (-1isize..=1).enumerate() {
                if let Some(t) = at(k) {
                    for (kind, &bin) in t.lex.iter().enumerate() {
                        if bin > 0 {
                            push(T_LEX + o as u8, &[&[kind as u8, bin]]);
                        }
                    }
                }
            }
            if info.lex_count > 0 {
                let (kind, bin) = (0..4)
                    .map(|k| (k, info.lex[k]))
                    .max_by_key(|&(k, b)| (b, std::cmp::Reverse(k)))
                    .unwrap_or((0, 0));
                push(T_LEX_TOP, &[&[kind as u8, bin, info.lex_count]]);
            }
        }
    }
}

/// [`char::is_alphabetic`], answered without the Unicode table for ASCII and the basic
/// Arabic letters (U+0621–U+064A, all alphabetic), which is nearly every char of a stem.
#[inline]
fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphabetic()
    }
}

/// Longest key (template, parts and separators) hashed from a buffer on the stack.
const STACK_KEY: usize = 96;

/// The key of a template and its parts (separated by 0x1F, which never occurs in a token).
#[inline]
pub(crate) fn key(buf: &mut Vec<u8>, template: u8, parts: &[&[u8]]) -> u64 {
    let len = parts.iter().map(|p| p.len() + 1).sum::<usize>();
    if len < STACK_KEY {
        // Parts are short (a word, a few letters, a cluster path): copied with fixed-size
        // moves into a stack buffer rather than through `memcpy` into a `Vec`.
        let mut a = [0u8; STACK_KEY];
        a[0] = template;
        let mut n = 1;
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                a[n] = 0x1f;
                n += 1;
            }
            copy_short(&mut a[n..], p);
            n += p.len();
        }
        return xxh3_64(&a[..n]);
    }
    buf.clear();
    buf.push(template);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            buf.push(0x1f);
        }
        buf.extend_from_slice(p);
    }
    xxh3_64(buf)
}

/// Copies `src` to the start of `dst` (at least as long) with fixed-size moves: 8-byte
/// chunks and an overlapping last chunk, or two overlapping halves.
#[inline]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            dst[i..i + 8].copy_from_slice(&src[i..i + 8]);
            i += 8;
        }
        if i < n {
            dst[n - 8..n].copy_from_slice(&src[n - 8..n]);
        }
    } else if n >= 4 {
        dst[..4].copy_from_slice(&src[..4]);
        dst[n - 4..n].copy_from_slice(&src[n - 4..n]);
    } else if n >= 2 {
        dst[..2].copy_from_slice(&src[..2]);
        dst[n - 2..n].copy_from_slice(&src[n - 2..n]);
    } else if n == 1 {
        dst[0] = src[0];
    }
}

/// The path prefix of `level + 1` levels as bytes (two bytes per level), zero-padded.
#[inline]
fn path_bytes(p: &[u16; LEVELS], level: usize) -> [u8; 2 * LEVELS] {
    let mut out = [0u8; 2 * LEVELS];
    for (l, x) in p.iter().enumerate().take(level + 1) {
        out[2 * l..2 * l + 2].copy_from_slice(&x.to_le_bytes());
    }
    // The level is part of the key through the template id, so zero padding is unambiguous.
    out
}

/// A compact character-class shape: Arabic letters `a`, Latin capitals `X`, other Latin `x`,
/// digits `d`, anything else as itself; runs collapsed.
pub fn shape(token: &str, out: &mut String) {
    out.clear();
    let mut last = None;
    for c in token.chars() {
        let class = if marsad_arabic::chars::is_arabic_letter(c) {
            'a'
        } else if marsad_arabic::chars::is_arabic_mark(c) || c == '\u{0640}' {
            continue;
        } else if c.is_ascii_uppercase() || (c.is_alphabetic() && c.is_uppercase()) {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::WordInfo;
    use proptest::prelude::*;

    #[test]
    fn is_alphabetic_is_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// A key is the XXH3 of the template, then the parts joined by 0x1F, whether it is
        /// hashed from the stack or (long parts) from the buffer.
        #[test]
        fn key_hashes_the_joined_parts(
            template in any::<u8>(),
            parts in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..70), 0..4),
        ) {
            let mut joined = vec![template];
            for (k, p) in parts.iter().enumerate() {
                if k > 0 {
                    joined.push(0x1f);
                }
                joined.extend_from_slice(p);
            }
            let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
            let mut buf = Vec::new();
            prop_assert_eq!(key(&mut buf, template, &refs), xxh3_64(&joined));
        }
    }

    /// Each token's frequency, cluster and stem cluster, computed from one lookup of the form,
    /// are those of looking every word up separately.
    #[test]
    fn prepare_matches_separate_lookups() {
        let info = |count, a| WordInfo {
            count,
            path: [a, 1, 2],
        };
        let clusters = Clusters::from_words(
            vec![
                ("أمريكا".into(), info(50, 1)),
                ("وأمريكا".into(), info(3, 2)),
                ("جيش".into(), info(9, 3)),
                ("الجيش".into(), info(40, 4)),
                ("بالجيش".into(), info(6, 5)),
                ("الوفاق".into(), info(12, 6)),
                ("وليد".into(), info(30, 7)),
                ("ليد".into(), info(8, 8)),
                ("بغداد".into(), info(70, 9)),
            ],
            vec![],
        );
        let gazetteer = Gazetteer::default();
        let tokens = [
            "وأمريكا",
            "بأمريكا",
            "وبالجيش",
            "وللجيش",
            "والوفاق",
            "الوفاق",
            "وليد",
            "ببغداد",
            "سيجتمع",
            "x",
            "",
            "2016",
        ];
        let mut ex = Extractor::new(&clusters, &gazetteer);
        let mut out = SentenceFeatures::default();
        ex.extract(&tokens, &mut out);
        let mut form = String::new();
        for (i, t) in tokens.iter().enumerate() {
            word_form(t, &mut form);
            let split = split_proclitics(&form, &clusters);
            let got = &ex.infos[i];
            assert_eq!(got.form, form);
            assert_eq!(got.prefix_end, split.prefix.len(), "{t}");
            assert_eq!(got.clitic_letters, split.clitic_letters, "{t}");
            let count = clusters.count(&form);
            assert_eq!(got.freq, (32 - count.leading_zeros()) as u8, "{t}");
            let stem_cluster = clusters.get(split.stem).map(|w| w.path);
            assert_eq!(got.stem_cluster, stem_cluster, "{t}");
            let clitic_bytes: usize = form
                .chars()
                .take(split.clitic_letters)
                .map(char::len_utf8)
                .sum();
            let cluster = clusters
                .get(&form)
                .or_else(|| clusters.get(&form[clitic_bytes..]))
                .map(|w| w.path)
                .or(stem_cluster);
            assert_eq!(got.cluster, cluster, "{t}");
        }
        // The cases the table was built for: an article run after a conjunction whose
        // rest is known (والوفاق → الوفاق), and a bare clitic kept (وليد).
        assert_eq!(ex.infos[4].cluster.map(|p| p[0]), Some(6));
        assert_eq!(ex.infos[6].prefix_end, 0);
    }
}
