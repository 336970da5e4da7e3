//! The crate's error type: loading or parsing model, cluster, gazetteer and corpus files.
//! Analysis itself (tagging, recognizing, looking up) never fails.

use std::fmt;

/// An error with its kind and where it happened (file and line when known).
#[derive(Debug, thiserror::Error)]
#[error("{}{kind}", location(.source_name, .line))]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file or stream the error is about, when known.
    pub source_name: Option<String>,
    /// The 1-based line, for text formats.
    pub line: Option<usize>,
}

fn location(source: &Option<String>, line: &Option<usize>) -> String {
    match (source, line) {
        (Some(s), Some(l)) => format!("{s}:{l}: "),
        (Some(s), None) => format!("{s}: "),
        (None, Some(l)) => format!("line {l}: "),
        (None, None) => String::new(),
    }
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A line of a text format (gazetteer, clusters, CoNLL) is malformed.
    #[error("malformed line: {0}")]
    Malformed(String),
    /// A binary model file is not a marsad NER model, or is of another version.
    #[error("not a marsad NER model: {0}")]
    BadModel(String),
    /// Training was asked for with nothing to learn from.
    #[error("no training data: {0}")]
    NoData(String),
    /// An I/O error while reading or decompressing.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// An error of `kind` with no location.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            source_name: None,
            line: None,
        }
    }

    /// A malformed-line error at `line`.
    pub fn malformed(line: usize, what: impl fmt::Display) -> Self {
        Error {
            kind: ErrorKind::Malformed(what.to_string()),
            source_name: None,
            line: Some(line),
        }
    }

    /// Sets the file or stream name.
    pub fn in_source(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io(e))
    }
}

/// Results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
