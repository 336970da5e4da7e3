//! Lucene's `ArabicStemmer`: Larkey, Ballesteros and Connell's *light10* stemmer.
//!
//! The algorithm, as Lucene implements it:
//!
//! 1. **One prefix**, the first of `ال وال بال كال فال لل و` that the word starts with. A
//!    one-letter prefix needs a word of at least 4 characters, a longer one a word of at least
//!    its own length + 2.
//! 2. **Suffixes** `ها ان ات ون ين يه ية ه ة ي`, each tried once in that order and removed
//!    when the (already shortened) word ends with it and is at least its length + 2 long.
//!    Several may go: `ساهدهات` → `ساهده` (ات) → `ساهد` (ه).
//!
//! Lucene counts lengths in UTF-16 code units (a Java `char[]`); so do we, which only
//! matters for words with characters outside the Basic Multilingual Plane. The stemmer does
//! no normalization of its own: Lucene's `ArabicStemFilter` expects normalized input, and a
//! raw `أ` or diacritic simply blocks a match, exactly as in Lucene.
//!
//! [`light10`] returns a sub-slice of its input and never allocates.

/// Prefixes in Lucene's order; the first that applies is removed and no other.
/// Each with its length in chars (= UTF-16 units: all are BMP Arabic letters).
const PREFIXES: [(&str, usize); 7] = [
    ("ال", 2),
    ("وال", 3),
    ("بال", 3),
    ("كال", 3),
    ("فال", 3),
    ("لل", 2),
    ("و", 1),
];

/// Suffixes in Lucene's order; each is tried once, in turn, on the shrinking word.
const SUFFIXES: [(&str, usize); 10] = [
    ("ها", 2),
    ("ان", 2),
    ("ات", 2),
    ("ون", 2),
    ("ين", 2),
    ("يه", 2),
    ("ية", 2),
    ("ه", 1),
    ("ة", 1),
    ("ي", 1),
];

/// Stems `word` with light10 and returns the stem, a sub-slice of `word`.
///
/// ```
/// use marsad_arabic::stem::light10;
/// assert_eq!(light10("والحسن"), "حسن");
/// assert_eq!(light10("ساهدهات"), "ساهد");
/// assert_eq!(light10("الو"), "الو");
/// ```
#[inline]
pub fn light10(word: &str) -> &str {
    let mut len = utf16_len(word);
    let mut s = word;
    for (prefix, plen) in PREFIXES {
        let long_enough = if plen == 1 { len >= 4 } else { len >= plen + 2 };
        if long_enough && s.starts_with(prefix) {
            s = &s[prefix.len()..];
            len -= plen;
            break;
        }
    }
    for (suffix, slen) in SUFFIXES {
        if len >= slen + 2 && s.ends_with(suffix) {
            s = &s[..s.len() - suffix.len()];
            len -= slen;
        }
    }
    s
}

/// Length in UTF-16 code units, Lucene's unit of length.
#[inline]
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}
