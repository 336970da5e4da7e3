//! Clitic segmentation with a guard learned from corpus statistics.
//!
//! An Arabic word may carry, written joined to it, a stack of *proclitics* in front
//! (و ف ب ك ل ال س, as in وبالحكومة = و + ب + ال + حكومة, or للجنة… see [`Proclitic`]) and
//! one *enclitic* pronoun at the end (ه ها هم هما هن ك كم كن نا ني ي, see [`Enclitic`]).
//! [`Segmenter::segment`] splits a word into those parts, as byte ranges of the word, so
//! callers can map each part back to the text.
//!
//! The hard part is not the grammar but the *guard*: most words whose first or last letters
//! look like clitics are not segmentable at all (وزارة، بريطانيا، كركوك، بنك، فلسطين). The
//! guard decides from the counts of a word-frequency lexicon learned from 30 676 SaudiNewsNet
//! articles (`data/segment-lexicon.tsv`, rebuilt by `marsad train lexicon`); the decision
//! rule is documented in `model.rs`. Decisions for the lexicon's words are memoized on
//! first use, so segmenting a known word costs one hash lookup and never allocates.
//!
//! ```
//! use marsad_arabic::segment::{Enclitic, Proclitic, Segmenter};
//!
//! let seg = Segmenter::default();
//! let s = seg.segment("وبالحكومة");
//! assert_eq!(s.stem(), "حكومة");
//! let clitics: Vec<Proclitic> = s.proclitics().iter().map(|p| p.clitic).collect();
//! assert_eq!(clitics, [Proclitic::Wa, Proclitic::Bi, Proclitic::Al]);
//!
//! let s = seg.segment("كتابهم");
//! assert_eq!((s.stem(), s.enclitic()), ("كتاب", Some(Enclitic::Hum)));
//!
//! // The guard: these letters belong to the word.
//! assert!(!seg.segment("وزارة").is_segmented());
//! ```

mod clitics;
pub mod lexicon;
mod model;

#[cfg(test)]
mod tests;

pub use clitics::{Enclitic, Proclitic};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError};
pub use model::InputForm;

use clitics::{ENCLITICS, MAX_PROCLITICS, clitic_lengths};
use model::{Decision, Model};
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// The lexicon shipped with marsad, learned from SaudiNewsNet (see the file's header).
pub const EMBEDDED_LEXICON: &str = include_str!("../../data/segment-lexicon.tsv");

static LOSSLESS: LazyLock<Arc<Model>> =
    LazyLock::new(|| Arc::new(Model::new_static(&embedded_lexicon(), InputForm::Lossless)));
static FOLDED: LazyLock<Arc<Model>> =
    LazyLock::new(|| Arc::new(Model::new_static(&embedded_lexicon(), InputForm::Folded)));

fn embedded_lexicon() -> Lexicon<'static> {
    // The file is checked by the tests; a corrupt one degrades to "never split" rather than
    // a panic in library code.
    Lexicon::parse(EMBEDDED_LEXICON).unwrap_or_else(|_| {
        Lexicon::parse("").unwrap_or_else(|_| unreachable!("an empty lexicon always parses"))
    })
}

/// Splits words into proclitics, stem and enclitic.
///
/// Cheap to clone (the model is shared). The default segmenter uses the embedded lexicon and
/// expects words normalized with the lossless folds; [`Segmenter::folded`] expects words
/// that also went through the lossy folds (search). Both accept any string without panicking.
#[derive(Clone)]
pub struct Segmenter {
    model: Arc<Model>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("form", &self.model.form())
            .field("types", &self.model.len())
            .finish()
    }
}

impl Default for Segmenter {
    /// The embedded lexicon, for words normalized with [`crate::Folds::LOSSLESS`].
    fn default() -> Self {
        Segmenter::new(InputForm::Lossless)
    }
}

impl Segmenter {
    /// The embedded lexicon, for words normalized as `form`. The model is built once per
    /// form and shared by every segmenter.
    pub fn new(form: InputForm) -> Self {
        let model = match form {
            InputForm::Lossless => &LOSSLESS,
            InputForm::Folded => &FOLDED,
        };
        Segmenter {
            model: Arc::clone(model),
        }
    }

    /// The embedded lexicon, for words normalized with [`crate::Folds::SEARCH`].
    pub fn folded() -> Self {
        Segmenter::new(InputForm::Folded)
    }

    /// A segmenter over another lexicon (for experiments and tests).
    pub fn with_lexicon(lexicon: &Lexicon<'_>, form: InputForm) -> Self {
        Segmenter {
            model: Arc::new(Model::new(lexicon, form)),
        }
    }

    /// The input form this segmenter expects.
    pub fn input_form(&self) -> InputForm {
        self.model.form()
    }

    /// The corpus count of `word` in the lexicon (folded as the input form requires).
    pub fn count(&self, word: &str) -> u32 {
        self.model.word_count(word)
    }

    /// The learned prior of each proclitic stack, as `(written form, prior)`: how many times
    /// per bare occurrence a frequent word carries the stack.
    pub fn proclitic_priors(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        clitics::STACKS
            .iter()
            .zip(self.model.stack_priors())
            .map(|(s, &p)| (s.surface, p))
    }

    /// The learned prior of each enclitic, as `(written form, prior)`.
    pub fn enclitic_priors(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        ENCLITICS
            .iter()
            .zip(self.model.enclitic_priors())
            .map(|(e, &p)| (e.0, p))
    }

    /// Segments one word (a single token, already normalized; see [`InputForm`]).
    ///
    /// Never allocates for words of the lexicon; never panics. Anything that is not an
    /// Arabic word with clitics comes back unsegmented (the stem is the whole input).
    #[inline]
    pub fn segment<'w>(&self, word: &'w str) -> Segmentation<'w> {
        if !may_have_clitics(word) {
            return Segmentation::whole(word);
        }
        let d = self.model.decide(word);
        Segmentation::from_decision(word, d)
    }

    /// Segments `word` ignoring the guard: every clitic-looking prefix stack and pronoun the
    /// grammar allows is stripped (the longest stack, then the longest pronoun, keeping a
    /// stem of two letters). The naive baseline the guard is measured against.
    pub fn segment_unguarded<'w>(word: &'w str) -> Segmentation<'w> {
        let mut best: Option<(Decision, usize)> = None;
        model::for_each_candidate_pub(word, |d, stem_len| {
            let clitic_bytes = word.len() - stem_len;
            if best.is_none_or(|(_, b)| clitic_bytes > b) {
                best = Some((d, clitic_bytes));
            }
        });
        Segmentation::from_decision(word, best.map(|b| b.0).unwrap_or_default())
    }
}

/// Quick reject: a word can only carry clitics if it starts with a proclitic letter or ends
/// with an enclitic letter. Most tokens of other scripts and many Arabic words stop here.
#[inline]
fn may_have_clitics(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 4 {
        // Two Arabic letters at least (a clitic and one more).
        return false;
    }
    // Arabic letters U+0600..U+063F are D8 xx, U+0640..U+067F are D9 xx in UTF-8.
    let first = matches!(
        (b[0], b[1]),
        (0xD9, 0x88) // و
        | (0xD9, 0x81) // ف
        | (0xD8, 0xA8) // ب
        | (0xD9, 0x83) // ك
        | (0xD9, 0x84) // ل
        | (0xD8, 0xA7) // ا
        | (0xD8, 0xB3) // س
    );
    let n = b.len();
    let last = matches!(
        (b[n - 2], b[n - 1]),
        (0xD9, 0x87) // ه
        | (0xD8, 0xA7) // ا
        | (0xD9, 0x85) // م
        | (0xD9, 0x86) // ن
        | (0xD9, 0x83) // ك
        | (0xD9, 0x8A) // ي
    );
    first || last
}

/// One proclitic of a segmentation and where it is written in the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProcliticSpan {
    /// Which proclitic.
    pub clitic: Proclitic,
    /// Start byte offset in the word.
    pub start: usize,
    /// End byte offset in the word (exclusive). The article after ل spans only its lam.
    pub end: usize,
}

impl ProcliticSpan {
    /// The byte range in the word.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A word split into proclitics, stem and enclitic. All offsets are byte offsets into the
/// word that was segmented; `prefix() + stem() + suffix()` is always that word.
///
/// The stem is empty only for a preposition with a pronoun (له = ل + ه, ولها = و + ل + ها).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Segmentation<'w> {
    word: &'w str,
    stem_start: usize,
    stem_end: usize,
    proclitics: [ProcliticSpan; MAX_PROCLITICS],
    n_proclitics: u8,
    enclitic: Option<Enclitic>,
}

impl<'w> Segmentation<'w> {
    fn whole(word: &'w str) -> Self {
        Segmentation {
            word,
            stem_start: 0,
            stem_end: word.len(),
            proclitics: [ProcliticSpan {
                clitic: Proclitic::Wa,
                start: 0,
                end: 0,
            }; MAX_PROCLITICS],
            n_proclitics: 0,
            enclitic: None,
        }
    }

    fn from_decision(word: &'w str, d: Decision) -> Self {
        let mut s = Segmentation::whole(word);
        let Some((start, end)) = d.stem_range(word) else {
            return s;
        };
        s.stem_start = start;
        s.stem_end = end;
        if let Some(stack) = d.stack() {
            let mut at = 0;
            for (i, (clitic, len)) in clitic_lengths(stack).enumerate() {
                s.proclitics[i] = ProcliticSpan {
                    clitic,
                    start: at,
                    end: at + len,
                };
                at += len;
            }
            s.n_proclitics = stack.clitics.len() as u8;
        }
        s.enclitic = d
            .enclitic
            .and_then(|j| ENCLITICS.get(usize::from(j)))
            .map(|e| e.1);
        s
    }

    /// The word that was segmented.
    pub fn word(&self) -> &'w str {
        self.word
    }

    /// True when at least one clitic was split off.
    pub fn is_segmented(&self) -> bool {
        self.n_proclitics > 0 || self.enclitic.is_some()
    }

    /// The proclitics, outermost first, with their byte ranges.
    pub fn proclitics(&self) -> &[ProcliticSpan] {
        &self.proclitics[..usize::from(self.n_proclitics)]
    }

    /// The enclitic pronoun, if any.
    pub fn enclitic(&self) -> Option<Enclitic> {
        self.enclitic
    }

    /// The written proclitics (e.g. `وبال`).
    pub fn prefix(&self) -> &'w str {
        &self.word[..self.stem_start]
    }

    /// The stem.
    pub fn stem(&self) -> &'w str {
        &self.word[self.stem_start..self.stem_end]
    }

    /// The written enclitic (e.g. `هم`), or `""`.
    pub fn suffix(&self) -> &'w str {
        &self.word[self.stem_end..]
    }

    /// Byte range of the proclitics in the word.
    pub fn prefix_range(&self) -> Range<usize> {
        0..self.stem_start
    }

    /// Byte range of the stem in the word.
    pub fn stem_range(&self) -> Range<usize> {
        self.stem_start..self.stem_end
    }

    /// Byte range of the enclitic in the word.
    pub fn suffix_range(&self) -> Range<usize> {
        self.stem_end..self.word.len()
    }
}

impl fmt::Display for Segmentation<'_> {
    /// Dictionary forms joined by `+`, in the style of segmented corpora: للجنة with the
    /// article reads `ل+ال+جنة`, a word without clitics reads as itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = self.proclitics().iter().map(|p| p.clitic.form());
        let parts = parts
            .chain([self.stem(), self.suffix()])
            .filter(|p| !p.is_empty());
        for (i, p) in parts.enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(p)?;
        }
        Ok(())
    }
}
