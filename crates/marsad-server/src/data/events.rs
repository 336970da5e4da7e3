//! Events: per article (tied to their evidence sentence), the filtered list behind the
//! events explorer and its CSV export, per-actor monthly counts and counterparts, and the
//! event edges of the actor graph.
//!
//! Waits on event extraction: the store has no events table yet, so every list is empty
//! and every count zero. The handlers, filters, CSV, GEXF and GraphML writers around these
//! functions are complete; fill these functions from the events table when it lands.

use crate::ApiError;
use crate::api::types::{
    Certainty, Counterpart, EventItem, EventSpan, FacetCount, GraphEdge, MonthPoint, Provenance,
};
use chrono::NaiveDate;
use marsad_core::Article;
use marsad_index::Store;

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
    /// Events to skip.
    pub offset: usize,
    /// Events to return.
    pub limit: usize,
}

/// A page of events matching `filter`, latest first, with the total and counts by type.
pub fn list(
    _store: &Store,
    _filter: &EventFilter,
) -> Result<(usize, Vec<EventItem>, Vec<FacetCount>), ApiError> {
    Ok((0, Vec::new(), Vec::new()))
}

/// The events of one article, and where they came from.
pub fn for_article(_store: &Store, _article: &Article) -> (Vec<EventSpan>, Provenance) {
    (Vec::new(), Provenance::Unavailable)
}

/// Stored events (`None`: event extraction has not run on this store).
pub fn count(_store: &Store) -> Result<Option<u64>, ApiError> {
    Ok(None)
}

/// Ids of articles reporting an event of one of `types` (the search page's filter).
pub fn articles_with_types(_store: &Store, _types: &[String]) -> Result<Vec<String>, ApiError> {
    Ok(Vec::new())
}

/// Event-type counts over the articles matching a search (the search page's facet).
pub fn facet(_store: &Store, _query: &str) -> Result<Vec<FacetCount>, ApiError> {
    Ok(Vec::new())
}

/// Events of actor `id` by month (only `month`, `events`, `cooperation`, `conflict` set).
pub fn by_month(_store: &Store, _actor: &str) -> Result<Vec<MonthPoint>, ApiError> {
    Ok(Vec::new())
}

/// The actors that actor `id` acted with or on, most events first.
pub fn counterparts(_store: &Store, _actor: &str) -> Result<Vec<Counterpart>, ApiError> {
    Ok(Vec::new())
}

/// Event edges between actors matching `filter` (offset and limit ignored): `events`,
/// `cooperation` and `conflict` set, `articles` zero; the graph merges them with co-mentions.
pub fn edges(_store: &Store, _filter: &EventFilter) -> Result<Vec<GraphEdge>, ApiError> {
    Ok(Vec::new())
}
