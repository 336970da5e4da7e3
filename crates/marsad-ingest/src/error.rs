//! Typed ingestion errors, each naming the file (or URL) and record it is about.

use marsad_core::Source;
use std::fmt;

/// Why one file or one record could not become an article.
#[derive(Debug)]
pub struct IngestError {
    /// The file or URL, and the record index inside it when the error is about one record.
    pub source: Source,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong, one variant per phenomenon.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A document, line or record exceeds a documented size limit.
    #[error("{what} exceeds the {limit} limit")]
    TooLarge { what: &'static str, limit: String },
    /// Not text: NUL bytes or a known binary signature.
    #[error("binary file ({0})")]
    Binary(String),
    /// Bytes that are not valid in the charset they claim or that was guessed.
    #[error("{0}")]
    Encoding(String),
    /// A gzip or zstd stream that ends early or is corrupt.
    #[error("{0}")]
    Compression(String),
    /// Malformed XML in a feed, or XML that declares entities.
    #[error("{0}")]
    Xml(String),
    /// An RSS/Atom document the feed parser rejects.
    #[error("malformed feed: {0}")]
    Feed(String),
    /// An HTML page in which no article text was found.
    #[error("no article found in the page ({0})")]
    NoArticle(String),
    /// A JSONL line that is not a JSON object, or lacks every body field.
    #[error("{0}")]
    Json(String),
    /// A WARC record whose framing (version line, headers, Content-Length) is broken.
    #[error("{0}")]
    Warc(String),
    /// A file or record with nothing to read in it.
    #[error("{0}")]
    Empty(String),
    /// An HTTP failure while polling a feed.
    #[error("{0}")]
    Http(String),
}

impl IngestError {
    /// An error about `source`.
    pub fn new(source: Source, kind: ErrorKind) -> IngestError {
        IngestError { source, kind }
    }
}

/// `file[#record]: reason`, the one-line form the CLI prints.
impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.kind)
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
