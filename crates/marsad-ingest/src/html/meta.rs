//! Page metadata: JSON-LD `NewsArticle`, Open Graph and `article:*` properties, `<meta>`
//! names, `<link rel=canonical>`, `<html lang>`, `<title>`.

use dom_query::Document;
use serde_json::Value;

/// What a page says about itself, before the body is extracted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub tags: Vec<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The JSON-LD `articleBody`, used when the DOM yields nothing better.
    pub article_body: Option<String>,
    /// True when a JSON-LD or `og:type` says this page is an article.
    pub is_article: bool,
    /// True when the page calls itself opinion: a JSON-LD `OpinionNewsArticle`, or an
    /// opinion section (`articleSection`, `article:section`).
    pub opinion: bool,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
];

fn s(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(s),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(s).collect();
            (!names.is_empty()).then(|| names.join("، "))
        }
        _ => None,
    }
}

fn has_article_type(o: &serde_json::Map<String, Value>) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// Finds the first article object in a JSON-LD value (top level, array or `@graph`).
fn find_article(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Object(o) if has_article_type(o) => Some(o),
        Value::Object(o) => o.get("@graph").and_then(|g| find_article(g, depth + 1)),
        Value::Array(a) => a.iter().find_map(|x| find_article(x, depth + 1)),
        _ => None,
    }
}

fn meta_content(doc: &Document, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel).nodes().iter().find_map(|n| {
            n.attr("content")
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        })
    })
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

fn split_keywords(k: &str) -> Vec<String> {
    k.split([',', '،', ';', '؛'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Reads the page's metadata.
pub fn extract(doc: &Document) -> Meta {
    let mut m = Meta::default();
    for script in doc.select("script[type='application/ld+json']").nodes() {
        let text = script.text();
        // CDATA wrappers and trailing semicolons appear in the wild.
        let raw = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim()
            .trim_end_matches(';');
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let Some(o) = find_article(&v, 0) else {
            continue;
        };
        m.is_article = true;
        m.opinion |= match o.get("@type") {
            Some(Value::String(t)) => t == "OpinionNewsArticle",
            Some(Value::Array(ts)) => ts.iter().any(|t| t == "OpinionNewsArticle"),
            _ => false,
        } || o
            .get("articleSection")
            .and_then(s)
            .is_some_and(|sec| crate::genre::is_opinion_section(&sec));
        m.title = m.title.or_else(|| o.get("headline").and_then(s));
        m.published = m
            .published
            .or_else(|| o.get("datePublished").and_then(s))
            .or_else(|| o.get("dateCreated").and_then(s));
        m.author = m
            .author
            .or_else(|| o.get("author").and_then(s))
            .or_else(|| o.get("creator").and_then(s));
        m.outlet = m
            .outlet
            .or_else(|| o.get("publisher").and_then(s))
            .or_else(|| o.get("sourceOrganization").and_then(s));
        if m.tags.is_empty() {
            m.tags = match o.get("keywords") {
                Some(Value::String(k)) => split_keywords(k),
                Some(Value::Array(a)) => a.iter().filter_map(s).collect(),
                _ => Vec::new(),
            };
        }
        m.language = m.language.or_else(|| o.get("inLanguage").and_then(s));
        m.url = m.url.or_else(|| o.get("url").and_then(s)).or_else(|| {
            o.get("mainEntityOfPage")
                .and_then(|p| p.get("@id").and_then(s).or_else(|| s(p)))
        });
        m.article_body = m.article_body.or_else(|| o.get("articleBody").and_then(s));
    }
    m.title = m.title.or_else(|| {
        meta_content(
            doc,
            &["meta[property='og:title']", "meta[name='twitter:title']"],
        )
    });
    m.published = m.published.or_else(|| {
        meta_content(
            doc,
            &[
                "meta[property='article:published_time']",
                "meta[name='article:published_time']",
                "meta[itemprop='datePublished']",
                "meta[name='pubdate']",
                "meta[name='publishdate']",
                "meta[name='date']",
                "meta[name='DC.date.issued']",
                "meta[name='dc.date']",
                "meta[name='sailthru.date']",
                "meta[name='parsely-pub-date']",
            ],
        )
    });
    if m.published.is_none() {
        m.published = doc
            .select("article time[datetime], time[pubdate], time[itemprop='datePublished'], time[datetime]")
            .nodes()
            .first()
            .and_then(|t| t.attr("datetime").map(|d| d.to_string()));
    }
    let meta_author = meta_content(
        doc,
        &[
            "meta[name='author']",
            "meta[property='article:author']",
            "meta[name='dc.creator']",
        ],
    )
    .filter(|a| !is_url(a));
    m.author = m.author.or(meta_author);
    m.outlet = m.outlet.or_else(|| {
        meta_content(
            doc,
            &[
                "meta[property='og:site_name']",
                "meta[name='application-name']",
            ],
        )
    });
    if m.tags.is_empty() {
        m.tags = doc
            .select("meta[property='article:tag']")
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content").map(|c| c.trim().to_string()))
            .filter(|t| !t.is_empty())
            .collect();
    }
    if m.tags.is_empty() {
        m.tags = meta_content(
            doc,
            &["meta[name='news_keywords']", "meta[name='keywords']"],
        )
        .map(|k| split_keywords(&k))
        .unwrap_or_default();
    }
    m.url = m.url.or_else(|| {
        doc.select("link[rel='canonical']")
            .nodes()
            .first()
            .and_then(|l| l.attr("href").map(|h| h.to_string()))
    });
    m.url = m
        .url
        .or_else(|| meta_content(doc, &["meta[property='og:url']"]));
    m.language = m
        .language
        .or_else(|| doc.select("html").attr("lang").map(|l| l.to_string()));
    if meta_content(doc, &["meta[property='article:section']"])
        .is_some_and(|sec| crate::genre::is_opinion_section(&sec))
    {
        m.opinion = true;
    }
    if meta_content(doc, &["meta[property='og:type']"]).is_some_and(|t| t == "article") {
        m.is_article = true;
    }
    if m.title.is_none() {
        let t = doc.select("title").text().trim().to_string();
        // "<headline> | <site>" or "<headline> - <site>": keep the longest part.
        let mut parts = vec![t.as_str()];
        for sep in [" | ", " - ", " – ", " — "] {
            parts = parts.iter().flat_map(|p| p.split(sep)).collect();
        }
        let best = parts
            .into_iter()
            .max_by_key(|p| p.chars().count())
            .map(|b| b.trim().to_string());
        m.title = best.filter(|b| !b.is_empty());
    }
    m
}
