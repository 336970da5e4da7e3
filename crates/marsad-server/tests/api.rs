//! The HTTP API end to end: an in-process server on a loopback port over a store holding
//! the demo corpus, real requests, and every refusal the server promises.

mod common;

use common::*;
use marsad_server::Config;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

const TOKEN: &str = "test-token-0123456789abcdef";

fn config() -> Config {
    Config::default()
}

fn writable() -> Config {
    Config {
        token: Some(TOKEN.to_string()),
        ..Config::default()
    }
}

fn ingest() -> Option<Arc<dyn marsad_server::Ingest>> {
    Some(Arc::new(TestIngest {
        delay: Duration::ZERO,
    }))
}

#[tokio::test]
async fn search_has_hits_highlights_facets_and_paging() {
    let store = shared_store();
    let s = start(store.clone(), config(), None).await;
    let q = "هدنة";
    let r = get(s.addr, &format!("/api/search?q={}", enc(q))).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    let total = v["total"].as_u64().unwrap();
    assert!(total >= 2, "{v}");
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, total.min(20));
    // Every highlight slices the snippet to a form of the query word, and the snippet is
    // the body at its char offset.
    let mut marked = 0;
    for h in hits {
        let id = h["id"].as_str().unwrap();
        let body = store.get(id).unwrap().unwrap().body;
        let sn = &h["snippet"];
        let text = sn["text"].as_str().unwrap();
        let start = sn["start"].as_u64().unwrap() as usize;
        assert_eq!(chars(&body, start, start + text.chars().count()), text);
        for hl in sn["highlights"].as_array().unwrap() {
            let w = chars(
                text,
                hl["start"].as_u64().unwrap() as usize,
                hl["end"].as_u64().unwrap() as usize,
            );
            assert!(w.contains("هدن"), "highlight {w:?} in {text:?}");
            marked += 1;
        }
    }
    assert!(marked > 0);
    // Facets count all matches.
    let f = &v["facets"];
    let sum = |k: &str| -> u64 {
        f[k].as_array()
            .unwrap()
            .iter()
            .map(|b| b["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("outlets"), total);
    assert_eq!(sum("months"), total, "every demo article is dated");
    assert_eq!(f["event_types"], serde_json::json!([]));
    // Each actor of the facet, used as a filter, gives its count.
    for b in f["actors"].as_array().unwrap() {
        let id = b["value"].as_str().unwrap();
        assert!(b["label"].as_str().is_some_and(|l| !l.is_empty()));
        let r = get(s.addr, &format!("/api/search?q={}&actor={id}", enc(q)))
            .await
            .json();
        assert_eq!(r["total"], b["count"], "actor {id}");
    }

    // Paging: one per page walks every hit once.
    let mut seen = HashSet::new();
    for page in 1..=total {
        let r = get(
            s.addr,
            &format!(
                "/api/search?q={}&per_page=1&page={page}&facets=false",
                enc(q)
            ),
        )
        .await;
        let v = r.json();
        assert!(v["facets"].is_null());
        assert_eq!(v["page"], page);
        seen.insert(v["hits"][0]["id"].as_str().unwrap().to_string());
    }
    assert_eq!(seen.len() as u64, total);
    let past = get(
        s.addr,
        &format!("/api/search?q={}&per_page=1&page={}", enc(q), total + 1),
    )
    .await
    .json();
    assert_eq!(past["hits"], serde_json::json!([]));
    assert_eq!(past["total"], total);
}

#[tokio::test]
async fn facet_filters_and_date_ranges_narrow_the_search() {
    let store = shared_store();
    let s = start(store, config(), None).await;
    let all = get(s.addr, "/api/search?per_page=1").await.json();
    let total = all["total"].as_u64().unwrap();
    assert!(total > 40, "an empty query lists every article: {all}");
    // Each outlet facet value, used as a filter, gives exactly its count.
    for b in all["facets"]["outlets"].as_array().unwrap() {
        let (outlet, n) = (b["value"].as_str().unwrap(), b["count"].as_u64().unwrap());
        let r = get(
            s.addr,
            &format!("/api/search?outlet={}&per_page=100", enc(outlet)),
        )
        .await
        .json();
        assert_eq!(r["total"], n, "outlet {outlet}");
        assert!(
            r["hits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["outlet"] == outlet)
        );
    }
    // Same for months; and a date range equal to the month gives the same count.
    for b in all["facets"]["months"].as_array().unwrap() {
        let (month, n) = (b["value"].as_str().unwrap(), b["count"].as_u64().unwrap());
        let r = get(s.addr, &format!("/api/search?month={month}&per_page=100"))
            .await
            .json();
        assert_eq!(r["total"], n, "month {month}");
        assert!(
            r["hits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["published"].as_str().unwrap().starts_with(month))
        );
        let r = get(
            s.addr,
            &format!("/api/search?from={month}&to={month}&per_page=1"),
        )
        .await
        .json();
        assert_eq!(r["total"], n, "range {month}");
    }
    // A month outside the range intersects to nothing.
    let r = get(s.addr, "/api/search?month=2024-03&from=2024-04-01")
        .await
        .json();
    assert_eq!(r["total"], 0);
    // The event-type filter keeps articles with such events: none are stored yet.
    let r = get(s.addr, "/api/search?event_type=ACCUSE").await.json();
    assert_eq!(r["total"], 0);
}

#[tokio::test]
async fn the_genre_facet_and_filter_find_the_column() {
    let s = start(shared_store(), config(), None).await;
    let all = get(s.addr, "/api/search").await.json();
    let genres = all["facets"]["genres"].as_array().unwrap();
    let count = |g: &str| {
        genres
            .iter()
            .find(|v| v["value"] == g)
            .map_or(0, |v| v["count"].as_u64().unwrap())
    };
    assert_eq!(count("opinion"), 1, "{genres:?}");
    assert_eq!(count("news") + 1, all["total"].as_u64().unwrap());
    let r = get(s.addr, "/api/search?genre=opinion").await.json();
    assert_eq!(r["total"], 1, "{r}");
    let hit = &r["hits"][0];
    assert_eq!(hit["genre"], "opinion");
    let article = get(
        s.addr,
        &format!("/api/articles/{}", hit["id"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(article["genre"], "opinion");
    assert_eq!(article["author"], "هالة المصري");
    let news = get(
        s.addr,
        "/api/search?genre=news&q=%D8%A7%D9%84%D8%B9%D9%81%D9%88",
    )
    .await
    .json();
    assert!(
        news["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["genre"] == "news"),
        "{news}"
    );
}

#[tokio::test]
async fn bad_search_parameters_are_400_json() {
    let s = start(shared_store(), config(), None).await;
    for (path, code) in [
        ("/api/search?page=0", "bad_request"),
        ("/api/search?per_page=0", "bad_request"),
        ("/api/search?per_page=101", "bad_request"),
        ("/api/search?page=100000&per_page=100", "bad_request"),
        ("/api/search?per_page=ten", "bad_request"),
        ("/api/search?from=2024-13", "bad_request"),
        ("/api/search?to=yesterday", "bad_request"),
        ("/api/search?month=2024", "bad_request"),
        ("/api/search?facets=maybe", "bad_request"),
        ("/api/search?q=outlet%3A", "bad_query"),
        ("/api/search?genre=column", "bad_request"),
        ("/api/events?genre=column", "bad_request"),
    ] {
        get(s.addr, path).await.assert_error(400, code);
    }
    get(s.addr, "/api/search?actor=nobody")
        .await
        .assert_error(404, "not_found");
    get(s.addr, "/api/search?actor=..%2Fetc")
        .await
        .assert_error(400, "bad_request");
}

#[tokio::test]
async fn article_has_spans_that_slice_its_body_and_its_copies() {
    let store = shared_store();
    let s = start(store.clone(), config(), None).await;
    let articles = common::demo_articles();
    let copy = articles
        .iter()
        .find(|a| a.dup_of.is_some())
        .expect("the demo has copies");
    let original_id = copy.dup_of.clone().unwrap();

    let v = get(s.addr, &format!("/api/articles/{original_id}"))
        .await
        .json();
    let body = v["body"].as_str().unwrap();
    assert_eq!(body, store.get(&original_id).unwrap().unwrap().body);
    let entities = v["entities"].as_array().unwrap();
    assert!(entities.len() >= 3, "{v}");
    for e in entities {
        let (a, b) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(body, a, b), e["text"].as_str().unwrap());
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["type"].as_str().unwrap()));
    }
    for q in v["quotes"].as_array().unwrap() {
        let (a, b) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(body, a, b), q["text"].as_str().unwrap());
        let cue = &q["cue_span"];
        assert_eq!(
            chars(
                body,
                cue["start"].as_u64().unwrap() as usize,
                cue["end"].as_u64().unwrap() as usize
            ),
            q["cue"].as_str().unwrap()
        );
    }
    assert!(["stored", "live"].contains(&v["annotations"]["entities"].as_str().unwrap()));
    // Entities resolved to actors point at stored actors.
    for e in entities.iter().filter(|e| e["actor"].is_string()).take(5) {
        let id = e["actor"].as_str().unwrap();
        assert_eq!(
            get(s.addr, &format!("/api/actors/{id}")).await.status,
            200,
            "{id}"
        );
    }
    assert_eq!(v["annotations"]["events"], "unavailable");
    assert_eq!(v["events"], serde_json::json!([]));
    let related = v["related"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["relation"] == "copy" && r["article"]["id"] == copy.id.as_str()),
        "{related:?}"
    );
    // The copy points back at its original.
    let c = get(s.addr, &format!("/api/articles/{}", copy.id))
        .await
        .json();
    assert!(
        c["related"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["relation"] == "original" && r["article"]["id"] == original_id.as_str())
    );

    // A unique prefix is enough; an unknown id is 404; a malformed one is 400.
    let prefix = &original_id[..10];
    assert_eq!(
        get(s.addr, &format!("/api/articles/{prefix}")).await.json()["id"],
        original_id.as_str()
    );
    get(s.addr, "/api/articles/ffffffffffffffff")
        .await
        .assert_error(404, "not_found");
    get(s.addr, "/api/articles/a%20b")
        .await
        .assert_error(400, "bad_request");
    // Several ids start with one hex digit among 54 articles.
    let digit_counts = articles
        .iter()
        .filter(|a| a.id.starts_with(&original_id[..1]))
        .count();
    let r = get(s.addr, &format!("/api/articles/{}", &original_id[..1])).await;
    if digit_counts > 1 {
        r.assert_error(409, "ambiguous_id");
    }
}

#[tokio::test]
async fn traversal_attempts_never_reach_a_file() {
    let s = start(shared_store(), config(), None).await;
    for path in [
        "/assets/../Cargo.toml",
        "/assets/..%2FCargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets//etc/passwd",
        "/assets/index.html",
        "/ui/app.js",
    ] {
        let r = get(s.addr, path).await;
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
        let v = r.json();
        assert!(v["error"]["code"].is_string(), "{path}: {v}");
        assert!(
            !r.text().contains("[package]") && !r.text().contains("root:"),
            "{path}"
        );
    }
    for path in [
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%2e%2e",
        "/api/actors/..%2Fx",
    ] {
        get(s.addr, path).await.assert_error(400, "bad_request");
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let s = start(shared_store(), config(), None).await;
    get(s.addr, "/api/nothing")
        .await
        .assert_error(404, "not_found");
    get(s.addr, "/nothing").await.assert_error(404, "not_found");
    let r = send(s.addr, "DELETE", "/api/stats", &[], None).await;
    r.assert_error(405, "method_not_allowed");
    assert!(r.header("allow").is_some_and(|a| a.contains("GET")));
    send(s.addr, "PUT", "/api/articles", &[], Some(b"x".to_vec()))
        .await
        .assert_error(405, "method_not_allowed");
}

#[tokio::test]
async fn uploads_need_a_configured_token_presented_as_bearer() {
    let article = serde_json::json!({
        "title": "بيان عن اختبار الرفع",
        "content": "قال المتحدث باسم اللجنة إن الاختبار نجح.\n\nوأضاف أن النتائج ستعلن غدا.",
        "published": "2024-12-31T10:00:00",
        "outlet": "وكالة الاختبار",
        "url": "https://upload.example/1"
    })
    .to_string()
    .into_bytes();
    let json = ("content-type", "application/json");

    // Read-only: no token configured.
    let ro = start(shared_store(), config(), ingest()).await;
    send(
        ro.addr,
        "POST",
        "/api/articles",
        &[json],
        Some(article.clone()),
    )
    .await
    .assert_error(403, "read_only");
    send(
        ro.addr,
        "POST",
        "/api/articles",
        &[json, ("authorization", &format!("Bearer {TOKEN}"))],
        Some(article.clone()),
    )
    .await
    .assert_error(403, "read_only");

    let (_dir, store) = demo_store();
    let before = store.count().unwrap();
    let s = start(store.clone(), writable(), ingest()).await;
    let r = send(
        s.addr,
        "POST",
        "/api/articles",
        &[json],
        Some(article.clone()),
    )
    .await;
    r.assert_error(401, "missing_token");
    assert!(
        r.header("www-authenticate")
            .is_some_and(|h| h.starts_with("Bearer"))
    );
    for bad in [
        "Bearer nope",
        "Basic dGVzdA==",
        "Bearer",
        &format!("Bearer {TOKEN}x"),
        &format!("Token {TOKEN}"),
    ] {
        let r = send(
            s.addr,
            "POST",
            "/api/articles",
            &[json, ("authorization", bad)],
            Some(article.clone()),
        )
        .await;
        assert_eq!(r.status, 401, "{bad}: {}", r.text());
        let code = r.json()["error"]["code"].as_str().unwrap().to_string();
        assert!(
            code == "invalid_token" || code == "missing_token",
            "{bad}: {code}"
        );
    }
    assert_eq!(
        store.count().unwrap(),
        before,
        "a refused upload stored something"
    );

    // A search before the upload is answered, then answered again from the cache.
    let probe = format!("/api/search?q={}", enc("اختبار الرفع"));
    let before_upload = get(s.addr, &probe).await;
    assert_eq!(before_upload.json()["total"], 0);
    assert_eq!(
        before_upload.header("x-marsad-cache").as_deref(),
        Some("miss")
    );
    let again = get(s.addr, &probe).await;
    assert_eq!(again.header("x-marsad-cache").as_deref(), Some("hit"));
    assert_eq!(again.body, before_upload.body);

    let auth = format!("Bearer {TOKEN}");
    let r = send(
        s.addr,
        "POST",
        "/api/articles",
        &[json, ("authorization", &auth)],
        Some(article.clone()),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    // The upload empties the cache: the same search now finds the article.
    let after = get(s.addr, &probe).await;
    assert_eq!(after.header("x-marsad-cache").as_deref(), Some("miss"));
    assert_eq!(after.json()["total"], 1, "{}", after.text());
    let report = r.json();
    assert_eq!(report["ingested"], 1, "{report}");
    let id = report["ids"][0].as_str().unwrap().to_string();
    assert_eq!(store.count().unwrap(), before + 1);
    let a = get(s.addr, &format!("/api/articles/{id}")).await.json();
    assert_eq!(a["title"], "بيان عن اختبار الرفع");
    assert_eq!(a["outlet"], "وكالة الاختبار");
    // Searchable once committed.
    let found = get(s.addr, &format!("/api/search?q={}", enc("اختبار الرفع")))
        .await
        .json();
    assert!(
        found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == id.as_str()),
        "{found}"
    );
    // The same upload again stores nothing new.
    let r = send(
        s.addr,
        "POST",
        "/api/articles",
        &[json, ("authorization", &auth)],
        Some(article),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["already_stored"], 1);

    // A raw file, with its name.
    let text = std::fs::read(demo_dir().join("001_sahil_talks.txt")).unwrap();
    let r = send(
        s.addr,
        "POST",
        "/api/articles?filename=001.txt",
        &[("content-type", "text/plain"), ("authorization", &auth)],
        Some(text),
    )
    .await;
    assert!(r.status == 200 || r.status == 201, "{}", r.text());
    assert_eq!(r.json()["read"], 1);
    // Bad names and empty bodies.
    send(
        s.addr,
        "POST",
        "/api/articles?filename=..%2F..%2Fx.txt",
        &[("authorization", &auth)],
        Some(b"x".to_vec()),
    )
    .await
    .assert_error(400, "bad_request");
    send(
        s.addr,
        "POST",
        "/api/articles",
        &[("authorization", &auth)],
        Some(Vec::new()),
    )
    .await
    .assert_error(400, "bad_request");
    // Garbage is 422.
    send(
        s.addr,
        "POST",
        "/api/articles?filename=x.bin",
        &[("authorization", &auth)],
        Some([0u8, 159, 146, 150, 0, 1, 2, 3].repeat(64)),
    )
    .await
    .assert_error(422, "unreadable");
}

#[tokio::test]
async fn bodies_over_the_limit_are_413_and_auth_comes_first() {
    let cfg = Config {
        body_limit: 1024,
        ..writable()
    };
    let s = start(shared_store(), cfg, ingest()).await;
    let big = vec![b'a'; 4096];
    let auth = format!("Bearer {TOKEN}");
    // Declared too large.
    send(
        s.addr,
        "POST",
        "/api/articles",
        &[("authorization", &auth)],
        Some(big.clone()),
    )
    .await
    .assert_error(413, "payload_too_large");
    // Without a token the refusal is 401, before the body is read.
    send(s.addr, "POST", "/api/articles", &[], Some(big.clone()))
        .await
        .assert_error(401, "missing_token");
    // Chunked (no Content-Length): refused while reading.
    let stream = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(conn);
    let req = hyper::Request::post("/api/articles")
        .header("host", "localhost")
        .header("authorization", &auth)
        .body(Chunks { left: 8 })
        .unwrap();
    let response = sender.send_request(req).await.unwrap();
    assert_eq!(response.status(), 413);
    assert!(
        response.headers().get("content-length").is_some()
            || response.headers().get("transfer-encoding").is_some()
    );
    use http_body_util::BodyExt;
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["error"]["code"], "payload_too_large");
}

/// A body of `left` chunks of 512 bytes, with no declared length (sent chunked).
struct Chunks {
    left: usize,
}

impl hyper::body::Body for Chunks {
    type Data = hyper::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        if self.left == 0 {
            return std::task::Poll::Ready(None);
        }
        self.left -= 1;
        std::task::Poll::Ready(Some(Ok(hyper::body::Frame::data(
            hyper::body::Bytes::from(vec![b'b'; 512]),
        ))))
    }
}

#[tokio::test]
async fn slow_requests_are_stopped_with_503() {
    let cfg = Config {
        request_timeout: Duration::from_millis(300),
        ..writable()
    };
    let slow: Option<Arc<dyn marsad_server::Ingest>> = Some(Arc::new(TestIngest {
        delay: Duration::from_secs(2),
    }));
    let s = start(shared_store(), cfg, slow).await;
    let started = std::time::Instant::now();
    let r = send(
        s.addr,
        "POST",
        "/api/articles",
        &[("authorization", &format!("Bearer {TOKEN}"))],
        Some(b"title".to_vec()),
    )
    .await;
    r.assert_error(503, "timeout");
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn foreign_hosts_are_refused_on_loopback() {
    let s = start(shared_store(), config(), None).await;
    send(
        s.addr,
        "GET",
        "/api/stats",
        &[("host", "evil.example")],
        None,
    )
    .await
    .assert_error(421, "bad_host");
    send(s.addr, "GET", "/", &[("host", "attacker.example:80")], None)
        .await
        .assert_error(421, "bad_host");
    for ok in ["localhost", "127.0.0.1:1234", "[::1]:8780"] {
        assert_eq!(
            send(s.addr, "GET", "/api/stats", &[("host", ok)], None)
                .await
                .status,
            200,
            "{ok}"
        );
    }
}

#[tokio::test]
async fn cors_only_when_configured() {
    let origin = ("origin", "https://intranet.example");
    let s = start(shared_store(), config(), None).await;
    let r = send(s.addr, "GET", "/api/stats", &[origin], None).await;
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
    let pre = send(
        s.addr,
        "OPTIONS",
        "/api/stats",
        &[origin, ("access-control-request-method", "GET")],
        None,
    )
    .await;
    assert!(pre.header("access-control-allow-origin").is_none());

    let cfg = Config {
        cors_origins: vec!["https://intranet.example".into()],
        ..config()
    };
    let s = start(shared_store(), cfg, None).await;
    let r = send(s.addr, "GET", "/api/stats", &[origin], None).await;
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("https://intranet.example")
    );
    let other = send(
        s.addr,
        "GET",
        "/api/stats",
        &[("origin", "https://other.example")],
        None,
    )
    .await;
    assert!(other.header("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn stats_actors_events_and_graph_answer_with_what_the_store_has() {
    let store = shared_store();
    let s = start(store.clone(), config(), None).await;
    let st = get(s.addr, "/api/stats").await.json();
    assert_eq!(st["articles"], store.count().unwrap());
    assert_eq!(
        st["duplicates"],
        common::demo_articles()
            .iter()
            .filter(|a| a.dup_of.is_some())
            .count()
    );
    assert_eq!(st["writable"], false);
    assert!(
        st.get("data_dir").is_none(),
        "the server must not reveal its paths"
    );
    let outlets: u64 = st["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["count"].as_u64().unwrap())
        .sum();
    assert_eq!(outlets, store.count().unwrap());

    let actors = get(s.addr, "/api/actors").await.json();
    assert_eq!(
        actors["total"].as_u64().unwrap() as usize,
        actors["actors"]
            .as_array()
            .unwrap()
            .len()
            .max(actors["total"].as_u64().unwrap() as usize)
    );
    get(s.addr, "/api/actors/0000000000000000")
        .await
        .assert_error(404, "not_found");
    get(s.addr, "/api/actors/0000000000000000/quotes")
        .await
        .assert_error(404, "not_found");
    get(s.addr, "/api/actors?per_page=500")
        .await
        .assert_error(400, "bad_request");

    let ev = get(
        s.addr,
        "/api/events?type=ACCUSE,THREATEN&certainty=confirmed&from=2024-01&to=2024-12",
    )
    .await
    .json();
    assert_eq!(
        ev["events"].as_array().unwrap().len() as u64,
        ev["total"].as_u64().unwrap().min(50)
    );
    get(s.addr, "/api/events?certainty=sure")
        .await
        .assert_error(400, "bad_request");
    get(s.addr, "/api/events?type=A%3BB")
        .await
        .assert_error(400, "bad_request");
    get(s.addr, "/api/events?format=pdf")
        .await
        .assert_error(400, "bad_request");
    let csv = get(s.addr, "/api/events?format=csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(
        csv.header("content-disposition")
            .unwrap()
            .contains("attachment")
    );
    let text = csv.text();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(header, marsad_server::api::events::CSV_HEADER);
    assert_eq!(text.lines().count() as u64, 1 + ev_total(&s).await);

    let g = get(s.addr, "/api/graph").await.json();
    assert!(g["nodes"].is_array() && g["edges"].is_array());
    let gexf = get(s.addr, "/api/graph?format=gexf").await;
    assert!(
        gexf.header("content-type")
            .unwrap()
            .starts_with("application/gexf+xml")
    );
    assert!(gexf.text().starts_with("<?xml") && gexf.text().contains("<gexf"));
    assert_eq!(
        gexf.text().matches("<node ").count(),
        g["nodes"].as_array().unwrap().len()
    );
    let graphml = get(s.addr, "/api/graph?format=graphml").await;
    assert!(graphml.text().contains("<graphml"));
    assert_eq!(
        graphml.text().matches("<edge ").count(),
        g["edges"].as_array().unwrap().len()
    );
}

#[tokio::test]
async fn actors_profiles_timelines_and_the_graph_agree_with_search() {
    let store = shared_store();
    let s = start(store.clone(), config(), None).await;
    let st = get(s.addr, "/api/stats").await.json();
    let listed = get(s.addr, "/api/actors?per_page=100").await.json();
    let actors = listed["actors"].as_array().unwrap();
    let total = listed["total"].as_u64().unwrap();
    assert!(
        st["annotations"]["actors"].as_u64().unwrap_or(0) >= total,
        "{st}"
    );
    assert!(total > 5, "the demo names many actors: {listed}");
    // Most mentioned first.
    let mentions: Vec<u64> = actors
        .iter()
        .map(|a| a["mentions"].as_u64().unwrap())
        .collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "{mentions:?}");
    // Paging and the name filter.
    let p2 = get(s.addr, "/api/actors?per_page=2&page=2").await.json();
    assert_eq!(p2["actors"][0]["id"], actors[2]["id"]);
    let top = &actors[0];
    let name = top["name"].as_str().unwrap();
    let found = get(s.addr, &format!("/api/actors?q={}", enc(name)))
        .await
        .json();
    assert!(
        found["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == top["id"]),
        "{found}"
    );
    let kind = top["type"].as_str().unwrap();
    let typed = get(s.addr, &format!("/api/actors?type={kind}&per_page=100"))
        .await
        .json();
    assert!(
        typed["actors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["type"] == kind)
    );
    get(s.addr, "/api/actors?type=alien")
        .await
        .assert_error(400, "bad_request");

    // The profile's timeline counts the articles a search for the actor finds.
    let id = top["id"].as_str().unwrap();
    let p = get(s.addr, &format!("/api/actors/{id}")).await.json();
    assert_eq!(p["actor"]["id"], id);
    assert_eq!(p["actor"]["articles"], top["articles"]);
    let searched = get(s.addr, &format!("/api/search?actor={id}&per_page=1"))
        .await
        .json();
    let by_month: u64 = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["mentions"].as_u64().unwrap())
        .sum();
    assert_eq!(by_month, searched["total"].as_u64().unwrap());
    assert_eq!(by_month, top["articles"].as_u64().unwrap());
    let months: Vec<&str> = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert!(months.windows(2).all(|w| w[0] < w[1]), "{months:?}");
    // Counterparts are the other actors of the search's actor facet.
    let facet: Vec<(String, u64)> = searched["facets"]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["value"] != id)
        .map(|b| {
            (
                b["value"].as_str().unwrap().to_string(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let counterparts = p["counterparts"].as_array().unwrap();
    assert_eq!(counterparts.len(), facet.len());
    for (other, n) in &facet {
        let c = counterparts
            .iter()
            .find(|c| c["actor"]["id"] == other.as_str())
            .unwrap();
        assert_eq!(c["articles"].as_u64().unwrap(), *n);
    }
    // Its ego graph: it, its counterparts, an edge to each.
    let g = get(s.addr, &format!("/api/graph?actor={id}")).await.json();
    let nodes: HashSet<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(nodes.contains(id));
    for (other, n) in &facet {
        assert!(nodes.contains(other.as_str()));
        let e = g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| {
                (e["source"] == id && e["target"] == other.as_str())
                    || (e["target"] == id && e["source"] == other.as_str())
            })
            .unwrap_or_else(|| panic!("no edge {id}–{other}"));
        assert_eq!(e["articles"].as_u64().unwrap(), *n);
    }
    for e in g["edges"].as_array().unwrap() {
        assert!(
            nodes.contains(e["source"].as_str().unwrap())
                && nodes.contains(e["target"].as_str().unwrap())
        );
    }
    get(s.addr, "/api/graph?actor=0000000000000000")
        .await
        .assert_error(404, "not_found");
    // Only event edges with an event filter (none stored yet).
    let ev = get(s.addr, &format!("/api/graph?actor={id}&type=ACCUSE"))
        .await
        .json();
    assert_eq!(ev["edges"].as_array().unwrap().len(), 0);
    // What they said: quotes linked to the actor, newest first.
    let q = get(s.addr, &format!("/api/actors/{id}/quotes?per_page=100"))
        .await
        .json();
    let dates: Vec<&str> = q["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["article"]["published"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    for x in q["quotes"].as_array().unwrap() {
        assert_eq!(x["quote"]["speaker_actor"], id);
    }
}

#[tokio::test]
async fn a_bare_surname_and_the_full_name_ending_in_it_are_offered_to_each_other() {
    let store = shared_store();
    let s = start(store.clone(), config(), None).await;
    let listed = get(s.addr, "/api/actors?type=person&per_page=100")
        .await
        .json();
    let people = listed["actors"].as_array().unwrap();
    let mut pairs = 0;
    for a in people {
        let id = a["id"].as_str().unwrap();
        let p = get(s.addr, &format!("/api/actors/{id}")).await.json();
        let name = p["actor"]["name"].as_str().unwrap().trim().to_string();
        for o in p["possibly_same"].as_array().unwrap() {
            let other = o["name"].as_str().unwrap().trim().to_string();
            assert_ne!(o["id"], p["actor"]["id"]);
            assert_eq!(o["type"], "person", "{o}");
            // One of the two is a single word that ends the other.
            let (short, long) = if name.contains(' ') {
                (&other, &name)
            } else {
                (&name, &other)
            };
            assert!(
                !short.contains(' ') && long.ends_with(&format!(" {short}")),
                "{name} / {other}"
            );
            // And the offer goes both ways.
            let back = get(
                s.addr,
                &format!("/api/actors/{}", o["id"].as_str().unwrap()),
            )
            .await
            .json();
            assert!(
                back["possibly_same"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["id"] == p["actor"]["id"]),
                "{other} does not offer {name} back"
            );
            pairs += 1;
        }
    }
    // The demo names its UN envoy in full in some articles and by surname alone in one.
    assert!(
        pairs > 0,
        "no person of the demo is offered as possibly the same"
    );
}

async fn ev_total(s: &TestServer) -> u64 {
    get(s.addr, "/api/events").await.json()["total"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn the_ui_is_embedded_rtl_and_cacheable() {
    let s = start(shared_store(), config(), None).await;
    for page in ["/", "/actors", "/events", "/article/abc", "/actor/abc"] {
        let r = get(s.addr, page).await;
        assert_eq!(r.status, 200, "{page}");
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert!(
            r.text().contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{page}"
        );
        assert!(
            r.header("content-security-policy")
                .unwrap()
                .contains("default-src 'self'")
        );
        assert_eq!(
            r.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }
    let js = get(s.addr, "/assets/app.js").await;
    assert_eq!(js.status, 200);
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    let etag = js.header("etag").unwrap();
    let again = send(
        s.addr,
        "GET",
        "/assets/app.js",
        &[("if-none-match", &etag)],
        None,
    )
    .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let css = get(s.addr, "/assets/app.css").await;
    assert!(css.text().contains("Noto Naskh Arabic"));
    assert!(
        !css.text().contains("@import") && !css.text().contains("url(http"),
        "no outside fonts"
    );
}
