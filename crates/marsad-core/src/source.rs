//! Where an article came from.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The container format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The plain-text scrape layout (title / date / tags / byline / paragraphs).
    Text,
    /// A saved HTML page.
    Html,
    /// An RSS 0.9x / 1.0 / 2.0 feed item.
    Rss,
    /// An Atom feed entry.
    Atom,
    /// One line of a JSON Lines dump (or one element of a JSON array).
    Jsonl,
    /// An HTML response record of a WARC file.
    Warc,
}

impl Format {
    /// The lower-case name used in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The file path or URL an article was read from, and its record index inside a container
/// (the 0-based line of a JSONL file, item of a feed, record of a WARC file).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// A file path as given on the command line (joined with the walked directory), or a URL.
    pub location: String,
    /// 0-based index of the record inside the container; `None` for single-article files.
    pub record: Option<u64>,
}

impl Source {
    /// A single-article file.
    pub fn file(location: impl Into<String>) -> Source {
        Source {
            location: location.into(),
            record: None,
        }
    }

    /// Record `record` of a container.
    pub fn record(location: impl Into<String>, record: u64) -> Source {
        Source {
            location: location.into(),
            record: Some(record),
        }
    }
}

/// `path` or `path#record`, the form used in error lines.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}#{}", self.location, r),
            None => f.write_str(&self.location),
        }
    }
}
