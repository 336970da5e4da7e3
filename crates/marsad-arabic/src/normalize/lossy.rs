//! The lossy folds, for search only: alef forms, alef maksura, teh marbuta, hamza seats, case.

use super::{Folds, LUCENE_ONLY};

#[inline]
pub(super) fn map_char(c: char, folds: Folds) -> char {
    match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' if folds.contains(Folds::ALEF) => '\u{0627}',
        // ٱ (wasla) is not folded by Lucene's normalizer; LUCENE leaves it alone.
        '\u{0671}' if folds.contains(Folds::ALEF) && folds.0 & LUCENE_ONLY == 0 => '\u{0627}',
        '\u{0649}' if folds.contains(Folds::ALEF_MAKSURA) => '\u{064A}',
        '\u{0629}' if folds.contains(Folds::TEH_MARBUTA) => '\u{0647}',
        '\u{0624}' if folds.contains(Folds::WAW_HAMZA) => '\u{0648}',
        '\u{0626}' if folds.contains(Folds::YEH_HAMZA) => '\u{064A}',
        // The Arabic block has no case: skip the Unicode table lookup for every letter of
        // an Arabic text (it showed up in search profiles).
        _ if folds.contains(Folds::LOWERCASE)
            && !('\u{0600}'..='\u{06FF}').contains(&c)
            && c.is_uppercase() =>
        {
            // Multi-char lower-case mappings (İ) keep their first char: search terms must
            // stay aligned with their token.
            c.to_lowercase().next().unwrap_or(c)
        }
        _ => c,
    }
}
