//! Saved HTML pages: charset, metadata, boilerplate removal, then main-text extraction with
//! dom_smoothie (a Readability port), split into paragraphs at block boundaries.

pub mod boilerplate;
pub mod meta;

use crate::byline;
use crate::dates::parse_date;
use crate::encoding;
use crate::error::ErrorKind;
use crate::finish::{clean_text, finish};
use dom_query::{Document, NodeRef};
use marsad_core::{Article, Format, Source};

/// Pages whose extracted body is shorter than this (in non-space characters) hold no article.
pub const MIN_BODY_CHARS: usize = 80;

/// Documents with more elements than this are refused (a pathological page, not news).
pub const MAX_ELEMENTS: usize = 200_000;

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "br",
    "hr",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "aside",
    "center",
    "address",
];

/// Collects the text of `node` into paragraphs, breaking at block elements.
fn collect(node: &NodeRef<'_>, cur: &mut String, out: &mut Vec<String>, depth: usize) {
    for child in node.children_it(false) {
        if child.is_text() {
            cur.push_str(&child.text());
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
                continue;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                flush(cur, out);
            }
            if depth < 200 {
                collect(&child, cur, out, depth + 1);
            }
            if block {
                flush(cur, out);
            }
        }
    }
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let p = clean_text(&cur.replace('\n', " "));
    if !p.is_empty() {
        out.push(p);
    }
    cur.clear();
}

/// Splits an HTML fragment (feed content, an extracted article) into paragraphs.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    let mut out = Vec::new();
    let mut cur = String::new();
    collect(&doc.root(), &mut cur, &mut out, 0);
    flush(&mut cur, &mut out);
    out
}

fn non_space_chars(ps: &[String]) -> usize {
    ps.iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Reads one article from an HTML page. `transport_charset` comes from an HTTP header
/// (WARC), `url` from the container (WARC target, feed link).
pub fn read_html(
    source: Source,
    format: Format,
    bytes: &[u8],
    transport_charset: Option<&str>,
    url: Option<&str>,
) -> Result<Article, ErrorKind> {
    let (text, diags) = encoding::decode(bytes, transport_charset, true)?;
    let doc = Document::from(text.as_str());
    let elements = doc.select("*").length();
    if elements > MAX_ELEMENTS {
        return Err(ErrorKind::TooLarge {
            what: "page element count",
            limit: MAX_ELEMENTS.to_string(),
        });
    }
    let m = meta::extract(&doc);
    let mut a = Article::new(source, format);
    a.diagnostics.extend(diags);

    let page_byline = doc
        .select("[rel='author'], .byline, .author, [itemprop='author'], .writer, .kateb")
        .nodes()
        .first()
        .map(|n| clean_text(&n.text()).replace('\n', " "))
        .filter(|b| !b.is_empty() && b.chars().count() < 120);

    let removed = boilerplate::strip(&doc);
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let url_ok = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut paragraphs = Vec::new();
    let mut extracted_title = None;
    let mut extracted_byline = None;
    match dom_smoothie::Readability::with_document(doc, url_ok, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(art) => {
                paragraphs = fragment_paragraphs(&art.content);
                extracted_title = Some(art.title).filter(|t| !t.trim().is_empty());
                extracted_byline = art.byline;
            }
            Err(e) => a.warn("html.extractor", format!("dom_smoothie: {e}")),
        },
        Err(e) => a.warn("html.extractor", format!("dom_smoothie: {e}")),
    }
    let before = paragraphs.len();
    paragraphs.retain(|p| !boilerplate::is_noise_paragraph(p));
    let dropped_lines = before - paragraphs.len();
    if removed > 0 || dropped_lines > 0 {
        a.warn(
            "html.boilerplate-dropped",
            format!("{removed} boilerplate elements and {dropped_lines} boilerplate lines removed"),
        );
    }
    if non_space_chars(&paragraphs) < MIN_BODY_CHARS
        && let Some(body) = &m.article_body
    {
        paragraphs = body
            .split('\n')
            .map(clean_text)
            .filter(|p| !p.is_empty())
            .collect();
        a.warn("html.jsonld-body", "body taken from JSON-LD articleBody");
    }
    let n = non_space_chars(&paragraphs);
    if n < MIN_BODY_CHARS {
        return Err(ErrorKind::NoArticle(if paragraphs.is_empty() {
            "no main text".into()
        } else {
            format!("only {n} characters of main text, below {MIN_BODY_CHARS}")
        }));
    }

    a.title = m.title.clone().or(extracted_title).unwrap_or_default();
    if a.title.is_empty() {
        a.warn("html.no-title", "no title in metadata or page");
    }
    // The headline often opens the extracted text too.
    if paragraphs
        .first()
        .is_some_and(|p| clean_text(p) == clean_text(&a.title))
    {
        paragraphs.remove(0);
    }
    a.set_paragraphs(&paragraphs);
    a.url = m.url.clone().or_else(|| url.map(String::from));
    a.tags = m.tags.clone();

    if let Some(raw) = &m.published {
        match parse_date(raw) {
            Some(p) => {
                a.published = Some(p.published);
                a.diagnostics.extend(p.diagnostics);
            }
            None => a.warn(
                "date.unparsed",
                format!("published time '{raw}' not understood"),
            ),
        }
        a.published_raw = Some(raw.clone());
    } else {
        a.warn("html.no-date", "no publication time in metadata");
    }

    if m.opinion {
        a.genre = marsad_core::Genre::Opinion;
    }
    a.byline = m.author.clone().or(page_byline).or(extracted_byline);
    a.author = m.author.clone();
    a.outlet = m.outlet.clone();
    if a.author.is_none()
        && let Some(b) = a.byline.as_deref()
    {
        let parsed = byline::parse(b);
        a.author = parsed.author;
        a.outlet = a.outlet.or(parsed.outlet);
        a.dateline = parsed.dateline;
    } else if let Some(au) = a.author.clone()
        && byline::looks_like_outlet(&au)
        && a.outlet.is_none()
    {
        a.outlet = Some(au);
        a.author = None;
    }
    Ok(finish(a, m.language.as_deref()))
}
