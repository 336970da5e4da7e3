//! `GET /api/articles/{id}`: one article with its annotations; `POST /api/articles`: add
//! articles (token required).

use super::types::{AnnotationSources, ArticleResponse, Diagnostic, Related, Relation};
use super::{article_ref, blocking, check_id};
use crate::data::{entities, events, quotes};
use crate::{ApiError, AppState, IngestReport};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use utoipa::IntoParams;

/// One article: metadata, body, entities, quotes and events as char spans of the body,
/// and its duplicates and syndicated copies. A unique prefix of the id is enough.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id, or a unique prefix of it")),
    responses(
        (status = 200, description = "The article", body = ArticleResponse),
        (status = 400, description = "Malformed id", body = crate::ErrorBody),
        (status = 404, description = "No such article", body = crate::ErrorBody),
        (status = 409, description = "The prefix matches several articles", body = crate::ErrorBody),
    )
)]
pub async fn article(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ArticleResponse>, ApiError> {
    let Path(id) = id?;
    check_id(&id, "article")?;
    let store = state.store.clone();
    let response = blocking(move || {
        let article = match store.get(&id)? {
            Some(a) => a,
            None => {
                let matches = store.resolve_id(&id)?;
                match matches.as_slice() {
                    [] => return Err(ApiError::not_found(format!("no article with id {id:?}"))),
                    [one] => store
                        .get(one)?
                        .ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))?,
                    many => {
                        return Err(ApiError::new(
                            StatusCode::CONFLICT,
                            "ambiguous_id",
                            format!(
                                "{id:?} is the start of several ids ({}); give more of it",
                                many.join(", ")
                            ),
                        ));
                    }
                }
            }
        };
        let mut related = Vec::new();
        if let Some(orig) = &article.dup_of {
            if let Some(o) = store.get(orig)? {
                related.push(Related {
                    relation: Relation::Original,
                    article: article_ref(&o),
                });
            }
            for sib in store.copies_of(orig)? {
                if sib != article.id {
                    if let Some(s) = store.get(&sib)? {
                        related.push(Related {
                            relation: Relation::Sibling,
                            article: article_ref(&s),
                        });
                    }
                }
            }
        }
        for copy in store.copies_of(&article.id)? {
            if let Some(c) = store.get(&copy)? {
                related.push(Related {
                    relation: Relation::Copy,
                    article: article_ref(&c),
                });
            }
        }
        let (entity_spans, live_entities, entities_from) = entities::for_article(&store, &article);
        let (quotes, quotes_from) = quotes::for_article(&store, &article, &live_entities);
        let (events, events_from) = events::for_article(&store, &article);
        Ok(ArticleResponse {
            id: article.id.clone(),
            title: article.title.clone(),
            url: article.url.clone(),
            outlet: article.outlet.clone(),
            author: article.author.clone(),
            published: article.published.as_ref().map(|p| p.to_string()),
            published_raw: article.published_raw.clone(),
            dateline: article.dateline.clone(),
            genre: article.genre.name().to_string(),
            tags: article.tags.clone(),
            language: article.language.clone(),
            format: article.format.name().to_string(),
            source: article.source.location.clone(),
            entities: entity_spans,
            quotes,
            events,
            related,
            diagnostics: article
                .diagnostics
                .iter()
                .map(|d| Diagnostic {
                    kind: d.kind.clone(),
                    message: d.message.clone(),
                })
                .collect(),
            annotations: AnnotationSources {
                entities: entities_from,
                quotes: quotes_from,
                events: events_from,
            },
            body: article.body,
        })
    })
    .await?;
    Ok(Json(response))
}

/// Upload parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IngestParams {
    /// The file name (its extension helps tell the format: `.txt`, `.html`, `.xml`,
    /// `.jsonl`, `.warc`, `.gz`, `.zst`). Default: from the Content-Type.
    pub filename: Option<String>,
}

/// Adds articles: a JSON object or array in the JSONL field mapping of docs/output.md
/// (`title`, `content`/`body`, `published`, `author`, `outlet`, `url`, `tags`…), or a raw
/// file in any format marsad reads (plain text, HTML, RSS/Atom, JSONL, WARC; gzip or zstd).
/// Duplicates of stored articles are linked to them. Requires the bearer token.
#[utoipa::path(
    post,
    path = "/api/articles",
    tag = "articles",
    params(IngestParams),
    request_body(
        description = "A JSON article (or array of them), or a raw file",
        content(
            (serde_json::Value = "application/json"),
            (Vec<u8> = "application/octet-stream"),
            (String = "text/plain"),
            (String = "text/html"),
            (String = "application/rss+xml"),
        )
    ),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "At least one new article was stored", body = IngestReport),
        (status = 200, description = "Read, but nothing new (already stored)", body = IngestReport),
        (status = 400, description = "Empty body or bad file name", body = crate::ErrorBody),
        (status = 401, description = "Missing or wrong token", body = crate::ErrorBody),
        (status = 403, description = "The server is read-only (no token configured)", body = crate::ErrorBody),
        (status = 409, description = "Another process is writing to the store", body = crate::ErrorBody),
        (status = 413, description = "Body over the limit", body = crate::ErrorBody),
        (status = 422, description = "Nothing in the upload could be read", body = crate::ErrorBody),
    )
)]
pub async fn ingest(
    State(state): State<AppState>,
    params: Result<Query<IngestParams>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestReport>), ApiError> {
    let Query(p) = params?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            crate::security::payload_too_large(state.config.body_limit)
        } else {
            ApiError::from(e)
        }
    })?;
    if body.is_empty() {
        return Err(ApiError::bad_request("the request body is empty"));
    }
    let name = match p.filename.as_deref() {
        Some(n) => safe_name(n)?,
        None => default_name(&headers),
    };
    let Some(ingest) = state.ingest.clone() else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "this server was started without an ingest pipeline",
        ));
    };
    let _one_at_a_time = state.ingest_lock.lock().await;
    let store = state.store.clone();
    // Not through `blocking`: an upload may take seconds and must not hold a reader's place.
    let result =
        match tokio::task::spawn_blocking(move || ingest.ingest(&store, &name, &body)).await {
            Ok(r) => r,
            Err(e) => Err(ApiError::from(e)),
        };
    // Whatever happened, the store may have changed.
    state.stamp.invalidate();
    state.cache.clear();
    let report = result?;
    if report.read > 0 && report.read == report.failed {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            format!(
                "nothing in the upload could be read: {}",
                report.errors.join("; ")
            ),
        ));
    }
    let status = if report.ingested + report.duplicate > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)))
}

/// The upload's base name, limited to a safe character set.
fn safe_name(name: &str) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let ok = !base.is_empty()
        && base.len() <= 128
        && !base.starts_with('.')
        && base
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok && base == name {
        Ok(base.to_string())
    } else {
        Err(ApiError::bad_request(format!(
            "filename {name:?}: a plain file name (letters, digits, '.', '-', '_'), no directories"
        )))
    }
}

/// A file name whose extension matches the Content-Type.
fn default_name(headers: &HeaderMap) -> String {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let ext = match ct.as_str() {
        "application/json" => "json",
        "application/x-ndjson" | "application/jsonl" => "jsonl",
        "text/html" | "application/xhtml+xml" => "html",
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => "xml",
        "text/plain" => "txt",
        "application/gzip" => "gz",
        "application/zstd" => "zst",
        "application/warc" => "warc",
        _ => "bin",
    };
    format!("upload.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(safe_name("a.html").unwrap(), "a.html");
        assert_eq!(safe_name("خبر_1.txt").unwrap(), "خبر_1.txt");
        for bad in [
            "../a.txt",
            "/etc/passwd",
            "a/b.txt",
            "..",
            ".hidden",
            "a b.txt",
            "",
            "a\\b",
        ] {
            assert!(safe_name(bad).is_err(), "{bad}");
        }
    }
}
