//! The actor graph as data, and its exports: GEXF 1.3 (Gephi), GraphML (yEd, NetworkX,
//! igraph) and Graphviz DOT. Pure functions over [`Graph`]; the CLI (`marsad graph`) and
//! the server (`/api/graph`) both write through them.
//!
//! Every export carries the node type, country, article and event counts, and for edges the
//! weight, shared articles, events, cooperation and conflict totals, the four quad-class
//! counts, and the counts by type and by certainty (as `TYPE:n` lists, since the set of
//! types present varies).

use marsad_core::{CertaintyLabel, EventType, Quad};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A graph of actors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Graph {
    /// Actors.
    pub nodes: Vec<Node>,
    /// Directed edges (source acted on target), or undirected ties where `events` is zero.
    pub edges: Vec<Edge>,
}

/// An actor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Actor id.
    pub id: String,
    /// Name.
    pub label: String,
    /// Actor type (`government`, `person`…); empty when unknown.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3, when known.
    pub country: Option<String>,
    /// Articles that mention it.
    pub articles: u64,
    /// Events on its edges in this graph.
    pub events: u64,
}

/// The events (and shared articles) between two actors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// Source actor id (who acted).
    pub source: String,
    /// Target actor id.
    pub target: String,
    /// Strength: events when there are any, else shared articles.
    pub weight: u64,
    /// Articles naming both (0 when not computed).
    pub articles: u64,
    /// Event clusters.
    pub events: u64,
    /// Of which cooperative (verbal or material).
    pub cooperation: u64,
    /// Of which conflictual.
    pub conflict: u64,
    /// Events by type.
    pub types: BTreeMap<EventType, u64>,
    /// Events by certainty.
    pub certainty: BTreeMap<CertaintyLabel, u64>,
}

impl Edge {
    /// Events of one quad class.
    pub fn quad(&self, quad: Quad) -> u64 {
        self.types
            .iter()
            .filter(|(t, _)| t.quad() == quad)
            .map(|(_, n)| n)
            .sum()
    }

    fn types_list(&self) -> String {
        list(self.types.iter().map(|(t, n)| (t.name(), *n)))
    }

    fn certainty_list(&self) -> String {
        list(self.certainty.iter().map(|(c, n)| (c.name(), *n)))
    }
}

/// `NAME:n NAME:n`, for the counts that are lists.
fn list<'a>(items: impl Iterator<Item = (&'a str, u64)>) -> String {
    items
        .map(|(k, n)| format!("{k}:{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes text for XML content and attribute values; characters XML 1.0 forbids (C0
/// controls other than tab, newline and carriage return, U+FFFE, U+FFFF) are dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Attribute values normalize raw newlines and tabs to spaces; keep them.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The edge counts every format writes, as (key, value) in a fixed order.
fn edge_numbers(e: &Edge) -> [(&'static str, u64); 8] {
    [
        ("articles", e.articles),
        ("events", e.events),
        ("cooperation", e.cooperation),
        ("conflict", e.conflict),
        ("verbal_cooperation", e.quad(Quad::VerbalCooperation)),
        ("material_cooperation", e.quad(Quad::MaterialCooperation)),
        ("verbal_conflict", e.quad(Quad::VerbalConflict)),
        ("material_conflict", e.quad(Quad::MaterialConflict)),
    ]
}

const EDGE_NUMBERS: [&str; 8] = [
    "articles",
    "events",
    "cooperation",
    "conflict",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
];

/// GEXF 1.3, directed (the schema of gexf.net/1.3: meta, then attribute declarations, then
/// nodes, then edges).
pub fn gexf(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    s.push_str("  <meta><creator>marsad</creator><description>actor graph: events between actors</description></meta>\n");
    s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    s.push_str("    <attributes class=\"node\">\n");
    for (id, ty) in [
        ("type", "string"),
        ("country", "string"),
        ("articles", "long"),
        ("events", "long"),
    ] {
        let _ = writeln!(
            s,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    s.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for id in EDGE_NUMBERS {
        let _ = writeln!(
            s,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"long\"/>"
        );
    }
    for id in ["types", "certainty"] {
        let _ = writeln!(
            s,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"string\"/>"
        );
    }
    s.push_str("    </attributes>\n");
    let _ = writeln!(s, "    <nodes count=\"{}\">", graph.nodes.len());
    for n in &graph.nodes {
        let _ = write!(
            s,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"type\" value=\"{}\"/>",
            xml_escape(&n.id),
            xml_escape(&n.label),
            xml_escape(&n.kind),
        );
        if let Some(c) = &n.country {
            let _ = write!(s, "<attvalue for=\"country\" value=\"{}\"/>", xml_escape(c));
        }
        let _ = writeln!(
            s,
            "<attvalue for=\"articles\" value=\"{}\"/><attvalue for=\"events\" value=\"{}\"/></attvalues></node>",
            n.articles, n.events
        );
    }
    s.push_str("    </nodes>\n");
    let _ = writeln!(s, "    <edges count=\"{}\">", graph.edges.len());
    for (i, e) in graph.edges.iter().enumerate() {
        let _ = write!(
            s,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>",
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.weight,
        );
        for (k, v) in edge_numbers(e) {
            let _ = write!(s, "<attvalue for=\"{k}\" value=\"{v}\"/>");
        }
        let _ = writeln!(
            s,
            "<attvalue for=\"types\" value=\"{}\"/><attvalue for=\"certainty\" value=\"{}\"/></attvalues></edge>",
            e.types_list(),
            e.certainty_list()
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

/// GraphML, directed (keys, then the graph; ids are actor ids).
pub fn graphml(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    let mut keys: Vec<(String, &str, &str, &str)> = vec![
        ("label".into(), "node", "label", "string"),
        ("type".into(), "node", "type", "string"),
        ("country".into(), "node", "country", "string"),
        ("node_articles".into(), "node", "articles", "long"),
        ("node_events".into(), "node", "events", "long"),
        ("weight".into(), "edge", "weight", "long"),
    ];
    for k in EDGE_NUMBERS {
        keys.push((k.to_string(), "edge", k, "long"));
    }
    keys.push(("types".into(), "edge", "types", "string"));
    keys.push(("certainty".into(), "edge", "certainty", "string"));
    for (id, of, name, ty) in &keys {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{of}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"actors\" edgedefault=\"directed\">\n");
    for n in &graph.nodes {
        let _ = write!(
            s,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"type\">{}</data>",
            xml_escape(&n.id),
            xml_escape(&n.label),
            xml_escape(&n.kind),
        );
        if let Some(c) = &n.country {
            let _ = write!(s, "<data key=\"country\">{}</data>", xml_escape(c));
        }
        let _ = writeln!(
            s,
            "<data key=\"node_articles\">{}</data><data key=\"node_events\">{}</data></node>",
            n.articles, n.events
        );
    }
    for e in &graph.edges {
        let _ = write!(
            s,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data>",
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.weight
        );
        for (k, v) in edge_numbers(e) {
            let _ = write!(s, "<data key=\"{k}\">{v}</data>");
        }
        let _ = writeln!(
            s,
            "<data key=\"types\">{}</data><data key=\"certainty\">{}</data></edge>",
            e.types_list(),
            e.certainty_list()
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// A DOT double-quoted string: `"` and `\` escaped, newlines as `\n`, other control
/// characters dropped (Graphviz reads the file as UTF-8, so Arabic stays as is).
pub fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Graphviz DOT, directed. Counts are extra attributes Graphviz keeps (and gvpr or
/// NetworkX's pydot reader can read); the edge label is the event count.
pub fn dot(graph: &Graph) -> String {
    let mut s =
        String::from("digraph marsad {\n  graph [charset=\"UTF-8\"];\n  node [shape=box];\n");
    for n in &graph.nodes {
        let _ = write!(
            s,
            "  {} [label={}, type={}",
            dot_quote(&n.id),
            dot_quote(&n.label),
            dot_quote(&n.kind)
        );
        if let Some(c) = &n.country {
            let _ = write!(s, ", country={}", dot_quote(c));
        }
        let _ = writeln!(s, ", articles={}, events={}];", n.articles, n.events);
    }
    for e in &graph.edges {
        let _ = write!(
            s,
            "  {} -> {} [weight={}, label={}",
            dot_quote(&e.source),
            dot_quote(&e.target),
            e.weight,
            dot_quote(&e.weight.to_string())
        );
        for (k, v) in edge_numbers(e) {
            let _ = write!(s, ", {k}={v}");
        }
        let _ = writeln!(
            s,
            ", types={}, certainty={}];",
            dot_quote(&e.types_list()),
            dot_quote(&e.certainty_list())
        );
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Graph {
        let mut types = BTreeMap::new();
        types.insert(EventType::Assault, 2);
        types.insert(EventType::Agree, 1);
        let mut certainty = BTreeMap::new();
        certainty.insert(CertaintyLabel::Confirmed, 2);
        certainty.insert(CertaintyLabel::Reported, 1);
        Graph {
            nodes: vec![
                Node {
                    id: "a1".into(),
                    label: "حكومة \"الوحدة\" & <الوطنية>\n\\'".into(),
                    kind: "government".into(),
                    country: Some("LBY".into()),
                    articles: 3,
                    events: 3,
                },
                Node {
                    id: "a2".into(),
                    label: "القيادة العامة".into(),
                    kind: "military".into(),
                    country: None,
                    articles: 4,
                    events: 3,
                },
            ],
            edges: vec![Edge {
                source: "a1".into(),
                target: "a2".into(),
                weight: 3,
                articles: 5,
                events: 3,
                cooperation: 1,
                conflict: 2,
                types,
                certainty,
            }],
        }
    }

    #[test]
    fn xml_escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(xml_escape("a\u{1}b\tc"), "ab&#9;c");
        assert_eq!(xml_escape("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;");
        assert_eq!(xml_escape("x\u{FFFE}y\n"), "xy&#10;");
        let g = sample();
        for doc in [gexf(&g), graphml(&g)] {
            assert!(
                doc.contains("حكومة &quot;الوحدة&quot; &amp; &lt;الوطنية&gt;&#10;\\&apos;"),
                "{doc}"
            );
            assert_eq!(doc.matches("<node ").count(), 2);
            assert_eq!(doc.matches("<edge ").count(), 1);
            assert!(!doc.contains("<الوطنية>"));
        }
    }

    #[test]
    fn exports_carry_counts_by_quad_type_and_certainty() {
        let g = sample();
        let x = gexf(&g);
        assert!(x.contains("weight=\"3\""), "{x}");
        assert!(x.contains("<attvalue for=\"material_conflict\" value=\"2\"/>"));
        assert!(x.contains("<attvalue for=\"verbal_cooperation\" value=\"1\"/>"));
        assert!(x.contains("<attvalue for=\"types\" value=\"AGREE:1 ASSAULT:2\"/>"));
        assert!(x.contains("<attvalue for=\"country\" value=\"LBY\"/>"));
        let m = graphml(&g);
        assert!(m.contains("<data key=\"conflict\">2</data>"), "{m}");
        assert!(m.contains("<data key=\"certainty\">confirmed:2 reported:1</data>"));
        // A node without a country has no country value rather than an empty one.
        assert_eq!(m.matches("<data key=\"country\">").count(), 1);
        let d = dot(&g);
        assert!(d.contains("\"a1\" -> \"a2\" [weight=3, label=\"3\""), "{d}");
        assert!(d.contains("types=\"AGREE:1 ASSAULT:2\""));
    }

    #[test]
    fn dot_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(dot_quote("عادي"), "\"عادي\"");
        assert_eq!(dot_quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(dot_quote("a\\b"), "\"a\\\\b\"");
        assert_eq!(dot_quote("سطر\nسطر\u{7}"), "\"سطر\\nسطر\"");
        let d = dot(&sample());
        assert!(
            d.contains("label=\"حكومة \\\"الوحدة\\\" & <الوطنية>\\n\\\\'\""),
            "{d}"
        );
        // Every quote inside a string is escaped: unescaped quotes pair up on each line.
        for line in d.lines() {
            let bare = line.replace("\\\\", "").replace("\\\"", "");
            assert_eq!(bare.matches('"').count() % 2, 0, "{line}");
        }
    }

    #[test]
    fn empty_graphs_are_complete_documents() {
        let g = Graph::default();
        assert!(gexf(&g).contains("<nodes count=\"0\">\n    </nodes>"));
        assert!(gexf(&g).ends_with("</gexf>\n"));
        assert!(graphml(&g).ends_with("</graphml>\n"));
        assert_eq!(
            dot(&g),
            "digraph marsad {\n  graph [charset=\"UTF-8\"];\n  node [shape=box];\n}\n"
        );
    }
}
