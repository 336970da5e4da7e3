//! JSON Lines dumps, one article per line, and JSON arrays of the same objects.
//!
//! Field mapping (first present wins; documented in docs/output.md):
//!
//! | article   | JSON fields |
//! |-----------|-------------|
//! | title     | `title`, `headline`, `name` |
//! | body      | `content`, `body`, `text`, `article`, `articleBody`, `paragraphs` (array), else `description`, `summary` |
//! | published | `published`, `date_published`, `datePublished`, `pubDate`, `published_at`, `date`, `created_at`, else `date_extracted` (a crawl time; flagged) |
//! | author    | `author`, `byline`, `authors`, `writer` (string, array, or object with `name`) |
//! | outlet    | `outlet`, `site_name`, `publisher`, `source_name`, `site`, `source` (mapped through the outlet-names table when it is an id) |
//! | url       | `url`, `link`, `canonical_url` |
//! | tags      | `tags`, `keywords`, `categories`, `category` (array or comma-separated) |
//! | language  | `language`, `lang` |
//! | external_id | `id`, `_id`, `guid`, `uuid` |
//!
//! SaudiNewsNet's `author` is a byline ("الرياض - الوئام :"), so it is split into dateline,
//! author and outlet like any byline. `content` paragraphs are separated by blank lines.

use crate::Event;
use crate::byline;
use crate::compress::classify;
use crate::dates::parse_date;
use crate::error::{ErrorKind, IngestError};
use crate::finish::{clean_text, finish};
use crate::limits::human_bytes;
use marsad_core::{Article, Format, Source};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::BufRead;

const TITLE: &[&str] = &["title", "headline", "name"];
const BODY: &[&str] = &[
    "content",
    "body",
    "text",
    "article",
    "articleBody",
    "paragraphs",
];
const SUMMARY: &[&str] = &["description", "summary"];
const PUBLISHED: &[&str] = &[
    "published",
    "date_published",
    "datePublished",
    "pubDate",
    "published_at",
    "date",
    "created_at",
];
const CRAWLED: &[&str] = &["date_extracted", "crawled_at", "scraped_at"];
const AUTHOR: &[&str] = &["author", "byline", "authors", "writer"];
const OUTLET: &[&str] = &[
    "outlet",
    "site_name",
    "publisher",
    "source_name",
    "site",
    "source",
];
const URL: &[&str] = &["url", "link", "canonical_url"];
const TAGS: &[&str] = &["tags", "keywords", "categories", "category"];
const LANGUAGE: &[&str] = &["language", "lang"];
const ID: &[&str] = &["id", "_id", "guid", "uuid"];

/// Options for mapping records.
#[derive(Debug, Clone, Default)]
pub struct JsonOptions {
    /// Outlet ids (e.g. SaudiNewsNet's `alweeam`) to display names.
    pub outlet_names: HashMap<String, String>,
}

fn first<'a>(
    o: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, &'a Value)> {
    keys.iter().find_map(|&k| {
        o.get(k)
            .filter(|v| !v.is_null() && v.as_str() != Some(""))
            .map(|v| (k, v))
    })
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(string),
        Value::Array(a) => {
            let parts: Vec<String> = a
                .iter()
                .filter_map(string)
                .filter(|s| !s.trim().is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("، "))
        }
        _ => None,
    }
}

fn paragraphs(v: &Value) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        let sep = if s.contains("\n\n") { "\n\n" } else { "\n" };
        s.split(sep)
            .map(clean_text)
            .filter(|p| !p.is_empty())
            .collect()
    };
    match v {
        Value::String(s) => split(s),
        Value::Array(a) => a
            .iter()
            .filter_map(string)
            .flat_map(|s| split(&s))
            .collect(),
        _ => Vec::new(),
    }
}

/// Maps one JSON object to an article.
pub fn map_record(
    source: Source,
    o: &Map<String, Value>,
    opts: &JsonOptions,
) -> Result<Article, ErrorKind> {
    let mut a = Article::new(source, Format::Jsonl);
    a.title = first(o, TITLE)
        .and_then(|(_, v)| string(v))
        .unwrap_or_default();
    let mut body = first(o, BODY)
        .map(|(_, v)| paragraphs(v))
        .unwrap_or_default();
    if body.is_empty()
        && let Some((k, v)) = first(o, SUMMARY)
    {
        body = paragraphs(v);
        a.warn(
            "jsonl.summary-only",
            format!("no body field; body taken from '{k}'"),
        );
    }
    if body.is_empty() && a.title.trim().is_empty() {
        return Err(ErrorKind::Json(format!(
            "record has none of the title or body fields ({})",
            BODY.join(", ")
        )));
    }
    a.set_paragraphs(&body);
    let date = first(o, PUBLISHED)
        .map(|(k, v)| (k, v, false))
        .or_else(|| first(o, CRAWLED).map(|(k, v)| (k, v, true)));
    if let Some((key, v, crawled)) = date {
        let raw = string(v).unwrap_or_default();
        match parse_date(&raw) {
            Some(p) => {
                a.published = Some(p.published);
                a.diagnostics.extend(p.diagnostics);
                if crawled {
                    a.warn(
                        "jsonl.crawl-date",
                        format!("published taken from '{key}', a crawl time"),
                    );
                }
            }
            None => a.warn(
                "date.unparsed",
                format!("'{key}' value '{raw}' not understood"),
            ),
        }
        a.published_raw = Some(raw);
    }
    if let Some((_, v)) = first(o, AUTHOR)
        && let Some(b) = string(v)
    {
        let parsed = byline::parse(&b);
        a.byline = Some(b);
        a.author = parsed.author;
        a.outlet = parsed.outlet;
        a.dateline = parsed.dateline;
    }
    if let Some((key, v)) = first(o, OUTLET)
        && let Some(name) = string(v)
    {
        let mapped = opts.outlet_names.get(&name).cloned();
        if mapped.is_none()
            && key == "source"
            && name.is_ascii()
            && !name.contains(' ')
            && a.outlet.is_some()
        {
            // An unmapped outlet id; the byline's outlet name is more useful.
        } else {
            a.outlet = Some(mapped.unwrap_or(name));
        }
    }
    a.url = first(o, URL).and_then(|(_, v)| string(v));
    a.tags = match first(o, TAGS).map(|(_, v)| v) {
        Some(Value::Array(t)) => t.iter().filter_map(string).collect(),
        Some(Value::String(s)) => s
            .split([',', '،', ';', '؛'])
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    a.external_id = first(o, ID).and_then(|(_, v)| string(v));
    let lang = first(o, LANGUAGE).and_then(|(_, v)| string(v));
    Ok(finish(a, lang.as_deref()))
}

/// The outcome of reading one line.
enum Line {
    Eof,
    Ok,
    TooLong,
}

/// Reads one line into `buf` (without the newline), never holding more than `limit` bytes:
/// a longer line is consumed through its newline and reported as too long.
fn read_line_bounded(r: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> std::io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if !any {
                Line::Eof
            } else if too_long {
                Line::TooLong
            } else {
                Line::Ok
            });
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if (buf.len() + take) as u64 > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(take + usize::from(done));
        if done {
            return Ok(if too_long { Line::TooLong } else { Line::Ok });
        }
    }
}

/// Parses one line; `None` for blank lines.
pub fn parse_line(
    location: &str,
    index: u64,
    line: &[u8],
    opts: &JsonOptions,
) -> Option<Result<Article, IngestError>> {
    let source = Source::record(location, index);
    let trimmed = line.trim_ascii();
    if trimmed.is_empty() {
        return None;
    }
    let err = |k| Some(Err(IngestError::new(source.clone(), k)));
    let text = match std::str::from_utf8(trimmed) {
        Ok(t) => t.trim_start_matches('\u{FEFF}'),
        Err(e) => {
            return err(ErrorKind::Encoding(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )));
        }
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => {
            Some(map_record(source.clone(), &o, opts).map_err(|k| IngestError::new(source, k)))
        }
        Ok(other) => err(ErrorKind::Json(format!(
            "line is JSON but not an object ({})",
            kind_name(&other)
        ))),
        Err(e) => err(ErrorKind::Json(format!("line is not JSON: {e}"))),
    }
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Lines parsed per batch; batches are split across threads.
const BATCH_LINES: usize = 512;

/// Parses a batch of lines on up to `threads` threads, results in line order.
fn parse_batch(
    location: &str,
    batch: &[(u64, Option<Vec<u8>>)],
    max_line: u64,
    opts: &JsonOptions,
    threads: usize,
) -> Vec<Option<Event>> {
    let one = |(index, line): &(u64, Option<Vec<u8>>)| -> Option<Event> {
        match line {
            Some(l) => parse_line(location, *index, l, opts).map(Event::from),
            None => Some(Event::Failed(IngestError::new(
                Source::record(location, *index),
                ErrorKind::TooLarge {
                    what: "JSONL line",
                    limit: human_bytes(max_line),
                },
            ))),
        }
    };
    if threads <= 1 || batch.len() < 64 {
        return batch.iter().map(one).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(batch.chunks(chunk))
            .flat_map(|(h, c)| h.join().unwrap_or_else(|_| c.iter().map(one).collect()))
            .collect()
    })
}

/// Streams a JSONL file, calling `sink` for every record, in order. Lines are 0-based
/// record indexes; blank lines are skipped. Lines are parsed in batches on all cores. A read
/// error (truncated gzip…) ends the file with one error naming the line it broke in.
pub fn read_jsonl(
    location: &str,
    reader: &mut dyn BufRead,
    max_line: u64,
    opts: &JsonOptions,
    sink: &mut dyn FnMut(Event),
) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut index = 0u64;
    let mut batch: Vec<(u64, Option<Vec<u8>>)> = Vec::with_capacity(BATCH_LINES);
    loop {
        let mut buf = Vec::new();
        let step = read_line_bounded(reader, &mut buf, max_line);
        match &step {
            Ok(Line::Ok) => batch.push((index, Some(buf))),
            Ok(Line::TooLong) => batch.push((index, None)),
            Ok(Line::Eof) | Err(_) => {}
        }
        let end = !matches!(step, Ok(Line::Ok | Line::TooLong));
        if batch.len() >= BATCH_LINES || end {
            for e in parse_batch(location, &batch, max_line, opts, threads)
                .into_iter()
                .flatten()
            {
                sink(e);
            }
            batch.clear();
        }
        if let Err(e) = step {
            sink(Event::Failed(IngestError::new(
                Source::record(location, index),
                classify(e),
            )));
            return;
        }
        if end {
            return;
        }
        index += 1;
    }
}

/// Reads a JSON array of article objects (the SaudiNewsNet zips' native form).
pub fn read_json_array(
    location: &str,
    bytes: &[u8],
    opts: &JsonOptions,
) -> Result<Vec<Result<Article, IngestError>>, ErrorKind> {
    let v: Value =
        serde_json::from_slice(bytes).map_err(|e| ErrorKind::Json(format!("not JSON: {e}")))?;
    let Value::Array(items) = v else {
        return Err(ErrorKind::Json(
            "JSON document is not an array of articles".into(),
        ));
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let source = Source::record(location, i as u64);
            match item {
                Value::Object(o) => {
                    map_record(source.clone(), o, opts).map_err(|k| IngestError::new(source, k))
                }
                other => Err(IngestError::new(
                    source,
                    ErrorKind::Json(format!("element is {}, not an object", kind_name(other))),
                )),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines_skip_the_long_one_and_keep_going() {
        let data = format!(
            "{{\"title\":\"أ\",\"content\":\"نص\"}}\n{}\n{{\"title\":\"ب\",\"content\":\"نص آخر\"}}\n",
            "x".repeat(5000)
        );
        let mut r = std::io::BufReader::with_capacity(64, data.as_bytes());
        let mut out = Vec::new();
        read_jsonl("t.jsonl", &mut r, 1000, &JsonOptions::default(), &mut |x| {
            out.push(x)
        });
        assert_eq!(out.len(), 3);
        assert!(matches!(out[0], Event::Article(_)) && matches!(out[2], Event::Article(_)));
        let Event::Failed(e) = &out[1] else {
            panic!("expected a failure")
        };
        assert_eq!(e.source.record, Some(1));
        assert!(matches!(e.kind, ErrorKind::TooLarge { .. }));
    }
}
