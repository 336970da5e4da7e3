//! How sure the text is of an event, and who it attributes the event to.
//!
//! The label comes from, in order:
//! 1. a denial in the event's own clause (`لم يتم اعتقال`, `نفت … نشر قوات`), read by
//!    [`crate::claims`] from the clause start (or the governing clause of an `أن` clause)
//!    to the trigger;
//! 2. a denied quote holding the event;
//! 3. a hedge or a future in the own clause (`قد`, `من المتوقع أن تستقبل`, `سيزور`), or a
//!    planning adjective after a verbal noun (`زيارة مرتقبة`);
//! 4. a governing word that makes the event a prospect, plan or topic (`تطلعات للتعاون`,
//!    `الحديث تركز على الدعم`, `لدعم` of purpose), or a governing accusation (`اتهمه
//!    بقتل`: reported). The content of a request, threat, refusal or promise is no event
//!    at all, nor is a conditional or a question (see the module `events`);
//! 5. a reported or hedged quote holding the event;
//! 6. a sourcing cue in the own clause (`أفادت تقارير`) or an unnamed source phrase in the
//!    sentence (`حسب ما تواتر من أنباء`);
//! 7. a time expression in the future (`غدا`, `الأسبوع المقبل`);
//! 8. otherwise `confirmed`.

use super::doc::Doc;
use super::vocab;
use crate::claims::certainty_in;
use crate::quotes::speaker::is_unnamed;
use marsad_core::{Certainty, CertaintyLabel, EventType, Quote};
use std::ops::Range;

/// A quote's content as tokens.
#[derive(Debug)]
pub(crate) struct QuoteSpan<'q> {
    pub tokens: Range<usize>,
    pub quote: &'q Quote,
}

pub(crate) fn quote_spans<'q>(doc: &Doc<'_>, quotes: &'q [Quote]) -> Vec<QuoteSpan<'q>> {
    quotes
        .iter()
        .map(|q| {
            let first = doc.w.token_at_or_after(q.start);
            let last = doc.w.tokens.partition_point(|t| t.start < q.end);
            QuoteSpan {
                tokens: first..last.max(first),
                quote: q,
            }
        })
        .collect()
}

/// A source phrase of a sentence (`وفقا لمصادر`, `حسب ما تواتر من أنباء`).
#[derive(Debug, Clone)]
pub(crate) struct SourcePhrase {
    pub cue: Range<usize>,
    pub name: String,
    pub unnamed: bool,
}

const SOURCE_CUES: &[&str] = &[
    "حسب",
    "بحسب",
    "حسبما",
    "وفق",
    "وفقا",
    "طبقا",
    "نقلا",
    "استنادا",
    "وفقما",
    "طبقالما",
];

/// The source phrases of the sentence holding token `i`.
pub(crate) fn sources(doc: &Doc<'_>, i: usize, triggers: &[usize]) -> Vec<SourcePhrase> {
    let w = &doc.w;
    let sent = doc.sentence(i);
    let mut out = Vec::new();
    for c in sent.clone() {
        if !w.is_word(c) || !SOURCE_CUES.contains(&w.bare(c)) {
            continue;
        }
        let mut j = c + 1;
        let mut glued_l = false;
        // وفقا لـ، نقلا عن، استنادا إلى
        if matches!(w.key(j), "ل" | "لـ" | "عن" | "الي" | "لما") {
            j += 1;
        }
        // حسب ما ذكر/تواتر (من): the source follows the verb.
        let k = w.key(j);
        if k == "ما" || w.bare(c) == "حسبما" || w.key(c + 1) == "لما" {
            if k == "ما" {
                j += 1;
            }
            j += 1; // the verb
            if matches!(w.key(j), "من" | "به" | "ه") {
                j += 1;
            }
        } else if k.starts_with('ل') && k.chars().count() > 3 && !k.starts_with("لل") {
            glued_l = true;
        }
        let Some(np) = super::args::forward(doc, j, sent.end, triggers) else {
            continue;
        };
        let Some(mut arg) = np.argument(&doc.chars) else {
            continue;
        };
        if glued_l && doc.ent(j).is_none_or(|e| e.tokens.start != j) {
            arg.name = arg.name.chars().skip(1).collect();
        }
        out.push(SourcePhrase {
            cue: c..c + 1,
            unnamed: is_unnamed(&arg.name),
            name: arg.name,
        });
    }
    out
}

/// What a governing trigger does to the event it governs: the content of a request, threat,
/// refusal or promise has not happened and is no event (`طالب بالإفراج عن`); the content of
/// an allegation is `reported` (`اتهمه بقتل`), that of a condemnation stays a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Governs {
    Drop,
    Label(CertaintyLabel),
}

pub(crate) fn governs(kind: EventType, allege: bool) -> Option<Governs> {
    match kind {
        EventType::Request | EventType::Threaten | EventType::Reject | EventType::Agree => {
            Some(Governs::Drop)
        }
        // A condemned attack happened; an alleged one is reported.
        EventType::Accuse if allege => Some(Governs::Label(CertaintyLabel::Reported)),
        _ => None,
    }
}

/// Inputs of [`assess`].
#[derive(Debug)]
pub(crate) struct Inputs<'a, 'q> {
    /// Tokens of the own clause read for cues.
    pub scope: Range<usize>,
    /// The trigger's head and last token.
    pub head: usize,
    pub last: usize,
    pub noun: bool,
    /// The head carries a purpose ل (لدعم، للتعاون).
    pub purpose: bool,
    /// The head is an imperfect with the future سـ (سيزور، ستطلبه).
    pub future: bool,
    /// The head is an imperfect after قد (قد تفرض): a hedge, whatever its length.
    pub hedged: bool,
    /// A governing trigger before this one: its label and cue tokens.
    pub governor: Option<(CertaintyLabel, Range<usize>)>,
    pub quotes: &'a [QuoteSpan<'q>],
    pub sources: &'a [SourcePhrase],
    /// A future time expression's tokens.
    pub future_date: Option<Range<usize>>,
}

fn with_cue(
    doc: &Doc<'_>,
    label: CertaintyLabel,
    cue: Range<usize>,
    scope: Range<usize>,
) -> Certainty {
    let w = &doc.w;
    let c = w.char_span(cue.clone());
    let s = w.char_span(scope);
    Certainty {
        label,
        cue: Some(w.slice(cue).to_string()),
        cue_start: Some(c.start),
        cue_end: Some(c.end),
        scope_start: s.start,
        scope_end: s.end.max(s.start),
    }
}

/// The certainty of an event and who it is attributed to.
pub(crate) fn assess(doc: &Doc<'_>, x: &Inputs<'_, '_>) -> (Certainty, Option<String>) {
    let w = &doc.w;
    let own = certainty_in(w, x.scope.clone(), false);
    let quote = x
        .quotes
        .iter()
        .filter(|q| q.tokens.start <= x.head && x.head < q.tokens.end)
        .min_by_key(|q| q.tokens.end - q.tokens.start);
    let attributed = quote
        .map(|q| q.quote.who().to_string())
        .filter(|s| s != "?")
        .or_else(|| x.sources.first().map(|s| s.name.clone()))
        .or_else(|| {
            (own.label == CertaintyLabel::Reported)
                .then(|| own.cue.clone())
                .flatten()
                .filter(|c| is_unnamed(c))
        });
    let label = |c: &Certainty| c.label;
    if own.label == CertaintyLabel::Denied {
        return (own, attributed);
    }
    // ولم تتظاهر، فلن يزور: the claims cues are bare particles, so a negation with a glued
    // conjunction right before the trigger is read here.
    if let Some(j) = (x.scope.start.max(x.head.saturating_sub(3))..x.head)
        .find(|&j| matches!(w.key(j), "ولم" | "فلم" | "ولن" | "فلن"))
    {
        return (
            with_cue(doc, CertaintyLabel::Denied, j..j + 1, x.scope.clone()),
            attributed,
        );
    }
    if let Some(q) = quote
        && label(&q.quote.certainty) == CertaintyLabel::Denied
    {
        return (q.quote.certainty.clone(), attributed);
    }
    if matches!(
        own.label,
        CertaintyLabel::Possible | CertaintyLabel::Expected
    ) {
        return (own, attributed);
    }
    if x.hedged {
        return (
            with_cue(
                doc,
                CertaintyLabel::Possible,
                x.head - 1..x.head,
                x.scope.clone(),
            ),
            attributed,
        );
    }
    if x.future {
        return (
            with_cue(
                doc,
                CertaintyLabel::Expected,
                x.head..x.head + 1,
                x.scope.clone(),
            ),
            attributed,
        );
    }
    // A condition: إذا خفف الحظر، لو تم، في حال.
    if let Some(j) = (x.scope.start..x.head.min(x.scope.start + 3))
        .find(|&j| matches!(w.bare(j), "اذا" | "لو" | "حال" | "حاله"))
    {
        return (
            with_cue(doc, CertaintyLabel::Possible, j..j + 1, x.scope.clone()),
            attributed,
        );
    }
    // A planning adjective right after a verbal noun: زيارة مرتقبة.
    if x.noun {
        for j in x.last + 1..(x.last + 3).min(doc.sentence(x.head).end) {
            let k = w.key(j);
            if w.is_word(j) && vocab::is_future_adjective(k) {
                let l = if k.contains("محتمل") {
                    CertaintyLabel::Possible
                } else {
                    CertaintyLabel::Expected
                };
                return (with_cue(doc, l, j..j + 1, x.scope.start..j + 1), attributed);
            }
        }
    }
    if let Some((l, cue)) = &x.governor {
        return (with_cue(doc, *l, cue.clone(), x.scope.clone()), attributed);
    }
    if x.noun {
        // A prospect or topic word shortly before the noun, in its clause.
        // Six words, not counting a time or place set off by commas.
        let mut from = x.head;
        while from > x.scope.start && doc.distance(from - 1, x.head) <= 6 {
            from -= 1;
        }
        for j in (from..x.head).rev() {
            if !w.is_word(j) {
                continue;
            }
            let (k, b) = (w.key(j), vocab::clitic_free(w.key(j)));
            if vocab::is_prospect_governor(k) || vocab::is_prospect_governor(b) {
                let l = if vocab::is_plan_governor(k) || vocab::is_plan_governor(b) {
                    CertaintyLabel::Expected
                } else {
                    CertaintyLabel::Possible
                };
                return (with_cue(doc, l, j..j + 1, x.scope.clone()), attributed);
            }
        }
        if x.purpose {
            return (
                with_cue(
                    doc,
                    CertaintyLabel::Expected,
                    x.head..x.head + 1,
                    x.scope.clone(),
                ),
                attributed,
            );
        }
    }
    if let Some(q) = quote
        && matches!(
            label(&q.quote.certainty),
            CertaintyLabel::Reported | CertaintyLabel::Possible
        )
    {
        return (q.quote.certainty.clone(), attributed);
    }
    if own.label == CertaintyLabel::Reported {
        return (own, attributed);
    }
    if let Some(s) = x.sources.iter().find(|s| s.unnamed) {
        return (
            with_cue(
                doc,
                CertaintyLabel::Reported,
                s.cue.clone(),
                x.scope.clone(),
            ),
            attributed,
        );
    }
    if let Some(d) = &x.future_date {
        return (
            with_cue(doc, CertaintyLabel::Expected, d.clone(), x.scope.clone()),
            attributed,
        );
    }
    (own, attributed)
}
