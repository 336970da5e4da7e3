use super::*;

/// Table-driven: (input, folds, expected).
macro_rules! test_normalizer {
    ($($name:ident: $input:expr, $folds:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let n = normalize($input, $folds);
            assert_eq!(n.text, $expected, "normalize({:?}, {:?})", $input, $folds);
            let mut fast = String::new();
            normalize_into($input, $folds, &mut fast);
            assert_eq!(fast, $expected, "normalize_into disagrees with normalize");
            assert_eq!(n.map.len(), n.text.chars().count());
        }
    )*};
}

test_normalizer! {
    presentation_lam_alef: "ﻻ", Folds::NFKC => "لا";
    presentation_allah: "ﷲ", Folds::NFKC => "الله";
    presentation_isolated_beh: "ﺏ", Folds::NFKC => "ب";
    presentation_off_keeps_form: "ﻻ", Folds::DIACRITICS => "ﻻ";
    fatha_kasra_damma: "مَبْنِيٌّ", Folds::DIACRITICS => "مبني";
    tanween: "ولداً ولدٍ ولدٌ", Folds::DIACRITICS => "ولدا ولد ولد";
    superscript_alef: "هٰذا", Folds::DIACRITICS => "هذا";
    quranic_marks: "الْكِتَٰبُ ۖ", Folds::DIACRITICS => "الكتب ";
    tatweel: "جمـــيل", Folds::TATWEEL => "جميل";
    tatweel_off: "جمـــيل", Folds::DIACRITICS => "جمـــيل";
    controls: "\u{FEFF}حف\u{200C}تر\u{200F}\u{061C}", Folds::CONTROLS => "حفتر";
    zwj_lrm_rlm: "a\u{200D}b\u{200E}c\u{200F}", Folds::CONTROLS => "abc";
    arabic_indic_digits: "٢٠١٦/٠٥/٢٤", Folds::DIGITS => "2016/05/24";
    persian_digits: "۱۳۹۵", Folds::DIGITS => "1395";
    arabic_decimal_separator: "٣٫٥", Folds::DIGITS => "3.5";
    persian_letters: "کرکوک یی ے", Folds::PERSIAN => "كركوك يي ي";
    alef_forms: "أحمد إسلام آمن ٱلله", Folds::ALEF => "احمد اسلام امن الله";
    alef_maksura: "مستشفى", Folds::ALEF_MAKSURA => "مستشفي";
    teh_marbuta: "فاطمة", Folds::TEH_MARBUTA => "فاطمه";
    waw_hamza: "مؤتمر", Folds::WAW_HAMZA => "موتمر";
    yeh_hamza: "رئيس", Folds::YEH_HAMZA => "رييس";
    lossy_folds_are_separate: "أسرة", Folds::TEH_MARBUTA => "أسره";
    lowercase: "NATO Élysée", Folds::LOWERCASE => "nato élysée";
    lucene_leaves_wasla: "ٱ", Folds::LUCENE => "ٱ";
    lucene_leaves_hamza_seats: "مؤتمر رئيس", Folds::LUCENE => "مؤتمر رئيس";
    lucene_keeps_quranic_marks: "ۖ", Folds::LUCENE => "ۖ";
    search_everything: "وَالمُفاوَضَاتُ ﻻ تُنسى", Folds::SEARCH => "والمفاوضات لا تنسي";
    empty: "", Folds::SEARCH => "";
    lone_marks: "\u{064E}\u{0651}", Folds::DIACRITICS => "";
    mixed_rtl_ltr: "قال Obama إن", Folds::SEARCH => "قال obama ان";
}

#[test]
fn offsets_map_back_over_dropped_marks() {
    let original = "المُفاوَضاتُ حولَ";
    let n = normalize(original, Folds::LOSSLESS);
    assert_eq!(n.text, "المفاوضات حول");
    // "المفاوضات" is chars 0..9 of the normalized text; in the original it runs to the
    // end of the damma on the ta.
    let span = n.map.to_original(0..9);
    let orig: String = original.chars().skip(span.start).take(span.len()).collect();
    assert_eq!(orig, "المُفاوَضاتُ");
    let span = n.map.to_original(10..13);
    let orig: String = original.chars().skip(span.start).take(span.len()).collect();
    assert_eq!(orig, "حولَ");
}

#[test]
fn offsets_map_back_into_expansions() {
    let original = "قال ﷲ";
    let n = normalize(original, Folds::NFKC);
    assert_eq!(n.text, "قال الله");
    // Any part of the expansion maps to the one ligature it came from.
    assert_eq!(n.map.to_original(4..8), 4..5);
    assert_eq!(n.map.to_original(5..6), 4..5);
    assert_eq!(n.map.to_original(0..3), 0..3);
}

#[test]
fn offsets_with_leading_dropped_chars() {
    let n = normalize("\u{FEFF}\u{200F}حفتر", Folds::LOSSLESS);
    assert_eq!(n.text, "حفتر");
    assert_eq!(n.map.to_original(0..4), 2..6);
    assert_eq!(n.map.to_original(4..4), 6..6);
}

#[test]
fn fold_names_round_trip() {
    for folds in [
        Folds::LOSSLESS,
        Folds::LOSSY,
        Folds::SEARCH,
        Folds::ALEF | Folds::DIGITS,
    ] {
        let names = folds.names().join(",");
        assert_eq!(Folds::parse(&names), Some(folds), "{names}");
    }
    assert_eq!(Folds::parse("search"), Some(Folds::SEARCH));
    assert_eq!(Folds::parse("no-such-fold"), None);
}

#[test]
fn length_preservation_is_reported_honestly() {
    assert!(Folds::LOSSY.preserves_length());
    assert!(!Folds::LOSSLESS.preserves_length());
    for folds in [Folds::LOSSY, Folds::ALEF | Folds::DIGITS | Folds::PERSIAN] {
        let text = "أحمد ٣ کتاب مؤتمر رئيسة مستشفى";
        let n = normalize(text, folds);
        assert_eq!(n.text.chars().count(), text.chars().count(), "{folds:?}");
    }
}

#[test]
fn is_normalized_agrees() {
    assert!(is_normalized("حفتر", Folds::SEARCH));
    assert!(!is_normalized("أحمد", Folds::SEARCH));
    assert!(!is_normalized("قالَ", Folds::LOSSLESS));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arabicish() -> impl Strategy<Value = String> {
        // Arabic letters, marks, tatweel, controls, presentation forms, digits, Latin, space.
        prop::collection::vec(
            prop_oneof![
                0x0600u32..0x0700,
                0xFB50u32..0xFDFF,
                0xFE70u32..0xFEFF,
                0x2000u32..0x2070,
                0x20u32..0x7F,
                Just(0x0640u32),
            ]
            .prop_filter_map("valid char", char::from_u32),
            0..64,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn never_panics_and_map_is_monotone(s in arabicish(), bits in 0u16..(1 << 12)) {
            let folds = Folds(bits);
            let n = normalize(&s, folds);
            let orig_len = s.chars().count();
            prop_assert_eq!(n.map.len(), n.text.chars().count());
            prop_assert_eq!(n.map.original_len(), orig_len);
            let mut last = 0;
            for i in 0..n.map.len() {
                let r = n.map.to_original(i..i + 1);
                prop_assert!(r.start < r.end && r.end <= orig_len);
                prop_assert!(r.start >= last);
                last = r.start;
            }
            let mut fast = String::new();
            normalize_into(&s, folds, &mut fast);
            prop_assert_eq!(fast, n.text);
        }

        #[test]
        fn any_string_is_safe(s in any::<String>()) {
            let n = normalize(&s, Folds::SEARCH);
            let _ = n.map.to_original(0..n.map.len() + 3);
        }

        #[test]
        fn normalization_is_idempotent(s in arabicish()) {
            let once = normalize(&s, Folds::SEARCH).text;
            let twice = normalize(&once, Folds::SEARCH).text;
            prop_assert_eq!(once, twice);
        }
    }
}
