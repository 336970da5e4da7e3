//! The middleware that makes the server safe by default.
//!
//! * **Writes need a token.** `POST /api/articles` answers 403 `read_only` when no token is
//!   configured, 401 `missing_token` without `Authorization: Bearer …`, 401 `invalid_token`
//!   with a wrong one (compared in constant time). The check runs before the body is read.
//! * **Host check.** Bound to a loopback address, the server answers only requests whose
//!   `Host` is a loopback name (`localhost`, `127.0.0.1`, `[::1]`): a web page cannot use DNS
//!   rebinding to read the API through the user's browser (421 `bad_host`).
//! * **Limits.** Bodies over [`Config::body_limit`](crate::Config) get 413 (from the
//!   `Content-Length` before reading, or while reading a chunked body), after the token
//!   check; a request running past [`Config::request_timeout`](crate::Config) gets 503
//!   `timeout`.
//! * **No CORS** unless origins are configured; then only those origins, GET and POST.
//! * **Every refusal is JSON.** Whatever layer refuses (an unknown route, a wrong method, a
//!   limit), the response is `{"error": {"code", "message"}}` with the right status.
//! * **Static headers**: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
//!   `Referrer-Policy: no-referrer`, and a strict Content-Security-Policy (everything from
//!   this origin, nothing inline, nothing from elsewhere).
//!
//! Path traversal cannot happen: the server reads no files at run time. UI assets come from
//! a table compiled into the binary ([`crate::assets`]) and ids are checked against a
//! character set before they reach the store.

use crate::{ApiError, AppState};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Wraps the routes with every safety layer and the JSON fallback.
pub fn layers(routes: Router<AppState>, state: AppState) -> Router {
    let config = state.config.clone();
    let mut app = routes
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::cache::layer,
        ))
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(middleware::from_fn_with_state(state.clone(), limits))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn_with_state(state.clone(), host_check));
    if !config.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> = config
            .cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        app = app.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]),
        );
    }
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CONTENT_SECURITY_POLICY, CSP),
    ];
    for (name, value) in fixed {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    app.with_state(state)
}

/// Unknown routes: a JSON 404 that says where to look.
async fn fallback(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no route for {method} {}; the API is described at /api/openapi.json",
        uri.path()
    ))
}

/// Stops requests that run longer than the configured time.
async fn limits(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than {} s and was stopped; narrow it (fewer results, a date range) and retry",
                state.config.request_timeout.as_secs_f64()
            ),
        )
        .into_response(),
    }
}

/// Route middleware for routes that read a body: refuses a body declared larger than the
/// limit before reading it (a chunked body is cut off while it is read).
pub async fn declared_length(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let limit = state.config.body_limit;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large(limit).into_response();
    }
    next.run(request).await
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the request body is larger than the {limit} byte limit"),
    )
}

/// Rewrites any error response that is not already JSON into the JSON error shape.
async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("request refused")
            .to_string()
    } else {
        text
    };
    let mut out = ApiError::new(status, ApiError::code_for(status), message).into_response();
    // Keep headers such as Allow (405) and WWW-Authenticate (401).
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
}

/// On a loopback bind, only loopback host names are served (DNS rebinding defence).
async fn host_check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if state.config.bind.is_loopback() {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .or_else(|| request.uri().host());
        if let Some(host) = host {
            if !is_loopback_host(host) {
                return ApiError::new(
                    StatusCode::MISDIRECTED_REQUEST,
                    "bad_host",
                    format!(
                        "this server listens on a loopback address and answers only for localhost, not {host:?}"
                    ),
                )
                .into_response();
            }
        }
    }
    next.run(request).await
}

/// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
pub fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    let name = name.trim_end_matches('.');
    name.eq_ignore_ascii_case("localhost")
        || name.to_ascii_lowercase().ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Route middleware for writes: the token must be configured and presented.
pub async fn require_token(
    State(state): State<AppState>,
    request: Request<Body>,
    next: Next,
) -> Response {
    match check_token(state.config.token.as_deref(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => e.into_response(),
    }
}

/// Checks `Authorization: Bearer <token>` against the configured token.
pub fn check_token(configured: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = configured else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "read_only",
            "this server is read-only: start it with MARSAD_TOKEN or --token-file to accept uploads",
        ));
    };
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing_token",
            "send the token as `Authorization: Bearer <token>`",
        ));
    };
    let presented = value
        .to_str()
        .ok()
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .unwrap_or("");
    if presented.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing_token",
            "the Authorization header must be `Bearer <token>`",
        ));
    }
    if constant_time_eq(presented.as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "the token is not the one this server was started with",
        ))
    }
}

/// Compares without an early exit on the first differing byte.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i % b.len().max(1)).copied().unwrap_or(0));
    }
    diff == 0
}

/// The `413` error, for handlers that read a body.
pub(crate) fn payload_too_large(limit: usize) -> ApiError {
    too_large(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "localhost:8780",
            "127.0.0.1",
            "127.0.0.1:1",
            "[::1]:80",
            "[::1]",
            "app.localhost",
        ] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in [
            "example.com",
            "evil.example:8780",
            "10.0.0.1",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }

    #[test]
    fn tokens() {
        let mut h = HeaderMap::new();
        assert_eq!(
            check_token(None, &h).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            check_token(Some("s3cret"), &h).unwrap_err().code,
            "missing_token"
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic s3cret"),
        );
        assert_eq!(
            check_token(Some("s3cret"), &h).unwrap_err().code,
            "missing_token"
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cre"),
        );
        assert_eq!(
            check_token(Some("s3cret"), &h).unwrap_err().code,
            "invalid_token"
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret!"),
        );
        assert_eq!(
            check_token(Some("s3cret"), &h).unwrap_err().code,
            "invalid_token"
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer s3cret"),
        );
        assert!(check_token(Some("s3cret"), &h).is_ok());
        assert!(constant_time_eq(b"", b""));
        assert!(!constant_time_eq(b"a", b""));
    }
}
