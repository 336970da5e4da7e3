//! marsad's readers: every form an Arabic newsroom archive comes in, turned into
//! [`marsad_core::Article`]s without losing anything silently.
//!
//! * Formats: the plain-text scrape layout ([`text`]), saved HTML pages ([`html`]), RSS and
//!   Atom feeds ([`feed`]), JSON Lines and JSON arrays ([`jsonl`]), WARC crawls ([`warc`]).
//! * Containers: directories (walked recursively), gzip and zstd ([`compress`]); the format
//!   is detected from the content ([`detect`]), the extension only breaks ties.
//! * Charsets ([`encoding`]), dates in every regional shape and the Hijri calendar
//!   ([`dates`]), bylines ([`byline`]).
//! * Dedup of exact and near-duplicate copies ([`dedup`]), and feed polling ([`watch`]).
//!
//! **Architecture invariant:** reading never fails as a whole. Every file and record yields
//! an [`Event`]: an article, a failure with a one-line reason naming the file and record,
//! or a skipped non-article record. Library code never prints and never panics on input;
//! memory is bounded by [`Limits`].
//!
//! ```
//! use marsad_ingest::{Event, Options, read_bytes};
//!
//! let page = "عنوان الخبر\n\n24/05/2016 - 12:55:55\n\nوسم\n\nكاتب – وكالة أنباء\n\nالفقرة الأولى.\n\nالفقرة الثانية.";
//! let mut got = Vec::new();
//! read_bytes("mem.txt", page.as_bytes(), &Options::default(), &mut |e| got.push(e));
//! let Event::Article(a) = &got[0] else { panic!() };
//! assert_eq!(a.published.as_ref().unwrap().to_string(), "2016-05-24T12:55:55");
//! assert_eq!(a.outlet.as_deref(), Some("وكالة أنباء"));
//! assert_eq!(a.paragraphs().count(), 2);
//! ```

pub mod byline;
pub mod compress;
pub mod dates;
pub mod dedup;
pub mod detect;
pub mod encoding;
pub mod error;
pub mod feed;
pub mod finish;
pub mod genre;
pub mod html;
pub mod jsonl;
pub mod limits;
mod read;
pub mod text;
pub mod walk;
pub mod warc;
pub mod watch;

pub use error::{ErrorKind, IngestError};
pub use jsonl::JsonOptions;
pub use limits::Limits;
pub use read::{read_bytes, read_path, read_reader};
pub use walk::{Summary, ingest_paths};

use marsad_core::{Article, Source};

/// What reading produced for one file or record.
// Articles dominate the stream and are moved once into the caller's vector; boxing them
// would add an allocation per article to save space on the rare failures.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Event {
    /// An article.
    Article(Article),
    /// A file or record that could not be read, and why.
    Failed(IngestError),
    /// A record that is not an article by nature (a WARC request, an image response).
    Skipped { source: Source, reason: String },
}

impl From<Result<Article, IngestError>> for Event {
    fn from(r: Result<Article, IngestError>) -> Event {
        match r {
            Ok(a) => Event::Article(a),
            Err(e) => Event::Failed(e),
        }
    }
}

/// Reading options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Size limits.
    pub limits: Limits,
    /// JSON field options (outlet names).
    pub json: JsonOptions,
}
