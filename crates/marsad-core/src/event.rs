//! Events: who did what to whom, when, where, and how sure the text is.
//!
//! The ontology is PLOVER's 16 event types (the PLOVER manual, 2021), grouped in four quad
//! classes; a CAMEO code and a PLOVER mode are added where the text determines them. Every
//! span counts chars (Unicode scalar values) of the article body, like every other
//! annotation (see [`crate::Article`]).

use crate::Certainty;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A PLOVER event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree to, offer, promise or sign a future action or settlement.
    Agree,
    /// Meet, visit, host, negotiate, talk by phone, mediate.
    Consult,
    /// Praise, endorse, or express verbal support.
    Support,
    /// Yield, apologize, admit, ease restrictions.
    Concede,
    /// Cooperate materially: economic, military, judicial, intelligence cooperation.
    Cooperate,
    /// Give aid: economic, military, humanitarian, asylum.
    Aid,
    /// Withdraw forces, release, return, disarm, resign.
    Retreat,
    /// Ask, demand or appeal for something.
    Request,
    /// Criticize, condemn, blame, allege, investigate, sue.
    Accuse,
    /// Refuse, reject, veto, defy.
    Reject,
    /// Threaten force, sanctions or other costs; issue ultimatums.
    Threaten,
    /// Demonstrate, strike, boycott, riot.
    Protest,
    /// Impose sanctions or embargoes, expel, break relations, convict.
    Sanction,
    /// Deploy or mobilize forces, raise alert, militarize.
    Mobilize,
    /// Arrest, detain, deport, seize, restrict, censor, impose curfews.
    Coerce,
    /// Attack with force: strikes, shelling, clashes, bombings, killings.
    Assault,
}

/// PLOVER's four quad classes: verbal or material, cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quad {
    /// AGREE, CONSULT, SUPPORT, CONCEDE.
    VerbalCooperation,
    /// COOPERATE, AID, RETREAT.
    MaterialCooperation,
    /// REQUEST, ACCUSE, REJECT, THREATEN.
    VerbalConflict,
    /// PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.
    MaterialConflict,
}

impl Quad {
    /// Every quad class, in PLOVER's order.
    pub const ALL: [Quad; 4] = [
        Quad::VerbalCooperation,
        Quad::MaterialCooperation,
        Quad::VerbalConflict,
        Quad::MaterialConflict,
    ];

    /// The stable snake_case name used in JSON, the store and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal_cooperation",
            Quad::MaterialCooperation => "material_cooperation",
            Quad::VerbalConflict => "verbal_conflict",
            Quad::MaterialConflict => "material_conflict",
        }
    }

    /// GDELT's numeric QuadClass (1 verbal cooperation … 4 material conflict).
    pub fn number(self) -> u8 {
        match self {
            Quad::VerbalCooperation => 1,
            Quad::MaterialCooperation => 2,
            Quad::VerbalConflict => 3,
            Quad::MaterialConflict => 4,
        }
    }

    /// True for the two cooperation classes.
    pub fn is_cooperation(self) -> bool {
        matches!(self, Quad::VerbalCooperation | Quad::MaterialCooperation)
    }
}

impl fmt::Display for Quad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl EventType {
    /// Every type, in PLOVER's order (quad by quad).
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The PLOVER name in capitals (`CONSULT`).
    pub fn name(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Parses a PLOVER name, in any case (`consult`, `CONSULT`).
    pub fn parse(s: &str) -> Option<EventType> {
        let s = s.trim();
        EventType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(s))
    }

    /// The quad class the type belongs to.
    pub fn quad(self) -> Quad {
        use EventType::*;
        match self {
            Agree | Consult | Support | Concede => Quad::VerbalCooperation,
            Cooperate | Aid | Retreat => Quad::MaterialCooperation,
            Request | Accuse | Reject | Threaten => Quad::VerbalConflict,
            Protest | Sanction | Mobilize | Coerce | Assault => Quad::MaterialConflict,
        }
    }

    /// The Arabic label the UI and the CLI show (`تشاور`).
    pub fn arabic(self) -> &'static str {
        match self {
            EventType::Agree => "اتفاق",
            EventType::Consult => "تشاور",
            EventType::Support => "تأييد",
            EventType::Concede => "تنازل",
            EventType::Cooperate => "تعاون",
            EventType::Aid => "مساعدة",
            EventType::Retreat => "انسحاب",
            EventType::Request => "مطالبة",
            EventType::Accuse => "اتهام",
            EventType::Reject => "رفض",
            EventType::Threaten => "تهديد",
            EventType::Protest => "احتجاج",
            EventType::Sanction => "عقوبات",
            EventType::Mobilize => "حشد",
            EventType::Coerce => "إكراه",
            EventType::Assault => "اعتداء",
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A participant or place of an event: the text that names it and the actor it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Argument {
    /// The actor id, when the actor layer resolved the mention (`null` otherwise).
    pub actor: Option<String>,
    /// The surface text as written, `body[start..end]`.
    pub name: String,
    /// Start, in chars of the body.
    pub start: usize,
    /// End, exclusive, in chars of the body.
    pub end: usize,
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A calendar day (`2016-11-20`).
    Day,
    /// A month (`2016-11`).
    Month,
    /// A year (`2016`).
    Year,
}

/// When an event happened (or is planned to happen), which is not the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO 8601 at the given precision (`2016-11-20`, `2016-11`, `2016`); `None` when the
    /// expression could not be resolved (an article without a publication date).
    pub value: Option<String>,
    /// How much of the date is known.
    pub precision: DatePrecision,
    /// The time expression as written (`أمس`, `الثلاثاء الماضي`, `20 نوفمبر`); `None` when
    /// the text gives none and the date is the publication day.
    pub text: Option<String>,
    /// Char span of the expression, when there is one.
    pub start: Option<usize>,
    /// End of the expression span, exclusive.
    pub end: Option<usize>,
}

/// One event found in an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The CAMEO code (`042`), when the trigger determines one.
    pub cameo: Option<String>,
    /// The PLOVER mode (`visit`, `host`, `airstrike`…), when the text gives it.
    pub mode: Option<String>,
    /// Who acts, when the text names them.
    pub source: Option<Argument>,
    /// Who is acted upon (PLOVER's recipient), when the text names them.
    pub target: Option<Argument>,
    /// Where, when the text says (`في موسكو`); the argument spans the place name.
    pub location: Option<Argument>,
    /// When.
    pub date: Option<EventDate>,
    /// How sure the text is that the event happened (or will).
    pub certainty: Certainty,
    /// Who claims the event, when the text attributes it (`مصادر محلية`, a quoted speaker).
    pub attributed_to: Option<String>,
    /// The trigger as written (`استقبل`, `شن غارات`).
    pub cue: String,
    /// Char span of the trigger.
    pub cue_start: usize,
    /// End of the trigger span, exclusive.
    pub cue_end: usize,
    /// The evidence sentence, `body[start..end]`.
    pub sentence: String,
    /// Start of the evidence sentence, in chars of the body.
    pub start: usize,
    /// End of the evidence sentence, exclusive.
    pub end: usize,
}

impl Event {
    /// The quad class of the event's type.
    pub fn quad(&self) -> Quad {
        self.kind.quad()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_quads_partition_the_types() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.name()), Some(t));
            assert_eq!(EventType::parse(&t.name().to_lowercase()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.name()));
        }
        let per_quad: Vec<usize> = Quad::ALL
            .iter()
            .map(|q| EventType::ALL.iter().filter(|t| t.quad() == *q).count())
            .collect();
        assert_eq!(per_quad, [4, 3, 4, 5]);
        assert_eq!(EventType::parse("VISIT"), None);
    }
}
