//! Entities: what the recognizer returns.

use std::fmt;

/// The four entity types of ANERcorp (and CoNLL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Per,
    /// An organization: governments, armies, parties, companies, media.
    Org,
    /// A location: countries, cities, regions, seas.
    Loc,
    /// Other names: events, nationalities used as names, products, works.
    Misc,
}

impl EntityKind {
    /// Every kind, in a stable order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Misc,
    ];

    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses `PER`/`PERS`, `ORG`, `LOC`, `MISC` (ANERcorp writes `PERS`).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "PER" | "PERS" => Some(EntityKind::Per),
            "ORG" => Some(EntityKind::Org),
            "LOC" => Some(EntityKind::Loc),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A named entity in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Its type.
    pub kind: EntityKind,
    /// Start, in chars (Unicode scalar values) of the input text.
    pub start: usize,
    /// End, exclusive, in chars of the input text.
    pub end: usize,
    /// The input text over `start..end`, with any proclitic (و، ب، ل…) that the entity's first
    /// token carries left out of the span.
    pub text: String,
}
