//! The lossless folds: presentation forms, diacritics, tatweel, controls, digits, Persian.

use super::{Folds, LUCENE_ONLY};
use crate::chars::{TATWEEL, is_arabic_mark, is_invisible_control};
use unicode_normalization::UnicodeNormalization;

/// True when the folds remove `c` entirely.
#[inline]
pub(super) fn drops(c: char, folds: Folds) -> bool {
    if folds.contains(Folds::DIACRITICS) && is_arabic_mark(c) {
        // Lucene removes only fathatan..sukun (U+064B..U+0652) and shadda (U+0651).
        return folds.0 & LUCENE_ONLY == 0 || ('\u{064B}'..='\u{0652}').contains(&c);
    }
    (folds.contains(Folds::TATWEEL) && c == TATWEEL)
        || (folds.contains(Folds::CONTROLS) && is_invisible_control(c))
}

/// True when NFKC should be applied to `c`: characters with a compatibility decomposition
/// outside the basic Arabic block, above all the Arabic presentation forms A and B.
#[inline]
pub(super) fn nfkc_applies(c: char) -> bool {
    match c {
        '\u{0600}'..='\u{06FF}' => false,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => true,
        // Other compatibility characters (ligatures, full-width forms, superscripts): rare
        // in Arabic news, so the check is only paid on non-Arabic, non-ASCII text.
        _ => !c.is_ascii() && !std::iter::once(c).nfkc().eq(std::iter::once(c)),
    }
}

/// The NFKC form of one character.
pub(super) fn nfkc(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c).nfkc()
}

/// Digit and letter maps of the lossless folds.
#[inline]
pub(super) fn map_char(c: char, folds: Folds) -> char {
    if folds.contains(Folds::DIGITS) {
        match c {
            '\u{0660}'..='\u{0669}' => {
                return char::from(b'0' + (c as u32 - 0x0660) as u8);
            }
            '\u{06F0}'..='\u{06F9}' => {
                return char::from(b'0' + (c as u32 - 0x06F0) as u8);
            }
            '\u{066B}' => return '.',
            '\u{066C}' => return ',',
            _ => {}
        }
    }
    if folds.contains(Folds::PERSIAN) {
        match c {
            '\u{06A9}' => return '\u{0643}',              // ک → ك
            '\u{06CC}' | '\u{06D2}' => return '\u{064A}', // ی ے → ي
            '\u{06C1}' | '\u{06BE}' => return '\u{0647}', // ہ ھ → ه
            _ => {}
        }
    }
    c
}
