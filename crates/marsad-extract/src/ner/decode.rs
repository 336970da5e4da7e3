//! First-order Viterbi decoding over emission and transition scores.

use super::tags::NUM_TAGS;

/// Transition scores: `trans[prev][cur]`, with `prev == NUM_TAGS` for the sentence start.
pub type Transitions = [[f32; NUM_TAGS]; NUM_TAGS + 1];

/// The best tag index sequence for `emissions` (one row of scores per token), written into
/// `out`. Ties go to the lowest tag index, so decoding is deterministic.
pub fn viterbi(emissions: &[[f32; NUM_TAGS]], trans: &Transitions, out: &mut Vec<usize>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mut score = [0f32; NUM_TAGS];
    for (y, s) in score.iter_mut().enumerate() {
        *s = trans[NUM_TAGS][y] + emissions[0][y];
    }
    let mut back: Vec<[u8; NUM_TAGS]> = vec![[0; NUM_TAGS]; n];
    for i in 1..n {
        let mut next = [0f32; NUM_TAGS];
        for y in 0..NUM_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, s) in score.iter().enumerate() {
                let v = s + trans[p][y];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            next[y] = best + emissions[i][y];
            back[i][y] = arg;
        }
        score = next;
    }
    let mut y = 0;
    let mut best = f32::NEG_INFINITY;
    for (t, &s) in score.iter().enumerate() {
        if s > best {
            best = s;
            y = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = y;
    for i in (1..n).rev() {
        y = back[i][y] as usize;
        out[i - 1] = y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_transitions_over_emissions() {
        // Token 1 slightly prefers tag 5 alone, but 3→4 is strongly rewarded.
        let mut e = [[0f32; NUM_TAGS]; 2];
        e[0][3] = 1.0;
        e[1][5] = 1.0;
        e[1][4] = 0.5;
        let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        trans[3][4] = 2.0;
        let mut out = Vec::new();
        viterbi(&e, &trans, &mut out);
        assert_eq!(out, vec![3, 4]);
        trans[3][4] = 0.0;
        viterbi(&e, &trans, &mut out);
        assert_eq!(out, vec![3, 5]);
        viterbi(&[], &trans, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn matches_brute_force() {
        let mut rng = crate::rng::Rng::new(11);
        for _ in 0..50 {
            let n = 1 + rng.below(3);
            let e: Vec<[f32; NUM_TAGS]> = (0..n)
                .map(|_| std::array::from_fn(|_| rng.unit() * 4.0 - 2.0))
                .collect();
            let trans: Transitions =
                std::array::from_fn(|_| std::array::from_fn(|_| rng.unit() * 4.0 - 2.0));
            let mut out = Vec::new();
            viterbi(&e, &trans, &mut out);
            let score = |ys: &[usize]| {
                let mut s = trans[NUM_TAGS][ys[0]] + e[0][ys[0]];
                for i in 1..ys.len() {
                    s += trans[ys[i - 1]][ys[i]] + e[i][ys[i]];
                }
                s
            };
            let mut best = f32::NEG_INFINITY;
            let total = NUM_TAGS.pow(n as u32);
            for code in 0..total {
                let ys: Vec<usize> = (0..n)
                    .map(|i| code / NUM_TAGS.pow(i as u32) % NUM_TAGS)
                    .collect();
                best = best.max(score(&ys));
            }
            assert!((score(&out) - best).abs() < 1e-4);
        }
    }
}
