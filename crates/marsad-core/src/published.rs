//! Publication times that say what they know: timezone and precision.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::fmt;

/// Whether the source stated the timezone of a publication time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timezone {
    /// The source gave wall-clock time only: the outlet's local time, zone unknown.
    Local,
    /// The source gave a UTC offset, in seconds east of UTC.
    Offset(i32),
}

/// How much of the time the source gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// A calendar day only.
    Date,
    /// Hours and minutes.
    Minute,
    /// Hours, minutes and seconds.
    Second,
}

impl Precision {
    /// `date`, `minute` or `second`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Date => "date",
            Precision::Minute => "minute",
            Precision::Second => "second",
        }
    }
}

/// A publication time as the source stated it.
///
/// Rendered in ISO 8601 by `Display`: `2016-05-24` for a day, `2016-05-24T12:55:55` for a
/// local time, `2016-05-24T12:55:55+03:00` when the offset is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Published {
    /// The wall-clock time as written (midnight for [`Precision::Date`]).
    pub local: NaiveDateTime,
    /// Whether and which UTC offset applies to `local`.
    pub timezone: Timezone,
    /// How much of the time was given.
    pub precision: Precision,
    /// The Hijri date as written, `(year, month, day)`, when the source gave one.
    pub hijri: Option<(i32, u32, u32)>,
}

impl Published {
    /// A local wall-clock time of `precision`.
    pub fn local(local: NaiveDateTime, precision: Precision) -> Published {
        Published {
            local,
            timezone: Timezone::Local,
            precision,
            hijri: None,
        }
    }

    /// A calendar day.
    pub fn date(date: NaiveDate) -> Published {
        Published::local(date.and_time(NaiveTime::MIN), Precision::Date)
    }

    /// A time with a known offset.
    pub fn with_offset(dt: DateTime<FixedOffset>, precision: Precision) -> Published {
        Published {
            local: dt.naive_local(),
            timezone: Timezone::Offset(dt.offset().local_minus_utc()),
            precision,
            hijri: None,
        }
    }

    /// True when the source did not state a timezone.
    pub fn is_local(&self) -> bool {
        self.timezone == Timezone::Local
    }

    /// The instant, when the offset is known.
    pub fn instant(&self) -> Option<DateTime<FixedOffset>> {
        match self.timezone {
            Timezone::Local => None,
            Timezone::Offset(secs) => {
                let off = FixedOffset::east_opt(secs)?;
                self.local.and_local_timezone(off).single()
            }
        }
    }

    /// A key that orders publication times for "who reported first": the UTC instant when
    /// known, otherwise the wall-clock time read as UTC (outlets in one region differ by
    /// at most a few hours, which is the best that can be done without a zone).
    pub fn sort_key(&self) -> NaiveDateTime {
        match self.instant() {
            Some(i) => i.naive_utc(),
            None => self.local,
        }
    }

    /// Parses the ISO 8601 forms that `Display` writes.
    pub fn parse_iso(s: &str) -> Option<Published> {
        if s.len() == 10 {
            return NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .map(Published::date);
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Some(Published::with_offset(dt, Precision::Second));
        }
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .map(|l| Published::local(l, Precision::Second))
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.precision == Precision::Date {
            return write!(f, "{}", self.local.format("%Y-%m-%d"));
        }
        let l = &self.local;
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            l.format("%Y-%m-%d"),
            l.hour(),
            l.minute(),
            l.second()
        )?;
        if let Timezone::Offset(secs) = self.timezone {
            let sign = if secs < 0 { '-' } else { '+' };
            let a = secs.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_precision_and_zone() {
        let d = NaiveDate::from_ymd_opt(2016, 5, 24).unwrap();
        let t = d.and_hms_opt(12, 55, 55).unwrap();
        assert_eq!(Published::date(d).to_string(), "2016-05-24");
        assert_eq!(
            Published::local(t, Precision::Second).to_string(),
            "2016-05-24T12:55:55"
        );
        let off = FixedOffset::east_opt(3 * 3600).unwrap();
        let p = Published::with_offset(t.and_local_timezone(off).unwrap(), Precision::Second);
        assert_eq!(p.to_string(), "2016-05-24T12:55:55+03:00");
        let west = FixedOffset::west_opt(4 * 3600 + 1800).unwrap();
        let p = Published::with_offset(t.and_local_timezone(west).unwrap(), Precision::Minute);
        assert_eq!(p.to_string(), "2016-05-24T12:55:55-04:30");
    }

    #[test]
    fn iso_round_trips() {
        for s in [
            "2016-05-24",
            "2016-05-24T12:55:55",
            "2016-05-24T12:55:55+03:00",
        ] {
            assert_eq!(Published::parse_iso(s).unwrap().to_string(), s);
        }
        assert!(Published::parse_iso("24/05/2016").is_none());
    }

    #[test]
    fn sort_key_uses_the_instant_when_known() {
        let off = FixedOffset::east_opt(3 * 3600).unwrap();
        let t = NaiveDate::from_ymd_opt(2016, 5, 24)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let p = Published::with_offset(t.and_local_timezone(off).unwrap(), Precision::Second);
        assert_eq!(p.sort_key().hour(), 9);
        assert_eq!(Published::local(t, Precision::Second).sort_key().hour(), 12);
    }
}
