//! Small helpers shared by the stemmers.

use crate::chars::is_arabic_letter;

/// Letters in `s`, which must be an [`is_arabic_word`] or a slice of one: every such letter
/// is two bytes long in UTF-8, so counting is a division.
#[inline]
pub(super) fn letters(s: &str) -> usize {
    debug_assert!(s.chars().all(|c| c.len_utf8() == 2), "{s:?}");
    s.len() / 2
}

/// True when `s` is non-empty and made only of Arabic letters of the main Arabic blocks
/// (U+0600–U+07FF, two bytes each in UTF-8): the only words the marsad stemmer touches.
/// Latin words, numbers, text with marks left in and presentation forms (which
/// normalization turns into ordinary letters) pass through unchanged.
#[inline]
pub(super) fn is_arabic_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.len_utf8() == 2 && is_arabic_letter(c))
}
