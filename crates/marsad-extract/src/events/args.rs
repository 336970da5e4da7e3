//! Participants and places: noun phrases around a trigger, read from entities, titles,
//! group words and word order.
//!
//! * A verb's **source** is its subject: the phrase after it (VSO, the common order in news:
//!   `استقبل خادم الحرمين الشريفين …`), or the phrase that opens its clause right before it
//!   (SVO: `المتظاهرون أغلقوا …`, `… أن روسيا تدعم …`). A verb whose passive has the same
//!   letters (قتل، اعتقل) and is followed by a number or a victim noun is read as passive:
//!   that phrase is the target and the agent comes from `على يد`/`من قبل`/`بنيران`.
//! * A verbal noun's source is its genitive (`زيارة الرئيس`), a `من قبل`/`من جانب` phrase, a
//!   pronoun's antecedent (`بإرسالها` → the last actor phrase before), a `ل` phrase when the
//!   target is marked otherwise (`لقاءات لمبعوثين`), or the actor phrase that precedes it in
//!   its clause (`حفتر نجح في فتح قنوات`). A transitive noun's genitive is its target
//!   (`اعتقال المتهمين`) unless a `ل` phrase follows (`قصف الطائرات للمدينة`).
//! * The **target** is the direct object (after the subject) for `obj` triggers, else the
//!   phrase after the first preposition the trigger governs (مع، على، ب…). On a noun
//!   flagged `+pat` (`اعتقاله`, `تم إعدامهم`) the pronoun is the target: its antecedent is
//!   the nearest agreeing actor before it (`patient_antecedent`).
//! * The **location** is a place entity (or a listed place) after `في` or a glued `ب`.
//!
//! A phrase is named by the entity it holds when there is one (`وزير الخارجية سيرغي لافروف`
//! → `سيرغي لافروف`), else by its words (`مصادر محلية`, `وزير الداخلية`).

use super::doc::{Doc, Ent};
use super::vocab;
use crate::entity::EntityKind;
use marsad_core::Argument;
use std::ops::Range;

/// A noun phrase: its tokens, the char span of its name, and whether it names an actor.
#[derive(Debug, Clone)]
pub(crate) struct Np {
    pub tokens: Range<usize>,
    pub span: Range<usize>,
    pub actor: bool,
    /// The entity kind when the name is an entity.
    pub kind: Option<EntityKind>,
    /// Starts with a number or a victim word (قتل 5 أشخاص).
    pub victim: bool,
    /// Starts with a number or a quantity word (آلاف، مئات، نحو، عدد من).
    pub quantity: bool,
}

impl Np {
    /// The phrase an entity names by itself; it names an actor when it is a person, an
    /// organization or a place.
    pub(crate) fn entity(e: &Ent) -> Np {
        Np {
            tokens: e.tokens.clone(),
            span: e.start..e.end,
            actor: matches!(e.kind, EntityKind::Per | EntityKind::Org | EntityKind::Loc),
            kind: Some(e.kind),
            victim: false,
            quantity: false,
        }
    }

    /// A title or group phrase from token `start` that reaches entity `e` (وزير الخارجية
    /// الروسي سيرغي لافروف, لفخامة الرئيس عبدالفتاح السيسي): the entity names it.
    fn titled(start: usize, e: &Ent, limit: usize) -> Np {
        Np {
            tokens: start..e.tokens.end.min(limit),
            span: e.start..e.end,
            actor: true,
            kind: Some(e.kind),
            victim: false,
            quantity: false,
        }
    }

    pub fn argument(&self, body_chars: &[char]) -> Option<Argument> {
        let s = self.span.start.min(body_chars.len());
        let e = self.span.end.min(body_chars.len());
        if s >= e {
            return None;
        }
        let name: String = body_chars[s..e].iter().collect();
        let trimmed = name.trim_end_matches(['،', ',', '.', ':', '؛', '"', '»', ')']);
        let e = s + trimmed.chars().count();
        (e > s).then(|| Argument {
            actor: None,
            name: trimmed.to_string(),
            start: s,
            end: e,
        })
    }
}

/// True when token `i` cannot be inside a participant phrase.
fn blocks(doc: &Doc<'_>, i: usize, triggers: &[usize]) -> bool {
    let w = &doc.w;
    if !w.is_word(i)
        && w.tokens
            .get(i)
            .is_none_or(|t| t.kind != marsad_arabic::TokenKind::Number)
    {
        return true;
    }
    let k = w.key(i);
    // الأمين العام، المدعي العام: after a title العام is "general", not "the year".
    if k == "العام" && i > 0 && vocab::is_general_head(doc.bare(i - 1)) {
        return false;
    }
    vocab::is_prep(k)
        || vocab::is_stop(k)
        || vocab::is_clause_opener(k)
        || (vocab::is_stop(doc.bare(i)) && doc.bare(i) != k)
        || triggers.contains(&i)
        || super::dates::expr_at(w, i).is_some()
}

/// Glued prepositions a phrase inside a participant cannot start with (بقيادة، للمساعدة).
pub(crate) fn glued_prep(key: &str) -> bool {
    ["بال", "لل", "وبال", "ولل", "فبال", "كال"]
        .iter()
        .any(|p| key.starts_with(p) && key.chars().count() > p.chars().count() + 2)
}

/// True when token `i` is a title abbreviation with its full stop (`د.`, `أ.`, `م.`): the
/// stop does not end the phrase, and the name after it names it (`وزير الخارجية د. كريم
/// الزيدي`).
pub(crate) fn title_abbreviation(doc: &Doc<'_>, i: usize) -> bool {
    super::doc::abbreviation_at(&doc.w, i)
}

/// True when token `j` is a verb no participant phrase starts with: a speech verb (`غارات
/// قالت القيادة إنها …`: its subject is the attribution) or a verb that relates its subject
/// to the noun before it (`مباحثات أجراها الوزير`, `لقاء جمع X بـY`: see [`relative_verb`]).
fn verb_at(doc: &Doc<'_>, j: usize) -> bool {
    // قتل شخصان وأصيب آخرون: the passive of a casualty report opens a clause of its own.
    relative_verb(doc.w.key(j))
        || speech_verb(doc, j)
        || matches!(doc.bare(j), "اصيب" | "اصيبت" | "اصيبوا" | "اصيبا")
}

/// True when token `j` is a finite speech verb (قال، أعلنت), not one of the weak forms that
/// are also common nouns.
pub(crate) fn speech_verb(doc: &Doc<'_>, j: usize) -> bool {
    doc.w.is_word(j)
        && crate::quotes::cues::lookup(doc.w.key(j), doc.bare(j))
            .is_some_and(|c| c.kind == crate::quotes::cues::CueKind::Verb && !c.weak)
}

/// A verb whose subject acts on the noun before it: with the noun as an object pronoun
/// (`عمليات نفذها داعش`, `مباحثات أجراها الوزير`), or `جمع` "brought together" (`لقاء جمع
/// X بـY`): [`agent_phrase`] reads its subject as the noun's agent.
fn relative_verb(k: &str) -> bool {
    let pronoun = ["نفذ", "وجه", "شن", "ارتكب", "اجرا", "عقد"]
        .iter()
        .any(|v| {
            k.strip_prefix(v)
                .is_some_and(|r| matches!(r, "ه" | "ها" | "هم" | "تها" | "ته"))
        });
    pronoun || matches!(k, "جمع" | "جمعت")
}

/// True when token `j` begins with a glued ب or ل that makes it a prepositional phrase
/// (بالرئيس، لمبعوثين، لروسيا): it is not a subject or an object.
pub(crate) fn starts_pp(doc: &Doc<'_>, j: usize) -> bool {
    let b = doc.bare(j);
    // لدى with a pronoun (لديه، لدينا) is a preposition whatever follows.
    if b.strip_prefix("لدي")
        .is_some_and(|r| matches!(r, "" | "ه" | "ها" | "هم" | "هما" | "نا" | "ك" | "كم"))
    {
        return true;
    }
    let Some(rest) = b.strip_prefix('ب').or_else(|| b.strip_prefix('ل')) else {
        return false;
    };
    // لهم، بها، لنا: a preposition with a pronoun is never a subject or an object (the
    // name لي stays one), nor is a preposition written alone (لـ«…»).
    if doc.ent(j).is_none()
        && matches!(
            rest,
            "" | "ه" | "ها" | "هم" | "هما" | "هن" | "ك" | "كم" | "كما" | "كن" | "ي" | "نا"
        )
    {
        return true;
    }
    if rest.chars().count() < 3 {
        return false;
    }
    if rest.starts_with("ال") || rest.starts_with('ل') && b.starts_with('ل') {
        return true;
    }
    // لفخامة الرئيس، لسمو الأمير، لوزير الخارجية: a title or honorific after a glued ل or ب is the
    // preposition's object, however often the whole form is written.
    if Doc::is_title_key(rest) || vocab::is_honorific(rest) {
        return true;
    }
    if let Some(e) = doc.ent(j)
        && e.tokens.start == j
    {
        return e.start > doc.w.tokens[j].start;
    }
    // بشعارات، لمبعوثين: the rest is a word the corpus knows much better than the whole
    // (بريطانيا، لجنة stay whole).
    let seg = super::doc::segmenter();
    vocab::is_group_head(rest) || seg.count(rest) > seg.count(b).saturating_mul(2).max(4)
}

/// True when token `j` is a sound masculine plural in its accusative/genitive form
/// (`المواطنين`, `مسلحين`, `الفلسطينيين`): right after a verb it cannot be the subject, which
/// would read `المواطنون`, so it is the object of a verb whose subject is left implicit
/// (`ودعا المواطنين إلى …`). Participles (م…ين) and nisbas (…يين) only: other words in ين
/// are names, numbers, broken plurals or verbal nouns (الصين، عشرين، قوانين، تحسين).
pub(crate) fn accusative_plural(doc: &Doc<'_>, j: usize) -> bool {
    let w = &doc.w;
    if !w.is_word(j) || doc.ent(j).is_some() {
        return false;
    }
    let k = vocab::clitic_free(w.key(j));
    let n = k.chars().count();
    k.ends_with("ين") && (k.ends_with("يين") && n >= 5 || k.starts_with('م') && n >= 6)
}

/// True when token `j` is written with the accusative tanwin (`إرهابيًا`, `مقراً`, `حرقًا`,
/// `ودياً`): an object, an adverb or a state, never a subject.
pub(crate) fn tanwin_fath(doc: &Doc<'_>, j: usize) -> bool {
    doc.w.is_word(j) && doc.w.slice(j..j + 1).contains('\u{064B}')
}

/// Words that may continue a phrase after its head: definite words (idafa and adjectives),
/// nisbas, numbers and indefinite adjectives.
fn continues(doc: &Doc<'_>, i: usize, head_definite: bool) -> bool {
    let w = &doc.w;
    let k = w.key(i);
    if glued_prep(k) || w.key(i) != doc.bare(i) {
        return false;
    }
    if k.starts_with("ال") || doc.is_nisba(i) {
        return true;
    }
    if w.tokens
        .get(i)
        .is_some_and(|t| t.kind == marsad_arabic::TokenKind::Number)
    {
        // قتل مطلق النار 12 شخصا: a number before the people it counts opens the object;
        // اللواء 15 مشاة is a name.
        let next = doc.bare(i + 1);
        return !(w.is_word(i + 1)
            && (vocab::is_victim_head(next)
                || super::heads::classify(w.key(i + 1)) == super::heads::Head::Agent));
    }
    // Indefinite adjectives after an indefinite head: متظاهرون غاضبون، قوات خاصة، مسؤولين روس.
    // A kin or a person is a new phrase, not an adjective (قتل مجرم | والده).
    !head_definite
        && (k.ends_with("ون")
            || k.ends_with("ين")
            || k.ends_with('ي')
            || k.ends_with('ه')
            || k.ends_with("يه")
            || k.chars().count() <= 4)
        && super::heads::classify(k) != super::heads::Head::Agent
}

/// Whether a phrase can be shown as a source or target: not when it names no entity, actor,
/// victim or count and its head word is no one (a verbal noun, a document, an ordinal, a
/// time: `إعادة`, `جدول زمني`, `أول`; see [`super::heads`]). Phrases read from a speaker or an
/// earlier verb (no tokens) were vetted where they were read.
pub(crate) fn is_party(doc: &Doc<'_>, np: &Np) -> bool {
    let toks = &np.tokens;
    // عدد كبير، مسؤول كبير، دور كبير: an adjective of size left alone when the phrase
    // was cut after its noun is no one (كبير المفاوضين, in construct, is someone).
    if !toks.is_empty() && np.kind.is_none() {
        let i = toks.start;
        if matches!(
            doc.head_key(i),
            "كبير"
                | "كبيره"
                | "صغير"
                | "صغيره"
                | "كثير"
                | "كثيره"
                | "كبيرا"
                | "واسع"
                | "بالغ"
        ) && !(i + 1 < toks.end && doc.w.key(i + 1).starts_with("ال"))
        {
            return false;
        }
    }
    if !toks.is_empty() && !np.actor && np.kind.is_none() && !np.victim && !np.quantity {
        // هذا الاتفاق: a demonstrative points at the noun after it.
        let mut i = toks.start;
        if i + 1 < toks.end
            && matches!(
                doc.bare(i),
                "هذا" | "هذه" | "هذان" | "هاتان" | "هولاء" | "تلك" | "ذلك"
            )
        {
            i += 1;
        }
        let no_one = match super::heads::classify(doc.bare(i)) {
            super::heads::Head::NotAgent => true,
            super::heads::Head::Shaped => {
                // The word after it, in the phrase or right after it in the clause.
                let next =
                    (i + 1 < doc.clause(i).end && doc.w.is_word(i + 1)).then(|| doc.bare(i + 1));
                !doc.is_given(i) && !super::heads::weak_is_agent(next)
            }
            super::heads::Head::Agent | super::heads::Head::Unknown => false,
        };
        if no_one {
            return false;
        }
    }
    true
}

/// The phrase starting at token `j` (after adverbs and time expressions), inside `limit`.
pub(crate) fn forward(doc: &Doc<'_>, mut j: usize, limit: usize, triggers: &[usize]) -> Option<Np> {
    let w = &doc.w;
    let limit = limit.min(doc.len());
    // Skip adverbs and time expressions between a verb and its subject.
    let mut skipped = 0;
    while j < limit && skipped < 4 {
        if let Some((_, end)) = super::dates::expr_at(w, j) {
            j = end;
            skipped += 1;
            continue;
        }
        if w.is_word(j) && vocab::is_adverb(doc.bare(j)) {
            j += 1;
            skipped += 1;
            continue;
        }
        if w.is_punct(j, &['،', ',']) && skipped > 0 {
            j += 1;
            continue;
        }
        break;
    }
    if j >= limit {
        return None;
    }
    if starts_pp(doc, j) || w.is_word(j) && verb_at(doc, j) {
        return None;
    }
    // د. سامي الحلبي: the abbreviation is a title before the name.
    if title_abbreviation(doc, j)
        && let Some(np) = entity_np(doc, j + 2, limit)
    {
        return Some(Np {
            tokens: j..np.tokens.end,
            ..np
        });
    }
    // An entity, perhaps after a title phrase.
    if let Some(np) = entity_np(doc, j, limit) {
        return Some(np);
    }
    // هذه المجموعة المسلحة: a demonstrative before a definite phrase.
    if matches!(
        doc.bare(j),
        "هذا" | "هذه" | "هذان" | "هاتان" | "هولاء" | "تلك" | "ذلك"
    ) && w.key(j + 1).starts_with("ال")
        && let Some(np) = forward(doc, j + 1, limit, triggers)
        && np.tokens.start == j + 1
    {
        let start = w.tokens[j].start + doc.conj_chars(j);
        return Some(Np {
            tokens: j..np.tokens.end,
            span: start..np.span.end.max(start),
            ..np
        });
    }
    if blocks(doc, j, triggers) || glued_prep(w.key(j)) {
        return None;
    }
    let titled = doc.is_title(j);
    let number = w
        .tokens
        .get(j)
        .is_some_and(|t| t.kind == marsad_arabic::TokenKind::Number)
        || vocab::is_number_word(doc.bare(j));
    let head_definite = doc.bare(j).starts_with("ال");
    let mut end = j + 1;
    // A title or group head may reach an entity a few words on (وزير الخارجية الروسي
    // سيرغي لافروف): the entity names the phrase.
    while end < limit && end - j < 6 {
        if (titled || doc.is_actor_head(j)) && title_abbreviation(doc, end) && end + 2 < limit {
            end += 2;
            continue;
        }
        if let Some(e) = doc.ent_starting(end)
            && (titled || doc.is_actor_head(j))
            && doc.conj_chars(end) == 0
            && !glued_prep(w.key(end))
        {
            return Some(Np::titled(j, e, limit));
        }
        if blocks(doc, end, triggers) || doc.ent(end).is_some() {
            break;
        }
        // Quantities: آلاف المتظاهرين، مئات من الأقباط، نحو 500 متظاهر.
        // ألف شخص، مليون متظاهر: a number word takes the noun it counts.
        let quantity = number
            || vocab::is_victim_head(doc.bare(j)) && !doc.is_actor_head(j)
            || matches!(doc.bare(j), "الف" | "مليون" | "ميه" | "مايه");
        // نقطة تمركز، مركز شرطة: an indefinite facility takes an indefinite genitive (a
        // person does not: قتل مجرم والده).
        let construct = end == j + 1
            && !head_definite
            && vocab::is_facility_head(doc.bare(j))
            && w.key(end) == doc.bare(end)
            && !doc.bare(end).starts_with("ال");
        // مواطنون الحكومة: a sound plural that keeps its nun (مواطنون، مسلحين) is in no
        // construct; a definite word after it starts a new phrase (the construct drops the
        // nun: مواطنو المدينة).
        // After المواطنون only an adjective goes on (المسلحون الملثمون، المواطنين السعوديين).
        let head_key = doc.head_key(j);
        let next = doc.bare(end);
        let plural_nun = end == j + 1
            && next.starts_with("ال")
            && head_key.chars().count() >= 5
            && (head_key.ends_with("ون") || head_key.ends_with("ين"))
            && !(head_definite
                && (doc.is_nisba(end)
                    || next.ends_with("ون")
                    || next.ends_with("ين")
                    || next.ends_with("يه")));
        if plural_nun
            || !(continues(doc, end, head_definite) || quantity && end == j + 1 || construct)
        {
            break;
        }
        end += 1;
    }
    // المديرية العامة للجوازات، الهيئة المستقلة لحقوق الإنسان: a body's name goes on with
    // its ل complement.
    if (j..end).any(|k| doc.is_body(k))
        && end < limit
        && w.is_word(end)
        && !triggers.contains(&end)
        && doc.ent(end).is_none()
        && doc.bare(end).starts_with('ل')
        && doc.bare(end).chars().count() > 3
        && !vocab::is_prep(w.key(end))
    {
        // لحقوق الإنسان takes one genitive; a definite complement (للجوازات) takes none. Only
        // adjectives (nisbas, -ية) follow, so the verb's object is left out (للجوازات العمل).
        let mut genitive = !doc.bare(end).starts_with("لل");
        end += 1;
        while end < limit && end - j < 8 && !blocks(doc, end, triggers) && continues(doc, end, true)
        {
            let adjective = doc.is_nisba(end) || doc.bare(end).ends_with("يه");
            if !adjective && !std::mem::replace(&mut genitive, false) {
                break;
            }
            end += 1;
        }
    }
    // مئات من الأقباط، أكثر من ألف شخص: a quantity takes its من phrase; so does a group word
    // right before it, the من phrase naming where it comes from (وفد من حزب ميرتس، مجموعة من
    // المسلحين).
    let quantity_head = number
        || matches!(
            doc.head_key(j),
            "ميات" | "الاف" | "عشرات" | "الوف" | "بعض" | "عدد" | "اكثر" | "ازيد"
        );
    let group_head = end == j + 1
        && matches!(
            doc.head_key(j),
            "وفد"
                | "وفدا"
                | "وفود"
                | "مجموعه"
                | "مجموعات"
                | "فريق"
                | "عناصر"
                | "مسلحون"
                | "مسلحين"
        );
    if (quantity_head || group_head)
        && w.key(end) == "من"
        && end + 1 < limit
        && let Some(rest) = forward(doc, end + 1, limit, triggers)
        && (quantity_head || rest.tokens.start == end + 1)
    {
        let start = w.tokens[j].start + doc.conj_chars(j);
        return Some(Np {
            tokens: j..rest.tokens.end,
            span: start..rest.span.end.max(start),
            actor: rest.actor || !quantity_head,
            kind: rest.kind,
            victim: quantity_head,
            quantity: quantity_head,
        });
    }
    let span = w.char_span(j..end);
    let start = span.start + doc.conj_chars(j);
    // سمو نائب خادم الحرمين الشريفين: a title anywhere in the phrase makes it an actor.
    let actor =
        (j..end).any(|k| doc.is_actor_head(k)) || (j + 1 < end && doc.is_nisba(j + 1) && titled);
    let victim =
        number || vocab::is_victim_head(doc.head_key(j)) || vocab::is_victim_head(doc.bare(j));
    let quantity = number || vocab::is_quantity(doc.head_key(j)) || vocab::is_quantity(doc.bare(j));
    Some(Np {
        tokens: j..end,
        span: start..span.end.max(start),
        actor,
        kind: None,
        victim,
        quantity,
    })
}

/// An entity starting at `j`, or a title phrase (gazetteer titles of several words, like
/// خادم الحرمين الشريفين) followed by one.
fn entity_np(doc: &Doc<'_>, j: usize, limit: usize) -> Option<Np> {
    let e = doc.ent(j)?;
    if e.tokens.start != j || e.tokens.end > limit {
        return None;
    }
    Some(Np::entity(e))
}

/// The phrase ending right before token `end` and starting at or after `from`: an entity, or
/// words headed by an actor word.
pub(crate) fn backward(doc: &Doc<'_>, end: usize, from: usize, triggers: &[usize]) -> Option<Np> {
    if end == 0 || end <= from {
        return None;
    }
    let last = end - 1;
    if let Some(e) = doc.ent(last)
        && e.tokens.end == end
        && e.tokens.start >= from
    {
        return Some(Np::entity(e));
    }
    let mut s = end;
    while s > from && end - s < 5 {
        let p = s - 1;
        if blocks(doc, p, triggers) || doc.ent(p).is_some() {
            break;
        }
        s = p;
        if doc.is_actor_head(p) && (p == from || doc.is_open(p) || !doc.is_actor_head(p - 1)) {
            let np = forward(doc, p, end, triggers)?;
            return (np.tokens.end == end || np.tokens.end + 1 >= end).then_some(np);
        }
    }
    None
}

/// The nearest actor phrase or entity ending before token `end`, back to `from`, outside
/// prepositional phrases; with `nisba_ok`, a definite noun with a nisba too (for pronouns).
pub(crate) fn nearest_before(
    doc: &Doc<'_>,
    end: usize,
    from: usize,
    triggers: &[usize],
    nisba_ok: bool,
) -> Option<Np> {
    let w = &doc.w;
    let in_pp = |t: usize| {
        starts_pp(doc, t)
            || t.checked_sub(1)
                .is_some_and(|p| w.is_word(p) && vocab::is_prep(w.key(p)))
    };
    let mut k = end;
    while k > from {
        k -= 1;
        if let Some(e) = doc.ent(k)
            && e.tokens.start >= from
            && matches!(e.kind, EntityKind::Per | EntityKind::Org | EntityKind::Loc)
            && !in_pp(e.tokens.start)
        {
            return Some(Np::entity(e));
        }
        if w.is_word(k)
            && doc.is_actor_head(k)
            && !triggers.contains(&k)
            && !glued_prep(w.key(k))
            && !in_pp(k)
            && let Some(np) = forward(doc, k, end, triggers)
            && np.actor
        {
            return Some(np);
        }
        // الدور الروسي، الجانب الليبي: a definite noun with a country's nisba stands for it.
        if nisba_ok
            && k > from
            && doc.is_nisba(k)
            && doc.bare(k).starts_with("ال")
            && doc.bare(k - 1).starts_with("ال")
            && !triggers.contains(&(k - 1))
            && !in_pp(k - 1)
        {
            let span = w.char_span(k - 1..k + 1);
            let start = span.start + doc.conj_chars(k - 1);
            return Some(Np {
                tokens: k - 1..k + 1,
                span: start..span.end,
                actor: true,
                kind: None,
                victim: false,
                quantity: false,
            });
        }
    }
    None
}

/// The pronoun a verbal noun carries, by what it can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// ه: one male person or a masculine group word (التنظيم).
    Masculine,
    /// ها: a woman, a place, a body (الحكومة) or a non-human plural.
    Feminine,
    /// هم، هما، هن: people.
    Plural,
}

impl Pronoun {
    /// The pronoun a folded key ends with, if any.
    pub fn of_key(key: &str) -> Option<Pronoun> {
        if key.ends_with("هم") || key.ends_with("هما") || key.ends_with("هن") {
            Some(Pronoun::Plural)
        } else if key.ends_with("ها") {
            Some(Pronoun::Feminine)
        } else if key.ends_with('ه') {
            Some(Pronoun::Masculine)
        } else {
            None
        }
    }
}

/// The antecedent of a pronoun that names the one acted on (`اعتقاله`, `تم إعدامهم`): the
/// nearest actor phrase or entity ending before token `end`, back to `from`, inside a
/// prepositional phrase too (`مزحة لمبتعث سعودي … في اعتقاله`), and agreeing with the
/// pronoun: places are feminine, and so is a noun ending in teh marbuta (الشرطة), so
/// neither is the antecedent of `ه` or `هم`.
pub(crate) fn patient_antecedent(
    doc: &Doc<'_>,
    end: usize,
    from: usize,
    triggers: &[usize],
    pronoun: Pronoun,
) -> Option<Np> {
    let w = &doc.w;
    let feminine_ok = pronoun == Pronoun::Feminine;
    // من قبل سلطات الأمن، على يد مجهولين: an agent phrase names the actor, never the one
    // acted on.
    let agent_marked = |k: usize| k >= 2 && agent_marker(doc, k - 2) == 2;
    // حاولوا الفرار من التنظيم: the object of a preposition written as a word is the
    // setting, not someone acted on; من after a quantity counts people (الكثير من عناصر
    // التنظيم، عدد من المتهمين).
    let in_pp = |k: usize| {
        k >= 1
            && w.is_word(k - 1)
            && vocab::is_prep(w.key(k - 1))
            && !(w.key(k - 1) == "من"
                && k >= 2
                && (vocab::is_quantity(doc.bare(k - 2))
                    || matches!(
                        doc.bare(k - 2),
                        "الكثير" | "كثير" | "بعض" | "العديد" | "عدد"
                    )))
    };
    let mut k = end;
    while k > from {
        k -= 1;
        if let Some(e) = doc.ent(k) {
            let e = e.clone();
            k = e.tokens.start.max(from);
            // A body named by a feminine noun (وزارة الداخلية، الشرطة الفرنسية) is ها; one
            // person is never هم.
            let feminine_name = doc.head_key(e.tokens.start).ends_with('ه');
            let agrees = match e.kind {
                EntityKind::Per => pronoun != Pronoun::Plural,
                EntityKind::Org => feminine_ok || !feminine_name,
                EntityKind::Loc => feminine_ok,
                _ => false,
            };
            // الله is invoked, not acted on (رحمه الله، من الله).
            let god = doc.bare(e.tokens.start) == "الله";
            if agrees
                && !god
                && e.tokens.start >= from
                && !agent_marked(e.tokens.start)
                && !in_pp(e.tokens.start)
            {
                return Some(Np::entity(&e));
            }
            continue;
        }
        if !w.is_word(k) || triggers.contains(&k) {
            continue;
        }
        if agent_marked(k) {
            continue;
        }
        let bare = doc.bare(k);
        // بحجر واحد: a number is no one (أحد is, once the conjunction is off واحد).
        if w.key(k) == "واحد" || vocab::is_number_word(bare) {
            continue;
        }
        let is_human = |key: &str| super::heads::classify(key) == super::heads::Head::Agent;
        // A person named by a common noun (مبتعث سعودي، شاب) is acted on as often as an
        // actor. Read as written first (لاعب), then without a glued preposition (لمبتعث،
        // للمتهم).
        let (glued, head, human) = if doc.is_actor_head(k) || is_human(bare) {
            (false, doc.head_key(k), is_human(bare))
        } else {
            let rest = vocab::clitic_free(bare);
            let glued = rest.len() < bare.len() && (bare.starts_with('ل') || bare.starts_with('ب'));
            if !(glued && (is_human(rest) || vocab::is_group_head(rest))) {
                continue;
            }
            (true, rest, is_human(rest))
        };
        // The word before names the group this one counts or heads (عناصر التنظيم).
        if k > from && doc.is_actor_head(k - 1) && !glued_prep(w.key(k - 1)) {
            continue;
        }
        if in_pp(k) || doc.bare(k) == "الله" {
            continue;
        }
        if !feminine_ok && head.ends_with('ه') {
            continue;
        }
        // عشرات المهاجرين is هم, not ه.
        if pronoun == Pronoun::Masculine
            && head.chars().count() >= 5
            && (head.ends_with("ين") || head.ends_with("ون"))
        {
            continue;
        }
        let np = if glued {
            glued_np(doc, k, end, triggers).map(|mut np| {
                // The preposition leaves the name (لمبتعث سعودي → مبتعث سعودي); لل keeps
                // the ل of the article.
                let clitics = bare.chars().count() - head.chars().count();
                let keep = usize::from(bare.starts_with("لل"));
                if np.span.start < w.tokens[k].end {
                    np.span.start = (np.span.start + clitics - keep).min(np.span.end);
                }
                np
            })
        } else {
            forward(doc, k, end, triggers)
        };
        // حفاظ كتاب الله is named by the work it holds: not a party.
        let named_by_thing = |np: &Np| np.kind.is_some_and(|k| k == EntityKind::Misc);
        if let Some(np) = np.filter(|np| (np.actor || human) && !named_by_thing(np)) {
            return Some(np);
        }
    }
    None
}

/// The phrase after the first of `markers` in tokens `from..limit`: `(marker token, phrase)`.
/// Word markers (مع، على…) are separate tokens; glued ones (ب، ل) start the phrase's word.
pub(crate) fn after_marker(
    doc: &Doc<'_>,
    from: usize,
    limit: usize,
    words: &[&str],
    glued: &[char],
    triggers: &[usize],
) -> Option<(usize, Np)> {
    let w = &doc.w;
    let limit = limit.min(doc.len());
    let mut i = from;
    while i < limit {
        if !w.is_word(i) {
            if w.is_punct(i, &['.', '؛', ';', ':', '؟', '?', '!']) {
                return None;
            }
            i += 1;
            continue;
        }
        let k = w.key(i);
        let b = doc.bare(i);
        // اجتماع برئاسة الملك، هجوم بقيادة …: who chairs or leads is no participant, and the
        // phrases after it are its own.
        if !triggers.contains(&i) && matches!(b, "برياسه" | "بقياده" | "برعايه" | "بحضور")
        {
            return None;
        }
        if words.iter().any(|m| *m == k || *m == b) {
            if let Some(np) = forward(doc, i + 1, limit, triggers) {
                return Some((i, np));
            }
            return None;
        }
        if !glued.is_empty() && !triggers.contains(&i) {
            let kb = b
                .strip_prefix('ل')
                .map(|r| ('ل', r))
                .or_else(|| b.strip_prefix('ب').map(|r| ('ب', r)));
            if let Some((c, rest)) = kb
                && glued.contains(&c)
                && rest.chars().count() >= 3
            {
                // The entity without its proclitic, or the word without ب (بالرئيس →
                // الرئيس); لل keeps its ل, which is the article's.
                if let Some(e) = doc.ent(i)
                    && e.tokens.start == i
                {
                    return Some((i, Np::entity(e)));
                }
                if rest.starts_with("ال")
                    || c == 'ل' && rest.starts_with('ل')
                    || doc.is_actor_head(i)
                    || vocab::is_group_head(rest)
                    || Doc::is_title_key(rest)
                    || vocab::is_honorific(rest)
                {
                    let mut np = glued_np(doc, i, limit, triggers)?;
                    // The proclitic leaves the name, unless a name further on is the name.
                    let at_i = np.span.start < w.tokens[i].end;
                    if at_i && (c == 'ب' || (c == 'ل' && !rest.starts_with('ل'))) {
                        np.span.start = (np.span.start + 1).min(np.span.end);
                    }
                    return Some((i, np));
                }
            }
        }
        i += 1;
    }
    None
}

/// A phrase whose first word carries a glued preposition (للجيش الليبي، بالمتظاهرين).
pub(crate) fn glued_np(doc: &Doc<'_>, i: usize, limit: usize, triggers: &[usize]) -> Option<Np> {
    let w = &doc.w;
    let rest = vocab::clitic_free(w.key(i));
    // لفخامة الرئيس عبدالفتاح السيسي: a title phrase reaching a name is named by it.
    if Doc::is_title_key(rest) || vocab::is_honorific(rest) {
        for k in i + 1..limit.min(i + 5) {
            if let Some(e) = doc.ent_starting(k)
                && doc.conj_chars(k) == 0
            {
                return Some(Np::titled(i, e, limit));
            }
            if blocks(doc, k, triggers) || !continues(doc, k, true) {
                break;
            }
        }
    }
    let mut end = i + 1;
    while end < limit && end - i < 5 {
        if blocks(doc, end, triggers) || doc.ent(end).is_some() && doc.ent(i).is_none() {
            break;
        }
        if !continues(doc, end, true) {
            break;
        }
        end += 1;
    }
    let span = w.char_span(i..end);
    let start = span.start + doc.conj_chars(i);
    let actor = vocab::is_group_head(vocab::clitic_free(w.key(i))) || doc.is_actor_head(i);
    Some(Np {
        tokens: i..end,
        span: start..span.end.max(start),
        actor,
        kind: None,
        victim: false,
        quantity: false,
    })
}

/// The length of the agent marker at token `i`: 2 for `من قبل`, `من جانب`, `على يد`, `على
/// أيدي`, 1 for `بنيران`, `برصاص`, `بقصف`, 0 when there is none.
pub(crate) fn agent_marker(doc: &Doc<'_>, i: usize) -> usize {
    let w = &doc.w;
    match (w.key(i), w.key(i + 1)) {
        ("من", "قبل") | ("من", "جانب") | ("علي", "يد") | ("علي", "ايدي") => {
            2
        }
        ("بنيران" | "برصاص" | "بقصف", _) => 1,
        _ => 0,
    }
}

/// The agent of a passive or of a verbal noun: `من قبل X`, `من جانب X`, `على يد X`, `بنيران X`,
/// in tokens `from..limit`.
pub(crate) fn agent_phrase(
    doc: &Doc<'_>,
    from: usize,
    limit: usize,
    triggers: &[usize],
) -> Option<Np> {
    let w = &doc.w;
    let limit = limit.min(doc.len());
    for i in from..limit {
        let (k, n) = (w.key(i), w.key(i + 1));
        // طعنات وجهها له مجهولون، عمليات نفذها داعش: a relative verb with the act as its
        // object names the agent after it.
        // جمع without a pronoun is a verb only right after the noun (not جمع التبرعات).
        let relative_agent = relative_verb(k) && (i == from || !matches!(k, "جمع" | "جمعت"));
        let skip = match agent_marker(doc, i) {
            0 if relative_agent && matches!(n, "له" | "لها" | "لهم") => 2,
            0 if relative_agent => 1,
            marker => marker,
        };
        if skip > 0 {
            return forward(doc, i + skip, limit, triggers);
        }
        if w.is_punct(i, &['.', '؛', ';', '؟', '?', '!']) {
            break;
        }
    }
    None
}

/// The place of an event: a place entity or listed place after في (or glued ب) in tokens
/// `range`, skipping place heads (في مدينة حلب، في العاصمة الروسية موسكو).
pub(crate) fn location(doc: &Doc<'_>, range: Range<usize>) -> Option<Np> {
    let w = &doc.w;
    let end = range.end.min(doc.len());
    let mut i = range.start;
    while i < end {
        let k = doc.bare(i);
        let glued_b = w.key(i).starts_with('ب') || doc.bare(i).starts_with('ب');
        // في موسكو، بموسكو، بوسط نيودلهي (a glued ب on a place head).
        let b_head = glued_b && vocab::is_place_head(&k.chars().skip(1).collect::<String>());
        let at_fi = k == "في" || w.key(i) == "وفي" || b_head;
        if at_fi || glued_b {
            let mut j = if at_fi && !b_head { i + 1 } else { i };
            let mut heads = 0;
            while j < end && heads < 3 {
                if let Some(e) = doc.ent(j)
                    && e.tokens.start == j
                    && e.kind == EntityKind::Loc
                {
                    return Some(Np::entity(e));
                }
                if at_fi && doc.is_place(j) && doc.ent(j).is_none() {
                    let span = w.char_span(j..j + 1);
                    return Some(Np {
                        tokens: j..j + 1,
                        span,
                        actor: true,
                        kind: Some(EntityKind::Loc),
                        victim: false,
                        quantity: false,
                    });
                }
                if !(at_fi
                    && (vocab::is_place_head(vocab::clitic_free(w.key(j))) || doc.is_nisba(j)))
                {
                    break;
                }
                heads += 1;
                j += 1;
            }
        }
        i += 1;
    }
    None
}
