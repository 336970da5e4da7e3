//! One-permutation MinHash with densification, and LSH banding over it.
//!
//! Classic MinHash hashes every shingle K times; one-permutation hashing (Li, Owen & Zhang,
//! 2012) hashes it once, sends it to one of K bins and keeps each bin's minimum, which
//! costs O(shingles) instead of O(K × shingles). Empty bins borrow the next non-empty
//! bin's value, offset by the distance (Shrivastava & Li, 2014), so short texts still
//! give full signatures.

/// Signature length (bins).
pub const BINS: usize = 64;
/// LSH bands; rows per band = BINS / BANDS. With 16 × 4, pairs at Jaccard 0.7 become
/// candidates with probability 0.99, pairs at 0.3 with probability 0.12.
pub const BANDS: usize = 16;
const ROWS: usize = BINS / BANDS;

/// The splitmix64 finalizer: a cheap, well-mixed 64-bit permutation.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A MinHash signature.
pub type Signature = [u32; BINS];

/// The signature of a set of shingle hashes; `None` for an empty set.
pub fn signature(shingles: &[u64]) -> Option<Signature> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = [u32::MAX; BINS];
    let mut filled = [false; BINS];
    for &s in shingles {
        let h = mix(s);
        let bin = (h >> 58) as usize; // top 6 bits: 64 bins
        let v = h as u32;
        if v <= sig[bin] {
            sig[bin] = v;
            filled[bin] = true;
        }
    }
    // Densify: an empty bin takes the next filled bin to its right, offset by distance.
    let src = sig;
    for b in 0..BINS {
        if filled[b] {
            continue;
        }
        let mut d = 1;
        while !filled[(b + d) % BINS] {
            d += 1;
        }
        sig[b] = mix(u64::from(src[(b + d) % BINS]) ^ (d as u64).wrapping_mul(0x9E37_79B9)) as u32;
    }
    Some(sig)
}

/// The hash of band `band` of a signature, for bucketing.
pub fn band_key(sig: &Signature, band: usize) -> u64 {
    let mut h = band as u64;
    for &v in &sig[band * ROWS..(band + 1) * ROWS] {
        h = mix(h ^ u64::from(v));
    }
    h
}

/// The fraction of equal bins: an estimate of the Jaccard similarity.
pub fn estimate(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / BINS as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimate_tracks_jaccard() {
        // Sets with a known Jaccard of 600 / 1400 ≈ 0.43 and 900 / 1100 ≈ 0.82.
        let a: Vec<u64> = (0..1000).collect();
        let b: Vec<u64> = (400..1400).collect();
        let c: Vec<u64> = (100..1100).collect();
        let (sa, sb, sc) = (
            signature(&a).unwrap(),
            signature(&b).unwrap(),
            signature(&c).unwrap(),
        );
        assert!(
            (estimate(&sa, &sb) - 0.43).abs() < 0.15,
            "{}",
            estimate(&sa, &sb)
        );
        assert!(
            (estimate(&sa, &sc) - 0.82).abs() < 0.12,
            "{}",
            estimate(&sa, &sc)
        );
        assert_eq!(estimate(&sa, &sa), 1.0);
    }

    #[test]
    fn tiny_sets_get_full_signatures() {
        let s = signature(&[42]).unwrap();
        assert!(s.iter().all(|&v| v != u32::MAX));
        assert!(signature(&[]).is_none());
    }
}
