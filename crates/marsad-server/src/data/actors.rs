//! Actors: the registry (names, aliases, type, country, roles), their timelines and their
//! quotes.
//!
//! Waits on actor resolution: the store has no actors table yet, so the list is empty and
//! every id is unknown. The timeline's mention counts are already real for any actor: they
//! are the month facet of a search for the actor's names ([`mentions_by_month`]).

use crate::ApiError;
use crate::api::types::{
    ActorDetail, ActorProfile, ActorsResponse, Certainty, FacetCount, MonthPoint,
};
use crate::data::{events, quotes};
use marsad_index::{SearchRequest, Store};
use std::collections::BTreeMap;

/// Filters of the actor list.
#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    /// Part of a name or alias.
    pub q: Option<String>,
    /// Actor type.
    pub kind: Option<String>,
    /// Actors to skip.
    pub offset: usize,
    /// Actors to return.
    pub limit: usize,
}

/// Actors matching `filter`, most mentioned first.
pub fn list(_store: &Store, _filter: &ActorFilter) -> Result<ActorsResponse, ApiError> {
    Ok(ActorsResponse {
        total: 0,
        actors: Vec::new(),
    })
}

/// The actor with `id`.
pub fn get(_store: &Store, _id: &str) -> Result<Option<ActorDetail>, ApiError> {
    Ok(None)
}

/// Actors in the registry (`None`: actor resolution has not run on this store).
pub fn count(_store: &Store) -> Result<Option<u64>, ApiError> {
    Ok(None)
}

/// Actor counts over the articles matching a search (the search page's actor facet).
pub fn facet(_store: &Store, _query: &str) -> Result<Vec<FacetCount>, ApiError> {
    Ok(Vec::new())
}

/// The query that finds articles naming the actor: any of its names, as phrases.
pub fn query_for(actor: &ActorDetail) -> String {
    let mut names: Vec<&str> = std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .iter()
        .map(|n| format!("\"{}\"", n.replace('"', " ")))
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// Articles naming the actor, by month (`YYYY-MM`), from the search index.
pub fn mentions_by_month(store: &Store, actor: &ActorDetail) -> Result<Vec<(String, u64)>, ApiError> {
    let query = query_for(actor);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut request = SearchRequest::new(query);
    request.limit = 1;
    request.facets = true;
    request.snippets = false;
    let results = store.search(&request)?;
    Ok(results.facets.map(|f| f.months).unwrap_or_default())
}

/// The profile of actor `id`: who, mentions and events by month, counterparts, quotes.
pub fn profile(store: &Store, id: &str) -> Result<Option<ActorProfile>, ApiError> {
    let Some(actor) = get(store, id)? else {
        return Ok(None);
    };
    let mut months: BTreeMap<String, MonthPoint> = BTreeMap::new();
    let point = |month: &str| MonthPoint {
        month: month.to_string(),
        mentions: 0,
        events: 0,
        cooperation: 0,
        conflict: 0,
    };
    for (month, n) in mentions_by_month(store, &actor)? {
        months.entry(month.clone()).or_insert_with(|| point(&month)).mentions = n;
    }
    for p in events::by_month(store, &actor.id)? {
        let e = months.entry(p.month.clone()).or_insert_with(|| point(&p.month));
        e.events = p.events;
        e.cooperation = p.cooperation;
        e.conflict = p.conflict;
    }
    let counterparts = events::counterparts(store, &actor.id)?;
    let said = quotes::by_actor(store, &actor.id, None::<Certainty>, 0, 20)?;
    Ok(Some(ActorProfile {
        actor,
        timeline: months.into_values().collect(),
        counterparts,
        quotes: said.quotes,
    }))
}
