//! The store's error type: what failed, and where.

use std::path::PathBuf;

/// A store error. Every variant says which operation or path failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The full-text index failed.
    #[error("index {path}: {source}")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What tantivy said.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The metadata database failed.
    #[error("database {path}: {source}")]
    Database {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// A file-system operation on the data directory failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A stored record could not be decoded.
    #[error("stored article {id} is corrupt: {source}")]
    Corrupt {
        /// The article id.
        id: String,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// The query could not be parsed.
    #[error("bad query: {0}")]
    Query(String),
    /// The data directory was written by an incompatible version.
    #[error(
        "{path} has store format {found}, this marsad reads format {expected}: re-ingest into a new data directory"
    )]
    Version {
        /// The data directory.
        path: PathBuf,
        /// The format found.
        found: u32,
        /// The format this build reads.
        expected: u32,
    },
    /// Another process holds the write lock.
    #[error("{path} is being written by another marsad process; wait for it to finish")]
    Locked {
        /// The data directory.
        path: PathBuf,
    },
}

/// A store result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
