//! Pure-Rust checks of the graph exports, so a test never passes silently where `xmllint`
//! is missing: well-formedness (quick-xml, plus the XML 1.0 character and entity rules it
//! leaves to the caller) and the structure and references GraphML and GEXF require (the
//! same ones the XSDs in `tests/schemas/` encode). Shared with the CLI's end-to-end tests
//! (`crates/marsad/tests/cli_events.rs` includes this file).

#![allow(dead_code)]

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use std::collections::{BTreeMap, BTreeSet};

/// An element as read.
#[derive(Debug, Clone)]
pub struct Element {
    /// Its name, prefix included.
    pub name: String,
    /// Its attributes, values unescaped.
    pub attrs: BTreeMap<String, String>,
    /// Its text content (references resolved), for leaf elements.
    pub text: String,
    /// The index of its parent in the list.
    pub parent: Option<usize>,
}

impl Element {
    fn attr(&self, name: &str) -> Result<&str, String> {
        self.attrs
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| format!("<{}> without {name}: {:?}", self.name, self.attrs))
    }
}

/// XML 1.0's `Char` production.
fn legal(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Parses `doc` into its elements in document order, failing on anything that is not
/// well-formed XML 1.0: mismatched or unclosed tags, duplicate or malformed attributes,
/// undefined entities, illegal characters (raw or as references), no root or a second one,
/// text outside the root.
pub fn parse(doc: &str) -> Result<Vec<Element>, String> {
    if let Some(c) = doc.chars().find(|c| !legal(*c)) {
        return Err(format!("illegal character U+{:04X}", c as u32));
    }
    let mut reader = Reader::from_str(doc);
    reader.config_mut().check_end_names = true;
    let mut out: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut roots = 0;
    let element =
        |e: &quick_xml::events::BytesStart<'_>, parent: Option<usize>| -> Result<Element, String> {
            let mut attrs = BTreeMap::new();
            for a in e.attributes() {
                let a = a.map_err(|err| format!("attribute: {err}"))?;
                let key = a.key.as_ref().to_string();
                let value = a
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|err| format!("attribute {key}: {err}"))?;
                if let Some(c) = value.chars().find(|c| !legal(*c)) {
                    return Err(format!(
                        "attribute {key}: illegal character U+{:04X}",
                        c as u32
                    ));
                }
                if attrs.insert(key.clone(), value.into_owned()).is_some() {
                    return Err(format!("duplicate attribute {key}"));
                }
            }
            Ok(Element {
                name: e.name().as_ref().to_string(),
                attrs,
                text: String::new(),
                parent,
            })
        };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() && roots > 0 => {
                return Err(format!("a second root element <{}>", e.name().as_ref()));
            }
            Event::Start(e) => {
                roots += usize::from(stack.is_empty());
                out.push(element(&e, stack.last().copied())?);
                stack.push(out.len() - 1);
            }
            Event::Empty(e) => {
                roots += usize::from(stack.is_empty());
                out.push(element(&e, stack.last().copied())?);
            }
            Event::End(_) => {
                stack.pop().ok_or("an end tag without a start")?;
            }
            Event::Text(t) => {
                let text = t.xml_content(XmlVersion::Implicit1_0);
                match stack.last() {
                    Some(&i) => out[i].text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root: {text:?}")),
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) if legal(c) => c,
                    Some(c) => {
                        return Err(format!("illegal character reference U+{:04X}", c as u32));
                    }
                    None => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(format!("undefined entity &{other};")),
                    },
                };
                let &i = stack.last().ok_or("a reference outside the root")?;
                out[i].text.push(c);
            }
            Event::CData(_) | Event::Comment(_) | Event::PI(_) | Event::Decl(_) => {}
            Event::DocType(_) => return Err("a DOCTYPE (marsad writes none)".into()),
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(format!("{} unclosed elements", stack.len()));
    }
    if roots != 1 {
        return Err("no root element".into());
    }
    Ok(out)
}

fn children<'a>(
    els: &'a [Element],
    parent: usize,
    name: &'a str,
) -> impl Iterator<Item = (usize, &'a Element)> + 'a {
    els.iter()
        .enumerate()
        .filter(move |(_, e)| e.parent == Some(parent) && e.name == name)
}

fn value_of(ty: &str, v: &str) -> Result<(), String> {
    let ok = match ty {
        "long" | "int" | "integer" => v.parse::<i64>().is_ok(),
        "double" | "float" => v.parse::<f64>().is_ok(),
        "boolean" => matches!(v, "true" | "false"),
        "string" => true,
        other => return Err(format!("unknown attribute type {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{v:?} is not a {ty}"))
    }
}

/// Node ids and (source, target) pairs of an export.
pub type Shape = (Vec<String>, Vec<(String, String)>);

/// Checks a GraphML document: one `graph` with `edgedefault`, keys with unique ids and
/// valid domains and types, unique node ids, edges between declared nodes, data under
/// declared keys of the right domain with values of the key's type.
pub fn check_graphml(doc: &str) -> Result<Shape, String> {
    let els = parse(doc)?;
    let root = &els[0];
    if root.name != "graphml" || root.attr("xmlns")? != "http://graphml.graphdrawing.org/xmlns" {
        return Err(format!("root <{}> {:?}", root.name, root.attrs));
    }
    let mut keys: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (_, k) in children(&els, 0, "key") {
        let id = k.attr("id")?.to_string();
        let of = k.attrs.get("for").cloned().unwrap_or_else(|| "all".into());
        if !["all", "graphml", "graph", "node", "edge"].contains(&of.as_str()) {
            return Err(format!("key {id} for {of}"));
        }
        let ty = k.attr("attr.type")?.to_string();
        if !["boolean", "int", "long", "float", "double", "string"].contains(&ty.as_str()) {
            return Err(format!("key {id} of type {ty}"));
        }
        if keys.insert(id.clone(), (of, ty)).is_some() {
            return Err(format!("key id {id} twice"));
        }
    }
    let graphs: Vec<(usize, &Element)> = children(&els, 0, "graph").collect();
    let [(g, graph)] = graphs[..] else {
        return Err(format!("{} graphs", graphs.len()));
    };
    if !["directed", "undirected"].contains(&graph.attr("edgedefault")?) {
        return Err("edgedefault".into());
    }
    let mut nodes = Vec::new();
    let mut seen = BTreeSet::new();
    for (_, n) in children(&els, g, "node") {
        let id = n.attr("id")?.to_string();
        if !seen.insert(id.clone()) {
            return Err(format!("node {id} twice"));
        }
        nodes.push(id);
    }
    let mut edges = Vec::new();
    for (_, e) in children(&els, g, "edge") {
        let (s, t) = (e.attr("source")?.to_string(), e.attr("target")?.to_string());
        for end in [&s, &t] {
            if !seen.contains(end) {
                return Err(format!("edge to undeclared node {end}"));
            }
        }
        edges.push((s, t));
    }
    for (i, d) in els.iter().enumerate().filter(|(_, e)| e.name == "data") {
        let key = d.attr("key")?;
        let (of, ty) = keys
            .get(key)
            .ok_or_else(|| format!("data for undeclared key {key}"))?;
        let owner = &els[d.parent.ok_or("data at the root")?].name;
        if of != "all" && of != owner {
            return Err(format!(
                "data {key} (for {of}) under <{owner}> (element {i})"
            ));
        }
        value_of(ty, &d.text).map_err(|e| format!("data {key}: {e}"))?;
    }
    if let Some(other) = els.iter().find(|e| {
        ![
            "graphml", "key", "graph", "node", "edge", "data", "default", "desc",
        ]
        .contains(&e.name.as_str())
    }) {
        return Err(format!("unexpected element <{}>", other.name));
    }
    Ok((nodes, edges))
}

/// Checks a GEXF 1.3 document: `gexf version="1.3"` in its namespace, optional meta, one
/// graph whose attribute declarations come before `nodes`, then `edges`; unique node ids,
/// edges between declared nodes, numeric weights, `count` attributes that match, attribute
/// values only for declared attributes of the right class and of their type.
pub fn check_gexf(doc: &str) -> Result<Shape, String> {
    let els = parse(doc)?;
    let root = &els[0];
    if root.name != "gexf"
        || root.attr("version")? != "1.3"
        || root.attr("xmlns")? != "http://gexf.net/1.3"
    {
        return Err(format!("root <{}> {:?}", root.name, root.attrs));
    }
    let top: Vec<&str> = els
        .iter()
        .filter(|e| e.parent == Some(0))
        .map(|e| e.name.as_str())
        .collect();
    if top != ["meta", "graph"] && top != ["graph"] {
        return Err(format!("gexf children {top:?}"));
    }
    let g = els
        .iter()
        .position(|e| e.name == "graph" && e.parent == Some(0))
        .ok_or("no graph")?;
    let order: Vec<&str> = els
        .iter()
        .filter(|e| e.parent == Some(g))
        .map(|e| e.name.as_str())
        .collect();
    let first_nodes = order.iter().position(|n| *n == "nodes");
    if first_nodes.is_none_or(|i| {
        order[i + 1..] != ["edges"] || order[..i].iter().any(|n| *n != "attributes")
    }) {
        return Err(format!("graph children {order:?}"));
    }
    let mut declared: BTreeMap<(String, String), String> = BTreeMap::new();
    for (a, attrs) in children(&els, g, "attributes") {
        let class = attrs.attr("class")?.to_string();
        if class != "node" && class != "edge" {
            return Err(format!("attributes class {class}"));
        }
        for (_, at) in children(&els, a, "attribute") {
            at.attr("title")?;
            let ty = at.attr("type")?.to_string();
            value_of(&ty, "1")?;
            if declared
                .insert((class.clone(), at.attr("id")?.to_string()), ty)
                .is_some()
            {
                return Err("an attribute declared twice".into());
            }
        }
    }
    let counted = |i: usize, what: &str, n: usize| -> Result<(), String> {
        match els[i].attrs.get("count") {
            Some(c) if c.parse::<usize>().ok() != Some(n) => {
                Err(format!("{what} count {c}, {n} present"))
            }
            _ => Ok(()),
        }
    };
    let (ni, _) = children(&els, g, "nodes").next().ok_or("no nodes")?;
    let (ei, _) = children(&els, g, "edges").next().ok_or("no edges")?;
    let mut nodes = Vec::new();
    let mut seen = BTreeSet::new();
    for (_, n) in children(&els, ni, "node") {
        let id = n.attr("id")?.to_string();
        if !seen.insert(id.clone()) {
            return Err(format!("node {id} twice"));
        }
        nodes.push(id);
    }
    counted(ni, "nodes", nodes.len())?;
    let mut edges = Vec::new();
    for (_, e) in children(&els, ei, "edge") {
        let (s, t) = (e.attr("source")?.to_string(), e.attr("target")?.to_string());
        for end in [&s, &t] {
            if !seen.contains(end) {
                return Err(format!("edge to undeclared node {end}"));
            }
        }
        if let Some(w) = e.attrs.get("weight") {
            value_of("double", w)?;
        }
        edges.push((s, t));
    }
    counted(ei, "edges", edges.len())?;
    for v in els.iter().filter(|e| e.name == "attvalue") {
        let values = v.parent.ok_or("attvalue at the root")?;
        let owner = els[values].parent.ok_or("attvalues at the root")?;
        let class = els[owner].name.clone();
        let key = (class.clone(), v.attr("for")?.to_string());
        let ty = declared
            .get(&key)
            .ok_or_else(|| format!("value for undeclared {class} attribute {}", key.1))?;
        value_of(ty, v.attr("value")?)?;
    }
    Ok((nodes, edges))
}

/// Runs `xmllint --noout --schema XSD` on `doc`: `None` when xmllint is not installed
/// (callers say so and rely on the checks above), else whether it validated, with its
/// messages.
pub fn xmllint(doc: &str, xsd: &std::path::Path) -> Option<Result<(), String>> {
    let probe = std::process::Command::new("xmllint")
        .arg("--version")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("doc.xml");
    std::fs::write(&file, doc).ok()?;
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(xsd)
        .arg(&file)
        .output()
        .ok()?;
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}
