//! Event dates: finding time expressions in a sentence, and resolving them against the
//! article's publication day.
//!
//! Extraction keeps the expression as written (`أمس`, `الثلاثاء الماضي`, `20 نوفمبر 2016`,
//! `التاسع من مارس`, `20/11/2016`, `الشهر المقبل`, `15 رمضان 1437`) with its span; the value
//! is computed later by [`resolve`], which re-reads that text, because only the pipeline's
//! linking step knows the publication date. Month and weekday names come from
//! [`marsad_arabic::calendar`] (every regional series, Hijri months).
//!
//! Resolution rules, with `p` the publication day:
//! * `أمس` p−1, `أول أمس` p−2, `اليوم`/`الليلة` p, `غدا` p+1, `بعد غد` p+2, `الليلة الماضية` p−1;
//! * a weekday with `الماضي` is the latest such day strictly before p, with `المقبل`/`القادم`
//!   the first strictly after; a bare weekday is the latest on or before p, or the first on
//!   or after p when the event is expected;
//! * `الأسبوع الماضي/المقبل` is the month of p∓7 days (month precision: a week has no ISO day);
//!   `الشهر الماضي/المقبل` the month before or after; `العام الماضي` the year before;
//! * a day and month without a year, or a month alone, take the year that puts them nearest
//!   to p (the next occurrence when the event is expected; the past one with `الماضي`).

use crate::claims::words::Words;
use chrono::{Datelike, Days, Months, NaiveDate};
use marsad_arabic::calendar::{self, Calendar};
use marsad_arabic::token::TokenKind;
use marsad_core::DatePrecision;

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Next,
    Bare,
}

/// A time expression, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// Days from the publication day.
    Day(i64),
    /// A weekday (Monday = 0).
    Weekday(u32, Dir),
    /// Weeks from the publication day (the current week for 0).
    Week(i64),
    /// Months from the publication month.
    Month(i64),
    /// Years from the publication year.
    Year(i64),
    /// A Gregorian day, month and maybe year; the direction picks a missing year.
    Date(Option<i32>, u32, u32, Dir),
    /// A Gregorian month and maybe year.
    MonthName(Option<i32>, u32, Dir),
    /// A year.
    YearNumber(i32),
    /// A tabular Hijri date.
    Hijri(i32, u32, u32),
}

impl Expr {
    /// The precision the expression gives.
    pub fn precision(self) -> DatePrecision {
        match self {
            Expr::Day(_) | Expr::Weekday(..) | Expr::Date(..) | Expr::Hijri(..) => {
                DatePrecision::Day
            }
            Expr::Week(_) | Expr::Month(_) | Expr::MonthName(..) => DatePrecision::Month,
            Expr::Year(_) | Expr::YearNumber(_) => DatePrecision::Year,
        }
    }

    /// True when the expression points after the publication day.
    pub fn is_future(self) -> bool {
        match self {
            Expr::Day(n) | Expr::Week(n) | Expr::Month(n) | Expr::Year(n) => n > 0,
            Expr::Weekday(_, d) | Expr::MonthName(_, _, d) | Expr::Date(None, _, _, d) => {
                d == Dir::Next
            }
            _ => false,
        }
    }
}

const PAST: &[&str] = &[
    "الماضي",
    "الماضيه",
    "الفايت",
    "الفايته",
    "المنصرم",
    "المنصرمه",
    "السابق",
];
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "التالي"];
const CURRENT: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];
const DAY_PARTS: &[&str] = &[
    "صباح",
    "مساء",
    "ظهر",
    "ليل",
    "ليله",
    "فجر",
    "عصر",
    "ظهيره",
    "صباحا",
    "مساءا",
    "مساء",
];
const SPAN_PREFIX: &[&str] = &[
    "مطلع",
    "بدايه",
    "نهايه",
    "اواخر",
    "اوايل",
    "منتصف",
    "اواسط",
    "خلال",
];
/// Month names that are ordinary words too, recognised only between a day and a year.
const AMBIGUOUS_MONTHS: &[&str] = &[
    "ماي",
    "اب",
    "الفاتح",
    "ناصر",
    "الطير",
    "النوار",
    "التمور",
    "الحرث",
    "الكانون",
    "هانيبال",
    "هانيبعل",
    "محرم",
    "المحرم",
    "صفر",
    "رجب",
];

/// The ordinal day words (الأول … الحادي والثلاثين) as folded keys: units, then tens.
const ORDINALS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("العشرين", 20),
    ("الثلاثين", 30),
];

fn ordinal(key: &str) -> Option<u32> {
    ORDINALS.iter().find(|(k, _)| *k == key).map(|&(_, n)| n)
}

fn number(w: &Words<'_>, i: usize) -> Option<u32> {
    let t = w.tokens.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    let k = w.key(i);
    if k.len() > 4 || !k.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    k.parse().ok()
}

/// The value of a number word that counts days, weeks, months or years (ثلاثة … عشرة).
fn number_word(key: &str) -> Option<u32> {
    Some(match key {
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثماني" | "ثمانيه" | "ثمان" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        _ => return None,
    })
}

/// `قبل يومين`, `منذ ثلاثة أسابيع`, `منذ قرابة عشرة أيام`, `بعد شهرين`: a count of days,
/// weeks, months or years before (`sign` −1) or after (+1) the publication day, from the
/// word at `i`. Hours ago are today. Not when a year number follows the unit (`منذ عام
/// 2013` is that year) or `من` does (`قبل يومين من الانتخابات` counts from another event).
fn offset(w: &Words<'_>, i: usize, sign: i64) -> Option<(Expr, usize)> {
    let mut j = i + 1;
    if matches!(w.key(j), "قرابه" | "نحو" | "حوالي" | "زهاء") {
        j += 1;
    }
    let n = number(w, j).or_else(|| number_word(w.key(j)));
    if n.is_some() {
        j += 1;
    }
    let n = n.map(i64::from);
    let unit = w.key(j);
    // منذ يوم الثلاثاء، قبل عام 2010: a singular unit that opens another expression is part
    // of it.
    if n.is_none() && expr_at(w, j).is_some() {
        return None;
    }
    // A plural unit needs its count; a singular or dual one carries it.
    let (count, make): (i64, fn(i64) -> Expr) = match unit {
        "ساعه" | "ساعات" | "ساعتين" | "دقايق" | "دقيقه" => (0, Expr::Day),
        "يوم" | "يوما" => (n.unwrap_or(1), Expr::Day),
        "يومين" if n.is_none() => (2, Expr::Day),
        "ايام" => (n?, Expr::Day),
        "اسبوع" | "اسبوعا" => (n.unwrap_or(1), Expr::Week),
        "اسبوعين" if n.is_none() => (2, Expr::Week),
        "اسابيع" => (n?, Expr::Week),
        "شهر" | "شهرا" => (n.unwrap_or(1), Expr::Month),
        "شهرين" if n.is_none() => (2, Expr::Month),
        "اشهر" | "شهور" => (n?, Expr::Month),
        "عام" | "عاما" | "سنه" => (n.unwrap_or(1), Expr::Year),
        "عامين" | "سنتين" if n.is_none() => (2, Expr::Year),
        "اعوام" | "سنوات" => (n?, Expr::Year),
        _ => return None,
    };
    if w.tokens
        .get(j + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
        || w.key(j + 1) == "من"
    {
        return None;
    }
    Some((make(sign * count), j + 1))
}

fn is_in(key: &str, list: &[&str]) -> bool {
    list.contains(&key)
}

/// A year number after a date (`2016`, `2016م`), with the token count it took.
fn year_at(w: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    let y = number(w, i)?;
    if !(1000..=2200).contains(&y) {
        return None;
    }
    let mut n = 1;
    if matches!(w.key(i + 1), "م" | "ميلادي" | "للميلاد") {
        n += 1;
    }
    Some((y as i32, n))
}

/// A Hijri year after a Hijri month (`1437`, `1437هـ`).
fn hijri_year_at(w: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    let y = number(w, i)?;
    if !(1300..=1600).contains(&y) {
        return None;
    }
    let mut n = 1;
    if matches!(w.key(i + 1), "ه" | "هـ" | "هجري" | "هجريه" | "للهجره") {
        n += 1;
    }
    Some((y as i32, n))
}

/// A month name at token `i` (folded keys), possibly followed by its name in another series
/// (`مارس (آذار)`, `نوفمبر/تشرين الثاني`): `(calendar, month, tokens taken)`.
fn month_at(w: &Words<'_>, i: usize) -> Option<(Calendar, u32, usize)> {
    let a = w.key(i);
    let b = w.key(i + 1);
    let words: [&str; 2] = [a, b];
    let (cal, m, mut n) = calendar::month(&words)?;
    // A glued و is tried by calendar::month; nothing else may be glued.
    let mut j = i + n;
    let open = w.is_punct(j, &['(', '/', '-', '،']);
    if open {
        let c = w.key(j + 1);
        let d = w.key(j + 2);
        if let Some((c2, m2, n2)) = calendar::month(&[c, d])
            && c2 == cal
            && m2 == m
        {
            j += 1 + n2;
            if w.is_punct(j, &[')']) {
                j += 1;
            }
            n = j - i;
        }
    }
    Some((cal, m, n))
}

/// The time expression starting at token `i`: the expression and its end token.
pub(crate) fn expr_at(w: &Words<'_>, i: usize) -> Option<(Expr, usize)> {
    let t = w.tokens.get(i)?;
    if t.kind == TokenKind::Date {
        return numeric_date(w.key(i)).map(|e| (e, i + 1));
    }
    if t.kind == TokenKind::Number {
        return number_led(w, i);
    }
    if !t.kind.is_word() {
        return None;
    }
    let key = w.key(i);
    let bare = w.bare(i);
    let k = if bare.is_empty() { key } else { bare };
    // Parts of the day and span words are part of the expression that follows.
    if is_in(k, DAY_PARTS) || is_in(k, SPAN_PREFIX) {
        if let Some((e, end)) = expr_at(w, i + 1)
            && !matches!(e, Expr::YearNumber(_))
        {
            return Some((e, end));
        }
        if matches!(k, "ليله") && w.key(i + 1) == "امس" {
            return Some((Expr::Day(-1), i + 2));
        }
        return None;
    }
    match k {
        "امس" | "بالامس" => return Some((Expr::Day(-1), i + 1)),
        "اول" if w.key(i + 1) == "امس" => return Some((Expr::Day(-2), i + 2)),
        "اول" if w.key(i + 1) == "من" && w.key(i + 2) == "امس" => {
            return Some((Expr::Day(-2), i + 3));
        }
        "غدا" | "غد" => return Some((Expr::Day(1), i + 1)),
        "بعد" if w.key(i + 1) == "غد" => return Some((Expr::Day(2), i + 2)),
        "قبل" | "منذ" => return offset(w, i, -1),
        "بعد" => return offset(w, i, 1),
        "الليله" => {
            if is_in(w.key(i + 1), PAST) {
                return Some((Expr::Day(-1), i + 2));
            }
            return Some((Expr::Day(0), i + 1));
        }
        "اليوم" => {
            let next = w.key(i + 1);
            let prev = i.checked_sub(1).map(|p| w.key(p)).unwrap_or("");
            // اليوم الوطني، اليوم التالي، حتى اليوم، صحيفة اليوم are not the day of the event.
            if (next.starts_with("ال") && w.is_word(i + 1))
                || matches!(prev, "حتي" | "الي" | "منذ" | "صحيفه" | "جريده" | "لصحيفه")
            {
                return None;
            }
            return Some((Expr::Day(0), i + 1));
        }
        "يوم" => {
            let next = w.key(i + 1);
            if next == "امس" {
                return Some((Expr::Day(-1), i + 2));
            }
            if matches!(next, "غد" | "الغد") {
                return Some((Expr::Day(1), i + 2));
            }
            if let Some((e, end)) = expr_at(w, i + 1)
                && matches!(e, Expr::Weekday(..) | Expr::Date(..) | Expr::Hijri(..))
            {
                return Some((e, end));
            }
            return None;
        }
        "هذا" | "هذه" => {
            let unit = match w.key(i + 1) {
                "الاسبوع" => Expr::Week(0),
                "الشهر" => Expr::Month(0),
                "العام" | "السنه" => Expr::Year(0),
                _ => return None,
            };
            return Some((unit, i + 2));
        }
        "الاسبوع" | "الشهر" | "العام" | "السنه" => {
            let next = w.key(i + 1);
            let n = if is_in(next, PAST) {
                -1
            } else if is_in(next, NEXT) {
                1
            } else if is_in(next, CURRENT) {
                0
            } else if matches!(k, "العام" | "عام")
                && let Some((y, n)) = year_at(w, i + 1)
            {
                return Some((Expr::YearNumber(y), i + 1 + n));
            } else {
                return None;
            };
            let e = match k {
                "الاسبوع" => Expr::Week(n),
                "الشهر" => Expr::Month(n),
                _ => Expr::Year(n),
            };
            return Some((e, i + 2));
        }
        "عام" | "سنه" => {
            if let Some((y, n)) = year_at(w, i + 1) {
                return Some((Expr::YearNumber(y), i + 1 + n));
            }
            return None;
        }
        _ => {}
    }
    if let Some(wd) = weekday_key(k) {
        let next = w.key(i + 1);
        // صلاة الجمعة names the prayer; the weekday is still the day it was held.
        if let Some((e, end)) = expr_at(w, i + 1)
            && matches!(e, Expr::Date(..) | Expr::Hijri(..))
        {
            return Some((e, end));
        }
        let dir = if is_in(next, PAST) {
            Dir::Past
        } else if is_in(next, NEXT) {
            Dir::Next
        } else {
            Dir::Bare
        };
        let end = if dir == Dir::Bare { i + 1 } else { i + 2 };
        return Some((Expr::Weekday(wd, dir), end));
    }
    if let Some(d) = ordinal(k) {
        // التاسع من مارس، الحادي عشر من، الحادي والعشرين من.
        let mut j = i + 1;
        let mut day = d;
        match w.key(j) {
            "عشر" if d < 10 => {
                day += 10;
                j += 1;
            }
            "والعشرين" if d < 10 => {
                day += 20;
                j += 1;
            }
            "والثلاثين" if d < 2 => {
                day += 30;
                j += 1;
            }
            _ => {}
        }
        if w.key(j) == "من"
            && let Some((cal, m, n)) = month_at(w, j + 1)
        {
            return finish_day_month(w, i, day, cal, m, j + 1 + n);
        }
        return None;
    }
    if let Some((cal, m, n)) = month_at(w, i) {
        if cal != Calendar::Gregorian || is_in(k, AMBIGUOUS_MONTHS) || !t.kind.is_word() {
            return None;
        }
        let j = i + n;
        if let Some((y, yn)) = year_at(w, j) {
            return Some((Expr::MonthName(Some(y), m, Dir::Bare), j + yn));
        }
        let next = w.key(j);
        let dir = if is_in(next, PAST) {
            Dir::Past
        } else if is_in(next, NEXT) {
            Dir::Next
        } else {
            Dir::Bare
        };
        // A month alone must be introduced: في مارس، خلال مارس، شهر مارس، مارس الماضي.
        let prev = i.checked_sub(1).map(|p| w.key(p)).unwrap_or("");
        if dir == Dir::Bare && !matches!(prev, "في" | "خلال" | "شهر" | "منذ" | "مطلع" | "نهايه")
        {
            return None;
        }
        let end = if dir == Dir::Bare { j } else { j + 1 };
        return Some((Expr::MonthName(None, m, dir), end));
    }
    None
}

fn weekday_key(k: &str) -> Option<u32> {
    // Only the definite names: أحد is also "one", جمعة a name.
    if !k.starts_with("ال") {
        return None;
    }
    calendar::weekday(k)
}

/// `20 نوفمبر 2016`, `15 رمضان 1437هـ`, `2016` after في.
fn number_led(w: &Words<'_>, i: usize) -> Option<(Expr, usize)> {
    let n = number(w, i)?;
    if (1..=31).contains(&n)
        && let Some((cal, m, len)) = month_at(w, i + 1)
    {
        return finish_day_month(w, i, n, cal, m, i + 1 + len);
    }
    if (1950..=2100).contains(&n) {
        let prev = i.checked_sub(1).map(|p| w.key(p)).unwrap_or("");
        if matches!(prev, "في" | "عام" | "العام" | "سنه" | "منذ" | "خلال") {
            return Some((Expr::YearNumber(n as i32), i + 1));
        }
    }
    None
}

fn finish_day_month(
    w: &Words<'_>,
    _start: usize,
    day: u32,
    cal: Calendar,
    m: u32,
    j: usize,
) -> Option<(Expr, usize)> {
    match cal {
        Calendar::Gregorian => {
            if let Some((y, n)) = year_at(w, j) {
                return Some((Expr::Date(Some(y), m, day, Dir::Bare), j + n));
            }
            // التاسع من مارس الماضي: the direction picks the year.
            let next = w.key(j);
            if is_in(next, PAST) {
                return Some((Expr::Date(None, m, day, Dir::Past), j + 1));
            }
            if is_in(next, NEXT) {
                return Some((Expr::Date(None, m, day, Dir::Next), j + 1));
            }
            if is_in(next, CURRENT) {
                return Some((Expr::Date(None, m, day, Dir::Bare), j + 1));
            }
            Some((Expr::Date(None, m, day, Dir::Bare), j))
        }
        Calendar::Hijri => {
            let (y, n) = hijri_year_at(w, j)?;
            Some((Expr::Hijri(y, m, day), j + n))
        }
    }
}

/// `20/11/2016`, `2016-11-20`, `20.11.16`: day first, the Arabic convention.
fn numeric_date(key: &str) -> Option<Expr> {
    let parts: Vec<&str> = key
        .split(['/', '-', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        let y = match parts[2].len() {
            4 => nums[2],
            2 => 2000 + nums[2],
            _ => return None,
        };
        if nums[1] > 12 && nums[0] <= 12 {
            (y, nums[0], nums[1])
        } else {
            (y, nums[1], nums[0])
        }
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)?;
    Some(Expr::Date(Some(y as i32), m, d, Dir::Bare))
}

/// Every time expression of tokens `range`, in order, as `(expr, token range)`.
pub(crate) fn find_all(w: &Words<'_>, range: std::ops::Range<usize>) -> Vec<(Expr, usize, usize)> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end.min(w.len()) {
        if let Some((e, end)) = expr_at(w, i)
            && end > i
        {
            out.push((e, i, end.min(range.end.max(i + 1))));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Resolves the time expression `text` against the publication day. `expected` picks the
/// next occurrence of a bare weekday or month. `None` when `text` is not an expression.
pub fn resolve(
    text: &str,
    published: NaiveDate,
    expected: bool,
) -> Option<(String, DatePrecision)> {
    let w = Words::new(text);
    let (expr, _) = (0..w.len().min(3)).find_map(|i| expr_at(&w, i))?;
    resolve_expr(expr, published, expected)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new(n.unsigned_abs() as u32))
    }
}

fn month_string(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The date in year `y` nearest to `p` among `y-1 ..= y+1`; with `forward` (expected events)
/// the first on or after `p`, with `backward` the last on or before it.
fn nearest(p: NaiveDate, m: u32, d: u32, forward: bool, backward: bool) -> Option<NaiveDate> {
    let candidates: Vec<NaiveDate> = [p.year() - 1, p.year(), p.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    if forward {
        return candidates.into_iter().find(|c| *c >= p);
    }
    if backward {
        return candidates.into_iter().rev().find(|c| *c <= p);
    }
    candidates
        .into_iter()
        .min_by_key(|c| ((*c - p).num_days().abs(), *c > p))
}

pub(crate) fn resolve_expr(
    expr: Expr,
    p: NaiveDate,
    expected: bool,
) -> Option<(String, DatePrecision)> {
    let day = |d: NaiveDate| Some((d.format("%Y-%m-%d").to_string(), DatePrecision::Day));
    match expr {
        Expr::Day(n) => day(add_days(p, n)?),
        Expr::Weekday(wd, dir) => {
            let today = p.weekday().num_days_from_monday() as i64;
            let wd = i64::from(wd);
            let back = (today - wd).rem_euclid(7);
            let fwd = (wd - today).rem_euclid(7);
            let delta = match dir {
                Dir::Past => -(if back == 0 { 7 } else { back }),
                Dir::Next => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                Dir::Bare if expected => fwd,
                Dir::Bare => -back,
            };
            day(add_days(p, delta)?)
        }
        Expr::Week(n) => Some((month_string(add_days(p, 7 * n)?), DatePrecision::Month)),
        Expr::Month(n) => Some((month_string(add_months(p, n)?), DatePrecision::Month)),
        Expr::Year(n) => Some((
            format!("{:04}", i64::from(p.year()) + n),
            DatePrecision::Year,
        )),
        Expr::Date(Some(y), m, d, _) => day(NaiveDate::from_ymd_opt(y, m, d)?),
        Expr::Date(None, m, d, dir) => {
            let forward = dir == Dir::Next || (dir == Dir::Bare && expected);
            day(nearest(p, m, d, forward, dir == Dir::Past)?)
        }
        Expr::MonthName(Some(y), m, _) => Some((format!("{y:04}-{m:02}"), DatePrecision::Month)),
        Expr::MonthName(None, m, dir) => {
            let first = p.with_day(1)?;
            let forward = dir == Dir::Next || (dir == Dir::Bare && expected);
            let backward = dir == Dir::Past;
            let mut d = nearest(first, m, 1, forward, backward)?;
            // الماضي is strictly before the current month, المقبل strictly after.
            if dir == Dir::Past && d == first {
                d = NaiveDate::from_ymd_opt(d.year() - 1, m, 1)?;
            }
            if dir == Dir::Next && d == first {
                d = NaiveDate::from_ymd_opt(d.year() + 1, m, 1)?;
            }
            Some((month_string(d), DatePrecision::Month))
        }
        Expr::YearNumber(y) => Some((format!("{y:04}"), DatePrecision::Year)),
        Expr::Hijri(y, m, d) => {
            let (gy, gm, gd) = calendar::hijri_to_gregorian(y, m, d)?;
            day(NaiveDate::from_ymd_opt(gy, gm, gd)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn expressions_resolve_against_the_publication_day() {
        // 2016-05-24 is a Tuesday.
        let pub_day = p(2016, 5, 24);
        let table: &[(&str, bool, &str, DatePrecision)] = &[
            ("أمس", false, "2016-05-23", DatePrecision::Day),
            ("مساء أمس", false, "2016-05-23", DatePrecision::Day),
            ("أول أمس", false, "2016-05-22", DatePrecision::Day),
            ("أول من أمس", false, "2016-05-22", DatePrecision::Day),
            ("اليوم", false, "2016-05-24", DatePrecision::Day),
            ("غداً", false, "2016-05-25", DatePrecision::Day),
            ("بعد غد", false, "2016-05-26", DatePrecision::Day),
            ("الليلة الماضية", false, "2016-05-23", DatePrecision::Day),
            ("الثلاثاء الماضي", false, "2016-05-17", DatePrecision::Day),
            ("الاثنين الماضي", false, "2016-05-23", DatePrecision::Day),
            ("الأحد", false, "2016-05-22", DatePrecision::Day),
            ("يوم الأحد", true, "2016-05-29", DatePrecision::Day),
            ("الثلاثاء", false, "2016-05-24", DatePrecision::Day),
            ("الخميس المقبل", false, "2016-05-26", DatePrecision::Day),
            ("الثلاثاء المقبل", false, "2016-05-31", DatePrecision::Day),
            ("الأسبوع الماضي", false, "2016-05", DatePrecision::Month),
            ("الأسبوع المقبل", false, "2016-05", DatePrecision::Month),
            ("الشهر الماضي", false, "2016-04", DatePrecision::Month),
            ("الشهر المقبل", false, "2016-06", DatePrecision::Month),
            ("العام الماضي", false, "2015", DatePrecision::Year),
            ("20 نوفمبر 2016", false, "2016-11-20", DatePrecision::Day),
            ("20/11/2016", false, "2016-11-20", DatePrecision::Day),
            (
                "التاسع من مارس الماضي",
                false,
                "2016-03-09",
                DatePrecision::Day,
            ),
            (
                "الحادي عشر من كانون الثاني",
                false,
                "2016-01-11",
                DatePrecision::Day,
            ),
            ("3 أيار", false, "2016-05-03", DatePrecision::Day),
            ("في نوفمبر الماضي", false, "2015-11", DatePrecision::Month),
            (
                "في تشرين الأول المقبل",
                false,
                "2016-10",
                DatePrecision::Month,
            ),
            ("مارس 2014", false, "2014-03", DatePrecision::Month),
            ("عام 2011", false, "2011", DatePrecision::Year),
            ("15 رمضان 1437هـ", false, "2016-06-21", DatePrecision::Day),
            ("قبل يومين", false, "2016-05-22", DatePrecision::Day),
            ("منذ ثلاثة أيام", false, "2016-05-21", DatePrecision::Day),
            (
                "منذ قرابة عشرة أيام",
                false,
                "2016-05-14",
                DatePrecision::Day,
            ),
            ("قبل 5 أيام", false, "2016-05-19", DatePrecision::Day),
            ("قبل ساعات", false, "2016-05-24", DatePrecision::Day),
            ("قبل أسبوعين", false, "2016-05", DatePrecision::Month),
            ("منذ شهرين", false, "2016-03", DatePrecision::Month),
            ("قبل عامين", false, "2014", DatePrecision::Year),
            ("بعد يومين", true, "2016-05-26", DatePrecision::Day),
            ("منذ عام 2013", false, "2013", DatePrecision::Year),
            (
                "منذ يوم الثلاثاء الماضي",
                false,
                "2016-05-17",
                DatePrecision::Day,
            ),
        ];
        for (text, expected, value, precision) in table {
            let got = resolve(text, pub_day, *expected);
            assert_eq!(
                got,
                Some((value.to_string(), *precision)),
                "{text} (expected: {expected})"
            );
        }
        // Nearest year: a day in January read in December is the coming one.
        assert_eq!(
            resolve("5 يناير", p(2016, 12, 28), false).map(|r| r.0),
            Some("2017-01-05".into())
        );
        for not_a_date in [
            "اليوم الوطني",
            "حتى اليوم",
            "مايو",
            "أحد",
            "صفر",
            "قبل الانتخابات",
            "قبل يومين من الانتخابات",
            "منذ أيام",
            "بعد ذلك",
        ] {
            assert_eq!(resolve(not_a_date, pub_day, false), None, "{not_a_date}");
        }
    }
}
