//! Document features for the second pass: how the first pass tagged the other mentions of a
//! word in the surrounding text.
//!
//! News repeats its names: an article introduces أسيك أبيدجان in one sentence and calls it
//! أسيك in the next five, and a name a sentence hides is often obvious in another. The first
//! pass tags every sentence alone; the second pass sees, for each token,
//!
//! * the first-pass tags of the token and its neighbours;
//! * the first-pass tags of the other mentions of its stem in the window of sentences around
//!   it (how many, which tags, which share);
//! * whether it lies inside a word sequence the first pass tagged as a name elsewhere in the
//!   window (رامسفيلد alone after دونالد رامسفيلد), and of which kind.
//!
//! The window is `window` sentences on each side: ANERcorp has no article boundaries, and a
//! fixed window makes training, evaluation and `recognize` see the same amount of context.

use super::features::{SentenceFeatures, key};
use super::tags::{NUM_TAGS, Tag};
use rustc_hash::FxHashMap;

// Template ids of the second pass, after those of `features` (which stop below 80).
const T_SELF: u8 = 80;
const T_SELF_L: u8 = 81;
const T_SELF_R: u8 = 82;
const T_NONE: u8 = 83;
const T_TAG: u8 = 84;
const T_MAJ: u8 = 85;
const T_NEIGHBOR: u8 = 86;
const T_SPAN: u8 = 87;
const T_OWN_SPAN: u8 = 88;

/// Longest name (in tokens) matched as a sequence.
const MAX_SPAN: usize = 5;

/// Counts over the sentences of the window.
#[derive(Debug, Default)]
struct Stats {
    /// Stem hash → first-pass tag counts of its mentions.
    stems: FxHashMap<u64, [u32; NUM_TAGS]>,
    /// Hash of a stem sequence → how often the first pass tagged it as a whole span, per
    /// kind.
    spans: FxHashMap<u64, [u32; 4]>,
}

impl Stats {
    fn update(&mut self, f: &SentenceFeatures, tags: &[usize], add: bool) {
        let step = |c: &mut u32| {
            if add {
                *c += 1
            } else {
                *c = c.saturating_sub(1)
            }
        };
        for (&h, &t) in f.stems.iter().zip(tags) {
            if h != 0 {
                step(&mut self.stems.entry(h).or_default()[t]);
            }
        }
        for (kind, start, end) in spans_of(tags) {
            if let Some(h) = seq_hash(&f.stems[start..end]) {
                step(&mut self.spans.entry(h).or_default()[kind]);
            }
        }
    }
}

/// The spans of first-pass tags as (kind index, start, end), at most [`MAX_SPAN`] long.
fn spans_of(tags: &[usize]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let t: Vec<Tag> = tags.iter().map(|&y| Tag::from_index(y)).collect();
    super::tags::spans(&t)
        .into_iter()
        .filter(|s| s.end - s.start <= MAX_SPAN)
        .map(|s| (s.kind.index(), s.start, s.end))
}

/// The hash of a sequence of stems; none when a token is not a word.
fn seq_hash(stems: &[u64]) -> Option<u64> {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for &s in stems {
        if s == 0 {
            return None;
        }
        h = (h ^ s).wrapping_mul(0x1000_0000_01B3).rotate_left(29);
    }
    Some(h)
}

/// Share bin of `part` in `total` (> 0): 1 below half, 2 from half, 3 all.
fn share_bin(part: u32, total: u32) -> u8 {
    if part == total {
        3
    } else if 2 * part >= total {
        2
    } else {
        1
    }
}

/// Adds the second-pass features to every sentence of a document, given the first-pass tags
/// of all its sentences; each sentence sees the `window` sentences on each side.
pub fn add_features(sentences: &mut [SentenceFeatures], tags: &[Vec<usize>], window: usize) {
    let n = sentences.len().min(tags.len());
    let mut stats = Stats::default();
    let mut buf = Vec::with_capacity(32);
    // The window of sentence s is lo..hi; it slides forward one sentence at a time.
    let (mut lo, mut hi) = (0usize, 0usize);
    for s in 0..n {
        let want_lo = s.saturating_sub(window);
        let want_hi = (s + window + 1).min(n);
        while hi < want_hi {
            stats.update(&sentences[hi], &tags[hi], true);
            hi += 1;
        }
        while lo < want_lo {
            stats.update(&sentences[lo], &tags[lo], false);
            lo += 1;
        }
        sentence_features(&stats, &mut sentences[s], &tags[s], &mut buf);
    }
}

fn sentence_features(stats: &Stats, f: &mut SentenceFeatures, tags: &[usize], buf: &mut Vec<u8>) {
    let n = f.len();
    f.extra.clear();
    f.extra_offsets.clear();
    f.extra_offsets.push(0);
    // Tag counts of the other mentions of each token's stem.
    let others: Vec<Option<[u32; NUM_TAGS]>> = (0..n)
        .map(|i| {
            let h = f.stems[i];
            let mut c = *stats.stems.get(&h).filter(|_| h != 0)?;
            c[tags[i]] = c[tags[i]].saturating_sub(1);
            Some(c)
        })
        .collect();
    let majority = |c: &[u32; NUM_TAGS]| -> Option<u8> {
        let total: u32 = c.iter().sum();
        (total > 0).then(|| {
            let mut best = 0;
            for y in 1..NUM_TAGS {
                if c[y] > c[best] {
                    best = y;
                }
            }
            best as u8
        })
    };
    // Name sequences the first pass found elsewhere in the window, longest first.
    let own: Vec<(usize, usize, usize)> = spans_of(tags).collect();
    let mut span_mark: Vec<Option<(u8, u8, u8)>> = vec![None; n];
    for len in (1..=MAX_SPAN.min(n)).rev() {
        for start in 0..=n - len {
            if span_mark[start..start + len].iter().any(Option::is_some) {
                continue;
            }
            let Some(h) = seq_hash(&f.stems[start..start + len]) else {
                continue;
            };
            let Some(counts) = stats.spans.get(&h) else {
                continue;
            };
            let mut c = *counts;
            for &(k, a, b) in &own {
                if a == start && b == start + len {
                    c[k] = c[k].saturating_sub(1);
                }
            }
            let Some(kind) = (0..4).filter(|&k| c[k] > 0).max_by_key(|&k| (c[k], 4 - k)) else {
                continue;
            };
            for (j, m) in span_mark[start..start + len].iter_mut().enumerate() {
                *m = Some((kind as u8, u8::from(j > 0), len.min(3) as u8));
            }
        }
    }
    let tag_at = |i: isize| -> u8 {
        if i < 0 || i as usize >= n {
            NUM_TAGS as u8
        } else {
            tags[i as usize] as u8
        }
    };
    for i in 0..n {
        let mut push = |template: u8, parts: &[&[u8]]| f.extra.push(key(buf, template, parts));
        let (tp, t0, tn) = (
            tag_at(i as isize - 1),
            tag_at(i as isize),
            tag_at(i as isize + 1),
        );
        push(T_SELF, &[&[t0]]);
        push(T_SELF_L, &[&[tp, t0]]);
        push(T_SELF_R, &[&[t0, tn]]);
        if let Some(c) = &others[i] {
            let total: u32 = c.iter().sum();
            if total == 0 {
                push(T_NONE, &[]);
            } else {
                for (y, &x) in c.iter().enumerate() {
                    if x > 0 {
                        push(T_TAG, &[&[y as u8, share_bin(x, total)]]);
                    }
                }
                if let Some(m) = majority(c) {
                    push(T_MAJ, &[&[m, total.min(4) as u8, t0]]);
                }
            }
        }
        for (o, k) in [(0u8, -1isize), (1, 1)] {
            let j = i as isize + k;
            if j >= 0
                && (j as usize) < n
                && let Some(m) = others[j as usize].as_ref().and_then(majority)
            {
                push(T_NEIGHBOR, &[&[o, m]]);
            }
        }
        if let Some((kind, pos, len)) = span_mark[i] {
            push(T_SPAN, &[&[kind, pos, len]]);
            push(T_OWN_SPAN, &[&[kind, pos, t0]]);
        }
        f.extra_offsets.push(f.extra.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityKind;

    /// Features whose stems are given directly (0 for a non-word).
    fn sentence(stems: &[u64]) -> SentenceFeatures {
        SentenceFeatures {
            offsets: (0..=stems.len()).collect(),
            keys: vec![0; stems.len()],
            clitic_letters: vec![0; stems.len()],
            stems: stems.to_vec(),
            ..SentenceFeatures::default()
        }
    }

    fn has(f: &SentenceFeatures, i: usize, template: u8, parts: &[&[u8]]) -> bool {
        let k = key(&mut Vec::new(), template, parts);
        f.token_extra(i).contains(&k)
    }

    const O: usize = 0;

    #[test]
    fn sees_other_mentions_and_names_found_elsewhere() {
        let b_per = Tag::B(EntityKind::Per).index();
        let i_per = Tag::I(EntityKind::Per).index();
        // Sentence 0: "10 11" tagged as a person; sentence 1: "11" alone, untagged;
        // sentence 2, far away: "11" untagged.
        let mut doc = vec![
            sentence(&[5, 10, 11, 0]),
            sentence(&[11, 6]),
            sentence(&[11]),
        ];
        let tags = vec![vec![O, b_per, i_per, O], vec![O, O], vec![O]];
        add_features(&mut doc, &tags, 1);
        // In sentence 1, token 0 is the surname of the person of sentence 0.
        assert!(has(&doc[1], 0, T_TAG, &[&[i_per as u8, 2]]));
        assert!(has(&doc[1], 0, T_SELF, &[&[O as u8]]));
        // Sentence 2 is two sentences from sentence 0: outside a window of 1. It sees
        // only the untagged mention of sentence 1.
        assert!(!has(&doc[2], 0, T_TAG, &[&[i_per as u8, 2]]));
        assert!(has(&doc[2], 0, T_TAG, &[&[O as u8, 3]]));
        // The name itself: its own span does not count as found elsewhere.
        assert!(doc[0].token_extra(1).len() >= 3);
        assert!(!has(&doc[0], 1, T_SPAN, &[&[0, 0, 2]]));
        // With the name repeated, each mention sees the other one.
        let mut doc = vec![sentence(&[10, 11]), sentence(&[7, 10, 11])];
        let tags = vec![vec![b_per, i_per], vec![O, O, O]];
        add_features(&mut doc, &tags, 3);
        let per = EntityKind::Per.index() as u8;
        assert!(has(&doc[1], 1, T_SPAN, &[&[per, 0, 2]]));
        assert!(has(&doc[1], 2, T_SPAN, &[&[per, 1, 2]]));
        assert!(!has(&doc[1], 0, T_SPAN, &[&[per, 0, 2]]));
        // Every token gets its offsets, non-words included.
        assert_eq!(doc[1].extra_offsets.len(), 4);
    }

    #[test]
    fn empty_documents_and_sentences() {
        add_features(&mut [], &[], 5);
        let mut doc = vec![sentence(&[]), sentence(&[0])];
        add_features(&mut doc, &[vec![], vec![O]], 0);
        assert_eq!(doc[0].extra_offsets, [0]);
        assert_eq!(doc[1].token_extra(0).len(), 3);
    }
}
