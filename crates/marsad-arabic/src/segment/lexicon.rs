//! The word-frequency lexicon behind the segmentation guard: how it is built from a corpus,
//! written, parsed and looked up.
//!
//! The model file is plain UTF-8 text, one `word<TAB>count` per line, sorted by descending
//! count and then by word (byte order), after a few `#` header lines. Words are ArabicWord
//! tokens of the tokenizer, normalized with [`Folds::LOSSLESS`] and nothing else, so the same
//! file serves both input forms: the lossless segmenter looks words up as they are, the
//! folded one folds the keys at load time (see `Lexicon::counts`).

use crate::normalize::{Folds, normalize_into};
use crate::token::{TokenKind, Tokens};
use rustc_hash::FxHashMap;
use std::fmt;

/// The first line of every lexicon file; the version changes when the format or the counting
/// rules change.
pub const HEADER: &str = "# marsad segment lexicon v1";

/// Counts normalized Arabic word types over a corpus, to write a lexicon file.
///
/// The output of [`LexiconBuilder::to_text`] depends only on the texts added (not on their
/// order) and the cut-off, so training is reproducible.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    counts: FxHashMap<Box<str>, u64>,
    tokens: u64,
    texts: u64,
    buf: String,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tokenizes `text` and counts its Arabic words, normalized with the lossless folds.
    pub fn add_text(&mut self, text: &str) {
        self.texts += 1;
        for token in Tokens::new(text) {
            if token.kind != TokenKind::ArabicWord {
                continue;
            }
            self.buf.clear();
            normalize_into(token.text(text), Folds::LOSSLESS, &mut self.buf);
            if self.buf.is_empty() {
                continue;
            }
            self.tokens += 1;
            if let Some(n) = self.counts.get_mut(self.buf.as_str()) {
                *n += 1;
            } else {
                self.counts.insert(self.buf.as_str().into(), 1);
            }
        }
    }

    /// Number of texts added so far.
    pub fn texts(&self) -> u64 {
        self.texts
    }

    /// Number of Arabic word tokens counted so far.
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// Number of distinct word types counted so far (before any cut-off).
    pub fn types(&self) -> usize {
        self.counts.len()
    }

    /// Writes the lexicon file: the header, then every type seen at least `min_count` times,
    /// by descending count, ties broken by byte order. `source` names the corpus in the header
    /// (pass a file name, not a machine-specific path, to keep the output reproducible).
    pub fn to_text(&self, min_count: u64, source: &str) -> String {
        let mut kept: Vec<(&str, u64)> = self
            .counts
            .iter()
            .filter(|&(_, &n)| n >= min_count.max(1))
            .map(|(w, &n)| (&**w, n))
            .collect();
        kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let kept_tokens: u64 = kept.iter().map(|&(_, n)| n).sum();
        let mut out = String::with_capacity(kept.len() * 16 + 256);
        out.push_str(HEADER);
        out.push('\n');
        // Tabs and newlines cannot occur in a token, but the source name is free text.
        let source: String = source
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        out.push_str(&format!(
            "# source: {source}; texts: {}; arabic word tokens: {}; types: {}\n",
            self.texts,
            self.tokens,
            self.counts.len()
        ));
        out.push_str(&format!(
            "# min-count: {}; kept types: {}; kept tokens: {}\n",
            min_count.max(1),
            kept.len(),
            kept_tokens
        ));
        out.push_str("# word<TAB>count, lossless-normalized, by descending count then word\n");
        for (w, n) in kept {
            out.push_str(w);
            out.push('\t');
            out.push_str(&n.to_string());
            out.push('\n');
        }
        out
    }
}

/// Why a lexicon text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for LexiconError {}

/// A parsed lexicon: word types with their corpus counts, in file order (most frequent first).
#[derive(Debug, Clone)]
pub struct Lexicon<'a> {
    entries: Vec<(&'a str, u32)>,
}

impl<'a> Lexicon<'a> {
    /// Parses a lexicon file. Lines starting with `#` and blank lines are ignored.
    ///
    /// Counts above `u32::MAX` saturate; a word listed twice keeps the sum of its counts.
    pub fn parse(text: &'a str) -> Result<Self, LexiconError> {
        let mut entries = Vec::with_capacity(text.len() / 16);
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason| LexiconError {
                line: i + 1,
                reason,
            };
            let (word, count) = line.split_once('\t').ok_or(err("no tab"))?;
            if word.is_empty() {
                return Err(err("empty word"));
            }
            let count: u64 = count
                .trim()
                .parse()
                .map_err(|_| err("count is not a number"))?;
            entries.push((word, u32::try_from(count).unwrap_or(u32::MAX)));
        }
        Ok(Lexicon { entries })
    }

    /// The entries, most frequent first.
    pub fn entries(&self) -> &[(&'a str, u32)] {
        &self.entries
    }

    /// Number of word types.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no word.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The counts keyed by `key(word)`, summing words that share a key.
    pub(crate) fn counts<K>(&self, mut key: impl FnMut(&'a str) -> K) -> FxHashMap<K, u32>
    where
        K: std::hash::Hash + Eq,
    {
        let mut map: FxHashMap<K, u32> = FxHashMap::default();
        map.reserve(self.entries.len());
        for &(w, n) in &self.entries {
            let slot = map.entry(key(w)).or_insert(0);
            *slot = slot.saturating_add(n);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_output_is_sorted_cut_and_order_independent() {
        let mut a = LexiconBuilder::new();
        a.add_text("وزارة الصحة، وزارة التعليم. قالَ الوزير");
        a.add_text("الوزير قال hello 123");
        let mut b = LexiconBuilder::new();
        b.add_text("الوزير قال hello 123");
        b.add_text("وزارة الصحة، وزارة التعليم. قالَ الوزير");
        assert_eq!(a.to_text(1, "x"), b.to_text(1, "x"));
        assert_eq!(a.tokens(), 8);
        let text = a.to_text(2, "corpus.jsonl");
        let lex = Lexicon::parse(&text).unwrap();
        // قال twice (the diacritic is folded away), الوزير twice, وزارة twice; ties by bytes.
        let mut expected = [("الوزير", 2), ("قال", 2), ("وزارة", 2)];
        expected.sort_by(|x, y| x.0.cmp(y.0));
        assert_eq!(lex.entries(), &expected[..]);
        assert!(text.starts_with(HEADER));
    }

    #[test]
    fn parse_reports_bad_lines() {
        assert_eq!(Lexicon::parse("# c\nكتاب\t3\n").unwrap().len(), 1);
        assert_eq!(Lexicon::parse("كتاب 3").unwrap_err().line, 1);
        assert_eq!(Lexicon::parse("\nكتاب\tx").unwrap_err().line, 2);
        assert_eq!(
            Lexicon::parse("ا\t99999999999").unwrap().entries()[0].1,
            u32::MAX
        );
    }
}
