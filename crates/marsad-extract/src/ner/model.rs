//! The model: weights plus the cluster table, and its binary file format.
//!
//! A model file is one zstd frame holding (all integers little-endian):
//!
//! ```text
//! magic "MARSAD-NER\n"  u32 format version  u32 feature version  u32 tag count
//! u64 gazetteer fingerprint   u32 length + UTF-8 description
//! (tags + 1) × tags f32       transitions, row = previous tag (last row: sentence start)
//! u64 n   n × u64             feature keys, ascending
//!         n × tags f32        weights
//! u64 length + UTF-8          the clusters file (see clusters.rs)
//! ```

use super::clusters::Clusters;
use super::decode::Transitions;
use super::features::{FEATURE_VERSION, SentenceFeatures};
use super::tags::NUM_TAGS;
use crate::error::{Error, ErrorKind, Result};
use rustc_hash::FxHashMap;

const MAGIC: &[u8] = b"MARSAD-NER\n";
const FORMAT_VERSION: u32 = 1;

/// Feature weights and transition scores.
#[derive(Debug, Clone)]
pub struct Weights {
    keys: Vec<u64>,
    rows: Vec<[f32; NUM_TAGS]>,
    index: FxHashMap<u64, u32>,
    /// Transition scores.
    pub trans: Transitions,
}

impl Weights {
    /// Weights from ascending `keys` and their rows.
    pub fn new(keys: Vec<u64>, rows: Vec<[f32; NUM_TAGS]>, trans: Transitions) -> Weights {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        Weights {
            keys,
            rows,
            index,
            trans,
        }
    }

    /// An empty model: every token is `O`.
    pub fn empty() -> Weights {
        Weights::new(Vec::new(), Vec::new(), [[0.0; NUM_TAGS]; NUM_TAGS + 1])
    }

    /// The mean of several weight sets (a feature missing from one counts as zero there):
    /// averaging perceptrons trained in different orders is a cheap ensemble that costs
    /// nothing at tagging time.
    pub fn average(members: &[Weights]) -> Weights {
        let k = members.len().max(1) as f32;
        let mut keys: Vec<u64> = members
            .iter()
            .flat_map(|m| m.keys.iter().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut rows = vec![[0f32; NUM_TAGS]; keys.len()];
        let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        for m in members {
            // Both key lists are ascending: merge them.
            let mut j = 0;
            for (key, row) in m.keys.iter().zip(&m.rows) {
                while keys[j] < *key {
                    j += 1;
                }
                for y in 0..NUM_TAGS {
                    rows[j][y] += row[y] / k;
                }
            }
            for (p, row) in m.trans.iter().enumerate() {
                for y in 0..NUM_TAGS {
                    trans[p][y] += row[y] / k;
                }
            }
        }
        Weights::new(keys, rows, trans)
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Emission scores of each token of `features`.
    #[inline]
    pub fn emissions(&self, features: &SentenceFeatures, out: &mut Vec<[f32; NUM_TAGS]>) {
        out.clear();
        for i in 0..features.len() {
            let mut e = [0f32; NUM_TAGS];
            for k in features.token(i) {
                if let Some(&f) = self.index.get(k) {
                    let row = &self.rows[f as usize];
                    for y in 0..NUM_TAGS {
                        e[y] += row[y];
                    }
                }
            }
            out.push(e);
        }
    }
}

/// Everything a model file holds.
#[derive(Debug, Clone)]
pub struct ModelData {
    /// The weights.
    pub weights: Weights,
    /// The cluster table the features were computed with.
    pub clusters: Clusters,
    /// Training settings and data description.
    pub description: String,
    /// Fingerprint of the gazetteer the model was trained with.
    pub gazetteer_fingerprint: u64,
}

impl ModelData {
    /// Serializes and compresses.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let w = &self.weights;
        let mut out = Vec::with_capacity(16 + w.keys.len() * (8 + 4 * NUM_TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.gazetteer_fingerprint.to_le_bytes());
        out.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        out.extend_from_slice(self.description.as_bytes());
        for row in &w.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out.extend_from_slice(&(w.keys.len() as u64).to_le_bytes());
        for k in &w.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for row in &w.rows {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let clusters = self.clusters.to_text();
        out.extend_from_slice(&(clusters.len() as u64).to_le_bytes());
        out.extend_from_slice(clusters.as_bytes());
        Ok(zstd::bulk::compress(&out, 19)?)
    }

    /// Decompresses and parses a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelData> {
        let bad = |what: &str| Error::new(ErrorKind::BadModel(what.to_string()));
        let raw = zstd::stream::decode_all(bytes).map_err(|_| bad("not a zstd frame"))?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.take(MAGIC.len()).ok_or_else(|| bad("truncated"))? != MAGIC {
            return Err(bad("wrong magic"));
        }
        let version = r.u32().ok_or_else(|| bad("truncated"))?;
        if version != FORMAT_VERSION {
            return Err(bad(&format!(
                "format version {version}, expected {FORMAT_VERSION}"
            )));
        }
        let fv = r.u32().ok_or_else(|| bad("truncated"))?;
        if fv != FEATURE_VERSION {
            return Err(bad(&format!(
                "feature version {fv}, this build computes version {FEATURE_VERSION}; retrain with `marsad train ner`"
            )));
        }
        if r.u32() != Some(NUM_TAGS as u32) {
            return Err(bad("tag count"));
        }
        let gazetteer_fingerprint = r.u64().ok_or_else(|| bad("truncated"))?;
        let dlen = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        let description = std::str::from_utf8(r.take(dlen).ok_or_else(|| bad("truncated"))?)
            .map_err(|_| bad("description is not UTF-8"))?
            .to_string();
        let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        for row in trans.iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32().ok_or_else(|| bad("truncated"))?;
            }
        }
        let n = r.u64().ok_or_else(|| bad("truncated"))? as usize;
        if n > raw.len() / 8 {
            return Err(bad("feature count larger than the file"));
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u64().ok_or_else(|| bad("truncated"))?);
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("feature keys not ascending"));
        }
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let mut row = [0f32; NUM_TAGS];
            for x in row.iter_mut() {
                *x = r.f32().ok_or_else(|| bad("truncated"))?;
            }
            rows.push(row);
        }
        let clen = r.u64().ok_or_else(|| bad("truncated"))? as usize;
        let ctext = std::str::from_utf8(r.take(clen).ok_or_else(|| bad("truncated"))?)
            .map_err(|_| bad("clusters are not UTF-8"))?;
        let clusters = Clusters::parse(ctext).map_err(|e| e.in_source("model clusters"))?;
        if r.at != raw.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(ModelData {
            weights: Weights::new(keys, rows, trans),
            clusters,
            description,
            gazetteer_fingerprint,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::WordInfo;

    fn sample() -> ModelData {
        let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        trans[NUM_TAGS][1] = 0.5;
        ModelData {
            weights: Weights::new(vec![3, 9], vec![[1.0; NUM_TAGS], [-2.5; NUM_TAGS]], trans),
            clusters: Clusters::from_words(
                vec![(
                    "لندن".into(),
                    WordInfo {
                        count: 4,
                        path: [1, 0, 2],
                    },
                )],
                vec![],
            ),
            description: "test".into(),
            gazetteer_fingerprint: 42,
        }
    }

    #[test]
    fn round_trips() {
        let m = sample();
        let bytes = m.to_bytes().unwrap();
        let back = ModelData::from_bytes(&bytes).unwrap();
        assert_eq!(back.weights.keys, m.weights.keys);
        assert_eq!(back.weights.rows, m.weights.rows);
        assert_eq!(back.weights.trans, m.weights.trans);
        assert_eq!(back.description, "test");
        assert_eq!(back.gazetteer_fingerprint, 42);
        assert_eq!(back.clusters.count("لندن"), 4);
        assert_eq!(back.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn average_merges_keys() {
        let t = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        let a = Weights::new(vec![1, 5], vec![[2.0; NUM_TAGS], [4.0; NUM_TAGS]], t);
        let b = Weights::new(vec![5, 7], vec![[2.0; NUM_TAGS], [6.0; NUM_TAGS]], t);
        let m = Weights::average(&[a, b]);
        assert_eq!(m.keys, vec![1, 5, 7]);
        assert_eq!(
            m.rows,
            vec![[1.0; NUM_TAGS], [3.0; NUM_TAGS], [3.0; NUM_TAGS]]
        );
    }

    #[test]
    fn rejects_garbage_and_truncation() {
        assert!(ModelData::from_bytes(b"").is_err());
        assert!(ModelData::from_bytes(b"hello").is_err());
        let raw = zstd::stream::decode_all(&sample().to_bytes().unwrap()[..]).unwrap();
        for cut in [0, 5, MAGIC.len() + 3, raw.len() / 2, raw.len() - 1] {
            let truncated = zstd::bulk::compress(&raw[..cut], 1).unwrap();
            assert!(ModelData::from_bytes(&truncated).is_err(), "cut at {cut}");
        }
    }
}
