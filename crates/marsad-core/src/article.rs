//! The article: what every reader produces and every later stage reads.

use crate::{
    Actor, Diagnostic, Entity, Event, Format, Precision, Published, Quote, Source, Timezone,
};
use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One news article, rebuilt from a file, a feed item or a record.
///
/// Invariant: `body` is the paragraphs joined by `"\n\n"`, and no paragraph is empty or
/// contains `"\n\n"`; every later span (entities, quotes…) counts Unicode scalar values
/// (chars) into `body`. Use [`Article::set_paragraphs`] to keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: a hash of the article's content and canonical URL (see `marsad-ingest`).
    pub id: String,
    /// The file or URL read, and the record index inside it.
    pub source: Source,
    /// The container format.
    pub format: Format,
    /// The article's own URL when the source gives one (canonical link, WARC target, feed link).
    pub url: Option<String>,
    /// The record's own id in its source, when it has one (a JSONL `id`, a feed item's guid).
    pub external_id: Option<String>,
    /// The headline.
    pub title: String,
    /// When it was published, as precisely as the source said.
    pub published: Option<Published>,
    /// The date text as written in the source, before parsing.
    pub published_raw: Option<String>,
    /// The writer, kept apart from the outlet.
    pub author: Option<String>,
    /// The publishing outlet (newspaper, site, agency).
    pub outlet: Option<String>,
    /// The place of a dateline byline ("الرياض - واس"), when one was recognized.
    pub dateline: Option<String>,
    /// The byline exactly as found.
    pub byline: Option<String>,
    /// News or opinion (columns, editorials), as the page, its address or its byline says.
    pub genre: Genre,
    /// Tags or keywords, de-duplicated, in source order.
    pub tags: Vec<String>,
    /// Paragraphs joined by `"\n\n"`.
    pub body: String,
    /// BCP 47 primary language subtag (`ar`), or `und` when unknown.
    pub language: String,
    /// Id of the earliest copy when this article is an exact or near duplicate.
    pub dup_of: Option<String>,
    /// What was guessed, repaired or dropped while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Entity mentions in the body, linked to actors (filled by `marsad_extract::actors`).
    pub entities: Vec<Entity>,
    /// The actors the entities refer to, as this article describes them.
    pub actors: Vec<Actor>,
    /// Statements found in the body (filled by `marsad_extract::quotes`; empty until then).
    pub quotes: Vec<Quote>,
    /// Events found in the body (filled by `marsad_extract::events`; empty until then).
    pub events: Vec<Event>,
}

impl Article {
    /// An empty article read from `source` in `format`; readers fill in the rest.
    pub fn new(source: Source, format: Format) -> Article {
        Article {
            id: String::new(),
            source,
            format,
            url: None,
            external_id: None,
            title: String::new(),
            published: None,
            published_raw: None,
            author: None,
            outlet: None,
            dateline: None,
            byline: None,
            genre: Genre::News,
            tags: Vec::new(),
            body: String::new(),
            language: "und".into(),
            dup_of: None,
            diagnostics: Vec::new(),
            entities: Vec::new(),
            actors: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Sets the body from paragraphs: each is trimmed, internal blank lines are folded so
    /// that the `"\n\n"` separator stays unambiguous, and empty paragraphs are skipped.
    pub fn set_paragraphs<I, S>(&mut self, paragraphs: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.body.clear();
        for p in paragraphs {
            let p = p.as_ref().trim();
            if p.is_empty() {
                continue;
            }
            if !self.body.is_empty() {
                self.body.push_str("\n\n");
            }
            if !p.contains('\n') {
                self.body.push_str(p);
                continue;
            }
            let mut prev_newline = false;
            for c in p.chars() {
                if c == '\n' {
                    if !prev_newline {
                        self.body.push('\n');
                    }
                    prev_newline = true;
                } else {
                    // A '\n' followed by spaces and another '\n' is still one break.
                    if !(prev_newline && c.is_whitespace()) {
                        prev_newline = false;
                        self.body.push(c);
                    }
                }
            }
        }
    }

    /// The paragraphs of `body`.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.is_empty())
    }

    /// Adds a diagnostic.
    pub fn warn(&mut self, kind: &str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(kind, message));
    }
}

/// The JSON Lines record documented in `docs/output.md`. Field order is part of the
/// contract: people diff these files.
impl Serialize for Article {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Article", 25)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("format", &self.format)?;
        st.serialize_field("url", &self.url)?;
        st.serialize_field("external_id", &self.external_id)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("published", &self.published.as_ref().map(|p| p.to_string()))?;
        st.serialize_field(
            "published_local",
            &self.published.as_ref().map(Published::is_local),
        )?;
        st.serialize_field(
            "published_precision",
            &self.published.as_ref().map(|p| p.precision.name()),
        )?;
        st.serialize_field(
            "published_hijri",
            &self
                .published
                .as_ref()
                .and_then(|p| p.hijri)
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        )?;
        st.serialize_field("published_raw", &self.published_raw)?;
        st.serialize_field("author", &self.author)?;
        st.serialize_field("outlet", &self.outlet)?;
        st.serialize_field("dateline", &self.dateline)?;
        st.serialize_field("byline", &self.byline)?;
        st.serialize_field("genre", &self.genre)?;
        st.serialize_field("tags", &self.tags)?;
        st.serialize_field("body", &self.body)?;
        st.serialize_field("language", &self.language)?;
        st.serialize_field("dup_of", &self.dup_of)?;
        st.serialize_field("diagnostics", &self.diagnostics)?;
        st.serialize_field("entities", &self.entities)?;
        st.serialize_field("actors", &self.actors)?;
        st.serialize_field("quotes", &self.quotes)?;
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

#[derive(Deserialize)]
struct Wire {
    id: String,
    source: Source,
    format: Format,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    external_id: Option<String>,
    title: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    published_precision: Option<String>,
    #[serde(default)]
    published_hijri: Option<String>,
    #[serde(default)]
    published_raw: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    genre: Genre,
    #[serde(default)]
    tags: Vec<String>,
    body: String,
    language: String,
    #[serde(default)]
    dup_of: Option<String>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    quotes: Vec<Quote>,
    #[serde(default)]
    events: Vec<Event>,
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Article, D::Error> {
        let w = Wire::deserialize(d)?;
        let published = match &w.published {
            None => None,
            Some(s) => {
                let mut p = Published::parse_iso(s)
                    .ok_or_else(|| D::Error::custom(format!("bad published time {s:?}")))?;
                p.precision = match w.published_precision.as_deref() {
                    Some("date") => Precision::Date,
                    Some("minute") => Precision::Minute,
                    _ => p.precision,
                };
                if let Some(h) = &w.published_hijri {
                    let mut it = h.split('-').map(str::parse::<i64>);
                    if let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) =
                        (it.next(), it.next(), it.next())
                    {
                        p.hijri = Some((y as i32, m as u32, d as u32));
                    }
                }
                Some(p)
            }
        };
        Ok(Article {
            id: w.id,
            source: w.source,
            format: w.format,
            url: w.url,
            external_id: w.external_id,
            title: w.title,
            published,
            published_raw: w.published_raw,
            author: w.author,
            outlet: w.outlet,
            dateline: w.dateline,
            byline: w.byline,
            genre: w.genre,
            tags: w.tags,
            body: w.body,
            language: w.language,
            dup_of: w.dup_of,
            diagnostics: w.diagnostics,
            entities: w.entities,
            actors: w.actors,
            quotes: w.quotes,
            events: w.events,
        })
    }
}

/// What kind of piece an article is. Only opinion is recognized; the rest is news.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Genre {
    /// Reports, and anything not recognized as opinion.
    #[default]
    News,
    /// Columns, editorials, op-eds: the writer's own view.
    Opinion,
}

impl Genre {
    /// `news` or `opinion`.
    pub fn name(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Opinion => "opinion",
        }
    }

    /// Reads [`Genre::name`] back.
    pub fn parse(s: &str) -> Option<Genre> {
        match s {
            "news" => Some(Genre::News),
            "opinion" => Some(Genre::Opinion),
            _ => None,
        }
    }
}

impl Timezone {
    /// `local` or `offset`.
    pub fn name(self) -> &'static str {
        match self {
            Timezone::Local => "local",
            Timezone::Offset(_) => "offset",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sample() -> Article {
        let mut a = Article::new(Source::record("dump.jsonl", 3), Format::Jsonl);
        a.id = "0123456789abcdef".into();
        a.title = "عنوان".into();
        let mut p = Published::date(NaiveDate::from_ymd_opt(2016, 5, 24).unwrap());
        p.hijri = Some((1437, 8, 17));
        a.published = Some(p);
        a.author = Some("كاتب".into());
        a.tags = vec!["وسم".into()];
        a.set_paragraphs(["  أولى ", "", "ثانية\n\n\nمكملة"]);
        a.language = "ar".into();
        a.warn("date.hijri", "converted");
        a
    }

    #[test]
    fn paragraphs_never_hold_the_separator() {
        let a = sample();
        assert_eq!(a.body, "أولى\n\nثانية\nمكملة");
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), ["أولى", "ثانية\nمكملة"]);
    }

    #[test]
    fn json_keeps_field_order_and_round_trips() {
        let a = sample();
        let json = serde_json::to_string(&a).unwrap();
        let keys: Vec<String> = serde_json::from_str::<serde_json::Value>(&json)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        // serde_json's map is sorted unless preserve_order; check the raw text order instead.
        let pos = |k: &str| json.find(&format!("\"{k}\":")).unwrap();
        assert!(pos("id") < pos("source") && pos("source") < pos("format"));
        assert!(pos("title") < pos("published") && pos("body") < pos("dup_of"));
        assert!(pos("diagnostics") < pos("entities") && pos("quotes") < pos("events"));
        assert!(keys.contains(&"published_hijri".to_string()));
        assert!(json.contains("\"published\":\"2016-05-24\""));
        assert!(json.contains("\"published_hijri\":\"1437-08-17\""));
        assert!(json.contains("\"source\":{\"location\":\"dump.jsonl\",\"record\":3}"));
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}
