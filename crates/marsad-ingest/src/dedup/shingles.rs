//! Normalized token hashes and word shingles, the units both dedup passes compare.

use marsad_arabic::normalize::{Folds, normalize_into};
use marsad_arabic::token::{TokenKind, tokenize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Words per shingle. Five Arabic words are specific enough that unrelated articles rarely
/// share one, and short enough that a one-word edit changes only five.
pub const SHINGLE_WORDS: usize = 5;

/// The normalized content of a text: the hash of every word and number token after
/// marsad's search folds (diacritics, alef/yeh/teh forms, digits, case).
pub fn token_hashes(text: &str, buf: &mut String) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 8);
    for t in tokenize(text) {
        if !(t.kind.is_word() || t.kind == TokenKind::Number) {
            continue;
        }
        buf.clear();
        normalize_into(t.text(text), Folds::SEARCH, buf);
        if !buf.is_empty() {
            out.push(xxh3_64(buf.as_bytes()));
        }
    }
    out
}

/// A 128-bit hash of the normalized token sequence: equal for texts that differ only in
/// spacing, punctuation, diacritics or letter-form variants.
pub fn content_hash(tokens: &[u64]) -> u128 {
    let mut h = Xxh3::new();
    for t in tokens {
        h.update(&t.to_le_bytes());
    }
    h.digest128()
}

/// The sorted, de-duplicated set of shingle hashes. Texts shorter than a shingle give one
/// shingle of all their words.
pub fn shingles(tokens: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = if tokens.len() < SHINGLE_WORDS {
        if tokens.is_empty() {
            Vec::new()
        } else {
            vec![combine(tokens)]
        }
    } else {
        tokens.windows(SHINGLE_WORDS).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn combine(w: &[u64]) -> u64 {
    // Order-sensitive mix of word hashes (a polynomial with an odd multiplier, then a
    // finalizer), cheaper than hashing bytes again.
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for &x in w {
        h = (h ^ x).wrapping_mul(0x100_0000_01B3).rotate_left(29);
    }
    super::minhash::mix(h)
}

/// |A ∩ B| for two sorted sets.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_make_variants_equal() {
        let mut buf = String::new();
        let a = token_hashes("قالَ الرئيسُ: إنّ المدينة ٣ أحياء.", &mut buf);
        let b = token_hashes("قال  الرئيس ان المدينه 3 احياء", &mut buf);
        assert_eq!(content_hash(&a), content_hash(&b));
        let c = token_hashes("قال الوزير ان المدينه 3 احياء", &mut buf);
        assert_ne!(content_hash(&a), content_hash(&c));
    }

    #[test]
    fn one_word_edit_changes_at_most_five_shingles() {
        let mut buf = String::new();
        let base = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد عشر اثنا عشر";
        let edited = base.replace("ستة", "ستون");
        let a = shingles(&token_hashes(base, &mut buf));
        let b = shingles(&token_hashes(&edited, &mut buf));
        assert_eq!(a.len(), b.len());
        assert_eq!(a.len() - intersection(&a, &b), SHINGLE_WORDS);
    }
}
