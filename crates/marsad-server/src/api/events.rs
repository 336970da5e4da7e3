//! `GET /api/events` (JSON or CSV) and `GET /api/graph` (JSON, GEXF or GraphML).

use super::types::{Certainty, EventItem, EventsResponse, Graph, Polarity};
use super::{blocking, check_id, day, paging};
use crate::data::events::{self, EventFilter};
use crate::graph_formats;
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// The most rows a CSV export holds.
pub const CSV_MAX_ROWS: usize = 100_000;

/// Output formats of the events list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventsFormat {
    /// A page of JSON.
    #[default]
    Json,
    /// Every matching event (up to 100,000) as CSV, ignoring paging.
    Csv,
}

/// Event filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsParams {
    /// Event types, comma-separated (`ACCUSE,THREATEN`).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub types: Option<String>,
    /// Certainty label.
    pub certainty: Option<Certainty>,
    /// Actor id, as source or target.
    pub actor: Option<String>,
    /// On or after: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// On or before (inclusive).
    pub to: Option<String>,
    /// Only events reported in `news` or in `opinion` articles (columns, editorials).
    pub genre: Option<String>,
    /// Page, from 1.
    pub page: Option<usize>,
    /// Events per page, 1 to 100 (default 50).
    pub per_page: Option<usize>,
    /// `json` (default) or `csv`.
    pub format: Option<EventsFormat>,
}

fn filter_of(p: &EventsParams) -> Result<EventFilter, ApiError> {
    let types = p
        .types
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>();
    for t in &types {
        if !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(ApiError::bad_request(format!(
                "event type {t:?}: letters, digits, '_' or '-'"
            )));
        }
    }
    let actor = p.actor.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if let Some(a) = actor {
        check_id(a, "actor")?;
    }
    Ok(EventFilter {
        types,
        certainty: p.certainty,
        actor: actor.map(str::to_string),
        from: day(p.from.as_deref(), false, "from")?,
        to: day(p.to.as_deref(), true, "to")?,
        genre: super::genre(p.genre.as_deref())?,
        offset: 0,
        limit: 0,
    })
}

/// Events, latest first, filtered by type, certainty, actor and date; as a page of JSON or
/// as a CSV file of every match.
#[utoipa::path(
    get,
    path = "/api/events",
    tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "A page of events (empty until event extraction has run on the store)", content(
            (EventsResponse = "application/json"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Bad parameter", body = crate::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<EventsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params?;
    let mut filter = filter_of(&p)?;
    let csv = p.format == Some(EventsFormat::Csv);
    let (page, per_page, offset) = paging(p.page, p.per_page, 50)?;
    if csv {
        filter.offset = 0;
        filter.limit = CSV_MAX_ROWS;
    } else {
        filter.offset = offset;
        filter.limit = per_page;
    }
    let store = state.store.clone();
    let (total, items, types) = blocking(move || events::list(&store, &filter)).await?;
    if csv {
        let mut response = to_csv(&items).into_response();
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        h.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"marsad-events.csv\""),
        );
        return Ok(response);
    }
    Ok(Json(EventsResponse {
        total,
        page,
        per_page,
        events: items,
        types,
    })
    .into_response())
}

/// The CSV columns.
pub const CSV_HEADER: &str = "id,date,type,polarity,certainty,source_id,source,target_id,target,location,article_id,article_title,outlet,published,evidence_start,evidence_end,evidence";

/// Events as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Arabic).
pub fn to_csv(items: &[EventItem]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for it in items {
        let e = &it.event;
        let polarity = match e.polarity {
            Some(Polarity::Cooperation) => "cooperation",
            Some(Polarity::Conflict) => "conflict",
            None => "",
        };
        let row = [
            e.id.as_str(),
            e.date.as_deref().unwrap_or(""),
            &e.event_type,
            polarity,
            e.certainty.name(),
            e.source
                .as_ref()
                .and_then(|a| a.id.as_deref())
                .unwrap_or(""),
            e.source.as_ref().map_or("", |a| a.name.as_str()),
            e.target
                .as_ref()
                .and_then(|a| a.id.as_deref())
                .unwrap_or(""),
            e.target.as_ref().map_or("", |a| a.name.as_str()),
            e.location.as_ref().map_or("", |a| a.name.as_str()),
            &it.article.id,
            &it.article.title,
            it.article.outlet.as_deref().unwrap_or(""),
            it.article.published.as_deref().unwrap_or(""),
            &e.evidence.start.to_string(),
            &e.evidence.end.to_string(),
            &e.text,
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a cell when needed, and defuses spreadsheet formulas (`=`, `+`, `-`, `@` first).
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Graph formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum GraphFormat {
    /// `{nodes, edges}`.
    #[default]
    Json,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// GraphML.
    Graphml,
}

/// Graph filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GraphParams {
    /// Event types, comma-separated.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub types: Option<String>,
    /// Certainty label.
    pub certainty: Option<Certainty>,
    /// Only this actor's ego network (actor id).
    pub actor: Option<String>,
    /// On or after.
    pub from: Option<String>,
    /// On or before (inclusive).
    pub to: Option<String>,
    /// Only events reported in `news` or in `opinion` articles (then only event edges).
    pub genre: Option<String>,
    /// `json` (default), `gexf` or `graphml`.
    pub format: Option<GraphFormat>,
}

/// The actor graph: actors as nodes; edges join actors named in the same articles and
/// actors party to events together (with cooperation and conflict counts). With `actor`,
/// its ego network; else the most mentioned actors. With `type`, `certainty` or `genre`,
/// only event edges.
#[utoipa::path(
    get,
    path = "/api/graph",
    tag = "events",
    params(GraphParams),
    responses(
        (status = 200, description = "The graph", content(
            (Graph = "application/json"),
            (String = "application/gexf+xml"),
            (String = "application/graphml+xml"),
        )),
        (status = 400, description = "Bad parameter", body = crate::ErrorBody),
        (status = 404, description = "No such actor", body = crate::ErrorBody),
    )
)]
pub async fn graph(
    State(state): State<AppState>,
    params: Result<Query<GraphParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params?;
    let filter = filter_of(&EventsParams {
        types: p.types.clone(),
        certainty: p.certainty,
        actor: p.actor.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        genre: p.genre.clone(),
        ..EventsParams::default()
    })?;
    let store = state.store.clone();
    let g: Graph = blocking(move || crate::data::graph::graph(&store, &filter)).await?;
    let (body, ct, file) = match p.format.unwrap_or_default() {
        GraphFormat::Json => return Ok(Json(g).into_response()),
        GraphFormat::Gexf => (
            graph_formats::gexf(&g),
            "application/gexf+xml; charset=utf-8",
            "attachment; filename=\"marsad-graph.gexf\"",
        ),
        GraphFormat::Graphml => (
            graph_formats::graphml(&g),
            "application/graphml+xml; charset=utf-8",
            "attachment; filename=\"marsad-graph.graphml\"",
        ),
    };
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    response
        .headers_mut()
        .insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(file));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{ArticleRef, EventSpan, Party, Span};

    #[test]
    fn csv_quotes_and_defuses() {
        assert_eq!(csv_cell("عادي"), "عادي");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("-2"), "'-2");
        let item = EventItem {
            event: EventSpan {
                id: "e1".into(),
                event_type: "ACCUSE".into(),
                polarity: Some(Polarity::Conflict),
                certainty: Certainty::Reported,
                date: Some("2024-03-05".into()),
                source: Some(Party {
                    id: Some("a1".into()),
                    name: "الحكومة".into(),
                    span: Span { start: 3, end: 10 },
                }),
                target: Some(Party {
                    id: None,
                    name: "مسلحون".into(),
                    span: Span { start: 12, end: 18 },
                }),
                location: None,
                evidence: Span { start: 3, end: 40 },
                text: "اتهم الوزير، بحسب مصادر، \"المملكة\"".into(),
            },
            article: ArticleRef {
                id: "f00".into(),
                title: "عنوان".into(),
                outlet: None,
                published: None,
            },
        };
        let csv = to_csv(&[item]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert!(lines[0].ends_with(CSV_HEADER));
        assert_eq!(
            lines[1],
            "e1,2024-03-05,ACCUSE,conflict,reported,a1,الحكومة,,مسلحون,,f00,عنوان,,,3,40,\"اتهم الوزير، بحسب مصادر، \"\"المملكة\"\"\""
        );
    }
}
