//! Opening a data directory, writing batches crash-safely, and reading articles back.
//!
//! # The two-phase commit
//!
//! A batch of articles goes to two places: the tantivy index and the SQLite database. A
//! writer works on batch `n`, where `n - 1` is the `committed_batch` recorded in SQLite:
//!
//! 1. documents are added to the index writer, tagged with `batch = n`, and rows are
//!    inserted in an open SQLite transaction;
//! 2. the index is committed (its commit payload says `n`);
//! 3. the SQLite transaction commits, setting `committed_batch = n`.
//!
//! A kill before 2 loses the batch in both places. A kill between 2 and 3 leaves documents
//! of batch `n` in the index that SQLite never recorded: when a writer next opens the
//! store, it deletes every document whose batch is above `committed_batch` before doing
//! anything else. Either way the next run of the same ingest re-adds exactly what was lost,
//! because SQLite (the source of truth for "already ingested") never got it. Readers skip
//! index hits that SQLite does not know, so they never see a half-committed batch.

use crate::db;
use crate::error::{Error, Result};
use crate::schema::{self, Fields};
use marsad_arabic::normalize::{Folds, normalize_into};
use marsad_arabic::tantivy_analyzer;
use marsad_core::{Actor, ActorType, Article, Quote};
use rusqlite::{Connection, OptionalExtension, params};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::directory::MmapDirectory;
use tantivy::query::RangeQuery;
use tantivy::schema::Term;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

/// The on-disk format this build reads and writes. Bump it when the schema changes.
pub const STORE_FORMAT: u32 = 4;

const INDEX_DIR: &str = "index";
const DB_FILE: &str = "marsad.sqlite";

/// Heap for the index writer, split between its threads.
const WRITER_HEAP: usize = 256 << 20;

/// SQLite page cache of a writer's connection, in KiB.
const WRITER_PAGE_CACHE_KIB: i64 = 64 << 10;

/// How much of the database a reader maps into memory (address space; the pages stay in
/// the OS page cache, shared with other processes).
const READER_MMAP_BYTES: i64 = 1 << 30;

/// Prepared statements a reader keeps.
const READER_STATEMENTS: usize = 128;

/// An open data directory, for reading.
pub struct Store {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    pub(crate) fields: Fields,
    db: std::sync::Mutex<Connection>,
    /// The facet fields' global term ordinals for the segments last searched.
    pub(crate) facet_ords: std::sync::Mutex<Option<std::sync::Arc<crate::facets::GlobalOrds>>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Counts and ranges for `marsad stats`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    /// The data directory.
    pub data_dir: PathBuf,
    /// Articles stored.
    pub articles: u64,
    /// Documents in the full-text index (equal to `articles` in a consistent store).
    pub index_documents: u64,
    /// Of which duplicates of an earlier article.
    pub duplicates: u64,
    /// Files ingested (including ones that failed).
    pub files: u64,
    /// Files that failed entirely.
    pub failed_files: u64,
    /// Earliest publication time (ISO 8601), if any article is dated.
    pub earliest: Option<String>,
    /// Latest publication time.
    pub latest: Option<String>,
    /// Articles per outlet, most first.
    pub outlets: Vec<(String, u64)>,
    /// Bytes used by the full-text index.
    pub index_bytes: u64,
    /// Bytes used by the database.
    pub db_bytes: u64,
}

/// What the store remembers about an ingested file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// Size in bytes when ingested.
    pub size: u64,
    /// Modification time (seconds since the epoch) when ingested.
    pub mtime: i64,
    /// Articles it yielded.
    pub articles: u64,
    /// Records that failed.
    pub failed: u64,
    /// Why the whole file failed, if it did.
    pub error: Option<String>,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// Opens the store in `dir` for reading, creating an empty one if there is none.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir.join(INDEX_DIR)).map_err(io_err(dir))?;
        let db_path = dir.join(DB_FILE);
        let conn = db::open(&db_path, false).map_err(|source| Error::Database {
            path: db_path.clone(),
            source,
        })?;
        check_format(dir, &conn)?;
        db::create_schema(&conn).map_err(|source| Error::Database {
            path: db_path.clone(),
            source,
        })?;
        // Reads through a memory map: a search reads a few dozen pages (hit rows, bodies,
        // actor names) all over the file, and SQLite's default 2 MB page cache sent most of
        // them to a `pread` system call each.
        conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES)
            .map_err(|source| Error::Database {
                path: db_path.clone(),
                source,
            })?;
        // Statements stay prepared: rusqlite keeps 16 by default, fewer than a search and an
        // actor profile use (one per number of ids in an `IN (…)` list among them), and
        // preparing one again cost more than running it.
        conn.set_prepared_statement_cache_capacity(READER_STATEMENTS);
        let index = open_index(dir)?;
        let fields = schema::fields_of(&index.schema()).map_err(|source| Error::Index {
            path: dir.join(INDEX_DIR),
            source,
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|source| Error::Index {
                path: dir.join(INDEX_DIR),
                source,
            })?;
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            db: std::sync::Mutex::new(conn),
            facet_ords: std::sync::Mutex::new(None),
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }

    pub(crate) fn with_db<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let conn = self.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&conn).map_err(|source| Error::Database {
            path: self.dir.join(DB_FILE),
            source,
        })
    }

    /// A writer for this store, with `threads` indexing threads. Only one process may
    /// write at a time; opening the writer first repairs what a killed writer left.
    pub fn writer(&self, threads: usize) -> Result<StoreWriter<'_>> {
        StoreWriter::open(self, threads)
    }

    /// The article with `id`, if stored.
    pub fn get(&self, id: &str) -> Result<Option<Article>> {
        let json: Option<String> = self.with_db(|c| {
            c.query_row("SELECT article FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
        })?;
        json.map(|j| {
            serde_json::from_str(&j).map_err(|source| Error::Corrupt {
                id: id.to_string(),
                source,
            })
        })
        .transpose()
    }

    /// Finds articles whose id starts with `prefix` (ids are long; people type a prefix).
    pub fn resolve_id(&self, prefix: &str) -> Result<Vec<String>> {
        let pattern = format!("{}%", prefix.replace(['%', '_'], ""));
        self.with_db(|c| {
            let mut st =
                c.prepare("SELECT id FROM articles WHERE id LIKE ?1 ORDER BY seq LIMIT 10")?;
            st.query_map([pattern], |r| r.get(0))?.collect()
        })
    }

    /// Articles that are copies of `id`.
    pub fn copies_of(&self, id: &str) -> Result<Vec<String>> {
        self.with_db(|c| {
            let mut st = c.prepare("SELECT id FROM articles WHERE dup_of = ?1 ORDER BY seq")?;
            st.query_map([id], |r| r.get(0))?.collect()
        })
    }

    /// What the store knows about a file it ingested before.
    pub fn file(&self, path: &str) -> Result<Option<FileRecord>> {
        self.with_db(|c| file_record(c, path))
    }

    /// The stored fingerprints (for near-duplicate detection across ingests), oldest first.
    pub fn fingerprints(&self) -> Result<Vec<(String, Vec<u8>)>> {
        self.with_db(|c| {
            let mut st = c.prepare(
                "SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY seq",
            )?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
        })
    }

    /// Stored quotes matching `filter`, oldest article first.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<StoredQuote>> {
        self.quotes_in_order(filter, false)
    }

    /// The stored quotes matching `filter`, newest first (`limit` keeps the newest): what
    /// [`Store::quotes`] returns, reversed, without reading the older ones.
    pub fn latest_quotes(&self, filter: &QuoteFilter) -> Result<Vec<StoredQuote>> {
        self.quotes_in_order(filter, true)
    }

    fn quotes_in_order(
        &self,
        filter: &QuoteFilter,
        newest_first: bool,
    ) -> Result<Vec<StoredQuote>> {
        type Row = (String, String, Option<String>, Option<String>, String);
        let (sql, values) = quotes_query(filter, newest_first);
        let rows: Vec<Row> = self.with_db(|c| {
            let mut st = c.prepare_cached(&sql)?;
            st.query_map(rusqlite::params_from_iter(values), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect()
        })?;
        rows.into_iter()
            .map(|(article_id, title, outlet, published, json)| {
                let quote: Quote =
                    serde_json::from_str(&json).map_err(|source| Error::Corrupt {
                        id: article_id.clone(),
                        source,
                    })?;
                Ok(StoredQuote {
                    article_id,
                    title,
                    outlet,
                    published,
                    quote,
                })
            })
            .collect()
    }

    /// Number of stored articles.
    pub fn count(&self) -> Result<u64> {
        self.with_db(|c| c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)))
    }

    /// Number of documents the index holds (for consistency checks).
    pub fn index_count(&self) -> Result<u64> {
        self.reader.reload().map_err(|source| Error::Index {
            path: self.dir.join(INDEX_DIR),
            source,
        })?;
        Ok(self.reader.searcher().num_docs())
    }

    /// Counts, date range, outlets and sizes.
    pub fn stats(&self) -> Result<Stats> {
        let (articles, duplicates, earliest, latest, files, failed_files, outlets) =
            self.with_db(|c| {
                let (articles, duplicates) =
                    c.query_row("SELECT COUNT(*), COUNT(dup_of) FROM articles", [], |r| {
                        Ok((r.get::<_, u64>(0)?, r.get::<_, u64>(1)?))
                    })?;
                let range = |order: &str| -> rusqlite::Result<Option<String>> {
                    c.query_row(
                        &format!(
                            "SELECT published FROM articles WHERE published_ts IS NOT NULL
                             ORDER BY published_ts {order} LIMIT 1"
                        ),
                        [],
                        |r| r.get(0),
                    )
                    .optional()
                };
                let (files, failed_files) =
                    c.query_row("SELECT COUNT(*), COUNT(error) FROM files", [], |r| {
                        Ok((r.get::<_, u64>(0)?, r.get::<_, u64>(1)?))
                    })?;
                let mut st = c.prepare(
                    "SELECT COALESCE(outlet, ''), COUNT(*) AS n FROM articles
                     GROUP BY outlet ORDER BY n DESC, outlet",
                )?;
                let outlets = st
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<Vec<(String, u64)>>>()?;
                Ok((
                    articles,
                    duplicates,
                    range("ASC")?,
                    range("DESC")?,
                    files,
                    failed_files,
                    outlets,
                ))
            })?;
        Ok(Stats {
            data_dir: self.dir.clone(),
            articles,
            index_documents: self.index_count()?,
            duplicates,
            files,
            failed_files,
            earliest,
            latest,
            outlets,
            index_bytes: dir_size(&self.dir.join(INDEX_DIR)),
            db_bytes: ["", "-wal", "-shm"]
                .iter()
                .map(|s| file_size(&self.dir.join(format!("{DB_FILE}{s}"))))
                .sum(),
        })
    }
}

fn file_record(c: &Connection, path: &str) -> rusqlite::Result<Option<FileRecord>> {
    c.query_row(
        "SELECT size, mtime, articles, failed, error FROM files WHERE path = ?1",
        [path],
        |r| {
            Ok(FileRecord {
                size: r.get(0)?,
                mtime: r.get(1)?,
                articles: r.get(2)?,
                failed: r.get(3)?,
                error: r.get(4)?,
            })
        },
    )
    .optional()
}

fn annotations(
    conn: &Connection,
    article: &Article,
    published_ts: Option<i64>,
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM mentions WHERE article = ?1")?
        .execute([&article.id])?;
    for a in &article.actors {
        insert_actor(conn, a, false)?;
        if let Some(ts) = published_ts {
            conn.prepare_cached(
                "UPDATE actors SET first_seen = ?2
                 WHERE id = ?1 AND (first_seen IS NULL OR first_seen > ?2)",
            )?
            .execute(params![a.id, ts])?;
        }
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO mentions (article, actor, type, text, start, end, nominal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in &article.entities {
        if let Some(actor) = &e.actor {
            st.execute(params![
                article.id,
                actor,
                e.kind.name(),
                e.text,
                e.start as i64,
                e.end as i64,
                e.nominal
            ])?;
        }
    }
    Ok(())
}

/// marsad's search form of a name, word by word (the folds `marsad_extract::actors`
/// normalizes names with), so `--actor` finds an alias across alef forms, ة/ه and
/// diacritics.
pub fn normalize_alias(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut buf = String::new();
    for w in name.split_whitespace() {
        buf.clear();
        normalize_into(w, Folds::SEARCH, &mut buf);
        if buf.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&buf);
    }
    out
}

/// Inserts an actor and indexes its name and aliases for lookups; `replace` overwrites a
/// stored record (keeping its first-seen time), otherwise a stored record wins (its alias
/// list is the registry's to merge, but every alias an article used is indexed).
fn insert_actor(conn: &Connection, a: &Actor, replace: bool) -> rusqlite::Result<()> {
    let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let sql = if replace {
        "INSERT INTO actors (id, name, type, country, aliases, roles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,
           country = excluded.country, aliases = excluded.aliases, roles = excluded.roles"
    } else {
        "INSERT OR IGNORE INTO actors (id, name, type, country, aliases, roles)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    };
    conn.prepare_cached(sql)?.execute(params![
        a.id,
        a.name,
        a.kind.name(),
        a.country,
        json(&a.aliases),
        json(&a.roles)
    ])?;
    let mut st =
        conn.prepare_cached("INSERT OR IGNORE INTO actor_aliases (alias, actor) VALUES (?1, ?2)")?;
    for alias in std::iter::once(&a.name).chain(&a.aliases) {
        let n = normalize_alias(alias);
        if !n.is_empty() {
            st.execute(params![n, a.id])?;
        }
    }
    Ok(())
}

/// One actor with its counts in the store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActorStats {
    /// The actor.
    #[serde(flatten)]
    pub actor: Actor,
    /// Mentions in all stored articles.
    pub mentions: u64,
    /// Articles that mention it.
    pub articles: u64,
}

fn actor_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Actor> {
    let list = |i: usize| -> rusqlite::Result<Vec<String>> {
        let s: String = r.get(i)?;
        Ok(serde_json::from_str(&s).unwrap_or_default())
    };
    let kind: String = r.get(2)?;
    Ok(Actor {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: ActorType::parse(&kind).unwrap_or(ActorType::Other),
        country: r.get(3)?,
        aliases: list(4)?,
        roles: list(5)?,
    })
}

fn stats_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorStats> {
    Ok(ActorStats {
        actor: actor_from_row(r)?,
        mentions: r.get(6)?,
        articles: r.get(7)?,
    })
}

impl Store {
    /// Every stored actor (to rebuild an actor registry), in insertion order.
    pub fn all_actors(&self) -> Result<Vec<Actor>> {
        self.with_db(|c| {
            let mut st = c.prepare(
                "SELECT id, name, type, country, aliases, roles FROM actors ORDER BY rowid",
            )?;
            st.query_map([], actor_from_row)?.collect()
        })
    }

    /// The `limit` most mentioned actors (of type `kind`, if given), with their counts.
    pub fn actors(&self, limit: usize, kind: Option<ActorType>) -> Result<Vec<ActorStats>> {
        self.with_db(|c| {
            let mut st = c.prepare(
                "SELECT a.id, a.name, a.type, a.country, a.aliases, a.roles,
                        COUNT(*) AS n, COUNT(DISTINCT m.article)
                 FROM mentions m JOIN actors a ON a.id = m.actor
                 WHERE ?1 IS NULL OR a.type = ?1
                 GROUP BY m.actor ORDER BY n DESC, a.name, a.id LIMIT ?2",
            )?;
            st.query_map(
                params![kind.map(ActorType::name), limit as i64],
                stats_from_row,
            )?
            .collect()
        })
    }

    /// The ids of the actors `name` designates: an actor id, else every actor with `name`
    /// (in search form) as its name or one of its aliases.
    pub fn actor_ids(&self, name: &str) -> Result<Vec<String>> {
        let name = name.trim();
        let norm = normalize_alias(name);
        self.with_db(|c| {
            let by_id: Option<String> = c
                .query_row("SELECT id FROM actors WHERE id = ?1", [name], |r| r.get(0))
                .optional()?;
            if let Some(id) = by_id {
                return Ok(vec![id]);
            }
            let mut st =
                c.prepare("SELECT actor FROM actor_aliases WHERE alias = ?1 ORDER BY actor")?;
            st.query_map([norm], |r| r.get(0))?.collect()
        })
    }

    /// The actors `name_or_id` designates (see [`Store::actor_ids`]), most mentioned first.
    pub fn actor(&self, name_or_id: &str) -> Result<Vec<ActorStats>> {
        let ids = self.actor_ids(name_or_id)?;
        self.actor_stats(&ids)
    }

    /// People who may be `actor` under a shorter or fuller name, most mentioned first (at
    /// most `limit`): for a full name (`لارس هولمبيرغ`), the people named by its last word
    /// alone (`هولمبيرغ`); for a one-word name, the people whose full name ends in it
    /// (names compared in search form). The relation is symmetric.
    ///
    /// A bare surname never links articles (two people can share one; see
    /// `marsad_extract::actors::registry`), so an article that names someone only by
    /// surname makes an actor of its own. This lists those candidates for a reader to
    /// judge; it merges nothing. Empty for actors other than people.
    pub fn possibly_same(&self, actor: &Actor, limit: usize) -> Result<Vec<ActorStats>> {
        if actor.kind != ActorType::Person || limit == 0 {
            return Ok(Vec::new());
        }
        let norm = normalize_alias(&actor.name);
        let ids: Vec<String> = self.with_db(|c| match norm.rsplit_once(' ') {
            // A full name: one-word people named by its last word.
            Some((_, surname)) => {
                let mut st = c.prepare_cached(
                    "SELECT x.actor FROM actor_aliases x JOIN actors a ON a.id = x.actor
                     WHERE x.alias = ?1 AND a.type = 'person' AND instr(trim(a.name), ' ') = 0
                     ORDER BY x.actor",
                )?;
                st.query_map([surname], |r| r.get(0))?.collect()
            }
            // One word: people with a longer name or alias ending in it. The suffix test
            // scans the alias table (a few ms on the 60,000 aliases of SaudiNewsNet).
            None => {
                let mut st = c.prepare_cached(
                    "SELECT DISTINCT x.actor FROM actor_aliases x JOIN actors a ON a.id = x.actor
                     WHERE a.type = 'person' AND length(x.alias) > length(?1) + 1
                       AND substr(x.alias, -length(?1) - 1) = ' ' || ?1
                     ORDER BY x.actor",
                )?;
                st.query_map([&norm], |r| r.get(0))?.collect()
            }
        })?;
        let ids: Vec<String> = ids.into_iter().filter(|id| *id != actor.id).collect();
        // The aliases found the candidates; the names decide, so the relation is symmetric.
        let full = norm.contains(' ');
        fn last(n: &str) -> Option<&str> {
            n.split(' ').next_back()
        }
        let mut out: Vec<ActorStats> = self
            .actor_stats(&ids)?
            .into_iter()
            .filter(|s| {
                let other = normalize_alias(&s.actor.name);
                if full {
                    !other.contains(' ') && Some(other.as_str()) == last(&norm)
                } else {
                    other.contains(' ') && last(&other) == Some(norm.as_str())
                }
            })
            .collect();
        out.truncate(limit);
        Ok(out)
    }

    /// Actors by id with their counts, most mentioned first; unknown ids are skipped.
    fn actor_stats(&self, ids: &[String]) -> Result<Vec<ActorStats>> {
        let mut out = self.with_db(|c| {
            let mut st = c.prepare_cached(
                "SELECT a.id, a.name, a.type, a.country, a.aliases, a.roles,
                        (SELECT COUNT(*) FROM mentions m WHERE m.actor = a.id),
                        (SELECT COUNT(DISTINCT m.article) FROM mentions m WHERE m.actor = a.id)
                 FROM actors a WHERE a.id = ?1",
            )?;
            let mut rows = Vec::new();
            for id in ids {
                if let Some(row) = st.query_row([id], stats_from_row).optional()? {
                    rows.push(row);
                }
            }
            Ok(rows)
        })?;
        out.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.actor.id.cmp(&b.actor.id))
        });
        Ok(out)
    }

    /// Actor names by id, `None` for an id the store does not know (for facets and lists).
    pub fn actor_names(&self, ids: &[String]) -> Result<Vec<Option<String>>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // One query for all (a page of facets asks for twenty).
        let marks = vec!["?"; ids.len()].join(",");
        let names: std::collections::HashMap<String, String> = self.with_db(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT id, name FROM actors WHERE id IN ({marks})"
            ))?;
            st.query_map(rusqlite::params_from_iter(ids), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect()
        })?;
        Ok(ids.iter().map(|id| names.get(id).cloned()).collect())
    }
}

fn check_format(dir: &Path, conn: &Connection) -> Result<()> {
    let db_err = |source| Error::Database {
        path: dir.join(DB_FILE),
        source,
    };
    match db::get_meta(conn, "format").map_err(db_err)? {
        None => db::set_meta(conn, "format", &STORE_FORMAT.to_string()).map_err(db_err),
        Some(v) => {
            let found = v.parse().unwrap_or(0);
            if found == STORE_FORMAT {
                Ok(())
            } else {
                Err(Error::Version {
                    path: dir.to_path_buf(),
                    found,
                    expected: STORE_FORMAT,
                })
            }
        }
    }
}

/// The SQL and parameters of [`Store::quotes`] (oldest first) or [`Store::latest_quotes`].
fn quotes_query(filter: &QuoteFilter, newest_first: bool) -> (String, Vec<rusqlite::types::Value>) {
    let speaker = filter
        .speaker
        .as_deref()
        .map(|s| format!("%{}%", quote_key(s).replace(['%', '_'], "")));
    let from = filter
        .from
        .map(|d| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp()));
    let to = filter
        .to
        .map(|d| d.and_hms_opt(23, 59, 59).map(|t| t.and_utc().timestamp()));
    // Only the filters given go into the SQL: a constant `?2 IS NULL OR …` condition
    // hides the index on `speaker_actor` from SQLite's planner, which then walks every
    // article by date (125 ms per actor profile on SaudiNewsNet instead of under 1 ms).
    let mut conditions: Vec<&str> = Vec::new();
    let mut values: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(s) = speaker {
        conditions.push("(q.speaker_key LIKE ? OR q.role_key LIKE ?)");
        values.push(s.clone().into());
        values.push(s.into());
    }
    if let Some(a) = &filter.actor {
        conditions.push("q.speaker_actor = ?");
        values.push(a.clone().into());
    }
    if let Some(t) = from.flatten() {
        conditions.push("a.published_ts >= ?");
        values.push(t.into());
    }
    if let Some(t) = to.flatten() {
        conditions.push("a.published_ts <= ?");
        values.push(t.into());
    }
    values.push(filter.limit.map_or(-1, |l| l as i64).into());
    let sql = format!(
        "SELECT q.article_id, a.title, a.outlet, a.published, q.quote
         FROM quotes q JOIN articles a ON a.id = q.article_id
         {}{}
         ORDER BY a.published_ts {order}, a.seq {order}, q.ord {order}
         LIMIT ?",
        if conditions.is_empty() { "" } else { "WHERE " },
        conditions.join(" AND "),
        order = if newest_first { "DESC" } else { "ASC" },
    );
    (sql, values)
}

/// Copies into `bodies` the body of every article missing there: the articles of a store
/// written before the table existed, or by a build that did not know it. One indexed probe
/// per article when nothing is missing.
fn fill_bodies(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "INSERT INTO bodies (seq, body)
         SELECT a.seq, COALESCE(json_extract(a.article, '$.body'), '') FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM bodies b WHERE b.seq = a.seq)",
        [],
    )
}

fn open_index(dir: &Path) -> Result<Index> {
    let path = dir.join(INDEX_DIR);
    let index_err = |source| Error::Index {
        path: path.clone(),
        source,
    };
    let mmap = MmapDirectory::open(&path).map_err(|e| index_err(tantivy::TantivyError::from(e)))?;
    let (schema, _) = schema::build();
    let index = Index::open_or_create(mmap, schema).map_err(index_err)?;
    tantivy_analyzer::register(index.tokenizers());
    Ok(index)
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p).map_or(0, |rd| {
        rd.filter_map(|e| e.ok())
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => dir_size(&e.path()),
                _ => file_size(&e.path()),
            })
            .sum()
    })
}

/// The phases of a commit, reported to a hook (tests use it to simulate a kill at the
/// worst moment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The index committed; the database has not yet.
    IndexCommitted,
    /// Both committed.
    Committed,
}

/// Adds articles to a [`Store`] in crash-safe batches. Dropping it without
/// [`StoreWriter::commit`] discards the open batch.
/// Which stored quotes [`Store::quotes`] returns; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// A speaker name or role, matched as a substring after search folding (so `المسماري`
    /// finds `أحمد المسماري` and `الناطق` finds `الناطق باسم الجيش`).
    pub speaker: Option<String>,
    /// An actor id the speaker was linked to.
    pub actor: Option<String>,
    /// First publication day, inclusive.
    pub from: Option<chrono::NaiveDate>,
    /// Last publication day, inclusive.
    pub to: Option<chrono::NaiveDate>,
    /// At most this many quotes.
    pub limit: Option<usize>,
}

/// A stored quote with the article it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredQuote {
    /// The article id.
    pub article_id: String,
    /// The article's title.
    pub title: String,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's publication time (ISO 8601), when known.
    pub published: Option<String>,
    /// The quote.
    pub quote: Quote,
}

/// The folded key quotes are searched by speaker with.
fn quote_key(s: &str) -> String {
    marsad_arabic::normalize(s, marsad_arabic::Folds::SEARCH).text
}

pub struct StoreWriter<'s> {
    store: &'s Store,
    writer: IndexWriter<TantivyDocument>,
    conn: Connection,
    batch: u64,
    pending: u64,
    hook: Option<Box<dyn Fn(Phase) + 's>>,
    /// Event keys whose clusters must be recomputed before the batch commits, with the
    /// earliest day touched (see `events.rs`).
    dirty_events: crate::events::Dirty,
}

impl std::fmt::Debug for StoreWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreWriter")
            .field("batch", &self.batch)
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl<'s> StoreWriter<'s> {
    fn open(store: &'s Store, threads: usize) -> Result<StoreWriter<'s>> {
        let index_path = store.dir.join(INDEX_DIR);
        let db_path = store.dir.join(DB_FILE);
        let index_err = |source| Error::Index {
            path: index_path.clone(),
            source,
        };
        let db_err = |source| Error::Database {
            path: db_path.clone(),
            source,
        };
        let threads = threads.max(1);
        let mut writer = store
            .index
            .writer_with_num_threads(threads, WRITER_HEAP.max(threads * (16 << 20)))
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::Locked {
                    path: store.dir.clone(),
                },
                e => index_err(e),
            })?;
        let conn = db::open(&db_path, false).map_err(db_err)?;
        // A batch touches event, cluster and index pages all over the file (keys hash to
        // random places); with SQLite's default 2 MB page cache most of a batch's time went
        // to re-reading pages and spilling dirty ones to the WAL before the commit.
        conn.pragma_update(None, "cache_size", -WRITER_PAGE_CACHE_KIB)
            .map_err(db_err)?;
        // Every statement of the write path stays prepared (rusqlite keeps 16 by default,
        // fewer than articles, annotations, quotes and events use in turn).
        conn.set_prepared_statement_cache_capacity(64);
        let committed: u64 = db::get_meta(&conn, "committed_batch")
            .map_err(db_err)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        // Repair: drop index documents of batches SQLite never committed.
        let orphans = RangeQuery::new(
            Bound::Excluded(Term::from_field_u64(store.fields.batch, committed)),
            Bound::Unbounded,
        );
        store.reader.reload().map_err(index_err)?;
        let orphan_count = store
            .reader
            .searcher()
            .search(&orphans, &tantivy::collector::Count)
            .map_err(index_err)?;
        if orphan_count > 0 {
            writer.delete_query(Box::new(orphans)).map_err(index_err)?;
            let mut prepared = writer.prepare_commit().map_err(index_err)?;
            prepared.set_payload(&committed.to_string());
            prepared.commit().map_err(index_err)?;
        }
        fill_bodies(&conn).map_err(db_err)?;
        conn.execute_batch("BEGIN IMMEDIATE").map_err(db_err)?;
        Ok(StoreWriter {
            store,
            writer,
            conn,
            batch: committed + 1,
            pending: 0,
            hook: None,
            dirty_events: crate::events::Dirty::default(),
        })
    }

    /// Sets a hook called at each commit phase.
    pub fn on_phase(&mut self, hook: impl Fn(Phase) + 's) {
        self.hook = Some(Box::new(hook));
    }

    fn db_err(&self) -> impl FnOnce(rusqlite::Error) -> Error + '_ {
        |source| Error::Database {
            path: self.store.dir.join(DB_FILE),
            source,
        }
    }

    fn index_err(&self) -> impl FnOnce(tantivy::TantivyError) -> Error + '_ {
        |source| Error::Index {
            path: self.store.dir.join(INDEX_DIR),
            source,
        }
    }

    /// True when an article with `id` is stored (or pending in this batch).
    pub fn contains(&self, id: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut st| st.query_row([id], |_| Ok(())).optional())
            .map(|o| o.is_some())
            .map_err(self.db_err())
    }

    /// What the store knows about a file (including records pending in this batch).
    pub fn file(&self, path: &str) -> Result<Option<FileRecord>> {
        file_record(&self.conn, path).map_err(self.db_err())
    }

    /// Adds `article` unless its id is stored already; returns whether it was added.
    /// `fingerprint` is an opaque near-duplicate signature kept for later ingests.
    pub fn add(&mut self, article: &Article, fingerprint: Option<&[u8]>) -> Result<bool> {
        if self.contains(&article.id)? {
            return Ok(false);
        }
        let doc = self.document(article, self.batch);
        let published_ts = article
            .published
            .as_ref()
            .map(|p| p.sort_key().and_utc().timestamp());
        let json = serde_json::to_string(article).map_err(|source| Error::Corrupt {
            id: article.id.clone(),
            source,
        })?;
        self.conn
            .prepare_cached(
                "INSERT INTO articles (id, batch, source, record, format, title, published,
                 published_ts, author, outlet, genre, language, dup_of, fingerprint, article)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    article.id,
                    self.batch,
                    article.source.location,
                    article.source.record,
                    article.format.name(),
                    article.title,
                    article.published.as_ref().map(|p| p.to_string()),
                    published_ts,
                    article.author,
                    article.outlet,
                    article.genre.name(),
                    article.language,
                    article.dup_of,
                    fingerprint,
                    json,
                ])
            })
            .map_err(self.db_err())?;
        let seq = self.conn.last_insert_rowid();
        self.conn
            .prepare_cached("INSERT INTO bodies (seq, body) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute(params![seq, article.body]))
            .map_err(self.db_err())?;
        self.writer.add_document(doc).map_err(self.index_err())?;
        self.add_quotes(&article.id, &article.quotes)?;
        self.add_annotations(article)?;
        self.write_events(
            &article.id,
            &article.events,
            article.published.as_ref(),
            true,
        )?;
        self.pending += 1;
        Ok(true)
    }

    /// The index document of `article`, tagged with ingest batch `batch`.
    fn document(&self, article: &Article, batch: u64) -> TantivyDocument {
        let f = self.store.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &article.id);
        doc.add_text(f.title, &article.title);
        doc.add_text(f.body, &article.body);
        if let Some(o) = &article.outlet {
            doc.add_text(f.outlet, o);
        }
        if let Some(a) = &article.author {
            doc.add_text(f.author, a);
        }
        doc.add_text(f.genre, article.genre.name());
        for t in &article.tags {
            doc.add_text(f.tag, t);
        }
        let published_ts = article
            .published
            .as_ref()
            .map(|p| p.sort_key().and_utc().timestamp());
        if let (Some(ts), Some(p)) = (published_ts, &article.published) {
            doc.add_date(f.published, DateTime::from_timestamp_secs(ts));
            doc.add_text(f.month, p.local.format("%Y-%m").to_string());
        }
        doc.add_text(f.language, &article.language);
        doc.add_text(f.dup_of, article.dup_of.as_deref().unwrap_or(""));
        doc.add_u64(f.batch, batch);
        for a in &article.actors {
            doc.add_text(f.actor, &a.id);
        }
        let mut entity_terms: Vec<String> = article
            .entities
            .iter()
            .filter(|e| !e.nominal)
            .map(|e| format!("{}:{}", e.kind.name(), normalize_alias(&e.text)))
            .collect();
        entity_terms.sort_unstable();
        entity_terms.dedup();
        for t in &entity_terms {
            doc.add_text(f.entity, t);
        }
        let mut types: Vec<&str> = article.events.iter().map(|e| e.kind.name()).collect();
        types.sort_unstable();
        types.dedup();
        for t in types {
            doc.add_text(f.event_type, t);
        }
        doc
    }

    /// Stores the actor mentions of `article` and its actors (inserted as the article
    /// describes them when the store does not know them yet; [`StoreWriter::put_actors`]
    /// stores the merged corpus record), and moves their first-seen time back to the
    /// article's publication time, in this batch's transaction. [`StoreWriter::add`] calls
    /// it with the article's `entities` and `actors`.
    pub fn add_annotations(&mut self, article: &Article) -> Result<()> {
        let published_ts = article
            .published
            .as_ref()
            .map(|p| p.sort_key().and_utc().timestamp());
        annotations(&self.conn, article, published_ts).map_err(self.db_err())
    }

    /// Stores the corpus record of `actors` (name, type, country, every alias and role, as
    /// an actor registry merged them), in this batch's transaction.
    pub fn put_actors(&mut self, actors: &[Actor]) -> Result<()> {
        for a in actors {
            insert_actor(&self.conn, a, true).map_err(self.db_err())?;
        }
        Ok(())
    }

    /// Stores the quotes of article `article_id` (replacing any stored before), in this
    /// batch's transaction. [`StoreWriter::add`] calls it with `article.quotes`.
    pub fn add_quotes(&mut self, article_id: &str, quotes: &[Quote]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM quotes WHERE article_id = ?1")
            .and_then(|mut st| st.execute([article_id]))
            .map_err(self.db_err())?;
        for (ord, q) in quotes.iter().enumerate() {
            let json = serde_json::to_string(q).map_err(|source| Error::Corrupt {
                id: article_id.to_string(),
                source,
            })?;
            self.conn
                .execute(
                    "INSERT INTO quotes (article_id, ord, speaker, speaker_key, speaker_actor,
                     role, role_key, cue, text, direct, certainty, quote, start, end)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                    params![
                        article_id,
                        ord as i64,
                        q.speaker,
                        q.speaker.as_deref().map(quote_key),
                        q.speaker_actor,
                        q.role,
                        q.role.as_deref().map(quote_key),
                        q.cue,
                        q.text,
                        q.direct,
                        q.certainty.label.name(),
                        json,
                        q.start as i64,
                        q.end as i64,
                    ],
                )
                .map_err(self.db_err())?;
        }
        Ok(())
    }

    /// Replaces the events of stored article `article_id` (re-extraction): in its record,
    /// and in the event tables, where the old mentions leave their clusters and the actor
    /// graph; in this batch's transaction. `published` is the article's publication time,
    /// which places events without a date of their own. Clusters and graph edges are
    /// brought up to date when the batch commits. [`StoreWriter::add`] stores
    /// `article.events` the same way.
    pub fn add_events(
        &mut self,
        article_id: &str,
        events: &[marsad_core::Event],
        published: Option<&marsad_core::Published>,
    ) -> Result<()> {
        // The stored record carries its events too (`show --json`, the API's article page).
        let json = serde_json::to_string(events).map_err(|source| Error::Corrupt {
            id: article_id.to_string(),
            source,
        })?;
        self.conn
            .prepare_cached(
                "UPDATE articles SET article = json_set(article, '$.events', json(?2))
                 WHERE id = ?1",
            )
            .and_then(|mut st| st.execute(params![article_id, json]))
            .map_err(self.db_err())?;
        self.reindex(article_id)?;
        self.write_events(article_id, events, published, false)
    }

    /// Replaces the index document of a stored article by one built from its stored record
    /// (its event types changed). The document keeps the article's batch, so a crash before
    /// this batch commits cannot make crash repair drop an article committed earlier.
    fn reindex(&mut self, article_id: &str) -> Result<()> {
        let row: Option<(u64, String)> = self
            .conn
            .query_row(
                "SELECT batch, article FROM articles WHERE id = ?1",
                [article_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.db_err())?;
        let Some((batch, json)) = row else {
            return Ok(());
        };
        let article: Article = serde_json::from_str(&json).map_err(|source| Error::Corrupt {
            id: article_id.to_string(),
            source,
        })?;
        let id = Term::from_field_text(self.store.fields.id, article_id);
        self.writer.delete_term(id);
        let doc = self.document(&article, batch);
        self.writer.add_document(doc).map_err(self.index_err())?;
        Ok(())
    }

    fn write_events(
        &mut self,
        article_id: &str,
        events: &[marsad_core::Event],
        published: Option<&marsad_core::Published>,
        fresh: bool,
    ) -> Result<()> {
        crate::events::write_article(
            &self.conn,
            &mut self.dirty_events,
            article_id,
            events,
            published,
            fresh,
        )
        .map_err(self.db_err())
    }

    /// Records that `path` was ingested (in this batch, so a crash forgets it together
    /// with its articles).
    pub fn record_file(&mut self, path: &str, record: &FileRecord) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO files (path, size, mtime, articles, failed, error, batch)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
                   articles = excluded.articles, failed = excluded.failed,
                   error = excluded.error, batch = excluded.batch",
                params![
                    path,
                    record.size,
                    record.mtime,
                    record.articles,
                    record.failed,
                    record.error,
                    self.batch
                ],
            )
            .map_err(self.db_err())?;
        Ok(())
    }

    /// Articles added since the last commit.
    pub fn pending(&self) -> u64 {
        self.pending
    }

    /// Commits the open batch to both stores (see the module docs) and opens the next.
    pub fn commit(&mut self) -> Result<()> {
        // Clusters and the graph first, in the batch's transaction, so they commit (or are
        // lost) together with the mentions that changed them.
        let dirty = std::mem::take(&mut self.dirty_events);
        crate::events::recluster(&self.conn, dirty).map_err(self.db_err())?;
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|source| Error::Index {
                path: self.store.dir.join(INDEX_DIR),
                source,
            })?;
        prepared.set_payload(&self.batch.to_string());
        prepared.commit().map_err(|source| Error::Index {
            path: self.store.dir.join(INDEX_DIR),
            source,
        })?;
        if let Some(hook) = &self.hook {
            hook(Phase::IndexCommitted);
        }
        db::set_meta(&self.conn, "committed_batch", &self.batch.to_string())
            .map_err(self.db_err())?;
        self.conn
            .execute_batch("COMMIT; BEGIN IMMEDIATE")
            .map_err(self.db_err())?;
        if let Some(hook) = &self.hook {
            hook(Phase::Committed);
        }
        self.batch += 1;
        self.pending = 0;
        Ok(())
    }

    /// Commits, then waits for background merges so the index is compact on disk.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.conn.execute_batch("COMMIT").map_err(self.db_err())?;
        let path = self.store.dir.join(INDEX_DIR);
        self.writer
            .wait_merging_threads()
            .map_err(|source| Error::Index { path, source })?;
        let _ = self.store.reader.reload();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's plan for `sql` with `values`, one line per step.
    fn plan(conn: &Connection, sql: &str, values: Vec<rusqlite::types::Value>) -> String {
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = st
            .query_map(rusqlite::params_from_iter(values), |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    /// Regression: a constant `?2 IS NULL OR q.speaker_actor = ?2` condition hid the index
    /// on `speaker_actor` from the planner, and an actor profile walked every article by
    /// date. Only the filters given go into the SQL, so an actor's quotes go through it.
    #[test]
    fn quotes_of_an_actor_use_the_speaker_actor_index() {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::create_schema(&conn).unwrap();
        for newest_first in [false, true] {
            let filter = QuoteFilter {
                actor: Some("a1".into()),
                limit: Some(20),
                ..QuoteFilter::default()
            };
            let (sql, values) = quotes_query(&filter, newest_first);
            let plan = plan(&conn, &sql, values);
            assert!(plan.contains("quotes_actor"), "{plan}");
        }
        // With no filter at all there is no condition to check.
        let (sql, values) = quotes_query(&QuoteFilter::default(), false);
        assert!(!sql.contains("WHERE"), "{sql}");
        assert_eq!(values.len(), 1, "only the limit");
    }
}
