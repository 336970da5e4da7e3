//! Quotes: who said what, direct («…») and reported (قال إن…), with speaker, role, cue and
//! certainty, as char spans into the text.
//!
//! The rules, in order (see `docs/annotation.md` for what a quote is):
//!
//! 1. **Cues** ([`cues`]): speech verbs in every person and tense with their conjunctions
//!    (`وأكدت`, `قالوا`), circumstantial participles (`مشيرا`), verbal nouns (`بقوله`,
//!    `قائلا`), source phrases (`بحسب`, `وفقا لـ`, `حسبما ذكر`), reporting frames without a
//!    person (`وردت أنباء عن`) and introduced texts (`وفيما يلي نص البيان:`), matched on
//!    folded keys. Not cues: negated or subordinate verbs (`لم تكشف`, `يجب أن يعلن`, but
//!    `بعد أن أكدت` is), performatives (`أعلن استقالته`), the author's own first person
//!    (`أقول لكم`), scripture, hadith and proverbs (`قال تعالى`, `كما يقول المثل`).
//! 2. **Complement**: the first complementizer (`أن`, `إن`, `بأن`…), colon, quotation
//!    mark or preposition the cue governs (`إلى أن`, `على`, `عن`) after the subject (short
//!    quoted names in it are skipped, and it never runs past `لكن`, `عندما`…); failing
//!    that, a clause right after a named subject (`وأشار المسماري حتى الآن لا يوجد…`). When
//!    the subject came first (`وكان فلان قد اعتبر …`, `رواد تويتر يقولون …`) or after a
//!    participle (`مؤكدا وقوف …`), the words right after the cue; after a relative pronoun
//!    (`الناقد فلان الذي قال إن`) only a complementizer, colon or mark right after it.
//! 3. **Content**: inside the quotation marks (across sentences and paragraphs, nesting
//!    counted) for direct quotes; otherwise to the end of the sentence or the next cue
//!    clause (`، مشيرا إلى…`, `وأضاف`, a participle with a complement even without a comma,
//!    `، وهو ما أكده`, `، وكان فلان قد قال`); speech after a colon stops where the narration
//!    resumes (`… . وأشاد الوزير`). Source phrases govern the rest of their sentence, or the
//!    sentence before them when they close it (`بحسب رويترز.`). A quotation that a new
//!    clause brings inside reported content ends that content at the clause.
//! 4. **Speaker** ([`speaker`]): the subject between cue and complement, split into a name
//!    (a PER/ORG entity, a surname seen before, an organization head) and a role phrase
//!    (after an unnamed-source head, `مصادر في وزارة …`, an organization only locates the
//!    source); a subject-less cue coordinated with a clause of its sentence takes that
//!    clause's subject (`وشكا الأهالي …، وأضافوا`, `ودعت الهيئة …، مؤكدة`); otherwise an
//!    empty subject or a participle continues the previous speaker; a definite role phrase
//!    (`الناطق باسم الجيش`) refers back to the last speaker whose role shares its head
//!    (`المتحدث باسم القوات`), else to the closest earlier name it introduced
//!    (`الوزير الألماني` → `وزير الخارجية الألماني فلان`); a named speaker with no role
//!    takes the role the article gave them earlier.
//! 5. **Certainty** ([`crate::claims`]): `denied` for denial verbs; else the leftmost cue
//!    governing the content's main clause (its first clause, skipping relative and
//!    subordinate clauses, joined second predicates and adjectival `المقرر`); else `reported`
//!    for unnamed, media or alleged sources; else `confirmed`.
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

use crate::claims::words::{Words, fold, strip_conjunction};
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

/// Words (folded) after which a certainty cue belongs to a dependent clause: relatives and
/// subordinators.
const DEPENDENT: &[&str] = &[
    "التي",
    "الذي",
    "الذين",
    "اللتين",
    "اللذين",
    "كونه",
    "كونها",
    "كونهم",
    "لكونه",
    "لكونها",
    "لان",
    "لانه",
    "لانها",
    "لانهم",
    "عندما",
    "حينما",
    "بعدما",
    "كي",
    "لكي",
];

/// Adjectives (folded) of future time.
const FUTURE_ADJECTIVES: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];

/// Time nouns (folded) a future adjective dates an event with (`الأسبوع المقبل`).
const TIME_NOUNS: &[&str] = &[
    "الاسبوع",
    "الشهر",
    "العام",
    "السنه",
    "الموسم",
    "اليوم",
    "الايام",
    "الاسابيع",
    "الاشهر",
    "الشهور",
    "الاعوام",
    "السنوات",
    "الفتره",
    "المرحله",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الصيف",
    "الشتاء",
    "الربيع",
    "الخريف",
    "الدوره",
    "الجوله",
    "الساعات",
];

/// Time adverbs (folded) that may separate a named subject from the object of its verb.
const TIME_WORDS: &[&str] = &[
    "امس",
    "اليوم",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
];

/// Words (folded) that mark a cited text rather than a source: scripture, hadith, proverbs.
const CITED: &[&str] = &[
    "تعالي",
    "سبحانه",
    "وجل",
    "الصلاه",
    "صلي",
    "المثل",
    "الحكمه",
    "المأثور",
    "الماثور",
];

/// Words (folded) that open another clause: a cue's subject never runs past them.
const CLAUSE_BREAKS: &[&str] = &[
    "لكن",
    "ولكن",
    "بينما",
    "عندما",
    "حينما",
    "لان",
    "لانه",
    "لانها",
    "ثم",
];

/// Prepositions (folded) that never start a propositional object.
const PREPOSITIONS: &[&str] = &[
    "في", "من", "الي", "الى", "علي", "عن", "مع", "حول", "منذ", "بين", "عند", "لدي", "خلال",
];

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
    /// The cue token.
    cue: usize,
}

struct Extractor<'w, 'a> {
    w: &'w Words<'a>,
    /// Token ranges of PER (true) and ORG (false) mentions, sorted.
    names: Vec<(Range<usize>, bool)>,
    /// Folded last words of person names seen in the text.
    surnames: Vec<String>,
    found: Vec<Found>,
    /// How deep [`Extractor::attributes`] checks are nested: each check extracts a quote,
    /// whose content end may check the next cue, so the depth is bounded.
    depth: std::cell::Cell<u8>,
    /// Answers of [`Extractor::attributes`] by token, so that a sentence full of cues is
    /// not re-extracted from every earlier cue (quadratic, not worse).
    attributes_memo: std::cell::RefCell<rustc_hash::FxHashMap<usize, bool>>,
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
        // A name after a title (`العقيد أحمد المسماري`, `الدكتورة إيليني كتستاكي`) is a person
        // even when the tagger missed it, as foreign names often are.
        for t in 0..w.len() {
            if !is_title(w.key(t)) || ["اول", "د"].contains(&w.key(t)) {
                continue;
            }
            let start = t + 1;
            let mut end = start;
            while end < w.len() && end < start + 4 && Self::name_word(w, end) {
                end += 1;
                // A family name with the article closes the name (`أحمد المسماري`).
                if w.key(end - 1).starts_with("ال") {
                    break;
                }
            }
            if end > start && !names.iter().any(|(r, _)| r.start < end && start < r.end) {
                names.push((start..end, true));
                if end - start >= 2 {
                    surnames.push(w.bare(end - 1).to_string());
                }
            }
        }
        names.sort_by_key(|(r, _)| (r.start, r.end));
        Extractor {
            w,
            names,
            surnames,
            found: Vec::new(),
            depth: std::cell::Cell::new(0),
            attributes_memo: Default::default(),
        }
    }

    /// True when token `j` can be part of a name after a title: a word that is no title,
    /// role head, preposition, complementizer, cue or time word.
    fn name_word(w: &Words<'_>, j: usize) -> bool {
        let k = w.key(j);
        w.is_word(j)
            && !is_title(k)
            && !is_role_head(k)
            && !PREPOSITIONS.contains(&k)
            && !is_complementizer(k)
            && !speaker::adjunct_starts().contains(k)
            && lookup(k, w.bare(j)).is_none()
            && k != "عن"
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
            } else if let Some(f) = self.report_frame(i).or_else(|| self.text_frame(i)) {
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
        // A quotation a new clause brings inside reported content (`قال إن …، وعلّق بمقولة
        // فلان "…"`) is a statement of its own: the reported content ends at that clause.
        if f.quote.direct && !f.source_cue {
            let w = self.w;
            if let Some(g) = self
                .found
                .iter_mut()
                .find(|g| !g.quote.direct && g.content.start < f.cue && f.cue < g.content.end)
                && let Some(cut) = (g.content.start + 2..f.cue)
                    .rev()
                    .find(|&j| w.is_punct(j, &['،', ',', '؛', ';']))
            {
                let content = trim_punct(w, g.content.start..cut);
                let span = w.char_span(content.clone());
                g.quote.text = w.slice(content.clone()).to_string();
                g.quote.end = span.end;
                g.quote.certainty.scope_end = g.quote.certainty.scope_end.min(span.end);
                g.content = content;
            }
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
                        "ثم",
                    ]
                    .contains(&w.key(p))
            })
    }

    fn at_cue(&self, i: usize, entry: CueEntry) -> Option<Found> {
        let w = self.w;
        let prev = if i > 0 { w.key(i - 1) } else { "" };
        let before_prev = if i > 1 { w.key(i - 2) } else { "" };
        // A relative clause whose verb has a clausal complement still attributes to its
        // antecedent (`الناقد فلان الذي قال إن …`, `البيان الذي أوضح أن …`).
        let after_relative = ["التي", "الذي", "الذين", "والذي", "والتي"].contains(&prev);
        // `حسبما ذكر …`, `حسب ما ذكرت …`: a source phrase whose verb names the source.
        let after_source = ["حسبما", "بحسبما", "وحسبما", "وفقما"].contains(&prev)
            || (prev == "ما" && ["حسب", "بحسب", "وحسب", "وفق"].contains(&before_prev));
        // `بعد أن أكدت فلانة أن …`: a statement made before the narrated event.
        let after_an = prev == "ان" && ["بعد", "وبعد", "عقب"].contains(&before_prev);
        // Otherwise a cue in a negated, purposive or subordinate clause (`لم تكشف`, `لكي
        // يقول`, `يجب أن يعلن`) is not an attribution.
        if !after_source
            && !after_an
            && !after_relative
            && ["لم", "لا", "لن", "ما", "ان", "لكي", "كي"].contains(&prev)
        {
            return None;
        }
        if entry.weak
            && entry.kind == CueKind::Verb
            && !self.clause_initial(i)
            && !after_source
            && !after_an
            && !after_relative
            && !is_complementizer(w.key(i + 1))
        {
            return None;
        }
        // `رأي` (an opinion), spelled with ya, is not the verb `رأى`.
        if entry.lemma == "رأى" && w.slice(i..i + 1).ends_with("رأي") {
            return None;
        }
        // `يُدعى` (is called), spelled with alef maksura, is not `يدّعي` (claims).
        if entry.allegation
            && entry.kind == CueKind::Verb
            && w.slice(i..i + 1).ends_with('ى')
            && !w.key(i).starts_with("اد")
        {
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
        // A subject-first clause (`وكان فلان قد اعتبر …`, `رواد تويتر يقولون …`): the words
        // right after the verb are its complement, not its subject.
        let fronted = if entry.kind == CueKind::Verb && w.key(i) == w.bare(i) && !after_relative {
            Some(self.preceding_subject(i))
                .filter(|r| {
                    self.noun_phrase_start(r.start)
                        && (r.end == i || (r.end + 1 == i && w.key(r.end) == "قد"))
                })
                .unwrap_or(i..i)
        } else {
            i..i
        };
        let mut complement = None;
        let mut fallback = None;
        if !fronted.is_empty() && self.unmarked_object(entry, i + 1) {
            complement = Some((i + 1, Kind::Clause));
        }
        // `بقوله تم …`: a verbal noun followed at once by the speech.
        if entry.kind == CueKind::SpeechNoun && self.starts_unmarked_speech(i + 1) {
            complement = Some((i + 1, Kind::Clause));
        }
        let mut j = if complement.is_some() { limit } else { i + 1 };
        while j < limit {
            let k = w.key(j);
            if w.is_punct(j, &[':']) {
                complement = Some((j, Kind::Colon));
                break;
            }
            if w.is_punct(j, OPENING) {
                // A short quoted name inside the subject (وتابع "كليبي": …) is skipped.
                // So is one after a medium's head word (`موقع "ذا لوكال"`), or one the
                // complement still follows (`دراسة أجرتها «فلانة» و«فلانة»، أن …`).
                if let Some(q) = self.quoted(j)
                    && q.end - q.start <= 4
                    && (w.is_punct(q.end + 1, &[':', '،', ','])
                        || is_complementizer(w.key(q.end + 1))
                        || w.key(q.end + 1) == "عن"
                        || (j > 0 && speaker::is_medium_head(w.slice(j - 1..j)))
                        || (q.end + 1..(q.end + 9).min(limit))
                            .take_while(|&x| !w.is_punct(x, &['.', ':']))
                            .any(|x| is_complementizer(w.key(x))))
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
                && (self.is_cue_word(j)
                    || ["فال", "فان", "فقد"].iter().any(|p| k.starts_with(p))
                    || CLAUSE_BREAKS.contains(&k))
            {
                break;
            }
            if entry.kind == CueKind::Participle
                && j == i + 1
                && (self.participle_object(entry, j)
                    || (w.key(j) == "النظر" && self.prepositional(entry, j + 1)))
            {
                let at = if w.key(j) == "النظر" { j + 1 } else { j };
                complement = Some((at, Kind::Clause));
                break;
            }
            let subject_words = (i + 1..j).filter(|&x| w.is_word(x)).count();
            let after_subject =
                subject_words <= 3 || w.is_punct(j - 1, &['،', ',']) || self.name_ends_at(j);
            let to_clause = matches!(k, "الي" | "الى") && matches!(entry.lemma, "أشار" | "لفت");
            // `أعلن مجلس الاحتياطي (البنك المركزي) أمس القواعد الجديدة`: a named subject and a
            // time adjunct, then the object.
            let after_time = j > i + 2
                && TIME_WORDS.contains(&w.key(j - 1))
                && self.names.iter().any(|(r, _)| r.start > i && r.end < j)
                && self.participle_object(entry, j);
            // `ونفى وزير الخارجية فلان، الأنباء …`: a subject with a role or title, closed by a
            // comma, then the object, whether or not the tagger found the name.
            let after_role = j > i + 2
                && subject_words <= 8
                && w.is_punct(j - 1, &['،', ','])
                && (i + 1..j - 1).any(|x| is_role_head(w.key(x)) || is_title(w.key(x)))
                && !w.key(j).starts_with('و')
                && !is_role_head(k)
                && !is_title(k)
                && !self.starts_name(j)
                && self.participle_object(entry, j);
            if after_time
                || after_role
                || ((after_subject || to_clause) && self.prepositional(entry, j))
            {
                complement = Some((j, Kind::Clause));
                break;
            }
            if fallback.is_none()
                && fronted.is_empty()
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
            (None, Some(f)) if !after_relative => (f, Kind::Clause),
            _ if after_source => {
                // `…، حسبما ذكرت الوكالة.`: the phrase closes the clause it sources.
                let phrase = if prev == "ما" { i - 2 } else { i - 1 };
                let content = self.closing_content(phrase)?;
                let end = (i + 1..sent.end)
                    .find(|&j| w.is_punct(j, &['،', ',', '؛', ';', '.', ':']))
                    .unwrap_or(sent.end);
                let subj = trim_subject(w, i + 1..end);
                let mut f = self.build(i, entry, subj, content, false)?;
                f.source_cue = true;
                return Some(f);
            }
            _ => return None,
        };
        // `أعلن استقالته`, `أعلنوا تزكيتهم لفلان`: announcing one's own act is a
        // performative, not a statement.
        if entry.lemma == "أعلن"
            && kind == Kind::Clause
            && !is_complementizer(w.key(c))
            && !PREPOSITIONS.contains(&w.key(c))
            && ["ه", "ها", "هم", "هما"]
                .iter()
                .any(|p| w.slice(c..c + 1).ends_with(p))
        {
            return None;
        }
        let subject_words = (i + 1..c).filter(|&x| w.is_word(x)).count();
        // After a relative pronoun the verb's subject is the antecedent, so the complement
        // follows at once (`الذي قال إن …`); a far one belongs to another clause.
        if after_relative
            && (subject_words > 3
                || !(matches!(kind, Kind::Open | Kind::Colon) || is_complementizer(w.key(c))))
        {
            return None;
        }
        // A quotation mark after a source phrase belongs to it (`أعلن وفاتها …؛ حسبما ذكر
        // موقع "…"`), and one after a new coordinated clause (`…، وعلّق بمقولة فلان "…"`)
        // to that clause, not to this cue.
        if kind == Kind::Open
            && (i + 1..c).any(|x| {
                lookup(w.key(x), w.bare(x)).is_some_and(|e| e.kind == CueKind::Source)
                    || w.is_punct(x, &['؛', ';'])
                    || (w.is_punct(x, &['،', ','])
                        && w.key(x + 1).starts_with('و')
                        && w.key(x + 1) != w.bare(x + 1)
                        && !w.bare(x + 1).starts_with("ال"))
            })
        {
            return None;
        }
        // A weak verb far from its complementizer is another word (`وبين أبريل ويونيو بلغت
        // … أن`): a long subject must hold a name or a comma.
        if entry.weak
            && subject_words > 8
            && !self.names.iter().any(|(r, _)| r.start > i && r.end <= c)
            && !(i + 1..c).any(|x| w.is_punct(x, &['،', ',']))
        {
            return None;
        }
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
        if subj.is_empty() && after_relative {
            subj = self.antecedent(i - 1);
        } else if subj.is_empty() && entry.kind == CueKind::Verb && w.key(i) == w.bare(i) {
            subj = if fronted.is_empty() {
                self.preceding_subject(i)
            } else {
                fronted.clone()
            };
        }
        // `أقول لكم: …`: without a subject of its own, a first-person verb is the author's
        // own voice (with one, `وأؤكد الناطق باسم الجيش أن …`, it is a misspelt third person).
        if subj.is_empty()
            && entry.kind == CueKind::Verb
            && cues::is_first_person_singular(w.bare(i))
        {
            return None;
        }
        // Scripture, hadith and proverbs are cited, not attributed (`قال تعالى`, `كما قال
        // عليه الصلاة والسلام`, `كما يقول المثل`).
        if (subj.start..subj.end)
            .chain(i + 1..c)
            .any(|x| CITED.contains(&w.key(x)) || CITED.contains(&w.bare(x)))
        {
            return None;
        }
        let (content, direct) = match kind {
            Kind::Open => (self.quoted(c)?, true),
            Kind::Colon => {
                if w.is_punct(c + 1, OPENING) || w.is_punct(c + 1, &['”']) {
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
            "علي" => matches!(lemma, "أكد" | "شدد" | "نوه" | "أشار") || next_is_clause,
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

    /// True when the cue at `k` makes a quote of its own. Nested checks stop at depth 2
    /// (answering no), which only shortens content in sentences with three or more cues
    /// that each lack a complement.
    fn attributes(&self, k: usize, entry: CueEntry) -> bool {
        if let Some(&known) = self.attributes_memo.borrow().get(&k) {
            return known;
        }
        let d = self.depth.get();
        if d >= 2 {
            return false;
        }
        self.depth.set(d + 1);
        let found = self.at_cue(k, entry).is_some();
        self.depth.set(d);
        self.attributes_memo.borrow_mut().insert(k, found);
        found
    }

    /// True when token `j` is a speech verb with an object pronoun (`أكده`, `ذكرته`).
    fn is_cue_with_object(&self, j: usize) -> bool {
        let k = self.w.key(j);
        ["ها", "ه"].iter().any(|p| {
            k.strip_suffix(p)
                .and_then(|stem| lookup(stem, strip_conjunction(stem)))
                .is_some_and(|e| e.kind == CueKind::Verb)
        })
    }

    /// A reporting frame without a person (`وردت أنباء عن …`, `وتواترت خلال الأيام الماضية
    /// أنباء عن …`, `ترددت تقارير بأن …`): the reports are the (unnamed) source.
    fn report_frame(&self, i: usize) -> Option<Found> {
        let w = self.w;
        const VERBS: &[&str] = &[
            "وردت",
            "ورد",
            "تواترت",
            "تواتر",
            "ترددت",
            "تردد",
            "راجت",
            "انتشرت",
            "تناقلت",
            "تداولت",
        ];
        const NOUNS: &[&str] = &[
            "انباء",
            "الانباء",
            "اخبار",
            "الاخبار",
            "تقارير",
            "التقارير",
            "معلومات",
            "شائعات",
        ];
        if !(VERBS.contains(&w.bare(i)) || VERBS.contains(&w.key(i)))
            || (i > 0 && ["لم", "لا", "ما"].contains(&w.key(i - 1)))
        {
            return None;
        }
        let sent = w.sentence_tokens(i);
        let noun = (i + 1..sent.end.min(i + 7))
            .take_while(|&j| w.is_word(j))
            .find(|&j| NOUNS.contains(&w.key(j)))?;
        let c = noun + 1;
        let k = w.key(c);
        if !(is_complementizer(k) || k == "عن" || k == "تفيد" || k == "تشير") {
            return None;
        }
        let from = if k == "تفيد" || k == "تشير" {
            c + 1
        } else {
            c
        };
        let content = self.indirect_end(from);
        let entry = CueEntry {
            lemma: "ورد",
            kind: CueKind::Verb,
            denial: false,
            allegation: false,
            weak: false,
        };
        self.build(i, entry, noun..noun + 1, content, false)
    }

    /// A text introduced as such (`وفيما يلي نص البيان: «…»`): the statement of the body or
    /// person named last before it.
    fn text_frame(&self, i: usize) -> Option<Found> {
        let w = self.w;
        if w.key(i) != "نص" {
            return None;
        }
        let colon = (i + 1..(i + 4).min(w.len())).find(|&j| w.is_punct(j, &[':']))?;
        if !(i + 1..colon).all(|j| w.is_word(j)) {
            return None;
        }
        let (content, direct) = if w.is_punct(colon + 1, OPENING) {
            (self.quoted(colon + 1)?, true)
        } else {
            (self.colon_end(colon + 1), true)
        };
        let entry = CueEntry {
            lemma: "قال",
            kind: CueKind::SpeechNoun,
            denial: false,
            allegation: false,
            weak: false,
        };
        let speaker = self.nearest_name_before(i).unwrap_or(i + 1..colon);
        self.build(i, entry, speaker, content, direct)
    }

    /// True when the participle at token `k` governs a complement right after it: a
    /// complementizer, a colon or quotation mark, its preposition (`مشيرا إلى`, `لافتا
    /// النظر إلى`) or, for verbs that take a propositional object, a noun (`مؤكدا وقوف …`).
    fn participle_governs(&self, k: usize, entry: CueEntry) -> bool {
        let w = self.w;
        let next = k + 1;
        is_complementizer(w.key(next))
            || w.is_punct(next, &[':'])
            || w.is_punct(next, OPENING)
            || (w.key(next) == "النظر" && matches!(entry.lemma, "لفت"))
            || self.prepositional(entry, next)
            || self.participle_object(entry, next)
    }

    /// True when a noun phrase can start at token `j`: a name, a definite noun, or a role,
    /// organization or unnamed-source head (`رواد`, `مصادر`).
    fn noun_phrase_start(&self, j: usize) -> bool {
        let w = self.w;
        let k = w.key(j);
        let b = w.bare(j);
        w.is_word(j)
            && !PREPOSITIONS.contains(&k)
            && !PREPOSITIONS.contains(&b)
            && (self.starts_name(j)
                || b.starts_with("ال")
                || k.starts_with("ال")
                || is_role_head(k)
                || is_unnamed(w.slice(j..j + 1))
                || speaker::org_heads().contains(b))
    }

    /// True when token `j`, right after a verb whose subject came first, starts its
    /// complement: the object of أكد/أعلن/نفى/اعتبر/كشف (`… قد اعتبر الفيلم الأسوأ`), or
    /// unmarked speech after قال (`رواد تويتر يقولون ضعوا …`).
    fn unmarked_object(&self, entry: CueEntry, j: usize) -> bool {
        match entry.lemma {
            "أكد" | "أعلن" | "نفى" | "اعتبر" | "كشف" => self.participle_object(
                CueEntry {
                    lemma: if entry.lemma == "اعتبر" {
                        "أكد"
                    } else {
                        entry.lemma
                    },
                    ..entry
                },
                j,
            ),
            "قال" => self.starts_unmarked_speech(j),
            _ => false,
        }
    }

    /// True when token `j` can open speech without a complementizer or marks: a word that
    /// is not a preposition, a prefixed preposition, a complementizer or a name.
    fn starts_unmarked_speech(&self, j: usize) -> bool {
        let w = self.w;
        let k = w.key(j);
        w.is_word(j)
            && !PREPOSITIONS.contains(&k)
            && !['ب', 'ل', 'ك'].iter().any(|p| k.starts_with(*p))
            && !is_complementizer(k)
            && !speaker::adjunct_starts().contains(k)
            && !self.starts_name(j)
            && !["ذلك", "هذا", "عن", "ان"].contains(&k)
            && !(j..j + 5).any(|x| w.is_punct(x, &[':']) || w.is_punct(x, OPENING))
    }

    /// True when token `j`, right after a participle, starts its propositional object
    /// (`مؤكدا وقوف باكستان مع المملكة`, `نافيا وجود اتفاق`).
    fn participle_object(&self, entry: CueEntry, j: usize) -> bool {
        let w = self.w;
        let k = w.key(j);
        matches!(entry.lemma, "أكد" | "نفى" | "أعلن" | "كشف")
            && w.is_word(j)
            && k.chars().count() >= 3
            && !['ب', 'ل', 'ك'].iter().any(|p| k.starts_with(*p))
            && !PREPOSITIONS.contains(&k)
            && !speaker::adjunct_starts().contains(k)
            && !["ذلك", "هذا", "هذه", "ايضا", "بدوره", "علي", "الي"].contains(&k)
            && !(j >= 2 && ["غير", "ليس", "امرا", "بات"].contains(&w.key(j - 2)))
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
            // `…، وهو ما أكده الناقد فلان الذي قال …`: the narrator resumes.
            if ["وهو", "وهذا", "وهي"].contains(&w.key(k))
                && w.key(k + 1) == "ما"
                && self.is_cue_with_object(k + 2)
            {
                end = k;
                break;
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
            let after_conj = ["كما", "فيما", "حيث", "ثم"].contains(&w.key(k - 1));
            if e.weak && e.kind == CueKind::Verb && w.key(k) == w.bare(k) && !after_conj {
                continue;
            }
            let joined = w.key(k) != w.bare(k);
            let after_punct = w.is_punct(k - 1, &['،', ',', '؛', ';', '.']);
            // A participle opens a new cue clause even without a comma (`… يوميا مؤكدا
            // احتمالات …`), but only when it governs a complement: `نموا لافتا` is an
            // adjective.
            let participle = e.kind == CueKind::Participle && self.participle_governs(k, e);
            // A joined verb inside the clause (`غادرت واعتبرت الأمر مزحة`) ends it only when
            // it attributes something itself.
            let joined_cue =
                joined && e.kind == CueKind::Verb && (after_punct || self.attributes(k, e));
            if after_punct || joined_cue || after_conj || participle {
                end = if after_conj { k - 1 } else { k };
                break;
            }
            // A subject-first clause after a comma (`…، وكان فلان قد اعتبر …`) is a new
            // statement: the content ends at the comma.
            if e.kind == CueKind::Verb
                && !joined
                && let Some(at) = self.fronted_clause_start(k)
                && at > from
                && self.attributes(k, e)
            {
                end = at;
                break;
            }
        }
        trim_punct(w, from..end)
    }

    /// Where the subject-first clause of the verb at `k` starts, when its subject is a noun
    /// phrase right after a comma (`، وكان فلان قد قال`, `، مصادر محلية أكدت`).
    fn fronted_clause_start(&self, k: usize) -> Option<usize> {
        let w = self.w;
        let subj = self.preceding_subject(k);
        if subj.is_empty() || !self.noun_phrase_start(subj.start) {
            return None;
        }
        let mut at = subj.start;
        while at > 0 && w.is_word(at - 1) && ["كان", "وكان", "قد", "وقد"].contains(&w.key(at - 1))
        {
            at -= 1;
        }
        w.is_punct(at.checked_sub(1)?, &['،', ',', '؛', ';'])
            .then_some(at)
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
            // The speech ends where the narration resumes: a cue, or a sentence opening with a
            // conjunction (`… المشتركة. وأشاد الوزير …`).
            let narrative =
                w.key(k).starts_with('و') && w.key(k) != w.bare(k) && !w.bare(k).starts_with("ال");
            if k < sent_end || k >= w.len() || w.line_before[k] || self.is_cue_word(k) || narrative
            {
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
        // The source phrase runs to the punctuation or `فإن`/`فقد` that opens the clause it
        // governs (`ووفقا لمعلومات حصلت عليها الصحيفة من مصادرها في الوزارة فقد …`).
        let np_end = (np_start..sent.end.min(np_start + 16))
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
            || [
                "بيان",
                "البيان",
                "مصادرها",
                "ما",
                "رويترز",
                "معلومات",
                "تقرير",
                "التقرير",
            ]
            .contains(&first.as_str())
            || w.is_punct(np_start, OPENING)
            || w.is_punct(np_start + 1, OPENING);
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
            let rest = if from < sent.end {
                self.indirect_end(from)
            } else {
                from..from
            };
            if rest.is_empty() && !followed_by_clause {
                // «بحسب رويترز.» standing alone closes the sentence before.
                self.closing_content(i)?
            } else {
                rest
            }
        } else {
            self.closing_content(i)?
        };
        // وفقا لموقع / وفقا لسميث: the ل is the phrase's preposition, not part of the source.
        // The phrase is the source itself (`لمعلومات حصلت عليها الصحيفة من مصادرها`): only
        // its punctuation is trimmed, not the objects a cue's subject would lose.
        let mut subj = np_start..np_end;
        while subj.end > subj.start
            && !w.is_word(subj.end - 1)
            && !w.is_punct(subj.end - 1, &['"', '»', '”', ')'])
        {
            subj.end -= 1;
        }
        let mut f = self.build(i, entry, subj, content, false)?;
        f.source_cue = true;
        Some(f)
    }

    /// True when the source phrase at `cue` takes ل (`وفقا`, `طبقا`) and it is glued to the
    /// first word of its source at `np_start` (`لموقع`, `لسميث`, `للوكالة`).
    fn lam_source(&self, cue: usize, np_start: usize) -> bool {
        let w = self.w;
        ["وفقا", "وفق", "طبقا", "ووفقا", "ووفق", "وطبقا"].contains(&w.key(cue))
            && w.key(np_start).starts_with('ل')
            && w.key(np_start).chars().count() >= 3
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
        let lam = entry.kind == CueKind::Source && self.lam_source(cue, subj.start);
        let unlam = |r: &Range<usize>, text: String| -> String {
            if lam && r.start == subj.start {
                strip_lam(&text)
            } else {
                text
            }
        };
        let mut speaker: Option<(String, Option<Range<usize>>)> = name.clone().map(|r| {
            let mut span = w.char_span(r.clone());
            let text = unlam(&r, clean_name(w.slice(r.clone())));
            if lam && r.start == subj.start {
                span.start = (span.start + 1).min(span.end);
            }
            (text, Some(span))
        });
        let mut role_text: Option<String> = role
            .clone()
            .map(|r| unlam(&r, strip_conj(w.slice(r.clone()))));
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
        // A subject-less cue coordinated with an earlier clause of its sentence shares that
        // clause's subject: `وشكا أهالي الحي من …، وأضافوا: …`, `ودعت الهيئة …، مؤكدة
        // أن …`, `وأيد مغردون هذا التحليل، بالقول إن …`.
        let continuation = matches!(entry.kind, CueKind::Participle | CueKind::SpeechNoun)
            || (entry.kind == CueKind::Verb && w.key(cue) != w.bare(cue));
        if speaker.is_none()
            && role_text.is_none()
            && continuation
            && !prev_here
            && let Some(ls) = self.local_subject(cue)
        {
            let Subject { name, role } = parse_subject(w, ls, &self.names);
            speaker = name.map(|r| (clean_name(w.slice(r.clone())), Some(w.char_span(r))));
            role_text = role.map(|r| strip_conj(w.slice(r)));
        }
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
            && let Some(r) = role_text.clone()
            && !r.contains(' ')
            && self.surnames.contains(&fold(&r))
        {
            // `وأشار المسماري …`: a surname the tagger missed here but saw in a full name.
            let span = subj
                .clone()
                .find(|&j| w.bare(j) == fold(&r) || w.key(j) == fold(&r));
            speaker = Some((r, span.map(|j| w.char_span(j..j + 1))));
            role_text = None;
        } else if speaker.is_none()
            && let Some(r) = &role_text
        {
            // A definite role phrase referring back: الناطق باسم الجيش → المتحدث باسم القوات.
            let first_word = r.split_whitespace().next().unwrap_or_default();
            if r.starts_with("ال")
                && r.split_whitespace().count() <= 6
                && (!is_unnamed(r) || speaker::is_medium_head(first_word))
            {
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
                } else if let Some(n) = self.refer_back(r, cue) {
                    speaker = Some((clean_name(w.slice(n.clone())), Some(w.char_span(n))));
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
        // A medium relaying (`صحيفة «…»`, `الوكالة`) is an indirect source even when named.
        let medium = role_text.as_deref().is_some_and(|r| {
            speaker::is_medium_head(r.split_whitespace().next().unwrap_or_default())
        });
        let unnamed = speaker.is_none() && role_text.as_deref().is_some_and(is_unnamed)
            || medium
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
            cue,
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
        if let Some(c) = self.main_clause_cue(content.clone()) {
            return at_cue(c.label, c.tokens);
        }
        if unnamed || entry.allegation {
            return at_cue(CertaintyLabel::Reported, cue..cue + 1);
        }
        at_cue(CertaintyLabel::Confirmed, cue..cue + 1)
    }

    /// The certainty cue of a quote's main clause, read with [`find_cue`] (the leftmost cue
    /// in the first [`HEAD_WORDS`] words) over the first clause only, skipping cues that do
    /// not govern the main predicate:
    ///
    /// * a cue right after a relative or subordinating word (`الحملة التي ستطلقها`, `كونها
    ///   ستساهم`, `لأن …`) sits in a dependent clause;
    /// * a negation joined by و after the first word (`يحمل أسباب الفشل وليس بحاجة`) is a
    ///   second predicate;
    /// * `المقرر`, `المتوقع` after a noun are adjectives (`العام الدراسي المقرر`), and so
    ///   are `المقبل`, `القادم` after anything but a time noun (`الاستراتيجية القادمة`).
    ///
    /// The first clause ends at a comma or at `و` + pronoun (`ونحن`) once it has four words.
    /// Without a cue there, a `فإن` clause (`أن من يحصل … فإن الوثيقة لا تخوله`) is read, and
    /// a time noun with `المقبل` anywhere in the first clause (`… الإثنين المقبل`) makes it
    /// expected.
    fn main_clause_cue(&self, content: Range<usize>) -> Option<crate::claims::Cue> {
        let w = self.w;
        let end = self.first_clause_end(content.clone());
        let first = self.governing_cue(content.start..end, content.start);
        if first.is_some() {
            return first;
        }
        if let Some(fa) = (content.start..content.end.min(content.start + 30))
            .find(|&j| ["فان", "فانه", "فانها"].contains(&w.key(j)))
        {
            let end = self.first_clause_end(fa..content.end);
            if let Some(c) = self.governing_cue(fa..end, fa) {
                return Some(c);
            }
        }
        // An object phrase (`عن غياب اللاعب عن مباراة الجمعة المقبل`) has no predicate of
        // its own for a date to time.
        if PREPOSITIONS.contains(&w.key(content.start)) {
            return None;
        }
        (content.start + 1..end)
            .find(|&j| FUTURE_ADJECTIVES.contains(&w.key(j)) && TIME_NOUNS.contains(&w.bare(j - 1)))
            .map(|j| crate::claims::Cue {
                label: CertaintyLabel::Expected,
                tokens: j - 1..j + 1,
            })
    }

    /// Where the first clause of `content` ends: the first comma, semicolon or `و` + pronoun
    /// after at least four words, else the content's end.
    fn first_clause_end(&self, content: Range<usize>) -> usize {
        let w = self.w;
        let mut words = 0;
        let mut j = content.start;
        while j < content.end {
            // `أن الطبيب، وهو من ولاية …، سيواجه …`: an apposition between commas.
            if w.is_punct(j, &['،', ','])
                && ["وهو", "وهي", "وهم"].contains(&w.key(j + 1))
                && let Some(close) =
                    (j + 2..content.end.min(j + 16)).find(|&x| w.is_punct(x, &['،', ',']))
            {
                j = close + 1;
                continue;
            }
            let boundary = w.is_punct(j, &['،', ',', '؛', ';'])
                || ["ونحن", "وهو", "وهي", "وهم", "وانا", "وانه", "وانها"].contains(&w.key(j));
            if boundary && words >= 4 {
                return j;
            }
            if w.is_word(j) {
                words += 1;
            }
            j += 1;
        }
        content.end
    }

    /// The leftmost cue in `range` that governs the clause starting at `start` (see
    /// [`Extractor::main_clause_cue`]), within [`HEAD_WORDS`] words of `start`.
    fn governing_cue(&self, range: Range<usize>, start: usize) -> Option<crate::claims::Cue> {
        let w = self.w;
        let mut from = range.start;
        while from < range.end {
            let used = (start..from).filter(|&j| w.is_word(j)).count();
            let left = HEAD_WORDS.checked_sub(used).filter(|&n| n > 0)?;
            let c = find_cue(w, from..range.end, left, true)?;
            let at = c.tokens.start;
            let prev = if at > start { w.key(at - 1) } else { "" };
            let key = w.key(at);
            let dependent = at > start && DEPENDENT.contains(&prev);
            let joined_negation = at > start
                && key.starts_with('و')
                && ["ولا", "وليس", "وليست", "ولم", "ولن", "ولسنا"].contains(&key);
            let adjectival = at > start
                && w.is_word(at - 1)
                && ((["المقرر", "المتوقع", "المرتقب", "المفترض"].contains(&key)
                    && !["من", "ومن"].contains(&prev))
                    || (FUTURE_ADJECTIVES.contains(&key) && !TIME_NOUNS.contains(&w.bare(at - 1))));
            if !(dependent || joined_negation || adjectival) {
                return Some(c);
            }
            from = c.tokens.end.max(from + 1);
        }
        None
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
                || [
                    "ان",
                    "الا",
                    "لكن",
                    "ولكن",
                    "بينما",
                    "فيما",
                    "حيث",
                    "كما",
                    "حينما",
                    "عندما",
                    "بعدما",
                    "لما",
                    "اذا",
                    "اذ",
                    "حين",
                    "ثم",
                ]
                .contains(&k)
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
        let mut r = trim_subject(w, s..i);
        // `وكان فلان قد قال`: the auxiliaries are not part of the subject.
        while r.start < r.end && ["كان", "وكان", "قد", "وقد"].contains(&w.key(r.start))
        {
            r.start += 1;
        }
        while r.end > r.start && ["قد", "كان"].contains(&w.key(r.end - 1)) {
            r.end -= 1;
        }
        r
    }

    /// The subject of the clause a subject-less cue at `cue` is coordinated with: the
    /// clause starts at the sentence start or at a conjunction-joined word after a comma;
    /// its first word is taken for the verb and the subject is what follows it (a name, or
    /// a phrase headed by a role, organization or unnamed-source word), else the first name
    /// in the clause that is not inside a prepositional phrase.
    fn local_subject(&self, cue: usize) -> Option<Range<usize>> {
        let w = self.w;
        let sent = w.sentence_tokens(cue);
        let mut sent_start = sent.start;
        while sent_start < cue && !w.is_word(sent_start) {
            sent_start += 1;
        }
        let clause = (sent.start..cue).rev().find(|&k| {
            w.is_word(k)
                && (k == sent.start
                    || (w.is_punct(k.wrapping_sub(1), &['،', ',', '؛', ';'])
                        && w.key(k).starts_with('و')
                        && w.key(k) != w.bare(k)
                        && !w.bare(k).starts_with("ال")
                        && !is_role_head(w.key(k))))
        });
        let mut starts = vec![];
        starts.extend(clause);
        if sent_start < cue && clause != Some(sent_start) {
            starts.push(sent_start);
        }
        for &start in &starts {
            // A speech clause of its own is handled by the continuation rules.
            if lookup(w.key(start), w.bare(start)).is_some() {
                return None;
            }
            if let Some(r) = self.subject_after_verb(start, cue) {
                return Some(r);
            }
        }
        // A sentence opening with an adverbial phrase (`من جانبه، بارك فلان …`, `وعلى الجانب
        // الآخر استغلت «…»`): its first name outside a prepositional phrase.
        let adverbial =
            PREPOSITIONS.contains(&w.key(sent_start)) || PREPOSITIONS.contains(&w.bare(sent_start));
        if !adverbial {
            return None;
        }
        self.names
            .iter()
            .filter(|(r, _)| r.start >= sent_start && r.end <= cue)
            .find(|(r, _)| {
                let k = w.key(r.start);
                !['ب', 'ل', 'ك'].iter().any(|p| k.starts_with(*p))
                    && !PREPOSITIONS.contains(&w.key(r.start.wrapping_sub(1)))
            })
            .map(|(r, _)| r.clone())
    }

    /// When token `start` looks like a verb (not a definite noun, preposition or name), the
    /// subject after it, before `cue`: a name, or a phrase headed by a role, organization or
    /// unnamed-source word.
    fn subject_after_verb(&self, start: usize, cue: usize) -> Option<Range<usize>> {
        let w = self.w;
        let b = w.bare(start);
        let verb_like = !b.starts_with("ال")
            && !PREPOSITIONS.contains(&b)
            && !PREPOSITIONS.contains(&w.key(start))
            && !self.starts_name(start);
        if !verb_like {
            return None;
        }
        let mut s = start + 1;
        while s < cue && (is_title(w.key(s)) || w.key(s) == "قد") {
            s += 1;
        }
        if let Some((r, _)) = self
            .names
            .iter()
            .find(|(r, _)| r.start == s && r.end <= cue)
        {
            return Some(r.clone());
        }
        let head = speaker::head_key(w.key(s));
        if s < cue
            && (is_role_head(w.key(s))
                || is_unnamed(w.slice(s..s + 1))
                || speaker::org_heads().contains(w.key(s))
                || speaker::org_heads().contains(head))
        {
            let mut e = s + 1;
            while e < cue && e < s + 5 && self.continues_np(e) {
                e += 1;
            }
            return Some(s..e);
        }
        None
    }

    /// True when token `j` can continue a subject noun phrase: a word that is not a
    /// preposition, demonstrative, relative, adjunct or cue, and carries no prefixed
    /// preposition.
    fn continues_np(&self, j: usize) -> bool {
        let w = self.w;
        let k = w.key(j);
        w.is_word(j)
            && !PREPOSITIONS.contains(&k)
            && !['ب', 'ل', 'ك', 'و', 'ف'].iter().any(|p| k.starts_with(*p))
            && ![
                "هذا",
                "هذه",
                "ذلك",
                "تلك",
                "هؤلاء",
                "التي",
                "الذي",
                "الذين",
                "ما",
                "قد",
                "ان",
            ]
            .contains(&k)
            && !speaker::adjunct_starts().contains(k)
            && lookup(k, w.bare(j)).is_none()
    }

    /// True when a PER/ORG mention starts at token `j`.
    fn starts_name(&self, j: usize) -> bool {
        self.names.iter().any(|(r, _)| r.start == j)
    }

    /// The earlier mention a definite description refers back to (`الوزير الألماني` →
    /// `وزير الخارجية الألماني فلان`, `الصحيفة` → `صحيفة «…»`, `المجلس` → `مجلس …`): the
    /// closest name before `cue` that the description's head word introduces (within a few
    /// words before the name), follows in apposition (`فلان، وزير …`) or starts.
    fn refer_back(&self, description: &str, cue: usize) -> Option<Range<usize>> {
        let w = self.w;
        let head = heads(description).into_iter().next()?;
        let is_head = |j: usize| {
            let k = w.key(j);
            let k = k
                .strip_prefix('و')
                .filter(|r| r.starts_with("ال"))
                .unwrap_or(k);
            speaker::canonical_head(k) == head
        };
        self.names
            .iter()
            .filter(|(r, _)| r.end <= cue)
            // `للجيش`, `بالوزارة`: a name inside a prepositional phrase is not introduced.
            .filter(|(r, _)| !["لل", "بال"].iter().any(|p| w.key(r.start).starts_with(p)))
            .rev()
            .find(|(r, _)| {
                let before = r.start.saturating_sub(8)..r.start;
                let intro = before
                    .clone()
                    .rev()
                    .take_while(|&j| {
                        (w.is_word(j) && !PREPOSITIONS.contains(&w.key(j)))
                            || w.is_punct(j, OPENING)
                    })
                    .any(is_head);
                let apposition = w.is_punct(r.end, &['،', ','])
                    && (r.end + 1..(r.end + 3).min(cue)).any(is_head);
                intro || apposition || (r.start..r.end).any(is_head)
            })
            .map(|(r, _)| r.clone())
    }

    /// The antecedent of the relative pronoun at `rel`: the noun phrase right before it,
    /// back to punctuation, a cue or a source phrase, at most six words.
    fn antecedent(&self, rel: usize) -> Range<usize> {
        let w = self.w;
        let stop = w.sentence_tokens(rel).start;
        let mut s = rel;
        while s > stop
            && rel - s < 6
            && w.is_word(s - 1)
            && lookup(w.key(s - 1), w.bare(s - 1)).is_none()
            && !self.is_cue_with_object(s - 1)
            && !["ما", "هو", "وهو", "هي", "وهي"].contains(&w.key(s - 1))
            && !is_complementizer(w.key(s - 1))
        {
            s -= 1;
        }
        trim_subject(w, s..rel)
    }

    /// The clause a phrase at token `phrase` closes (`…، بحسب رويترز.`): the words before
    /// it in its sentence, or the whole sentence before when the phrase stands alone.
    fn closing_content(&self, phrase: usize) -> Option<Range<usize>> {
        let w = self.w;
        let sent = w.sentence_tokens(phrase);
        let mut clause_start = sent.start;
        while clause_start < phrase && !w.is_word(clause_start) {
            clause_start += 1;
        }
        let before = trim_punct(w, clause_start..phrase);
        if before.is_empty() || before.end - before.start < 3 {
            let s = w.sentence_of.get(phrase).copied().unwrap_or(0);
            let p = s.checked_sub(1).and_then(|p| w.sentences.get(p))?;
            Some(trim_punct(w, p.tokens.clone())).filter(|r| !r.is_empty())
        } else {
            Some(before)
        }
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

/// Drops the preposition ل glued to a source (`لموقع` → `موقع`, `للوكالة` → `الوكالة`).
fn strip_lam(s: &str) -> String {
    if let Some(rest) = s.strip_prefix("لل") {
        return format!("ال{rest}");
    }
    s.strip_prefix('ل').unwrap_or(s).to_string()
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
