//! `GET /api/stats`: what the store holds.

use super::blocking;
use super::types::{AnnotationCounts, FacetCount, StatsResponse};
use crate::data::{actors, events, quotes};
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::State;

/// Counts, date range, outlets, sizes and annotation counts.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "meta",
    responses((status = 200, description = "Store statistics", body = StatsResponse))
)]
pub async fn stats(State(state): State<AppState>) -> Result<Json<StatsResponse>, ApiError> {
    let store = state.store.clone();
    let writable = state.config.token.is_some() && state.ingest.is_some();
    let cache = state.counts.clone();
    let response = blocking(move || {
        let s = store.stats()?;
        let cached = cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .filter(|(articles, _)| *articles == s.articles);
        let annotations = match cached {
            Some((_, counts)) => counts,
            None => {
                let counts = AnnotationCounts {
                    actors: actors::count(&store)?,
                    quotes: quotes::count(&store)?,
                    events: events::count(&store)?,
                };
                *cache.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some((s.articles, counts.clone()));
                counts
            }
        };
        Ok(StatsResponse {
            articles: s.articles,
            duplicates: s.duplicates,
            files: s.files,
            failed_files: s.failed_files,
            earliest: s.earliest,
            latest: s.latest,
            outlets: s
                .outlets
                .into_iter()
                .map(|(value, count)| FacetCount {
                    value,
                    label: None,
                    count,
                })
                .collect(),
            index_bytes: s.index_bytes,
            db_bytes: s.db_bytes,
            annotations,
            writable,
            version: env!("CARGO_PKG_VERSION").to_string(),
        })
    })
    .await?;
    Ok(Json(response))
}
