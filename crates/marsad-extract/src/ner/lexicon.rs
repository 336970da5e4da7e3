//! A name lexicon learned by self-training: how often a tagger tagged each word as a person,
//! an organization, a place or another name across a large unlabeled news corpus.
//!
//! ANERcorp is small: half the names of its test split never occur in its training split. A
//! large corpus mentions most of them many times, often in contexts that give them away
//! (الأمين العام للأمم المتحدة بان كي مون). Tagging the corpus with a model trained without
//! the lexicon and counting, per word, the tags it received turns those easy mentions into
//! evidence for the hard ones: the lexicon becomes a feature of the final tagger.
//!
//! Words are keyed by their stem: the search form ([`super::features::word_form`]) without its
//! proclitic run and article (see [`super::features::split_proclitics`]), so للأهلي, والأهلي
//! and الأهلي share one entry.
//!
//! File format (UTF-8, inside the model file):
//!
//! ```text
//! # marsad name lexicon v1
//! # any further comment lines
//! stem<TAB>O<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC      (token counts per tagged kind)
//! ```
//!
//! Lines are sorted by stem bytes, so the file is reproducible.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;

/// The first line of every lexicon text.
pub const HEADER: &str = "# marsad name lexicon v1";

/// Token counts of one stem: `O`, then one per [`EntityKind::ALL`].
pub type Counts = [u32; 5];

/// Stem → how often each kind was tagged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    words: FxHashMap<Box<str>, Counts>,
    comments: Vec<String>,
}

impl Lexicon {
    /// Number of stems.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the lexicon has no stem.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The counts of `stem`.
    #[inline]
    pub fn get(&self, stem: &str) -> Option<&Counts> {
        self.words.get(stem)
    }

    /// The header comments.
    pub fn comments(&self) -> &[String] {
        &self.comments
    }

    /// Writes the text form (deterministic: sorted by stem).
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut rows: Vec<(&str, &Counts)> =
            self.words.iter().map(|(w, c)| (w.as_ref(), c)).collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut out = String::with_capacity(rows.len() * 24);
        out.push_str(HEADER);
        out.push('\n');
        for c in &self.comments {
            out.push_str("# ");
            out.push_str(c);
            out.push('\n');
        }
        for (w, c) in rows {
            let _ = writeln!(out, "{w}\t{}\t{}\t{}\t{}\t{}", c[0], c[1], c[2], c[3], c[4]);
        }
        out
    }

    /// Parses the text form.
    pub fn parse(text: &str) -> Result<Lexicon> {
        let (comments, rows) = super::clusters::data_lines(text, HEADER)?;
        let mut words = FxHashMap::default();
        for (n, line) in rows {
            let bad = || Error::malformed(n, "expected stem and five counts, tab-separated");
            let mut cols = line.split('\t');
            let w = cols.next().filter(|w| !w.is_empty()).ok_or_else(bad)?;
            let mut c = [0u32; 5];
            for slot in &mut c {
                *slot = cols.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
            }
            if cols.next().is_some() {
                return Err(bad());
            }
            words.insert(w.into(), c);
        }
        Ok(Lexicon { words, comments })
    }
}

/// Accumulates tag counts per stem, then keeps the stems worth keeping.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    counts: FxHashMap<Box<str>, Counts>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one token with stem `stem` tagged `kind` (`None` for `O`).
    pub fn add(&mut self, stem: &str, kind: Option<EntityKind>) {
        let slot = kind.map_or(0, |k| 1 + k.index());
        match self.counts.get_mut(stem) {
            Some(c) => c[slot] = c[slot].saturating_add(1),
            None => {
                let mut c = [0; 5];
                c[slot] = 1;
                self.counts.insert(stem.into(), c);
            }
        }
    }

    /// The lexicon of the stems seen at least `min_count` times and tagged as a name at least
    /// once (a stem never tagged carries no more information than its absence).
    pub fn finish(self, min_count: u32, comments: Vec<String>) -> Lexicon {
        let words = self
            .counts
            .into_iter()
            .filter(|(_, c)| {
                let total: u64 = c.iter().map(|&x| u64::from(x)).sum();
                total >= u64::from(min_count.max(1)) && c[1..].iter().any(|&x| x > 0)
            })
            .collect();
        Lexicon { words, comments }
    }
}

/// The share bins of `counts`: per kind 0 (below 5% of the stem's tokens), 1 (below 25%),
/// 2 (below 50%), 3 (below 75%) or 4; and a log-scale bin of the stem's total count.
pub fn bins(counts: &Counts) -> ([u8; 4], u8) {
    let total: u64 = counts.iter().map(|&x| u64::from(x)).sum();
    let mut out = [0u8; 4];
    if total == 0 {
        return (out, 0);
    }
    for (k, slot) in out.iter_mut().enumerate() {
        let share = counts[k + 1] as f64 / total as f64;
        *slot = if share < 0.05 {
            0
        } else if share < 0.25 {
            1
        } else if share < 0.5 {
            2
        } else if share < 0.75 {
            3
        } else {
            4
        };
    }
    let magnitude = (64 - total.leading_zeros()) as u8; // 1 for 1, 2 for 2–3, 3 for 4–7…
    (out, magnitude.div_ceil(2).min(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_round_trips_and_bins() {
        let mut b = LexiconBuilder::new();
        for _ in 0..6 {
            b.add("حفتر", Some(EntityKind::Per));
        }
        b.add("حفتر", None);
        b.add("حفتر", Some(EntityKind::Org));
        b.add("قال", None);
        b.add("قال", None);
        b.add("نادر", Some(EntityKind::Loc)); // below the minimum count
        let lex = b.finish(2, vec!["test".into()]);
        assert_eq!(lex.len(), 1);
        assert_eq!(lex.get("حفتر"), Some(&[1, 6, 1, 0, 0]));
        assert!(lex.get("قال").is_none());
        let text = lex.to_text();
        let back = Lexicon::parse(&text).unwrap();
        assert_eq!(back, lex);
        assert_eq!(back.comments(), ["test"]);
        let (share, count) = bins(&[1, 6, 1, 0, 0]);
        assert_eq!(share, [4, 1, 0, 0]);
        assert_eq!(count, 2);
        assert_eq!(bins(&[0; 5]), ([0; 4], 0));
    }

    #[test]
    fn rejects_bad_lines() {
        for body in [
            "w\t1\t2\t3\t4",
            "w\t1\t2\t3\t4\tx",
            "\t1\t2\t3\t4\t5",
            "w\t1\t2\t3\t4\t5\t6",
        ] {
            let text = format!("{HEADER}\n{body}\n");
            assert!(Lexicon::parse(&text).is_err(), "{body}");
        }
        assert!(Lexicon::parse("w\t1\t2\t3\t4\t5\n").is_err());
    }
}
