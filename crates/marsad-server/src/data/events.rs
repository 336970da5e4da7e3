//! Events: per article (tied to their evidence sentence), the filtered list behind the
//! events explorer and its CSV export, per-actor monthly counts and counterparts, and the
//! event edges of the actor graph.
//!
//! Everything comes from the store's event tables (`marsad_index::events`), which ingest
//! fills from `marsad_extract`'s event extraction: mentions (one per event per article,
//! listed here), clusters (one event across articles: what actor timelines, counterparts
//! and graph edges count) and the graph's edges. An article's own events are read from its
//! stored record.

use crate::ApiError;
use crate::api::types::{
    ActorRef, Certainty, Counterpart, EventItem, EventSpan, FacetCount, GraphEdge, MonthPoint,
    Party, Polarity, Provenance, Span,
};
use chrono::NaiveDate;
use marsad_core::{Actor, Argument, Article, CertaintyLabel, Event, EventType};
use marsad_index::Store;
use std::collections::BTreeMap;

/// Filters of the events explorer and the graph.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Event types (any of them).
    pub types: Vec<String>,
    /// Certainty label.
    pub certainty: Option<Certainty>,
    /// Actor id, as source or target.
    pub actor: Option<String>,
    /// Earliest event day.
    pub from: Option<NaiveDate>,
    /// Latest event day, inclusive.
    pub to: Option<NaiveDate>,
    /// Only events of articles of this genre.
    pub genre: Option<marsad_core::Genre>,
    /// Events to skip.
    pub offset: usize,
    /// Events to return.
    pub limit: usize,
}

/// PLOVER types from their names; an unknown name is a bad request.
fn types_of(names: &[String]) -> Result<Vec<EventType>, ApiError> {
    names
        .iter()
        .map(|n| {
            EventType::parse(n).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "event type {n:?}: one of {}",
                    EventType::ALL.map(EventType::name).join(", ")
                ))
            })
        })
        .collect()
}

fn label_of(c: Certainty) -> CertaintyLabel {
    match c {
        Certainty::Confirmed => CertaintyLabel::Confirmed,
        Certainty::Reported => CertaintyLabel::Reported,
        Certainty::Expected => CertaintyLabel::Expected,
        Certainty::Possible => CertaintyLabel::Possible,
        Certainty::Denied => CertaintyLabel::Denied,
    }
}

fn polarity(kind: EventType) -> Polarity {
    if kind.quad().is_cooperation() {
        Polarity::Cooperation
    } else {
        Polarity::Conflict
    }
}

/// An event as the API shows it. Every party the text names is kept; `name_of` gives a
/// resolved one its actor's name.
fn span(id: String, e: &Event, name_of: &dyn Fn(&Argument, &str) -> String) -> EventSpan {
    let party = |a: &Option<Argument>| {
        a.as_ref().map(|a| Party {
            id: a.actor.clone(),
            name: a
                .actor
                .as_deref()
                .map_or_else(|| a.name.clone(), |id| name_of(a, id)),
            span: Span {
                start: a.start,
                end: a.end,
            },
        })
    };
    EventSpan {
        id,
        event_type: e.kind.name().to_string(),
        polarity: Some(polarity(e.kind)),
        certainty: e.certainty.label.into(),
        date: e.date.as_ref().and_then(|d| d.value.clone()),
        source: party(&e.source),
        target: party(&e.target),
        location: party(&e.location),
        evidence: Span {
            start: e.start,
            end: e.end,
        },
        text: e.sentence.clone(),
    }
}

fn index_filter(filter: &EventFilter) -> Result<marsad_index::EventFilter, ApiError> {
    Ok(marsad_index::EventFilter {
        actors: filter.actor.iter().cloned().collect(),
        types: types_of(&filter.types)?,
        certainty: filter.certainty.map(label_of),
        from: filter.from,
        to: filter.to,
        genre: filter.genre,
        offset: filter.offset,
        limit: Some(filter.limit),
        ..marsad_index::EventFilter::default()
    })
}

/// A page of events matching `filter`, latest first, with the total and counts by type.
pub fn list(
    store: &Store,
    filter: &EventFilter,
) -> Result<(usize, Vec<EventItem>, Vec<FacetCount>), ApiError> {
    let page = store.events(&index_filter(filter)?)?;
    let ids: Vec<String> = page
        .events
        .iter()
        .flat_map(|s| [&s.event.source, &s.event.target])
        .flatten()
        .filter_map(|a| a.actor.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let names: BTreeMap<String, String> = ids
        .iter()
        .cloned()
        .zip(store.actor_names(&ids)?)
        .filter_map(|(id, name)| Some((id, name?)))
        .collect();
    let name_of = |a: &Argument, id: &str| names.get(id).cloned().unwrap_or_else(|| a.name.clone());
    let items = page
        .events
        .into_iter()
        .map(|s| EventItem {
            event: span(s.id, &s.event, &name_of),
            article: crate::api::types::ArticleRef {
                id: s.article_id,
                title: s.title,
                outlet: s.outlet,
                published: s.published,
            },
        })
        .collect();
    let types = page
        .by_type
        .into_iter()
        .map(|(t, n)| FacetCount {
            value: t.name().to_string(),
            label: None,
            count: n,
        })
        .collect();
    Ok((page.total as usize, items, types))
}

/// The events of one article, and where they came from: its stored record (the store's
/// event tables hold the same events, with these ids), or nothing when event extraction has
/// not run on this store.
pub fn for_article(store: &Store, article: &Article) -> (Vec<EventSpan>, Provenance) {
    let extracted = !article.events.is_empty() || store.has_events().unwrap_or(false);
    if !extracted {
        return (Vec::new(), Provenance::Unavailable);
    }
    let by_id: BTreeMap<&str, &Actor> = article.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let name_of = |a: &Argument, id: &str| {
        by_id
            .get(id)
            .map_or_else(|| a.name.clone(), |x| x.name.clone())
    };
    let mut spans: Vec<EventSpan> = article
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            span(
                marsad_index::events::mention_id(&article.id, i),
                e,
                &name_of,
            )
        })
        .collect();
    spans.sort_by_key(|s| (s.evidence.start, s.evidence.end));
    (spans, Provenance::Stored)
}

/// Stored event mentions (`None`: no event was ever stored, i.e. event extraction has not
/// run on this store or found nothing).
pub fn count(store: &Store) -> Result<Option<u64>, ApiError> {
    let (mentions, _) = store.event_counts()?;
    Ok((mentions > 0).then_some(mentions))
}

/// The PLOVER name of an event type given in any case (`consult` → `CONSULT`); a 400 for
/// anything else.
pub fn type_name(name: &str) -> Result<&'static str, ApiError> {
    Ok(types_of(&[name.to_string()])?[0].name())
}

/// Events of actor `id` by month (only `month`, `events`, `cooperation`, `conflict` set).
pub fn by_month(store: &Store, actor: &str) -> Result<Vec<MonthPoint>, ApiError> {
    Ok(store
        .actor_event_months(&[actor.to_string()])?
        .into_iter()
        .map(|m| MonthPoint {
            month: m.month,
            mentions: 0,
            events: m.events,
            cooperation: m.cooperation,
            conflict: m.conflict,
        })
        .collect())
}

/// The actors that actor `id` acted with or on, most events first.
pub fn counterparts(store: &Store, actor: &str) -> Result<Vec<Counterpart>, ApiError> {
    Ok(store
        .event_counterparts(&[actor.to_string()])?
        .into_iter()
        .map(|c| Counterpart {
            actor: ActorRef {
                id: c.actor,
                name: c.name,
            },
            articles: 0,
            events: c.events,
            cooperation: c.cooperation,
            conflict: c.conflict,
        })
        .collect())
}

/// Event edges between actors matching `filter` (offset and limit ignored): with an actor,
/// its edges and those among its counterparts; else every edge. `events`, `cooperation` and
/// `conflict` count both directions of a pair together (the source is the side that acted
/// more often); `articles` is zero, the graph merges co-mentions in.
pub fn edges(store: &Store, filter: &EventFilter) -> Result<Vec<GraphEdge>, ApiError> {
    let g = store.event_graph(&marsad_index::GraphFilter {
        actors: filter.actor.iter().cloned().collect(),
        depth: 1,
        from: filter.from,
        to: filter.to,
        types: types_of(&filter.types)?,
        certainty: filter.certainty.map(label_of),
        genre: filter.genre,
    })?;
    // Both directions of a pair become one edge.
    let mut pairs: BTreeMap<(String, String), (GraphEdge, u64, u64)> = BTreeMap::new();
    for e in g.edges {
        let forward = e.source < e.target;
        let key = if forward {
            (e.source.clone(), e.target.clone())
        } else {
            (e.target.clone(), e.source.clone())
        };
        let entry = pairs.entry(key.clone()).or_insert_with(|| {
            (
                GraphEdge {
                    source: key.0.clone(),
                    target: key.1.clone(),
                    weight: 0,
                    articles: 0,
                    events: 0,
                    cooperation: 0,
                    conflict: 0,
                },
                0,
                0,
            )
        });
        entry.0.events += e.events;
        entry.0.weight += e.events;
        entry.0.cooperation += e.cooperation;
        entry.0.conflict += e.conflict;
        if forward {
            entry.1 += e.events;
        } else {
            entry.2 += e.events;
        }
    }
    Ok(pairs
        .into_values()
        .map(|(mut e, forward, backward)| {
            if backward > forward {
                std::mem::swap(&mut e.source, &mut e.target);
            }
            e
        })
        .collect())
}
