//! The date shapes of real Arabic newsroom archives, one row each.
//!
//! Each row: input, the expected ISO rendering (or `None` when it is not a date), the
//! expected Hijri date (`"-"` for none) and the diagnostic kinds expected, in order.

use super::parse_date;

fn check(input: &str, iso: Option<&str>, hijri: &str, diags: &[&str]) {
    let got = parse_date(input);
    match (iso, &got) {
        (None, None) => return,
        (None, Some(p)) => panic!("{input:?}: expected no date, got {}", p.published),
        (Some(want), None) => panic!("{input:?}: expected {want}, got no date"),
        (Some(want), Some(p)) => assert_eq!(p.published.to_string(), want, "{input:?}"),
    }
    let p = got.unwrap();
    let h = p
        .published
        .hijri
        .map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
        .unwrap_or_else(|| "-".into());
    assert_eq!(h, hijri, "{input:?}: hijri");
    let kinds: Vec<&str> = p.diagnostics.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, diags, "{input:?}: diagnostics");
}

macro_rules! dates {
    ($($name:ident: $input:expr => $iso:expr, $hijri:expr, [$($d:expr),*];)*) => {
        $(#[test] fn $name() { check($input, $iso, $hijri, &[$($d),*]); })*
        /// The number of rows, so a test can hold the table to its promised size.
        const ROWS: usize = [$(stringify!($name)),*].len();
    };
}

dates! {
    // Numeric, day first (the scrape layout and most Arab sites).
    seed_layout: "24/05/2016 - 12:55:55" => Some("2016-05-24T12:55:55"), "-", [];
    dmy_slash: "24/05/2016" => Some("2016-05-24"), "-", [];
    dmy_single_digits: "4/5/2016" => Some("2016-05-04"), "-", [];
    dmy_dash: "24-05-2016" => Some("2016-05-24"), "-", [];
    dmy_dot: "24.05.2016" => Some("2016-05-24"), "-", [];
    dmy_time_no_dash: "24/05/2016 12:55" => Some("2016-05-24T12:55:00"), "-", [];
    dmy_time_first: "12:55 24/05/2016" => Some("2016-05-24T12:55:00"), "-", [];
    dmy_arabic_indic: "٢٤/٠٥/٢٠١٦ - ١٢:٥٥:٥٥" => Some("2016-05-24T12:55:55"), "-", [];
    dmy_persian_digits: "۲۴/۰۵/۲۰۱۶" => Some("2016-05-24"), "-", [];
    dmy_two_digit_year: "24/05/16" => Some("2016-05-24"), "-", ["date.two-digit-year"];
    mdy_forced_by_day: "05/24/2016" => Some("2016-05-24"), "-", ["date.order-guessed"];
    dmy_gregorian_marker: "24/05/2016م" => Some("2016-05-24"), "-", [];
    dmy_pm: "24/05/2016 - 01:55 م" => Some("2016-05-24T13:55:00"), "-", [];
    dmy_am: "24/05/2016 - 01:55 ص" => Some("2016-05-24T01:55:00"), "-", [];
    dmy_noon_am: "24/05/2016 12:10 ص" => Some("2016-05-24T00:10:00"), "-", [];
    dmy_published_prefix: "نشر في: 24/05/2016 - 12:55" => Some("2016-05-24T12:55:00"), "-", [];
    dmy_updated_prefix: "آخر تحديث: 24-05-2016 الساعة 10:30 صباحاً" => Some("2016-05-24T10:30:00"), "-", [];
    // ISO 8601 and RFC forms (feeds, JSON-LD, meta tags).
    iso_date: "2016-05-24" => Some("2016-05-24"), "-", [];
    iso_local: "2016-05-24T12:55:55" => Some("2016-05-24T12:55:55"), "-", [];
    iso_offset: "2016-05-24T12:55:55+03:00" => Some("2016-05-24T12:55:55+03:00"), "-", [];
    iso_zulu: "2016-05-24T09:55:55Z" => Some("2016-05-24T09:55:55+00:00"), "-", [];
    iso_fraction: "2016-05-24T09:55:55.123+02:00" => Some("2016-05-24T09:55:55+02:00"), "-", [];
    iso_compact_offset: "2016-05-24T12:55:55+0300" => Some("2016-05-24T12:55:55+03:00"), "-", [];
    iso_space: "2016-05-24 12:55:55" => Some("2016-05-24T12:55:55"), "-", [];
    iso_negative_offset: "2016-05-24T07:00:00-04:00" => Some("2016-05-24T07:00:00-04:00"), "-", [];
    ymd_slash: "2016/05/24" => Some("2016-05-24"), "-", [];
    rfc2822: "Tue, 24 May 2016 12:55:55 +0300" => Some("2016-05-24T12:55:55+03:00"), "-", [];
    rfc2822_gmt: "Tue, 24 May 2016 09:55:55 GMT" => Some("2016-05-24T09:55:55+00:00"), "-", [];
    english_month_first: "May 24, 2016 12:55 PM" => Some("2016-05-24T12:55:00"), "-", [];
    english_abbrev: "24 Sep 2015" => Some("2015-09-24"), "-", [];
    // Egyptian / Gulf month names.
    named_may: "24 مايو 2016" => Some("2016-05-24"), "-", [];
    named_weekday: "الثلاثاء 24 مايو 2016" => Some("2016-05-24"), "-", [];
    named_weekday_comma: "الثلاثاء، 24 مايو 2016" => Some("2016-05-24"), "-", [];
    named_weekday_mismatch: "الأربعاء 24 مايو 2016" => Some("2016-05-24"), "-", ["date.weekday-mismatch"];
    named_january: "1 يناير 2020" => Some("2020-01-01"), "-", [];
    named_april_hamza: "3 إبريل 2019" => Some("2019-04-03"), "-", [];
    named_april_bare: "3 ابريل 2019" => Some("2019-04-03"), "-", [];
    named_june_variant: "15 يونيه 2014" => Some("2014-06-15"), "-", [];
    named_july_variant: "23 يوليه 2013" => Some("2013-07-23"), "-", [];
    named_august: "5 أغسطس 2015" => Some("2015-08-05"), "-", [];
    named_october_bare: "6 اكتوبر 2018" => Some("2018-10-06"), "-", [];
    named_december_time_pm: "31 ديسمبر 2019 - 11:45 م" => Some("2019-12-31T23:45:00"), "-", [];
    named_indic_digits: "٢٤ مايو ٢٠١٦" => Some("2016-05-24"), "-", [];
    named_diacritics: "24 مَايُو 2016" => Some("2016-05-24"), "-", [];
    named_evening_word: "الخميس 10 نوفمبر 2016 - 08:15 مساءً" => Some("2016-11-10T20:15:00"), "-", [];
    named_noon_word: "السبت 2 يناير 2021 الساعة 1:30 ظهرا" => Some("2021-01-02T13:30:00"), "-", [];
    named_with_marker: "24 مايو 2016م" => Some("2016-05-24"), "-", [];
    named_dashes: "24-مايو-2016" => Some("2016-05-24"), "-", [];
    // Levantine / Iraqi month names.
    levant_january: "15 كانون الثاني 2017" => Some("2017-01-15"), "-", [];
    levant_december: "3 كانون الأول 2018" => Some("2018-12-03"), "-", [];
    levant_october: "7 تشرين الأول 2019" => Some("2019-10-07"), "-", [];
    levant_november: "30 تشرين الثاني 2019" => Some("2019-11-30"), "-", [];
    levant_february: "28 شباط 2017" => Some("2017-02-28"), "-", [];
    levant_march: "آذار 8, 2016" => Some("2016-03-08"), "-", [];
    levant_may_double: "24 أيار (مايو) 2016" => Some("2016-05-24"), "-", [];
    levant_may_slash: "24 أيار/مايو 2016" => Some("2016-05-24"), "-", [];
    levant_august: "آب 1, 2014" => Some("2014-08-01"), "-", [];
    levant_september_weekday: "الجمعة 9 أيلول 2016" => Some("2016-09-09"), "-", [];
    levant_june_time: "12 حزيران 2015 - 18:20" => Some("2015-06-12T18:20:00"), "-", [];
    levant_july: "14 تموز 2016" => Some("2016-07-14"), "-", [];
    levant_april: "نيسان 9, 2003" => Some("2003-04-09"), "-", [];
    // Maghrebi month names.
    maghreb_january: "12 جانفي 2011" => Some("2011-01-12"), "-", [];
    maghreb_february: "14 فيفري 2019" => Some("2019-02-14"), "-", [];
    maghreb_april: "25 أفريل 2018" => Some("2018-04-25"), "-", [];
    maghreb_may: "8 ماي 1945" => Some("1945-05-08"), "-", [];
    maghreb_june: "19 جوان 1965" => Some("1965-06-19"), "-", [];
    maghreb_july: "5 جويلية 1962" => Some("1962-07-05"), "-", [];
    maghreb_august: "20 أوت 1955" => Some("1955-08-20"), "-", [];
    morocco_july: "30 يوليوز 2016" => Some("2016-07-30"), "-", [];
    morocco_august: "14 غشت 2017" => Some("2017-08-14"), "-", [];
    morocco_september: "3 شتنبر 2020" => Some("2020-09-03"), "-", [];
    morocco_december: "18 دجنبر 2019" => Some("2019-12-18"), "-", [];
    libya_jamahiriya: "1 الفاتح 2009" => Some("2009-09-01"), "-", [];
    // Hijri.
    hijri_named: "17 شعبان 1437 هـ" => Some("2016-05-25"), "1437-08-17", ["date.hijri-converted"];
    hijri_numeric: "1437/08/17 هـ" => Some("2016-05-25"), "1437-08-17", ["date.hijri-converted"];
    hijri_numeric_dmy: "17/8/1437هـ" => Some("2016-05-25"), "1437-08-17", ["date.hijri-converted"];
    hijri_by_range: "17/08/1437" => Some("2016-05-25"), "1437-08-17", ["date.hijri-converted", "date.hijri-guessed"];
    hijri_two_words: "10 ذو الحجة 1436هـ" => Some("2015-09-24"), "1436-12-10", ["date.hijri-converted"];
    hijri_dhi: "10 ذي الحجة 1436 هـ" => Some("2015-09-24"), "1436-12-10", ["date.hijri-converted"];
    hijri_rabi: "12 ربيع الأول 1438" => Some("2016-12-12"), "1438-03-12", ["date.hijri-converted"];
    hijri_jumada: "1 جمادى الآخرة 1440" => Some("2019-02-07"), "1440-06-01", ["date.hijri-converted"];
    hijri_ramadan_weekday: "الاثنين 1 رمضان 1437 هـ" => Some("2016-06-06"), "1437-09-01", ["date.hijri-converted", "date.hijri-weekday-adjusted"];
    hijri_weekday_too_far: "الجمعة 1 رمضان 1437 هـ" => Some("2016-06-07"), "1437-09-01", ["date.hijri-converted", "date.weekday-mismatch"];
    hijri_and_gregorian: "الثلاثاء 17 شعبان 1437 هـ الموافق 24 مايو 2016م" => Some("2016-05-24"), "1437-08-17", [];
    hijri_and_gregorian_mismatch: "17 شعبان 1437 هـ الموافق 24 مايو 2017" => Some("2017-05-24"), "1437-08-17", ["date.hijri-mismatch"];
    hijri_and_gregorian_time_zone: "الثلاثاء 17 شعبان 1437 - 24 مايو 2016 الساعة 9:00 ص بتوقيت مكة المكرمة" => Some("2016-05-24T09:00:00+03:00"), "1437-08-17", [];
    // Zones.
    zone_gmt_arabic: "24/05/2016 - 09:55 بتوقيت غرينتش" => Some("2016-05-24T09:55:00+00:00"), "-", [];
    zone_gmt_abbrev: "24/05/2016 09:55 (ت.غ)" => Some("2016-05-24T09:55:00+00:00"), "-", [];
    zone_gmt_plus: "24/05/2016 12:55 GMT+3" => Some("2016-05-24T12:55:00+03:00"), "-", [];
    zone_dst_unknown: "24/05/2016 12:55 بتوقيت القاهرة" => Some("2016-05-24T12:55:00"), "-", ["date.zone-unknown"];
    // Impossible and non-dates.
    invalid_time_kept_date: "24/05/2016 - 25:61" => Some("2016-05-24"), "-", ["date.time-invalid"];
    impossible_day: "31/02/2016" => None, "-", [];
    month_year_only: "مايو 2016" => None, "-", [];
    plain_number: "1234567" => None, "-", [];
    a_title: "روسيا والتقارب مع جنرال ليبيا" => None, "-", [];
    empty: "" => None, "-", [];
    year_out_of_range: "24/05/2999" => None, "-", [];
    score_not_date: "3-1" => None, "-", [];
}

#[test]
fn the_table_has_at_least_sixty_shapes() {
    const { assert!(ROWS >= 60, "the table must hold at least 60 shapes") };
}

#[test]
fn a_date_line_has_no_unknown_words_but_a_sentence_does() {
    assert_eq!(parse_date("الثلاثاء 24 مايو 2016").unwrap().unknown_words, 0);
    assert_eq!(
        parse_date("نشر في: 24/05/2016 - 12:55")
            .unwrap()
            .unknown_words,
        0
    );
    let s = parse_date("وصل الوفد إلى موسكو يوم 24 مايو 2016 للقاء المسؤولين").unwrap();
    assert!(s.unknown_words >= 5);
}

#[test]
fn overlong_input_is_not_a_date() {
    let long = format!("24/05/2016 {}", "كلمة ".repeat(100));
    assert!(parse_date(&long).is_none());
}
