//! The event endpoints over a store written here (see `common::events`): the events list
//! and its filters, paging and CSV, an article's events, the search page's event-type filter
//! and facet, actor timelines and counterparts, and the graph with its exports.

mod common;
#[path = "../../marsad-index/tests/xml_check/mod.rs"]
mod xml_check;

use common::events::{ARMY, GOV, UN, events_store};
use common::*;
use marsad_server::Config;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

fn ids(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_events_list_filters_pages_and_exports() {
    let (_dir, store) = events_store();
    let s = start(store.clone(), Config::default(), None).await;
    let all = get(s.addr, "/api/events").await;
    assert_eq!(all.status, 200, "{}", all.text());
    let all = all.json();
    assert_eq!(all["total"], 7);
    let types: BTreeMap<String, u64> = all["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["value"].as_str().unwrap().to_string(),
                t["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        types,
        BTreeMap::from(
            [
                ("ASSAULT", 3),
                ("ACCUSE", 1),
                ("CONSULT", 1),
                ("AGREE", 1),
                ("AID", 1)
            ]
            .map(|(k, v)| (k.to_string(), v))
        )
    );
    // Latest first: the aid of April 6th, then the two events of April 5th.
    let order = ids(&all);
    assert_eq!(order[0], "e5-0");
    assert_eq!(order.last().map(String::as_str), Some("e1-0"), "{order:?}");
    // Parties: resolved actors with their names; the unknown gunmen are no actor, but they
    // are still shown, by their words and where those are.
    let by_id = |id: &str| -> Value {
        all["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .cloned()
            .unwrap()
    };
    let e3 = by_id("e3-0");
    assert!(e3["source"]["id"].is_null(), "{e3}");
    assert_eq!(e3["source"]["name"], "مسلحون مجهولون");
    let at = |v: &Value| v.as_u64().unwrap() as usize;
    let from = at(&e3["evidence"]["start"]);
    let words: String = e3["text"]
        .as_str()
        .unwrap()
        .chars()
        .skip(at(&e3["source"]["span"]["start"]) - from)
        .take(at(&e3["source"]["span"]["end"]) - at(&e3["source"]["span"]["start"]))
        .collect();
    assert_eq!(words, "مسلحون مجهولون", "the span points at the words");
    assert!(e3["location"].is_null());
    assert_eq!(e3["target"]["id"], ARMY);
    assert_eq!(e3["target"]["name"], "جيش الشمال");
    assert_eq!(e3["polarity"], "conflict");
    assert_eq!(e3["article"]["id"], "e3");
    let e1 = by_id("e1-0");
    assert_eq!(e1["date"], "2024-02-29");
    assert_eq!(e1["certainty"], "reported");
    assert_eq!(e1["type"], "ASSAULT");
    assert!(by_id("e2-0")["date"].is_null(), "no date of its own");
    assert_eq!(by_id("e5-0")["polarity"], "cooperation");

    // Filters.
    for (q, n) in [
        ("type=ASSAULT,ACCUSE".to_string(), 4),
        ("type=assault".into(), 3),
        ("certainty=denied".into(), 1),
        (format!("actor={ARMY}"), 5),
        (format!("actor={UN}&type=AID"), 1),
        ("from=2024-04".into(), 3),
        ("from=2024-03-01&to=2024-03-02".into(), 2),
        ("to=2024-02".into(), 1),
        ("actor=0000000000000000".into(), 0),
    ] {
        let r = get(s.addr, &format!("/api/events?{q}")).await;
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        let v = r.json();
        assert_eq!(v["total"], n, "{q}: {v}");
        assert_eq!(v["events"].as_array().unwrap().len(), n, "{q}");
    }
    get(s.addr, "/api/events?type=VISIT")
        .await
        .assert_error(400, "bad_request");
    // Paging walks every event once.
    let mut seen = HashSet::new();
    for page in 1..=4 {
        let v = get(s.addr, &format!("/api/events?per_page=2&page={page}"))
            .await
            .json();
        assert_eq!(v["total"], 7);
        seen.extend(ids(&v));
    }
    assert_eq!(seen.len(), 7);
    // CSV: every match, one line each (no evidence here spans lines), parties named.
    let csv = get(s.addr, "/api/events?format=csv&type=ASSAULT").await;
    assert_eq!(csv.status, 200);
    let text = csv.text();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], marsad_server::api::events::CSV_HEADER);
    assert_eq!(lines.len(), 1 + 3);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("e1-0,2024-02-29,ASSAULT,conflict,reported,"))
    );
    assert!(lines.iter().any(|l| l.contains("جيش الشمال")));
}

#[tokio::test]
async fn articles_search_and_stats_show_stored_events() {
    let (_dir, store) = events_store();
    // An article without events, in a store that has events: "stored", none.
    {
        let mut quiet = common::events::article("e6", (2024, 4, 7), &[]);
        quiet.set_paragraphs(["مر اليوم بهدوء في المدينة."]);
        let mut w = store.writer(1).unwrap();
        w.add(&quiet, None).unwrap();
        w.finish().unwrap();
    }
    let s = start(store.clone(), Config::default(), None).await;
    let a = get(s.addr, "/api/articles/e1").await.json();
    assert_eq!(a["annotations"]["events"], "stored");
    let body = a["body"].as_str().unwrap();
    let events = a["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["id"], format!("e1-{i}"));
        let (start, end) = (
            e["evidence"]["start"].as_u64().unwrap() as usize,
            e["evidence"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(body, start, end), e["text"].as_str().unwrap());
    }
    assert_eq!(events[1]["type"], "ACCUSE");
    assert_eq!(events[1]["source"]["name"], "حكومة الساحل");
    let quiet = get(s.addr, "/api/articles/e6").await.json();
    assert_eq!(quiet["annotations"]["events"], "stored");
    assert_eq!(quiet["events"], serde_json::json!([]));

    let st = get(s.addr, "/api/stats").await.json();
    assert_eq!(st["annotations"]["events"], 7);

    // The search page's filter and facet.
    let hits = |v: &Value| -> Vec<String> {
        let mut h: Vec<String> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        h.sort();
        h
    };
    let r = get(s.addr, "/api/search?event_type=ASSAULT").await.json();
    assert_eq!(hits(&r), vec!["e1", "e2", "e3"]);
    let facet = |v: &Value| -> BTreeMap<String, u64> {
        v["facets"]["event_types"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["value"].as_str().unwrap().to_string(),
                    f["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let every = get(s.addr, "/api/search").await.json();
    assert_eq!(facet(&every)["ASSAULT"], 3);
    assert_eq!(facet(&every).values().sum::<u64>(), 7);
    let un = get(s.addr, &format!("/api/search?q={}", enc("الأمم المتحدة")))
        .await
        .json();
    assert_eq!(hits(&un), vec!["e4", "e5"]);
    assert_eq!(
        facet(&un),
        BTreeMap::from([("AGREE", 1), ("AID", 1), ("CONSULT", 1)].map(|(k, v)| (k.to_string(), v)))
    );
    get(s.addr, "/api/search?event_type=VISIT")
        .await
        .assert_error(400, "bad_request");
}

#[tokio::test]
async fn actor_profiles_and_the_graph_count_events() {
    let (_dir, store) = events_store();
    let s = start(store.clone(), Config::default(), None).await;
    let p = get(s.addr, &format!("/api/actors/{GOV}")).await.json();
    let months: Vec<(String, u64, u64, u64, u64)> = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["mentions"].as_u64().unwrap(),
                m["events"].as_u64().unwrap(),
                m["cooperation"].as_u64().unwrap(),
                m["conflict"].as_u64().unwrap(),
            )
        })
        .collect();
    // The assault reported by e1 and e2 is one event, in February (its first day).
    assert_eq!(
        months,
        vec![
            ("2024-02".into(), 0, 1, 0, 1),
            ("2024-03".into(), 2, 1, 0, 1),
            ("2024-04".into(), 2, 3, 3, 0),
        ]
    );
    let cp = p["counterparts"].as_array().unwrap();
    assert_eq!(cp[0]["actor"]["id"], ARMY);
    assert_eq!(
        (
            &cp[0]["events"],
            &cp[0]["cooperation"],
            &cp[0]["conflict"],
            &cp[0]["articles"]
        ),
        (
            &Value::from(3),
            &Value::from(1),
            &Value::from(2),
            &Value::from(3)
        )
    );
    assert_eq!(cp[1]["actor"]["id"], UN);
    assert_eq!(cp[1]["events"], 2);

    // Event edges only, with an event filter.
    let g = get(s.addr, "/api/graph?type=ASSAULT").await.json();
    let edges = g["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1, "{g}");
    assert_eq!(
        (&edges[0]["source"], &edges[0]["target"]),
        (&Value::from(ARMY), &Value::from(GOV))
    );
    assert_eq!(edges[0]["events"], 1);
    // Both directions of a pair are one edge, from the side that acted more.
    let g = get(s.addr, "/api/graph").await.json();
    let pair = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            [&e["source"], &e["target"]].contains(&&Value::from(ARMY))
                && [&e["source"], &e["target"]].contains(&&Value::from(GOV))
        })
        .unwrap()
        .clone();
    assert_eq!(
        (&pair["source"], &pair["events"]),
        (&Value::from(GOV), &Value::from(3))
    );
    assert_eq!(
        (&pair["cooperation"], &pair["conflict"]),
        (&Value::from(1), &Value::from(2))
    );
    let denied = get(s.addr, &format!("/api/graph?actor={GOV}&certainty=denied"))
        .await
        .json();
    assert_eq!(denied["edges"].as_array().unwrap().len(), 1);
    let april_aid = get(s.addr, "/api/graph?from=2024-04&to=2024-04&type=AID")
        .await
        .json();
    assert_eq!(april_aid["edges"][0]["source"], UN);
    let march_aid = get(s.addr, "/api/graph?to=2024-03&type=AID").await.json();
    assert_eq!(march_aid["edges"].as_array().unwrap().len(), 0);

    // The exports hold the same graph and validate.
    for q in [
        "?".to_string(),
        "?type=ASSAULT&".into(),
        format!("?actor={GOV}&"),
    ] {
        let json = get(s.addr, &format!("/api/graph{q}")).await.json();
        let n = json["nodes"].as_array().unwrap().len();
        let m = json["edges"].as_array().unwrap().len();
        assert!(m > 0, "{q}");
        let gexf = get(s.addr, &format!("/api/graph{q}format=gexf"))
            .await
            .text();
        let (nodes, edges) = xml_check::check_gexf(&gexf).unwrap_or_else(|e| panic!("{e}\n{gexf}"));
        assert_eq!((nodes.len(), edges.len()), (n, m));
        let graphml = get(s.addr, &format!("/api/graph{q}format=graphml"))
            .await
            .text();
        let (nodes, edges) =
            xml_check::check_graphml(&graphml).unwrap_or_else(|e| panic!("{e}\n{graphml}"));
        assert_eq!((nodes.len(), edges.len()), (n, m));
    }
}
