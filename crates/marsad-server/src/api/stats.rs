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
    let response = blocking(move || {
        let s = store.stats()?;
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
            annotations: AnnotationCounts {
                actors: actors::count(&store)?,
                quotes: quotes::count(&store)?,
                events: events::count(&store)?,
            },
            writable,
            version: env!("CARGO_PKG_VERSION").to_string(),
        })
    })
    .await?;
    Ok(Json(response))
}
