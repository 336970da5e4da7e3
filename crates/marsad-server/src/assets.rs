//! The web UI, compiled into the binary from `ui/`: nothing is read from disk or fetched
//! from the network at run time. Asset requests are answered from a fixed table, so no
//! path can reach the file system.
//!
//! The UI is a single page (`index.html`) with vanilla ES modules; the pages `/`,
//! `/article/{id}`, `/actors`, `/actor/{id}` and `/events` all serve it and the script
//! renders the page from the address.

use crate::{ApiError, AppState};
use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    /// Its name under `/assets/`.
    pub name: &'static str,
    /// Its Content-Type.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

macro_rules! asset {
    ($name:literal, $ct:literal) => {
        Asset {
            name: $name,
            content_type: $ct,
            bytes: include_bytes!(concat!("../ui/", $name)),
        }
    };
}

/// Every UI file.
pub static ASSETS: &[Asset] = &[
    asset!("index.html", "text/html; charset=utf-8"),
    asset!("app.css", "text/css; charset=utf-8"),
    asset!("app.js", "text/javascript; charset=utf-8"),
    asset!("api.js", "text/javascript; charset=utf-8"),
    asset!("i18n.js", "text/javascript; charset=utf-8"),
    asset!("dom.js", "text/javascript; charset=utf-8"),
    asset!("pages.js", "text/javascript; charset=utf-8"),
    asset!("timeline.js", "text/javascript; charset=utf-8"),
    asset!("network.js", "text/javascript; charset=utf-8"),
    asset!("icon.svg", "image/svg+xml"),
];

/// The asset called `name`.
pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// A stable validator for an asset: FNV-1a of its bytes.
fn etag(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{h:016x}\"")
}

fn respond(asset: &'static Asset, headers: &HeaderMap) -> Response {
    let tag = etag(asset.bytes);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        asset.bytes.into_response()
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    response
}

async fn page(headers: HeaderMap) -> Response {
    match find("index.html") {
        Some(a) => respond(a, &headers),
        None => ApiError::internal("the UI is missing from this build").into_response(),
    }
}

async fn file(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match find(&name) {
        Some(a) if a.name != "index.html" => respond(a, &headers),
        _ => ApiError::not_found(format!("no asset {name:?}")).into_response(),
    }
}

/// The UI routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(page))
        .route("/actors", get(page))
        .route("/events", get(page))
        .route("/article/{id}", get(page))
        .route("/actor/{id}", get(page))
        .route("/assets/{name}", get(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_embedded_and_the_page_links_them() {
        let index = std::str::from_utf8(find("index.html").unwrap().bytes).unwrap();
        assert!(index.contains("lang=\"ar\"") && index.contains("dir=\"rtl\""));
        for a in ASSETS {
            assert!(!a.bytes.is_empty(), "{} is empty", a.name);
        }
        // Every module the scripts import is in the table.
        for a in ASSETS.iter().filter(|a| a.name.ends_with(".js")) {
            let text = std::str::from_utf8(a.bytes).unwrap();
            for quote in ["from '", "from \""] {
                for (i, _) in text.match_indices(quote) {
                    let rest = &text[i + quote.len()..];
                    let target = rest.split(['\'', '"']).next().unwrap_or("");
                    let name = target.strip_prefix("./").unwrap_or_else(|| {
                        panic!("{}: relative import expected: {target}", a.name)
                    });
                    assert!(
                        find(name).is_some(),
                        "{} imports {name}, not embedded",
                        a.name
                    );
                }
            }
            // Nothing is fetched from elsewhere (the SVG namespace is a name, not a fetch).
            for (i, _) in text.match_indices("http") {
                let rest = &text[i..];
                let allowed = rest.starts_with("http://www.w3.org/") || !rest.contains("://");
                assert!(
                    allowed || !rest.starts_with("http://") && !rest.starts_with("https://"),
                    "{} refers to an outside address: {}",
                    a.name,
                    &rest[..rest.len().min(60)]
                );
            }
        }
        assert!(find("../Cargo.toml").is_none());
    }
}
