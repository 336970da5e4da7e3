//! Events in the store: one row per mention, the clusters that merge mentions of one event
//! across articles, and the actor graph built from the clusters.
//!
//! # One event, many reports
//!
//! Mentions are grouped by a **key**: the event type, the source and the target. A party is
//! its actor id; a party the actor layer did not resolve is its name in search form
//! (`~name`, marsad's search folds word by word); a missing party is empty. When both
//! parties are missing the place stands in for them (`@` key part); a mention with no
//! party and no place, or without any day, can't be told apart from other reports and
//! stays an event of its own.
//!
//! Each mention is placed on a **day**: the event's own date when the text gives a day
//! (`EventDate` with day precision), otherwise the publication day of its article (a
//! month or a year is too coarse to match reports by).
//!
//! Within a key, mentions sorted by day are cut into windows: the earliest day opens an
//! event, which takes every mention up to [`DATE_WINDOW_DAYS`] days later; the next
//! mention after that opens the next event. So any two mentions of one event are at most
//! `DATE_WINDOW_DAYS` days apart, and a daily series of shelling reports becomes one event
//! per three days rather than one event for the whole war (which single-linkage chaining
//! would give).
//!
//! The **first reporter** of an event is its mention in the earliest published article
//! (UTC when the offset is known, else wall-clock time read as UTC; undated articles last;
//! ties by article id, then by position in the article). The event's id is that mention's
//! id (`{article id}-{index}`), its certainty the label most of its mentions carry (ties
//! go to the firmer label: confirmed, reported, expected, possible, denied), its cameo,
//! mode, place and evidence those of the first report.
//!
//! # Incremental and order-independent
//!
//! A writer notes every key whose mentions change and the earliest day touched; before the
//! batch commits, each such key is re-cut from the last window that starts on or before
//! that day (earlier windows end before it and cannot change). The windows are a function
//! of the set of mentions of the key, and so are the first reporter, the counts and the
//! certainty: the clusters and the graph are the same whatever the order and the batch
//! boundaries the articles came in. What is *not* order-independent is upstream: the actor
//! ids in the key come from the actor registry, which merges aliases in arrival order, and
//! a cluster's id changes when an earlier report of it arrives later.
//!
//! # The actor graph
//!
//! `event_edges` counts the clusters between two distinct actors (both resolved to ids) by
//! type, certainty and month (the month of the cluster's first day). Re-cutting a key
//! leaves the windows that come out as they were alone, subtracts the clusters that
//! changed and adds their replacements, so the table always equals a recount (tested). Self-loops (an actor acting on itself) are left out of the graph but kept in the
//! actor's monthly counts.

use crate::error::{Error, Result};
use crate::graph::{Edge, Graph, Node};
use crate::store::{Store, normalize_alias};
use chrono::{Datelike, NaiveDate};
use marsad_core::{
    Argument, CertaintyLabel, DatePrecision, Event, EventType, Genre, Published, Quad,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// Mentions of one event are at most this many days apart (see the module docs).
pub const DATE_WINDOW_DAYS: i64 = 2;

/// Keys to re-cut before a commit, with the earliest day touched (`i64::MIN`: the whole key).
pub(crate) type Dirty = BTreeMap<String, i64>;

/// The day of 1970-01-01 in `NaiveDate::num_days_from_ce` terms.
const EPOCH_CE: i64 = 719_163;

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - EPOCH_CE
}

fn day_date(n: i64) -> Option<NaiveDate> {
    i32::try_from(n + EPOCH_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

fn iso_day(n: Option<i64>) -> Option<String> {
    n.and_then(day_date)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The day a mention is placed on: the event's own day, else the publication day.
pub fn event_day(event: &Event, published: Option<&Published>) -> Option<NaiveDate> {
    if let Some(d) = &event.date
        && d.precision == DatePrecision::Day
        && let Some(v) = &d.value
        && let Ok(day) = NaiveDate::parse_from_str(v, "%Y-%m-%d")
    {
        return Some(day);
    }
    published.map(|p| p.local.date())
}

/// A party's part of a key: its actor id, else `~` and its name in search form.
fn party_key(arg: Option<&Argument>) -> String {
    let Some(a) = arg else {
        return String::new();
    };
    if let Some(id) = &a.actor {
        return id.clone();
    }
    let name = normalize_alias(&a.name).replace('|', " ");
    if name.is_empty() {
        String::new()
    } else {
        format!("~{name}")
    }
}

/// The clustering key of a mention (see the module docs).
pub fn event_key(article_id: &str, ord: usize, event: &Event, day: Option<NaiveDate>) -> String {
    let source = party_key(event.source.as_ref());
    let target = party_key(event.target.as_ref());
    let place = if source.is_empty() && target.is_empty() {
        party_key(event.location.as_ref())
    } else {
        String::new()
    };
    if day.is_none() || (source.is_empty() && target.is_empty() && place.is_empty()) {
        return format!("#{article_id}#{ord}");
    }
    format!("{}|{source}|{target}|@{place}", event.kind.name())
}

/// The id of mention `ord` of article `article_id`.
pub fn mention_id(article_id: &str, ord: usize) -> String {
    format!("{article_id}-{ord}")
}

fn mark(dirty: &mut Dirty, key: String, day: Option<i64>) {
    let day = day.unwrap_or(i64::MIN);
    dirty
        .entry(key)
        .and_modify(|d| *d = (*d).min(day))
        .or_insert(day);
}

/// Replaces the stored events of `article_id` with `events`, noting the keys to re-cut.
/// `fresh`: the article was just added, so it has no stored events to remove.
pub(crate) fn write_article(
    conn: &Connection,
    dirty: &mut Dirty,
    article_id: &str,
    events: &[Event],
    published: Option<&Published>,
    fresh: bool,
) -> rusqlite::Result<()> {
    if !fresh {
        let mut st = conn.prepare_cached("SELECT key, day FROM events WHERE article_id = ?1")?;
        let old = st
            .query_map([article_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (key, day) in old {
            mark(dirty, key, day);
        }
        conn.prepare_cached("DELETE FROM events WHERE article_id = ?1")?
            .execute([article_id])?;
    }
    let published_ts = published.map(|p| p.sort_key().and_utc().timestamp());
    let mut st = conn.prepare_cached(
        "INSERT INTO events (article_id, ord, type, quad, cameo, mode, source_actor,
         source_name, target_actor, target_name, location, date, date_precision, day,
         published_ts, certainty, attributed_to, cue, start, end, key, cluster, event)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20, ?21, NULL, ?22)",
    )?;
    for (ord, e) in events.iter().enumerate() {
        let day = event_day(e, published);
        let key = event_key(article_id, ord, e, day);
        let day = day.map(day_number);
        let json = serde_json::to_string(e)
            .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
        let precision = e.date.as_ref().map(|d| match d.precision {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        });
        st.execute(params![
            article_id,
            ord as i64,
            e.kind.name(),
            e.quad().name(),
            e.cameo,
            e.mode,
            e.source.as_ref().and_then(|a| a.actor.as_deref()),
            e.source.as_ref().map(|a| a.name.as_str()),
            e.target.as_ref().and_then(|a| a.actor.as_deref()),
            e.target.as_ref().map(|a| a.name.as_str()),
            e.location.as_ref().map(|a| a.name.as_str()),
            e.date.as_ref().and_then(|d| d.value.as_deref()),
            precision,
            day,
            published_ts,
            e.certainty.label.name(),
            e.attributed_to,
            e.cue,
            e.start as i64,
            e.end as i64,
            key,
            json,
        ])?;
        mark(dirty, key, day);
    }
    Ok(())
}

/// One mention as the clustering sees it.
#[derive(Debug)]
struct Mention {
    article: String,
    ord: i64,
    day: Option<i64>,
    published_ts: Option<i64>,
    certainty: String,
    kind: String,
    quad: String,
    source: Option<String>,
    target: Option<String>,
    /// The cluster it is stored in.
    cluster: Option<String>,
}

impl Mention {
    /// Reads the columns `article_id, ord, day, published_ts, certainty, type, quad,
    /// source_actor, target_actor, cluster`.
    fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Mention> {
        Ok(Mention {
            article: r.get(0)?,
            ord: r.get(1)?,
            day: r.get(2)?,
            published_ts: r.get(3)?,
            certainty: r.get(4)?,
            kind: r.get(5)?,
            quad: r.get(6)?,
            source: r.get(7)?,
            target: r.get(8)?,
            cluster: r.get(9)?,
        })
    }

    /// The "who reported first" order.
    fn report_order(&self) -> (bool, i64, &str, i64) {
        (
            self.published_ts.is_none(),
            self.published_ts.unwrap_or(0),
            &self.article,
            self.ord,
        )
    }
}

/// The graph edge a cluster counts towards, if any: (source, target, type, certainty, month).
type EdgeKey = (String, String, String, String, String);

fn edge_of(
    source: Option<String>,
    target: Option<String>,
    kind: String,
    certainty: String,
    month: String,
) -> Option<EdgeKey> {
    match (source, target) {
        (Some(s), Some(t)) if s != t => Some((s, t, kind, certainty, month)),
        _ => None,
    }
}

/// Re-cuts every dirty key (see the module docs).
pub(crate) fn recluster(conn: &Connection, dirty: Dirty) -> rusqlite::Result<()> {
    for (key, day) in dirty {
        recluster_key(conn, &key, day)?;
    }
    Ok(())
}

fn month_of(day: Option<i64>) -> String {
    day.and_then(day_date)
        .map(|d| d.format("%Y-%m").to_string())
        .unwrap_or_default()
}

/// A cluster row as stored (or about to be).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cluster {
    id: String,
    kind: String,
    quad: String,
    source: Option<String>,
    target: Option<String>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    month: String,
    certainty: String,
    mentions: i64,
    articles: i64,
    first_article: String,
    first_ord: i64,
}

impl Cluster {
    /// The cluster a window of mentions (sorted by day) makes.
    fn of(group: &[Mention]) -> Option<Cluster> {
        let first = group
            .iter()
            .min_by(|a, b| a.report_order().cmp(&b.report_order()))?;
        let first_day = group[0].day;
        Some(Cluster {
            id: mention_id(&first.article, first.ord as usize),
            kind: first.kind.clone(),
            quad: first.quad.clone(),
            source: first.source.clone(),
            target: first.target.clone(),
            first_day,
            last_day: group.iter().filter_map(|m| m.day).max(),
            month: month_of(first_day),
            certainty: majority(
                group.iter().map(|m| {
                    CertaintyLabel::parse(&m.certainty).unwrap_or(CertaintyLabel::Confirmed)
                }),
            )
            .name()
            .to_string(),
            mentions: group.len() as i64,
            articles: group
                .iter()
                .map(|m| m.article.as_str())
                .collect::<BTreeSet<_>>()
                .len() as i64,
            first_article: first.article.clone(),
            first_ord: first.ord,
        })
    }

    fn edge(&self) -> Option<EdgeKey> {
        edge_of(
            self.source.clone(),
            self.target.clone(),
            self.kind.clone(),
            self.certainty.clone(),
            self.month.clone(),
        )
    }
}

fn recluster_key(conn: &Connection, key: &str, min_day: i64) -> rusqlite::Result<()> {
    // `INDEXED BY` and no ORDER BY: without statistics SQLite's planner may otherwise scan
    // a whole table through the index that gives the order, once per key.
    let stored = conn
        .prepare_cached(
            "SELECT id, type, quad, source_actor, target_actor, first_day, last_day, month,
                    certainty, mentions, articles, first_article, first_ord
             FROM event_clusters INDEXED BY event_clusters_key WHERE key = ?1",
        )?
        .query_map([key], |r| {
            Ok(Cluster {
                id: r.get(0)?,
                kind: r.get(1)?,
                quad: r.get(2)?,
                source: r.get(3)?,
                target: r.get(4)?,
                first_day: r.get(5)?,
                last_day: r.get(6)?,
                month: r.get(7)?,
                certainty: r.get(8)?,
                mentions: r.get(9)?,
                articles: r.get(10)?,
                first_article: r.get(11)?,
                first_ord: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Windows that start before the last one starting on or before `min_day` end before
    // it: they keep their mentions. Re-cut from there (or the whole key).
    let start: Option<i64> = if min_day == i64::MIN {
        None
    } else {
        stored
            .iter()
            .filter_map(|c| c.first_day)
            .filter(|d| *d <= min_day)
            .max()
    };
    let mut old: HashMap<String, Cluster> = stored
        .into_iter()
        .filter(|c| start.is_none_or(|s| c.first_day.is_some_and(|d| d >= s)))
        .map(|c| (c.id.clone(), c))
        .collect();
    let mut mentions = conn
        .prepare_cached(
            "SELECT article_id, ord, day, published_ts, certainty, type, quad, source_actor,
                    target_actor, cluster
             FROM events INDEXED BY events_key_day WHERE key = ?1 AND day >= ?2",
        )?
        .query_map(params![key, start.unwrap_or(i64::MIN)], Mention::row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if start.is_none() {
        // Undated mentions (keys of one mention) have no day for `day >= ?2` to match.
        mentions.extend(
            conn.prepare_cached(
                "SELECT article_id, ord, day, published_ts, certainty, type, quad,
                        source_actor, target_actor, cluster
                 FROM events INDEXED BY events_key_day WHERE key = ?1 AND day IS NULL",
            )?
            .query_map([key], Mention::row)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        );
    }
    // Undated first (as SQL sorts NULL), then by day; ties in a fixed order.
    mentions.sort_by(|a, b| (a.day, &a.article, a.ord).cmp(&(b.day, &b.article, b.ord)));
    let mut groups: Vec<Vec<Mention>> = Vec::new();
    for m in mentions {
        match groups.last_mut() {
            Some(g) if matches!((g[0].day, m.day), (Some(anchor), Some(d)) if d <= anchor + DATE_WINDOW_DAYS) => {
                g.push(m)
            }
            _ => groups.push(vec![m]),
        }
    }
    // Most windows of a touched key come out as they were: leave those alone.
    let mut changed: Vec<(Cluster, &[Mention])> = Vec::new();
    for g in &groups {
        let Some(c) = Cluster::of(g) else {
            continue;
        };
        let same = old.get(&c.id) == Some(&c)
            && g.iter()
                .all(|m| m.cluster.as_deref() == Some(c.id.as_str()));
        if same {
            old.remove(&c.id);
        } else {
            changed.push((c, g));
        }
    }
    for c in old.values() {
        if let Some(e) = c.edge() {
            let p = params![e.0, e.1, e.2, e.3, e.4];
            conn.prepare_cached(
                "UPDATE event_edges SET events = events - 1
                 WHERE source = ?1 AND target = ?2 AND type = ?3 AND certainty = ?4
                   AND month = ?5",
            )?
            .execute(p)?;
            conn.prepare_cached(
                "DELETE FROM event_edges
                 WHERE source = ?1 AND target = ?2 AND type = ?3 AND certainty = ?4
                   AND month = ?5 AND events <= 0",
            )?
            .execute(p)?;
        }
        conn.prepare_cached("DELETE FROM event_clusters WHERE id = ?1")?
            .execute([&c.id])?;
    }
    for (c, group) in changed {
        write_cluster(conn, key, &c, group)?;
    }
    Ok(())
}

/// The label most mentions carry; ties go to the firmer label (the order of
/// `CertaintyLabel::ALL`).
fn majority(labels: impl Iterator<Item = CertaintyLabel>) -> CertaintyLabel {
    let mut counts = [0usize; 5];
    for l in labels {
        if let Some(i) = CertaintyLabel::ALL.iter().position(|x| *x == l) {
            counts[i] += 1;
        }
    }
    let mut best = 0;
    for i in 1..counts.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    CertaintyLabel::ALL[best]
}

fn write_cluster(
    conn: &Connection,
    key: &str,
    c: &Cluster,
    group: &[Mention],
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO event_clusters (id, key, type, quad, source_actor, target_actor, first_day,
         last_day, month, certainty, mentions, articles, first_article, first_ord)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        c.id,
        key,
        c.kind,
        c.quad,
        c.source,
        c.target,
        c.first_day,
        c.last_day,
        c.month,
        c.certainty,
        c.mentions,
        c.articles,
        c.first_article,
        c.first_ord,
    ])?;
    let mut st =
        conn.prepare_cached("UPDATE events SET cluster = ?1 WHERE article_id = ?2 AND ord = ?3")?;
    for m in group {
        if m.cluster.as_deref() != Some(c.id.as_str()) {
            st.execute(params![c.id, m.article, m.ord])?;
        }
    }
    if let Some(e) = c.edge() {
        conn.prepare_cached(
            "INSERT INTO event_edges (source, target, type, certainty, month, events)
             VALUES (?1, ?2, ?3, ?4, ?5, 1)
             ON CONFLICT(source, target, type, certainty, month)
             DO UPDATE SET events = events + 1",
        )?
        .execute(params![e.0, e.1, e.2, e.3, e.4])?;
    }
    Ok(())
}

// ------------------------------------------------------------------------------ queries

/// Which events a query returns; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Actor ids, any of them, as source or target.
    pub actors: Vec<String>,
    /// Event types, any of them.
    pub types: Vec<EventType>,
    /// One certainty label (of the mention; of the cluster for [`Store::event_clusters`]).
    pub certainty: Option<CertaintyLabel>,
    /// First day, inclusive (the mention's day; a cluster's days must reach it).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Only the mentions of this article.
    pub article: Option<String>,
    /// Only the mentions of this cluster.
    pub cluster: Option<String>,
    /// Only mentions in articles of this genre (clusters: with at least one such mention).
    pub genre: Option<Genre>,
    /// Rows to skip.
    pub offset: usize,
    /// At most this many rows (`None`: all).
    pub limit: Option<usize>,
}

/// The articles of one genre (one parameter), for the genre filters of events, clusters
/// and the graph.
const IN_GENRE: &str = "SELECT id FROM articles WHERE genre = ?";

/// A WHERE clause with positional parameters.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    fn add(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_string());
        self.params.extend(values);
    }

    fn placeholders(n: usize) -> String {
        vec!["?"; n].join(", ")
    }

    /// The rows of `table` (named `alias` in the clauses) that match, counted by type.
    fn type_counts(
        &self,
        c: &Connection,
        table: &str,
        alias: &str,
    ) -> rusqlite::Result<Vec<(String, u64)>> {
        c.prepare(&format!(
            "SELECT {alias}.type, COUNT(*) FROM {table} {alias}{} GROUP BY {alias}.type",
            self.sql()
        ))?
        .query_map(params_from_iter(&self.params), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect()
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    fn of(filter: &EventFilter, t: &str, clusters: bool) -> Where {
        let mut w = Where::default();
        if !filter.actors.is_empty() {
            let list = Where::placeholders(filter.actors.len());
            let ids = filter.actors.iter().map(|a| Value::Text(a.clone()));
            w.add(
                &format!("({t}.source_actor IN ({list}) OR {t}.target_actor IN ({list}))"),
                ids.clone().chain(ids),
            );
        }
        if !filter.types.is_empty() {
            w.add(
                &format!("{t}.type IN ({})", Where::placeholders(filter.types.len())),
                filter.types.iter().map(|k| Value::Text(k.name().into())),
            );
        }
        if let Some(c) = filter.certainty {
            w.add(
                &format!("{t}.certainty = ?"),
                [Value::Text(c.name().into())],
            );
        }
        let (first, last) = if clusters {
            ("last_day", "first_day")
        } else {
            ("day", "day")
        };
        if let Some(d) = filter.from {
            w.add(
                &format!("{t}.{first} >= ?"),
                [Value::Integer(day_number(d))],
            );
        }
        if let Some(d) = filter.to {
            w.add(&format!("{t}.{last} <= ?"), [Value::Integer(day_number(d))]);
        }
        if let Some(g) = filter.genre {
            let clause = if clusters {
                format!("{t}.id IN (SELECT cluster FROM events WHERE article_id IN ({IN_GENRE}))")
            } else {
                format!("{t}.article_id IN ({IN_GENRE})")
            };
            w.add(&clause, [Value::Text(g.name().into())]);
        }
        if !clusters {
            if let Some(a) = &filter.article {
                w.add(&format!("{t}.article_id = ?"), [Value::Text(a.clone())]);
            }
            if let Some(c) = &filter.cluster {
                w.add(&format!("{t}.cluster = ?"), [Value::Text(c.clone())]);
            }
        } else if let Some(c) = &filter.cluster {
            w.add(&format!("{t}.id = ?"), [Value::Text(c.clone())]);
        }
        w
    }
}

fn limit_offset(filter: &EventFilter) -> [Value; 2] {
    [
        Value::Integer(filter.limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64)),
        Value::Integer(filter.offset.min(i64::MAX as usize) as i64),
    ]
}

/// A stored event mention with its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// `{article id}-{index}`.
    pub id: String,
    /// The article.
    pub article_id: String,
    /// Position among the article's events.
    pub ord: usize,
    /// The cluster (event across articles) it belongs to.
    pub cluster: Option<String>,
    /// The day it is placed on (`YYYY-MM-DD`; see the module docs).
    pub day: Option<String>,
    /// The article's title.
    pub title: String,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's publication time (ISO 8601).
    pub published: Option<String>,
    /// The event as extracted (spans into the article's body).
    pub event: Event,
}

/// A page of event mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventPage {
    /// Matching mentions in all.
    pub total: u64,
    /// Matching mentions by type, most first.
    pub by_type: Vec<(EventType, u64)>,
    /// This page, latest day first.
    pub events: Vec<StoredEvent>,
}

/// A participant of an event cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The actor id, when resolved.
    pub actor: Option<String>,
    /// The actor's canonical name, else the name the first report gives.
    pub name: String,
    /// The actor's country (ISO 3166-1 alpha-3), when known.
    pub country: Option<String>,
}

/// The article that reported an event first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reporter {
    /// Article id.
    pub article_id: String,
    /// Title.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication time (ISO 8601).
    pub published: Option<String>,
    /// The article's own URL, when the source gave one.
    pub url: Option<String>,
    /// Where it was read from (file or feed).
    pub source: String,
}

/// One event across articles: the cluster of its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventCluster {
    /// The id of the first report's mention.
    pub id: String,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Its quad class.
    pub quad: Quad,
    /// CAMEO code of the first report.
    pub cameo: Option<String>,
    /// PLOVER mode of the first report.
    pub mode: Option<String>,
    /// Who acted.
    pub source: Option<Party>,
    /// Who was acted upon.
    pub target: Option<Party>,
    /// Where, as the first report names it.
    pub location: Option<String>,
    /// The first day of its mentions (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The last day of its mentions.
    pub last_date: Option<String>,
    /// The label most mentions carry.
    pub certainty: CertaintyLabel,
    /// Mentions in all.
    pub mentions: u64,
    /// Distinct articles.
    pub articles: u64,
    /// The trigger of the first report.
    pub cue: String,
    /// The evidence sentence of the first report.
    pub evidence: String,
    /// The first report.
    pub first_reporter: Reporter,
}

/// A page of event clusters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterPage {
    /// Matching clusters in all.
    pub total: u64,
    /// Matching clusters by type, most first.
    pub by_type: Vec<(EventType, u64)>,
    /// This page, latest first.
    pub clusters: Vec<EventCluster>,
}

/// What the actor graph shows.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// Centre actors (ids); empty: the whole graph.
    pub actors: Vec<String>,
    /// How many steps from the centres (1: the centres and their counterparts).
    pub depth: usize,
    /// First day (edges are counted by month: months from this day's month on).
    pub from: Option<NaiveDate>,
    /// Last day (up to this day's month, inclusive).
    pub to: Option<NaiveDate>,
    /// Event types, any of them.
    pub types: Vec<EventType>,
    /// One certainty label.
    pub certainty: Option<CertaintyLabel>,
    /// Only events reported in articles of this genre (a cluster counts when one of its
    /// mentions is of the genre).
    pub genre: Option<Genre>,
}

/// Event clusters involving an actor in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Clusters with the actor as source or target.
    pub events: u64,
    /// Of which cooperative.
    pub cooperation: u64,
    /// Of which conflictual.
    pub conflict: u64,
    /// By type.
    pub by_type: BTreeMap<EventType, u64>,
}

/// Another actor party to events with an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventCounterpart {
    /// Its id.
    pub actor: String,
    /// Its name.
    pub name: String,
    /// Event clusters between the two, either direction.
    pub events: u64,
    /// Of which cooperative.
    pub cooperation: u64,
    /// Of which conflictual.
    pub conflict: u64,
    /// The actor acted on it.
    pub as_target: u64,
    /// It acted on the actor.
    pub as_source: u64,
    /// By type, most first.
    pub by_type: Vec<(EventType, u64)>,
}

fn corrupt(id: &str) -> impl FnOnce(serde_json::Error) -> Error + '_ {
    move |source| Error::Corrupt {
        id: id.to_string(),
        source,
    }
}

fn by_type_sorted(counts: impl IntoIterator<Item = (String, u64)>) -> Vec<(EventType, u64)> {
    let mut out: Vec<(EventType, u64)> = counts
        .into_iter()
        .filter_map(|(t, n)| Some((EventType::parse(&t)?, n)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

fn quad_split(kind: EventType, n: u64) -> (u64, u64) {
    if kind.quad().is_cooperation() {
        (n, 0)
    } else {
        (0, n)
    }
}

impl Store {
    /// True when the store holds at least one event mention.
    pub fn has_events(&self) -> Result<bool> {
        self.with_db(|c| c.query_row("SELECT EXISTS (SELECT 1 FROM events)", [], |r| r.get(0)))
    }

    /// Stored event mentions and clusters.
    pub fn event_counts(&self) -> Result<(u64, u64)> {
        self.with_db(|c| {
            c.query_row(
                "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_clusters)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        })
    }

    /// Event mentions matching `filter`, latest day first, with the total and the counts by
    /// type.
    pub fn events(&self, filter: &EventFilter) -> Result<EventPage> {
        let w = Where::of(filter, "e", false);
        type Row = (
            String,
            i64,
            Option<String>,
            Option<i64>,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let (counts, rows): (Vec<(String, u64)>, Vec<Row>) = self.with_db(|c| {
            let counts = w.type_counts(c, "events", "e")?;
            let rows = c
                .prepare(&format!(
                    "SELECT e.article_id, e.ord, e.cluster, e.day, e.event, a.title, a.outlet,
                            a.published
                     FROM events e JOIN articles a ON a.id = e.article_id{}
                     ORDER BY e.day DESC NULLS LAST, e.published_ts DESC NULLS LAST,
                              e.article_id, e.ord
                     LIMIT ? OFFSET ?",
                    w.sql()
                ))?
                .query_map(
                    params_from_iter(w.params.iter().cloned().chain(limit_offset(filter))),
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                        ))
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((counts, rows))
        })?;
        let events = rows
            .into_iter()
            .map(
                |(article_id, ord, cluster, day, json, title, outlet, published)| {
                    let event: Event = serde_json::from_str(&json).map_err(corrupt(&article_id))?;
                    Ok(StoredEvent {
                        id: mention_id(&article_id, ord as usize),
                        article_id,
                        ord: ord as usize,
                        cluster,
                        day: iso_day(day),
                        title,
                        outlet,
                        published,
                        event,
                    })
                },
            )
            .collect::<Result<Vec<_>>>()?;
        let by_type = by_type_sorted(counts);
        Ok(EventPage {
            total: by_type.iter().map(|(_, n)| n).sum(),
            by_type,
            events,
        })
    }

    /// Event clusters (events across articles) matching `filter`, latest first, with the
    /// total and the counts by type. A cluster matches a date range when its days reach into
    /// it; the certainty is the cluster's.
    pub fn event_clusters(&self, filter: &EventFilter) -> Result<ClusterPage> {
        let w = Where::of(filter, "c", true);
        type Row = (
            (String, String, String, u64, u64, Option<i64>, Option<i64>),
            (Option<String>, Option<String>, Option<String>),
            (Option<String>, Option<String>, Option<String>),
            String,
            (
                String,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                String,
            ),
        );
        let (counts, rows): (Vec<(String, u64)>, Vec<Row>) = self.with_db(|c| {
            let counts = w.type_counts(c, "event_clusters", "c")?;
            let rows = c
                .prepare(&format!(
                    "SELECT c.id, c.type, c.certainty, c.mentions, c.articles, c.first_day,
                            c.last_day,
                            c.source_actor, COALESCE(sa.name, f.source_name), sa.country,
                            c.target_actor, COALESCE(ta.name, f.target_name), ta.country,
                            f.event,
                            a.id, a.title, a.outlet, a.published,
                            json_extract(a.article, '$.url'), a.source
                     FROM event_clusters c
                     JOIN events f ON f.article_id = c.first_article AND f.ord = c.first_ord
                     JOIN articles a ON a.id = c.first_article
                     LEFT JOIN actors sa ON sa.id = c.source_actor
                     LEFT JOIN actors ta ON ta.id = c.target_actor{}
                     ORDER BY c.first_day DESC NULLS LAST, c.id
                     LIMIT ? OFFSET ?",
                    w.sql()
                ))?
                .query_map(
                    params_from_iter(w.params.iter().cloned().chain(limit_offset(filter))),
                    |r| {
                        Ok((
                            (
                                r.get(0)?,
                                r.get(1)?,
                                r.get(2)?,
                                r.get(3)?,
                                r.get(4)?,
                                r.get(5)?,
                                r.get(6)?,
                            ),
                            (r.get(7)?, r.get(8)?, r.get(9)?),
                            (r.get(10)?, r.get(11)?, r.get(12)?),
                            r.get(13)?,
                            (
                                r.get(14)?,
                                r.get(15)?,
                                r.get(16)?,
                                r.get(17)?,
                                r.get(18)?,
                                r.get(19)?,
                            ),
                        ))
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((counts, rows))
        })?;
        let party = |(actor, name, country): (Option<String>, Option<String>, Option<String>)| {
            name.map(|name| Party {
                actor,
                name,
                country,
            })
        };
        let clusters = rows
            .into_iter()
            .map(|(head, source, target, json, reporter)| {
                let (id, kind, certainty, mentions, articles, first_day, last_day) = head;
                let event: Event = serde_json::from_str(&json).map_err(corrupt(&reporter.0))?;
                let kind = EventType::parse(&kind).unwrap_or(event.kind);
                Ok(EventCluster {
                    id,
                    kind,
                    quad: kind.quad(),
                    cameo: event.cameo,
                    mode: event.mode,
                    source: party(source),
                    target: party(target),
                    location: event.location.map(|l| l.name),
                    date: iso_day(first_day),
                    last_date: iso_day(last_day),
                    certainty: CertaintyLabel::parse(&certainty).unwrap_or(event.certainty.label),
                    mentions,
                    articles,
                    cue: event.cue,
                    evidence: event.sentence,
                    first_reporter: Reporter {
                        article_id: reporter.0,
                        title: reporter.1,
                        outlet: reporter.2,
                        published: reporter.3,
                        url: reporter.4,
                        source: reporter.5,
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let by_type = by_type_sorted(counts);
        Ok(ClusterPage {
            total: by_type.iter().map(|(_, n)| n).sum(),
            by_type,
            clusters,
        })
    }

    /// Event clusters with any of `actors` as source or target, by month (undated clusters
    /// are left out), in calendar order.
    pub fn actor_event_months(&self, actors: &[String]) -> Result<Vec<ActorMonth>> {
        if actors.is_empty() {
            return Ok(Vec::new());
        }
        let list = Where::placeholders(actors.len());
        let sql = format!(
            "SELECT month, type, COUNT(*) FROM event_clusters
             WHERE month != '' AND (source_actor IN ({list}) OR target_actor IN ({list}))
             GROUP BY month, type ORDER BY month"
        );
        let rows: Vec<(String, String, u64)> = self.with_db(|c| {
            c.prepare(&sql)?
                .query_map(params_from_iter(actors.iter().chain(actors)), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect()
        })?;
        let mut months: BTreeMap<String, ActorMonth> = BTreeMap::new();
        for (month, kind, n) in rows {
            let Some(kind) = EventType::parse(&kind) else {
                continue;
            };
            let m = months.entry(month.clone()).or_insert_with(|| ActorMonth {
                month,
                events: 0,
                cooperation: 0,
                conflict: 0,
                by_type: BTreeMap::new(),
            });
            let (coop, conf) = quad_split(kind, n);
            m.events += n;
            m.cooperation += coop;
            m.conflict += conf;
            *m.by_type.entry(kind).or_default() += n;
        }
        Ok(months.into_values().collect())
    }

    /// The actors that any of `actors` acted with or on (graph edges, so both resolved),
    /// most events first.
    pub fn event_counterparts(&self, actors: &[String]) -> Result<Vec<EventCounterpart>> {
        if actors.is_empty() {
            return Ok(Vec::new());
        }
        let list = Where::placeholders(actors.len());
        let sql = format!(
            "SELECT source, target, type, SUM(events) FROM event_edges
             WHERE source IN ({list}) OR target IN ({list})
             GROUP BY source, target, type"
        );
        let rows: Vec<(String, String, String, u64)> = self.with_db(|c| {
            c.prepare(&sql)?
                .query_map(params_from_iter(actors.iter().chain(actors)), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect()
        })?;
        let ours: BTreeSet<&str> = actors.iter().map(String::as_str).collect();
        let mut by_other: BTreeMap<String, (EventCounterpart, BTreeMap<EventType, u64>)> =
            BTreeMap::new();
        for (source, target, kind, n) in rows {
            let Some(kind) = EventType::parse(&kind) else {
                continue;
            };
            let (other, outgoing) = if ours.contains(source.as_str()) {
                (target, true)
            } else {
                (source, false)
            };
            if ours.contains(other.as_str()) {
                continue;
            }
            let entry = by_other.entry(other.clone()).or_insert_with(|| {
                (
                    EventCounterpart {
                        actor: other,
                        name: String::new(),
                        events: 0,
                        cooperation: 0,
                        conflict: 0,
                        as_target: 0,
                        as_source: 0,
                        by_type: Vec::new(),
                    },
                    BTreeMap::new(),
                )
            });
            let (coop, conf) = quad_split(kind, n);
            entry.0.events += n;
            entry.0.cooperation += coop;
            entry.0.conflict += conf;
            if outgoing {
                entry.0.as_target += n;
            } else {
                entry.0.as_source += n;
            }
            *entry.1.entry(kind).or_default() += n;
        }
        let ids: Vec<String> = by_other.keys().cloned().collect();
        let names = self.actor_names(&ids)?;
        let mut out: Vec<EventCounterpart> = by_other
            .into_values()
            .zip(names)
            .map(|((mut c, types), name)| {
                c.name = name.unwrap_or_else(|| c.actor.clone());
                c.by_type = by_type_sorted(types.into_iter().map(|(k, n)| (k.name().into(), n)));
                c
            })
            .collect();
        out.sort_by(|a, b| {
            b.events
                .cmp(&a.events)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.actor.cmp(&b.actor))
        });
        Ok(out)
    }

    /// Articles mentioning any of `actors`, by month of publication (`YYYY-MM`, the
    /// wall-clock month as written), in calendar order.
    pub fn actor_mention_months(&self, actors: &[String]) -> Result<Vec<(String, u64)>> {
        if actors.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT substr(a.published, 1, 7) AS m, COUNT(DISTINCT a.id)
             FROM mentions x JOIN articles a ON a.id = x.article
             WHERE x.actor IN ({}) AND a.published IS NOT NULL
             GROUP BY m ORDER BY m",
            Where::placeholders(actors.len())
        );
        self.with_db(|c| {
            c.prepare(&sql)?
                .query_map(params_from_iter(actors), |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
    }

    /// The actor graph for `filter`: actors as nodes, one directed edge per (source, target)
    /// with the event clusters between them by type and certainty and the cooperation and
    /// conflict totals. With centre actors, the actors within `depth` steps of them (edges
    /// taken either way) and every edge among those; otherwise the whole graph. Nodes and
    /// edges are sorted by id.
    pub fn event_graph(&self, filter: &GraphFilter) -> Result<Graph> {
        let mut w = Where::default();
        if !filter.types.is_empty() {
            w.add(
                &format!("type IN ({})", Where::placeholders(filter.types.len())),
                filter.types.iter().map(|t| Value::Text(t.name().into())),
            );
        }
        if let Some(c) = filter.certainty {
            w.add("certainty = ?", [Value::Text(c.name().into())]);
        }
        if filter.from.is_some() || filter.to.is_some() {
            w.add("month != ''", []);
        }
        if let Some(d) = filter.from {
            w.add("month >= ?", [Value::Text(d.format("%Y-%m").to_string())]);
        }
        if let Some(d) = filter.to {
            w.add("month <= ?", [Value::Text(d.format("%Y-%m").to_string())]);
        }
        // With a genre, the edges are counted again from the clusters that have a mention of
        // that genre, as `event_edges` counts every cluster between two distinct actors.
        let table = if filter.genre.is_some() {
            format!(
                "(SELECT source_actor AS source, target_actor AS target, type, certainty, month,
                         1 AS events
                  FROM event_clusters
                  WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL
                    AND source_actor != target_actor
                    AND id IN (SELECT cluster FROM events WHERE article_id IN ({IN_GENRE})))"
            )
        } else {
            "event_edges".to_string()
        };
        if let Some(g) = filter.genre {
            w.params.insert(0, Value::Text(g.name().into()));
        }
        let sql = format!(
            "SELECT source, target, type, certainty, SUM(events) FROM {table}{}
             GROUP BY source, target, type, certainty",
            w.sql()
        );
        let rows: Vec<(String, String, String, String, u64)> = self.with_db(|c| {
            c.prepare(&sql)?
                .query_map(params_from_iter(&w.params), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect()
        })?;
        let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
        for (source, target, kind, certainty, n) in rows {
            let (Some(kind), Some(certainty)) =
                (EventType::parse(&kind), CertaintyLabel::parse(&certainty))
            else {
                continue;
            };
            let e = edges
                .entry((source.clone(), target.clone()))
                .or_insert_with(|| Edge {
                    source,
                    target,
                    ..Edge::default()
                });
            let (coop, conf) = quad_split(kind, n);
            e.events += n;
            e.weight += n;
            e.cooperation += coop;
            e.conflict += conf;
            *e.types.entry(kind).or_default() += n;
            *e.certainty.entry(certainty).or_default() += n;
        }
        let mut keep: BTreeSet<String> = BTreeSet::new();
        if filter.actors.is_empty() {
            for (s, t) in edges.keys() {
                keep.insert(s.clone());
                keep.insert(t.clone());
            }
        } else {
            let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
            for (s, t) in edges.keys() {
                next.entry(s).or_default().push(t);
                next.entry(t).or_default().push(s);
            }
            let mut queue: VecDeque<(String, usize)> = VecDeque::new();
            for a in &filter.actors {
                if keep.insert(a.clone()) {
                    queue.push_back((a.clone(), 0));
                }
            }
            while let Some((a, d)) = queue.pop_front() {
                if d >= filter.depth {
                    continue;
                }
                for b in next.get(a.as_str()).into_iter().flatten() {
                    if keep.insert(b.to_string()) {
                        queue.push_back((b.to_string(), d + 1));
                    }
                }
            }
            edges.retain(|(s, t), _| keep.contains(s) && keep.contains(t));
        }
        let mut incident: HashMap<&str, u64> = HashMap::new();
        for e in edges.values() {
            *incident.entry(&e.source).or_default() += e.events;
            *incident.entry(&e.target).or_default() += e.events;
        }
        let mut nodes = Vec::with_capacity(keep.len());
        self.with_db(|c| {
            let mut actor = c.prepare_cached(
                "SELECT name, type, country,
                        (SELECT COUNT(DISTINCT m.article) FROM mentions m WHERE m.actor = a.id)
                 FROM actors a WHERE a.id = ?1",
            )?;
            for id in &keep {
                let row: Option<(String, String, Option<String>, u64)> = actor
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                    .optional()?;
                // A centre that is no actor of the store is no node.
                let Some((label, kind, country, articles)) = row else {
                    if incident.contains_key(id.as_str()) {
                        nodes.push(Node {
                            id: id.clone(),
                            label: id.clone(),
                            kind: String::new(),
                            country: None,
                            articles: 0,
                            events: incident[id.as_str()],
                        });
                    }
                    continue;
                };
                nodes.push(Node {
                    id: id.clone(),
                    label,
                    kind,
                    country,
                    articles,
                    events: incident.get(id.as_str()).copied().unwrap_or(0),
                });
            }
            Ok(())
        })?;
        Ok(Graph {
            nodes,
            edges: edges.into_values().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        let d = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(day_number(d), 0);
        let d = NaiveDate::from_ymd_opt(2016, 11, 20).unwrap();
        assert_eq!(day_date(day_number(d)), Some(d));
        assert_eq!(iso_day(Some(day_number(d))).as_deref(), Some("2016-11-20"));
        assert_eq!(month_of(Some(day_number(d))), "2016-11");
        assert_eq!(month_of(None), "");
    }

    #[test]
    fn majority_prefers_the_firmer_label_on_ties() {
        use CertaintyLabel::*;
        assert_eq!(majority([Reported, Denied, Denied].into_iter()), Denied);
        assert_eq!(majority([Denied, Reported].into_iter()), Reported);
        assert_eq!(majority([Possible, Confirmed].into_iter()), Confirmed);
        assert_eq!(majority(std::iter::empty()), Confirmed);
    }
}
