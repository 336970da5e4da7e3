//! marsad's Arabic stopword list, and custom stopword sets.
//!
//! # What is in the list, and why
//!
//! The list (`data/stopwords_ar.txt`, written for marsad) holds the closed-class words that
//! make up a large share of news text and carry no topic:
//!
//! * **prepositions**, simple (من، في، عن) and adverbial (قبل، بعد، خلال، أمام), also with
//!   their most frequent pronoun suffixes (منه، عليها، لديهم), and fused with ما (مما، فيما);
//! * **conjunctions and subordinators** (ثم، أو، لكن، إذا، أن، لأن، حيث);
//! * **personal pronouns** (هو، هي، نحن، هم);
//! * **demonstratives** and deictic adverbs (هذا، هذه، ذلك، تلك، هؤلاء، هنا، هناك);
//! * **relative pronouns** (الذي، التي، الذين، اللذان…);
//! * **interrogatives** (ما، ماذا، كيف، متى، هل);
//! * **particles** of negation, emphasis, future, exception (لا، لم، لن، قد، سوف، إلا، إنه);
//! * **quantifiers** (كل، بعض، جميع);
//! * **auxiliary and copular verbs**: كان and its sisters (أصبح، ظل، بات، صار، ليس), زال
//!   (ما زال), and the passive auxiliary تم of news prose ("تم اعتقال"), which says nothing
//!   about what was done;
//! * the most frequent of these with **و/ف attached** (وهو، وقد، ولم، فإن), because a
//!   whitespace token reaches the filter before clitic segmentation.
//!
//! Words are stored in **search form** ([`Folds::SEARCH`]: أ/إ/آ → ا, ى → ي, ة → ه, ؤ → و,
//! ئ → ي) and matched on tokens normalized the same way, so every spelling of a stopword is
//! caught. That folding also merges some stopwords with content words, and those are left
//! out on purpose: على folds onto the name علي, وإلى onto والي ("governor"), مني onto the
//! name منى. Reporting verbs (قال، أكد) are not stopwords: quotes and events hang on them.
//!
//! # Where stopwords are used
//!
//! Only where they help: dropping them from a **search** index and from queries. They are
//! never used by extraction (entities, events, quotes), where a preposition or a negation
//! changes who did what.
//!
//! ```
//! use marsad_arabic::stopwords::StopwordSet;
//!
//! let marsad = StopwordSet::marsad();
//! assert!(marsad.contains("الذين"));
//! let mut scratch = String::new();
//! // إلى is stored as الي; raw tokens are normalized before the lookup.
//! assert!(marsad.matches("إلى", &mut scratch));
//! assert!(!marsad.matches("علي", &mut scratch));
//!
//! let english = StopwordSet::from_words(["the", "and", "a"], marsad_arabic::Folds::LOWERCASE);
//! assert!(english.matches("The", &mut scratch));
//! ```

use crate::normalize::{Folds, normalize, normalize_into};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The text of marsad's list: `#` comments, words separated by whitespace, in search form.
const MARSAD_LIST: &str = include_str!("../data/stopwords_ar.txt");

/// A set of stopwords and the folds that turn a token into the form they are stored in.
#[derive(Debug, Clone)]
pub struct StopwordSet {
    words: FxHashSet<Cow<'static, str>>,
    folds: Folds,
}

impl StopwordSet {
    /// marsad's Arabic list (see the module docs), in [`Folds::SEARCH`] form.
    pub fn marsad() -> &'static StopwordSet {
        static SET: LazyLock<StopwordSet> = LazyLock::new(|| StopwordSet {
            words: marsad_words().map(Cow::Borrowed).collect(),
            folds: Folds::SEARCH,
        });
        &SET
    }

    /// A set that contains nothing.
    pub fn empty() -> StopwordSet {
        StopwordSet {
            words: FxHashSet::default(),
            folds: Folds::NONE,
        }
    }

    /// A custom set: each word is normalized with `folds`, and tokens will be too before
    /// they are looked up. Empty words are ignored.
    pub fn from_words<I, S>(words: I, folds: Folds) -> StopwordSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words = words
            .into_iter()
            .map(|w| normalize(w.as_ref(), folds).text)
            .filter(|w| !w.is_empty())
            .map(Cow::Owned)
            .collect();
        StopwordSet { words, folds }
    }

    /// The folds a token goes through before it is looked up.
    pub fn folds(&self) -> Folds {
        self.folds
    }

    /// Number of distinct stopwords.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the set has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `normalized` — a token already in this set's form ([`StopwordSet::folds`])
    /// — is a stopword. The hot path for an analyzer that has normalized the token anyway.
    #[inline]
    pub fn contains(&self, normalized: &str) -> bool {
        self.words.contains(normalized)
    }

    /// True when the raw `token` is a stopword once normalized; `scratch` is a reusable
    /// buffer (cleared here) so the lookup does not allocate.
    #[inline]
    pub fn matches(&self, token: &str, scratch: &mut String) -> bool {
        scratch.clear();
        normalize_into(token, self.folds, scratch);
        self.contains(scratch)
    }

    /// The words of the set, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.as_ref())
    }
}

/// The words of marsad's list, in file order, comments removed.
fn marsad_words() -> impl Iterator<Item = &'static str> {
    MARSAD_LIST
        .lines()
        .map(|line| line.split_once('#').map_or(line, |(before, _)| before))
        .flat_map(str::split_whitespace)
}

/// True when `normalized` (a token in [`Folds::SEARCH`] form) is in marsad's list.
#[inline]
pub fn is_stopword(normalized: &str) -> bool {
    StopwordSet::marsad().contains(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn list_is_in_search_form_without_duplicates() {
        let mut seen = FxHashSet::default();
        for w in marsad_words() {
            assert_eq!(
                normalize(w, Folds::SEARCH).text,
                w,
                "{w} is not in search form"
            );
            assert!(w.chars().all(crate::chars::is_arabic_letter), "{w}");
            assert!(seen.insert(w), "{w} is listed twice");
        }
        assert_eq!(seen.len(), StopwordSet::marsad().len());
    }

    #[test]
    fn classes_are_covered() {
        let set = StopwordSet::marsad();
        let mut scratch = String::new();
        // Lucene's analyzer tests rely on these two.
        for w in ["ما", "الذين"] {
            assert!(set.contains(w), "{w}");
        }
        // One raw (unfolded) word per class.
        for raw in [
            "إلى",
            "خلال",
            "عليها",
            "فيما",
            "لكنّ",
            "أو",
            "هؤلاء",
            "التي",
            "متى",
            "لن",
            "سوف",
            "إلّا",
            "جميع",
            "كانت",
            "أصبح",
            "ما زال",
            "تمّ",
            "وهي",
            "فإنّ",
            "هي",
        ] {
            for word in raw.split(' ') {
                assert!(set.matches(word, &mut scratch), "{raw}");
            }
        }
    }

    #[test]
    fn content_words_are_not_stopwords() {
        let set = StopwordSet::marsad();
        let mut scratch = String::new();
        for w in [
            "علي",
            "على",
            "والي",
            "وزارة",
            "قال",
            "أكد",
            "السعودية",
            "ليبيا",
            "منى",
        ] {
            assert!(!set.matches(w, &mut scratch), "{w}");
        }
    }

    #[test]
    fn custom_and_empty_sets() {
        let mut scratch = String::new();
        let set = StopwordSet::from_words(["the", "and", "a", ""], Folds::LOWERCASE);
        assert_eq!(set.len(), 3);
        for w in ["The", "AND", "a"] {
            assert!(set.matches(w, &mut scratch), "{w}");
        }
        assert!(!set.matches("quick", &mut scratch));
        assert!(!set.matches("ما", &mut scratch));
        let empty = StopwordSet::empty();
        assert!(empty.is_empty() && !empty.matches("ما", &mut scratch));
        assert!(is_stopword("هذه") && !is_stopword("هذة"));
    }
}
