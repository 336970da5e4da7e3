//! Times of day: `HH:MM[:SS]`, the Arabic and Latin am/pm words, and UTC offsets.
//!
//! Arabic writes the half of the day after the time: ص (صباحاً) for morning, م (مساءً) for
//! evening, and the looser ظهراً، عصراً، ليلاً، فجراً. Offsets come as ISO/RFC forms
//! (`Z`, `+03:00`, `+0300`, `GMT+3`) or as a named zone after بتوقيت; only zones without
//! daylight saving are mapped, since a name alone cannot say which offset applied.

use super::lex::{Lexeme, Tok};
use super::months::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which half of the day a time word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meridiem {
    /// ص، صباحاً، فجراً، am.
    Am,
    /// م، مساءً، عصراً، pm.
    Pm,
    /// ظهراً: around noon; 1–10 o'clock mean the afternoon.
    Noon,
    /// ليلاً: 6–11 mean the evening, 12 means midnight, 1–5 the small hours.
    Night,
}

const MERIDIEM: &[(&str, Meridiem)] = &[
    ("ص", Meridiem::Am),
    ("صباحا", Meridiem::Am),
    ("صباحاً", Meridiem::Am),
    ("صباح", Meridiem::Am),
    ("فجرا", Meridiem::Am),
    ("فجر", Meridiem::Am),
    ("am", Meridiem::Am),
    ("م", Meridiem::Pm),
    ("مساء", Meridiem::Pm),
    ("مساءا", Meridiem::Pm),
    ("مساءً", Meridiem::Pm),
    ("عصرا", Meridiem::Pm),
    ("عصر", Meridiem::Pm),
    ("pm", Meridiem::Pm),
    ("ظهرا", Meridiem::Noon),
    ("ظهر", Meridiem::Noon),
    ("ليلا", Meridiem::Night),
    ("ليل", Meridiem::Night),
];

/// Named zones without daylight saving, after بتوقيت/توقيت: `(word, seconds east of UTC)`.
const ZONES: &[(&str, i32)] = &[
    ("غرينتش", 0),
    ("جرينتش", 0),
    ("غرينيتش", 0),
    ("جرينيتش", 0),
    ("قرينتش", 0),
    ("العالمي", 0),
    ("gmt", 0),
    ("utc", 0),
    ("مكة", 3 * 3600),
    ("المكرمة", 3 * 3600),
    ("الرياض", 3 * 3600),
    ("السعودية", 3 * 3600),
    ("بغداد", 3 * 3600),
    ("العراق", 3 * 3600),
    ("الكويت", 3 * 3600),
    ("الدوحة", 3 * 3600),
    ("قطر", 3 * 3600),
    ("البحرين", 3 * 3600),
    ("المنامة", 3 * 3600),
    ("موسكو", 3 * 3600),
    ("صنعاء", 3 * 3600),
    ("اليمن", 3 * 3600),
    ("الإمارات", 4 * 3600),
    ("ابوظبي", 4 * 3600),
    ("أبوظبي", 4 * 3600),
    ("دبي", 4 * 3600),
    ("مسقط", 4 * 3600),
    ("الجزائر", 3600),
    ("تونس", 3600),
    ("الخرطوم", 2 * 3600),
    ("السودان", 2 * 3600),
    ("ليبيا", 2 * 3600),
    ("طرابلس", 2 * 3600),
];

fn meridiem_table() -> &'static HashMap<String, Meridiem> {
    static T: OnceLock<HashMap<String, Meridiem>> = OnceLock::new();
    T.get_or_init(|| MERIDIEM.iter().map(|&(w, m)| (fold(w), m)).collect())
}

fn zone_table() -> &'static HashMap<String, i32> {
    static T: OnceLock<HashMap<String, i32>> = OnceLock::new();
    T.get_or_init(|| ZONES.iter().map(|&(w, o)| (fold(w), o)).collect())
}

/// The half of the day a folded word names.
pub fn meridiem(word: &str) -> Option<Meridiem> {
    meridiem_table().get(word).copied()
}

/// The fixed offset of a folded zone word.
pub fn zone(word: &str) -> Option<i32> {
    zone_table().get(word).copied()
}

/// A time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
}

/// Reads `H:MM[:SS][.fff]` at `toks[i..]`; returns the clock and the tokens it took.
pub fn clock(toks: &[Lexeme], i: usize) -> Option<(Clock, usize)> {
    let num = |k: usize| match toks.get(k).map(|l| &l.tok) {
        Some(Tok::Num { value, digits }) => Some((*value, *digits)),
        _ => None,
    };
    let colon = |k: usize| {
        matches!(
            toks.get(k),
            Some(Lexeme {
                tok: Tok::Punct(':'),
                space_before: false
            })
        ) && !toks.get(k + 1).is_some_and(|l| l.space_before)
    };
    let (h, hd) = num(i)?;
    if hd > 2 || !colon(i + 1) {
        return None;
    }
    let (m, md) = num(i + 2)?;
    if md != 2 {
        return None;
    }
    let mut used = 3;
    let mut second = None;
    if colon(i + 3)
        && let Some((s, 2)) = num(i + 4)
    {
        second = Some(s);
        used = 5;
        // Fractional seconds: `.123`, dropped.
        if matches!(
            toks.get(i + 5),
            Some(Lexeme {
                tok: Tok::Punct('.'),
                space_before: false
            })
        ) && matches!(
            toks.get(i + 6),
            Some(Lexeme {
                tok: Tok::Num { .. },
                space_before: false
            })
        ) {
            used = 7;
        }
    }
    Some((
        Clock {
            hour: h,
            minute: m,
            second,
        },
        used,
    ))
}

/// Applies an am/pm word to a 12-hour clock hour; `None` when the pair is impossible.
pub fn apply_meridiem(hour: u32, m: Meridiem) -> Option<u32> {
    if hour > 12 {
        // "15:00 م" is redundant but common; a 24-hour clock with "ص" is a contradiction.
        return (m != Meridiem::Am && hour < 24).then_some(hour);
    }
    Some(match m {
        Meridiem::Am => hour % 12,
        Meridiem::Pm => hour % 12 + 12,
        Meridiem::Noon => {
            if hour < 11 {
                hour + 12
            } else {
                hour
            }
        }
        Meridiem::Night => match hour {
            12 => 0,
            6..=11 => hour + 12,
            _ => hour,
        },
    })
}

/// Reads a numeric offset at `toks[i..]`: `+03:00`, `+0300`, `-5`, `+3`. Returns seconds
/// and tokens taken. `space_ok` allows whitespace before the sign (RFC 2822 style).
pub fn offset(toks: &[Lexeme], i: usize, space_ok: bool) -> Option<(i32, usize)> {
    let sign = match toks.get(i) {
        Some(Lexeme {
            tok: Tok::Punct('+'),
            space_before,
        }) if space_ok || !space_before => 1,
        Some(Lexeme {
            tok: Tok::Punct('-' | '−'),
            space_before,
        }) if space_ok || !space_before => -1,
        _ => return None,
    };
    let Some(Lexeme {
        tok: Tok::Num { value, digits },
        space_before: false,
    }) = toks.get(i + 1)
    else {
        return None;
    };
    let (h, m, used) = match digits {
        4 => (value / 100, value % 100, 2),
        1 | 2 => {
            if matches!(
                toks.get(i + 2),
                Some(Lexeme {
                    tok: Tok::Punct(':'),
                    space_before: false
                })
            ) && let Some(Lexeme {
                tok:
                    Tok::Num {
                        value: mm,
                        digits: 2,
                    },
                ..
            }) = toks.get(i + 3)
            {
                (*value, *mm, 4)
            } else {
                (*value, 0, 2)
            }
        }
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some((sign * (h as i32 * 3600 + m as i32 * 60), used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_hour_words() {
        assert_eq!(apply_meridiem(12, Meridiem::Am), Some(0));
        assert_eq!(apply_meridiem(12, Meridiem::Pm), Some(12));
        assert_eq!(apply_meridiem(1, Meridiem::Pm), Some(13));
        assert_eq!(apply_meridiem(1, Meridiem::Noon), Some(13));
        assert_eq!(apply_meridiem(12, Meridiem::Noon), Some(12));
        assert_eq!(apply_meridiem(9, Meridiem::Night), Some(21));
        assert_eq!(apply_meridiem(2, Meridiem::Night), Some(2));
        assert_eq!(apply_meridiem(15, Meridiem::Pm), Some(15));
        assert_eq!(apply_meridiem(15, Meridiem::Am), None);
    }
}
