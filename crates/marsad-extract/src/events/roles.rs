//! Learned participants: two logistic regressions that pick an event's source and target
//! among the phrases around its trigger.
//!
//! The participant rules ([`super::args`]) read a source and a target from word order and
//! prepositions, and when no rule fires they leave the role empty. On the annotated articles
//! that left 280 of the 645 annotated targets unfilled (`المواطنين` after `دعا`,
//! `جنديين تركيين` after `مقتل`), and a rule that fires on the wrong phrase has no second
//! choice. So every event the extraction keeps also gets a list of candidate phrases
//! (`choices`): the entities of its sentence and of the two before (a pronoun's antecedent,
//! or the name of someone now called by a title: the annotation spans the name), the phrases the participant reader chunks from
//! its sentence left to right, and the rules' own choices; all pass the rules' test of who
//! can be a party, and none stands before a speech verb that stands before the trigger.
//! Each candidate is described by where it stands from the trigger (side, distance, rank
//! among the phrases and among the names on that side, the word or glued particle in front
//! of it, an agent marker, what lies between: another trigger, a speech verb, a comma,
//! clause boundaries), what it is (entity kind, head word, title or group head, a number or
//! victim word), the trigger (type, stem, verb, noun or light verb, mode), and whether the
//! rules chose it for this role or the other one, or gave it to another trigger.
//!
//! A model per role ([`RoleModel`], `data/events/source.tsv` and `target.tsv`, trained by
//! `marsad train roles`) gives each candidate the probability that it is the participant.
//! The likeliest fills an empty role when it reaches the role's threshold, and replaces the
//! rules' choice only when it beats it by the role's margin ([`choose`]); when the two roles
//! fall on one phrase, the surer role keeps it and the other chooses again among the phrases
//! apart from it ([`decide_with`]): an actor does not act on itself. The models only change
//! an event's source and target, never which events are extracted.

use super::args::{self, Np};
use super::doc::Doc;
use super::filter::{EventFilter, FilterError};
use super::heads;
use marsad_core::{Argument, Event};
use std::sync::OnceLock;

/// The committed source model, embedded in the binary.
pub const SOURCE_TSV: &str = include_str!("../../data/events/source.tsv");
/// The committed target model, embedded in the binary.
pub const TARGET_TSV: &str = include_str!("../../data/events/target.tsv");

/// An event's candidate participants and, per role, the features of each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleChoices {
    /// The candidate phrases, as arguments of the body (no actor id yet).
    pub spans: Vec<Argument>,
    /// `source[i]`: the features of `spans[i]` as the event's source.
    pub source: Vec<Vec<String>>,
    /// `target[i]`: the features of `spans[i]` as the event's target.
    pub target: Vec<Vec<String>>,
    /// The candidates the rules chose as source and as target, if any.
    pub rules: [Option<usize>; 2],
}

impl RoleChoices {
    /// The features of the candidates for `role`.
    pub fn features(&self, role: Role) -> &[Vec<String>] {
        match role {
            Role::Source => &self.source,
            Role::Target => &self.target,
        }
    }
}

/// Which role a model fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Who acts.
    Source,
    /// Who is acted upon.
    Target,
}

impl Role {
    /// Both roles, in the order they are chosen.
    pub const BOTH: [Role; 2] = [Role::Source, Role::Target];

    fn index(self) -> usize {
        match self {
            Role::Source => 0,
            Role::Target => 1,
        }
    }
}

/// The two role models: a logistic regression per role, its threshold, and the margin by
/// which a candidate must beat the rules' own choice to replace it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleModel {
    /// Scores candidates as the source.
    pub source: EventFilter,
    /// Scores candidates as the target.
    pub target: EventFilter,
    /// Per role, how much more probable than the rules' choice a candidate must be to
    /// replace it (infinite: the rules' choice is always kept).
    pub margins: [f32; 2],
}

impl RoleModel {
    /// The embedded models (parsed once).
    pub fn embedded() -> &'static RoleModel {
        static MODEL: OnceLock<RoleModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The embedded files are ours and checked by a test; should one ever fail to
            // parse, the rules' own participants are kept.
            RoleModel::parse(SOURCE_TSV, TARGET_TSV).unwrap_or_else(|_| RoleModel::rules())
        })
    }

    /// Reads the two model files.
    pub fn parse(source: &str, target: &str) -> Result<RoleModel, FilterError> {
        let (source, ms) = parse_one(source)?;
        let (target, mt) = parse_one(target)?;
        Ok(RoleModel {
            source,
            target,
            margins: [ms, mt],
        })
    }

    /// Models that keep the rules' participants: the rules' choice is never beaten and an
    /// empty role is never filled.
    pub fn rules() -> RoleModel {
        let never = || EventFilter::keep_all().with_threshold(f32::INFINITY);
        RoleModel {
            source: never(),
            target: never(),
            margins: [f32::INFINITY; 2],
        }
    }

    /// The model of `role`.
    pub fn of(&self, role: Role) -> &EventFilter {
        match role {
            Role::Source => &self.source,
            Role::Target => &self.target,
        }
    }

    /// The margin of `role`.
    pub fn margin(&self, role: Role) -> f32 {
        self.margins[role.index()]
    }

    /// The candidates chosen as source and target (indices into `choices.spans`).
    pub fn decide(&self, choices: &RoleChoices) -> (Option<usize>, Option<usize>) {
        let probs = |role: Role| -> Vec<f32> {
            let m = self.of(role);
            choices
                .features(role)
                .iter()
                .map(|f| m.probability(f))
                .collect()
        };
        let setting = |role: Role| (self.of(role).threshold(), self.margin(role));
        decide_with(
            choices,
            [&probs(Role::Source), &probs(Role::Target)],
            [setting(Role::Source), setting(Role::Target)],
        )
    }

    /// Sets the event's source and target to the chosen candidates.
    pub fn assign(&self, event: &mut Event, choices: &RoleChoices) {
        let (s, t) = self.decide(choices);
        event.source = s.map(|i| choices.spans[i].clone());
        event.target = t.map(|i| choices.spans[i].clone());
    }

    /// A role's model file: `model`'s, with the margin after its threshold.
    pub fn file(model: &EventFilter, margin: f32) -> String {
        let tsv = model.to_tsv();
        match tsv.find("@threshold\t") {
            Some(at) => format!("{}@margin\t{margin}\n{}", &tsv[..at], &tsv[at..]),
            None => tsv,
        }
    }
}

/// A role's model file: the logistic regression and its `@margin` line.
fn parse_one(text: &str) -> Result<(EventFilter, f32), FilterError> {
    let mut margin = None;
    let mut rest = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if let Some(v) = line.strip_prefix("@margin\t") {
            let v: f32 = v.trim().parse().map_err(|_| FilterError::Line {
                line: i + 1,
                reason: "the margin is not a number".to_string(),
            })?;
            margin = Some(v);
            // Keep the line count, so errors name the right line.
            rest.push('\n');
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    let margin = margin.ok_or(FilterError::Line {
        line: 0,
        reason: "no @margin line".to_string(),
    })?;
    Ok((EventFilter::parse(&rest)?, margin))
}

/// Both roles from each candidate's probabilities and each role's `(threshold, margin)`:
/// each role takes its candidate ([`choose`]); when the two are one party (overlapping, or
/// one name: an actor does not act on itself), the role that is surer of it keeps it and the
/// other chooses again among the candidates that are another party.
pub fn decide_with(
    choices: &RoleChoices,
    probs: [&[f32]; 2],
    settings: [(f32, f32); 2],
) -> (Option<usize>, Option<usize>) {
    let spans = &choices.spans;
    let pick = |role: usize, apart_from: Option<usize>| {
        choose(
            probs[role],
            &|i| apart_from.is_none_or(|o| !one_party(&spans[o], &spans[i])),
            choices.rules[role],
            settings[role].0,
            settings[role].1,
        )
    };
    let (s, t) = (pick(0, None), pick(1, None));
    match (s, t) {
        (Some(si), Some(ti)) if one_party(&spans[si], &spans[ti]) => {
            if probs[1][ti] > probs[0][si] {
                (pick(0, Some(ti)), Some(ti))
            } else {
                (Some(si), pick(1, Some(si)))
            }
        }
        _ => (s, t),
    }
}

/// The candidate a role gets, given each candidate's probability and those `allowed`: the
/// likeliest one when it reaches `threshold`; but when the rules chose an allowed
/// candidate, that one stays unless the likeliest beats it by more than `margin`.
pub fn choose(
    probs: &[f32],
    allowed: &dyn Fn(usize) -> bool,
    rules: Option<usize>,
    threshold: f32,
    margin: f32,
) -> Option<usize> {
    let mut top: Option<(usize, f32)> = None;
    for (i, &p) in probs.iter().enumerate() {
        if allowed(i) && top.is_none_or(|(_, q)| p > q) {
            top = Some((i, p));
        }
    }
    let best = top.filter(|&(_, p)| p >= threshold);
    match rules.filter(|&r| r < probs.len() && allowed(r)) {
        Some(r) => match best {
            Some((i, p)) if p - probs[r] > margin => Some(i),
            _ => Some(r),
        },
        None => best.map(|(i, _)| i),
    }
}

fn overlaps(a: &Argument, b: &Argument) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether two candidates are one party: overlapping spans, or one name (`الجيش الليبي`
/// … `للجيش الليبي`).
fn one_party(a: &Argument, b: &Argument) -> bool {
    overlaps(a, b) || super::same_party(&a.name, &b.name)
}

/// What the matcher read an event's trigger as.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TriggerShape {
    /// A verb (or a light verb with its noun), not a verbal noun alone.
    pub verb: bool,
    /// Carried by a light verb (`شن غارات`).
    pub light: bool,
}

/// A candidate phrase while the list is built: its tokens and the argument it names.
struct Cand {
    tokens: std::ops::Range<usize>,
    arg: Argument,
    np: Option<Np>,
}

/// Phrases are looked for this many tokens around the trigger, at most.
const REACH: usize = 30;

/// Entities are looked for in this many sentences before the trigger's.
const EARLIER_SENTENCES: usize = 2;

/// The candidate participants of `events[at]` and their features for both roles. `heads`
/// are the trigger tokens of the body (a phrase does not run over one); the other events
/// tell which phrases the rules gave another trigger.
pub(crate) fn choices(
    doc: &Doc<'_>,
    events: &[Event],
    at: usize,
    shape: TriggerShape,
    heads: &[usize],
) -> RoleChoices {
    let Some(event) = events.get(at) else {
        return RoleChoices::default();
    };
    let w = &doc.w;
    let n = doc.len();
    if n == 0 {
        return RoleChoices::default();
    }
    let a = w.token_at_or_after(event.cue_start).min(n - 1);
    let b = w
        .token_at_or_after(event.cue_end.saturating_sub(1))
        .clamp(a, n - 1);
    let sent = doc.sentence(a);
    let mut prev = sent.start;
    for _ in 0..EARLIER_SENTENCES {
        if prev > 0 {
            prev = doc.sentence(prev - 1).start;
        }
    }
    let lo = prev.max(a.saturating_sub(REACH));
    let hi = sent.end.min(b + 1 + REACH).min(n);
    let mut cands: Vec<Cand> = Vec::new();
    let mut push = |c: Cand| {
        if c.arg.start < c.arg.end
            && !cands
                .iter()
                .any(|d| d.arg.start == c.arg.start && d.arg.end == c.arg.end)
        {
            cands.push(c);
        }
    };
    let in_trigger = |r: &std::ops::Range<usize>| r.start <= b && a < r.end;
    // Entities of the sentence and of the two before (a pronoun's antecedent, a name now
    // replaced by a title).
    for e in &doc.ents {
        if e.tokens.start >= prev && e.tokens.end <= hi && !in_trigger(&e.tokens) {
            let np = Np::entity(e);
            if !party(doc, &np) {
                continue;
            }
            if let Some(arg) = np.argument(&doc.chars) {
                push(Cand {
                    tokens: e.tokens.clone(),
                    arg,
                    np: Some(np),
                });
            }
        }
    }
    // The phrases the participant reader finds in the sentence, read left to right: a
    // phrase's own words start no other (`الخارجية المصري` inside `وزير الخارجية المصري`),
    // so that "the first phrase after the verb" means what it says.
    let mut j = sent.start.max(lo);
    while j < hi {
        let number = w
            .tokens
            .get(j)
            .is_some_and(|t| t.kind == marsad_arabic::TokenKind::Number);
        let np = if (a..=b).contains(&j) || !(w.is_word(j) || number) {
            None
        } else if args::glued_prep(w.key(j)) && doc.ent(j).is_none() {
            args::glued_np(doc, j, sent.end, heads)
        } else {
            args::forward(doc, j, sent.end, heads)
        };
        let Some(np) = np.filter(|np| np.tokens.start == j && !in_trigger(&np.tokens)) else {
            j += 1;
            continue;
        };
        j = np.tokens.end.max(j + 1);
        if !party(doc, &np) {
            continue;
        }
        if let Some(arg) = np.argument(&doc.chars) {
            push(Cand {
                tokens: np.tokens.clone(),
                arg,
                np: Some(np),
            });
        }
    }
    // The rules' own choices, wherever they were read from.
    for arg in [&event.source, &event.target].into_iter().flatten() {
        let first = w.token_at_or_after(arg.start);
        let last = w.token_at_or_after(arg.end.saturating_sub(1)).max(first);
        push(Cand {
            tokens: first..(last + 1).min(n).max(first),
            arg: Argument {
                actor: None,
                ..arg.clone()
            },
            np: None,
        });
    }
    // A phrase before a speech verb that stands before the trigger is no participant of
    // what was said (هدد قائد الكتائب … غارات قالت القيادة إنها استهدفت: the strike is the
    // command's, not the commander's); the rules' own choices stay.
    let rules_spans: Vec<&Argument> = [&event.source, &event.target]
        .into_iter()
        .flatten()
        .collect();
    cands.retain(|c| {
        rules_spans
            .iter()
            .any(|r| r.start == c.arg.start && r.end == c.arg.end)
            || c.tokens.end > a
            || !(c.tokens.end..a).any(|i| w.is_word(i) && args::speech_verb(doc, i))
    });
    let ctx = Context::new(doc, event, shape, a, b, heads);
    let mut out = RoleChoices::default();
    let exact = |r: &Option<Argument>| {
        r.as_ref().and_then(|r| {
            cands
                .iter()
                .position(|c| c.arg.start == r.start && c.arg.end == r.end)
        })
    };
    out.rules = [exact(&event.source), exact(&event.target)];
    let side_ranks = ranks(&cands, a, b, |_| true);
    let name_ranks = ranks(&cands, a, b, |c| {
        c.np.as_ref().is_some_and(|np| np.kind.is_some())
    });
    // The participants the rules gave the other triggers (هدد قائد الكتائب … غارات قالت
    // القيادة إنها استهدفت: the threat's subject is not the strike's), in event order.
    let mut taken: Vec<(&str, &str, &Argument)> = Vec::new();
    for (k, other) in events.iter().enumerate() {
        if k == at || other.cue_start == event.cue_start {
            continue;
        }
        let side = if other.cue_start < event.cue_start {
            "before"
        } else {
            "after"
        };
        for (role, arg) in [("source", &other.source), ("target", &other.target)] {
            if let Some(arg) = arg {
                taken.push((role, side, arg));
            }
        }
    }
    let chosen = [
        ctx.chosen(event.source.as_ref()),
        ctx.chosen(event.target.as_ref()),
    ];
    for ((c, rank), name_rank) in cands.iter().zip(side_ranks).zip(name_ranks) {
        let mut common = ctx.common(c, rank);
        for &(role, side, arg) in &taken {
            if overlaps(arg, &c.arg) {
                common.push(format!("taken={role}|by={side}"));
                common.push(format!("pos={}|taken={role}|by={side}", ctx.pos));
            }
        }
        if c.np.as_ref().is_some_and(|np| np.kind.is_some()) {
            let (k, side) = (ctx.kind, if c.tokens.end <= a { "before" } else { "after" });
            let r = name_rank.min(3);
            common.push(format!("side={side}|name_rank={r}"));
            common.push(format!("type={k}|side={side}|name_rank={r}"));
        }
        out.source.push(ctx.for_role(
            &common,
            c,
            event.source.as_ref(),
            event.target.as_ref(),
            chosen[0],
        ));
        out.target.push(ctx.for_role(
            &common,
            c,
            event.target.as_ref(),
            event.source.as_ref(),
            chosen[1],
        ));
        out.spans.push(c.arg.clone());
    }
    out
}

/// What a candidate is: an entity's kind, a phrase, or a choice of the rules found no other
/// way.
fn what_of(c: &Cand) -> &'static str {
    match c.np.as_ref().and_then(|np| np.kind) {
        Some(kind) => match kind {
            crate::entity::EntityKind::Per => "PER",
            crate::entity::EntityKind::Org => "ORG",
            crate::entity::EntityKind::Loc => "LOC",
            crate::entity::EntityKind::Misc => "MISC",
        },
        None if c.np.is_none() => "rules",
        None => "phrase",
    }
}

/// Whether an agent marker stands right before the phrase: `من قبل X`, `على يد X`, `بنيران
/// X` name the agent of a noun or a passive as such.
fn agent_marked(doc: &Doc<'_>, c: &Cand) -> bool {
    let s0 = c.tokens.start;
    s0 >= 2 && args::agent_marker(doc, s0 - 2) == 2
        || s0 >= 1 && args::agent_marker(doc, s0 - 1) == 1
}

/// Whether a phrase may be a participant: the rules' test ([`args::is_party`]), and no
/// phrase named by الله (invoked, not acted on: رحمه الله) or by a work (a MISC entity:
/// حفاظ كتاب الله), as the rules read them.
fn party(doc: &Doc<'_>, np: &Np) -> bool {
    let god = doc.bare(np.tokens.start) == "الله";
    let work = np.kind == Some(crate::entity::EntityKind::Misc);
    args::is_party(doc, np) && !god && !work
}

/// Each candidate's rank among the candidates on its side of the trigger that `counted`
/// selects, nearest first.
fn ranks(cands: &[Cand], a: usize, b: usize, counted: impl Fn(&Cand) -> bool) -> Vec<usize> {
    let gap = |c: &Cand| {
        if c.tokens.end <= a {
            (0, a - c.tokens.end)
        } else {
            (1, c.tokens.start.saturating_sub(b + 1))
        }
    };
    cands
        .iter()
        .map(|c| {
            let (side, g) = gap(c);
            cands
                .iter()
                .filter(|d| {
                    let (s2, g2) = gap(d);
                    if !counted(d) {
                        return false;
                    }
                    s2 == side && g2 < g
                })
                .count()
        })
        .collect()
}

/// What the features of every candidate of one event share.
struct Context<'d, 'a> {
    doc: &'d Doc<'a>,
    a: usize,
    b: usize,
    heads: &'d [usize],
    kind: &'static str,
    pos: &'static str,
    stem: String,
    mode: String,
}

fn bucket(gap: usize) -> &'static str {
    match gap {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=9 => "6-9",
        10..=15 => "10-15",
        _ => "16+",
    }
}

impl<'d, 'a> Context<'d, 'a> {
    fn new(
        doc: &'d Doc<'a>,
        event: &Event,
        shape: TriggerShape,
        a: usize,
        b: usize,
        heads: &'d [usize],
    ) -> Self {
        let pos = match (shape.light, shape.verb) {
            (true, _) => "light",
            (false, true) => "verb",
            (false, false) => "noun",
        };
        Context {
            doc,
            a,
            b,
            heads,
            kind: event.kind.name(),
            pos,
            stem: doc.head_key(a).to_string(),
            mode: event.mode.clone().unwrap_or_default(),
        }
    }

    /// What the rules chose for a role: a name (an entity's span), a phrase, or none.
    fn chosen(&self, rules: Option<&Argument>) -> &'static str {
        rules.map_or("none", |t| {
            if self
                .doc
                .ents
                .iter()
                .any(|e| e.start == t.start && e.end == t.end)
            {
                "name"
            } else {
                "phrase"
            }
        })
    }

    /// The features that do not depend on the role.
    fn common(&self, c: &Cand, rank: usize) -> Vec<String> {
        let doc = self.doc;
        let w = &doc.w;
        let (side, gap, between) = if c.tokens.end <= self.a {
            ("before", self.a - c.tokens.end, c.tokens.end..self.a)
        } else {
            (
                "after",
                c.tokens.start.saturating_sub(self.b + 1),
                self.b + 1..c.tokens.start,
            )
        };
        let sent = doc.sentence(self.a);
        let rank = rank.min(3);
        let dist = bucket(gap);
        let (k, p, st) = (self.kind, self.pos, &self.stem);
        let mut f = vec![
            format!("side={side}"),
            format!("side={side}|dist={dist}"),
            format!("side={side}|rank={rank}"),
            format!("pos={p}|side={side}|rank={rank}"),
            format!("type={k}|side={side}|rank={rank}"),
            format!("type={k}|pos={p}|side={side}|rank={rank}"),
            format!("stem={st}|side={side}|rank={rank}"),
            format!("mode={}|side={side}|rank={rank}", self.mode),
        ];
        if c.tokens.start < sent.start {
            f.push("earlier_sentence".to_string());
            f.push(format!("type={k}|earlier_sentence"));
        }
        // The word in front of the phrase (a preposition, a verb, a title), and a particle
        // glued to its first word.
        let front = if c.tokens.start > 0 && w.is_word(c.tokens.start - 1) {
            w.key(c.tokens.start - 1).to_string()
        } else if c.tokens.start > 0 {
            "#punct".to_string()
        } else {
            "#start".to_string()
        };
        f.push(format!("side={side}|front={front}"));
        f.push(format!("pos={p}|side={side}|front={front}"));
        f.push(format!("type={k}|side={side}|front={front}"));
        f.push(format!("stem={st}|side={side}|front={front}"));
        if args::starts_pp(doc, c.tokens.start)
            && let Some(g) = doc.bare(c.tokens.start).chars().next()
        {
            f.push(format!("side={side}|glued={g}"));
            f.push(format!("type={k}|side={side}|glued={g}"));
            f.push(format!("stem={st}|side={side}|glued={g}"));
        }
        if agent_marked(doc, c) {
            f.push(format!("side={side}|agent_marker"));
            f.push(format!("type={k}|side={side}|agent_marker"));
            f.push(format!("pos={p}|side={side}|agent_marker"));
        }
        if gap == 0 {
            f.push(format!("pos={p}|adjacent={side}"));
            f.push(format!("stem={st}|adjacent={side}"));
        }
        // What lies between the phrase and the trigger.
        let mut seen_trigger = false;
        let mut seen_speech = false;
        let mut seen_comma = false;
        let mut seen_clause = false;
        let mut clauses = 0;
        for i in between.clone() {
            clauses += usize::from(doc.is_hard_open(i));
            seen_trigger |= self.heads.contains(&i);
            seen_speech |= w.is_word(i) && args::speech_verb(doc, i);
            seen_comma |= w.is_punct(i, &['،', ',', '؛', ';', ':']);
            seen_clause |= doc.is_hard_open(i) && i > between.start;
        }
        if side == "after" {
            seen_clause |= doc.is_hard_open(c.tokens.start);
        } else {
            seen_clause |= doc.is_hard_open(self.a);
        }
        if side == "after" {
            clauses += usize::from(doc.is_hard_open(c.tokens.start));
        } else {
            clauses += usize::from(doc.is_hard_open(self.a));
        }
        let clause = doc.clause(self.a);
        let inside = c.tokens.start >= clause.start && c.tokens.end <= clause.end;
        f.push(format!(
            "side={side}|clauses={}|inside={inside}",
            clauses.min(2)
        ));
        f.push(format!(
            "pos={p}|side={side}|clauses={}|inside={inside}",
            clauses.min(2)
        ));
        f.push(format!("type={k}|side={side}|clauses={}", clauses.min(2)));
        for (flag, name) in [
            (seen_trigger, "trigger"),
            (seen_speech, "speech"),
            (seen_comma, "comma"),
            (seen_clause, "clause"),
        ] {
            if flag {
                f.push(format!("side={side}|between={name}"));
                f.push(format!("pos={p}|side={side}|between={name}"));
            }
        }
        // What the phrase is.
        let what = what_of(c);
        f.push(format!("what={what}"));
        f.push(format!("side={side}|what={what}"));
        f.push(format!("type={k}|what={what}"));
        f.push(format!("type={k}|side={side}|what={what}"));
        if let Some(np) = &c.np {
            for (flag, name) in [
                (np.actor, "actor"),
                (np.victim, "victim"),
                (np.quantity, "quantity"),
            ] {
                if flag {
                    f.push(format!("np={name}"));
                    f.push(format!("type={k}|np={name}"));
                }
            }
        }
        let head = doc.head_key(c.tokens.start);
        f.push(format!("head={head}"));
        f.push(format!("type={k}|head={head}"));
        if doc.is_actor_head(c.tokens.start) {
            f.push("actor_head".to_string());
        }
        if heads::classify(doc.bare(c.tokens.start)) == heads::Head::NotAgent {
            f.push("no_one".to_string());
        }
        if c.tokens.len() > 1 {
            f.push(format!("words={}", c.tokens.len().min(4)));
        }
        f
    }

    /// The role features: the common ones and whether the rules chose the candidate for
    /// this role (`same`) or the other (`other`), or left this role empty; `chosen` is
    /// what the rules chose for this role ([`Context::chosen`]).
    fn for_role(
        &self,
        common: &[String],
        c: &Cand,
        this: Option<&Argument>,
        other: Option<&Argument>,
        chosen: &str,
    ) -> Vec<String> {
        let mut f = common.to_vec();
        let same =
            |r: Option<&Argument>| r.is_some_and(|r| r.start == c.arg.start && r.end == c.arg.end);
        let rule = if same(this) {
            "same"
        } else if same(other) {
            "other"
        } else if this.is_some_and(|t| overlaps(t, &c.arg)) {
            "overlap"
        } else if this.is_some() {
            "elsewhere"
        } else {
            "empty"
        };
        f.push(format!("rule={rule}"));
        if c.tokens.end > self.a && agent_marked(self.doc, c) {
            f.push(format!("rule={rule}|agent_marker"));
        }
        // What the rules chose for this role (`chosen`), beside what this candidate is: a
        // bare phrase chosen by the rules gives way to the name it describes.
        let what =
            c.np.as_ref()
                .and_then(|np| np.kind)
                .map_or("phrase", |_| "name");
        f.push(format!("chosen={chosen}|what={what}|rule={rule}"));
        f.push(format!("type={}|rule={rule}", self.kind));
        f.push(format!("pos={}|rule={rule}", self.pos));
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(start: usize, end: usize) -> Argument {
        Argument {
            actor: None,
            // Different names: parties apart unless their spans overlap.
            name: format!("طرف{start}"),
            start,
            end,
        }
    }

    fn model(threshold: f32) -> EventFilter {
        EventFilter::parse(&format!(
            "@bias\t0\n@threshold\t{threshold}\nbest\t3\ngood\t1\n"
        ))
        .expect("a model")
    }

    fn feats(f: &[&str]) -> Vec<String> {
        f.iter().map(|s| s.to_string()).collect()
    }

    fn choices(rules: [Option<usize>; 2]) -> RoleChoices {
        RoleChoices {
            spans: vec![arg(0, 4), arg(2, 6), arg(10, 14)],
            source: vec![feats(&["best"]), feats(&["good"]), feats(&[])],
            target: vec![feats(&["best"]), feats(&["best"]), feats(&["good"])],
            rules,
        }
    }

    #[test]
    fn the_target_is_the_best_candidate_apart_from_the_source() {
        let m = RoleModel {
            source: model(0.5),
            target: model(0.5),
            margins: [0.0; 2],
        };
        // The target's two best candidates overlap the source: the third is taken.
        assert_eq!(m.decide(&choices([None; 2])), (Some(0), Some(2)));
        // Below the threshold a role stays empty.
        let strict = RoleModel {
            source: model(0.99),
            target: model(0.99),
            margins: [0.0; 2],
        };
        assert_eq!(strict.decide(&choices([None; 2])), (None, None));
    }

    #[test]
    fn one_name_is_one_party_whatever_its_particle() {
        // The target's best candidate is the source's name again, with a glued ل: the
        // target takes the next one.
        let mut c = choices([None; 2]);
        c.spans[0].name = "الجيش الليبي".to_string();
        c.spans[2].name = "للجيش الليبي".to_string();
        c.target = vec![feats(&[]), feats(&[]), feats(&["best"])];
        c.spans[1] = arg(20, 24);
        c.target[1] = feats(&["good"]);
        let m = RoleModel {
            source: model(0.5),
            target: model(0.5),
            margins: [0.0; 2],
        };
        assert_eq!(m.decide(&c), (Some(0), Some(1)));
    }

    #[test]
    fn the_rules_choice_stays_unless_beaten_by_the_margin() {
        let rules = choices([Some(1), Some(2)]);
        // The rules' model keeps the rules' choices and fills nothing.
        assert_eq!(RoleModel::rules().decide(&rules), (Some(1), Some(2)));
        assert_eq!(RoleModel::rules().decide(&choices([None; 2])), (None, None));
        // p(best) = 0.95 against p(good) = 0.73 for the source: a margin of 0.1 is beaten,
        // one of 0.3 is not.
        let with = |margin: f32| RoleModel {
            source: model(0.5),
            target: model(0.5),
            margins: [margin; 2],
        };
        assert_eq!(with(0.1).decide(&rules).0, Some(0));
        assert_eq!(with(0.3).decide(&rules).0, Some(1));
    }

    #[test]
    fn model_files_carry_their_margin() {
        let file = RoleModel::file(&model(0.4), 0.25);
        assert!(file.contains("@margin\t0.25\n@threshold"), "{file}");
        let m = RoleModel::parse(&file, &file).expect("parses");
        assert_eq!(m.margins, [0.25, 0.25]);
        assert_eq!(m.source, model(0.4));
        let err = RoleModel::parse(&model(0.4).to_tsv(), &file).unwrap_err();
        assert!(err.to_string().contains("@margin"), "{err}");
        let err = RoleModel::parse(&file.replace("0.25", "x"), &file).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
