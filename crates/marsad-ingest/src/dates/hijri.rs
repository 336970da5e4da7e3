//! Hijri → Gregorian conversion with the tabular (arithmetical) Islamic calendar.
//!
//! The tabular calendar has 30-year cycles with 11 leap years (years 2, 5, 7, 10, 13, 16,
//! 18, 21, 24, 26, 29) and the civil epoch 1 Muharram 1 AH = 16 July 622 (Julian),
//! i.e. 19 July 622 in the proleptic Gregorian calendar. Newsrooms date by sighting or by
//! Umm al-Qura, which differ from it by a day now and then; readers attach a diagnostic
//! saying the conversion may be off by one day, and keep the Hijri date as written.

use chrono::NaiveDate;
pub use marsad_arabic::calendar::{hijri_is_leap as is_leap, hijri_month_length as month_length};

/// Converts a Hijri date to Gregorian, or `None` when it is not a valid tabular date or
/// lies outside 1–9999 AH (the arithmetic is [`marsad_arabic::calendar::hijri_to_gregorian`]).
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (y, m, d) = marsad_arabic::calendar::hijri_to_gregorian(year, month, day)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn epoch_and_known_tabular_dates() {
        // The epoch itself.
        assert_eq!(to_gregorian(1, 1, 1), Some(g(622, 7, 19)));
        // 1 Ramadan 1446 began on 1 March 2025 in Umm al-Qura as well.
        assert_eq!(to_gregorian(1446, 9, 1), Some(g(2025, 3, 1)));
        // 1 Muharram 1445 = 19 July 2023 in both calendars.
        assert_eq!(to_gregorian(1445, 1, 1), Some(g(2023, 7, 19)));
    }

    #[test]
    fn years_have_354_or_355_days_and_chain() {
        for y in 1400..1460 {
            let start = to_gregorian(y, 1, 1).unwrap();
            let next = to_gregorian(y + 1, 1, 1).unwrap();
            let len = (next - start).num_days();
            assert_eq!(len, if is_leap(y) { 355 } else { 354 }, "year {y}");
            // Months chain: the day after the last of a month is the 1st of the next.
            for m in 1..12 {
                let last = to_gregorian(y, m, month_length(y, m)).unwrap();
                assert_eq!(last.succ_opt().unwrap(), to_gregorian(y, m + 1, 1).unwrap());
            }
        }
    }

    #[test]
    fn eleven_leap_years_per_cycle() {
        assert_eq!(
            (1..=30).filter(|&y| is_leap(y)).collect::<Vec<_>>(),
            [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(to_gregorian(1437, 2, 30), None);
        assert_eq!(to_gregorian(1437, 13, 1), None);
        assert_eq!(to_gregorian(0, 1, 1), None);
        assert_eq!(to_gregorian(1437, 8, 0), None);
    }
}
