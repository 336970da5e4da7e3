//! Events: who did what to whom, when, where, and how sure the text is, coded natively from
//! Arabic in PLOVER's 16 types ([`marsad_core::Event`]).
//!
//! 1. **Triggers** ([`lexicon`], `data/events/triggers.tsv`): verbs in every person, tense
//!    and clitic form, verbal nouns, and phrases (`شن غارات`, `فرض … عقوبات`, `بحث … مع`,
//!    `أجرى محادثات`), each with its PLOVER type, CAMEO code and mode. Light verbs carry the
//!    noun after them (`قام بزيارة`, `عقد اجتماعا`, `تم اعتقال`, `اندلعت مظاهرات`).
//! 2. **Participants** ([`args`]): the source (subject, genitive, `من قبل`, pronoun
//!    antecedent) and the target (object or the phrase after the trigger's preposition),
//!    named by the entity they hold; the location after `في`. A phrase led by a glued
//!    preposition (`لهم`, `لفخامة الرئيس`) is never a subject or object, and an actor does
//!    not act on itself: when both name the same, the source (read by the weaker rules) goes.
//!    The pronoun on an act against someone (`اعتقاله`, `تم إعدامهم`) names the one acted
//!    on, unless an object follows it (`اتهامه إيران`). The learned participant models
//!    ([`roles`]) then choose among the rules' reading and the other phrases around the
//!    trigger: they fill a role the rules left empty, and replace the rules' choice only by
//!    a clear margin.
//! 3. **Date** ([`dates`]): the time expression nearest the trigger in its clause, else in
//!    its sentence, kept as written; [`crate::pipeline::link_events`] resolves it.
//! 4. **Certainty and attribution** ([`certainty`]): the claims rule on the trigger's clause,
//!    the quote holding the event (`crate::quotes`), source phrases (`حسب مصادر`), governing
//!    words and triggers.
//!
//! **When a trigger is not an event** (the rules follow `docs/annotation.md`):
//! * an event is *between actors*: at least one participant must name one (an entity, a
//!   title, a body or a group word: `الجيش`, `المتظاهرون`, `وزارة`), except for protests,
//!   attacks and arrests, whose participants are often unnamed (`قتل شخصان`); so
//!   `الدعم الفني` as a department's name or `استقبال الطلبات` make none;
//! * a verbal noun without a light verb is a reference, not a new event, when it is
//!   definite, demonstrative or possessed and an earlier sentence reported its type
//!   (`عقب الهجوم`); a noun flagged `+light` needs its light verb (`فتح تحقيقا`);
//! * the content of a request, threat, refusal or promise has not happened (`طالب
//!   بالإفراج`), nor has a wish (`أعرب عن أمله في القبض`), a conditional (`إذا`, `لو`), a
//!   question, a habit (`دائما`) or a tally over a period (`قتل مئات … منذ 2013`);
//! * in a sentence with two sports words (`المباراة`, `المنتخب`) only agreements are
//!   coded; listed exclusions block names (`مجلس التعاون`, `الحشد الشعبي`, `بني عدوان`);
//! * protest words that are also ordinary (`تجمع`, `احتشد`, `قطع الطريق`) need a protest
//!   word in their sentence; a protest is reported by a crowd the sentence introduces, a
//!   place or a date, not by `المتظاهرون` chanting in a relative or temporal clause, nor by
//!   a protest that only sets the scene (`بعد مظاهرة جرت`, `بعد أن شهدت أعمال شغب`,
//!   `كانوا يحتجون`, `مظاهرات أخرى`, `منذ تأسيسها عدة مظاهرات`; see `protest_anchored`);
//!   explosions and targeting need a violence word;
//! * a noun after `حول` is a topic (`فيلم يدور حول هجوم`); statements that each retell one
//!   act with the same relative verb (`التفجير الذي استهدف`) code it once;
//! * several triggers of one type a few words apart in a clause are one event
//!   (`انفجار عبوة ناسفة استهدف حافلة`).
//!
//! ```
//! use marsad_core::{CertaintyLabel, EventType};
//! use marsad_extract::events::extract_text;
//!
//! let body = "ومن المتوقع أن يستقبل الرئيس سامي الحوراني وفدا تجاريا في عمّان الأسبوع المقبل.";
//! let events = extract_text(body);
//! let e = &events[0];
//! assert_eq!(e.kind, EventType::Consult);
//! assert_eq!(e.certainty.label, CertaintyLabel::Expected);
//! assert_eq!(e.date.as_ref().and_then(|d| d.text.as_deref()), Some("الأسبوع المقبل"));
//! ```

pub mod args;
pub mod certainty;
pub mod dates;
pub mod detect;
mod doc;
pub mod filter;
mod forms;
mod heads;
pub mod lexicon;
mod matcher;
pub mod roles;
mod vocab;

use crate::entity::{Entity, EntityKind};
use crate::{NerModel, actors, quotes};
use args::Np;
use certainty::{Governs, Inputs, QuoteSpan, governs};
use doc::Doc;
use lexicon::{Lexicon, Marker, Pos, Row, RowKind};
use marsad_core::{Argument, Event, EventDate, EventType, Quote};
use matcher::Trig;
use std::cell::RefCell;
use std::ops::Range;

pub use lexicon::{LexiconError, TRIGGERS_TSV};

/// Extracts the events of `body`, given the entities recognized in it (names and nominal
/// mentions, as the pipeline gives them) and its quotes. Never fails; events are sorted by
/// start, then by trigger; every span is a char range of `body`.
///
/// The rules build candidates ([`candidates`]); those a rule vetoes are weighed by the
/// learned filter ([`filter::EventFilter::embedded`]), which keeps the likely events.
pub fn extract(body: &str, entities: &[Entity], quotes: &[Quote]) -> Vec<Event> {
    select(
        &build_candidates(body, entities, quotes, false),
        filter::EventFilter::embedded(),
    )
}

/// The extraction's events: every candidate no rule vetoed, and the vetoed candidates
/// `model` judges events after all, in order; their source and target are chosen by the
/// embedded participant models ([`roles::RoleModel::embedded`]).
pub fn select(found: &Candidates, model: &filter::EventFilter) -> Vec<Event> {
    select_with(found, model, roles::RoleModel::embedded())
}

/// [`select`] with the participants chosen by `roles` ([`roles::RoleModel::rules`] keeps the
/// rules' own).
pub fn select_with(
    found: &Candidates,
    model: &filter::EventFilter,
    roles: &roles::RoleModel,
) -> Vec<Event> {
    let mut kept: Vec<Event> = Vec::new();
    for (i, (e, vetoes)) in found.events.iter().zip(&found.vetoes).enumerate() {
        let keep = if vetoes.is_empty() {
            true
        } else {
            // A vetoed candidate kept by the filter may share its trigger with an event the
            // rules kept (merged triggers): one event is told once.
            rescuable(e)
                && model.keep(&found.features[i])
                && !kept
                    .iter()
                    .any(|k| k.kind == e.kind && k.cue_start < e.cue_end && e.cue_start < k.cue_end)
        };
        if keep {
            let mut e = e.clone();
            if let Some(choices) = found.roles.get(i) {
                roles.assign(&mut e, choices);
            }
            kept.push(e);
        }
    }
    kept
}

/// Whether the filter may keep this candidate when a rule vetoed it. A vetoed protest stays
/// vetoed: the protest rules are tuned on their own gold (part A of `marsad eval events`),
/// where overruling them only added false protests (PROTEST F1 0.538 against 0.546 with the
/// rules alone).
pub fn rescuable(e: &Event) -> bool {
    e.kind != EventType::Protest
}

/// The candidates of the trigger rules alone: `found` without the learned detector's
/// events (what the event filter is trained on, so that it does not depend on the detector),
/// and without the words the detector weighed, which nothing reading the rules' view needs.
pub fn without_learned(found: &Candidates) -> Candidates {
    let keep = |i: &usize| !found.is_learned(*i);
    let pick = |n: usize| (0..n).filter(keep);
    Candidates {
        events: pick(found.events.len())
            .map(|i| found.events[i].clone())
            .collect(),
        features: pick(found.features.len())
            .map(|i| found.features[i].clone())
            .collect(),
        vetoes: pick(found.vetoes.len())
            .map(|i| found.vetoes[i].clone())
            .collect(),
        roles: pick(found.roles.len())
            .map(|i| found.roles[i].clone())
            .collect(),
        learned: Vec::new(),
        tokens: Vec::new(),
    }
}

/// The events the rules alone extract: the candidates no rule vetoed, without the learned
/// detector's.
pub fn rules_only(found: &Candidates) -> Vec<Event> {
    found
        .events
        .iter()
        .zip(&found.vetoes)
        .enumerate()
        .filter(|(i, (_, v))| v.is_empty() && !found.is_learned(*i))
        .map(|(_, (e, _))| e.clone())
        .collect()
}

/// The rules' events before the learned filter, each with the features the filter reads.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// The events the trigger rules build, sorted as [`extract`] sorts them.
    pub events: Vec<Event>,
    /// `features[i]` describes `events[i]` ([`filter::features`]).
    pub features: Vec<Vec<String>>,
    /// `vetoes[i]`: the soft rules that judged `events[i]` no event (`reference`,
    /// `no_actor`…; see `SOFT_VETOES`); empty for the events the rules alone extract.
    pub vetoes: Vec<Vec<&'static str>>,
    /// `roles[i]`: the candidate participants of `events[i]` ([`roles::RoleChoices`]); empty
    /// for a candidate that cannot be kept (on the extraction's fast path, also for one the
    /// filter does not keep).
    pub roles: Vec<roles::RoleChoices>,
    /// `learned[i]`: `events[i]` was found by the learned trigger detector ([`detect`]), not
    /// by a lexicon row; it has no filter features and is not one of the rules' events.
    pub learned: Vec<bool>,
    /// Every word the detector weighed (those no rule took), with its features; filled for
    /// [`candidates`] only (training), empty on the extraction's fast path.
    pub tokens: Vec<detect::DetectorToken>,
}

impl Candidates {
    /// Whether `events[i]` was found by the learned trigger detector.
    pub fn is_learned(&self, i: usize) -> bool {
        self.learned.get(i).copied().unwrap_or(false)
    }
}

/// Every event the trigger rules build in `body`, unfiltered, with the filter's features:
/// what `marsad train events` learns from and `marsad eval events` compares with.
pub fn candidates(body: &str, entities: &[Entity], quotes: &[Quote]) -> Candidates {
    build_candidates(body, entities, quotes, true)
}

/// [`candidates`]; with `all_features` false (the extraction's fast path) only the
/// candidates the filter weighs (vetoed and [`rescuable`]) get features, and only those the
/// embedded filter keeps get candidate participants.
fn build_candidates(
    body: &str,
    entities: &[Entity],
    quotes: &[Quote],
    all_features: bool,
) -> Candidates {
    let lex = Lexicon::embedded();
    let mut doc = Doc::new(body, entities);
    let trigs = matcher::find(&mut doc, lex);
    let heads: Vec<usize> = trigs
        .iter()
        .flat_map(|t| t.parts.iter().copied().chain(t.light.map(|l| l.0)))
        .collect();
    let qspans = certainty::quote_spans(&doc, quotes);
    let mut b = Builder {
        doc: &doc,
        lex,
        heads,
        quotes: qspans,
        done: Vec::new(),
        trig_rows: trigs.iter().map(|t| (t.head, t.row)).collect(),
        vetoes: RefCell::new(Vec::new()),
    };
    let mut events: Vec<(Event, Vec<String>, roles::TriggerShape)> = Vec::new();
    // Events a rule vetoes stay candidates, with the rules that vetoed them, for the learned
    // filter to weigh; they take no part in the rules' own bookkeeping (references back,
    // governing verbs, merging), so the unvetoed events are exactly what the rules alone
    // extract.
    let mut vetoed: Vec<(Event, Vec<&'static str>, Vec<String>, roles::TriggerShape)> = Vec::new();
    for t in &trigs {
        b.vetoes.borrow_mut().clear();
        let built = b.build(t);
        let vetoes = std::mem::take(&mut *b.vetoes.borrow_mut());
        if let Some(ev) = built {
            // Only the candidates the filter weighs need their form spelled out.
            let weighed = all_features || !vetoes.is_empty() && rescuable(&ev);
            let form = if weighed { trigger_form(t) } else { Vec::new() };
            let shape = roles::TriggerShape {
                verb: t.pos.is_verb() || t.light.is_some(),
                light: t.light.is_some(),
            };
            if !vetoes.is_empty() {
                vetoed.push((ev, vetoes, form, shape));
                continue;
            }
            b.done.push(Done {
                head: t.head,
                allege: ev.mode.as_deref() == Some("allege"),
                sentence: doc.w.sentence_of.get(t.head).copied().unwrap_or(0),
                kind: ev.kind,
                verb: t.pos.is_verb() || t.light.is_some(),
                source: ev.source.clone(),
                retold: retold_verb(&doc, t),
            });
            // انفجار عبوة ناسفة استهدفت حافلة: one event named by several triggers of its
            // type, a few words apart in one clause, is coded once, its cue covering them;
            // so is a manner phrase of the same act in its sentence (قتله … بإطلاق النار).
            let manner = t.pos == Pos::Noun && t.stack.contains('ب');
            if let Some((prev, _, _)) = events.last_mut()
                && prev.kind == ev.kind
                && prev.start == ev.start
                && (words_between(&doc, prev.cue_end, ev.cue_start) <= 3 || manner)
            {
                merge(prev, ev, &doc.chars);
                continue;
            }
            events.push((ev, form, shape));
        }
    }
    let mut all: Vec<(Event, Vec<&'static str>, Vec<String>, roles::TriggerShape)> = events
        .into_iter()
        .map(|(e, f, s)| (e, Vec::new(), f, s))
        .collect();
    all.extend(vetoed);
    all.sort_by(|(a, ..), (b, ..)| {
        (a.start, a.cue_start, a.cue_end, a.kind).cmp(&(b.start, b.cue_start, b.cue_end, b.kind))
    });
    let mut events = Vec::with_capacity(all.len());
    let mut vetoes = Vec::with_capacity(all.len());
    let mut forms = Vec::with_capacity(all.len());
    let mut shapes = Vec::with_capacity(all.len());
    for (e, v, f, shape) in all {
        events.push(e);
        vetoes.push(v);
        forms.push(f);
        shapes.push(shape);
    }

    let weighed = |i: usize| all_features || (!vetoes[i].is_empty() && rescuable(&events[i]));
    let mut features = filter::features(
        &doc.chars, entities, quotes, &events, &vetoes, &forms, weighed,
    );

    // The words no rule read as a trigger (no matched trigger word or its neighbours, no
    // candidate's cue, no name) are weighed by the learned detector; a word it is sure
    // enough of is an event. The neighbours of a trigger word stay the rules': a light verb
    // or the rest of a multi-word trigger (إلقاء القبض، فتح قنوات اتصال) is the same event,
    // and where a rule judged the trigger no event (a wish, an aim, a question), the words
    // around it are no event either.
    let mut taken = vec![false; doc.len()];
    for &h in &b.heads {
        for j in h.saturating_sub(1)..=h + 1 {
            if let Some(t) = taken.get_mut(j) {
                *t = true;
            }
        }
    }
    for e in &events {
        let mut j = doc.w.token_at_or_after(e.cue_start);
        while j < doc.len() && doc.w.tokens[j].start < e.cue_end {
            taken[j] = true;
            j += 1;
        }
    }
    let detector = detect::TriggerModel::embedded();
    let mut tokens = Vec::new();
    let mut learned_events = Vec::new();
    let mut buf = String::new();
    let stems = detect::stems(&doc);
    for (i, &is_taken) in taken.iter().enumerate() {
        if is_taken || doc.ent(i).is_some() || !detect::eligible(&doc, i) {
            continue;
        }
        // Training keeps each word's features and weighs them as they are; the fast path
        // weighs them straight from a reused buffer.
        let (kind, p) = if all_features {
            let span = doc.w.char_span(i..i + 1);
            let features = detect::features(&doc, &stems, i);
            let best = detector.best(&features);
            tokens.push(detect::DetectorToken {
                start: span.start,
                end: span.end,
                features,
            });
            best
        } else {
            detector.best_at(&doc, &stems, i, &mut buf)
        };
        if p >= detector.threshold()
            && let Some(found) = learned_event(&doc, i, kind, &b.quotes, &b.heads)
        {
            learned_events.push(found);
        }
    }
    let mut learned = vec![false; events.len()];
    if !learned_events.is_empty() {
        // Into their places among the rules' candidates.
        let mut rows: Vec<CandidateRow> = events
            .into_iter()
            .zip(vetoes)
            .zip(features)
            .zip(shapes)
            .map(|(((e, v), f), s)| (e, v, f, s, false))
            .collect();
        rows.extend(
            learned_events
                .into_iter()
                .map(|(e, s)| (e, Vec::new(), Vec::new(), s, true)),
        );
        rows.sort_by(|(a, ..), (b, ..)| {
            (a.start, a.cue_start, a.cue_end, a.kind).cmp(&(
                b.start,
                b.cue_start,
                b.cue_end,
                b.kind,
            ))
        });
        (events, vetoes, features, shapes, learned) = (
            Vec::with_capacity(rows.len()),
            Vec::with_capacity(rows.len()),
            Vec::with_capacity(rows.len()),
            Vec::with_capacity(rows.len()),
            Vec::with_capacity(rows.len()),
        );
        for (e, v, f, s, l) in rows {
            events.push(e);
            vetoes.push(v);
            features.push(f);
            shapes.push(s);
            learned.push(l);
        }
    }

    // Only a candidate that can be kept has its participants weighed; on the extraction's
    // fast path, only one the filter keeps.
    let roles = (0..events.len())
        .map(|i| {
            let kept = vetoes[i].is_empty()
                || rescuable(&events[i])
                    && (all_features || filter::EventFilter::embedded().keep(&features[i]));
            if kept {
                roles::choices(&doc, &events, i, shapes[i], &b.heads)
            } else {
                roles::RoleChoices::default()
            }
        })
        .collect();
    Candidates {
        events,
        features,
        vetoes,
        roles,
        learned,
        tokens,
    }
}

/// The time expression of an event whose trigger is token `anchor`: the nearest one in its
/// clause, else the nearest in its sentence within 12 tokens.
fn nearest_date(
    doc: &Doc<'_>,
    clause: Range<usize>,
    sent: Range<usize>,
    anchor: usize,
) -> Option<(dates::Expr, usize, usize)> {
    let w = &doc.w;
    let distance = |s: usize, e: usize| {
        if e <= anchor {
            anchor - e
        } else {
            s.saturating_sub(anchor)
        }
    };
    let pick = |v: Vec<(dates::Expr, usize, usize)>| {
        v.into_iter().min_by_key(|(_, s, e)| distance(*s, *e))
    };
    pick(dates::find_all(w, clause))
        .or_else(|| pick(dates::find_all(w, sent)).filter(|(_, s, e)| distance(*s, *e) <= 12))
}

/// An event's date as found in the text (resolved against the publication date later).
fn event_date(doc: &Doc<'_>, (e, s, end): (dates::Expr, usize, usize)) -> EventDate {
    let w = &doc.w;
    let span = w.char_span(s..end);
    EventDate {
        value: None,
        precision: e.precision(),
        text: Some(w.slice(s..end).to_string()),
        start: Some(span.start),
        end: Some(span.end),
    }
}

/// An event of type `kind` whose trigger is the word at token `i`, found by the learned
/// detector ([`detect`]): no lexicon row tells its form, so the word's shape does (a
/// definite or feminine noun is a verbal noun, a سـ before an imperfect prefix is the
/// future); its date and certainty are read as the rules read them; its participants are
/// left to the participant models. `None` when the token is not in a sentence.
fn learned_event(
    doc: &Doc<'_>,
    i: usize,
    kind: EventType,
    quotes: &[QuoteSpan<'_>],
    heads: &[usize],
) -> Option<(Event, roles::TriggerShape)> {
    let w = &doc.w;
    let key = doc.bare(i);
    let free = vocab::clitic_free(key);
    let stack = &key[..key.len() - free.len()];
    let noun = stack.contains("ال")
        || stack.ends_with("لل")
        || free.ends_with('ه')
        || free.ends_with("ات");
    let future =
        !noun && key.starts_with('س') && matches!(key.chars().nth(1), Some('ي' | 'ت' | 'ن' | 'ا'));
    let clause = doc.clause(i);
    let sent = doc.sentence(i);
    let found = nearest_date(doc, clause.clone(), sent.clone(), i);
    let scope_end = if noun { (i + 3).min(sent.end) } else { i + 1 };
    let (certainty, attributed_to) = certainty::assess(
        doc,
        &Inputs {
            scope: clause.start.min(i)..scope_end.max(clause.start.min(i)),
            head: i,
            last: i,
            noun,
            purpose: noun && matches!(stack, "ل" | "ول" | "فل" | "لل"),
            future,
            hedged: !noun && i > 0 && doc.bare(i - 1) == "قد",
            governor: None,
            quotes,
            sources: &certainty::sources(doc, i, heads),
            future_date: found
                .as_ref()
                .filter(|(e, _, _)| e.is_future())
                .map(|(_, s, e)| *s..*e),
        },
    );
    let s = w.sentences.get(w.sentence_of.get(i).copied()?)?;
    let cue = w.char_span(i..i + 1);
    let event = Event {
        kind,
        cameo: None,
        mode: None,
        source: None,
        target: None,
        location: None,
        date: found.map(|f| event_date(doc, f)),
        certainty,
        attributed_to,
        cue: w.slice(i..i + 1).to_string(),
        cue_start: cue.start,
        cue_end: cue.end,
        sentence: s.text(w.text).to_string(),
        start: s.start,
        end: s.end,
    };
    Some((
        event,
        roles::TriggerShape {
            verb: !noun,
            light: false,
        },
    ))
}

/// A candidate with everything `build_candidates` keeps beside it: its vetoes, filter
/// features, trigger shape, and whether the learned detector found it.
type CandidateRow = (
    Event,
    Vec<&'static str>,
    Vec<String>,
    roles::TriggerShape,
    bool,
);

/// What the matcher read the trigger as, for the learned filter ([`filter::features`]):
/// its part of speech, the clitics before it, a pronoun after it, a light verb.
fn trigger_form(t: &Trig) -> Vec<String> {
    vec![
        format!("pos={:?}", t.pos),
        format!("stack={}", t.stack),
        format!(
            "form={}{}{}",
            if t.suffixed { "suffixed" } else { "bare" },
            if t.plural { "+plural" } else { "" },
            match t.light {
                Some((_, true, _)) => "+light",
                Some((_, false, _)) => "+passive_light",
                None => "",
            }
        ),
    ]
}

/// The verb of a relative clause within three words after a trigger (الهجوم الذي استهدف
/// → استهدف, without a glued conjunction), if there is one.
fn retold_verb(doc: &Doc<'_>, t: &Trig) -> Option<String> {
    let w = &doc.w;
    let end = doc.sentence(t.head).end;
    (t.last() + 1..(t.last() + 4).min(end))
        .find(|&j| matches!(w.key(j), "الذي" | "التي"))
        .map(|j| doc.bare(j + 1).to_string())
}

/// A participant's name compared across mentions: folded (أ/إ/آ → ا, ة → ه …).
fn folded_name(name: &str) -> String {
    crate::claims::words::fold(name.trim())
}

/// Whether two participant names name one party: folded, and the first word without a
/// glued conjunction, preposition or article (`للجيش الليبي` and `الجيش الليبي`). The
/// participant models use it (an actor does not act on itself); the rules compare
/// [`folded_name`]s, as the event filter was trained on.
pub(crate) fn same_party(a: &str, b: &str) -> bool {
    let key = |name: &str| {
        let folded = folded_name(name);
        match folded.split_once(' ') {
            Some((first, rest)) => format!("{} {rest}", vocab::clitic_free(first)),
            None => vocab::clitic_free(&folded).to_string(),
        }
    };
    key(a) == key(b)
}

/// Word tokens between char offsets `a` and `b`; a clause or sentence boundary counts as
/// far.
fn words_between(doc: &Doc<'_>, a: usize, b: usize) -> usize {
    let w = &doc.w;
    let from = w.token_at_or_after(a);
    let to = w.token_at_or_after(b);
    let relative = |j: usize| matches!(w.key(j), "الذي" | "التي");
    if (from..to).any(|j| (doc.is_hard_open(j) && !relative(j)) || w.is_punct(j, &['،', ','])) {
        return usize::MAX;
    }
    (from..to).filter(|&j| w.is_word(j) && !relative(j)).count()
}

/// Folds `next` into `prev`: the cue spans both, missing arguments are taken from `next`.
fn merge(prev: &mut Event, next: Event, chars: &[char]) {
    let start = prev.cue_start.min(next.cue_start);
    let end = prev.cue_end.max(next.cue_end).min(chars.len());
    prev.cue = chars[start.min(end)..end].iter().collect();
    prev.cue_start = start;
    prev.cue_end = end;
    let overlaps = |a: &Option<Argument>, b: &Option<Argument>| match (a, b) {
        (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
        _ => false,
    };
    if prev.source.is_none() && !overlaps(&next.source, &prev.target) {
        prev.source = next.source;
    }
    if prev.target.is_none() && !overlaps(&next.target, &prev.source) {
        prev.target = next.target;
    }
    if prev.location.is_none() {
        prev.location = next.location;
    }
    if prev.date.is_none() {
        prev.date = next.date;
    }
    if prev.mode.is_none() {
        prev.mode = next.mode;
        prev.cameo = next.cameo;
    }
}

/// [`extract`] with the embedded NER model, actor resolution and quotes: the whole
/// extraction a body gets in the pipeline.
pub fn extract_text(body: &str) -> Vec<Event> {
    let entities = NerModel::embedded().recognize(body);
    let found = actors::resolve(body, &entities);
    let quotes = quotes::extract_with(body, &entities);
    extract(body, &mentions_as_entities(&found), &quotes)
}

/// The mentions of [`actors::resolve`] (names and nominal mentions such as `القيادة الروسية`)
/// as entities, the participants events prefer.
pub fn mentions_as_entities(found: &actors::ArticleActors) -> Vec<Entity> {
    found
        .mentions
        .iter()
        .map(|m| Entity {
            kind: m.kind,
            start: m.start,
            end: m.end,
            text: m.text.clone(),
        })
        .collect()
}

struct Done {
    head: usize,
    /// An allegation (اتهم، رفع دعوى): the act it names is reported, not a fact.
    allege: bool,
    sentence: usize,
    kind: EventType,
    verb: bool,
    source: Option<Argument>,
    /// The verb of a relative clause right after the trigger (التفجير الذي استهدف).
    retold: Option<String>,
}

struct Builder<'d, 'a, 'q> {
    doc: &'d Doc<'a>,
    lex: &'static Lexicon,
    /// Every token a trigger or light verb uses: participants stop there.
    heads: Vec<usize>,
    quotes: Vec<QuoteSpan<'q>>,
    done: Vec<Done>,
    /// `(head, row)` of every trigger.
    trig_rows: Vec<(usize, usize)>,
    /// The rules that vetoed the trigger being built (see [`Builder::veto`]).
    vetoes: RefCell<Vec<&'static str>>,
}

/// The vetoes the learned filter may overrule: those that are wrong often enough for it to
/// learn when. `marsad train events` prints, for each of them, how many candidates it vetoes
/// and how many of those are annotated events; over the 1,086 training articles, vetoed by
/// that rule alone: `no_actor` 81 of 355, `reference` 23 of 97, `unplaced` 11 of 79,
/// `sports_praise` 8 of 27. When every veto was soft (793 training articles then), the
/// others (a wish or an aim, a question, a condition, a habit, a definite deal, a name read
/// as a verb…) were wrong at most 4 times each, and they stay final; so do `context` (6 of
/// 37: ordinary words of protest and violence, تجمع، انفجر, with no protest or violence word
/// in their sentence), because overruling it raised false protests in part A of `marsad
/// eval events` (PROTEST F1 0.528 against 0.546), and `sports` (16 of 148), because
/// cross-validation was no better with it soft (F1 0.485 against 0.484) and what it rescued
/// read like «the player attacked the goal». Changing this list changes the candidates:
/// retrain the filter.
const SOFT_VETOES: [&str; 4] = ["no_actor", "reference", "unplaced", "sports_praise"];

/// The kinds a sports sentence does not code: results, transfers, club affairs and
/// matches are not political events (`لقاء الفريقين`, `هجوم الفريق`).
fn sports_vetoed(kind: EventType) -> bool {
    // A sponsorship agreement between a club and a company is still an agreement; honours
    // and thanks by officials are judged by their source below.
    !matches!(kind, EventType::Agree | EventType::Support)
}

impl Builder<'_, '_, '_> {
    /// A rule judges the trigger being built no event. A rule of [`SOFT_VETOES`] is
    /// recorded and the build goes on, so that the candidate, with its participants and
    /// certainty, reaches the learned filter with the reasons against it (`false`); any
    /// other rule ends the build (`true`: the caller returns `None`).
    fn veto(&self, rule: &'static str) -> bool {
        if SOFT_VETOES.contains(&rule) {
            self.vetoes.borrow_mut().push(rule);
            false
        } else {
            true
        }
    }

    fn arg(&self, np: &Np) -> Option<Argument> {
        np.argument(&self.doc.chars)
    }

    /// A source or target as shown: `None` when the phrase is no party
    /// ([`args::is_party`]).
    fn party(&self, np: &Np) -> Option<Argument> {
        if args::is_party(self.doc, np) {
            self.arg(np)
        } else {
            None
        }
    }

    fn build(&self, t: &Trig) -> Option<Event> {
        let doc = self.doc;
        let w = &doc.w;
        let row: &Row = &self.lex.rows[t.row];
        let RowKind::Event(mut kind) = row.kind else {
            return None;
        };
        let mut cameo = row.cameo.clone();
        let mut mode = row.mode.clone();
        let flags = doc.flags(t.head);
        let noun = t.pos == Pos::Noun || t.pos == Pos::Word;
        if flags.sports && sports_vetoed(kind) && self.veto("sports") {
            return None;
        }
        // وعدن (and Aden) is no وعد (promised): a verb reading of a word the recognizer took
        // for a place or a person is that name.
        if t.pos.is_verb()
            && t.light.is_none()
            && doc
                .ent(t.head)
                .is_some_and(|e| matches!(e.kind, EntityKind::Loc | EntityKind::Per))
            && self.veto("name")
        {
            return None;
        }
        if row.flags.light && !t.light.is_some_and(|l| l.1) && self.veto("light") {
            return None;
        }
        if row.flags.ctx {
            let ok = match kind {
                EventType::Protest => flags.protest,
                _ => flags.assault,
            };
            if !ok && self.veto("context") {
                return None;
            }
        }
        // A province, not a boycott: مقاطعة لياونينغ.
        if kind == EventType::Protest
            && noun
            && row.mode.as_deref() == Some("boycott")
            && doc
                .ent(t.last() + 1)
                .is_some_and(|e| e.kind == EntityKind::Loc)
            && self.veto("province")
        {
            return None;
        }
        // أبعاد (dimensions: الحريق تقدر أبعاده، القضية وأبعادها) folds to the letters of
        // إبعاد (deportation); the hamza written above the alef tells them apart.
        if kind == EventType::Coerce
            && noun
            && w.key(t.head).contains("ابعاد")
            && w.slice(t.head..t.head + 1).contains("أبعاد")
            && self.veto("abaad")
        {
            return None;
        }
        let sent = doc.sentence(t.head);
        let clause = doc.clause(t.head);
        let last = t.last();
        let verb = if t.pos.is_verb() {
            Some(t.head)
        } else {
            t.light.map(|l| l.0)
        };
        let agentive = t.pos.is_verb() || t.light.is_some_and(|l| l.1);
        let trig_clause = verb.map(|v| doc.clause(v)).unwrap_or(clause.clone());
        let limit = clause.end.max(last + 1);
        let heads = &self.heads;

        // --- Source and target -----------------------------------------------------------
        let mut source: Option<Np> = None;
        let mut target: Option<Np> = None;
        let mut after = last + 1;
        let has_obj = row.markers.contains(&Marker::Obj);
        if let Some(v) = verb.filter(|_| agentive) {
            let v_clause = doc.clause(v);
            // SVO: an actor phrase that ends right before the verb and opens its clause.
            // أن الوزير استقبل، وكان الأمير استقبل (a pluperfect, not كان with an imperfect,
            // a habit): the word opening the clause stands before the subject.
            let pluperfect = if v == t.head {
                t.pos == Pos::Perfect
            } else {
                !doc.bare(v).starts_with(['ي', 'ت'])
            };
            let opener = v_clause.start < v
                && (vocab::is_complementizer(w.key(v_clause.start))
                    || pluperfect && matches!(doc.bare(v_clause.start), "كان" | "كانت" | "كانوا"));
            let before = args::backward(doc, v, v_clause.start, heads)
                .filter(|np| {
                    np.actor
                        && (np.tokens.start == v_clause.start
                            || doc.is_open(np.tokens.start)
                            || (opener && np.tokens.start == v_clause.start + 1))
                })
                .or_else(|| {
                    // المشير فارس الدرعي "أعطى الحكومة مهلة": a partial quote opening at the
                    // verb leaves its subject outside.
                    (v_clause.start == v && v > 0 && w.is_punct(v - 1, &['«', '"', '“']))
                        .then(|| {
                            let c = doc.clause(v - 1);
                            // The phrase opens the clause, after أن and titles (أن المشير
                            // فارس الدرعي).
                            let from =
                                c.start + usize::from(vocab::is_complementizer(w.key(c.start)));
                            args::backward(doc, v - 1, c.start, heads).filter(|np| {
                                np.actor
                                    && np.tokens.start >= from
                                    && (from..np.tokens.start).all(|k| doc.is_title(k))
                            })
                        })
                        .flatten()
                });
            // VSO: the phrase after the verb (not when the noun follows the light verb). A
            // verb ending in a plural or dual subject has that pronoun as subject: what
            // follows it is its object.
            let plural = t.light.map(|l| l.2).unwrap_or(t.plural);
            let subject_end = if t.light.is_some() { t.head } else { limit };
            let after_verb = if t.light.is_some() && v + 1 >= t.head {
                None
            } else {
                args::forward(doc, v + 1, subject_end, heads)
            };
            // الهجوم الذي استهدف مسجدا: a verb right after الذي/التي with no object pronoun
            // has the antecedent as its subject, so the phrase after it is its object (with a
            // pronoun, الذي استهدفه, the antecedent is the object and the phrase the subject).
            let relative = t.light.is_none()
                && !t.suffixed
                && v > 0
                && v == t.head
                && matches!(w.key(v - 1), "الذي" | "التي");
            // ودعا المواطنين إلى: an accusative plural after the verb is its object.
            let accusative = after_verb.as_ref().is_some_and(|np| {
                np.tokens.start == v + 1 && args::accusative_plural(doc, v + 1)
                    || np.tokens.end > np.tokens.start && args::tanwin_fath(doc, np.tokens.start)
            });
            let (before, after_verb) = match (before, after_verb) {
                (None, Some(np)) if plural || relative || accusative => {
                    if t.light.is_none() && has_obj {
                        after = after.max(np.tokens.end);
                        // استهدف مسجدا لقوات الطوارئ: a building or thing attacked stands
                        // for the actor that owns it, named right after it.
                        let owner = (relative && !np.actor && np.kind.is_none())
                            .then(|| {
                                args::after_marker(
                                    doc,
                                    np.tokens.end,
                                    (np.tokens.end + 1).min(limit),
                                    &[],
                                    &['ل'],
                                    heads,
                                )
                                .map(|(_, o)| o)
                                .or_else(|| args::forward(doc, np.tokens.end, limit, heads))
                                .filter(|o| o.tokens.start == np.tokens.end && o.actor)
                            })
                            .flatten();
                        target = Some(owner.unwrap_or(np));
                    }
                    (None, None)
                }
                other => other,
            };
            match (before, after_verb) {
                (Some(s), obj) => {
                    source = Some(s);
                    if t.light.is_none() && has_obj {
                        target = obj;
                    }
                }
                (None, Some(np)) => {
                    // قتل أبو عقيل السالمي على يد عناصر المقاومة: an agent phrase right after
                    // the phrase makes the verb passive, whoever the phrase names.
                    let e = np.tokens.end;
                    let agent_next = (e..(e + 2).min(limit)).any(|j| {
                        matches!(
                            (w.key(j), w.key(j + 1)),
                            ("علي", "يد") | ("علي", "ايدي") | ("من", "قبل")
                        ) || matches!(w.key(j), "بنيران" | "برصاص")
                    });
                    if row.flags.victim
                        && (np.victim
                            && (np.tokens.is_empty() || !doc.is_actor_head(np.tokens.start))
                            || agent_next)
                    {
                        // Passive: قتل 5 أشخاص، اعتقل عدد من المطلوبين.
                        source = args::agent_phrase(doc, np.tokens.end, sent.end, heads);
                        after = np.tokens.end;
                        target = Some(np);
                    } else if has_obj
                        && t.light.is_none()
                        && !np.actor
                        && np.kind.is_none()
                        && !np.tokens.is_empty()
                        && vocab::is_facility_head(doc.bare(np.tokens.start))
                    {
                        // هجوم استهدف نقطة تمركز: a facility is acted on, it does not act; the
                        // subject is the attack the verb describes.
                        after = after.max(np.tokens.end);
                        target = Some(np);
                    } else {
                        after = after.max(np.tokens.end);
                        source = Some(np);
                        if t.light.is_none() && has_obj {
                            target = args::forward(doc, after, limit, heads);
                            if let Some(o) = &target {
                                after = after.max(o.tokens.end);
                            }
                        }
                    }
                }
                (None, None) => {}
            }
            if relative && source.is_none() {
                // الرجل الذي هاجم الحارس: the antecedent is the subject, when it names
                // someone (not an act: الهجوم الذي استهدف).
                // رئيس الحكومة سليم العبيدي، الذي استقبل: a comma may close the antecedent.
                let end = if v >= 2 && w.is_punct(v - 2, &['،', ',']) {
                    v - 2
                } else {
                    v - 1
                };
                source = args::backward(doc, end, sent.start, heads);
            }
            // قالت القيادة إنها استهدفت: a verb right after a complementizer with a pronoun
            // has that pronoun as subject; it is not coordinated with the verb before.
            let pronoun_subject = v > 0
                && vocab::is_complementizer(w.key(v - 1))
                && !matches!(w.key(v - 1), "ان" | "بان" | "وان" | "فان");
            if source.is_none() && !relative && !pronoun_subject {
                // Coordinated verbs share their subject: احتشد المتظاهرون … وأحرقوا.
                source = self
                    .done
                    .iter()
                    .rev()
                    .find(|d| d.sentence == w.sentence_of.get(t.head).copied().unwrap_or(0))
                    .filter(|d| d.verb && d.head < t.head)
                    .and_then(|d| d.source.clone())
                    .map(|a| Np {
                        tokens: 0..0,
                        span: a.start..a.end,
                        actor: true,
                        kind: None,
                        victim: false,
                        quantity: false,
                    });
            }
            if source.is_none() && !relative && (plural || doc.is_open(v) || v == v_clause.start) {
                // A subject left implicit is the closest earlier actor named (وطالبوا after
                // وشكا أهالي …), in this sentence or the one before.
                let from = previous_sentence_start(doc, v, sent.start);
                source = args::nearest_before(doc, v, from, heads, false);
            }
        }
        if t.also_noun && source.is_none() {
            // نفت الوزارة نشر قوات: a form that is also the verbal noun, with no subject as a
            // verb, is the noun; its actor is the clause's.
            let clause = doc.clause(t.head);
            source = args::nearest_before(doc, t.head, clause.start, heads, false);
        }
        if noun && (t.light.is_none() || !agentive) {
            self.noun_args(t, row, limit, sent.clone(), &mut source, &mut target);
        } else if noun && source.is_none() {
            // قام بزيارة with no subject in sight: the noun's own phrases.
            self.noun_args(t, row, limit, sent.clone(), &mut source, &mut target);
        } else if noun && target.is_none() && self.pronoun_is_patient(t, row, limit) {
            // قامت الشرطة باعتقاله: the light verb's subject acts on the pronoun's antecedent.
            target = self.patient_target(t, source.as_ref(), sent.clone());
        }
        if target.is_none() {
            let (words, glued) = markers(row);
            // القبض على المتهم: a marker the pattern itself ends on introduces the target.
            let from = t
                .parts
                .iter()
                .copied()
                .filter(|&p| p > t.head && w.is_word(p) && words.contains(&w.key(p)))
                .min()
                .unwrap_or(after.max(last + 1));
            if let Some((m, np)) =
                args::after_marker(doc, from, limit.min(from + 14), &words, &glued, heads)
            {
                // بين X و Y: both sides take part; X is coded as the source.
                let next = np.tokens.end;
                let second =
                    (w.key(m) == "بين" && w.is_word(next) && w.key(next) != doc.bare(next))
                        .then(|| args::forward(doc, next, limit, heads))
                        .flatten();
                match second {
                    Some(y) if source.is_none() => {
                        source = Some(np);
                        target = Some(y);
                    }
                    _ => target = Some(np),
                }
            }
        }
        if row.flags.inverse {
            std::mem::swap(&mut source, &mut target);
            if source.is_none() {
                let (words, _) = markers(row);
                source =
                    args::after_marker(doc, last + 1, sent.end, &words, &[], heads).map(|x| x.1);
            }
        }
        // The same phrase cannot be both.
        if let (Some(s), Some(o)) = (&source, &target)
            && s.span.start < o.span.end
            && o.span.start < s.span.end
        {
            target = None;
        }

        // --- Date -----------------------------------------------------------------------------
        let date_found = nearest_date(doc, clause.clone(), sent.clone(), t.head);
        let date = date_found.map(|found| event_date(doc, found));

        // أناشد، نطالب: a first-person verb in a quote is the speaker's act; the phrase after
        // it is its object.
        let mut speaker_source = false;
        if t.pos == Pos::Imperfect
            && matches!(
                w.key(t.head)[t.stack.len()..].chars().next(),
                Some('ا' | 'ن')
            )
            && let Some(q) = self
                .quotes
                .iter()
                .filter(|q| q.tokens.start <= t.head && t.head < q.tokens.end)
                .min_by_key(|q| q.tokens.end - q.tokens.start)
            && let (Some(s), Some(e)) = (q.quote.speaker_start, q.quote.speaker_end)
        {
            speaker_source = true;
            if target.is_none() && source.as_ref().is_some_and(|n| n.tokens.start > t.head) {
                target = source.take();
            }
            source = Some(Np {
                tokens: 0..0,
                span: s..e,
                actor: true,
                kind: None,
                victim: false,
                quantity: false,
            });
        }

        // --- When a trigger is not an event ------------------------------------------------
        let sentence_no = w.sentence_of.get(t.head).copied().unwrap_or(0);
        if noun && t.light.is_none() {
            // الهجوم، هذا الهجوم، اعتقاله: a definite, demonstrative or possessed noun whose
            // type an earlier sentence already reported refers back to that event.
            let definite = t.stack.ends_with("ال") || t.stack.ends_with("لل");
            let demonstrative = t.head > 0
                && matches!(doc.bare(t.head - 1), "هذا" | "هذه" | "ذلك" | "تلك" | "هذين");
            // A relative clause with its own verb reports it again (التفجير الذي استهدف),
            // unless an earlier sentence told it with the same words: statements condemning
            // one attack each repeat التفجير الإرهابي الذي استهدف.
            let retold = retold_verb(doc, t);
            // زيارة ماور، لزيارة سمو ولي العهد: a noun in construct with a definite or proper
            // genitive is definite too.
            let construct = t.pos == Pos::Noun
                && !definite
                && !t.suffixed
                && t.last() == t.head
                && w.is_word(t.head + 1)
                && (doc.bare(t.head + 1).starts_with("ال")
                    // إلى، التي: function words that start with the article's letters.
                    && !matches!(
                        doc.bare(t.head + 1),
                        "الي" | "الا" | "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "الان"
                    )
                    || doc.ent_starting(t.head + 1).is_some()
                    || doc.is_title(t.head + 1)
                        // هجوم كبير: titles that are also adjectives.
                        && !matches!(doc.bare(t.head + 1), "كبير" | "كبيره" | "اول" | "اعلي")
                    || vocab::is_honorific(doc.bare(t.head + 1)));
            if (definite || demonstrative || t.suffixed || construct)
                && self.done.iter().any(|d| {
                    d.kind == kind
                        && d.sentence < sentence_no
                        && (retold.is_none() || d.retold == retold)
                })
                && self.veto("reference")
            {
                return None;
            }
        }
        // … التفجير الذي استهدف, told again: its relative verb goes with the noun.
        if t.pos.is_verb()
            && t.head >= 2
            && matches!(w.key(t.head - 1), "الذي" | "التي")
            && (t.head.saturating_sub(5)..t.head - 1).any(|a| self.lex_kind_at(a) == Some(kind))
            && self.done.iter().any(|d| {
                d.kind == kind
                    && d.sentence < sentence_no
                    && d.retold.as_deref() == Some(doc.bare(t.head))
            })
            && self.veto("retold")
        {
            return None;
        }
        // الاتفاق النووي مع إيران: an agreement named by a definite noun, with no light verb
        // (وقع، توصل إلى) and not as a manner (بالاتفاق مع), is the deal as a thing already
        // made, not a new agreement.
        if kind == EventType::Agree
            && noun
            && t.light.is_none()
            && (t.stack.ends_with("ال") || t.stack.ends_with("لل"))
            && !t.stack.contains('ب')
            && self.veto("deal")
        {
            return None;
        }
        // فيلم يدور حول هجوم: a noun after حول (about) is a topic (دار حول is to be about,
        // not an occurrence verb).
        if noun && t.head > 0 && doc.bare(t.head - 1) == "حول" && self.veto("topic") {
            return None;
        }
        // أعرب عن أمله في القبض، في القاء القبض: a wish is no event, light verb or not.
        // بهدف دعم الأسر، الرامية إلى تعزيز العلاقات والتعاون: nor is an aim, or what the
        // aim's noun phrase coordinates.
        if noun
            && (clause.start.max(t.head.saturating_sub(6))..t.head).any(|j| {
                vocab::is_wish(doc.bare(j))
                    || vocab::is_wish(vocab::clitic_free(w.key(j)))
                    || w.is_word(j) && vocab::is_aim(doc.bare(j))
            })
            && self.veto("aim")
        {
            return None;
        }
        // Questions, conditionals and habits narrate no occurrence (هل ستزور؟، إذا خفف
        // الحظر، تدعم المملكة دائما).
        let sent_text = w.slice(sent.clone());
        // SaudiNewsNet's «رابط الخبر بصحيفة …: title» lines repeat the headline.
        if (sent_text.trim_end().ends_with(['؟', '?']) || sent_text.starts_with("رابط الخبر"))
            && self.veto("question")
        {
            return None;
        }
        let cond_from = doc.clause(verb.unwrap_or(t.head)).start;
        if ((cond_from..t.head.min(cond_from + 3))
            .any(|j| matches!(doc.bare(j), "اذا" | "لو" | "لولا"))
            || (cond_from..t.head).any(|j| w.key(j) == "حال" && w.key(j.wrapping_sub(1)) == "في")
            // سيتم فرض العقوبات في حال انتهاكها: a condition after a material act bounds the
            // act; after a call, a threat or a promise (دعا … في حال) it bounds their content.
            || !matches!(
                kind,
                EventType::Request
                    | EventType::Threaten
                    | EventType::Agree
                    | EventType::Reject
                    | EventType::Accuse
                    | EventType::Support
                    | EventType::Concede
            ) && (t.head..clause.end)
                .any(|j| w.key(j) == "حال" && w.key(j.wrapping_sub(1)) == "في"))
            && self.veto("conditional")
        {
            return None;
        }
        if (clause.start..clause.end)
            .any(|j| matches!(doc.bare(j), "دايما" | "دوما" | "باستمرار" | "عاده"))
            && self.veto("habit")
        {
            return None;
        }
        let location = args::location(
            doc,
            trig_clause.start.min(clause.start)..sent.end.min(limit + 6),
        );
        let actor =
            source.as_ref().is_some_and(|s| s.actor) || target.as_ref().is_some_and(|s| s.actor);
        if noun && t.light.is_none() {
            let placed =
                matches!(kind, EventType::Protest | EventType::Assault) && location.is_some();
            // التفجير الذي استهدف مسجدا: the relative clause's verb tells this act, and the
            // two are coded as one event.
            let told = (t.last() + 1..(t.last() + 4).min(sent.end)).any(|j| {
                matches!(w.key(j), "الذي" | "التي")
                    && self.heads.contains(&(j + 1))
                    && self.lex_kind_at(j + 1) == Some(kind)
            });
            // طعنات، القبض عليه: attacks and arrests often have unnamed or pronoun
            // participants; a preposition of theirs right after the noun is enough.
            let aimed = matches!(kind, EventType::Assault | EventType::Coerce)
                && (t.head + 1..(t.last() + 3).min(sent.end))
                    .any(|j| doc.bare(j).starts_with("علي") || matches!(doc.bare(j), "بحق" | "ضد"));
            if !actor && !placed && !told && !aimed && self.veto("unplaced") {
                return None;
            }
        }
        // A verb needs an actor too, except for crowds, attackers and arrests, whose
        // participants are often unnamed (تظاهر الآلاف، قتل شخصان، اعتقل مطلوب); so does an
        // investigation after تم (تم استجواب المبتعث).
        let occurred = t.light.is_some_and(|l| !l.1);
        let unnamed_ok = matches!(
            kind,
            EventType::Protest | EventType::Assault | EventType::Coerce
        ) || (occurred && kind == EventType::Accuse);
        if !actor && !unnamed_ok && self.veto("no_actor") {
            return None;
        }

        // A tally over a period (قتل مئات من رجال الجيش … منذ 2013) summarizes, it does not
        // report an act.
        let since = (sent.start..sent.end).any(|j| doc.bare(j) == "منذ");
        let counted = (sent.start..sent.end).any(|j| {
            matches!(
                doc.bare(j),
                "ميات" | "عشرات" | "الاف" | "الوف" | "الميات" | "العشرات" | "الالاف"
            )
        });
        if matches!(kind, EventType::Assault | EventType::Coerce)
            && since
            && (counted
                || target
                    .as_ref()
                    .or(source.as_ref())
                    .is_some_and(|n| n.quantity))
            && self.veto("tally")
        {
            return None;
        }
        // نظمت الحركة منذ تأسيسها عدة مظاهرات: protests counted over a period are a tally too.
        if kind == EventType::Protest
            && since
            && noun
            && t.head > 0
            && matches!(
                doc.bare(t.head - 1),
                "عده" | "عشرات" | "العديد" | "ميات" | "سلسله"
            )
            && self.veto("tally")
        {
            return None;
        }

        // In a sports sentence, praise and thanks count from an official (وكرم محافظ
        // عنيزة الفائزين), not from a coach or a player about a match.
        if flags.sports
            && kind == EventType::Support
            && !source.as_ref().is_some_and(|s| {
                s.tokens.end > s.tokens.start
                    && doc.is_title(s.tokens.start)
                    && !vocab::is_sports(doc.bare(s.tokens.start))
            })
            && self.veto("sports_praise")
        {
            return None;
        }

        // --- Type refinements ---------------------------------------------------------------
        // نفذ حكم الإعدام: an execution of a sentence is the state's coercion.
        if kind == EventType::Assault
            && row.cameo.as_deref() == Some("186")
            && (sent.start..sent.end).any(|j| matches!(doc.head_key(j), "حكم" | "قصاص"))
        {
            kind = EventType::Coerce;
            cameo = Some("173".into());
            mode = None;
        }
        // احتجت الخارجية، قدم احتجاجا رسميا: a protest by a state or an official is an
        // official complaint (CAMEO 114), not a demonstration.
        if kind == EventType::Protest
            && row.cameo.as_deref() == Some("140")
            && row.mode.as_deref() == Some("demo")
            && (!noun || t.light.is_some())
            && !matches!(t.stack, "ل" | "لل" | "ول")
        {
            let official = source.as_ref().is_some_and(|s| {
                matches!(s.kind, Some(EntityKind::Per) | Some(EntityKind::Loc))
                    || (s.tokens.end > s.tokens.start
                        && (doc.is_title(s.tokens.start) || doc.is_body(s.tokens.start)))
            }) || (clause.start..sent.end.min(last + 6))
                .any(|j| matches!(doc.bare(j), "رسميا" | "رسمي" | "رسميه" | "الرسمي"));
            if official {
                kind = EventType::Accuse;
                cameo = Some("114".into());
                mode = Some("disapprove".into());
            }
        }
        if row.flags.aid {
            let scan_end = sent.end.min(last + 10);
            if let Some((_, m, c)) = (t.head..scan_end).filter(|&j| w.is_word(j)).find_map(|j| {
                vocab::AID_QUALIFIERS
                    .iter()
                    .find(|(s, _, _)| vocab::has_stem(w.key(j), &[s]))
            }) {
                kind = EventType::Aid;
                mode = Some((*m).to_string());
                cameo = Some((*c).to_string());
            }
        }
        // اقتحمت المقاومة … قاعدة العند: storming a position in a battle is an assault (on
        // the ground, whatever air support the sentence names); a police raid on a house
        // stays coercion.
        let mut stormed = false;
        if kind == EventType::Coerce
            && mode.as_deref() == Some("seize")
            && vocab::clitic_free(w.key(t.head)).contains("قتحم")
            && (sent.start..sent.end)
                .any(|j| w.is_word(j) && vocab::battle_context().matches(w.key(j)))
        {
            kind = EventType::Assault;
            cameo = Some("190".into());
            mode = None;
            stormed = true;
        }
        if row.flags.speech {
            let person = source
                .as_ref()
                .is_some_and(|s| s.kind == Some(EntityKind::Per));
            if flags.speech || (person && !flags.assault) {
                kind = EventType::Accuse;
                cameo = Some("111".into());
                mode = Some("disapprove".into());
            }
        }
        if kind == EventType::Assault && mode.is_none() && !stormed {
            let scope = clause.start..sent.end.min(limit + 8);
            if let Some((_, m, c)) = scope.filter(|&j| w.is_word(j)).find_map(|j| {
                vocab::WEAPONS
                    .iter()
                    .find(|(s, _, _)| vocab::has_stem(w.key(j), &[s]))
            }) {
                mode = Some((*m).to_string());
                cameo = Some((*c).to_string());
            }
        }

        if kind == EventType::Protest
            && !self.protest_anchored(t, row, &clause, &source, &location, date_found.is_some())
            && self.veto("unanchored")
        {
            return None;
        }

        // --- Certainty and attribution ------------------------------------------------------
        let mut scope_start = doc.clause(verb.unwrap_or(t.head)).start.min(clause.start);
        if scope_start > sent.start && vocab::is_complementizer(w.key(scope_start)) {
            scope_start = doc.clause(scope_start - 1).start;
        }
        let scope_end = if noun {
            (last + 3).min(sent.end)
        } else {
            last + 1
        };
        let governing = self
            .done
            .iter()
            .rev()
            .take_while(|d| d.sentence == w.sentence_of.get(t.head).copied().unwrap_or(0))
            .find(|d| {
                // دعا رئيس الحكومة …، اليوم، المجتمع الدولي إلى دعم: the content after إلى
                // is the request's however long its subject and object.
                let content = t.head > 0
                    && doc.bare(t.head - 1) == "الي"
                    && doc.clause(d.head) == doc.clause(t.head);
                d.head < t.head
                    && (doc.distance(d.head, t.head) <= 6 || content)
                    && governs(d.kind, d.allege).is_some()
            })
            .filter(|_| noun || vocab::is_complementizer(w.key(t.head.saturating_sub(1))));
        // اتفاق وقف إطلاق النار، اتفاقا لوقف، خطة الانسحاب، دعوة للحوار: a verbal noun
        // right after an agreement, plan, proposal or request noun is its content, not an
        // occurrence.
        if (t.pos == Pos::Noun || t.also_noun)
            && t.light.is_none()
            && t.head > 0
            && w.is_word(t.head - 1)
            && vocab::is_content_governor(doc.head_key(t.head - 1))
            && self.veto("content_noun")
        {
            return None;
        }
        let governor = match governing.and_then(|d| governs(d.kind, d.allege).map(|g| (g, d.head)))
        {
            Some((Governs::Drop, _)) => {
                if self.veto("content") {
                    return None;
                }
                None
            }
            Some((Governs::Label(l), h)) => Some((l, h..h + 1)),
            None => None,
        };
        let sources = certainty::sources(doc, t.head, heads);
        let future_date = date_found
            .filter(|(e, _, _)| e.is_future())
            .map(|(_, s, e)| s..e);
        let purpose = noun && matches!(t.stack, "ل" | "ول" | "فل" | "لل");
        // جاهز لاستقبال الطائرات، خطة لاستقبال الحجاج، الرقم المخصص لاستقبال البلاغات: a
        // reception or visit named as a purpose is what a place or a plan is for, not a
        // meeting (1 of 10 such CONSULTs in the training articles was an event).
        if purpose && kind == EventType::Consult && t.light.is_none() && self.veto("aim") {
            return None;
        }
        let (certainty, attributed_to) = certainty::assess(
            doc,
            &Inputs {
                scope: scope_start..scope_end.max(scope_start),
                head: t.head,
                last,
                noun,
                purpose,
                future: t.pos == Pos::Imperfect && t.stack.contains('س'),
                hedged: t.pos == Pos::Imperfect && t.head > 0 && doc.bare(t.head - 1) == "قد",
                governor,
                quotes: &self.quotes,
                sources: &sources,
                future_date,
            },
        );

        // ومن يقتل مؤمنا، الحوثيون يسيطرون على، بكتيريا تهاجم النبات: a violent or coercive act
        // told in the imperfect, as a plain fact with no date, is a habit, a state or a
        // maxim, not an occurrence (the news tells those in the perfect).
        // Headlines (* قوات الأمن تداهم مقر الحركة) and قبل أن/بعد أن clauses (قبل أن يقتل
        // المسلح نفسه) tell past acts in the imperfect.
        let headline = || {
            w.slice(sent.clone())
                .trim_start()
                .starts_with(['*', '•', '●', '■', '-'])
        };
        let narrative = t.head >= 2
            && w.key(t.head - 1) == "ان"
            && matches!(doc.bare(t.head - 2), "قبل" | "بعد");
        // An imperfect goes on since a time (يحاصرها منذ عشرة أيام), not "ago": a قبل date
        // belongs to another verb (الذي يقصف التنظيم … منذ بدأت … قبل عام).
        let dated_now = date_found
            .as_ref()
            .is_some_and(|(_, s, _)| w.key(*s) != "قبل");
        if matches!(kind, EventType::Assault | EventType::Coerce)
            && t.pos == Pos::Imperfect
            && t.light.is_none()
            && certainty.label == marsad_core::CertaintyLabel::Confirmed
            && !dated_now
            && !narrative
            && !headline()
            && self.veto("imperfect_habit")
        {
            return None;
        }

        // --- The event ------------------------------------------------------------------------
        // حافظ الفريق على صدارته بعدما خطف فوزاً صعباً: a phrase opening with the accusative
        // tanwin is no subject, however the clause was read.
        let mut source = source
            .as_ref()
            .filter(|n| n.tokens.end == n.tokens.start || !args::tanwin_fath(doc, n.tokens.start))
            .and_then(|n| self.party(n));
        let mut target = target.as_ref().and_then(|n| self.party(n));
        // داعين إيران with إيران read as the subject too: an actor does not act on itself.
        // The target is marked by its position or preposition, so the source is dropped,
        // unless it is the speaker of a first-person verb (نستقبل).
        if let (Some(s), Some(o)) = (&source, &target)
            && folded_name(&s.name) == folded_name(&o.name)
        {
            if speaker_source {
                target = None;
            } else {
                source = None;
            }
        }
        let cue_tokens = self.cue_tokens(t);
        let cue_span = w.char_span(cue_tokens.clone());
        let s = w
            .sentences
            .get(w.sentence_of.get(t.head).copied().unwrap_or(0))?;
        Some(Event {
            kind,
            cameo,
            mode,
            source,
            target,
            location: location.as_ref().and_then(|n| self.arg(n)),
            date,
            certainty,
            attributed_to,
            cue: w.slice(cue_tokens).to_string(),
            cue_start: cue_span.start,
            cue_end: cue_span.end,
            sentence: s.text(w.text).to_string(),
            start: s.start,
            end: s.end,
        })
    }

    /// Whether a protest trigger reports a protest: not inside a relative clause (المتظاهرين
    /// الذين هتفوا), and, for acts within a protest (+act) and protest nouns without a light
    /// verb, with a crowd the sentence introduces (indefinite or counted, or named), a place,
    /// a front (أمام المحكمة) or a date. A definite المتظاهرون that chant or raise banners
    /// continue a protest already reported.
    fn protest_anchored(
        &self,
        t: &Trig,
        row: &Row,
        clause: &Range<usize>,
        source: &Option<Np>,
        location: &Option<Np>,
        dated: bool,
    ) -> bool {
        let doc = self.doc;
        let w = &doc.w;
        let from = t.light.map(|l| l.0).unwrap_or(t.head);
        // A relative or temporal clause describes participants or sets the scene of another
        // event: المتظاهرين الذين تجمعوا، عندما أضرمت مجموعة غاضبة النيران.
        let background = |i: usize| {
            matches!(
                doc.bare(i),
                "الذي"
                    | "التي"
                    | "الذين"
                    | "اللذين"
                    | "اللتين"
                    | "اللواتي"
                    | "اللاتي"
                    | "وهم"
                    | "عندما"
                    | "حين"
                    | "حينما"
                    | "بعدما"
                    | "كلما"
                    | "اثناء"
                    | "لدي"
            )
        };
        if background(clause.start) || (from > 0 && background(from - 1)) {
            return false;
        }
        // بعد أن شهدت أعمال شغب، قبل أن يتظاهروا: a temporal أن clause sets the scene too.
        let temporal = |i: usize| matches!(doc.bare(i), "بعد" | "قبل" | "منذ" | "ريثما");
        if from >= 2 && w.key(from - 1) == "ان" && temporal(from - 2) {
            return false;
        }
        // وكانوا يحتجون، كانت تجري تظاهرات، كان ضباطه يخرجون: كان with an imperfect paints
        // a past scene or habit; كان … قد تظاهروا (a pluperfect) still reports one.
        let imperfect = if from == t.head {
            t.pos == Pos::Imperfect
        } else {
            let k = doc.bare(from);
            (k.starts_with('ي') || k.starts_with('ت')) && k != "تم" && k.chars().count() >= 3
        };
        if imperfect
            && (from.saturating_sub(4).max(clause.start)..from).any(|j| {
                matches!(doc.bare(j), "كان" | "كانت" | "كانوا")
                    && (j + 1..from).all(|k| doc.bare(k) != "قد")
            })
        {
            return false;
        }
        // بعد مظاهرة جرت، خلال أعمال الشغب: a protest noun after a temporal preposition
        // dates another event; the protest itself was reported elsewhere.
        if !t.pos.is_verb() && t.light.is_none_or(|l| l.0 > t.head) {
            let mut p = t.head.checked_sub(1);
            if let Some(q) = p
                && matches!(doc.bare(q), "اعمال" | "عمليات")
            {
                p = q.checked_sub(1);
            }
            let key = p.map(|q| doc.bare(q)).unwrap_or("");
            if matches!(
                key,
                "بعد"
                    | "قبل"
                    | "عقب"
                    | "اثر"
                    | "خلال"
                    | "اثناء"
                    | "ابان"
                    | "غداه"
                    | "عشيه"
                    | "منذ"
            ) || matches!(key, "باعقاب" | "اعقاب")
            {
                return false;
            }
        }
        // Protesters protesting: المتظاهرون يحتجون، متظاهرين يحتجون على.
        let protesters = |key: &str| {
            let k = vocab::clitic_free(key);
            ["متظاهر", "محتج", "معتصم"].iter().any(|p| k.starts_with(p))
        };
        let definite_protesters = source.as_ref().is_some_and(|s| {
            let name: String = doc.chars[s.span.clone()].iter().collect();
            let key = crate::claims::words::fold(name.split_whitespace().next().unwrap_or(""));
            protesters(&key) && key.starts_with("ال")
        });
        let prev_word = (clause.start.saturating_sub(1)..from)
            .rev()
            .find(|&j| w.is_word(j));
        if t.pos.is_verb()
            && (definite_protesters || prev_word.is_some_and(|p| protesters(w.key(p))))
        {
            return false;
        }
        // Stones thrown at protesters are an attack on them, not their protest; so is a verb
        // whose object is protesters in the accusative (يرشقون المتظاهرين), wherever the
        // subject stands.
        if row.markers.contains(&Marker::Obj)
            && let Some(o) = &self.protest_object(t)
            && protesters(o)
            && (source
                .as_ref()
                .is_none_or(|s| s.span.start > doc.w.tokens[t.last()].end + 1)
                || (t.pos.is_verb() && o.ends_with("ين")))
        {
            return false;
        }
        let noun = !t.pos.is_verb();
        let definite = t.stack.ends_with("ال") || t.stack.ends_with("لل");
        // احتجاجا (in protest) qualifies another act; that act is the event.
        if noun && doc.bare(t.head) == "احتجاجا" {
            return false;
        }
        // مظاهرات مماثلة، مسيرة أخرى: similar or other protests refer to protests told
        // elsewhere.
        if noun
            && (t.last() + 1..(t.last() + 3).min(clause.end)).any(|j| {
                let b = doc.bare(j);
                b.starts_with("مماثل") || b.starts_with("مشابه") || matches!(b, "اخري" | "اخر")
            })
        {
            return false;
        }
        if noun && t.light.is_none() {
            // للاحتجاج، للاحتشاد: a purpose noun takes its protest from the clause's crowd.
            if matches!(t.stack, "ل" | "لل" | "ول" | "ولل") {
                return self.crowd_in(doc.sentence(t.head), t.head) || location.is_some() || dated;
            }
            // المظاهرة، مسيرتهم: a definite or possessed noun refers to a protest already
            // reported; a noun after a preposition or a verb is the setting of another
            // event (قتلوا في مظاهرات، حالت دون وصول مظاهرة). A protest noun reports one
            // when it opens its clause (احتجاجات في بانكوك، 17 مارس: مظاهرة في لندن).
            if definite || t.suffixed {
                return false;
            }
            let opens = (clause.start..t.head).all(|j| {
                !w.is_word(j)
                    || dates::expr_at(w, j).is_some()
                    || doc.ent(j).is_some()
                    || (j == clause.start && vocab::is_clause_opener(w.key(j)))
            });
            if !opens {
                return false;
            }
        }
        // جرت التظاهرات، بدأت المظاهرة: a definite noun after a light verb goes on with a
        // protest already reported, except in قام بالاحتجاج، أقدم على الاعتصام.
        if noun
            && t.light.is_some()
            && (definite || t.suffixed)
            && !t.stack.contains('ب')
            && !matches!(w.key(t.head.saturating_sub(1)), "علي" | "في")
        {
            return false;
        }
        let crowd = source.as_ref().is_some_and(|s| {
            s.quantity
                || s.kind.is_some()
                || s.tokens.end > s.tokens.start && !doc.bare(s.tokens.start).starts_with("ال")
        });
        if row.flags.crowd {
            return source.as_ref().is_some_and(|s| s.quantity);
        }
        if !(row.flags.act || row.flags.ctx || noun && t.light.is_none()) {
            return true;
        }
        let front = (clause.start..clause.end).any(|j| matches!(doc.bare(j), "امام" | "قباله"));
        crowd || location.is_some() || dated || front
    }

    /// The type of the trigger headed at token `i`, if one is.
    fn lex_kind_at(&self, i: usize) -> Option<EventType> {
        self.trig_rows
            .iter()
            .find(|(h, _)| *h == i)
            .and_then(|(_, r)| match self.lex.rows[*r].kind {
                RowKind::Event(k) => Some(k),
                _ => None,
            })
    }

    /// The key of the word right after a protest act's trigger (its object, if any).
    fn protest_object(&self, t: &Trig) -> Option<String> {
        let w = &self.doc.w;
        (t.last() + 1..(t.last() + 3).min(w.len()))
            .find(|&j| w.is_word(j))
            .map(|j| w.key(j).to_string())
    }

    /// True when a counted or indefinite crowd is named before token `before` in `range`
    /// (آلاف المتظاهرين، عدة مئات من المتظاهرين، متظاهرون).
    fn crowd_in(&self, range: Range<usize>, before: usize) -> bool {
        let doc = self.doc;
        let w = &doc.w;
        (range.start..before.min(range.end)).any(|j| {
            w.is_word(j)
                && (vocab::is_quantity(doc.bare(j))
                    || (["متظاهر", "محتج"]
                        .iter()
                        .any(|p| doc.bare(j).starts_with(p))))
                || w.tokens
                    .get(j)
                    .is_some_and(|t| t.kind == marsad_arabic::TokenKind::Number)
                    && w.key(j + 1).starts_with("متظاهر")
        })
    }

    /// The tokens of the trigger as shown: every part when they are adjacent (شن غارات، قام
    /// بزيارة، أعرب عن إدانته), else the last adjacent block of content words (فرضت …
    /// عقوبات، نفذت … حكم القصاص: the noun, as when a subject separates a light verb from
    /// it), else the head (بحث … مع).
    fn cue_tokens(&self, t: &Trig) -> Range<usize> {
        let w = &self.doc.w;
        let row = &self.lex.rows[t.row];
        // Function words and glued prepositions of a pattern (مع، بـ…) are not shown alone.
        let mut parts: Vec<usize> = t
            .parts
            .iter()
            .zip(&row.elems)
            .filter(|(_, el)| el.content)
            .map(|(p, _)| *p)
            .collect();
        if parts.is_empty() {
            parts.push(t.head);
        }
        if let Some((l, _, _)) = t.light
            && l < t.head
            && (l + 1..t.head).all(|j| vocab::is_prep(w.key(j)))
            && t.head - l <= 2
        {
            parts.push(l);
            parts.extend(l + 1..t.head);
        }
        parts.sort_unstable();
        parts.dedup();
        let adjacent = parts.windows(2).all(|p| p[1] - p[0] <= 1);
        if adjacent {
            return parts[0]..parts[parts.len() - 1] + 1;
        }
        let mut start = parts.len() - 1;
        while start > 0 && parts[start] - parts[start - 1] <= 1 {
            start -= 1;
        }
        let block = parts[start]..parts[parts.len() - 1] + 1;
        if row.flags.verb || block.clone().all(|j| vocab::is_prep(w.key(j))) {
            t.head..t.head + 1
        } else {
            block
        }
    }

    /// Whether the pronoun on trigger `t` names the one acted on: a +pat noun with a
    /// pronoun and no object after it, neither a ل phrase (قتله للرهينة) nor a name (بعد
    /// اتهامه "بيونغيانغ"), which make the pronoun the actor.
    fn pronoun_is_patient(&self, t: &Trig, row: &Row, limit: usize) -> bool {
        let doc = self.doc;
        let w = &doc.w;
        let last = t.last();
        let next = (last + 1..limit.min(last + 3)).find(|&j| !w.is_punct(j, &['"', '«', '“']));
        row.flags.patient
            && t.suffixed
            && t.pos == Pos::Noun
            && args::Pronoun::of_key(w.key(t.head)).is_some()
            && args::after_marker(
                doc,
                last + 1,
                (last + 2).min(limit),
                &[],
                &['ل'],
                &self.heads,
            )
            .is_none()
            && next.is_none_or(|j| doc.ent_starting(j).is_none())
    }

    /// The antecedent of the pronoun on trigger `t` read as the one acted on: the nearest
    /// agreeing actor before the trigger (before its `source` when that comes first), in
    /// this sentence or the one before.
    fn patient_target(&self, t: &Trig, source: Option<&Np>, sent: Range<usize>) -> Option<Np> {
        let doc = self.doc;
        let w = &doc.w;
        let pronoun = args::Pronoun::of_key(w.key(t.head))?;
        let stop = source
            .filter(|s| !s.tokens.is_empty() && s.tokens.end <= t.head)
            .map_or(t.head, |s| s.tokens.start);
        let from = previous_sentence_start(doc, t.head, sent.start);
        args::patient_antecedent(doc, stop, from, &self.heads, pronoun)
    }

    /// Participants of a verbal noun: genitive, من قبل, pronoun, ل phrase, preceding actor.
    fn noun_args(
        &self,
        t: &Trig,
        row: &Row,
        limit: usize,
        sent: Range<usize>,
        source: &mut Option<Np>,
        target: &mut Option<Np>,
    ) {
        let doc = self.doc;
        let w = &doc.w;
        let heads = &self.heads;
        let last = t.last();
        let has_obj = row.markers.contains(&Marker::Obj);
        let l_target = row.markers.contains(&Marker::Glued('ل'));
        let definite = t.stack.ends_with("ال") || t.stack.ends_with("لل");
        // The genitive of a noun in construct state.
        if !definite && !t.suffixed && target.is_none() {
            let gen_start = last + 1;
            if let Some(g) =
                args::forward(doc, gen_start, limit, heads).filter(|g| g.tokens.start == gen_start)
            {
                let then_l = w.key(g.tokens.end).starts_with('ل') && w.is_word(g.tokens.end);
                let consult = matches!(row.kind, RowKind::Event(EventType::Consult));
                let is_place = g.kind == Some(EntityKind::Loc);
                let as_target = if consult {
                    is_place && has_obj
                } else {
                    has_obj && !then_l
                };
                if as_target {
                    *target = Some(g);
                } else if source.is_none() && g.actor {
                    *source = Some(g);
                }
            }
        }
        // اعتقاله، تم إعدامهم، أعلنت الشرطة توقيفه: the pronoun on a noun flagged +pat is the
        // one acted on. The actor is an agent phrase (من قبل), else the actor that opens
        // the noun's clause, except after a passive light verb (تم، جرى), which has none.
        if self.pronoun_is_patient(t, row, limit) && target.is_none() {
            if source.is_none() {
                *source = args::agent_phrase(doc, last + 1, (last + 16).min(sent.end), heads);
            }
            // ثم انشق عنهم بعد اعتقاله، أودع السجن منذ توقيفه: after a temporal preposition
            // the noun dates what its clause's subject did or underwent; that subject is
            // the pronoun's antecedent, not the actor.
            let temporal = t.head > 0
                && t.stack.is_empty()
                && matches!(
                    doc.bare(t.head - 1),
                    "بعد"
                        | "قبل"
                        | "منذ"
                        | "عقب"
                        | "اثر"
                        | "اثناء"
                        | "خلال"
                        | "حتي"
                        | "لدي"
                );
            if source.is_none() && t.light.is_none() && !temporal {
                let clause = doc.clause(t.head);
                *source = args::nearest_before(doc, t.head, clause.start, heads, false);
            }
            *target = self.patient_target(t, source.as_ref(), sent);
            return;
        }
        // غارات قالت القيادة إنها استهدفت …: the noun is reported by someone, who is not its
        // actor; no actor is guessed from around it either.
        if source.is_none() && !t.suffixed && args::speech_verb(doc, last + 1) {
            return;
        }
        if source.is_none() {
            *source = args::agent_phrase(doc, last + 1, (last + 16).min(sent.end), heads);
        }
        if source.is_none() && t.suffixed {
            // The pronoun's antecedent: the nearest actor phrase before, in this sentence or
            // the one before.
            let from = previous_sentence_start(doc, t.head, sent.start);
            *source = args::nearest_before(doc, t.head, from, heads, true);
        }
        // لقاءات لمبعوثين: a ل phrase is the actor when the target is marked otherwise. Of an
        // act against someone it is the target (تهديد مباشر للمدنيين، اعتداء للمرة…): conflict
        // nouns do not take their actor with ل.
        let conflict = matches!(
            row.kind,
            RowKind::Event(
                EventType::Accuse
                    | EventType::Reject
                    | EventType::Threaten
                    | EventType::Protest
                    | EventType::Sanction
                    | EventType::Mobilize
                    | EventType::Coerce
                    | EventType::Assault
            )
        );
        if source.is_none() && !l_target && !conflict {
            if let Some((_, np)) =
                args::after_marker(doc, last + 1, (last + 3).min(limit), &[], &['ل'], heads)
            {
                *source = Some(np);
            }
        }
        // تمكنت الشرطة من القبض، نجحت القوات في تحرير: a definite noun right after من/في
        // completes its clause's verb, whose subject is the noun's actor.
        let completes = definite && t.head > 0 && matches!(w.key(t.head - 1), "من" | "في");
        if source.is_none() && (!definite || completes) && !t.suffixed {
            // حفتر نجح في فتح قنوات: the actor phrase before the noun in its clause; a
            // circumstantial participle (داعية، مشيدا) takes its sentence's subject.
            let from = if t.pos == Pos::Word {
                sent.start
            } else {
                doc.clause(t.head).start
            };
            *source = args::nearest_before(doc, t.head, from, heads, false);
        }
    }
}

/// The first token of the sentence before token `i`'s, or `fallback` in the first sentence:
/// how far back a pronoun or an implicit subject may find its antecedent.
fn previous_sentence_start(doc: &Doc<'_>, i: usize, fallback: usize) -> usize {
    let w = &doc.w;
    w.sentence_of
        .get(i)
        .and_then(|&s| s.checked_sub(1))
        .and_then(|s| w.sentences.get(s))
        .map_or(fallback, |s| s.tokens.start)
}

/// The word and glued prepositions of a row's markers.
fn markers(row: &Row) -> (Vec<&str>, Vec<char>) {
    let mut words = Vec::new();
    let mut glued = Vec::new();
    for m in &row.markers {
        match m {
            Marker::Word(wd) => words.push(wd.as_str()),
            Marker::Glued(c) => glued.push(*c),
            Marker::Obj => {}
        }
    }
    (words, glued)
}
