//! Publication dates in every shape Arabic news writes them.
//!
//! [`parse_date`] reads one date expression: numeric (`24/05/2016 - 12:55:55`,
//! `2016-05-24T12:55:55+03:00`, `٢٤/٠٥/٢٠١٦`), with month names of any regional series
//! ([`months`]), weekday prefixes, am/pm words and zones ([`clock`]), and Hijri dates, which are
//! converted ([`hijri`]) and kept. It never panics and never allocates more than a few
//! hundred bytes: inputs longer than [`MAX_DATE_CHARS`] are not dates.
//!
//! Numeric dates are read day-first, the Arabic convention, unless the middle number cannot
//! be a month; that guess is reported as a diagnostic.

pub mod clock;
pub mod hijri;
mod lex;
pub mod months;
#[cfg(test)]
mod tests;

use chrono::{Datelike, FixedOffset, NaiveDate};
use clock::{Clock, Meridiem};
use lex::{Lexeme, Tok};
use marsad_core::{Diagnostic, Precision, Published, Timezone};
use months::{Calendar, fold};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Longer strings are not a date expression.
pub const MAX_DATE_CHARS: usize = 300;

/// A parsed date and what was guessed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDate {
    /// The date, its precision and timezone, and the Hijri date when one was written.
    pub published: Published,
    /// What was guessed (day/month order, two-digit years, Hijri conversion, mismatches).
    pub diagnostics: Vec<Diagnostic>,
    /// Words that are not part of a date expression; 0 when the whole text is a date.
    pub unknown_words: usize,
}

/// Words that surround dates without meaning anything for them.
const FILLER: &[&str] = &[
    "نشر",
    "نشرت",
    "نشره",
    "منشور",
    "بتاريخ",
    "تاريخ",
    "التاريخ",
    "النشر",
    "آخر",
    "اخر",
    "تحديث",
    "التحديث",
    "محدث",
    "في",
    "الموافق",
    "يوم",
    "اليوم",
    "الساعة",
    "ساعة",
    "على",
    "حوالي",
    "تمام",
    "t",
    "on",
    "at",
    "published",
    "updated",
    "last",
    "date",
    "posted",
    "the",
    "of",
    "le",
    "à",
    "هجري",
    "هجرية",
    "للهجرة",
    "ميلادي",
    "ميلادية",
    "للميلاد",
    "توقيت",
    "بتوقيت",
];

fn filler() -> &'static HashSet<String> {
    static T: OnceLock<HashSet<String>> = OnceLock::new();
    T.get_or_init(|| FILLER.iter().map(|w| fold(w)).collect())
}

#[derive(Debug, Clone, Copy)]
struct Group {
    calendar: Calendar,
    year: i32,
    month: u32,
    day: u32,
    two_digit_year: bool,
    order_guessed: bool,
    /// The calendar was inferred from the year's range, not from a month name or marker.
    calendar_from_range: bool,
}

fn num(toks: &[Lexeme], i: usize) -> Option<(u32, usize)> {
    match toks.get(i).map(|l| &l.tok) {
        Some(Tok::Num { value, digits }) => Some((*value, *digits)),
        _ => None,
    }
}

fn word(toks: &[Lexeme], i: usize) -> Option<&str> {
    match toks.get(i).map(|l| &l.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn punct(toks: &[Lexeme], i: usize) -> Option<char> {
    match toks.get(i).map(|l| &l.tok) {
        Some(Tok::Punct(c)) => Some(*c),
        _ => None,
    }
}

/// Expands a year of `digits` digits: 4 digits as is, 2 digits into 1950–2049.
fn year(value: u32, digits: usize) -> Option<(i32, bool)> {
    match digits {
        4 => Some((value as i32, false)),
        2 => Some((
            if value < 50 {
                2000 + value
            } else {
                1900 + value
            } as i32,
            true,
        )),
        _ => None,
    }
}

fn calendar_of_year(y: i32) -> Option<Calendar> {
    match y {
        1900..=2100 => Some(Calendar::Gregorian),
        1300..=1600 => Some(Calendar::Hijri),
        _ => None,
    }
}

/// A marker after a year: هـ (Hijri) or م (Gregorian). Returns the calendar and tokens taken.
fn calendar_marker(toks: &[Lexeme], i: usize) -> Option<(Calendar, usize)> {
    let w = word(toks, i)?;
    let cal = match w {
        // After folding, هـ is ه (tatweel dropped) and ة is ه too.
        "ه" | "هجري" | "هجريه" | "للهجره" => Calendar::Hijri,
        "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Calendar::Gregorian,
        _ => return None,
    };
    Some((cal, 1))
}

/// A numeric date `a SEP b SEP c` at `i`.
fn numeric(toks: &[Lexeme], i: usize) -> Option<(Group, usize)> {
    let (a, ad) = num(toks, i)?;
    let sep = punct(toks, i + 1).filter(|c| matches!(c, '/' | '-' | '.' | '\\'))?;
    let (b, bd) = num(toks, i + 2)?;
    if punct(toks, i + 3) != Some(sep) {
        return None;
    }
    let (c, cd) = num(toks, i + 4)?;
    // A time or a longer number sequence is not a date.
    if punct(toks, i + 5) == Some(':')
        || (i >= 2
            && punct(toks, i - 1) == Some(':')
            && !toks[i].space_before
            && num(toks, i - 2).is_some())
    {
        return None;
    }
    if bd > 2 {
        return None;
    }
    let mut g = if ad == 4 {
        // Y-M-D (ISO, and the Hijri 1437/08/17).
        if cd > 2 {
            return None;
        }
        Group {
            calendar: Calendar::Gregorian,
            year: a as i32,
            month: b,
            day: c,
            two_digit_year: false,
            order_guessed: false,
            calendar_from_range: true,
        }
    } else {
        if ad > 2 {
            return None;
        }
        let (y, two) = year(c, cd)?;
        let (mut day, mut month, mut guessed) = (a, b, false);
        if month > 12 && day <= 12 {
            (day, month, guessed) = (b, a, true);
        }
        Group {
            calendar: Calendar::Gregorian,
            year: y,
            month,
            day,
            two_digit_year: two,
            order_guessed: guessed,
            calendar_from_range: true,
        }
    };
    g.calendar = calendar_of_year(g.year)?;
    let mut used = 5;
    if let Some((cal, n)) = calendar_marker(toks, i + 5) {
        if cal != g.calendar {
            return None;
        }
        g.calendar_from_range = false;
        used += n;
    }
    Some((g, used))
}

/// A month name at `i`, possibly followed by a second name for the same month in another
/// series, `(أيار) مايو` or `أيار/مايو`. Returns calendar, month and tokens taken.
fn month_name(toks: &[Lexeme], i: usize) -> Option<(Calendar, u32, usize)> {
    let words: Vec<&str> = (i..i + 2).map_while(|k| word(toks, k)).collect();
    let (cal, m, n) = months::month(&words)?;
    let mut used = n;
    // An alternative name: "(مايو)", "/ مايو", "- مايو".
    let open = punct(toks, i + used);
    if matches!(open, Some('(' | '/' | '-' | '[')) {
        let words: Vec<&str> = (i + used + 1..i + used + 3)
            .map_while(|k| word(toks, k))
            .collect();
        if let Some((c2, m2, n2)) = months::month(&words)
            && c2 == cal
            && m2 == m
        {
            used += 1 + n2;
            if matches!(punct(toks, i + used), Some(')' | ']')) {
                used += 1;
            }
        }
    } else if let Some(w) = word(toks, i + used)
        && let Some((c2, m2, n2)) = months::month(&[w])
        && c2 == cal
        && m2 == m
    {
        used += n2;
    }
    Some((cal, m, used))
}

/// `D Month Y`, `D-Month-Y`, or `Month D, Y` at `i`.
fn named(toks: &[Lexeme], i: usize) -> Option<(Group, usize)> {
    let skip_sep = |k: usize| usize::from(matches!(punct(toks, k), Some(',' | '-' | '/' | '.')));
    let (day, month_at, cal, month, after_month) = if let Some((d, dd)) = num(toks, i) {
        if dd > 2 || d == 0 || d > 31 {
            return None;
        }
        let k = i + 1 + skip_sep(i + 1);
        let (cal, m, n) = month_name(toks, k)?;
        (d, k, cal, m, k + n)
    } else {
        let (cal, m, n) = month_name(toks, i)?;
        let (d, dd) = num(toks, i + n)?;
        if dd > 2 || d == 0 || d > 31 {
            return None;
        }
        (d, i, cal, m, i + n + 1)
    };
    let _ = month_at;
    let k = after_month + skip_sep(after_month);
    let (yv, yd) = num(toks, k)?;
    let (y, two) = year(yv, yd)?;
    let range_cal = calendar_of_year(y)?;
    let mut used = k + 1 - i;
    let mut g = Group {
        calendar: cal,
        year: y,
        month,
        day,
        two_digit_year: two,
        order_guessed: false,
        calendar_from_range: false,
    };
    if let Some((mark, n)) = calendar_marker(toks, k + 1) {
        if mark != cal {
            return None;
        }
        used += n;
    }
    if two && cal == Calendar::Hijri {
        return None;
    }
    if !two && range_cal != cal {
        return None;
    }
    g.calendar = cal;
    Some((g, used))
}

/// Parses one date expression. `None` when `text` holds no date.
pub fn parse_date(text: &str) -> Option<ParsedDate> {
    if text.chars().count() > MAX_DATE_CHARS {
        return None;
    }
    let toks = lex::lex(text);
    let mut greg: Option<Group> = None;
    let mut hij: Option<Group> = None;
    let mut time: Option<(Clock, usize)> = None; // clock and index after it
    let mut meridiem: Option<Meridiem> = None;
    let mut offset: Option<i32> = None;
    let mut weekday: Option<u32> = None;
    let mut unknown = 0usize;
    let mut diags = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((g, n)) = numeric(&toks, i).or_else(|| named(&toks, i)) {
            let slot = if g.calendar == Calendar::Hijri {
                &mut hij
            } else {
                &mut greg
            };
            if slot.is_none() {
                *slot = Some(g);
            }
            i += n;
            continue;
        }
        if time.is_none()
            && let Some((c, n)) = clock::clock(&toks, i)
        {
            i += n;
            time = Some((c, i));
            // am/pm and zone right after the time.
            if let Some(m) = word(&toks, i).and_then(clock::meridiem) {
                meridiem = Some(m);
                i += 1;
            } else if matches!(word(&toks, i), Some("a" | "p"))
                && punct(&toks, i + 1) == Some('.')
                && word(&toks, i + 2) == Some("m")
            {
                meridiem = Some(if word(&toks, i) == Some("a") {
                    Meridiem::Am
                } else {
                    Meridiem::Pm
                });
                i += 3 + usize::from(punct(&toks, i + 3) == Some('.'));
            }
            if word(&toks, i) == Some("z") && !toks[i].space_before {
                offset = Some(0);
                i += 1;
            } else if let Some((o, n)) = clock::offset(&toks, i, true) {
                offset = Some(o);
                i += n;
            }
            continue;
        }
        match &toks[i].tok {
            Tok::Word(w) => {
                if let Some(d) = months::weekday(w) {
                    weekday.get_or_insert(d);
                } else if w == "gmt" || w == "utc" {
                    let (o, n) = clock::offset(&toks, i + 1, false).unwrap_or((0, 0));
                    offset = Some(o);
                    i += n;
                } else if w == "توقيت" || w == "بتوقيت" {
                    // The zone name may take two words (مكة المكرمة); either maps.
                    if let Some(o) = word(&toks, i + 1).and_then(clock::zone) {
                        offset = Some(o);
                        i += 1;
                        if word(&toks, i + 1).and_then(clock::zone) == Some(o) {
                            i += 1;
                        }
                    } else if let Some(z) = word(&toks, i + 1) {
                        diags.push(Diagnostic::new(
                            "date.zone-unknown",
                            format!(
                                "zone '{z}' has daylight saving or is unknown; time kept as local"
                            ),
                        ));
                        i += 1;
                    }
                } else if w == "ت"
                    && punct(&toks, i + 1) == Some('.')
                    && word(&toks, i + 2) == Some("غ")
                {
                    // ت.غ = توقيت غرينتش.
                    offset = Some(0);
                    i += 2;
                } else if clock::zone(w) == Some(0) && offset.is_none() && time.is_some() {
                    offset = Some(0);
                } else if !filler().contains(w.as_str()) && clock::meridiem(w).is_none() {
                    unknown += 1;
                }
            }
            Tok::Num { .. } => unknown += 1,
            Tok::Punct(_) => {}
        }
        i += 1;
    }

    let (date, hijri) = match (greg, hij) {
        (Some(g), h) => {
            let date = NaiveDate::from_ymd_opt(g.year, g.month, g.day)?;
            let mut hijri = None;
            if let Some(h) = h {
                hijri = Some((h.year, h.month, h.day));
                match hijri::to_gregorian(h.year, h.month, h.day) {
                    Some(conv) if (conv - date).num_days().abs() <= 2 => {}
                    _ => diags.push(Diagnostic::new(
                        "date.hijri-mismatch",
                        format!(
                            "Hijri {}/{}/{} does not match Gregorian {date}; Gregorian kept",
                            h.day, h.month, h.year
                        ),
                    )),
                }
            }
            note_group(&g, &mut diags);
            (date, hijri)
        }
        (None, Some(h)) => {
            let date = hijri::to_gregorian(h.year, h.month, h.day)?;
            diags.push(Diagnostic::new(
                "date.hijri-converted",
                format!(
                    "Hijri {}/{}/{} converted to {date} with the tabular calendar (may differ by a day from Umm al-Qura)",
                    h.day, h.month, h.year
                ),
            ));
            if h.calendar_from_range {
                diags.push(Diagnostic::new(
                    "date.hijri-guessed",
                    format!("year {} read as Hijri from its range", h.year),
                ));
            }
            (date, Some((h.year, h.month, h.day)))
        }
        (None, None) => return None,
    };
    let mut date = date;
    if let Some(wd) = weekday
        && greg.is_none()
        && date.weekday().num_days_from_monday() != wd
    {
        // A Hijri-only date a day off the written weekday is the tabular calendar missing
        // a sighting or Umm al-Qura day; the weekday is the writer's own evidence.
        for delta in [-1i64, 1] {
            let cand = date + chrono::Duration::days(delta);
            if cand.weekday().num_days_from_monday() == wd {
                diags.push(Diagnostic::new(
                    "date.hijri-weekday-adjusted",
                    format!("moved to {cand} to match the weekday written"),
                ));
                date = cand;
                break;
            }
        }
    }
    if let Some(wd) = weekday
        && date.weekday().num_days_from_monday() != wd
    {
        diags.push(Diagnostic::new(
            "date.weekday-mismatch",
            format!("the weekday written does not fall on {date}; date kept"),
        ));
    }

    let mut precision = Precision::Date;
    let mut local = date.and_hms_opt(0, 0, 0)?;
    if let Some((c, _)) = time {
        let hour = match meridiem {
            Some(m) => clock::apply_meridiem(c.hour, m),
            None => Some(c.hour),
        };
        match hour.and_then(|h| date.and_hms_opt(h, c.minute, c.second.unwrap_or(0))) {
            Some(t) => {
                local = t;
                precision = if c.second.is_some() {
                    Precision::Second
                } else {
                    Precision::Minute
                };
            }
            None => diags.push(Diagnostic::new(
                "date.time-invalid",
                format!(
                    "time {}:{:02} is not a valid time of day; date kept",
                    c.hour, c.minute
                ),
            )),
        }
    }
    let timezone = match offset {
        Some(o) if precision != Precision::Date && FixedOffset::east_opt(o).is_some() => {
            Timezone::Offset(o)
        }
        _ => Timezone::Local,
    };
    Some(ParsedDate {
        published: Published {
            local,
            timezone,
            precision,
            hijri,
        },
        diagnostics: diags,
        unknown_words: unknown,
    })
}

fn note_group(g: &Group, diags: &mut Vec<Diagnostic>) {
    if g.order_guessed {
        diags.push(Diagnostic::new(
            "date.order-guessed",
            format!(
                "read month-first ({}/{}) because {} cannot be a month",
                g.month,
                g.day,
                g.day.max(g.month)
            ),
        ));
    }
    if g.two_digit_year {
        diags.push(Diagnostic::new(
            "date.two-digit-year",
            format!("two-digit year read as {}", g.year),
        ));
    }
}
