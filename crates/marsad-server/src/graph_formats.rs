//! The actor graph as GEXF 1.3 (Gephi) and GraphML (yEd, NetworkX, igraph): the API's
//! [`Graph`] handed to the writers `marsad graph` uses too (`marsad_index::graph`), so both
//! exports are one implementation. Nodes carry the actor type and article count; edges the
//! weight, shared articles, events, cooperation and conflict counts.

use crate::api::types::Graph;
use marsad_index::graph as export;

pub use export::xml_escape;

/// The API graph in the writers' terms (no per-type counts: the API graph has none).
fn to_export(graph: &Graph) -> export::Graph {
    export::Graph {
        nodes: graph
            .nodes
            .iter()
            .map(|n| export::Node {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind.clone(),
                country: None,
                articles: n.weight,
                events: graph
                    .edges
                    .iter()
                    .filter(|e| e.source == n.id || e.target == n.id)
                    .map(|e| e.events)
                    .sum(),
            })
            .collect(),
        edges: graph
            .edges
            .iter()
            .map(|e| export::Edge {
                source: e.source.clone(),
                target: e.target.clone(),
                weight: e.weight,
                articles: e.articles,
                events: e.events,
                cooperation: e.cooperation,
                conflict: e.conflict,
                ..export::Edge::default()
            })
            .collect(),
    }
}

/// GEXF 1.3, directed.
pub fn gexf(graph: &Graph) -> String {
    export::gexf(&to_export(graph))
}

/// GraphML, directed.
pub fn graphml(graph: &Graph) -> String {
    export::graphml(&to_export(graph))
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
                    kind: "government".into(),
                    weight: 3,
                },
                GraphNode {
                    id: "a2".into(),
                    label: "القيادة العامة".into(),
                    kind: "military".into(),
                    weight: 4,
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
    fn the_api_graph_keeps_its_counts_in_both_formats() {
        let g = sample();
        let x = gexf(&g);
        assert!(
            x.contains("label=\"حكومة &quot;الوحدة&quot; &amp; &lt;الوطنية&gt;\""),
            "{x}"
        );
        assert!(x.contains("weight=\"3\""));
        assert!(x.contains("<attvalue for=\"articles\" value=\"5\"/>"));
        let m = graphml(&g);
        assert!(m.contains("<data key=\"conflict\">2</data>"), "{m}");
        assert!(m.contains("<data key=\"node_articles\">4</data>"));
        assert_eq!(m.matches("<node ").count(), 2);
        assert_eq!(m.matches("<edge ").count(), 1);
        assert!(gexf(&Graph::default()).ends_with("</gexf>\n"));
    }
}
