//! Stemmers: Lucene's light10, marsad's guarded light stemmer and Snowball Arabic.
//!
//! | kind | what it removes | input | allocates |
//! |---|---|---|---|
//! | [`StemmerKind::None`] | nothing | any | no |
//! | [`StemmerKind::Light10`] | Lucene's `ArabicStemmer` exactly ([`light10`]) | Lucene-normalized | no |
//! | [`StemmerKind::Marsad`] | clitics and inflections, with an over-conflation guard ([`MarsadStemmer`]) | search form ([`Folds::SEARCH`](crate::Folds::SEARCH)) | no |
//! | [`StemmerKind::Snowball`] | Snowball Arabic ([`snowball_arabic`]) | raw | yes, when it changes the word |
//!
//! light10 and Snowball over-conflate: both map وزارة ("ministry") to زار ("he visited") and
//! الولايات ("the states") to ولا. marsad's stemmer is the default for search; the other two
//! are there to compare against and for Lucene compatibility. See [`marsad`] for its design.
//!
//! [`Stemmer`] puts the four behind one value that an analyzer can hold:
//!
//! ```
//! use marsad_arabic::stem::{Stemmer, StemmerKind};
//!
//! let mut out = String::new();
//! for kind in StemmerKind::ALL {
//!     out.clear();
//!     Stemmer::new(kind).stem("الكتاب", &mut out);
//!     let expected = if kind == StemmerKind::None { "الكتاب" } else { "كتاب" };
//!     assert_eq!(out, expected, "{kind:?}");
//! }
//! ```

mod common;
mod light10;
pub mod marsad;
mod snowball;

#[cfg(test)]
mod tests;

pub use light10::light10;
pub use marsad::{
    BuiltinGuard, MAX_CANDIDATES, MarsadStemmer, PrefixCandidate, PrefixGuard, SegmenterGuard,
};
pub use snowball::snowball_arabic;

use std::borrow::Cow;
use std::sync::Arc;

/// Which stemmer to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StemmerKind {
    /// No stemming: the word is its own stem.
    None,
    /// Lucene's `ArabicStemmer` (Larkey's light10).
    Light10,
    /// marsad's guarded light stemmer.
    #[default]
    Marsad,
    /// Snowball Arabic.
    Snowball,
}

impl StemmerKind {
    /// Every kind, in a stable order.
    pub const ALL: [StemmerKind; 4] = [
        StemmerKind::None,
        StemmerKind::Light10,
        StemmerKind::Marsad,
        StemmerKind::Snowball,
    ];

    /// A short stable name: `none`, `light10`, `marsad`, `snowball`.
    pub fn name(self) -> &'static str {
        match self {
            StemmerKind::None => "none",
            StemmerKind::Light10 => "light10",
            StemmerKind::Marsad => "marsad",
            StemmerKind::Snowball => "snowball",
        }
    }

    /// The kind named `name` (as printed by [`StemmerKind::name`]).
    pub fn parse(name: &str) -> Option<StemmerKind> {
        StemmerKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for StemmerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A stemmer of any [`StemmerKind`]. Cheap to clone and `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Stemmer {
    kind: StemmerKind,
    marsad: MarsadStemmer,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer::new(StemmerKind::default())
    }
}

impl Stemmer {
    /// A stemmer of `kind`. The marsad kind decides proclitics with the [`SegmenterGuard`]
    /// over the embedded lexicon; for the data-free guard use
    /// `Stemmer::marsad_with_guard(Arc::new(BuiltinGuard))`.
    pub fn new(kind: StemmerKind) -> Self {
        Stemmer {
            kind,
            marsad: MarsadStemmer::new(),
        }
    }

    /// The marsad stemmer with `guard` deciding the proclitics outside the article forms
    /// ([`BuiltinGuard`], a [`SegmenterGuard`] over another lexicon, or a closure).
    pub fn marsad_with_guard(guard: Arc<dyn PrefixGuard>) -> Self {
        Stemmer {
            kind: StemmerKind::Marsad,
            marsad: MarsadStemmer::with_guard(guard),
        }
    }

    /// The kind of this stemmer.
    pub fn kind(&self) -> StemmerKind {
        self.kind
    }

    /// Appends the stem of `word` to `out` (like [`normalize_into`](crate::normalize::normalize_into),
    /// it does not clear `out`). Allocation-free except for Snowball and for growing `out`.
    #[inline]
    pub fn stem(&self, word: &str, out: &mut String) {
        match self.kind {
            StemmerKind::Snowball => out.push_str(&snowball_arabic(word)),
            _ => out.push_str(self.stem_str(word)),
        }
    }

    /// The stem of `word`, borrowed whenever the stemmer returns a sub-slice (always, except
    /// for Snowball when it rewrites the word).
    #[inline]
    pub fn stem_cow<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self.kind {
            StemmerKind::Snowball => snowball_arabic(word),
            _ => Cow::Borrowed(self.stem_str(word)),
        }
    }

    /// The sub-slice stem for the kinds that produce one; Snowball goes through
    /// [`Stemmer::stem_cow`] instead and this returns `word` for it.
    #[inline]
    fn stem_str<'a>(&self, word: &'a str) -> &'a str {
        match self.kind {
            StemmerKind::None | StemmerKind::Snowball => word,
            StemmerKind::Light10 => light10(word),
            StemmerKind::Marsad => self.marsad.stem(word),
        }
    }
}
