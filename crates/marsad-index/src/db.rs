//! The SQLite side of the store: articles, ingested files, store metadata, and actors with
//! their aliases and mentions.

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::Path;

/// Tables of format 2. Later issues add annotation tables beside these.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
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
    language     TEXT NOT NULL,
    dup_of       TEXT,
    fingerprint  BLOB,
    article      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_ts);
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
        c.execute_batch(SCHEMA)?;
        c
    };
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
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
