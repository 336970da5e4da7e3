//! CoNLL-style data (`TOKEN TAG` per line, blank line between sentences) and the
//! entity-level scorer.
//!
//! The scorer follows `conlleval` / seqeval in its default mode: spans are read from the tags
//! with [`super::tags::spans`] (an `I-X` after a tag of another kind starts a span), and a
//! predicted span counts only when its kind, start and end all equal a gold span's. It
//! reports precision, recall and F1 per kind, their micro average (over all spans) and their
//! macro average (the mean of the per-kind F1, as the AraBERT paper reports).

use super::tags::{Tag, spans};
use crate::entity::EntityKind;
use crate::error::{Error, Result};

/// A tagged sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaggedSentence {
    /// Its tokens.
    pub tokens: Vec<String>,
    /// One tag per token.
    pub tags: Vec<Tag>,
}

/// Parses CoNLL text. The token is everything before the last space or tab of a line, the
/// tag what follows it.
pub fn parse(text: &str) -> Result<Vec<TaggedSentence>> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let Some((token, tag)) = line.rsplit_once([' ', '\t']) else {
            return Err(Error::malformed(i + 1, "expected TOKEN TAG"));
        };
        let tag = Tag::parse(tag.trim())
            .ok_or_else(|| Error::malformed(i + 1, format!("unknown tag {tag:?}")))?;
        let token = token.trim();
        if token.is_empty() {
            return Err(Error::malformed(i + 1, "empty token"));
        }
        cur.tokens.push(token.to_string());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Counts of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub true_positives: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision in percent (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        pct(self.true_positives, self.predicted)
    }
    /// Recall in percent (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        pct(self.true_positives, self.gold)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.true_positives += o.true_positives;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Entity-level scores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Per kind, in [`EntityKind::ALL`] order.
    pub per_kind: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let g = spans(gold);
        let p = spans(predicted);
        for s in &g {
            self.per_kind[s.kind.index()].gold += 1;
        }
        for s in &p {
            let c = &mut self.per_kind[s.kind.index()];
            c.predicted += 1;
            if g.contains(s) {
                c.true_positives += 1;
            }
        }
    }

    /// The counts of one kind.
    pub fn kind(&self, k: EntityKind) -> Counts {
        self.per_kind[k.index()]
    }

    /// Micro-averaged counts (all spans together).
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for k in self.per_kind {
            c.add(k);
        }
        c
    }

    /// Macro-averaged F1: the mean of the per-kind F1.
    pub fn macro_f1(&self) -> f64 {
        self.per_kind.iter().map(Counts::f1).sum::<f64>() / self.per_kind.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sentences() {
        let s = parse("فرانكفورت B-LOC\n(د O\n\nأعلن O\nاتحاد B-ORG\n\n\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["فرانكفورت", "(د"]);
        assert_eq!(s[1].tags, [Tag::O, Tag::B(EntityKind::Org)]);
        assert!(parse("token\n").is_err());
        assert!(parse("token B-XYZ\n").is_err());
        assert_eq!(parse("a b O\n").unwrap()[0].tokens, ["a b"]);
    }

    #[test]
    fn scores_exact_spans_only() {
        let t = |s: &str| -> Vec<Tag> { s.split(' ').map(|x| Tag::parse(x).unwrap()).collect() };
        let mut sc = Scores::default();
        // Gold: PER 0-2, LOC 3. Predicted: PER 0-1 (wrong end), LOC 3 (right), ORG 4 (spurious).
        sc.add(&t("B-PER I-PER O B-LOC O"), &t("B-PER O O B-LOC B-ORG"));
        let per = sc.kind(EntityKind::Per);
        assert_eq!((per.true_positives, per.predicted, per.gold), (0, 1, 1));
        let loc = sc.kind(EntityKind::Loc);
        assert_eq!((loc.true_positives, loc.predicted, loc.gold), (1, 1, 1));
        let m = sc.micro();
        assert_eq!((m.true_positives, m.predicted, m.gold), (1, 3, 2));
        assert!((m.precision() - 100.0 / 3.0).abs() < 1e-9);
        assert!((m.recall() - 50.0).abs() < 1e-9);
        assert!((m.f1() - 40.0).abs() < 1e-9);
        // Per-kind F1: PER 0, ORG 0, LOC 100, MISC 0 (no spans) → macro 25.
        assert!((sc.macro_f1() - 25.0).abs() < 1e-9);
    }
}
