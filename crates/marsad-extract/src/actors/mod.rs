//! Actors: who the entities of an article are, within the article and across the corpus.
//!
//! * [`link`]: within-article coreference. A person's full name links the bare surname
//!   (`حفتر`) and given name mentions of the same article, and a title standing alone
//!   (`الجنرال`, `الناطق باسم الجيش الليبي`) links to the most recent person introduced with a
//!   title of the same class.
//! * [`metonymy`]: a capital used as an actor (`تستقبل موسكو`) and collectives made of a head
//!   and a nisba (`القيادة الروسية`, `الجانب الروسي`, `الدب الروسي`) stand for the state.
//! * [`attributes`]: the actor type (person, government, military, party, armed group, IGO,
//!   company, media, other), the country (ISO-3) and the roles that titles give.
//! * [`registry`]: corpus-level resolution into stable ids, alias merging and the surname
//!   rule (a bare surname never links across articles).
//!
//! [`resolve`] works on one article and is a pure function of its body and entities;
//! [`Registry::assign`] turns its drafts into corpus actors.
//!
//! ```
//! use marsad_extract::actors::{self, Registry};
//! use marsad_extract::{Entity, EntityKind};
//!
//! let body = "التقى العقيد أحمد المسماري وفدا، وقال المسماري إن الجيش مستعد.";
//! let span = |s: &str, kind| {
//!     let b = body.rfind(s).unwrap();
//!     let start = body[..b].chars().count();
//!     Entity { kind, start, end: start + s.chars().count(), text: s.into() }
//! };
//! let entities = [span("أحمد المسماري", EntityKind::Per), span("المسماري", EntityKind::Per)];
//! let found = actors::resolve(body, &entities);
//! assert_eq!(found.actors.len(), 1);
//! assert_eq!(found.actors[0].name, "أحمد المسماري");
//! assert_eq!(found.actors[0].roles, ["العقيد"]);
//! let mut registry = Registry::new();
//! let (entities, actors) = registry.annotate(&found);
//! assert!(entities.iter().all(|e| e.actor.as_deref() == Some(actors[0].id.as_str())));
//! ```

pub mod attributes;
pub mod link;
pub mod metonymy;
pub mod registry;

pub use registry::Registry;

use crate::entity::{Entity, EntityKind};
use crate::gazetteer::{EntryKind, Gazetteer, Match, search_form};
use crate::ner::NerModel;
use marsad_arabic::normalize::{Folds, fold_char};
use marsad_arabic::token::{Token, tokenize};
use marsad_core::ActorType;

/// The identity of an actor across the corpus: its canonical name in search form, its type
/// and the country its name implies. [`ActorKey::id`] hashes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorKey {
    /// The canonical name, normalized by [`normalize_name`].
    pub name: String,
    /// The actor type.
    pub kind: ActorType,
    /// The country the name itself implies (a gazetteer entry, a nisba in the name), not
    /// one guessed from context: a key must be a function of the name.
    pub country: Option<String>,
}

impl ActorKey {
    /// The stable id: the XXH3-64 of type, name and country, as 16 hex digits. It depends on
    /// nothing but the key, so the same actor gets the same id in any corpus.
    pub fn id(&self) -> String {
        let mut bytes = Vec::with_capacity(self.name.len() + 16);
        bytes.extend_from_slice(self.kind.name().as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(self.name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(self.country.as_deref().unwrap_or("").as_bytes());
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
    }
}

/// An actor as one article describes it, before corpus resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorDraft {
    /// Its corpus identity.
    pub key: ActorKey,
    /// The canonical name as written (lossless): the longest full name for a person, the
    /// gazetteer's canonical form for a listed name.
    pub name: String,
    /// The country: the key's, else one a role implies (`المتحدث باسم القوات الليبية` → LBY).
    pub country: Option<String>,
    /// The forms this article uses, in order of first use, without repeats (by search form).
    pub aliases: Vec<String>,
    /// Roles that titles give it in this article, in order.
    pub roles: Vec<String>,
}

impl ActorDraft {
    fn new(key: ActorKey, name: &str) -> ActorDraft {
        ActorDraft {
            country: key.country.clone(),
            key,
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
        }
    }

    fn add_alias(&mut self, alias: &str) {
        push_unique(&mut self.aliases, alias);
    }

    fn add_role(&mut self, role: &str) {
        push_unique(&mut self.roles, role);
    }
}

/// Pushes `s` unless a string with the same search form is there already.
pub(crate) fn push_unique(list: &mut Vec<String>, s: &str) {
    let n = normalize_name(s);
    if n.is_empty() || list.iter().any(|x| normalize_name(x) == n) {
        return;
    }
    list.push(s.to_string());
}

/// One mention of an actor (or an entity with no actor) in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Start, in chars of the body.
    pub start: usize,
    /// End, exclusive, in chars of the body.
    pub end: usize,
    /// `body[start..end]`.
    pub text: String,
    /// The entity type.
    pub kind: EntityKind,
    /// The index of the entity in the input of [`resolve`], for a named mention.
    pub entity: Option<usize>,
    /// The index of its actor in [`ArticleActors::actors`], when it refers to one.
    pub actor: Option<usize>,
    /// True for a title alone or a collective, not a name.
    pub nominal: bool,
}

/// What [`resolve`] finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleActors {
    /// Every input entity and every nominal mention, in body order.
    pub mentions: Vec<Mention>,
    /// The actors they refer to, in order of first mention.
    pub actors: Vec<ActorDraft>,
}

/// Runs the embedded NER model over `body`, then [`resolve`].
pub fn extract(body: &str) -> ArticleActors {
    let entities = NerModel::embedded().recognize(body);
    resolve(body, &entities)
}

/// [`extract`] over many bodies on `threads` threads (contiguous chunks, so the work per
/// thread is balanced by count); results are in input order.
pub fn extract_batch(bodies: &[&str], threads: usize) -> Vec<ArticleActors> {
    crate::parallel::par_map(bodies, threads, |b| extract(b))
}

/// Resolves the entities of one article (spans in chars of `body`, as
/// [`NerModel::recognize`] returns them) into actors. Never fails and never panics: an
/// entity whose span is out of range or off the text is kept as a mention without actor.
pub fn resolve(body: &str, entities: &[Entity]) -> ArticleActors {
    let ctx = Ctx::new(body, entities);
    let mut out = ArticleActors::default();
    link::link(&ctx, &mut out);
    metonymy::apply(&ctx, &mut out);
    out.mentions.sort_by_key(|m| (m.start, m.end));
    // Actors in order of first mention.
    let mut order: Vec<usize> = Vec::new();
    for m in &out.mentions {
        if let Some(a) = m.actor
            && !order.contains(&a)
        {
            order.push(a);
        }
    }
    let mut remap = vec![usize::MAX; out.actors.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut actors: Vec<Option<ActorDraft>> = out.actors.into_iter().map(Some).collect();
    out.actors = order.iter().filter_map(|&i| actors[i].take()).collect();
    for m in &mut out.mentions {
        m.actor = m.actor.map(|a| remap[a]);
    }
    out
}

/// Normalizes a name for comparison: marsad's search form of each word, joined by one
/// space (`الفريق أوّل  خليفة` → `الفريق اول خليفه`). The store uses the same folds for
/// `--actor` lookups.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut buf = String::new();
    for w in name.split_whitespace() {
        search_form(w, &mut buf);
        if buf.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&buf);
    }
    out
}

/// The tokens of a body with their search forms, and the input entities mapped onto them.
pub(crate) struct Ctx<'a> {
    pub body: &'a str,
    pub tokens: Vec<Token>,
    /// Search form of each token.
    pub norm: Vec<String>,
    pub entities: &'a [Entity],
    /// For each entity, its token range, when its span lies on the text.
    pub entity_tokens: Vec<Option<(usize, usize)>>,
    pub gazetteer: &'static Gazetteer,
}

impl<'a> Ctx<'a> {
    pub fn new(body: &'a str, entities: &'a [Entity]) -> Ctx<'a> {
        let tokens = tokenize(body);
        let norm = tokens
            .iter()
            .map(|t| {
                let mut s = String::new();
                search_form(t.text(body), &mut s);
                s
            })
            .collect();
        let entity_tokens = entities
            .iter()
            .map(|e| {
                if e.start >= e.end {
                    return None;
                }
                let first = tokens.partition_point(|t| t.end <= e.start);
                let last = tokens.partition_point(|t| t.start < e.end);
                (first < last && last <= tokens.len()).then_some((first, last))
            })
            .collect();
        Ctx {
            body,
            tokens,
            norm,
            entities,
            entity_tokens,
            gazetteer: Gazetteer::embedded(),
        }
    }

    pub fn norm_refs(&self) -> Vec<&str> {
        self.norm.iter().map(String::as_str).collect()
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind.is_word())
    }

    /// The gazetteer match at token `i` when it is listed under `kind`.
    pub fn match_kind(&self, norm: &[&str], i: usize, kind: EntryKind) -> Option<Match<'static>> {
        self.gazetteer
            .match_at(norm, i)
            .filter(|m| m.entries.iter().any(|e| e.kind == kind))
    }

    /// Char span and text of tokens `start..end`, skipping `clitic` letters (search-form
    /// letters) of the first token.
    pub fn span(&self, start: usize, end: usize, clitic: usize) -> (usize, usize, String) {
        let first = &self.tokens[start];
        let last = &self.tokens[end - 1];
        let skip = clitic_chars(first.text(self.body), clitic);
        let cstart = first.start + skip;
        let byte_start = first.byte_start
            + first
                .text(self.body)
                .chars()
                .take(skip)
                .map(char::len_utf8)
                .sum::<usize>();
        (
            cstart,
            last.end,
            self.body[byte_start..last.byte_end].to_string(),
        )
    }
}

/// Chars of `token` taken by its first `letters` letters in search form (marks go with the
/// letter before them). Never the whole token.
fn clitic_chars(token: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut chars = 0;
    let mut buf = String::new();
    for c in token.chars() {
        buf.clear();
        fold_char(c, Folds::SEARCH, &mut buf);
        if !buf.is_empty() {
            if seen == letters {
                break;
            }
            seen += buf.chars().count();
        }
        chars += 1;
    }
    if chars >= token.chars().count() {
        0
    } else {
        chars
    }
}

#[cfg(test)]
mod tests;
