//! RSS 0.9x/1.0/2.0 and Atom feeds (feed-rs): each item or entry becomes an article, from
//! `content:encoded` / `<content>` when present, otherwise the description / summary.
//!
//! Feeds are XML, so a document that declares entities in a DTD is refused before parsing:
//! no feed needs them, and expanding them is how entity bombs work. feed-rs itself never
//! expands custom entities either.

use crate::dates::parse_date;
use crate::encoding;
use crate::error::{ErrorKind, IngestError};
use crate::finish::{clean_text, finish};
use crate::html::fragment_paragraphs;
use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, FeedType};
use marsad_core::{Article, Format, Published, Source};
use std::sync::{Arc, Mutex};

/// True when an XML document declares entities (`<!ENTITY`), the precondition of an
/// entity-expansion bomb.
pub fn declares_entities(bytes: &[u8]) -> bool {
    bytes
        .windows(8)
        .any(|w| w.eq_ignore_ascii_case(b"<!ENTITY"))
}

type Seen = Arc<Mutex<Vec<(DateTime<Utc>, Published, String)>>>;

/// Parses feed timestamps with marsad's date parser (Arabic month names, Hijri, local
/// times) and remembers each raw string with its zone-aware reading, since feed-rs keeps
/// only a UTC instant.
fn timestamp_hook(seen: Seen) -> impl Fn(&str) -> Option<DateTime<Utc>> + Send + Sync + 'static {
    move |raw: &str| {
        let p = parse_date(raw)?;
        let utc = match p.published.instant() {
            Some(i) => i.with_timezone(&Utc),
            None => p.published.local.and_utc(),
        };
        if let Ok(mut s) = seen.lock() {
            s.push((utc, p.published, raw.trim().to_string()));
        }
        Some(utc)
    }
}

fn text_of(html_or_text: &str, is_html: bool) -> Vec<String> {
    if is_html || html_or_text.contains('<') {
        fragment_paragraphs(html_or_text)
    } else {
        html_or_text
            .split('\n')
            .map(clean_text)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

fn entry_article(
    location: &str,
    index: usize,
    entry: &Entry,
    format: Format,
    outlet: Option<&str>,
    language: Option<&str>,
    seen: &Seen,
) -> Result<Article, IngestError> {
    let source = Source::record(location, index as u64);
    let mut a = Article::new(source.clone(), format);
    a.title = entry
        .title
        .as_ref()
        .map(|t| text_of(&t.content, t.content_type.subty() == "html").join(" "))
        .unwrap_or_default();
    let body = entry
        .content
        .as_ref()
        .and_then(|c| {
            c.body
                .as_ref()
                .map(|b| text_of(b, c.content_type.subty() != "plain"))
        })
        .filter(|ps| !ps.is_empty());
    let paragraphs = match body {
        Some(ps) => ps,
        None => {
            let summary = entry
                .summary
                .as_ref()
                .map(|s| text_of(&s.content, true))
                .unwrap_or_default();
            if !summary.is_empty() {
                a.warn(
                    "feed.summary-only",
                    "no full content in the item; body is its description",
                );
            }
            summary
        }
    };
    if a.title.is_empty() && paragraphs.is_empty() {
        return Err(IngestError::new(
            source,
            ErrorKind::Empty("feed item has no title, content or description".into()),
        ));
    }
    a.set_paragraphs(&paragraphs);
    a.external_id = Some(entry.id.clone()).filter(|i| !i.is_empty());
    a.url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let names: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if !names.is_empty() {
        a.byline = Some(names.join("، "));
        a.author = Some(names.join("، "));
    }
    a.outlet = outlet.map(String::from);
    a.tags = entry
        .categories
        .iter()
        .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
        .collect();
    if let Some(when) = entry.published.or(entry.updated) {
        let guard = seen.lock().ok();
        let found = guard
            .as_ref()
            .and_then(|s| s.iter().find(|(u, _, _)| *u == when).cloned());
        match found {
            Some((_, p, raw)) => {
                a.published = Some(p);
                a.published_raw = Some(raw);
            }
            None => {
                a.published = Some(Published::with_offset(
                    when.fixed_offset(),
                    marsad_core::Precision::Second,
                ))
            }
        }
        if entry.published.is_none() {
            a.warn(
                "feed.updated-as-published",
                "no publication time; the update time is used",
            );
        }
    } else {
        a.warn("feed.no-date", "the item has no date");
    }
    Ok(finish(a, language))
}

/// Reads every item of a feed. The outer error is for the document; inner ones per item.
pub fn read_feed(
    location: &str,
    bytes: &[u8],
) -> Result<Vec<Result<Article, IngestError>>, ErrorKind> {
    if declares_entities(bytes) {
        return Err(ErrorKind::Xml(
            "the XML declares entities in a DTD; refused without expanding them (entity-bomb guard)".into(),
        ));
    }
    // feed-rs reads the XML encoding declaration itself only for UTF-8; decode first so
    // Windows-1256 feeds work, and hand it UTF-8 without the declaration's charset.
    let (text, _diags) = encoding::decode(bytes, None, true)?;
    let text = strip_xml_encoding(&text);
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(timestamp_hook(seen.clone()))
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| ErrorKind::Feed(e.to_string()))?;
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        _ => Format::Rss,
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| clean_text(&t.content))
        .filter(|t| !t.is_empty());
    let language = feed.language.clone();
    if feed.entries.is_empty() {
        return Err(ErrorKind::Empty("the feed has no items".into()));
    }
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            entry_article(
                location,
                i,
                e,
                format,
                outlet.as_deref(),
                language.as_deref(),
                &seen,
            )
        })
        .collect())
}

/// Removes `encoding="…"` from the XML declaration of already-decoded text.
fn strip_xml_encoding(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim_start_matches('\u{FEFF}');
    if t.starts_with("<?xml")
        && let Some(end) = t.find("?>")
    {
        return std::borrow::Cow::Owned(format!("<?xml version=\"1.0\"?>{}", &t[end + 2..]));
    }
    std::borrow::Cow::Borrowed(t)
}
