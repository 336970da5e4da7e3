//! The model: weights plus the cluster table, and its binary file format.
//!
//! A model file is one zstd frame holding (all integers little-endian):
//!
//! ```text
//! magic "MARSAD-NER\n"  u32 format version  u32 feature version  u32 tag count
//! u64 gazetteer fingerprint   u32 length + UTF-8 description
//! f32 O penalty
//! weights of the first pass:
//!   (tags + 1) × tags f32     transitions, row = previous tag (last row: sentence start)
//!   u64 n   n × u64           feature keys, ascending
//!           n × tags f32      weights
//! u32 window                  sentences on each side the second pass sees; 0: no second pass
//! weights of the second pass, as above (only when window > 0)
//! u64 length + UTF-8          the name lexicon (see lexicon.rs); length 0 for none
//! u64 length + UTF-8          the clusters file (see clusters.rs)
//! ```

use super::clusters::Clusters;
use super::decode::Transitions;
use super::features::{FEATURE_VERSION, SentenceFeatures};
use super::lexicon::Lexicon;
use super::tags::NUM_TAGS;
use crate::error::{Error, ErrorKind, Result};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const MAGIC: &[u8] = b"MARSAD-NER\n";
const FORMAT_VERSION: u32 = 2;

/// Feature weights and transition scores.
#[derive(Debug, Clone)]
pub struct Weights {
    keys: Vec<u64>,
    rows: Vec<[f32; NUM_TAGS]>,
    /// Key → row, built on first use: training scores with it, while a loaded model tags
    /// through [`Fused`] and never needs it.
    index: OnceLock<FxHashMap<u64, u32>>,
    /// Transition scores.
    pub trans: Transitions,
}

impl Weights {
    /// Weights from ascending `keys` and their rows.
    pub fn new(keys: Vec<u64>, rows: Vec<[f32; NUM_TAGS]>, trans: Transitions) -> Weights {
        Weights {
            keys,
            rows,
            index: OnceLock::new(),
            trans,
        }
    }

    fn index(&self) -> &FxHashMap<u64, u32> {
        self.index.get_or_init(|| {
            self.keys
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, i as u32))
                .collect()
        })
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
        let index = self.index();
        for i in 0..features.len() {
            let mut e = [0f32; NUM_TAGS];
            for k in features.token(i).iter().chain(features.token_extra(i)) {
                if let Some(&f) = index.get(k) {
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

/// Feature key → row index, for tagging: open addressing with linear probing over a
/// power-of-two table at most half full, keys and row indices in two parallel arrays. Keys
/// are XXH3 hashes, so a key's own top bits are its home slot and it needs no hashing; a
/// lookup reads one slot of each array (both addresses known at once) and rarely a second.
/// A `HashMap<u64, u32>` reads a control group, then the bucket, one after the other.
#[derive(Debug, Clone)]
pub(crate) struct KeyTable {
    /// `64 - log2(capacity)`: a key's home slot is `key >> shift`.
    shift: u32,
    /// Keys by slot; 0 marks an empty slot.
    slots: Vec<u64>,
    /// The value of the key in the same slot.
    values: Vec<u32>,
    /// The value of key 0, which cannot be stored in a slot.
    zero: Option<u32>,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable::new(&[])
    }
}

impl KeyTable {
    /// The table mapping `keys[i]` to `i` (keys distinct).
    pub(crate) fn new(keys: &[u64]) -> KeyTable {
        // At least twice as many slots as keys (and at least two, so the shift is below 64).
        let bits = (usize::BITS - (2 * keys.len()).leading_zeros()).clamp(1, 32);
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u64; mask + 1];
        let mut values = vec![0u32; mask + 1];
        let mut zero = None;
        for (v, &k) in keys.iter().enumerate() {
            if k == 0 {
                zero = Some(v as u32);
                continue;
            }
            let mut i = (k >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = k;
            values[i] = v as u32;
        }
        KeyTable {
            shift,
            slots,
            values,
            zero,
        }
    }

    /// The value of `key`, or `None`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize;
        loop {
            let k = self.slots[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The weights of both passes under one index, for tagging: each key of a token is looked up
/// once, and its row holds the first-pass weights then the second-pass weights (zeros where a
/// pass has none), so both passes cost little more than one.
#[derive(Debug, Clone)]
pub struct Fused {
    table: KeyTable,
    /// The row of each key of `table`, in the same order, then one row of zeros that
    /// unknown keys read (adding +0.0 leaves a sum that starts at +0.0 unchanged, so the
    /// scores are exactly those of skipping them, without a branch per key).
    rows: Vec<[f32; 2 * NUM_TAGS]>,
    second: bool,
}

impl Default for Fused {
    fn default() -> Self {
        Fused {
            table: KeyTable::default(),
            rows: vec![[0f32; 2 * NUM_TAGS]],
            second: false,
        }
    }
}

impl Fused {
    /// The fused table of `first` and, if any, `second`.
    pub fn new(first: &Weights, second: Option<&Weights>) -> Fused {
        let empty = Weights::empty();
        let w2 = second.unwrap_or(&empty);
        let (a, b) = (&first.keys, &w2.keys);
        let mut keys = Vec::with_capacity(a.len() + b.len());
        let mut rows = Vec::with_capacity(a.len() + b.len() + 1);
        // Both key lists are ascending: merge them.
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let mut row = [0f32; 2 * NUM_TAGS];
            let take_a = j == b.len() || (i < a.len() && a[i] <= b[j]);
            let take_b = i == a.len() || (j < b.len() && b[j] <= a[i]);
            let key = if take_a { a[i] } else { b[j] };
            if take_a {
                row[..NUM_TAGS].copy_from_slice(&first.rows[i]);
                i += 1;
            }
            if take_b {
                row[NUM_TAGS..].copy_from_slice(&w2.rows[j]);
                j += 1;
            }
            keys.push(key);
            rows.push(row);
        }
        rows.push([0f32; 2 * NUM_TAGS]);
        Fused {
            table: KeyTable::new(&keys),
            rows,
            second: second.is_some(),
        }
    }

    /// The row of `key`: its weights, or the zero row (the last) when the model does not
    /// know it.
    #[inline]
    fn row(&self, key: u64) -> &[f32; 2 * NUM_TAGS] {
        let zero = self.rows.len() - 1;
        &self.rows[self.table.get(key).map_or(zero, |r| r as usize)]
    }

    /// First-pass emission scores of each token into `first`, and — when there is a second
    /// pass — its scores from the same keys into `second` (the second-pass keys are added by
    /// [`Fused::add_second`]).
    #[inline]
    pub fn emissions(
        &self,
        features: &SentenceFeatures,
        first: &mut Vec<[f32; NUM_TAGS]>,
        second: &mut Vec<[f32; NUM_TAGS]>,
    ) {
        first.clear();
        second.clear();
        for i in 0..features.len() {
            let mut e = [0f32; 2 * NUM_TAGS];
            for &k in features.token(i) {
                let row = self.row(k);
                for y in 0..2 * NUM_TAGS {
                    e[y] += row[y];
                }
            }
            let (a, b) = e.split_at(NUM_TAGS);
            first.push(a.try_into().unwrap_or([0.0; NUM_TAGS]));
            if self.second {
                second.push(b.try_into().unwrap_or([0.0; NUM_TAGS]));
            }
        }
    }

    /// Adds the second-pass weights of the second-pass keys of each token to `second`.
    #[inline]
    pub fn add_second(&self, features: &SentenceFeatures, second: &mut [[f32; NUM_TAGS]]) {
        for (i, e) in second.iter_mut().enumerate().take(features.len()) {
            for &k in features.token_extra(i) {
                let row = self.row(k);
                for y in 0..NUM_TAGS {
                    e[y] += row[NUM_TAGS + y];
                }
            }
        }
    }
}

/// Everything a model file holds.
#[derive(Debug, Clone)]
pub struct ModelData {
    /// The weights.
    pub weights: Weights,
    /// The second pass, if any: its window (sentences on each side) and weights.
    pub doc: Option<(usize, Weights)>,
    /// Subtracted from the `O` score of every token before decoding.
    pub o_penalty: f32,
    /// The name lexicon the features were computed with, if any.
    pub lexicon: Option<Lexicon>,
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
        out.extend_from_slice(&self.o_penalty.to_le_bytes());
        write_weights(w, &mut out);
        match &self.doc {
            Some((window, w2)) if *window > 0 => {
                out.extend_from_slice(&(*window as u32).to_le_bytes());
                write_weights(w2, &mut out);
            }
            _ => out.extend_from_slice(&0u32.to_le_bytes()),
        }
        let lexicon = self
            .lexicon
            .as_ref()
            .map(Lexicon::to_text)
            .unwrap_or_default();
        out.extend_from_slice(&(lexicon.len() as u64).to_le_bytes());
        out.extend_from_slice(lexicon.as_bytes());
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
        let o_penalty = r.f32().ok_or_else(|| bad("truncated"))?;
        let weights = read_weights(&mut r, raw.len())?;
        let window = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        let doc = if window > 0 {
            Some((window, read_weights(&mut r, raw.len())?))
        } else {
            None
        };
        let llen = r.u64().ok_or_else(|| bad("truncated"))? as usize;
        let ltext = std::str::from_utf8(r.take(llen).ok_or_else(|| bad("truncated"))?)
            .map_err(|_| bad("lexicon is not UTF-8"))?;
        let lexicon = if ltext.is_empty() {
            None
        } else {
            Some(Lexicon::parse(ltext).map_err(|e| e.in_source("model lexicon"))?)
        };
        let clen = r.u64().ok_or_else(|| bad("truncated"))? as usize;
        let ctext = std::str::from_utf8(r.take(clen).ok_or_else(|| bad("truncated"))?)
            .map_err(|_| bad("clusters are not UTF-8"))?;
        let clusters = Clusters::parse(ctext).map_err(|e| e.in_source("model clusters"))?;
        if r.at != raw.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(ModelData {
            weights,
            doc,
            o_penalty,
            lexicon,
            clusters,
            description,
            gazetteer_fingerprint,
        })
    }
}

fn write_weights(w: &Weights, out: &mut Vec<u8>) {
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
}

fn read_weights(r: &mut Reader<'_>, file_len: usize) -> Result<Weights> {
    let bad = |what: &str| Error::new(ErrorKind::BadModel(what.to_string()));
    let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
    for row in trans.iter_mut() {
        for x in row.iter_mut() {
            *x = r.f32().ok_or_else(|| bad("truncated"))?;
        }
    }
    let n = r.u64().ok_or_else(|| bad("truncated"))? as usize;
    if n > file_len / 8 {
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
    Ok(Weights::new(keys, rows, trans))
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
            doc: Some((
                7,
                Weights::new(
                    vec![4],
                    vec![[0.25; NUM_TAGS]],
                    [[0.5; NUM_TAGS]; NUM_TAGS + 1],
                ),
            )),
            o_penalty: 1.5,
            lexicon: Some(
                Lexicon::parse("# marsad name lexicon v1\nحفتر\t1\t9\t0\t0\t0\n").unwrap(),
            ),
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
        assert_eq!(back.o_penalty, 1.5);
        let (window, w2) = back.doc.as_ref().unwrap();
        assert_eq!(*window, 7);
        assert_eq!(w2.keys, [4]);
        assert_eq!(w2.trans, [[0.5; NUM_TAGS]; NUM_TAGS + 1]);
        assert_eq!(back.lexicon, m.lexicon);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The key table answers exactly what a `HashMap` of the same keys answers, for keys
        /// in it and not, with key 0 and with many keys crowding the same home slots (top
        /// bits shared) so that probing wraps around the table's end.
        #[test]
        fn key_table_is_a_map(
            keys in proptest::collection::hash_set(proptest::prelude::any::<u64>(), 0..300),
            crowded in proptest::collection::hash_set(0u64..64, 0..40),
            probes in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..100),
            with_zero in proptest::prelude::any::<bool>(),
        ) {
            let mut keys: Vec<u64> = keys.into_iter().collect();
            // Keys whose top bits are all ones: their home is the last slot.
            keys.extend(crowded.iter().map(|&c| u64::MAX - c));
            if with_zero {
                keys.push(0);
            }
            keys.sort_unstable();
            keys.dedup();
            let table = KeyTable::new(&keys);
            let map: FxHashMap<u64, u32> =
                keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
            for k in keys.iter().chain(&probes).chain(&[0, 1, u64::MAX]) {
                proptest::prop_assert_eq!(table.get(*k), map.get(k).copied(), "key {}", k);
            }
        }
    }

    #[test]
    fn fused_rows_hold_both_passes() {
        let t = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        let first = Weights::new(vec![2, 5], vec![[1.0; NUM_TAGS], [2.0; NUM_TAGS]], t);
        let second = Weights::new(vec![5, 9], vec![[3.0; NUM_TAGS], [4.0; NUM_TAGS]], t);
        let fused = Fused::new(&first, Some(&second));
        let row = |k: u64| {
            let r = fused.row(k);
            (r[0], r[NUM_TAGS])
        };
        assert_eq!(row(2), (1.0, 0.0));
        assert_eq!(row(5), (2.0, 3.0));
        assert_eq!(row(9), (0.0, 4.0));
        assert_eq!(row(7), (0.0, 0.0));
        let alone = Fused::new(&first, None);
        assert_eq!(alone.row(9)[NUM_TAGS], 0.0);
        assert_eq!(Fused::default().row(2), &[0.0; 2 * NUM_TAGS]);
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
