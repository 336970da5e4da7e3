//! The actor graph: actors as nodes; an edge joins two actors named in the same articles
//! (`articles`) or party to events together (`events`, `cooperation`, `conflict`).
//!
//! Co-mentions come from the search index (a search restricted to each actor, read through
//! its actor facet, which holds the 20 actors most often named with it); event edges from
//! [`events::edges`]. With an event-type, certainty or genre filter only event edges are kept,
//! since co-mentions have none of them.

use crate::ApiError;
use crate::api::types::{Graph, GraphEdge, GraphNode};
use crate::data::actors;
use crate::data::events::{self, EventFilter};
use marsad_index::Store;
use std::collections::{BTreeMap, BTreeSet};

/// How many actors the whole-store graph shows (the most mentioned).
pub const TOP_ACTORS: usize = 40;

/// The graph for `filter`: the ego network of `filter.actor` (it, the actors named with
/// it, and the edges among them), or the network of the most mentioned actors.
pub fn graph(store: &Store, filter: &EventFilter) -> Result<Graph, ApiError> {
    let events_only =
        !filter.types.is_empty() || filter.certainty.is_some() || filter.genre.is_some();
    // Nodes: (id → (name, type, articles)).
    let mut nodes: BTreeMap<String, (String, String, u64)> = BTreeMap::new();
    match &filter.actor {
        Some(id) => {
            let Some(a) = actors::get(store, id)? else {
                return Err(ApiError::not_found(format!("no actor with id {id:?}")));
            };
            nodes.insert(a.id.clone(), (a.name, a.kind, a.articles));
            if !events_only {
                let (_, with) = actors::mentions(store, id, filter.from, filter.to)?;
                for (other, _) in with {
                    nodes
                        .entry(other.id.clone())
                        .or_insert((other.name, String::new(), 0));
                }
            }
        }
        None => {
            for s in actors::top(store, TOP_ACTORS)? {
                nodes.insert(
                    s.actor.id.clone(),
                    (
                        s.actor.name.clone(),
                        s.actor.kind.name().to_string(),
                        s.articles,
                    ),
                );
            }
        }
    }
    let mut edges: BTreeMap<(String, String), GraphEdge> = BTreeMap::new();
    if !events_only {
        let ids: BTreeSet<String> = nodes.keys().cloned().collect();
        for id in &ids {
            let (_, with) = actors::mentions(store, id, filter.from, filter.to)?;
            for (other, n) in with {
                if !ids.contains(&other.id) {
                    continue;
                }
                let key = if *id < other.id {
                    (id.clone(), other.id.clone())
                } else {
                    (other.id.clone(), id.clone())
                };
                edges.entry(key.clone()).or_insert(GraphEdge {
                    source: key.0,
                    target: key.1,
                    weight: n,
                    articles: n,
                    events: 0,
                    cooperation: 0,
                    conflict: 0,
                });
            }
        }
    }
    for e in events::edges(store, filter)? {
        let key = if e.source < e.target {
            (e.source.clone(), e.target.clone())
        } else {
            (e.target.clone(), e.source.clone())
        };
        let entry = edges.entry(key).or_insert(GraphEdge {
            articles: 0,
            ..e.clone()
        });
        entry.source = e.source.clone();
        entry.target = e.target.clone();
        entry.events = e.events;
        entry.cooperation = e.cooperation;
        entry.conflict = e.conflict;
        entry.weight = e.events;
    }
    // Fill in the type and counts of nodes met only as counterparts, and any event node.
    let missing: Vec<String> = edges
        .values()
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .filter(|id| nodes.get(id).is_none_or(|n| n.1.is_empty()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for id in missing {
        if let Some(a) = actors::get(store, &id)? {
            nodes.insert(id, (a.name, a.kind, a.articles));
        }
    }
    let linked: BTreeSet<&String> = edges
        .values()
        .flat_map(|e| [&e.source, &e.target])
        .collect();
    let keep_all = filter.actor.is_some();
    Ok(Graph {
        nodes: nodes
            .iter()
            .filter(|(id, _)| keep_all || linked.contains(id))
            .map(|(id, (label, kind, weight))| GraphNode {
                id: id.clone(),
                label: label.clone(),
                kind: kind.clone(),
                weight: *weight,
            })
            .collect(),
        edges: edges.into_values().collect(),
    })
}
