//! Duplicates: exact copies by a hash of the normalized content, and near-duplicates
//! (syndicated copies with small edits) by MinHash/LSH over word shingles, verified by the
//! exact Jaccard similarity or containment of the shingle sets.
//!
//! Every duplicate's `dup_of` names the earliest copy: earliest publication time (UTC when
//! known, else wall-clock), then input order. Chains are flattened, so `dup_of` always
//! points at an article that is itself not a duplicate.

pub mod incremental;
pub mod minhash;
pub mod shingles;

use marsad_core::Article;
use minhash::Signature;
use std::collections::HashMap;

/// Dedup settings.
#[derive(Debug, Clone, Copy)]
pub struct DedupOptions {
    /// Look for near-duplicates, not only exact copies.
    pub near: bool,
    /// Minimum Jaccard similarity of shingle sets for a near-duplicate.
    pub jaccard: f64,
    /// Minimum containment (|A∩B| / min(|A|,|B|)) for a near-duplicate, e.g. a copy with a
    /// paragraph cut or added…
    pub containment: f64,
    /// …when the smaller text has at least this many shingles (short texts share boilerplate)…
    pub containment_min_shingles: usize,
    /// …and the Jaccard similarity is at least this: a brief wholly quoted inside a long news
    /// digest is contained in it without being a copy of it.
    pub containment_min_jaccard: f64,
    /// Worker threads for fingerprinting; 0 = all cores.
    pub threads: usize,
}

impl Default for DedupOptions {
    fn default() -> DedupOptions {
        DedupOptions {
            near: true,
            jaccard: 0.7,
            containment: 0.9,
            containment_min_shingles: 40,
            containment_min_jaccard: 0.4,
            threads: 0,
        }
    }
}

/// One article's fingerprint.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    /// Hash of the normalized token sequence of the body (the title when the body is empty).
    pub exact: u128,
    /// Sorted shingle hashes.
    pub shingles: Vec<u64>,
    /// MinHash signature of the shingles.
    pub signature: Option<Signature>,
}

/// Fingerprints a body (or, for an empty body, the title).
pub fn fingerprint(a: &Article) -> Fingerprint {
    let mut buf = String::new();
    let text = if a.body.is_empty() { &a.title } else { &a.body };
    let tokens = shingles::token_hashes(text, &mut buf);
    let exact = shingles::content_hash(&tokens);
    let sh = shingles::shingles(&tokens);
    let signature = minhash::signature(&sh);
    Fingerprint {
        exact,
        shingles: sh,
        signature,
    }
}

/// Fingerprints many articles on `threads` threads (0 = available parallelism).
pub fn fingerprints(articles: &[Article], threads: usize) -> Vec<Fingerprint> {
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    };
    if threads <= 1 || articles.len() < 64 {
        return articles.iter().map(fingerprint).collect();
    }
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(fingerprint).collect::<Vec<_>>()))
            .collect();
        // A panicking worker is a bug, not bad input; fall back to computing its chunk here.
        handles
            .into_iter()
            .zip(articles.chunks(chunk))
            .flat_map(|(h, c)| {
                h.join()
                    .unwrap_or_else(|_| c.iter().map(fingerprint).collect())
            })
            .collect()
    })
}

/// A verified near-duplicate pair: the later article, the earlier one, and similarities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearPair {
    pub later: usize,
    pub earlier: usize,
    pub jaccard: f64,
    pub containment: f64,
}

/// What dedup found.
#[derive(Debug, Clone, Default)]
pub struct DedupReport {
    /// Articles marked as exact copies.
    pub exact: usize,
    /// Articles marked as near copies (and not exact).
    pub near: usize,
    /// Every verified near pair that set a `dup_of`.
    pub near_pairs: Vec<NearPair>,
}

/// The order in which copies count as earlier: publication key, then input position.
fn chronological(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let ka = articles[a].published.as_ref().map(|p| p.sort_key());
        let kb = articles[b].published.as_ref().map(|p| p.sort_key());
        // Undated articles go last: a dated copy is better evidence of who was first.
        match (ka, kb) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    order
}

/// Largest LSH bucket compared pairwise; bigger buckets are boilerplate-like texts.
const MAX_BUCKET: usize = 256;

/// Marks duplicates in place (`dup_of`) and gives same-id copies distinct ids.
pub fn dedup(articles: &mut [Article], opts: &DedupOptions) -> DedupReport {
    let fps = fingerprints(articles, opts.threads);
    dedup_with(articles, &fps, opts)
}

/// [`dedup`] with precomputed fingerprints (benchmarks and evals reuse them).
pub fn dedup_with(
    articles: &mut [Article],
    fps: &[Fingerprint],
    opts: &DedupOptions,
) -> DedupReport {
    let order = chronological(articles);
    let mut rank = vec![0usize; articles.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut dup_of: Vec<Option<usize>> = vec![None; articles.len()];
    let mut report = DedupReport::default();

    // Exact copies.
    let mut first_by_hash: HashMap<u128, usize> = HashMap::with_capacity(articles.len());
    for &i in &order {
        if articles[i].body.is_empty() && articles[i].title.trim().is_empty() {
            continue;
        }
        match first_by_hash.get(&fps[i].exact) {
            Some(&first) => {
                dup_of[i] = Some(first);
                report.exact += 1;
            }
            None => {
                first_by_hash.insert(fps[i].exact, i);
            }
        }
    }

    if opts.near {
        // LSH over the articles that are not exact copies.
        let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
        for band in 0..minhash::BANDS {
            let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
            for &i in &order {
                if dup_of[i].is_some() {
                    continue;
                }
                if let Some(sig) = &fps[i].signature {
                    buckets
                        .entry(minhash::band_key(sig, band))
                        .or_default()
                        .push(i);
                }
            }
            for members in buckets.values().filter(|m| m.len() > 1) {
                let members = &members[..members.len().min(MAX_BUCKET)];
                // Members are in chronological order: each later one lists the earlier ones.
                for (k, &later) in members.iter().enumerate() {
                    candidates[later].extend_from_slice(&members[..k]);
                }
            }
        }
        for &j in &order {
            if dup_of[j].is_some() || candidates[j].is_empty() {
                continue;
            }
            let mut cands = std::mem::take(&mut candidates[j]);
            cands.sort_by_key(|&i| rank[i]);
            cands.dedup();
            for i in cands {
                let (a, b) = (&fps[i].shingles, &fps[j].shingles);
                let inter = shingles::intersection(a, b);
                let union = a.len() + b.len() - inter;
                let jaccard = inter as f64 / union.max(1) as f64;
                let small = a.len().min(b.len());
                let containment = inter as f64 / small.max(1) as f64;
                let near = jaccard >= opts.jaccard
                    || (containment >= opts.containment
                        && small >= opts.containment_min_shingles
                        && jaccard >= opts.containment_min_jaccard);
                if near {
                    // Flatten: point at the root of the earlier article.
                    let mut root = i;
                    while let Some(r) = dup_of[root] {
                        root = r;
                    }
                    dup_of[j] = Some(root);
                    report.near += 1;
                    report.near_pairs.push(NearPair {
                        later: j,
                        earlier: root,
                        jaccard,
                        containment,
                    });
                    break;
                }
            }
        }
    }

    // Give copies with the same id (identical text and URL) distinct ids.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for &i in &order {
        let id = articles[i].id.clone();
        if let Some(n) = seen.get_mut(&id) {
            *n += 1;
            let salted = xxhash_rust::xxh3::xxh3_64(
                format!("{id}\u{1f}{}\u{1f}{n}", articles[i].source).as_bytes(),
            );
            articles[i].id = format!("{salted:016x}");
            articles[i].warn(
                "dedup.id-collision",
                format!("same content and URL as article {id}; id derived from the source instead"),
            );
        } else {
            seen.insert(id, 0);
        }
    }
    for i in 0..articles.len() {
        if let Some(mut root) = dup_of[i] {
            while let Some(r) = dup_of[root] {
                root = r;
            }
            articles[i].dup_of = Some(articles[root].id.clone());
        }
    }
    report
}
