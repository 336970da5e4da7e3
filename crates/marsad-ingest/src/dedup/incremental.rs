//! Duplicates across batches and runs: an index of the originals already stored, queried
//! by each new article's fingerprint.
//!
//! Within one batch, [`super::dedup_with`] compares exact shingle sets. Across batches only
//! the compact fingerprint is kept (the exact content hash and the MinHash signature, 272
//! bytes, see [`Compact`]), so near copies are confirmed on the signature's Jaccard
//! estimate instead: with 64 bins its standard error is about 0.06, so the threshold sits
//! a little above the within-batch one.

use super::Fingerprint;
use super::minhash::{self, BANDS, BINS, Signature};
use std::collections::HashMap;

/// Estimated Jaccard similarity above which a new article is a near copy of a stored one.
pub const NEAR_THRESHOLD: f64 = 0.75;

/// The part of a [`Fingerprint`] kept between runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compact {
    /// Hash of the normalized token sequence.
    pub exact: u128,
    /// MinHash signature of the shingles, when the text has any.
    pub signature: Option<Signature>,
}

impl Compact {
    /// Encodes as 16 bytes of hash (little-endian) followed, if present, by the 64 bins.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 4 * BINS);
        out.extend_from_slice(&self.exact.to_le_bytes());
        if let Some(sig) = &self.signature {
            for v in sig {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Decodes [`Compact::to_bytes`]; `None` for bytes of another shape.
    pub fn from_bytes(bytes: &[u8]) -> Option<Compact> {
        let exact = u128::from_le_bytes(bytes.get(..16)?.try_into().ok()?);
        let signature = match bytes.len() {
            16 => None,
            n if n == 16 + 4 * BINS => {
                let mut sig = [0u32; BINS];
                for (v, chunk) in sig.iter_mut().zip(bytes[16..].chunks_exact(4)) {
                    *v = u32::from_le_bytes(chunk.try_into().ok()?);
                }
                Some(sig)
            }
            _ => return None,
        };
        Some(Compact { exact, signature })
    }
}

impl From<&Fingerprint> for Compact {
    fn from(fp: &Fingerprint) -> Compact {
        Compact {
            exact: fp.exact,
            signature: fp.signature,
        }
    }
}

/// Originals seen so far, by exact hash and by LSH band.
#[derive(Debug, Default)]
pub struct SeenIndex {
    ids: Vec<String>,
    signatures: Vec<Option<Signature>>,
    exact: HashMap<u128, u32>,
    bands: Vec<HashMap<u64, Vec<u32>>>,
}

impl SeenIndex {
    /// An empty index.
    pub fn new() -> SeenIndex {
        SeenIndex {
            bands: vec![HashMap::new(); BANDS],
            ..SeenIndex::default()
        }
    }

    /// Number of originals indexed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds an original.
    pub fn insert(&mut self, id: &str, fp: &Compact) {
        let n = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.signatures.push(fp.signature);
        self.exact.entry(fp.exact).or_insert(n);
        if let Some(sig) = &fp.signature {
            for (band, buckets) in self.bands.iter_mut().enumerate() {
                buckets
                    .entry(minhash::band_key(sig, band))
                    .or_default()
                    .push(n);
            }
        }
    }

    /// The id of the earliest indexed original `fp` copies: the same content, or an
    /// estimated Jaccard similarity of at least [`NEAR_THRESHOLD`].
    pub fn find(&self, fp: &Compact) -> Option<&str> {
        if let Some(&i) = self.exact.get(&fp.exact) {
            return Some(&self.ids[i as usize]);
        }
        let sig = fp.signature.as_ref()?;
        let mut best: Option<u32> = None;
        for (band, buckets) in self.bands.iter().enumerate() {
            let Some(members) = buckets.get(&minhash::band_key(sig, band)) else {
                continue;
            };
            for &m in members {
                if best.is_some_and(|b| b <= m) {
                    continue;
                }
                let similar = self.signatures[m as usize]
                    .as_ref()
                    .is_some_and(|other| minhash::estimate(sig, other) >= NEAR_THRESHOLD);
                if similar {
                    best = Some(m);
                }
            }
        }
        best.map(|i| self.ids[i as usize].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::fingerprint;
    use marsad_core::{Article, Format, Source};

    fn article(body: &str) -> Article {
        let mut a = Article::new(Source::file("t.txt"), Format::Text);
        a.set_paragraphs([body]);
        a
    }

    const STORY: &str = "أعلنت وزارة الخارجية في بيان رسمي صدر صباح اليوم أنها استدعت سفير الدولة المجاورة \
        للاحتجاج على ما وصفته بالتدخل في الشؤون الداخلية، وأكدت أن الحكومة ستتخذ كل الإجراءات اللازمة \
        لحماية مصالحها، داعية إلى حوار جاد يفضي إلى حل الخلافات العالقة بين البلدين في أقرب وقت ممكن. \
        وأضاف البيان أن الوزير أجرى اتصالات مع عدد من نظرائه العرب والأوروبيين لشرح موقف بلاده، \
        وأن لجنة مشتركة ستجتمع الأسبوع المقبل لبحث ترسيم الحدود وتبادل المعلومات الأمنية وتنظيم حركة التجارة.";

    #[test]
    fn finds_exact_and_near_copies_and_nothing_else() {
        let mut seen = SeenIndex::new();
        let original = Compact::from(&fingerprint(&article(STORY)));
        seen.insert("orig", &original);
        assert_eq!(seen.find(&original), Some("orig"));
        // A syndicated copy: one word changed near the end.
        let edited = STORY.replace("التجارة", "البضائع");
        let near = Compact::from(&fingerprint(&article(&edited)));
        assert_ne!(near.exact, original.exact);
        assert_eq!(seen.find(&near), Some("orig"));
        let other = Compact::from(&fingerprint(&article(
            "فاز الفريق المحلي على ضيفه بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء أمس على الملعب البلدي وسط حضور جماهيري كبير.",
        )));
        assert_eq!(seen.find(&other), None);
    }

    #[test]
    fn bytes_round_trip() {
        let c = Compact::from(&fingerprint(&article(STORY)));
        assert_eq!(Compact::from_bytes(&c.to_bytes()), Some(c));
        let bare = Compact {
            exact: 7,
            signature: None,
        };
        assert_eq!(Compact::from_bytes(&bare.to_bytes()), Some(bare));
        assert_eq!(Compact::from_bytes(&[1, 2, 3]), None);
    }
}
