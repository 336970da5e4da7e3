//! One body prepared for the event rules: its words (folded keys, sentences), the entities
//! as token ranges, clause boundaries, and per-sentence context flags.

use super::vocab;
use crate::claims::words::Words;
use crate::entity::{Entity, EntityKind};
use crate::gazetteer::{EntryKind, Gazetteer};
use std::ops::Range;

/// An entity mapped onto tokens.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub kind: EntityKind,
    pub tokens: Range<usize>,
    /// Char span in the body (a proclitic of the first token is outside it).
    pub start: usize,
    pub end: usize,
}

/// Context flags of one sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SentenceFlags {
    pub sports: bool,
    pub protest: bool,
    pub assault: bool,
    pub speech: bool,
}

const NONE: u32 = u32::MAX;

#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub w: Words<'a>,
    /// The body as chars, to slice argument names by char span.
    pub chars: Vec<char>,
    pub ents: Vec<Ent>,
    /// The entity covering each token (the longest, when nested).
    ent_at: Vec<u32>,
    /// True where a clause begins.
    opens: Vec<bool>,
    /// True where a clause begins at a word (complementizer, relative…) or a strong
    /// punctuation mark, not at a comma: pattern gaps and object searches stop there.
    hard: Vec<bool>,
    /// True on the tokens of a time or place set off by commas (see
    /// `join_circumstantials`), commas included: distances between words skip them.
    aside: Vec<bool>,
    /// Context flags of each sentence, computed when a trigger first asks.
    flags: Vec<std::cell::OnceCell<SentenceFlags>>,
    /// Gazetteer kind masks of single tokens (titles, bodies, places), computed on first use:
    /// only the words around triggers are ever asked about.
    masks: Vec<std::cell::OnceCell<u16>>,
    /// Each key without a glued و/ف, when the corpus counts the rest as the word (وزار →
    /// زار, but وزير stays وزير); `None` when it is the key itself.
    bare: Vec<Option<String>>,
}

/// The corpus lexicon's counts, for deciding whether leading letters are clitics.
/// True when token `i` is a title abbreviation followed by its full stop (`د.`, `أ.`, `م.`),
/// a stop that ends neither the clause nor the phrase.
pub(crate) fn abbreviation_at(w: &Words<'_>, i: usize) -> bool {
    w.is_word(i) && matches!(w.key(i), "د" | "ا" | "م") && w.is_punct(i + 1, &['.'])
}

pub(crate) fn segmenter() -> &'static marsad_arabic::segment::Segmenter {
    static SEG: std::sync::OnceLock<marsad_arabic::segment::Segmenter> = std::sync::OnceLock::new();
    SEG.get_or_init(marsad_arabic::segment::Segmenter::folded)
}

/// True when `rest` is `key` without clitics the corpus supports: the rest is seen at least
/// half as often as the whole (وزار → زار), or the whole is unseen.
pub(crate) fn clitic_split_ok(key: &str, rest: &str) -> bool {
    clitic_split_ok_by(key, rest, 2)
}

/// [`clitic_split_ok`] with the ratio the whole must exceed the rest by to overrule it.
pub(crate) fn clitic_split_ok_by(key: &str, rest: &str, ratio: u32) -> bool {
    let seg = segmenter();
    let whole = seg.count(key);
    whole == 0 || seg.count(rest).saturating_mul(ratio) >= whole
}

fn guarded_bare(key: &str) -> Option<String> {
    for p in ['و', 'ف'] {
        if let Some(rest) = key.strip_prefix(p)
            && rest.chars().count() >= 2
            && clitic_split_ok(key, rest)
        {
            return Some(rest.to_string());
        }
    }
    None
}

fn bit(k: EntryKind) -> u16 {
    k.bit()
}

impl<'a> Doc<'a> {
    pub fn new(body: &'a str, entities: &[Entity]) -> Doc<'a> {
        let w = Words::new(body);
        let n = w.len();
        let mut ents: Vec<Ent> = Vec::new();
        for e in entities {
            if e.start >= e.end {
                continue;
            }
            let first = w.tokens.partition_point(|t| t.end <= e.start);
            let last = w.tokens.partition_point(|t| t.start < e.end);
            if first < last && last <= n {
                ents.push(Ent {
                    kind: e.kind,
                    tokens: first..last,
                    start: e.start,
                    end: e.end,
                });
            }
        }
        ents.sort_by_key(|e| (e.tokens.start, std::cmp::Reverse(e.tokens.end)));
        let mut ent_at = vec![NONE; n];
        for (k, e) in ents.iter().enumerate() {
            for t in e.tokens.clone() {
                if ent_at[t] == NONE {
                    ent_at[t] = k as u32;
                }
            }
        }
        let mut opens = vec![false; n + 1];
        let mut hard = vec![false; n + 1];
        for s in &w.sentences {
            if s.tokens.start < n {
                opens[s.tokens.start] = true;
                hard[s.tokens.start] = true;
            }
        }
        for i in 0..n {
            if w.is_punct(i, &['،', ',', '«', '»', '"', '“', '”', '(', ')', '-', '–']) {
                opens[i + 1] = true;
            }
            // د. سامي: the full stop of a title abbreviation, which the sentence splitter
            // keeps inside the sentence, does not end the clause either.
            let abbreviation = i > 0 && abbreviation_at(&w, i - 1);
            if w.is_punct(i, &['؛', ';', ':', '.', '؟', '?', '!']) && !abbreviation {
                opens[i + 1] = true;
                hard[i + 1] = true;
            }
            if w.is_word(i) && (vocab::is_clause_opener(w.key(i))) {
                opens[i] = true;
                hard[i] = true;
            }
        }
        let masks = (0..n).map(|_| std::cell::OnceCell::new()).collect();
        let bare = w.keys.iter().map(|k| guarded_bare(k)).collect();
        let flags = (0..w.sentences.len())
            .map(|_| std::cell::OnceCell::new())
            .collect();
        let mut doc = Doc {
            w,
            chars: body.chars().collect(),
            ents,
            ent_at,
            opens,
            hard,
            aside: vec![false; n],
            flags,
            masks,
            bare,
        };
        doc.join_circumstantials();
        doc
    }

    /// عقدت اللجنة، اليوم الاثنين في مرجان، أول اجتماع: commas around a time or a place
    /// only set it off; the verb, its subject and its object stay one clause.
    fn join_circumstantials(&mut self) {
        let n = self.w.len();
        let comma = |w: &Words<'_>, i: usize| w.is_punct(i, &['،', ',']);
        let mut i = 0;
        while i < n {
            if !comma(&self.w, i) {
                i += 1;
                continue;
            }
            let sent_end = self.w.sentence_tokens(i).end;
            let Some(j) = (i + 1..sent_end.min(i + 10)).find(|&j| !self.w.is_word(j)) else {
                i += 1;
                continue;
            };
            if comma(&self.w, j) && j > i + 1 && self.circumstantial(i + 1..j) {
                self.opens[i + 1] = false;
                self.opens[j + 1] = self.hard[j + 1];
                self.aside[i..=j].fill(true);
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }

    /// Tokens from `a` to `b` (exclusive), not counting a time or place set off by commas.
    pub fn distance(&self, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&k| !self.aside.get(k).copied().unwrap_or(false))
            .count()
    }

    /// True when tokens `r` are only times and places: `اليوم الاثنين`, `في مرجان`, `أمس
    /// في العاصمة الروسية موسكو`.
    fn circumstantial(&self, r: Range<usize>) -> bool {
        let mut k = r.start;
        let mut place_or_time = false;
        while k < r.end {
            if matches!(self.bare(k), "في" | "ب") {
                k += 1;
            } else if let Some((_, end)) = super::dates::expr_at(&self.w, k) {
                k = end;
                place_or_time = true;
            } else if vocab::is_adverb(self.bare(k)) {
                k += 1;
            } else if let Some(e) = self.ent(k).filter(|e| e.kind == EntityKind::Loc) {
                k = e.tokens.end;
                place_or_time = true;
            } else if vocab::is_place_head(vocab::clitic_free(self.w.key(k))) || self.is_place(k) {
                k += 1;
                place_or_time = true;
            } else {
                return false;
            }
        }
        place_or_time && k == r.end
    }

    fn sentence_flags(&self, s: usize) -> SentenceFlags {
        let mut f = SentenceFlags::default();
        let Some(sent) = self.w.sentences.get(s) else {
            return f;
        };
        let mut sports = 0;
        for i in sent.tokens.clone() {
            if !self.w.is_word(i) {
                continue;
            }
            let k = self.w.key(i);
            let b = vocab::clitic_free(k);
            if vocab::is_sports(k) || vocab::is_sports(b) || vocab::sports_stems().matches(k) {
                sports += 1;
                // A club or a national team makes a sports sentence by itself.
                if matches!(b, "نادي" | "منتخب" | "دوري") {
                    sports += 1;
                }
            }
            f.protest |= vocab::protest_context().matches(k);
            f.assault |= vocab::assault_context().matches(k);
            f.speech |= vocab::is_speech_context(k) || vocab::is_speech_context(b);
        }
        // One sports word can be incidental (الاتحاد الأوروبي); two make a match report.
        f.sports = sports >= 2;
        f
    }

    pub fn len(&self) -> usize {
        self.w.len()
    }

    /// The flags of the sentence holding token `i`.
    pub fn flags(&self, i: usize) -> SentenceFlags {
        let Some(&s) = self.w.sentence_of.get(i) else {
            return SentenceFlags::default();
        };
        match self.flags.get(s) {
            Some(cell) => *cell.get_or_init(|| self.sentence_flags(s)),
            None => SentenceFlags::default(),
        }
    }

    /// The entity covering token `i`.
    pub fn ent(&self, i: usize) -> Option<&Ent> {
        match self.ent_at.get(i) {
            Some(&k) if k != NONE => self.ents.get(k as usize),
            _ => None,
        }
    }

    /// The entity starting at token `i` (its first token may carry a proclitic).
    pub fn ent_starting(&self, i: usize) -> Option<&Ent> {
        self.ent(i).filter(|e| e.tokens.start == i)
    }

    /// Marks token `i` as opening a clause (a verb trigger with a glued conjunction).
    pub fn open_clause(&mut self, i: usize) {
        if let Some(o) = self.opens.get_mut(i) {
            *o = true;
        }
    }

    /// The clause holding token `i`: from the last clause start at or before it to the
    /// next one, inside its sentence.
    pub fn clause(&self, i: usize) -> Range<usize> {
        let sent = self.w.sentence_tokens(i);
        let mut s = i.min(self.len());
        while s > sent.start && !self.opens[s] {
            s -= 1;
        }
        let mut e = i + 1;
        while e < sent.end && !self.opens[e] {
            e += 1;
        }
        s..e.min(sent.end).max(s)
    }

    /// True when token `i` opens a clause at a word or a strong punctuation mark.
    pub fn is_hard_open(&self, i: usize) -> bool {
        self.hard.get(i).copied().unwrap_or(true)
    }

    /// True when token `i` opens a clause.
    pub fn is_open(&self, i: usize) -> bool {
        self.opens.get(i).copied().unwrap_or(true)
    }

    /// The sentence token range of token `i`.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.w.sentence_tokens(i)
    }

    fn mask(&self, i: usize) -> u16 {
        match self.masks.get(i) {
            Some(cell) => {
                *cell.get_or_init(|| Gazetteer::embedded().single_token_mask(self.w.key(i)))
            }
            None => 0,
        }
    }

    /// A title or role word (الرئيس، وزير، المتحدث).
    pub fn is_title(&self, i: usize) -> bool {
        self.mask(i) & bit(EntryKind::Title) != 0
            || crate::quotes::speaker::is_role_head(self.w.key(i))
            || crate::quotes::speaker::is_title(self.w.key(i))
    }

    /// [`Doc::is_title`] for a folded key that is not a token (a word without its proclitic).
    pub fn is_title_key(key: &str) -> bool {
        Gazetteer::embedded().single_token_mask(key) & bit(EntryKind::Title) != 0
            || crate::quotes::speaker::is_role_head(key)
            || crate::quotes::speaker::is_title(key)
    }

    /// A government body or organization head (وزارة، الجيش، حركة).
    pub fn is_body(&self, i: usize) -> bool {
        self.mask(i) & (bit(EntryKind::Body) | bit(EntryKind::OrgHead)) != 0
    }

    /// A nisba adjective (الروسي، الليبية).
    pub fn is_nisba(&self, i: usize) -> bool {
        self.mask(i) & bit(EntryKind::Nisba) != 0
    }

    /// A listed given name (توفيق، إيمان): a word that may be a person's name.
    pub fn is_given(&self, i: usize) -> bool {
        self.mask(i) & bit(EntryKind::Given) != 0
    }

    /// A listed place (country, capital, city, region).
    pub fn is_place(&self, i: usize) -> bool {
        self.mask(i)
            & (bit(EntryKind::Country)
                | bit(EntryKind::Capital)
                | bit(EntryKind::City)
                | bit(EntryKind::Region))
            != 0
    }

    /// The token's key without a glued conjunction (see `bare` above), or `""`.
    pub fn bare(&self, i: usize) -> &str {
        match self.bare.get(i) {
            Some(Some(b)) => b,
            Some(None) => self.w.key(i),
            None => "",
        }
    }

    /// The token's key without a glued conjunction and article (`والمتظاهرون` → `متظاهرون`).
    pub fn head_key(&self, i: usize) -> &str {
        let b = self.bare(i);
        b.strip_prefix("ال")
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(b)
    }

    /// A word that can head a participant's noun phrase by itself: a title, a body, a group.
    pub fn is_actor_head(&self, i: usize) -> bool {
        let head = self.head_key(i);
        // وفدا، شخصا: the accusative alef of an indefinite noun.
        let unmarked = head.strip_suffix('ا').unwrap_or(head);
        // أول is listed as a title for ranks (فريق أول); alone it is an ordinal (أول اجتماع).
        self.w.is_word(i)
            && head != "اول"
            && (self.is_title(i)
                || self.is_body(i)
                || vocab::is_group_head(head)
                || vocab::is_group_head(unmarked)
                || vocab::is_group_head(self.bare(i)))
    }

    /// Chars of the token's glued conjunction (و/ف) that a name should leave out.
    pub fn conj_chars(&self, i: usize) -> usize {
        if self.w.key(i) != self.bare(i) { 1 } else { 0 }
    }
}
