//! marsad's guarded light stemmer.
//!
//! Light stemmers such as light10 and Snowball strip any affix that *could* be one, so they
//! over-conflate the many words whose first or last letters happen to look like clitics:
//! both turn وزارة ("ministry") into زار ("he visited") and الولايات ("the states") into ولا.
//! This stemmer removes less, but what it removes it removes consistently, so that the forms
//! of one word meet and different words stay apart.
//!
//! # The algorithm
//!
//! The input is a word in marsad's search form ([`Folds::SEARCH`](crate::Folds::SEARCH):
//! ة → ه, ى → ي, أ/إ/آ → ا…); raw ة and ى are understood too. A word that is not made
//! only of Arabic letters, or has fewer than three, is returned unchanged.
//!
//! 1. **Definite article**, possibly behind one or two proclitics: `ال`, `وال`, `فال`,
//!    `بال`, `كال`, `وبال`, `وكال`, `فبال`, `فكال` (longest first). `ال` needs two letters
//!    after it, the longer forms three. Words where a leading `ال` is not the article are
//!    listed: fixed words (الله, الذي, إلى) are returned as they are, and words spelt with
//!    a hamza-alef that search folding turns into `ال` (ألف, ألمانية, ألعاب) keep it but
//!    still lose their suffixes. After the article no other prefix is looked for (a
//!    conjunction or preposition always precedes it).
//! 2. **Other proclitic runs** — `و ف ب ك ل`, alone or as `و/ف` + `ب/ك/ل`, and `لل`,
//!    `ولل`, `فلل` (ل + article, or ل + a word that begins with ل: للبنان) — are where the
//!    letters are most often part of the word: وزارة, ولاية, فريق, بلد, كتاب, لبنان. The
//!    decision is delegated to a pluggable [`PrefixGuard`], which sees the word, the
//!    proposed prefix and the stems the word would get with and without it. Candidates are
//!    proposed longest first, only when at least three letters would remain; the first
//!    one the guard accepts is removed.
//!    * [`SegmenterGuard`] (the default) asks marsad's clitic segmenter, whose decisions
//!      come from a lexicon learned on a news corpus: it strips when the segmenter's
//!      proclitics begin with the candidate. It knows that the ب of بسبب and the ك of كرئيس
//!      are clitics and that the ف of فرنسا and the و of وزارة are not.
//!    * [`BuiltinGuard`] needs no data: it strips `لل` (as light10 does) and a lone `و` —
//!      the clitic that dominates news text (وقال, وأكد) — except in a list of frequent
//!      words whose first radical is و (وزارة, ولاية, وزير, وقت, واشنطن…). It leaves
//!      `ف ب ك ل` in place: words beginning with those letters are too many for a list.
//!    * Any `Fn(&PrefixCandidate) -> bool + Send + Sync` is a guard too.
//! 3. **At most one pronoun enclitic**: `ها نا هما كما` (three letters must remain), `هم هن
//!    كم كن` (four must remain: مهم, محاكم, مساهم keep their ending) and `ه`/`ة` (three).
//!    In search form ه is also the folded ة, so the feminine ending is handled here, and
//!    raw ة is treated the same way so raw and folded words get the same stem.
//! 4. **At most one inflectional suffix**, the first that applies of `تين تان ات ون ين ان
//!    وا`; `ون` and `ان` need four letters to remain (قانون, لبنان, إيران keep theirs), the
//!    others three. When a two-letter-or-longer pronoun was removed, a final `ت` is the
//!    bound form of ة and goes too (وزارتها → وزار), if three letters remain.
//!
//! What it deliberately does not remove: the nisba `ي` (أمريكي, أمريكية, أمريكيين and
//! أمريكيات all stem to أمريكي, while أمريكا stays itself), the accusative alef (روسيا must
//! not become روسي), and the future `س`.
//!
//! The result is always a sub-slice of the input; nothing is allocated per word.

use super::common::{is_arabic_word, letters};
use crate::normalize::{Folds, normalize};
use crate::segment::Segmenter;
use rustc_hash::FxHashSet;
use std::sync::{Arc, LazyLock};

/// Fewest letters a stem keeps after a proclitic run, an enclitic or a suffix.
const MIN_STEM: usize = 3;

/// The definite article and the proclitic runs ending in it, longest first, with the
/// letters each must leave. `لل` is not here: it is offered to the guard (see below).
const ARTICLES: [(&str, usize); 9] = [
    ("وبال", 3),
    ("وكال", 3),
    ("فبال", 3),
    ("فكال", 3),
    ("وال", 3),
    ("فال", 3),
    ("بال", 3),
    ("كال", 3),
    ("ال", 2),
];

/// Proclitic runs offered to the guard, longest first. `لل` is ل + the article (للحكومة)
/// or ل + a word that begins with ل (للبنان), so it is the guard's call too.
const PROCLITICS: [&str; 14] = [
    "ولل", "فلل", "لل", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل",
];

/// Pronoun enclitics, longest first, with the letters each must leave. ه is also the
/// search form of ة, so raw ة is here too: raw and folded text must get the same stems.
const ENCLITICS: [(&str, usize); 10] = [
    ("هما", 3),
    ("كما", 3),
    ("ها", 3),
    ("نا", 3),
    ("هم", 4),
    ("هن", 4),
    ("كم", 4),
    ("كن", 4),
    ("ه", 3),
    ("ة", 3),
];

/// Inflectional suffixes in the order tried, with the letters each must leave.
const INFLECTIONS: [(&str, usize); 7] = [
    ("تين", 3),
    ("تان", 3),
    ("ات", 3),
    ("ون", 4),
    ("ين", 3),
    ("ان", 4),
    ("وا", 3),
];

/// Words that begin with `ال` but have no article and no affix: returned unchanged.
const FIXED: &[&str] = &[
    // Allah and the relative pronouns.
    "الله",
    "اللهم",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللذان",
    "اللتين",
    "اللتان",
    "اللاتي",
    "اللواتي",
    "اللائي",
    // إلى, إلا, الآن and إلى with pronouns, which search folding spells with ال.
    "إلى",
    "إلا",
    "الآن",
    "إليه",
    "إليها",
    "إليهم",
    "إلينا",
    "إليك",
    "آل",
];

/// Words spelt with أل/إل/آل, which search folding turns into `ال`: their stems keep it.
const HAMZA_AL: &[&str] = &[
    // Each stem must not also be ال + a word: ألحق (الحق), إلهام (الهام), ألم (الأم),
    // ألباني (الباني) are left out for that reason.
    "ألف",
    "ألفا",
    "ألفين",
    "ألفان",
    "آلاف",
    "ألمانيا",
    "ألماني",
    "ألمانية",
    "ألبانيا",
    "ألعاب",
    "ألوان",
    "ألقى",
    "ألغى",
    "ألزم",
    "ألقاب",
    "آلية",
    "آليات",
    "إلغاء",
    "إلكتروني",
    "إلكترونية",
];

/// Frequent news words whose first radical is و, so that the built-in guard keeps their
/// و. Stored here as words; the guard compares their stems.
const WAW_RADICAL: &[&str] = &[
    // Government and politics.
    "وزارة",
    "وزير",
    "وزراء",
    "وزيرة",
    "وزاري",
    "ولاية",
    "ولايات",
    "والي",
    "ولي",
    "ولاء",
    "وطن",
    "وطني",
    "وطنية",
    "وفد",
    "وفود",
    "وكالة",
    "وكيل",
    "وكلاء",
    "وثيقة",
    "وثائق",
    "وحدة",
    "وحدات",
    "وساطة",
    "وسيط",
    "واشنطن",
    "وارسو",
    "ويلز",
    // Time, place, state.
    "وقت",
    "وضع",
    "وضعية",
    "وسط",
    "واقع",
    "واقعة",
    "وقائع",
    "وجه",
    "وجهة",
    "وجود",
    "وصول",
    "وفاة",
    "وفيات",
    "ولادة",
    "وراء",
    "وادي",
    "واحة",
    "وقود",
    "وتيرة",
    "وقف",
    "وقفة",
    "وقوف",
    "وقوع",
    "وعد",
    "وعود",
    "وعي",
    "وباء",
    "وجبة",
    "ورشة",
    "ورقة",
    "وزن",
    "وصف",
    "وفق",
    "وفرة",
    "وقاية",
    "وظيفة",
    "وظائف",
    "وسيلة",
    "وسائل",
    "وسائط",
    "ودائع",
    "وديعة",
    "وداع",
    "وريث",
    "وصية",
    "وضوح",
    // Adjectives and participles.
    "واضح",
    "واضحة",
    "واسع",
    "واسعة",
    "واحد",
    "واحدة",
    "وحيد",
    "وحيدة",
    "واجب",
    "واجبات",
    "واجهة",
    "وارد",
    "واردات",
    "وافد",
    "وافدين",
    "وثيق",
    "وجيز",
    "ودي",
    "ودية",
    // Verbs whose و is radical and whose rest is another word (وافق ≠ و+أفق).
    "وافق",
    "وافقت",
    "واصل",
    "واصلت",
    "وقع",
    "وقعت",
    "وصل",
    "وصلت",
    "وجد",
    "وجدت",
    "وضعت",
    "ورد",
    "وردت",
    "وعدت",
    "ولد",
    "ولدت",
    "وفر",
    "وفرت",
    "وزع",
    "وقفت",
    // Given names.
    "وليد",
    "وائل",
    "وفاء",
    "وداد",
    "وهيب",
    "وجدي",
    "وصفي",
    // Family.
    "والد",
    "والدة",
    "والدين",
    "ولد",
];

/// What a [`PrefixGuard`] is asked about: a proclitic run that could be stripped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrefixCandidate<'a> {
    /// The whole word.
    pub word: &'a str,
    /// The proclitic run proposed for removal: `و`, `ف`, `ب`, `ك`, `ل`, `و`/`ف` followed
    /// by one of `ب ك ل`, or `لل`, `ولل`, `فلل`.
    pub prefix: &'a str,
    /// The word without the prefix.
    pub rest: &'a str,
    /// The stem the word gets if the prefix is kept (suffixes removed from `word`).
    pub kept_stem: &'a str,
    /// The stem the word gets if the prefix is removed (suffixes removed from `rest`).
    pub stripped_stem: &'a str,
}

/// Decides whether a proclitic run outside the article forms is clitics (strip it) or part
/// of the word.
///
/// Implemented for every `Fn(&PrefixCandidate<'_>) -> bool + Send + Sync`, so a lexicon can
/// be plugged in as a closure.
pub trait PrefixGuard: Send + Sync {
    /// `true` to remove `candidate.prefix`, `false` to keep it as part of the word.
    fn strip(&self, candidate: &PrefixCandidate<'_>) -> bool;

    /// Which of the candidates of one word (longest prefix first, at most
    /// [`MAX_CANDIDATES`]) to remove, if any. By default the first that [`strip`] accepts;
    /// a guard that analyses the whole word once can override this to do it once.
    ///
    /// [`strip`]: PrefixGuard::strip
    fn choose(&self, candidates: &[PrefixCandidate<'_>]) -> Option<usize> {
        candidates.iter().position(|c| self.strip(c))
    }
}

/// Most candidates one word can have: `ولل`, `ول`, `و`.
pub const MAX_CANDIDATES: usize = 3;

impl<F> PrefixGuard for F
where
    F: Fn(&PrefixCandidate<'_>) -> bool + Send + Sync,
{
    #[inline]
    fn strip(&self, candidate: &PrefixCandidate<'_>) -> bool {
        self(candidate)
    }
}

/// The data-free guard: strips `لل` (as light10 does) and a lone `و` unless the word is one
/// of a list of frequent words whose first radical is و; keeps `ف ب ك ل` (see the module
/// docs).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltinGuard;

impl PrefixGuard for BuiltinGuard {
    fn strip(&self, c: &PrefixCandidate<'_>) -> bool {
        if c.prefix.ends_with("لل") {
            return true;
        }
        c.prefix == "و"
            // The article path already declined و+ال (والد, والي): the word is والـ itself.
            && !c.rest.starts_with("ال")
            && !waw_radical().contains(c.kept_stem)
    }
}

/// The guard backed by marsad's clitic segmenter ([`crate::segment`]) and its corpus-learned
/// lexicon: a candidate is stripped when the segmenter's proclitics begin with it. Words the
/// lexicon does not know are never split by the segmenter, so this guard keeps their letters.
#[derive(Debug, Clone)]
pub struct SegmenterGuard {
    segmenter: Segmenter,
}

impl SegmenterGuard {
    /// A guard over `segmenter`; it must expect the form the stemmer is given (search form:
    /// [`Segmenter::folded`]).
    pub fn new(segmenter: Segmenter) -> Self {
        SegmenterGuard { segmenter }
    }
}

impl Default for SegmenterGuard {
    /// The embedded lexicon, for words in search form.
    fn default() -> Self {
        SegmenterGuard::new(Segmenter::folded())
    }
}

impl PrefixGuard for SegmenterGuard {
    fn strip(&self, c: &PrefixCandidate<'_>) -> bool {
        self.segmenter
            .segment(c.word)
            .prefix()
            .starts_with(c.prefix)
    }

    /// One segmentation per word, whatever the number of candidates.
    fn choose(&self, candidates: &[PrefixCandidate<'_>]) -> Option<usize> {
        let word = candidates.first()?.word;
        let segmented = self.segmenter.segment(word).prefix();
        candidates
            .iter()
            .position(|c| segmented.starts_with(c.prefix))
    }
}

/// Stems of [`WAW_RADICAL`] with the و kept, in search form.
fn waw_radical() -> &'static FxHashSet<Box<str>> {
    static SET: LazyLock<FxHashSet<Box<str>>> = LazyLock::new(|| stem_set(WAW_RADICAL));
    &SET
}

/// [`FIXED`] in search form.
fn fixed_words() -> &'static FxHashSet<Box<str>> {
    static SET: LazyLock<FxHashSet<Box<str>>> = LazyLock::new(|| {
        FIXED
            .iter()
            .map(|w| normalize(w, Folds::SEARCH).text.into_boxed_str())
            .collect()
    });
    &SET
}

/// Stems of [`HAMZA_AL`] in search form.
fn hamza_al() -> &'static FxHashSet<Box<str>> {
    static SET: LazyLock<FxHashSet<Box<str>>> = LazyLock::new(|| stem_set(HAMZA_AL));
    &SET
}

/// The search forms of `words`, with their suffixes removed as [`strip_suffixes`] does.
fn stem_set(words: &[&str]) -> FxHashSet<Box<str>> {
    words
        .iter()
        .map(|w| {
            let n = normalize(w, Folds::SEARCH).text;
            strip_suffixes(&n).into()
        })
        .collect()
}

/// marsad's guarded light stemmer, with a pluggable [`PrefixGuard`].
#[derive(Clone)]
pub struct MarsadStemmer {
    guard: Arc<dyn PrefixGuard>,
}

impl std::fmt::Debug for MarsadStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MarsadStemmer").finish_non_exhaustive()
    }
}

impl Default for MarsadStemmer {
    fn default() -> Self {
        MarsadStemmer::new()
    }
}

impl MarsadStemmer {
    /// The stemmer with the [`SegmenterGuard`] over marsad's embedded lexicon.
    pub fn new() -> Self {
        static GUARD: LazyLock<Arc<dyn PrefixGuard>> =
            LazyLock::new(|| Arc::new(SegmenterGuard::default()));
        MarsadStemmer::with_guard(Arc::clone(&GUARD))
    }

    /// The stemmer with the data-free [`BuiltinGuard`].
    pub fn builtin() -> Self {
        MarsadStemmer::with_guard(Arc::new(BuiltinGuard))
    }

    /// The stemmer with `guard` deciding the proclitic runs outside the article forms.
    pub fn with_guard(guard: Arc<dyn PrefixGuard>) -> Self {
        MarsadStemmer { guard }
    }

    /// Stems `word` (in search form) and returns the stem, a sub-slice of `word`.
    ///
    /// ```
    /// use marsad_arabic::stem::MarsadStemmer;
    /// let s = MarsadStemmer::new();
    /// assert_eq!(s.stem("الوزارة"), s.stem("وزارات"));
    /// assert_eq!(s.stem("وزارة"), "وزار");
    /// assert_eq!(s.stem("الولايات"), s.stem("ولاية"));
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        if !is_arabic_word(word) || letters(word) < MIN_STEM {
            return word;
        }
        if word.starts_with("ال") && fixed_words().contains(word) {
            return word;
        }
        if let Some(rest) = strip_article(word) {
            return strip_suffixes(rest);
        }
        let kept_stem = strip_suffixes(word);
        let mut candidates = [PrefixCandidate::default(); MAX_CANDIDATES];
        let mut n = 0;
        for prefix in PROCLITICS {
            let Some(rest) = word.strip_prefix(prefix) else {
                continue;
            };
            if letters(rest) < MIN_STEM || n == MAX_CANDIDATES {
                continue;
            }
            candidates[n] = PrefixCandidate {
                word,
                prefix,
                rest,
                kept_stem,
                stripped_stem: strip_suffixes(rest),
            };
            n += 1;
        }
        if n == 0 {
            return kept_stem;
        }
        match self.guard.choose(&candidates[..n]) {
            Some(i) if i < n => candidates[i].stripped_stem,
            _ => kept_stem,
        }
    }
}

/// The word after its definite article (and the proclitics before it), if it has one.
#[inline]
fn strip_article(word: &str) -> Option<&str> {
    let (prefix, min_rest) = ARTICLES.iter().find(|(p, _)| word.starts_with(p))?;
    let rest = &word[prefix.len()..];
    if letters(rest) < *min_rest {
        return None;
    }
    // Only a bare ال can be a word's own letters; a proclitic before it proves the article.
    if *prefix == "ال" && hamza_al().contains(strip_suffixes(word)) {
        return None;
    }
    Some(rest)
}

/// Removes at most one pronoun enclitic and then at most one inflectional suffix.
#[inline]
pub(super) fn strip_suffixes(word: &str) -> &str {
    let mut s = word;
    let mut n = letters(word);
    // Letters of the enclitic removed, 0 if none.
    let mut enclitic = 0;
    if let Some(&(suffix, _)) = ENCLITICS
        .iter()
        .find(|(suffix, min)| n >= suffix_letters(suffix) + min && s.ends_with(suffix))
    {
        s = &s[..s.len() - suffix.len()];
        enclitic = suffix_letters(suffix);
        n -= enclitic;
    }
    let inflection = INFLECTIONS
        .iter()
        .find(|(suffix, min)| n >= suffix_letters(suffix) + min && s.ends_with(suffix));
    if let Some(&(suffix, _)) = inflection {
        return &s[..s.len() - suffix.len()];
    }
    // A pronoun turns ة into ت: وزارتها, ولايتهم. Not after a bare ه, which in search form
    // is as often the ة of an adjective whose root ends in ت (مؤقته, ثابته).
    if enclitic >= 2 && n > MIN_STEM && s.ends_with('ت') {
        return &s[..s.len() - 'ت'.len_utf8()];
    }
    s
}

/// Letters in an affix; all are two-byte Arabic letters.
#[inline]
const fn suffix_letters(suffix: &str) -> usize {
    suffix.len() / 2
}
