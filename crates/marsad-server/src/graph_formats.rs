//! The actor graph as GEXF 1.3 (Gephi) and GraphML (yEd, NetworkX, igraph).
//! Both carry the node type and article count, and the edge weight, shared articles,
//! events, cooperation and conflict counts.

use crate::api::types::Graph;
use std::fmt::Write;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// GEXF 1.3, directed.
pub fn gexf(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    s.push_str("  <meta><creator>marsad</creator><description>actor graph: events between actors</description></meta>\n");
    s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    s.push_str("    <attributes class=\"node\">\n      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n      <attribute id=\"articles\" title=\"articles\" type=\"long\"/>\n    </attributes>\n");
    s.push_str("    <attributes class=\"edge\">\n      <attribute id=\"articles\" title=\"articles\" type=\"long\"/>\n      <attribute id=\"events\" title=\"events\" type=\"long\"/>\n      <attribute id=\"cooperation\" title=\"cooperation\" type=\"long\"/>\n      <attribute id=\"conflict\" title=\"conflict\" type=\"long\"/>\n    </attributes>\n");
    s.push_str("    <nodes>\n");
    for n in &graph.nodes {
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"type\" value=\"{}\"/><attvalue for=\"articles\" value=\"{}\"/></attvalues></node>",
            xml_escape(&n.id),
            xml_escape(&n.label),
            xml_escape(&n.kind),
            n.weight
        );
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in graph.edges.iter().enumerate() {
        let _ = writeln!(
            s,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"articles\" value=\"{}\"/><attvalue for=\"events\" value=\"{}\"/><attvalue for=\"cooperation\" value=\"{}\"/><attvalue for=\"conflict\" value=\"{}\"/></attvalues></edge>",
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.weight,
            e.articles,
            e.events,
            e.cooperation,
            e.conflict
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

/// GraphML, directed.
pub fn graphml(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (id, of, name, ty) in [
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("mentions", "node", "articles", "long"),
        ("weight", "edge", "weight", "long"),
        ("articles", "edge", "articles", "long"),
        ("events", "edge", "events", "long"),
        ("cooperation", "edge", "cooperation", "long"),
        ("conflict", "edge", "conflict", "long"),
    ] {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{of}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"actors\" edgedefault=\"directed\">\n");
    for n in &graph.nodes {
        let _ = writeln!(
            s,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"type\">{}</data><data key=\"mentions\">{}</data></node>",
            xml_escape(&n.id),
            xml_escape(&n.label),
            xml_escape(&n.kind),
            n.weight
        );
    }
    for e in &graph.edges {
        let _ = writeln!(
            s,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"articles\">{}</data><data key=\"events\">{}</data><data key=\"cooperation\">{}</data><data key=\"conflict\">{}</data></edge>",
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.weight,
            e.articles,
            e.events,
            e.cooperation,
            e.conflict
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{GraphEdge, GraphNode};

    fn sample() -> Graph {
        Graph {
            nodes: vec![
                GraphNode {
                    id: "a1".into(),
                    label: "حكومة \"الوحدة\" & <الوطنية>".into(),
                    kind: "organization".into(),
                    weight: 3,
                },
                GraphNode {
                    id: "a2".into(),
                    label: "القيادة العامة".into(),
                    kind: "organization".into(),
                    weight: 3,
                },
            ],
            edges: vec![GraphEdge {
                source: "a1".into(),
                target: "a2".into(),
                weight: 3,
                articles: 5,
                events: 3,
                cooperation: 1,
                conflict: 2,
            }],
        }
    }

    #[test]
    fn escapes_and_counts() {
        let g = sample();
        for doc in [gexf(&g), graphml(&g)] {
            assert!(
                doc.contains("حكومة &quot;الوحدة&quot; &amp; &lt;الوطنية&gt;"),
                "{doc}"
            );
            assert_eq!(doc.matches("<node ").count(), 2);
            assert_eq!(doc.matches("<edge ").count(), 1);
            assert!(!doc.contains("<الوطنية>"));
        }
        assert!(gexf(&g).contains("weight=\"3\""));
        assert!(graphml(&g).contains("<data key=\"conflict\">2</data>"));
        assert_eq!(xml_escape("a\u{1}b\tc"), "ab\tc");
    }

    #[test]
    fn empty_graph_is_a_valid_document() {
        let doc = gexf(&Graph::default());
        assert!(doc.contains("<nodes>\n    </nodes>"));
        assert!(doc.ends_with("</gexf>\n"));
        assert!(graphml(&Graph::default()).ends_with("</graphml>\n"));
    }
}
