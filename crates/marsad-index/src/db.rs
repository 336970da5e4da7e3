//! The SQLite side of the store: articles, ingested files, store metadata, actors with
//! their aliases and mentions, and events with their clusters and the actor graph.

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::Path;

/// The metadata table, created before anything else so the store format can be checked
/// before an old store is touched.
const META: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";

/// Tables of format 3 (format 2 had no event tables).
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    batch        INTEGER NOT NULL,
    source       TEXT NOT NULL,
    record       INTEGER,
    format       TEXT NOT NULL,
    title        TEXT NOT NULL,
    published    TEXT,
    published_ts INTEGER,
    author       TEXT,
    outlet       TEXT,
    genre        TEXT NOT NULL DEFAULT 'news',
    language     TEXT NOT NULL,
    dup_of       TEXT,
    fingerprint  BLOB,
    article      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_ts);
-- Article bodies, apart from the record: a result page reads a hit's body (for its snippet)
-- without the annotations that follow it in `articles.article` (one page instead of three
-- or four, and no JSON to parse). Added within format 3: a store written before it gets the
-- table empty and is filled in when a writer next opens it; meanwhile readers fall back to
-- the record for any article missing here.
CREATE TABLE IF NOT EXISTS bodies (
    seq  INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE TABLE IF NOT EXISTS quotes (
    article_id    TEXT NOT NULL,
    ord           INTEGER NOT NULL,
    speaker       TEXT,
    speaker_key   TEXT,
    speaker_actor TEXT,
    role          TEXT,
    role_key      TEXT,
    cue           TEXT NOT NULL,
    text          TEXT NOT NULL,
    direct        INTEGER NOT NULL,
    certainty     TEXT NOT NULL,
    quote         TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX IF NOT EXISTS quotes_actor ON quotes(speaker_actor);
CREATE TABLE IF NOT EXISTS files (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime    INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    failed   INTEGER NOT NULL,
    error    TEXT,
    batch    INTEGER NOT NULL
);
-- Actors (marsad_extract::actors): the corpus record, merged as articles arrive.
-- first_seen: earliest publication time (unix seconds, local wall-clock as UTC) of an
-- article mentioning it.
CREATE TABLE IF NOT EXISTS actors (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    country    TEXT,
    aliases    TEXT NOT NULL,
    roles      TEXT NOT NULL,
    first_seen INTEGER
);
-- Every alias of every actor in marsad's search form, for name lookups (--actor).
CREATE TABLE IF NOT EXISTS actor_aliases (
    alias TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (alias, actor)
) WITHOUT ROWID;
-- Mentions of actors in articles (char spans into the body).
CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL,
    actor   TEXT NOT NULL,
    type    TEXT NOT NULL,
    text    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    nominal INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
-- Events (marsad_core::Event): one row per mention in an article. `day` is the day the
-- event is placed on for clustering (the event's own date when the text gives a day, else
-- the publication day; days since 1970-01-01); `key` groups the mentions that may be one
-- event (type + source + target, see events.rs); `cluster` is the event they were merged
-- into.
CREATE TABLE IF NOT EXISTS events (
    article_id     TEXT NOT NULL,
    ord            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    quad           TEXT NOT NULL,
    cameo          TEXT,
    mode           TEXT,
    source_actor   TEXT,
    source_name    TEXT,
    target_actor   TEXT,
    target_name    TEXT,
    location       TEXT,
    date           TEXT,
    date_precision TEXT,
    day            INTEGER,
    published_ts   INTEGER,
    certainty      TEXT NOT NULL,
    attributed_to  TEXT,
    cue            TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    key            TEXT NOT NULL,
    cluster        TEXT,
    event          TEXT NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source_actor);
CREATE INDEX IF NOT EXISTS events_target ON events(target_actor);
CREATE INDEX IF NOT EXISTS events_type_day ON events(type, day);
-- In the list's order (latest first), so a page is read off the index without a sort.
CREATE INDEX IF NOT EXISTS events_latest ON events(day DESC, published_ts DESC, article_id, ord);
CREATE INDEX IF NOT EXISTS events_key_day ON events(key, day);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster);
-- Event clusters: the mentions of one event across articles. `first_article`/`first_ord`
-- is the first report (earliest published article, ties by id); `month` is the month of
-- `first_day` ('' when undated).
CREATE TABLE IF NOT EXISTS event_clusters (
    id            TEXT PRIMARY KEY,
    key           TEXT NOT NULL,
    type          TEXT NOT NULL,
    quad          TEXT NOT NULL,
    source_actor  TEXT,
    target_actor  TEXT,
    first_day     INTEGER,
    last_day      INTEGER,
    month         TEXT NOT NULL,
    certainty     TEXT NOT NULL,
    mentions      INTEGER NOT NULL,
    articles      INTEGER NOT NULL,
    first_article TEXT NOT NULL,
    first_ord     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_clusters_key ON event_clusters(key, first_day);
CREATE INDEX IF NOT EXISTS event_clusters_source ON event_clusters(source_actor);
CREATE INDEX IF NOT EXISTS event_clusters_target ON event_clusters(target_actor);
CREATE INDEX IF NOT EXISTS event_clusters_type_day ON event_clusters(type, first_day);
CREATE INDEX IF NOT EXISTS event_clusters_day ON event_clusters(first_day);
-- The actor graph: event clusters between two distinct actors, counted by type, certainty
-- and month; kept up to date as clusters change.
CREATE TABLE IF NOT EXISTS event_edges (
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    type      TEXT NOT NULL,
    certainty TEXT NOT NULL,
    month     TEXT NOT NULL,
    events    INTEGER NOT NULL,
    PRIMARY KEY (source, target, type, certainty, month)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_edges_target ON event_edges(target);
";

pub(crate) fn open(path: &Path, read_only: bool) -> rusqlite::Result<Connection> {
    let conn = if read_only {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?
    } else {
        let c = Connection::open(path)?;
        // WAL: readers never block the writer nor see a half-written batch. NORMAL sync is
        // durable across a process kill; after a power loss the last batches may roll back,
        // which the reconciliation with the index handles (see store.rs).
        c.pragma_update(None, "journal_mode", "WAL")?;
        c.pragma_update(None, "synchronous", "NORMAL")?;
        c.execute_batch(META)?;
        c
    };
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// Creates every table and index (after the format check passed).
pub(crate) fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)
}

pub(crate) fn get_meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}

pub(crate) fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
