//! Actors: the registry that ingest's actor resolution stores (names, aliases, type,
//! country, roles, mention counts), their timelines, the actors named with them and what
//! they said.
//!
//! * list, detail, counts: `Store::actors` (every mentioned actor with its counts, read once
//!   into a [`Snapshot`] per data directory and re-read when the article count changes,
//!   since the query groups every mention), `Store::actor` for actors never mentioned;
//! * mentions by month and the actors named in the same articles: one search restricted to
//!   the actor (`SearchRequest::actor`), read through its month and actor facets;
//! * events by month and event counterparts: [`events`] (the store's event clusters);
//! * quotes: [`quotes::by_actor`] (stored quotes whose speaker was linked to the actor).

use crate::ApiError;
use crate::api::types::{
    ActorDetail, ActorProfile, ActorRef, ActorSummary, ActorsResponse, Counterpart, MonthPoint,
};
use crate::data::{events, quotes};
use chrono::NaiveDate;
use marsad_core::ActorType;
use marsad_index::store::ActorStats;
use marsad_index::{SearchRequest, Store};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Every mentioned actor with its counts, most mentioned first, as of `articles`.
#[derive(Debug)]
pub struct Snapshot {
    articles: u64,
    checked: Mutex<Instant>,
    actors: Vec<ActorStats>,
    by_id: HashMap<String, usize>,
}

/// How often a snapshot checks the store's article count.
const RECHECK: Duration = Duration::from_secs(1);

/// The actor snapshot of `store`'s data directory, rebuilt when articles were added.
pub fn snapshot(store: &Store) -> Result<Arc<Snapshot>, ApiError> {
    static SNAPSHOTS: Mutex<Option<HashMap<PathBuf, Arc<Snapshot>>>> = Mutex::new(None);
    let mut all = SNAPSHOTS.lock().unwrap_or_else(|p| p.into_inner());
    let map = all.get_or_insert_with(HashMap::new);
    let dir = store.dir().to_path_buf();
    if let Some(s) = map.get(&dir) {
        let mut checked = s.checked.lock().unwrap_or_else(|p| p.into_inner());
        if checked.elapsed() < RECHECK {
            return Ok(s.clone());
        }
        if store.count()? == s.articles {
            *checked = Instant::now();
            return Ok(s.clone());
        }
    }
    let articles = store.count()?;
    let actors = store.actors(usize::MAX >> 1, None)?;
    let by_id = actors
        .iter()
        .enumerate()
        .map(|(i, s)| (s.actor.id.clone(), i))
        .collect();
    let s = Arc::new(Snapshot {
        articles,
        checked: Mutex::new(Instant::now()),
        actors,
        by_id,
    });
    map.insert(dir, s.clone());
    Ok(s)
}

/// Filters of the actor list.
#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    /// Part of a name or alias (matched after search folding).
    pub q: Option<String>,
    /// Actor type.
    pub kind: Option<String>,
    /// Actors to skip.
    pub offset: usize,
    /// Actors to return.
    pub limit: usize,
}

fn summary(s: &ActorStats) -> ActorSummary {
    ActorSummary {
        id: s.actor.id.clone(),
        name: s.actor.name.clone(),
        kind: s.actor.kind.name().to_string(),
        country: s.actor.country.clone(),
        mentions: s.mentions,
        articles: s.articles,
    }
}

/// Actors matching `filter`, most mentioned first.
pub fn list(store: &Store, filter: &ActorFilter) -> Result<ActorsResponse, ApiError> {
    let kind = match filter.kind.as_deref() {
        None => None,
        Some(k) => Some(ActorType::parse(k).ok_or_else(|| {
            ApiError::bad_request(format!(
                "type={k:?}: one of {}",
                ActorType::ALL.map(ActorType::name).join(", ")
            ))
        })?),
    };
    let q = filter
        .q
        .as_deref()
        .map(marsad_index::store::normalize_alias)
        .filter(|q| !q.is_empty());
    let snap = snapshot(store)?;
    let matching: Vec<&ActorStats> = snap
        .actors
        .iter()
        .filter(|s| kind.is_none_or(|k| s.actor.kind == k))
        .filter(|s| {
            q.as_deref().is_none_or(|q| {
                std::iter::once(&s.actor.name)
                    .chain(&s.actor.aliases)
                    .any(|n| marsad_index::store::normalize_alias(n).contains(q))
            })
        })
        .collect();
    Ok(ActorsResponse {
        total: matching.len(),
        actors: matching
            .into_iter()
            .skip(filter.offset)
            .take(filter.limit)
            .map(summary)
            .collect(),
    })
}

fn detail(s: ActorStats) -> ActorDetail {
    ActorDetail {
        id: s.actor.id,
        name: s.actor.name,
        kind: s.actor.kind.name().to_string(),
        country: s.actor.country,
        aliases: s.actor.aliases,
        roles: s.actor.roles,
        mentions: s.mentions,
        articles: s.articles,
    }
}

/// The actor with exactly this `id`.
pub fn get(store: &Store, id: &str) -> Result<Option<ActorDetail>, ApiError> {
    let snap = snapshot(store)?;
    if let Some(&i) = snap.by_id.get(id) {
        return Ok(Some(detail(snap.actors[i].clone())));
    }
    Ok(store
        .actor(id)?
        .into_iter()
        .find(|s| s.actor.id == id)
        .map(detail))
}

/// Actors in the registry (`None`: no actor has been stored, i.e. actor resolution has not
/// run on this store, or found nobody).
pub fn count(store: &Store) -> Result<Option<u64>, ApiError> {
    let n = store.all_actors()?.len() as u64;
    Ok((n > 0).then_some(n))
}

/// The most mentioned actors (for the whole-store graph).
pub fn top(store: &Store, n: usize) -> Result<Vec<ActorStats>, ApiError> {
    Ok(snapshot(store)?.actors.iter().take(n).cloned().collect())
}

/// Articles naming an actor by month (`YYYY-MM`, count), and the actors named with it
/// (actor, shared articles).
pub type Mentions = (Vec<(String, u64)>, Vec<(ActorRef, u64)>);

/// Articles naming actor `id`: by month (`YYYY-MM`), and the actors named with it (id, name,
/// shared articles; itself excluded), within an optional date range.
pub fn mentions(
    store: &Store,
    id: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Mentions, ApiError> {
    let mut request = SearchRequest::new("");
    request.actor = Some(id.to_string());
    request.limit = 1;
    request.facets = true;
    request.snippets = false;
    request.from = from;
    request.to = to;
    let facets = store.search(&request)?.facets.unwrap_or_default();
    let with = facets
        .actors
        .into_iter()
        .filter(|a| a.id != id)
        .map(|a| {
            (
                ActorRef {
                    id: a.id,
                    name: a.name,
                },
                a.hits,
            )
        })
        .collect();
    Ok((facets.months, with))
}

/// The profile of actor `id`: who, mentions and events by month, counterparts, quotes.
pub fn profile(store: &Store, id: &str) -> Result<Option<ActorProfile>, ApiError> {
    let Some(actor) = get(store, id)? else {
        return Ok(None);
    };
    let (by_month, named_with) = mentions(store, &actor.id, None, None)?;
    let mut months: BTreeMap<String, MonthPoint> = BTreeMap::new();
    let point = |month: &str| MonthPoint {
        month: month.to_string(),
        mentions: 0,
        events: 0,
        cooperation: 0,
        conflict: 0,
    };
    for (month, n) in by_month {
        months
            .entry(month.clone())
            .or_insert_with(|| point(&month))
            .mentions = n;
    }
    for p in events::by_month(store, &actor.id)? {
        let e = months
            .entry(p.month.clone())
            .or_insert_with(|| point(&p.month));
        e.events = p.events;
        e.cooperation = p.cooperation;
        e.conflict = p.conflict;
    }
    // Counterparts: the actors named with it, merged with its event counterparts.
    let mut counterparts: BTreeMap<String, Counterpart> = BTreeMap::new();
    for (other, n) in named_with {
        counterparts.insert(
            other.id.clone(),
            Counterpart {
                actor: other,
                articles: n,
                events: 0,
                cooperation: 0,
                conflict: 0,
            },
        );
    }
    for c in events::counterparts(store, &actor.id)? {
        let e = counterparts
            .entry(c.actor.id.clone())
            .or_insert_with(|| Counterpart {
                actor: c.actor.clone(),
                articles: 0,
                events: 0,
                cooperation: 0,
                conflict: 0,
            });
        e.events = c.events;
        e.cooperation = c.cooperation;
        e.conflict = c.conflict;
    }
    let mut counterparts: Vec<Counterpart> = counterparts.into_values().collect();
    counterparts.sort_by(|a, b| {
        (b.events, b.articles)
            .cmp(&(a.events, a.articles))
            .then_with(|| a.actor.name.cmp(&b.actor.name))
    });
    let said = quotes::latest_by_actor(store, &actor.id, 20)?;
    let who = marsad_core::Actor {
        id: actor.id.clone(),
        name: actor.name.clone(),
        kind: ActorType::parse(&actor.kind).unwrap_or(ActorType::Other),
        country: None,
        aliases: Vec::new(),
        roles: Vec::new(),
    };
    let possibly_same = store
        .possibly_same(&who, 10)?
        .into_iter()
        .map(detail)
        .collect();
    Ok(Some(ActorProfile {
        actor,
        timeline: months.into_values().collect(),
        counterparts,
        quotes: said,
        possibly_same,
    }))
}
