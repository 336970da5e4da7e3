//! Calendar names: month and weekday names of every regional series, and the tabular Hijri
//! calendar, shared by the publication-date parser (marsad-ingest) and event dates
//! (marsad-extract). Pure tables and integer arithmetic; no date library.
//!
//! Arabic news writes Gregorian months in several series: the Egyptian/Gulf transliterations
//! (يناير…ديسمبر), the Syriac-derived Levantine/Iraqi names (كانون الثاني…كانون الأول), the
//! French-derived Algerian/Tunisian ones (جانفي، فيفري، أوت…), the Moroccan ones (يوليوز، غشت،
//! شتنبر…) and, in Libyan archives of 1986–2011, the Jamahiriya names (أي النار…الكانون).
//! Hijri months are a separate calendar. Lookups fold spelling variants (أ/ا, ة/ه, ى/ي,
//! diacritics) through the search folds, so each variant is listed only when its letters
//! differ.
//!
//! ```
//! use marsad_arabic::calendar::{Calendar, fold, month, weekday, hijri_to_gregorian};
//!
//! let (a, b) = (fold("تشرين"), fold("الثاني"));
//! assert_eq!(month(&[&a, &b]), Some((Calendar::Gregorian, 11, 2)));
//! assert_eq!(weekday(&fold("الثلاثاء")), Some(1));
//! assert_eq!(hijri_to_gregorian(1445, 1, 1), Some((2023, 7, 19)));
//! ```

use crate::normalize::{Folds, normalize_into};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// Gregorian, in any regional series.
    Gregorian,
    /// Hijri (Islamic lunar).
    Hijri,
}

/// Gregorian month names, `(name, month)`.
const GREGORIAN: &[(&str, u32)] = &[
    // Egyptian / Gulf series, with the spellings newsrooms really use.
    ("يناير", 1),
    ("فبراير", 2),
    ("فبرائر", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("أغسطوس", 8),
    ("سبتمبر", 9),
    ("سيبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دیسمبر", 12),
    // Levantine / Iraqi (Syriac) series; the two-word ones are in TWO_WORD below.
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
    // Algerian / Tunisian (French-derived) series.
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("جويلة", 7),
    ("أوت", 8),
    ("اوت", 8),
    // Moroccan series.
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("دجنبر", 12),
    // Libyan Jamahiriya series (only ever matched between a day and a year).
    ("النوار", 2),
    ("الطير", 4),
    ("ناصر", 7),
    ("هانيبال", 8),
    ("هانيبعل", 8),
    ("الفاتح", 9),
    ("التمور", 10),
    ("الحرث", 11),
    ("الكانون", 12),
    // English and French abbreviations seen in bilingual datelines.
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Month names of two words: `(first, second, calendar, month)`.
const TWO_WORD: &[(&str, &str, Calendar, u32)] = &[
    ("كانون", "الثاني", Calendar::Gregorian, 1),
    ("كانون", "الأول", Calendar::Gregorian, 12),
    ("تشرين", "الأول", Calendar::Gregorian, 10),
    ("تشرين", "الثاني", Calendar::Gregorian, 11),
    ("أي", "النار", Calendar::Gregorian, 1),
    ("ربيع", "الأول", Calendar::Hijri, 3),
    ("ربيع", "أول", Calendar::Hijri, 3),
    ("ربيع", "الثاني", Calendar::Hijri, 4),
    ("ربيع", "ثاني", Calendar::Hijri, 4),
    ("ربيع", "الآخر", Calendar::Hijri, 4),
    ("ربيع", "آخر", Calendar::Hijri, 4),
    ("جمادى", "الأولى", Calendar::Hijri, 5),
    ("جمادى", "الأول", Calendar::Hijri, 5),
    ("جمادى", "أولى", Calendar::Hijri, 5),
    ("جمادى", "الآخرة", Calendar::Hijri, 6),
    ("جمادى", "الثانية", Calendar::Hijri, 6),
    ("جمادى", "الآخر", Calendar::Hijri, 6),
    ("جمادى", "ثاني", Calendar::Hijri, 6),
    ("ذو", "القعدة", Calendar::Hijri, 11),
    ("ذي", "القعدة", Calendar::Hijri, 11),
    ("ذو", "الحجة", Calendar::Hijri, 12),
    ("ذي", "الحجة", Calendar::Hijri, 12),
];

/// One-word Hijri month names.
const HIJRI: &[(&str, u32)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("صفر", 2),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
];

/// Weekday names, `(name, weekday number from Monday = 0)`.
const WEEKDAYS: &[(&str, u32)] = &[
    ("الاثنين", 0),
    ("الإثنين", 0),
    ("الأثنين", 0),
    ("اثنين", 0),
    ("الثلاثاء", 1),
    ("ثلاثاء", 1),
    ("الأربعاء", 2),
    ("الاربعاء", 2),
    ("أربعاء", 2),
    ("الخميس", 3),
    ("خميس", 3),
    ("الجمعة", 4),
    ("جمعة", 4),
    ("السبت", 5),
    ("سبت", 5),
    ("الأحد", 6),
    ("الاحد", 6),
    ("أحد", 6),
    ("monday", 0),
    ("mon", 0),
    ("tuesday", 1),
    ("tue", 1),
    ("tues", 1),
    ("wednesday", 2),
    ("wed", 2),
    ("thursday", 3),
    ("thu", 3),
    ("thur", 3),
    ("thurs", 3),
    ("friday", 4),
    ("fri", 4),
    ("saturday", 5),
    ("sat", 5),
    ("sunday", 6),
    ("sun", 6),
];

/// Folds a word the way the lookup tables are keyed.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, Folds::SEARCH, &mut s);
    s
}

struct Tables {
    one: HashMap<String, (Calendar, u32)>,
    two: HashMap<(String, String), (Calendar, u32)>,
    first_of_two: HashMap<String, ()>,
    weekdays: HashMap<String, u32>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut one = HashMap::new();
        for &(n, m) in GREGORIAN {
            one.insert(fold(n), (Calendar::Gregorian, m));
        }
        for &(n, m) in HIJRI {
            one.insert(fold(n), (Calendar::Hijri, m));
        }
        let mut two = HashMap::new();
        let mut first_of_two = HashMap::new();
        for &(a, b, c, m) in TWO_WORD {
            two.insert((fold(a), fold(b)), (c, m));
            first_of_two.insert(fold(a), ());
        }
        let weekdays = WEEKDAYS.iter().map(|&(n, d)| (fold(n), d)).collect();
        Tables {
            one,
            two,
            first_of_two,
            weekdays,
        }
    })
}

/// Looks up a month name starting at `words[0]` (already folded). Returns the calendar, the
/// month and how many words the name took.
pub fn month(words: &[&str]) -> Option<(Calendar, u32, usize)> {
    let t = tables();
    let first = *words.first()?;
    if t.first_of_two.contains_key(first)
        && let Some(second) = words.get(1)
        && let Some(&(c, m)) = t.two.get(&(first.to_string(), second.to_string()))
    {
        return Some((c, m, 2));
    }
    if let Some(&(c, m)) = t.one.get(first) {
        return Some((c, m, 1));
    }
    // Month names can carry the conjunction و ("ومايو") in running text; try without it.
    let bare = first.strip_prefix('و').filter(|b| b.chars().count() >= 3)?;
    t.one.get(bare).map(|&(c, m)| (c, m, 1))
}

/// The weekday (Monday = 0) a folded word names, if any.
pub fn weekday(word: &str) -> Option<u32> {
    tables().weekdays.get(word).copied()
}

/// The last valid day of Hijri month `month` of `year` in the tabular (arithmetical)
/// Islamic calendar: odd months have 30 days, even months 29, and the twelfth month of a
/// leap year 30.
pub fn hijri_month_length(year: i32, month: u32) -> u32 {
    if month % 2 == 1 || (month == 12 && hijri_is_leap(year)) {
        30
    } else {
        29
    }
}

/// True when `year` AH has 355 days: 11 leap years in each 30-year cycle (years 2, 5, 7, 10,
/// 13, 16, 18, 21, 24, 26, 29).
pub fn hijri_is_leap(year: i32) -> bool {
    (14 + 11 * year).rem_euclid(30) < 11
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// Converts a tabular Hijri date to the proleptic Gregorian `(year, month, day)`, or `None`
/// when it is not a valid tabular date or lies outside 1–9999 AH. The civil epoch is
/// 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian). Newsrooms
/// date by sighting or by Umm al-Qura, which differ from the tabular calendar by a day now
/// and then.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<(i32, u32, u32)> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > hijri_month_length(year, month) {
        return None;
    }
    let y = i64::from(year);
    let m = i64::from(month);
    // ceil(29.5 * (m - 1)) without floats: months alternate 30 and 29 days.
    let month_days = (59 * (m - 1) + 1) / 2;
    let days = i64::from(day) + month_days + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) - 1;
    Some(civil_from_days(days_from_civil(622, 7, 19) + days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_has_twelve_months() {
        let mut seen = [[false; 13]; 2];
        for &(_, m) in GREGORIAN {
            seen[0][m as usize] = true;
        }
        for &(_, _, c, m) in TWO_WORD {
            seen[(c == Calendar::Hijri) as usize][m as usize] = true;
        }
        for &(_, m) in HIJRI {
            seen[1][m as usize] = true;
        }
        assert!(seen[0][1..].iter().all(|&b| b));
        assert!(seen[1][1..].iter().all(|&b| b));
    }

    #[test]
    fn spelling_variants_fold_together() {
        assert_eq!(month(&[&fold("إبريل")]), Some((Calendar::Gregorian, 4, 1)));
        assert_eq!(month(&[&fold("اَيّار")]), Some((Calendar::Gregorian, 5, 1)));
        let (a, b) = (fold("ذي"), fold("الحجّة"));
        assert_eq!(month(&[&a, &b]), Some((Calendar::Hijri, 12, 2)));
        let (a, b) = (fold("كانون"), fold("الثاني"));
        assert_eq!(month(&[&a, &b]), Some((Calendar::Gregorian, 1, 2)));
        assert_eq!(month(&[&fold("كانون")]), None);
        assert_eq!(weekday(&fold("الثلاثاء")), Some(1));
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2016, 5, 24), 16_945);
        for d in (-800_000..800_000).step_by(997) {
            let (y, m, day) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, day), d);
        }
    }

    #[test]
    fn tabular_hijri_dates() {
        assert_eq!(hijri_to_gregorian(1, 1, 1), Some((622, 7, 19)));
        assert_eq!(hijri_to_gregorian(1446, 9, 1), Some((2025, 3, 1)));
        assert_eq!(hijri_to_gregorian(1445, 1, 1), Some((2023, 7, 19)));
        assert_eq!(hijri_to_gregorian(1437, 2, 30), None);
        assert_eq!(hijri_to_gregorian(1437, 13, 1), None);
        assert_eq!(hijri_to_gregorian(0, 1, 1), None);
        assert_eq!(
            (1..=30).filter(|&y| hijri_is_leap(y)).collect::<Vec<_>>(),
            [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]
        );
    }
}
