//! The HTTP API: one file per resource, the routes, and the OpenAPI document generated from
//! the handlers' annotations and the types of [`types`].

pub mod actors;
pub mod articles;
pub mod events;
pub mod search;
pub mod stats;
pub mod types;

use crate::{ApiError, AppState, ErrorBody, ErrorDetail, IngestReport};
use axum::Json;
use axum::Router;
use axum::middleware;
use axum::routing::{get, post};
use chrono::NaiveDate;
use std::sync::Arc;
use utoipa::OpenApi;

/// The OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "marsad API",
        description = "The observatory's data: full-text search with facets and highlights, articles with their annotations as character spans, actors, events, the actor graph, quotes and store statistics. Every error is `{\"error\": {\"code\", \"message\"}}`.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        search::search,
        articles::article,
        articles::ingest,
        actors::list,
        actors::profile,
        actors::quotes,
        events::list,
        events::graph,
        stats::stats,
        openapi_json,
    ),
    components(schemas(ErrorBody, ErrorDetail, IngestReport)),
    modifiers(&BearerAuth),
    tags(
        (name = "search", description = "Full-text search"),
        (name = "articles", description = "Articles and their annotations"),
        (name = "actors", description = "Actors, their timelines, counterparts and quotes"),
        (name = "events", description = "Events and the actor graph"),
        (name = "meta", description = "The store and this API"),
    )
)]
#[derive(Debug)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, as served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// This API's OpenAPI 3.1 document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object))
)]
async fn openapi_json(
    axum::extract::State(doc): axum::extract::State<Arc<serde_json::Value>>,
) -> Json<serde_json::Value> {
    Json((*doc).clone())
}

/// Every API route.
pub fn routes(state: &AppState) -> Router<AppState> {
    let doc = Arc::new(serde_json::to_value(openapi()).unwrap_or_default());
    let openapi_route = Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .with_state(doc);
    Router::new()
        .route("/api/search", get(search::search))
        .route(
            "/api/articles",
            post(articles::ingest)
                .route_layer(middleware::from_fn_with_state(
                    state.clone(),
                    crate::security::declared_length,
                ))
                .route_layer(middleware::from_fn_with_state(
                    state.clone(),
                    crate::security::require_token,
                )),
        )
        .route("/api/articles/{id}", get(articles::article))
        .route("/api/actors", get(actors::list))
        .route("/api/actors/{id}", get(actors::profile))
        .route("/api/actors/{id}/quotes", get(actors::quotes))
        .route("/api/events", get(events::list))
        .route("/api/graph", get(events::graph))
        .route("/api/stats", get(stats::stats))
        .merge(openapi_route)
}

/// Runs store work on the blocking pool (tantivy and SQLite are synchronous), at most
/// [`store_workers`] requests at a time: the rest wait in line instead of sharing the cores
/// with dozens of threads, which keeps the slowest responses close to the typical ones.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| tokio::sync::Semaphore::new(store_workers()));
    let _permit = permits
        .acquire()
        .await
        .map_err(|_| ApiError::internal("the worker pool is closed"))?;
    tokio::task::spawn_blocking(f).await?
}

/// How many requests work on the store at once: twice the cores (a request also waits on
/// SQLite and the page cache, not only on a core).
pub fn store_workers() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get() * 2)
}

/// The largest page size.
pub const MAX_PER_PAGE: usize = 100;
/// How deep paging may go (`(page - 1) * per_page`).
pub const MAX_OFFSET: usize = 10_000;

/// Checks paging parameters; returns `(offset, per_page)`.
pub(crate) fn paging(
    page: Option<usize>,
    per_page: Option<usize>,
    default: usize,
) -> Result<(usize, usize, usize), ApiError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(default);
    if page == 0 {
        return Err(ApiError::bad_request("page counts from 1"));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(ApiError::bad_request(format!(
            "per_page must be between 1 and {MAX_PER_PAGE}"
        )));
    }
    let offset = (page - 1).saturating_mul(per_page);
    if offset > MAX_OFFSET {
        return Err(ApiError::bad_request(format!(
            "page too deep: at most {MAX_OFFSET} results can be skipped; narrow the query"
        )));
    }
    Ok((page, per_page, offset))
}

/// Parses a `from`/`to` bound (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub(crate) fn day(
    value: Option<&str>,
    end: bool,
    name: &str,
) -> Result<Option<NaiveDate>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => marsad_index::search::parse_day(v, end)
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad_request(format!("{name}={v:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
            }),
    }
}

/// Checks an id from a path: ids are short runs of letters, digits, `-` and `_`, so nothing
/// that reaches the store can name a path or inject anything.
pub(crate) fn check_id(id: &str, what: &str) -> Result<(), ApiError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':');
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "{what} ids are letters, digits, '-', '_' or ':' (at most 64): {id:?} is not one"
        )))
    }
}

/// A `genre` parameter: `news`, `opinion`, or empty for both.
pub(crate) fn genre(value: Option<&str>) -> Result<Option<marsad_core::Genre>, ApiError> {
    match value.map(str::trim).filter(|g| !g.is_empty()) {
        None => Ok(None),
        Some(g) => marsad_core::Genre::parse(g)
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(format!("genre={g:?}: use news or opinion"))),
    }
}

/// An article reference from a stored article.
pub(crate) fn article_ref(a: &marsad_core::Article) -> types::ArticleRef {
    types::ArticleRef {
        id: a.id.clone(),
        title: a.title.clone(),
        outlet: a.outlet.clone(),
        published: a.published.as_ref().map(|p| p.to_string()),
    }
}
