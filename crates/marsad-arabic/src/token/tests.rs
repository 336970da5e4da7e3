use super::*;

/// Renders tokens as `kind:text` for compact table-driven tests.
fn render(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .map(|t| format!("{}:{}", t.kind.name(), t.text(text)))
        .collect()
}

macro_rules! test_tokens {
    ($($name:ident: $input:expr => [$($expected:expr),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<String> = vec![$($expected.to_string()),*];
            assert_eq!(render($input), expected, "tokenize({:?})", $input);
        }
    )*};
}

test_tokens! {
    arabic_words_and_comma: "قال المتحدث، إن" => ["ar:قال", "ar:المتحدث", "punct:،", "ar:إن"];
    diacritics_stay_in_word: "قالَ المُتحدِّثُ" => ["ar:قالَ", "ar:المُتحدِّثُ"];
    tatweel_in_word: "جمـــيل" => ["ar:جمـــيل"];
    tatweel_alone_is_other: "ـــ" => ["other:ـــ"];
    zwnj_inside_not_at_end: "می\u{200C}خواهم\u{200C} x" => ["ar:می\u{200C}خواهم", "latin:x"];
    lone_combining_marks: "\u{064E}\u{0651} ب" => ["other:\u{064E}\u{0651}", "ar:ب"];
    arabic_question_and_semicolon: "لماذا؟ لأن؛" => ["ar:لماذا", "punct:؟", "ar:لأن", "punct:؛"];
    guillemets_and_quotes: "«نعم» \"لا\" “ربما”" => [
        "punct:«", "ar:نعم", "punct:»", "punct:\"", "ar:لا", "punct:\"",
        "punct:“", "ar:ربما", "punct:”",
    ];
    date_slash: "في 24/05/2016 -" => ["ar:في", "date:24/05/2016", "punct:-"];
    date_arabic_indic: "٢٤/٠٥/٢٠١٦" => ["date:٢٤/٠٥/٢٠١٦"];
    date_iso: "2016-05-24" => ["date:2016-05-24"];
    date_dots: "24.5.2016" => ["date:24.5.2016"];
    time_hms: "12:55:55" => ["time:12:55:55"];
    time_hm_with_pm: "10:30 م" => ["time:10:30", "ar:م"];
    decimal_number: "3.5 مليار" => ["num:3.5", "ar:مليار"];
    thousands_number: "1,250,000 دولار" => ["num:1,250,000", "ar:دولار"];
    arabic_decimal: "٣٫٥٪" => ["num:٣٫٥", "other:٪"];
    number_then_sentence_stop: "عام 2016." => ["ar:عام", "num:2016", "punct:."];
    number_glued_to_letter: "2016م" => ["num:2016", "ar:م"];
    percent: "50%" => ["num:50", "other:%"];
    url: "انظر https://example.com/ar/news?id=5." => ["ar:انظر", "url:https://example.com/ar/news?id=5", "punct:."];
    url_www: "www.marsad.org/تقرير،" => ["url:www.marsad.org/تقرير", "punct:،"];
    email: "راسلونا على info@marsad.example.org" => ["ar:راسلونا", "ar:على", "email:info@marsad.example.org"];
    mention: "@UN_News و@الجزيرة" => ["mention:@UN_News", "ar:و", "mention:@الجزيرة"];
    hashtag_arabic: "#ليبيا #حكومة_الوفاق" => ["hashtag:#ليبيا", "hashtag:#حكومة_الوفاق"];
    bare_hash: "# عنوان" => ["other:#", "ar:عنوان"];
    latin_words: "F-16 al-Sisi don't" => ["latin:F-16", "latin:al-Sisi", "latin:don't"];
    mixed_rtl_ltr: "أعلن الـ NATO أمس" => ["ar:أعلن", "ar:الـ", "latin:NATO", "ar:أمس"];
    ellipsis_and_dashes: "انتهى… – نعم" => ["ar:انتهى", "punct:…", "punct:–", "ar:نعم"];
    presentation_forms_are_arabic: "ﻻ ﷲ" => ["ar:ﻻ", "ar:ﷲ"];
    bidi_controls_are_skipped: "\u{200F}حفتر\u{200E} \u{FEFF}" => ["ar:حفتر"];
    emoji: "خبر 🔥" => ["ar:خبر", "other:🔥"];
    empty: "" => [];
    only_space: " \n\t\u{00A0}" => [];
}

#[test]
fn spans_are_chars_and_bytes() {
    let text = "قال: «حفتر»";
    let tokens = tokenize(text);
    let t = &tokens[3];
    assert_eq!(t.text(text), "حفتر");
    assert_eq!((t.start, t.end), (6, 10));
    assert_eq!(&text[t.bytes()], "حفتر");
    let by_chars: String = text.chars().skip(t.start).take(t.end - t.start).collect();
    assert_eq!(by_chars, "حفتر");
}

#[test]
fn long_run_without_space_is_one_token() {
    let text = "ب".repeat(1 << 20);
    let tokens = tokenize(&text);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].end, 1 << 20);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn newsish() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(vec![
                    "قال", "حفتر", " ", " ", "\n", "\n\n", "،", ".", "؟", "«", "»", "\"", "3", ".5",
                    "٢٠١٦", "/", ":", "-", "@", "#", "_", "http://", "www.", "a", "Z", "é", "ـ",
                    "\u{064E}", "\u{0651}", "\u{200C}", "\u{200F}", "\u{FEFF}", "ﻻ", "🔥", "\u{FFFD}",
                ]).prop_map(str::to_string),
                1 => any::<char>().prop_map(|c| c.to_string()),
            ],
            0..48,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn tokens_tile_the_non_space_text(s in newsish()) {
            let tokens = tokenize(&s);
            let mut last_byte = 0;
            for t in &tokens {
                prop_assert!(t.byte_start >= last_byte && t.byte_end > t.byte_start);
                // Whatever lies between tokens is whitespace or invisible controls.
                for c in s[last_byte..t.byte_start].chars() {
                    prop_assert!(c.is_whitespace() || crate::chars::is_invisible_control(c), "{c:?}");
                }
                // Char and byte spans agree.
                prop_assert_eq!(s[..t.byte_start].chars().count(), t.start);
                prop_assert_eq!(t.text(&s).chars().count(), t.end - t.start);
                last_byte = t.byte_end;
            }
            for c in s[last_byte..].chars() {
                prop_assert!(c.is_whitespace() || crate::chars::is_invisible_control(c));
            }
        }

        #[test]
        fn arbitrary_strings_never_panic(s in any::<String>()) {
            let _ = tokenize(&s);
        }

        #[test]
        fn lossy_decoded_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            // Invalid surrogates and broken sequences arrive as U+FFFD after lossy decoding.
            let s = String::from_utf8_lossy(&bytes);
            let _ = tokenize(&s);
        }
    }
}
