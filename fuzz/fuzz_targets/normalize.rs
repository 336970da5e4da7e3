//! Normalizer on arbitrary text with arbitrary folds: no panic, and the offset map stays
//! within the original and monotone.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_arabic::normalize::{Folds, normalize, normalize_into};

fuzz_target!(|data: &[u8]| {
    let Some((&bits, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let all = [
        Folds::NFKC, Folds::DIACRITICS, Folds::TATWEEL, Folds::CONTROLS, Folds::DIGITS,
        Folds::PERSIAN, Folds::ALEF, Folds::ALEF_MAKSURA, Folds::TEH_MARBUTA,
        Folds::LOWERCASE,
    ];
    let folds = all
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << (i % 8)) != 0)
        .fold(Folds::NONE, |acc, (_, f)| acc | *f);
    let n = normalize(&text, folds);
    let original_len = text.chars().count();
    let mut prev = 0;
    for i in 0..n.map.len() {
        let r = n.map.to_original(i..i + 1);
        assert!(r.start >= prev && r.start < r.end && r.end <= original_len);
        prev = r.start;
    }
    let mut fast = String::new();
    normalize_into(&text, folds, &mut fast);
    assert_eq!(fast, n.text);
});
