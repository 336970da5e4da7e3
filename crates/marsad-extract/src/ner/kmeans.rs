//! Hierarchical spherical k-means: turns embeddings into three-level cluster paths.
//!
//! Vectors are scaled to unit length and assigned by cosine. The top level splits the whole
//! vocabulary into `branching[0]` clusters, each of those is split into `branching[1]`, and
//! so on: a cheap stand-in for Brown clusters' hierarchy (three k-means runs over small sets
//! instead of one run with thousands of centroids). Initialisation is k-means++ with a seeded
//! generator and ties go to the lowest index, so the result is reproducible.

use super::clusters::LEVELS;
use crate::rng::Rng;

/// Settings of the hierarchy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KMeansConfig {
    /// Clusters per node at each level.
    pub branching: [usize; LEVELS],
    /// Most Lloyd iterations per run.
    pub iterations: usize,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for KMeansConfig {
    fn default() -> Self {
        KMeansConfig {
            branching: [64, 8, 4],
            iterations: 15,
            seed: 1,
        }
    }
}

/// Cluster paths for `n = vectors.len() / dim` vectors.
pub fn cluster_paths(vectors: &[f32], dim: usize, cfg: &KMeansConfig) -> Vec<[u16; LEVELS]> {
    let n = vectors.len().checked_div(dim).unwrap_or(0);
    let mut unit = vectors[..n * dim].to_vec();
    for row in unit.chunks_mut(dim.max(1)) {
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|x| *x /= norm);
        }
    }
    let mut paths = vec![[0u16; LEVELS]; n];
    let mut rng = Rng::new(cfg.seed);
    // Groups of items sharing a path prefix, split level by level.
    let mut groups: Vec<Vec<usize>> = vec![(0..n).collect()];
    for (level, &branching) in cfg.branching.iter().enumerate() {
        let mut next = Vec::new();
        for group in &groups {
            let k = branching.max(1);
            let assign = kmeans(&unit, dim, group, k, cfg.iterations, &mut rng);
            let mut children: Vec<Vec<usize>> = vec![Vec::new(); k];
            for (&item, &c) in group.iter().zip(&assign) {
                paths[item][level] = c as u16;
                children[c].push(item);
            }
            next.extend(children.into_iter().filter(|c| !c.is_empty()));
        }
        groups = next;
    }
    paths
}

/// Spherical k-means of the `items` rows of `unit` into `k` clusters; returns each item's
/// cluster.
fn kmeans(
    unit: &[f32],
    dim: usize,
    items: &[usize],
    k: usize,
    iterations: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    if items.len() <= k {
        return (0..items.len()).collect();
    }
    let row = |i: usize| &unit[i * dim..(i + 1) * dim];
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();

    // k-means++ seeding with the cosine distance 1 - cos.
    let mut centroids: Vec<f32> = Vec::with_capacity(k * dim);
    centroids.extend_from_slice(row(items[rng.below(items.len())]));
    let mut dist: Vec<f32> = items
        .iter()
        .map(|&i| (1.0 - dot(row(i), &centroids[..dim])).max(0.0))
        .collect();
    for c in 1..k {
        let total: f32 = dist.iter().sum();
        let pick = if total > 0.0 {
            let mut r = rng.unit() * total;
            let mut chosen = items.len() - 1;
            for (j, d) in dist.iter().enumerate() {
                if r < *d {
                    chosen = j;
                    break;
                }
                r -= d;
            }
            chosen
        } else {
            rng.below(items.len())
        };
        centroids.extend_from_slice(row(items[pick]));
        let new = &centroids[c * dim..(c + 1) * dim];
        for (j, &i) in items.iter().enumerate() {
            dist[j] = dist[j].min((1.0 - dot(row(i), new)).max(0.0));
        }
    }

    let mut assign = vec![usize::MAX; items.len()];
    for _ in 0..iterations.max(1) {
        let mut changed = false;
        for (j, &i) in items.iter().enumerate() {
            let r = row(i);
            let mut best = 0;
            let mut best_sim = f32::NEG_INFINITY;
            for c in 0..k {
                let s = dot(r, &centroids[c * dim..(c + 1) * dim]);
                if s > best_sim {
                    best_sim = s;
                    best = c;
                }
            }
            if assign[j] != best {
                assign[j] = best;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        let mut sums = vec![0f32; k * dim];
        let mut sizes = vec![0usize; k];
        for (j, &i) in items.iter().enumerate() {
            let c = assign[j];
            sizes[c] += 1;
            for (s, x) in sums[c * dim..(c + 1) * dim].iter_mut().zip(row(i)) {
                *s += x;
            }
        }
        for c in 0..k {
            if sizes[c] == 0 {
                // An empty cluster keeps its centroid; it may win items back later.
                continue;
            }
            let s = &mut sums[c * dim..(c + 1) * dim];
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (dst, x) in centroids[c * dim..(c + 1) * dim].iter_mut().zip(s.iter()) {
                    *dst = x / norm;
                }
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_obvious_groups_and_reproduces() {
        // Two tight bundles of directions in 4-d.
        let mut v = Vec::new();
        let mut rng = Rng::new(3);
        for i in 0..40 {
            let base = if i % 2 == 0 {
                [1.0, 0.0, 0.0, 0.0]
            } else {
                [0.0, 0.0, 1.0, 0.0]
            };
            for b in base {
                v.push(b + (rng.unit() - 0.5) * 0.1);
            }
        }
        let cfg = KMeansConfig {
            branching: [2, 2, 2],
            iterations: 20,
            seed: 5,
        };
        let paths = cluster_paths(&v, 4, &cfg);
        for i in 0..40 {
            assert_eq!(paths[i][0] == paths[0][0], i % 2 == 0, "item {i}");
        }
        assert_eq!(paths, cluster_paths(&v, 4, &cfg));
    }

    #[test]
    fn tiny_inputs_do_not_fail() {
        assert!(cluster_paths(&[], 4, &KMeansConfig::default()).is_empty());
        let one = cluster_paths(&[1.0, 0.0], 2, &KMeansConfig::default());
        assert_eq!(one, vec![[0, 0, 0]]);
        assert!(cluster_paths(&[1.0, 2.0], 0, &KMeansConfig::default()).is_empty());
    }
}
