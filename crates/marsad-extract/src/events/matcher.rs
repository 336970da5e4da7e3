//! Finding triggers: every token is looked up as the head of lexicon rows, the rest of each
//! row's pattern is matched after it, and the longest pattern wins. Exclusions block their
//! tokens first; tokens a pattern consumes are not heads again.

use super::doc::Doc;
use super::lexicon::{HeadHit, Lexicon, Pos, RowKind};
use super::vocab;

/// How far (in words) a `~` element may be from the previous one.
const GAP: usize = 8;
/// How far back a light verb may stand from its noun.
const LIGHT_BACK: usize = 8;

/// A matched trigger.
#[derive(Debug, Clone)]
pub(crate) struct Trig {
    pub row: usize,
    /// The head token.
    pub head: usize,
    /// Every matched token, head first.
    pub parts: Vec<usize>,
    pub pos: Pos,
    /// The proclitic stack the head carries (`و`, `ب`, `لل`…).
    pub stack: &'static str,
    /// The head carries a pronoun (زيارته، استقبله); the accusative alef is not one.
    pub suffixed: bool,
    /// The head is a verb with a plural subject ending (احتشدوا، يتظاهرون).
    pub plural: bool,
    /// The head, read as a verb, has the letters of the row's verbal noun too (نشر، دعم).
    pub also_noun: bool,
    /// A light verb governing a noun head: its token, whether its subject is the actor, and
    /// whether it ends in a plural subject (نظموا مظاهرة).
    pub light: Option<(usize, bool, bool)>,
}

impl Trig {
    /// The last matched token.
    pub fn last(&self) -> usize {
        self.parts.iter().copied().max().unwrap_or(self.head)
    }
}

/// Matches the elements after the head; returns the matched tokens.
fn match_rest(doc: &Doc<'_>, lex: &Lexicon, row: usize, head: usize) -> Option<Vec<usize>> {
    let w = &doc.w;
    let r = &lex.rows[row];
    let sent_end = doc.sentence(head).end;
    let mut parts = vec![head];
    let mut prev = head;
    for el in &r.elems[1..] {
        let mut found = None;
        let mut j = prev + 1;
        let mut words = 0;
        while j < sent_end {
            if j > prev + 1 && doc.is_hard_open(j) {
                break;
            }
            if w.is_word(j) {
                if el.accepts(w.key(j)) {
                    found = Some(j);
                    break;
                }
                words += 1;
            } else if el.gap && w.is_punct(j, &['(']) {
                // A parenthesis inside a gap is skipped whole: نزل آلاف (25 ألفا) إلى الشوارع.
                match (j + 1..sent_end.min(j + 12)).find(|&k| w.is_punct(k, &[')'])) {
                    Some(k) => {
                        j = k + 1;
                        continue;
                    }
                    None => break,
                }
            } else if !el.gap || !w.is_punct(j, &['،', ',']) {
                break;
            }
            // A glued preposition (طالبت القوى … رئيس الوزراء … بـ) may come further on.
            let gap = if el.glued.is_some() { GAP + 4 } else { GAP };
            if !el.gap || words >= gap {
                break;
            }
            j += 1;
        }
        let j = found?;
        parts.push(j);
        prev = j;
    }
    Some(parts)
}

/// Every trigger of the text, in token order.
pub(crate) fn find(doc: &mut Doc<'_>, lex: &Lexicon) -> Vec<Trig> {
    let n = doc.len();
    // Every token's head analyses, looked up once.
    let mut buf: Vec<HeadHit> = Vec::new();
    let cache: Vec<Vec<HeadHit>> = (0..n)
        .map(|i| {
            if !doc.w.is_word(i) {
                return Vec::new();
            }
            lex.heads(doc.w.key(i), &mut buf);
            buf.clone()
        })
        .collect();
    let mut blocked = vec![false; n];
    // Exclusions first.
    for (i, hits) in cache.iter().enumerate() {
        for h in hits {
            if lex.rows[h.row].kind == RowKind::Exclusion
                && let Some(parts) = match_rest(doc, lex, h.row, i)
            {
                for p in parts {
                    blocked[p] = true;
                }
            }
        }
    }
    let mut used = vec![false; n];
    let mut out: Vec<Trig> = Vec::new();
    for i in 0..n {
        if used[i] || blocked[i] || !doc.w.is_word(i) {
            continue;
        }
        // A word quoted alone («قاطع») is a term or a name, not a verb.
        if i > 0
            && doc.w.is_punct(i - 1, &['«', '"', '“'])
            && doc.w.is_punct(i + 1, &['»', '"', '”'])
        {
            continue;
        }
        let hits = &cache[i];
        // شكره after قدم: a light verb shortly before makes the form its noun.
        let light_near = (i.saturating_sub(LIGHT_BACK)..i).rev().any(|j| {
            cache[j]
                .iter()
                .any(|h| matches!(lex.rows[h.row].kind, RowKind::Light(true)) && h.pos.is_verb())
        });
        let after_prep = i > 0 && doc.w.is_word(i - 1) && vocab::is_prep(doc.w.key(i - 1));
        // Tanween marks a noun or adjective; no verb form carries it (الساعة الثالثة فجراً is
        // "at dawn", not فجّرا "the two blew up").
        let surface = doc.w.tokens[i].text(doc.w.text);
        let nominal = surface.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        // وعودة (and the return) folds to the letters of وعوده (his promises): a pronoun is
        // never written with teh marbuta.
        let marbuta = surface.ends_with('ة');
        // إلى سجن كبير: a preposition written as a word is followed by a noun, never a verb
        // (من is left out: as «who» it takes one, من زار مكة).
        let no_verb = i > 0
            && doc.w.is_word(i - 1)
            && matches!(
                doc.w.key(i - 1),
                "في" | "علي"
                    | "الي"
                    | "عن"
                    | "مع"
                    | "ضد"
                    | "داخل"
                    | "خارج"
                    | "امام"
                    | "لدي"
                    | "بين"
                    | "عبر"
                    | "نحو"
                    | "حول"
                    | "تحت"
                    | "فوق"
            );
        let mut best: Option<(usize, usize, HeadHit, Vec<usize>)> = None;
        let key = doc.w.key(i);
        for h in hits {
            let r = &lex.rows[h.row];
            if !matches!(r.kind, RowKind::Event(_))
                || (nominal || no_verb) && h.pos.is_verb()
                || marbuta && h.pronoun
            {
                continue;
            }
            // فائدة is not ف + أيده, وزارة not و + زاره: a clitic split must be one the corpus
            // supports; و + verb is common enough (وأهاب outnumbers أهاب) that only an
            // overwhelming whole word overrules it.
            let rest = &key[h.stack.len()..];
            let split_ok = if h.stack.starts_with('و') {
                super::doc::clitic_split_ok_by(key, rest, 8)
            } else {
                super::doc::clitic_split_ok(key, rest)
            };
            if !h.stack.is_empty() && !h.stack.ends_with("ال") && !split_ok {
                continue;
            }
            // A verbal noun right after لم/لن/قد is a verb form (لم يتم), not a noun: the
            // lexicon never lists those as nouns, so nothing to do; but an imperfect or
            // perfect must not be read after the article.
            let Some(parts) = match_rest(doc, lex, h.row, i) else {
                continue;
            };
            if parts.iter().any(|&p| p != i && (used[p] || blocked[p])) {
                continue;
            }
            let len = r.elems.len();
            // A form that is both a perfect and a verbal noun (فتح، دعم) is the noun after a
            // preposition or a noun-only proclitic (في فتح، لدعم), the verb elsewhere.
            let prefer_verb = !after_prep && !light_near;
            let better = match &best {
                None => true,
                Some((blen, bline, bh, _)) => {
                    len > *blen
                        || (len == *blen && r.line < *bline)
                        || (len == *blen
                            && r.line == *bline
                            && h.pos.is_verb() == prefer_verb
                            && bh.pos.is_verb() != prefer_verb)
                }
            };
            if better {
                best = Some((len, r.line, *h, parts));
            }
        }
        let Some((_, _, h, parts)) = best else {
            continue;
        };
        let also_noun = h.pos.is_verb()
            && hits
                .iter()
                .any(|o| o.row == h.row && o.pos == Pos::Noun && o.stack == h.stack);
        for &p in &parts {
            used[p] = true;
        }
        out.push(Trig {
            row: h.row,
            head: i,
            parts,
            pos: h.pos,
            stack: h.stack,
            suffixed: h.pronoun,
            plural: h.plural,
            also_noun,
            light: None,
        });
    }
    // A verb trigger with a glued conjunction begins a clause (…، وأحرقوا الإطارات).
    for t in &out {
        if t.pos.is_verb() && doc.w.key(t.head) != doc.w.bare(t.head) {
            doc.open_clause(t.head);
        }
    }
    // Light verbs before noun triggers.
    let heads: Vec<usize> = out.iter().map(|t| t.head).collect();
    for t in &mut out {
        if t.pos != Pos::Noun {
            continue;
        }
        t.light = light_before(doc, lex, t.head, &heads, &cache)
            .or_else(|| occurrence_after(doc, lex, t.last(), &heads, &cache));
    }
    out
}

/// The light verb governing the noun at `head`: the nearest one before it in its clause, with
/// no other trigger, preposition-led clause or punctuation between (a subject may be).
fn light_before(
    doc: &Doc<'_>,
    lex: &Lexicon,
    head: usize,
    triggers: &[usize],
    cache: &[Vec<HeadHit>],
) -> Option<(usize, bool, bool)> {
    let w = &doc.w;
    let clause = doc.clause(head);
    let from = clause.start.max(head.saturating_sub(LIGHT_BACK));
    let mut j = head;
    while j > from {
        j -= 1;
        if !w.is_word(j) {
            return None;
        }
        let key = w.key(j);
        // A light verb may also head a pattern of its own (خرجت مظاهرة: خرج is a protest verb
        // too); any other trigger in between governs the noun instead.
        if let Some(h) = cache[j].iter().find(|h| {
            matches!(lex.rows[h.row].kind, RowKind::Light(_))
                && (h.pos.is_verb() || h.pos == Pos::Word)
        }) {
            let RowKind::Light(agent) = lex.rows[h.row].kind else {
                return None;
            };
            return Some((j, agent, h.plural));
        }
        // Between a light verb and its noun: a subject, في/على/ب (شارك في، أقدم على).
        if vocab::is_complementizer(key) || triggers.contains(&j) {
            return None;
        }
    }
    None
}

/// An occurrence verb right after the noun and its adjectives (مظاهرة عنيفة اندلعت،
/// اشتباكات وقعت): the noun is its subject.
fn occurrence_after(
    doc: &Doc<'_>,
    lex: &Lexicon,
    last: usize,
    triggers: &[usize],
    cache: &[Vec<HeadHit>],
) -> Option<(usize, bool, bool)> {
    let w = &doc.w;
    let end = doc.sentence(last).end.min(last + 4);
    for (j, hits) in cache.iter().enumerate().take(end).skip(last + 1) {
        if !w.is_word(j) || triggers.contains(&j) {
            return None;
        }
        if let Some(h) = hits
            .iter()
            .find(|h| h.pos.is_verb() && matches!(lex.rows[h.row].kind, RowKind::Light(false)))
        {
            return Some((j, false, h.plural));
        }
        // Only adjectives may stand between: definite words after a definite noun are its
        // complement, anything else ends the phrase.
        if vocab::is_prep(w.key(j)) || vocab::is_clause_opener(w.key(j)) {
            return None;
        }
    }
    None
}
