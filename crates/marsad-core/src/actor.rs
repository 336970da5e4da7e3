//! Entities and actors: who an article names, and who they are across the corpus.
//!
//! An [`Entity`] is one mention in one article body (a name such as `خليفة حفتر`, or a
//! nominal mention such as `الجنرال` or `القيادة الروسية`), with its char span into the
//! body. An [`Actor`] is what mentions refer to: a person, a government, an army… with a
//! stable id, a canonical name, the aliases it goes by and the roles titles give it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The type of a named entity (ANERcorp's four classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organization.
    #[serde(rename = "ORG")]
    Org,
    /// A location.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// Every type, in a stable order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a name written by [`EntityType::name`].
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One mention of an entity in an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention as written, `body[start..end]` (a proclitic such as و or ب is left out).
    pub text: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Start, in chars of the body.
    pub start: usize,
    /// End, exclusive, in chars of the body.
    pub end: usize,
    /// The id of the actor it refers to, when it refers to one.
    pub actor: Option<String>,
    /// True for a mention that is not a name: a title standing alone (`الجنرال`), a
    /// collective (`القيادة الروسية`, `الدب الروسي`).
    #[serde(default)]
    pub nominal: bool,
}

/// What kind of actor an [`Actor`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// A person.
    Person,
    /// A state acting through its government, or a government body.
    Government,
    /// A state's armed forces.
    Military,
    /// A political party.
    Party,
    /// A non-state armed group.
    ArmedGroup,
    /// An intergovernmental organization (الأمم المتحدة, الاتحاد الأوروبي).
    Igo,
    /// A company.
    Company,
    /// A newspaper, channel or agency.
    Media,
    /// Anything else (think tanks, NGOs, unknown organizations).
    Other,
}

impl ActorType {
    /// Every type, in a stable order.
    pub const ALL: [ActorType; 9] = [
        ActorType::Person,
        ActorType::Government,
        ActorType::Military,
        ActorType::Party,
        ActorType::ArmedGroup,
        ActorType::Igo,
        ActorType::Company,
        ActorType::Media,
        ActorType::Other,
    ];

    /// The stable name used in JSON, the store and the CLI (`armed_group`…).
    pub fn name(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Government => "government",
            ActorType::Military => "military",
            ActorType::Party => "party",
            ActorType::ArmedGroup => "armed_group",
            ActorType::Igo => "igo",
            ActorType::Company => "company",
            ActorType::Media => "media",
            ActorType::Other => "other",
        }
    }

    /// Parses a name written by [`ActorType::name`] (`armed-group` is accepted too).
    pub fn parse(s: &str) -> Option<ActorType> {
        let s = s.trim().replace('-', "_").to_ascii_lowercase();
        ActorType::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl fmt::Display for ActorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Someone or something that acts in the news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: 16 hex digits derived from the canonical name, the type and the country.
    pub id: String,
    /// The canonical name (`خليفة حفتر`, `روسيا`, `حكومة الوفاق`).
    pub name: String,
    /// What kind of actor.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// ISO 3166-1 alpha-3 code of its country, when known.
    pub country: Option<String>,
    /// The names and nominal forms it goes by (`حفتر`, `موسكو`, `القيادة الروسية`).
    pub aliases: Vec<String>,
    /// Roles that titles give it (`المتحدث باسم القوات الليبية`, `المشير`).
    pub roles: Vec<String>,
}
