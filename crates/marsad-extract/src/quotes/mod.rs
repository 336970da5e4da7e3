//! Quotes: who said what, direct («…») and reported (قال إن…), with speaker, role, cue and
//! certainty, as char spans into the text.
//!
//! The rules, in order (see `docs/annotation.md` for what a quote is):
//!
//! 1. **Cues** ([`cues`]): speech verbs in every person and tense with their conjunctions
//!    (`وأكدت`, `قالوا`, `أؤكد`), circumstantial participles (`مشيرا`), verbal nouns
//!    (`بقوله`, `قائلا`) and source phrases (`بحسب`, `وفقا لـ`), matched on folded keys.
//! 2. **Complement**: the first complementizer (`أن`, `إن`, `بأن`…), colon, quotation
//!    mark or preposition the cue governs (`إلى أن`, `على`, `عن`) after the subject; failing
//!    that, a clause right after a named subject (`وأشار المسماري حتى الآن لا يوجد…`).
//! 3. **Content**: inside the quotation marks (across sentences and paragraphs, nesting
//!    counted) for direct quotes; otherwise to the end of the sentence or the next cue
//!    (`، مشيرا إلى…`, `وأضاف`). Source phrases govern the rest of their sentence, or the
//!    sentence before them when they close it (`بحسب رويترز.`).
//! 4. **Speaker** ([`speaker`]): the subject between cue and complement, split into a name
//!    (a PER/ORG entity, a surname seen before, an organization head) and a role phrase;
//!    an empty subject or a participle continues the previous speaker; a definite role
//!    phrase (`الناطق باسم الجيش`) refers back to the last speaker whose role shares its
//!    head (`المتحدث باسم القوات`); a named speaker with no role takes the role the article
//!    gave them earlier.
//! 5. **Certainty** ([`crate::claims`]): `denied` for denial verbs; else the leftmost cue in
//!    the head of the content; else `reported` for unnamed, media or alleged sources; else
//!    `confirmed`.
//!
//! ```
//! use marsad_core::CertaintyLabel;
//! use marsad_extract::quotes::extract;
//!
//! let body = "وقال وزير الصحة توفيق الربيعة إن الوزارة ستفتح مستشفى جديدا. وأضاف: «لا توجد إصابات».";
//! let quotes = extract(body);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].certainty.label, CertaintyLabel::Expected);
//! assert!(quotes[1].direct);
//! assert_eq!(quotes[1].speaker, quotes[0].speaker);
//! assert_eq!(quotes[1].certainty.label, CertaintyLabel::Denied);
//! ```

pub mod cues;
pub mod speaker;

use crate::claims::words::{Words, fold};
use crate::claims::{HEAD_WORDS, find_cue};
use crate::{Entity, EntityKind, NerModel};
use cues::{CueEntry, CueKind, lookup};
use marsad_core::{Article, Certainty, CertaintyLabel, Quote};
use speaker::{
    Subject, heads, is_media, is_role_head, is_title, is_unnamed, parse_subject, trim_subject,
};
use std::ops::Range;

/// How far (in tokens) after a cue its complement is looked for.
const MAX_SUBJECT: usize = 30;
/// The longest direct quotation followed, in tokens.
const MAX_DIRECT: usize = 1500;

const COMPLEMENTIZERS: &[&str] = &[
    "أن",
    "إن",
    "أنه",
    "إنه",
    "أنها",
    "إنها",
    "أنهم",
    "إنهم",
    "أنهما",
    "أننا",
    "إننا",
    "أنني",
    "إنني",
    "أني",
    "بأن",
    "بأنه",
    "بأنها",
    "بأنهم",
    "بأنهما",
    "بأننا",
    "وأن",
    "فإن",
];

fn complementizers() -> &'static [String] {
    static C: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    C.get_or_init(|| COMPLEMENTIZERS.iter().map(|c| fold(c)).collect())
}

fn is_complementizer(key: &str) -> bool {
    complementizers().iter().any(|c| c == key)
}

const OPENING: &[char] = &['«', '"', '“', '‹', '„'];

/// Extracts the quotes of a text with the embedded NER model. Never fails; every span is
/// a char range of `body`.
pub fn extract(body: &str) -> Vec<Quote> {
    let entities = NerModel::embedded().recognize(body);
    extract_with(body, &entities)
}

/// Extracts the quotes of an article's body.
pub fn extract_article(article: &Article) -> Vec<Quote> {
    extract(&article.body)
}

/// Extracts quotes using entities already recognized in `body` (PER and ORG are used).
pub fn extract_with(body: &str, entities: &[Entity]) -> Vec<Quote> {
    let w = Words::new(body);
    Extractor::new(&w, entities).run()
}

struct Found {
    quote: Quote,
    content: Range<usize>,
    source_cue: bool,
}

struct Extractor<'w, 'a> {
    w: &'w Words<'a>,
    /// Token ranges of PER (true) and ORG (false) mentions, sorted.
    names: Vec<(Range<usize>, bool)>,
    /// Folded last words of person names seen in the text.
    surnames: Vec<String>,
    found: Vec<Found>,
}

impl<'w, 'a> Extractor<'w, 'a> {
    fn new(w: &'w Words<'a>, entities: &[Entity]) -> Self {
        let mut names = Vec::new();
        let mut surnames = Vec::new();
        for e in entities {
            let per = match e.kind {
                EntityKind::Per => true,
                EntityKind::Org => false,
                _ => continue,
            };
            let first = w.tokens.partition_point(|t| t.end <= e.start);
            let last = w.tokens.partition_point(|t| t.start < e.end);
            if first < last {
                names.push((first..last, per));
                if per && last - first >= 2 {
                    surnames.push(w.bare(last - 1).to_string());
                }
            }
        }
        names.sort_by_key(|(r, _)| (r.start, r.end));
        Extractor {
            w,
            names,
            surnames,
            found: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Quote> {
        let mut i = 0;
        while i < self.w.len() {
            if self.inside_direct(i) {
                i += 1;
                continue;
            }
            if let Some(entry) = lookup(self.w.key(i), self.w.bare(i))
                && let Some(f) = self.at_cue(i, entry)
            {
                self.push(f);
            }
            i += 1;
        }
        let mut out: Vec<Quote> = self.found.into_iter().map(|f| f.quote).collect();
        out.sort_by_key(|q| (q.start, q.end));
        out
    }

    fn inside_direct(&self, i: usize) -> bool {
        self.found
            .iter()
            .any(|f| f.quote.direct && f.content.start <= i && i < f.content.end)
    }

    fn push(&mut self, f: Found) {
        if f.quote.start >= f.quote.end {
            return;
        }
        let (s, e) = (f.quote.start, f.quote.end);
        let overlapping = self.found.iter().position(|g| {
            let inter = e.min(g.quote.end).saturating_sub(s.max(g.quote.start));
            let shorter = (e - s).min(g.quote.end - g.quote.start).max(1);
            inter * 2 >= shorter
        });
        match overlapping {
            Some(k) if self.found[k].source_cue && !f.source_cue => self.found[k] = f,
            Some(_) => {}
            None => self.found.push(f),
        }
    }

    /// A name mention (entity or known surname) ending right before token `j`.
    fn name_ends_at(&self, j: usize) -> bool {
        self.names.iter().any(|(r, _)| r.end == j)
            || j.checked_sub(1)
                .is_some_and(|p| self.surnames.iter().any(|s| s == self.w.bare(p)))
    }

    fn is_cue_word(&self, j: usize) -> bool {
        lookup(self.w.key(j), self.w.bare(j))
            .is_some_and(|e| e.kind == CueKind::Participle || (!e.weak && e.kind == CueKind::Verb))
            && self.clause_initial(j)
    }

    /// True when token `j` starts a clause: sentence start, after punctuation, with a glued
    /// conjunction, or after كما/فيما/حيث/بدوره/جهته/جانبه.
    fn clause_initial(&self, j: usize) -> bool {
        let w = self.w;
        j == w.sentence_tokens(j).start
            || w.key(j) != w.bare(j)
            || j.checked_sub(1).is_some_and(|p| {
                !w.is_word(p)
                    || [
                        "كما",
                        "فيما",
                        "حيث",
                        "بدوره",
                        "بدورها",
                        "جهته",
                        "جهتها",
                        "جانبه",
                        "جانبها",
                        "قد",
                        "وقد",
                        "كان",
                        "وكان",
                    ]
                    .contains(&w.key(p))
            })
    }

    fn at_cue(&self, i: usize, entry: CueEntry) -> Option<Found> {
        let w = self.w;
        // A cue in a relative or negated clause (التي لم تكشف…) is not an attribution.
        if i > 0
            && [
                "التي",
                "الذي",
                "الذين",
                "لم",
                "لا",
                "لن",
                "ما",
                "ان",
                "لكي",
                "كي",
            ]
            .contains(&w.key(i - 1))
        {
            return None;
        }
        if entry.weak && entry.kind == CueKind::Verb && !self.clause_initial(i) {
            return None;
        }
        let key = w.bare(i);
        // Impersonal or non-speech uses: يذكر أن، تبين أن، يشار إلى.
        if entry.kind != CueKind::Source && ["تبين", "يتبين", "يذكر", "يشار"].contains(&key)
        {
            return None;
        }
        if entry.kind == CueKind::Source {
            return self.source_cue(i, entry);
        }
        let sent = w.sentence_tokens(i);
        let limit = sent.end.min(i + 1 + MAX_SUBJECT).min(w.len());
        // Postposed: «…»، أوضح ذلك فلان.
        if w.key(i + 1) == "ذلك" && entry.kind == CueKind::Verb {
            let content = trim_punct(w, sent.start..i);
            let subj = trim_subject(w, i + 2..sent.end);
            return self.build(i, entry, subj, content, false);
        }
        let mut complement = None;
        let mut fallback = None;
        let mut j = i + 1;
        while j < limit {
            let k = w.key(j);
            if w.is_punct(j, &[':']) {
                complement = Some((j, Kind::Colon));
                break;
            }
            if w.is_punct(j, OPENING) {
                // A short quoted name inside the subject (وتابع "كليبي": …) is skipped.
                if let Some(q) = self.quoted(j)
                    && q.end - q.start <= 4
                    && (w.is_punct(q.end + 1, &[':', '،', ','])
                        || is_complementizer(w.key(q.end + 1))
                        || w.key(q.end + 1) == "عن")
                {
                    j = q.end + 1;
                    continue;
                }
                complement = Some((j, Kind::Open));
                break;
            }
            if is_complementizer(k) {
                complement = Some((j, Kind::Clause));
                break;
            }
            if j > i + 1
                && (self.is_cue_word(j) || ["فال", "فان", "فقد"].iter().any(|p| k.starts_with(p)))
            {
                break;
            }
            let subject_words = (i + 1..j).filter(|&x| w.is_word(x)).count();
            let after_subject =
                subject_words <= 3 || w.is_punct(j - 1, &['،', ',']) || self.name_ends_at(j);
            let to_clause = matches!(k, "الي" | "الى") && matches!(entry.lemma, "أشار" | "لفت");
            if (after_subject || to_clause) && self.prepositional(entry, j) {
                complement = Some((j, Kind::Clause));
                break;
            }
            if fallback.is_none()
                && j > i + 1
                && self.name_ends_at(j)
                && w.is_word(j)
                && !speaker::adjunct_starts().contains(k)
                && entry.kind == CueKind::Verb
                && !entry.weak
            {
                fallback = Some(j);
            }
            j += 1;
        }
        let (c, kind) = match (complement, fallback) {
            (Some(c), _) => c,
            (None, Some(f)) => (f, Kind::Clause),
            (None, None) => return None,
        };
        if entry.kind == CueKind::Participle && c > i + 3 {
            return None;
        }
        if entry.weak && kind == Kind::Clause && !is_complementizer(w.key(c)) && w.key(c) != "عن"
        {
            return None;
        }
        let mut subj = if entry.kind == CueKind::Participle {
            i + 1..i + 1
        } else {
            trim_subject(w, i + 1..c)
        };
        if subj.is_empty() && entry.kind == CueKind::Verb && w.key(i) == w.bare(i) {
            subj = self.preceding_subject(i);
        }
        let (content, direct) = match kind {
            Kind::Open => (self.quoted(c)?, true),
            Kind::Colon => {
                if w.is_punct(c + 1, OPENING) {
                    (self.quoted(c + 1)?, true)
                } else {
                    let direct = !is_complementizer(w.key(c + 1));
                    (self.colon_end(c + 1), direct)
                }
            }
            Kind::Clause => {
                // إن "…": the quotation marks hold the words.
                if is_complementizer(w.key(c)) && w.is_punct(c + 1, OPENING) {
                    (self.quoted(c + 1)?, true)
                } else {
                    (self.indirect_end(c), false)
                }
            }
        };
        self.build(i, entry, subj, content, direct)
    }

    /// True when token `j` is a preposition or `ب`-noun the cue governs (أشار إلى، أكد على،
    /// كشف عن، نوه بـ…), or a direct object of أعلن/أكد/نفى after a subject.
    fn prepositional(&self, entry: CueEntry, j: usize) -> bool {
        let w = self.w;
        let k = w.key(j);
        let lemma = entry.lemma;
        let next_is_clause = is_complementizer(w.key(j + 1));
        match k {
            "الي" | "الى" | "لل" => matches!(lemma, "أشار" | "لفت") || next_is_clause,
            "علي" => matches!(lemma, "أكد" | "شدد" | "نوه") || next_is_clause,
            "عن" => matches!(lemma, "كشف" | "أعلن" | "أفاد" | "نقل" | "تحدث") || next_is_clause,
            _ => {
                let b = w.bare(j);
                (b.starts_with('ب')
                    && matches!(lemma, "نوه" | "أكد" | "أفاد" | "أقر" | "صرح" | "أشار")
                    && [
                        "بوجود",
                        "بضروره",
                        "باهميه",
                        "باهتمام",
                        "بانه",
                        "بعدم",
                        "بان",
                    ]
                    .contains(&b))
                    || (matches!(lemma, "أشار" | "لفت") && b.starts_with("لل"))
                    || (j > 1
                        && (self.name_ends_at(j)
                            || (w.is_punct(j - 1, &['،', ',']) && self.name_ends_at(j - 1)))
                        && matches!(lemma, "أعلن" | "أكد" | "نفى" | "اعتبر" | "كشف")
                        && w.is_word(j)
                        && !speaker::adjunct_starts().contains(k)
                        && !is_role_head(k)
                        && !is_title(k)
                        && !self.names.iter().any(|(r, _)| r.start == j))
            }
        }
    }

    /// The content of a quotation opened at token `open`: up to the matching close.
    fn quoted(&self, open: usize) -> Option<Range<usize>> {
        let w = self.w;
        let oc = w.tokens.get(open)?.text(w.text).chars().next()?;
        let close: &[char] = match oc {
            '«' => &['»'],
            '“' => &['”', '"'],
            '‹' => &['›'],
            '„' => &['“', '”'],
            _ => &['"', '”'],
        };
        let mut depth = 0usize;
        let end = (open + 1 + MAX_DIRECT).min(w.len());
        for j in open + 1..end {
            if oc == '«' && w.is_punct(j, &['«']) {
                depth += 1;
                continue;
            }
            if w.is_punct(j, close) {
                if depth == 0 {
                    return Some(trim_punct(w, open + 1..j)).filter(|r| !r.is_empty());
                }
                depth -= 1;
            }
        }
        // Unclosed: to the end of the paragraph.
        let stop = (open + 1..w.len())
            .find(|&j| j > open + 1 && w.line_before[j])
            .unwrap_or(w.len());
        Some(trim_punct(w, open + 1..stop)).filter(|r| !r.is_empty())
    }

    /// Reported content from token `from`: to the sentence end or the next cue clause.
    fn indirect_end(&self, from: usize) -> Range<usize> {
        let w = self.w;
        let sent_end = w.sentence_tokens(from).end;
        let mut end = sent_end;
        for k in from + 1..sent_end {
            if w.is_punct(k, OPENING) {
                // A quotation inside reported speech stays in it.
                continue;
            }
            let cue = lookup(w.key(k), w.bare(k));
            let Some(e) = cue else { continue };
            if e.kind == CueKind::Source {
                if w.is_punct(k - 1, &['،', ',', '؛', ';']) {
                    end = k;
                    break;
                }
                continue;
            }
            if e.weak && e.kind == CueKind::Verb && w.key(k) == w.bare(k) {
                continue;
            }
            let joined = w.key(k) != w.bare(k);
            let after_punct = w.is_punct(k - 1, &['،', ',', '؛', ';', '.']);
            let after_conj = ["كما", "فيما", "حيث"].contains(&w.key(k - 1));
            if after_punct || (joined && e.kind == CueKind::Verb) || after_conj {
                end = if after_conj { k - 1 } else { k };
                break;
            }
        }
        trim_punct(w, from..end)
    }

    /// Speech after a colon without quotation marks: to the end of the paragraph or the
    /// next cue clause.
    fn colon_end(&self, from: usize) -> Range<usize> {
        let w = self.w;
        let mut r = self.indirect_end(from);
        loop {
            let next = r.end;
            let para_break = next >= w.len() || w.line_before[next];
            if para_break {
                break;
            }
            // Only continue over a sentence end, not over a cue clause.
            let sent_end = w.sentence_tokens(r.start.max(from)).end;
            let mut k = r.end;
            while k < sent_end && k < w.len() && !w.is_word(k) {
                k += 1;
            }
            if k < sent_end || k >= w.len() || w.line_before[k] || self.is_cue_word(k) {
                break;
            }
            let more = self.indirect_end(k);
            if more.is_empty() {
                break;
            }
            r = r.start..more.end;
        }
        r
    }

    fn source_cue(&self, i: usize, entry: CueEntry) -> Option<Found> {
        let w = self.w;
        let sent = w.sentence_tokens(i);
        let mut np_start = i + 1;
        // وفقا لـ / وفقاً لموقع: skip a bare ل.
        if ["ل", "لـ"].contains(&w.key(np_start)) {
            np_start += 1;
        }
        if ["ما"].contains(&w.key(np_start)) || w.key(i).ends_with("ما") {
            // حسب ما ذكر…: the verb after it carries the attribution.
            return None;
        }
        let np_end = (np_start..sent.end.min(np_start + 10))
            .find(|&j| {
                w.is_punct(j, &['،', ',', '؛', ';', '.', ':'])
                    || is_complementizer(w.key(j))
                    || ["فقد", "فان"].contains(&w.key(j))
            })
            .unwrap_or(sent.end.min(np_start + 10));
        if np_end <= np_start {
            return None;
        }
        // The phrase must name a source: a PER/ORG mention, a media or source head word.
        let first = w
            .key(np_start)
            .strip_prefix('ل')
            .unwrap_or(w.key(np_start))
            .to_string();
        let first_word = w.slice(np_start..np_start + 1);
        let is_source = self
            .names
            .iter()
            .any(|(r, _)| r.start >= np_start && r.start < np_end)
            || is_unnamed(&first)
            || is_unnamed(first_word.trim_start_matches('ل'))
            || is_media(w.slice(np_start..np_end))
            || speaker::org_heads().contains(first.as_str())
            || ["بيان", "البيان", "مصادرها", "ما", "رويترز"].contains(&first.as_str())
            || w.is_punct(np_start, OPENING);
        if !is_source {
            return None;
        }
        let clause_start = {
            let mut s = sent.start;
            while s < i && !w.is_word(s) {
                s += 1;
            }
            s
        };
        let followed_by_clause = ["فان", "فقد"].contains(&w.key(np_end))
            || (w.is_punct(np_end, &['،', ',']) && ["فان", "فقد"].contains(&w.key(np_end + 1)));
        let content = if clause_start >= i || followed_by_clause {
            // بحسب X، فإن …: the rest of the sentence.
            let mut from = np_end;
            while from < sent.end && w.is_punct(from, &['،', ',', '؛', ';', ':']) {
                from += 1;
            }
            self.indirect_end(from)
        } else {
            let before = trim_punct(w, clause_start..i);
            if before.is_empty() || before.end - before.start < 3 {
                // «بحسب رويترز.» closes the sentence before.
                let prev = w.sentence_of.get(i).copied().unwrap_or(0);
                let p = prev.checked_sub(1).and_then(|p| w.sentences.get(p))?;
                trim_punct(w, p.tokens.clone())
            } else {
                before
            }
        };
        let subj = trim_subject(w, np_start..np_end);
        let mut f = self.build(i, entry, subj, content, false)?;
        f.source_cue = true;
        Some(f)
    }

    fn build(
        &self,
        cue: usize,
        entry: CueEntry,
        subj: Range<usize>,
        content: Range<usize>,
        direct: bool,
    ) -> Option<Found> {
        let w = self.w;
        if content.is_empty() {
            return None;
        }
        let Subject { name, role } = parse_subject(w, subj.clone(), &self.names);
        let mut speaker: Option<(String, Option<Range<usize>>)> = name
            .clone()
            .map(|r| (clean_name(w.slice(r.clone())), Some(w.char_span(r))));
        let mut role_text: Option<String> = role.clone().map(|r| strip_conj(w.slice(r)));
        let prev = self
            .found
            .iter()
            .rev()
            .find(|f| !f.source_cue)
            .map(|f| &f.quote);
        let sentence_start = w.sentence_tokens(cue).start;
        let prev_here = self
            .found
            .iter()
            .rev()
            .find(|f| !f.source_cue)
            .is_some_and(|f| f.content.end > sentence_start);
        if speaker.is_none()
            && role_text.is_none()
            && matches!(entry.kind, CueKind::Participle | CueKind::SpeechNoun)
            && !prev_here
            && let Some(n) = self
                .nearest_name_before(cue)
                .filter(|n| n.start >= sentence_start)
        {
            speaker = Some((clean_name(w.slice(n.clone())), Some(w.char_span(n))));
        }
        if speaker.is_none() && role_text.is_none() {
            // Continuation: وأضاف، مشيرا، قائلا… take the previous speaker.
            match prev {
                Some(p) => {
                    speaker = p
                        .speaker
                        .clone()
                        .map(|s| (s, p.speaker_start.zip(p.speaker_end).map(|(a, b)| a..b)));
                    role_text = p.role.clone();
                }
                None => {
                    let found = self.nearest_name_before(cue)?;
                    speaker = Some((clean_name(w.slice(found.clone())), Some(w.char_span(found))));
                }
            }
        } else if speaker.is_none()
            && let Some(r) = &role_text
        {
            // A definite role phrase referring back: الناطق باسم الجيش → المتحدث باسم القوات.
            if r.starts_with("ال") && r.split_whitespace().count() <= 6 && !is_unnamed(r) {
                let h = heads(r);
                let back = self.found.iter().rev().filter(|f| !f.source_cue).find(|f| {
                    let q = &f.quote;
                    let theirs: Vec<String> = q
                        .role
                        .iter()
                        .chain(q.speaker.iter())
                        .flat_map(|s| heads(s))
                        .collect();
                    h.first().is_some_and(|first| theirs.contains(first))
                });
                if let Some(f) = back
                    && let Some(s) = &f.quote.speaker
                {
                    speaker = Some((
                        s.clone(),
                        f.quote
                            .speaker_start
                            .zip(f.quote.speaker_end)
                            .map(|(a, b)| a..b),
                    ));
                }
            }
        }
        // A surname alone takes the full name seen before.
        if let Some((s, span)) = &mut speaker
            && s.split_whitespace().count() == 1
        {
            let last = fold(s);
            if let Some(full) = self
                .found
                .iter()
                .rev()
                .filter_map(|f| f.quote.speaker.as_ref())
                .find(|p| {
                    p.split_whitespace().count() > 1
                        && p.split_whitespace().last().map(fold) == Some(last.clone())
                })
            {
                *s = full.clone();
            } else if let Some((r, _)) = self
                .names
                .iter()
                .find(|(r, per)| *per && r.end - r.start >= 2 && w.bare(r.end - 1) == last)
            {
                *s = clean_name(w.slice(r.clone()));
                *span = Some(w.char_span(r.clone()));
            }
        }
        // A named speaker keeps the role the article gave them.
        if role_text.is_none()
            && let Some((s, _)) = &speaker
        {
            role_text = self
                .found
                .iter()
                .rev()
                .find(|f| f.quote.speaker.as_deref() == Some(s.as_str()) && f.quote.role.is_some())
                .and_then(|f| f.quote.role.clone())
                .or_else(|| self.role_from_mention(s, cue));
        }
        let span = w.char_span(content.clone());
        let cue_span = w.char_span(cue..cue + 1);
        let who = speaker
            .as_ref()
            .map(|(s, _)| s.clone())
            .or(role_text.clone())
            .unwrap_or_default();
        let unnamed = speaker.is_none() && role_text.as_deref().is_some_and(is_unnamed)
            || is_media(&who)
            || role_text
                .as_deref()
                .is_some_and(|r| is_unnamed(r) && speaker.is_none());
        let certainty = self.certainty(cue, entry, content.clone(), unnamed);
        let (speaker_name, speaker_span) = match speaker {
            Some((s, sp)) => (Some(s), sp),
            None => (None, None),
        };
        Some(Found {
            quote: Quote {
                speaker: speaker_name,
                speaker_start: speaker_span.as_ref().map(|r| r.start),
                speaker_end: speaker_span.as_ref().map(|r| r.end),
                speaker_actor: None,
                role: role_text,
                cue: w.slice(cue..cue + 1).to_string(),
                cue_start: cue_span.start,
                cue_end: cue_span.end,
                text: w.slice(content.clone()).to_string(),
                direct,
                certainty,
                start: span.start,
                end: span.end,
            },
            content,
            source_cue: false,
        })
    }

    fn certainty(
        &self,
        cue: usize,
        entry: CueEntry,
        content: Range<usize>,
        unnamed: bool,
    ) -> Certainty {
        let w = self.w;
        let scope = w.char_span(content.clone());
        let at_cue = |label: CertaintyLabel, t: Range<usize>| {
            let s = w.char_span(t.clone());
            Certainty {
                label,
                cue: Some(w.slice(t).to_string()),
                cue_start: Some(s.start),
                cue_end: Some(s.end),
                scope_start: scope.start,
                scope_end: scope.end,
            }
        };
        if entry.denial {
            return at_cue(CertaintyLabel::Denied, cue..cue + 1);
        }
        if let Some(c) = find_cue(w, content.clone(), HEAD_WORDS, true) {
            return at_cue(c.label, c.tokens);
        }
        if unnamed || entry.allegation {
            return at_cue(CertaintyLabel::Reported, cue..cue + 1);
        }
        at_cue(CertaintyLabel::Confirmed, cue..cue + 1)
    }

    /// The subject of a subject-first clause (`… إلا أن مصادر محلية أكدت …`,
    /// `المفكر العراقي فاضل الربعي قال إن …`): the words right before the verb, back to a
    /// complementizer, punctuation or the sentence start.
    fn preceding_subject(&self, i: usize) -> Range<usize> {
        let w = self.w;
        let start_limit = w.sentence_tokens(i).start;
        let mut s = i;
        while s > start_limit {
            let p = s - 1;
            let k = w.key(p);
            if !w.is_word(p)
                || is_complementizer(k)
                || ["ان", "الا", "لكن", "ولكن", "بينما", "فيما", "حيث", "كما"].contains(&k)
                || lookup(k, w.bare(p)).is_some()
                || i - p > 8
            {
                break;
            }
            s = p;
        }
        // Only a noun phrase: it must not start with a verb-like conjunction word.
        if s < i
            && s > start_limit
            && !w.is_punct(s - 1, &['،', ',', '.', '؛'])
            && !is_complementizer(w.key(s - 1))
            && !["ان", "الا", "لكن", "ولكن"].contains(&w.key(s - 1))
        {
            return i..i;
        }
        trim_subject(w, s..i)
    }

    /// The nearest PER/ORG mention before token `i`, in its sentence or the one before.
    fn nearest_name_before(&self, i: usize) -> Option<Range<usize>> {
        let s = self.w.sentence_of.get(i).copied().unwrap_or(0);
        let from = s
            .checked_sub(1)
            .and_then(|p| self.w.sentences.get(p))
            .map(|p| p.tokens.start)
            .unwrap_or(0);
        self.names
            .iter()
            .filter(|(r, _)| r.end <= i && r.start >= from)
            .max_by_key(|(r, per)| (*per, r.end))
            .map(|(r, _)| r.clone())
    }

    /// The role phrase before an earlier mention of `name` (`المتحدث باسم القوات الليبية
    /// العقيد أحمد المسماري`).
    fn role_from_mention(&self, name: &str, before: usize) -> Option<String> {
        let w = self.w;
        let last = fold(name.split_whitespace().last()?);
        for p in 0..before.min(w.len()) {
            if w.bare(p) != last && w.key(p) != last {
                continue;
            }
            // The start of the mention: the entity holding p, else p.
            let start = self
                .names
                .iter()
                .find(|(r, _)| r.start <= p && p < r.end)
                .map(|(r, _)| r.start)
                .unwrap_or(p);
            let mut j = start;
            while j > 0 && is_title(w.key(j - 1)) {
                j -= 1;
            }
            let window_start = j.saturating_sub(10);
            let mut head = None;
            for k in (window_start..j).rev() {
                if !w.is_word(k) || lookup(w.key(k), w.bare(k)).is_some() {
                    break;
                }
                if is_role_head(w.key(k)) {
                    head = Some(k);
                    break;
                }
            }
            if let Some(h) = head {
                let r = speaker::role_range(w, h..j);
                if !r.is_empty() {
                    return Some(strip_conj(w.slice(r)));
                }
            }
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Colon,
    Clause,
}

/// Drops punctuation (but not quotation marks inside) from both ends of a token range.
fn trim_punct(w: &Words<'_>, r: Range<usize>) -> Range<usize> {
    let mut s = r.start;
    let mut e = r.end.min(w.len());
    let edge = ['،', ',', '؛', ';', '.', ':', '-', '–', '…'];
    while s < e && w.is_punct(s, &edge) {
        s += 1;
    }
    while e > s
        && (w.is_punct(e - 1, &edge)
            || w.is_punct(e - 1, &['"', '»', '”']) && !has_open(w, s..e - 1))
    {
        e -= 1;
    }
    s..e
}

fn has_open(w: &Words<'_>, r: Range<usize>) -> bool {
    r.into_iter().any(|j| w.is_punct(j, OPENING))
}

/// A name as displayed: quotation marks and a leading conjunction removed.
fn clean_name(s: &str) -> String {
    let t = s.trim_matches(|c: char| {
        OPENING.contains(&c) || matches!(c, '»' | '”' | '(' | ')' | '،' | ',')
    });
    strip_conj(t.trim())
}

/// Drops a conjunction و/ف glued to an article (والمتحدث → المتحدث).
fn strip_conj(s: &str) -> String {
    for p in ["وال", "فال"] {
        if let Some(rest) = s.strip_prefix(p) {
            return format!("ال{rest}");
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests;
