//! The marsad store: one data directory holding a tantivy index (Arabic-aware full text,
//! facets, dates) and a SQLite database (articles, files, and later annotations).
//!
//! * [`Store`] opens a data directory, reconciling after a crash, and answers queries;
//! * [`StoreWriter`] adds articles in batches with a two-phase commit (see [`store`]);
//! * [`query`] parses marsad's query language; [`search`] runs it with facets and snippets;
//! * [`events`] stores event mentions, merges them into events across articles and keeps
//!   the actor graph; [`graph`] writes that graph as JSON, GEXF, GraphML or DOT;
//! * [`retrieval`] is the known-item retrieval benchmark behind `marsad eval search`.
//!
//! Why SQLite for the metadata: later stages (entities, quotes, events, the actor graph)
//! need joins, aggregates and ad-hoc filters, which SQL gives for free; WAL mode lets
//! readers keep working while an ingest writes; it is one file, crash-safe by design, and
//! `rusqlite` bundles it so a fresh machine needs nothing installed. See `docs/store.md`.

pub mod datadir;
mod db;
mod error;
pub mod events;
mod facets;
pub mod graph;
pub mod query;
pub mod retrieval;
mod schema;
pub mod search;
pub mod store;

pub use error::{Error, Result};
pub use events::{
    ActorMonth, ClusterPage, EventCluster, EventCounterpart, EventFilter, EventPage, GraphFilter,
    Party, Reporter, StoredEvent,
};
pub use search::{ActorFacet, Facets, SearchHit, SearchRequest, SearchResults};
pub use store::{ActorStats, FileRecord, QuoteFilter, Stats, Store, StoreWriter, StoredQuote};
