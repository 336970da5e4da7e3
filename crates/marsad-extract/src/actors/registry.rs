//! Corpus-level resolution: stable actor ids, alias merging, and the surname rule.
//!
//! * **Ids.** An actor's id is [`super::ActorKey::id`]: a hash of its canonical name (search form),
//!   type and name-implied country. It never depends on a counter or on insertion order, so
//!   the same actor gets the same id in any store that meets it under the same name first.
//! * **Aliases.** A draft whose own key is unknown joins an existing actor of the same type
//!   (and no conflicting country) when its canonical name or one of its aliases is a known
//!   alias of exactly one such actor: `حكومة الوفاق الوطني` meets `حكومة الوفاق`. The
//!   actor keeps its id and gains the new aliases and roles.
//! * **The surname rule.** A one-word person alias (`حفتر`) is never used to link across
//!   articles: a bare surname is linked only inside its article, to an earlier full name
//!   (see [`super::link`]). Two full names sharing a surname (`خليفة حفتر`, `صدام حفتر`) stay
//!   two actors, and an article that only says `حفتر` gets the actor `حفتر`.
//!
//! The registry is learned as articles arrive ([`Registry::assign`]) and can be rebuilt from
//! stored actors ([`Registry::from_actors`]).

use super::{ActorDraft, normalize_name};
use super::{ArticleActors, push_unique};
use crate::entity::EntityKind;
use marsad_core::{Actor, ActorType, Entity as EntityMention, EntityType};
use rustc_hash::{FxHashMap, FxHashSet};

/// The actors met so far, with an alias index.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    actors: Vec<Actor>,
    by_id: FxHashMap<String, usize>,
    by_alias: FxHashMap<String, Vec<usize>>,
    changed: FxHashSet<usize>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// A registry holding `actors` (as a store returns them). None is marked changed.
    pub fn from_actors(actors: impl IntoIterator<Item = Actor>) -> Registry {
        let mut r = Registry::new();
        for a in actors {
            if r.by_id.contains_key(&a.id) {
                continue;
            }
            let i = r.actors.len();
            r.by_id.insert(a.id.clone(), i);
            let aliases = a.aliases.clone();
            let kind = a.kind;
            r.actors.push(a);
            for alias in &aliases {
                r.index_alias(i, kind, alias);
            }
            let name = r.actors[i].name.clone();
            r.index_alias(i, kind, &name);
        }
        r
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// True when no actor is known.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Every actor, in order of first appearance.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with `id`.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    /// The actors created or changed (new aliases, roles or country) since the last call,
    /// in order of first appearance.
    pub fn take_changed(&mut self) -> Vec<Actor> {
        let mut idx: Vec<usize> = self.changed.drain().collect();
        idx.sort_unstable();
        idx.into_iter().map(|i| self.actors[i].clone()).collect()
    }

    /// Resolves the drafts of one article to corpus actors, learning new actors and
    /// aliases; returns the id of each draft, in order.
    pub fn assign(&mut self, found: &ArticleActors) -> Vec<String> {
        found.actors.iter().map(|d| self.assign_one(d)).collect()
    }

    /// [`Registry::assign`], then the article's entities (every mention, with its actor id)
    /// and actors (the registry's id and canonical name; this article's aliases and roles)
    /// in the types of the public JSON.
    pub fn annotate(&mut self, found: &ArticleActors) -> (Vec<EntityMention>, Vec<Actor>) {
        let ids = self.assign(found);
        let entities = found
            .mentions
            .iter()
            .map(|m| EntityMention {
                text: m.text.clone(),
                kind: entity_type(m.kind),
                start: m.start,
                end: m.end,
                actor: m.actor.and_then(|a| ids.get(a).cloned()),
                nominal: m.nominal,
            })
            .collect();
        let actors = found
            .actors
            .iter()
            .zip(&ids)
            .map(|(d, id)| {
                let known = self.get(id);
                Actor {
                    id: id.clone(),
                    name: known.map_or_else(|| d.name.clone(), |a| a.name.clone()),
                    kind: d.key.kind,
                    country: d
                        .country
                        .clone()
                        .or_else(|| known.and_then(|a| a.country.clone())),
                    aliases: d.aliases.clone(),
                    roles: d.roles.clone(),
                }
            })
            .collect();
        (entities, actors)
    }

    fn assign_one(&mut self, d: &ActorDraft) -> String {
        let id = d.key.id();
        let i = match self.by_id.get(&id) {
            Some(&i) => i,
            None => match self.by_alias_match(d) {
                Some(i) => i,
                None => {
                    let i = self.actors.len();
                    self.actors.push(Actor {
                        id: id.clone(),
                        name: d.name.clone(),
                        kind: d.key.kind,
                        country: d.country.clone(),
                        aliases: Vec::new(),
                        roles: Vec::new(),
                    });
                    self.by_id.insert(id, i);
                    self.changed.insert(i);
                    let name = d.name.clone();
                    self.index_alias(i, d.key.kind, &name);
                    i
                }
            },
        };
        self.merge(i, d);
        self.actors[i].id.clone()
    }

    /// The only known actor of the draft's type (and a compatible country) that has the
    /// draft's name or one of its aliases as an alias.
    fn by_alias_match(&self, d: &ActorDraft) -> Option<usize> {
        let mut found: Option<usize> = None;
        let names = std::iter::once(&d.name).chain(&d.aliases);
        for name in names {
            if !linkable(d.key.kind, name) {
                continue;
            }
            for &i in self
                .by_alias
                .get(&normalize_name(name))
                .map_or(&[][..], Vec::as_slice)
            {
                let a = &self.actors[i];
                let country_ok = match (&d.key.country, &a.country) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                };
                if a.kind != d.key.kind || !country_ok {
                    continue;
                }
                match found {
                    None => found = Some(i),
                    Some(j) if j == i => {}
                    Some(_) => return None,
                }
            }
        }
        found
    }

    fn merge(&mut self, i: usize, d: &ActorDraft) {
        let before = (
            self.actors[i].aliases.len(),
            self.actors[i].roles.len(),
            self.actors[i].country.is_some(),
        );
        for alias in &d.aliases {
            push_unique(&mut self.actors[i].aliases, alias);
        }
        for role in &d.roles {
            push_unique(&mut self.actors[i].roles, role);
        }
        if self.actors[i].country.is_none() {
            self.actors[i].country = d.country.clone();
        }
        let after = (
            self.actors[i].aliases.len(),
            self.actors[i].roles.len(),
            self.actors[i].country.is_some(),
        );
        if before != after {
            self.changed.insert(i);
            for alias in &d.aliases {
                self.index_alias(i, d.key.kind, alias);
            }
        }
    }

    fn index_alias(&mut self, i: usize, kind: ActorType, alias: &str) {
        if !linkable(kind, alias) {
            return;
        }
        let slot = self.by_alias.entry(normalize_name(alias)).or_default();
        if !slot.contains(&i) {
            slot.push(i);
        }
    }
}

/// Whether `alias` may link articles: not a one-word person name (the surname rule).
fn linkable(kind: ActorType, alias: &str) -> bool {
    kind != ActorType::Person || alias.split_whitespace().count() >= 2
}

/// The public JSON type of an entity kind.
pub fn entity_type(kind: EntityKind) -> EntityType {
    match kind {
        EntityKind::Per => EntityType::Per,
        EntityKind::Org => EntityType::Org,
        EntityKind::Loc => EntityType::Loc,
        EntityKind::Misc => EntityType::Misc,
    }
}
