//! The trigger lexicon: `data/events/triggers.tsv` parsed on first use into an index from
//! folded, clitic-free forms to trigger rows.
//!
//! Matching a token strips each proclitic stack its key starts with (و، ف، ب، ل، ك، ال، لل,
//! the future س…) and looks the rest up once per stack: a known word costs a handful of hash
//! lookups and no allocation. Which stacks a form accepts depends on what it is: perfects
//! take و/ف, imperfects also س and the lam of purpose, nouns every preposition and the
//! article (but not the article together with a pronoun or tanwin alef).

use super::forms::{self, Form};
use crate::claims::words::fold;
use marsad_core::EventType;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The lexicon file, compiled in.
pub const TRIGGERS_TSV: &str = include_str!("../../data/events/triggers.tsv");

/// What a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Perfect,
    Imperfect,
    Noun,
    Word,
}

impl Pos {
    /// True for finite verbs.
    pub fn is_verb(self) -> bool {
        matches!(self, Pos::Perfect | Pos::Imperfect)
    }

    fn stacks(self) -> &'static [&'static str] {
        match self {
            Pos::Perfect | Pos::Word => &["", "و", "ف"],
            Pos::Imperfect => &["", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"],
            Pos::Noun => NOUN_STACKS,
        }
    }
}

const NOUN_STACKS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك", "ال", "وال", "فال", "بال",
    "وبال", "فبال", "كال", "وكال", "فكال", "لل", "ولل", "فلل",
];

/// Every stack any form accepts, longest first.
const ALL_STACKS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وس",
    "فس", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك", "س", "",
];

fn has_article(stack: &str) -> bool {
    stack.ends_with("ال") || stack.ends_with("لل")
}

/// Where a trigger's target is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// The direct object of the verb, or the genitive of a verbal noun.
    Obj,
    /// A preposition written as a word (مع، على، الى، ضد، من، عن، في، بين), folded.
    Word(String),
    /// A preposition glued to the next word: ب or ل.
    Glued(char),
}

/// Row flags (see the file header).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    pub ctx: bool,
    pub inverse: bool,
    pub aid: bool,
    pub speech: bool,
    pub victim: bool,
    pub act: bool,
    pub crowd: bool,
    pub light: bool,
    pub verb: bool,
    pub patient: bool,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    Event(EventType),
    Exclusion,
    /// A light verb: `true` when its subject is the actor (قام، أجرى), `false` when the
    /// event noun is its subject (تم، اندلع).
    Light(bool),
}

/// The readings of one form: `(pos, suffixed, plural, pronoun)`.
type Readings = Vec<(Pos, bool, bool, bool)>;

/// A set of forms with what each is.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormSet {
    forms: FxHashMap<Box<str>, Readings>,
}

impl FormSet {
    fn add(&mut self, forms: Vec<Form>, pos: Pos) {
        for f in forms {
            let v = self.forms.entry(f.text.into_boxed_str()).or_default();
            // A form that is singular in one reading (يتعاون) is not taken as plural.
            if let Some(e) = v.iter_mut().find(|e| e.0 == pos && e.1 == f.suffixed) {
                e.2 &= f.plural;
                e.3 &= f.pronoun;
            } else {
                v.push((pos, f.suffixed, f.plural, f.pronoun));
            }
        }
    }

    /// The first analysis of a folded token key: `(pos, stack, suffixed)`.
    pub fn accepts(&self, key: &str) -> Option<(Pos, &'static str, bool)> {
        for stack in ALL_STACKS {
            let Some(rest) = key.strip_prefix(stack) else {
                continue;
            };
            if rest.chars().count() < 2 {
                continue;
            }
            if let Some(v) = self.forms.get(rest) {
                for &(pos, suffixed, _, _) in v {
                    if pos.stacks().contains(stack) && !(suffixed && has_article(stack)) {
                        return Some((pos, stack, suffixed));
                    }
                }
            }
        }
        None
    }
}

/// One element of a pattern.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// May be separated from the previous element by a few words.
    pub gap: bool,
    pub set: FormSet,
    /// `P:ب`: any word carrying this glued preposition (طالب … بالإفراج).
    pub glued: Option<char>,
    /// A content word (V:, N:), shown in the cue; W: and P: elements are function words
    /// unless they head the pattern.
    pub content: bool,
}

impl Elem {
    /// True when the folded token `key` is this element.
    pub fn accepts(&self, key: &str) -> bool {
        match self.glued {
            Some(c) => {
                let k = key
                    .strip_prefix('و')
                    .or_else(|| key.strip_prefix('ف'))
                    .filter(|r| r.starts_with(c))
                    .unwrap_or(key);
                k.starts_with(c)
                    && k.chars().count() >= 4
                    && !super::vocab::is_prep(k)
                    && !super::vocab::is_prep(key)
            }
            None => self.set.accepts(key).is_some(),
        }
    }
}

/// One row of the lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub kind: RowKind,
    pub cameo: Option<String>,
    pub mode: Option<String>,
    pub markers: Vec<Marker>,
    pub flags: Flags,
    pub elems: Vec<Elem>,
    /// 1-based line number in the file (ties between equally long patterns go to the
    /// earlier row).
    pub line: usize,
}

/// A head form's analyses: `(row, pos, suffixed, plural, pronoun)`.
type HeadForms = Vec<(u32, Pos, bool, bool, bool)>;

/// A head analysis: which row, and what the token is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeadHit {
    pub row: usize,
    pub pos: Pos,
    pub stack: &'static str,
    /// A verb whose ending is its plural subject.
    pub plural: bool,
    /// The suffix is a pronoun (زيارته، استقبله), not the accusative alef.
    pub pronoun: bool,
}

/// The parsed lexicon.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub rows: Vec<Row>,
    /// Clitic-free head form → `(row, pos, suffixed, plural)`.
    heads: FxHashMap<Box<str>, HeadForms>,
}

/// A malformed line of the lexicon file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("triggers.tsv line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Lexicon {
    /// The embedded lexicon. A broken file (a unit test parses it) degrades to an empty
    /// lexicon rather than a panic.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(TRIGGERS_TSV).unwrap_or_default())
    }

    /// Parses the lexicon format.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError {
                line: line_no,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 5 {
                return Err(err(format!("expected 5 columns, found {}", cols.len())));
            }
            let args = cols[3].trim();
            let kind = match cols[0].trim() {
                "!" => RowKind::Exclusion,
                "LIGHT" => match args {
                    "agent" => RowKind::Light(true),
                    "occur" => RowKind::Light(false),
                    other => return Err(err(format!("light verb kind {other:?}"))),
                },
                t => RowKind::Event(
                    EventType::parse(t).ok_or_else(|| err(format!("unknown type {t:?}")))?,
                ),
            };
            let opt = |s: &str| (s.trim() != "-").then(|| s.trim().to_string());
            let mut markers = Vec::new();
            let mut flags = Flags::default();
            if matches!(kind, RowKind::Event(_)) {
                for a in args.split(',').map(str::trim).filter(|a| *a != "-") {
                    match a {
                        "obj" => markers.push(Marker::Obj),
                        "+ctx" => flags.ctx = true,
                        "+inv" => flags.inverse = true,
                        "+aid" => flags.aid = true,
                        "+speech" => flags.speech = true,
                        "+victim" => flags.victim = true,
                        "+act" => flags.act = true,
                        "+crowd" => flags.crowd = true,
                        "+light" => flags.light = true,
                        "+verb" => flags.verb = true,
                        "+pat" => flags.patient = true,
                        "ب" => markers.push(Marker::Glued('ب')),
                        "ل" => markers.push(Marker::Glued('ل')),
                        p if !p.starts_with('+') && !p.is_empty() => {
                            markers.push(Marker::Word(fold(p)))
                        }
                        other => return Err(err(format!("unknown argument {other:?}"))),
                    }
                }
            }
            let mut elems = Vec::new();
            for (k, raw) in cols[4].split_whitespace().enumerate() {
                let (gap, spec) = match raw.strip_prefix('~') {
                    Some(s) => (true, s),
                    None => (false, raw),
                };
                if k == 0 && gap {
                    return Err(err("the head cannot have a gap".into()));
                }
                if let Some(p) = spec.strip_prefix("P:") {
                    let mut chars = p.chars();
                    let (Some(c), None) = (chars.next(), chars.next()) else {
                        return Err(err(format!("glued element {spec:?}: one letter")));
                    };
                    if k == 0 {
                        return Err(err("the head cannot be a glued preposition".into()));
                    }
                    elems.push(Elem {
                        gap,
                        set: FormSet::default(),
                        glued: Some(c),
                        content: false,
                    });
                    continue;
                }
                let set = parse_elem(spec, markers.contains(&Marker::Obj)).map_err(err)?;
                elems.push(Elem {
                    gap,
                    set,
                    glued: None,
                    content: k == 0 || !spec.starts_with("W:"),
                });
            }
            if elems.is_empty() {
                return Err(err("empty pattern".into()));
            }
            let row = lex.rows.len();
            for (form, v) in &elems[0].set.forms {
                let hits = lex.heads.entry(form.clone()).or_default();
                for &(pos, suffixed, plural, pronoun) in v {
                    hits.push((row as u32, pos, suffixed, plural, pronoun));
                }
            }
            lex.rows.push(Row {
                kind,
                cameo: opt(cols[1]),
                mode: opt(cols[2]),
                markers,
                flags,
                elems,
                line: line_no,
            });
        }
        Ok(lex)
    }

    /// Every row the token with folded key `key` can be the head of.
    pub fn heads(&self, key: &str, out: &mut Vec<HeadHit>) {
        out.clear();
        for stack in ALL_STACKS {
            let Some(rest) = key.strip_prefix(stack) else {
                continue;
            };
            if rest.chars().count() < 2 {
                continue;
            }
            if let Some(v) = self.heads.get(rest) {
                for &(row, pos, suffixed, plural, pronoun) in v {
                    if pos.stacks().contains(stack) && !(suffixed && has_article(stack)) {
                        out.push(HeadHit {
                            row: row as usize,
                            pos,
                            stack,
                            plural,
                            pronoun,
                        });
                    }
                }
            }
        }
    }
}

fn parse_elem(spec: &str, transitive: bool) -> Result<FormSet, String> {
    let mut set = FormSet::default();
    let (tag, body) = spec
        .split_once(':')
        .ok_or_else(|| format!("element {spec:?} has no V:/N:/W: tag"))?;
    match tag {
        "V" => {
            let parts: Vec<&str> = body.split('/').collect();
            if parts.len() < 2 || parts.len() > 3 {
                return Err(format!("verb element {spec:?}: perfect/imperfect[/nouns]"));
            }
            if parts[0] != "-" {
                set.add(forms::perfect(parts[0], transitive), Pos::Perfect);
            }
            if parts[1] != "-" {
                set.add(forms::imperfect(parts[1], transitive), Pos::Imperfect);
            }
            if let Some(nouns) = parts.get(2) {
                for n in nouns.split('|').filter(|n| !n.is_empty()) {
                    set.add(forms::noun(n), Pos::Noun);
                }
            }
        }
        "N" => {
            for n in body.split('|').filter(|n| !n.is_empty()) {
                set.add(forms::noun(n), Pos::Noun);
            }
        }
        "W" => {
            for w in body.split('|').filter(|n| !n.is_empty()) {
                set.add(
                    vec![Form {
                        text: fold(w),
                        suffixed: false,
                        plural: false,
                        pronoun: false,
                    }],
                    Pos::Word,
                );
            }
        }
        other => return Err(format!("unknown element tag {other:?}")),
    }
    if set.forms.is_empty() {
        return Err(format!("element {spec:?} has no forms"));
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses_and_covers_every_type() {
        let lex = Lexicon::parse(TRIGGERS_TSV).expect("the embedded lexicon parses");
        for t in EventType::ALL {
            assert!(
                lex.rows.iter().any(|r| r.kind == RowKind::Event(t)),
                "no trigger for {t}"
            );
        }
        assert!(lex.rows.iter().any(|r| r.kind == RowKind::Exclusion));
        assert!(lex.rows.iter().any(|r| r.kind == RowKind::Light(true)));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = Lexicon::parse("# c\nCONSULT\t040\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Lexicon::parse("VISIT\t-\t-\t-\tV:زار/يزور\n").unwrap_err();
        assert!(e.message.contains("VISIT"));
        let e = Lexicon::parse("CONSULT\t-\t-\t-\tX:زار\n").unwrap_err();
        assert!(e.message.contains("X"));
    }

    #[test]
    fn heads_strip_clitics_by_part_of_speech() {
        let lex = Lexicon::embedded();
        let mut out = Vec::new();
        let kinds = |key: &str, out: &mut Vec<HeadHit>| {
            lex.heads(&fold(key), out);
            out.iter()
                .filter_map(|h| match lex.rows[h.row].kind {
                    RowKind::Event(t) => Some((t, h.pos)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert!(kinds("وسيستقبل", &mut out).contains(&(EventType::Consult, Pos::Imperfect)));
        assert!(kinds("وبالزيارة", &mut out).contains(&(EventType::Consult, Pos::Noun)));
        assert!(kinds("لزيارته", &mut out).contains(&(EventType::Consult, Pos::Noun)));
        // The article and a pronoun never go together; ب never precedes a verb.
        assert!(kinds("الزيارته", &mut out).is_empty());
        assert!(!kinds("باستقبل", &mut out).contains(&(EventType::Consult, Pos::Perfect)));
        assert!(kinds("واعتقلت", &mut out).contains(&(EventType::Coerce, Pos::Perfect)));
    }
}
