//! Word clusters learned without supervision from a large news corpus, and their file format.
//!
//! A cluster is a path of three levels (coarse, middle, fine), like a truncated Brown-cluster
//! bit string: the tagger uses each prefix as a feature, so rare words share weights with the
//! frequent words they behave like. The paths come from word2vec skip-gram embeddings
//! ([`super::word2vec`]) clustered by hierarchical spherical k-means ([`super::kmeans`]).
//! Each word also carries its corpus count, which the tagger uses as a frequency feature and
//! as the guard of its proclitic splitter.
//!
//! File format (UTF-8):
//!
//! ```text
//! # marsad word clusters v1
//! # any further comment lines (the training settings)
//! word<TAB>count<TAB>a.b.c
//! ```
//!
//! Comment lines are only read before the first word line, since a word may begin with `#`.
//!
//! Words are in marsad's search form with digits written as `0` ([`super::features::word_form`]);
//! lines are sorted by descending count, then by word, so the file is reproducible.

use crate::error::{Error, Result};
use rustc_hash::FxHashMap;

/// The first line of every clusters file.
pub const HEADER: &str = "# marsad word clusters v1";

/// Number of levels in a cluster path.
pub const LEVELS: usize = 3;

/// A word's entry: its corpus count and cluster path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// Occurrences in the training corpus.
    pub count: u32,
    /// Cluster index at each level, each relative to its parent.
    pub path: [u16; LEVELS],
}

/// Word → cluster path and count.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    words: FxHashMap<Box<str>, WordInfo>,
    comments: Vec<String>,
}

impl Clusters {
    /// Builds a table from `(word, info)` pairs and header comments (without `# `).
    pub fn from_words(words: Vec<(String, WordInfo)>, comments: Vec<String>) -> Clusters {
        Clusters {
            words: words
                .into_iter()
                .map(|(w, i)| (w.into_boxed_str(), i))
                .collect(),
            comments,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the table has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The entry of `word` (in the form described in the module docs).
    #[inline]
    pub fn get(&self, word: &str) -> Option<WordInfo> {
        self.words.get(word).copied()
    }

    /// The corpus count of `word`, 0 when unknown.
    #[inline]
    pub fn count(&self, word: &str) -> u32 {
        self.words.get(word).map_or(0, |i| i.count)
    }

    /// Writes the file (deterministic: sorted by count, then bytes).
    pub fn to_text(&self) -> String {
        let mut rows: Vec<(&str, WordInfo)> =
            self.words.iter().map(|(w, i)| (w.as_ref(), *i)).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        let mut out = String::with_capacity(rows.len() * 24);
        out.push_str(HEADER);
        out.push('\n');
        for c in &self.comments {
            out.push_str("# ");
            out.push_str(c);
            out.push('\n');
        }
        for (w, i) in rows {
            use std::fmt::Write;
            let _ = writeln!(
                out,
                "{w}\t{}\t{}.{}.{}",
                i.count, i.path[0], i.path[1], i.path[2]
            );
        }
        out
    }

    /// Parses a clusters file.
    pub fn parse(text: &str) -> Result<Clusters> {
        let (comments, rows) = data_lines(text, HEADER)?;
        let mut words = FxHashMap::default();
        for (n, line) in rows {
            let bad = || Error::malformed(n, "expected word<TAB>count<TAB>a.b.c");
            let mut cols = line.split('\t');
            let (Some(w), Some(count), Some(path), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad());
            };
            let count: u32 = count.parse().map_err(|_| bad())?;
            let mut p = [0u16; LEVELS];
            let mut parts = path.split('.');
            for slot in &mut p {
                *slot = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
            }
            if parts.next().is_some() || w.is_empty() {
                return Err(bad());
            }
            words.insert(w.into(), WordInfo { count, path: p });
        }
        Ok(Clusters { words, comments })
    }

    /// The header comments (training settings).
    pub fn comments(&self) -> &[String] {
        &self.comments
    }
}

/// Non-empty data lines of a table with their 1-based line numbers.
pub(crate) type DataLines<'t> = Vec<(usize, &'t str)>;

/// The lines of a tab-separated model table (clusters, the name lexicon): checks that the
/// first line is `header`, collects the `#` comments that open the file (only there: a
/// word may itself begin with `#`, as hashtags do), and returns them with the non-empty
/// data lines and their 1-based line numbers.
pub(crate) fn data_lines<'t>(text: &'t str, header: &str) -> Result<(Vec<String>, DataLines<'t>)> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim_end() == header => {}
        _ => return Err(Error::malformed(1, format!("expected header {header:?}"))),
    }
    let mut comments = Vec::new();
    let mut rows = Vec::new();
    let mut in_header = true;
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if in_header && let Some(c) = line.strip_prefix('#') {
            comments.push(c.trim().to_string());
            continue;
        }
        in_header = false;
        if !line.is_empty() {
            rows.push((i + 1, line));
        }
    }
    Ok((comments, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let c = Clusters::from_words(
            vec![
                (
                    "موسكو".into(),
                    WordInfo {
                        count: 7,
                        path: [1, 2, 3],
                    },
                ),
                (
                    "لندن".into(),
                    WordInfo {
                        count: 9,
                        path: [1, 2, 0],
                    },
                ),
                (
                    "#ليبيا".into(),
                    WordInfo {
                        count: 1,
                        path: [0, 0, 0],
                    },
                ),
            ],
            vec!["dim 8".into()],
        );
        let text = c.to_text();
        assert!(text.starts_with(HEADER));
        // Sorted by count: لندن first.
        assert!(text.find("لندن").unwrap() < text.find("موسكو").unwrap());
        let back = Clusters::parse(&text).unwrap();
        assert_eq!(back.get("موسكو"), c.get("موسكو"));
        assert_eq!(back.len(), 3);
        assert_eq!(back.count("#ليبيا"), 1);
        assert_eq!(back.comments(), ["dim 8"]);
        assert_eq!(back.to_text(), text);
    }

    #[test]
    fn rejects_bad_lines() {
        for body in [
            "w\t1",
            "w\tx\t1.2.3",
            "w\t1\t1.2",
            "w\t1\t1.2.3.4",
            "w\t1\t1.2.3\tz",
        ] {
            let text = format!("{HEADER}\n{body}\n");
            assert!(Clusters::parse(&text).is_err(), "{body}");
        }
        assert!(Clusters::parse("w\t1\t1.2.3\n").is_err());
    }
}
