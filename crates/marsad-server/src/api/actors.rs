//! `GET /api/actors`, `GET /api/actors/{id}`, `GET /api/actors/{id}/quotes`.

use super::types::{ActorProfile, ActorsResponse, Certainty, QuotesResponse};
use super::{blocking, check_id, paging};
use crate::data::actors::{self, ActorFilter};
use crate::data::quotes;
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

/// Actor list parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActorsParams {
    /// Part of a name or alias.
    pub q: Option<String>,
    /// Actor type (`person`, `organization`, `country`, `group`…).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<String>,
    /// Page, from 1.
    pub page: Option<usize>,
    /// Actors per page, 1 to 100 (default 50).
    pub per_page: Option<usize>,
}

/// The actors, most mentioned first.
#[utoipa::path(
    get,
    path = "/api/actors",
    tag = "actors",
    params(ActorsParams),
    responses(
        (status = 200, description = "A page of actors (empty until actor resolution has run on the store)", body = ActorsResponse),
        (status = 400, description = "Bad parameter", body = crate::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<ActorsParams>, QueryRejection>,
) -> Result<Json<ActorsResponse>, ApiError> {
    let Query(p) = params?;
    let (_, per_page, offset) = paging(p.page, p.per_page, 50)?;
    let filter = ActorFilter {
        q: p.q.filter(|q| !q.trim().is_empty()),
        kind: p.kind.filter(|k| !k.trim().is_empty()),
        offset,
        limit: per_page,
    };
    let store = state.store.clone();
    Ok(Json(blocking(move || actors::list(&store, &filter)).await?))
}

/// An actor's profile: aliases, type, country, roles; mentions and events by month;
/// counterparts with cooperation and conflict counts; what they said.
#[utoipa::path(
    get,
    path = "/api/actors/{id}",
    tag = "actors",
    params(("id" = String, Path, description = "Actor id")),
    responses(
        (status = 200, description = "The profile", body = ActorProfile),
        (status = 400, description = "Malformed id", body = crate::ErrorBody),
        (status = 404, description = "No such actor", body = crate::ErrorBody),
    )
)]
pub async fn profile(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ActorProfile>, ApiError> {
    let Path(id) = id?;
    check_id(&id, "actor")?;
    let store = state.store.clone();
    let found = blocking(move || {
        actors::profile(&store, &id)?
            .ok_or_else(|| ApiError::not_found(format!("no actor with id {id:?}")))
    })
    .await?;
    Ok(Json(found))
}

/// Quote list parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuotesParams {
    /// Only quotes with this certainty.
    pub certainty: Option<Certainty>,
    /// Page, from 1.
    pub page: Option<usize>,
    /// Quotes per page, 1 to 100 (default 20).
    pub per_page: Option<usize>,
}

/// What an actor said, most recent first, with certainty.
#[utoipa::path(
    get,
    path = "/api/actors/{id}/quotes",
    tag = "actors",
    params(("id" = String, Path, description = "Actor id"), QuotesParams),
    responses(
        (status = 200, description = "A page of quotes", body = QuotesResponse),
        (status = 400, description = "Bad parameter", body = crate::ErrorBody),
        (status = 404, description = "No such actor", body = crate::ErrorBody),
    )
)]
pub async fn quotes(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<QuotesParams>, QueryRejection>,
) -> Result<Json<QuotesResponse>, ApiError> {
    let Path(id) = id?;
    let Query(p) = params?;
    check_id(&id, "actor")?;
    let (_, per_page, offset) = paging(p.page, p.per_page, 20)?;
    let store = state.store.clone();
    let page = blocking(move || {
        if actors::get(&store, &id)?.is_none() {
            return Err(ApiError::not_found(format!("no actor with id {id:?}")));
        }
        quotes::by_actor(&store, &id, p.certainty, offset, per_page)
    })
    .await?;
    Ok(Json(page))
}
