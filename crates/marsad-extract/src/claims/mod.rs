//! Certainty: how sure the text is of a clause.
//!
//! One cue lexicon (`lexicon`) and one rule, shared by quotes and events: the **leftmost**
//! cue in the head of a clause sets its label, because in an Arabic clause the word that
//! takes widest scope comes first (`ربما لا يكونون…` is hedged, `لا يوجد اتفاقيات يمكننا…` is
//! denied). Only the first [`HEAD_WORDS`] words are read: a cue deep inside a relative clause
//! does not govern the main predicate. A clause without cue is narrated as fact
//! (`confirmed`).
//!
//! * denied: لا، لم، لن، ليس، عدم، نفى، غير صحيح، عارية عن الصحة (not `لا يزال`, `لا سيما`);
//! * possible: قد + imperfect، ربما، يمكن، بإمكان، من المحتمل، لا يستبعد;
//! * expected: سوف، سـ + imperfect (`سيتم`, `ستبدأ`, checked against the corpus lexicon),
//!   من المتوقع، من المقرر، يعتزم، عزم، المقبل;
//! * reported: مصادر، تقارير، تسريبات، أنباء، شهود عيان، وسائل إعلام.
//!
//! ```
//! use marsad_core::CertaintyLabel;
//! use marsad_extract::claims::certainty_of;
//!
//! let text = "حتى الآن لا يوجد اتفاقيات محددة يمكننا الإعلان عنها";
//! let c = certainty_of(text, 0..text.chars().count());
//! assert_eq!(c.label, CertaintyLabel::Denied);
//! assert_eq!(c.cue.as_deref(), Some("لا"));
//! ```

mod lexicon;
pub mod words;

use marsad_arabic::segment::Segmenter;
use marsad_core::{Certainty, CertaintyLabel};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;
use words::{Words, fold, strip_conjunction};

/// How many words of a clause are read for cues.
pub const HEAD_WORDS: usize = 12;

/// A cue found in a clause: its label and token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The label it sets.
    pub label: CertaintyLabel,
    /// Token range of the cue in the [`Words`] it was found in.
    pub tokens: Range<usize>,
}

struct Lexicon {
    words: FxHashMap<String, CertaintyLabel>,
    phrases: Vec<(CertaintyLabel, Vec<String>)>,
    not_negation: Vec<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words = FxHashMap::default();
        for (label, list) in lexicon::WORDS {
            for w in *list {
                words.entry(fold(w)).or_insert(*label);
            }
        }
        let phrases = lexicon::PHRASES
            .iter()
            .map(|(l, ws)| (*l, ws.iter().map(|w| fold(w)).collect()))
            .collect();
        let not_negation = lexicon::NOT_NEGATION_AFTER_LA
            .iter()
            .map(|w| fold(w))
            .collect();
        Lexicon {
            words,
            phrases,
            not_negation,
        }
    })
}

fn segmenter() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(Segmenter::folded)
}

/// True when a folded word is `سـ` + an imperfect verb that the corpus lexicon knows
/// (`سيتم` → `يتم`), so nouns like `سياسة` or `سنوات` are not read as futures.
fn is_future_prefixed(key: &str) -> bool {
    let Some(rest) = key.strip_prefix('س') else {
        return false;
    };
    let Some(first) = rest.chars().next() else {
        return false;
    };
    let len = rest.chars().count();
    if !(matches!(first, 'ي' | 'ت') && len >= 3 || matches!(first, 'ن' | 'ا') && len >= 4) {
        return false;
    }
    let seg = segmenter();
    let rest_count = seg.count(rest);
    rest_count >= 20 && seg.count(key) < rest_count.saturating_mul(4)
}

/// True when a folded word looks like an imperfect verb (after `قد`).
fn is_imperfect(key: &str) -> bool {
    let k = strip_conjunction(key);
    let n = k.chars().count();
    k.starts_with('ي') && n >= 3
        || (k.starts_with('ت') || k.starts_with('ن')) && n >= 5
        || k == "تكون"
        || k == "تصل"
}

/// A folded word without one leading و/ف, however short the rest (`ومن` → `من`).
fn without_conjunction(key: &str) -> &str {
    key.strip_prefix('و')
        .or_else(|| key.strip_prefix('ف'))
        .filter(|r| !r.is_empty())
        .unwrap_or(key)
}

/// The leftmost certainty cue among tokens `range` of `w`, reading at most `head` words.
/// `skip_reported` ignores sourcing cues (for quotes, whose source is judged separately).
pub fn find_cue(
    w: &Words<'_>,
    range: Range<usize>,
    head: usize,
    skip_reported: bool,
) -> Option<Cue> {
    let mut sourcing = None;
    let found = find_modality(w, range, head, &mut sourcing);
    found.or(if skip_reported { None } else { sourcing })
}

/// The leftmost denial, hedge or future cue; the leftmost sourcing cue goes to `sourcing`,
/// because sourcing only labels a clause that carries no modality of its own.
fn find_modality(
    w: &Words<'_>,
    range: Range<usize>,
    head: usize,
    sourcing: &mut Option<Cue>,
) -> Option<Cue> {
    let skip_reported = true;
    let lex = lexicon();
    let end = range.end.min(w.len());
    let mut seen = 0;
    let mut i = range.start;
    while i < end && seen < head {
        if !w.is_word(i) {
            i += 1;
            continue;
        }
        seen += 1;
        for (label, phrase) in &lex.phrases {
            if i + phrase.len() <= end
                && phrase.iter().enumerate().all(|(k, p)| {
                    w.key(i + k) == p || (k == 0 && without_conjunction(w.key(i)) == p)
                })
            {
                if skip_reported && *label == CertaintyLabel::Reported {
                    sourcing.get_or_insert(Cue {
                        label: *label,
                        tokens: i..i + phrase.len(),
                    });
                    continue;
                }
                return Some(Cue {
                    label: *label,
                    tokens: i..i + phrase.len(),
                });
            }
        }
        let key = w.key(i);
        let bare = w.bare(i);
        let label = if key == "قد" || bare == "قد" {
            is_imperfect(w.key(i + 1)).then_some(CertaintyLabel::Possible)
        } else if key == "لا" || bare == "لا" || key == "ما" || bare == "ما" {
            // `لا` negates unless a continuative follows; `ما` only before `زال`-type words is
            // continuative and otherwise too ambiguous (relative `ما`) to count.
            let next = w.key(i + 1);
            if lex.not_negation.iter().any(|n| n == next) || key == "ما" || bare == "ما" {
                None
            } else {
                Some(CertaintyLabel::Denied)
            }
        } else if let Some(l) = lex.words.get(key).or_else(|| lex.words.get(bare)) {
            Some(*l)
        } else if is_future_prefixed(bare) {
            Some(CertaintyLabel::Expected)
        } else {
            None
        };
        if label == Some(CertaintyLabel::Reported) {
            sourcing.get_or_insert(Cue {
                label: CertaintyLabel::Reported,
                tokens: i..i + 1,
            });
        } else if let Some(label) = label {
            return Some(Cue {
                label,
                tokens: i..i + 1,
            });
        }
        i += 1;
    }
    None
}

/// The end of the clause that starts at token `from`: the next `،`/`,`/`؛`, sentence end or
/// `end`, whichever comes first.
fn clause_end(w: &Words<'_>, from: usize, end: usize) -> usize {
    let sentence_end = w.sentence_tokens(from).end;
    let stop = end.min(sentence_end).min(w.len());
    (from + 1..stop)
        .find(|&j| w.is_punct(j, &['،', ',', '؛', ';']))
        .unwrap_or(stop)
}

/// Certainty of tokens `range` of `w`: the leftmost cue in the clause head, with the clause
/// it governs as scope; `confirmed` with the whole range as scope when there is no cue.
pub fn certainty_in(w: &Words<'_>, range: Range<usize>, skip_reported: bool) -> Certainty {
    let scope_all = w.char_span(range.clone());
    match find_cue(w, range.clone(), HEAD_WORDS, skip_reported) {
        Some(cue) => {
            let cue_span = w.char_span(cue.tokens.clone());
            let scope_end_tok = clause_end(w, cue.tokens.end.saturating_sub(1), range.end);
            let scope = w.char_span(cue.tokens.start..scope_end_tok.max(cue.tokens.end));
            Certainty {
                label: cue.label,
                cue: Some(w.slice(cue.tokens.clone()).to_string()),
                cue_start: Some(cue_span.start),
                cue_end: Some(cue_span.end),
                scope_start: scope.start.max(scope_all.start),
                scope_end: scope
                    .end
                    .min(scope_all.end)
                    .max(scope.start.max(scope_all.start)),
            }
        }
        None => Certainty {
            label: CertaintyLabel::Confirmed,
            cue: None,
            cue_start: None,
            cue_end: None,
            scope_start: scope_all.start,
            scope_end: scope_all.end,
        },
    }
}

/// Certainty of the clause at char span `span` of `text` (clamped to the text). The
/// reusable entry point for events: pass the clause of an event trigger.
pub fn certainty_of(text: &str, span: Range<usize>) -> Certainty {
    let w = Words::new(text);
    let first = w.token_at_or_after(span.start);
    let last = w.tokens.partition_point(|t| t.start < span.end);
    certainty_in(&w, first..last.max(first), false)
}

#[cfg(test)]
mod tests;
