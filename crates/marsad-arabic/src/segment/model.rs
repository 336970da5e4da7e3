//! The guard: choosing between "these letters are clitics" and "these letters belong to the
//! word" from corpus counts.
//!
//! # The decision
//!
//! For a word `w`, every reading compatible with the clitic grammar is a *candidate*: a stack
//! of proclitics `P`, a stem `s` and at most one enclitic `e` (see [`super::clitics`]). Each
//! candidate gets an estimate of how many times `w` would occur in the corpus *under that
//! reading*, from the counts `f(·)` of the lexicon and clitic *priors* `π` (below):
//!
//! * `f(s) · π(P) · π(e)`: the bare stem, times how productive the clitics are;
//! * `f(ال s) · π(P without ال)` when `P` holds the article after other clitics (بال، وال،
//!   لل…): the definite form is attested, so only the outer clitics need estimating;
//! * `f(P s) · π(e)` and `f(s e) · π(P)` when there are clitics on both sides.
//!
//! The best such estimate is compared with the evidence that `w` *itself* is a stem: the
//! counts of forms that would be ungrammatical if `w` began or ended with a clitic, like
//! the article before a conjunction (الوزارة ⇒ the و of وزارة is a stem letter), a
//! conjunction before a conjunction (ووزارة), a preposition before a preposition (ببنك), or
//! a pronoun after a pronoun (بنكه). These counts, divided by the priors of the added
//! clitics, estimate how often `w` occurs as a stem. The whole-word count `f(w)` is *not*
//! used for that: it mixes both readings (وأضاف is 25 times more frequent than أضاف in news).
//!
//! The evidence is kept per side: forms with an extra proclitic speak against splitting the
//! front, forms with an extra pronoun against splitting the end, and the article before the
//! word against both. A split is taken only when its estimate beats the evidence of every side
//! it cuts, and when it explains at least [`MIN_SHARE`] of the word's count (تلك is not
//! تل + ك: "your hill" would explain a ten-thousandth of its occurrences). Among the splits
//! left, the best estimate wins; ties go to the reading with more clitics.
//!
//! Stems must be in the lexicon (seen at least the lexicon's cut-off times), so unknown names
//! like بوتفليقة stay whole; the one exception is the article, which is by far the likeliest
//! reading of a word-initial ال even on an unknown stem (see [`ARTICLE_DEFAULT`]). A stem that
//! the model itself reads with further proclitics (بوزارة in و + بوزارت + ها) yields to the
//! longer stack.
//!
//! # Priors
//!
//! `π(c)` is learned from the lexicon when a model is built: over the most frequent words
//! `x` that do not start with the article, `π(c) = Σ f(c x) / Σ f(x)`: how many times,
//! per bare occurrence, a frequent word carries the clitic. It mixes parts of speech (verbs
//! never take the article), which biases it low for the article; that bias applies equally
//! to every word, so it moves few decisions.
//!
//! # Hand exceptions
//!
//! A short list of function words whose letters look like clitics but never are, and that
//! statistics cannot tell apart because their look-alike stems are frequent and because
//! particles take no clitics at the rates content words do: الله (ال + له), لكن (ل + كن), كما
//! (ك + ما), هناك and تلك (هنا + ك, تل + ك), and the relative pronouns الذي، التي… These are
//! kept whole (with their own clitics outside, as in ولكن or والذي).

use super::clitics::{ENCLITICS, Proclitic, STACKS, Stack, with_article, without_article};
use super::lexicon::Lexicon;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::atomic::{AtomicU16, Ordering};

/// How the words handed to the segmenter were normalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputForm {
    /// Lossless folds only ([`crate::Folds::LOSSLESS`]): ة, ى and hamza seats are as written.
    /// What display and extraction use.
    Lossless,
    /// Lossless and lossy folds ([`crate::Folds::SEARCH`]): أ إ آ ٱ → ا, ى → ي, ة → ه,
    /// ؤ → و, ئ → ي. What search uses. Lossless words are accepted too (they are folded
    /// before lookup).
    Folded,
}

/// Number of most frequent words the priors are estimated on.
const PRIOR_WORDS: usize = 3000;
/// Floor for a prior, so that a clitic unseen on the reference words is rare, not impossible.
const PRIOR_FLOOR: f64 = 1e-4;
/// Longest key looked up, in bytes (64 Arabic letters); longer words are never split.
const KEY_CAP: usize = 128;
/// A split must explain at least this share of a word's occurrences: stems that merely look
/// like a word plus a clitic (هذه = هذ + ه, تلك = تل + ك) explain a tiny share of them.
const MIN_SHARE: f64 = 0.001;
/// The estimate given to "ال is the article" when the rest is not in the lexicon, as a share
/// of the word's count.
const ARTICLE_DEFAULT: f64 = 0.01;

/// Words never split inside (their clitics outside still are), and whether they take an
/// enclitic pronoun.
const PROTECTED: [(&str, bool); 17] = [
    ("كما", false),
    ("هناك", false),
    ("هنالك", false),
    ("تلك", false),
    ("الله", false),
    ("اللهم", false),
    ("لكن", true),
    ("الذي", false),
    ("التي", false),
    ("الذين", false),
    ("اللذين", false),
    ("اللتين", false),
    ("اللذان", false),
    ("اللتان", false),
    ("اللاتي", false),
    ("اللواتي", false),
    ("اللائي", false),
];

/// A segmentation decision: the stack (index into [`STACKS`]) and enclitic (index into
/// [`ENCLITICS`]), packed into a `u16` for the per-word memo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Decision {
    pub stack: Option<u8>,
    pub enclitic: Option<u8>,
}

/// Memo value meaning "not decided yet".
const UNKNOWN: u16 = u16::MAX;

impl Decision {
    fn pack(self) -> u16 {
        let s = self.stack.map_or(0, |i| u16::from(i) + 1);
        let e = self.enclitic.map_or(0, |i| u16::from(i) + 1);
        s | (e << 5)
    }

    fn unpack(code: u16) -> Decision {
        let s = code & 0x1f;
        let e = (code >> 5) & 0xf;
        Decision {
            stack: (s != 0).then(|| (s - 1) as u8),
            enclitic: (e != 0).then(|| (e - 1) as u8),
        }
    }

    pub fn clitic_count(self) -> usize {
        self.stack().map_or(0, |s| s.clitics.len()) + usize::from(self.enclitic.is_some())
    }

    pub fn stack(self) -> Option<&'static Stack> {
        self.stack.and_then(|i| STACKS.get(usize::from(i)))
    }

    pub fn enclitic_form(self) -> Option<&'static str> {
        self.enclitic
            .and_then(|i| ENCLITICS.get(usize::from(i)))
            .map(|e| e.0)
    }

    /// The byte range of the stem in `word`, if this decision fits the letters of `word`.
    pub fn stem_range(self, word: &str) -> Option<(usize, usize)> {
        let start = match self.stack() {
            Some(s) if word.starts_with(s.surface) => s.surface.len(),
            Some(_) => return None,
            None => 0,
        };
        let end = match self.enclitic_form() {
            Some(e) if word.ends_with(e) => word.len() - e.len(),
            Some(_) => return None,
            None => word.len(),
        };
        (start <= end).then_some((start, end))
    }
}

#[derive(Debug)]
struct Entry {
    count: u32,
    memo: AtomicU16,
}

/// A key assembled on the stack from pieces, folded when the model is, without allocating.
struct KeyBuf {
    buf: [u8; KEY_CAP],
    len: usize,
    overflow: bool,
}

impl KeyBuf {
    fn new() -> Self {
        KeyBuf {
            buf: [0; KEY_CAP],
            len: 0,
            overflow: false,
        }
    }

    fn push(&mut self, s: &str, form: InputForm) {
        match form {
            InputForm::Lossless => self.push_bytes(s.as_bytes()),
            InputForm::Folded => {
                for c in s.chars() {
                    let mut tmp = [0u8; 4];
                    self.push_bytes(fold(c).encode_utf8(&mut tmp).as_bytes());
                }
            }
        }
    }

    fn push_bytes(&mut self, b: &[u8]) {
        if self.len + b.len() > KEY_CAP {
            self.overflow = true;
            return;
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        // Whole chars are pushed, so this only fails if the input was not UTF-8 (it is).
        std::str::from_utf8(&self.buf[..self.len]).ok()
    }
}

/// The letter folds of [`crate::Folds::SEARCH`] that matter to Arabic words.
#[inline]
fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        _ => c,
    }
}

fn fold_str(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| fold(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fold).collect())
    }
}

/// Counts, priors and the per-word memo of decisions.
#[derive(Debug)]
pub(crate) struct Model {
    form: InputForm,
    map: FxHashMap<Cow<'static, str>, Entry>,
    stack_prior: [f64; STACKS.len()],
    enclitic_prior: [f64; ENCLITICS.len()],
    protected: Vec<(Cow<'static, str>, bool)>,
}

impl Model {
    /// Builds a model over `lexicon` for words normalized as `form`.
    pub fn new(lexicon: &Lexicon<'_>, form: InputForm) -> Model {
        let counts = lexicon.counts(|w| match form {
            InputForm::Lossless => Cow::Owned(w.to_owned()),
            InputForm::Folded => Cow::Owned(fold_str(w).into_owned()),
        });
        Self::from_counts(counts, lexicon, form)
    }

    /// Like [`Model::new`] for a lexicon whose text lives for the whole program, borrowing
    /// its words instead of copying them where folding leaves them unchanged.
    pub fn new_static(lexicon: &Lexicon<'static>, form: InputForm) -> Model {
        let counts = lexicon.counts(|w| match form {
            InputForm::Lossless => Cow::Borrowed(w),
            InputForm::Folded => fold_str(w),
        });
        Self::from_counts(counts, lexicon, form)
    }

    fn from_counts(
        counts: FxHashMap<Cow<'static, str>, u32>,
        lexicon: &Lexicon<'_>,
        form: InputForm,
    ) -> Model {
        let map = counts
            .into_iter()
            .map(|(k, count)| {
                let e = Entry {
                    count,
                    memo: AtomicU16::new(UNKNOWN),
                };
                (k, e)
            })
            .collect();
        let protected = PROTECTED
            .iter()
            .map(|&(w, enc)| {
                let w: Cow<'static, str> = match form {
                    InputForm::Lossless => Cow::Borrowed(w),
                    InputForm::Folded => fold_str(w),
                };
                (w, enc)
            })
            .collect();
        let mut model = Model {
            form,
            map,
            stack_prior: [1.0; STACKS.len()],
            enclitic_prior: [1.0; ENCLITICS.len()],
            protected,
        };
        model.learn_priors(lexicon);
        model
    }

    fn learn_priors(&mut self, lexicon: &Lexicon<'_>) {
        // The reference words, in key form, most frequent first, without duplicates.
        let mut seen = FxHashSet::default();
        let mut refs: Vec<String> = Vec::with_capacity(PRIOR_WORDS);
        for &(w, _) in lexicon.entries() {
            if refs.len() == PRIOR_WORDS {
                break;
            }
            let key = self.key_string(w);
            if key.chars().count() >= 3 && !key.starts_with("ال") && seen.insert(key.clone()) {
                refs.push(key);
            }
        }
        let base: f64 = refs.iter().map(|x| f64::from(self.count(&[x]))).sum();
        if base == 0.0 {
            return;
        }
        for (i, s) in STACKS.iter().enumerate() {
            let with: f64 = refs
                .iter()
                .map(|x| f64::from(self.count(&[s.surface, x])))
                .sum();
            self.stack_prior[i] = (with / base).max(PRIOR_FLOOR);
        }
        for (i, &(e, _)) in ENCLITICS.iter().enumerate() {
            let (mut with, mut base) = (0.0, 0.0);
            for x in &refs {
                // A pronoun turns a final ة into ت; words in ى change it unpredictably (ا or
                // ي) and are left out.
                let n = f64::from(self.count(&[x]));
                let attached = if let Some(stem) = x.strip_suffix(['ة', 'ه']) {
                    if self.form == InputForm::Lossless && x.ends_with('ه') {
                        // A lossless final ه is a pronoun or a root letter, not ة.
                        self.count(&[x, e])
                    } else {
                        self.count(&[stem, "ت", e])
                    }
                } else if x.ends_with('ى') {
                    continue;
                } else {
                    self.count(&[x, e])
                };
                // A form that takes the article is a word of its own (عربي is not عرب + ي).
                let own_word = attached > 0 && self.count(&["ال", x, e]) > 0;
                if !own_word {
                    with += f64::from(attached);
                }
                base += n;
            }
            if base > 0.0 {
                self.enclitic_prior[i] = (with / base).max(PRIOR_FLOOR);
            }
        }
    }

    fn key_string(&self, w: &str) -> String {
        match self.form {
            InputForm::Lossless => w.to_owned(),
            InputForm::Folded => fold_str(w).into_owned(),
        }
    }

    /// The prior of each stack, in [`STACKS`] order.
    pub fn stack_priors(&self) -> &[f64] {
        &self.stack_prior
    }

    /// The prior of each enclitic, in [`ENCLITICS`] order.
    pub fn enclitic_priors(&self) -> &[f64] {
        &self.enclitic_prior
    }

    pub fn form(&self) -> InputForm {
        self.form
    }

    /// Number of word types.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The count of the concatenation of `parts` (0 when unknown or too long).
    fn count(&self, parts: &[&str]) -> u32 {
        let mut key = KeyBuf::new();
        for p in parts {
            key.push(p, self.form);
        }
        key.as_str()
            .and_then(|k| self.map.get(k))
            .map_or(0, |e| e.count)
    }

    /// The count of a word (0 when unknown).
    pub fn word_count(&self, word: &str) -> u32 {
        self.count(&[word])
    }

    /// The decision for `word`: memoized for words of the lexicon, computed otherwise.
    /// Returns a decision that fits the letters of `word`.
    pub fn decide(&self, word: &str) -> Decision {
        let mut key = KeyBuf::new();
        let found = match self.form {
            // Lossless words are their own keys: no copy.
            InputForm::Lossless => self.map.get_key_value(word),
            InputForm::Folded => {
                key.push(word, self.form);
                key.as_str().and_then(|k| self.map.get_key_value(k))
            }
        };
        let Some((k, entry)) = found else {
            return self.compute(word);
        };
        let code = entry.memo.load(Ordering::Relaxed);
        let d = if code == UNKNOWN {
            // Decide on the key itself, so the memo is the same whoever asks first.
            let d = self.compute(k);
            entry.memo.store(d.pack(), Ordering::Relaxed);
            d
        } else {
            Decision::unpack(code)
        };
        if d.stem_range(word).is_some() {
            d
        } else {
            // Folded input differs from its key only in folded letters; when one of them sits
            // where the decision wants a clitic (أل is not the article), decide on the word.
            self.compute(word)
        }
    }

    /// The decision for `word` from the counts, without the memo.
    pub fn compute(&self, word: &str) -> Decision {
        if let Some(d) = self.protected_decision(word) {
            return d;
        }
        let whole = f64::from(self.word_count(word));
        // Lazily: most words have candidates on one side only.
        let mut front: Option<f64> = None;
        let mut back: Option<f64> = None;
        let mut best = Decision::default();
        let mut best_score = 0.0f64;
        let mut best_clitics = 0;
        for_each_candidate(word, |c| {
            if self.stem_takes_more_proclitics(word, c) {
                return;
            }
            let score = self.estimate(word, c, whole);
            if score <= 0.0 || score < MIN_SHARE * whole {
                return;
            }
            if c.decision.stack.is_some()
                && score <= *front.get_or_insert_with(|| self.front_evidence(word, whole))
            {
                return;
            }
            if c.decision.enclitic.is_some()
                && score <= *back.get_or_insert_with(|| self.back_evidence(word, whole))
            {
                return;
            }
            let clitics = c.decision.clitic_count();
            // Ties go to the reading with more clitics: its estimate includes the other's.
            if score > best_score || (score == best_score && clitics > best_clitics) {
                best_score = score;
                best = c.decision;
                best_clitics = clitics;
            }
        });
        best
    }

    /// The forced reading of a word built on a protected function word, if any.
    fn protected_decision(&self, word: &str) -> Option<Decision> {
        let stacks = std::iter::once(None).chain((0..STACKS.len()).map(Some));
        for stack in stacks {
            let rest = match stack {
                None => word,
                Some(i) => match word.strip_prefix(STACKS[i].surface) {
                    Some(r) => r,
                    None => continue,
                },
            };
            for (p, takes_enclitic) in &self.protected {
                let Some(tail) = rest.strip_prefix(&**p) else {
                    continue;
                };
                let enclitic = if tail.is_empty() {
                    None
                } else if *takes_enclitic {
                    match ENCLITICS.iter().position(|&(e, _)| e == tail) {
                        Some(j) => Some(j as u8),
                        None => continue,
                    }
                } else {
                    continue;
                };
                return Some(Decision {
                    stack: stack.map(|i| i as u8),
                    enclitic,
                });
            }
        }
        None
    }

    /// True when the stem of `c` is itself read with proclitics that could join the
    /// candidate's stack (the stem بوزارة of و + بوزارت + ها is ب + وزارة): the longer stack
    /// is then the reading, and this candidate would only compete with it on worse counts.
    fn stem_takes_more_proclitics(&self, word: &str, c: Candidate) -> bool {
        let stem = &word[c.stem.0..c.stem.1];
        if !may_start_with_proclitic(stem) {
            return false;
        }
        // Only stems of the lexicon: an unknown stem has no reading to learn from (and
        // deciding it would recurse through every shorter unknown string).
        let d = if c.decision.enclitic.is_some() {
            let (form, n) = self.bound_form(stem);
            if n == 0 {
                return false;
            }
            self.decide(form.as_str().unwrap_or_default())
        } else {
            if self.count(&[stem]) == 0 {
                return false;
            }
            self.decide(stem)
        };
        let Some(inner) = d.stack() else {
            return false;
        };
        let outer = c.decision.stack().map_or(&[][..], |s| s.clitics);
        STACKS.iter().any(|s| {
            s.clitics.len() == outer.len() + inner.clitics.len()
                && s.clitics.starts_with(outer)
                && s.clitics.ends_with(inner.clitics)
        })
    }

    /// Estimated occurrences of `word` under candidate `c`; `whole` is the word's count.
    fn estimate(&self, word: &str, c: Candidate, whole: f64) -> f64 {
        let stem = &word[c.stem.0..c.stem.1];
        let pi_p = c
            .decision
            .stack
            .map_or(1.0, |i| self.stack_prior[usize::from(i)]);
        let pi_e = c
            .decision
            .enclitic
            .map_or(1.0, |i| self.enclitic_prior[usize::from(i)]);
        if stem.is_empty() {
            // A preposition with a pronoun (له، بها، لنا): a closed class, always split.
            return f64::MAX;
        }
        let has_enclitic = c.decision.enclitic.is_some();
        let stem_count = if has_enclitic {
            self.bound_stem_count(stem)
        } else {
            self.count(&[stem])
        };
        let mut best = f64::from(stem_count) * pi_p * pi_e;
        let Some(i) = c.decision.stack else {
            return best;
        };
        let i = usize::from(i);
        match without_article(i) {
            Some(Some(outer)) => {
                let definite = self.count(&["ال", stem]);
                best = best.max(f64::from(definite) * self.stack_prior[outer]);
            }
            Some(None) => {
                // The article alone, on a stem too rare to be in the lexicon: the article is
                // by far the likelier reading of a word-initial ال; the few stems that start
                // with ال (التزام) show it in their own definite form (الالتزام), which the
                // front evidence weighs.
                best = best.max(ARTICLE_DEFAULT * whole.max(1.0));
            }
            None => {}
        }
        if STACKS[i].clitics.len() > 1
            && matches!(STACKS[i].clitics[0], Proclitic::Wa | Proclitic::Fa)
        {
            // The word without its conjunction, if that word is read with the other clitics
            // (وبذلك from بذلك = ب + ذلك, وسيتم from سيتم).
            let inner = &word[2..];
            let inner_count = self.count(&[inner]);
            if inner_count > 0 {
                let d = self.decide(inner);
                let inner_stack = d.stack().map(|s| s.clitics);
                if inner_stack == Some(&STACKS[i].clitics[1..]) && d.enclitic == c.decision.enclitic
                {
                    let conj = usize::from(STACKS[i].clitics[0] == Proclitic::Fa);
                    best = best.max(f64::from(inner_count) * self.stack_prior[conj]);
                }
            }
        }
        if has_enclitic {
            // The word without its pronoun, if that word is read with the same proclitics…
            let (front, front_count) = self.bound_form(&word[..c.stem.1]);
            if front_count > 0 {
                let d = self.decide(front.as_str().unwrap_or_default());
                if d.stack == c.decision.stack && d.enclitic.is_none() {
                    best = best.max(f64::from(front_count) * pi_e);
                }
            }
            // …and the word without its proclitics, if that word is read with the pronoun.
            let back = &word[c.stem.0..];
            let back_count = self.count(&[back]);
            if back_count > 0 {
                let d = self.decide(back);
                if d.stack.is_none() && d.enclitic == c.decision.enclitic {
                    best = best.max(f64::from(back_count) * pi_p);
                }
            }
        }
        best
    }

    /// Of a stem that carried an enclitic and the form it has on its own, the more frequent,
    /// with its count.
    fn bound_form(&self, stem: &str) -> (KeyBuf, u32) {
        let mut raw = KeyBuf::new();
        raw.push(stem, InputForm::Lossless);
        let n = self.count(&[stem]);
        let Some(alt) = free_form(stem) else {
            return (raw, n);
        };
        let m = alt.as_str().map_or(0, |a| self.count(&[a]));
        if m > n { (alt, m) } else { (raw, n) }
    }

    /// The count of a stem that carried an enclitic, plus that of the form it has on its own
    /// where the pronoun changed its last letter.
    fn bound_stem_count(&self, stem: &str) -> u32 {
        let n = self.count(&[stem]);
        let alt = free_form(stem).and_then(|a| a.as_str().map(|a| self.count(&[a])));
        n.saturating_add(alt.unwrap_or(0))
    }

    /// Estimated occurrences of `word` as a stem whose first letters are not proclitics,
    /// from forms that would be ungrammatical if they were: the article before anything
    /// (الوزارة، الالتزام), a conjunction after anything (ووزارة), a preposition before a
    /// preposition or the future (ببنك، بسيارة). Pooled: the counts of those forms over the
    /// sum of their priors, capped by the word's own count.
    fn front_evidence(&self, word: &str, whole: f64) -> f64 {
        let Some(first) = word.chars().next() else {
            return 0.0;
        };
        let mut pool = Pool::default();
        self.pool_prefix(&mut pool, "ال", word);
        match first {
            'و' | 'ف' => {
                for p in ["و", "ف", "ب", "ل"] {
                    self.pool_prefix(&mut pool, p, word);
                }
            }
            'ب' | 'ك' | 'س' => {
                self.pool_prefix(&mut pool, "ب", word);
                self.pool_prefix(&mut pool, "ل", word);
            }
            // ل + ل would read as ل + ال.
            'ل' => self.pool_prefix(&mut pool, "ب", word),
            _ => {}
        }
        pool.estimate(whole)
    }

    /// Estimated occurrences of `word` as a stem whose last letters are not a pronoun: a
    /// pronoun after it (بنكه), or the article before it (البنك; the article never takes a
    /// pronoun).
    fn back_evidence(&self, word: &str, whole: f64) -> f64 {
        let mut pool = Pool::default();
        for (i, &(e, _)) in ENCLITICS.iter().enumerate().take(2) {
            pool.seen += f64::from(self.count(&[word, e]));
            pool.expected += self.enclitic_prior[i];
        }
        // Even where the first letters might be proclitics (الوالي): a word that takes the
        // article is a noun stem as a whole.
        self.pool_prefix(&mut pool, "ال", word);
        pool.estimate(whole)
    }

    fn pool_prefix(&self, pool: &mut Pool, prefix: &str, word: &str) {
        let prior = STACKS
            .iter()
            .position(|s| s.surface == prefix)
            .map_or(PRIOR_FLOOR, |i| self.stack_prior[i]);
        pool.seen += f64::from(self.count(&[prefix, word]));
        pool.expected += prior;
    }
}

/// Counts of forms and the sum of their priors, for a pooled estimate.
#[derive(Debug, Default)]
struct Pool {
    seen: f64,
    expected: f64,
}

impl Pool {
    fn estimate(&self, cap: f64) -> f64 {
        if self.expected <= 0.0 {
            0.0
        } else {
            (self.seen / self.expected).min(cap)
        }
    }
}

/// Calls `f` with every grammatical reading of `word` (unsegmented excluded) and the byte
/// length of its stem.
pub(crate) fn for_each_candidate_pub(word: &str, mut f: impl FnMut(Decision, usize)) {
    for_each_candidate(word, |c| f(c.decision, c.stem.1 - c.stem.0));
}

/// A candidate reading: a decision and the byte range of its stem.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    decision: Decision,
    stem: (usize, usize),
}

/// The form a stem has on its own when a pronoun changed its last letter: حكومت → حكومة,
/// علي → على, أعطا → أعطى, أدائ → أداء, كتبو → كتبوا.
fn free_form(stem: &str) -> Option<KeyBuf> {
    let mut alt = KeyBuf::new();
    if let Some(s) = stem.strip_suffix('ت') {
        alt.push(s, InputForm::Lossless);
        alt.push("ة", InputForm::Lossless);
    } else if let Some(s) = stem.strip_suffix(['ي', 'ا']) {
        alt.push(s, InputForm::Lossless);
        alt.push("ى", InputForm::Lossless);
    } else if let Some(s) = stem.strip_suffix(['ئ', 'ؤ']) {
        alt.push(s, InputForm::Lossless);
        alt.push("ء", InputForm::Lossless);
    } else if stem.ends_with('و') {
        alt.push(stem, InputForm::Lossless);
        alt.push("ا", InputForm::Lossless);
    } else {
        return None;
    }
    Some(alt)
}

fn may_start_with_proclitic(word: &str) -> bool {
    matches!(
        word.chars().next(),
        Some('و' | 'ف' | 'ب' | 'ك' | 'ل' | 'ا' | 'س')
    )
}

const IMPERFECT_PREFIXES: [char; 5] = ['ي', 'ت', 'ن', 'أ', 'ا'];

/// Calls `f` with every reading of `word` that the clitic grammar allows, the unsegmented
/// reading excluded.
fn for_each_candidate(word: &str, mut f: impl FnMut(Candidate)) {
    let first_ok = may_start_with_proclitic(word);
    let stacks = std::iter::once(None).chain(
        (0..STACKS.len())
            .filter(|_| first_ok)
            .filter(|&i| word.starts_with(STACKS[i].surface))
            .map(Some),
    );
    for stack in stacks {
        let start = stack.map_or(0, |i| STACKS[i].surface.len());
        let rest = &word[start..];
        if let Some(i) = stack {
            // A stem that starts with the article when the stack could have taken it is the
            // same reading as the longer stack, estimated worse.
            if rest.starts_with("ال")
                && rest.chars().count() >= 4
                && with_article(Some(i)).is_some()
            {
                continue;
            }
        }
        let encs = std::iter::once(None).chain(
            (0..ENCLITICS.len())
                .filter(|&j| rest.ends_with(ENCLITICS[j].0))
                .map(Some),
        );
        for enc in encs {
            if stack.is_none() && enc.is_none() {
                continue;
            }
            let end = word.len() - enc.map_or(0, |j| ENCLITICS[j].0.len());
            if end < start {
                continue;
            }
            let stem = &word[start..end];
            if !allowed(stack.map(|i| &STACKS[i]), enc, stem) {
                continue;
            }
            f(Candidate {
                decision: Decision {
                    stack: stack.map(|i| i as u8),
                    enclitic: enc.map(|j| j as u8),
                },
                stem: (start, end),
            });
        }
    }
}

/// The grammar's constraints on a reading.
fn allowed(stack: Option<&Stack>, enc: Option<usize>, stem: &str) -> bool {
    use super::clitics::Enclitic;
    let mut chars = stem.chars();
    let first = chars.clone().next();
    let n = chars.by_ref().take(3).count();
    if enc.is_some() && stem.starts_with("ال") && stem.chars().nth(3).is_some() {
        // The article never takes a pronoun (الحالي is not الحال + ي).
        return false;
    }
    if let Some(s) = stack {
        if s.has(Proclitic::Al) && enc.is_some() {
            return false;
        }
        if s.has(Proclitic::Sa) {
            return n >= 3 && first.is_some_and(|c| IMPERFECT_PREFIXES.contains(&c));
        }
        if n == 0 {
            // له، بها، لنا… but not بي/بني (a word of their own far more often than "in me").
            let e = enc.map(|j| ENCLITICS[j].1);
            return match (s.last(), e) {
                (_, None | Some(Enclitic::Ni)) => false,
                (Proclitic::Li, Some(_)) => true,
                (Proclitic::Bi, Some(e)) => e != Enclitic::Ya,
                _ => false,
            };
        }
    }
    n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_pack_and_unpack() {
        for s in std::iter::once(None).chain((0..STACKS.len() as u8).map(Some)) {
            for e in std::iter::once(None).chain((0..ENCLITICS.len() as u8).map(Some)) {
                let d = Decision {
                    stack: s,
                    enclitic: e,
                };
                assert_ne!(d.pack(), UNKNOWN);
                assert_eq!(Decision::unpack(d.pack()), d);
            }
        }
    }

    #[test]
    fn keys_fold_like_search_normalization() {
        use crate::normalize::{Folds, normalize};
        let w = "أإآٱىئةؤ";
        assert_eq!(fold_str(w), normalize(w, Folds::SEARCH).text);
        let mut k = KeyBuf::new();
        k.push("إلى", InputForm::Folded);
        assert_eq!(k.as_str(), Some("الي"));
        let long = "ب".repeat(100);
        let mut k = KeyBuf::new();
        k.push(&long, InputForm::Lossless);
        assert_eq!(k.as_str(), None);
    }
}
