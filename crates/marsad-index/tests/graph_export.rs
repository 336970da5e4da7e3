//! The graph exports against their schemas: GraphML and GEXF documents are well-formed XML
//! and conform to GraphML 1.0 and GEXF 1.3 (the subsets in `tests/schemas/`, validated with
//! xmllint when it is installed — Debian's `libxml2-utils` — and by the pure-Rust checks of
//! `xml_check` always), for labels full of markup, controls and bidi marks, for an empty
//! graph and a large one. Broken documents must fail both, so the checks can fail.

mod xml_check;

use marsad_core::{CertaintyLabel, EventType};
use marsad_index::graph::{Edge, Graph, Node, dot, gexf, graphml};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn schema(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/schemas/{name}"))
}

fn node(id: &str, label: &str, country: Option<&str>) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        kind: "government".into(),
        country: country.map(str::to_string),
        articles: 7,
        events: 2,
    }
}

fn edge(source: &str, target: &str, kinds: &[(EventType, u64)]) -> Edge {
    let types: BTreeMap<EventType, u64> = kinds.iter().copied().collect();
    let events = types.values().sum();
    let cooperation = types
        .iter()
        .filter(|(t, _)| t.quad().is_cooperation())
        .map(|(_, n)| n)
        .sum();
    let mut certainty = BTreeMap::new();
    certainty.insert(CertaintyLabel::Reported, events);
    Edge {
        source: source.into(),
        target: target.into(),
        weight: events,
        articles: 0,
        events,
        cooperation,
        conflict: events - cooperation,
        types,
        certainty,
    }
}

/// Labels that break naive writers: markup, quotes, entities, line breaks, tabs, C0
/// controls, bidi and joiner marks, a character outside the BMP, leading spaces.
fn tricky() -> Graph {
    Graph {
        nodes: vec![
            node(
                "f00d000000000001",
                "حكومة \"الوحدة\" & <الوطنية> 'المؤقتة'",
                Some("LBY"),
            ),
            node("f00d000000000002", "  سطر\nثانٍ\tو\r\u{1}\u{7}نهاية", None),
            node(
                "f00d000000000003",
                "\u{200f}القيادة\u{200d}العامة &amp; 🛰",
                Some("EGY"),
            ),
            node("f00d000000000004", "", None),
        ],
        edges: vec![
            edge(
                "f00d000000000001",
                "f00d000000000002",
                &[(EventType::Assault, 3), (EventType::Agree, 1)],
            ),
            edge(
                "f00d000000000002",
                "f00d000000000001",
                &[(EventType::Accuse, 1)],
            ),
            edge(
                "f00d000000000003",
                "f00d000000000001",
                &[(EventType::Aid, 2)],
            ),
            edge("f00d000000000003", "f00d000000000003", &[]),
        ],
    }
}

fn large() -> Graph {
    let id = |i: usize| format!("{i:016x}");
    Graph {
        nodes: (0..300)
            .map(|i| node(&id(i), &format!("فاعل رقم {i}"), None))
            .collect(),
        edges: (0..300)
            .flat_map(|i| {
                [
                    edge(&id(i), &id((i * 7 + 1) % 300), &[(EventType::Consult, 1)]),
                    edge(&id(i), &id((i * 13 + 5) % 300), &[(EventType::Threaten, 2)]),
                ]
            })
            .collect(),
    }
}

fn shape(g: &Graph) -> xml_check::Shape {
    (
        g.nodes.iter().map(|n| n.id.clone()).collect(),
        g.edges
            .iter()
            .map(|e| (e.source.clone(), e.target.clone()))
            .collect(),
    )
}

/// Validates `doc` against `xsd` with xmllint, or says it could not.
fn xsd_valid(doc: &str, xsd: &str) -> Option<Result<(), String>> {
    let r = xml_check::xmllint(doc, &schema(xsd));
    if r.is_none() {
        eprintln!(
            "xmllint is not installed (Debian: libxml2-utils): skipping the XSD validation \
             against tests/schemas/{xsd}; the pure-Rust checks still ran"
        );
    }
    r
}

#[test]
fn graphml_exports_are_well_formed_and_valid() {
    for g in [tricky(), large(), Graph::default()] {
        let doc = graphml(&g);
        assert_eq!(
            xml_check::check_graphml(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}")),
            shape(&g)
        );
        if let Some(r) = xsd_valid(&doc, "graphml.xsd") {
            r.unwrap_or_else(|e| panic!("{e}\n{doc}"));
        }
    }
    // Labels read back exactly, minus the characters XML cannot carry.
    let doc = graphml(&tricky());
    let els = xml_check::parse(&doc).unwrap();
    let labels: Vec<&str> = els
        .iter()
        .filter(|e| e.name == "data" && e.attrs.get("key").is_some_and(|k| k == "label"))
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(labels[0], "حكومة \"الوحدة\" & <الوطنية> 'المؤقتة'");
    assert_eq!(labels[1], "  سطر\nثانٍ\tو\rنهاية");
    assert_eq!(labels[2], "\u{200f}القيادة\u{200d}العامة &amp; 🛰");
}

#[test]
fn gexf_exports_are_well_formed_and_valid() {
    for g in [tricky(), large(), Graph::default()] {
        let doc = gexf(&g);
        assert_eq!(
            xml_check::check_gexf(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}")),
            shape(&g)
        );
        if let Some(r) = xsd_valid(&doc, "gexf.xsd") {
            r.unwrap_or_else(|e| panic!("{e}\n{doc}"));
        }
    }
    let doc = gexf(&tricky());
    let els = xml_check::parse(&doc).unwrap();
    let label = |i: usize| {
        els.iter()
            .filter(|e| e.name == "node")
            .nth(i)
            .and_then(|e| e.attrs.get("label").cloned())
            .unwrap()
    };
    assert_eq!(label(0), "حكومة \"الوحدة\" & <الوطنية> 'المؤقتة'");
    // Attribute values keep line breaks and tabs because they are written as references.
    assert_eq!(label(1), "  سطر\nثانٍ\tو\rنهاية");
}

#[test]
fn broken_documents_fail_the_checks() {
    let g = tricky();
    let ml = graphml(&g);
    let gx = gexf(&g);
    let dangling_ml = ml.replacen(
        "target=\"f00d000000000002\"",
        "target=\"f00d0000000000ff\"",
        1,
    );
    let dangling_gx = gx.replacen(
        "target=\"f00d000000000002\"",
        "target=\"f00d0000000000ff\"",
        1,
    );
    let undeclared_key = ml.replacen("<data key=\"weight\">", "<data key=\"nope\">", 1);
    let no_version = gx.replacen(" version=\"1.3\"", "", 1);
    // Well-formed, but edges before nodes.
    let nodes_after_edges = {
        let (n0, n1) = (
            gx.find("    <nodes ").unwrap(),
            gx.find("</nodes>\n").unwrap() + 9,
        );
        let (e0, e1) = (
            gx.find("    <edges ").unwrap(),
            gx.find("</edges>\n").unwrap() + 9,
        );
        assert_eq!(n1, e0);
        format!("{}{}{}{}", &gx[..n0], &gx[e0..e1], &gx[n0..n1], &gx[e1..])
    };
    xml_check::parse(&nodes_after_edges).unwrap();
    for (doc, xsd) in [
        (&dangling_ml, "graphml.xsd"),
        (&undeclared_key, "graphml.xsd"),
        (&dangling_gx, "gexf.xsd"),
        (&no_version, "gexf.xsd"),
        (&nodes_after_edges, "gexf.xsd"),
    ] {
        let checked = if xsd == "graphml.xsd" {
            xml_check::check_graphml(doc)
        } else {
            xml_check::check_gexf(doc)
        };
        assert!(
            checked.is_err(),
            "the pure-Rust check passed a broken {xsd} document"
        );
        if let Some(r) = xsd_valid(doc, xsd) {
            assert!(r.is_err(), "xmllint passed a broken {xsd} document");
        }
    }
    // Not well-formed at all.
    for bad in [
        ml.replacen("&amp;", "&nbsp;", 1),
        ml.replacen("</graph>", "", 1),
        ml.replacen("<node ", "<node id=\"x\" ", 1),
        format!("{ml}<graphml/>"),
        ml.replacen("سطر", "سطر\u{1}", 1),
        gx.replacen("&quot;", "&#1;", 1),
    ] {
        assert!(xml_check::parse(&bad).is_err(), "{bad}");
    }
}

#[test]
fn dot_exports_balance_their_quotes_and_braces() {
    let d = dot(&tricky());
    assert!(d.starts_with("digraph marsad {\n") && d.ends_with("}\n"));
    // Outside quoted strings, braces and brackets balance and no raw newline is inside a
    // string: every statement is one line.
    let mut in_string = false;
    let mut escaped = false;
    let (mut braces, mut brackets) = (0i32, 0i32);
    for c in d.chars() {
        if in_string {
            assert_ne!(c, '\n', "a raw line break inside a DOT string:\n{d}");
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => braces += 1,
            '}' => braces -= 1,
            '[' => brackets += 1,
            ']' => brackets -= 1,
            _ => {}
        }
        assert!(braces >= 0 && brackets >= 0);
    }
    assert!(!in_string);
    assert_eq!((braces, brackets), (0, 0));
    assert_eq!(d.matches(" -> ").count(), 4);
    // Tabs, carriage returns and other controls are dropped; line breaks are escaped.
    assert!(d.contains("label=\"  سطر\\nثانٍونهاية\""), "{d}");
}
