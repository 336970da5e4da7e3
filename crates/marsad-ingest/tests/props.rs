//! Property tests: no reader panics, whatever the bytes; dates round-trip what they accept;
//! bylines split into clean names whatever their shape.

use marsad_ingest::dates::parse_date;
use marsad_ingest::{Event, Options, read_bytes};
use proptest::prelude::*;

/// Bytes that look like the start of each format, followed by anything.
fn prefixed() -> impl Strategy<Value = Vec<u8>> {
    let prefixes = prop::sample::select(vec![
        &b""[..],
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>",
        b"<!DOCTYPE html><html><head><meta charset=\"",
        b"{\"title\":\"",
        b"[{\"content\":",
        "عنوان\n\n24/05/2016 - 12:55:55\n\n".as_bytes(),
        b"\x1f\x8b\x08\x00",
        b"\x28\xb5\x2f\xfd",
    ]);
    (prefixes, prop::collection::vec(any::<u8>(), 0..600)).prop_map(|(p, rest)| {
        let mut v = p.to_vec();
        v.extend(rest);
        v
    })
}

/// Text made of the pieces dates and headers are built from.
fn date_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "24",
        "05",
        "2016",
        "1437",
        "/",
        "-",
        ":",
        " ",
        "12",
        "55",
        "م",
        "ص",
        "هـ",
        "مايو",
        "كانون الثاني",
        "ذو الحجة",
        "الثلاثاء",
        "،",
        "+03:00",
        "Z",
        "GMT",
        "بتوقيت",
        "مكة",
        "٢٤",
        "T",
        ".",
        "(",
        ")",
        "99999999999",
    ]);
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

/// Text made of the pieces bylines are built from: names, places, outlets, separators,
/// parentheses, colons, markers, entities, timestamps.
fn byline_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "سلمى الخطيب",
        "جدة",
        "الرياض",
        "واس",
        "«الأفق»",
        "أ. ف. ب",
        " من ",
        " - ",
        "-",
        " – ",
        "ـ",
        " ـ ",
        ":",
        " : ",
        "(",
        ")",
        "، ",
        ",",
        " | ",
        "/",
        "*",
        "بقلم:",
        "كتب ",
        "متابعة",
        "مكتب الأفق",
        "عدسة",
        "كلمة ",
        "&nbsp;",
        "&ndash;",
        "\u{a0}",
        "\u{200e}",
        "Mon, 2015-08-10 20:47",
        "الزلفي",
        "حفر الباطن",
        "هاتفيًا",
        " ",
        "",
    ]);
    (
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat()),
        "\\PC{0,12}",
    )
        .prop_map(|(a, b)| a + &b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn bylines_split_into_clean_names(s in byline_like()) {
        let b = marsad_ingest::byline::parse(&s);
        for part in [&b.author, &b.outlet, &b.dateline].into_iter().flatten() {
            prop_assert!(!part.is_empty() && part.trim() == part, "{s:?} -> {b:?}");
            prop_assert!(!part.contains(['|', ':', '(', ')', '«', '»', '\u{a0}']), "{s:?} -> {b:?}");
        }
    }

    #[test]
    fn readers_never_panic(bytes in prefixed(), name in prop::sample::select(vec!["a.txt", "a.html", "a.xml", "a.jsonl", "a.warc", "a.json", "a"])) {
        let mut n = 0;
        read_bytes(name, &bytes, &Options::default(), &mut |e| {
            if let Event::Failed(e) = &e {
                // Every failure is one line naming the input.
                assert!(e.to_string().starts_with(name));
                assert!(!e.to_string().contains('\n'));
            }
            n += 1;
        });
        prop_assert!(n >= 1, "every input yields at least one event");
    }

    #[test]
    fn dates_never_panic_and_render_iso(s in date_like()) {
        if let Some(p) = parse_date(&s) {
            let iso = p.published.to_string();
            prop_assert!(marsad_core::Published::parse_iso(&iso).is_some(), "{iso}");
        }
    }

    #[test]
    fn arbitrary_strings_never_panic_the_date_parser(s in "\\PC{0,80}") {
        let _ = parse_date(&s);
    }
}
