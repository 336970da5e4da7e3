//! End to end: `marsad events`, `marsad actor` and `marsad graph`.
//!
//! Two stores: one written through the library with events we made by hand (exact CSV rows,
//! quoting, graph shapes, profiles), and the demo corpus ingested by `marsad ingest --demo`,
//! where the assertions hold whatever event extraction finds (formats agree with each other,
//! exports validate, filters keep what they say, a forced re-ingest changes nothing).

#[path = "../../marsad-server/tests/common/events.rs"]
#[allow(dead_code)]
mod fixtures;
#[path = "../../marsad-index/tests/xml_check/mod.rs"]
mod xml_check;

use assert_cmd::Command;
use fixtures::{ARMY, GOV, UN};
use marsad_core::{CertaintyLabel, EventType};
use marsad_index::Store;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

/// Runs marsad with `args` on `data`; (exit code, stdout, stderr).
fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = marsad()
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ok(data: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(data, args);
    assert_eq!(code, 0, "marsad {args:?}: {err}");
    out
}

fn schema(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../marsad-index/tests/schemas/{name}"))
}

/// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty() && !quoted,
        "a record without its line end"
    );
    rows
}

const HEADER: [&str; 12] = [
    "date",
    "actor1",
    "actor1_country",
    "actor2",
    "actor2_country",
    "type",
    "cameo",
    "quad_class",
    "location",
    "certainty",
    "source_url",
    "mentions",
];

/// Checks an export against its schema: the pure-Rust checks always, xmllint when present.
fn valid_xml(doc: &str, xsd: &str) -> xml_check::Shape {
    let shape = match xsd {
        "gexf.xsd" => xml_check::check_gexf(doc),
        _ => xml_check::check_graphml(doc),
    }
    .unwrap_or_else(|e| panic!("{e}\n{doc}"));
    match xml_check::xmllint(doc, &schema(xsd)) {
        Some(r) => r.unwrap_or_else(|e| panic!("xmllint: {e}\n{doc}")),
        None => eprintln!("xmllint is not installed (Debian: libxml2-utils): {xsd} not validated"),
    }
    shape
}

/// The hand-made store: the fixtures' five articles and one whose attackers' name holds a
/// comma and quotation marks.
fn fixture_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut articles = fixtures::events_articles();
    articles.push(fixtures::article(
        "e7",
        (2024, 4, 10),
        &[fixtures::line(
            ("جماعة \"الفجر\", الجناح المسلح", None),
            EventType::Assault,
            Some(fixtures::ARMY_P),
        )],
    ));
    let mut w = store.writer(1).unwrap();
    for a in &articles {
        w.add(a, None).unwrap();
    }
    w.finish().unwrap();
    dir
}

#[test]
fn events_csv_has_one_gdelt_like_row_per_event() {
    let dir = fixture_store();
    let out = ok(dir.path(), &["events", "--format", "csv"]);
    let rows = csv(&out);
    assert_eq!(rows[0], HEADER);
    let row = |cells: [&str; 12]| cells.map(str::to_string).to_vec();
    assert_eq!(
        rows[1..],
        [
            row([
                "2024-04-10",
                "جماعة \"الفجر\", الجناح المسلح",
                "",
                "جيش الشمال",
                "",
                "ASSAULT",
                "",
                "4",
                "",
                "confirmed",
                "fixtures/e7.txt",
                "1"
            ]),
            row([
                "2024-04-06",
                "الأمم المتحدة",
                "",
                "حكومة الساحل",
                "LBY",
                "AID",
                "",
                "2",
                "",
                "confirmed",
                "fixtures/e5.txt",
                "1"
            ]),
            row([
                "2024-04-05",
                "الأمم المتحدة",
                "",
                "حكومة الساحل",
                "LBY",
                "CONSULT",
                "",
                "1",
                "",
                "expected",
                "fixtures/e4.txt",
                "1"
            ]),
            row([
                "2024-04-05",
                "حكومة الساحل",
                "LBY",
                "جيش الشمال",
                "",
                "AGREE",
                "",
                "1",
                "",
                "denied",
                "fixtures/e4.txt",
                "1"
            ]),
            row([
                "2024-03-20",
                "مسلحون مجهولون",
                "",
                "جيش الشمال",
                "",
                "ASSAULT",
                "",
                "4",
                "",
                "confirmed",
                "fixtures/e3.txt",
                "1"
            ]),
            row([
                "2024-03-01",
                "حكومة الساحل",
                "LBY",
                "جيش الشمال",
                "",
                "ACCUSE",
                "",
                "3",
                "",
                "confirmed",
                "fixtures/e1.txt",
                "1"
            ]),
            // e1 and e2 report one assault: two mentions, first reported by e1.
            row([
                "2024-02-29",
                "جيش الشمال",
                "",
                "حكومة الساحل",
                "LBY",
                "ASSAULT",
                "",
                "4",
                "",
                "confirmed",
                "fixtures/e1.txt",
                "2"
            ]),
        ]
    );
    // The name with a comma and quotes is quoted, the others are not.
    assert!(
        out.contains("\"جماعة \"\"الفجر\"\", الجناح المسلح\""),
        "{out}"
    );
    assert!(out.contains("\r\n2024-04-06,الأمم المتحدة,,"));

    // Filters, by name or id, any case of type, dates, certainty, limit.
    let dates = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["events", "--format", "csv"];
        a.extend_from_slice(args);
        csv(&ok(dir.path(), &a))[1..]
            .iter()
            .map(|r| format!("{} {}", r[0], r[5]))
            .collect()
    };
    assert_eq!(
        dates(&["--actor", "الامم المتحده"]),
        ["2024-04-06 AID", "2024-04-05 CONSULT"],
        "a name in any alef or ta marbuta form"
    );
    assert_eq!(dates(&["--actor", UN]), dates(&["--actor", "الأمم المتحدة"]));
    assert_eq!(
        dates(&["--type", "assault", "--type", "ACCUSE"]),
        [
            "2024-04-10 ASSAULT",
            "2024-03-20 ASSAULT",
            "2024-03-01 ACCUSE",
            "2024-02-29 ASSAULT"
        ]
    );
    assert_eq!(dates(&["--type", "CONSULT,AID"]).len(), 2);
    assert_eq!(dates(&["--certainty", "denied"]), ["2024-04-05 AGREE"]);
    // The assault of Feb 29th to Mar 2nd reaches into March.
    assert_eq!(
        dates(&["--from", "2024-03", "--to", "2024-03"]),
        [
            "2024-03-20 ASSAULT",
            "2024-03-01 ACCUSE",
            "2024-02-29 ASSAULT"
        ]
    );
    assert_eq!(dates(&["--limit", "2"]).len(), 2);
    // No match: the header alone, exit 1.
    let (code, out, err) = run(
        dir.path(),
        &["events", "--format", "csv", "--type", "SANCTION"],
    );
    assert_eq!((code, csv(&out).len()), (1, 1), "{err}");
    assert!(err.contains("no stored event matches"), "{err}");
    // Refusals name the problem.
    for (args, says) in [
        (vec!["events", "--type", "VISIT"], "use one of"),
        (vec!["events", "--certainty", "sure"], "use one of"),
        (vec!["events", "--from", "someday"], "is not a date"),
        (vec!["events", "--actor", "لا أحد"], "no actor is known"),
    ] {
        let (code, _, err) = run(dir.path(), &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn events_jsonl_and_table_agree_with_the_csv() {
    let dir = fixture_store();
    let lines: Vec<Value> = ok(dir.path(), &["events", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    let assault = lines.iter().find(|l| l["mentions"] == 2).unwrap();
    assert_eq!(assault["id"], "e1-0");
    assert_eq!(assault["type"], "ASSAULT");
    assert_eq!(assault["quad"], "material_conflict");
    assert_eq!(
        (&assault["date"], &assault["last_date"]),
        (&Value::from("2024-02-29"), &Value::from("2024-03-02"))
    );
    assert_eq!(assault["source"]["actor"], ARMY);
    assert_eq!(assault["target"]["country"], "LBY");
    assert_eq!(assault["first_reporter"]["article_id"], "e1");
    assert_eq!(assault["first_reporter"]["title"], "تقرير e1");
    assert_eq!(
        assault["evidence"],
        "جيش الشمال هاجم حكومة الساحل يوم 2024-02-29."
    );
    let table = ok(dir.path(), &["events"]);
    assert_eq!(
        table.lines().filter(|l| l.contains("first: ")).count(),
        7,
        "{table}"
    );
    assert!(table.starts_with("date "));
    let limited = ok(dir.path(), &["events", "--limit", "3"]);
    assert!(
        limited.contains("(3 of 7 events; --limit shows more)"),
        "{limited}"
    );
}

#[test]
fn graph_exports_validate_and_follow_the_filters() {
    let dir = fixture_store();
    let json: Value = serde_json::from_str(&ok(dir.path(), &["graph"])).unwrap();
    let nodes: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(nodes, [GOV, ARMY, UN]);
    let edges: Vec<(&str, &str, u64)> = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
                e["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(edges, [(GOV, ARMY, 2), (ARMY, GOV, 1), (UN, GOV, 2)]);
    let gov_army = &json["edges"][0];
    assert_eq!(gov_army["types"]["AGREE"], 1);
    assert_eq!(gov_army["certainty"]["denied"], 1);
    assert_eq!(
        (&gov_army["cooperation"], &gov_army["conflict"]),
        (&Value::from(1), &Value::from(1))
    );

    for (format, xsd) in [("gexf", "gexf.xsd"), ("graphml", "graphml.xsd")] {
        let doc = ok(dir.path(), &["graph", "--format", format]);
        let (n, e) = valid_xml(&doc, xsd);
        assert_eq!(n, nodes);
        assert_eq!(e.len(), edges.len());
        assert!(doc.contains("حكومة الساحل"));
    }
    let dot = ok(dir.path(), &["graph", "--format", "dot"]);
    assert!(dot.starts_with("digraph marsad {") && dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches(" -> ").count(), 3);

    // Around the UN: one step reaches the government, two the army.
    let around = |depth: &str| -> (usize, usize) {
        let v: Value = serde_json::from_str(&ok(
            dir.path(),
            &["graph", "--actor", "الأمم المتحدة", "--depth", depth],
        ))
        .unwrap();
        (
            v["nodes"].as_array().unwrap().len(),
            v["edges"].as_array().unwrap().len(),
        )
    };
    assert_eq!(around("1"), (2, 1));
    assert_eq!(around("2"), (3, 3));
    // Types and months.
    let only = |args: &[&str]| -> usize {
        let mut a = vec!["graph", "--format", "json"];
        a.extend_from_slice(args);
        let v: Value = serde_json::from_str(&ok(dir.path(), &a)).unwrap();
        v["edges"].as_array().unwrap().len()
    };
    assert_eq!(only(&["--type", "ASSAULT"]), 1);
    assert_eq!(only(&["--from", "2024-04", "--to", "2024-04"]), 2);
    assert_eq!(only(&["--certainty", "expected"]), 1);
    let empty = ok(
        dir.path(),
        &["graph", "--format", "gexf", "--type", "SANCTION"],
    );
    assert_eq!(valid_xml(&empty, "gexf.xsd"), (Vec::new(), Vec::new()));
}

#[test]
fn actor_profiles_show_months_counterparts_and_aliases() {
    let dir = fixture_store();
    let out = ok(dir.path(), &["actor", "حكومة الساحل"]);
    assert!(out.contains("حكومة الساحل") && out.contains(GOV), "{out}");
    assert!(out.contains("(government, LBY)"), "{out}");
    assert!(out.contains("counterparts by event type:"), "{out}");
    let army_line = out.lines().find(|l| l.contains("جيش الشمال")).unwrap();
    assert!(
        army_line.contains("ACCUSE 1")
            && army_line.contains("AGREE 1")
            && army_line.contains("ASSAULT 1"),
        "{army_line}"
    );
    let v: Value = serde_json::from_str(&ok(dir.path(), &["actor", GOV, "--json"])).unwrap();
    assert_eq!(v["actor"]["id"], GOV);
    let months: Vec<(String, u64, u64)> = v["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["articles"].as_u64().unwrap(),
                m["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2024-02".into(), 0, 1),
            ("2024-03".into(), 2, 1),
            ("2024-04".into(), 2, 3)
        ]
    );
    assert_eq!(
        months.iter().map(|m| m.1).sum::<u64>(),
        v["actor"]["articles"].as_u64().unwrap()
    );
    assert_eq!(v["counterparts"][0]["actor"], ARMY);
    assert_eq!(v["counterparts"][0]["events"], 3);
    let (code, _, err) = run(dir.path(), &["actor", "لا أحد"]);
    assert_eq!(code, 2);
    assert!(err.contains("no actor is known"), "{err}");
}

/// The demo corpus, ingested by the binary.
fn demo_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["ingest", "--demo", "--json"]);
    dir
}

#[test]
fn the_demo_store_answers_in_every_format_whatever_was_extracted() {
    let dir = demo_store();
    let data = dir.path();
    let (code, csv_text, err) = run(data, &["events", "--format", "csv"]);
    let rows = csv(&csv_text);
    assert_eq!(rows[0], HEADER);
    let clusters = &rows[1..];
    assert_eq!(code, if clusters.is_empty() { 1 } else { 0 }, "{err}");
    let jsonl: Vec<Value> = run(data, &["events", "--format", "jsonl"])
        .1
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl.len(), clusters.len());
    for (r, j) in clusters.iter().zip(&jsonl) {
        assert_eq!(r.len(), HEADER.len());
        let kind = EventType::parse(&r[5]).unwrap_or_else(|| panic!("type {:?}", r[5]));
        assert_eq!(r[5], j["type"].as_str().unwrap());
        assert_eq!(r[7], kind.quad().number().to_string());
        assert!(CertaintyLabel::parse(&r[9]).is_some(), "{r:?}");
        assert_eq!(r[0], j["date"].as_str().unwrap_or(""));
        assert!(r[0].is_empty() || chrono::NaiveDate::parse_from_str(&r[0], "%Y-%m-%d").is_ok());
        assert!(r[11].parse::<u64>().unwrap() >= 1);
        assert!(
            r[10].starts_with("demo/") || r[10].starts_with("http"),
            "{r:?}"
        );
    }
    // Latest first.
    let dates: Vec<&str> = clusters
        .iter()
        .map(|r| r[0].as_str())
        .filter(|d| !d.is_empty())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    // Filters keep what they say, whatever the events are.
    if let Some(first) = jsonl.first() {
        let kind = first["type"].as_str().unwrap();
        let typed = run(data, &["events", "--format", "jsonl", "--type", kind]).1;
        assert!(typed.lines().count() >= 1);
        for l in typed.lines() {
            assert_eq!(serde_json::from_str::<Value>(l).unwrap()["type"], kind);
        }
        let label = first["certainty"].as_str().unwrap();
        for l in run(data, &["events", "--format", "jsonl", "--certainty", label])
            .1
            .lines()
        {
            assert_eq!(
                serde_json::from_str::<Value>(l).unwrap()["certainty"],
                label
            );
        }
        if let Some(actor) = jsonl.iter().find_map(|j| j["source"]["actor"].as_str()) {
            let with = run(data, &["events", "--format", "jsonl", "--actor", actor]).1;
            assert!(with.lines().count() >= 1);
            for l in with.lines() {
                let v: Value = serde_json::from_str(l).unwrap();
                assert!(
                    v["source"]["actor"] == actor || v["target"]["actor"] == actor,
                    "{v}"
                );
            }
        }
        if let Some(day) = first["date"].as_str() {
            for l in run(
                data,
                &["events", "--format", "jsonl", "--from", day, "--to", day],
            )
            .1
            .lines()
            {
                let v: Value = serde_json::from_str(l).unwrap();
                let (a, b) = (
                    v["date"].as_str().unwrap(),
                    v["last_date"].as_str().unwrap(),
                );
                assert!(a <= day && day <= b, "{v}");
            }
        }
        assert_eq!(
            run(data, &["events", "--format", "jsonl", "--limit", "1"])
                .1
                .lines()
                .count(),
            1
        );
    }

    // The graph: JSON, GEXF and GraphML hold the same nodes and edges, and validate.
    let json: Value = serde_json::from_str(&ok(data, &["graph"])).unwrap();
    let nodes: Vec<String> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    let edges = json["edges"].as_array().unwrap().len();
    for (format, xsd) in [("gexf", "gexf.xsd"), ("graphml", "graphml.xsd")] {
        let (n, e) = valid_xml(&ok(data, &["graph", "--format", format]), xsd);
        assert_eq!((n, e.len()), (nodes.clone(), edges), "{format}");
    }
    // Every edge is an event between two actors of the store.
    let events: u64 = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["events"].as_u64().unwrap())
        .sum();
    let between: u64 = jsonl
        .iter()
        .filter(|j| {
            let (s, t) = (j["source"]["actor"].as_str(), j["target"]["actor"].as_str());
            s.is_some() && t.is_some() && s != t
        })
        .count() as u64;
    assert_eq!(events, between);

    // A profile for the most mentioned actor.
    let top: Value =
        serde_json::from_str(&ok(data, &["actors", "--json", "--limit", "1"])).unwrap();
    let id = top[0]["id"].as_str().expect("the demo names actors");
    let name = top[0]["name"].as_str().unwrap();
    let profile = ok(data, &["actor", name]);
    assert!(profile.contains(id), "{profile}");
    assert!(profile.contains("month      articles  events"), "{profile}");
    let v: Value = serde_json::from_str(&ok(data, &["actor", id, "--json"])).unwrap();
    // Every demo article is dated, so the months count every article naming the actor.
    let by_month: u64 = v["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(by_month, top[0]["articles"].as_u64().unwrap());

    // The demo's UN envoy is named in full, and by surname alone in one article: that
    // article's actor and the full name are offered to each other, never merged.
    let envoy: Value = serde_json::from_str(&ok(data, &["actor", "هولمبيرغ", "--json"])).unwrap();
    let maybe = envoy["possibly_same"].as_array().unwrap();
    assert!(!maybe.is_empty(), "{envoy}");
    for m in maybe {
        assert_ne!(m["id"], envoy["actor"]["id"]);
        assert!(m["name"].as_str().unwrap().ends_with("هولمبيرغ"), "{m}");
    }
    let text = ok(data, &["actor", "هولمبيرغ"]);
    assert!(text.contains("maybe "), "{text}");
}

#[test]
fn a_forced_re_ingest_keeps_events_and_graph() {
    let dir = tempfile::tempdir().unwrap();
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo");
    let demo = demo.to_str().unwrap();
    ok(dir.path(), &["ingest", "--json", demo]);
    let snapshot = |data: &Path| {
        (
            run(data, &["events", "--format", "jsonl"]).1,
            ok(data, &["graph"]),
        )
    };
    let before = snapshot(dir.path());
    let summary: Value =
        serde_json::from_str(&ok(dir.path(), &["ingest", "--json", "--force", demo])).unwrap();
    assert_eq!(summary["ingested"], 0, "{summary}");
    assert!(summary["already_stored"].as_u64().unwrap() > 0);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn genre_filters_on_the_demo_store() {
    let dir = demo_store();
    let data = dir.path();
    // The demo's one column (041) is found by genre, and only it.
    let out = ok(data, &["search", "--genre", "opinion", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["hits"][0]["genre"], "opinion");
    assert!(
        v["hits"][0]["title"]
            .as_str()
            .unwrap()
            .contains("عام الاتفاق")
    );
    let shown = ok(data, &["show", v["hits"][0]["id"].as_str().unwrap()]);
    assert!(shown.contains("genre      opinion"), "{shown}");
    let news: Value =
        serde_json::from_str(&ok(data, &["search", "--genre", "news", "--json"])).unwrap();
    let all: Value = serde_json::from_str(&ok(data, &["search", "--json"])).unwrap();
    assert_eq!(
        news["total"].as_u64().unwrap() + 1,
        all["total"].as_u64().unwrap()
    );
    // Events reported in it, and a clear refusal of an unknown genre.
    let lines = |genre: &str| -> Vec<Value> {
        run(data, &["events", "--genre", genre, "--format", "jsonl"])
            .1
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let opinion = lines("opinion");
    let every = lines("news").len().max(opinion.len());
    assert!(!opinion.is_empty() && opinion.len() < every);
    let (code, _, err) = run(data, &["events", "--genre", "column"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("news") && err.contains("opinion"), "{err}");
}
