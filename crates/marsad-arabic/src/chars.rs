//! Character classes used across the crate.
//!
//! These are plain range checks rather than Unicode property lookups: the tokenizer calls them
//! once per character, and the ranges that matter for Arabic news text are few and stable.

/// Arabic tatweel (kashida), U+0640: a stretching character with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// True for Arabic letters, including the Persian/Urdu letters and the presentation forms.
///
/// Combining marks and tatweel are *not* letters; see [`is_arabic_mark`] and [`TATWEEL`].
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FBB1}'
        | '\u{FBD3}'..='\u{FD3D}'
        | '\u{FD50}'..='\u{FDC7}'
        | '\u{FDF0}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FE74}'
        | '\u{FE76}'..='\u{FEFC}')
}

/// True for Arabic harakat, tanween, shadda, sukun, the superscript alef, the combining
/// hamza/madda and the Quranic annotation marks.
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// True for zero-width and bidirectional controls that carry no text: ZWSP, ZWNJ, ZWJ, LRM,
/// RLM, ALM, the bidi embeddings/overrides/isolates, word joiner, soft hyphen and BOM.
#[inline]
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// The ASCII value of a decimal digit in ASCII, Arabic-Indic (U+0660..) or Persian (U+06F0..).
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// True for a decimal digit of any of the three digit sets.
#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// True for characters that may continue an Arabic word once it has started: letters, marks,
/// tatweel and the joiners (ZWNJ/ZWJ), which appear inside words in scraped text.
#[inline]
pub fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c) || c == TATWEEL || c == '\u{200C}' || c == '\u{200D}'
}

/// True for letters of scripts other than Arabic (Latin, Cyrillic, Greek, CJK…).
#[inline]
pub fn is_other_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !is_arabic_letter(c) && !is_arabic_mark(c) && c != TATWEEL && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_disjoint_where_they_must_be() {
        for c in ['ا', 'ب', 'ي', 'ة', 'ک', 'ی', 'ے', 'ﻻ', 'ٱ'] {
            assert!(is_arabic_letter(c), "{c}");
            assert!(!is_arabic_mark(c), "{c}");
        }
        for c in ['\u{064E}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{06DA}'] {
            assert!(is_arabic_mark(c), "{c:?}");
            assert!(!is_arabic_letter(c), "{c:?}");
        }
        assert!(!is_arabic_letter(TATWEEL));
        assert!(!is_arabic_letter('،') && !is_arabic_letter('؟') && !is_arabic_letter('٣'));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('۷'), Some(7));
        assert!(is_other_letter('é') && !is_other_letter('ب'));
    }
}
