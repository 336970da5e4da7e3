//! `GET /api/search`: ranked, filtered, highlighted search with facets and paging.

use super::types::{FacetCount, SearchFacets, SearchHit, SearchResponse, Snippet, Span};
use super::{blocking, day, paging};
use crate::data::{actors, events};
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::NaiveDate;
use marsad_index::SearchRequest;
use serde::Deserialize;
use utoipa::IntoParams;

/// Search parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query in marsad's language: words (all must match), "phrases", a OR b,
    /// -excluded, outlet:"…", author:"…", tag:…, genre:…, title:word. Empty: every article.
    pub q: Option<String>,
    /// Only this outlet (a value of the outlet facet).
    pub outlet: Option<String>,
    /// Only this month, `YYYY-MM` (a value of the month facet).
    pub month: Option<String>,
    /// Only articles naming this actor (an actor id).
    pub actor: Option<String>,
    /// Only articles reporting an event of this type.
    pub event_type: Option<String>,
    /// Only `news` or only `opinion` (columns, editorials).
    pub genre: Option<String>,
    /// Published on or after: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Published on or before (inclusive): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Page, from 1.
    pub page: Option<usize>,
    /// Hits per page, 1 to 100 (default 20).
    pub per_page: Option<usize>,
    /// Whether to count hits by outlet, month, actor and event type (default true).
    pub facets: Option<bool>,
}

/// Searches the articles.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of hits with facets", body = SearchResponse),
        (status = 400, description = "Bad query or parameter", body = crate::ErrorBody),
        (status = 404, description = "Unknown actor", body = crate::ErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let Query(p) = params?;
    let (page, per_page, offset) = paging(p.page, p.per_page, 20)?;
    let mut from = day(p.from.as_deref(), false, "from")?;
    let mut to = day(p.to.as_deref(), true, "to")?;
    if let Some(m) = p.month.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        let bad = || ApiError::bad_request(format!("month={m:?}: use YYYY-MM"));
        if m.len() != 7 {
            return Err(bad());
        }
        let first = marsad_index::search::parse_day(m, false).ok_or_else(bad)?;
        let last = marsad_index::search::parse_day(m, true).ok_or_else(bad)?;
        from = Some(from.map_or(first, |f: NaiveDate| f.max(first)));
        to = Some(to.map_or(last, |t: NaiveDate| t.min(last)));
    }
    let genre = super::genre(p.genre.as_deref())?;
    let want_facets = p.facets.unwrap_or(true);
    let store = state.store.clone();
    let response = blocking(move || {
        let mut query = p.q.clone().unwrap_or_default().trim().to_string();
        if let Some(o) = p.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            query.push_str(&format!(" outlet:\"{}\"", o.replace('"', "")));
        }
        if let Some(g) = genre {
            query.push_str(&format!(" genre:{}", g.name()));
        }
        let actor = match p.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => {
                super::check_id(a, "actor")?;
                if actors::get(&store, a)?.is_none() {
                    return Err(ApiError::not_found(format!("no actor with id {a:?}")));
                }
                Some(a.to_string())
            }
            None => None,
        };
        let query = query.trim().to_string();
        let mut request = SearchRequest::new(query.clone());
        request.actor = actor;
        request.from = from;
        request.to = to;
        request.facets = want_facets;
        request.snippets = true;
        request.offset = offset;
        request.limit = per_page;
        if let Some(t) = p
            .event_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            request.event_types = vec![events::type_name(t)?.to_string()];
        }
        let r = store.search(&request)?;
        let (total, hits) = (r.total, r.hits);
        let facets = r.facets.map(|f| SearchFacets {
            outlets: counts(f.outlets),
            months: counts(f.months),
            actors: f
                .actors
                .into_iter()
                .map(|a| FacetCount {
                    value: a.id,
                    label: Some(a.name),
                    count: a.hits,
                })
                .collect(),
            event_types: counts(f.event_types),
            genres: counts(f.genres),
        });
        Ok(SearchResponse {
            query,
            total,
            page,
            per_page,
            hits: hits.into_iter().map(hit).collect(),
            facets,
        })
    })
    .await?;
    Ok(Json(response))
}

fn counts(pairs: Vec<(String, u64)>) -> Vec<FacetCount> {
    pairs
        .into_iter()
        .map(|(value, count)| FacetCount {
            value,
            label: None,
            count,
        })
        .collect()
}

fn hit(h: marsad_index::SearchHit) -> SearchHit {
    SearchHit {
        id: h.id,
        score: h.score,
        title: h.title,
        outlet: h.outlet,
        author: h.author,
        genre: h.genre,
        published: h.published,
        dup_of: h.dup_of,
        snippet: h.snippet.map(|s| Snippet {
            text: s.text,
            start: s.start,
            highlights: s
                .highlights
                .into_iter()
                .map(|r| Span {
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        }),
    }
}
